/**
 * Trace: the sum of a diagonal (NumPy's `np.trace`).
 *
 *   trace(A) = Σ_i A[i, i + offset]
 *
 * over the two axes axis1, axis2 (default the first two, as NumPy); the remaining axes stay,
 * so a (2, 3, 3) stack traced over axes 1, 2 gives 2 numbers. The sum is a reduction of the
 * diagonal view (no copy): integers stay integers (int32 here, NumPy's int64), floats keep
 * their dtype, and `dtype` overrides the accumulator and result type.
 *
 * Invariant: trace(A) = Σ eigenvalues(A) for square A; trace(A·B) = trace(B·A).
 * Reference: NumPy `np.trace` (= `a.diagonal(offset, axis1, axis2).sum(-1, dtype)`).
 */
import * as np from "@sliderule/ndarray";
import type { Batched, Complex, ComplexMatrix, DType, NDArray, NestedStack, RealMatrix } from "@sliderule/ndarray";
import { asArray, type ArrayInput } from "../util/batch.js";
import { checkOptions, OPTION, optionsSchema } from "../util/options.js";

/** The options object of trace (util/options.ts); values are checked by np.trace. */
const TRACE_OPTIONS = optionsSchema({ offset: OPTION.any, axis1: OPTION.any, axis2: OPTION.any, dtype: OPTION.any });

export interface TraceOptions {
  /** The diagonal: 0 the main one, > 0 above it, < 0 below (default 0). */
  offset?: number;
  /** The first axis of the 2-D sub-arrays (default 0). */
  axis1?: number;
  /** The second axis (default 1). */
  axis2?: number;
  /** Accumulator and result dtype (default: the input's, bool → int32). */
  dtype?: DType;
}

/**
 * Sum along a diagonal (NumPy's `np.trace`).
 *
 * @param a an array of at least 2 dimensions.
 * @param options `{ offset, axis1, axis2, dtype }`, or NumPy's positional form
 *   `trace(a, offset, axis1, axis2, dtype)`.
 * @returns for 2-D input a JS number, as NumPy's scalar (a `Complex` for complex input);
 *   otherwise an NDArray of the shape of a without axis1 and axis2. Integer input gives int32,
 *   floats their own dtype, unless `dtype` is given. Typing: a 2-D literal or an NDArray is
 *   typed `number`, `Complex[][]` typed `Complex`, a 3-D literal or `np.batched(A)` NDArray; a
 *   stack in a plain NDArray still returns an NDArray at run time (see README "Scalars").
 * @throws ValueError for fewer than 2 dimensions; AxisError for an axis out of range.
 *
 * Notes: a reduction over the diagonal view, O(min(M, N)) per matrix.
 *
 * @example
 *   assert.equal(linalg.trace([[1, 2], [3, 4]]), 5);
 */
export function trace(a: Batched | NestedStack, options?: TraceOptions): NDArray;
/** NumPy's positional form: `trace(a, offset, axis1, axis2, dtype)`. */
export function trace(a: Batched | NestedStack, offset: number, axis1?: number, axis2?: number, dtype?: DType): NDArray;
export function trace(a: ComplexMatrix, options?: TraceOptions): Complex;
export function trace(a: ComplexMatrix, offset: number, axis1?: number, axis2?: number, dtype?: DType): Complex;
export function trace(a: NDArray | RealMatrix, options?: TraceOptions): number;
export function trace(a: NDArray | RealMatrix, offset: number, axis1?: number, axis2?: number, dtype?: DType): number;
export function trace(a: ArrayInput, options?: TraceOptions | number, axis1?: number, axis2?: number, dtype?: DType): number | Complex | NDArray;
export function trace(
  a: ArrayInput,
  optionsOrOffset: TraceOptions | number = {},
  axis1Arg?: number,
  axis2Arg?: number,
  dtypeArg?: DType,
): number | Complex | NDArray {
  if (typeof optionsOrOffset !== "number") checkOptions("trace", TRACE_OPTIONS, optionsOrOffset);
  const A = asArray(a);
  const options: TraceOptions =
    typeof optionsOrOffset === "number" ? { offset: optionsOrOffset, axis1: axis1Arg, axis2: axis2Arg, dtype: dtypeArg } : optionsOrOffset;
  // np.trace: the diagonal becomes the last axis of a view, summed away
  return np.trace(A, options);
}
