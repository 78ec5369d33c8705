/**
 * Shape arithmetic shared by every part of the package: sizes, C-order strides, axis
 * normalisation and NumPy's broadcasting rule.
 *
 * Broadcasting (NumPy's rule): align shapes at their trailing dimensions; two dimensions are
 * compatible when equal or when one of them is 1; the result takes the larger. A missing
 * leading dimension counts as 1.
 */
import { describe } from "./validate.js";
import { AxisError, ShapeError, ValueError } from "./errors.js";

export type Shape = readonly number[];

/** Product of the dimensions (1 for a 0-d shape). */
export function sizeOf(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Strides in elements of a C-contiguous (row-major) array of this shape. */
export function cStrides(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = s;
    s *= Math.max(shape[d], 1);
  }
  return strides;
}

/** NumPy's tuple formatting of a shape: `(2,3)`, `(3,)`, `()`. */
export function fmtShape(shape: Shape): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(",")})`;
}

/** Check that a caller's shape is a list of non-negative integers. */
export function checkShape(shape: unknown, fn: string): number[] {
  const dims = typeof shape === "number" ? [shape] : shape;
  if (!Array.isArray(dims)) throw new ValueError(`${fn}: shape must be a number or an array of numbers, got ${describe(shape)}`);
  if (dims.length > 64) throw new ValueError(`${fn}: a shape has at most 64 dimensions, got ${dims.length}`);
  for (const d of dims) {
    if (typeof d !== "number" || !Number.isInteger(d)) {
      throw new ValueError(`${fn}: shape entries must be integers, got ${describe(dims)}`);
    }
    if (d < 0) throw new ValueError(`${fn}: negative dimensions are not allowed, got shape ${describe(dims)}`);
  }
  return dims.slice();
}

/** Map a possibly negative axis into [0, ndim); throws AxisError naming the function. */
export function normalizeAxis(axis: number, ndim: number, fn: string): number {
  if (typeof axis !== "number") throw new ValueError(`${fn}: axis must be an integer, got ${describe(axis)}`);
  if (!Number.isInteger(axis) || axis < -ndim || axis >= ndim) {
    throw new AxisError(`${fn}: axis ${axis} is out of bounds for array of dimension ${ndim}`);
  }
  return axis < 0 ? axis + ndim : axis;
}

/** Normalise an axis or list of axes (undefined/null = all axes); rejects duplicates. */
export function normalizeAxes(axis: number | readonly number[] | null | undefined, ndim: number, fn: string): number[] {
  if (axis === undefined || axis === null) return Array.from({ length: ndim }, (_, i) => i);
  const list = typeof axis === "number" ? [axis] : axis;
  if (!Array.isArray(list)) throw new ValueError(`${fn}: axis must be an integer, a list of integers or null, got ${describe(axis)}`);
  const out = list.map((a) => normalizeAxis(a, ndim, fn));
  if (new Set(out).size !== out.length) throw new ValueError(`${fn}: duplicate value in 'axis': ${describe(list)}`);
  return out;
}

/** The shape all the given shapes broadcast to, or null when they do not broadcast. */
export function tryBroadcastShapes(shapes: readonly Shape[]): number[] | null {
  const ndim = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(ndim).fill(1);
  for (const s of shapes) {
    for (let i = 1; i <= s.length; i++) {
      const d = s[s.length - i];
      const o = ndim - i;
      if (out[o] === 1) out[o] = d;
      else if (d !== 1 && d !== out[o]) return null;
    }
  }
  return out;
}

/**
 * The broadcast shape of several operands of function `fn`, with NumPy's message when they
 * do not fit: `add: operands could not be broadcast together with shapes (3,) (4,)`.
 */
export function broadcastOperandShapes(fn: string, shapes: readonly Shape[]): number[] {
  const out = tryBroadcastShapes(shapes);
  if (out === null) {
    throw new ShapeError(`${fn}: operands could not be broadcast together with shapes ${shapes.map(fmtShape).join(" ")}`);
  }
  return out;
}

/**
 * `np.broadcast_shapes(*shapes)`: the shape all the given shapes broadcast to. Each shape is
 * an array of non-negative integers, or an integer `n` for `(n,)` as in NumPy.
 * @throws ValueError for a shape that is not one; ShapeError when the shapes do not broadcast.
 * @example
 * broadcastShapes([2, 1], [3]); // [2, 3]
 */
export function broadcastShapes(...shapes: (Shape | number)[]): number[] {
  const checked = shapes.map((s) => checkShape(s, "broadcastShapes"));
  const out = tryBroadcastShapes(checked);
  if (out === null) {
    throw new ShapeError(`broadcastShapes: shapes ${checked.map(fmtShape).join(" ")} cannot be broadcast to a single shape`);
  }
  return out;
}

/**
 * Strides that read an array of `shape`/`strides` as if it had `target` shape: leading new
 * dimensions and stretched size-1 dimensions get stride 0. The caller has checked compatibility.
 */
export function broadcastStrides(shape: Shape, strides: readonly number[], target: Shape): number[] {
  const out = new Array<number>(target.length).fill(0);
  const lead = target.length - shape.length;
  for (let d = 0; d < shape.length; d++) {
    out[lead + d] = shape[d] === 1 && target[lead + d] !== 1 ? 0 : strides[d];
  }
  return out;
}

export function shapesEqual(a: Shape, b: Shape): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
