/**
 * Conjugate gradient (SciPy's `scipy.sparse.linalg.cg`) for A·x = b, A symmetric positive
 * definite, with an optional preconditioner M ≈ A⁻¹ (M is the operator applying M⁻¹ of the
 * textbooks: SciPy's convention, "M approximates the inverse of A").
 *
 *   r₀ = b − A·x₀                                    (x₀ = 0 unless given)
 *   for j = 0, 1, …, maxiter − 1:
 *     if ‖r_j‖ < max(rtol·‖b‖, atol): converged      (SciPy's test, strict <)
 *     z_j = M·r_j,   ρ_j = r_jᵀz_j
 *     p_j = z_j + (ρ_j / ρ_{j−1})·p_{j−1}            (p₀ = z₀)
 *     q_j = A·p_j,   α_j = ρ_j / (p_jᵀq_j)
 *     x_{j+1} = x_j + α_j·p_j,   r_{j+1} = r_j − α_j·q_j
 *
 * Invariant (exact arithmetic): r_j = b − A·x_j, the residuals are M-orthogonal
 * (r_iᵀ·M·r_j = 0, i ≠ j) and the directions A-conjugate (p_iᵀ·A·p_j = 0), so x_j minimises
 * the A-norm of the error over x₀ + K_j(M·A, M·r₀); in floating point r_j is the recursively
 * updated residual, which drifts from b − A·x_j by O(eps·‖A‖·‖x‖) per step.
 *
 * Returns `{ x, info, iterations, residualNorm, converged }`, iterable as `[x, info]` like
 * SciPy's tuple. `info` follows SciPy: 0 converged; maxiter (> 0) when the loop ran out (SciPy
 * does not re-test after the last update, nor do we); −1 on breakdown (pᵀA·p = 0 or rᵀM·r = 0
 * with r ≠ 0, or a non-finite value: A or M is singular or not definite), where SciPy would
 * carry on into NaNs. `residualNorm` is ‖r_j‖ of the recurrence at exit (the quantity tested).
 * b = 0 returns x = 0 at once (SciPy returns b), whatever x₀.
 *
 * Work: one A·p and one M·r per iteration, five vectors of n float64 (x, r, z, p, q), nothing
 * allocated inside the loop (a callback receives a fresh copy of x each call). Memory passes per
 * iteration without M: A·p with pᵀA·p (fused for a sparse A), x and r with ‖r‖² (one pass), p;
 * ρ = rᵀr is the ‖r‖² already summed. The sums are those of the plain loops, in the same order.
 * float32 or integer input is computed and returned in float64 (SciPy keeps float32).
 * Reference: Saad, "Iterative Methods for Sparse Linear Systems", 2nd ed., Alg. 6.18 and 9.1
 * (preconditioned CG); Golub & Van Loan, 4th ed., §11.3 and Alg. 11.5.1; SciPy's cg.
 * For symmetric indefinite A use minres; for a diagonal preconditioner, jacobi(A).
 */
import { NDArray, ShapeError, ValueError, namedTuple, type NamedTuple } from "@sliderule/ndarray";
import * as np from "@sliderule/ndarray";
import { z } from "zod";
import { checkOptions, OPTION, optionsSchema, show } from "../util/options.js";
import { asLinearOperator, type LinearOperatorLike, type MatvecInto, type Operator } from "./linear-operator.js";

/** Anything asLinearOperator reads: a sparse matrix, a dense 2-D array, a LinearOperator. */
export type OperatorInput = MatvecInto | LinearOperatorLike | NDArray | number[][];

export interface CgOptions {
  /** Starting guess x₀ (n,); default zeros. */
  x0?: NDArray | ArrayLike<number>;
  /** Relative tolerance: stop when ‖r‖ < max(rtol·‖b‖, atol). Default 1e-5. */
  rtol?: number;
  /** Absolute tolerance. Default 0. */
  atol?: number;
  /** Iteration limit; default 10·n. */
  maxiter?: number;
  /** Preconditioner: an operator applying M ≈ A⁻¹ (SciPy's M), e.g. `jacobi(A)`. */
  M?: OperatorInput;
  /** Called after each iteration with a copy of the current iterate x_k. */
  callback?: (xk: NDArray) => void;
}

/** An iterative solver's result; iterates as `[x, info]` (SciPy's tuple). */
export interface IterativeFields {
  /** The solution (n,), float64. */
  x: NDArray;
  /** 0 converged; > 0 the iteration limit, not converged; < 0 breakdown. */
  info: number;
  /** Iterations performed. */
  iterations: number;
  /** The residual norm the stopping test saw last. */
  residualNorm: number;
  /** info === 0. */
  converged: boolean;
}
export type IterativeResult = NamedTuple<IterativeFields, ["x", "info"]>;

export const CG_OPTIONS = optionsSchema({
  x0: OPTION.any,
  rtol: OPTION.any,
  atol: OPTION.any,
  maxiter: OPTION.any,
  M: OPTION.any,
  callback: z.custom<(xk: NDArray) => void>((v) => typeof v === "function", { message: "expected a function" }),
});

/** A tolerance option: a finite number ≥ 0. */
export function tolerance(fn: string, name: string, v: unknown, fallback: number): number {
  if (v === undefined) return fallback;
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0) throw new ValueError(`${fn}: option ${name} must be a finite number >= 0, got ${show(v)}`);
  return v;
}

/** An iteration limit: a positive integer (undefined → fallback). */
export function iterationLimit(fn: string, v: unknown, fallback: number): number {
  if (v === undefined || v === null) return fallback;
  if (typeof v !== "number" || !Number.isInteger(v) || v < 1) throw new ValueError(`${fn}: option maxiter must be a positive integer, got ${show(v)}`);
  return v;
}

/** The square operator A of a solver: n×n or ShapeError naming fn. */
export function squareOperator(fn: string, A: unknown, what = "A"): Operator {
  const op = asLinearOperator(fn, A);
  if (op.rows !== op.cols) throw new ShapeError(`${fn}: ${what} must be square, got shape (${op.rows}, ${op.cols})`);
  return op;
}

/**
 * A right-hand side or starting vector as a fresh float64 copy of n finite numbers: a 1-D
 * array (n,) or a column (n, 1), an NDArray or a plain array. NaN or ±Inf throws (a NaN in b
 * would otherwise come back as a NaN x with info = 0).
 */
export function vectorArg(fn: string, name: string, v: unknown, n: number): Float64Array {
  let a: NDArray;
  if (v instanceof NDArray) a = v;
  else if (Array.isArray(v) || ArrayBuffer.isView(v)) {
    try {
      a = np.array(Array.from(v as ArrayLike<number>) as np.NestedArray);
    } catch {
      throw new ValueError(`${fn}: ${name} must be an array of ${n} numbers, got ${show(v)}`);
    }
  } else throw new ValueError(`${fn}: ${name} must be an array of ${n} numbers, got ${show(v)}`);
  if (a.dtype === "complex128") throw new ValueError(`${fn}: complex ${name} is not supported`);
  if (!(a.ndim === 1 || (a.ndim === 2 && a.shape[1] === 1))) {
    throw new ShapeError(`${fn}: ${name} must have shape (${n},) or (${n}, 1), got (${a.shape.join(", ")})`);
  }
  if (a.shape[0] !== n) throw new ShapeError(`${fn}: ${name} has ${a.shape[0]} entries but the operator is ${n}×${n}`);
  const out = Float64Array.from(a.reshape([n]).toTypedArray() as ArrayLike<number>);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(out[i])) throw new ValueError(`${fn}: ${name} must be finite, got ${out[i]} at index ${i}`);
  }
  return out;
}

/** The preconditioner M as an operator, or null (identity). */
export function preconditioner(fn: string, M: unknown, n: number): Operator | null {
  if (M === undefined || M === null) return null;
  const op = asLinearOperator(fn, M);
  if (op.rows !== n || op.cols !== n) throw new ShapeError(`${fn}: the preconditioner M must be ${n}×${n} like A, got (${op.rows}, ${op.cols})`);
  return op;
}

export function dot(n: number, x: Float64Array, y: Float64Array): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i] * y[i];
  return s;
}

// The vector updates of one CG step, each its own small function that V8 optimises on its own:
// written inline, they ran in cg's on-stack-replaced code (cg is entered once and loops hundreds
// of times), which V8 deoptimised and recompiled five times during one solve (--trace-deopt).

/** x += α·p;  r −= α·q;  returns ‖r‖² of the new r (one pass over the four vectors). */
function updateIterate(n: number, alpha: number, p: Float64Array, q: Float64Array, x: Float64Array, r: Float64Array): number {
  let rr = 0;
  for (let i = 0; i < n; i++) {
    x[i] += alpha * p[i];
    const ri = r[i] - alpha * q[i];
    r[i] = ri;
    rr += ri * ri;
  }
  return rr;
}

/** p := z + β·p (the new search direction). */
function updateDirection(n: number, z: Float64Array, beta: number, p: Float64Array): void {
  for (let i = 0; i < n; i++) p[i] = z[i] + beta * p[i];
}

/** The result object, iterable as [x, info]. */
export function iterativeResult(x: Float64Array, info: number, iterations: number, residualNorm: number): IterativeResult {
  return namedTuple({ x: np.fromTypedArray(x), info, iterations, residualNorm, converged: info === 0 }, ["x", "info"]);
}

/**
 * Solve A·x = b by (preconditioned) conjugate gradient. See the file header.
 * @param A (n, n) symmetric positive definite: sparse matrix, dense array or LinearOperator.
 * @param b (n,) or (n, 1).
 * @returns `{ x, info, iterations, residualNorm, converged }`, iterable as `[x, info]`.
 * @throws ShapeError for a non-square A, or b, x0, M of the wrong size; ValueError for NaN/Inf
 *   in b or x0, an unknown option or a bad value.
 * @example
 *   const A = sparse.diags([[-1, -1], [2, 2, 2], [-1, -1]], [-1, 0, 1]); // [[2, −1, 0], [−1, 2, −1], [0, −1, 2]]
 *   const [x, info] = sparse.cg(A, [1, 0, 1], { rtol: 1e-12 });
 *   assert.equal(info, 0);
 *   assert.close(x.toArray(), [1, 1, 1], 1e-10);
 */
export function cg(A: OperatorInput, b: NDArray | ArrayLike<number>, options: CgOptions = {}): IterativeResult {
  const fn = "cg";
  checkOptions(fn, CG_OPTIONS, options);
  const op = squareOperator(fn, A);
  const n = op.rows;
  const bv = vectorArg(fn, "b", b, n);
  const rtol = tolerance(fn, "rtol", options.rtol, 1e-5);
  const atolOpt = tolerance(fn, "atol", options.atol, 0);
  const maxiter = iterationLimit(fn, options.maxiter, 10 * n);
  const Mop = preconditioner(fn, options.M, n);
  const x = options.x0 === undefined ? new Float64Array(n) : vectorArg(fn, "x0", options.x0, n);
  const callback = options.callback;

  const bnorm = Math.sqrt(dot(n, bv, bv));
  if (bnorm === 0) return iterativeResult(new Float64Array(n), 0, 0, 0);
  const atol = Math.max(atolOpt, rtol * bnorm); // SciPy's _get_atol_rtol

  // r₀ = b − A·x₀ (x₀ = 0: r₀ = b, no product)
  const r = bv;
  const q = new Float64Array(n);
  if (x.some((v) => v !== 0)) {
    op.apply(x, q);
    for (let i = 0; i < n; i++) r[i] -= q[i];
  }
  const zv = Mop === null ? r : new Float64Array(n); // z = M·r (z is r itself without M)
  const p = new Float64Array(n);
  let rhoPrev = 0;
  let rr = dot(n, r, r); // ‖r_j‖²
  let rnorm = Math.sqrt(rr);
  for (let j = 0; j < maxiter; j++) {
    if (rnorm < atol) return iterativeResult(x, 0, j, rnorm);
    if (Mop !== null) Mop.apply(r, zv);
    // ρ_j = r_jᵀ·M·r_j; without M, z = r and ρ_j = ‖r_j‖², already summed (in the same order)
    const rho = Mop === null ? rr : dot(n, r, zv);
    if (rho === 0 || !Number.isFinite(rho)) return iterativeResult(x, -1, j, rnorm);
    if (j === 0) p.set(zv);
    else updateDirection(n, zv, rho / rhoPrev, p); // p_j = z_j + β_j·p_{j−1},  β_j = ρ_j / ρ_{j−1}
    // q_j = A·p_j and p_jᵀ·q_j (in the same pass over the rows when A is a sparse matrix)
    let pq: number;
    if (op.applyDot !== undefined) pq = op.applyDot(p, q);
    else {
      op.apply(p, q);
      pq = dot(n, p, q);
    }
    if (pq === 0 || !Number.isFinite(pq)) return iterativeResult(x, -1, j, rnorm);
    const alpha = rho / pq; // α_j = ρ_j / p_jᵀA·p_j
    rr = updateIterate(n, alpha, p, q, x, r); // x_{j+1} = x_j + α_j·p_j,  r_{j+1} = r_j − α_j·q_j
    rnorm = Math.sqrt(rr);
    rhoPrev = rho;
    if (callback !== undefined) callback(np.fromTypedArray(Float64Array.from(x)));
  }
  return iterativeResult(x, maxiter, maxiter, rnorm);
}
