/**
 * Incremental PCA: PCA fitted one batch at a time, in memory O(batch·d + k·d) (scikit-learn's
 * `IncrementalPCA`; Ross, Lim, Lin & Yang 2008, the incremental SVD with a moving mean).
 *
 * After batches with n₀ samples seen, mean μ₀ and the current σ, V (k, d), a new batch B
 * (n₁ × d, mean μ₁) is merged by one small SVD:
 *
 *       ┌ diag(σ)·Vᵀ                      ┐   k rows:  the old data, compressed
 *   M = │ B − μ₁                           │   n₁ rows: the new batch, centred on its own mean
 *       └ √(n₀·n₁/(n₀+n₁))·(μ₀ − μ₁)       ┘   1 row:   the correction for the moving mean
 *
 *   M = U·Σ·V'ᵀ  ⇒  the new σ = diag(Σ)[:k], components = V'ᵀ[:k] (signs by svd-flip.ts).
 * Why: the scatter matrix of all n₀ + n₁ samples about the new mean is
 *   S₀ + S₁ + (n₀n₁/(n₀+n₁))·(μ₀ − μ₁)(μ₀ − μ₁)ᵀ, and MᵀM equals it when S₀ ≈ V·diag(σ²)·Vᵀ.
 * The mean and per-feature variance are updated exactly (Chan, Golub & LeVeque's pairwise
 * update), so explainedVarianceRatio uses the exact total variance.
 * Learns: as PCA (`components` (k, d), `explainedVariance`, `explainedVarianceRatio`,
 * `singularValues`, `mean`, `noiseVariance`), plus `var` (d,), `nSamplesSeen`, `batchSize`.
 * Invariant: with one batch holding all the data, the result is PCA's (full solver).
 * Reference: scikit-learn user guide §2.5.2 "Incremental PCA"; D. Ross, J. Lim, R. Lin &
 * M. Yang, "Incremental learning for robust visual tracking", IJCV 77, 2008.
 */
import * as np from "@sliderule/ndarray";
import type { NDArray } from "@sliderule/ndarray";
import * as linalg from "@sliderule/linalg";
import { z } from "zod";
import {
  arrayFromJSON,
  arrayToJSON,
  checkArray,
  checkEstimatorJSON,
  checkNFeatures,
  parseOptions,
  ValueError,
  type ArrayJSON,
  type EstimatorJSON,
} from "../base.js";
import { project, reconstruct } from "./projection.js";
import { svdFlip } from "./svd-flip.js";

const NAME = "IncrementalPCA";
const OPTIONS = z.object({
  /** k, an integer ≥ 1; null/undefined: min(first batch's rows, d). */
  nComponents: z.number().int().positive().nullable().default(null),
  /** Scale projections to unit variance (default false). */
  whiten: z.boolean().default(false),
  /** Rows per batch in fit (default 5·d). */
  batchSize: z.number().int().positive().nullable().default(null),
});
export type IncrementalPCAOptions = z.input<typeof OPTIONS>;

const FIELDS = ["components", "explainedVariance", "explainedVarianceRatio", "singularValues", "mean", "var"] as const;

/**
 * PCA by batches (see the file header).
 * @example
 *   const ipca = new IncrementalPCA({ nComponents: 2 });
 *   for (const batch of batches) ipca.partialFit(batch);
 *   ipca.transform(X);
 */
export class IncrementalPCA {
  readonly options: z.output<typeof OPTIONS>;
  /** (k, d) principal axes. */
  components?: NDArray;
  /** (k,) σ_k² / (n − 1). */
  explainedVariance?: NDArray;
  /** (k,) explainedVariance / total variance. */
  explainedVarianceRatio?: NDArray;
  /** (k,) singular values. */
  singularValues?: NDArray;
  /** (d,) the running mean. */
  mean?: NDArray;
  /** (d,) the running per-feature variance (ddof 0). */
  var?: NDArray;
  /** Mean of the discarded variances of the last merge (0 when none are discarded). */
  noiseVariance?: number;
  /** k, resolved. */
  nComponents?: number;
  /** Samples merged so far. */
  nSamplesSeen = 0;
  /** The batch size fit used. */
  batchSize?: number;
  /** Number of features. */
  nFeaturesIn?: number;

  constructor(options: IncrementalPCAOptions = {}) {
    this.options = parseOptions(NAME, OPTIONS, options);
  }

  /** Fit from scratch on X (n, d) in batches of batchSize (default 5·d). Returns this. */
  fit(X: unknown, _y?: unknown): this {
    const A = checkArray(X, NAME, "X", { ndim: 2, dtype: "float64" });
    const [n, d] = A.shape;
    this.reset();
    const b = this.options.batchSize ?? 5 * d;
    this.batchSize = b;
    // scikit-learn's gen_batches(n, b, min_batch_size=k): a short last batch joins the previous one
    const minBatch = this.options.nComponents ?? 0;
    let start = 0;
    for (let i = 0; i < Math.floor(n / b); i++) {
      const end = start + b;
      if (end + minBatch > n) continue;
      this.partialFitChecked(A.slice(np.slice(start, end)).copy());
      start = end;
    }
    if (start < n) this.partialFitChecked(A.slice(np.slice(start, n)).copy());
    return this;
  }

  private reset(): void {
    for (const f of FIELDS) this[f] = undefined;
    this.nSamplesSeen = 0;
    this.nComponents = undefined;
    this.nFeaturesIn = undefined;
    this.noiseVariance = undefined;
  }

  /** Merge one batch X (n₁, d) into the current fit. Returns this. */
  partialFit(X: unknown, _y?: unknown): this {
    return this.partialFitChecked(checkArray(X, NAME, "X", { ndim: 2, dtype: "float64" }));
  }

  private partialFitChecked(B: NDArray): this {
    const [n1, d] = B.shape;
    if (this.nFeaturesIn !== undefined) checkNFeatures(B, this.nFeaturesIn, NAME);
    const want = this.options.nComponents;
    const k = want ?? this.nComponents ?? Math.min(n1, d);
    if (k > d) throw new ValueError(`${NAME}: nComponents=${k} invalid for nFeatures=${d}, need more rows than columns for IncrementalPCA processing`);
    if (k > n1) throw new ValueError(`${NAME}: nComponents=${k} must be less or equal to the batch number of samples ${n1}`);
    if (this.nComponents !== undefined && k !== this.nComponents) {
      throw new ValueError(
        `${NAME}: number of input features has changed from ${this.nComponents} to ${k} between calls to partialFit; try setting nComponents to a fixed value`,
      );
    }
    const b = B.data as Float64Array;
    const n0 = this.nSamplesSeen;
    const N = n0 + n1;
    // the batch mean μ₁ and unnormalised variance Σ(b − μ₁)² (corrected two-pass)
    const mu1 = new Float64Array(d);
    for (let i = 0; i < n1; i++) for (let j = 0; j < d; j++) mu1[j] += b[i * d + j];
    for (let j = 0; j < d; j++) mu1[j] /= n1;
    const ss1 = new Float64Array(d);
    const c1 = new Float64Array(d);
    for (let i = 0; i < n1; i++) {
      for (let j = 0; j < d; j++) {
        const t = b[i * d + j] - mu1[j];
        ss1[j] += t * t;
        c1[j] += t;
      }
    }
    // pairwise update: μ = (n₀μ₀ + n₁μ₁)/N, S = S₀ + S₁ + (n₀n₁/N)(μ₀ − μ₁)²
    const mu0 = (this.mean?.data as Float64Array | undefined) ?? new Float64Array(d);
    const var0 = (this.var?.data as Float64Array | undefined) ?? new Float64Array(d);
    const mu = new Float64Array(d);
    const variance = new Float64Array(d);
    for (let j = 0; j < d; j++) {
      const S1 = ss1[j] - (c1[j] * c1[j]) / n1;
      const delta = mu0[j] - mu1[j];
      mu[j] = (n0 * mu0[j] + n1 * mu1[j]) / N;
      variance[j] = (var0[j] * n0 + S1 + ((n0 * n1) / N) * delta * delta) / N;
    }
    // M = [diag(σ)·Vᵀ; B − μ₁; √(n₀n₁/N)·(μ₀ − μ₁)]  (only the middle block on the first batch, centred on μ)
    const kPrev = n0 > 0 ? this.nComponents! : 0;
    const rows = kPrev + n1 + (n0 > 0 ? 1 : 0);
    const M = new Float64Array(rows * d);
    if (n0 > 0) {
      const sigma = this.singularValues!.data as Float64Array;
      const V = this.components!.data as Float64Array;
      for (let r = 0; r < kPrev; r++) for (let j = 0; j < d; j++) M[r * d + j] = sigma[r] * V[r * d + j];
      const w = Math.sqrt((n0 / N) * n1);
      for (let j = 0; j < d; j++) M[(kPrev + n1) * d + j] = w * (mu0[j] - mu1[j]);
    }
    for (let i = 0; i < n1; i++) for (let j = 0; j < d; j++) M[(kPrev + i) * d + j] = b[i * d + j] - mu1[j];
    const { S, Vh } = linalg.svd(np.fromTypedArray(M, [rows, d]), { fullMatrices: false });
    const s = Float64Array.from(S.data as Float64Array);
    const Vt = Float64Array.from(Vh.astype("float64").copy().data as Float64Array);
    svdFlip(Vt, s.length, d);
    // variances: σ²/(N − 1); ratio against the exact total Σ_j var_j·N
    let total = 0;
    for (let j = 0; j < d; j++) total += variance[j] * N;
    const ev = s.map((x) => (x * x) / (N - 1));
    const ratio = s.map((x) => (x * x) / total);
    this.components = np.fromTypedArray(Vt.slice(0, k * d), [k, d]);
    this.singularValues = np.fromTypedArray(s.slice(0, k));
    this.explainedVariance = np.fromTypedArray(ev.slice(0, k));
    this.explainedVarianceRatio = np.fromTypedArray(ratio.slice(0, k));
    this.mean = np.fromTypedArray(mu);
    this.var = np.fromTypedArray(variance);
    this.nSamplesSeen = N;
    this.nComponents = k;
    this.nFeaturesIn = d;
    if (k !== n1 && k !== d && ev.length > k) this.noiseVariance = ev.subarray(k).reduce((a, x) => a + x, 0) / (ev.length - k);
    else this.noiseVariance = 0;
    return this;
  }

  /** Z = (X − X̄)·componentsᵀ (÷ √explainedVariance with whiten): (m, k). See projection.ts. */
  transform(X: unknown): NDArray {
    return project(this, X, this.options.whiten, NAME);
  }

  /** fit(X).transform(X). */
  fitTransform(X: unknown, y?: unknown): NDArray {
    return this.fit(X, y).transform(X);
  }

  /** X ≈ Z·components + X̄ (Z·(√explainedVariance·components) + X̄ with whiten): (m, d). */
  inverseTransform(Z: unknown): NDArray {
    return reconstruct(this, Z, this.options.whiten, NAME);
  }

  /** Plain-JSON form: { estimator: "IncrementalPCA", options, state }. */
  toJSON(): EstimatorJSON {
    if (this.components === undefined) return { estimator: NAME, options: { ...this.options }, state: null };
    const state: Record<string, unknown> = {
      noiseVariance: this.noiseVariance,
      nComponents: this.nComponents,
      nSamplesSeen: this.nSamplesSeen,
      batchSize: this.batchSize ?? null,
      nFeaturesIn: this.nFeaturesIn,
    };
    for (const f of FIELDS) state[f] = arrayToJSON(this[f]!);
    return { estimator: NAME, options: { ...this.options }, state };
  }

  /** Rebuild an IncrementalPCA from toJSON()'s output (partialFit can continue from it). */
  static fromJSON(json: unknown): IncrementalPCA {
    const j = checkEstimatorJSON(json, NAME);
    const p = new IncrementalPCA(j.options as IncrementalPCAOptions);
    const st = j.state;
    if (st) {
      for (const f of FIELDS) p[f] = arrayFromJSON(st[f] as ArrayJSON, NAME, f);
      p.noiseVariance = st.noiseVariance as number;
      p.nComponents = st.nComponents as number;
      p.nSamplesSeen = st.nSamplesSeen as number;
      p.batchSize = (st.batchSize as number | null) ?? undefined;
      p.nFeaturesIn = st.nFeaturesIn as number;
    }
    return p;
  }
}
