/**
 * MINRES (Paige & Saunders 1975; SciPy's `scipy.sparse.linalg.minres`) for (A − shift·I)·x = b
 * with A symmetric, possibly indefinite or singular, and an optional symmetric positive
 * definite preconditioner M ≈ A⁻¹.
 *
 *   Lanczos on (A − shift·I) (M-inner product) builds  A·V_k = V_{k+1}·T̄_k,  T̄_k (k+1)×k tridiagonal,
 *   and x_k = x₀ + V_k·y_k with y_k = argmin ‖β₁·e₁ − T̄_k·y‖₂, so ‖r_k‖ is minimal over the
 *   Krylov space. The least-squares problem is solved by one Givens rotation per step
 *   (c_k, s_k: T̄_k = Q_k·[R_k; 0]), and x is updated by a three-term recurrence on the
 *   directions W_k = V_k·R_k⁻¹:
 *     w_k = (v_k − ε_k·w_{k−2} − δ_k·w_{k−1}) / γ_k,   x_k = x_{k−1} + φ_k·w_k,   φ̄_{k+1} = s_k·φ̄_k
 *   so ‖r_k‖ = φ̄_{k+1} is known without forming r.
 *
 * Stopping (SciPy's istop): ‖r‖/(‖A‖·‖x‖) ≤ rtol (1), ‖A·r‖/(‖A‖·‖r‖) ≤ rtol (2, a
 * least-squares solution of a singular system), ‖A‖·‖x‖·eps ≥ β₁ (3), cond(A) ≥ 0.1/eps (4),
 * the iteration limit (6); ‖A‖ and cond(A) are the running estimates from T̄_k.
 * Returns `{ x, info, iterations, residualNorm, converged }` iterable as `[x, info]`, info as
 * SciPy: maxiter when the limit was hit, else 0 (istop 1–5 all count as success there, as in
 * SciPy). b = 0 → x = 0 at once. residualNorm is φ̄ (the recurrence's ‖r‖).
 * A preconditioner that is not positive definite (rᵀM·r < 0) or an A found not symmetric
 * (β² < 0) throws ValueError, as SciPy raises.
 *
 * Work: one A·v and one M·r per step, seven vectors of n float64, nothing allocated in the loop.
 * Reference: C. C. Paige, M. A. Saunders, "Solution of sparse indefinite systems of linear
 * equations", SIAM J. Numer. Anal. 12(4), 1975; the SOL MINRES Matlab code SciPy translates;
 * Saad, "Iterative Methods for Sparse Linear Systems", §6.5 (for SPD A, cg is cheaper).
 */
import { ValueError, type NDArray } from "@sliderule/ndarray";
import * as np from "@sliderule/ndarray";
import { z } from "zod";
import { checkOptions, OPTION, optionsSchema, show } from "../util/options.js";
import { dot, iterationLimit, iterativeResult, preconditioner, squareOperator, tolerance, vectorArg, type IterativeResult, type OperatorInput } from "./cg.js";

export interface MinresOptions {
  /** Starting guess x₀ (n,); default zeros. */
  x0?: NDArray | ArrayLike<number>;
  /** Solve (A − shift·I)·x = b. Default 0. */
  shift?: number;
  /** Relative tolerance on ‖r‖/(‖A‖·‖x‖) (or ‖A·r‖/(‖A‖·‖r‖)). Default 1e-5. */
  rtol?: number;
  /** Iteration limit; default 5·n (SciPy's). */
  maxiter?: number;
  /** Symmetric positive definite preconditioner applying M ≈ A⁻¹. */
  M?: OperatorInput;
  /** Called after each iteration with a copy of x_k. */
  callback?: (xk: NDArray) => void;
}

const MINRES_OPTIONS = optionsSchema({
  x0: OPTION.any,
  shift: OPTION.any,
  rtol: OPTION.any,
  maxiter: OPTION.any,
  M: OPTION.any,
  callback: z.custom<(xk: NDArray) => void>((v) => typeof v === "function", { message: "expected a function" }),
});

/**
 * Solve (A − shift·I)·x = b for symmetric A by MINRES. See the file header.
 * @returns `{ x, info, iterations, residualNorm, converged }`, iterable as `[x, info]`.
 * @throws ShapeError for a non-square A or b, x0, M of the wrong size; ValueError for NaN/Inf
 *   in b or x0, a bad option, an indefinite preconditioner or a detectably non-symmetric A.
 */
export function minres(A: OperatorInput, b: NDArray | ArrayLike<number>, options: MinresOptions = {}): IterativeResult {
  const fn = "minres";
  checkOptions(fn, MINRES_OPTIONS, options);
  const op = squareOperator(fn, A);
  const n = op.rows;
  const bv = vectorArg(fn, "b", b, n);
  const rtol = tolerance(fn, "rtol", options.rtol, 1e-5);
  const maxiter = iterationLimit(fn, options.maxiter, 5 * n);
  const shift = options.shift ?? 0;
  if (typeof shift !== "number" || !Number.isFinite(shift)) throw new ValueError(`${fn}: option shift must be a finite number, got ${show(shift)}`);
  const Mop = preconditioner(fn, options.M, n);
  const x = options.x0 === undefined ? new Float64Array(n) : vectorArg(fn, "x0", options.x0, n);
  const callback = options.callback;
  const eps = Number.EPSILON;

  const bnorm = Math.sqrt(dot(n, bv, bv));
  if (bnorm === 0) return iterativeResult(new Float64Array(n), 0, 0, 0);

  // r1 = b − (A − shift·I)·x₀;  y = M·r1;  β₁ = sqrt(r1ᵀ·y)
  let r1: Float64Array = bv;
  let y: Float64Array = new Float64Array(n);
  if (options.x0 !== undefined) {
    op.apply(x, y);
    for (let i = 0; i < n; i++) r1[i] -= y[i] - shift * x[i];
  }
  const applyM = (src: Float64Array, dst: Float64Array): void => (Mop === null ? dst.set(src) : Mop.apply(src, dst));
  applyM(r1, y);
  let beta1 = dot(n, r1, y);
  if (beta1 < 0) throw new ValueError(`${fn}: the preconditioner M is not positive definite (rᵀ·M·r = ${beta1})`);
  if (beta1 === 0) return iterativeResult(x, 0, 0, 0);
  beta1 = Math.sqrt(beta1);

  // work vectors: v, w, w1, w2 (directions), r2 (next Lanczos residual), y (M·r2)
  const v = new Float64Array(n);
  let w: Float64Array = new Float64Array(n);
  let w1: Float64Array = new Float64Array(n);
  let w2: Float64Array = new Float64Array(n);
  let r2: Float64Array = Float64Array.from(r1);
  r1 = Float64Array.from(r1);
  let oldb = 0;
  let beta = beta1;
  let dbar = 0;
  let epsln = 0;
  let phibar = beta1;
  let tnorm2 = 0;
  let gmax = 0;
  let gmin = Number.MAX_VALUE;
  let cs = -1;
  let sn = 0;
  let istop = 0;
  let itn = 0;
  while (itn < maxiter) {
    itn++;
    // Lanczos step: v = y/β; y = (A − shift·I)·v − (β/β_old)·r1 − (α/β)·r2
    const s = 1 / beta;
    for (let i = 0; i < n; i++) v[i] = s * y[i];
    op.apply(v, y);
    if (shift !== 0) for (let i = 0; i < n; i++) y[i] -= shift * v[i];
    if (itn >= 2) {
      const c = beta / oldb;
      for (let i = 0; i < n; i++) y[i] -= c * r1[i];
    }
    const alfa = dot(n, v, y);
    const c2 = alfa / beta;
    for (let i = 0; i < n; i++) y[i] -= c2 * r2[i];
    // r1 ← r2, r2 ← y, y ← M·r2 (rotate the buffers: the old r1 becomes the new y)
    const t = r1;
    r1 = r2;
    r2 = y;
    y = t;
    applyM(r2, y);
    oldb = beta;
    const beta2 = dot(n, r2, y);
    if (beta2 < 0) throw new ValueError(`${fn}: A (or M) does not define a symmetric matrix (β² = ${beta2} < 0 at iteration ${itn})`);
    beta = Math.sqrt(beta2);
    tnorm2 += alfa * alfa + oldb * oldb + beta * beta;
    if (itn === 1 && beta / beta1 <= 10 * eps) istop = -1; // b is an eigenvector: exact after this step

    // Apply the previous rotation Q_{k−1}, then a new one Q_k that zeroes β in T̄_k's column k
    const oldeps = epsln;
    const delta = cs * dbar + sn * alfa;
    const gbar = sn * dbar - cs * alfa;
    epsln = sn * beta;
    dbar = -cs * beta;
    const root = Math.hypot(gbar, dbar);
    let gamma = Math.hypot(gbar, beta);
    gamma = Math.max(gamma, eps);
    cs = gbar / gamma;
    sn = beta / gamma;
    const phi = cs * phibar;
    phibar = sn * phibar;

    // w_k = (v − ε·w_{k−2} − δ·w_{k−1}) / γ;  x += φ·w_k
    const denom = 1 / gamma;
    const tw = w1;
    w1 = w2;
    w2 = w;
    w = tw;
    let xx = 0;
    for (let i = 0; i < n; i++) {
      const wi = (v[i] - oldeps * w1[i] - delta * w2[i]) * denom;
      w[i] = wi;
      const xi = x[i] + phi * wi;
      x[i] = xi;
      xx += xi * xi;
    }

    gmax = Math.max(gmax, gamma);
    gmin = Math.min(gmin, gamma);
    const Anorm = Math.sqrt(tnorm2);
    const ynorm = Math.sqrt(xx);
    const epsx = Anorm * ynorm * eps;
    const rnorm = phibar;
    const test1 = ynorm === 0 || Anorm === 0 ? Infinity : rnorm / (Anorm * ynorm); // ‖r‖/(‖A‖‖x‖)
    const test2 = Anorm === 0 ? Infinity : root / Anorm; // ‖A·r‖/(‖A‖‖r‖)
    const Acond = gmax / gmin;
    if (istop === 0) {
      if (1 + test2 <= 1) istop = 2;
      if (1 + test1 <= 1) istop = 1;
      if (itn >= maxiter) istop = 6;
      if (Acond >= 0.1 / eps) istop = 4;
      if (epsx >= beta1) istop = 3;
      if (test2 <= rtol) istop = 2;
      if (test1 <= rtol) istop = 1;
    }
    if (callback !== undefined) callback(np.fromTypedArray(Float64Array.from(x)));
    if (istop !== 0) break;
  }
  return iterativeResult(x, istop === 6 ? maxiter : 0, itn, phibar);
}
