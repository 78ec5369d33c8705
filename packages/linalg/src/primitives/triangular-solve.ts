/**
 * Triangular solve: X = op(T)⁻¹·B for triangular T, by substitution (LAPACK dtrsm / dtrtrs;
 * SciPy's `solve_triangular`).
 *
 *   T: n×n, lower or upper triangular (only that triangle is read), unit diagonal or not
 *   B: n×nrhs right-hand sides, overwritten by X on exit
 *
 * Forward substitution (lower T), for each right-hand side b:
 *
 *   x_k = (b_k − Σ_{i<k} T[k, i]·x_i) / T[k, k],   k = 0, 1, …, n−1
 *
 * computed column-oriented ("saxpy" form): once x_k is known it is eliminated from every row
 * below, b_i −= T[i, k]·x_k. Back substitution (upper T) runs k = n−1, …, 0 the same way.
 *
 * Transposition is in the strides: T is read at T[tOff + i·tRs + j·tCs], so Tᵀ is the same
 * buffer with tRs and tCs swapped (and lower becomes upper). B likewise, so a right-side solve
 * X·Tᵀ = B is the left-side solve T·Xᵀ = Bᵀ on B's transposed strides.
 *
 * Invariant: on exit op(T)·X = B_in up to rounding; the backward error is
 * ‖op(T)·X − B‖ ≤ c·n·eps·‖T‖·‖X‖ (Higham, "Accuracy and Stability of Numerical Algorithms",
 * 2nd ed., §8.1). The forward error grows with cond(T).
 *
 * Two routines, one contract (docs/style.md §6):
 *   - `trsmReference`: the readable substitution above, the spec and reference twin;
 *   - `trsm`: recursive. With T halved (lower case drawn),
 *
 *         ⎡ T11   0  ⎤ ⎡X1⎤   ⎡B1⎤      X1 = T11⁻¹·B1            (recurse)
 *         ⎣ T21  T22 ⎦ ⎣X2⎦ = ⎣B2⎦  ⇒   B2 := B2 − T21·X1        (gemm)
 *                                       X2 = T22⁻¹·B2            (recurse)
 *
 *     down to diagonal blocks of order ≤ nb solved by trsmReference, so all but those
 *     blocks' work is gemm, and the largest products (k = n/2) come first. When T and B lie
 *     in a resident workspace, the same recursion runs whole in WebAssembly
 *     (`trsmResident`, @sliderule/ndarray/kernels factor.as.ts). (A left-to-right
 *     blocked sweep does the same flops as rank-nb updates, each one a pass over all of B.)
 *
 * On Blocks (kernels/block.ts of @sliderule/ndarray), T is a triangular view and op(T) is the view itself:
 * `trsmBlock(lowerUnit(L11), A12, nb)` is A12 := L11⁻¹·A12, `trsmBlock(T(upper(R)), B, nb)`
 * is B := R⁻ᵀ·B, and a right-side solve X·L11ᵀ = A21 is `trsmBlock(lower(L11), T(A21), nb)`.
 * trsmBlock is the recursion on views; trsm takes the kernels' TrsmArgs (solveTriangular's
 * strided operands) as views, and `trsmArgs` turns views back into TrsmArgs for the leaves.
 *
 * Neither routine checks the diagonal; callers test for an exact zero first (as dtrtrs does)
 * and raise LinAlgError kind "singular" with its index.
 *
 * Reference: Golub & Van Loan, "Matrix Computations", 4th ed., §3.1 (Algorithms 3.1.1–3.1.4,
 * and §3.1.4 for the blocked form); LAPACK/BLAS dtrsm, dtrtrs.
 */
import { ValueError, type NDArray } from "@sliderule/ndarray";
import { type Block, lower, lowerUnit, quadrants, sub, type TriangularBlock, type TrsmArgs, trsmResident, upper, upperUnit } from "@sliderule/ndarray/kernels";
import { ztrsm, type ZTrsmArgs } from "../complex/triangular-solve.js";
import { gemmBlock } from "../util/gemm.js";
import { LinAlgError } from "../errors.js";
import { BLOCK_SIZES, blockSizeOf, type BlockOptions } from "../tuning.js";
import { gufunc, rightHandSide, asArray, assertFinite, fmtShape, workDType, type ArrayInput } from "../util/batch.js";
import { checkOptions, OPTION, optionsSchema } from "../util/options.js";

/** The options solveTriangular accepts (util/options.ts); trans is checked by transCode. */
const SOLVE_TRIANGULAR_OPTIONS = optionsSchema({
  blockSize: OPTION.blockSize,
  lower: OPTION.flag,
  trans: OPTION.any,
  unitDiagonal: OPTION.flag,
  checkFinite: OPTION.checkFinite,
});

/** A triangular system op(T)·X = B on strided buffers (see the file header); the kernels' own type. */
export type { TrsmArgs };

/** B := T⁻¹·B by plain substitution (the spec; see the file header). */
export function trsmReference(args: TrsmArgs): void {
  const { n, nrhs, lower, unitDiagonal, T, tOff, tRs, tCs, B, bOff, bRs, bCs } = args;
  if (Math.abs(bRs) <= Math.abs(bCs)) {
    // B's columns are contiguous: solve one right-hand side b = B[:, j] at a time, start to
    // finish, while it sits in cache
    for (let j = 0; j < nrhs; j++) {
      const bj = bOff + j * bCs;
      for (let step = 0; step < n; step++) {
        // forward (lower) k = 0, 1, …; backward (upper) k = n−1, n−2, …
        const k = lower ? step : n - 1 - step;
        const iBegin = lower ? k + 1 : 0; // the rows still unsolved: below k (lower) or above k (upper)
        const iEnd = lower ? n : k;
        // x_k = b_k / T[k, k]
        if (!unitDiagonal) B[bj + k * bRs] /= T[tOff + k * tRs + k * tCs];
        // b_i −= T[i, k]·x_k for every unsolved row i
        const xk = B[bj + k * bRs];
        if (xk === 0) continue;
        const tk = tOff + k * tCs; // column k of T
        for (let i = iBegin; i < iEnd; i++) B[bj + i * bRs] -= T[tk + i * tRs] * xk;
      }
    }
    return;
  }
  // B's rows are contiguous: the same elimination, row k of X against every unsolved row
  for (let step = 0; step < n; step++) {
    const k = lower ? step : n - 1 - step;
    const iBegin = lower ? k + 1 : 0;
    const iEnd = lower ? n : k;
    const bk = bOff + k * bRs;
    if (!unitDiagonal) {
      const tkk = T[tOff + k * tRs + k * tCs];
      for (let j = 0; j < nrhs; j++) B[bk + j * bCs] /= tkk;
    }
    const tk = tOff + k * tCs;
    for (let i = iBegin; i < iEnd; i++) {
      const tik = T[tk + i * tRs];
      if (tik === 0) continue;
      const bi = bOff + i * bRs;
      for (let j = 0; j < nrhs; j++) B[bi + j * bCs] -= tik * B[bk + j * bCs];
    }
  }
}

/**
 * B := T⁻¹·B, recursive ({@link trsmBlock}) on the strided buffers of TrsmArgs: the views
 * they describe (T square, tagged with its triangle; B n×nrhs). Same contract as
 * {@link trsmReference}.
 */
export function trsm(args: TrsmArgs, nb: number): void {
  const { n, nrhs, lower: isLower, unitDiagonal } = args;
  const T: TriangularBlock = {
    data: args.T,
    off: args.tOff,
    rs: args.tRs,
    cs: args.tCs,
    rows: n,
    cols: n,
    uplo: isLower ? "lower" : "upper",
    unit: unitDiagonal,
  };
  trsmBlock(T, { data: args.B, off: args.bOff, rs: args.bRs, cs: args.bCs, rows: n, cols: nrhs }, nb);
}

/**
 * The kernels' TrsmArgs for T⁻¹·B on views: T a square triangular view (its tag says which
 * triangle and whether the diagonal is ones), B with T's order of rows.
 * @throws Error `internal:` when the shapes do not agree.
 */
export function trsmArgs(T: TriangularBlock, B: Block): TrsmArgs {
  if (T.rows !== T.cols || B.rows !== T.rows) {
    throw new Error(`internal: trsm: T ${T.rows}×${T.cols} and B ${B.rows}×${B.cols} do not agree`);
  }
  return {
    n: T.rows,
    nrhs: B.cols,
    lower: T.uplo === "lower",
    unitDiagonal: T.unit,
    T: T.data,
    tOff: T.off,
    tRs: T.rs,
    tCs: T.cs,
    B: B.data,
    bOff: B.off,
    bRs: B.rs,
    bCs: B.cs,
  };
}

/**
 * B := T⁻¹·B on views, recursive: T halved after n1 = ⌊n/2⌋ rows and columns (the header's
 * picture for lower T; upper T mirrors it, bottom half first), substitution at the leaves of
 * order ≤ nb, gemm for the off-diagonal block. op(T) is the view: T(upper(R)) for R⁻ᵀ.
 */
export function trsmBlock(T: TriangularBlock, B: Block, nb: number): void {
  const args = trsmArgs(T, B);
  // T and B in a resident workspace (util/batch.ts withWork): the same recursion, whole in WebAssembly
  if (trsmResident(args, nb)) return;
  const n = T.rows;
  if (n <= Math.max(nb, 1) || B.cols === 0) {
    trsmReference(args);
    return;
  }
  const n1 = n >> 1;
  const [T11, T12, T21, T22] = quadrants(T, n1, n1);
  const B1 = sub(B, 0, 0, n1, B.cols);
  const B2 = sub(B, n1, 0, n - n1, B.cols);
  const tag = T.uplo === "lower" ? (T.unit ? lowerUnit : lower) : T.unit ? upperUnit : upper; // T11 and T22 keep T's triangle
  if (T.uplo === "lower") {
    trsmBlock(tag(T11), B1, nb); // X1 = T11⁻¹·B1
    gemmBlock(-1, T21, B1, 1, B2); // B2 := B2 − T21·X1
    trsmBlock(tag(T22), B2, nb); // X2 = T22⁻¹·B2
  } else {
    trsmBlock(tag(T22), B2, nb); // X2 = T22⁻¹·B2
    gemmBlock(-1, T12, B2, 1, B1); // B1 := B1 − T12·X2
    trsmBlock(tag(T11), B1, nb); // X1 = T11⁻¹·B1
  }
}

/** B := T⁻¹·B on views by plain substitution ({@link trsmReference}, the spec). */
export function trsmReferenceBlock(T: TriangularBlock, B: Block): void {
  trsmReference(trsmArgs(T, B));
}

// ------------------------------------------------------------------ the public function

/** `trans` as SciPy accepts it: 0/"N" op(A) = A, 1/"T" Aᵀ, 2/"C" Aᴴ. */
export type Trans = 0 | 1 | 2 | "N" | "T" | "C";

export interface SolveTriangularOptions extends BlockOptions {
  /** Use the lower triangle of a (default false: the upper one, as SciPy). */
  lower?: boolean;
  /** Solve a·x = b (0, "N", default), aᵀ·x = b (1, "T") or aᴴ·x = b (2, "C"). */
  trans?: Trans;
  /** Take the diagonal of a as ones without reading it (default false). */
  unitDiagonal?: boolean;
  /** Reject NaN and Inf in a and b (default true, as SciPy's check_finite). */
  checkFinite?: boolean;
}

/** Normalise SciPy's `trans` argument to 0, 1, 2. */
export function transCode(trans: unknown, fn: string): 0 | 1 | 2 {
  switch (trans) {
    case undefined:
    case 0:
    case "N":
    case "n":
      return 0;
    case 1:
    case "T":
    case "t":
      return 1;
    case 2:
    case "C":
    case "c":
      return 2;
    default:
      throw new ValueError(`${fn}: invalid value for trans: ${JSON.stringify(trans)}; expected 0, 1, 2, "N", "T" or "C"`);
  }
}

/**
 * Solve `op(a)·x = b` for x, where a is triangular (SciPy's `scipy.linalg.solve_triangular`).
 *
 * @param a `(..., M, M)` triangular matrix; only the triangle named by `lower` is read (and not
 *   its diagonal when `unitDiagonal`).
 * @param b `(..., M)` when `b.ndim == a.ndim - 1` (vectors), else `(..., M, K)`; batch axes
 *   broadcast against a's.
 * @returns x with b's shape (broadcast batch); float64 for integer input, float32 for float32,
 *   complex128 for complex input.
 * @throws LinAlgError kind "singular" ("singular matrix: resolution failed at diagonal i",
 *   `index` i) when a diagonal entry is exactly zero.
 * @throws ValueError when a is not square, b's length does not match, trans is invalid, or an
 *   input contains NaN or Inf.
 *
 * Notes: substitution (LAPACK dtrtrs/dtrsm), blocked with gemm for the off-diagonal blocks;
 * backward stable, forward error ∝ cond(a).
 *
 * @example
 *   const x = linalg.solveTriangular([[2, 0], [1, 1]], [4, 3], { lower: true });
 *   assert.deepEqual(x.toArray(), [2, 1]);
 */
export function solveTriangular(a: ArrayInput, b: ArrayInput, options: SolveTriangularOptions = {}): NDArray {
  const fn = "solveTriangular";
  checkOptions(fn, SOLVE_TRIANGULAR_OPTIONS, options);
  const A = asArray(a);
  const B = asArray(b);
  const trans = transCode(options.trans, fn);
  const { lower = false, unitDiagonal = false, checkFinite = true } = options;
  const nb = blockSizeOf(options, BLOCK_SIZES.triangular, fn);
  if (A.ndim < 2 || A.shape[A.ndim - 1] !== A.shape[A.ndim - 2]) {
    throw new ValueError(`${fn}: expected square matrix, got a of shape ${fmtShape(A.shape)}`);
  }
  const n = A.shape[A.ndim - 1];
  const { vector, core, rows: bRows, nrhs } = rightHandSide(A, B);
  if (B.ndim === 0 || (!vector && B.ndim < 2) || bRows !== n) {
    throw new ValueError(`${fn}: shapes of a ${fmtShape(A.shape)} and b ${fmtShape(B.shape)} are incompatible`);
  }
  if (checkFinite) {
    assertFinite(A, fn);
    assertFinite(B, fn);
  }
  const dtype = workDType(A.dtype, B.dtype);
  const complex = dtype === "complex128";
  // "(n,n),(n,k)->(n,k)" over the broadcast batch
  const inputs = [
    { array: A, core: 2 },
    { array: B, core },
  ] as const;
  const out = gufunc({ fn, inputs, dtype, output: vector ? [n] : [n, nrhs], work: [n * n, n * nrhs] }, ([Tw, Xw], step) => {
    step.load(0, Tw);
    // an exact zero on the diagonal: LAPACK dtrtrs's singularity test
    if (!unitDiagonal) {
      for (let i = 0; i < n; i++) {
        const zero = complex ? Tw[2 * (i + i * n)] === 0 && Tw[2 * (i + i * n) + 1] === 0 : Tw[i + i * n] === 0;
        if (zero) throw new LinAlgError(`singular matrix: resolution failed at diagonal ${i}`, "singular", i);
      }
    }
    step.load(1, Xw);
    // op(T) = Tᵀ is T read with swapped strides, lower becoming upper
    const t = trans === 0;
    const args: TrsmArgs = {
      n,
      nrhs,
      lower: t ? lower : !lower,
      unitDiagonal,
      T: Tw,
      tOff: 0,
      tRs: t ? 1 : n,
      tCs: t ? n : 1,
      B: Xw,
      bOff: 0,
      bRs: 1,
      bCs: n,
    };
    if (complex) ztrsm(args as ZTrsmArgs, trans === 2);
    else trsm(args, nb);
    return Xw;
  });
  return out;
}
