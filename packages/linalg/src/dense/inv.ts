/**
 * Matrix inverse (NumPy's `np.linalg.inv`), through LU.
 *
 *   A = P·L·U  ⇒  A⁻¹ = U⁻¹·L⁻¹·P⁻¹,  computed as the solution X of A·X = I
 *
 * exactly as NumPy does (dgesv with the identity as right-hand side): one LU (2n³/3 flops)
 * and two triangular solves with n right-hand sides (2n³ flops), blocked with gemm.
 *
 * On exit: A⁻¹ with a's shape. An exactly zero pivot raises LinAlgError("Singular matrix",
 * kind "singular", index of the pivot).
 *
 * Invariant: each column x_j of X satisfies ‖A·x_j − e_j‖ ≤ c·n·eps·‖A‖·‖x_j‖; the relative
 * error of X is about cond(A)·eps. To solve a system, prefer `solve` (cheaper, more accurate).
 *
 * Reference: Golub & Van Loan, "Matrix Computations", 4th ed., §3.4.3; LAPACK dgesv.
 */
import type { NDArray } from "@sliderule/ndarray";
import { zgetf2 } from "../complex/lu.js";
import { BLOCK_SIZES, blockSizeOf, type BlockOptions } from "../tuning.js";
import {
  allocWork,
  asArray,
  assertFinite,
  assertSquare,
  batchOffsets,
  batchShapeOf,
  loadMatrix,
  matrixStrides,
  stackOf,
  storeMatrix,
  workDType,
  type ArrayInput,
} from "../util/batch.js";
import { getrf } from "./lu.js";
import { singular, solveFactored } from "./solve.js";

/**
 * Inverse of a square matrix (NumPy's `np.linalg.inv`).
 *
 * @param a `(..., M, M)`.
 * @returns a⁻¹ `(..., M, M)`: float64 for integer input, float32 for float32, complex128 for
 *   complex.
 * @throws LinAlgError kind "singular" ("Singular matrix", `index` = the zero pivot); kind
 *   "invalidInput" when a is not square or has fewer than 2 dimensions.
 * @throws ValueError when a contains NaN or Inf.
 *
 * Notes: LU with partial pivoting, then A·X = I by two blocked triangular solves (NumPy's
 * dgesv approach). Prefer `solve(a, b)` to `inv(a)·b`.
 *
 * @example
 *   const Ainv = linalg.inv([[2, 0], [0, 4]]);
 *   assert.deepEqual(Ainv.toArray(), [[0.5, 0], [0, 0.25]]);
 */
export function inv(a: ArrayInput, options: BlockOptions = {}): NDArray {
  const fn = "inv";
  const A = asArray(a);
  assertSquare(A, fn);
  assertFinite(A, fn);
  const nb = blockSizeOf(options, BLOCK_SIZES.lu, fn);
  const nbSolve = blockSizeOf(options, BLOCK_SIZES.triangular, fn);
  const n = A.shape[A.ndim - 1];
  const dtype = workDType(A.dtype);
  const complex = dtype === "complex128";
  const batch = batchShapeOf(A, 2);
  const out = stackOf(batch, [n, n], dtype);
  const offs = batchOffsets(A, batch, 2);
  const { rs, cs } = matrixStrides(A);
  const W = allocWork(dtype, n * n);
  const X = allocWork(dtype, n * n);
  const ipiv = new Int32Array(n);
  for (let p = 0; p < offs.length; p++) {
    // A = P·L·U
    loadMatrix(A, offs[p], rs, cs, n, n, W, 0, n, complex);
    const info = complex ? zgetf2(n, n, W as Float64Array, 0, n, ipiv, 0) : getrf(n, n, W, 0, n, ipiv, nb);
    if (info >= 0) throw singular(fn, info);
    // X = I, then X := A⁻¹·X
    X.fill(0);
    for (let i = 0; i < n; i++) X[complex ? 2 * (i + i * n) : i + i * n] = 1;
    solveFactored(complex, n, n, W, ipiv, X, nbSolve);
    storeMatrix(X, 0, n, n, n, out, p * n * n);
  }
  return out;
}
