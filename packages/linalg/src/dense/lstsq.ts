/**
 * Least squares by the SVD (NumPy's `np.linalg.lstsq`; the result of LAPACK dgelsd).
 *
 *   x = argmin ‖A·x − b‖₂, and of all minimisers the one of least ‖x‖₂:
 *   A = U·Σ·Vᴴ  ⇒  x = V·Σ⁺·Uᴴ·b,   Σ⁺ = diag(1/σ_i for σ_i > rcond·σ_max, else 0)
 *
 * Works for tall, square, wide and rank-deficient A (a QR solve needs full column rank). The
 * SVD is that of the tall orientation (svd.ts): for A tall, A = U_t·Σ·V_tᴴ and
 * x = V_t·Σ⁺·(U_tᴴ·b); for A wide, Aᴴ = U_t·Σ·V_tᴴ, so x = U_t·Σ⁺·(V_tᴴ·b). Tall A with
 * m ≥ 1.6·n goes through QR first, so the dominant cost is one Householder QR of A.
 * For real input U_t is never formed (LAPACK dgelss's path, `lstsqReal`): the reflectors of
 * the QR and of the bidiagonalisation are applied to b, and the bidiagonal SVD's left
 * rotations to the small N×K right-hand side only; complex input forms the SVD explicitly.
 * Real tall A through QR with K ≤ N right-hand sides and full column rank (every σ_i above the
 * cutoff, the σ coming from R's bidiagonal form without vectors): the minimiser is unique, and
 * x = R⁻¹·(Qᵀ·b)[0:N] by back substitution (the QR method, equally backward stable) skips the
 * singular vectors: about a fifth less time for 2000×50 (bench/ml-models.bench.ts ml-linreg).
 *
 * Scaling first, as dgelsd: A and b are each multiplied by a power of two (safe-scale.ts) when
 * their largest entry lies outside [2⁻⁴⁵⁹, 2⁴⁵⁹], so that the SVD neither under- nor overflows;
 * (f_A·A)·x' = f_b·b gives x = x'·f_A/f_b, σ = σ'/f_A, residuals = residuals'/f_b².
 *
 * On exit: `{ x, residuals, rank, s }` with NumPy's rules: residuals are the squared 2-norms
 * of the columns of b − A·x, shape (K,) ((1,) for 1-D b), only when rank = N and M > N,
 * otherwise shape (0,); rank counts σ_i > rcond·σ_max; s holds all σ_i, descending.
 * rcond: omitted or null means eps·max(M, N) (NumPy 2's default, eps = 2⁻⁵², the float64 the
 * SVD runs in, also for float32 input, as NumPy); negative, 0 or ≥ 1 means 2⁻⁵³ (dgelsd's
 * rule, reached by NumPy 1.24's old default rcond = −1). The old default eps sat below the
 * rounding noise of any SVD (σ ≈ 0.2–1·eps·σ_max for an exactly rank-deficient A): the
 * rank-1 outer(v, v) of v = [1, 2, 3, 4] got σ_2 = 4.9e−15 > 2⁻⁵³·30 = 3.3e−15 here (1.4e−15 in
 * LAPACK), so rank 2 and ‖x‖ ≈ 1e14; eps·max(M, N) keeps such noise out.
 *
 * Invariant: x is backward stable (never forms AᴴA): ‖Aᴴ·(A·x − b)‖ ≤ c·max(m, n)·eps·‖A‖·(‖A‖·‖x‖ + ‖b‖)
 * for full-rank problems. Reference: Golub & Van Loan, "Matrix Computations", 4th ed., §5.5
 * (Algorithm 5.5.1); LAPACK dgelsd; NumPy linalg.lstsq.
 */
import * as np from "@sliderule/ndarray";
import { namedTuple, ValueError, type NamedTuple, type NDArray } from "@sliderule/ndarray";
import { LinAlgError } from "../errors.js";
import { BLOCK_SIZES, MN_RATIO } from "../tuning.js";
import { asArray, loadMatrix, storeMatrix, withWork, workDType, type ArrayInput } from "../util/batch.js";
import { colMajor, gemm, T, upper } from "@sliderule/ndarray/kernels";
import { larfLeft } from "../primitives/householder.js";
import { trsm } from "../primitives/triangular-solve.js";
import { bdsqr } from "./bidiagonal-svd.js";
import { orgbrP } from "./bidiagonalize.js";
import { gebrdFast } from "./bidiagonalize-fast.js";
import { geqrfFast } from "./qr.js";
import { rescale, scaleIntoRange, SVD_RANGE } from "../primitives/safe-scale.js";
import { finiteScaleIntoRange, zsvdTall } from "./svd.js";
import { checkOptions, OPTION, optionsSchema, show } from "../util/options.js";
import { ULP, UNIT_ROUNDOFF } from "../machine.js";

/** The options lstsq accepts (util/options.ts); rcond is checked below. */
const LSTSQ_OPTIONS = optionsSchema({ rcond: OPTION.any });

export interface LstsqOptions {
  /** Cutoff ratio for small singular values, relative to σ_max (default / null: eps·max(M, N), NumPy 2's; ≤ 0 or ≥ 1: 2⁻⁵³, dgelsd's). */
  rcond?: number | null;
}

/** `lstsq`'s result. */
export interface LstsqFields {
  /** (N,) for 1-D b, else (N, K): the minimum-norm least-squares solution. */
  x: NDArray;
  /** (K,) or (1,) squared residual norms when rank = N < M, else (0,). */
  residuals: NDArray;
  /** The effective rank of a. */
  rank: number;
  /** (min(M, N),): the singular values of a, descending. */
  s: NDArray;
}

/** LstsqFields, also iterable in NumPy's tuple order: `[x, residuals, rank, s]`. */
export type LstsqResult = NamedTuple<LstsqFields, ["x", "residuals", "rank", "s"]>;

/**
 * Least-squares solution of a·x = b (NumPy's `np.linalg.lstsq`).
 *
 * @param a `(M, N)`.
 * @param b `(M,)` or `(M, K)`.
 * @returns `{ x, residuals, rank, s }` (see the file header); float32 for float32 inputs,
 *   complex128 if either is complex (residuals and s real), float64 otherwise.
 * @throws LinAlgError "Incompatible dimensions" when b's rows differ from M; "N-dimensional
 *   array given. Array must be two-dimensional" for stacks (as NumPy 1.24); kind
 *   "noConvergence" for NaN/Inf or an SVD that does not converge. ValueError for an rcond
 *   that is not a number or null, or is NaN.
 *
 * Notes: SVD (QR first for tall a; U applied to b, never formed), minimum-norm solution as
 *   LAPACK dgelsd returns.
 *
 * @example
 *   const { x } = linalg.lstsq([[1, 0], [0, 1], [1, 1]], [1, 1, 2]);
 *   assert.close(x.toArray(), [1, 1]);
 */
export function lstsq(a: ArrayInput, b: ArrayInput, options: LstsqOptions = {}): LstsqResult {
  const fn = "lstsq";
  checkOptions(fn, LSTSQ_OPTIONS, options);
  const A = asArray(a);
  const B0 = asArray(b);
  const is1d = B0.ndim === 1;
  const B = is1d ? B0.reshape([B0.shape[0], 1]) : B0;
  for (const X of [A, B]) {
    if (X.ndim !== 2) throw new LinAlgError(`${fn}: ${X.ndim}-dimensional array given. Array must be two-dimensional`, "invalidInput");
  }
  const [m, n] = A.shape;
  const [m2, k] = B.shape;
  if (m !== m2) throw new LinAlgError(`${fn}: Incompatible dimensions: a ${A.shape.join("×")}, b with ${m2} rows`, "invalidInput");
  const dtype = workDType(A.dtype, B.dtype);
  const complex = dtype === "complex128";
  const realDType = dtype === "float32" ? "float32" : "float64";
  const outDType = complex ? "complex128" : realDType;
  const rcond = rcondOf(fn, options.rcond, m, n);
  const slots = complex ? 2 : 1;
  const tall = m >= n;
  const M = Math.max(m, n);
  const N = Math.min(m, n);
  // the tall problem's SVD: U_t (M×N), V_t (N×N), σ. W, the working matrix, lies in
  // WebAssembly memory when a backend has it (withWork, real input): its QR and the block
  // reflectors then run there in place. Nothing returned aliases it.
  const Bw = new Float64Array(slots * m * k);
  let fA = 1;
  let fB = 1;
  // real, tall enough for QR first, few right-hand sides: W gets room for b beside A (lstsqReal)
  const bInQr = !complex && tall && N > 0 && M >= MN_RATIO * N && k <= N;
  const solveOn = (W: Float64Array): { s: Float64Array; X: Float64Array; tail: Float64Array | null } => {
    loadMatrix(A, A.offset, A.strides[0], A.strides[1], m, n, W, 0, M, complex, !tall, !tall);
    loadMatrix(B, B.offset, B.strides[0], B.strides[1], m, k, Bw, 0, m, complex);
    // NaN/Inf: LinAlgError; 0. max|a_ij| and max|b_ij| into [2⁻⁴⁵⁹, 2⁴⁵⁹] (dgelsd's dlascl
    // steps; safe-scale.ts), A's check and scaling in one scan
    fA = finiteScaleIntoRange(W, M * N, complex, fn, "SVD did not converge in Linear Least Squares");
    fB = scaleIntoRange(Bw, 0, m * k, SVD_RANGE, complex);
    if (!complex) return lstsqReal(M, N, W, tall, Bw, k, rcond, BLOCK_SIZES.bidiagonal, fn, bInQr);
    // complex: the explicit SVD of the tall problem, x = L·Σ⁺·(Rᴴ·b)
    const svdr = zsvdTall(M, N, W, true, N, fn);
    const sPlus = pseudoInverseOf(svdr.s, rcond * (N > 0 ? svdr.s[0] : 0));
    const Ut = svdr.U as Float64Array;
    const Vt = svdr.V as Float64Array;
    // tall (L, R) = (V_t, U_t), wide (L, R) = (U_t, V_t)
    const [L, ldl, R, ldr] = tall ? [Vt, N, Ut, M] : [Ut, M, Vt, N];
    const Xc = new Float64Array(2 * n * k);
    const Y = new Float64Array(2 * N * k);
    zgemmH(N, k, m, R, ldr, Bw, m, Y, N);
    for (let j = 0; j < k; j++) {
      for (let i = 0; i < N; i++) {
        Y[2 * (i + j * N)] *= sPlus[i];
        Y[2 * (i + j * N) + 1] *= sPlus[i];
      }
    }
    zgemm(n, k, N, L, ldl, Y, N, Xc, n);
    return { s: svdr.s, X: Xc, tail: null };
  };
  const { s, X, tail } = withWork(complex ? "complex128" : "float64", [M * Math.max(N + (bInQr ? k : 0), 1)], ([W]) => solveOn(W as Float64Array));
  const cutoff = rcond * (N > 0 ? s[0] : 0);
  let rank = 0;
  for (let i = 0; i < N; i++) if (s[i] > cutoff) rank++;
  if (m === 0) X.fill(0);
  // undo step 0: x = x'·f_A/f_b, σ = σ'/f_A, ‖b − A·x‖² = ‖b' − A'·x'‖²/f_b²
  rescale(X, 0, X.length, fB, fA);
  rescale(s, 0, N, fA, 1);
  if (tail) for (let t = 0; t < 2; t++) rescale(tail, 0, k, fB, 1);
  if (fB !== 1) loadMatrix(B, B.offset, B.strides[0], B.strides[1], m, k, Bw, 0, m, complex);
  // outputs: x row-major from the column-major n×k block X (one problem: lstsq takes no stacks)
  const x = np.zeros(is1d ? [n] : [n, k], outDType);
  storeMatrix(X, 0, n, n, k, x, 0);
  let residuals: NDArray;
  if (rank === n && m > n && tail) {
    // real: ‖b_j − A·x_j‖² = ‖(Qᵀ·b_j)[n:m]‖², the part of b no column of A reaches (as NumPy)
    residuals = np.zeros([k], realDType);
    for (let j = 0; j < k; j++) residuals.data[j] = tail[j];
  } else if (rank === n && m > n) {
    // complex: ‖b_j − A·x_j‖² per column, computed directly
    residuals = np.zeros([k], realDType);
    const Aw = new Float64Array(slots * m * n);
    loadMatrix(A, A.offset, A.strides[0], A.strides[1], m, n, Aw, 0, m, complex);
    for (let j = 0; j < k; j++) {
      const r = new Float64Array(slots * m);
      for (let i = 0; i < m; i++) {
        let re = Bw[slots * (i + j * m)];
        let im = complex ? Bw[2 * (i + j * m) + 1] : 0;
        for (let t = 0; t < n; t++) {
          if (complex) {
            const [ar, ai] = [Aw[2 * (i + t * m)], Aw[2 * (i + t * m) + 1]];
            const [xr, xi] = [X[2 * (t + j * n)], X[2 * (t + j * n) + 1]];
            re -= ar * xr - ai * xi;
            im -= ar * xi + ai * xr;
          } else {
            re -= Aw[i + t * m] * X[t + j * n];
          }
        }
        r[slots * i] = re;
        if (complex) r[2 * i + 1] = im;
      }
      residuals.data[j] = sumOfSquares(r, 0, r.length);
    }
  } else {
    residuals = np.zeros([0], realDType);
  }
  const S = np.zeros([N], realDType);
  for (let i = 0; i < N; i++) S.data[i] = s[i];
  return namedTuple({ x, residuals, rank, s: S }, ["x", "residuals", "rank", "s"]);
}

/**
 * x = R⁻¹·c for the QR of [A b] (M×(N+k)) in W, A of full column rank: c = (Q_Aᵀ·b)[0:N]
 * stands in columns N.. of W, R in its upper triangle; back substitution (Golub & Van Loan
 * §5.3.3, the QR method for full-rank least squares: backward stable, Higham, "Accuracy and
 * Stability of Numerical Algorithms", 2nd ed., Thm 20.3). Returns X, N×k column-major.
 */
function solveWithR(M: number, N: number, W: Float64Array, k: number): Float64Array {
  const X = new Float64Array(N * k);
  for (let j = 0; j < k; j++) for (let i = 0; i < N; i++) X[i + j * N] = W[i + (N + j) * M];
  trsm(upper(colMajor(W, N, N, 0, M)), colMajor(X, N, k), BLOCK_SIZES.triangular);
  return X;
}

/**
 * ‖(Q_Aᵀ·b_j)[N:M]‖² per right-hand side, from the QR of [A b] in W: the squared norm of
 * column N+j's rows N..min(N+j, M−1) (below them the QR left zeros), summed scaled.
 */
function residualTail(M: number, N: number, W: Float64Array, k: number): Float64Array {
  const tail = new Float64Array(k);
  for (let j = 0; j < k; j++) tail[j] = sumOfSquares(W, (N + j) * M + N, (N + j) * M + Math.min(N + j, M - 1) + 1);
  return tail;
}

/**
 * Σ X[i]² for from ≤ i < to, summed scaled (s = max |X[i]|, then s²·Σ (X[i]/s)²), so that
 * no square overflows or underflows on the way (the idea of LAPACK dlassq, in two passes).
 */
function sumOfSquares(X: Float64Array, from: number, to: number): number {
  let scale = 0;
  for (let i = from; i < to; i++) scale = Math.max(scale, Math.abs(X[i]));
  let ssq = 0;
  if (scale > 0) for (let i = from; i < to; i++) ssq += (X[i] / scale) ** 2;
  return scale * scale * ssq;
}

/**
 * The cutoff ratio: NumPy 2's default eps·max(m, n) for undefined or null; dgelsd's 2⁻⁵³ for
 * rcond ≤ 0 or ≥ 1 (NumPy passes rcond to LAPACK as is); else rcond.
 * @throws ValueError for anything but a number (not NaN) or null.
 */
function rcondOf(fn: string, rcond: unknown, m: number, n: number): number {
  if (rcond === undefined || rcond === null) return ULP * Math.max(m, n);
  if (typeof rcond !== "number" || Number.isNaN(rcond)) throw new ValueError(`${fn}: rcond must be a number or null, got ${show(rcond)}`);
  return rcond <= 0 || rcond >= 1 ? UNIT_ROUNDOFF : rcond;
}

/** C (p×q) = Aᴴ·B, A: r×p (ld lda), B: r×q (ld ldb), complex interleaved column-major. */
function zgemmH(p: number, q: number, r: number, A: Float64Array, lda: number, B: Float64Array, ldb: number, C: Float64Array, ldc: number): void {
  for (let j = 0; j < q; j++) {
    for (let i = 0; i < p; i++) {
      let re = 0;
      let im = 0;
      for (let t = 0; t < r; t++) {
        const a = 2 * (t + i * lda);
        const b = 2 * (t + j * ldb);
        // conj(a)·b
        re += A[a] * B[b] + A[a + 1] * B[b + 1];
        im += A[a] * B[b + 1] - A[a + 1] * B[b];
      }
      C[2 * (i + j * ldc)] = re;
      C[2 * (i + j * ldc) + 1] = im;
    }
  }
}

/** C (p×q) = A·B, A: p×r (ld lda), B: r×q (ld ldb), complex interleaved column-major. */
function zgemm(p: number, q: number, r: number, A: Float64Array, lda: number, B: Float64Array, ldb: number, C: Float64Array, ldc: number): void {
  for (let j = 0; j < q; j++) {
    for (let i = 0; i < p; i++) {
      let re = 0;
      let im = 0;
      for (let t = 0; t < r; t++) {
        const a = 2 * (i + t * lda);
        const b = 2 * (t + j * ldb);
        re += A[a] * B[b] - A[a + 1] * B[b + 1];
        im += A[a] * B[b + 1] + A[a + 1] * B[b];
      }
      C[2 * (i + j * ldc)] = re;
      C[2 * (i + j * ldc) + 1] = im;
    }
  }
}

/** Σ⁺: 1/σ_i for σ_i above the cutoff, else 0. */
function pseudoInverseOf(s: Float64Array, cutoff: number): Float64Array {
  const sPlus = new Float64Array(s.length);
  for (let i = 0; i < s.length; i++) if (s[i] > cutoff) sPlus[i] = 1 / s[i];
  return sPlus;
}

/**
 * C := Qᵀ·C (`transpose`) or Q·C for Q = H_0·H_1···H_{r−1}, the reflectors stored below the
 * diagonal of the first r columns of V (m×r, ld ldv; as geqrf and gebrd leave them), C m×k
 * (ld ldc). Qᵀ = H_{r−1}···H_0 applies H_0 first, Q applies H_{r−1} first (LAPACK dormqr).
 */
function applyReflectors(
  transpose: boolean,
  m: number,
  r: number,
  V: Float64Array,
  ldv: number,
  tau: Float64Array,
  C: Float64Array,
  ldc: number,
  k: number,
): void {
  for (let t = 0; t < r; t++) {
    const i = transpose ? t : r - 1 - t;
    const vii = i + i * ldv;
    // H_i = I − tau_i·v·vᵀ acts on rows i..m−1; v_i[0] = 1 stands in for the diagonal entry
    const keep = V[vii];
    V[vii] = 1;
    larfLeft(m - i, k, V, vii, 1, tau[i], C, i, ldc);
    V[vii] = keep;
  }
}

/**
 * The real least-squares solve without forming U (LAPACK dgelss's path). W holds the tall
 * M×N problem A_t (A, or Aᵀ for wide A; ld M), Bw the m×k right-hand side (ld m).
 *
 *   A_t = Q·B·Pᵀ   (Q = Q_R·Q_B when QR comes first: A_t = Q_R·R, R = Q_B·B·Pᵀ)
 *   B = U_B·Σ·V_Bᵀ (bdsqr: the rotations of U_B go to the right-hand side, not to a matrix)
 *
 *   tall, A = A_t:   x = P·V_B·Σ⁺·U_Bᵀ·(Qᵀ·b)[0:N]      c = (Qᵀ·b)[0:N], c := U_Bᵀ·c
 *   wide, A = A_tᵀ:  x = Q·[U_B·Σ⁺·V_Bᵀ·(Pᵀ·b); 0]     c = Pᵀ·b,        c := V_Bᵀ·c
 *
 * bdsqr rotates the columns of its targets (Z := Z·U_B), so c rides along as cᵀ (k×N). For
 * 2000×50 the cost is the QR of A (2·m·n² flops) and nothing of size m×n after it. `tail`
 * (tall only): ‖(Qᵀ·b_j)[N:m]‖², the squared residuals when A has full rank.
 *
 * `bInQr` (tall, QR first, k ≤ N; W has room for M×(N+k)): b is factored with A, as columns
 * N..N+k−1 of W, so that A's reflectors reach b inside the QR kernel (in WebAssembly when W
 * is resident) instead of by one larf per reflector afterwards (dgelsd's dormqr):
 *
 *   QR of [A b]:  Q_Aᵀ·[A b] = [R  c; 0  t],  then b's own reflectors act on t's rows only
 *
 * so c = (Q_Aᵀ·b)[0:N] is read from rows 0..N−1 of b's columns, and ‖t_j‖ = ‖(Q_Aᵀ·b_j)[N:m]‖
 * (orthogonal reflectors keep the norm) is the norm of column N+j's rows N..min(N+j, M−1),
 * the upper trapezoid that b's reflectors leave there.
 */
function lstsqReal(
  M: number,
  N: number,
  W: Float64Array,
  tall: boolean,
  Bw: Float64Array,
  k: number,
  rcond: number,
  nb: number,
  fn: string,
  bInQr = false,
): { s: Float64Array; X: Float64Array; tail: Float64Array | null } {
  const m = tall ? M : N;
  const n = tall ? N : M;
  const d = new Float64Array(N);
  const e = new Float64Array(Math.max(N - 1, 0));
  const tauq = new Float64Array(N);
  const taup = new Float64Array(N);
  // 1. A_t = Q·B·Pᵀ; the bidiagonalised matrix is R (N×N) after a QR, else W itself
  const qrFirst = N > 0 && M >= MN_RATIO * N;
  if (bInQr && !(qrFirst && tall && k <= N)) throw new Error("internal: lstsqReal: bInQr needs tall A, QR first and k ≤ N");
  const tauR = new Float64Array(N + (bInQr ? k : 0));
  let Bd = W;
  let ldb = M;
  if (bInQr) {
    // [A b] (M×(N+k)): b beside A, factored together (see above)
    W.set(Bw.subarray(0, M * k), M * N);
    geqrfFast(colMajor(W, M, N + k), tauR, nb);
  } else if (qrFirst) {
    geqrfFast(colMajor(W, M, N), tauR, nb);
  }
  if (qrFirst) {
    Bd = new Float64Array(N * N);
    ldb = N;
    for (let j = 0; j < N; j++) for (let i = 0; i <= j; i++) Bd[i + j * N] = W[i + j * M];
  }
  gebrdFast(ldb, N, Bd, 0, ldb, d, e, tauq, taup, nb);
  if (bInQr) {
    // full column rank: the QR solution, when every σ clears the cutoff (σ of the bidiagonal
    // form without vectors: the very values the SVD route computes, so rank and s agree)
    const sigma = d.slice();
    bdsqr(N, sigma, e.slice(), undefined, undefined, fn);
    if (N > 0 && sigma[N - 1] > rcond * sigma[0]) return { s: sigma, X: solveWithR(M, N, W, k), tail: residualTail(M, N, W, k) };
  }
  const P = new Float64Array(N * N);
  orgbrP(N, Bd, 0, ldb, taup, P, 0, N, nb);
  /** C (rows×k, ld rows) := Qᵀ·C or Q·C. */
  const applyQ = (transpose: boolean, C: Float64Array, rows: number): void => {
    if (!qrFirst) {
      applyReflectors(transpose, rows, N, W, M, tauq, C, rows, k);
    } else if (transpose) {
      applyReflectors(true, rows, N, W, M, tauR, C, rows, k);
      applyReflectors(true, N, N, Bd, N, tauq, C, rows, k);
    } else {
      applyReflectors(false, N, N, Bd, N, tauq, C, rows, k);
      applyReflectors(false, rows, N, W, M, tauR, C, rows, k);
    }
  };
  // 2. c (N×k) and its transpose cT (k×N, ld k), the bdsqr target
  const cT = new Float64Array(k * N);
  let tail: Float64Array | null = null;
  const I = new Float64Array(N * N); // U_B for the wide case, starting from I
  if (bInQr) {
    // c = (Q_Aᵀ·b)[0:N] from the QR of [A b], then c := Q_Bᵀ·c (gebrd's left reflectors)
    const C = new Float64Array(N * k);
    for (let j = 0; j < k; j++) for (let i = 0; i < N; i++) C[i + j * N] = W[i + (N + j) * M];
    applyReflectors(true, N, N, Bd, N, tauq, C, N, k);
    for (let j = 0; j < k; j++) for (let i = 0; i < N; i++) cT[j + i * k] = C[i + j * N];
    tail = residualTail(M, N, W, k);
  } else if (tall) {
    const QtB = Bw.slice();
    applyQ(true, QtB, m);
    for (let j = 0; j < k; j++) for (let i = 0; i < N; i++) cT[j + i * k] = QtB[i + j * m];
    // ‖(Qᵀ·b_j)[N:m]‖²: the squared residual of column j when A has full rank (scaled sum)
    tail = new Float64Array(k);
    for (let j = 0; j < k; j++) tail[j] = sumOfSquares(QtB, N + j * m, (j + 1) * m);
  } else {
    // c = Pᵀ·b  (N×k), stored transposed: cT = bᵀ·P  (b: N×k, ld m)
    gemm(1, T(colMajor(Bw, N, k, 0, m)), colMajor(P, N, N), 0, colMajor(cT, k, N));
    for (let i = 0; i < N; i++) I[i + i * N] = 1;
  }
  // 3. B = U_B·Σ·V_Bᵀ with c := U_Bᵀ·c (tall) or V_Bᵀ·c (wide), and P := P·V_B or I := U_B
  const cTarget = colMajor(cT, k, N);
  if (tall) bdsqr(N, d, e, cTarget, colMajor(P, N, N), fn);
  else bdsqr(N, d, e, colMajor(I, N, N), cTarget, fn);
  // 4. y = Σ⁺·c (N×k), then x = L·y with L = P·V_B (tall) or Q·[U_B; 0] (wide)
  const sPlus = pseudoInverseOf(d, rcond * (N > 0 ? d[0] : 0));
  const Y = new Float64Array(N * k);
  for (let j = 0; j < k; j++) for (let i = 0; i < N; i++) Y[i + j * N] = sPlus[i] * cT[j + i * k];
  const X = new Float64Array(n * k);
  if (tall) {
    // X = P·y  (N×k, ld n)
    gemm(1, colMajor(P, N, N), colMajor(Y, N, k), 0, colMajor(X, N, k, 0, n));
  } else {
    // X[0:N, :] = U_B·y, X[N:M, :] = 0, then X := Q·X
    gemm(1, colMajor(I, N, N), colMajor(Y, N, k), 0, colMajor(X, N, k, 0, n));
    applyQ(false, X, n);
  }
  return { s: d, X, tail };
}
