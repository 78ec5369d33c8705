/**
 * Set routines: `unique` (the sorted distinct elements, with where they first occur, how to
 * rebuild the input, and how often each occurs) and `isin` (membership test), as NumPy's
 * numpy/lib/_arraysetops_impl.py.
 *
 * unique: a stable argsort P of the flattened input puts equal elements next to each other
 * in input order; each run of equals is one unique value u_g, and
 *
 *   values[g]  = a[P[start_g]]            indices[g] = P[start_g]   (its first occurrence)
 *   counts[g]  = length of run g          inverse[P[k]] = g for k in run g
 *
 * so that `values[inverse]` rebuilds a. -0 equals +0 (the first occurrence is kept); NaNs are
 * one value when `equalNan` (NumPy's default), each its own otherwise. With `axis`, the
 * elements are the (n-1)-d slices along that axis, compared lexicographically.
 *
 * isin: a hash set of the test elements (SameValueZero, so -0 = +0), with NaN never a member
 * (NaN != NaN, as NumPy).
 */
import { DTypeError, ValueError } from "./errors.js";
import { asarray } from "./creation.js";
import { argsortLane, compareNaNLast, sortLane } from "./kernels/sort.js";
import { namedTuple, type NamedTuple } from "./named-tuple.js";
import { NDArray } from "./ndarray.js";
import { normalizeAxis } from "./shape.js";
import type { ArrayInput } from "./ufunc.js";
import { checkBool, checkOneOf, checkOptions, describe } from "./validate.js";

export interface UniqueOptions {
  /** Also return `indices`: the index of each unique value's first occurrence (in the flattened input, or along `axis`). */
  returnIndex?: boolean;
  /** Also return `inverse`: for each input element, the index of its unique value. */
  returnInverse?: boolean;
  /** Also return `counts`: how often each unique value occurs. */
  returnCounts?: boolean;
  /** Unique slices along this axis; null/undefined flattens the input first. */
  axis?: number | null;
  /** Treat all NaNs as one value (default true, as NumPy). */
  equalNan?: boolean;
}

/**
 * `unique`'s result when a `return*` flag is set: the fields that were asked for, iterable in
 * NumPy's tuple order [values, indices?, inverse?, counts?]. (NumPy 2's `unique_all` names
 * the inverse `inverse_indices`; here it is `inverse`.)
 */
export type UniqueResult = NamedTuple<{ values: NDArray; indices?: NDArray; inverse?: NDArray; counts?: NDArray }>;

/**
 * `np.unique(ar, return_index=False, return_inverse=False, return_counts=False, axis=None, equal_nan=True)`:
 * the sorted unique elements of an array.
 * @returns without flags, the sorted unique values (1-D; with `axis`, the unique slices);
 *   with any flag, `{ values, indices?, inverse?, counts? }` (int32 index arrays), iterable as
 *   NumPy's tuple. `inverse` has the input's shape (NumPy 2), or (n,) with `axis`.
 * @throws AxisError for a bad axis; ValueError for an unknown option or a non-boolean flag;
 *   DTypeError for complex input
 * @example
 *   const { values, counts } = np.unique(np.array([3, 1, 3]), { returnCounts: true });
 *   // values: array([1, 3]), counts: array([1, 2], dtype=int32)
 */
export function unique(
  ar: ArrayInput,
  options?: Omit<UniqueOptions, "returnIndex" | "returnInverse" | "returnCounts"> & { returnIndex?: false; returnInverse?: false; returnCounts?: false },
): NDArray;
export function unique(ar: ArrayInput, options: UniqueOptions & ({ returnIndex: true } | { returnInverse: true } | { returnCounts: true })): UniqueResult;
export function unique(ar: ArrayInput, options?: UniqueOptions): NDArray | UniqueResult;
export function unique(ar: ArrayInput, options?: UniqueOptions): NDArray | UniqueResult {
  const fn = "unique";
  const opt = checkOptions(fn, options, ["returnIndex", "returnInverse", "returnCounts", "axis", "equalNan"]);
  const flags = {
    returnIndex: opt.returnIndex === undefined ? false : checkBool(fn, "returnIndex", opt.returnIndex),
    returnInverse: opt.returnInverse === undefined ? false : checkBool(fn, "returnInverse", opt.returnInverse),
    returnCounts: opt.returnCounts === undefined ? false : checkBool(fn, "returnCounts", opt.returnCounts),
  };
  const equalNan = opt.equalNan === undefined ? true : checkBool(fn, "equalNan", opt.equalNan);
  const a = asarray(ar);
  if (a.dtype === "complex128") throw new DTypeError(`${fn}: not supported for complex128 input`);
  if (opt.axis !== undefined && opt.axis !== null) {
    if (typeof opt.axis !== "number" || !Number.isInteger(opt.axis)) throw new ValueError(`${fn}: axis must be an integer or null, got ${describe(opt.axis)}`);
    return uniqueAlongAxis(a, normalizeAxis(opt.axis, a.ndim, fn), flags, equalNan);
  }
  const keys = a.astype("float64").data as Float64Array; // flattened, C order, our copy
  const n = keys.length;
  const same = (x: number, y: number) => x === y || (equalNan && x !== x && y !== y);
  const any = flags.returnIndex || flags.returnInverse || flags.returnCounts;

  if (!any) {
    // values only: sort, then keep the first of each run of equals
    sortLane(keys);
    let g = 0;
    for (let k = 0; k < n; k++) if (k === 0 || !same(keys[k], keys[g - 1])) keys[g++] = keys[k];
    return new NDArray(keys.slice(0, g), [g], "float64").astype(a.dtype);
  }

  const P = new Int32Array(n);
  argsortLane(keys, P, n);
  const values: number[] = [];
  const indices: number[] = [];
  const counts: number[] = [];
  const inverse = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const x = keys[P[k]];
    if (k === 0 || !same(x, keys[P[k - 1]])) {
      // a new run: its first element in sorted order is the first occurrence (stable sort)
      values.push(x);
      indices.push(P[k]);
      counts.push(0);
    }
    counts[counts.length - 1]++;
    inverse[P[k]] = values.length - 1;
  }
  const g = values.length;
  const result: { values: NDArray; indices?: NDArray; inverse?: NDArray; counts?: NDArray } = {
    values: new NDArray(Float64Array.from(values), [g], "float64").astype(a.dtype),
  };
  const order: ("values" | "indices" | "inverse" | "counts")[] = ["values"];
  if (flags.returnIndex) {
    result.indices = new NDArray(Int32Array.from(indices), [g], "int32");
    order.push("indices");
  }
  if (flags.returnInverse) {
    result.inverse = new NDArray(inverse, a.shape, "int32");
    order.push("inverse");
  }
  if (flags.returnCounts) {
    result.counts = new NDArray(Int32Array.from(counts), [g], "int32");
    order.push("counts");
  }
  return namedTuple(result, order);
}

/** unique with an axis: the distinct (n-1)-d slices along `axis`, sorted lexicographically. */
function uniqueAlongAxis(
  a: NDArray,
  axis: number,
  flags: { returnIndex: boolean; returnInverse: boolean; returnCounts: boolean },
  equalNan: boolean,
): NDArray | UniqueResult {
  // rows: the slices along `axis`, each flattened to m elements, in a (n, m) float64 copy
  const moved = a.moveaxis(axis, 0);
  const n = moved.shape[0];
  const rest = moved.shape.slice(1);
  const m = rest.reduce((p, d) => p * d, 1);
  const rows = moved.astype("float64").data as Float64Array;
  const compareRows = (p: number, q: number): number => {
    for (let j = 0; j < m; j++) {
      const c = compareNaNLast(rows[p * m + j], rows[q * m + j]);
      if (c !== 0) return c;
    }
    return 0;
  };
  const sameRows = (p: number, q: number): boolean => {
    for (let j = 0; j < m; j++) {
      const x = rows[p * m + j];
      const y = rows[q * m + j];
      if (!(x === y || (equalNan && x !== x && y !== y))) return false;
    }
    return true;
  };
  // Array.prototype.sort is stable: equal rows keep their order, the first occurrence leads
  const P = Array.from({ length: n }, (_, i) => i).sort(compareRows);
  const firsts: number[] = [];
  const counts: number[] = [];
  const inverse = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    if (k === 0 || !sameRows(P[k], P[k - 1])) {
      firsts.push(P[k]);
      counts.push(0);
    }
    counts[counts.length - 1]++;
    inverse[P[k]] = firsts.length - 1;
  }
  const g = firsts.length;
  const out = new Float64Array(g * m);
  firsts.forEach((r, i) => out.set(rows.subarray(r * m, (r + 1) * m), i * m));
  const values = new NDArray(out, [g, ...rest], "float64").astype(a.dtype).moveaxis(0, axis).copy();
  if (!flags.returnIndex && !flags.returnInverse && !flags.returnCounts) return values;
  const result: { values: NDArray; indices?: NDArray; inverse?: NDArray; counts?: NDArray } = { values };
  const order: ("values" | "indices" | "inverse" | "counts")[] = ["values"];
  if (flags.returnIndex) {
    result.indices = new NDArray(Int32Array.from(firsts), [g], "int32");
    order.push("indices");
  }
  if (flags.returnInverse) {
    result.inverse = new NDArray(inverse, [n], "int32");
    order.push("inverse");
  }
  if (flags.returnCounts) {
    result.counts = new NDArray(Int32Array.from(counts), [g], "int32");
    order.push("counts");
  }
  return namedTuple(result, order);
}

export interface IsinOptions {
  /** Return the complement: true where the element is *not* in testElements. */
  invert?: boolean;
  /** NumPy's hint that both inputs are unique; accepted, no effect here (a hash set is used). */
  assumeUnique?: boolean;
  /** NumPy's algorithm choice ("sort" | "table"); accepted, no effect here. */
  kind?: "sort" | "table" | null;
}

/**
 * `np.isin(element, test_elements, assume_unique=False, invert=False, kind=None)`: a bool
 * array of element's shape, true where the element occurs in testElements (flattened).
 * NaN is never found (NaN != NaN); -0 and +0 are equal; true and 1 are equal.
 * @throws ValueError for an unknown option or a non-boolean invert; DTypeError for complex input
 * @example np.isin(np.array([1, 2, 3]), [2, 5]) // array([false, true, false])
 */
export function isin(element: ArrayInput, testElements: ArrayInput, options?: IsinOptions): NDArray {
  const fn = "isin";
  const opt = checkOptions(fn, options, ["invert", "assumeUnique", "kind"]);
  const invert = opt.invert === undefined ? false : checkBool(fn, "invert", opt.invert);
  if (opt.assumeUnique !== undefined) checkBool(fn, "assumeUnique", opt.assumeUnique);
  checkOneOf(fn, "kind", opt.kind, ["sort", "table", null, undefined]);
  const E = asarray(element);
  const T = asarray(testElements);
  if (E.dtype === "complex128" || T.dtype === "complex128") throw new DTypeError(`${fn}: not supported for complex128 input`);
  const members = new Set<number>(T.astype("float64").data as Float64Array); // NaN's entry is never looked up
  const e = E.astype("float64").data as Float64Array;
  const out = new Uint8Array(e.length);
  for (let i = 0; i < e.length; i++) {
    const x = e[i];
    const found = x === x && members.has(x);
    out[i] = found !== invert ? 1 : 0;
  }
  return new NDArray(out, E.shape, "bool");
}
