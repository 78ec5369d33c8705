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
 * In the code (minres): the arguments and β₁, then per step lanczosStep, qrStep (the rotations),
 * updateSolution (w_k and x), stoppingTests (istop), all on one MinresState.
 * Reference: C. C. Paige, M. A. Saunders, "Solution of sparse indefinite systems of linear
 * equations", SIAM J. Numer. Anal. 12(4), 1975; the SOL MINRES Matlab code SciPy translates;
 * Saad, "Iterative Methods for Sparse Linear Systems", §6.5 (for SPD A, cg is cheaper).
 */
import { ValueError, type NDArray } from "@sliderule/ndarray";
import * as np from "@sliderule/ndarray";
import { z } from "zod";
import { checkOptions, OPTION, optionsSchema, show } from "../util/options.js";
import { type Operator } from "./linear-operator.js";
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
 * Stages: the arguments checked, the initial residual (β₁), then per step lanczosStep,
 * qrStep, updateSolution, stoppingTests on one state object.
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

  const bnorm = Math.sqrt(dot(n, bv, bv));
  if (bnorm === 0) return iterativeResult(new Float64Array(n), 0, 0, 0);

  // r1 = b − (A − shift·I)·x₀;  y = M·r1;  β₁ = sqrt(r1ᵀ·y)
  const r1: Float64Array = bv;
  const y: Float64Array = new Float64Array(n);
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

  const S: MinresState = {
    n,
    op,
    applyM,
    shift,
    rtol,
    maxiter,
    beta1,
    x,
    // work vectors: v, w, w1, w2 (directions), r2 (next Lanczos residual), y (M·r2)
    v: new Float64Array(n),
    w: new Float64Array(n),
    w1: new Float64Array(n),
    w2: new Float64Array(n),
    r2: Float64Array.from(r1),
    r1: Float64Array.from(r1),
    y,
    oldb: 0,
    beta: beta1,
    dbar: 0,
    epsln: 0,
    phibar: beta1,
    tnorm2: 0,
    gmax: 0,
    gmin: Number.MAX_VALUE,
    cs: -1,
    sn: 0,
    oldeps: 0,
    delta: 0,
    gamma: 0,
    phi: 0,
    root: 0,
    istop: 0,
    itn: 0,
  };
  while (S.itn < maxiter) {
    S.itn++;
    const alfa = lanczosStep(S, fn);
    qrStep(S, alfa);
    const xx = updateSolution(S);
    stoppingTests(S, xx);
    if (callback !== undefined) callback(np.fromTypedArray(Float64Array.from(x)));
    if (S.istop !== 0) break;
  }
  return iterativeResult(x, S.istop === 6 ? maxiter : 0, S.itn, S.phibar);
}

const EPS = Number.EPSILON;

/**
 * What minres's stages share: the operator (op: A·v, applyM: M·r), shift, rtol, maxiter,
 * β₁; x and the work vectors (v; directions w, w1, w2; Lanczos residuals r1, r2; y = M·r2);
 * the Lanczos and rotation scalars of SOL MINRES (oldb, beta, dbar, epsln, phibar, tnorm2,
 * gmax, gmin, cs, sn), this step's (oldeps, delta, gamma, phi, root), istop and itn.
 */
interface MinresState {
  n: number;
  op: Operator;
  applyM: (src: Float64Array, dst: Float64Array) => void;
  shift: number;
  rtol: number;
  maxiter: number;
  beta1: number;
  x: Float64Array;
  v: Float64Array;
  w: Float64Array;
  w1: Float64Array;
  w2: Float64Array;
  r1: Float64Array;
  r2: Float64Array;
  y: Float64Array;
  oldb: number;
  beta: number;
  dbar: number;
  epsln: number;
  phibar: number;
  tnorm2: number;
  gmax: number;
  gmin: number;
  cs: number;
  sn: number;
  oldeps: number;
  delta: number;
  gamma: number;
  phi: number;
  root: number;
  istop: number;
  itn: number;
}

/**
 * Lanczos step: v = y/β; y = (A − shift·I)·v − (β/β_old)·r1 − (α/β)·r2; then r1 ← r2,
 * r2 ← y, y ← M·r2 and β = sqrt(r2ᵀ·y). Returns α.
 * @throws ValueError when β² < 0 (A or M not symmetric).
 */
function lanczosStep(S: MinresState, fn: string): number {
  const { n, v, shift, itn } = S;
  let { y, r1 } = S;
  const r2 = S.r2;
  const beta = S.beta;
  const s = 1 / beta;
  for (let i = 0; i < n; i++) v[i] = s * y[i];
  S.op.apply(v, y);
  if (shift !== 0) for (let i = 0; i < n; i++) y[i] -= shift * v[i];
  if (itn >= 2) {
    const c = beta / S.oldb;
    for (let i = 0; i < n; i++) y[i] -= c * r1[i];
  }
  const alfa = dot(n, v, y);
  const c2 = alfa / beta;
  for (let i = 0; i < n; i++) y[i] -= c2 * r2[i];
  // r1 ← r2, r2 ← y, y ← M·r2 (rotate the buffers: the old r1 becomes the new y)
  const t = r1;
  r1 = r2;
  S.r1 = r1;
  S.r2 = y;
  y = t;
  S.y = y;
  S.applyM(S.r2, y);
  S.oldb = beta;
  const beta2 = dot(n, S.r2, y);
  if (beta2 < 0) throw new ValueError(`${fn}: A (or M) does not define a symmetric matrix (β² = ${beta2} < 0 at iteration ${itn})`);
  S.beta = Math.sqrt(beta2);
  S.tnorm2 += alfa * alfa + S.oldb * S.oldb + S.beta * S.beta;
  if (itn === 1 && S.beta / S.beta1 <= 10 * EPS) S.istop = -1; // b is an eigenvector: exact after this step
  return alfa;
}

/** Apply the previous rotation Q_{k−1}, then a new one Q_k that zeroes β in T̄_k's column k. */
function qrStep(S: MinresState, alfa: number): void {
  const { cs, sn, dbar, beta } = S;
  S.oldeps = S.epsln;
  S.delta = cs * dbar + sn * alfa;
  const gbar = sn * dbar - cs * alfa;
  S.epsln = sn * beta;
  S.dbar = -cs * beta;
  S.root = Math.hypot(gbar, S.dbar);
  let gamma = Math.hypot(gbar, beta);
  gamma = Math.max(gamma, EPS);
  S.gamma = gamma;
  S.cs = gbar / gamma;
  S.sn = beta / gamma;
  S.phi = S.cs * S.phibar;
  S.phibar = S.sn * S.phibar;
}

/** w_k = (v − ε·w_{k−2} − δ·w_{k−1}) / γ;  x += φ·w_k. Returns ‖x‖². */
function updateSolution(S: MinresState): number {
  const { n, v, x, oldeps, delta, phi } = S;
  const denom = 1 / S.gamma;
  const tw = S.w1;
  const w1 = (S.w1 = S.w2);
  const w2 = (S.w2 = S.w);
  const w = (S.w = tw);
  let xx = 0;
  for (let i = 0; i < n; i++) {
    const wi = (v[i] - oldeps * w1[i] - delta * w2[i]) * denom;
    w[i] = wi;
    const xi = x[i] + phi * wi;
    x[i] = xi;
    xx += xi * xi;
  }
  return xx;
}

/** SciPy's istop from the running estimates ‖A‖, ‖x‖ (‖x‖² = xx), cond(A) (see the file header). */
function stoppingTests(S: MinresState, xx: number): void {
  const { gamma, rtol, itn, maxiter } = S;
  S.gmax = Math.max(S.gmax, gamma);
  S.gmin = Math.min(S.gmin, gamma);
  const Anorm = Math.sqrt(S.tnorm2);
  const ynorm = Math.sqrt(xx);
  const epsx = Anorm * ynorm * EPS;
  const rnorm = S.phibar;
  const test1 = ynorm === 0 || Anorm === 0 ? Infinity : rnorm / (Anorm * ynorm); // ‖r‖/(‖A‖‖x‖)
  const test2 = Anorm === 0 ? Infinity : S.root / Anorm; // ‖A·r‖/(‖A‖‖r‖)
  const Acond = S.gmax / S.gmin;
  if (S.istop === 0) {
    let istop = 0;
    if (1 + test2 <= 1) istop = 2;
    if (1 + test1 <= 1) istop = 1;
    if (itn >= maxiter) istop = 6;
    if (Acond >= 0.1 / EPS) istop = 4;
    if (epsx >= S.beta1) istop = 3;
    if (test2 <= rtol) istop = 2;
    if (test1 <= rtol) istop = 1;
    S.istop = istop;
  }
}
