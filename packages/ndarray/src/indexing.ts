/**
 * Advanced indexing: gather and scatter through index arrays (NumPy's "fancy" indexing), and
 * the functions built on it: take, put, compress, nonzero, flatnonzero, argwhere, countNonzero.
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
import type { ArrayLike } from "./creation.js";
import { allocate, castScalar, dtypeOfBuffer, type DType, type TypedArray } from "./dtype.js";
import { DTypeError, IndexError, ShapeError, ValueError } from "./errors.js";
import { copyStrided } from "./kernels/copy.js";
import { coalesce, forEachRun, isCContiguous } from "./kernels/strided.js";
import { fromNested, NDArray, parseSlice, sliceIndices, type Index, type NestedArray, type Slice } from "./ndarray.js";
import { broadcastStrides, cStrides, fmtShape, normalizeAxes, normalizeAxis, shapesEqual, sizeOf, tryBroadcastShapes } from "./shape.js";
import { checkBool, checkOneOf, checkOptions, describe, rejectBigInt, checkArity } from "./validate.js";

// ================================================================== index items

/** An index item after classification: what it is and how many axes of `a` it consumes. */
type Item =
  | { kind: "int"; i: number } // one axis; removes it
  | { kind: "slice"; s: Slice } // one axis
  | { kind: "newaxis" } // none; inserts a length-1 axis
  | { kind: "ellipsis" } // as many as no other item consumes
  | { kind: "array"; index: NDArray } // one axis; int32 or integer-valued float
  | { kind: "mask"; mask: NDArray }; // mask.ndim axes; bool

/** True when an index item selects by value (an index array, a mask or a boolean): the gather path. */
function isAdvancedItem(item: unknown): boolean {
  if (typeof item === "boolean") return true;
  if (item === null || typeof item !== "object") return false;
  return Array.isArray(item) || item instanceof NDArray || ArrayBuffer.isView(item);
}

/** True when any item of `index` is advanced (then `a.slice(...index)` is a copy). */
export function hasAdvancedIndex(index: readonly unknown[]): boolean {
  for (let k = 0; k < index.length; k++) if (isAdvancedItem(index[k])) return true;
  return false;
}

function isPlainObject(x: object): boolean {
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
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
      if (key !== "start" && key !== "stop" && key !== "step") throw new IndexError(`${fn}: a slice object has only start, stop and step, got key '${key}' in ${describe(item)}`);
    }
    return s;
  }
  rejectBigInt(fn, "index", item);
  throw new IndexError(
    `${fn}: only integers, slices (":", "1:3", {start, stop, step}), ellipsis ("..."), newaxis (null) and integer or boolean arrays are valid indices, got ${describe(item)}`,
  );
}

/** A JS value as an NDArray: NDArrays as they are, typed arrays wrapped, nested arrays and scalars converted. */
function toNDArray(x: unknown, fn: string, name: string): NDArray {
  if (x instanceof NDArray) return x;
  if (x instanceof Float64Array || x instanceof Float32Array || x instanceof Int32Array || x instanceof Uint8Array) return new NDArray(x, [x.length], dtypeOfBuffer(x));
  if (ArrayBuffer.isView(x)) throw new DTypeError(`${fn}: ${name}: unsupported typed array ${describe(x)}; use Float64Array, Float32Array, Int32Array or Uint8Array`);
  rejectBigInt(fn, name, x);
  if (typeof x === "number" || typeof x === "boolean" || Array.isArray(x)) return fromNested(x as NestedArray, fn);
  throw new ValueError(`${fn}: ${name} must be an array, nested JS arrays or a number, got ${describe(x)}`);
}

/** An index array as an integer or boolean NDArray; float arrays must hold integers (checked as they are read). */
function indexArray(x: unknown, fn: string): NDArray {
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

function outOfBounds(fn: string, v: number, axis: number, n: number): IndexError {
  return new IndexError(`${fn}: index ${v} is out of bounds for axis ${axis} with size ${n}`);
}

function notInteger(fn: string, v: number, dtype: DType): IndexError {
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
    throw new IndexError(`${fn}: shape mismatch: indexing arrays could not be broadcast together with shapes ${tables.map((t) => fmtShape(t.shape)).join(" ")}`);
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
  copyStrided(R, { data: v.data, dtype: v.dtype, strides: broadcastStrides(v.shape, v.strides, R), offset: v.offset }, { data: vals, dtype, strides: cStrides(R), offset: 0 });
  scatterTables(dst, vals, w, plan.base, plan.pre, plan.adv, plan.post);
}

// ================================================================== the public functions

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
