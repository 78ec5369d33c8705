/**
 * Householder bidiagonalisation (LAPACK dgebd2 / dgebrd / dorgbr; complex zgebd2 / zungbr), the
 * first half of the SVD (svd.ts; the second half is bidiagonal-svd.ts).
 *
 *   Qᵀ·A·P = B,   A: m×n with m ≥ n,   B upper bidiagonal (d on the diagonal, e above it)
 *   Q = H_0·H_1···H_{n−1}  (m×m),   P = G_0·G_1···G_{n−2}  (n×n)
 *
 * Step i of gebd2 alternates two reflectors (primitives/householder.ts):
 *   1. H_i = I − tauq_i·u_i·u_iᵀ zeroes A[i+1:m, i] from the left:  A[i:m, i:n] := H_i·A[i:m, i:n];
 *   2. G_i = I − taup_i·v_i·v_iᵀ zeroes A[i, i+2:n] from the right: A[i:m, i+1:n] := A[i:m, i+1:n]·G_i.
 * On exit from gebd2:
 *   - d[i] = B[i, i], e[i] = B[i, i+1];
 *   - below the diagonal, column i: u_i[i+1:] (u_i is zero above row i and 1 at row i);
 *   - right of the superdiagonal, row i: v_i[i+2:] (v_i is zero before column i+1, 1 there);
 *   - tauq[i], taup[i]: the reflectors' scalars (taup[n−1] = 0).
 * `orgbrQ` and `orgbrP` turn the stored vectors into explicit Q and P (dorgbr); both reuse
 * QR's orgqr (P's vectors are first copied into QR's layout, one column to the right).
 *
 * The complex twin `zgebd2` (zlarfg makes every beta real) leaves a *real* bidiagonal B with
 * A = Q·B·Pᴴ, Q and P unitary, so that the real bidiagonal SVD finishes the job. Its right
 * reflector is built from the conjugated row: with x = A[i, i+1:n]ᴴ, zlarfg gives
 * Hᴴ·x = beta·e_0, hence A[i, i+1:n]·H = beta·e_0ᵀ, and G_i = H.
 *
 * Invariant: Q·B·Pᵀ = A up to c·m·n·eps·‖A‖ (Householder transformations are backward stable);
 * ‖QᵀQ − I‖ and ‖PᵀP − I‖ are O(m·eps). Wide matrices (m < n) are handled by the callers,
 * which bidiagonalise Aᴴ (tall) instead.
 *
 * The blocked gebrd reduces nb rows and columns at a time with labrd (LAPACK dlabrd): the
 * panel's reflectors are generated as in gebd2 (the spec, step for step), but the trailing
 * matrix is not updated inside the panel; the panel instead accumulates X and Y with
 *
 *   A22 := A22 − V·Yᵀ − X·Uᵀ       (two gemms after the panel: half the flops in gemm)
 *
 *        i0     i0+nb
 *      ⎡ B   │       ⎤     V: the panel's left vectors u_i (rows i0.., columns of the panel)
 *   i0 ⎢     │ panel ⎥     U: the panel's right vectors v_i (stored in its rows)
 *      ⎣     │  A22  ⎦     X (m×nb), Y (n×nb): what the reflectors would have done to A22
 *
 * Reference: Golub & Van Loan, "Matrix Computations", 4th ed., §5.4.8 (Algorithm 5.4.2);
 * LAPACK dgebd2, dgebrd, dlabrd, dorgbr, zgebd2; Dongarra, Hammarling & Sorensen, "Block
 * reduction of matrices to condensed forms for eigenvalue computations" (1989).
 */
import { zlarfg, zlarfLeft, zlarfRight } from "../complex/householder.js";
import { zung2r } from "../complex/qr.js";
import { colMajor, column, gemm, gemv, quadrants, row, sub, T, vector } from "@sliderule/ndarray/kernels";
import { larfg, larfLeft, larfRight } from "../primitives/householder.js";
import { withWork } from "../util/batch.js";
import { orgqrFast } from "./qr.js";

/**
 * Unblocked bidiagonalisation of the m×n (m ≥ n) column-major block A[aOff + i + j·lda]
 * (LAPACK dgebd2, upper bidiagonal case). Outputs as in the file header; d, e, tauq, taup
 * have n, n−1, n, n entries.
 */
export function gebd2(
  m: number,
  n: number,
  A: Float64Array,
  aOff: number,
  lda: number,
  d: Float64Array,
  e: Float64Array,
  tauq: Float64Array,
  taup: Float64Array,
): void {
  const work = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    const aii = aOff + i + i * lda;
    // 1. H_i zeroes A[i+1:m, i]; A[i, i] becomes d_i
    const tq = larfg(m - i, A, aii, aii + 1, 1);
    tauq[i] = tq;
    d[i] = A[aii];
    // A[i:m, i+1:n] := H_i·A[i:m, i+1:n]
    if (i + 1 < n) {
      A[aii] = 1;
      larfLeft(m - i, n - i - 1, A, aii, 1, tq, A, aii + lda, lda);
      A[aii] = d[i];
    }
    if (i < n - 1) {
      // 2. G_i zeroes A[i, i+2:n] (a row: stride lda); A[i, i+1] becomes e_i
      const ai1 = aii + lda;
      const tp = larfg(n - i - 1, A, ai1, ai1 + lda, lda);
      taup[i] = tp;
      e[i] = A[ai1];
      // A[i+1:m, i+1:n] := A[i+1:m, i+1:n]·G_i
      A[ai1] = 1;
      larfRight(m - i - 1, n - i - 1, A, ai1, lda, tp, A, ai1 + 1, lda, work);
      A[ai1] = e[i];
    } else {
      taup[i] = 0;
    }
  }
}

/**
 * Reduce the first nb rows and columns of the m×n (m ≥ n) block A to bidiagonal form
 * (LAPACK dlabrd, m ≥ n), returning X (m×nb, ld ldx) and Y (n×nb, ld ldy) such that the
 * trailing A[nb:m, nb:n] still needs A22 := A22 − V·Yᵀ − X·Uᵀ (the caller does it with gemm).
 * The reflectors, d, e, tauq, taup are those gebd2 would produce for these nb steps.
 */
export function labrd(
  m: number,
  n: number,
  nb: number,
  A: Float64Array,
  aOff: number,
  lda: number,
  d: Float64Array,
  e: Float64Array,
  tauq: Float64Array,
  taup: Float64Array,
  tOff: number,
  X: Float64Array,
  ldx: number,
  Y: Float64Array,
  ldy: number,
): void {
  const at = (i: number, j: number) => aOff + i + j * lda;
  // The panel as views: A (m×n), X (m×nb), Y (n×nb). Every update below is a matrix–vector
  // product with the panel's earlier columns, as in dlabrd's calls of dgemv (SIMD in gemv when
  // A, X and Y are resident); t1, t2 hold the small products Vᵀ·u, Xᵀ·u, Yᵀ·v, Uᵀ·v of length ≤ i + 1.
  const [Ab, Xb, Yb] = [colMajor(A, m, n, aOff, lda), colMajor(X, m, nb, 0, ldx), colMajor(Y, n, nb, 0, ldy)];
  const t1 = new Float64Array(nb + 1);
  const t2 = new Float64Array(nb + 1);
  for (let i = 0; i < nb; i++) {
    // A[i:m, i] −= A[i:m, 0:i]·Y[i, 0:i]ᵀ + X[i:m, 0:i]·A[0:i, i]  (the deferred updates of column i)
    if (i > 0) {
      gemv(-1, sub(Ab, i, 0, m - i, i), row(Yb, i, 0, i), 1, column(Ab, i, i, m - i));
      gemv(-1, sub(Xb, i, 0, m - i, i), column(Ab, 0, i, i), 1, column(Ab, i, i, m - i));
    }
    // H_i zeroes A[i+1:m, i]
    const aii = at(i, i);
    const tq = larfg(m - i, A, aii, aii + 1, 1);
    tauq[tOff + i] = tq;
    d[tOff + i] = A[aii];
    if (i < n - 1) {
      A[aii] = 1;
      // Y[i+1:n, i] = tauq·(A[i:m, i+1:n]ᵀ − Y[i+1:n, 0:i]·A[i:m, 0:i]ᵀ − A[0:i, i+1:n]ᵀ·X[i:m, 0:i]ᵀ)·u_i,
      // u_i = A[i:m, i]
      const u = column(Ab, i, i, m - i);
      const yCol = column(Yb, i + 1, i, n - i - 1);
      gemv(1, T(sub(Ab, i, i + 1, m - i, n - i - 1)), u, 0, yCol);
      if (i > 0) {
        // t1 = A[i:m, 0:i]ᵀ·u_i,  t2 = X[i:m, 0:i]ᵀ·u_i
        gemv(1, T(sub(Ab, i, 0, m - i, i)), u, 0, vector(t1, i));
        gemv(1, T(sub(Xb, i, 0, m - i, i)), u, 0, vector(t2, i));
        // Y[i+1:n, i] −= Y[i+1:n, 0:i]·t1 + A[0:i, i+1:n]ᵀ·t2
        gemv(-1, sub(Yb, i + 1, 0, n - i - 1, i), vector(t1, i), 1, yCol);
        gemv(-1, T(sub(Ab, 0, i + 1, i, n - i - 1)), vector(t2, i), 1, yCol);
      }
      const yi = i * ldy;
      for (let j = i + 1; j < n; j++) Y[yi + j] *= tq;

      // A[i, i+1:n] −= Y[i+1:n, 0:i+1]·A[i, 0:i+1]ᵀ + A[0:i, i+1:n]ᵀ·X[i, 0:i]ᵀ  (row i, updated; A[i, i] = 1 here)
      const aRow = row(Ab, i, i + 1, n - i - 1);
      gemv(-1, sub(Yb, i + 1, 0, n - i - 1, i + 1), row(Ab, i, 0, i + 1), 1, aRow);
      if (i > 0) gemv(-1, T(sub(Ab, 0, i + 1, i, n - i - 1)), row(Xb, i, 0, i), 1, aRow);
      A[aii] = d[tOff + i];

      // G_i zeroes A[i, i+2:n]
      const ai1 = at(i, i + 1);
      const tp = larfg(n - i - 1, A, ai1, ai1 + lda, lda);
      taup[tOff + i] = tp;
      e[tOff + i] = A[ai1];
      A[ai1] = 1;
      // X[i+1:m, i] = taup·(A[i+1:m, i+1:n] − A[i+1:m, 0:i+1]·Y[i+1:n, 0:i+1]ᵀ − X[i+1:m, 0:i]·A[0:i, i+1:n])·v_i,
      // v_i = A[i, i+1:n] (aRow)
      if (i + 1 < m) {
        const xCol = column(Xb, i + 1, i, m - i - 1);
        gemv(1, sub(Ab, i + 1, i + 1, m - i - 1, n - i - 1), aRow, 0, xCol);
        // t1 = Y[i+1:n, 0:i+1]ᵀ·v_i,  t2 = A[0:i, i+1:n]·v_i
        gemv(1, T(sub(Yb, i + 1, 0, n - i - 1, i + 1)), aRow, 0, vector(t1, i + 1));
        // X[i+1:m, i] −= A[i+1:m, 0:i+1]·t1 + X[i+1:m, 0:i]·t2
        gemv(-1, sub(Ab, i + 1, 0, m - i - 1, i + 1), vector(t1, i + 1), 1, xCol);
        if (i > 0) {
          gemv(1, sub(Ab, 0, i + 1, i, n - i - 1), aRow, 0, vector(t2, i));
          gemv(-1, sub(Xb, i + 1, 0, m - i - 1, i), vector(t2, i), 1, xCol);
        }
        const xi = i * ldx;
        for (let r = i + 1; r < m; r++) X[xi + r] *= tp;
      }
    } else {
      taup[tOff + i] = 0;
    }
  }
}

/**
 * Blocked bidiagonalisation (LAPACK dgebrd, m ≥ n): labrd on panels of nb, then the trailing
 * update A22 −= V·Yᵀ + X·Uᵀ by gemm, and gebd2 (the spec) on the last block. Same outputs as
 * {@link gebd2}.
 */
export function gebrd(
  m: number,
  n: number,
  A: Float64Array,
  aOff: number,
  lda: number,
  d: Float64Array,
  e: Float64Array,
  tauq: Float64Array,
  taup: Float64Array,
  nb: number,
): void {
  if (nb < 2 || nb >= n) {
    gebd2(m, n, A, aOff, lda, d, e, tauq, taup);
    return;
  }
  let i = 0;
  // X and Y in WebAssembly memory when the backend has it (withWork): with a resident A the
  // panel's matrix–vector products and the trailing gemms then run in place
  withWork("float64", [m * nb, n * nb], ([Xf, Yf]) => {
    const X = Xf as Float64Array;
    const Y = Yf as Float64Array;
    const [Ab, Xb, Yb] = [colMajor(A, m, n, aOff, lda), colMajor(X, m, nb), colMajor(Y, n, nb)];
    // stop blocking when the rest is small: gebd2 finishes it
    for (; n - i > nb; i += nb) {
      const a11 = aOff + i + i * lda;
      labrd(m - i, n - i, nb, A, a11, lda, d, e, tauq, taup, i, X, m, Y, n);
      // A22 := A22 − V·Yᵀ − X·Uᵀ, with V = A21 = A[i+nb:m, i:i+nb] (left vectors below the
      // diagonal), Uᵀ = A12 = A[i:i+nb, i+nb:n] (right vectors, in rows), X, Y from the panel
      // (their rows nb..)
      const [, A12, A21, A22] = quadrants(sub(Ab, i, i, m - i, n - i), nb, nb);
      gemm(-1, A21, T(sub(Yb, nb, 0, n - i - nb, nb)), 1, A22);
      gemm(-1, sub(Xb, nb, 0, m - i - nb, nb), A12, 1, A22);
      // the panel's diagonal and superdiagonal entries hold d and e again (labrd left 1s there)
      for (let j = 0; j < nb; j++) {
        A[a11 + j + j * lda] = d[i + j];
        A[a11 + j + (j + 1) * lda] = e[i + j];
      }
    }
  });
  // the last block by the unblocked routine
  const tq = new Float64Array(n - i);
  const tp = new Float64Array(n - i);
  const dd = new Float64Array(n - i);
  const ee = new Float64Array(Math.max(n - i - 1, 0));
  gebd2(m - i, n - i, A, aOff + i + i * lda, lda, dd, ee, tq, tp);
  d.set(dd, i);
  e.set(ee, i);
  tauq.set(tq, i);
  taup.set(tp, i);
}

/**
 * Form Q's first qCols columns in place (LAPACK dorgbr, vect = Q, m ≥ n): the buffer holds the
 * reflectors below the diagonal of its first n columns (as gebd2 left them) and must have
 * room for qCols (n ≤ qCols ≤ m) columns.
 */
export function orgbrQ(m: number, n: number, qCols: number, A: Float64Array, aOff: number, lda: number, tauq: Float64Array, nb: number): void {
  orgqrFast(colMajor(A, m, qCols, aOff, lda), n, tauq, nb);
}

/**
 * Form the n×n P = G_0···G_{n−2} into P[pOff + i + j·ldp] (LAPACK dorgbr, vect = P): v_i,
 * stored in row i of A right of the superdiagonal, is copied into column i+1 of P below its
 * diagonal, so that P[1:n, 1:n] is what QR's orgqr forms; P[0, 0] = 1.
 */
export function orgbrP(
  n: number,
  A: Float64Array,
  aOff: number,
  lda: number,
  taup: Float64Array,
  P: Float64Array,
  pOff: number,
  ldp: number,
  nb: number,
): void {
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) P[pOff + i + j * ldp] = 0;
  if (n === 0) return;
  P[pOff] = 1;
  for (let c = 0; c + 1 < n; c++) {
    // v_c[1:] = A[c, c+2:n]  ->  P[c+2:n, c+1]
    for (let r = c + 2; r < n; r++) P[pOff + r + (c + 1) * ldp] = A[aOff + c + r * lda];
  }
  orgqrFast(colMajor(P, n - 1, n - 1, pOff + 1 + ldp, ldp), n - 1, taup, nb);
}

// ------------------------------------------------------------------ the complex twin

/**
 * Complex bidiagonalisation (LAPACK zgebd2, m ≥ n): A = Q·B·Pᴴ with B real upper bidiagonal.
 * A is complex128 interleaved (element (i, j) at A[2e], A[2e + 1], e = aOff + i + j·lda);
 * tauq, taup interleaved (2n entries). Storage as {@link gebd2}, v_i stored unconjugated.
 */
export function zgebd2(
  m: number,
  n: number,
  A: Float64Array,
  aOff: number,
  lda: number,
  d: Float64Array,
  e: Float64Array,
  tauq: Float64Array,
  taup: Float64Array,
): void {
  const work = new Float64Array(2 * m);
  for (let i = 0; i < n; i++) {
    const aii = aOff + i + i * lda;
    // 1. H_iᴴ zeroes A[i+1:m, i]; d_i = beta is real
    const [qr, qi] = zlarfg(m - i, A, aii, aii + 1, 1);
    tauq[2 * i] = qr;
    tauq[2 * i + 1] = qi;
    d[i] = A[2 * aii];
    if (i + 1 < n) {
      // A[i:m, i+1:n] := H_iᴴ·A[i:m, i+1:n]  (H_iᴴ = I − conj(tau)·u·uᴴ)
      A[2 * aii] = 1;
      A[2 * aii + 1] = 0;
      zlarfLeft(m - i, n - i - 1, A, aii, qr, -qi, A, aii + lda, lda);
      A[2 * aii] = d[i];
      A[2 * aii + 1] = 0;
    }
    if (i < n - 1) {
      // 2. x = A[i, i+1:n]ᴴ; H with Hᴴ·x = e_i·e_0 gives A[i, i+1:n]·H = e_i·e_0ᵀ
      const ai1 = aii + lda;
      for (let j = 0; j < n - i - 1; j++) A[2 * (ai1 + j * lda) + 1] = -A[2 * (ai1 + j * lda) + 1];
      const [pr, pi] = zlarfg(n - i - 1, A, ai1, ai1 + lda, lda);
      taup[2 * i] = pr;
      taup[2 * i + 1] = pi;
      e[i] = A[2 * ai1];
      // A[i+1:m, i+1:n] := A[i+1:m, i+1:n]·H
      A[2 * ai1] = 1;
      A[2 * ai1 + 1] = 0;
      zlarfRight(m - i - 1, n - i - 1, A, ai1, lda, pr, pi, A, ai1 + 1, lda, work);
      A[2 * ai1] = e[i];
      A[2 * ai1 + 1] = 0;
    } else {
      taup[2 * i] = 0;
      taup[2 * i + 1] = 0;
    }
  }
}

/** Complex Q's first qCols columns in place (zungbr, vect = Q). */
export function zungbrQ(m: number, n: number, qCols: number, A: Float64Array, aOff: number, lda: number, tauq: Float64Array): void {
  zung2r(m, qCols, n, A, aOff, lda, tauq, 0);
}

/** Complex n×n P = G_0···G_{n−2} into P (zungbr, vect = P); see {@link orgbrP}. */
export function zungbrP(n: number, A: Float64Array, aOff: number, lda: number, taup: Float64Array, P: Float64Array, pOff: number, ldp: number): void {
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) P[2 * (pOff + i + j * ldp)] = P[2 * (pOff + i + j * ldp) + 1] = 0;
  if (n === 0) return;
  P[2 * pOff] = 1;
  for (let c = 0; c + 1 < n; c++) {
    for (let r = c + 2; r < n; r++) {
      P[2 * (pOff + r + (c + 1) * ldp)] = A[2 * (aOff + c + r * lda)];
      P[2 * (pOff + r + (c + 1) * ldp) + 1] = A[2 * (aOff + c + r * lda) + 1];
    }
  }
  zung2r(n - 1, n - 1, n - 1, P, pOff + 1 + ldp, ldp, taup, 0);
}
