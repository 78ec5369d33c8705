/**
 * Helpers for the tests of the LAPACK-style routines, which work on raw column-major buffers
 * (element (i, j) of an r×c matrix at X[i + j·r]); test/invariants.ts has the NDArray ones.
 */

/** Unit roundoff of float64 times 2 (LAPACK's dlamch("P")). */
export const EPS = 2 ** -52;

/** The Frobenius norm of the entries of X. */
export function normF(X: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < X.length; i++) s += X[i] * X[i];
  return Math.sqrt(s);
}

/** The n×n identity, column-major. */
export function eye(n: number): Float64Array {
  const I = new Float64Array(n * n);
  for (let i = 0; i < n; i++) I[i + i * n] = 1;
  return I;
}
