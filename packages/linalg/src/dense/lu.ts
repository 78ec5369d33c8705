/**
 * LU factorisation with partial pivoting (LAPACK dgetf2 / dgetrf / dgetrs; SciPy's `lu`,
 * `lu_factor`, `lu_solve`).
 *
 *   A = P·L·U     A: m×n,  P: m×m permutation,  L: m×k unit lower trapezoidal,
 *                 U: k×n upper trapezoidal,  k = min(m, n)
 *
 * On exit from getf2/getrf the m×n working matrix holds
 *   - on and above the diagonal: U;
 *   - below the diagonal: the multipliers of L (its unit diagonal is not stored);
 * and `ipiv[j]` (0-based) is the row that was interchanged with row j at step j, so
 * P⁻¹·A is A with rows j and ipiv[j] swapped for j = 0, 1, …, k−1 in that order.
 *
 * Step j of the right-looking elimination (Gaussian elimination, column by column):
 *   1. pivot: p = argmax_{i ≥ j} |A[i, j]| (the first one on ties, as LAPACK's idamax);
 *   2. swap rows j and p across the whole matrix;
 *   3. multipliers: l_ij = A[i, j] / A[j, j] for i > j (column j of L);
 *   4. Schur complement: A[j+1:, j+1:] −= l_{:,j}·u_{j,:} (a rank-1 update).
 * An exactly zero pivot column is skipped (nothing to eliminate) and reported as `info`, the
 * first such j, as LAPACK does: the factorisation is still complete and U[j, j] = 0.
 *
 * Invariant: P·L·U = A up to rounding, ‖A − P·L·U‖ ≤ c·n·eps·‖L‖·‖U‖, and every |l_ij| ≤ 1.
 * Partial pivoting is backward stable in practice (growth factor ≤ 2ⁿ⁻¹ in theory, small in
 * practice). Not rank-revealing: use QR with column pivoting or the SVD for rank.
 *
 * The blocked getrf factors panels of nb columns and updates the rest with a unit-lower
 * triangular solve and gemm:
 *
 *              j0     j0+jb
 *        ⎡ A00 │ A01 │ A02 ⎤        [A11; A21] = P·[L11; L21]·U11   (the panel: getrf2)
 *    j0  ⎢ A10 │ A11 │ A12 ⎥        apply P to A10 │ A12 on both sides of the panel
 * j0+jb  ⎣ A20 │ A21 │ A22 ⎦        U12 = L11⁻¹·A12                 (triangular solve)
 *                                   A22 := A22 − L21·U12            (gemm)
 *
 * A tall panel is itself factored the same way, split in two halves of columns (LAPACK
 * dgetrf2, recursive), down to slices of at most PANEL_LEAF columns that getf2 (the spec)
 * factors: the same arithmetic as getf2 on the whole panel, with most of it in gemm.
 *
 * These routines are the spec. When the working matrix lies in a resident workspace
 * (util/batch.ts withWork, float64 on a WebAssembly backend) the drivers call getrfFast, which
 * runs the same blocked loop with the same recursive panels whole in WebAssembly
 * (`getrfResident`, @sliderule/ndarray/kernels factor.as.ts dgetrf): the panels, swaps and
 * substitutions no longer cross into JavaScript. lu.test.ts holds the two to the same pivots
 * and to equal factors up to rounding.
 *
 * Reference: Golub & Van Loan, "Matrix Computations", 4th ed., §3.2 and §3.4 (Algorithms
 * 3.4.1, 3.4.2 for the block form); LAPACK dgetf2, dgetrf, dgetrf2, dlaswp, dgetrs;
 * F. Gustavson, "Recursion leads to automatic variable blocking for dense linear-algebra
 * algorithms", IBM J. Res. Dev. 41(6), 1997.
 */
import { DTypeError, namedTuple, NDArray, ValueError, type NamedTuple } from "@sliderule/ndarray";
import { type Block, colMajor, gemm, getrfResident, leadingDim, lowerUnit, quadrants, sub, T, upper } from "@sliderule/ndarray/kernels";
import { zgetf2, zgetrs } from "../complex/lu.js";
import { LinAlgError } from "../errors.js";
import { transCode, trsm, trsmReference, type Trans } from "../primitives/triangular-solve.js";
import { BLOCK_SIZES, blockSizeOf, PANEL_LEAF, type BlockOptions } from "../tuning.js";
import {
  gufunc,
  gufuncOutputs,
  rightHandSide,
  withWork,
  asArray,
  assertFinite,
  assertMatrixStack,
  batchOffsets,
  batchShapeOf,
  fmtShape,
  loadMatrix,
  matrixStrides,
  stackOf,
  workDType,
  type ArrayInput,
  type FloatArray,
  type GufuncOutput,
} from "../util/batch.js";
import { checkOptions, OPTION, optionsSchema } from "../util/options.js";

/** The options each public function accepts (util/options.ts); trans is checked by transCode. */
const LU_OPTIONS = optionsSchema({ blockSize: OPTION.blockSize, permuteL: OPTION.flag, checkFinite: OPTION.checkFinite });
const LU_FACTOR_OPTIONS = optionsSchema({ blockSize: OPTION.blockSize, checkFinite: OPTION.checkFinite });
const LU_SOLVE_OPTIONS = optionsSchema({ blockSize: OPTION.blockSize, trans: OPTION.any, checkFinite: OPTION.checkFinite });

// ------------------------------------------------------------------ the kernels: leaf loops on LAPACK's arguments, blocked code on Blocks

/**
 * Unblocked LU with partial pivoting of the m×n column-major matrix A[aOff + i + j·lda]
 * (LAPACK dgetf2, the spec). Pivots go to ipiv[ipOff + j], 0-based relative to the matrix's
 * first row. Returns the first j with an exactly zero pivot, or −1. A leaf kernel: its loops
 * take LAPACK's positional arguments (see @sliderule/ndarray kernels/block.ts, "Leaf kernels"); the blocked
 * code calls it through {@link getf2Block}.
 */
export function getf2(m: number, n: number, A: FloatArray, aOff: number, lda: number, ipiv: Int32Array, ipOff: number): number {
  let info = -1;
  const k = Math.min(m, n);
  for (let j = 0; j < k; j++) {
    const colJ = aOff + j * lda; // A[:, j]
    // 1. pivot p = argmax_{i ≥ j} |A[i, j]|
    let p = j;
    let maxAbs = Math.abs(A[colJ + j]);
    for (let i = j + 1; i < m; i++) {
      const v = Math.abs(A[colJ + i]);
      if (v > maxAbs) {
        maxAbs = v;
        p = i;
      }
    }
    ipiv[ipOff + j] = p;
    if (A[colJ + p] === 0) {
      // an exactly zero column below the diagonal: nothing to eliminate; U[j, j] = 0
      if (info < 0) info = j;
      continue;
    }
    // 2. swap rows j and p across all n columns
    if (p !== j) {
      for (let c = 0, e = aOff; c < n; c++, e += lda) {
        const t = A[e + j];
        A[e + j] = A[e + p];
        A[e + p] = t;
      }
    }
    // 3. multipliers l_ij = A[i, j] / A[j, j], stored in place of the eliminated entries
    const rjj = 1 / A[colJ + j];
    for (let i = j + 1; i < m; i++) A[colJ + i] *= rjj;
    // 4. Schur complement: A[j+1:, c] −= l_{:,j}·u_{j,c} for each later column c
    for (let c = j + 1; c < n; c++) {
      const colC = aOff + c * lda;
      const ujc = A[colC + j];
      if (ujc === 0) continue;
      for (let i = j + 1; i < m; i++) A[colC + i] -= A[colJ + i] * ujc;
    }
  }
  return info;
}

/** {@link getf2} on the m×n column-major view A. */
export function getf2Block(A: Block, ipiv: Int32Array, ipOff: number): number {
  return getf2(A.rows, A.cols, A.data, A.off, leadingDim(A, "getf2"), ipiv, ipOff);
}

/**
 * Apply row interchanges to `ncols` columns of a column-major matrix (LAPACK dlaswp): for
 * j = j0, …, j1−1 in that order (or reversed with `reverse`), swap rows j − base and ipiv[j]
 * of the block. `base` is 0 for a whole matrix; inside getrf2 it is the panel's offset in
 * ipiv, whose pivots count rows from the panel's first row.
 */
export function laswp(ncols: number, A: FloatArray, aOff: number, lda: number, j0: number, j1: number, ipiv: Int32Array, reverse = false, base = 0): void {
  for (let s = j0; s < j1; s++) {
    const j = reverse ? j0 + j1 - 1 - s : s;
    const r = j - base; // this step's row, relative to the block
    const p = ipiv[j];
    if (p === r) continue;
    for (let c = 0, e = aOff; c < ncols; c++, e += lda) {
      const t = A[e + r];
      A[e + r] = A[e + p];
      A[e + p] = t;
    }
  }
}

/** {@link laswp} on every column of the column-major view A: rows j − base and ipiv[j] of A swapped, j = j0 … j1−1. */
export function laswpBlock(A: Block, ipiv: Int32Array, j0: number, j1: number, base = 0, reverse = false): void {
  laswp(A.cols, A.data, A.off, leadingDim(A, "laswp"), j0, j1, ipiv, reverse, base);
}

/**
 * Recursive LU with partial pivoting of an m×n panel (LAPACK dgetrf2): factor the left half
 * of the columns, update the right half, factor its lower part, then apply that part's row
 * interchanges to the left half. Same outputs and return value as {@link getf2Block}, which
 * it calls on slices of at most PANEL_LEAF (tuning.ts) columns.
 *
 *          n1    n2
 *       ⎡ A11 │ A12 ⎤  n1      [A11; A21] = P1·[L11; L21]·U11   (recursion)
 *       ⎣ A21 │ A22 ⎦          [A12; A22] := P1⁻¹·[A12; A22]
 *                              A12 := L11⁻¹·A12,  A22 := A22 − L21·A12   (trsm, gemm)
 *                              A22 = P2·L22·U22                  (recursion)
 *                              A21 := P2⁻¹·A21
 */
export function getrf2(A: Block, ipiv: Int32Array, ipOff: number): number {
  const { rows: m, cols: n } = A;
  const k = Math.min(m, n);
  if (k <= PANEL_LEAF) return getf2Block(A, ipiv, ipOff);
  const n1 = Math.floor(k / 2);
  const [A11, A12, A21, A22] = quadrants(A, n1, n1);
  // [A11; A21] = P1·[L11; L21]·U11
  let info = getrf2(sub(A, 0, 0, m, n1), ipiv, ipOff);
  // P1⁻¹ on the right half [A12; A22], then U12 = L11⁻¹·A12 and A22 −= L21·U12
  laswpBlock(sub(A, 0, n1, m, n - n1), ipiv, ipOff, ipOff + n1, ipOff);
  trsmReference(lowerUnit(A11), A12);
  gemm(-1, A21, A12, 1, A22);
  // A22 = P2·L22·U22; its pivots count from A22's first row
  const info2 = getrf2(A22, ipiv, ipOff + n1);
  if (info < 0 && info2 >= 0) info = info2 + n1;
  // A21 := P2⁻¹·A21, then the pivots count from the panel's first row
  laswpBlock(A21, ipiv, ipOff + n1, ipOff + k, ipOff + n1);
  for (let j = ipOff + n1; j < ipOff + k; j++) ipiv[j] += n1;
  return info;
}

/**
 * Blocked LU with partial pivoting of the m×n view A (LAPACK dgetrf): each panel of nb
 * columns by getrf2 (getf2 at its leaves), then the row swaps, the triangular solve for U12
 * and the gemm update of A22 (see the header). Same outputs as {@link getf2Block} on the
 * whole matrix (ipiv 0-based, absolute rows).
 */
export function getrf(A: Block, ipiv: Int32Array, nb: number): number {
  const { rows: m, cols: n } = A;
  const k = Math.min(m, n);
  if (nb >= k) return getf2Block(A, ipiv, 0);
  let info = -1;
  for (let j0 = 0; j0 < k; j0 += nb) {
    const jb = Math.min(nb, k - j0);
    const j1 = j0 + jb;
    // the header's picture: A[j0:, j0:] split after jb rows and columns, A10 │ A20 left of it
    const [A11, A12, A21, A22] = quadrants(sub(A, j0, j0, m - j0, n - j0), jb, jb);
    // [A11; A21] = P·[L11; L21]·U11: the panel
    const panelInfo = getrf2(sub(A, j0, j0, m - j0, jb), ipiv, j0);
    if (info < 0 && panelInfo >= 0) info = panelInfo + j0;
    // the panel's pivots become absolute row numbers
    for (let j = j0; j < j1; j++) ipiv[j] += j0;
    // apply the panel's interchanges to the columns left of it ([A00; A10; A20]) …
    laswpBlock(sub(A, 0, 0, m, j0), ipiv, j0, j1);
    if (j1 < n) {
      // … and right of it ([A02; A12; A22])
      laswpBlock(sub(A, 0, j1, m, n - j1), ipiv, j0, j1);
      // U12 = L11⁻¹·A12 (L11 unit lower triangular, jb×jb; blocked, see tuning.ts triangular)
      trsm(lowerUnit(A11), A12, BLOCK_SIZES.triangular);
      // A22 := A22 − L21·U12
      gemm(-1, A21, A12, 1, A22);
    }
  }
  return info;
}

/**
 * Solve op(A)·X = B on views, A = P·L·U from getf2/getrf (LAPACK dgetrs): LU the n×n
 * factors, B n×nrhs, overwritten by X.
 *   trans 0:  X = U⁻¹·L⁻¹·P⁻¹·B
 *   trans 1:  X = P·L⁻ᵀ·U⁻ᵀ·B   (Aᵀ = Uᵀ·Lᵀ·Pᵀ)
 */
export function getrs(trans: 0 | 1, LU: Block, ipiv: Int32Array, B: Block, nb: number): void {
  if (trans === 0) {
    laswpBlock(B, ipiv, 0, LU.rows); // P⁻¹·B
    trsm(lowerUnit(LU), B, nb); // L⁻¹·(…)
    trsm(upper(LU), B, nb); // U⁻¹·(…)
  } else {
    trsm(T(upper(LU)), B, nb); // U⁻ᵀ·B (Uᵀ is lower)
    trsm(T(lowerUnit(LU)), B, nb); // L⁻ᵀ·(…) (Lᵀ is upper)
    laswpBlock(B, ipiv, 0, LU.rows, 0, true); // P·(…): the swaps in reverse order
  }
}

// ------------------------------------------------------------------ the WebAssembly boundary

/**
 * getrf on the fastest kernel there is for A: when A lies in a resident workspace
 * (util/batch.ts withWork) the whole factorization runs in WebAssembly (getrfResident of
 * @sliderule/ndarray/kernels, this file's getrf2/getrf loop for loop, tested against them);
 * otherwise {@link getrf}. Same contract.
 */
export function getrfFast(A: Block, ipiv: Int32Array, nb: number): number {
  return getrfResident(A, ipiv, nb) ?? getrf(A, ipiv, nb);
}

/** Row permutation of P⁻¹ = the swaps of ipiv applied to 0..m−1: (P⁻¹·A)[i] = A[perm[i]]. */
export function pivotsToPermutation(m: number, ipiv: Int32Array, ipOff: number, k: number): Int32Array {
  const perm = new Int32Array(m);
  for (let i = 0; i < m; i++) perm[i] = i;
  for (let j = 0; j < k; j++) {
    const p = ipiv[ipOff + j];
    const t = perm[j];
    perm[j] = perm[p];
    perm[p] = t;
  }
  return perm;
}

// ------------------------------------------------------------------ per-matrix driver

/**
 * Factor every matrix of the stack `a` (…, M, N) into a column-major working buffer, one
 * after the other; `visit` receives each factored matrix (det and slogdet, whose results are
 * numbers per matrix). Complex input is factored by the complex routine (zgetf2).
 */
export function forEachLU(a: NDArray, nb: number, visit: (p: number, W: FloatArray, ipiv: Int32Array, info: number) => void): void {
  const m = a.shape[a.ndim - 2];
  const n = a.shape[a.ndim - 1];
  const dtype = workDType(a.dtype);
  const complex = dtype === "complex128";
  const batch = batchShapeOf(a, 2);
  const offs = batchOffsets(a, batch, 2);
  const { rs, cs } = matrixStrides(a);
  const ipiv = new Int32Array(Math.min(m, n));
  withWork(dtype, [m * n], ([W]) => {
    for (let p = 0; p < offs.length; p++) {
      loadMatrix(a, offs[p], rs, cs, m, n, W, 0, m, complex);
      const info = complex ? zgetf2(m, n, W as Float64Array, 0, m, ipiv, 0) : getrfFast(colMajor(W, m, n), ipiv, nb);
      visit(p, W, ipiv, info);
    }
  });
}

/** lu's and luFactor's checks: a stack of matrices, finite unless `checkFinite` is false; the block size; M and N. */
function luInput(fn: string, a: ArrayInput, options: BlockOptions & { checkFinite?: boolean }): { A: NDArray; nb: number; m: number; n: number } {
  const A = asArray(a);
  assertMatrixStack(A, fn);
  if (options.checkFinite !== false) assertFinite(A, fn);
  return { A, nb: blockSizeOf(options, BLOCK_SIZES.lu, fn), m: A.shape[A.ndim - 2], n: A.shape[A.ndim - 1] };
}

/**
 * "(m,n)->…" over a stack: P·L·U of every matrix (getrf, or zgetf2 for complex) in one
 * working buffer, whose parts `outputs` store: e.g. L (m×k, unit lower, ld m), U (k×n, upper,
 * ld m), the whole packed matrix (m×n), or the pivots (an int32 output of core [k]).
 */
function luStack(fn: string, A: NDArray, nb: number, outputs: readonly GufuncOutput[]): NDArray[] {
  const m = A.shape[A.ndim - 2];
  const n = A.shape[A.ndim - 1];
  const dtype = workDType(A.dtype);
  const complex = dtype === "complex128";
  const ipiv = new Int32Array(Math.min(m, n));
  let blocks: (FloatArray | Int32Array)[] | null = null;
  return gufuncOutputs({ fn, inputs: [{ array: A, core: 2 }], dtype, outputs, work: [m * n], resident: true }, ([W], step) => {
    step.load(0, W);
    if (complex) zgetf2(m, n, W as Float64Array, 0, m, ipiv, 0);
    else getrfFast(colMajor(W, m, n), ipiv, nb);
    blocks ??= outputs.map((o) => (o.dtype === "int32" ? ipiv : W));
    return blocks;
  });
}

// ------------------------------------------------------------------ the public functions

export interface LuOptions extends BlockOptions {
  /** Return `{ PL, U }` with PL = P·L instead of `{ P, L, U }` (SciPy's permute_l). */
  permuteL?: boolean;
  /** Reject NaN and Inf in a (default true, as SciPy's check_finite). */
  checkFinite?: boolean;
}

/** `lu(a)`: A = P·L·U. */
export interface LuFields {
  /** (…, M, M) permutation matrix. */
  P: NDArray;
  /** (…, M, K) unit lower trapezoidal, K = min(M, N). */
  L: NDArray;
  /** (…, K, N) upper trapezoidal. */
  U: NDArray;
}

/** LuFields, also iterable in NumPy's tuple order: `[P, L, U]`. */
export type LuResult = NamedTuple<LuFields, ["P", "L", "U"]>;

/** `lu(a, { permuteL: true })`: A = PL·U. */
export interface LuPermutedFields {
  /** (…, M, K) P·L: a row permutation of a unit lower trapezoidal matrix. */
  PL: NDArray;
  /** (…, K, N) upper trapezoidal. */
  U: NDArray;
}

/** LuPermutedFields, also iterable in NumPy's tuple order: `[PL, U]`. */
export type LuPermutedResult = NamedTuple<LuPermutedFields, ["PL", "U"]>;

/**
 * LU decomposition with partial pivoting, A = P·L·U (SciPy's `scipy.linalg.lu`).
 *
 * @param a `(..., M, N)`, any M and N; batch axes are looped over.
 * @returns `{ P, L, U }` with P `(..., M, M)`, L `(..., M, K)` unit lower trapezoidal,
 *   U `(..., K, N)` upper trapezoidal, K = min(M, N); with `permuteL`, `{ PL, U }`. Also
 *   destructured in SciPy's tuple order: `const [P, L, U] = lu(A)`, `const [PL, U] = …`.
 *   float64 for integer input, float32 for float32, complex128 for complex.
 * @throws ValueError for fewer than 2 dimensions (as SciPy) or NaN/Inf in a.
 *
 * Notes: a singular matrix is not an error (U then has a zero on its diagonal), as in SciPy.
 * Right-looking blocked LU (LAPACK dgetrf): panels by dgetf2, trailing update by gemm.
 *
 * @example
 *   const { P, L, U } = linalg.lu([[1, 2], [3, 4]]);
 *   assert.deepEqual(P.toArray(), [[0, 1], [1, 0]]);
 *   assert.close(L.toArray(), [[1, 0], [1 / 3, 1]]);
 *   assert.close(U.toArray(), [[3, 4], [0, 2 / 3]]);
 */
export function lu(a: ArrayInput, options?: LuOptions & { permuteL?: false }): LuResult;
export function lu(a: ArrayInput, options: LuOptions & { permuteL: true }): LuPermutedResult;
export function lu(a: ArrayInput, options?: LuOptions): LuResult | LuPermutedResult;
export function lu(a: ArrayInput, options: LuOptions = {}): LuResult | LuPermutedResult {
  const fn = "lu";
  checkOptions(fn, LU_OPTIONS, options);
  const { A, nb, m, n } = luInput(fn, a, options);
  const k = Math.min(m, n);
  const dtype = workDType(A.dtype);
  const [L, U, piv] = luStack(fn, A, nb, [
    { core: [m, k], ld: m, part: "unitLower" },
    { core: [k, n], ld: m, part: "upper" },
    { core: [k], dtype: "int32" },
  ]);
  const batch = batchShapeOf(A, 2);
  const P = stackOf(batch, [m, m], dtype);
  const PL = options.permuteL ? stackOf(batch, [m, k], dtype) : null;
  const slot = dtype === "complex128" ? 2 : 1; // buffer slots per element
  const count = batch.reduce((q, d) => q * d, 1);
  for (let p = 0; p < count; p++) {
    // (P⁻¹·A)[i] = A[perm[i]], so A = P·(L·U) with P[perm[i], i] = 1
    const perm = pivotsToPermutation(m, piv.data as Int32Array, p * k, k);
    for (let i = 0; i < m; i++) P.data[slot * (p * m * m + perm[i] * m + i)] = 1;
    if (PL) {
      // row perm[i] of P·L is row i of L
      for (let i = 0; i < m; i++) {
        for (let s = 0; s < slot * k; s++) PL.data[slot * (p * m * k + perm[i] * k) + s] = L.data[slot * (p * m * k + i * k) + s];
      }
    }
  }
  return PL ? namedTuple({ PL, U }, ["PL", "U"]) : namedTuple({ P, L, U }, ["P", "L", "U"]);
}

/** `luFactor(a)`: the packed factors, for {@link luSolve}. */
export interface LuFactorFields {
  /** (…, M, N): U on and above the diagonal, L's multipliers below (unit diagonal implied). */
  lu: NDArray;
  /** (…, K) int32: row i was interchanged with row piv[i] (LAPACK's pivots, 0-based). */
  piv: NDArray;
}

/** LuFactorFields, also iterable in NumPy's tuple order: `[lu, piv]`. */
export type LuFactorResult = NamedTuple<LuFactorFields, ["lu", "piv"]>;

/**
 * LU factorisation in LAPACK's packed form (SciPy's `scipy.linalg.lu_factor`).
 *
 * @param a `(..., M, N)`.
 * @returns `{ lu, piv }` (also `[lu, piv]`, SciPy's tuple order): lu `(..., M, N)` holds U and L's multipliers, piv `(..., K)` int32
 *   the 0-based row interchanges, K = min(M, N).
 * @throws ValueError for fewer than 2 dimensions (as SciPy) or NaN/Inf in a.
 *
 * Notes: a singular matrix is factored without error (SciPy warns); luSolve then raises.
 * Blocked right-looking LU (LAPACK dgetrf).
 *
 * @example
 *   const { lu, piv } = linalg.luFactor([[1, 2], [3, 4]]);
 *   assert.close(lu.toArray(), [[3, 4], [1 / 3, 2 / 3]]);
 *   assert.deepEqual(piv.toArray(), [1, 1]);
 */
export function luFactor(a: ArrayInput, options: BlockOptions & { checkFinite?: boolean } = {}): LuFactorResult {
  const fn = "luFactor";
  checkOptions(fn, LU_FACTOR_OPTIONS, options);
  const { A, nb, m, n } = luInput(fn, a, options);
  const [LU, piv] = luStack(fn, A, nb, [{ core: [m, n] }, { core: [Math.min(m, n)], dtype: "int32" }]);
  return namedTuple({ lu: LU, piv }, ["lu", "piv"]);
}

export interface LuSolveOptions extends BlockOptions {
  /** Solve A·x = b (0, "N", default), Aᵀ·x = b (1, "T") or Aᴴ·x = b (2, "C"). */
  trans?: Trans;
  /** Reject NaN and Inf in b (default true). */
  checkFinite?: boolean;
}

/**
 * Solve A·x = b given the LU factorisation of A (SciPy's `scipy.linalg.lu_solve`).
 *
 * @param factors `{ lu, piv }` from {@link luFactor} (also accepted as the pair `[lu, piv]`):
 *   lu `(..., M, M)`, piv `(..., M)`.
 * @param b `(..., M)` when `b.ndim == lu.ndim - 1`, else `(..., M, K)`.
 * @returns x, b's shape with the batch axes broadcast.
 * @throws LinAlgError kind "singular" (with `index`) when U has an exact zero on its diagonal;
 *   ValueError when shapes do not match or b contains NaN/Inf.
 *
 * Notes: two triangular solves and the row swaps (LAPACK dgetrs); O(M²·K) per matrix.
 *
 * @example
 *   const x = linalg.luSolve(linalg.luFactor([[1, 2], [3, 4]]), [5, 6]);
 *   assert.close(x.toArray(), [-4, 4.5]);
 */
export function luSolve(factors: LuFactorFields | readonly [NDArray, NDArray], b: ArrayInput, options: LuSolveOptions = {}): NDArray {
  const fn = "luSolve";
  checkOptions(fn, LU_SOLVE_OPTIONS, options);
  const pair = Array.isArray(factors) && factors.length === 2;
  if (!pair && (factors === null || typeof factors !== "object" || !("lu" in factors) || !("piv" in factors))) {
    throw new ValueError(
      `${fn}: factors must be luFactor's { lu, piv } or the pair [lu, piv], got ${factors === null ? "null" : Array.isArray(factors) ? `an array of length ${factors.length}` : typeof factors}`,
    );
  }
  const LUa = asArray(pair ? (factors as readonly [NDArray, NDArray])[0] : (factors as LuFactorFields).lu);
  const piv = asArray(pair ? (factors as readonly [NDArray, NDArray])[1] : (factors as LuFactorFields).piv);
  const B = asArray(b);
  const trans = transCode(options.trans, fn);
  const nb = blockSizeOf(options, BLOCK_SIZES.triangular, fn);
  if (LUa.ndim < 2 || LUa.shape[LUa.ndim - 1] !== LUa.shape[LUa.ndim - 2]) {
    throw new ValueError(`${fn}: expected a square lu factor, got shape ${fmtShape(LUa.shape)}`);
  }
  const n = LUa.shape[LUa.ndim - 1];
  if (piv.ndim !== LUa.ndim - 1 || piv.shape[piv.ndim - 1] !== n) {
    throw new ValueError(`${fn}: piv of shape ${fmtShape(piv.shape)} does not match lu of shape ${fmtShape(LUa.shape)}`);
  }
  if (piv.dtype !== "int32") throw new DTypeError(`${fn}: piv must be int32, got ${piv.dtype}`);
  const { vector, core, rows: bRows, nrhs } = rightHandSide(LUa, B);
  if (B.ndim === 0 || bRows !== n) {
    throw new ValueError(`${fn}: shapes of lu ${fmtShape(LUa.shape)} and b ${fmtShape(B.shape)} are incompatible`);
  }
  if (options.checkFinite !== false) assertFinite(B, fn);
  const dtype = workDType(LUa.dtype, B.dtype);
  const complex = dtype === "complex128";
  const pivStride = piv.strides[piv.ndim - 1];
  const ipiv = new Int32Array(n);
  // "(n,n),(n,k),(n)->(n,k)": lu, b and piv over the broadcast batch (piv is read, not loaded);
  // piv's batch axes broadcast too, so a piv stack that does not fit lu's is a ShapeError
  const inputs = [
    { array: LUa, core: 2 },
    { array: B, core },
    { array: piv, core: 1 },
  ] as const;
  const out = gufunc({ fn, inputs, dtype, output: vector ? [n] : [n, nrhs], work: [n * n, n * nrhs] }, ([W, X], step) => {
    step.load(0, W);
    const pivOff = step.offset(2);
    for (let i = 0; i < n; i++) {
      const v = piv.data[pivOff + i * pivStride];
      if (!(v >= 0 && v < n)) throw new ValueError(`${fn}: piv[${i}] = ${v} is not a row index of a ${n}×${n} matrix`);
      ipiv[i] = v;
    }
    // an exact zero on U's diagonal would divide by zero: report it instead
    for (let i = 0; i < n; i++) {
      const zero = complex ? W[2 * (i + i * n)] === 0 && W[2 * (i + i * n) + 1] === 0 : W[i + i * n] === 0;
      if (zero) throw new LinAlgError(`${fn}: Singular matrix: U[${i}, ${i}] is exactly zero`, "singular", i);
    }
    step.load(1, X);
    if (complex) zgetrs(trans, n, nrhs, W as Float64Array, 0, n, ipiv, X as Float64Array, 0, n);
    else getrs(trans === 0 ? 0 : 1, colMajor(W, n, n), ipiv, colMajor(X, n, nrhs), nb);
    return X;
  });
  return out;
}
