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
 *
 * On exit: `{ x, residuals, rank, s }` with NumPy 1.24's rules: residuals are the squared
 * 2-norms of the columns of b − A·x, shape (K,) ((1,) for 1-D b), only when rank = N and
 * M > N, otherwise shape (0,); rank counts σ_i > rcond·σ_max; s holds all σ_i, descending.
 * rcond: omitted or negative means machine precision (NumPy 1.24's old default, rcond = −1,
 * which reaches LAPACK as eps); null means eps·max(M, N) (NumPy's new default).
 *
 * Invariant: x is backward stable (never forms AᴴA): ‖Aᴴ·(A·x − b)‖ ≤ c·max(m, n)·eps·‖A‖·(‖A‖·‖x‖ + ‖b‖)
 * for full-rank problems. Reference: Golub & Van Loan, "Matrix Computations", 4th ed., §5.5
 * (Algorithm 5.5.1); LAPACK dgelsd; NumPy linalg.lstsq.
 */
import * as np from "@sliderule/ndarray";
import type { NDArray } from "@sliderule/ndarray";
import { LinAlgError } from "../errors.js";
import { BLOCK_SIZES } from "../tuning.js";
import { asArray, loadMatrix, workDType, type ArrayInput } from "../util/batch.js";
import { gemmColMajor } from "../util/gemm.js";
import { assertFiniteWork, svdTall, zsvdTall } from "./svd.js";

export interface LstsqOptions {
  /** Cutoff ratio for small singular values (default: machine precision, NumPy 1.24's rcond=-1; null: eps·max(M, N)). */
  rcond?: number | null;
}

/** `lstsq`'s result. */
export interface LstsqResult {
  /** (N,) for 1-D b, else (N, K): the minimum-norm least-squares solution. */
  x: NDArray;
  /** (K,) or (1,) squared residual norms when rank = N < M, else (0,). */
  residuals: NDArray;
  /** The effective rank of a. */
  rank: number;
  /** (min(M, N),): the singular values of a, descending. */
  s: NDArray;
}

/**
 * Least-squares solution of a·x = b (NumPy's `np.linalg.lstsq`).
 *
 * @param a `(M, N)`.
 * @param b `(M,)` or `(M, K)`.
 * @returns `{ x, residuals, rank, s }` (see the file header); float32 for float32 inputs,
 *   complex128 if either is complex (residuals and s real), float64 otherwise.
 * @throws LinAlgError "Incompatible dimensions" when b's rows differ from M; "N-dimensional
 *   array given. Array must be two-dimensional" for stacks (as NumPy 1.24); kind
 *   "noConvergence" for NaN/Inf or an SVD that does not converge.
 *
 * Notes: SVD (QR first for tall a), minimum-norm solution as LAPACK dgelsd returns.
 *
 * @example
 *   const { x } = linalg.lstsq([[1, 0], [0, 1], [1, 1]], [1, 1, 2]);
 *   assert.close(x.toArray(), [1, 1]);
 */
export function lstsq(a: ArrayInput, b: ArrayInput, options: LstsqOptions = {}): LstsqResult {
  const fn = "lstsq";
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
  // the cutoff ratio LAPACK sees
  const eps = dtype === "float32" ? 2 ** -24 : 2 ** -53;
  let rcond = options.rcond === undefined ? -1 : options.rcond === null ? 2 * eps * Math.max(m, n) : options.rcond;
  if (rcond <= 0 || rcond >= 1) rcond = eps;
  const slots = complex ? 2 : 1;
  const tall = m >= n;
  const M = Math.max(m, n);
  const N = Math.min(m, n);
  // the tall problem's SVD: U_t (M×N), V_t (N×N), σ
  const W = new Float64Array(slots * M * Math.max(N, 1));
  loadMatrix(A, A.offset, A.strides[0], A.strides[1], m, n, W, 0, M, complex, !tall, !tall);
  assertFiniteWork(W, slots * M * N, fn, "SVD did not converge in Linear Least Squares");
  const Bw = new Float64Array(slots * m * k);
  loadMatrix(B, B.offset, B.strides[0], B.strides[1], m, k, Bw, 0, m, complex);
  const svdr = complex ? zsvdTall(M, N, W, true, N, fn) : svdTall(M, N, W, true, N, BLOCK_SIZES.bidiagonal, fn);
  const s = svdr.s;
  const Ut = svdr.U as Float64Array;
  const Vt = svdr.V as Float64Array;
  // Σ⁺ and the rank
  const cutoff = rcond * (N > 0 ? s[0] : 0);
  const sPlus = new Float64Array(N);
  let rank = 0;
  for (let i = 0; i < N; i++) {
    if (s[i] > cutoff) {
      sPlus[i] = 1 / s[i];
      rank++;
    }
  }
  // x = L·Σ⁺·(Rᴴ·b): tall (L, R) = (V_t, U_t), wide (L, R) = (U_t, V_t)
  const [L, ldl, R, ldr] = tall ? [Vt, N, Ut, M] : [Ut, M, Vt, N];
  const X = new Float64Array(slots * n * k);
  const Y = new Float64Array(slots * N * k);
  if (!complex) {
    gemmColMajor(N, k, m, 1, R, 0, ldr, true, Bw, 0, m, false, 0, Y, 0, N);
    for (let j = 0; j < k; j++) for (let i = 0; i < N; i++) Y[i + j * N] *= sPlus[i];
    gemmColMajor(n, k, N, 1, L, 0, ldl, false, Y, 0, N, false, 0, X, 0, n);
  } else {
    zgemmH(N, k, m, R, ldr, Bw, m, Y, N);
    for (let j = 0; j < k; j++) {
      for (let i = 0; i < N; i++) {
        Y[2 * (i + j * N)] *= sPlus[i];
        Y[2 * (i + j * N) + 1] *= sPlus[i];
      }
    }
    zgemm(n, k, N, L, ldl, Y, N, X, n);
  }
  if (m === 0) X.fill(0);
  // outputs (x row-major)
  const x = np.zeros(is1d ? [n] : [n, k], outDType);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < k; j++) {
      if (complex) {
        x.data[2 * (i * k + j)] = X[2 * (i + j * n)];
        x.data[2 * (i * k + j) + 1] = X[2 * (i + j * n) + 1];
      } else {
        x.data[i * k + j] = X[i + j * n];
      }
    }
  }
  let residuals: NDArray;
  if (rank === n && m > n) {
    // ‖b_j − A·x_j‖² per column, computed directly
    residuals = np.zeros([k], realDType);
    const Aw = new Float64Array(slots * m * n);
    loadMatrix(A, A.offset, A.strides[0], A.strides[1], m, n, Aw, 0, m, complex);
    for (let j = 0; j < k; j++) {
      let scale = 0;
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
        scale = Math.max(scale, Math.abs(re), Math.abs(im));
      }
      let ssq = 0;
      if (scale > 0) for (let i = 0; i < r.length; i++) ssq += (r[i] / scale) ** 2;
      residuals.data[j] = scale * scale * ssq;
    }
  } else {
    residuals = np.zeros([0], realDType);
  }
  const S = np.zeros([N], realDType);
  for (let i = 0; i < N; i++) S.data[i] = s[i];
  return { x, residuals, rank, s: S };
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
