/**
 * Tiling and repeating: NumPy's `tile(A, reps)` and `repeat(a, repeats, axis)`.
 *
 *   tile:    out[i0·s0 + j0, i1·s1 + j1, …] = A[j0, j1, …]     (i_k < reps_k, j_k < s_k)
 *   repeat:  along `axis`, element i of a appears repeats[i] times in a row
 *            (out[…, Σ_{m<i} r_m + t, …] = a[…, i, …] for t < r_i)
 *
 * Both are one strided copy from a broadcast view: tile reads A through the shape
 * (r0, s0, r1, s1, …) with stride 0 on each r_k axis and copies that into C order, which is
 * exactly the tiled array reshaped to (r0·s0, r1·s1, …); repeat with one count reads a through
 * an extra stride-0 axis of length r placed just after `axis`. Repeat with a count per element
 * copies each slice a[…, i, …] into its r_i rows of the output.
 *
 * Results are new C-contiguous arrays of a's dtype, as in NumPy. Reference: numpy/lib/
 * shape_base.py (tile), numpy/core/src/multiarray/item_selection.c (PyArray_Repeat).
 */
import { allocate } from "./dtype.js";
import { ValueError } from "./errors.js";
import { copyStrided } from "./kernels/copy.js";
import { arrayArg, intList } from "./array-args.js";
import { NDArray } from "./ndarray.js";
import { fmtShape, normalizeAxis, sizeOf } from "./shape.js";
import { checkInt, checkOptions, describe } from "./validate.js";
import type { ArrayLike } from "./creation.js";

/**
 * `np.tile(A, reps)`: A repeated reps[k] times along each axis k.
 *
 * `reps` is a non-negative integer or a list of them. When A has fewer dimensions than reps,
 * A is viewed with leading 1s (a (3,) array tiled by [2, 2] is (1, 3) tiled: shape (2, 6));
 * when reps is shorter, it is padded with leading 1s.
 *
 * @throws ValueError reps not a non-negative integer or list of them (`tile: reps must …`)
 * @example np.tile([1, 2], [2, 2]).toArray() // [[1, 2, 1, 2], [1, 2, 1, 2]]
 */
export function tile(A: ArrayLike, reps: number | readonly number[] | NDArray): NDArray {
  const fn = "tile";
  const a = arrayArg(A, fn, "A");
  const r = typeof reps === "number" ? [checkInt(fn, "reps", reps, { min: 0 })] : intList(fn, "reps", reps, { min: 0 });
  const d = Math.max(a.ndim, r.length);
  // align A's shape and reps on the right, padding both with leading 1s
  const shape = [...new Array<number>(d - a.ndim).fill(1), ...a.shape];
  const R = [...new Array<number>(d - r.length).fill(1), ...r];
  const outShape = shape.map((s, k) => s * R[k]);
  const x = a.reshape(shape);
  // A viewed as (R0, s0, R1, s1, …): stride 0 on each repetition axis
  const viewShape: number[] = [];
  const viewStrides: number[] = [];
  for (let k = 0; k < d; k++) {
    viewShape.push(R[k], shape[k]);
    viewStrides.push(0, x.strides[k]);
  }
  const out = new NDArray(allocate(a.dtype, sizeOf(outShape)), viewShape, a.dtype);
  copyStrided(viewShape, { data: x.data, dtype: x.dtype, strides: viewStrides, offset: x.offset }, out);
  return out.reshape(outShape);
}

/**
 * `np.repeat(a, repeats, axis)` (also `a.repeat(repeats, axis)`): each element of a repeated.
 *
 * `repeats` is a non-negative integer (every element the same number of times) or one count
 * per element along `axis` (an array or list of length a.shape[axis], or of length 1).
 * Without an axis, a is flattened first and the result is 1-D. The axis may be given
 * positionally or as `{ axis }`.
 *
 * @throws ValueError a negative or non-integer count, a count list of the wrong length
 * @throws AxisError axis out of range
 * @example np.repeat([[1, 2], [3, 4]], [1, 2], 0).toArray() // [[1, 2], [3, 4], [3, 4]]
 */
export function repeat(a: ArrayLike, repeats: number | readonly number[] | NDArray, axis?: number | null | { axis?: number | null }): NDArray {
  const fn = "repeat";
  let x = arrayArg(a, fn);
  let ax = axis;
  if (ax !== null && typeof ax === "object") ax = checkOptions(fn, ax, ["axis"]).axis;
  if (ax !== undefined && ax !== null && typeof ax !== "number") throw new ValueError(`${fn}: axis must be an integer or null, got ${describe(ax)}`);
  if (ax === undefined || ax === null) {
    x = x.ravel();
    ax = 0;
  }
  const k = normalizeAxis(ax, x.ndim, fn);
  const n = x.shape[k];
  let counts = typeof repeats === "number" ? [checkInt(fn, "repeats", repeats, { min: 0 })] : intList(fn, "repeats", repeats, { min: 0 });
  if (counts.length === 1 && n !== 1) {
    return repeatUniform(x, k, counts[0]);
  }
  if (counts.length !== n) {
    throw new ValueError(
      `${fn}: operands could not be broadcast together: repeats has shape (${counts.length},), but a has ${n} elements along axis ${k} (shape ${fmtShape(x.shape)})`,
    );
  }
  if (n === 1) counts = [counts[0]];
  // out along axis k: counts[i] copies of slice i, one after another
  const total = counts.reduce((p, c) => p + c, 0);
  const outShape = x.shape.slice();
  outShape[k] = total;
  const out = new NDArray(allocate(x.dtype, sizeOf(outShape)), outShape, x.dtype);
  let start = 0;
  for (let i = 0; i < n; i++) {
    const c = counts[i];
    if (c === 0) continue;
    const block = outShape.slice();
    block[k] = c;
    // slice i of x, read c times (stride 0 along axis k), into rows start … start + c − 1
    const srcStrides = x.strides.slice();
    srcStrides[k] = 0;
    copyStrided(
      block,
      { data: x.data, dtype: x.dtype, strides: srcStrides, offset: x.offset + i * x.strides[k] },
      { data: out.data, dtype: out.dtype, strides: out.strides, offset: start * out.strides[k] },
    );
    start += c;
  }
  return out;
}

/** repeat with one count r for every element: x read through an extra stride-0 axis after axis k. */
function repeatUniform(x: NDArray, k: number, r: number): NDArray {
  const viewShape = [...x.shape.slice(0, k + 1), r, ...x.shape.slice(k + 1)];
  const viewStrides = [...x.strides.slice(0, k + 1), 0, ...x.strides.slice(k + 1)];
  const outShape = x.shape.slice();
  outShape[k] *= r;
  const out = new NDArray(allocate(x.dtype, sizeOf(outShape)), viewShape, x.dtype);
  copyStrided(viewShape, { data: x.data, dtype: x.dtype, strides: viewStrides, offset: x.offset }, out);
  return out.reshape(outShape);
}
