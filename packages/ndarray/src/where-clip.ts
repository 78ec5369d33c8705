/**
 * `np.clip` and `np.where`: the element-wise selections built on the ufunc machinery.
 *
 *   clip(a, lo, hi) = minimum(maximum(a, lo), hi)
 *   where(c, x, y)[i] = c[i] ? x[i] : y[i]          (c, x, y broadcast; x and y promoted)
 *   where(c)          = nonzero(c)
 *
 * Reference: NumPy's `np.clip` (numpy/core/_methods.py `_clip`) and `np.where`
 * (numpy/core/src/multiarray/multiarraymodule.c, PyArray_Where).
 */
import { allocate, resultType } from "./dtype.js";
import { ValueError } from "./errors.js";
import { forEachRun } from "./kernels/strided.js";
import { checkOptions } from "./validate.js";
import { NDArray } from "./ndarray.js";
import { nonzero } from "./indexing.js";
import { broadcastOperandShapes } from "./shape.js";
import { finish, readAs, toInput, type ArrayInput, type UfuncOptions } from "./ufunc-core.js";
import { maximum, minimum } from "./ufunc-binary.js";

export interface ClipOptions extends UfuncOptions {
  /** Lower bound (null or absent: none). */
  min?: ArrayInput | null;
  /** Upper bound (null or absent: none). */
  max?: ArrayInput | null;
}

/**
 * `np.clip(a, min, max)` (also `a.clip(min, max)`): `minimum(maximum(a, min), max)`, with
 * broadcasting and promotion (an int32 array clipped to 1.5 gives float64). Either bound may
 * be null (none); with both null the values come back unchanged, as in NumPy 2. NaN in a or in
 * a bound propagates; where min > max the result is max. Called as `clip(a, min, max)`,
 * `clip(a, min, max, { out })` or `clip(a, { min, max, out })`.
 *
 * @throws ValueError an unknown option
 * @example np.clip([-2, 0.5, 3], 0, 1).toArray() // [0, 0.5, 1]
 */
export function clip(a: ArrayInput, min?: ArrayInput | null | ClipOptions, max?: ArrayInput | null, options?: UfuncOptions): NDArray {
  const fn = "clip";
  let opts: ClipOptions;
  if (min !== null && typeof min === "object" && !(min instanceof NDArray) && !Array.isArray(min)) {
    if (max !== undefined || options !== undefined) throw new ValueError(`${fn}: pass min and max either positionally or in the options object, not both`);
    opts = checkOptions(fn, min as ClipOptions, ["min", "max", "out"]);
  } else {
    opts = { ...checkOptions(fn, options, ["out"]), min: min as ArrayInput | null | undefined, max };
  }
  let r = toInput(a, fn).array;
  if (opts.min === undefined || opts.min === null) {
    if (opts.max === undefined || opts.max === null) return finish(r.copy(), opts.out);
  } else r = maximum(r, opts.min);
  if (opts.max !== undefined && opts.max !== null) r = minimum(r, opts.max);
  return finish(r, opts.out);
}

/**
 * `np.where(condition, x, y)`: x where condition is true, else y; all three broadcast.
 * The result dtype promotes x and y.
 *
 * `np.where(condition)` with one argument is `nonzero(condition)`: one int32 index array per
 * axis (a JS array of them). Giving only one of x and y throws, as in NumPy.
 */
export function where(condition: ArrayInput): NDArray[];
export function where(condition: ArrayInput, x: ArrayInput, y: ArrayInput): NDArray;
export function where(condition: ArrayInput, x?: ArrayInput, y?: ArrayInput): NDArray | NDArray[] {
  if (x === undefined && y === undefined) return nonzero(condition);
  if (x === undefined || y === undefined)
    throw new ValueError(`where: either both or neither of x and y should be given, got ${x === undefined ? "y" : "x"} only`);
  const c = toInput(condition, "where").array;
  const a = toInput(x, "where");
  const b = toInput(y, "where");
  const dtype = resultType([a, b].map((o) => ({ dtype: o.array.dtype, scalar: o.scalar })));
  const shape = broadcastOperandShapes("where", [c.shape, a.array.shape, b.array.shape]);
  const A = a.array.dtype === dtype ? a.array : a.array.astype(dtype);
  const B = b.array.dtype === dtype ? b.array : b.array.astype(dtype);
  const out = new NDArray(
    allocate(
      dtype,
      shape.reduce((p, d) => p * d, 1),
    ),
    shape,
    dtype,
  );
  const C = readAs(c, shape);
  const sA = readAs(A, shape);
  const sB = readAs(B, shape);
  const w = dtype === "complex128" ? 2 : 1;
  const cw = c.dtype === "complex128" ? 2 : 1;
  const [cd, ad, bd, od] = [c.data, A.data, B.data, out.data];
  forEachRun(shape, [C.strides, sA.strides, sB.strides, out.strides], [C.offset, sA.offset, sB.offset, out.offset], (pos, n, step) => {
    let [ci, ai, bi, oi] = pos;
    for (let k = 0; k < n; k++, ci += step[0], ai += step[1], bi += step[2], oi += step[3]) {
      const take = cd[cw * ci] !== 0 || (cw === 2 && cd[cw * ci + 1] !== 0);
      const src = take ? ad : bd;
      const si = take ? ai : bi;
      for (let s = 0; s < w; s++) od[w * oi + s] = src[w * si + s];
    }
  });
  return out;
}
