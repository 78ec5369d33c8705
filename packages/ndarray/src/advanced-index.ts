/**
 * Advanced indexing: gather and scatter through index arrays (NumPy's "fancy" indexing), the
 * machinery behind `a.slice(mask)`, `a.slice(":", [0, 2])` and `a.set(idx, v)`; the public
 * functions built on it (take, put, compress, nonzero, …) are in indexing.ts, basic slicing
 * in slicing.ts.
 *
 *   integer arrays i_0 … i_{k-1}, broadcast together to shape B:
 *     a[i_0, …, i_{k-1}][b] = a[i_0[b], …, i_{k-1}[b]]                  b ∈ B
 *   mixed with basic items (slices, newaxis, "..."), which keep their axes:
 *     a[s, i, j, t][p, b, q] = a[s(p), i[b], j[b], t(q)]
 *   a boolean mask m stands for its nonzero() index arrays (one per axis it covers):
 *     a[m] = a[nonzero(m)],   m.shape = the shape of the axes it indexes
 *
 * Where the broadcast axes B go (NumPy's rule): when the advanced items are adjacent in the
 * index they replace them in place (`a[:, [0, 2], [1, 1]]`: (n, 2)); when a slice, "..." or
 * newaxis separates them, B goes first (`a[[0, 1], :, [0, 1]]`: (2, n)). An integer next to an
 * index array counts as a 0-d index array for this rule (`a[0, :, [0, 1]]` is (2, n), NumPy's
 * famous surprise). A 0-d boolean (`a[true]`) is a mask over no axes: a new axis of length 1
 * (true) or 0 (false).
 *
 * Evaluation. The index is resolved once into three tables of element offsets into a's buffer:
 *
 *   pre[p]   the basic axes before B           (C order over their shape)
 *   adv[b]   Σ_k i_k[b]·strides[axis_k]        (C order over B; a mask's table lists the
 *                                               offsets of its true elements)
 *   post[q]  the basic axes after B
 *
 * and the gather is one loop nest, out[k++] = data[base + pre[p] + adv[b] + post[q]] for p, b,
 * q in C order (`gatherTables`, the readable spec). The scatter `a.set(index, v)` runs the same
 * nest writing v broadcast to the result shape, so for a repeated index the last write wins,
 * NumPy's rule for `a[idx] = v`. Bounds are checked while the tables are built, before any
 * element moves: an out-of-range index leaves `a` untouched.
 *
 * Fast paths, each tested against the table nest (`fast: false`): a post block that is one
 * unit-stride run is copied with `TypedArray.set`; a mask over a whole C-contiguous array
 * counts its trues in one pass and copies in a second (no table); one integer array over a 1-D
 * array checks and gathers in a single pass; `set(mask, scalar)` is one pass.
 *
 * Results of indexing with any advanced item are copies (they own their data); indexing with
 * basic items only stays a view (NDArray.slice). Index results (nonzero, argwhere, …) are int32
 * where NumPy's are int64.
 *
 * Reference: NumPy's "Indexing on ndarrays" (user guide, advanced indexing) and
 * numpy/core/src/multiarray/mapping.c (prepare_index; the "consec" rule in mapiter);
 * NEP 21 for the semantics it keeps.
 */
import { allocate, castScalar, dtypeOfBuffer, type DType, type TypedArray } from "./dtype.js";
import { DTypeError, IndexError, ShapeError, ValueError } from "./errors.js";
import { copyStrided } from "./kernels/copy.js";
import { coalesce, forEachRun, isCContiguous } from "./kernels/strided.js";
import { fromNested, isAdvancedItem, NDArray } from "./ndarray-class.js";
import type { NestedArray } from "./nested.js";
import { broadcastStrides, cStrides, fmtShape, shapesEqual, sizeOf, tryBroadcastShapes } from "./shape.js";
import { sliceIndices, toSlice, type Slice } from "./slicing.js";
import { describe, rejectBigInt } from "./validate.js";

// ================================================================== index items

/** An index item after classification: what it is and how many axes of `a` it consumes. */
type Item =
  | { kind: "int"; i: number } // one axis; removes it
  | { kind: "slice"; s: Slice } // one axis
  | { kind: "newaxis" } // none; inserts a length-1 axis
  | { kind: "ellipsis" } // as many as no other item consumes
  | { kind: "array"; index: NDArray } // one axis; int32 or integer-valued float
  | { kind: "mask"; mask: NDArray }; // mask.ndim axes; bool

/** A JS value as an NDArray: NDArrays as they are, typed arrays wrapped, nested arrays and scalars converted. */
export function toNDArray(x: unknown, fn: string, name: string): NDArray {
  if (x instanceof NDArray) return x;
  if (x instanceof Float64Array || x instanceof Float32Array || x instanceof Int32Array || x instanceof Uint8Array)
    return new NDArray(x, [x.length], dtypeOfBuffer(x));
  if (ArrayBuffer.isView(x))
    throw new DTypeError(`${fn}: ${name}: unsupported typed array ${describe(x)}; use Float64Array, Float32Array, Int32Array or Uint8Array`);
  rejectBigInt(fn, name, x);
  if (typeof x === "number" || typeof x === "boolean" || Array.isArray(x)) return fromNested(x as NestedArray, fn);
  throw new ValueError(`${fn}: ${name} must be an array, nested JS arrays or a number, got ${describe(x)}`);
}

/** An index array as an integer or boolean NDArray; float arrays must hold integers (checked as they are read). */
export function indexArray(x: unknown, fn: string): NDArray {
  const a = toNDArray(x, fn, "index");
  if (a.dtype === "complex128") throw new IndexError(`${fn}: arrays used as indices must be of integer (or boolean) type, got ${describe(a)}`);
  return a;
}

/** Classify one item of an index. */
function classify(item: unknown, fn: string): Item {
  if (item === null) return { kind: "newaxis" };
  if (item === "...") return { kind: "ellipsis" };
  if (typeof item === "number") {
    if (!Number.isInteger(item)) throw new IndexError(`${fn}: index ${item} is not an integer`);
    return { kind: "int", i: item };
  }
  if (typeof item === "boolean") return { kind: "mask", mask: fromNested(item, fn) };
  if (isAdvancedItem(item)) {
    const a = indexArray(item, fn);
    return a.dtype === "bool" ? { kind: "mask", mask: a } : { kind: "array", index: a };
  }
  return { kind: "slice", s: toSlice(item, fn) };
}

// ================================================================== offset tables

/** Element offsets; Float64Array only for buffers too long for int32 offsets. */
type Offsets = Int32Array | Float64Array;

const offsetsOf = (big: boolean, n: number): Offsets => (big ? new Float64Array(n) : new Int32Array(n));

/** One basic axis of the result: its length and its stride in a's buffer. */
interface Dim {
  n: number;
  stride: number;
}

/** Offsets Σ i_d·stride_d over the dims' index tuples in C order ([0] for no dims). */
function dimsTable(dims: readonly Dim[], big: boolean): Offsets {
  let t = offsetsOf(big, 1);
  for (const { n, stride } of dims) {
    const next = offsetsOf(big, t.length * n);
    let k = 0;
    for (let e = 0; e < t.length; e++) for (let i = 0; i < n; i++) next[k++] = t[e] + i * stride;
    t = next;
  }
  return t;
}

export function outOfBounds(fn: string, v: number, axis: number, n: number): IndexError {
  return new IndexError(`${fn}: index ${v} is out of bounds for axis ${axis} with size ${n}`);
}

export function notInteger(fn: string, v: number, dtype: DType): IndexError {
  return new IndexError(`${fn}: arrays used as indices must be of integer (or boolean) type; the ${dtype} index array holds ${v}`);
}

/**
 * The offsets `i[j]·stride` of an integer index array on an axis of length n (C order over
 * the index's shape), negative indices counted from the end. Throws on an index out of
 * range or a float index that is not an integer.
 */
function indexTable(index: NDArray, n: number, stride: number, axis: number, fn: string, big: boolean): Offsets {
  const t = offsetsOf(big, index.size);
  const d = index.data;
  const isFloat = index.dtype !== "int32";
  let j = 0;
  forEachRun(index.shape, [index.strides], [index.offset], (pos, len, step) => {
    let i = pos[0];
    for (let k = 0; k < len; k++, i += step[0]) {
      const v = d[i];
      if (isFloat && !Number.isInteger(v)) throw notInteger(fn, v, index.dtype);
      if (v < -n || v >= n) throw outOfBounds(fn, v, axis, n);
      t[j++] = (v < 0 ? v + n : v) * stride;
    }
  });
  return t;
}

/** Number of true (nonzero) elements of a bool array, in any layout. */
function countTrue(m: NDArray): number {
  const d = m.data;
  let count = 0;
  forEachRun(m.shape, [m.strides], [m.offset], (pos, n, step) => {
    let i = pos[0];
    const s = step[0];
    for (let k = 0; k < n; k++, i += s) if (d[i] !== 0) count++;
  });
  return count;
}

/**
 * The offsets Σ_t c_t·strides[t] of the true elements of mask m (C order), where `strides`
 * are a's strides over the axes the mask covers: the nonzero() index arrays of m, already
 * combined (they share one shape, so summing them first is the same as broadcasting them).
 */
function maskTable(m: NDArray, strides: readonly number[], big: boolean): Offsets {
  const t = offsetsOf(big, countTrue(m));
  const d = m.data;
  let j = 0;
  forEachRun(m.shape, [m.strides, strides], [m.offset, 0], (pos, n, step) => {
    let i = pos[0];
    let o = pos[1];
    for (let k = 0; k < n; k++, i += step[0], o += step[1]) if (d[i] !== 0) t[j++] = o;
  });
  return t;
}

/** The element-wise sum of offset tables broadcast to shape B (C order over B). */
function combineTables(tables: readonly { table: Offsets; shape: readonly number[] }[], B: readonly number[], big: boolean): Offsets {
  if (tables.length === 1 && shapesEqual(tables[0].shape, B)) return tables[0].table;
  const out = offsetsOf(big, sizeOf(B));
  const F = tables.length;
  const strides = tables.map((t) => broadcastStrides(t.shape, cStrides(t.shape), B));
  strides.push(cStrides(B));
  forEachRun(B, strides, new Array<number>(F + 1).fill(0), (pos, n, step) => {
    for (let k = 0; k < n; k++) {
      let sum = 0;
      for (let f = 0; f < F; f++) sum += tables[f].table[pos[f] + k * step[f]];
      out[pos[F] + k * step[F]] = sum;
    }
  });
  return out;
}

// ================================================================== the plan

/**
 * An index resolved against an array: the result's shape and the offset tables whose nest
 * visits the selected elements in the result's C order.
 */
interface Plan {
  shape: number[];
  /** Element offset of the start (slice starts and integer items folded in). */
  base: number;
  pre: Offsets;
  adv: Offsets;
  post: Offsets;
  /** > 0 when the post axes are one unit-stride run of this length (post[q] = q). */
  postRun: number;
  items: Item[];
}

/** Resolve an index with at least one advanced item (NumPy's prepare_index and mapiter setup). */
function resolve(a: NDArray, index: readonly unknown[], fn: string): Plan {
  const items = index.map((x) => classify(x, fn));
  let consumed = 0;
  let ellipses = 0;
  for (const t of items) {
    if (t.kind === "ellipsis") ellipses++;
    else if (t.kind === "int" || t.kind === "slice" || t.kind === "array") consumed++;
    else if (t.kind === "mask") consumed += t.mask.ndim;
  }
  if (ellipses > 1) throw new IndexError(`${fn}: an index can only have a single ellipsis ('...'), got ${ellipses}`);
  if (consumed > a.ndim) throw new IndexError(`${fn}: too many indices for array: array is ${a.ndim}-dimensional, but ${consumed} were indexed`);

  const big = a.data.length > 0x7fffffff;
  const before: Dim[] = []; // basic axes left of the first advanced item
  const after: Dim[] = []; // basic axes right of it
  const tables: { table: Offsets; shape: readonly number[] }[] = [];
  let base = a.offset;
  let axis = 0;
  // NumPy's consecutiveness test: -1 no advanced item yet, 0 inside the first run of them,
  // 1 a basic item followed that run, 2 another advanced item came after that (B goes first).
  let status = -1;
  const basic = (dim: Dim) => (status === -1 ? before : after).push(dim);
  for (const t of items) {
    const advanced = t.kind === "int" || t.kind === "array" || t.kind === "mask";
    if (advanced) status = status === -1 ? 0 : status === 1 ? 2 : status;
    else if (status === 0) status = 1;
    switch (t.kind) {
      case "newaxis":
        basic({ n: 1, stride: 0 });
        break;
      case "ellipsis":
        for (let k = 0; k < a.ndim - consumed; k++, axis++) basic({ n: a.shape[axis], stride: a.strides[axis] });
        break;
      case "slice": {
        const { start, step, length } = sliceIndices(t.s, a.shape[axis]);
        if (length > 0) base += start * a.strides[axis];
        basic({ n: length, stride: step * a.strides[axis] });
        axis++;
        break;
      }
      case "int": {
        // with an advanced item present, an integer is a 0-d index array (placement rule above)
        const n = a.shape[axis];
        if (t.i < -n || t.i >= n) throw outOfBounds(fn, t.i, axis, n);
        base += (t.i < 0 ? t.i + n : t.i) * a.strides[axis];
        axis++;
        break;
      }
      case "array":
        tables.push({ table: indexTable(t.index, a.shape[axis], a.strides[axis], axis, fn, big), shape: t.index.shape });
        axis++;
        break;
      case "mask": {
        const m = t.mask;
        for (let k = 0; k < m.ndim; k++) {
          if (m.shape[k] !== a.shape[axis + k]) {
            throw new IndexError(
              `${fn}: boolean index did not match indexed array along axis ${axis + k}; size of axis is ${a.shape[axis + k]} but size of corresponding boolean axis is ${m.shape[k]}`,
            );
          }
        }
        const table = maskTable(m, a.strides.slice(axis, axis + m.ndim), big);
        tables.push({ table, shape: [table.length] });
        axis += m.ndim;
        break;
      }
      default:
        t satisfies never;
    }
  }
  for (; axis < a.ndim; axis++) after.push({ n: a.shape[axis], stride: a.strides[axis] });

  const B = tryBroadcastShapes(tables.map((t) => t.shape));
  if (B === null) {
    throw new IndexError(
      `${fn}: shape mismatch: indexing arrays could not be broadcast together with shapes ${tables.map((t) => fmtShape(t.shape)).join(" ")}`,
    );
  }
  const adv = combineTables(tables, B, big);
  // B in place of the advanced items, or first when they were separated
  const preDims = status === 2 ? [] : before;
  const postDims = status === 2 ? [...before, ...after] : after;
  const shape = [...preDims.map((d) => d.n), ...B, ...postDims.map((d) => d.n)];
  const c = coalesce(
    postDims.map((d) => d.n),
    [postDims.map((d) => d.stride)],
  );
  const postSize = sizeOf(postDims.map((d) => d.n));
  const postRun = c.shape.length === 0 ? postSize : c.shape.length === 1 && c.strides[0][0] === 1 ? postSize : 0;
  return { shape, base, pre: dimsTable(preDims, big), adv, post: dimsTable(postDims, big), postRun, items };
}

// ================================================================== gather and scatter

/**
 * The spec: out[k++] = src[base + pre[p] + adv[b] + post[q]] for p, b, q in C order.
 * `w` is the number of buffer slots per element (2 for complex128: re, im).
 */
export function gatherTables(src: TypedArray, out: TypedArray, w: number, base: number, pre: Offsets, adv: Offsets, post: Offsets): void {
  let k = 0;
  for (let p = 0; p < pre.length; p++) {
    for (let b = 0; b < adv.length; b++) {
      const c = base + pre[p] + adv[b];
      for (let q = 0; q < post.length; q++, k++) {
        for (let s = 0; s < w; s++) out[w * k + s] = src[w * (c + post[q]) + s];
      }
    }
  }
}

/** gatherTables when the post axes are one unit-stride run of length `run`: a block copy per (p, b). */
function gatherRuns(src: TypedArray, out: TypedArray, w: number, base: number, pre: Offsets, adv: Offsets, run: number): void {
  let k = 0;
  if (run === 1 && w === 1) {
    // the innermost loop is the advanced block itself (X[idx] on a vector, X[:, idx])
    for (let p = 0; p < pre.length; p++) {
      const c = base + pre[p];
      for (let b = 0; b < adv.length; b++) out[k++] = src[c + adv[b]];
    }
    return;
  }
  for (let p = 0; p < pre.length; p++) {
    for (let b = 0; b < adv.length; b++, k += run) {
      const c = base + pre[p] + adv[b];
      out.set(src.subarray(w * c, w * (c + run)), w * k);
    }
  }
}

/** The spec of the scatter: dst[base + pre[p] + adv[b] + post[q]] = vals[k++], C order (last write wins). */
export function scatterTables(dst: TypedArray, vals: TypedArray, w: number, base: number, pre: Offsets, adv: Offsets, post: Offsets): void {
  let k = 0;
  for (let p = 0; p < pre.length; p++) {
    for (let b = 0; b < adv.length; b++) {
      const c = base + pre[p] + adv[b];
      for (let q = 0; q < post.length; q++, k++) {
        for (let s = 0; s < w; s++) dst[w * (c + post[q]) + s] = vals[w * k + s];
      }
    }
  }
}

/** The mask over all of a's axes, when a and the mask are both C-contiguous (the one-pass fast path). */
function wholeMask(a: NDArray, items: readonly Item[]): NDArray | null {
  if (items.length !== 1 || items[0].kind !== "mask") return null;
  const m = items[0].mask;
  if (m.ndim === 0 || m.ndim !== a.ndim || !isCContiguous(a.shape, a.strides) || !isCContiguous(m.shape, m.strides)) return null;
  return shapesEqual(m.shape, a.shape) ? m : null;
}

/**
 * `a[index]` with at least one advanced item: a new array (owning its data) of a's dtype.
 * `fast: false` runs the table nest only (the reference the fast paths are tested against).
 */
export function gatherIndex(a: NDArray, index: readonly unknown[], fn: string, { fast = true } = {}): NDArray {
  const w = a.dtype === "complex128" ? 2 : 1;
  const src = a.data;
  if (fast && w === 1 && index.length === 1 && a.ndim === 1) {
    const item = classify(index[0], fn);
    if (item.kind === "mask" && item.mask.ndim === 1 && item.mask.shape[0] === a.shape[0]) return maskGather1d(a, item.mask);
    if (item.kind === "array" && isCContiguous(item.index.shape, item.index.strides)) return takeGather1d(a, item.index, fn);
  }
  const plan = resolve(a, index, fn);
  const out = allocate(a.dtype, sizeOf(plan.shape));
  if (out.length > 0) {
    const m = fast && w === 1 ? wholeMask(a, plan.items) : null;
    if (m !== null) maskCopy(src, a.offset, m, out);
    else if (fast && plan.postRun > 0) gatherRuns(src, out, w, plan.base, plan.pre, plan.adv, plan.postRun);
    else gatherTables(src, out, w, plan.base, plan.pre, plan.adv, plan.post);
  }
  return new NDArray(out, plan.shape, a.dtype);
}

/** Fast path: out = the elements of contiguous `src` (from `offset`) where contiguous mask m is true. */
function maskCopy(src: TypedArray, offset: number, m: NDArray, out: TypedArray): void {
  const d = m.data;
  const n = m.size;
  const mo = m.offset;
  let k = 0;
  for (let i = 0; i < n; i++) if (d[mo + i] !== 0) out[k++] = src[offset + i];
}

/** Fast path: a 1-D real array (any stride) by a 1-D mask: count, then copy, one pass each. */
function maskGather1d(a: NDArray, m: NDArray): NDArray {
  const n = a.shape[0];
  const s = a.strides[0];
  const ms = m.strides[0];
  if (s === 1 && ms === 1) {
    // both contiguous: subarrays, so both passes are plain loops over i
    const mask = m.data.subarray(m.offset, m.offset + n);
    const src = a.data.subarray(a.offset, a.offset + n);
    let count = 0;
    for (let i = 0; i < n; i++) if (mask[i] !== 0) count++;
    const out = allocate(a.dtype, count);
    for (let i = 0, k = 0; i < n; i++) if (mask[i] !== 0) out[k++] = src[i];
    return new NDArray(out, [count], a.dtype);
  }
  const count = countTrue(m);
  const out = allocate(a.dtype, count);
  const src = a.data;
  const d = m.data;
  let k = 0;
  for (let i = 0, o = a.offset, mi = m.offset; i < n && k < count; i++, o += s, mi += ms) if (d[mi] !== 0) out[k++] = src[o];
  return new NDArray(out, [count], a.dtype);
}

/** Fast path: a 1-D real array by a contiguous integer index array: check and gather in one pass. */
function takeGather1d(a: NDArray, index: NDArray, fn: string): NDArray {
  const m = index.size;
  const n = a.shape[0];
  const s = a.strides[0];
  const out = allocate(a.dtype, m);
  const d = index.data.subarray(index.offset, index.offset + m);
  if (index.dtype === "int32" && s === 1) {
    // unit stride and int32 indices: j = v (+ n when negative) must lie in [0, n), one
    // unsigned comparison; the source is a subarray so src[j] needs no offset
    const src = a.data.subarray(a.offset, a.offset + n);
    for (let k = 0; k < m; k++) {
      const v = d[k];
      const j = v < 0 ? v + n : v;
      if (j >>> 0 >= n) throw outOfBounds(fn, v, 0, n);
      out[k] = src[j];
    }
  } else {
    const src = a.data;
    const o = a.offset;
    const isFloat = index.dtype !== "int32";
    for (let k = 0; k < m; k++) {
      const v = d[k];
      if (isFloat && !Number.isInteger(v)) throw notInteger(fn, v, index.dtype);
      const j = v < 0 ? v + n : v;
      if (!(j >= 0 && j < n)) throw outOfBounds(fn, v, 0, n);
      out[k] = src[o + j * s];
    }
  }
  return new NDArray(out, index.shape, a.dtype);
}

/**
 * `a[index] = value` with at least one advanced item: value (a number, nested arrays, a typed
 * array or an NDArray) is broadcast to the indexed shape and cast to a's dtype; repeated
 * indices: the last write wins. Nothing is written when the index or the value is rejected.
 */
export function scatterIndex(a: NDArray, index: readonly unknown[], value: unknown, fn: string, { fast = true } = {}): void {
  if (!a.flags.writeable) throw new ValueError(`${fn}: assignment destination is read-only`);
  const plan = resolve(a, index, fn);
  const dtype = a.dtype;
  const w = dtype === "complex128" ? 2 : 1;
  const dst = a.data;
  const R = plan.shape;
  if (typeof value === "number" || typeof value === "boolean") {
    // a scalar: no buffer of values; complex targets get im = 0
    const x = castScalar(Number(value), dtype);
    const m = fast && w === 1 ? wholeMask(a, plan.items) : null;
    if (m !== null) {
      const d = m.data;
      const mo = m.offset;
      const o = a.offset;
      for (let i = 0; i < m.size; i++) if (d[mo + i] !== 0) dst[o + i] = x;
      return;
    }
    const one = allocate(dtype, sizeOf(R));
    if (w === 1) one.fill(x);
    else for (let k = 0; k < one.length; k += 2) one[k] = x;
    scatterTables(dst, one, w, plan.base, plan.pre, plan.adv, plan.post);
    return;
  }
  let v = toNDArray(value, fn, "value");
  // As NumPy, leading length-1 axes of the value are dropped (a[idx] = b[np.newaxis] works).
  while (v.ndim > R.length && v.shape[0] === 1) v = v.slice(0);
  const shape = tryBroadcastShapes([R, v.shape]);
  if (shape === null || !shapesEqual(shape, R)) {
    throw new ShapeError(`${fn}: shape mismatch: value array of shape ${fmtShape(v.shape)} could not be broadcast to indexing result of shape ${fmtShape(R)}`);
  }
  // The values in the result's C order, cast to a's dtype: a fresh buffer, so a value that
  // shares a's buffer (a.set(idx, a.slice(...))) is read before anything is written.
  const vals = allocate(dtype, sizeOf(R));
  copyStrided(
    R,
    { data: v.data, dtype: v.dtype, strides: broadcastStrides(v.shape, v.strides, R), offset: v.offset },
    { data: vals, dtype, strides: cStrides(R), offset: 0 },
  );
  scatterTables(dst, vals, w, plan.base, plan.pre, plan.adv, plan.post);
}
