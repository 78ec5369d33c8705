/**
 * Complex Cholesky of a Hermitian positive definite matrix (LAPACK zpotf2, zpotrs), unblocked.
 *
 *   A = L·Lᴴ     L lower triangular with a real positive diagonal
 *
 * on a complex128 column-major block (element (i, j) at (A[2e], A[2e + 1]),
 * e = aOff + i + j·lda). Only the lower triangle is read; the imaginary part of the diagonal
 * is ignored (as LAPACK does). Column j:
 *
 *   L[j, j] = sqrt(Re A[j, j] − Σ_{k<j} |L[j, k]|²)
 *   L[i, j] = (A[i, j] − Σ_{k<j} L[i, k]·conj(L[j, k])) / L[j, j],   i > j
 *
 * Returns −1, or the first j whose leading minor is not positive definite. Invariant and
 * reference as for the real potf2 (dense/cholesky.ts): Golub & Van Loan §4.2; LAPACK zpotf2.
 * Complex128 is computed by unblocked routines only: correct, not tuned.
 */
import { complexColMajor, lower, T } from "@sliderule/ndarray/kernels";
import { ztrsm } from "./triangular-solve.js";

/** Unblocked complex Cholesky, lower (see the header). */
export function zpotf2(n: number, A: Float64Array, aOff: number, lda: number): number {
  const at = (i: number, j: number) => 2 * (aOff + i + j * lda);
  for (let j = 0; j < n; j++) {
    // d = Re A[j, j] − Σ_{k<j} |L[j, k]|²
    let d = A[at(j, j)];
    for (let k = 0; k < j; k++) {
      const e = at(j, k);
      d -= A[e] * A[e] + A[e + 1] * A[e + 1];
    }
    if (!(d > 0)) return j;
    const ljj = Math.sqrt(d);
    A[at(j, j)] = ljj;
    A[at(j, j) + 1] = 0;
    // A[i, j] −= L[i, k]·conj(L[j, k]) for k < j, then divide by L[j, j]
    for (let k = 0; k < j; k++) {
      const c = at(j, k);
      const cr = A[c];
      const ci = -A[c + 1]; // conj(L[j, k])
      for (let i = j + 1; i < n; i++) {
        const l = at(i, k);
        const e = at(i, j);
        A[e] -= A[l] * cr - A[l + 1] * ci;
        A[e + 1] -= A[l] * ci + A[l + 1] * cr;
      }
    }
    for (let i = j + 1; i < n; i++) {
      const e = at(i, j);
      A[e] /= ljj;
      A[e + 1] /= ljj;
    }
  }
  return -1;
}

/** Solve A·X = B with A = L·Lᴴ (LAPACK zpotrs, lower): L·Y = B, then Lᴴ·X = Y. */
export function zpotrs(n: number, nrhs: number, L: Float64Array, lOff: number, ldl: number, B: Float64Array, bOff: number, ldb: number): void {
  const Lv = complexColMajor(L, n, n, lOff, ldl);
  const Bv = complexColMajor(B, n, nrhs, bOff, ldb);
  ztrsm(lower(Lv), Bv, false); // L·Y = B
  ztrsm(T(lower(Lv)), Bv, true); // Lᴴ·X = Y: the transposed view, conjugated
}
