/**
 * Helpers for the tests of the LAPACK-style routines, which work on raw column-major buffers
 * (element (i, j) of an r×c matrix at X[i + j·r]); test/invariants.ts has the NDArray ones.
 */
import { getBackend, residentWork } from "@sliderule/ndarray/kernels";

/** Unit roundoff of float64 times 2 (LAPACK's dlamch("P")). */
export const EPS = 2 ** -52;

/** The Frobenius norm of the entries of X. */
export function normF(X: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < X.length; i++) s += X[i] * X[i];
  return Math.sqrt(s);
}

/** max_i |x_i − y_i| over two arrays of one length. */
export function maxAbsDiff(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff = Math.max(diff, Math.abs(x[i] - y[i]));
  return diff;
}

/** The n×n identity, column-major. */
export function eye(n: number): Float64Array {
  const I = new Float64Array(n * n);
  for (let i = 0; i < n; i++) I[i + i * n] = 1;
  return I;
}

/**
 * Run `body` on copies of `arrays` that lie in a resident workspace of the active
 * WebAssembly backend (`residentWork`), then copy them back; false, with nothing run, on the
 * TypeScript backend. For the tests of the WebAssembly twins (getrfResident, …), which act
 * only on resident operands.
 */
export function inResident(arrays: Float64Array[], body: (resident: Float64Array[]) => void): boolean {
  const work = residentWork(arrays.map((a) => a.length));
  if (work === null) return false;
  try {
    work.arrays.forEach((r, i) => r.set(arrays[i]));
    body(work.arrays);
    work.arrays.forEach((r, i) => arrays[i].set(r));
  } finally {
    work.release();
  }
  return true;
}

/** True when the active backend has resident workspaces (a WebAssembly one). */
export const HAS_RESIDENT = getBackend() !== "typescript";
