/**
 * spsolve: A·x = b for a small sparse (or dense) square A, through dense LU (SciPy's
 * `scipy.sparse.linalg.spsolve`, which uses SuperLU, a sparse LU with fill-reducing ordering).
 *
 *   P·A = L·U (partial pivoting, linalg's solve: LAPACK dgesv's path on A.toarray()),  x = U⁻¹·L⁻¹·P·b
 *
 * Dense on purpose: it costs n² memory and (2/3)·n³ flops whatever the sparsity, which is
 * fine for the small systems a course builds (n = 2000: 32 MB, about a second) and wrong for
 * large ones, so n > SPSOLVE_MAX_N (5000: 200 MB) throws ValueError pointing to cg (SPD) or
 * minres (symmetric indefinite). Returns x with b's shape, float64: (n,) for b (n,), (n, k)
 * for b (n, k). A singular A throws LinAlgError (kind "singular") as solve does (SciPy warns
 * "Matrix is exactly singular" and returns NaNs).
 * Invariant: ‖A·x − b‖ ≤ c·n·eps·‖A‖·‖x‖ (backward stable, as dgesv).
 * Reference: Golub & Van Loan, 4th ed., §3.4 (Gaussian elimination with partial pivoting);
 * SciPy's spsolve docs; Davis, "Direct Methods for Sparse Linear Systems" for what a sparse LU adds.
 */
import { NDArray, ShapeError, ValueError } from "@sliderule/ndarray";
import * as np from "@sliderule/ndarray";
import { solve } from "../dense/solve.js";
import { checkOptions, optionsSchema, show } from "../util/options.js";

/** Largest n spsolve factors densely (n² float64 = 200 MB at 5000). */
export const SPSOLVE_MAX_N = 5000;

const SPSOLVE_OPTIONS = optionsSchema({});

/** The dense float64 A of a sparse matrix (`toarray()`) or a dense array. */
function denseOf(fn: string, A: unknown): NDArray {
  let M: unknown;
  if (A instanceof NDArray) M = A;
  else if (Array.isArray(A)) M = np.array(A as np.NestedArray);
  else if (A !== null && typeof A === "object" && typeof (A as { toarray?: unknown }).toarray === "function") {
    const shape = (A as { shape?: unknown }).shape;
    if (Array.isArray(shape) && shape.length === 2 && typeof shape[0] === "number" && shape[0] > SPSOLVE_MAX_N) tooLarge(fn, shape[0]);
    M = (A as { toarray(): unknown }).toarray();
  } else throw new ValueError(`${fn}: A must be a sparse matrix or a dense 2-D array, got ${show(A)}`);
  if (!(M instanceof NDArray)) throw new ValueError(`${fn}: A.toarray() returned ${show(M)}, not an array`);
  if (M.ndim !== 2 || M.shape[0] !== M.shape[1]) throw new ShapeError(`${fn}: A must be square 2-D, got shape (${M.shape.join(", ")})`);
  if (M.dtype === "complex128") throw new ValueError(`${fn}: complex matrices are not supported`);
  if (M.shape[0] > SPSOLVE_MAX_N) tooLarge(fn, M.shape[0]);
  return M.astype("float64");
}

function tooLarge(fn: string, n: number): never {
  throw new ValueError(
    `${fn}: A is ${n}×${n}, above the dense-LU limit n = ${SPSOLVE_MAX_N} (spsolve factors A.toarray(): n² memory, n³ time); use cg for a symmetric positive definite A or minres for a symmetric one`,
  );
}

/**
 * Solve A·x = b by dense LU on A.toarray(). See the file header.
 * @param A (n, n), n ≤ 5000: a sparse matrix with `toarray()` or a dense array.
 * @param b (n,) or (n, k).
 * @throws ValueError for n > 5000 or NaN in b; ShapeError for mismatched shapes; LinAlgError
 *   (singular) for a singular A.
 */
export function spsolve(A: unknown, b: NDArray | ArrayLike<number> | number[][], options: Record<string, never> = {}): NDArray {
  const fn = "spsolve";
  checkOptions(fn, SPSOLVE_OPTIONS, options);
  const M = denseOf(fn, A);
  const n = M.shape[0];
  let B: NDArray;
  if (b instanceof NDArray) B = b;
  else if (Array.isArray(b) || ArrayBuffer.isView(b)) B = np.array(Array.from(b as ArrayLike<number>) as np.NestedArray);
  else throw new ValueError(`${fn}: b must be an array, got ${show(b)}`);
  if (B.dtype === "complex128") throw new ValueError(`${fn}: complex b is not supported`);
  if (!(B.ndim === 1 || B.ndim === 2) || B.shape[0] !== n) {
    throw new ShapeError(`${fn}: b must have shape (${n},) or (${n}, k) for a ${n}×${n} A, got (${B.shape.join(", ")})`);
  }
  const flat = B.astype("float64").toTypedArray() as Float64Array;
  for (let i = 0; i < flat.length; i++) {
    if (!Number.isFinite(flat[i])) throw new ValueError(`${fn}: b must be finite, got ${flat[i]} at flat index ${i}`);
  }
  return solve(M, B.astype("float64"));
}
