/**
 * Singular value decomposition (NumPy's `np.linalg.svd`; LAPACK dgesvd's path).
 *
 *   A = U·Σ·Vᴴ,   A: m×n,   U: m×m unitary,   Σ = diag(σ_0 ≥ … ≥ σ_{k−1} ≥ 0),   V: n×n unitary
 *   reduced: U[:, :k], Vᴴ[:k, :], k = min(m, n)
 *
 * Scaling first, as dgesdd: when max|a_ij| lies outside [2⁻⁴⁵⁹, 2⁴⁵⁹] (sqrt(safmin)/eps and
 * its inverse) A is multiplied by a power of two f that brings it inside (safe-scale.ts) and
 * σ divided by f at the end, so nothing under- or overflows in between (A = 1e−300·B keeps
 * all of B's digits; 1e300·B converges).
 * Then two stages, never AᵀA:
 *   1. bidiagonalise (bidiagonalize.ts): Qᵀ·A·P = B, upper bidiagonal, by Householder
 *      reflectors from both sides (up to 128×128 by the fused unblocked twin of
 *      bidiagonalize-fast.ts, unless options.blockSize asks for gebrd's panels); form Q and P
 *      explicitly when vectors are wanted;
 *   2. the bidiagonal SVD, B = U_B·Σ·V_Bᵀ, then U = Q·U_B, V = P·V_B:
 *      - real input with vectors, k ≥ BIDIAGONAL_DC.minOrder (tuning.ts): divide and conquer
 *        (bidiagonal-dc.ts `bdsdc`, LAPACK dbdsdc as in NumPy's dgesdd): U_B and V_B formed by
 *        merges of gemms and secular equations, then multiplied into Q and P by gemm;
 *      - otherwise (small k, complex input, or values only): implicit-shift QR sweeps with
 *        Demmel–Kahan's zero shift and convergence tests (bidiagonal-svd.ts `bdsqr`), the
 *        rotations accumulated into Q and P directly.
 *      `options.divideAndConquer: { minOrder: Infinity }` forces bdsqr, the reference.
 * A wide matrix (m < n) is handled through Aᴴ = V·Σ·Uᴴ (tall). A tall real one with
 * m ≥ ratio·n (tuning.ts SVD_QR_FIRST, measured: 1.4 with bdsqr, 1.6 with divide and conquer)
 * is first reduced by QR, A = Q_R·R, and the n×n R bidiagonalised (dgesvd's "m much larger
 * than n" path): less Householder work, stage 2 reaches n rows of U_R instead of m, and
 * U = Q_R·U_R by one gemm.
 *
 * Outputs on exit: `{ U, S, Vh }`, S descending and non-negative (sign flips folded into V).
 * Invariant: ‖A − U·Σ·Vᴴ‖ ≤ c·max(m, n)·eps·‖A‖, ‖UᴴU − I‖, ‖VᴴV − I‖ ≤ c·max(m, n)·eps;
 * every σ_i has an absolute error ≤ c·eps·σ_0 (bidiagonalisation is backward stable), and the
 * bidiagonal stage keeps high relative accuracy.
 *
 * float32 input is computed in float64 and rounded to float32 on output (more accurate than
 * LAPACK's sgesdd, same dtype as NumPy). Complex input uses the complex bidiagonalisation
 * (zgebd2, unblocked) and the same real bidiagonal SVD. `hermitian: true` uses eigh instead:
 * σ_i = |λ_i|, as NumPy does.
 *
 * Reference: Golub & Van Loan, "Matrix Computations", 4th ed., §8.6 (Algorithm 8.6.2); LAPACK
 * dgesvd, dgesdd, dgebrd, dorgbr, dbdsqr, dbdsdc; Demmel & Kahan (1990); Gu & Eisenstat (1995).
 * NumPy itself calls dgesdd (divide and conquer): the singular values agree to rounding, the
 * vectors up to sign (unique otherwise).
 */
import { namedTuple, type NamedTuple, type NDArray, ValueError } from "@sliderule/ndarray";
import { LinAlgError } from "../errors.js";
import { BIDIAGONAL_DC, BLOCK_SIZES, blockSizeOf, SVD_QR_FIRST, type BlockOptions } from "../tuning.js";
import {
  asArray,
  assertStacked2d,
  batchOffsets,
  batchShapeOf,
  loadMatrix,
  matrixStrides,
  stackOf,
  storeMatrix,
  withWork,
  workDType,
  type ArrayInput,
} from "../util/batch.js";
import { type Block, colMajor, gemm } from "@sliderule/ndarray/kernels";
import { maxAbs, safeScaleFactor, scaleBy, scaleIntoRange, SVD_RANGE } from "../primitives/safe-scale.js";
import { bdsdc, type BidiagonalDcOptions } from "./bidiagonal-dc.js";
import { bdsqr, bdsqrFast } from "./bidiagonal-svd.js";
import { gebrd, orgbrP, orgbrQ, zgebd2, zungbrP, zungbrQ } from "./bidiagonalize.js";
import { gebrdFast } from "./bidiagonalize-fast.js";
import { eigh, eigvalsh } from "./eigh.js";
import { geqrfFast, orgqrFast } from "./qr.js";
import { z } from "zod";
import { checkOptions, OPTION, optionsSchema } from "../util/options.js";

/** The options svd accepts (util/options.ts). */
const SVD_OPTIONS = optionsSchema({
  blockSize: OPTION.blockSize,
  fullMatrices: OPTION.flag,
  computeUv: OPTION.flag,
  hermitian: OPTION.flag,
  divideAndConquer: z.strictObject({ minOrder: OPTION.number.optional(), leafSize: z.number().int().min(2).optional() }),
});

export interface SvdOptions extends BlockOptions {
  /** U (…, M, M) and Vh (…, N, N) (default true), or the reduced U (…, M, K) and Vh (…, K, N). */
  fullMatrices?: boolean;
  /** Return { U, S, Vh } (default true), or S alone. */
  computeUv?: boolean;
  /** A is Hermitian (symmetric): use eigh, σ = |λ| (NumPy's `hermitian`; U and Vh always square). */
  hermitian?: boolean;
  /**
   * The bidiagonal SVD of real input with vectors (defaults: tuning.ts {@link BIDIAGONAL_DC}):
   * divide and conquer (bidiagonal-dc.ts) for order ≥ `minOrder`, else bdsqr's rotations;
   * `{ minOrder: Infinity }` forces bdsqr (the reference).
   */
  divideAndConquer?: { minOrder?: number } & BidiagonalDcOptions;
}

/** The factors of `svd`: A = U·diag(S)·Vh. */
export interface SvdFields {
  /** (…, M, M), or (…, M, K) reduced: the left singular vectors, by columns. */
  U: NDArray;
  /** (…, K): the singular values, descending; float64 for complex input. */
  S: NDArray;
  /** (…, N, N), or (…, K, N) reduced: the right singular vectors, by rows (Vᴴ). */
  Vh: NDArray;
}

/** SvdFields, also iterable in NumPy's tuple order: `[U, S, Vh]`. */
export type SvdResult = NamedTuple<SvdFields, ["U", "S", "Vh"]>;

/** One real matrix's SVD in column-major working storage (the stages of the file header). */
export interface RealSvd {
  /** σ, descending (N entries). */
  s: Float64Array;
  /** M×uCols (ld M), the first N columns rotated: U of the tall problem; null without vectors. */
  U: Float64Array | null;
  /** N×N (ld N): V of the tall problem. */
  V: Float64Array | null;
}

/**
 * The SVD of the tall M×N (M ≥ N) column-major matrix W (ld M, overwritten; room for
 * M·max(N, uCols) entries). With `vectors`, U gets uCols (N or M) columns.
 */
export function svdTall(
  M: number,
  N: number,
  W: Float64Array,
  vectors: boolean,
  uCols: number,
  nb: number,
  fn = "svd",
  dc: SvdOptions["divideAndConquer"] = {},
  blocked = false,
): RealSvd {
  // the bidiagonalisation: small matrices by the fused unblocked kernel (bidiagonalize-fast.ts)
  // unless a block size was asked for (`blocked`), then gebrd with panels of nb
  const bidiagonalize = blocked ? gebrd : gebrdFast;
  const d = new Float64Array(N);
  const e = new Float64Array(Math.max(N - 1, 0));
  const tauq = new Float64Array(N);
  const taup = new Float64Array(N);
  // stage 2 with vectors by divide and conquer (bdsdc) from order dc.minOrder on, else bdsqr
  const useDc = vectors && N >= (dc.minOrder ?? BIDIAGONAL_DC.minOrder);
  const stage2 = (U: Block, V: Block) => (useDc ? bdsdc(N, d, e, U, V, fn, { leafSize: dc.leafSize ?? BIDIAGONAL_DC.leafSize }) : bdsqrFast(N, d, e, U, V, fn));
  if (N > 0 && M >= (useDc ? SVD_QR_FIRST.divideAndConquerRatio : SVD_QR_FIRST.ratio) * N) {
    // A = Q_R·R, then the SVD of the N×N R
    const tau = new Float64Array(N);
    geqrfFast(colMajor(W, M, N), tau, nb);
    const R = new Float64Array(N * N);
    for (let j = 0; j < N; j++) for (let i = 0; i <= j; i++) R[i + j * N] = W[i + j * M];
    bidiagonalize(N, N, R, 0, N, d, e, tauq, taup, nb);
    if (!vectors) {
      bdsqr(N, d, e, undefined, undefined, fn);
      return { s: d, U: null, V: null };
    }
    const V = new Float64Array(N * N);
    orgbrP(N, R, 0, N, taup, V, 0, N, nb);
    orgbrQ(N, N, N, R, 0, N, tauq, nb);
    stage2(colMajor(R, N, N), colMajor(V, N, N));
    // U = Q_R·[U_R 0; 0 I]: the first N columns by gemm, the rest are Q_R's own
    orgqrFast(colMajor(W, M, uCols), N, tau, nb);
    const U = new Float64Array(M * uCols);
    // U[:, :N] = Q_R[:, :N]·U_R  (M×N times N×N; R holds U_R now)
    gemm(1, colMajor(W, M, N), colMajor(R, N, N), 0, colMajor(U, M, N));
    if (uCols > N) U.set(W.subarray(N * M, uCols * M), N * M);
    return { s: d, U, V };
  }
  bidiagonalize(M, N, W, 0, M, d, e, tauq, taup, nb);
  if (!vectors) {
    bdsqr(N, d, e, undefined, undefined, fn);
    return { s: d, U: null, V: null };
  }
  const V = new Float64Array(N * N);
  orgbrP(N, W, 0, M, taup, V, 0, N, nb);
  orgbrQ(M, N, uCols, W, 0, M, tauq, nb);
  stage2(colMajor(W, M, N), colMajor(V, N, N));
  return { s: d, U: W, V };
}

/** The complex twin of {@link svdTall} (unblocked, no QR-first path); U, V interleaved. */
export function zsvdTall(M: number, N: number, W: Float64Array, vectors: boolean, uCols: number, fn = "svd"): RealSvd {
  const d = new Float64Array(N);
  const e = new Float64Array(Math.max(N - 1, 0));
  const tauq = new Float64Array(2 * N);
  const taup = new Float64Array(2 * N);
  zgebd2(M, N, W, 0, M, d, e, tauq, taup);
  if (!vectors) {
    bdsqr(N, d, e, undefined, undefined, fn);
    return { s: d, U: null, V: null };
  }
  const V = new Float64Array(2 * N * N);
  zungbrP(N, W, 0, M, taup, V, 0, N);
  zungbrQ(M, N, uCols, W, 0, M, tauq);
  // the rotations are real: a complex column of M entries is a real column of 2M
  bdsqrFast(N, d, e, colMajor(W, 2 * M, N), colMajor(V, 2 * N, N), fn);
  return { s: d, U: W, V };
}

/** LinAlgError("SVD did not converge") for a non-finite working copy (NumPy's outcome for NaN/Inf). */
export function assertFiniteWork(W: Float64Array, count: number, fn: string, what = "SVD did not converge"): void {
  let acc = 0;
  for (let i = 0; i < count; i++) acc += W[i] - W[i];
  if (acc !== 0) throw new LinAlgError(`${fn}: ${what}`, "noConvergence");
}

/**
 * The finiteness check and the scaling step 0 in one pass over the working copy: for real
 * entries max|w_i| is NaN or Infinity exactly when some entry is (maxAbs propagates NaN), so
 * one scan serves {@link assertFiniteWork} and scaleIntoRange. Complex entries take the two
 * scans (|z| of finite parts can overflow). Returns the factor f applied (safe-scale.ts).
 */
export function finiteScaleIntoRange(W: Float64Array, count: number, complex: boolean, fn: string, what = "SVD did not converge"): number {
  if (complex) {
    assertFiniteWork(W, 2 * count, fn, what);
    return scaleIntoRange(W, 0, count, SVD_RANGE, true);
  }
  const anrm = maxAbs(W, 0, count);
  if (!(anrm < Infinity)) throw new LinAlgError(`${fn}: ${what}`, "noConvergence");
  const f = safeScaleFactor(anrm, SVD_RANGE);
  scaleBy(W, 0, count, f);
  return f;
}

/**
 * Singular value decomposition (NumPy's `np.linalg.svd`).
 *
 * @param a `(..., M, N)`; K = min(M, N).
 * @param options.fullMatrices U `(..., M, M)`, Vh `(..., N, N)` (default), else U `(..., M, K)`,
 *   Vh `(..., K, N)`.
 * @param options.computeUv `{ U, S, Vh }` (default), or S `(..., K)` alone.
 * @param options.hermitian a is Hermitian: σ = |eigenvalues| by eigh (U, Vh square).
 * @returns S descending, non-negative: float64 (float32 for float32 input, float64 for
 *   complex); U, Vh of the input's working dtype (complex128 for complex).
 * @throws LinAlgError kind "invalidInput" for fewer than 2 dimensions; kind "noConvergence"
 *   ("SVD did not converge") for NaN/Inf input or when the QR sweeps exceed 6·K² steps.
 *
 * Notes: Householder bidiagonalisation (blocked, dgebrd), then the bidiagonal SVD by divide and
 * conquer (dbdsdc) for real input with vectors of order ≥ 44 (options.divideAndConquer), else
 * implicit-shift bidiagonal QR (dbdsqr); tall matrices QR first. float32 is computed in float64
 * and rounded.
 *
 * @example
 *   const { U, S, Vh } = linalg.svd([[3, 0], [0, -4]]);
 *   assert.deepEqual(S.toArray(), [4, 3]);
 */
export function svd(a: ArrayInput, options?: SvdOptions & { computeUv?: true }): SvdResult;
export function svd(a: ArrayInput, options: SvdOptions & { computeUv: false }): NDArray;
export function svd(a: ArrayInput, options?: SvdOptions): SvdResult | NDArray;
export function svd(a: ArrayInput, options: SvdOptions = {}): SvdResult | NDArray {
  const fn = "svd";
  checkOptions(fn, SVD_OPTIONS, options);
  const A = asArray(a);
  assertStacked2d(A, fn);
  const full = options.fullMatrices ?? true;
  const computeUv = options.computeUv ?? true;
  if (options.hermitian) return svdHermitian(A, computeUv);
  const nb = blockSizeOf(options, BLOCK_SIZES.bidiagonal, fn);
  const m = A.shape[A.ndim - 2];
  const n = A.shape[A.ndim - 1];
  const k = Math.min(m, n);
  const dtype = workDType(A.dtype);
  const complex = dtype === "complex128";
  const sDType = dtype === "float32" ? "float32" : "float64";
  const batch = batchShapeOf(A, 2);
  const offs = batchOffsets(A, batch, 2);
  const { rs, cs } = matrixStrides(A);
  // the tall problem: M×N with M ≥ N (Aᴴ for wide A)
  const tall = m >= n;
  const M = Math.max(m, n);
  const N = k;
  const uCols = computeUv && full ? M : N;
  const S = stackOf(batch, [k], sDType);
  const U = computeUv ? stackOf(batch, full ? [m, m] : [m, k], dtype) : null;
  const Vh = computeUv ? stackOf(batch, full ? [n, n] : [k, n], dtype) : null;
  // the working matrix: in WebAssembly memory when a backend has it (withWork), so that the
  // bidiagonalisation's matrix–vector products and the updates by gemm run there in place
  withWork(complex ? "complex128" : "float64", [M * Math.max(N, uCols)], ([Wf]) => {
    const W = Wf as Float64Array;
    for (let p = 0; p < offs.length; p++) {
      W.fill(0);
      loadMatrix(A, offs[p], rs, cs, m, n, W, 0, M, complex, !tall, !tall);
      // NaN/Inf: LinAlgError; 0. max|a_ij| into [2⁻⁴⁵⁹, 2⁴⁵⁹] by f = 2^e (dgesdd's dlascl
      // step; safe-scale.ts), both in one scan
      const f = finiteScaleIntoRange(W, M * N, complex, fn);
      const r = complex
        ? zsvdTall(M, N, W, computeUv, uCols, fn)
        : svdTall(M, N, W, computeUv, uCols, nb, fn, options.divideAndConquer, options.blockSize !== undefined);
      // σ(A) = σ(f·A)/f; U and V are those of f·A
      for (let i = 0; i < k; i++) S.data[p * k + i] = r.s[i] / f;
      if (!U || !Vh || !r.U || !r.V) continue;
      const uRows = U.shape[U.ndim - 1];
      const vRows = Vh.shape[Vh.ndim - 2];
      if (tall) {
        // A = U_t·Σ·V_tᴴ: U = U_t, Vh = V_tᴴ
        storeMatrix(r.U, 0, M, m, uRows, U, p * m * uRows);
        storeMatrix(r.V, 0, N, n, n, Vh, p * n * n, "full", true, true);
      } else {
        // Aᴴ = U_t·Σ·V_tᴴ  ⇒  A = V_t·Σ·U_tᴴ: U = V_t (m×m), Vh = U_tᴴ
        storeMatrix(r.V, 0, N, m, m, U, p * m * m);
        storeMatrix(r.U, 0, M, vRows, n, Vh, p * vRows * n, "full", true, true);
      }
    }
  });
  if (!computeUv) return S;
  return namedTuple({ U: U as NDArray, S, Vh: Vh as NDArray }, ["U", "S", "Vh"]);
}

/**
 * NumPy's `svd(a, hermitian=True)`: A = Z·Λ·Zᴴ (eigh) gives A = U·|Λ|·Vᴴ with U = Z and
 * V = Z·sign(Λ), the columns ordered by |λ| descending.
 */
function svdHermitian(A: NDArray, computeUv: boolean): SvdResult | NDArray {
  const n = A.shape[A.ndim - 1];
  if (!computeUv) {
    // σ = sort(|λ|) descending
    const w = eigvalsh(A);
    const out = w.copy();
    const count = n === 0 ? 0 : w.size / n;
    for (let p = 0; p < count; p++) {
      const s = Array.from(w.data.subarray(p * n, (p + 1) * n) as Float64Array, Math.abs).sort((x, y) => y - x);
      for (let i = 0; i < n; i++) out.data[p * n + i] = s[i];
    }
    return out;
  }
  const { eigenvalues: w, eigenvectors: Z } = eigh(A);
  const S = w.copy();
  const U = Z.copy();
  const Vh = Z.copy();
  const complex = Z.dtype === "complex128";
  const count = n === 0 ? 0 : w.size / n;
  for (let p = 0; p < count; p++) {
    const lam = Array.from(w.data.subarray(p * n, (p + 1) * n) as Float64Array);
    const order = lam.map((_, i) => i).sort((x, y) => Math.abs(lam[y]) - Math.abs(lam[x]));
    for (let jNew = 0; jNew < n; jNew++) {
      const j = order[jNew];
      const sg = lam[j] < 0 ? -1 : 1;
      S.data[p * n + jNew] = Math.abs(lam[j]);
      for (let i = 0; i < n; i++) {
        const src = p * n * n + i * n + j;
        if (complex) {
          const [zr, zi] = [Z.data[2 * src], Z.data[2 * src + 1]];
          // U[i, jNew] = z_ij;  Vh[jNew, i] = conj(sign·z_ij)
          U.data[2 * (p * n * n + i * n + jNew)] = zr;
          U.data[2 * (p * n * n + i * n + jNew) + 1] = zi;
          Vh.data[2 * (p * n * n + jNew * n + i)] = sg * zr;
          Vh.data[2 * (p * n * n + jNew * n + i) + 1] = -sg * zi;
        } else {
          U.data[p * n * n + i * n + jNew] = Z.data[src];
          Vh.data[p * n * n + jNew * n + i] = sg * Z.data[src];
        }
      }
    }
  }
  return namedTuple({ U, S, Vh }, ["U", "S", "Vh"]);
}

/** Validate a `hermitian` flag's companion: NumPy requires a square matrix for eigh. */
export function assertHermitianSquare(A: NDArray, fn: string): void {
  const m = A.shape[A.ndim - 2];
  const n = A.shape[A.ndim - 1];
  if (m !== n) throw new ValueError(`${fn}: hermitian=true needs square matrices, got shape (${A.shape.join(", ")})`);
}
