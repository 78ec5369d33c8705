/**
 * Min–max scaling: each feature mapped linearly onto `featureRange` = [a, b]
 * (scikit-learn's `MinMaxScaler`).
 *
 *   x' = x·scale + min,   scale_j = (b − a) / (max_j − min_j),   min_j = a − dataMin_j·scale_j
 *
 * Learns: `dataMin`, `dataMax`, `dataRange` = dataMax − dataMin, `scale`, `min` (all (d,)).
 * A constant feature (range 0) gets range 1, so it maps to a − dataMin + x = a.
 * Invariant: transform of the training data lies in [a, b] (up to rounding), with each feature's
 * minimum at a and maximum at b; with `clip`, transform of any data lies in [a, b].
 * Reference: scikit-learn user guide §7.3.1.1 "Scaling features to a range".
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
  ValueError,
  type ArrayJSON,
  type EstimatorJSON,
} from "../base.js";

const NAME = "MinMaxScaler";
const OPTIONS = z.object({
  /** The target range [a, b], a < b (default [0, 1]). */
  featureRange: z.tuple([z.number(), z.number()]).default([0, 1]),
  /** Clip transformed values to featureRange (default false). */
  clip: z.boolean().default(false),
});
export type MinMaxScalerOptions = z.input<typeof OPTIONS>;

/**
 * x' = x·scale + min, mapping [dataMin, dataMax] onto featureRange (see the file header).
 * @example
 *   new MinMaxScaler().fitTransform([[1], [3], [5]]).toArray();   // [[0], [0.5], [1]]
 */
export class MinMaxScaler {
  readonly options: z.output<typeof OPTIONS>;
  /** (d,) per-feature minimum of the training data. */
  dataMin?: NDArray;
  /** (d,) per-feature maximum of the training data. */
  dataMax?: NDArray;
  /** (d,) dataMax − dataMin. */
  dataRange?: NDArray;
  /** (d,) (b − a) / dataRange (a range of 0 counts as 1). */
  scale?: NDArray;
  /** (d,) a − dataMin·scale. */
  min?: NDArray;
  /** Number of samples seen in fit. */
  nSamplesSeen?: number;
  /** Number of features seen in fit. */
  nFeaturesIn?: number;

  constructor(options: MinMaxScalerOptions = {}) {
    this.options = parseOptions(NAME, OPTIONS, options);
    const [a, b] = this.options.featureRange;
    if (!(a < b) || !Number.isFinite(a) || !Number.isFinite(b)) {
      throw new ValueError(`${NAME}: option featureRange: minimum of desired feature range must be smaller than maximum, got [${a}, ${b}]`);
    }
  }

  /** Learn each feature's minimum and maximum from X (n, d). Returns this. */
  fit(X: unknown, _y?: unknown): this {
    const A = checkArray(X, NAME, "X", { ndim: 2, dtype: "float64" });
    const [n, d] = A.shape;
    const x = A.data as Float64Array;
    const lo = new Float64Array(d).fill(Infinity);
    const hi = new Float64Array(d).fill(-Infinity);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) {
        const v = x[i * d + j];
        if (v < lo[j]) lo[j] = v;
        if (v > hi[j]) hi[j] = v;
      }
    }
    const [a, b] = this.options.featureRange;
    const range = new Float64Array(d);
    const scale = new Float64Array(d);
    const min = new Float64Array(d);
    for (let j = 0; j < d; j++) {
      range[j] = hi[j] - lo[j];
      // scikit-learn's _handle_zeros_in_scale: a range within 10·eps of 0 counts as 1
      scale[j] = (b - a) / (range[j] < 10 * Number.EPSILON ? 1 : range[j]);
      min[j] = a - lo[j] * scale[j];
    }
    this.dataMin = np.fromTypedArray(lo);
    this.dataMax = np.fromTypedArray(hi);
    this.dataRange = np.fromTypedArray(range);
    this.scale = np.fromTypedArray(scale);
    this.min = np.fromTypedArray(min);
    this.nSamplesSeen = n;
    this.nFeaturesIn = d;
    return this;
  }

  /** x' = x·scale + min (clipped to featureRange with `clip`). */
  transform(X: unknown): NDArray {
    const { A, n, d, scale, min } = this.prepare(X);
    const x = A.data as Float64Array;
    const out = new Float64Array(n * d);
    const [a, b] = this.options.featureRange;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) {
        let v = x[i * d + j] * scale[j] + min[j];
        if (this.options.clip) v = v < a ? a : v > b ? b : v;
        out[i * d + j] = v;
      }
    }
    return np.fromTypedArray(out, [n, d]);
  }

  /** x = (x' − min) / scale, the inverse of transform. */
  inverseTransform(X: unknown): NDArray {
    const { A, n, d, scale, min } = this.prepare(X);
    const x = A.data as Float64Array;
    const out = new Float64Array(n * d);
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) out[i * d + j] = (x[i * d + j] - min[j]) / scale[j];
    return np.fromTypedArray(out, [n, d]);
  }

  /** fit(X).transform(X). */
  fitTransform(X: unknown, y?: unknown): NDArray {
    return this.fit(X, y).transform(X);
  }

  private prepare(X: unknown) {
    const d = checkFitted(this.nFeaturesIn, NAME);
    const A = checkArray(X, NAME, "X", { ndim: 2, dtype: "float64" });
    checkNFeatures(A, d, NAME);
    return { A, n: A.shape[0], d, scale: this.scale!.data as Float64Array, min: this.min!.data as Float64Array };
  }

  /** Plain-JSON form: { estimator: "MinMaxScaler", options, state }. */
  toJSON(): EstimatorJSON {
    const state =
      this.nFeaturesIn === undefined
        ? null
        : {
            dataMin: arrayToJSON(this.dataMin!),
            dataMax: arrayToJSON(this.dataMax!),
            dataRange: arrayToJSON(this.dataRange!),
            scale: arrayToJSON(this.scale!),
            min: arrayToJSON(this.min!),
            nSamplesSeen: this.nSamplesSeen,
            nFeaturesIn: this.nFeaturesIn,
          };
    return { estimator: NAME, options: { ...this.options, featureRange: [...this.options.featureRange] }, state };
  }

  /** Rebuild a MinMaxScaler from toJSON()'s output. */
  static fromJSON(json: unknown): MinMaxScaler {
    const j = checkEstimatorJSON(json, NAME);
    const s = new MinMaxScaler(j.options);
    if (j.state) {
      const st = j.state as Record<string, unknown>;
      for (const f of ["dataMin", "dataMax", "dataRange", "scale", "min"] as const) s[f] = arrayFromJSON(st[f] as ArrayJSON, NAME, f);
      s.nSamplesSeen = st.nSamplesSeen as number;
      s.nFeaturesIn = st.nFeaturesIn as number;
    }
    return s;
  }
}
