/**
 * Matrix inverse (NumPy's `np.linalg.inv`), through LU.
 *
 *   A = P·L·U  ⇒  A⁻¹ = U⁻¹·L⁻¹·P⁻¹
 *
 * NumPy solves A·X = I (dgesv): one LU (2n³/3 flops) and two triangular solves with n
 * right-hand sides (2n³ flops). `getri` here spends 4n³/3 instead, as LAPACK's dgetri does,
 * by keeping the structure of the identity:
 *   1. Y = L⁻¹ is unit lower triangular, so its block column J = [j0, j1) solves only the
 *      trailing system L[j0:, j0:]·Y[j0:, J] = I[j0:, J]   (n³/3 flops in all, not n³);
 *   2. X = U⁻¹·Y, a full triangular solve                   (n³);
 *   3. A⁻¹ = X·P⁻¹: the pivots' interchanges applied to the columns of X, last first.
 * The twin `solveFactored` on the identity (NumPy's route) is the reference in inv.test.ts.
 *
 * On exit: A⁻¹ with a's shape. An exactly zero pivot raises LinAlgError("Singular matrix",
 * kind "singular", index of the pivot). As SciPy's inv, an estimated rcond = 1/κ₁(A) below eps
 * (dgecon, condition-estimate.ts) gives one LinAlgWarning per call (`invQuiet` gives none).
 *
 * Invariant: each column x_j of X satisfies ‖A·x_j − e_j‖ ≤ c·n·eps·‖A‖·‖x_j‖; the relative
 * error of X is about cond(A)·eps. To solve a system, prefer `solve` (cheaper, more accurate).
 *
 * Reference: Golub & Van Loan, "Matrix Computations", 4th ed., §3.4.3; LAPACK dgesv.
 */
import type { NDArray } from "@sliderule/ndarray";
import { zgetf2 } from "../complex/lu.js";
import { BLOCK_SIZES, blockSizeOf, GETRI_BLOCK_COLUMNS, type BlockOptions } from "../tuning.js";
import { asArray, assertFinite, assertSquare, gufunc, workDType, type ArrayInput, type FloatArray } from "../util/batch.js";
import { colMajor, lowerUnit, sub, upper } from "@sliderule/ndarray/kernels";
import { trsm } from "../primitives/triangular-solve.js";
import { gecon, norm1, trackRcond, warnIfIllConditioned } from "./condition-estimate.js";
import { getrfFast } from "./lu.js";
import { singular, solveFactored } from "./solve.js";
import { checkOptions, OPTION, optionsSchema } from "../util/options.js";

/** The options inv accepts (util/options.ts). */
const INV_OPTIONS = optionsSchema({ blockSize: OPTION.blockSize });

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
 * Notes: LU with partial pivoting, then U⁻¹·L⁻¹·P⁻¹ by triangular solves that skip the
 * identity's zeros (dgetri's flop count; NumPy solves A·X = I). Prefer `solve(a, b)` to
 * `inv(a)·b`.
 *
 * @example
 *   const Ainv = linalg.inv([[2, 0], [0, 4]]);
 *   assert.deepEqual(Ainv.toArray(), [[0.5, 0], [0, 0.25]]);
 */
export function inv(a: ArrayInput, options: BlockOptions = {}): NDArray {
  return invert(a, options, true);
}

/**
 * `inv` without the ill-conditioning warning, for callers that judge the conditioning
 * themselves (cond by the 1-, ∞- and Frobenius norms, matrixPower with n < 0: NumPy's, which
 * never warn).
 */
export function invQuiet(a: ArrayInput, options: BlockOptions = {}): NDArray {
  return invert(a, options, false);
}

/** `inv`'s body; with `warnIll`, SciPy's LinAlgWarning when rcond < eps. */
function invert(a: ArrayInput, options: BlockOptions, warnIll: boolean): NDArray {
  const fn = "inv";
  checkOptions(fn, INV_OPTIONS, options);
  const A = asArray(a);
  assertSquare(A, fn);
  assertFinite(A, fn);
  const nb = blockSizeOf(options, BLOCK_SIZES.lu, fn);
  const nbSolve = blockSizeOf(options, BLOCK_SIZES.triangular, fn);
  const n = A.shape[A.ndim - 1];
  const dtype = workDType(A.dtype);
  const complex = dtype === "complex128";
  const rcond = { min: Infinity, count: 0 }; // the smallest rcond of the stack
  const ipiv = new Int32Array(n);
  // "(n,n)->(n,n)" over the stack
  const out = gufunc({ fn, inputs: [{ array: A, core: 2 }], dtype, output: [n, n], work: [n * n, n * n], resident: true }, ([W, X], step) => {
    // A = P·L·U
    step.load(0, W);
    const anorm = warnIll ? norm1(n, W, n, complex) : 0; // ‖A‖₁, before the LU overwrites A
    const info = complex ? zgetf2(n, n, W as Float64Array, 0, n, ipiv, 0) : getrfFast(colMajor(W, n, n), ipiv, nb);
    if (info >= 0) throw singular(fn, info);
    // rcond ≈ 1/(‖A‖₁·‖A⁻¹‖₁) from the factors, O(n²) (dgecon, as SciPy's inv)
    if (warnIll) trackRcond(rcond, gecon(n, W, n, anorm, complex));
    if (complex) {
      // X = I, then X := A⁻¹·X
      X.fill(0);
      for (let i = 0; i < n; i++) X[2 * (i + i * n)] = 1;
      solveFactored(complex, n, n, W, ipiv, X, nbSolve);
    } else {
      getri(n, W, 0, n, ipiv, X, 0, n, nbSolve);
    }
    return X;
  });
  if (warnIll) warnIfIllConditioned(fn, rcond, dtype);
  return out;
}

/**
 * A⁻¹ into X (n×n column-major, ldx) from A = P·L·U as getrf leaves it in LU (lda) and ipiv
 * (see the file header). `nb`: the triangular solves' leaf size; `width`: the block columns of
 * step 1 (default GETRI_BLOCK_COLUMNS, measured in tuning.ts).
 */
export function getri(
  n: number,
  LU: FloatArray,
  luOff: number,
  lda: number,
  ipiv: Int32Array,
  X: FloatArray,
  xOff: number,
  ldx: number,
  nb: number,
  width = GETRI_BLOCK_COLUMNS,
): void {
  // 1. X := L⁻¹, one block column at a time, from the diagonal down
  for (let j = 0; j < n; j++) {
    X.fill(0, xOff + j * ldx, xOff + j * ldx + n);
    X[xOff + j + j * ldx] = 1;
  }
  const F = colMajor(LU, n, n, luOff, lda);
  const Xb = colMajor(X, n, n, xOff, ldx);
  for (let j0 = 0; j0 < n; j0 += width) {
    const jb = Math.min(width, n - j0);
    // X[j0:, j0:j0+jb] = L[j0:, j0:]⁻¹·I[j0:, j0:j0+jb] (L⁻¹ is lower triangular: the rows above j0 stay zero)
    trsm(lowerUnit(sub(F, j0, j0, n - j0, n - j0)), sub(Xb, j0, j0, n - j0, jb), nb);
  }
  // 2. X := U⁻¹·X
  trsm(upper(F), Xb, nb);
  // 3. A⁻¹ = X·P⁻¹, P⁻¹ = P_{n−1}···P_0: swap columns j and ipiv[j], j = n−1 down to 0
  for (let j = n - 1; j >= 0; j--) {
    const p = ipiv[j];
    if (p === j) continue;
    const cj = xOff + j * ldx;
    const cp = xOff + p * ldx;
    for (let i = 0; i < n; i++) {
      const t = X[cj + i];
      X[cj + i] = X[cp + i];
      X[cp + i] = t;
    }
  }
}
