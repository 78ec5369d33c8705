/**
 * Condition number (NumPy's `np.linalg.cond`).
 *
 *   cond_p(A) = ‖A‖_p·‖A⁻¹‖_p;   p = 2 (default): σ_max / σ_min,   p = −2: σ_min / σ_max
 *
 * p = null, 2, −2 use the singular values (svd.ts) and work for any M×N; the other orders
 * (1, −1, inf, −inf, 'fro', 'nuc') need a square A and its inverse (inv.ts), as NumPy does. A
 * singular matrix gives inf: from σ_min = 0, or from the inverse's exact zero pivot (NumPy
 * 1.24 computes inv with errors ignored, gets NaN and reports inf).
 *
 * cond(A)·eps is the relative accuracy to expect from solving A·x = b by a backward-stable
 * method (Golub & Van Loan §2.6.2). Reference: NumPy linalg.cond; LAPACK dgecon estimates the
 * same quantity for p = 1, inf without forming A⁻¹.
 */
import * as np from "@sliderule/ndarray";
import type { Batched, NDArray, NestedStack, NestedArray } from "@sliderule/ndarray";
import { LinAlgError } from "../errors.js";
import { asArray, assertSquare, assertStacked2d, type ArrayInput } from "../util/batch.js";
import { invQuiet } from "./inv.js";
import { norm, type NormOrder } from "./norm.js";
import { svd } from "./svd.js";
import { scalarOf } from "../util/scalar.js";

/**
 * Condition number of a matrix or a stack of matrices (NumPy's `np.linalg.cond`).
 *
 * @param x `(..., M, N)` (square for p other than null, 2, −2).
 * @param p the norm: null (default, 2-norm by the SVD), 2, −2, 1, −1, inf, −inf, 'fro', 'nuc'.
 * @returns for one matrix (2-D x) a JS number, as NumPy's scalar (rounded to float32 for
 *   float32 input; real also for complex input, where NumPy returns a complex scalar with zero
 *   imaginary part for p not in null, 2, −2); for a stack an NDArray of the batch shape: float64
 *   (float32 for float32 input; complex128 with zero imaginary part for complex input and p not
 *   in null, 2, −2, as NumPy). Typing: a 2-D literal or an NDArray is typed `number`, a 3-D
 *   literal or `np.batched(A)` NDArray; a stack in a plain NDArray still returns an NDArray at
 *   run time (see README "Scalars").
 * @throws LinAlgError "cond is not defined on empty arrays" (kind invalidInput); kind
 *   invalidInput when p needs a square matrix and x is not; ValueError for an invalid p.
 *
 * Notes: σ_max/σ_min by the SVD, or ‖x‖_p·‖inv(x)‖_p by LU; inf for singular matrices.
 *
 * @example
 *   assert.close(linalg.cond([[1, 0], [0, 2]]), 2);
 */
export function cond(x: Batched | NestedStack, p?: NormOrder): NDArray;
export function cond(x: NDArray | NestedArray[][], p?: NormOrder): number;
export function cond(x: ArrayInput, p?: NormOrder): number | NDArray;
export function cond(x: ArrayInput, p: NormOrder = null): number | NDArray {
  const fn = "cond";
  const X = asArray(x);
  assertStacked2d(X, fn);
  const m = X.shape[X.ndim - 2];
  const n = X.shape[X.ndim - 1];
  if (m === 0 || n === 0) throw new LinAlgError(`${fn}: cond is not defined on empty arrays`, "invalidInput");
  const batch = X.shape.slice(0, -2);
  const count = batch.reduce((q, d) => q * d, 1);
  let r: NDArray;
  if (p === null || p === 2 || p === -2) {
    // σ_max / σ_min (or its reciprocal); 0/0 (zero matrix) is NaN, reported below as inf
    const S = svd(X, { computeUv: false });
    const k = Math.min(m, n);
    r = np.zeros(batch, S.dtype);
    for (let q = 0; q < count; q++) {
      const s0 = S.data[q * k];
      const sk = S.data[q * k + k - 1];
      r.data[q] = p === -2 ? sk / s0 : s0 / sk;
    }
  } else {
    assertSquare(X, fn);
    const real = X.dtype === "complex128" ? "float64" : X.dtype === "float32" ? "float32" : "float64";
    const nx = norm(X, p, [-2, -1]);
    r = np.zeros(batch, real);
    const stack = X.reshape([count, m, n]);
    for (let q = 0; q < count; q++) {
      const A = stack.slice(q);
      let ni: number;
      try {
        ni = norm(invQuiet(A), p, [-2, -1]).data[0]; // no ill-conditioning warning: cond reports it as its value
      } catch (e) {
        if (e instanceof LinAlgError && e.kind === "singular")
          ni = NaN; // NumPy's inv with errors ignored
        else throw e;
      }
      r.data[q] = nx.data[q] * ni;
    }
    if (X.dtype === "complex128") r = r.astype("complex128");
  }
  // NaN (singular) becomes inf, unless x itself had NaN entries
  const flat = X.reshape([count, m * n]);
  const slots = r.dtype === "complex128" ? 2 : 1;
  for (let q = 0; q < count; q++) {
    if (!Number.isNaN(r.data[slots * q])) continue;
    const row = flat.slice(q).copy().data;
    let hasNaN = false;
    for (let i = 0; i < row.length; i++) if (Number.isNaN(row[i])) hasNaN = true;
    if (!hasNaN) r.data[slots * q] = Infinity;
  }
  // one matrix: NumPy's scalar, real (a complex result has zero imaginary part)
  if (batch.length === 0) {
    const v = scalarOf(r);
    return typeof v === "number" ? v : v.re;
  }
  return r;
}
