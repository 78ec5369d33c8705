/**
 * Function forms of the array's view methods, as NumPy offers both (`np.transpose(a)` and
 * `a.T`), plus the few that take an `order`: `reshape(a, shape, "F")` fills the new shape in
 * column-major order, and `ravel(a, "F")` reads column-major.
 */
import { ValueError } from "./errors.js";
import { asarray, type ArrayLike } from "./creation.js";
import type { NDArray } from "./ndarray.js";
import { broadcastOperandShapes, fmtShape } from "./shape.js";

export type Order = "C" | "F";

function checkOrder(order: unknown, fn: string): Order {
  if (order !== "C" && order !== "F") throw new ValueError(`${fn}: order must be "C" or "F", got ${JSON.stringify(order)}`);
  return order;
}

/** `np.reshape(a, shape, order)`: C order by default; "F" reads and fills column-major. */
export function reshape(a: ArrayLike, shape: number | readonly number[], order: Order = "C"): NDArray {
  const x = asarray(a);
  const sh = typeof shape === "number" ? [shape] : shape.slice();
  if (checkOrder(order, "reshape") === "C") return x.reshape(sh);
  // column-major: reverse the axes, reshape to the reversed target in C order, reverse back
  return x.T.reshape(sh.reverse()).T;
}

/** `np.ravel(a, order)`: the elements in C (or F) order, a view when possible. */
export function ravel(a: ArrayLike, order: Order = "C"): NDArray {
  const x = asarray(a);
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
  const x = asarray(a);
  if (x.ndim < 2) throw new ValueError(`fliplr: input must be >= 2-d, got shape ${fmtShape(x.shape)}`);
  return x.flip(1);
}

/** `np.flipud(a)`: reverse the rows (axis 0). */
export function flipud(a: ArrayLike): NDArray {
  const x = asarray(a);
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
  const shape = broadcastOperandShapes("broadcastArrays", xs.map((x) => x.shape));
  return xs.map((x) => x.broadcastTo(shape));
}

export function diagonal(a: ArrayLike, offset = 0, axis1 = 0, axis2 = 1): NDArray {
  return asarray(a).diagonal(offset, axis1, axis2);
}

/** `np.copy(a)`: a C-contiguous copy. */
export function copy(a: ArrayLike): NDArray {
  return asarray(a).copy();
}

/** `np.ascontiguousarray(a)`: `a` itself when already C-contiguous, else a contiguous copy. */
export function ascontiguousarray(a: ArrayLike): NDArray {
  const x = asarray(a);
  return x.flags.cContiguous ? x : x.copy();
}
