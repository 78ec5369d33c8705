/**
 * Solve a square linear system A·X = B (NumPy's `np.linalg.solve`), through LU.
 *
 *   A = P·L·U  ⇒  X = U⁻¹·(L⁻¹·(P⁻¹·B))
 *
 * one LU factorisation (2n³/3 flops), then a forward and a back substitution per right-hand
 * side (2n² flops each): LAPACK's dgesv = dgetrf + dgetrs.
 *
 * On exit: X with B's shape (batch axes broadcast). An exactly zero pivot means A is singular
 * to working precision in the strongest sense and raises LinAlgError("Singular matrix", kind
 * "singular", index of the pivot); a nearly singular A gives a large but finite X, and, as
 * SciPy's solve, a LinAlgWarning when the estimated rcond = 1/κ₁(A) (dgecon,
 * condition-estimate.ts) is below eps (2⁻⁵³; 2⁻²⁴ for float32): one per call, naming the
 * smallest rcond of a stack.
 *
 * Invariant: ‖A·X − B‖ ≤ c·n·eps·‖A‖·‖X‖ (backward stable); the forward error is about
 * cond(A)·eps.
 *
 * Shapes follow NumPy 1.24's rule exactly: b is a stack of vectors (…, M) when
 * b.ndim == a.ndim − 1, and a stack of matrices (…, M, K) otherwise.
 *
 * Reference: Golub & Van Loan, "Matrix Computations", 4th ed., §3.4.3; LAPACK dgesv.
 * Sibling: `choSolve` is twice as fast for symmetric positive definite A; `lstsqQR` for tall A.
 */
import { ValueError, type NDArray } from "@sliderule/ndarray";
import { zgetf2, zgetrs } from "../complex/lu.js";
import { LinAlgError } from "../errors.js";
import { BLOCK_SIZES, blockSizeOf, type BlockOptions } from "../tuning.js";
import { asArray, assertFinite, assertSquare, fmtShape, gufunc, rightHandSide, workDType, type ArrayInput, type FloatArray } from "../util/batch.js";
import { gecon, norm1, trackRcond, warnIfIllConditioned } from "./condition-estimate.js";
import { getrfFast, getrs } from "./lu.js";
import { colMajor } from "@sliderule/ndarray/kernels";
import { checkOptions, OPTION, optionsSchema } from "../util/options.js";

/** The options solve accepts (util/options.ts). */
const SOLVE_OPTIONS = optionsSchema({ blockSize: OPTION.blockSize });

/**
 * Solve a·x = b for x (NumPy's `np.linalg.solve`).
 *
 * @param a `(..., M, M)` coefficient matrices.
 * @param b `(..., M)` when `b.ndim == a.ndim - 1` (a stack of vectors), else `(..., M, K)`;
 *   the batch axes of a and b broadcast.
 * @returns x of shape `(..., M)` or `(..., M, K)`; float32 when both inputs are float32,
 *   complex128 when either is complex, float64 otherwise.
 * @throws LinAlgError kind "singular" ("Singular matrix", `index` = the zero pivot) when an
 *   exact zero pivot occurs; kind "invalidInput" when a is not square.
 * @throws ValueError when b's shape does not fit a's, or an input contains NaN or Inf.
 *
 * Notes: LU with partial pivoting then two triangular solves (LAPACK dgesv), blocked with gemm.
 *
 * @example
 *   const x = linalg.solve([[3, 1], [1, 2]], [9, 8]);
 *   assert.close(x.toArray(), [2, 3]);
 */
export function solve(a: ArrayInput, b: ArrayInput, options: BlockOptions = {}): NDArray {
  const fn = "solve";
  checkOptions(fn, SOLVE_OPTIONS, options);
  const A = asArray(a);
  const B = asArray(b);
  assertSquare(A, fn);
  const n = A.shape[A.ndim - 1];
  // NumPy 1.24: vectors exactly when b has one dimension fewer than a
  const { vector, core, rows: bRows, nrhs } = rightHandSide(A, B);
  if (!vector && B.ndim < 2) {
    throw new ValueError(
      `${fn}: b of shape ${fmtShape(B.shape)} does not have enough dimensions for a of shape ${fmtShape(A.shape)} (b must be (..., M) with ${A.ndim - 1} dimensions or (..., M, K))`,
    );
  }
  if (bRows !== n) {
    throw new ValueError(`${fn}: shapes of a ${fmtShape(A.shape)} and b ${fmtShape(B.shape)} are incompatible: b has ${bRows} rows, a has ${n}`);
  }
  assertFinite(A, fn);
  assertFinite(B, fn);
  const nb = blockSizeOf(options, BLOCK_SIZES.lu, fn);
  const dtype = workDType(A.dtype, B.dtype);
  const complex = dtype === "complex128";
  const ipiv = new Int32Array(n);
  const nbSolve = blockSizeOf(options, BLOCK_SIZES.triangular, fn);
  const rcond = { min: Infinity, count: 0 }; // the smallest rcond of the matrices factored
  // "(n,n),(n,k)->(n,k)" over the broadcast batch
  const inputs = [
    { array: A, core: 2 },
    { array: B, core },
  ] as const;
  const out = gufunc({ fn, inputs, dtype, output: vector ? [n] : [n, nrhs], work: [n * n, n * nrhs], resident: true }, ([W, X], step) => {
    // factor A = P·L·U, unless this is the same matrix as the previous one (a broadcast a)
    if (step.fresh(0)) {
      step.load(0, W);
      const anorm = norm1(n, W, n, complex); // ‖A‖₁, before the LU overwrites A
      const info = complex ? zgetf2(n, n, W as Float64Array, 0, n, ipiv, 0) : getrfFast(colMajor(W, n, n), ipiv, nb);
      if (info >= 0) throw singular(fn, info);
      // rcond ≈ 1/(‖A‖₁·‖A⁻¹‖₁) from the factors, O(n²) (dgecon, as SciPy's solve)
      trackRcond(rcond, gecon(n, W, n, anorm, complex));
    }
    // X = U⁻¹·L⁻¹·P⁻¹·B
    step.load(1, X);
    solveFactored(complex, n, nrhs, W, ipiv, X, nbSolve);
    return X;
  });
  warnIfIllConditioned(fn, rcond, dtype);
  return out;
}

/** X := A⁻¹·X from A's LU factors in W (n×n, ld n); X is n×nrhs with ld n. */
export function solveFactored(complex: boolean, n: number, nrhs: number, W: FloatArray, ipiv: Int32Array, X: FloatArray, nb: number): void {
  if (complex) zgetrs(0, n, nrhs, W as Float64Array, 0, n, ipiv, X as Float64Array, 0, n);
  else getrs(0, colMajor(W, n, n), ipiv, colMajor(X, n, nrhs), nb);
}

/** NumPy's "Singular matrix" LinAlgError, with the zero pivot's index. */
export function singular(fn: string, index: number): LinAlgError {
  return new LinAlgError(`${fn}: Singular matrix: exact zero pivot at U[${index}, ${index}]`, "singular", index);
}
