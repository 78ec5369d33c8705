/**
 * Triangles and diagonals of matrices: `triu`, `tril`, `trace`, `fillDiagonal`.
 *
 *   triu(A, k)[…, i, j] = A[…, i, j] if j − i ≥ k else 0      (on and above diagonal k)
 *   tril(A, k)[…, i, j] = A[…, i, j] if j − i ≤ k else 0      (on and below diagonal k)
 *   trace(A, k)         = Σ_i A[i, i + k]                     (the sum of diagonal k)
 *
 * Stacks `(..., M, N)` are handled by acting on the last two axes, as NumPy does.
 */
import { AxisError, ValueError } from "./errors.js";
import { arange, asarray, zeros, type ArrayLike } from "./creation.js";
import { greaterEqual, lessEqual, subtract, where } from "./ufunc.js";
import { NDArray, type Complex } from "./ndarray.js";
import type { Batched, ComplexMatrix, NestedStack, RealMatrix } from "./batched.js";
import { checkInt, checkOptions, describe, isPlainObject, rejectBigInt, checkArity } from "./validate.js";
import { fmtShape } from "./shape.js";
import { sum } from "./reductions.js";
import type { DType } from "./dtype.js";

/**
 * Keep one side of diagonal k of every matrix in a stack, zeros elsewhere (a copy), as NumPy:
 * a mask over the last two axes, `mask[i, j] = keep(j − i)`, broadcast against the stack.
 */
function triangle(a: ArrayLike, k: number, upper: boolean, fn: string): NDArray {
  rejectBigInt(fn, "k", k);
  checkInt(fn, "k", k);
  const x = asarray(a);
  if (x.ndim < 2) throw new ValueError(`${fn}: input must be at least 2-d, got shape ${fmtShape(x.shape)}`);
  const [m, n] = x.shape.slice(-2);
  const jMinusI = subtract(arange(n), arange(m).reshape(m, 1)); // (m, n): j − i
  const mask = upper ? greaterEqual(jMinusI, k) : lessEqual(jMinusI, k);
  return where(mask, x, zeros([], x.dtype));
}

/** `np.triu(a, k=0)`: the upper triangle (on and above diagonal k), zeros elsewhere. */
export function triu(a: ArrayLike, k = 0): NDArray {
  checkArity("triu", arguments.length, ["a", "k"]);
  return triangle(a, k, true, "triu");
}

/** `np.tril(a, k=0)`: the lower triangle (on and below diagonal k), zeros elsewhere. */
export function tril(a: ArrayLike, k = 0): NDArray {
  checkArity("tril", arguments.length, ["a", "k"]);
  return triangle(a, k, false, "tril");
}

export interface TraceOptions {
  /** Which diagonal: 0 the main one, k > 0 above, k < 0 below (default 0). */
  offset?: number;
  /** The first axis of the 2-D sub-arrays (default 0). */
  axis1?: number;
  /** The second axis of the 2-D sub-arrays (default 1). */
  axis2?: number;
  /** Accumulator and result dtype (default: the input's; bool → int32). */
  dtype?: DType;
}

const TRACE_OPTIONS = ["offset", "axis1", "axis2", "dtype"] as const;

/**
 * `np.trace(a, offset, axis1, axis2, dtype)`: the sum along a diagonal (int stays int).
 *
 * @param a an array of at least 2 dimensions.
 * @param options `{ offset, axis1, axis2, dtype }`, or NumPy's positional form
 *   `trace(a, offset, axis1, axis2, dtype)`.
 * @returns for 2-D input a JS number (a `Complex` for complex128), as NumPy returns a scalar;
 *   otherwise an NDArray of a's shape without axis1 and axis2. Typing (batched.ts): an NDArray
 *   or a 2-D literal is typed `number`; mark a stack with `np.batched(A)` (or pass a 3-D
 *   literal) to have the NDArray result typed. A stack in a plain NDArray still returns an
 *   NDArray at run time, and a complex128 NDArray a `Complex`.
 * @throws ValueError for fewer than 2 dimensions, a non-integer offset or an unknown option;
 *   AxisError for an axis out of range.
 *
 * @example
 *   np.trace([[1, 2], [3, 4]]); // 5
 */
export function trace(a: Batched | NestedStack, options?: TraceOptions): NDArray;
export function trace(a: Batched | NestedStack, offset: number, axis1?: number, axis2?: number, dtype?: DType): NDArray;
export function trace(a: ComplexMatrix, options?: TraceOptions): Complex;
export function trace(a: ComplexMatrix, offset: number, axis1?: number, axis2?: number, dtype?: DType): Complex;
export function trace(a: NDArray | RealMatrix, options?: TraceOptions): number;
export function trace(a: NDArray | RealMatrix, offset: number, axis1?: number, axis2?: number, dtype?: DType): number;
export function trace(a: ArrayLike, options?: TraceOptions | number, axis1?: number, axis2?: number, dtype?: DType): number | Complex | NDArray;
export function trace(
  a: ArrayLike,
  optionsOrOffset: TraceOptions | number = {},
  axis1Arg?: number,
  axis2Arg?: number,
  dtypeArg?: DType,
): number | Complex | NDArray {
  const fn = "trace";
  const options: TraceOptions =
    typeof optionsOrOffset === "number"
      ? { offset: optionsOrOffset, axis1: axis1Arg, axis2: axis2Arg, dtype: dtypeArg }
      : checkOptions(fn, optionsOrOffset, TRACE_OPTIONS);
  const offset = checkInt(fn, "offset", options.offset ?? 0);
  const axis1 = checkInt(fn, "axis1", options.axis1 ?? 0);
  const axis2 = checkInt(fn, "axis2", options.axis2 ?? 1);
  const x = asarray(a);
  if (x.ndim < 2) throw new ValueError(`trace: diag requires an array of at least two dimensions, got shape ${fmtShape(x.shape)}`);
  for (const ax of [axis1, axis2]) {
    if (ax < -x.ndim || ax >= x.ndim) throw new AxisError(`trace: axis ${ax} is out of bounds for array of dimension ${x.ndim}`);
  }
  if ((axis1 + x.ndim) % x.ndim === (axis2 + x.ndim) % x.ndim) throw new ValueError(`trace: axis1 and axis2 cannot be the same (${axis1}, ${axis2})`);
  const t = sum(x.diagonal(offset, axis1, axis2), { axis: -1, dtype: options.dtype }) as NDArray;
  if (x.ndim > 2) return t;
  // one matrix: NumPy's scalar (the 0-d result is fresh and contiguous)
  return t.dtype === "complex128" ? { re: t.data[0], im: t.data[1] } : t.data[0];
}

/**
 * `np.fill_diagonal(a, value)`: write `value` (a number, or values broadcast along the
 * diagonal) on the main diagonal of a 2-D array, in place. Returns `a`. NumPy's `wrap` is not
 * supported.
 * @throws ValueError when `a` is not a 2-D NDArray (a nested JS list cannot be filled in
 *   place), `value` is not a number, boolean, complex, list or array, or for an extra argument.
 */
export function fillDiagonal(a: NDArray, value: number | ArrayLike): NDArray {
  checkArity("fillDiagonal", arguments.length, ["a", "value"], 2);
  if (!(a instanceof NDArray)) throw new ValueError(`fillDiagonal: a must be an NDArray (it is filled in place), got ${describe(a)}`);
  const v: unknown = value;
  rejectBigInt("fillDiagonal", "value", v);
  const isComplex = isPlainObject(v) && typeof v.re === "number" && typeof v.im === "number";
  if (!(typeof v === "number" || typeof v === "boolean" || Array.isArray(v) || v instanceof NDArray || ArrayBuffer.isView(v) || isComplex)) {
    throw new ValueError(`fillDiagonal: value must be a number, boolean, complex, list or array, got ${describe(v)}`);
  }
  if (a.ndim !== 2) throw new ValueError(`fillDiagonal: array must be 2-d here, got shape ${fmtShape(a.shape)}`);
  a.diagonal().set(value as number);
  return a;
}
