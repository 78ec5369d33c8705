/**
 * Sorting and searching: `sort` returns a sorted copy, `argsort` the indices that sort,
 * `searchsorted` the insertion points of values in a sorted array.
 *
 * Order (NumPy's): numbers ascending, -0 equal to +0, NaN after everything (+inf < NaN).
 * Every sort here is stable (equal elements keep their order), so the `kind` NumPy offers
 * ("quicksort", "mergesort", "heapsort", "stable") is accepted and checked, but all kinds run
 * the same stable algorithm: the result is NumPy's kind="stable" result for every kind (NumPy's
 * quicksort may order ties, and -0/+0, differently; its values are the same).
 *
 * Each 1-D lane along the axis is gathered into a float64 scratch buffer, sorted by the
 * kernels of kernels/sort.ts (typed-array sort for `sort`, a merge sort over (key, index)
 * pairs for `argsort`), and scattered back. A 1-D contiguous float64 array skips the
 * gather/scatter loops.
 *
 * searchsorted: binary search for the first i with a[i] >= v (side "left") or a[i] > v
 * (side "right") in the same order, so NaN in v goes after every number.
 *
 * Reference: NumPy's `numpy/_core/src/npysort/` (timsort, binsearch.cpp).
 */
import { DTypeError, ValueError } from "./errors.js";
import { argsortLane, compareNaNLast, sortLane } from "./kernels/sort.js";
import { forEachRun } from "./kernels/strided.js";
import { asarray } from "./creation.js";
import { NDArray } from "./ndarray.js";
import { normalizeAxis } from "./shape.js";
import type { ArrayInput } from "./ufunc.js";
import { checkOneOf, checkOptions, describe } from "./validate.js";

/** NumPy's sort kinds; all run one stable algorithm here. */
export type SortKind = "quicksort" | "mergesort" | "heapsort" | "stable";
const KINDS: readonly (SortKind | null | undefined)[] = ["quicksort", "mergesort", "heapsort", "stable", null, undefined];

export interface SortOptions {
  /** The axis to sort along (default -1, the last); null sorts the flattened array. */
  axis?: number | null;
  /** NumPy's algorithm choice; accepted for compatibility, every kind is a stable sort here. */
  kind?: SortKind | null;
}

/** Call `body(start, step)` for every 1-D lane of `a` along `axis`. */
function forEachLane(a: NDArray, axis: number, body: (start: number, step: number) => void): void {
  const moved = a.moveaxis(axis, -1);
  const step = moved.strides[moved.ndim - 1];
  forEachRun(moved.shape.slice(0, -1), [moved.strides.slice(0, -1)], [moved.offset], (pos, runs, st) => {
    for (let r = 0, start = pos[0]; r < runs; r++, start += st[0]) body(start, step);
  });
}

/** `sort(a, axis, kind)` / `sort(a, { axis, kind })`: NumPy's positional form or an options object. */
function sortArgs(fn: string, axisOrOptions: number | null | SortOptions | undefined, kind: SortKind | null | undefined): SortOptions {
  let options: SortOptions;
  if (axisOrOptions === null || typeof axisOrOptions !== "object" || Array.isArray(axisOrOptions)) {
    options = { axis: axisOrOptions === undefined ? -1 : (axisOrOptions as number | null), kind };
  } else {
    options = checkOptions(fn, axisOrOptions, ["axis", "kind"]);
    if (kind !== undefined) throw new ValueError(`${fn}: kind given both positionally (${describe(kind)}) and in the options object`);
  }
  const axis = options.axis === undefined ? -1 : options.axis;
  if (axis !== null && (typeof axis !== "number" || !Number.isInteger(axis))) {
    throw new ValueError(`${fn}: axis must be an integer or null, got ${describe(axis)}`);
  }
  checkOneOf(fn, "kind", options.kind, KINDS);
  return { axis, kind: options.kind };
}

function prepare(x: ArrayInput, options: SortOptions, fn: string): { a: NDArray; axis: number } {
  let a = asarray(x);
  if (a.dtype === "complex128") throw new DTypeError(`${fn}: not supported for complex128 input`);
  if (options.axis === null) a = a.ravel();
  if (a.ndim === 0 && fn === "argsort") a = a.reshape(1); // NumPy: argsort of 0-d is [0], sort an AxisError
  return { a, axis: normalizeAxis(options.axis ?? -1, a.ndim, fn) };
}

/**
 * `np.sort(a, axis=-1, kind=None)`: a sorted copy, NaN last, stable.
 * @param axisOrOptions the axis (NumPy's positional form; null flattens), or `{ axis, kind }`
 * @throws AxisError for an axis out of range (also for 0-d input, as NumPy); DTypeError for complex
 * @example np.sort(np.array([3, NaN, -1])) // array([-1, 3, nan])
 */
export function sort(x: ArrayInput, axisOrOptions?: number | null | SortOptions, kind?: SortKind | null): NDArray {
  const { a, axis } = prepare(x, sortArgs("sort", axisOrOptions, kind), "sort");
  // fast path: a 1-D float64 array sorts as one typed-array copy
  if (a.ndim === 1 && a.dtype === "float64" && (a.strides[0] === 1 || a.size < 2)) {
    const v = (a.data as Float64Array).slice(a.offset, a.offset + a.size);
    sortLane(v);
    return new NDArray(v, [v.length], "float64");
  }
  const out = a.copy();
  const n = out.shape[axis];
  const lane = new Float64Array(n);
  const d = out.data;
  forEachLane(out, axis, (start, step) => {
    for (let k = 0; k < n; k++) lane[k] = d[start + k * step];
    sortLane(lane);
    for (let k = 0; k < n; k++) d[start + k * step] = lane[k];
  });
  return out;
}

/**
 * `np.argsort(a, axis=-1, kind=None)`: int32 indices that sort each lane (NaN last). Always
 * stable: ties keep their order (NumPy's kind="stable").
 * @param axisOrOptions the axis (NumPy's positional form; null flattens), or `{ axis, kind }`
 * @throws AxisError for an axis out of range; DTypeError for complex input
 * @example np.argsort(np.array([2, 1, 2, 0])) // array([3, 1, 0, 2], dtype=int32)
 */
export function argsort(x: ArrayInput, axisOrOptions?: number | null | SortOptions, kind?: SortKind | null): NDArray {
  const { a, axis } = prepare(x, sortArgs("argsort", axisOrOptions, kind), "argsort");
  // a C-contiguous source has its lanes at the same places as the (C-contiguous) output
  const src = a.flags.cContiguous ? a : a.copy();
  const out = new NDArray(new Int32Array(a.size), a.shape, "int32");
  const n = a.shape[axis];
  const keys = new Float64Array(n);
  const perm = new Int32Array(n);
  const scratch = { k0: new Float64Array(n), k1: new Float64Array(n), p1: new Int32Array(n) };
  const s = src.data;
  const o = out.data;
  forEachLane(src, axis, (start, step) => {
    for (let k = 0; k < n; k++) keys[k] = s[start + k * step];
    argsortLane(keys, perm, n, scratch);
    const base = start - src.offset;
    for (let k = 0; k < n; k++) o[base + k * step] = perm[k];
  });
  return out;
}

export interface SearchsortedOptions {
  /** "left": the first index i with a[i] >= v; "right": the first with a[i] > v. Default "left". */
  side?: "left" | "right";
  /** Indices that sort `a` (e.g. from `argsort`), when `a` itself is not sorted. */
  sorter?: ArrayInput | null;
}

/**
 * `np.searchsorted(a, v, side="left", sorter=None)`: indices where the elements of `v` would be
 * inserted into the sorted 1-D array `a` to keep it sorted (NaN sorts last).
 * @param sideOrOptions `"left" | "right"` (NumPy's positional form) or `{ side, sorter }`
 * @returns int32 indices of v's shape; a number when `v` is a number (or 0-d)
 * @throws ValueError if `a` is not 1-D, a bad side, or a sorter that is not a permutation index
 * @example np.searchsorted(np.array([1, 2, 3]), 2.5) // 2
 */
export function searchsorted(a: ArrayInput, v: number, sideOrOptions?: "left" | "right" | SearchsortedOptions, sorter?: ArrayInput | null): number;
export function searchsorted(
  a: ArrayInput,
  v: number[] | number[][],
  sideOrOptions?: "left" | "right" | SearchsortedOptions,
  sorter?: ArrayInput | null,
): NDArray;
export function searchsorted(
  a: ArrayInput,
  v: ArrayInput,
  sideOrOptions?: "left" | "right" | SearchsortedOptions,
  sorter?: ArrayInput | null,
): NDArray | number;
export function searchsorted(
  a: ArrayInput,
  v: ArrayInput,
  sideOrOptions?: "left" | "right" | SearchsortedOptions,
  sorter?: ArrayInput | null,
): NDArray | number {
  const fn = "searchsorted";
  let options: SearchsortedOptions;
  if (sideOrOptions === undefined || typeof sideOrOptions === "string") {
    options = { side: sideOrOptions, sorter };
  } else {
    options = checkOptions(fn, sideOrOptions, ["side", "sorter"]);
    if (sorter !== undefined) throw new ValueError(`${fn}: sorter given both positionally and in the options object`);
  }
  const side = checkOneOf(fn, "side", options.side ?? "left", ["left", "right"] as const);
  const A = asarray(a);
  const V = asarray(v);
  if (A.dtype === "complex128" || V.dtype === "complex128") throw new DTypeError(`${fn}: not supported for complex128 input`);
  if (A.ndim !== 1) throw new ValueError(`${fn}: a must be 1-D, got ${describe(A)}`);
  const n = A.size;
  // the sorted keys, in float64 (NumPy compares in the common dtype, float64 for our dtypes)
  const keys = new Float64Array(n);
  const aData = A.data;
  const aStep = A.strides[0] ?? 1;
  if (options.sorter === undefined || options.sorter === null) {
    for (let i = 0; i < n; i++) keys[i] = aData[A.offset + i * aStep];
  } else {
    const S = asarray(options.sorter);
    if (S.ndim !== 1 || S.size !== n) throw new ValueError(`${fn}: sorter must be 1-D of the length of a (${n}), got ${describe(S)}`);
    if (S.dtype === "complex128" || S.dtype === "bool") throw new ValueError(`${fn}: sorter must hold integer indices, got ${describe(S)}`);
    const sData = S.data;
    for (let i = 0; i < n; i++) {
      const j = sData[S.offset + i * S.strides[0]];
      if (!Number.isInteger(j) || j < 0 || j >= n) throw new ValueError(`${fn}: sorter index out of range: ${j} at position ${i} (a has ${n} elements)`);
      keys[i] = aData[A.offset + j * aStep];
    }
  }
  const out = new Int32Array(V.size);
  const vc = V.dtype === "float64" ? V : V.astype("float64");
  const vals = (vc.flags.cContiguous ? vc : vc.copy()) as NDArray;
  const vData = vals.data;
  const right = side === "right";
  for (let k = 0; k < V.size; k++) {
    const x = vData[vals.offset + k];
    // invariant: keys[0:lo] go before x, keys[hi:n] after
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = compareNaNLast(keys[mid], x);
      if (c < 0 || (right && c === 0)) lo = mid + 1;
      else hi = mid;
    }
    out[k] = lo;
  }
  if (V.ndim === 0) return out[0];
  return new NDArray(out, V.shape, "int32");
}
