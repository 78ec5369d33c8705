/**
 * The Jacobi (diagonal) preconditioner: M = D⁻¹, D = diag(A), for cg and minres (SciPy has no
 * function for it; users write `LinearOperator(A.shape, lambda x: x / A.diagonal())`).
 *
 *   M·r = D⁻¹·r,   (M·r)_i = r_i / a_ii
 *
 * Returns an operator `{ shape: [n, n], matvecInto, rmatvecInto, diagonal }` that cg's and
 * minres's `M` accept (and asLinearOperator reads); its `diagonal` is the copy of diag(A) it
 * divides by. For A symmetric positive definite, D is positive and M·A has the same
 * eigenvalues as D^{-1/2}·A·D^{-1/2}, which for a badly row/column-scaled A is much better
 * conditioned (van der Sluis: the diagonal scaling is within a factor n of the best one).
 * Invariant: M is symmetric, and positive definite when every a_ii > 0.
 * Reference: Saad, "Iterative Methods for Sparse Linear Systems", 2nd ed., §10.2 (Jacobi
 * preconditioning); Golub & Van Loan, 4th ed., §11.5.
 */
import { NDArray, ShapeError, ValueError } from "@sliderule/ndarray";
import * as np from "@sliderule/ndarray";
import { LinAlgError } from "../errors.js";
import { checkOptions, optionsSchema, show } from "../util/options.js";
import type { MatvecInto } from "./linear-operator.js";

/** What jacobi returns: an operator applying D⁻¹. */
export interface JacobiPreconditioner extends MatvecInto {
  readonly shape: readonly [number, number];
  /** diag(A), float64 (n,). */
  readonly diagonal: NDArray;
  matvecInto(x: Float64Array, y: Float64Array): void;
  rmatvecInto(x: Float64Array, y: Float64Array): void;
}

const JACOBI_OPTIONS = optionsSchema({});

/** diag(A) of a sparse matrix (its `diagonal()`) or a dense 2-D array, as float64. */
function diagonalOf(fn: string, A: unknown): Float64Array {
  let d: unknown;
  if (A instanceof NDArray || Array.isArray(A)) {
    const M = A instanceof NDArray ? A : np.array(A as np.NestedArray);
    if (M.ndim !== 2) throw new ShapeError(`${fn}: A must be 2-D, got shape (${M.shape.join(", ")})`);
    if (M.shape[0] !== M.shape[1]) throw new ShapeError(`${fn}: A must be square, got shape (${M.shape.join(", ")})`);
    if (M.dtype === "complex128") throw new ValueError(`${fn}: complex matrices are not supported`);
    d = np.diagonal(M);
  } else if (A !== null && typeof A === "object" && typeof (A as { diagonal?: unknown }).diagonal === "function") {
    const shape = (A as { shape?: unknown }).shape;
    if (!Array.isArray(shape) || shape.length !== 2 || shape[0] !== shape[1]) throw new ShapeError(`${fn}: A must be square, got shape ${show(shape)}`);
    d = (A as { diagonal(): unknown }).diagonal();
  } else {
    throw new ValueError(
      `${fn}: A must be a sparse matrix or a dense 2-D array (an operator known only by its products has no diagonal to read), got ${show(A)}`,
    );
  }
  if (!(d instanceof NDArray)) throw new ValueError(`${fn}: A.diagonal() returned ${show(d)}, not an array`);
  return Float64Array.from(d.astype("float64").toTypedArray() as Float64Array);
}

/**
 * The Jacobi preconditioner of A: an operator applying D⁻¹ = diag(A)⁻¹, to pass as `M`.
 * @param A (n, n): a sparse matrix with `diagonal()` or a dense 2-D array.
 * @throws LinAlgError (kind "singular", index i) when a_ii = 0; ValueError for NaN on the
 *   diagonal or an operator without a diagonal; ShapeError for a non-square A.
 * @example
 *   const A = sparse.diags([[1, 1], [4, 100, 10000], [1, 1]], [-1, 0, 1]); // badly scaled SPD
 *   const { x, info } = sparse.cg(A, [5, 102, 10001], { M: sparse.jacobi(A), rtol: 1e-12 });
 *   assert.equal(info, 0);
 *   assert.close(x.toArray(), [1, 1, 1], 1e-10);
 */
export function jacobi(A: unknown, options: Record<string, never> = {}): JacobiPreconditioner {
  const fn = "jacobi";
  checkOptions(fn, JACOBI_OPTIONS, options);
  const d = diagonalOf(fn, A);
  const n = d.length;
  const inv = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(d[i])) throw new ValueError(`${fn}: diagonal entry ${i} of A is NaN`);
    if (d[i] === 0) throw new LinAlgError(`${fn}: diagonal entry ${i} of A is zero, so D = diag(A) has no inverse`, "singular", i);
    inv[i] = 1 / d[i];
  }
  const apply = (x: Float64Array, y: Float64Array): void => {
    for (let i = 0; i < n; i++) y[i] = inv[i] * x[i]; // y = D⁻¹·x
  };
  return { shape: [n, n] as const, diagonal: np.fromTypedArray(d), matvecInto: apply, rmatvecInto: apply };
}
