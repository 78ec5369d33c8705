/**
 * Ordinary least squares (scikit-learn's `LinearRegression`).
 *
 *   w = argmin_w ‖y − X·w − b‖₂²,  of all minimisers the one of least ‖w‖₂  (per target)
 *
 * fitted on centred data (preprocess.ts: X_c = X − X̄, y_c = y − ȳ, b = ȳ − X̄·w). Solvers:
 *   "lstsq" (default)  SVD least squares (linalg.lstsq, LAPACK dgelsd's method), backward
 *                      stable; rank-deficient or wide X give the minimum-norm w, as scikit-learn.
 *   "svd"              the same answer spelled out: X_c = U·Σ·Vᵀ ⇒ w = V·Σ⁺·Uᵀ·y_c, with
 *                      σ_i ≤ eps·σ_max dropped from Σ⁺.
 *   "qr"               X_c = Q·R ⇒ ‖y_c − X_c·w‖ = ‖Qᵀ·y_c − R·w‖ (in the range of Q), so
 *                      R·w = Qᵀ·y_c, with R and Qᵀ·y_c from one QR of [X_c | y_c] (Q never
 *                      formed); backward stable; needs n ≥ d and full column rank.
 *   "normal"           the tutorial's normal equation (X_cᵀ·X_c)·w = X_cᵀ·y_c by Cholesky.
 *                      Cheapest (d² n/… flops), but forming X_cᵀX_c squares the condition
 *                      number: cond(X_cᵀX_c) = cond(X_c)², so ~16 − 2·log10 cond(X_c) digits
 *                      survive; a warning is emitted when cond(X_cᵀX_c) > 1e12. Needs full rank.
 * Learns: `coef` (t, d) or (d,) for 1-D y, `intercept` (a number or (t,)), `rank` and
 * `singular` (rank and singular values of X_c), `nFeaturesIn`.
 * Invariant: the residual is orthogonal to the columns: X_cᵀ·(y_c − X_c·w) ≈ 0.
 * Reference: scikit-learn user guide §1.1.1 "Ordinary Least Squares"; Golub & Van Loan,
 * "Matrix Computations", 4th ed., §5.3 (normal equations, and why QR/SVD are preferred) and §5.5.
 */
import * as np from "@sliderule/ndarray";
import type { NDArray } from "@sliderule/ndarray";
import * as linalg from "@sliderule/linalg";
import { z } from "zod";
import { arrayFromJSON, arrayToJSON, checkEstimatorJSON, parseOptions, warn, type ArrayJSON, type EstimatorJSON } from "../base.js";
import { r2Score } from "../metrics/regression.js";
import { centreData, finishLinear, linearFromJSON, linearPredict, linearToJSON, type Centred } from "./preprocess.js";

const NAME = "LinearRegression";
const OPTIONS = z.object({
  /** Fit an intercept b (default true); false fits through the origin. */
  fitIntercept: z.boolean().default(true),
  /** "lstsq" (default), "svd", "qr" or "normal" (see the file header). */
  solver: z.enum(["lstsq", "svd", "qr", "normal"]).default("lstsq"),
});
export type LinearRegressionOptions = z.input<typeof OPTIONS>;

/** cond(X_cᵀX_c) above which the "normal" solver warns. */
export const NORMAL_EQUATIONS_COND_LIMIT = 1e12;

/** Least squares through the SVD: w = V·Σ⁺·Uᵀ·y_c. Returns W (d, t), the rank and σ. */
export function solveBySvd(c: Centred): { W: NDArray; rank: number; s: Float64Array } {
  const { U, S, Vh } = linalg.svd(c.Xc, { fullMatrices: false });
  const s = S.data as Float64Array;
  const k = s.length;
  const cutoff = Number.EPSILON * (k > 0 ? s[0] : 0);
  // Uᵀ·y_c (k, t), scaled row by row by 1/σ_i (0 for σ_i ≤ cutoff: the minimum-norm choice)
  const UtY = np.matmul(U.T, c.Yc);
  const u = UtY.data as Float64Array;
  let rank = 0;
  for (let i = 0; i < k; i++) {
    const inv = s[i] > cutoff ? 1 / s[i] : 0;
    if (inv) rank++;
    for (let j = 0; j < c.t; j++) u[i * c.t + j] *= inv;
  }
  return { W: np.matmul(Vh.T, UtY), rank, s: Float64Array.from(s) };
}

/**
 * Ordinary least squares, y ≈ X·coefᵀ + intercept (see the file header).
 * @example
 *   const m = new LinearRegression().fit([[0], [1], [2]], [1, 3, 5]);
 *   m.coef.toArray();   // [2];  m.intercept === 1
 */
export class LinearRegression {
  readonly options: z.output<typeof OPTIONS>;
  /** (t, d), or (d,) when y was 1-D. */
  coef?: NDArray;
  /** A number when y was 1-D (0 without intercept), else (t,). */
  intercept?: number | NDArray;
  /** Rank of the centred X (numerical, cutoff eps·σ_max). */
  rank?: number;
  /** (min(n, d),) singular values of the centred X, descending. */
  singular?: NDArray;
  /** Number of features seen in fit. */
  nFeaturesIn?: number;

  constructor(options: LinearRegressionOptions = {}) {
    this.options = parseOptions(NAME, OPTIONS, options);
  }

  /**
   * Fit on X (n, d) and y (n,) or (n, t). Returns this.
   * @throws ValueError for NaN/Inf, mismatched lengths; LinAlgError for "qr"/"normal" on a
   *   rank-deficient (or, for "qr", wide) X: use "lstsq" there.
   */
  fit(X: unknown, y: unknown): this {
    const c = centreData(X, y, this.options.fitIntercept, NAME);
    let W: NDArray;
    let rank: number;
    let s: Float64Array;
    switch (this.options.solver) {
      case "lstsq": {
        const r = linalg.lstsq(c.Xc, c.Yc);
        W = r.x;
        rank = r.rank;
        s = Float64Array.from(r.s.data as Float64Array);
        break;
      }
      case "svd":
        ({ W, rank, s } = solveBySvd(c));
        break;
      case "qr":
        ({ W, rank, s } = solveByQr(c));
        break;
      case "normal":
        ({ W, rank, s } = solveByNormalEquations(c));
        break;
      default:
        throw new Error(`internal: unknown solver ${this.options.solver satisfies never}`);
    }
    const { coef, intercept } = finishLinear(W, c);
    this.coef = coef;
    this.intercept = intercept;
    this.rank = rank;
    this.singular = np.fromTypedArray(s);
    this.nFeaturesIn = c.d;
    return this;
  }

  /** ŷ = X·coefᵀ + intercept: (m,) or (m, t). */
  predict(X: unknown): NDArray {
    return linearPredict(X, this, this.nFeaturesIn, NAME);
  }

  /** R² of predict(X) against y (uniform average over targets), as scikit-learn's score. */
  score(X: unknown, y: unknown): number {
    return r2Score(y, this.predict(X)) as number;
  }

  /** Plain-JSON form: { estimator: "LinearRegression", options, state }. */
  toJSON(): EstimatorJSON {
    const state =
      this.coef === undefined
        ? null
        : {
            ...linearToJSON({ coef: this.coef, intercept: this.intercept! }),
            rank: this.rank,
            singular: arrayToJSON(this.singular!),
            nFeaturesIn: this.nFeaturesIn,
          };
    return { estimator: NAME, options: { ...this.options }, state };
  }

  /** Rebuild a LinearRegression from toJSON()'s output. */
  static fromJSON(json: unknown): LinearRegression {
    const j = checkEstimatorJSON(json, NAME);
    const m = new LinearRegression(j.options);
    if (j.state) {
      Object.assign(m, linearFromJSON(j.state, NAME));
      m.rank = j.state.rank as number;
      m.singular = arrayFromJSON(j.state.singular as ArrayJSON, NAME, "singular");
      m.nFeaturesIn = j.state.nFeaturesIn as number;
    }
    return m;
  }
}

/**
 * R·w = Qᵀ·y_c, from one QR of the augmented matrix [X_c | y_c] (Golub & Van Loan §5.3.3):
 *
 *   [X_c | y_c] = Q·[R  c]     so X_c = Q₁·R and c = Q₁ᵀ·y_c come out of the same factorisation,
 *                   [0  ρ]     and Q is never formed (only the triangle is kept).
 *
 * σ(X_c) = σ(R) (Q₁ has orthonormal columns), from the small d × d R, give the rank.
 */
function solveByQr(c: Centred): { W: NDArray; rank: number; s: Float64Array } {
  const { n, d, t } = c;
  if (n < d) {
    throw new linalg.LinAlgError(
      `${NAME}: solver "qr" needs at least as many samples as features (X is ${n}×${d}); use solver "lstsq" for the minimum-norm solution`,
      "singular",
    );
  }
  // M = [X_c | Y_c] (n, d + t)
  const m = d + t;
  const M = new Float64Array(n * m);
  const xc = c.Xc.data as Float64Array;
  const yc = c.Yc.data as Float64Array;
  for (let i = 0; i < n; i++) {
    M.set(xc.subarray(i * d, (i + 1) * d), i * m);
    M.set(yc.subarray(i * t, (i + 1) * t), i * m + d);
  }
  const Raug = linalg.qr(np.fromTypedArray(M, [n, m]), { mode: "r" }); // (min(n, m), m)
  const R = Raug.slice(np.slice(0, d), np.slice(0, d)).copy(); // (d, d) upper triangular
  const C = Raug.slice(np.slice(0, d), np.slice(d, m)).copy(); // (d, t) = Q₁ᵀ·Y_c
  const s = linalg.svd(R, { computeUv: false }).data as Float64Array;
  const tol = Number.EPSILON * Math.max(n, d) * s[0];
  const rank = s.reduce((r, si) => r + (si > tol ? 1 : 0), 0);
  if (rank < d) {
    throw new linalg.LinAlgError(
      `${NAME}: solver "qr": X (centred) is rank deficient (rank ${rank} < ${d} features); use solver "lstsq" for the minimum-norm solution`,
      "singular",
    );
  }
  const W = linalg.solveTriangular(R, C, { lower: false }); // back substitution R·W = C
  return { W, rank, s: Float64Array.from(s) };
}

/**
 * The normal equation (X_cᵀX_c)·w = X_cᵀ·y_c by Cholesky, X_cᵀX_c = L·Lᵀ, then two triangular
 * solves. σ_i(X_c) = √λ_i(X_cᵀX_c), from eigvalsh, which also gives the condition number.
 */
function solveByNormalEquations(c: Centred): { W: NDArray; rank: number; s: Float64Array } {
  const G = np.matmul(c.Xc.T, c.Xc); // X_cᵀX_c (d, d), symmetric positive semidefinite
  const lambda = linalg.eigvalsh(G).data as Float64Array; // ascending
  const d = lambda.length;
  const s = new Float64Array(d);
  for (let i = 0; i < d; i++) s[i] = Math.sqrt(Math.max(lambda[d - 1 - i], 0));
  const tol = Number.EPSILON * Math.max(c.n, c.d) * s[0];
  const rank = s.reduce((r, si) => r + (si > tol ? 1 : 0), 0);
  const cond = lambda[0] > 0 ? lambda[d - 1] / lambda[0] : Infinity;
  if (cond > NORMAL_EQUATIONS_COND_LIMIT) {
    warn(
      `${NAME}: solver "normal": cond(XᵀX) = ${cond.toPrecision(3)} > ${NORMAL_EQUATIONS_COND_LIMIT}; forming XᵀX squares the condition number of X, so the coefficients may have lost most of their digits; use solver "lstsq" or "qr"`,
      "RuntimeWarning",
    );
  }
  let L: NDArray;
  try {
    L = linalg.cholesky(G);
  } catch (e) {
    if (e instanceof linalg.LinAlgError) {
      throw new linalg.LinAlgError(
        `${NAME}: solver "normal": XᵀX is not positive definite (X is rank deficient: rank ${rank} of ${c.d}); use solver "lstsq" for the minimum-norm solution`,
        "notPositiveDefinite",
      );
    }
    throw e;
  }
  const XtY = np.matmul(c.Xc.T, c.Yc); // X_cᵀ·y_c (d, t)
  const Z = linalg.solveTriangular(L, XtY, { lower: true }); // L·z = X_cᵀy_c
  const W = linalg.solveTriangular(L.T, Z, { lower: false }); // Lᵀ·w = z
  return { W, rank, s };
}
