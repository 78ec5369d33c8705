/**
 * Complex triangular solve: X = op(T)⁻¹·B for complex128 T and B (LAPACK ztrsm, unblocked).
 *
 * The same substitution as the real `trsmReference` (primitives/triangular-solve.ts), in
 * complex arithmetic on interleaved buffers: element e of a buffer is (re, im) =
 * (X[2e], X[2e + 1]), and offsets and strides count elements. `conjugate` reads T as its
 * conjugate T̄, so with transposed strides the solve is with Tᴴ.
 *
 *   x_k = b_k / T[k, k];   b_i −= T[i, k]·x_k  for the unsolved rows i
 *
 * Invariant: op(T)·X = B_in up to rounding (backward stable, Higham §8.1).
 * Reference: Golub & Van Loan, "Matrix Computations", 4th ed., §3.1; LAPACK/BLAS ztrsm.
 * Complex128 is computed by unblocked routines only: correct, not tuned.
 */
import type { TrsmArgs } from "@sliderule/ndarray/kernels";

/** The complex system: T and B are interleaved Float64Arrays. */
export type ZTrsmArgs = TrsmArgs & { T: Float64Array; B: Float64Array };

/** B := op(T)⁻¹·B in complex arithmetic; op(T) = T̄ (elementwise conjugate) when `conjugate`. */
export function ztrsm(args: ZTrsmArgs, conjugate: boolean): void {
  const { n, nrhs, lower, unitDiagonal, T, tOff, tRs, tCs, B, bOff, bRs, bCs } = args;
  const sgn = conjugate ? -1 : 1; // imaginary parts of T are read times sgn
  for (let step = 0; step < n; step++) {
    const k = lower ? step : n - 1 - step;
    const iBegin = lower ? k + 1 : 0;
    const iEnd = lower ? n : k;
    // x_k = b_k / T[k, k]: multiply by 1/t = t̄/|t|²
    if (!unitDiagonal) {
      const t = 2 * (tOff + k * tRs + k * tCs);
      const tr = T[t];
      const ti = sgn * T[t + 1];
      const d = tr * tr + ti * ti;
      const ir = tr / d;
      const ii = -ti / d;
      for (let j = 0; j < nrhs; j++) {
        const b = 2 * (bOff + k * bRs + j * bCs);
        const br = B[b];
        const bi = B[b + 1];
        B[b] = br * ir - bi * ii;
        B[b + 1] = br * ii + bi * ir;
      }
    }
    // b_i −= T[i, k]·x_k
    for (let j = 0; j < nrhs; j++) {
      const x = 2 * (bOff + k * bRs + j * bCs);
      const xr = B[x];
      const xi = B[x + 1];
      for (let i = iBegin; i < iEnd; i++) {
        const t = 2 * (tOff + i * tRs + k * tCs);
        const tr = T[t];
        const ti = sgn * T[t + 1];
        const b = 2 * (bOff + i * bRs + j * bCs);
        B[b] -= tr * xr - ti * xi;
        B[b + 1] -= tr * xi + ti * xr;
      }
    }
  }
}
