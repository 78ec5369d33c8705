/**
 * Householder tridiagonalisation of a symmetric (Hermitian) matrix (LAPACK dsytd2 / dsytrd /
 * dorgtr, lower; complex zhetd2 / zungtr), the first half of eigh (eigh.ts; the second half
 * is symmetric-qr.ts).
 *
 *   Qᵀ·A·Q = T,   A = Aᵀ n×n (only its lower triangle is read),   T symmetric tridiagonal
 *   Q = H_0·H_1···H_{n−2},   H_i = I − tau_i·v_i·v_iᵀ,   v_i[0:i+1] = 0, v_i[i+1] = 1
 *
 * Step i of sytd2 zeroes A[i+2:n, i] by H_i and applies H_i on both sides of the trailing
 * block A22 = A[i+1:n, i+1:n] as one symmetric rank-2 update (Golub & Van Loan §8.3.1):
 *
 *   p = tau·A22·v,   w = p − (tau/2)·(pᵀv)·v,   A22 := A22 − v·wᵀ − w·vᵀ
 *
 * On exit from sytd2:
 *   - d[i] = T[i, i], e[i] = T[i+1, i];
 *   - below the subdiagonal, column i: v_i[i+2:n];
 *   - tau[i]: H_i's scalar; the upper triangle of A is not touched.
 * `orgtr` forms Q explicitly: the vectors shifted one column right are QR's layout on the
 * trailing (n−1)×(n−1) block, so QR's orgqr does it (as LAPACK's dorgtr calls dorgql/dorgqr).
 * `ormtr` applies Q to a matrix without forming it (LAPACK dormtr; eigh's divide-and-conquer
 * path turns T's eigenvectors into A's with it).
 *
 * The complex twin `zhetd2` reads the lower triangle of a Hermitian matrix (the imaginary parts
 * of the diagonal are ignored); zlarfg makes every subdiagonal beta real, so T is a *real*
 * symmetric tridiagonal and A = Q·T·Qᴴ with Q unitary.
 *
 * Invariant: Q·T·Qᵀ = A up to c·n²·eps·‖A‖, ‖QᵀQ − I‖ = O(n·eps) (Householder is backward
 * stable). The blocked sytrd (LAPACK dsytrd/dlatrd) reduces nb columns at a time: the panel's
 * reflectors are generated as in sytd2, but the trailing block is updated once per panel by
 * the symmetric rank-2k update A22 := A22 − V·Wᵀ − W·Vᵀ (gemm, on the lower triangle only,
 * in column strips of nb: half the flops of updating the full square).
 *
 * Reference: Golub & Van Loan, "Matrix Computations", 4th ed., §8.3.1 (Algorithm 8.3.1);
 * LAPACK dsytd2, dsytrd, dlatrd, dorgtr, dormtr, zhetd2.
 */
import { zlarfg } from "../complex/householder.js";
import { zung2r } from "../complex/qr.js";
import { colMajor, column, gemm, gemv, lower, quadrants, row, sub, symv, T, vector } from "@sliderule/ndarray/kernels";
import { larfb, larfg, larftBlock } from "../primitives/householder.js";
import { withWork } from "../util/batch.js";
import { orgqrFast } from "./qr.js";

/**
 * Unblocked tridiagonalisation of the symmetric n×n A[aOff + i + j·lda], lower triangle
 * (LAPACK dsytd2, uplo = L). Outputs as in the file header; d: n, e and tau: n−1 entries.
 */
export function sytd2(n: number, A: Float64Array, aOff: number, lda: number, d: Float64Array, e: Float64Array, tau: Float64Array): void {
  const Ab = colMajor(A, n, n, aOff, lda);
  const w = new Float64Array(n);
  for (let i = 0; i < n - 1; i++) {
    const k = n - i - 1; // order of the trailing block A22
    const ai = aOff + i + 1 + i * lda; // A[i+1, i]
    // H_i zeroes A[i+2:n, i]; A[i+1, i] becomes e_i
    const taui = larfg(k, A, ai, ai + 1, 1);
    e[i] = A[ai];
    if (taui !== 0) {
      A[ai] = 1;
      const a22 = ai + lda; // A[i+1, i+1]
      // p = tau·A22·v,  A22 = A[i+1:n, i+1:n] (lower triangle),  v = A[i+1:n, i]  (symv: SIMD when A is resident)
      symv(taui, lower(sub(Ab, i + 1, i + 1, k, k)), column(Ab, i + 1, i, k), 0, vector(w, k));
      // w = p − (tau/2)·(pᵀv)·v
      let pv = 0;
      for (let r = 0; r < k; r++) pv += w[r] * A[ai + r];
      const alpha = -0.5 * taui * pv;
      for (let r = 0; r < k; r++) w[r] += alpha * A[ai + r];
      // A22 := A22 − v·wᵀ − w·vᵀ (lower triangle)
      for (let j = 0; j < k; j++) {
        const vj = A[ai + j];
        const wj = w[j];
        const col = a22 + j * lda;
        for (let r = j; r < k; r++) A[col + r] -= A[ai + r] * wj + w[r] * vj;
      }
      A[ai] = e[i];
    }
    d[i] = A[aOff + i + i * lda];
    tau[i] = taui;
  }
  if (n > 0) d[n - 1] = A[aOff + (n - 1) * (1 + lda)];
}

/**
 * Reduce the first nb columns of the symmetric n×n A (lower) to tridiagonal form (LAPACK
 * dlatrd, uplo = L), returning W (n×nb, ld ldw) such that the trailing A[nb:n, nb:n] still
 * needs A22 := A22 − V·Wᵀ − W·Vᵀ, V = the panel's vectors. d, e, tau as sytd2 gives them.
 */
export function latrd(
  n: number,
  nb: number,
  A: Float64Array,
  aOff: number,
  lda: number,
  d: Float64Array,
  e: Float64Array,
  tau: Float64Array,
  tOff: number,
  W: Float64Array,
  ldw: number,
): void {
  const at = (i: number, j: number) => aOff + i + j * lda;
  // The panel as views: A (n×n), W (n×nb). The updates with the panel's earlier columns are
  // matrix–vector products, as dlatrd's calls of dgemv (SIMD in gemv when A and W are
  // resident); t holds Wᵀ·v or Vᵀ·v.
  const [Ab, Wb] = [colMajor(A, n, n, aOff, lda), colMajor(W, n, nb, 0, ldw)];
  const t = new Float64Array(nb);
  for (let i = 0; i < nb; i++) {
    // A[i:n, i] −= A[i:n, 0:i]·W[i, 0:i]ᵀ + W[i:n, 0:i]·A[i, 0:i]ᵀ  (the deferred update of column i)
    if (i > 0) {
      gemv(-1, sub(Ab, i, 0, n - i, i), row(Wb, i, 0, i), 1, column(Ab, i, i, n - i));
      gemv(-1, sub(Wb, i, 0, n - i, i), row(Ab, i, 0, i), 1, column(Ab, i, i, n - i));
    }
    d[tOff + i] = A[at(i, i)];
    if (i < n - 1) {
      // H_i zeroes A[i+2:n, i]
      const ai = at(i + 1, i);
      const taui = larfg(n - i - 1, A, ai, ai + 1, 1);
      tau[tOff + i] = taui;
      e[tOff + i] = A[ai];
      A[ai] = 1;
      const k = n - i - 1;
      // W[i+1:n, i] = A22·v  (A22 = A[i+1:n, i+1:n] as it stood before the panel, v = A[i+1:n, i])
      const v = column(Ab, i + 1, i, k);
      const wCol = column(Wb, i + 1, i, k);
      symv(1, lower(sub(Ab, i + 1, i + 1, k, k)), v, 0, wCol);
      const wi = i + 1 + i * ldw;
      if (i > 0) {
        // ... − V·(Wᵀv) − W·(Vᵀv), over the panel's earlier columns p < i (V = A[i+1:n, 0:i], W = W[i+1:n, 0:i])
        const V = sub(Ab, i + 1, 0, k, i);
        const Wp = sub(Wb, i + 1, 0, k, i);
        gemv(1, T(Wp), v, 0, vector(t, i));
        gemv(-1, V, vector(t, i), 1, wCol);
        gemv(1, T(V), v, 0, vector(t, i));
        gemv(-1, Wp, vector(t, i), 1, wCol);
      }
      // w = tau·p − (tau/2)·(tau·pᵀv)·v
      let pv = 0;
      for (let r = 0; r < k; r++) {
        W[wi + r] *= taui;
        pv += W[wi + r] * A[ai + r];
      }
      const alpha = -0.5 * taui * pv;
      for (let r = 0; r < k; r++) W[wi + r] += alpha * A[ai + r];
    } else {
      tau[tOff + i] = 0;
    }
  }
}

/**
 * Blocked tridiagonalisation (LAPACK dsytrd, uplo = L): latrd on panels of nb columns, the
 * trailing update A22 −= V·Wᵀ + W·Vᵀ by two gemms, and sytd2 (the spec) on the last block.
 * Same outputs as {@link sytd2}.
 */
export function sytrd(n: number, A: Float64Array, aOff: number, lda: number, d: Float64Array, e: Float64Array, tau: Float64Array, nb: number): void {
  if (nb < 2 || nb >= n - 1) {
    sytd2(n, A, aOff, lda, d, e, tau);
    return;
  }
  let i = 0;
  // W in WebAssembly memory when the backend has it (withWork): with a resident A the two
  // gemms of each trailing update then run in place, with nothing copied
  withWork("float64", [n * nb], ([Wf]) => {
    const W = Wf as Float64Array;
    const [Ab, Wb] = [colMajor(A, n, n, aOff, lda), colMajor(W, n, nb)];
    for (; n - i > 2 * nb; i += nb) {
      const a11 = aOff + i + i * lda;
      latrd(n - i, nb, A, a11, lda, d, e, tau, i, W, n);
      // A22 := A22 − V·Wᵀ − W·Vᵀ, V = A[i+nb:n, i:i+nb] (vectors, unit entries in place), W[nb:, :].
      // Only the lower triangle is read later, so only it is updated (BLAS dsyr2k's half of the
      // flops): column strip [j, j+nb) from row j down, each strip two gemms
      const k = n - i - nb;
      const [, , V, A22] = quadrants(sub(Ab, i, i, n - i, n - i), nb, nb);
      const W2 = sub(Wb, nb, 0, k, nb);
      for (let j = 0; j < k; j += nb) {
        const w = Math.min(nb, k - j);
        const rows = k - j;
        // A22[j:, j:j+w] −= V[j:, :]·W[j:j+w, :]ᵀ + W[j:, :]·V[j:j+w, :]ᵀ  (W: W's rows nb.., as V's)
        const C = sub(A22, j, j, rows, w);
        gemm(-1, sub(V, j, 0, rows, nb), T(sub(W2, j, 0, w, nb)), 1, C);
        gemm(-1, sub(W2, j, 0, rows, nb), T(sub(V, j, 0, w, nb)), 1, C);
      }
      // the subdiagonal holds e again (latrd left the unit entries of v there)
      for (let j = 0; j < nb; j++) A[a11 + j + 1 + j * lda] = e[i + j];
    }
  });
  const m = n - i;
  const dd = new Float64Array(m);
  const ee = new Float64Array(Math.max(m - 1, 0));
  const tt = new Float64Array(Math.max(m - 1, 0));
  sytd2(m, A, aOff + i + i * lda, lda, dd, ee, tt);
  d.set(dd, i);
  e.set(ee, i);
  tau.set(tt, i);
}

/**
 * Form the n×n Q = H_0···H_{n−2} into Q[qOff + i + j·ldq] from sytd2's vectors (LAPACK dorgtr,
 * uplo = L): v_i[i+2:n] (column i of A) goes to column i+1 of Q below its diagonal, and QR's
 * orgqr forms the trailing (n−1)×(n−1) block; Q[0, 0] = 1.
 */
export function orgtr(n: number, A: Float64Array, aOff: number, lda: number, tau: Float64Array, Q: Float64Array, qOff: number, ldq: number, nb: number): void {
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) Q[qOff + i + j * ldq] = 0;
  if (n === 0) return;
  Q[qOff] = 1;
  for (let c = 0; c + 2 < n; c++) {
    for (let r = c + 2; r < n; r++) Q[qOff + r + (c + 1) * ldq] = A[aOff + r + c * lda];
  }
  orgqrFast(colMajor(Q, n - 1, n - 1, qOff + 1 + ldq, ldq), n - 1, tau, nb);
}

/**
 * C := Q·C for the n×ncols C[cOff + i + j·ldc], Q = H_0···H_{n−2} from sytd2/sytrd's vectors
 * (LAPACK dormtr, side = L, uplo = L, trans = N), without forming Q: Q = diag(1, Q̃) with Q̃ the
 * QR-layout reflectors of the trailing (n−1)×(n−1) block, applied as WY blocks of nb
 * reflectors, last block first (Q̃·C = H_0·(H_1·(…·C))). eigh uses it to turn the eigenvectors
 * of T into those of A (A = Q·T·Qᵀ = (Q·Z)·Λ·(Q·Z)ᵀ) with gemm-rich flops.
 */
export function ormtr(
  n: number,
  ncols: number,
  A: Float64Array,
  aOff: number,
  lda: number,
  tau: Float64Array,
  C: Float64Array,
  cOff: number,
  ldc: number,
  nb: number,
): void {
  const m = n - 1; // order of Q̃; its reflector j has its unit at A[j+1, j]
  if (m <= 0 || ncols === 0) return;
  const work = new Float64Array(nb * nb);
  const Vq = colMajor(A, m, m, aOff + 1, lda); // Q̃'s reflectors: the QR layout from A[1, 0]
  const Cq = colMajor(C, m, ncols, cOff + 1, ldc); // C[1:n, :], the rows Q̃ acts on
  for (let j0 = Math.floor((m - 1) / nb) * nb; j0 >= 0; j0 -= nb) {
    const jb = Math.min(nb, m - j0);
    // the block H_{j0}···H_{j0+jb−1} = I − V·T·Vᵀ on rows j0..m−1 of Q̃'s range
    const V = sub(Vq, j0, j0, m - j0, jb);
    const Tj = colMajor(work, jb, jb);
    larftBlock(V, tau, j0, Tj);
    larfb(V, Tj, sub(Cq, j0, 0, m - j0, ncols));
  }
}

// ------------------------------------------------------------------ the complex twin

/**
 * Tridiagonalisation of the Hermitian n×n A (complex128 interleaved), lower triangle (LAPACK
 * zhetd2, uplo = L): A = Q·T·Qᴴ with T real. d: n, e: n−1 real; tau: 2(n−1) interleaved.
 */
export function zhetd2(n: number, A: Float64Array, aOff: number, lda: number, d: Float64Array, e: Float64Array, tau: Float64Array): void {
  const w = new Float64Array(2 * n);
  const re = (i: number, j: number) => 2 * (aOff + i + j * lda);
  if (n > 0) A[re(0, 0) + 1] = 0;
  for (let i = 0; i < n - 1; i++) {
    const k = n - i - 1;
    const ai = aOff + i + 1 + i * lda;
    // Hᴴ zeroes A[i+2:n, i]; beta = e_i is real
    const [tr, ti] = zlarfg(k, A, ai, ai + 1, 1);
    e[i] = A[2 * ai];
    if (tr !== 0 || ti !== 0) {
      A[2 * ai] = 1;
      A[2 * ai + 1] = 0;
      // p = tau·A22·v (A22 Hermitian, lower triangle, real diagonal)
      w.fill(0, 0, 2 * k);
      for (let j = 0; j < k; j++) {
        const vjr = A[2 * (ai + j)];
        const vji = A[2 * (ai + j) + 1];
        const t1r = tr * vjr - ti * vji;
        const t1i = tr * vji + ti * vjr;
        const djj = A[re(i + 1 + j, i + 1 + j)];
        w[2 * j] += t1r * djj;
        w[2 * j + 1] += t1i * djj;
        let t2r = 0;
        let t2i = 0;
        for (let r = j + 1; r < k; r++) {
          const a = re(i + 1 + r, i + 1 + j);
          const ar = A[a];
          const aim = A[a + 1];
          // p_r += A[r, j]·t1
          w[2 * r] += ar * t1r - aim * t1i;
          w[2 * r + 1] += ar * t1i + aim * t1r;
          // t2 += conj(A[r, j])·v_r
          const vr = A[2 * (ai + r)];
          const vi = A[2 * (ai + r) + 1];
          t2r += ar * vr + aim * vi;
          t2i += ar * vi - aim * vr;
        }
        w[2 * j] += tr * t2r - ti * t2i;
        w[2 * j + 1] += tr * t2i + ti * t2r;
      }
      // w = p − (tau/2)·(pᴴv)·v
      let pr = 0;
      let pi = 0;
      for (let r = 0; r < k; r++) {
        const vr = A[2 * (ai + r)];
        const vi = A[2 * (ai + r) + 1];
        pr += w[2 * r] * vr + w[2 * r + 1] * vi;
        pi += w[2 * r] * vi - w[2 * r + 1] * vr;
      }
      const alr = -0.5 * (tr * pr - ti * pi);
      const ali = -0.5 * (tr * pi + ti * pr);
      for (let r = 0; r < k; r++) {
        const vr = A[2 * (ai + r)];
        const vi = A[2 * (ai + r) + 1];
        w[2 * r] += alr * vr - ali * vi;
        w[2 * r + 1] += alr * vi + ali * vr;
      }
      // A22 := A22 − v·wᴴ − w·vᴴ (lower triangle; the diagonal stays real)
      for (let j = 0; j < k; j++) {
        const vjr = A[2 * (ai + j)];
        const vji = A[2 * (ai + j) + 1];
        const wjr = w[2 * j];
        const wji = w[2 * j + 1];
        for (let r = j; r < k; r++) {
          const vr = A[2 * (ai + r)];
          const vi = A[2 * (ai + r) + 1];
          const a = re(i + 1 + r, i + 1 + j);
          // v_r·conj(w_j) + w_r·conj(v_j)
          A[a] -= vr * wjr + vi * wji + (w[2 * r] * vjr + w[2 * r + 1] * vji);
          A[a + 1] -= vi * wjr - vr * wji + (w[2 * r + 1] * vjr - w[2 * r] * vji);
        }
        A[re(i + 1 + j, i + 1 + j) + 1] = 0;
      }
    } else {
      A[re(i + 1, i + 1) + 1] = 0;
    }
    A[2 * ai] = e[i];
    A[2 * ai + 1] = 0;
    d[i] = A[re(i, i)];
    tau[2 * i] = tr;
    tau[2 * i + 1] = ti;
  }
  if (n > 0) d[n - 1] = A[re(n - 1, n - 1)];
}

/** Complex n×n Q = H_0···H_{n−2} from zhetd2's vectors (LAPACK zungtr, uplo = L); see {@link orgtr}. */
export function zungtr(n: number, A: Float64Array, aOff: number, lda: number, tau: Float64Array, Q: Float64Array, qOff: number, ldq: number): void {
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) Q[2 * (qOff + i + j * ldq)] = Q[2 * (qOff + i + j * ldq) + 1] = 0;
  if (n === 0) return;
  Q[2 * qOff] = 1;
  for (let c = 0; c + 2 < n; c++) {
    for (let r = c + 2; r < n; r++) {
      Q[2 * (qOff + r + (c + 1) * ldq)] = A[2 * (aOff + r + c * lda)];
      Q[2 * (qOff + r + (c + 1) * ldq) + 1] = A[2 * (aOff + r + c * lda) + 1];
    }
  }
  zung2r(n - 1, n - 1, n - 1, Q, qOff + 1 + ldq, ldq, tau, 0);
}
