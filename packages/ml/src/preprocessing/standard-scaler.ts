/**
 * Standardisation: each feature shifted to mean 0 and scaled to unit variance
 * (scikit-learn's `StandardScaler`).
 *
 *   z = (x − μ) / σ,   μ_j = (1/n)·Σ_i X_ij,   σ_j² = (1/n)·Σ_i (X_ij − μ_j)²   (ddof = 0)
 *
 * Learns: `mean` μ (d,), `var` σ² (d,), `scale` σ (d,), `nSamplesSeen`. A constant feature
 * (σ² within rounding of 0: σ² ≤ n·eps·σ² + (n·μ·eps)², scikit-learn's `_is_constant_feature`)
 * gets scale 1, so it is centred but not divided by ~0.
 * Invariant: transform(X) has column means ≈ 0 and population variances ≈ 1 (or 0 for constant
 * features); inverseTransform(transform(X)) ≈ X.
 * Reference: scikit-learn user guide §7.3.1 "Standardization, or mean removal and variance
 * scaling"; variance by two passes (Chan, Golub & LeVeque, "Algorithms for computing the sample
 * variance", 1983: the corrected two-pass formula).
 */
import * as np from "@sliderule/ndarray";
import type { NDArray } from "@sliderule/ndarray";
import { z } from "zod";
import {
  arrayFromJSON,
  arrayToJSON,
  checkArray,
  checkEstimatorJSON,
  checkFitted,
  checkNFeatures,
  parseOptions,
  type ArrayJSON,
  type EstimatorJSON,
} from "../base.js";

const NAME = "StandardScaler";
const OPTIONS = z.object({
  /** Subtract the mean (default true). */
  withMean: z.boolean().default(true),
  /** Divide by the standard deviation (default true). */
  withStd: z.boolean().default(true),
});
export type StandardScalerOptions = z.input<typeof OPTIONS>;

/**
 * z = (x − mean) / scale per feature (scikit-learn's StandardScaler; see the file header).
 * @example
 *   const s = new StandardScaler().fit([[0, 0], [2, 4]]);
 *   s.transform([[1, 2]]).toArray();   // [[0, 0]]
 */
export class StandardScaler {
  readonly options: z.output<typeof OPTIONS>;
  /** (d,) feature means; null when withMean is false. */
  mean: NDArray | null = null;
  /** (d,) population variances (ddof 0); null when withStd is false. */
  var: NDArray | null = null;
  /** (d,) σ, with 1 for constant features; null when withStd is false. */
  scale: NDArray | null = null;
  /** Number of samples seen in fit. */
  nSamplesSeen?: number;
  /** Number of features seen in fit. */
  nFeaturesIn?: number;

  constructor(options: StandardScalerOptions = {}) {
    this.options = parseOptions(NAME, OPTIONS, options);
  }

  /** Learn μ and σ from X (n, d). `y` is ignored (pipeline compatibility). Returns this. */
  fit(X: unknown, _y?: unknown): this {
    const A = checkArray(X, NAME, "X", { ndim: 2, dtype: "float64" });
    const [n, d] = A.shape;
    const a = A.data as Float64Array;
    const mu = new Float64Array(d);
    // pass 1: μ_j = Σ_i X_ij / n
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mu[j] += a[i * d + j];
    for (let j = 0; j < d; j++) mu[j] /= n;
    // pass 2, corrected: σ_j² = (Σ (X_ij − μ_j)² − (Σ (X_ij − μ_j))² / n) / n
    const s2 = new Float64Array(d);
    const s1 = new Float64Array(d);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) {
        const t = a[i * d + j] - mu[j];
        s1[j] += t;
        s2[j] += t * t;
      }
    }
    const variance = new Float64Array(d);
    const sigma = new Float64Array(d);
    const eps = Number.EPSILON;
    for (let j = 0; j < d; j++) {
      variance[j] = (s2[j] - (s1[j] * s1[j]) / n) / n;
      // constant feature: variance within the rounding of the computation (scikit-learn's bound)
      const bound = n * eps * variance[j] + (n * mu[j] * eps) ** 2;
      sigma[j] = variance[j] <= bound ? 1 : Math.sqrt(variance[j]);
    }
    this.nSamplesSeen = n;
    this.nFeaturesIn = d;
    this.mean = this.options.withMean ? np.fromTypedArray(mu) : null;
    this.var = this.options.withStd ? np.fromTypedArray(variance) : null;
    this.scale = this.options.withStd ? np.fromTypedArray(sigma) : null;
    return this;
  }

  /** z = (x − mean) / scale, (n, d) → (n, d) float64. */
  transform(X: unknown): NDArray {
    return this.apply(X, "transform");
  }

  /** x = z·scale + mean, the inverse of transform. */
  inverseTransform(X: unknown): NDArray {
    return this.apply(X, "inverseTransform");
  }

  /** fit(X).transform(X). */
  fitTransform(X: unknown, y?: unknown): NDArray {
    return this.fit(X, y).transform(X);
  }

  private apply(X: unknown, how: "transform" | "inverseTransform"): NDArray {
    const d = checkFitted(this.nFeaturesIn, NAME);
    const A = checkArray(X, NAME, "X", { ndim: 2, dtype: "float64" });
    checkNFeatures(A, d, NAME);
    const n = A.shape[0];
    const a = A.data as Float64Array;
    const out = new Float64Array(n * d);
    const mu = (this.mean?.data as Float64Array | undefined) ?? new Float64Array(d);
    const sigma = (this.scale?.data as Float64Array | undefined) ?? new Float64Array(d).fill(1);
    if (how === "transform") {
      for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) out[i * d + j] = (a[i * d + j] - mu[j]) / sigma[j];
    } else {
      for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) out[i * d + j] = a[i * d + j] * sigma[j] + mu[j];
    }
    return np.fromTypedArray(out, [n, d]);
  }

  /** Plain-JSON form: { estimator: "StandardScaler", options, state }. */
  toJSON(): EstimatorJSON {
    const state =
      this.nFeaturesIn === undefined
        ? null
        : {
            mean: this.mean && arrayToJSON(this.mean),
            var: this.var && arrayToJSON(this.var),
            scale: this.scale && arrayToJSON(this.scale),
            nSamplesSeen: this.nSamplesSeen,
            nFeaturesIn: this.nFeaturesIn,
          };
    return { estimator: NAME, options: { ...this.options }, state };
  }

  /** Rebuild a StandardScaler from toJSON()'s output. */
  static fromJSON(json: unknown): StandardScaler {
    const j = checkEstimatorJSON(json, NAME);
    const s = new StandardScaler(j.options);
    if (j.state) {
      const st = j.state as Record<string, ArrayJSON | null | number>;
      s.mean = st.mean ? arrayFromJSON(st.mean as ArrayJSON, NAME, "mean") : null;
      s.var = st.var ? arrayFromJSON(st.var as ArrayJSON, NAME, "var") : null;
      s.scale = st.scale ? arrayFromJSON(st.scale as ArrayJSON, NAME, "scale") : null;
      s.nSamplesSeen = st.nSamplesSeen as number;
      s.nFeaturesIn = st.nFeaturesIn as number;
    }
    return s;
  }
}
