/**
 * The NDArray: a typed buffer seen through a dtype, a shape, strides and an offset.
 *
 *   element (i_0, …, i_{d-1})  lives at  data[offset + Σ_k i_k · strides[k]]
 *
 * (strides and offset count elements, not bytes; for complex128 element e occupies the two
 * slots data[2e] (re) and data[2e+1] (im)).
 *
 * Views — slicing, transpose, reshape of contiguous data, broadcastTo, diagonal, newaxis —
 * build a new NDArray over the same buffer with other strides and offset, and record the
 * array they came from in `base`. Copies own their data (`base === null`).
 *
 * This file holds the class and everything that only rearranges it (views, indexing, copies,
 * casting); the layout arithmetic lives in leaf modules (slicing.ts, reshape.ts, flags.ts,
 * nested.ts). Advanced indexing (index arrays, masks: advanced-index.ts) builds NDArrays, so it
 * cannot be imported here without an import cycle: ndarray.ts installs it
 * ({@link installAdvancedIndexing}), and every module imports NDArray from ndarray.ts.
 * Arithmetic, reductions, printing and the rest are installed as methods by `methods.ts`.
 */
import { allocate, castScalar, checkDType, dtypeOfBuffer, ITEMSIZE, type DType, type TypedArray } from "./dtype.js";
import { DTypeError, IndexError, ShapeError, ValueError } from "./errors.js";
import { describe } from "./validate.js";
import { copyStrided } from "./kernels/copy.js";
import { isCContiguous, isFContiguous } from "./kernels/strided.js";
import { makeFlags, readOnly, type Flags } from "./flags.js";
import { nestedToBuffer, type Complex, type NestedArray } from "./nested.js";
import { resolveReshape, reshapeStrides } from "./reshape.js";
import { basicIndex, type Slice } from "./slicing.js";
import {
  broadcastStrides,
  checkShape,
  cStrides,
  fmtShape,
  normalizeAxes,
  normalizeAxis,
  shapesEqual,
  sizeOf,
  tryBroadcastShapes,
  type Shape,
} from "./shape.js";

/**
 * One item of an index, as in NumPy's `a[...]`. Basic items (the result is a view):
 * - an integer selects one position and removes the axis (negative counts from the end);
 * - a slice string such as `":"`, `"1:3"`, `"::-1"`, or a {@link Slice} object;
 * - `"..."` (ellipsis) stands for as many `":"` as needed;
 * - `null` (`np.newaxis`) inserts an axis of length 1.
 *
 * Advanced items (the result is a copy; the rules are in advanced-index.ts):
 * - an integer index array: JS numbers (`[0, 2]`, nested for more dims), an Int32Array, an
 *   int32 NDArray, or a float NDArray whose values are integers;
 * - a boolean mask: JS booleans or a bool NDArray (`a.less(0)`), covering as many axes as it has;
 * - `true` / `false`: a 0-d mask (a new axis of length 1 or 0).
 */
export type Index = number | string | Slice | null | boolean | NDArray | TypedArray | IndexArray;

/** Nested JS arrays of integers or booleans: an index array or a mask. */
export type IndexArray = readonly (number | boolean | IndexArray)[];

/** True when an index item selects by value (an index array, a mask or a boolean): the gather path. */
export function isAdvancedItem(item: unknown): boolean {
  if (typeof item === "boolean") return true;
  if (item === null || typeof item !== "object") return false;
  return Array.isArray(item) || item instanceof NDArray || ArrayBuffer.isView(item);
}

/** True when any item of `index` is advanced (then `a.slice(...index)` is a copy). */
export function hasAdvancedIndex(index: readonly unknown[]): boolean {
  for (let k = 0; k < index.length; k++) if (isAdvancedItem(index[k])) return true;
  return false;
}

/** The gather `a[index]` and scatter `a[index] = value` of advanced indexing (advanced-index.ts). */
export interface AdvancedIndexing {
  gather(a: NDArray, index: readonly unknown[], fn: string): NDArray;
  scatter(a: NDArray, index: readonly unknown[], value: unknown, fn: string): void;
}

let advancedIndexing: AdvancedIndexing | null = null;

/** Called once by ndarray.ts with advanced-index.ts's gather and scatter. */
export function installAdvancedIndexing(impl: AdvancedIndexing): void {
  advancedIndexing = impl;
}

function advanced(): AdvancedIndexing {
  if (advancedIndexing === null) throw new Error("internal: advanced indexing is not installed; import NDArray from ndarray.ts, not ndarray-class.ts");
  return advancedIndexing;
}

export class NDArray {
  // The layout lives in private fields behind accessors: a caller from plain JS who writes
  // `a.dtype = "int32"` or `a.ndim = 3` gets an error instead of a silently corrupted array
  // (sloppy-mode JS ignores writes to getter-only properties, so each has a throwing setter).
  // `a.shape = [2, 3]` reshapes in place, as NumPy does, when no copy is needed.
  #data: TypedArray;
  #dtype: DType;
  #shape: readonly number[];
  #strides: readonly number[];
  #offset: number;
  #base: NDArray | null;
  private readonly _writeable: boolean;

  /**
   * Wrap a buffer without copying. With only `data` and `shape`, the array is C-contiguous
   * and its dtype is read from the buffer (Float64Array -> float64; pass "complex128" to read
   * a Float64Array as interleaved complex).
   */
  constructor(
    data: TypedArray,
    shape: Shape = [data.length],
    dtype: DType = dtypeOfBuffer(data),
    strides?: readonly number[],
    offset = 0,
    base: NDArray | null = null,
    writeable = true,
  ) {
    this.#data = data;
    this.#dtype = dtype;
    this.#shape = Object.freeze(shape.slice());
    this.#strides = Object.freeze(strides ? strides.slice() : cStrides(shape));
    this.#offset = offset;
    this.#base = base;
    this._writeable = writeable;
    if (!strides) {
      const need = sizeOf(shape) * (dtype === "complex128" ? 2 : 1);
      if (data.length < need + offset) {
        throw new ShapeError(`NDArray: buffer of length ${data.length} is too small for shape ${fmtShape(shape)} (${dtype})`);
      }
    }
  }

  /** The buffer (shared with every view of it). */
  get data(): TypedArray {
    return this.#data;
  }
  set data(_: never) {
    readOnly("data", "np.array(values) or a.set(values) to write elements");
  }

  get dtype(): DType {
    return this.#dtype;
  }
  set dtype(_: never) {
    readOnly("dtype", `a.astype("float32") for a converted copy`);
  }

  /** The length of each axis. Assigning a shape reshapes in place when no copy is needed (NumPy's `a.shape = (2, 3)`). */
  get shape(): readonly number[] {
    return this.#shape;
  }
  set shape(newShape: readonly number[] | number) {
    const requested = typeof newShape === "number" ? [newShape] : newShape;
    if (!Array.isArray(requested)) throw new ValueError(`NDArray.shape: the new shape must be an array of integers, got ${describe(newShape)}`);
    const shape = resolveReshape(requested, this.size);
    const strides = reshapeStrides(this.#shape, this.#strides, shape);
    if (strides === null) {
      throw new ValueError(
        `NDArray.shape: incompatible shape for in-place modification: an array of shape ${fmtShape(this.#shape)} with strides ${fmtShape(this.#strides)} cannot be viewed as ${fmtShape(shape)} without a copy; use a.reshape(${shape.join(", ")}) to make one`,
      );
    }
    this.#shape = Object.freeze(shape);
    this.#strides = Object.freeze(strides);
  }

  /** Element strides, one per axis (0 on broadcast axes, negative on flipped ones). */
  get strides(): readonly number[] {
    return this.#strides;
  }
  set strides(_: never) {
    readOnly("strides", "np.lib.stride_tricks has no equivalent here; use slice, transpose or broadcastTo for views");
  }

  /** Element offset of index (0, …, 0) in `data`. */
  get offset(): number {
    return this.#offset;
  }
  set offset(_: never) {
    readOnly("offset", "slice for a view that starts elsewhere");
  }

  /** The array whose buffer this view shares, or null for an array that owns its data. */
  get base(): NDArray | null {
    return this.#base;
  }
  set base(_: never) {
    readOnly("base");
  }

  get ndim(): number {
    return this.#shape.length;
  }
  set ndim(_: never) {
    readOnly("ndim", "a.reshape(...) or expandDims to change the number of axes");
  }

  get size(): number {
    return sizeOf(this.#shape);
  }
  set size(_: never) {
    readOnly("size", "a.reshape(...) or np.resize");
  }

  get itemsize(): number {
    return ITEMSIZE[this.#dtype];
  }
  set itemsize(_: never) {
    readOnly("itemsize");
  }

  get nbytes(): number {
    return this.size * this.itemsize;
  }
  set nbytes(_: never) {
    readOnly("nbytes");
  }

  /** NumPy's flags; `String(a.flags)` prints NumPy's block (`  C_CONTIGUOUS : True` …). */
  get flags(): Flags {
    return makeFlags(isCContiguous(this.#shape, this.#strides), isFContiguous(this.#shape, this.#strides), this.#base === null, this._writeable);
  }
  set flags(_: never) {
    readOnly("flags");
  }

  /** The transpose (axes reversed), a view. */
  get T(): NDArray {
    return this.transpose();
  }
  set T(_: never) {
    readOnly("T", "a.set(b.T) to write a transpose into a");
  }

  /**
   * Arithmetic and comparison with JS operators (`a > 1e10`, `det + 1`, `` `${a}` ``): a
   * size-1 array converts to its number, as NumPy's `float(a)` does; a larger array prints as
   * its repr in a string context and throws in a numeric one, rather than becoming NaN and
   * comparing false without a word.
   */
  [Symbol.toPrimitive](hint: "number" | "string" | "default"): number | string {
    if (hint === "string") return this.toString();
    if (this.size === 1 && this.#dtype !== "complex128") return this.#data[this.#offset];
    if (hint === "default") return this.toString();
    throw new ValueError(
      `NDArray: only size-1 real arrays convert to a number, got shape ${fmtShape(this.#shape)} (${this.#dtype}); reduce it first (a.sum(), a.max(), a.item())`,
    );
  }

  /** A view over the same buffer with another layout; `base` chains to the owner. */
  view(shape: Shape, strides: readonly number[], offset: number, writeable = this._writeable): NDArray {
    return new NDArray(this.data, shape, this.dtype, strides, offset, this.base ?? this, writeable);
  }

  // ---------------------------------------------------------------- indexing

  /** Element offset of an integer index tuple (negative indices count from the end). */
  private elementOffset(indices: readonly number[], fn: string): number {
    if (indices.length !== this.ndim) {
      throw new IndexError(`${fn}: expected ${this.ndim} indices for shape ${fmtShape(this.shape)}, got ${indices.length}`);
    }
    let off = this.offset;
    for (let k = 0; k < indices.length; k++) {
      let i = indices[k];
      const n = this.shape[k];
      if (!Number.isInteger(i)) throw new IndexError(`${fn}: index ${i} is not an integer`);
      if (i < -n || i >= n) throw new IndexError(`${fn}: index ${i} is out of bounds for axis ${k} with size ${n}`);
      if (i < 0) i += n;
      off += i * this.strides[k];
    }
    return off;
  }

  /** Read one element by integer indices: `a.get(1, -1)` is NumPy's `a[1, -1]`. Real dtypes. */
  get(...indices: number[]): number {
    if (this.dtype === "complex128") throw new DTypeError(`get: array is complex128; use getComplex`);
    return this.data[this.elementOffset(indices, "get")];
  }

  /** Read one element of a complex128 array (real arrays give im = 0). */
  getComplex(...indices: number[]): Complex {
    const off = this.elementOffset(indices, "getComplex");
    if (this.dtype !== "complex128") return { re: this.data[off], im: 0 };
    return { re: this.data[2 * off], im: this.data[2 * off + 1] };
  }

  /** The single element of a size-1 array, as NumPy's `a.item()`. */
  item(): number {
    if (this.size !== 1) throw new ValueError(`item: can only convert an array of size 1 to a scalar, got shape ${fmtShape(this.shape)}`);
    return this.get(...new Array<number>(this.ndim).fill(0));
  }

  /**
   * NumPy's `a[...]`. Basic indexing gives a view: `a.slice(0, "1:3", null, "...")` is
   * `a[0, 1:3, np.newaxis, ...]`; integers remove their axis, so indexing every axis with an
   * integer gives a 0-d array (use `get` for a number).
   *
   * Advanced indexing gives a copy: `a.slice(mask)` is `a[mask]` (the elements where a bool
   * array of a's shape is true, as a 1-D array), `a.slice(":", [0, 2])` is `a[:, [0, 2]]`,
   * `a.slice([0, 2], [1, 1])` pairs the index arrays up element by element (`a[[0, 2], [1, 1]]`).
   * Shapes and the placement of the broadcast index axes follow NumPy; see advanced-index.ts.
   * @throws IndexError an index out of bounds (`slice: index 4 is out of bounds for axis 0
   *   with size 4`), a mask whose shape does not match the axes it covers, too many indices,
   *   a float index array holding a non-integer.
   */
  slice(...index: Index[]): NDArray {
    // Index arrays, masks and booleans select by value: a gather into a copy (advanced-index.ts).
    if (hasAdvancedIndex(index)) return advanced().gather(this, index, "slice");
    const { shape, strides, offset } = basicIndex(this.shape, this.strides, this.offset, index);
    return this.view(shape, strides, offset);
  }

  /**
   * NumPy's `a[...] = v`: `a.set(0, ":", v)` is `a[0, :] = v`; `v` (a number, nested array,
   * typed array or NDArray) is broadcast to the selected shape and cast to a's dtype.
   * `a.set(v)` fills the whole array. Returns `this`.
   *
   * Index arrays and masks work as in `slice` and write through to `a`:
   * `a.set(a.less(0), 0)` is `a[a < 0] = 0`, `a.set(":", [0, 2], v)` is `a[:, [0, 2]] = v`;
   * for a repeated index the last write wins, as in NumPy.
   */
  set(...args: [...Index[], NDArray | NestedArray | TypedArray]): this {
    if (args.length === 0) throw new ValueError(`set: expected the value to assign (a.set(v) fills a; a.set(...index, v) writes the indexed elements)`);
    const value = args[args.length - 1] as NDArray | NestedArray | TypedArray;
    const index = args.slice(0, -1) as Index[];
    if (hasAdvancedIndex(index)) {
      advanced().scatter(this, index, value, "set");
      return this;
    }
    const target = args.length === 1 ? this : this.slice(...index);
    assign(target, value, "set");
    return this;
  }

  // ---------------------------------------------------------------- views

  /**
   * Give the array a new shape with the same elements in C order; one entry may be -1.
   * A view when the strides allow it (always for contiguous data), otherwise a copy.
   */
  reshape(...newShape: number[] | [readonly number[]]): NDArray {
    const requested = (Array.isArray(newShape[0]) ? newShape[0] : newShape) as number[];
    const shape = resolveReshape(requested, this.size);
    const strides = reshapeStrides(this.shape, this.strides, shape);
    if (strides) return this.view(shape, strides, this.offset);
    // the layout does not allow a view: a C-ordered copy, which owns its data
    return new NDArray(this.copy().data, shape, this.dtype);
  }

  /** Permute the axes (reverse them by default), a view. */
  transpose(...axesArg: number[] | [readonly number[]]): NDArray {
    const given = (Array.isArray(axesArg[0]) ? axesArg[0] : axesArg) as number[];
    const axes = given.length === 0 ? this.shape.map((_, i) => this.ndim - 1 - i) : given;
    if (axes.length !== this.ndim) {
      throw new ValueError(`transpose: axes don't match array: got ${axes.length} axes for an array of dimension ${this.ndim}`);
    }
    const norm = axes.map((a) => normalizeAxis(a, this.ndim, "transpose"));
    if (new Set(norm).size !== norm.length) throw new ValueError(`transpose: repeated axis in transpose: ${describe(axes)}`);
    return this.view(
      norm.map((a) => this.shape[a]),
      norm.map((a) => this.strides[a]),
      this.offset,
    );
  }

  /** Interchange two axes, a view. */
  swapaxes(axis1: number, axis2: number): NDArray {
    const a = normalizeAxis(axis1, this.ndim, "swapaxes");
    const b = normalizeAxis(axis2, this.ndim, "swapaxes");
    const perm = this.shape.map((_, i) => i);
    perm[a] = b;
    perm[b] = a;
    return this.transpose(perm);
  }

  /** Move axes to new positions, the others keeping their order; a view. */
  moveaxis(source: number | readonly number[], destination: number | readonly number[]): NDArray {
    const src = normalizeAxes(source, this.ndim, "moveaxis");
    const dst = normalizeAxes(destination, this.ndim, "moveaxis");
    if (src.length !== dst.length) {
      throw new ValueError(`moveaxis: source and destination must have the same number of elements, got ${src.length} and ${dst.length}`);
    }
    const order = this.shape.map((_, i) => i).filter((i) => !src.includes(i));
    const pairs = dst.map((d, k) => [d, src[k]] as const).sort((x, y) => x[0] - y[0]);
    for (const [d, s] of pairs) order.splice(d, 0, s);
    return this.transpose(order);
  }

  /** Remove axes of length one (all of them, or the ones named), a view. */
  squeeze(axis?: number | readonly number[]): NDArray {
    const axes = axis === undefined ? this.shape.map((d, i) => (d === 1 ? i : -1)).filter((i) => i >= 0) : normalizeAxes(axis, this.ndim, "squeeze");
    for (const a of axes) {
      if (this.shape[a] !== 1) {
        throw new ValueError(`squeeze: cannot select an axis to squeeze out which has size not equal to one (axis ${a} has size ${this.shape[a]})`);
      }
    }
    const keep = this.shape.map((_, i) => i).filter((i) => !axes.includes(i));
    return this.view(
      keep.map((i) => this.shape[i]),
      keep.map((i) => this.strides[i]),
      this.offset,
    );
  }

  /** Insert axes of length one at the given positions of the result, a view. */
  expandDims(axis: number | readonly number[]): NDArray {
    const list = typeof axis === "number" ? [axis] : axis;
    const ndim = this.ndim + list.length;
    const axes = normalizeAxes(list, ndim, "expandDims");
    const shape: number[] = [];
    const strides: number[] = [];
    let k = 0;
    for (let d = 0; d < ndim; d++) {
      if (axes.includes(d)) {
        shape.push(1);
        strides.push(0);
      } else {
        shape.push(this.shape[k]);
        strides.push(this.strides[k]);
        k++;
      }
    }
    return this.view(shape, strides, this.offset);
  }

  /** Reverse the order of elements along the given axes (all by default), a view. */
  flip(axis?: number | readonly number[] | null): NDArray {
    const axes = normalizeAxes(axis, this.ndim, "flip");
    let offset = this.offset;
    const strides = this.strides.slice();
    for (const a of axes) {
      if (this.shape[a] > 0) offset += (this.shape[a] - 1) * strides[a];
      strides[a] = -strides[a];
    }
    return this.view(this.shape, strides, offset);
  }

  /** A read-only view of the array broadcast to `shape` (stride 0 on stretched axes). */
  broadcastTo(shape: Shape): NDArray {
    const target = checkShape(shape, "broadcastTo");
    let ok = target.length >= this.ndim;
    for (let i = 1; ok && i <= this.ndim; i++) {
      const d = this.shape[this.ndim - i];
      if (d !== 1 && d !== target[target.length - i]) ok = false;
    }
    if (!ok) {
      throw new ShapeError(`broadcastTo: cannot broadcast an array of shape ${fmtShape(this.shape)} to shape ${fmtShape(target)}`);
    }
    return this.view(target, broadcastStrides(this.shape, this.strides, target), this.offset, false);
  }

  /** The diagonal `a[i, i + offset]` of the two given axes, appended as the last axis; a view. */
  diagonal(offset = 0, axis1 = 0, axis2 = 1): NDArray {
    if (this.ndim < 2) throw new ValueError(`diagonal: diag requires an array of at least two dimensions, got shape ${fmtShape(this.shape)}`);
    const a1 = normalizeAxis(axis1, this.ndim, "diagonal");
    const a2 = normalizeAxis(axis2, this.ndim, "diagonal");
    if (a1 === a2) throw new ValueError(`diagonal: axis1 and axis2 cannot be the same (${axis1})`);
    const n1 = this.shape[a1];
    const n2 = this.shape[a2];
    // Diagonal k starts at (0, k) for k >= 0 and at (-k, 0) for k < 0.
    const r0 = offset >= 0 ? 0 : -offset;
    const c0 = offset >= 0 ? offset : 0;
    const length = Math.max(0, Math.min(n1 - r0, n2 - c0));
    const start = length > 0 ? this.offset + r0 * this.strides[a1] + c0 * this.strides[a2] : this.offset;
    const rest = this.shape.map((_, i) => i).filter((i) => i !== a1 && i !== a2);
    return this.view([...rest.map((i) => this.shape[i]), length], [...rest.map((i) => this.strides[i]), this.strides[a1] + this.strides[a2]], start);
  }

  /** The elements as a 1-D array in C order: a view when possible, otherwise a copy. */
  ravel(): NDArray {
    return this.reshape(this.size);
  }

  /** A 1-D copy of the elements in C order. */
  flatten(): NDArray {
    return new NDArray(this.copy().data, [this.size], this.dtype);
  }

  // ---------------------------------------------------------------- copies

  /** A C-contiguous copy that owns its data. */
  copy(): NDArray {
    return this.astype(this.dtype);
  }

  /** A C-contiguous copy cast to `dtype` (NumPy's unsafe casting: float -> int truncates). */
  astype(dtype: DType): NDArray {
    checkDType(dtype, "astype");
    const out = new NDArray(allocate(dtype, this.size), this.shape, dtype);
    copyStrided(this.shape, this, out);
    return out;
  }

  /** Nested JS arrays of the elements (numbers; booleans for bool; {re, im} for complex). */
  toArray(): NestedArray {
    const { data, dtype } = this;
    const read = (off: number): NestedArray =>
      dtype === "complex128" ? { re: data[2 * off], im: data[2 * off + 1] } : dtype === "bool" ? data[off] !== 0 : data[off];
    const walk = (axis: number, off: number): NestedArray => {
      if (axis === this.ndim) return read(off);
      const out: NestedArray[] = [];
      for (let i = 0; i < this.shape[axis]; i++) out.push(walk(axis + 1, off + i * this.strides[axis]));
      return out;
    };
    return walk(0, this.offset);
  }

  /** The elements in C order as a new typed array (complex: interleaved re, im). */
  toTypedArray(): TypedArray {
    return isCContiguous(this.shape, this.strides) && this.offset === 0 && this.data.length === this.size * (this.dtype === "complex128" ? 2 : 1)
      ? this.data.slice()
      : this.copy().data;
  }
}

/**
 * Write `value` into `target` (a view), broadcasting it to the target's shape and casting to
 * its dtype. Throws if the target is read-only or the value does not broadcast.
 */
export function assign(target: NDArray, value: NDArray | NestedArray | TypedArray, fn: string): void {
  if (!target.flags.writeable) throw new ValueError(`${fn}: assignment destination is read-only`);
  if (typeof value === "number" || typeof value === "boolean") {
    fillScalar(target, Number(value));
    return;
  }
  let src = value instanceof NDArray ? value : ArrayBuffer.isView(value) ? new NDArray(value) : fromNested(value as NestedArray, fn);
  // As NumPy, leading length-1 axes of the value are dropped (a[:] = b[np.newaxis] works).
  while (src.ndim > target.ndim && src.shape[0] === 1) src = src.slice(0);
  const shape = tryBroadcastShapes([target.shape, src.shape]);
  if (shape === null || !shapesEqual(shape, target.shape)) {
    throw new ShapeError(`${fn}: could not broadcast input array from shape ${fmtShape(src.shape)} into shape ${fmtShape(target.shape)}`);
  }
  // If the source shares the buffer (e.g. a[1:] = a[:-1]), read from a copy first.
  const source = src.data === target.data ? src.copy() : src;
  const view = new NDArray(source.data, target.shape, source.dtype, broadcastStrides(source.shape, source.strides, target.shape), source.offset);
  copyStrided(target.shape, view, target);
}

function fillScalar(target: NDArray, x: number): void {
  // a one-element buffer read with stride 0 on every axis (complex: re = x, im = 0)
  const one = allocate(target.dtype, 1);
  one[0] = castScalar(x, target.dtype);
  const zeros = new Array<number>(target.ndim).fill(0);
  copyStrided(target.shape, { data: one, dtype: target.dtype, strides: zeros, offset: 0 }, target);
}

/**
 * Build an array from nested JS arrays (the parse is nestedToBuffer in nested.ts). The dtype,
 * unless given: all booleans -> bool, any number -> float64 (JS has one number type; `[1, 2, 3]`
 * is float64, where NumPy would choose int64 for Python ints), any {re, im} -> complex128.
 * Ragged nesting, BigInts, nesting deeper than MAX_DIMS and sizes too large to allocate are
 * rejected with our errors.
 */
export function fromNested(value: NestedArray, fn: string, dtype?: DType): NDArray {
  const { data, shape, dtype: dt } = nestedToBuffer(value, fn, dtype);
  return new NDArray(data, shape, dt);
}
