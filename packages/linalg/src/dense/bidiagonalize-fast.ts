/**
 * The fast twin of gebd2 for small matrices (bidiagonalize.ts is the spec): the same
 * Householder bidiagonalisation, Qᵀ·A·P = B, step for step, with the same outputs (d, e,
 * tauq, taup, u_i below the diagonal, v_i right of the superdiagonal), equal up to rounding.
 *
 * Step i, as gebd2 (H_i from the left, then G_i from the right), with the two reflectors'
 * passes over the trailing block fused into two instead of four:
 *
 *   pass 1   w = A[i:m, i+1:n]ᵀ·u_i                     (the dots of H_i, two columns at a time)
 *            row i only: A[i, i+1:n] −= tauq·w           (what G_i is built from)
 *            G_i from the row: v_i, taup
 *   pass 2   two columns j > i at a time:
 *              A[i+1:m, j] −= tauq·w_j·u_i[1:]           (the rest of H_i's rank-1 update)
 *              z += A[i+1:m, j]·v_i[j]                   (z = A22·v_i, G_i's matrix–vector product)
 *   pass 3   A[i+1:m, i+1:n] −= taup·z·v_iᵀ
 *
 * Pass 2 reads each column once for both; the dots keep two partial sums per column so the
 * additions do not wait on each other. Float64Array only, no allocation inside the loop: the
 * kernel for m·n ≤ {@link GEBD2_FAST_MAX_SIZE} (tuning.ts, with its measurements; svd.ts and
 * lstsq.ts call `gebrdFast`), where the blocked gebrd's labrd (up to ten small matrix–vector
 * products per step, each a kernel call) costs more than it saves: 50×50 in 0.20 ms against
 * gebrd's 0.39 (about 1.7 GFLOP/s, what plain JavaScript loops reach here).
 *
 * Invariant and reference: as bidiagonalize.ts (LAPACK dgebd2; Golub & Van Loan §5.4.8).
 * bidiagonalize.test.ts runs the same tests on gebd2, gebrd and gebd2Fast.
 */
import { larfg } from "../primitives/householder.js";
import { gebrd } from "./bidiagonalize.js";
import { GEBD2_FAST_MAX_SIZE } from "../tuning.js";

/**
 * gebd2 (bidiagonalize.ts) with fused passes, for the m×n (m ≥ n) column-major block
 * A[aOff + i + j·lda]; same arguments and outputs.
 */
export function gebd2Fast(
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
  const w = new Float64Array(n); // the dots of H_i with the columns right of i
  const z = new Float64Array(m); // A22·v_i
  for (let i = 0; i < n; i++) {
    const aii = aOff + i + i * lda;
    // H_i zeroes A[i+1:m, i]; A[i, i] becomes d_i; u_i = [1; A[i+1:m, i]]
    const tq = larfg(m - i, A, aii, aii + 1, 1);
    tauq[i] = tq;
    d[i] = A[aii];
    if (i === n - 1) {
      taup[i] = 0;
      break;
    }
    const mi = m - i; // rows of H_i
    const nj = n - i - 1; // trailing columns
    const c0 = aii + lda; // A[i, i+1]
    // pass 1: w_j = u_iᵀ·A[i:m, j] (u_i[0] = 1), then row i := row i − tauq·w
    if (tq !== 0) {
      let j = 0;
      for (; j + 2 <= nj; j += 2) {
        const p = c0 + j * lda;
        const q = p + lda;
        let s0 = A[p];
        let s1 = 0;
        let t0 = A[q];
        let t1 = 0;
        let r = 1;
        for (; r + 2 <= mi; r += 2) {
          const u0 = A[aii + r];
          const u1 = A[aii + r + 1];
          s0 += u0 * A[p + r];
          s1 += u1 * A[p + r + 1];
          t0 += u0 * A[q + r];
          t1 += u1 * A[q + r + 1];
        }
        if (r < mi) {
          s0 += A[aii + r] * A[p + r];
          t0 += A[aii + r] * A[q + r];
        }
        w[j] = tq * (s0 + s1);
        w[j + 1] = tq * (t0 + t1);
      }
      if (j < nj) {
        const p = c0 + j * lda;
        let s0 = A[p];
        let s1 = 0;
        let r = 1;
        for (; r + 2 <= mi; r += 2) {
          s0 += A[aii + r] * A[p + r];
          s1 += A[aii + r + 1] * A[p + r + 1];
        }
        if (r < mi) s0 += A[aii + r] * A[p + r];
        w[j] = tq * (s0 + s1);
      }
      for (let jj = 0; jj < nj; jj++) A[c0 + jj * lda] -= w[jj];
    }
    // G_i zeroes A[i, i+2:n] (a row: stride lda); A[i, i+1] becomes e_i; v_i = [1; A[i, i+2:n]]
    const tp = larfg(nj, A, c0, c0 + lda, lda);
    taup[i] = tp;
    e[i] = A[c0];
    A[c0] = 1;
    // pass 2: the rest of H_i on rows i+1..m−1, and z = A[i+1:m, i+1:n]·v_i, two columns at a time
    const mr = mi - 1; // rows below i
    const u = aii + 1; // u_i[1:]
    z.fill(0, 0, mr);
    let jj = 0;
    for (; jj + 2 <= nj; jj += 2) {
      const p = c0 + jj * lda + 1; // A[i+1, i+1+jj]
      const q = p + lda;
      const v0 = A[p - 1]; // v_i[jj]
      const v1 = A[q - 1];
      const w0 = tq === 0 ? 0 : w[jj];
      const w1 = tq === 0 ? 0 : w[jj + 1];
      for (let r = 0; r < mr; r++) {
        const ur = A[u + r];
        const a0 = A[p + r] - w0 * ur;
        const a1 = A[q + r] - w1 * ur;
        A[p + r] = a0;
        A[q + r] = a1;
        z[r] += a0 * v0 + a1 * v1;
      }
    }
    if (jj < nj) {
      const p = c0 + jj * lda + 1;
      const v0 = A[p - 1];
      const w0 = tq === 0 ? 0 : w[jj];
      for (let r = 0; r < mr; r++) {
        const a0 = A[p + r] - w0 * A[u + r];
        A[p + r] = a0;
        z[r] += a0 * v0;
      }
    }
    // pass 3: A[i+1:m, i+1:n] −= taup·z·v_iᵀ
    if (tp !== 0) {
      for (let j = 0; j < nj; j++) {
        const p = c0 + j * lda + 1;
        const s = tp * A[p - 1];
        if (s === 0) continue;
        for (let r = 0; r < mr; r++) A[p + r] -= s * z[r];
      }
    }
    A[c0] = e[i];
  }
}

/**
 * The bidiagonalisation svd and lstsq call: {@link gebd2Fast} for m·n ≤ GEBD2_FAST_MAX_SIZE, else
 * the blocked gebrd (bidiagonalize.ts). Same arguments and outputs as gebrd.
 */
export function gebrdFast(
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
  if (m * n <= GEBD2_FAST_MAX_SIZE) gebd2Fast(m, n, A, aOff, lda, d, e, tauq, taup);
  else gebrd(m, n, A, aOff, lda, d, e, tauq, taup, nb);
}
