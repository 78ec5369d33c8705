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
import type { NDArray } from "@sliderule/ndarray";
import { BLOCK_SIZES, blockSizeOf, type BlockOptions } from "../tuning.js";
import { asArray, assertFinite, assertSquare, batchShapeOf, stackOf, workDType, type ArrayInput } from "../util/batch.js";
import { forEachLU } from "./lu.js";
import { checkOptions, OPTION, optionsSchema } from "../util/options.js";

/** The options det and slogdet accept (util/options.ts). */
const DET_OPTIONS = optionsSchema({ blockSize: OPTION.blockSize });

/** `slogdet(a)`: det(a) = sign·exp(logabsdet). */
export interface SlogdetResult {
  /** (…) ±1, or 0 for a singular matrix; complex128 input: a complex number of modulus 1. */
  sign: NDArray;
  /** (…) log|det a|, −inf for a singular matrix; always real. */
  logabsdet: NDArray;
}

/**
 * Sign and natural logarithm of the determinant (NumPy's `np.linalg.slogdet`).
 *
 * @param a `(..., M, M)`.
 * @returns `{ sign, logabsdet }`, each of shape `(...)` (0-d for one matrix); float64 for
 *   integer input, float32 for float32; for complex128 input, sign is complex128.
 * @throws LinAlgError kind "invalidInput" when a is not square or has fewer than 2 dimensions;
 *   ValueError for NaN or Inf.
 *
 * Notes: LU with partial pivoting (LAPACK dgetrf); the log-sum never overflows. A 0×0 matrix
 * has sign 1 and logabsdet 0.
 *
 * @example
 *   const { sign, logabsdet } = linalg.slogdet([[1, 2], [3, 4]]);
 *   assert.equal(sign.item(), -1);
 *   assert.close(logabsdet.item(), Math.log(2));
 */
export function slogdet(a: ArrayInput, options: BlockOptions = {}): SlogdetResult {
  checkOptions("slogdet", DET_OPTIONS, options);
  const { dtype, batch, sign, logabsdet } = slogdetParts(a, "slogdet", options);
  const complex = dtype === "complex128";
  const S = stackOf(batch, [], dtype);
  const L = stackOf(batch, [], complex ? "float64" : dtype);
  S.data.set(sign);
  L.data.set(logabsdet);
  return { sign: S, logabsdet: L };
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
 * @returns `(...)` (0-d for one matrix): float64 for integer input, float32 for float32,
 *   complex128 for complex.
 * @throws LinAlgError kind "invalidInput" when a is not square or has fewer than 2 dimensions;
 *   ValueError for NaN or Inf.
 *
 * Notes: computed as sign·exp(logabsdet) from {@link slogdet}, as NumPy does: LU with partial
 * pivoting. A singular matrix gives 0; `det` of a 0×0 matrix is 1. Prefer slogdet when the
 * determinant may overflow.
 *
 * @example
 *   assert.close(linalg.det([[1, 2], [3, 4]]).item(), -2); // within a few ulps, as NumPy
 */
export function det(a: ArrayInput, options: BlockOptions = {}): NDArray {
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
  return out;
}
