/**
 * Complex Householder QR (LAPACK zgeqr2, zung2r, zunm2r), unblocked; the reflectors (zlarfg,
 * zlarf) are in complex/householder.ts.
 *
 *   A = Q·R,   Q = H_0·H_1···H_{k−1},   H_j = I − tau_j·v_j·v_jᴴ
 *
 * on complex128 column-major blocks (element (i, j) at (A[2e], A[2e + 1]),
 * e = aOff + i + j·lda). A complex reflector is not Hermitian when tau is not real; LAPACK's
 * zlarfg chooses
 *
 *   beta = −sign(Re alpha)·‖[alpha; x]‖₂  (real),   tau = (beta − alpha) / beta,
 *   v = [1; x / (alpha − beta)],   so that  H_jᴴ·[alpha; x] = [beta; 0]
 *
 * and zgeqr2 applies H_jᴴ to the trailing columns, leaving R with a real diagonal. Outputs on
 * exit are those of the real geqr2 (dense/qr.ts): R above, v_j[1:] below the diagonal, tau
 * interleaved (tau[2j], tau[2j + 1]).
 *
 * Invariant: Q·R = A, QᴴQ = I up to rounding (backward stable).
 * Reference: Golub & Van Loan, "Matrix Computations", 4th ed., §5.1.13 (complex Householder);
 * LAPACK zlarfg, zgeqr2, zung2r, zunm2r. Complex128 is computed by unblocked routines only.
 */
import { zlarfg, zlarfLeft } from "./householder.js";

/** Unblocked complex QR (LAPACK zgeqr2): R and the reflectors overwrite A; tau interleaved from tau[2·tauOff]. */
export function zgeqr2(m: number, n: number, A: Float64Array, aOff: number, lda: number, tau: Float64Array, tauOff: number): void {
  const k = Math.min(m, n);
  for (let j = 0; j < k; j++) {
    const ajj = aOff + j + j * lda;
    // H_jᴴ zeroes A[j+1:m, j]
    const [tr, ti] = zlarfg(m - j, A, ajj, ajj + 1, 1);
    tau[2 * (tauOff + j)] = tr;
    tau[2 * (tauOff + j) + 1] = ti;
    // A[j:m, j+1:n] := H_jᴴ·A[j:m, j+1:n]  (H_jᴴ = I − conj(tau)·v·vᴴ)
    if (j + 1 < n) {
      const br = A[2 * ajj];
      const bi = A[2 * ajj + 1];
      A[2 * ajj] = 1;
      A[2 * ajj + 1] = 0;
      zlarfLeft(m - j, n - j - 1, A, ajj, tr, -ti, A, ajj + lda, lda);
      A[2 * ajj] = br;
      A[2 * ajj + 1] = bi;
    }
  }
}

/** Form the m×n Q₁ = first n columns of H_0···H_{k−1} in place (LAPACK zung2r; m ≥ n ≥ k). */
export function zung2r(m: number, n: number, k: number, A: Float64Array, aOff: number, lda: number, tau: Float64Array, tauOff: number): void {
  for (let j = k; j < n; j++) {
    for (let i = 0; i < m; i++) {
      A[2 * (aOff + i + j * lda)] = 0;
      A[2 * (aOff + i + j * lda) + 1] = 0;
    }
    A[2 * (aOff + j + j * lda)] = 1;
  }
  for (let j = k - 1; j >= 0; j--) {
    const ajj = aOff + j + j * lda;
    const tr = tau[2 * (tauOff + j)];
    const ti = tau[2 * (tauOff + j) + 1];
    // columns j+1..n−1 := H_j·(…)
    if (j + 1 < n) {
      A[2 * ajj] = 1;
      A[2 * ajj + 1] = 0;
      zlarfLeft(m - j, n - j - 1, A, ajj, tr, ti, A, ajj + lda, lda);
    }
    // column j := H_j·e_j = e_j − tau·v
    for (let i = j + 1; i < m; i++) {
      const e = 2 * (ajj + i - j);
      const vr = A[e];
      const vi = A[e + 1];
      A[e] = -(tr * vr - ti * vi);
      A[e + 1] = -(tr * vi + ti * vr);
    }
    A[2 * ajj] = 1 - tr;
    A[2 * ajj + 1] = -ti;
    for (let i = 0; i < j; i++) {
      A[2 * (aOff + i + j * lda)] = 0;
      A[2 * (aOff + i + j * lda) + 1] = 0;
    }
  }
}

/** C := Qᴴ·C = H_{k−1}ᴴ···H_0ᴴ·C for the m×nrhs complex block C (LAPACK zunm2r, trans = C). */
export function zunmqrH(
  m: number,
  nrhs: number,
  k: number,
  A: Float64Array,
  aOff: number,
  lda: number,
  tau: Float64Array,
  C: Float64Array,
  cOff: number,
  ldc: number,
): void {
  for (let j = 0; j < k; j++) {
    const ajj = aOff + j + j * lda;
    const br = A[2 * ajj];
    const bi = A[2 * ajj + 1];
    A[2 * ajj] = 1;
    A[2 * ajj + 1] = 0;
    zlarfLeft(m - j, nrhs, A, ajj, tau[2 * j], -tau[2 * j + 1], C, cOff + j, ldc);
    A[2 * ajj] = br;
    A[2 * ajj + 1] = bi;
  }
}
