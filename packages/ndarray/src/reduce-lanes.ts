/**
 * Lane reductions for the statistics functions (statistics.ts, nan-reductions.ts): the
 * reduced axes of an array are moved last and copied into one C-contiguous float64 buffer,
 *
 *   a: (d0, …, d_{k-1})  ->  lanes: (outer, n),  outer = Π kept dims,  n = Π reduced dims,
 *
 * so lane i is `data[i·n : (i+1)·n]`, a private copy the caller may sort or overwrite.
 * The copy costs one pass; a median or quantile sorts each lane anyway.
 *
 * Also here: NumPy's argument forms shared by these functions (`f(a, axis)` or
 * `f(a, { axis, keepdims })`), the result convention (a JS number for a full reduction
 * without keepdims, an NDArray otherwise), and a pairwise sum (NumPy's summation, error
 * O(log n · eps) rather than O(n · eps)).
 */
import { DTypeError, ValueError } from "./errors.js";
import { asarray } from "./creation.js";
import type { DType } from "./dtype.js";
import { NDArray } from "./ndarray.js";
import { normalizeAxes, sizeOf } from "./shape.js";
import type { ArrayInput } from "./ufunc.js";
import { checkBool, checkOptions, describe } from "./validate.js";

export type AxisArg = number | readonly number[] | null | undefined;

/** Options of a full reduction (no axis, no keepdims): the result is a JS number. */
export type FullOf<T> = Omit<T, "axis" | "keepdims"> & { axis?: null; keepdims?: false };
/** Options of a reduction along axes (or with keepdims): the result is an NDArray. */
export type AlongOf<T> = T & ({ axis: number | readonly number[] } | { keepdims: true });

export interface Lanes {
  /** (outer, n) float64, C order: lane i is data[i*n, (i+1)*n). */
  data: Float64Array;
  outer: number;
  n: number;
  /** Shape of the result without keepdims (the kept axes, in order). */
  outShape: number[];
  /** Shape of the result with keepdims (reduced axes as 1). */
  keptShape: number[];
}

/** The lanes of `a` along `axes` (already normalised; all axes when they are all listed). */
export function gatherLanes(a: NDArray, axes: readonly number[]): Lanes {
  const keep = a.shape.map((_, k) => k).filter((k) => !axes.includes(k));
  const moved = a.transpose([...keep, ...axes]);
  const copy = moved.astype("float64"); // C-contiguous, owns its data
  const outShape = keep.map((k) => a.shape[k]);
  const n = sizeOf(axes.map((k) => a.shape[k]));
  return {
    data: copy.data as Float64Array,
    outer: sizeOf(outShape),
    n,
    outShape,
    keptShape: a.shape.map((d, k) => (axes.includes(k) ? 1 : d)),
  };
}

/** Check an axis argument's type (integer, list of integers, null or undefined). */
export function checkAxisArg(fn: string, axis: unknown): AxisArg {
  if (axis === undefined || axis === null) return axis;
  const ok = (x: unknown) => typeof x === "number" && Number.isInteger(x);
  if (ok(axis) || (Array.isArray(axis) && axis.every(ok))) return axis as AxisArg;
  throw new ValueError(`${fn}: axis must be an integer, a list of integers or null, got ${describe(axis)}`);
}

const isOptionsObject = (x: unknown): boolean => x !== null && typeof x === "object" && !Array.isArray(x) && !(x instanceof NDArray) && !ArrayBuffer.isView(x);

/**
 * NumPy's two spellings of the axis: `f(a, 0, { keepdims })` or `f(a, { axis: 0, keepdims })`.
 * Returns the checked options with `axis` filled in; an unknown option, an axis given twice
 * or a non-boolean keepdims throws ValueError.
 */
export function axisOptions<T extends { axis?: AxisArg; keepdims?: boolean }>(
  fn: string,
  axisOrOptions: AxisArg | T,
  options: T | undefined,
  allowed: readonly string[],
): T {
  let out: T;
  if (isOptionsObject(axisOrOptions)) {
    if (options !== undefined) throw new ValueError(`${fn}: options given twice (an options object in place of the axis, then ${describe(options)})`);
    out = { ...checkOptions(fn, axisOrOptions as T, ["axis", ...allowed]) };
  } else {
    out = { ...checkOptions(fn, options, allowed) };
    out.axis = axisOrOptions as AxisArg;
  }
  out.axis = checkAxisArg(fn, out.axis);
  if (out.keepdims !== undefined) checkBool(fn, "keepdims", out.keepdims);
  return out;
}

/** asarray with the function's name on a bad input, and complex rejected. */
export function realInput(fn: string, x: ArrayInput, name = "a"): NDArray {
  const a = asarray(x);
  if (a.dtype === "complex128") throw new DTypeError(`${fn}: not supported for complex128 input (${name})`);
  return a;
}

/** Normalised reduced axes of `a` for `axis` (all for undefined/null). */
export function reducedAxes(fn: string, a: NDArray, axis: AxisArg): number[] {
  return normalizeAxes(axis, a.ndim, fn);
}

/**
 * The result of a reduction: a JS number for a full reduction (no axis, no keepdims),
 * otherwise an NDArray of `shape` holding `values` cast to `dtype`.
 */
export function reductionResult(values: Float64Array, shape: readonly number[], dtype: DType, full: boolean): NDArray | number {
  if (full) {
    const v = values[0];
    return dtype === "float32" ? Math.fround(v) : v;
  }
  const r = new NDArray(values, shape, "float64");
  return dtype === "float64" ? r : r.astype(dtype);
}

/** Σ v[lo:hi], pairwise: blocks of 8 unrolled sums below 128 elements, halves above (NumPy's scheme). */
export function pairwiseSum(v: Float64Array, lo: number, hi: number): number {
  const n = hi - lo;
  if (n < 8) {
    let s = 0;
    for (let i = lo; i < hi; i++) s += v[i];
    return s;
  }
  if (n <= 128) {
    // eight partial sums, as NumPy's pairwise_sum does, then combined pairwise
    let r0 = v[lo],
      r1 = v[lo + 1],
      r2 = v[lo + 2],
      r3 = v[lo + 3];
    let r4 = v[lo + 4],
      r5 = v[lo + 5],
      r6 = v[lo + 6],
      r7 = v[lo + 7];
    let i = lo + 8;
    for (; i + 8 <= hi; i += 8) {
      r0 += v[i];
      r1 += v[i + 1];
      r2 += v[i + 2];
      r3 += v[i + 3];
      r4 += v[i + 4];
      r5 += v[i + 5];
      r6 += v[i + 6];
      r7 += v[i + 7];
    }
    let s = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < hi; i++) s += v[i];
    return s;
  }
  // split at a multiple of 8 near the middle
  const half = lo + ((n >> 1) - ((n >> 1) % 8));
  return pairwiseSum(v, lo, half) + pairwiseSum(v, half, hi);
}
