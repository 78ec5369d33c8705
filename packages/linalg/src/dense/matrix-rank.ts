/**
 * Numerical rank (NumPy's `np.linalg.matrix_rank`): the number of singular values above a
 * tolerance.
 *
 *   rank(A) = #{ i : σ_i > tol },   tol = σ_max·max(M, N)·eps  (default, as NumPy and MATLAB)
 *
 * The SVD is the reliable way to count rank: σ_i are perfectly conditioned (|σ̂_i − σ_i| ≤
 * ‖E‖₂ for A + E), so a gap in the singular values is a gap in any backward-stable result.
 * LU and QR without pivoting are not rank-revealing. `hermitian: true` takes σ = |λ| from eigh.
 *
 * Invariant: for an exactly rank-r matrix whose σ_r is well above tol, the answer is r.
 * Reference: Golub & Van Loan, "Matrix Computations", 4th ed., §5.4.1; NumPy matrix_rank;
 * W. H. Press et al., "Numerical Recipes" (the default tolerance).
 */
import * as np from "@sliderule/ndarray";
import { type Batched, type NDArray, type NestedArray, type NestedStack, ValueError } from "@sliderule/ndarray";
import { asArray, type ArrayInput } from "../util/batch.js";
import { cutoffRatios } from "./pinv.js";
import { svd } from "./svd.js";
import { ULP, ULP_FLOAT32 } from "../machine.js";
import { checkOptions, OPTION, optionsSchema } from "../util/options.js";

/** The options matrixRank accepts (util/options.ts); tol is checked below. */
const MATRIX_RANK_OPTIONS = optionsSchema({ tol: OPTION.any, hermitian: OPTION.flag });

export interface MatrixRankOptions {
  /** Singular values ≤ tol count as zero: a number, or an array broadcast over the stack (default: σ_max·max(M, N)·eps). */
  tol?: number | NDArray | null;
  /** A is Hermitian (symmetric): σ = |eigenvalues| (default false). */
  hermitian?: boolean;
}

/**
 * Numerical rank of a matrix or a stack of matrices (NumPy's `np.linalg.matrix_rank`).
 *
 * @param a `(..., M, N)`, or a vector (rank 1 unless all zero), or a scalar.
 * @returns for one matrix, a vector or a scalar, a JS number (an integer), as NumPy's scalar;
 *   for a stack an int32 NDArray of the batch shape. Typing: a literal of up to 2 dimensions or
 *   an NDArray is typed `number`, a 3-D literal or `np.batched(A)` NDArray; a stack in a plain
 *   NDArray still returns an NDArray at run time (see README "Scalars").
 * @throws ValueError for a tol that is not a number or array of numbers (or NaN).
 * @throws ValueError for an empty matrix ("zero-size array to reduction operation maximum
 *   which has no identity", as NumPy) when no tol is given.
 *
 * Notes: singular values by the SVD (svd.ts), or |λ| by eigh with `hermitian`; eps is that of
 * the singular values' dtype (float32: 2⁻²³).
 *
 * @example
 *   assert.equal(linalg.matrixRank([[1, 2], [2, 4]]), 1);
 */
export function matrixRank(a: Batched | NestedStack, options?: MatrixRankOptions): NDArray;
export function matrixRank(a: NDArray | NestedArray[][] | NestedArray[] | number, options?: MatrixRankOptions): number;
export function matrixRank(a: ArrayInput, options?: MatrixRankOptions): number | NDArray;
export function matrixRank(a: ArrayInput, options: MatrixRankOptions = {}): number | NDArray {
  checkOptions("matrixRank", MATRIX_RANK_OPTIONS, options);
  const A = asArray(a);
  if (A.ndim < 2) {
    // NumPy: int(not all(A == 0))
    const flat = A.flatten();
    let nonzero = false;
    for (let i = 0; i < flat.data.length; i++) if (flat.data[i] !== 0) nonzero = true;
    return nonzero ? 1 : 0;
  }
  const S = svd(A, { computeUv: false, hermitian: options.hermitian ?? false });
  const m = A.shape[A.ndim - 2];
  const n = A.shape[A.ndim - 1];
  const k = S.shape[S.ndim - 1];
  const batch = S.shape.slice(0, -1);
  const count = batch.reduce((p, d) => p * d, 1);
  const eps = S.dtype === "float32" ? ULP_FLOAT32 : ULP;
  const tol = options.tol ?? null;
  const tolData = tol === null ? null : cutoffRatios("matrixRank", "tol", tol, batch);
  const out = np.zeros(batch, "int32");
  for (let p = 0; p < count; p++) {
    const s = S.data.subarray(p * k, (p + 1) * k) as ArrayLike<number>;
    let t: number;
    if (tolData === null) {
      if (k === 0) throw new ValueError("matrixRank: zero-size array to reduction operation maximum which has no identity");
      t = s[0] * Math.max(m, n) * eps;
    } else {
      t = tolData.length === 1 ? tolData[0] : tolData[p];
    }
    let r = 0;
    for (let i = 0; i < k; i++) if (s[i] > t) r++;
    out.data[p] = r;
  }
  return batch.length === 0 ? out.item() : out;
}
