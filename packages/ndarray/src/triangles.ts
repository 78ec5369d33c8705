/**
 * Triangles and diagonals of matrices: `triu`, `tril`, `trace`, `fillDiagonal`.
 *
 *   triu(A, k)[…, i, j] = A[…, i, j] if j − i ≥ k else 0      (on and above diagonal k)
 *   tril(A, k)[…, i, j] = A[…, i, j] if j − i ≤ k else 0      (on and below diagonal k)
 *   trace(A, k)         = Σ_i A[i, i + k]                     (the sum of diagonal k)
 *
 * Stacks `(..., M, N)` are handled by acting on the last two axes, as NumPy does.
 */
import { ValueError } from "./errors.js";
import { arange, asarray, zeros, type ArrayLike } from "./creation.js";
import { greaterEqual, lessEqual, subtract, where } from "./ufunc.js";
import type { NDArray } from "./ndarray.js";
import { fmtShape } from "./shape.js";
import { sum } from "./reductions.js";
import type { DType } from "./dtype.js";

/**
 * Keep one side of diagonal k of every matrix in a stack, zeros elsewhere (a copy), as NumPy:
 * a mask over the last two axes, `mask[i, j] = keep(j − i)`, broadcast against the stack.
 */
function triangle(a: ArrayLike, k: number, upper: boolean, fn: string): NDArray {
  const x = asarray(a);
  if (x.ndim < 2) throw new ValueError(`${fn}: input must be at least 2-d, got shape ${fmtShape(x.shape)}`);
  if (!Number.isInteger(k)) throw new ValueError(`${fn}: k must be an integer, got ${k}`);
  const [m, n] = x.shape.slice(-2);
  const jMinusI = subtract(arange(n), arange(m).reshape(m, 1)); // (m, n): j − i
  const mask = upper ? greaterEqual(jMinusI, k) : lessEqual(jMinusI, k);
  return where(mask, x, zeros([], x.dtype));
}

/** `np.triu(a, k=0)`: the upper triangle (on and above diagonal k), zeros elsewhere. */
export function triu(a: ArrayLike, k = 0): NDArray {
  return triangle(a, k, true, "triu");
}

/** `np.tril(a, k=0)`: the lower triangle (on and below diagonal k), zeros elsewhere. */
export function tril(a: ArrayLike, k = 0): NDArray {
  return triangle(a, k, false, "tril");
}

export interface TraceOptions {
  /** Which diagonal: 0 the main one, k > 0 above, k < 0 below. */
  offset?: number;
  axis1?: number;
  axis2?: number;
  dtype?: DType;
}

/** `np.trace(a, offset, axis1, axis2, dtype)`: the sum along a diagonal (int stays int). */
export function trace(a: ArrayLike, options: TraceOptions = {}): NDArray {
  const { offset = 0, axis1 = 0, axis2 = 1, dtype } = options;
  const x = asarray(a);
  if (x.ndim < 2) throw new ValueError(`trace: diag requires an array of at least two dimensions, got shape ${fmtShape(x.shape)}`);
  return sum(x.diagonal(offset, axis1, axis2), { axis: -1, dtype });
}

/** `np.fill_diagonal(a, value)`: write `value` on the main diagonal of a 2-D array, in place. */
export function fillDiagonal(a: NDArray, value: number | ArrayLike): NDArray {
  if (a.ndim !== 2) throw new ValueError(`fillDiagonal: array must be 2-d here, got shape ${fmtShape(a.shape)}`);
  a.diagonal().set(value as number);
  return a;
}
