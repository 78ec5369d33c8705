/**
 * Householder QR factorisation (LAPACK dgeqr2 / dgeqrf / dorg2r / dorgqr; NumPy's `qr`).
 *
 *   A = Q·R     A: m×n,  Q: m×m orthogonal,  R: m×n upper trapezoidal
 *   A = Q₁·R₁   the reduced form: Q₁ = Q[:, :k] (orthonormal columns), R₁ = R[:k, :], k = min(m, n)
 *
 * Q = H_0·H_1···H_{k−1}, where the reflector H_j = I − tau_j·v_j·v_jᵀ (primitives/householder.ts)
 * zeroes column j below the diagonal of H_{j−1}···H_0·A. On exit from geqr2/geqrf:
 *   - on and above the diagonal: R;
 *   - below the diagonal, column j: v_j[j+1:] (v_j is zero above row j and 1 at row j);
 *   - `tau[j]`: the scalar of H_j.
 * This is LAPACK's (and NumPy's mode="raw") compact form; `orgqr` turns it into explicit
 * columns of Q.
 *
 * Step j of geqr2:
 *   1. H_j from larfg so that H_j·A[j:, j] = [beta; 0] (beta = R[j, j]);
 *   2. A[j:, j+1:] := H_j·A[j:, j+1:].
 *
 * Invariant: Q·R = A and QᵀQ = I up to rounding, ‖A − Q·R‖ ≤ c·m·n·eps·‖A‖ and
 * ‖QᵀQ − I‖ ≤ c·m·eps (Householder QR is backward stable). R's diagonal may have either sign
 * (LAPACK's choice, as NumPy). Not rank-revealing: use column pivoting or the SVD for rank.
 *
 * The blocked geqrf factors nb columns at a time with geqr2 (the spec), then applies their
 * product to the rest as one WY block I − V·T·Vᵀ (larft + larfb, three gemms):
 *
 *            j0   j0+jb
 *        ⎡ R00 │ R01 │ R02 ⎤      [A11; A21] = (H_j0···H_{j1−1})·[R11; 0]  (geqr2)
 *    j0  ⎢     │ A11 │ A12 ⎥      T from V = [V1; V2] and tau               (larft)
 * j0+jb  ⎣     │ A21 │ A22 ⎦      [A12; A22] := (I − V·Tᵀ·Vᵀ)·[A12; A22]    (larfb, gemm)
 *
 * orgqr forms Q backwards, block by block, the same way (dorgqr), with org2r on each panel.
 *
 * These routines are the spec. On a working matrix in a resident workspace (util/batch.ts
 * withWork) the drivers call geqrfFast and orgqrFast, which run geqrf's and orgqr's loops
 * (geqr2, org2r, larft, larfb) whole in WebAssembly (`geqrfResident`, `orgqrResident`,
 * @sliderule/ndarray/kernels factor.as.ts dgeqrf, dorgqr); qr.test.ts holds each pair to
 * equal results up to rounding.
 *
 * Reference: Golub & Van Loan, "Matrix Computations", 4th ed., §5.2.2 (Algorithm 5.2.1),
 * §5.2.3 (block Householder QR), §5.1.6 (forming Q backwards); LAPACK dgeqr2, dgeqrf, dorg2r,
 * dorgqr, dormqr.
 */
import { namedTuple, ValueError, type NamedTuple, type NDArray } from "@sliderule/ndarray";
import { type Block, colMajor, complexColMajor, geqrfResident, leadingDim, orgqrResident, sub, T as transposed, upper } from "@sliderule/ndarray/kernels";
import { zgeqr2, zung2r, zunmqrH } from "../complex/qr.js";
import { ztrsm } from "../complex/triangular-solve.js";
import { LinAlgError } from "../errors.js";
import { larfb, larfg, larfLeft, larftBlock } from "../primitives/householder.js";
import { trsm } from "../primitives/triangular-solve.js";
import { BLOCK_SIZES, blockSizeOf, type BlockOptions } from "../tuning.js";
import {
  gufuncOutputs,
  rightHandSide,
  withWork,
  asArray,
  assertFinite,
  assertMatrixStack,
  assertStacked2d,
  batchOffsets,
  batchShapeOf,
  fmtShape,
  loadMatrix,
  matrixStrides,
  stackOf,
  storeMatrix,
  workDType,
  type ArrayInput,
  type FloatArray,
} from "../util/batch.js";
import { checkOptions, OPTION, optionsSchema } from "../util/options.js";

/** The options each public function accepts (util/options.ts); mode is checked below, with NumPy's message. */
const QR_OPTIONS = optionsSchema({ blockSize: OPTION.blockSize, mode: OPTION.any });
const LSTSQ_QR_OPTIONS = optionsSchema({ blockSize: OPTION.blockSize });

// ------------------------------------------------------------------ the kernels: leaf loops on LAPACK's arguments, blocked code on Blocks

/**
 * Unblocked Householder QR of the m×n column-major matrix A[aOff + i + j·lda] (LAPACK dgeqr2,
 * the spec). R and the reflectors overwrite A (see the header); tau[tauOff + j] gets tau_j.
 * A leaf kernel: its loops take LAPACK's positional arguments (see @sliderule/ndarray kernels/block.ts, "Leaf
 * kernels"); the blocked code calls it through {@link geqr2Block}.
 */
export function geqr2(m: number, n: number, A: FloatArray, aOff: number, lda: number, tau: Float64Array, tauOff: number): void {
  const k = Math.min(m, n);
  for (let j = 0; j < k; j++) {
    const ajj = aOff + j + j * lda;
    // 1. H_j zeroes A[j+1:m, j]: A[j, j] becomes beta = R[j, j], below it v_j[1:]
    const t = larfg(m - j, A, ajj, ajj + 1, 1);
    tau[tauOff + j] = t;
    // 2. A[j:m, j+1:n] := H_j·A[j:m, j+1:n], with v_j[0] = 1 put in place for the product
    if (j + 1 < n) {
      const beta = A[ajj];
      A[ajj] = 1;
      larfLeft(m - j, n - j - 1, A, ajj, 1, t, A, ajj + lda, lda);
      A[ajj] = beta;
    }
  }
}

/** {@link geqr2} on the m×n column-major view A. */
export function geqr2Block(A: Block, tau: Float64Array, tauOff: number): void {
  geqr2(A.rows, A.cols, A.data, A.off, leadingDim(A, "geqr2"), tau, tauOff);
}

/** A work buffer for the WY factors of blocks of up to nb reflectors, of A's element type. */
function wyWork(A: Block, nb: number): FloatArray {
  return new (A.data instanceof Float32Array ? Float32Array : Float64Array)(nb * nb);
}

/** Zero every element of the view B. */
function zero(B: Block): void {
  const { data: b, off, rows, cols } = B;
  const ld = leadingDim(B, "zero");
  for (let j = 0; j < cols; j++) for (let i = 0; i < rows; i++) b[off + i + j * ld] = 0;
}

/**
 * Blocked Householder QR of the m×n view A (LAPACK dgeqrf): geqr2 on panels of nb columns,
 * WY updates of the trailing columns with gemm. Same outputs as {@link geqr2Block}.
 */
export function geqrf(A: Block, tau: Float64Array, nb: number): void {
  const { rows: m, cols: n } = A;
  const k = Math.min(m, n);
  if (nb >= k) {
    geqr2Block(A, tau, 0);
    return;
  }
  const work = wyWork(A, nb);
  for (let j0 = 0; j0 < k; j0 += nb) {
    const jb = Math.min(nb, k - j0);
    const j1 = j0 + jb;
    // the header's picture: rows j0.., the panel [A11; A21] and the columns right of it [A12; A22]
    const panel = sub(A, j0, j0, m - j0, jb);
    // [A11; A21] = H_j0···H_{j1−1}·[R11; 0], by the unblocked routine; V is left below R11's diagonal
    geqr2Block(panel, tau, j0);
    if (j1 < n) {
      // H_j0···H_{j1−1} = I − V·T·Vᵀ; apply its transpose I − V·Tᵀ·Vᵀ to [A12; A22]
      const Twy = colMajor(work, jb, jb);
      larftBlock(panel, tau, j0, Twy);
      larfb(panel, transposed(Twy), sub(A, j0, j1, m - j0, n - j1));
    }
  }
}

/**
 * Form the m×n matrix Q₁ with orthonormal columns, the first n columns of H_0···H_{k−1}
 * (LAPACK dorg2r; m ≥ n ≥ k) in the column-major A[aOff + i + j·lda]. On entry the first k
 * columns of A hold the vectors as geqr2 left them; on exit A is Q₁. A leaf kernel, called by
 * the blocked code through {@link org2rBlock}.
 */
export function org2r(m: number, n: number, k: number, A: FloatArray, aOff: number, lda: number, tau: Float64Array, tauOff: number): void {
  // columns k..n−1 start as columns of the identity
  for (let j = k; j < n; j++) {
    const col = aOff + j * lda;
    for (let i = 0; i < m; i++) A[col + i] = 0;
    A[col + j] = 1;
  }
  // Q₁ = H_0·(H_1·(···(H_{k−1}·I₁))): apply the reflectors last to first
  for (let j = k - 1; j >= 0; j--) {
    const ajj = aOff + j + j * lda;
    const t = tau[tauOff + j];
    // columns j+1..n−1 := H_j·(…), rows j..m−1 (H_j leaves the rows above j alone)
    if (j + 1 < n) {
      A[ajj] = 1;
      larfLeft(m - j, n - j - 1, A, ajj, 1, t, A, ajj + lda, lda);
    }
    // column j := H_j·e_j = e_j − tau_j·v_j
    for (let i = j + 1; i < m; i++) A[ajj + i - j] *= -t;
    A[ajj] = 1 - t;
    for (let i = 0; i < j; i++) A[aOff + i + j * lda] = 0;
  }
}

/** {@link org2r} on the m×n column-major view A. */
export function org2rBlock(A: Block, k: number, tau: Float64Array, tauOff: number): void {
  org2r(A.rows, A.cols, k, A.data, A.off, leadingDim(A, "org2r"), tau, tauOff);
}

/**
 * Blocked formation of Q₁ (LAPACK dorgqr) in the m×n view A: blocks of nb reflectors from the
 * last to the first, each applied to the columns on its right as one WY block, then org2r on
 * the panel. Same contract as {@link org2rBlock}.
 */
export function orgqr(A: Block, k: number, tau: Float64Array, nb: number): void {
  const { rows: m, cols: n } = A;
  if (nb >= k || k === 0) {
    org2rBlock(A, k, tau, 0);
    return;
  }
  // the first column of the last block; columns kk..n−1 have no reflectors of their own
  const last = Math.floor((k - 1) / nb) * nb;
  const kk = Math.min(k, last + nb);
  if (kk < n) {
    org2rBlock(sub(A, kk, kk, m - kk, n - kk), k - kk, tau, kk);
    zero(sub(A, 0, kk, kk, n - kk));
  }
  const work = wyWork(A, nb);
  for (let j0 = last; j0 >= 0; j0 -= nb) {
    const jb = Math.min(nb, k - j0);
    const j1 = j0 + jb;
    const panel = sub(A, j0, j0, m - j0, jb); // the block's vectors, rows j0..m−1
    // columns j1..n−1 := (I − V·T·Vᵀ)·(…) on rows j0..m−1
    if (j1 < n) {
      const Twy = colMajor(work, jb, jb);
      larftBlock(panel, tau, j0, Twy);
      larfb(panel, Twy, sub(A, j0, j1, m - j0, n - j1));
    }
    // the panel's own columns, by the unblocked routine; rows above the panel are zero
    org2rBlock(panel, jb, tau, j0);
    zero(sub(A, 0, j0, j0, jb));
  }
}

/**
 * C := Qᵀ·C with Q = H_0···H_{k−1} from geqr2/geqrf (LAPACK dormqr, side = left, trans = T):
 * V the m×k view of the reflectors (A's first k columns), C an m×nrhs view; blocks of nb
 * reflectors are applied first to last as WY blocks.
 */
export function ormqrT(V: Block, tau: Float64Array, C: Block, nb: number): void {
  const { rows: m, cols: k } = V;
  const work = wyWork(V, nb);
  for (let j0 = 0; j0 < k; j0 += nb) {
    const jb = Math.min(nb, k - j0);
    const panel = sub(V, j0, j0, m - j0, jb);
    // Qᵀ = H_{k−1}···H_0: the block's transpose (I − V·Tᵀ·Vᵀ) on rows j0..m−1
    const Twy = colMajor(work, jb, jb);
    larftBlock(panel, tau, j0, Twy);
    larfb(panel, transposed(Twy), sub(C, j0, 0, m - j0, C.cols));
  }
}

// ------------------------------------------------------------------ the WebAssembly boundary

/**
 * geqrf on the fastest kernel there is for A: whole in WebAssembly when A lies in a resident
 * workspace (geqrfResident of @sliderule/ndarray/kernels, factor.as.ts dgeqrf: geqr2, larft
 * and larfb loop for loop, tested against them in qr.test.ts), otherwise {@link geqrf}.
 */
export function geqrfFast(A: Block, tau: Float64Array, nb: number): void {
  if (!geqrfResident(A, tau, nb)) geqrf(A, tau, nb);
}

/**
 * orgqr on the fastest kernel there is for A: whole in WebAssembly when A lies in a resident
 * workspace (orgqrResident, factor.as.ts dorgqr: org2r, larft and larfb loop for loop, tested
 * against them in qr.test.ts), otherwise {@link orgqr}.
 */
export function orgqrFast(A: Block, k: number, tau: Float64Array, nb: number): void {
  if (!orgqrResident(A, k, tau, nb)) orgqr(A, k, tau, nb);
}

// ------------------------------------------------------------------ the public functions

/** The modes of NumPy's `qr`. */
export type QrMode = "reduced" | "complete" | "r" | "raw";

export interface QrOptions extends BlockOptions {
  /** What to return (default "reduced"); see {@link qr}. */
  mode?: QrMode;
}

/** `qr(a)` in modes "reduced" and "complete": A = Q·R. */
export interface QrFields {
  /** (…, M, K) orthonormal columns ("reduced"), or (…, M, M) orthogonal ("complete"). */
  Q: NDArray;
  /** (…, K, N) ("reduced"), or (…, M, N) ("complete"); upper trapezoidal. */
  R: NDArray;
}

/** QrFields, also iterable in NumPy's tuple order: `[Q, R]`. */
export type QrResult = NamedTuple<QrFields, ["Q", "R"]>;

/** `qr(a, { mode: "raw" })`: LAPACK's compact form, as NumPy returns it. */
export interface QrRawFields {
  /** (…, N, M): the transpose of the factored matrix (R above, reflectors below its diagonal). */
  h: NDArray;
  /** (…, K): the reflectors' scalars. */
  tau: NDArray;
}

/** QrRawFields, also iterable in NumPy's tuple order: `[h, tau]`. */
export type QrRawResult = NamedTuple<QrRawFields, ["h", "tau"]>;

/**
 * QR decomposition A = Q·R by Householder reflections (NumPy's `np.linalg.qr`).
 *
 * @param a `(..., M, N)`; K = min(M, N).
 * @param options.mode
 *   - "reduced" (default): `{ Q, R }` (also `[Q, R]`, NumPy's tuple order), Q `(..., M, K)`, R `(..., K, N)`;
 *   - "complete": `{ Q, R }`, Q `(..., M, M)`, R `(..., M, N)`;
 *   - "r": R only, `(..., K, N)`;
 *   - "raw": `{ h, tau }` (also `[h, tau]`), h `(..., N, M)`, tau `(..., K)` (LAPACK's compact form, transposed,
 *     as NumPy).
 * @returns float64 for integer input, float32 for float32, complex128 for complex.
 * @throws ValueError for an unknown mode ("qr: unrecognized mode 'x'") or NaN/Inf in a;
 *   LinAlgError kind "invalidInput" for fewer than 2 dimensions.
 *
 * Notes: blocked Householder QR (LAPACK dgeqrf) and Q by backward accumulation (dorgqr).
 * R's diagonal may be negative (LAPACK's signs, as NumPy). Not rank-revealing.
 *
 * @example
 *   const [Q, R] = linalg.qr([[3, 0], [4, 5]]); // or const { Q, R } = …
 *   assert.close(Q.toArray(), [[-0.6, -0.8], [-0.8, 0.6]]);
 *   assert.close(R.toArray(), [[-5, -4], [0, 3]]);
 */
export function qr(a: ArrayInput, options?: BlockOptions & { mode?: "reduced" | "complete" }): QrResult;
export function qr(a: ArrayInput, options: BlockOptions & { mode: "r" }): NDArray;
export function qr(a: ArrayInput, options: BlockOptions & { mode: "raw" }): QrRawResult;
export function qr(a: ArrayInput, options?: QrOptions): QrResult | QrRawResult | NDArray;
export function qr(a: ArrayInput, options: QrOptions = {}): QrResult | QrRawResult | NDArray {
  const fn = "qr";
  checkOptions(fn, QR_OPTIONS, options);
  const mode = options.mode ?? "reduced";
  if (mode !== "reduced" && mode !== "complete" && mode !== "r" && mode !== "raw") {
    throw new ValueError(`${fn}: unrecognized mode '${String(mode)}'; expected 'reduced', 'complete', 'r' or 'raw'`);
  }
  const A = asArray(a);
  assertStacked2d(A, fn);
  assertFinite(A, fn);
  const nb = blockSizeOf(options, BLOCK_SIZES.qr, fn);
  const m = A.shape[A.ndim - 2];
  const n = A.shape[A.ndim - 1];
  const k = Math.min(m, n);
  const dtype = workDType(A.dtype);
  const complex = dtype === "complex128";
  const batch = batchShapeOf(A, 2);
  const offs = batchOffsets(A, batch, 2);
  const { rs, cs } = matrixStrides(A);
  // Q's columns: K (reduced) or M (complete); the buffer holds A and then Q in place
  const qCols = mode === "complete" ? m : k;
  const ld = m;
  const tau = new Float64Array(complex ? 2 * k : k);
  const rRows = mode === "complete" ? m : k;
  const R = mode === "raw" ? null : stackOf(batch, [rRows, n], dtype);
  const Q = mode === "reduced" || mode === "complete" ? stackOf(batch, [m, qCols], dtype) : null;
  const H = mode === "raw" ? stackOf(batch, [n, m], dtype) : null;
  const TAU = mode === "raw" ? stackOf(batch, [k], dtype) : null;
  withWork(dtype, [m * Math.max(n, qCols)], ([W]) => {
    for (let p = 0; p < offs.length; p++) {
      W.fill(0);
      loadMatrix(A, offs[p], rs, cs, m, n, W, 0, ld, complex);
      // A = Q·R in compact form
      if (complex) zgeqr2(m, n, W as Float64Array, 0, ld, tau, 0);
      else geqrfFast(colMajor(W, m, n, 0, ld), tau, nb);
      if (H && TAU) {
        // NumPy's raw mode: h = the factored matrix transposed, (N, M)
        storeMatrix(W, 0, ld, n, m, H, p * n * m, "full", true);
        const slot = complex ? 2 : 1;
        for (let i = 0; i < slot * k; i++) TAU.data[p * slot * k + i] = tau[i];
        continue;
      }
      // R = the upper trapezoid of the first rRows rows
      if (R) storeMatrix(W, 0, ld, rRows, n, R, p * rRows * n, "upper");
      if (Q) {
        // Q's first qCols columns, formed in place over the reflectors
        if (complex) zung2r(m, qCols, k, W as Float64Array, 0, ld, tau, 0);
        else orgqrFast(colMajor(W, m, qCols, 0, ld), k, tau, nb);
        storeMatrix(W, 0, ld, m, qCols, Q, p * m * qCols);
      }
    }
  });
  if (H && TAU) return namedTuple({ h: H, tau: TAU }, ["h", "tau"]);
  if (Q && R) return namedTuple({ Q, R }, ["Q", "R"]);
  return R as NDArray;
}

/**
 * Least squares for full-rank tall systems by QR: x minimising ‖A·x − b‖₂.
 *
 *   A = Q·R  ⇒  ‖A·x − b‖ = ‖R·x − Qᵀ·b‖ (Q orthogonal), minimised by R₁·x = (Qᵀ·b)[:n]
 *
 * @param a `(..., M, N)` with M ≥ N and full column rank.
 * @param b `(..., M)` when `b.ndim == a.ndim - 1`, else `(..., M, K)`.
 * @returns x `(..., N)` or `(..., N, K)`.
 * @throws LinAlgError kind "singular" (with `index`) when R has an exact zero on its diagonal
 *   (A rank deficient); ValueError when M < N, shapes mismatch, or NaN/Inf.
 *
 * Notes: Householder QR, Qᵀ·b by WY blocks (LAPACK dormqr), back substitution: backward
 * stable, never forms AᵀA. Rank-deficient or wide problems need `lstsq` (SVD, next).
 *
 * @example
 *   const x = linalg.lstsqQR([[1, 0], [0, 1], [1, 1]], [1, 1, 2]);
 *   assert.close(x.toArray(), [1, 1]);
 */
export function lstsqQR(a: ArrayInput, b: ArrayInput, options: BlockOptions = {}): NDArray {
  const fn = "lstsqQR";
  checkOptions(fn, LSTSQ_QR_OPTIONS, options);
  const A = asArray(a);
  const B = asArray(b);
  assertMatrixStack(A, fn);
  const m = A.shape[A.ndim - 2];
  const n = A.shape[A.ndim - 1];
  if (m < n) throw new ValueError(`${fn}: a of shape ${fmtShape(A.shape)} is wide (M < N); lstsqQR needs M >= N`);
  const { vector, core, rows: bRows, nrhs } = rightHandSide(A, B);
  if (B.ndim === 0 || bRows !== m) {
    throw new ValueError(`${fn}: shapes of a ${fmtShape(A.shape)} and b ${fmtShape(B.shape)} are incompatible`);
  }
  assertFinite(A, fn);
  assertFinite(B, fn);
  const nb = blockSizeOf(options, BLOCK_SIZES.qr, fn);
  const dtype = workDType(A.dtype, B.dtype);
  const complex = dtype === "complex128";
  const tau = new Float64Array(complex ? 2 * n : n);
  // "(m,n),(m,k)->(n,k)": x is the first n rows of the working right-hand side X (ld m)
  const output = { core: vector ? [n] : [n, nrhs], ld: m };
  const inputs = [
    { array: A, core: 2 as const },
    { array: B, core },
  ];
  const [x] = gufuncOutputs({ fn, inputs, dtype, outputs: [output], work: [m * n, m * nrhs] }, ([W, X], step) => {
    // A = Q·R
    step.load(0, W);
    if (complex) zgeqr2(m, n, W as Float64Array, 0, m, tau, 0);
    else geqrf(colMajor(W, m, n), tau, nb);
    for (let i = 0; i < n; i++) {
      const zero = complex ? W[2 * (i + i * m)] === 0 && W[2 * (i + i * m) + 1] === 0 : W[i + i * m] === 0;
      if (zero) throw new LinAlgError(`${fn}: a is rank deficient: R[${i}, ${i}] is exactly zero`, "singular", i);
    }
    // y = Qᵀ·b (Qᴴ for complex)
    step.load(1, X);
    if (complex) zunmqrH(m, nrhs, n, W as Float64Array, 0, m, tau, X as Float64Array, 0, m);
    else ormqrT(colMajor(W, m, n), tau, colMajor(X, m, nrhs), nb);
    // R₁·x = y[:n]
    if (complex) {
      zTrsmUpper(n, nrhs, W as Float64Array, m, X as Float64Array, m);
    } else {
      trsm(upper(colMajor(W, n, n, 0, m)), colMajor(X, n, nrhs, 0, m), BLOCK_SIZES.triangular);
    }
    return [X];
  });
  return x;
}

/** R₁·X = Y for complex R₁ (n×n upper, ld ldr) and Y (n×nrhs, ld ldx), on complex views. */
function zTrsmUpper(n: number, nrhs: number, R: Float64Array, ldr: number, X: Float64Array, ldx: number): void {
  ztrsm(upper(complexColMajor(R, n, n, 0, ldr)), complexColMajor(X, n, nrhs, 0, ldx), false);
}
