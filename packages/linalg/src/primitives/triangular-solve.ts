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
 * The operands are views (Block, kernels/block.ts of @sliderule/ndarray): element (i, j) of
 * T at T.data[T.off + i·T.rs + j·T.cs], B likewise. T is a TriangularBlock whose tag says
 * which triangle is read and whether its diagonal is taken as ones, and op(T) is the view
 * itself: Tᵀ is T(lower(A)), the same buffer with the strides swapped (lower becoming upper).
 * So `trsm(lowerUnit(L11), A12, nb)` is A12 := L11⁻¹·A12, `trsm(T(upper(R)), B, nb)`
 * is B := R⁻ᵀ·B, and a right-side solve X·L11ᵀ = A21 is the left-side solve
 * `trsm(lower(L11), T(A21), nb)` on B's transposed view.
 *
 * Invariant: on exit op(T)·X = B_in up to rounding; the backward error is
 * ‖op(T)·X − B‖ ≤ c·n·eps·‖T‖·‖X‖ (Higham, "Accuracy and Stability of Numerical Algorithms",
 * 2nd ed., §8.1). The forward error grows with cond(T).
 *
 * Two routines, one contract (docs/style.md §6):
 *   - `trsmReference(T, B)`: the readable substitution above, the spec and reference twin;
 *   - `trsm(T, B, nb)`: recursive. With T halved (lower case drawn),
 *
 *         ⎡ T11   0  ⎤ ⎡X1⎤   ⎡B1⎤      X1 = T11⁻¹·B1            (recurse)
 *         ⎣ T21  T22 ⎦ ⎣X2⎦ = ⎣B2⎦  ⇒   B2 := B2 − T21·X1        (gemm)
 *                                       X2 = T22⁻¹·B2            (recurse)
 *
 *     down to diagonal blocks of order ≤ nb solved by trsmReference, so all but those
 *     blocks' work is gemm, and the largest products (k = n/2) come first. When T and B lie
 *     in a resident workspace, the same recursion runs whole in WebAssembly
 *     (`trsmResident(T, B, nb)`, @sliderule/ndarray/kernels factor.as.ts). (A left-to-right
 *     blocked sweep does the same flops as rank-nb updates, each one a pass over all of B.)
 *
 * trsmReference checks its views once per call (`checkTrsm` of the kernels: T square and of
 * B's rows, one element type, every corner inside its buffer; an `internal:` error
 * otherwise); trsm checks the shapes at each node and leaves the rest to the kernels it
 * calls (trsmResident, trsmReference, gemm) and to `sub`, so that a 3×3 solve does not pay
 * for three checks.
 * solveTriangular builds the views of its working copies and calls trsm, or ztrsm
 * (complex/triangular-solve.ts) for complex128.
 *
 * Neither routine checks the diagonal; callers test for an exact zero first (as dtrtrs does)
 * and raise LinAlgError kind "singular" with its index.
 *
 * Reference: Golub & Van Loan, "Matrix Computations", 4th ed., §3.1 (Algorithms 3.1.1–3.1.4,
 * and §3.1.4 for the blocked form); LAPACK/BLAS dtrsm, dtrtrs.
 */
import { ValueError, type NDArray } from "@sliderule/ndarray";
import {
  type Block,
  checkTrsm,
  colMajor,
  complexColMajor,
  gemm,
  quadrants,
  sub,
  T as transposed,
  type TriangularBlock,
  triangle,
  trsmResident,
} from "@sliderule/ndarray/kernels";
import { ztrsm } from "../complex/triangular-solve.js";
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

/**
 * B := T⁻¹·B on views by plain substitution (the spec; see the file header): T n×n, its tag
 * naming the triangle read and whether the diagonal is unit, B n×nrhs, overwritten by X.
 * @throws Error `internal:` when the views break checkTrsm's contract.
 */
export function trsmReference(T: TriangularBlock, B: Block): void {
  checkTrsm("trsmReference", T, B);
  const { data: t, off: tOff, rs: tRs, cs: tCs, rows: n } = T;
  const { data: b, off: bOff, rs: bRs, cs: bCs, cols: nrhs } = B;
  const lower = T.uplo === "lower";
  const unitDiagonal = T.unit;
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
        if (!unitDiagonal) b[bj + k * bRs] /= t[tOff + k * tRs + k * tCs];
        // b_i −= T[i, k]·x_k for every unsolved row i
        const xk = b[bj + k * bRs];
        if (xk === 0) continue;
        const tk = tOff + k * tCs; // column k of T
        for (let i = iBegin; i < iEnd; i++) b[bj + i * bRs] -= t[tk + i * tRs] * xk;
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
      const tkk = t[tOff + k * tRs + k * tCs];
      for (let j = 0; j < nrhs; j++) b[bk + j * bCs] /= tkk;
    }
    const tk = tOff + k * tCs;
    for (let i = iBegin; i < iEnd; i++) {
      const tik = t[tk + i * tRs];
      if (tik === 0) continue;
      const bi = bOff + i * bRs;
      for (let j = 0; j < nrhs; j++) b[bi + j * bCs] -= tik * b[bk + j * bCs];
    }
  }
}

/**
 * B := T⁻¹·B on views, recursive: T halved after n1 = ⌊n/2⌋ rows and columns (the header's
 * picture for lower T; upper T mirrors it, bottom half first), substitution at the leaves of
 * order ≤ nb, gemm for the off-diagonal block. op(T) is the view: T(upper(R)) for R⁻ᵀ.
 */
export function trsm(T: TriangularBlock, B: Block, nb: number): void {
  // the shapes here, once per node; the leaves (trsmResident, trsmReference), sub and gemm check the rest
  if (T.rows !== T.cols || B.rows !== T.rows) checkTrsm("trsm", T, B);
  // T and B in a resident workspace (util/batch.ts withWork): the same recursion, whole in WebAssembly
  if (trsmResident(T, B, nb)) return;
  const n = T.rows;
  if (n <= Math.max(nb, 1) || B.cols === 0) {
    trsmReference(T, B);
    return;
  }
  const n1 = n >> 1;
  const [T11, T12, T21, T22] = quadrants(T, n1, n1);
  const B1 = sub(B, 0, 0, n1, B.cols);
  const B2 = sub(B, n1, 0, n - n1, B.cols);
  if (T.uplo === "lower") {
    trsm(triangle(T11, T.uplo, T.unit), B1, nb); // X1 = T11⁻¹·B1 (T11 and T22 keep T's triangle)
    gemm(-1, T21, B1, 1, B2); // B2 := B2 − T21·X1
    trsm(triangle(T22, T.uplo, T.unit), B2, nb); // X2 = T22⁻¹·B2
  } else {
    trsm(triangle(T22, T.uplo, T.unit), B2, nb); // X2 = T22⁻¹·B2
    gemm(-1, T12, B2, 1, B1); // B1 := B1 − T12·X2
    trsm(triangle(T11, T.uplo, T.unit), B1, nb); // X1 = T11⁻¹·B1
  }
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
    // T: the named triangle of the n×n working copy; op(T) = Tᵀ is its transposed view (lower becoming upper)
    const view = complex ? complexColMajor(Tw as Float64Array, n, n) : colMajor(Tw, n, n);
    const tri = triangle(view, lower ? "lower" : "upper", unitDiagonal);
    const T = trans === 0 ? tri : transposed(tri);
    if (complex) ztrsm(T, complexColMajor(Xw as Float64Array, n, nrhs), trans === 2);
    else trsm(T, colMajor(Xw, n, nrhs), nb);
    return Xw;
  });
  return out;
}
