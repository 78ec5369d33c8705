/**
 * Principal component analysis (scikit-learn's `PCA`).
 *
 *   X_c = X − X̄ = U·Σ·Vᵀ  (thin SVD)    components = rows of Vᵀ (the principal axes)
 *   explainedVariance_k = σ_k² / (n − 1)  (= the eigenvalues of the covariance X_cᵀX_c/(n − 1))
 *   transform(X) = (X − X̄)·Vᵀᵀ, and on the training data X_c·V = U·Σ·Vᵀ·V = U·Σ
 *
 * Solvers (`svdSolver`):
 *   "full" (default)    the SVD of X_c. For n ≥ d it goes through QR first: X_c = Q·R and
 *                       R = Ũ·Σ·Vᵀ give X_c = (Q·Ũ)·Σ·Vᵀ, so σ and V come from the small d × d R
 *                       and the n × d U is never formed (PCA does not need it).
 *   "covarianceEigh"    the tutorial's way: C = X_cᵀX_c/(n − 1) (d × d), eigh(C) = V·Λ·Vᵀ,
 *                       explainedVariance = Λ (descending, negatives from rounding set to 0).
 *                       Cheapest when n ≫ d (one n·d² product, then a d × d problem), but
 *                       forming C squares the condition number: eigenvalues below
 *                       ~eps·λ_max lose their relative accuracy (the large ones are fine).
 *   "randomized"        Halko, Martinsson & Tropp (2011), Algorithm 4.4, as scikit-learn's
 *                       `randomized_svd`: M = X_c (n × d), or X_cᵀ when n < d; a Gaussian
 *                       Ω = normal(size=(columns of M, l)), l = k + nOversamples; Y = M·Ω, then
 *                       nIter power iterations Y ← M·(Mᵀ·Y) (the small side re-orthonormalised by
 *                       QR each time), Q = qr(Y), B = Qᵀ·M, B = Û·Σ·Wᵀ ⇒ M ≈ (Q·Û)·Σ·Wᵀ.
 *                       Randomness (random.ts): an integer randomState drives RandomState(seed),
 *                       as scikit-learn's check_random_state, and Ω takes scikit-learn's draws
 *                       (same shape, same order); a RandomState or Generator passed in is drawn
 *                       from. scikit-learn normalises the power iterations by LU ("auto": none
 *                       for nIter ≤ 2, else LU); ours by QR. In exact arithmetic both span
 *                       M·(MᵀM)^q·Ω, so with the same Ω the components agree with scikit-learn's
 *                       to rounding (amplified by the gap σ_{l+1}/σ_k), not exactly.
 * Every solver ends with svd-flip.ts: each row of `components` has its largest-|·| entry positive.
 *
 * nComponents: an integer k in [0, min(n, d)]; a fraction f in (0, 1): the smallest k whose
 * explainedVarianceRatio sums past f; "mle": Minka's (2000) choice (full/covarianceEigh, n ≥ d);
 * null/undefined: min(n, d).
 * Learns: `components` (k, d), `explainedVariance` (k,), `explainedVarianceRatio` (k,),
 * `singularValues` (k,), `mean` (d,), `noiseVariance` (the mean of the discarded eigenvalues:
 * the probabilistic PCA noise σ², Tipping & Bishop 1999), `nComponents`, `nSamples`, `nFeaturesIn`.
 * Invariant: components·componentsᵀ = I_k; transform(X) has column variances explainedVariance.
 * Reference: scikit-learn user guide §2.5.1 "Principal component analysis (PCA)"; Jolliffe,
 * "Principal Component Analysis", 2nd ed., 2002; Halko, Martinsson & Tropp, "Finding structure
 * with randomness", SIAM Review 53(2), 2011; Minka, "Automatic choice of dimensionality for
 * PCA", NIPS 2000.
 */
import * as np from "@sliderule/ndarray";
import type { NDArray } from "@sliderule/ndarray";
import * as linalg from "@sliderule/linalg";
import { z } from "zod";
import { arrayFromJSON, arrayToJSON, checkArray, checkEstimatorJSON, parseOptions, show, ValueError, type ArrayJSON, type EstimatorJSON } from "../base.js";
import { checkRandomState, randomStateSchema, randomStateToJSON, type RandomStream } from "../random.js";
import { project, reconstruct } from "./projection.js";
import { svdFlip } from "./svd-flip.js";

const NAME = "PCA";
const OPTIONS = z.object({
  /** k (integer ≥ 0), a variance fraction in (0, 1), "mle", or null/undefined for min(n, d). */
  nComponents: z.union([z.number().nonnegative(), z.literal("mle"), z.null()]).default(null),
  /** Scale the projections to unit variance: transform(X) = X_c·V / √explainedVariance (default false). */
  whiten: z.boolean().default(false),
  /** "full" (default), "covarianceEigh" or "randomized" (see the file header). */
  svdSolver: z.enum(["full", "covarianceEigh", "randomized"]).default("full"),
  /** Randomized solver: extra columns l − k of the sketch (default 10). */
  nOversamples: z.number().int().nonnegative().default(10),
  /** Randomized solver: power iterations, or "auto" (7 when k < 0.1·min(n, d), else 4). */
  nIter: z.union([z.number().int().nonnegative(), z.literal("auto")]).default("auto"),
  /**
   * Randomized solver: a seed (drives RandomState(seed), scikit-learn's stream, so a seed gives
   * scikit-learn's Ω), a RandomState or Generator to draw from, or null for fresh entropy.
   */
  randomState: randomStateSchema.default(null),
});
export type PCAOptions = z.input<typeof OPTIONS>;

/**
 * Principal component analysis (see the file header).
 * @example
 *   const pca = new PCA({ nComponents: 1 }).fit([[1, 1], [2, 2], [3, 3]]);
 *   pca.components.toArray();              // [[0.7071…, 0.7071…]]
 *   pca.explainedVarianceRatio.toArray();  // [1]
 */
export class PCA {
  readonly options: z.output<typeof OPTIONS>;
  /** (k, d) principal axes, orthonormal rows, by decreasing explained variance. */
  components?: NDArray;
  /** (k,) variance along each axis: σ_k² / (n − 1). */
  explainedVariance?: NDArray;
  /** (k,) explainedVariance / total variance. */
  explainedVarianceRatio?: NDArray;
  /** (k,) singular values σ_k of X_c. */
  singularValues?: NDArray;
  /** (d,) the feature means X̄. */
  mean?: NDArray;
  /** Mean of the discarded eigenvalues of the covariance (0 when none are discarded). */
  noiseVariance?: number;
  /** k, resolved from the option. */
  nComponents?: number;
  /** Number of samples seen in fit. */
  nSamples?: number;
  /** Number of features seen in fit. */
  nFeaturesIn?: number;

  constructor(options: PCAOptions = {}) {
    this.options = parseOptions(NAME, OPTIONS, options);
    const k = this.options.nComponents;
    if (typeof k === "number" && k >= 1 && !Number.isInteger(k)) {
      throw new ValueError(`${NAME}: option nComponents must be an integer ≥ 0, a fraction in (0, 1), "mle" or null, got ${k}`);
    }
    if (this.options.svdSolver === "randomized" && (k === "mle" || (typeof k === "number" && k < 1))) {
      throw new ValueError(`${NAME}: option nComponents must be an integer ≥ 1 for svdSolver "randomized", got ${show(k)}`);
    }
  }

  /** Fit the axes to X (n, d), n ≥ 2. Returns this. @throws ValueError for NaN/Inf or too many components. */
  fit(X: unknown, _y?: unknown): this {
    const A = checkArray(X, NAME, "X", { ndim: 2, dtype: "float64", minSamples: 2 });
    const [n, d] = A.shape;
    const m = Math.min(n, d);
    const want = this.options.nComponents;
    if (typeof want === "number" && want >= 1 && want > m) {
      throw new ValueError(`${NAME}: nComponents=${want} must be between 0 and min(nSamples, nFeatures)=${m} (X is ${n}×${d})`);
    }
    if (want === "mle" && n < d) throw new ValueError(`${NAME}: nComponents="mle" is only supported if nSamples >= nFeatures (X is ${n}×${d})`);

    // X̄ and X_c = X − X̄
    const x = A.data as Float64Array;
    const mu = new Float64Array(d);
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mu[j] += x[i * d + j];
    for (let j = 0; j < d; j++) mu[j] /= n;
    const xc = new Float64Array(n * d);
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) xc[i * d + j] = x[i * d + j] - mu[j];
    const Xc = np.fromTypedArray(xc, [n, d]);

    // σ (descending), Vᵀ (rows), the variances and the total variance
    let s: Float64Array;
    let Vt: Float64Array;
    let ev: Float64Array;
    let totalVar: number;
    let k: number;
    const solver = this.options.svdSolver;
    if (solver === "randomized") {
      k = want as number;
      ({ s, Vt } = randomizedSvd(Xc, k, this.options.nOversamples, this.options.nIter, checkRandomState(NAME, this.options.randomState)));
      ev = s.map((si) => (si * si) / (n - 1));
      // total variance = trace of the covariance = ‖X_c‖_F² / (n − 1)
      let ss = 0;
      for (let i = 0; i < xc.length; i++) ss += xc[i] * xc[i];
      totalVar = ss / (n - 1);
    } else {
      ({ s, Vt, ev } = solver === "full" ? fullSvd(Xc) : covarianceEigh(Xc));
      totalVar = ev.reduce((a, b) => a + b, 0);
      const ratio = ev.map((v) => v / totalVar);
      k = resolveK(want, ev, ratio, n, m);
    }
    svdFlip(Vt, s.length, d);

    // keep the first k, and the noise variance from the rest
    const nAll = s.length;
    const ratioAll = ev.map((v) => v / totalVar);
    let noise = 0;
    if (solver === "randomized") {
      if (k < m) noise = (totalVar - ev.subarray(0, k).reduce((a, b) => a + b, 0)) / (m - k);
    } else if (k < m) {
      let sum = 0;
      for (let i = k; i < nAll; i++) sum += ev[i];
      noise = nAll > k ? sum / (nAll - k) : 0;
    }
    this.components = np.fromTypedArray(Vt.slice(0, k * d), [k, d]);
    this.explainedVariance = np.fromTypedArray(ev.slice(0, k));
    this.explainedVarianceRatio = np.fromTypedArray(ratioAll.slice(0, k));
    this.singularValues = np.fromTypedArray(s.slice(0, k));
    this.mean = np.fromTypedArray(mu);
    this.noiseVariance = noise;
    this.nComponents = k;
    this.nSamples = n;
    this.nFeaturesIn = d;
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

  /** Plain-JSON form: { estimator: "PCA", options, state }; a RandomState or Generator as randomState is written as null. */
  toJSON(): EstimatorJSON {
    const state =
      this.components === undefined
        ? null
        : {
            components: arrayToJSON(this.components),
            explainedVariance: arrayToJSON(this.explainedVariance!),
            explainedVarianceRatio: arrayToJSON(this.explainedVarianceRatio!),
            singularValues: arrayToJSON(this.singularValues!),
            mean: arrayToJSON(this.mean!),
            noiseVariance: this.noiseVariance,
            nComponents: this.nComponents,
            nSamples: this.nSamples,
            nFeaturesIn: this.nFeaturesIn,
          };
    return { estimator: NAME, options: { ...this.options, randomState: randomStateToJSON(this.options.randomState) }, state };
  }

  /** Rebuild a PCA from toJSON()'s output. */
  static fromJSON(json: unknown): PCA {
    const j = checkEstimatorJSON(json, NAME);
    const p = new PCA(j.options as PCAOptions);
    const st = j.state;
    if (st) {
      for (const f of ["components", "explainedVariance", "explainedVarianceRatio", "singularValues", "mean"] as const)
        p[f] = arrayFromJSON(st[f] as ArrayJSON, NAME, f);
      p.noiseVariance = st.noiseVariance as number;
      p.nComponents = st.nComponents as number;
      p.nSamples = st.nSamples as number;
      p.nFeaturesIn = st.nFeaturesIn as number;
    }
    return p;
  }
}

/** k from the option: an integer as is; a fraction by the cumulative ratio; "mle" by Minka; null: min(n, d). */
function resolveK(want: number | "mle" | null, ev: Float64Array, ratio: Float64Array, n: number, m: number): number {
  if (want === null) return m;
  if (want === "mle") return inferDimension(ev, n);
  if (want >= 1 || want === 0) return want;
  // smallest k with Σ_{i<k} ratio_i > f (NumPy's searchsorted(cumsum, f, side="right") + 1)
  let cum = 0;
  for (let i = 0; i < ratio.length; i++) {
    cum += ratio[i];
    if (cum > want) return Math.min(i + 1, m);
  }
  return Math.min(ratio.length, m);
}

/**
 * The "full" solver: σ and Vᵀ of X_c (n, d). Tall: QR first (X_c = Q·R, svd(R)); wide: the SVD
 * of X_c itself. explainedVariance = σ²/(n − 1).
 */
function fullSvd(Xc: NDArray): { s: Float64Array; Vt: Float64Array; ev: Float64Array } {
  const [n, d] = Xc.shape;
  // X_c = Q·R ⇒ σ(X_c) = σ(R) and the right singular vectors agree (Q has orthonormal columns)
  const M = n >= d ? linalg.qr(Xc, { mode: "r" }) : Xc;
  const { S, Vh } = linalg.svd(M, { fullMatrices: false });
  const s = Float64Array.from(S.data as Float64Array);
  const Vt = Float64Array.from(Vh.astype("float64").copy().data as Float64Array);
  return { s, Vt, ev: s.map((si) => (si * si) / (n - 1)) };
}

/**
 * The "covarianceEigh" solver: C = X_cᵀX_c/(n − 1) = V·Λ·Vᵀ. eigh returns Λ ascending, so the
 * order is reversed; Λ < 0 (rounding) is set to 0; σ = √(λ·(n − 1)). All d eigenvalues are kept
 * (for d > n the last d − n + 1 are ~0), as scikit-learn does.
 */
function covarianceEigh(Xc: NDArray): { s: Float64Array; Vt: Float64Array; ev: Float64Array } {
  const [n, d] = Xc.shape;
  const C = np.matmul(Xc.T, Xc);
  const c = C.data as Float64Array;
  for (let i = 0; i < c.length; i++) c[i] /= n - 1;
  const { eigenvalues, eigenvectors } = linalg.eigh(C);
  const lam = eigenvalues.data as Float64Array;
  const V = eigenvectors.astype("float64").copy().data as Float64Array; // (d, d), columns = eigenvectors
  const ev = new Float64Array(d);
  const Vt = new Float64Array(d * d);
  for (let r = 0; r < d; r++) {
    const col = d - 1 - r; // descending
    ev[r] = Math.max(lam[col], 0);
    for (let j = 0; j < d; j++) Vt[r * d + j] = V[j * d + col];
  }
  return { s: ev.map((v) => Math.sqrt(v * (n - 1))), Vt, ev };
}

/**
 * Halko–Martinsson–Tropp randomized SVD of X_c (n, d), scikit-learn's `randomized_svd`: the
 * leading k singular values and right singular vectors (rows of Vᵀ, k × d), drawing Ω from rng.
 */
export function randomizedSvd(Xc: NDArray, k: number, nOversamples: number, nIter: number | "auto", rng: RandomStream): { s: Float64Array; Vt: Float64Array } {
  const [n, d] = Xc.shape;
  const q = nIter === "auto" ? (k < 0.1 * Math.min(n, d) ? 7 : 4) : nIter;
  // work on M = X_c, or X_cᵀ when X_c is wide, so M (m1 × m2) has m1 ≥ m2 (scikit-learn's transpose="auto")
  const transpose = n < d;
  const M = transpose ? Xc.T : Xc;
  const [m1, m2] = M.shape;
  // Ω (m2 × l), l = k + nOversamples: scikit-learn's random_state.normal(size=(m2, l)), drawn in
  // full so the stream advances as scikit-learn's. When l > m2 the first m2 columns already make
  // M·Ω span the whole range of M, so only those are used (the result is then the exact SVD).
  const l = k + nOversamples;
  const lUse = Math.min(l, m2);
  let Omega = rng.normal(0, 1, [m2, l]);
  if (lUse < l) Omega = Omega.slice(":", `:${lUse}`).copy();
  const Mt = M.T;
  // Y = M·Ω spans (approximately) the dominant left singular subspace
  let Y = np.matmul(M, Omega); // (m1, lUse)
  // power iterations Y ← M·(Mᵀ·Y): the singular values enter as σ^(2q+1), so the gap widens.
  // The small side is orthonormalised after each product, P = qr(Mᵀ·Y).Q (m2 × lUse), which is
  // orthogonal iteration on MᵀM and keeps the columns from collapsing onto the first singular
  // vector; the tall side Y = M·P (condition ≤ σ₁/σ_l since P is orthonormal) only once, at the
  // end. Directions with σ_l/σ₁ below ~1e-8 (variance ratios below ~1e-16) are lost to rounding,
  // as with covarianceEigh. (scikit-learn normalises both sides by LU; HMT §4.5 by QR; the span,
  // M·(MᵀM)^q·Ω, is the same.)
  for (let it = 0; it < q; it++) {
    const P = linalg.qr(np.matmul(Mt, Y)).Q; // (m2, lUse)
    Y = np.matmul(M, P); // (m1, lUse)
  }
  const Q = linalg.qr(Y).Q; // (m1, lUse) orthonormal basis of the sketch
  // B = Qᵀ·M (lUse, m2) = Û·Σ·Wᵀ, so M ≈ Q·Qᵀ·M = (Q·Û)·Σ·Wᵀ
  const { U: Uhat, S, Vh: Wt } = linalg.svd(np.matmul(Q.T, M), { fullMatrices: false });
  const s = Float64Array.from((S.data as Float64Array).subarray(0, k));
  let Vt: Float64Array;
  if (!transpose) {
    // X_c = M ≈ (Q·Û)·Σ·Wᵀ: Vᵀ = the first k rows of Wᵀ
    Vt = Float64Array.from((Wt.astype("float64").copy().data as Float64Array).subarray(0, k * d));
  } else {
    // X_c = Mᵀ ≈ W·Σ·(Q·Û)ᵀ: Vᵀ = the first k columns of Q·Û (d × lUse), transposed
    const QU = np.matmul(Q, Uhat);
    Vt = Float64Array.from(QU.slice(":", `:${k}`).T.copy().data as Float64Array);
  }
  return { s, Vt };
}

/** log Γ(x) for x > 0 (Lanczos, g = 7, n = 9; relative error ~1e-15). */
function gammaln(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
    9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - gammaln(1 - x);
  x -= 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/**
 * Minka's Laplace approximation of the evidence log p(X | k) for the probabilistic PCA model
 * with k components, from the covariance spectrum (scikit-learn's `_assess_dimension`).
 */
export function assessDimension(spectrum: Float64Array, rank: number, nSamples: number): number {
  const d = spectrum.length;
  const eps = 1e-15;
  if (spectrum[rank - 1] < eps) return -Infinity;
  let pu = -rank * Math.log(2);
  for (let i = 1; i <= rank; i++) pu += gammaln((d - i + 1) / 2) - (Math.log(Math.PI) * (d - i + 1)) / 2;
  let pl = 0;
  for (let i = 0; i < rank; i++) pl += Math.log(spectrum[i]);
  pl = (-pl * nSamples) / 2;
  let rest = 0;
  for (let i = rank; i < d; i++) rest += spectrum[i];
  const v = Math.max(eps, rest / (d - rank));
  const pv = (-Math.log(v) * nSamples * (d - rank)) / 2;
  const m = d * rank - (rank * (rank + 1)) / 2;
  const pp = (Math.log(2 * Math.PI) * (m + rank)) / 2;
  let pa = 0;
  for (let i = 0; i < rank; i++) {
    for (let j = i + 1; j < d; j++) {
      const sj = j < rank ? spectrum[j] : v;
      pa += Math.log((spectrum[i] - spectrum[j]) * (1 / sj - 1 / spectrum[i])) + Math.log(nSamples);
    }
  }
  return pu + pl + pv + pp - pa / 2 - (rank * Math.log(nSamples)) / 2;
}

/** argmax over k in [1, d − 1] of assessDimension (scikit-learn's `_infer_dimension`). */
function inferDimension(spectrum: Float64Array, nSamples: number): number {
  let best = 0;
  let bestLl = -Infinity;
  for (let rank = 1; rank < spectrum.length; rank++) {
    const ll = assessDimension(spectrum, rank, nSamples);
    if (ll > bestLl) {
      bestLl = ll;
      best = rank;
    }
  }
  return best;
}
