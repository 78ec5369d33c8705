/**
 * Basic slicing: NumPy's `start:stop:step` as a {@link Slice}, its parsing from strings such as
 * "1:3" or "::-1", and Python's `slice.indices(n)`, which clamps a slice to an axis of length n:
 *
 *   step > 0:  start ∈ [0, n],  stop ∈ [0, n];   step < 0:  start ∈ [-1, n-1],  stop ∈ [-1, n-1]
 *   length = max(0, ⌈(stop − start) / step⌉)     (the elements start, start + step, …)
 *
 * The view a slice gives (offset += start·stride, stride *= step) is built by NDArray.slice
 * (ndarray-class.ts); index arrays and masks are the gather of advanced-index.ts. This module
 * imports no array, so both can use it.
 *
 * Reference: Python's `slice.indices` (Objects/sliceobject.c, PySlice_AdjustIndices); NumPy's
 * "Indexing on ndarrays", basic slicing.
 */
import { IndexError, ValueError } from "./errors.js";
import { checkArity, checkInt, describe, isPlainObject, rejectBigInt } from "./validate.js";

/** A Python slice `start:stop:step`; any part may be omitted. */
export interface Slice {
  start?: number | null;
  stop?: number | null;
  step?: number | null;
}

/** `np.newaxis`. */
export const newaxis = null;

/**
 * `np.s_`-like helper: `slice(1, null, 2)` is `1::2`. Each bound is an integer, or null or
 * undefined for "omitted" (a zero step is accepted here and rejected where the slice is used).
 * @throws ValueError for a bound that is not an integer, null or undefined, or more than 3 arguments.
 */
export function slice(start?: number | null, stop?: number | null, step?: number | null): Slice {
  checkArity("slice", arguments.length, ["start", "stop", "step"]);
  checkSliceBound("slice", "start", start);
  checkSliceBound("slice", "stop", stop);
  checkSliceBound("slice", "step", step);
  return { start, stop, step };
}

/** One bound of a slice: an integer, null or undefined. */
function checkSliceBound(fn: string, name: string, v: unknown): void {
  if (v === undefined || v === null || (typeof v === "number" && Number.isInteger(v))) return;
  rejectBigInt(fn, name, v);
  throw new ValueError(`${fn}: ${name} must be an integer, null or undefined, got ${describe(v)}`);
}

/**
 * Parse a slice string such as ":", "1:", "::2", "-1::-1", "2:5:1" (internal: `text` is a
 * string; errors name `fn`). The public, checked entry is {@link checkedParseSlice}.
 */
export function parseSlice(text: string, fn = "slice"): Slice {
  const parts = text.split(":");
  if (parts.length < 2 || parts.length > 3) throw new IndexError(`${fn}: cannot parse index ${JSON.stringify(text)}`);
  const num = (p: string | undefined): number | null => {
    if (p === undefined || p.trim() === "") return null;
    const v = Number(p);
    if (!Number.isInteger(v)) throw new IndexError(`${fn}: cannot parse index ${JSON.stringify(text)}`);
    return v;
  };
  return { start: num(parts[0]), stop: num(parts[1]), step: num(parts[2]) };
}

/**
 * `np.parseSlice(text)`: a slice string such as ":", "1:", "::2", "-1::-1", "2:5:1" as a
 * {@link Slice}. Exported as `parseSlice`.
 * @throws ValueError for a non-string or an extra argument; IndexError for a string that is not a slice.
 */
export function checkedParseSlice(text: string): Slice {
  checkArity("parseSlice", arguments.length, ["text"], 1);
  if (typeof text !== "string") {
    rejectBigInt("parseSlice", "text", text);
    throw new ValueError(`parseSlice: text must be a string such as "1:3" or "::-1", got ${describe(text)}`);
  }
  return parseSlice(text, "parseSlice");
}

/**
 * `np.sliceIndices(s, n)`, Python's `slice(...).indices(n)`: start, step and length of slice
 * `s` over an axis of length `n`. Exported as `sliceIndices`; indexing calls the unchecked
 * {@link sliceIndices} with slices it has already checked.
 * @throws ValueError for a slice that is not a `{ start, stop, step }` object of integers (or
 *   null), a length that is not a non-negative integer, a zero step, or an extra argument.
 */
export function checkedSliceIndices(s: Slice, n: number): { start: number; step: number; length: number } {
  checkArity("sliceIndices", arguments.length, ["s", "n"], 2);
  if (!isPlainObject(s)) throw new ValueError(`sliceIndices: s must be a slice object { start, stop, step } (see np.slice), got ${describe(s)}`);
  for (const key of Object.keys(s)) {
    if (key !== "start" && key !== "stop" && key !== "step")
      throw new ValueError(`sliceIndices: a slice object has only start, stop and step, got key '${key}'`);
  }
  checkSliceBound("sliceIndices", "start", s.start);
  checkSliceBound("sliceIndices", "stop", s.stop);
  checkSliceBound("sliceIndices", "step", s.step);
  rejectBigInt("sliceIndices", "n", n);
  checkInt("sliceIndices", "n", n, { min: 0 });
  if (s.step === 0) throw new ValueError(`sliceIndices: slice step cannot be zero`);
  return sliceIndices(s, n);
}

/**
 * Python's `slice.indices(n)`: clamp start/stop for a given step; returns start, step and
 * length (internal: `s` holds integers or null, `n >= 0`).
 */
export function sliceIndices(s: Slice, n: number): { start: number; step: number; length: number } {
  const step = s.step ?? 1;
  if (step === 0) throw new ValueError(`slice: slice step cannot be zero`);
  let start: number;
  let stop: number;
  if (step > 0) {
    start = s.start == null ? 0 : s.start < 0 ? Math.max(s.start + n, 0) : Math.min(s.start, n);
    stop = s.stop == null ? n : s.stop < 0 ? Math.max(s.stop + n, 0) : Math.min(s.stop, n);
  } else {
    start = s.start == null ? n - 1 : s.start < 0 ? Math.max(s.start + n, -1) : Math.min(s.start, n - 1);
    stop = s.stop == null ? -1 : s.stop < 0 ? Math.max(s.stop + n, -1) : Math.min(s.stop, n - 1);
  }
  const length = step > 0 ? Math.max(0, Math.ceil((stop - start) / step)) : Math.max(0, Math.ceil((start - stop) / -step));
  return { start, step, length };
}

/** A slice bound: undefined, null or an integer. */
function checkBound(fn: string, key: string, v: unknown): void {
  if (v === undefined || v === null || (typeof v === "number" && Number.isInteger(v))) return;
  rejectBigInt(fn, `slice ${key}`, v);
  throw new IndexError(`${fn}: slice ${key} must be an integer or null, got ${describe(v)}`);
}

/**
 * A slice item (a string such as "1:3" or a {start, stop, step} object) as a Slice; any other
 * value is not a valid index and throws (IndexError; DTypeError for a BigInt).
 */
export function toSlice(item: unknown, fn: string): Slice {
  if (typeof item === "string") return parseSlice(item);
  // (callers have ruled out the advanced items: arrays, NDArrays, typed arrays, booleans)
  if (item !== null && typeof item === "object" && isPlainObject(item)) {
    const s = item as Slice;
    checkBound(fn, "start", s.start);
    checkBound(fn, "stop", s.stop);
    checkBound(fn, "step", s.step);
    for (const key in s) {
      if (key !== "start" && key !== "stop" && key !== "step")
        throw new IndexError(`${fn}: a slice object has only start, stop and step, got key '${key}' in ${describe(item)}`);
    }
    return s;
  }
  rejectBigInt(fn, "index", item);
  throw new IndexError(
    `${fn}: only integers, slices (":", "1:3", {start, stop, step}), ellipsis ("..."), newaxis (null) and integer or boolean arrays are valid indices, got ${describe(item)}`,
  );
}

/** The layout of a basic-indexing view: what NDArray.slice passes to `view`. */
export interface BasicView {
  shape: number[];
  strides: number[];
  offset: number;
}

/**
 * The view `a[index]` for an index of basic items only (integers, slices, "...", null), from
 * a's shape, strides and offset: integers fold into the offset and remove their axis, a slice
 * keeps its axis with length ⌈…/step⌉ and stride step·stride, null inserts a length-1 axis of
 * stride 0, "..." stands for the axes no other item consumes. Errors name `slice`.
 */
export function basicIndex(shape: readonly number[], strides: readonly number[], offset: number, index: readonly unknown[]): BasicView {
  const ndim = shape.length;
  const outShape: number[] = [];
  const outStrides: number[] = [];
  let off = offset;
  // Expand the ellipsis into full slices over the axes no other item consumes.
  const consumed = index.filter((x) => x !== null && x !== "...").length;
  const ellipses = index.filter((x) => x === "...").length;
  if (ellipses > 1) throw new IndexError(`slice: an index can only have a single ellipsis ('...'), got ${ellipses}`);
  if (consumed > ndim) {
    throw new IndexError(`slice: too many indices for array: array is ${ndim}-dimensional, but ${consumed} were indexed`);
  }
  let axis = 0;
  for (const item of index) {
    if (item === null) {
      outShape.push(1);
      outStrides.push(0);
    } else if (item === "...") {
      for (let k = 0; k < ndim - consumed; k++, axis++) {
        outShape.push(shape[axis]);
        outStrides.push(strides[axis]);
      }
    } else if (typeof item === "number") {
      const n = shape[axis];
      if (!Number.isInteger(item)) throw new IndexError(`slice: index ${item} is not an integer`);
      if (item < -n || item >= n) throw new IndexError(`slice: index ${item} is out of bounds for axis ${axis} with size ${n}`);
      off += (item < 0 ? item + n : item) * strides[axis];
      axis++;
    } else {
      const s = typeof item === "string" ? parseSlice(item) : toSlice(item, "slice");
      const { start, step, length } = sliceIndices(s, shape[axis]);
      if (length > 0) off += start * strides[axis];
      outShape.push(length);
      outStrides.push(step * strides[axis]);
      axis++;
    }
  }
  for (; axis < ndim; axis++) {
    outShape.push(shape[axis]);
    outStrides.push(strides[axis]);
  }
  return { shape: outShape, strides: outStrides, offset: off };
}
