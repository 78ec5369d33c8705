/**
 * Ridge regression: least squares with an L2 penalty (scikit-learn's `Ridge`).
 *
 *   w = argmin_w ‖y_c − X_c·w‖₂² + α·‖w‖₂²   ⇔   (X_cᵀX_c + α·I)·w = X_cᵀ·y_c
 *
 * fitted on centred data (preprocess.ts; the intercept is not penalised). Solvers:
 *   "cholesky" (default; "auto" is the same)  Cholesky of X_cᵀX_c + αI (d × d) when n ≥ d;
 *              when d > n the dual form w = X_cᵀ·(X_cX_cᵀ + αI)⁻¹·y_c (n × n), the same w
 *              (push-through identity (AᵀA + αI)⁻¹Aᵀ = Aᵀ(AAᵀ + αI)⁻¹). If the matrix is not
 *              positive definite, or numerically singular (a pivot L_ii² ≤ d·eps·max A_ii: α = 0 and X
 *              rank deficient), it warns and uses "svd".
 *   "svd"      X_c = U·Σ·Vᵀ ⇒ w = V·diag(σ_i / (σ_i² + α))·Uᵀ·y_c (σ_i ≤ 1e-15 dropped).
 * α is one number ≥ 0 or one per target (an array of t).
 * Learns: `coef` (t, d) or (d,) for 1-D y, `intercept` (a number or (t,)), `nFeaturesIn`.
 * Invariant: X_cᵀ·(y_c − X_c·w) = α·w (the gradient of the objective vanishes).
 * Reference: scikit-learn user guide §1.1.2 "Ridge regression and classification"; Hastie,
 * Tibshirani & Friedman, "The Elements of Statistical Learning", 2nd ed., §3.4.1 (eq. 3.44, 3.47).
 */
import * as np from "@sliderule/ndarray";
import type { NDArray } from "@sliderule/ndarray";
import * as linalg from "@sliderule/linalg";
import { z } from "zod";
import { checkEstimatorJSON, parseOptions, ValueError, warn, type EstimatorJSON } from "../base.js";
import { r2Score } from "../metrics/regression.js";
import { centreData, finishLinear, linearFromJSON, linearPredict, linearToJSON, type Centred } from "./preprocess.js";

const NAME = "Ridge";
const OPTIONS = z.object({
  /** The penalty α ≥ 0 (default 1), or one per target. */
  alpha: z.union([z.number().nonnegative(), z.array(z.number().nonnegative())]).default(1),
  /** Fit an unpenalised intercept (default true). */
  fitIntercept: z.boolean().default(true),
  /** "cholesky" (default; "auto" means the same) or "svd". */
  solver: z.enum(["auto", "cholesky", "svd"]).default("cholesky"),
});
export type RidgeOptions = z.input<typeof OPTIONS>;

/**
 * Ridge regression (see the file header).
 * @example
 *   const m = new Ridge({ alpha: 1 }).fit([[0], [1], [2]], [0, 1, 2]);
 *   m.coef.toArray();   // [2/3]: Σx_c² = 2, so w = 2 / (2 + 1)
 */
export class Ridge {
  readonly options: z.output<typeof OPTIONS>;
  /** (t, d), or (d,) when y was 1-D. */
  coef?: NDArray;
  /** A number when y was 1-D (0 without intercept), else (t,). */
  intercept?: number | NDArray;
  /** Number of features seen in fit. */
  nFeaturesIn?: number;

  constructor(options: RidgeOptions = {}) {
    this.options = parseOptions(NAME, OPTIONS, options);
  }

  /** Fit on X (n, d) and y (n,) or (n, t). Returns this. @throws ValueError for bad data or an alpha array of the wrong length. */
  fit(X: unknown, y: unknown): this {
    const c = centreData(X, y, this.options.fitIntercept, NAME);
    const a = this.options.alpha;
    const alphas = typeof a === "number" ? new Float64Array(c.t).fill(a) : Float64Array.from(a);
    if (alphas.length !== c.t) throw new ValueError(`${NAME}: option alpha has ${alphas.length} values but y has ${c.t} targets`);
    let W: NDArray;
    if (this.options.solver === "svd") W = ridgeSvd(c, alphas);
    else {
      try {
        W = ridgeCholesky(c, alphas);
      } catch (e) {
        if (!(e instanceof linalg.LinAlgError)) throw e;
        warn(`${NAME}: singular matrix in solver "cholesky" (alpha = ${show(a)}); using the least-squares solution (solver "svd") instead`, "LinAlgWarning");
        W = ridgeSvd(c, alphas);
      }
    }
    const { coef, intercept } = finishLinear(W, c);
    this.coef = coef;
    this.intercept = intercept;
    this.nFeaturesIn = c.d;
    return this;
  }

  /** ŷ = X·coefᵀ + intercept: (m,) or (m, t). */
  predict(X: unknown): NDArray {
    return linearPredict(X, this, this.nFeaturesIn, NAME);
  }

  /** R² of predict(X) against y (uniform average over targets). */
  score(X: unknown, y: unknown): number {
    return r2Score(y, this.predict(X)) as number;
  }

  /** Plain-JSON form: { estimator: "Ridge", options, state }. */
  toJSON(): EstimatorJSON {
    const opts = { ...this.options, alpha: typeof this.options.alpha === "number" ? this.options.alpha : this.options.alpha.slice() };
    const state = this.coef === undefined ? null : { ...linearToJSON({ coef: this.coef, intercept: this.intercept! }), nFeaturesIn: this.nFeaturesIn };
    return { estimator: NAME, options: opts, state };
  }

  /** Rebuild a Ridge from toJSON()'s output. */
  static fromJSON(json: unknown): Ridge {
    const j = checkEstimatorJSON(json, NAME);
    const m = new Ridge(j.options as RidgeOptions);
    if (j.state) {
      Object.assign(m, linearFromJSON(j.state, NAME));
      m.nFeaturesIn = j.state.nFeaturesIn as number;
    }
    return m;
  }
}

function show(a: number | number[]): string {
  return typeof a === "number" ? String(a) : `[${a.join(", ")}]`;
}

/** Add α to the diagonal of the square G (in place; G is ours). */
function addToDiagonal(G: NDArray, alpha: number): void {
  const g = G.data as Float64Array;
  const m = G.shape[0];
  for (let i = 0; i < m; i++) g[i * m + i] += alpha;
}

/** Solve (G + αI)·Z = B by Cholesky, for each distinct α (B (m, t), Z (m, t)). */
function choleskySolve(G: NDArray, B: NDArray, alphas: Float64Array): NDArray {
  const t = alphas.length;
  const same = alphas.every((v) => v === alphas[0]);
  const solveOne = (alpha: number, rhs: NDArray): NDArray => {
    const A = G.copy();
    addToDiagonal(A, alpha);
    const L = linalg.cholesky(A); // A = L·Lᵀ
    // a pivot L_ii² at rounding level of A's diagonal: numerically singular (as an exact zero)
    const l = L.data as Float64Array;
    const a = A.data as Float64Array;
    const m = A.shape[0];
    let maxDiag = 0;
    let minPivot = Infinity;
    for (let i = 0; i < m; i++) {
      maxDiag = Math.max(maxDiag, a[i * m + i]);
      minPivot = Math.min(minPivot, l[i * m + i] * l[i * m + i]);
    }
    if (minPivot <= m * Number.EPSILON * maxDiag) throw new linalg.LinAlgError(`${NAME}: X_cᵀX_c + αI is numerically singular`, "singular");
    const z = linalg.solveTriangular(L, rhs, { lower: true });
    return linalg.solveTriangular(L.T, z, { lower: false });
  };
  if (same) return solveOne(alphas[0], B);
  // one factorisation per target: column k of Z solves (G + α_k I)·z = b_k
  const m = G.shape[0];
  const Z = new Float64Array(m * t);
  const b = B.data as Float64Array;
  for (let k = 0; k < t; k++) {
    const bk = new Float64Array(m);
    for (let i = 0; i < m; i++) bk[i] = b[i * t + k];
    const zk = solveOne(alphas[k], np.fromTypedArray(bk)).data as Float64Array;
    for (let i = 0; i < m; i++) Z[i * t + k] = zk[i];
  }
  return np.fromTypedArray(Z, [m, t]);
}

/** Primal (n ≥ d): (X_cᵀX_c + αI)·W = X_cᵀy_c. Dual (d > n): W = X_cᵀ·(X_cX_cᵀ + αI)⁻¹·y_c. */
function ridgeCholesky(c: Centred, alphas: Float64Array): NDArray {
  const Xt = c.Xc.T;
  if (c.d <= c.n) return choleskySolve(np.matmul(Xt, c.Xc), np.matmul(Xt, c.Yc), alphas);
  const dual = choleskySolve(np.matmul(c.Xc, Xt), c.Yc, alphas); // (n, t)
  return np.matmul(Xt, dual);
}

/** w_k = V·diag(σ_i / (σ_i² + α_k))·Uᵀ·y_k. */
function ridgeSvd(c: Centred, alphas: Float64Array): NDArray {
  const { U, S, Vh } = linalg.svd(c.Xc, { fullMatrices: false });
  const s = S.data as Float64Array;
  const UtY = np.matmul(U.T, c.Yc); // (k, t)
  const u = UtY.data as Float64Array;
  const t = c.t;
  for (let i = 0; i < s.length; i++) {
    for (let k = 0; k < t; k++) u[i * t + k] *= s[i] > 1e-15 ? s[i] / (s[i] * s[i] + alphas[k]) : 0;
  }
  return np.matmul(Vh.T, UtY);
}
