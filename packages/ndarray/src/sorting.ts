/**
 * Sorting along an axis: `sort` returns a sorted copy, `argsort` the indices that sort.
 *
 * Each 1-D lane along the axis is gathered into a scratch buffer, sorted, and scattered
 * back. NaN sorts to the end, as in NumPy. `argsort` is stable (equal elements keep their
 * order, NumPy's kind="stable"); `sort` of numbers is the typed array's own numeric sort.
 */
import { DTypeError } from "./errors.js";
import { forEachRun } from "./kernels/strided.js";
import { asarray } from "./creation.js";
import { NDArray } from "./ndarray.js";
import { normalizeAxis } from "./shape.js";
import type { ArrayInput } from "./ufunc.js";

export interface SortOptions {
  /** The axis to sort along (default -1, the last); null sorts the flattened array. */
  axis?: number | null;
}

/** Call `body(start, step)` for every 1-D lane of `a` along `axis` (a is C-contiguous here). */
function forEachLane(a: NDArray, axis: number, body: (start: number, step: number) => void): void {
  const moved = a.moveaxis(axis, -1);
  const step = moved.strides[moved.ndim - 1];
  forEachRun(moved.shape.slice(0, -1), [moved.strides.slice(0, -1)], [moved.offset], (pos, runs, st) => {
    for (let r = 0, start = pos[0]; r < runs; r++, start += st[0]) body(start, step);
  });
}

function prepare(x: ArrayInput, options: SortOptions, fn: string): { a: NDArray; axis: number } {
  let a = asarray(x);
  if (a.dtype === "complex128") throw new DTypeError(`${fn}: not supported for complex128 input`);
  if (options.axis === null) a = a.ravel();
  if (a.ndim === 0 && fn === "argsort") a = a.reshape(1); // NumPy: argsort of 0-d is [0], sort an AxisError
  return { a, axis: normalizeAxis(options.axis ?? -1, a.ndim, fn) };
}

/** `np.sort(a, axis)`: a sorted copy (NaN last). */
export function sort(x: ArrayInput, options: SortOptions = {}): NDArray {
  const { a, axis } = prepare(x, options, "sort");
  const out = a.copy();
  const n = out.shape[axis];
  const lane = new Float64Array(n);
  const d = out.data;
  forEachLane(out, axis, (start, step) => {
    for (let k = 0; k < n; k++) lane[k] = d[start + k * step];
    lane.sort(); // numeric, NaN last
    for (let k = 0; k < n; k++) d[start + k * step] = lane[k];
  });
  return out;
}

/** `np.argsort(a, axis, kind="stable")`: int32 indices that sort each lane (NaN last). */
export function argsort(x: ArrayInput, options: SortOptions = {}): NDArray {
  const { a, axis } = prepare(x, options, "argsort");
  const src = a.copy();
  const out = new NDArray(new Int32Array(src.size), src.shape, "int32");
  const n = src.shape[axis];
  const values = new Float64Array(n);
  const order = new Array<number>(n);
  const s = src.data;
  const o = out.data;
  forEachLane(src, axis, (start, step) => {
    for (let k = 0; k < n; k++) {
      values[k] = s[start + k * step];
      order[k] = k;
    }
    // Array.prototype.sort is stable; NaN compares greater than everything
    order.sort((p, q) => {
      const x = values[p];
      const y = values[q];
      if (x !== x) return y !== y ? 0 : 1;
      if (y !== y) return -1;
      return x - y;
    });
    for (let k = 0; k < n; k++) o[start + k * step] = order[k];
  });
  return out;
}
