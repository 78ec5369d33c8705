/**
 * Function forms of the array's view methods, as NumPy offers both (`np.transpose(a)` and
 * `a.T`), plus the few that take an `order`: `reshape(a, shape, "F")` fills the new shape in
 * column-major order, and `ravel(a, "F")` reads column-major.
 *
 * And the everyday rearrangements that copy: `diff` (n-th discrete difference), `roll`
 * (cyclic shift), `meshgrid` (coordinate grids), `diagflat`. Tiling and repeating are in
 * tiling.ts, padding in padding.ts.
 */
import { allocate } from "./dtype.js";
import { ValueError } from "./errors.js";
import { asarray, diag, type ArrayLike } from "./creation.js";
import { copyStrided } from "./kernels/copy.js";
import { arrayArg, intList, isTypedArray } from "./array-args.js";
import { fromNested, NDArray, type NestedArray } from "./ndarray.js";
import { broadcastOperandShapes, fmtShape, normalizeAxis } from "./shape.js";
import { concatenate } from "./stacking.js";
import { notEqual, subtract } from "./ufunc.js";
import { checkBool, checkInt, checkOneOf, checkOptions, describe, checkArity } from "./validate.js";

/** `x` restricted to [start, start + length) along `axis`: a view. */
function along(x: NDArray, axis: number, start: number, length: number): NDArray {
  const shape = x.shape.slice();
  shape[axis] = length;
  return x.view(shape, x.strides, length > 0 ? x.offset + start * x.strides[axis] : x.offset);
}

export type Order = "C" | "F";

function checkOrder(order: unknown, fn: string): Order {
  if (order !== "C" && order !== "F") throw new ValueError(`${fn}: order must be "C" or "F", got ${describe(order)}`);
  return order;
}

/**
 * `np.reshape(a, shape, order)`: C order by default; "F" reads and fills column-major.
 * `shape` is an integer or a list of them, one of which may be -1 (inferred from the size).
 * @throws ValueError for a shape that is not a list of integers, or an order other than "C"/"F".
 * @throws ShapeError when the sizes differ.
 */
export function reshape(a: ArrayLike, shape: number | readonly number[], order: Order = "C"): NDArray {
  checkArity("reshape", arguments.length, ["a", "shape", "order"]);
  const x = arrayArg(a, "reshape");
  const sh = intList("reshape", "shape", shape);
  if (checkOrder(order, "reshape") === "C") return x.reshape(sh);
  // column-major: reverse the axes, reshape to the reversed target in C order, reverse back
  return x.T.reshape(sh.reverse()).T;
}

/** `np.ravel(a, order)`: the elements in C (or F) order, a view when possible. */
export function ravel(a: ArrayLike, order: Order = "C"): NDArray {
  checkArity("ravel", arguments.length, ["a", "order"]);
  const x = arrayArg(a, "ravel");
  return checkOrder(order, "ravel") === "C" ? x.ravel() : x.T.ravel();
}

export function transpose(a: ArrayLike, axes?: readonly number[]): NDArray {
  return axes === undefined ? asarray(a).transpose() : asarray(a).transpose(axes);
}

export function swapaxes(a: ArrayLike, axis1: number, axis2: number): NDArray {
  return asarray(a).swapaxes(axis1, axis2);
}

export function moveaxis(a: ArrayLike, source: number | readonly number[], destination: number | readonly number[]): NDArray {
  return asarray(a).moveaxis(source, destination);
}

export function squeeze(a: ArrayLike, axis?: number | readonly number[]): NDArray {
  return asarray(a).squeeze(axis);
}

export function expandDims(a: ArrayLike, axis: number | readonly number[]): NDArray {
  return asarray(a).expandDims(axis);
}

export function flip(a: ArrayLike, axis?: number | readonly number[] | null): NDArray {
  return asarray(a).flip(axis);
}

/** `np.fliplr(a)`: reverse the columns (axis 1). */
export function fliplr(a: ArrayLike): NDArray {
  checkArity("fliplr", arguments.length, ["a"]);
  const x = arrayArg(a, "fliplr");
  if (x.ndim < 2) throw new ValueError(`fliplr: input must be >= 2-d, got shape ${fmtShape(x.shape)}`);
  return x.flip(1);
}

/** `np.flipud(a)`: reverse the rows (axis 0). */
export function flipud(a: ArrayLike): NDArray {
  checkArity("flipud", arguments.length, ["a"]);
  const x = arrayArg(a, "flipud");
  if (x.ndim < 1) throw new ValueError(`flipud: input must be >= 1-d, got shape ${fmtShape(x.shape)}`);
  return x.flip(0);
}

/** `np.broadcast_to(a, shape)`: a read-only view. */
export function broadcastTo(a: ArrayLike, shape: readonly number[]): NDArray {
  return asarray(a).broadcastTo(shape);
}

/** `np.broadcast_arrays(...arrays)`: read-only views of every array at the common shape. */
export function broadcastArrays(...arrays: ArrayLike[]): NDArray[] {
  const xs = arrays.map((a) => asarray(a));
  const shape = broadcastOperandShapes(
    "broadcastArrays",
    xs.map((x) => x.shape),
  );
  return xs.map((x) => x.broadcastTo(shape));
}

/**
 * `np.diagonal(a, offset, axis1, axis2)`: the diagonal `offset` (0 main, > 0 above, < 0 below)
 * of the 2-D planes spanned by axis1 and axis2, a view of shape `(...other axes, length)`.
 * @throws ValueError for a non-integer offset or an input of fewer than 2 dimensions.
 * @throws AxisError for an axis out of range.
 */
export function diagonal(a: ArrayLike, offset = 0, axis1 = 0, axis2 = 1): NDArray {
  checkArity("diagonal", arguments.length, ["a", "offset", "axis1", "axis2"]);
  const x = arrayArg(a, "diagonal");
  return x.diagonal(checkInt("diagonal", "offset", offset), axis1, axis2);
}

/** `np.copy(a)`: a C-contiguous copy. */
export function copy(a: ArrayLike): NDArray {
  checkArity("copy", arguments.length, ["a"]);
  return arrayArg(a, "copy").copy();
}

/** `np.ascontiguousarray(a)`: `a` itself when already C-contiguous, else a contiguous copy. */
export function ascontiguousarray(a: ArrayLike): NDArray {
  checkArity("ascontiguousarray", arguments.length, ["a"]);
  const x = arrayArg(a, "ascontiguousarray");
  return x.flags.cContiguous ? x : x.copy();
}

// ------------------------------------------------------------------ diff

export interface DiffOptions {
  /** Number of times values are differenced (default 1; 0 returns the input). */
  n?: number;
  /** The axis along which the difference is taken (default −1, the last). */
  axis?: number;
  /** Values placed before a along axis before differencing (a scalar is broadcast). */
  prepend?: ArrayLike | number;
  /** Values placed after a along axis before differencing (a scalar is broadcast). */
  append?: ArrayLike | number;
}

/**
 * `np.diff(a, n, axis, prepend, append)`: the n-th discrete difference along an axis,
 *
 *   out[…, i, …] = a[…, i + 1, …] − a[…, i, …]      (applied n times)
 *
 * so the axis shrinks by n (to 0 when n exceeds its length). Bool arrays difference with
 * `notEqual`, as NumPy (`diff([true, false]) = [true]`); other dtypes as `subtract` (int32
 * wraps). Called as `diff(a)`, `diff(a, n, axis)` or `diff(a, { n, axis, prepend, append })`.
 *
 * @throws ValueError a 0-d input, a negative n, an unknown option
 * @throws AxisError axis out of range
 * @example np.diff([1, 4, 9, 16]).toArray() // [3, 5, 7]
 */
export function diff(a: ArrayLike, nOrOptions?: number | DiffOptions, axis?: number): NDArray {
  const fn = "diff";
  let options: DiffOptions;
  if (nOrOptions !== null && typeof nOrOptions === "object") {
    if (axis !== undefined) throw new ValueError(`${fn}: pass axis either positionally or in the options object, not both`);
    options = checkOptions(fn, nOrOptions, ["n", "axis", "prepend", "append"]);
  } else options = { n: nOrOptions, axis };
  let x = arrayArg(a, fn);
  const n = checkInt(fn, "n (the order)", options.n ?? 1, { min: 0 });
  if (x.ndim === 0) throw new ValueError(`${fn}: diff requires input that is at least one dimensional, got a 0-d array`);
  const k = normalizeAxis(checkInt(fn, "axis", options.axis ?? -1), x.ndim, fn);
  if (n === 0) return x;
  if (options.prepend !== undefined || options.append !== undefined) {
    // scalars become one slice along the axis; arrays are joined as given
    const edge = (v: ArrayLike | number, name: string): NDArray => {
      const e = arrayArg(v, fn, name);
      if (e.ndim > 0) return e;
      const shape = x.shape.slice();
      shape[k] = 1;
      return e.broadcastTo(shape);
    };
    const parts: NDArray[] = [];
    if (options.prepend !== undefined) parts.push(edge(options.prepend, "prepend"));
    parts.push(x);
    if (options.append !== undefined) parts.push(edge(options.append, "append"));
    x = concatenate(parts, k);
  }
  const op = x.dtype === "bool" ? notEqual : subtract;
  for (let t = 0; t < n; t++) {
    const m = Math.max(x.shape[k] - 1, 0);
    x = op(along(x, k, 1, m), along(x, k, 0, m));
  }
  return x;
}

// ------------------------------------------------------------------ roll

/**
 * `np.roll(a, shift, axis)`: elements shifted cyclically along the given axes,
 *
 *   out[…, (i + shift) mod n, …] = a[…, i, …]
 *
 * `shift` and `axis` are integers or equal-length lists (one integer broadcasts against the
 * other's list; shifts of a repeated axis add up). Without an axis, a is rolled as its
 * flattened self and reshaped back. Negative shifts roll backwards. Returns a new array.
 *
 * @throws ValueError shift/axis lists of different lengths, non-integers
 * @throws AxisError axis out of range
 * @example np.roll([1, 2, 3, 4], 1).toArray() // [4, 1, 2, 3]
 */
export function roll(
  a: ArrayLike,
  shift: number | readonly number[],
  axis?: number | readonly number[] | null | { axis?: number | readonly number[] | null },
): NDArray {
  const fn = "roll";
  const x = arrayArg(a, fn);
  let ax = axis;
  if (ax !== null && typeof ax === "object" && !Array.isArray(ax)) ax = checkOptions(fn, ax as { axis?: number | readonly number[] | null }, ["axis"]).axis;
  const shifts = intList(fn, "shift", shift);
  if (ax === undefined || ax === null) {
    const total = shifts.reduce((p, s) => p + s, 0);
    return roll(x.ravel(), total, 0).reshape(x.shape.slice());
  }
  const axes = intList(fn, "axis", ax);
  if (shifts.length !== axes.length && shifts.length !== 1 && axes.length !== 1) {
    throw new ValueError(`${fn}: 'shift' and 'axis' should be scalars or 1D sequences of the same length, got ${shifts.length} shifts and ${axes.length} axes`);
  }
  // the total shift of every axis, reduced into [0, n)
  const total = new Array<number>(x.ndim).fill(0);
  const m = Math.max(shifts.length, axes.length);
  for (let t = 0; t < m; t++) {
    const k = normalizeAxis(axes[axes.length === 1 ? 0 : t], x.ndim, fn);
    total[k] += shifts[shifts.length === 1 ? 0 : t];
  }
  const rolled: { axis: number; s: number; n: number }[] = [];
  x.shape.forEach((n, k) => {
    const s = n === 0 ? 0 : ((total[k] % n) + n) % n;
    if (s !== 0) rolled.push({ axis: k, s, n });
  });
  const out = new NDArray(allocate(x.dtype, x.size), x.shape.slice(), x.dtype);
  // each rolled axis splits into two segments: source [0, n − s) goes to [s, n), source
  // [n − s, n) goes to [0, s); every combination of segments is one strided copy
  for (let mask = 0; mask < 1 << rolled.length; mask++) {
    let src = x;
    let dst = out;
    rolled.forEach(({ axis: k, s, n }, j) => {
      if ((mask >> j) & 1) {
        src = along(src, k, n - s, s);
        dst = along(dst, k, 0, s);
      } else {
        src = along(src, k, 0, n - s);
        dst = along(dst, k, s, n - s);
      }
    });
    copyStrided(src.shape, src, dst);
  }
  return out;
}

// ------------------------------------------------------------------ meshgrid

export interface MeshgridOptions {
  /** "xy" (default, Cartesian: the first two output axes swapped) or "ij" (matrix indexing). */
  indexing?: "xy" | "ij";
  /** Return arrays of shape (…, n_i, …) with 1 elsewhere, which broadcast to the grid (default false). */
  sparse?: boolean;
  /** Copy (default true); false returns read-only broadcast views. */
  copy?: boolean;
}

/**
 * `np.meshgrid(x1, x2, …, { indexing, sparse, copy })`: coordinate arrays from coordinate
 * vectors. With N inputs of lengths n1 … nN, each output has shape (n1, n2, …, nN) for
 * indexing "ij" and (n2, n1, n3, …, nN) for "xy" (the default, as in NumPy and MATLAB):
 *
 *   ij:  out_k[i1, …, iN] = x_k[i_k]        xy (N = 2):  X[i, j] = x1[j],  Y[i, j] = x2[i]
 *
 * Inputs of any shape are flattened. Returns a JS array of NDArrays (NumPy: a tuple/list).
 *
 * @throws ValueError an unknown option, indexing not "xy"/"ij", non-boolean sparse/copy
 * @example np.meshgrid([1, 2, 3], [4, 5]).map((g) => g.shape) // [[2, 3], [2, 3]]
 */
export function meshgrid(...args: (ArrayLike | MeshgridOptions)[]): NDArray[] {
  const fn = "meshgrid";
  const last = args[args.length - 1];
  const hasOptions =
    last !== undefined && last !== null && typeof last === "object" && !Array.isArray(last) && !(last instanceof NDArray) && !isTypedArray(last);
  const options = hasOptions ? checkOptions(fn, last as MeshgridOptions, ["indexing", "sparse", "copy"]) : {};
  const indexing = checkOneOf(fn, "indexing", options.indexing ?? "xy", ["xy", "ij"] as const);
  const sparse = checkBool(fn, "sparse", options.sparse ?? false);
  const copy = checkBool(fn, "copy", options.copy ?? true);
  const xs = (hasOptions ? args.slice(0, -1) : args).map((x, i) => arrayArg(x, fn, `x${i + 1}`).ravel());
  const N = xs.length;
  // x_i as shape (1, …, n_i, …, 1), with the first two axes swapped for "xy"
  const outputs = xs.map((x, i) => {
    const shape = new Array<number>(N).fill(1);
    let at = i;
    if (indexing === "xy" && N > 1 && i < 2) at = 1 - i;
    shape[at] = x.size;
    return x.reshape(shape);
  });
  let result = outputs;
  if (!sparse) {
    const shape = broadcastOperandShapes(
      fn,
      outputs.map((o) => o.shape),
    );
    result = outputs.map((o) => o.broadcastTo(shape));
  }
  return copy ? result.map((o) => o.copy()) : result;
}

// ------------------------------------------------------------------ diagflat

/**
 * `np.diagflat(v, k)`: a 2-D array with the flattened input on the k-th diagonal (zeros
 * elsewhere), of size (len + |k|)²; `diag` of `v.ravel()`.
 *
 * @example np.diagflat([[1, 2], [3, 4]]).shape // [4, 4]
 */
export function diagflat(v: ArrayLike, k = 0): NDArray {
  const fn = "diagflat";
  return diag(arrayArg(v, fn, "v").ravel(), checkInt(fn, "k", k));
}
