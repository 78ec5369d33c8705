/**
 * Order statistics and means: `median`, `quantile`, `percentile`, `average`, `ptp`
 * (NumPy's numpy/lib/_function_base_impl.py).
 *
 * Quantiles (Hyndman & Fan 1996, NumPy's `method`): with x_(0) <= … <= x_(n-1) the sorted
 * lane, for q in [0, 1]
 *
 *   linear    (H&F 7, NumPy's default)  i = q·(n−1),  Q = lerp(x_⌊i⌋, x_⌊i⌋+1, i − ⌊i⌋)
 *   lower / higher                      Q = x_⌊i⌋ / x_⌈i⌉
 *   nearest                             Q = x_round(i), round half to even (np.around)
 *   midpoint                            Q = (x_⌊i⌋ + x_⌈i⌉)/2 as lerp(…, 0.5)
 *
 * with NumPy's lerp, `t < 0.5 ? a + (b−a)·t : b − (b−a)·(1−t)` (exact at both ends). As in
 * NumPy, an index at or past the last element takes x_(n−1) through that lerp, so an infinite
 * last element gives NaN there (inf − inf), and any NaN in a lane makes its quantiles NaN.
 * `median` is NumPy's: the middle element, or the mean (a + b)/2 of the two middle ones.
 * Only the order statistics needed are put in place, by selection (kernels/select.ts,
 * O(n) per statistic, NumPy's partition); more than 16 of them per lane sort the lane instead.
 *
 * Results: a full reduction (no axis, no keepdims, scalar q) returns a JS number; otherwise an
 * NDArray. Values are computed in float64 and rounded once to float32 for float32 input
 * (NumPy computes float32 lerps in float32, so the last bit may differ).
 *
 * Empty input: `median` of an empty lane is NaN with a RuntimeWarning "Mean of empty slice"
 * (as NumPy); `quantile`/`percentile` of an empty lane throw ValueError (NumPy raises an
 * IndexError).
 * Warnings go through warnings.ts (`np.warnings.catchWarnings`, `filterWarnings`).
 *
 * Sibling files: covariance.ts (cov, corrcoef), nan-reductions.ts (nansum, nanmean,
 * nanmedian, …), histograms.ts (histogram, bincount), sets.ts (unique, isin), sorting.ts
 * (sort, argsort, searchsorted). `quantileImpl`/`medianImpl` are shared with nan-reductions.ts
 * and not re-exported by the package index.
 */
import type { DType } from "./dtype.js";
import { ShapeError, ValueError, ZeroDivisionError } from "./errors.js";
import { namedTuple, type NamedTuple } from "./named-tuple.js";
import { moveNaNsLast, selectIndices } from "./kernels/select.js";
import { NDArray } from "./ndarray.js";
import { axisOptions, gatherLanes, pairwiseSum, realInput, reducedAxes, reductionResult, type AlongOf, type AxisArg, type FullOf } from "./reduce-lanes.js";
export type { AlongOf, AxisArg, FullOf } from "./reduce-lanes.js";
import { asarray } from "./creation.js";
import type { ArrayInput } from "./ufunc.js";
import { RuntimeWarning, warn } from "./warnings.js";
import { checkBool, checkOneOf, describe } from "./validate.js";

// ------------------------------------------------------------------ quantiles

export type QuantileMethod = "linear" | "lower" | "higher" | "nearest" | "midpoint";
const METHODS: readonly QuantileMethod[] = ["linear", "lower", "higher", "nearest", "midpoint"];

export interface QuantileOptions {
  /** Axis or axes along which to compute; all (flattened) when undefined or null. */
  axis?: AxisArg;
  /** How to pick a value between two order statistics (default "linear", NumPy's default). */
  method?: QuantileMethod;
  /** Keep the reduced axes as length-1 axes. */
  keepdims?: boolean;
}

export interface MedianOptions {
  axis?: AxisArg;
  keepdims?: boolean;
}

/** NumPy's `_lerp`: exact at t = 0 and t = 1, symmetric rounding about t = 0.5. */
function lerp(a: number, b: number, t: number): number {
  const d = b - a;
  return t >= 0.5 ? b - d * (1 - t) : a + d * t;
}

/** Round half to even, as np.around. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** Which order statistics a quantile reads and how it combines them: lerp(x_i0, x_i1, gamma), or x_i0 alone. */
interface QuantilePick {
  i0: number;
  i1: number;
  gamma: number;
  interpolate: boolean;
}

/**
 * NumPy's _quantile for n >= 1 sorted values: the virtual index, its neighbours (both the
 * last element when the index is at or past it, NumPy's index -1) and the weight gamma.
 */
function quantilePick(n: number, q: number, method: QuantileMethod): QuantilePick {
  const i = (n - 1) * q; // the virtual index
  switch (method) {
    case "lower":
      return { i0: Math.floor(i), i1: Math.floor(i), gamma: 0, interpolate: false };
    case "higher":
      return { i0: Math.ceil(i), i1: Math.ceil(i), gamma: 0, interpolate: false };
    case "nearest":
      return { i0: roundHalfEven(i), i1: roundHalfEven(i), gamma: 0, interpolate: false };
    case "linear":
    case "midpoint": {
      const v = method === "linear" ? i : 0.5 * (Math.floor(i) + Math.ceil(i));
      const above = v >= n - 1;
      const prev = above ? -1 : Math.floor(v);
      const gamma = method === "midpoint" ? (v % 1 === 0 ? 0 : 0.5) : v - prev;
      return above ? { i0: n - 1, i1: n - 1, gamma, interpolate: true } : { i0: prev, i1: prev + 1, gamma, interpolate: true };
    }
    default:
      return method satisfies never;
  }
}

/** The q-quantile of values x[lo : lo + n] (n >= 1) whose positions `quantilePick` names are in sorted place. */
export function quantileOfSorted(x: Float64Array, lo: number, n: number, q: number, method: QuantileMethod): number {
  const { i0, i1, gamma, interpolate } = quantilePick(n, q, method);
  return interpolate ? lerp(x[lo + i0], x[lo + i1], gamma) : x[lo + i0];
}

/** Beyond this many order statistics per lane, one sort is cheaper than that many selections. */
const MAX_SELECTIONS = 16;

/**
 * Put the order statistics at positions `ks` of lane v[0:m] (NaN-free) in sorted place:
 * selection for a few positions, a sort for many.
 */
function placeOrderStatistics(v: Float64Array, m: number, ks: number[]): void {
  if (new Set(ks).size > MAX_SELECTIONS) v.subarray(0, m).sort();
  else selectIndices(v, m, ks);
}

/** The q values as float64 in [0, 1] (divided by `scale`), and q's shape ([] for a scalar). */
function quantileLevels(fn: string, q: unknown, scale: number): { levels: Float64Array; shape: number[] } {
  if (typeof q === "boolean" || (typeof q !== "number" && !Array.isArray(q) && !(q instanceof NDArray) && !ArrayBuffer.isView(q))) {
    throw new ValueError(`${fn}: q must be a number or an array of numbers, got ${describe(q)}`);
  }
  const Q = asarray(q as ArrayInput);
  if (Q.dtype === "complex128" || Q.dtype === "bool") throw new ValueError(`${fn}: q must be real numbers, got ${describe(Q)}`);
  const flat = Q.astype("float64").data as Float64Array;
  const levels = new Float64Array(flat.length);
  for (let k = 0; k < flat.length; k++) {
    const p = flat[k] / scale; // NumPy: np.true_divide(q, 100) for percentiles
    if (!(p >= 0 && p <= 1)) {
      const what = scale === 100 ? "Percentiles must be in the range [0, 100]" : "Quantiles must be in the range [0, 1]";
      throw new ValueError(`${fn}: ${what}, got ${flat[k]}`);
    }
    levels[k] = p;
  }
  return { levels, shape: Q.shape.slice() };
}

/**
 * The shared body of quantile, percentile, nanquantile, nanpercentile: sort every lane, then
 * pick each level. `skipNaN`: ignore NaNs (all-NaN lane -> NaN); otherwise a NaN makes the
 * lane's result NaN.
 */
export function quantileImpl(
  fn: string,
  x: ArrayInput,
  q: unknown,
  axisOrOptions: AxisArg | QuantileOptions,
  maybeOptions: QuantileOptions | undefined,
  scale: number,
  skipNaN: boolean,
): NDArray | number {
  const options = axisOptions(fn, axisOrOptions, maybeOptions, ["method", "keepdims"]);
  const a = realInput(fn, x);
  const method = checkOneOf(fn, "method", options.method ?? "linear", METHODS);
  const { levels, shape: qShape } = quantileLevels(fn, q, scale);
  const axes = reducedAxes(fn, a, options.axis);
  const L = gatherLanes(a, axes);
  const { data, outer, n } = L;
  const nq = levels.length;
  if (n === 0 && outer > 0 && nq > 0) throw new ValueError(`${fn}: cannot take a quantile of an empty lane (shape ${JSON.stringify(a.shape)})`);
  // result (nq, outer): level k of lane i at k·outer + i
  const out = new Float64Array(nq * outer);
  let allNaN = false;
  for (let i = 0; i < outer; i++) {
    const lo = i * n;
    const lane = data.subarray(lo, lo + n);
    // m values are not NaN, moved to the front; a NaN makes the result NaN unless skipped
    const m = moveNaNsLast(lane, n);
    const nanResult = skipNaN ? m === 0 : m < n;
    if (skipNaN && m === 0) allNaN = true;
    if (nanResult) {
      for (let k = 0; k < nq; k++) out[k * outer + i] = NaN;
      continue;
    }
    const ks: number[] = [];
    for (let k = 0; k < nq; k++) {
      const pick = quantilePick(m, levels[k], method);
      ks.push(pick.i0, pick.i1);
    }
    placeOrderStatistics(lane, m, ks);
    for (let k = 0; k < nq; k++) out[k * outer + i] = quantileOfSorted(lane, 0, m, levels[k], method);
  }
  if (allNaN) warn(`${fn}: All-NaN slice encountered`, RuntimeWarning);
  const discrete = method === "lower" || method === "higher" || method === "nearest";
  const dtype: DType = discrete ? a.dtype : a.dtype === "float32" ? "float32" : "float64";
  const shape = [...qShape, ...(options.keepdims ? L.keptShape : L.outShape)];
  const full = qShape.length === 0 && (options.axis === undefined || options.axis === null) && !options.keepdims;
  return reductionResult(out, shape, dtype, full);
}

/**
 * `np.quantile(a, q, axis=None, method="linear", keepdims=False)`: the q-th quantiles of the
 * data along the axis (all data when axis is undefined/null).
 * @param q a level in [0, 1] or an array of levels; the result has q's shape in front
 * @param axisOrOptions the axis (NumPy's positional form), or `{ axis, method, keepdims }`
 * @returns a number for a scalar q over all data; otherwise an NDArray of shape q.shape + kept axes
 * @throws ValueError for q outside [0, 1] (or NaN), an unknown method or option, an empty lane;
 *   AxisError for a bad axis; DTypeError for complex input
 * @example np.quantile(np.array([1, 2, 3, 4]), 0.5) // 2.5
 */
export function quantile(a: ArrayInput, q: number, options?: FullOf<QuantileOptions>): number;
export function quantile(a: ArrayInput, q: number[] | number[][], axisOrOptions?: AxisArg | QuantileOptions, options?: QuantileOptions): NDArray;
export function quantile(a: ArrayInput, q: number | ArrayInput, options: AlongOf<QuantileOptions>): NDArray;
export function quantile(a: ArrayInput, q: number | ArrayInput, axis: number | readonly number[], options?: Omit<QuantileOptions, "axis">): NDArray;
export function quantile(a: ArrayInput, q: number | ArrayInput, axisOrOptions?: AxisArg | QuantileOptions, options?: QuantileOptions): NDArray | number;
export function quantile(a: ArrayInput, q: number | ArrayInput, axisOrOptions?: AxisArg | QuantileOptions, options?: QuantileOptions): NDArray | number {
  return quantileImpl("quantile", a, q, axisOrOptions, options, 1, false);
}

/**
 * `np.percentile(a, q, axis=None, method="linear", keepdims=False)`: quantile with q in
 * percent, [0, 100] (divided by 100 first, as NumPy).
 * @example np.percentile(np.array([1, 2, 3, 4, 5]), 90) // 4.6
 */
export function percentile(a: ArrayInput, q: number, options?: FullOf<QuantileOptions>): number;
export function percentile(a: ArrayInput, q: number[] | number[][], axisOrOptions?: AxisArg | QuantileOptions, options?: QuantileOptions): NDArray;
export function percentile(a: ArrayInput, q: number | ArrayInput, options: AlongOf<QuantileOptions>): NDArray;
export function percentile(a: ArrayInput, q: number | ArrayInput, axis: number | readonly number[], options?: Omit<QuantileOptions, "axis">): NDArray;
export function percentile(a: ArrayInput, q: number | ArrayInput, axisOrOptions?: AxisArg | QuantileOptions, options?: QuantileOptions): NDArray | number;
export function percentile(a: ArrayInput, q: number | ArrayInput, axisOrOptions?: AxisArg | QuantileOptions, options?: QuantileOptions): NDArray | number {
  return quantileImpl("percentile", a, q, axisOrOptions, options, 100, false);
}

/** The shared body of median and nanmedian. */
export function medianImpl(
  fn: string,
  x: ArrayInput,
  axisOrOptions: AxisArg | MedianOptions,
  maybeOptions: MedianOptions | undefined,
  skipNaN: boolean,
): NDArray | number {
  const options = axisOptions(fn, axisOrOptions, maybeOptions, ["keepdims"]);
  const a = realInput(fn, x);
  const L = gatherLanes(a, reducedAxes(fn, a, options.axis));
  const { data, outer, n } = L;
  const out = new Float64Array(outer);
  let emptyLanes = 0;
  for (let i = 0; i < outer; i++) {
    const lo = i * n;
    const lane = data.subarray(lo, lo + n);
    const m = moveNaNsLast(lane, n); // the m non-NaN values first
    if (m === 0 || (!skipNaN && m < n)) {
      out[i] = NaN; // empty, all-NaN (nanmedian) or holding a NaN (median)
      if (m === 0) emptyLanes++;
      continue;
    }
    const h = m >> 1;
    placeOrderStatistics(lane, m, m % 2 === 1 ? [h] : [h - 1, h]);
    // odd m: the middle element; even m: the mean of the two middle ones, as NumPy
    out[i] = m % 2 === 1 ? lane[h] : (lane[h - 1] + lane[h]) / 2;
  }
  if (emptyLanes > 0) warn(`${fn}: ${skipNaN && n > 0 ? "All-NaN slice encountered" : "Mean of empty slice"}`, RuntimeWarning);
  const full = (options.axis === undefined || options.axis === null) && !options.keepdims;
  return reductionResult(out, options.keepdims ? L.keptShape : L.outShape, a.dtype === "float32" ? "float32" : "float64", full);
}

/**
 * `np.median(a, axis=None, keepdims=False)`: the middle value of each lane (the mean of the two
 * middle values for an even count). NaN if the lane holds a NaN or is empty.
 * @param axisOrOptions the axis or axes (NumPy's positional form), or `{ axis, keepdims }`
 * @returns a number over all data; an NDArray along an axis
 * @example np.median(np.array([[1, 3], [2, 10]]), 0) // array([1.5, 6.5])
 */
export function median(a: ArrayInput, options?: FullOf<MedianOptions>): number;
export function median(a: ArrayInput, options: AlongOf<MedianOptions>): NDArray;
export function median(a: ArrayInput, axis: number | readonly number[], options?: Omit<MedianOptions, "axis">): NDArray;
export function median(a: ArrayInput, axisOrOptions?: AxisArg | MedianOptions, options?: MedianOptions): NDArray | number;
export function median(a: ArrayInput, axisOrOptions?: AxisArg | MedianOptions, options?: MedianOptions): NDArray | number {
  return medianImpl("median", a, axisOrOptions, options, false);
}

// ------------------------------------------------------------------ average, ptp

export interface AverageOptions {
  axis?: AxisArg;
  /** Weights of a's shape, or 1-D of the length of a's (single) axis `axis`. */
  weights?: ArrayInput | null;
  /** Also return the sum of the weights. */
  returned?: boolean;
  keepdims?: boolean;
}

/** `average(..., { returned: true })`: NumPy's tuple (avg, sum_of_weights) with names. */
export type AverageResult<T> = NamedTuple<{ average: T; sumOfWeights: T }, ["average", "sumOfWeights"]>;

/** Broadcast NumPy-style average weights to a's shape (1-D weights go along the axis). */
function weightsLike(fn: string, a: NDArray, w: NDArray, axes: readonly number[], axis: AxisArg): NDArray {
  if (w.shape.length === a.shape.length && w.shape.every((d, k) => d === a.shape[k])) return w;
  if (axis === undefined || axis === null)
    throw new ShapeError(`${fn}: axis must be specified when shapes of a ${JSON.stringify(a.shape)} and weights ${JSON.stringify(w.shape)} differ`);
  const along = axes.map((k) => a.shape[k]);
  if (w.ndim !== axes.length || w.shape.some((d, k) => d !== along[k])) {
    throw new ShapeError(`${fn}: shape of weights ${JSON.stringify(w.shape)} must match the shape of a along the axis ${JSON.stringify(along)}`);
  }
  // place the weight axes where a's reduced axes are (in increasing order), 1 elsewhere
  const order = axes.map((k, j) => [k, j] as const).sort((p, r) => p[0] - r[0]);
  const wt = w.transpose(order.map(([, j]) => j));
  const shape = a.shape.map((d, k) => (axes.includes(k) ? d : 1));
  return wt.reshape(shape).broadcastTo(a.shape);
}

/**
 * `np.average(a, axis=None, weights=None, returned=False, keepdims=False)`: the weighted mean
 * Σ w·a / Σ w along the axis (the plain mean without weights).
 * @param axisOrOptions the axis or axes (NumPy's positional form), or `{ axis, weights, returned, keepdims }`
 * @returns a number over all data, an NDArray along an axis; with `returned`, the named tuple
 *   `{ average, sumOfWeights }` (iterable as NumPy's pair `[avg, sum_of_weights]`)
 * @throws ZeroDivisionError when the weights of a lane sum to zero; ShapeError for weights of a
 *   wrong shape (or of another shape than a without an axis)
 * @example np.average(np.array([1, 2, 4]), { weights: np.array([1, 1, 2]) }) // 2.75
 */
export function average(a: ArrayInput, options: AverageOptions & { returned: true }): AverageResult<NDArray | number>;
export function average(a: ArrayInput, axis: AxisArg, options: Omit<AverageOptions, "axis"> & { returned: true }): AverageResult<NDArray | number>;
export function average(a: ArrayInput, options?: FullOf<AverageOptions> & { returned?: false }): number;
export function average(a: ArrayInput, options: AlongOf<AverageOptions> & { returned?: false }): NDArray;
export function average(a: ArrayInput, axis: number | readonly number[], options?: Omit<AverageOptions, "axis"> & { returned?: false }): NDArray;
export function average(a: ArrayInput, axisOrOptions?: AxisArg | AverageOptions, options?: AverageOptions): NDArray | number | AverageResult<NDArray | number>;
export function average(a: ArrayInput, axisOrOptions?: AxisArg | AverageOptions, options?: AverageOptions): NDArray | number | AverageResult<NDArray | number> {
  const fn = "average";
  const opt = axisOptions(fn, axisOrOptions, options, ["weights", "returned", "keepdims"]);
  const returned = opt.returned === undefined ? false : checkBool(fn, "returned", opt.returned);
  const A = realInput(fn, a);
  const axes = reducedAxes(fn, A, opt.axis);
  const L = gatherLanes(A, axes);
  const { data, outer, n } = L;
  const avg = new Float64Array(outer);
  const wsum = new Float64Array(outer);
  let W: NDArray | null = null;
  if (opt.weights !== undefined && opt.weights !== null) {
    W = weightsLike(fn, A, realInput(fn, opt.weights, "weights"), axes, opt.axis);
    const wl = gatherLanes(W, axes).data;
    const prod = new Float64Array(n);
    for (let i = 0; i < outer; i++) {
      const lo = i * n;
      for (let k = 0; k < n; k++) prod[k] = data[lo + k] * wl[lo + k];
      const s = pairwiseSum(wl, lo, lo + n);
      if (s === 0) throw new ZeroDivisionError(`${fn}: weights sum to zero, can't be normalized`);
      avg[i] = pairwiseSum(prod, 0, n) / s;
      wsum[i] = s;
    }
  } else {
    for (let i = 0; i < outer; i++) {
      avg[i] = pairwiseSum(data, i * n, (i + 1) * n) / n; // empty: NaN, as NumPy's mean
      wsum[i] = n;
    }
  }
  const dtype: DType = A.dtype === "float32" && (W === null || W.dtype === "float32") ? "float32" : "float64";
  const full = (opt.axis === undefined || opt.axis === null) && !opt.keepdims;
  const shape = opt.keepdims ? L.keptShape : L.outShape;
  const average = reductionResult(avg, shape, dtype, full);
  if (!returned) return average;
  const sumOfWeights = reductionResult(wsum, shape, dtype, full);
  return namedTuple({ average, sumOfWeights }, ["average", "sumOfWeights"]);
}

/**
 * `np.ptp(a, axis=None, keepdims=False)`: the range max − min along the axis ("peak to peak").
 * NaN propagates. Integer input gives an integer result, as NumPy.
 * @throws ValueError for an empty lane (no maximum); DTypeError for bool or complex input
 * @example np.ptp(np.array([[4, 9, 2], [1, 1, 7]]), 1) // array([7, 6])
 */
export function ptp(a: ArrayInput, options?: FullOf<MedianOptions>): number;
export function ptp(a: ArrayInput, options: AlongOf<MedianOptions>): NDArray;
export function ptp(a: ArrayInput, axis: number | readonly number[], options?: Omit<MedianOptions, "axis">): NDArray;
export function ptp(a: ArrayInput, axisOrOptions?: AxisArg | MedianOptions, options?: MedianOptions): NDArray | number;
export function ptp(a: ArrayInput, axisOrOptions?: AxisArg | MedianOptions, options?: MedianOptions): NDArray | number {
  const fn = "ptp";
  const opt = axisOptions(fn, axisOrOptions, options, ["keepdims"]);
  const A = realInput(fn, a);
  if (A.dtype === "bool") throw new ValueError(`${fn}: not supported for bool input (NumPy's boolean subtract is an error); cast with astype("int32")`);
  const L = gatherLanes(A, reducedAxes(fn, A, opt.axis));
  const { data, outer, n } = L;
  if (n === 0 && outer > 0)
    throw new ValueError(`${fn}: zero-size array to reduction operation maximum which has no identity (shape ${JSON.stringify(A.shape)})`);
  const out = new Float64Array(outer);
  for (let i = 0; i < outer; i++) {
    let hi = -Infinity;
    let lo = Infinity;
    for (let k = i * n; k < (i + 1) * n; k++) {
      const v = data[k];
      if (v !== v) {
        hi = NaN;
        break;
      }
      if (v > hi) hi = v;
      if (v < lo) lo = v;
    }
    out[i] = hi - lo;
  }
  const full = (opt.axis === undefined || opt.axis === null) && !opt.keepdims;
  return reductionResult(out, opt.keepdims ? L.keptShape : L.outShape, A.dtype, full);
}
