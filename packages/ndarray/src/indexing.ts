/**
 * NumPy's index functions: take, put, compress, nonzero, flatnonzero, argwhere, countNonzero.
 *
 *   take(a, i, axis)      = a[:, …, :, i]            (axis colons; the flattened a without an axis)
 *   put(a, i, v)          : a.flat[i] = v, in place  (v repeated when shorter than i)
 *   compress(c, a, axis)  = take(a, nonzero(c)[0], axis)
 *   nonzero(a)            = one int32 index array per axis, the coordinates of the nonzero
 *                           elements in C order;  argwhere(a) = nonzero(a) stacked as rows
 *
 * take and compress are gathers through advanced-index.ts (so they share its bounds checks and
 * fast paths); put checks every index before its first write. Index results are int32 where
 * NumPy's are int64.
 *
 * Reference: NumPy's `np.take`, `np.put`, `np.compress`, `np.nonzero`, `np.argwhere`,
 * `np.count_nonzero` (numpy/core/fromnumeric.py, numpy/core/src/multiarray/item_selection.c).
 */
import type { ArrayLike } from "./creation.js";
import { allocate } from "./dtype.js";
import { IndexError, ValueError } from "./errors.js";
import { copyStrided } from "./kernels/copy.js";
import { forEachRun, isCContiguous } from "./kernels/strided.js";
import { gatherIndex, indexArray, notInteger, outOfBounds, toNDArray } from "./advanced-index.js";
import { NDArray, type Index } from "./ndarray.js";
import { cStrides, fmtShape, normalizeAxes, normalizeAxis, sizeOf } from "./shape.js";
import { checkArity, checkBool, checkOneOf, checkOptions, describe } from "./validate.js";

/** The gather and scatter behind `a.slice(index)` and `a.set(index, v)`, exported for their tests. */
export { gatherIndex, scatterIndex } from "./advanced-index.js";

/** How take and put treat an index outside [-n, n): throw (default), wrap around, or clip to [0, n-1]. */
export type TakeMode = "raise" | "wrap" | "clip";
const MODES: readonly TakeMode[] = ["raise", "wrap", "clip"];

export interface TakeOptions {
  /** The axis to take along; null or absent: the flattened array. */
  axis?: number | null;
  mode?: TakeMode;
}

/** An array argument of a public function (not an index), converted. */
function arrayArg(x: unknown, fn: string, name: string): NDArray {
  return toNDArray(x, fn, name);
}

/**
 * Integer indices with `mode` applied against an axis of length n: "raise" leaves them (the
 * gather checks them), "wrap" takes them modulo n, "clip" clamps them to [0, n-1]. Returns
 * an int32 array of the same shape for wrap and clip.
 */
function applyMode(indices: NDArray, n: number, mode: TakeMode, fn: string): NDArray {
  if (mode === "raise") return indices;
  if (indices.size > 0 && n === 0) throw new IndexError(`${fn}: cannot do a non-empty take from an empty axis (size 0) with mode '${mode}'`);
  const out = new Int32Array(indices.size);
  const isFloat = indices.dtype !== "int32";
  const d = indices.data;
  let j = 0;
  forEachRun(indices.shape, [indices.strides], [indices.offset], (pos, len, step) => {
    let i = pos[0];
    for (let k = 0; k < len; k++, i += step[0]) {
      const v = d[i];
      if (isFloat && !Number.isInteger(v)) throw notInteger(fn, v, indices.dtype);
      out[j++] = mode === "wrap" ? ((v % n) + n) % n : v < 0 ? 0 : v >= n ? n - 1 : v;
    }
  });
  return new NDArray(out, indices.shape, "int32");
}

/** An index argument of take/put: integer-valued (bool counts as 0/1, as NumPy casts it). */
function integerIndices(x: unknown, fn: string): NDArray {
  const a = indexArray(x, fn);
  return a.dtype === "bool" ? a.astype("int32") : a;
}

/**
 * `np.take(a, indices, axis=None, mode='raise')`: elements of `a` at `indices` along `axis`,
 * the same as `a.slice(":", …, ":", indices)` with `axis` colons (a copy).
 *
 * Shapes: `a: (N_0, …, N_{axis}, …)`, `indices: I` -> `(N_0, …, N_{axis-1}, ...I, N_{axis+1}, …)`;
 * without an axis, `a` is flattened first and the result has the shape of `indices`.
 * `axis` may be passed positionally (`take(a, idx, 1)`) or as `{ axis, mode }`.
 *
 * @throws IndexError `take: index 9 is out of bounds for axis 0 with size 9` (mode "raise";
 *   negative indices count from the end); a float index that is not an integer.
 * @example take([4, 3, 5, 7], [0, 1, -1]).toArray()  // [4, 3, 7]
 */
export function take(a: ArrayLike, indices: ArrayLike | number, axis?: number | null | TakeOptions, mode?: TakeMode): NDArray {
  const fn = "take";
  let ax = axis;
  let md = mode;
  if (axis !== null && typeof axis === "object") {
    if (mode !== undefined) throw new ValueError(`${fn}: pass mode either positionally or in the options object, not both`);
    const o = checkOptions(fn, axis, ["axis", "mode"]);
    ax = o.axis;
    md = o.mode;
  }
  const mo = checkOneOf(fn, "mode", md ?? "raise", MODES);
  let x = arrayArg(a, fn, "a");
  let at: number;
  if (ax === undefined || ax === null) {
    x = x.ravel();
    at = 0;
  } else {
    at = normalizeAxis(ax as number, x.ndim, fn);
  }
  const idx = applyMode(integerIndices(indices, fn), x.shape[at], mo, fn);
  const index: Index[] = new Array<Index>(at).fill(":");
  index.push(idx);
  return gatherIndex(x, index, fn);
}

/**
 * `np.put(a, ind, v, mode='raise')`: `a.flat[ind] = v`, **in place** (a must be a writeable
 * NDArray; returns nothing, as NumPy's). `ind` indexes the flattened array in C order, also
 * for non-contiguous `a`; `v` is cast to a's dtype and repeated when shorter than `ind`.
 * Repeated indices: the last write wins.
 *
 * Notes: with mode "raise" every index is checked before anything is written, so an
 * out-of-range index leaves `a` unchanged (NumPy writes the indices before it).
 * @throws IndexError `put: index 12 is out of bounds for axis 0 with size 12`
 * @example const a = arange(5); put(a, [0, 2], [-44, -55]); a.toArray() // [-44, 1, -55, 3, 4]
 */
export function put(a: NDArray, ind: ArrayLike | number, v: ArrayLike | number, mode?: TakeMode | { mode?: TakeMode }): void {
  const fn = "put";
  if (!(a instanceof NDArray)) throw new ValueError(`${fn}: a must be an NDArray (put modifies it in place), got ${describe(a)}`);
  const md = mode !== null && typeof mode === "object" ? checkOptions(fn, mode, ["mode"]).mode : mode;
  const mo = checkOneOf(fn, "mode", md ?? "raise", MODES);
  if (!a.flags.writeable) throw new ValueError(`${fn}: assignment destination is read-only`);
  const n = a.size;
  const idx = applyMode(integerIndices(ind, fn), n, mo, fn);
  const values = arrayArg(v, fn, "v");
  const m = idx.size;
  if (m === 0 || values.size === 0) return;
  // v in C order, cast to a's dtype
  const w = a.dtype === "complex128" ? 2 : 1;
  const vals = allocate(a.dtype, values.size);
  copyStrided(values.shape, values, { data: vals, dtype: a.dtype, strides: cStrides(values.shape), offset: 0 });
  // flat index -> element offset; checked for every index before the first write
  const offsets = new Float64Array(m);
  const contiguous = isCContiguous(a.shape, a.strides);
  const id = idx.data;
  let j = 0;
  const isFloat = idx.dtype !== "int32";
  forEachRun(idx.shape, [idx.strides], [idx.offset], (pos, len, step) => {
    let i = pos[0];
    for (let k = 0; k < len; k++, i += step[0]) {
      const raw = id[i];
      if (isFloat && !Number.isInteger(raw)) throw notInteger(fn, raw, idx.dtype);
      if (raw < -n || raw >= n) throw outOfBounds(fn, raw, 0, n);
      let p = raw < 0 ? raw + n : raw;
      if (contiguous) {
        offsets[j++] = a.offset + p;
        continue;
      }
      let off = a.offset;
      for (let d = a.ndim - 1; d >= 0; d--) {
        const q = p % a.shape[d];
        off += q * a.strides[d];
        p = (p - q) / a.shape[d];
      }
      offsets[j++] = off;
    }
  });
  const dst = a.data;
  const nv = values.size;
  for (let k = 0; k < m; k++) {
    const src = k % nv;
    for (let s = 0; s < w; s++) dst[w * offsets[k] + s] = vals[w * src + s];
  }
}

/**
 * `np.compress(condition, a, axis=None)`: the slices of `a` along `axis` where `condition` is
 * true (nonzero), a copy; without an axis, of the flattened array. `condition` is 1-D; it
 * may be shorter than the axis (the rest counts as false), and a true entry past the axis's
 * end is an IndexError, as in NumPy (compress is `take(a, nonzero(condition)[0], axis)`).
 * @example compress([false, true, true], [[1, 2], [3, 4], [5, 6]], 0).toArray()  // [[3, 4], [5, 6]]
 */
export function compress(condition: ArrayLike, a: ArrayLike, axis?: number | null | { axis?: number | null }): NDArray {
  const fn = "compress";
  const ax = axis !== null && typeof axis === "object" ? checkOptions(fn, axis, ["axis"]).axis : axis;
  const c = arrayArg(condition, fn, "condition");
  if (c.ndim !== 1) throw new ValueError(`${fn}: condition must be a 1-d array, got shape ${fmtShape(c.shape)}`);
  let x = arrayArg(a, fn, "a");
  let at = 0;
  if (ax === undefined || ax === null) x = x.ravel();
  else at = normalizeAxis(ax, x.ndim, fn);
  const index: unknown[] = new Array<unknown>(at).fill(":");
  index.push(nonzero(c)[0]);
  return gatherIndex(x, index, fn);
}

/** True when element i (a buffer slot index for real dtypes, an element index for complex) is nonzero. */
function truthTest(x: NDArray): (i: number) => boolean {
  const d = x.data;
  return x.dtype === "complex128" ? (i) => d[2 * i] !== 0 || d[2 * i + 1] !== 0 : (i) => d[i] !== 0;
}

/**
 * `np.nonzero(a)`: the indices of the nonzero elements, one int32 array per axis (NumPy
 * returns a tuple; here a JS array, so `const [rows, cols] = nonzero(m)`), each of length
 * `countNonzero(a)`, in C order. `a[nonzero(a)]` (`a.slice(...nonzero(a))`) is the nonzero
 * elements. NaN counts as nonzero; -0 does not.
 * @throws ValueError for a 0-d array, as NumPy 2 (use `atleast1d` first).
 * @example nonzero([[1, 0], [0, 2]]).map((i) => i.toArray())  // [[0, 1], [0, 1]]
 */
export function nonzero(a: ArrayLike): NDArray[] {
  const fn = "nonzero";
  checkArity(fn, arguments.length, ["a"]);
  const x = arrayArg(a, fn, "a");
  if (x.ndim === 0) throw new ValueError(`${fn}: calling nonzero on 0d arrays is not allowed; use atleast1d(a) first (a has shape ())`);
  const coords = nonzeroCoords(x);
  return coords.map((c) => new NDArray(c, [c.length], "int32"));
}

/** The coordinates of the nonzero elements of x (C order), one Int32Array per axis. */
function nonzeroCoords(x: NDArray): Int32Array[] {
  const nd = x.ndim;
  const isTrue = truthTest(x);
  // pass 1: count
  let count = 0;
  forEachRun(x.shape, [x.strides], [x.offset], (pos, n, step) => {
    let i = pos[0];
    for (let k = 0; k < n; k++, i += step[0]) if (isTrue(i)) count++;
  });
  const coords = Array.from({ length: nd }, () => new Int32Array(count));
  if (count === 0 || nd === 0) return coords;
  // pass 2: an odometer over the index tuples in C order, writing the tuple of each nonzero
  const idx = new Int32Array(nd);
  const size = x.size;
  let off = x.offset;
  let j = 0;
  for (let p = 0; p < size; p++) {
    if (isTrue(off)) {
      for (let d = 0; d < nd; d++) coords[d][j] = idx[d];
      if (++j === count) break;
    }
    for (let d = nd - 1; d >= 0; d--) {
      off += x.strides[d];
      if (++idx[d] < x.shape[d]) break;
      off -= x.strides[d] * x.shape[d];
      idx[d] = 0;
    }
  }
  return coords;
}

/**
 * `np.flatnonzero(a)`: the indices of the nonzero elements of the flattened array (C order),
 * int32, shape (N,).
 * @example flatnonzero([[0, 3], [4, 0]]).toArray()  // [1, 2]
 */
export function flatnonzero(a: ArrayLike): NDArray {
  const fn = "flatnonzero";
  checkArity(fn, arguments.length, ["a"]);
  const x = arrayArg(a, fn, "a");
  const flat = x.ndim === 1 ? x : x.ravel();
  const c = nonzeroCoords(flat)[0];
  return new NDArray(c, [c.length], "int32");
}

/**
 * `np.argwhere(a)`: the index tuples of the nonzero elements, one per row: int32 of shape
 * `(N, a.ndim)` (`(N, 0)` for a 0-d array, N being 1 or 0), C order. This is `nonzero(a)`
 * transposed; to index with it, use nonzero.
 * @example argwhere([[0, 1], [2, 0]]).toArray()  // [[0, 1], [1, 0]]
 */
export function argwhere(a: ArrayLike): NDArray {
  const fn = "argwhere";
  checkArity(fn, arguments.length, ["a"]);
  const x = arrayArg(a, fn, "a");
  if (x.ndim === 0) {
    const count = truthTest(x)(x.offset) ? 1 : 0;
    return new NDArray(new Int32Array(0), [count, 0], "int32");
  }
  const coords = nonzeroCoords(x);
  const N = coords[0].length;
  const nd = x.ndim;
  const out = new Int32Array(N * nd);
  for (let d = 0; d < nd; d++) for (let j = 0; j < N; j++) out[j * nd + d] = coords[d][j];
  return new NDArray(out, [N, nd], "int32");
}

export interface CountNonzeroOptions {
  /** Axis or axes to count along; null or absent: all (the result is a number). */
  axis?: number | readonly number[] | null;
  /** Keep the counted axes with length 1 (the result is then always an array). */
  keepdims?: boolean;
}

/**
 * `np.count_nonzero(a, axis=None, keepdims=False)`: the number of nonzero elements (NaN
 * counts; -0 does not). Without an axis (and without keepdims) a JS number; along axes an
 * int32 array of the other axes' shape. The axis may be positional (`countNonzero(a, 0)`)
 * or in an options object (`countNonzero(a, { axis: 0, keepdims: true })`).
 * @example countNonzero([[0, 1, 7], [3, 0, 0]])  // 3;  countNonzero([[0, 1, 7], [3, 0, 0]], 0).toArray() // [1, 1, 1]
 */
export function countNonzero(a: ArrayLike): number;
export function countNonzero(a: ArrayLike, axis: number | readonly number[], keepdims?: boolean): NDArray;
export function countNonzero(a: ArrayLike, options: CountNonzeroOptions & ({ axis: number | readonly number[] } | { keepdims: true })): NDArray;
export function countNonzero(a: ArrayLike, axis?: number | readonly number[] | null | CountNonzeroOptions, keepdims?: boolean): number | NDArray;
export function countNonzero(a: ArrayLike, axis?: number | readonly number[] | null | CountNonzeroOptions, keepdims?: boolean): number | NDArray {
  const fn = "countNonzero";
  let ax: number | readonly number[] | null | undefined;
  let keep = keepdims;
  if (axis !== null && typeof axis === "object" && !Array.isArray(axis)) {
    if (keepdims !== undefined) throw new ValueError(`${fn}: pass keepdims either positionally or in the options object, not both`);
    const o = checkOptions(fn, axis as CountNonzeroOptions, ["axis", "keepdims"]);
    ax = o.axis;
    keep = o.keepdims;
  } else {
    ax = axis as number | readonly number[] | null | undefined;
  }
  const kd = keep === undefined ? false : checkBool(fn, "keepdims", keep);
  const x = arrayArg(a, fn, "a");
  const isTrue = truthTest(x);
  if ((ax === undefined || ax === null) && !kd) {
    let count = 0;
    forEachRun(x.shape, [x.strides], [x.offset], (pos, n, step) => {
      let i = pos[0];
      for (let k = 0; k < n; k++, i += step[0]) if (isTrue(i)) count++;
    });
    return count;
  }
  const axes = normalizeAxes(ax as number | number[] | null | undefined, x.ndim, fn);
  const keepAxes = x.shape.map((_, i) => i).filter((i) => !axes.includes(i));
  // the counted axes last: each output element owns a block of `inner` consecutive elements
  const t = x.transpose([...keepAxes, ...axes]);
  const inner = sizeOf(axes.map((d) => x.shape[d]));
  const counts = new Int32Array(sizeOf(keepAxes.map((d) => x.shape[d])));
  let seen = 0; // elements visited so far, in C order of t
  forEachRun(t.shape, [t.strides], [t.offset], (pos, n, step) => {
    let i = pos[0];
    let left = n;
    while (left > 0) {
      // this run's elements up to the end of the current output block
      const seg = Math.min(left, inner - (seen % inner));
      let c = 0;
      for (let k = 0; k < seg; k++, i += step[0]) if (isTrue(i)) c++;
      counts[(seen - (seen % inner)) / inner] += c;
      seen += seg;
      left -= seg;
    }
  });
  const shape = kd ? x.shape.map((d, i) => (axes.includes(i) ? 1 : d)) : keepAxes.map((d) => x.shape[d]);
  return new NDArray(counts, shape, "int32");
}
