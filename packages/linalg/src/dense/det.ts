/**
 * Determinant and its logarithm, through LU (NumPy's `det` and `slogdet`).
 *
 *   A = P·L·U  ⇒  det A = det P · det L · det U = (−1)^s · Π_i u_ii
 *
 * with s the number of row interchanges (ipiv[i] ≠ i) and det L = 1. A product of n pivots
 * overflows or underflows long before the determinant is meaningless (a 35×35 matrix of
 * O(10) entries already has |det| > 1e308), so slogdet keeps it as
 *
 *   sign      = (−1)^s · Π_i u_ii / |u_ii|        (±1; a unit complex number for complex A)
 *   logabsdet = Σ_i log |u_ii|
 *
 * and det is `sign · exp(logabsdet)`, exactly as NumPy computes it (so det is ±inf or 0 only
 * when the true value is beyond float64's range). An exact zero pivot gives sign 0 and
 * logabsdet −inf, hence det 0.
 *
 * Invariant: sign·exp(logabsdet) = det(A) up to the rounding of the LU factors (backward
 * stable; the relative error of det grows with cond(A)).
 * Reference: Golub & Van Loan, "Matrix Computations", 4th ed., §3.2.6 (and §3.4 for LU);
 * NumPy `umath_linalg` slogdet_single_element.
 */
import {
  namedTuple,
  type Batched,
  type Complex,
  type ComplexMatrix,
  type NamedTuple,
  type NDArray,
  type NestedStack,
  type RealMatrix,
} from "@sliderule/ndarray";
import { BLOCK_SIZES, blockSizeOf, type BlockOptions } from "../tuning.js";
import { asArray, assertFinite, assertSquare, batchShapeOf, stackOf, workDType, type ArrayInput } from "../util/batch.js";
import { forEachLU } from "./lu.js";
import { checkOptions, OPTION, optionsSchema } from "../util/options.js";
import { scalarOf } from "../util/scalar.js";

/** The options det and slogdet accept (util/options.ts). */
const DET_OPTIONS = optionsSchema({ blockSize: OPTION.blockSize });

/** The fields of `slogdet(a)`: det(a) = sign·exp(logabsdet). */
export interface SlogdetFields<Sign, LogAbsDet> {
  /** ±1, or 0 for a singular matrix; complex128 input: a complex number of modulus 1. A number (Complex) for one matrix, an NDArray (…) for a stack. */
  sign: Sign;
  /** log|det a|, −inf for a singular matrix; always real. A number for one matrix, an NDArray (…) for a stack. */
  logabsdet: LogAbsDet;
}

/**
 * `slogdet(a)`: `{ sign, logabsdet }`, also `[sign, logabsdet]` (NumPy's tuple order). For one
 * matrix `SlogdetResult` (numbers; `SlogdetResult<Complex>` for complex input); for a stack
 * `SlogdetResult<NDArray>`.
 */
export type SlogdetResult<Sign = number, LogAbsDet = Sign extends NDArray ? NDArray : number> = NamedTuple<
  SlogdetFields<Sign, LogAbsDet>,
  ["sign", "logabsdet"]
>;

/**
 * Sign and natural logarithm of the determinant (NumPy's `np.linalg.slogdet`).
 *
 * @param a `(..., M, M)`.
 * @returns `{ sign, logabsdet }`, also destructured as `[sign, logabsdet]`. For one matrix
 *   (2-D a) both are JS numbers, as NumPy's scalars (sign a `Complex` for complex input); for a
 *   stack, NDArrays of the batch shape `(...)`: float64 for integer input, float32 for float32
 *   (values rounded to float32 in the number case too); sign complex128 for complex input.
 *   Typing (what TypeScript can see; see README "Scalars"): a 2-D literal or an NDArray is typed
 *   as one matrix (numbers); a 3-D literal or `np.batched(A)` as a stack (NDArrays); a stack in
 *   a plain NDArray still returns NDArrays at run time, and a complex128 NDArray a Complex sign.
 * @throws LinAlgError kind "invalidInput" when a is not square or has fewer than 2 dimensions;
 *   ValueError for NaN or Inf.
 *
 * Notes: LU with partial pivoting (LAPACK dgetrf); the log-sum never overflows. A 0×0 matrix
 * has sign 1 and logabsdet 0.
 *
 * @example
 *   const [sign, logabsdet] = linalg.slogdet([[1, 2], [3, 4]]);
 *   assert.equal(sign, -1);
 *   assert.close(logabsdet, Math.log(2));
 */
export function slogdet(a: Batched | NestedStack, options?: BlockOptions): SlogdetResult<NDArray>;
export function slogdet(a: ComplexMatrix, options?: BlockOptions): SlogdetResult<Complex, number>;
export function slogdet(a: NDArray | RealMatrix, options?: BlockOptions): SlogdetResult;
export function slogdet(a: ArrayInput, options?: BlockOptions): SlogdetResult<number | Complex | NDArray, number | NDArray>;
export function slogdet(a: ArrayInput, options: BlockOptions = {}): SlogdetResult<number | Complex | NDArray, number | NDArray> {
  checkOptions("slogdet", DET_OPTIONS, options);
  const { dtype, batch, sign, logabsdet } = slogdetParts(a, "slogdet", options);
  const complex = dtype === "complex128";
  const S = stackOf(batch, [], dtype);
  const L = stackOf(batch, [], complex ? "float64" : dtype);
  S.data.set(sign);
  L.data.set(logabsdet);
  // one matrix: NumPy's scalars (read back from the arrays, so float32 is rounded as NumPy's float32)
  if (batch.length === 0) return namedTuple({ sign: scalarOf(S), logabsdet: L.item() }, ["sign", "logabsdet"]);
  return namedTuple({ sign: S, logabsdet: L }, ["sign", "logabsdet"]);
}

/**
 * sign and logabsdet of every matrix of the stack, in float64 (complex sign interleaved):
 * the computation both slogdet and det share, before any rounding to float32.
 */
function slogdetParts(a: ArrayInput, fn: string, options: BlockOptions) {
  const A = asArray(a);
  assertSquare(A, fn);
  assertFinite(A, fn);
  const nb = blockSizeOf(options, BLOCK_SIZES.lu, fn);
  const n = A.shape[A.ndim - 1];
  const dtype = workDType(A.dtype);
  const complex = dtype === "complex128";
  const batch = batchShapeOf(A, 2);
  const count = batch.reduce((p, d) => p * d, 1);
  const sign = new Float64Array(complex ? 2 * count : count);
  const logabsdet = new Float64Array(count);
  if (n === 0) {
    // det of the 0×0 matrix is 1 (the empty product)
    for (let p = 0; p < count; p++) sign[complex ? 2 * p : p] = 1;
    return { dtype, batch, sign, logabsdet };
  }
  forEachLU(A, nb, (p, W, ipiv, info) => {
    if (info >= 0) {
      // an exact zero pivot: det = 0
      logabsdet[p] = -Infinity;
      return;
    }
    // (−1)^s from the row interchanges
    let sr = 1;
    let si = 0;
    for (let i = 0; i < n; i++) if (ipiv[i] !== i) sr = -sr;
    let logSum = 0;
    for (let i = 0; i < n; i++) {
      if (complex) {
        // sign ·= u_ii / |u_ii|;  log|det| += log|u_ii|
        const ur = W[2 * (i + i * n)];
        const ui = W[2 * (i + i * n) + 1];
        const r = Math.hypot(ur, ui);
        const cr = ur / r;
        const ci = ui / r;
        const t = sr * cr - si * ci;
        si = sr * ci + si * cr;
        sr = t;
        logSum += Math.log(r);
      } else {
        const u = W[i + i * n];
        if (u < 0) sr = -sr;
        logSum += Math.log(Math.abs(u));
      }
    }
    if (complex) {
      sign[2 * p] = sr;
      sign[2 * p + 1] = si;
    } else {
      sign[p] = sr;
    }
    logabsdet[p] = logSum;
  });
  return { dtype, batch, sign, logabsdet };
}

/**
 * Determinant (NumPy's `np.linalg.det`).
 *
 * @param a `(..., M, M)`.
 * @returns for one matrix (2-D a) a JS number, as NumPy's scalar (rounded to float32 for
 *   float32 input), or a `Complex` {re, im} for complex input; for a stack an NDArray of the
 *   batch shape `(...)`: float64 for integer input, float32 for float32, complex128 for complex.
 *   Typing: `number[][]` and NDArray are typed `number`, `Complex[][]` typed `Complex`, a 3-D
 *   literal or `np.batched(A)` typed NDArray (see README "Scalars"). TypeScript cannot see an
 *   NDArray's rank or dtype: a stack in a plain NDArray still returns an NDArray at run time,
 *   and a complex128 NDArray a Complex.
 * @throws LinAlgError kind "invalidInput" when a is not square or has fewer than 2 dimensions;
 *   ValueError for NaN or Inf.
 *
 * Notes: computed as sign·exp(logabsdet) from {@link slogdet}, as NumPy does: LU with partial
 * pivoting. A singular matrix gives 0; `det` of a 0×0 matrix is 1. Prefer slogdet when the
 * determinant may overflow.
 *
 * @example
 *   assert.close(linalg.det([[1, 2], [3, 4]]), -2); // within a few ulps, as NumPy
 */
export function det(a: Batched | NestedStack, options?: BlockOptions): NDArray;
export function det(a: ComplexMatrix, options?: BlockOptions): Complex;
export function det(a: NDArray | RealMatrix, options?: BlockOptions): number;
export function det(a: ArrayInput, options?: BlockOptions): number | Complex | NDArray;
export function det(a: ArrayInput, options: BlockOptions = {}): number | Complex | NDArray {
  checkOptions("det", DET_OPTIONS, options);
  const { dtype, batch, sign, logabsdet } = slogdetParts(a, "det", options);
  const out = stackOf(batch, [], dtype);
  const complex = dtype === "complex128";
  for (let p = 0; p < logabsdet.length; p++) {
    // det = sign·exp(logabsdet), from the float64 parts (rounded to float32 once, on the store)
    const mag = Math.exp(logabsdet[p]);
    if (complex) {
      out.data[2 * p] = sign[2 * p] * mag;
      out.data[2 * p + 1] = sign[2 * p + 1] * mag;
    } else {
      // a singular matrix: sign 0, det exactly 0
      out.data[p] = sign[p] === 0 ? 0 : sign[p] * mag;
    }
  }
  return batch.length === 0 ? scalarOf(out) : out;
}
