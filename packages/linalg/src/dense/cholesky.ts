/**
 * Cholesky factorisation of a symmetric (Hermitian) positive definite matrix (LAPACK dpotf2 /
 * dpotrf / dpotrs; NumPy's `cholesky`, SciPy's `cho_factor`, `cho_solve`).
 *
 *   A = L·Lᵀ      L: n×n lower triangular with a positive diagonal (unique)
 *
 * Only the lower triangle of A is read. On exit from potf2/potrf, the lower triangle of the
 * working matrix holds L; the strict upper triangle is untouched by potf2 and overwritten with
 * scratch by potrf (callers zero it).
 *
 * Column j of L, from the columns before it (the "left-looking" or dot-product form):
 *
 *   L[j, j] = sqrt(A[j, j] − Σ_{k<j} L[j, k]²)
 *   L[i, j] = (A[i, j] − Σ_{k<j} L[i, k]·L[j, k]) / L[j, j],   i > j
 *
 * If the quantity under the square root is not positive (or is NaN), the leading minor
 * A[0:j+1, 0:j+1] is not positive definite: the routines return that j (0-based) and the
 * public functions raise LinAlgError kind "notPositiveDefinite" with `index` j.
 *
 * Invariant: L·Lᵀ = A up to rounding, ‖A − L·Lᵀ‖ ≤ c·n·eps·‖A‖; no pivoting is needed (the
 * algorithm is backward stable for every positive definite A). Half the flops of LU (n³/3).
 *
 * The blocked potrf (LAPACK dpotrf, lower) works on panels of nb columns, left-looking:
 *
 *            j0    j0+jb
 *        ⎡ L00 │     │     ⎤      [A11; A21] −= [L10; L20]·L10ᵀ    (gemm)
 *    j0  ⎢ L10 │ A11 │     ⎥      A11 = L11·L11ᵀ                   (potf2, the spec)
 * j0+jb  ⎣ L20 │ A21 │ A22 ⎦      L21 = A21·L11⁻ᵀ                  (triangular solve)
 *
 * potrfFast runs the same loop whole in WebAssembly when the working matrix lies in a resident
 * workspace (`potrfResident`, @sliderule/ndarray/kernels factor.as.ts dpotrf), tested against
 * potf2/potrf in cholesky.test.ts.
 *
 * Reference: Golub & Van Loan, "Matrix Computations", 4th ed., §4.2 (Algorithms 4.2.1, 4.2.2
 * and the block version §4.2.9); LAPACK dpotf2, dpotrf, dpotrs.
 * Sibling: for symmetric indefinite A use LDLᵀ (not here yet) or LU (`solve`).
 */
import { namedTuple, ValueError, type NamedTuple, type NDArray } from "@sliderule/ndarray";
import { type Block, colMajor, gemm, leadingDim, lower, potrfResident, quadrants, sub, T } from "@sliderule/ndarray/kernels";
import { zpotf2, zpotrs } from "../complex/cholesky.js";
import { LinAlgError } from "../errors.js";
import { trsm } from "../primitives/triangular-solve.js";
import { BLOCK_SIZES, blockSizeOf, type BlockOptions } from "../tuning.js";
import {
  gufunc,
  gufuncOutputs,
  rightHandSide,
  asArray,
  assertFinite,
  assertSquare,
  fmtShape,
  workDType,
  type ArrayInput,
  type FloatArray,
} from "../util/batch.js";
import { checkOptions, OPTION, optionsSchema } from "../util/options.js";

/** The options each public function accepts (util/options.ts). */
const CHOLESKY_OPTIONS = optionsSchema({ blockSize: OPTION.blockSize, upper: OPTION.flag });
const CHO_FACTOR_OPTIONS = optionsSchema({ blockSize: OPTION.blockSize, lower: OPTION.flag });
const CHO_SOLVE_OPTIONS = optionsSchema({ blockSize: OPTION.blockSize });

// ------------------------------------------------------------------ the kernels: leaf loops on LAPACK's arguments, blocked code on Blocks

/**
 * Unblocked Cholesky, lower (LAPACK dpotf2, the spec): the n×n column-major matrix
 * A[aOff + i + j·lda] becomes L in its lower triangle. Returns −1, or the first j whose
 * leading minor is not positive definite. A leaf kernel: its loops take LAPACK's positional
 * arguments (see @sliderule/ndarray kernels/block.ts, "Leaf kernels"); the blocked code calls it through
 * {@link potf2Block}.
 */
export function potf2(n: number, A: FloatArray, aOff: number, lda: number): number {
  for (let j = 0; j < n; j++) {
    const colJ = aOff + j * lda; // A[:, j]
    // d = A[j, j] − Σ_{k<j} L[j, k]²
    let d = A[colJ + j];
    for (let k = 0; k < j; k++) {
      const ljk = A[aOff + j + k * lda];
      d -= ljk * ljk;
    }
    if (!(d > 0)) return j; // not positive (or NaN): the leading minor of order j+1 fails
    const ljj = Math.sqrt(d);
    A[colJ + j] = ljj;
    // A[i, j] −= Σ_{k<j} L[i, k]·L[j, k] for i > j, one column k at a time (contiguous axpys)
    for (let k = 0; k < j; k++) {
      const ljk = A[aOff + j + k * lda];
      if (ljk === 0) continue;
      const colK = aOff + k * lda;
      for (let i = j + 1; i < n; i++) A[colJ + i] -= A[colK + i] * ljk;
    }
    // L[i, j] = (…) / L[j, j]
    const r = 1 / ljj;
    for (let i = j + 1; i < n; i++) A[colJ + i] *= r;
  }
  return -1;
}

/** {@link potf2} on the n×n column-major view A. */
export function potf2Block(A: Block): number {
  return potf2(A.rows, A.data, A.off, leadingDim(A, "potf2"));
}

/**
 * Blocked Cholesky, lower (LAPACK dpotrf) of the n×n view A: potf2 on each diagonal block,
 * gemm and a triangular solve for the rest (see the header). Same contract as
 * {@link potf2Block}, except that the strict upper triangle is left holding scratch values.
 */
export function potrf(A: Block, nb: number): number {
  const n = A.rows;
  if (nb >= n) return potf2Block(A);
  for (let j0 = 0; j0 < n; j0 += nb) {
    const jb = Math.min(nb, n - j0);
    const j1 = j0 + jb;
    // the header's picture: rows j0.. of columns 0..j1, split after jb rows and j0 columns
    const rows = sub(A, j0, 0, n - j0, j1);
    const [L10, A11, , A21] = quadrants(rows, jb, j0);
    const L0 = sub(rows, 0, 0, n - j0, j0); // [L10; L20]: the columns already done
    const A1 = sub(rows, 0, j0, n - j0, jb); // [A11; A21]: the panel
    // [A11; A21] −= [L10; L20]·L10ᵀ: subtract the contribution of the columns already done
    if (j0 > 0) gemm(-1, L0, T(L10), 1, A1);
    // A11 = L11·L11ᵀ by the unblocked routine
    const info = potf2Block(A11);
    if (info >= 0) return j0 + info;
    // L21 = A21·L11⁻ᵀ, i.e. L11·L21ᵀ = A21ᵀ: a left solve on the view A21ᵀ; blocked (tuning.ts triangular)
    if (j1 < n) trsm(lower(A11), T(A21), BLOCK_SIZES.triangular);
  }
  return -1;
}

/**
 * Solve A·X = B on views, A = L·Lᵀ from potf2/potrf (LAPACK dpotrs, lower): X = L⁻ᵀ·(L⁻¹·B).
 * B is n×nrhs, overwritten by X.
 */
export function potrs(L: Block, B: Block, nb: number): void {
  trsm(lower(L), B, nb); // L·Y = B
  trsm(T(lower(L)), B, nb); // Lᵀ·X = Y
}

// ------------------------------------------------------------------ the WebAssembly boundary

/**
 * potrf on the fastest kernel there is for A: whole in WebAssembly when A lies in a resident
 * workspace (potrfResident of @sliderule/ndarray/kernels, potf2Block/potrf loop for loop, tested
 * against them), otherwise {@link potrf}. Same contract.
 */
export function potrfFast(A: Block, nb: number): number {
  return potrfResident(A, nb) ?? potrf(A, nb);
}

/** NumPy's "Matrix is not positive definite", with the failing leading minor. */
function notPD(fn: string, j: number): LinAlgError {
  return new LinAlgError(`${fn}: Matrix is not positive definite: the leading minor of order ${j + 1} is not positive (index ${j})`, "notPositiveDefinite", j);
}

/**
 * "(m,m)->(m,m)" over a square stack: the Cholesky factor of every matrix, computed in the
 * lower working triangle (potrf) and stored with the other triangle zero. `upper`: A's upper
 * triangle is read, as the lower triangle of Aᴴ, and U = Lᴴ is stored (transposed and, for
 * complex, conjugated back); otherwise A's lower triangle and L.
 */
function choleskyStack(fn: string, A: NDArray, upper: boolean, nb: number): NDArray {
  const n = A.shape[A.ndim - 1];
  const dtype = workDType(A.dtype);
  const complex = dtype === "complex128";
  const read = upper ? { transpose: true, conjugate: true } : undefined;
  const factor = { core: [n, n], part: upper ? "upper" : "lower", transpose: upper, conjugate: upper } as const;
  const [C] = gufuncOutputs({ fn, inputs: [{ array: A, core: 2 }], dtype, outputs: [factor], work: [n * n], resident: true }, ([W], step) => {
    step.load(0, W, read);
    const info = complex ? zpotf2(n, W as Float64Array, 0, n) : potrfFast(colMajor(W, n, n), nb);
    if (info >= 0) throw notPD(fn, info);
    return [W];
  });
  return C;
}

// ------------------------------------------------------------------ the public functions

export interface CholeskyOptions extends BlockOptions {
  /** Return the upper factor U = Lᴴ (A = Uᴴ·U) instead of L (default false, as NumPy). */
  upper?: boolean;
}

/**
 * Cholesky factor of a symmetric (Hermitian) positive definite matrix (NumPy's
 * `np.linalg.cholesky`): A = L·Lᴴ.
 *
 * @param a `(..., M, M)`; only the lower triangle is read (the upper one with `upper`).
 * @returns L `(..., M, M)` lower triangular with positive diagonal (U = Lᴴ with `upper`);
 *   float64 for integer input, float32 for float32, complex128 for complex.
 * @throws LinAlgError kind "notPositiveDefinite" ("Matrix is not positive definite"; `index` j
 *   when the leading minor of order j+1 fails); kind "invalidInput" when not square.
 * @throws ValueError when a contains NaN or Inf.
 *
 * Notes: blocked left-looking Cholesky (LAPACK dpotrf), n³/3 flops; no pivoting needed.
 *
 * @example
 *   const L = linalg.cholesky([[4, 2], [2, 5]]);
 *   assert.deepEqual(L.toArray(), [[2, 0], [1, 2]]);
 */
export function cholesky(a: ArrayInput, options: CholeskyOptions = {}): NDArray {
  const fn = "cholesky";
  checkOptions(fn, CHOLESKY_OPTIONS, options);
  const A = asArray(a);
  assertSquare(A, fn);
  assertFinite(A, fn);
  const nb = blockSizeOf(options, BLOCK_SIZES.cholesky, fn);
  // L, or U = Lᴴ, with the other triangle zero
  return choleskyStack(fn, A, options.upper === true, nb);
}

/** `choFactor(a)`: a factor for {@link choSolve}. */
export interface ChoFactorFields {
  /** (…, M, M): the factor in the triangle named by `lower`, zeros in the other. */
  c: NDArray;
  /** Whether c holds L (A = L·Lᴴ) or U (A = Uᴴ·U). */
  lower: boolean;
}

/** ChoFactorFields, also iterable in NumPy's tuple order: `[c, lower]`. */
export type ChoFactorResult = NamedTuple<ChoFactorFields, ["c", "lower"]>;

/**
 * Cholesky factorisation for use in {@link choSolve} (SciPy's `scipy.linalg.cho_factor`).
 *
 * @param a `(..., M, M)` symmetric (Hermitian) positive definite; the triangle named by
 *   `lower` is read.
 * @param options.lower factor as L·Lᴴ (true) or Uᴴ·U (false, SciPy's default).
 * @returns `{ c, lower }` (also `[c, lower]`, SciPy's tuple order); c holds the factor, zeros elsewhere (SciPy leaves arbitrary data).
 * @throws LinAlgError kind "notPositiveDefinite" with the failing index; ValueError for NaN/Inf.
 *
 * Notes: blocked Cholesky (LAPACK dpotrf).
 *
 * @example
 *   const f = linalg.choFactor([[4, 2], [2, 5]]);
 *   assert.close(linalg.choSolve(f, [6, 7]).toArray(), [1, 1]);
 */
export function choFactor(a: ArrayInput, options: BlockOptions & { lower?: boolean } = {}): ChoFactorResult {
  const fn = "choFactor";
  checkOptions(fn, CHO_FACTOR_OPTIONS, options);
  const A = asArray(a);
  assertSquare(A, fn);
  assertFinite(A, fn);
  const nb = blockSizeOf(options, BLOCK_SIZES.cholesky, fn);
  const lower = options.lower === true;
  return namedTuple({ c: choleskyStack(fn, A, !lower, nb), lower }, ["c", "lower"]);
}

/**
 * Solve A·x = b given the Cholesky factor of A (SciPy's `scipy.linalg.cho_solve`).
 *
 * @param factor `{ c, lower }` from {@link choFactor} (or the pair `[c, lower]`).
 * @param b `(..., M)` when `b.ndim == c.ndim - 1`, else `(..., M, K)`.
 * @returns x with b's shape (batch axes broadcast).
 * @throws ValueError when shapes do not match or b contains NaN or Inf.
 *
 * Notes: two triangular solves (LAPACK dpotrs), O(M²·K).
 *
 * @example
 *   const x = linalg.choSolve(linalg.choFactor([[4, 2], [2, 5]], { lower: true }), [6, 7]);
 *   assert.close(x.toArray(), [1, 1]);
 */
export function choSolve(factor: ChoFactorFields | readonly [NDArray, boolean], b: ArrayInput, options: BlockOptions = {}): NDArray {
  const fn = "choSolve";
  checkOptions(fn, CHO_SOLVE_OPTIONS, options);
  const pair = Array.isArray(factor) && factor.length === 2;
  if (!pair && (factor === null || typeof factor !== "object" || !("c" in factor) || !("lower" in factor))) {
    throw new ValueError(
      `${fn}: factor must be choFactor's { c, lower } or the pair [c, lower], got ${factor === null ? "null" : Array.isArray(factor) ? `an array of length ${factor.length}` : typeof factor}`,
    );
  }
  const C = asArray(pair ? (factor as readonly [NDArray, boolean])[0] : (factor as ChoFactorFields).c);
  const lower = pair ? (factor as readonly [NDArray, boolean])[1] : (factor as ChoFactorFields).lower;
  if (typeof lower !== "boolean") throw new ValueError(`${fn}: lower must be true or false, got ${String(lower)}`);
  const B = asArray(b);
  const nb = blockSizeOf(options, BLOCK_SIZES.triangular, fn);
  if (C.ndim < 2 || C.shape[C.ndim - 1] !== C.shape[C.ndim - 2]) {
    throw new ValueError(`${fn}: the factor c must be square, got shape ${fmtShape(C.shape)}`);
  }
  const n = C.shape[C.ndim - 1];
  const { vector, core, rows: bRows, nrhs } = rightHandSide(C, B);
  if (B.ndim === 0 || bRows !== n) {
    throw new ValueError(`${fn}: shapes of c ${fmtShape(C.shape)} and b ${fmtShape(B.shape)} are incompatible`);
  }
  assertFinite(B, fn);
  const dtype = workDType(C.dtype, B.dtype);
  const complex = dtype === "complex128";
  // "(n,n),(n,k)->(n,k)" over the broadcast batch
  const inputs = [
    { array: C, core: 2 },
    { array: B, core },
  ] as const;
  const out = gufunc({ fn, inputs, dtype, output: vector ? [n] : [n, nrhs], work: [n * n, n * nrhs] }, ([W, X], step) => {
    // L in W's lower triangle: c itself, or Uᴴ
    step.load(0, W, { transpose: !lower, conjugate: !lower });
    step.load(1, X);
    if (complex) zpotrs(n, nrhs, W as Float64Array, 0, n, X as Float64Array, 0, n);
    else potrs(colMajor(W, n, n), colMajor(X, n, nrhs), nb);
    return X;
  });
  return out;
}
