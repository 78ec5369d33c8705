/**
 * Reductions that ignore NaN (NumPy's numpy/lib/_nanfunctions_impl.py): nansum, nanprod,
 * nanmean, nanvar, nanstd, nanmax, nanmin, nanmedian, nanquantile, nanpercentile.
 *
 * Each treats NaN as missing: with S the non-NaN elements of a lane and c = |S|,
 *
 *   nansum = Σ_S x (0 when c = 0)        nanmean = nansum / c (NaN when c = 0)
 *   nanvar = Σ_S (x − nanmean)² / (c − ddof)   (two passes; NaN when c − ddof <= 0)
 *   nanmax / nanmin over S (NaN when c = 0; NumPy warns "All-NaN slice encountered")
 *   nanmedian, nanquantile: median / quantile of S (NaN when c = 0)
 *
 * Sums are accumulated in float64, pairwise (NumPy's summation). For integer and bool input
 * there is no NaN: the results equal sum/mean/max/…; nansum and nanprod of integers give
 * the same dtype as `sum`/`prod` (they call them).
 *
 * Results: a full reduction (no axis, no keepdims) is a JS number; otherwise an NDArray.
 * An empty lane: nanmax/nanmin throw ValueError (no identity, as NumPy), the others follow
 * the formulas above (nansum 0, nanmean NaN). A NaN result from an all-NaN or empty lane
 * comes with NumPy's RuntimeWarning ("All-NaN slice encountered", "Mean of empty slice",
 * "Degrees of freedom <= 0 for slice"), through warnings.ts.
 */
import { isFloating, type DType } from "./dtype.js";
import { ValueError } from "./errors.js";
import { NDArray } from "./ndarray.js";
import { prod, sum } from "./reductions.js";
import { axisOptions, gatherLanes, pairwiseSum, realInput, reducedAxes, reductionResult, type AlongOf, type AxisArg, type FullOf } from "./reduce-lanes.js";
import { medianImpl, quantileImpl, type MedianOptions, type QuantileOptions } from "./statistics.js";
import type { ArrayInput } from "./ufunc.js";
import { checkNumber, checkOneOf } from "./validate.js";
import { RuntimeWarning, warn } from "./warnings.js";

export interface NanReduceOptions {
  axis?: AxisArg;
  keepdims?: boolean;
  /** Result dtype (values are accumulated in float64 regardless). */
  dtype?: DType;
}

export interface NanVarOptions extends NanReduceOptions {
  /** Delta degrees of freedom: the divisor is c − ddof, c the count of non-NaN values. */
  ddof?: number;
}

const FLOAT_OUT: readonly DType[] = ["float64", "float32"];

/** Options, the array, its lanes (NaN kept), and whether the call is a full reduction. */
function setup<T extends NanReduceOptions>(fn: string, x: ArrayInput, axisOrOptions: AxisArg | T, options: T | undefined, allowed: readonly string[]) {
  const opt = axisOptions<T>(fn, axisOrOptions, options, allowed);
  if (opt.dtype !== undefined) checkOneOf(fn, "dtype", opt.dtype, ["float64", "float32", "int32"] as DType[]);
  const a = realInput(fn, x);
  const L = gatherLanes(a, reducedAxes(fn, a, opt.axis));
  const full = (opt.axis === undefined || opt.axis === null) && !opt.keepdims;
  const shape = opt.keepdims ? L.keptShape : L.outShape;
  return { opt, a, L, full, shape };
}

/** The dtype of a mean-like result: float32 stays float32, everything else float64; or `dtype`. */
function meanDType(fn: string, a: NDArray, dtype: DType | undefined): DType {
  if (dtype !== undefined) return checkOneOf(fn, "dtype", dtype, FLOAT_OUT);
  return a.dtype === "float32" ? "float32" : "float64";
}

/** A reduction from `sum`/`prod` (number or NDArray) in this module's result convention. */
function asReduction(r: NDArray | number, full: boolean): NDArray | number {
  if (typeof r === "number") return r;
  return full ? (r.toArray() as number) : r;
}

/** `np.nansum(a, axis=None, dtype=None, keepdims=False)`: the sum, NaN treated as zero. */
export function nansum(a: ArrayInput, options?: FullOf<NanReduceOptions>): number;
export function nansum(a: ArrayInput, options: AlongOf<NanReduceOptions>): NDArray;
export function nansum(a: ArrayInput, axis: number | readonly number[], options?: Omit<NanReduceOptions, "axis">): NDArray;
export function nansum(a: ArrayInput, axisOrOptions?: AxisArg | NanReduceOptions, options?: NanReduceOptions): NDArray | number;
export function nansum(a: ArrayInput, axisOrOptions?: AxisArg | NanReduceOptions, options?: NanReduceOptions): NDArray | number {
  const fn = "nansum";
  const { opt, a: A, L, full, shape } = setup(fn, a, axisOrOptions, options, ["keepdims", "dtype"]);
  if (!isFloating(A.dtype)) return asReduction(sum(A, { axis: opt.axis, keepdims: opt.keepdims, dtype: opt.dtype }) as NDArray | number, full);
  const { data, outer, n } = L;
  const out = new Float64Array(outer);
  for (let i = 0; i < outer; i++) {
    for (let k = i * n; k < (i + 1) * n; k++) if (data[k] !== data[k]) data[k] = 0; // our private copy
    out[i] = pairwiseSum(data, i * n, (i + 1) * n);
  }
  return reductionResult(out, shape, opt.dtype ?? A.dtype, full);
}

/** `np.nanprod(a, axis=None, dtype=None, keepdims=False)`: the product, NaN treated as one. */
export function nanprod(a: ArrayInput, options?: FullOf<NanReduceOptions>): number;
export function nanprod(a: ArrayInput, options: AlongOf<NanReduceOptions>): NDArray;
export function nanprod(a: ArrayInput, axis: number | readonly number[], options?: Omit<NanReduceOptions, "axis">): NDArray;
export function nanprod(a: ArrayInput, axisOrOptions?: AxisArg | NanReduceOptions, options?: NanReduceOptions): NDArray | number;
export function nanprod(a: ArrayInput, axisOrOptions?: AxisArg | NanReduceOptions, options?: NanReduceOptions): NDArray | number {
  const fn = "nanprod";
  const { opt, a: A, L, full, shape } = setup(fn, a, axisOrOptions, options, ["keepdims", "dtype"]);
  if (!isFloating(A.dtype)) return asReduction(prod(A, { axis: opt.axis, keepdims: opt.keepdims, dtype: opt.dtype }) as NDArray | number, full);
  const { data, outer, n } = L;
  const out = new Float64Array(outer);
  for (let i = 0; i < outer; i++) {
    let p = 1;
    for (let k = i * n; k < (i + 1) * n; k++) if (data[k] === data[k]) p *= data[k];
    out[i] = p;
  }
  return reductionResult(out, shape, opt.dtype ?? A.dtype, full);
}

/** Per lane: the count of non-NaN values and their mean; NaNs in `data` become 0. */
function nanMeans(data: Float64Array, outer: number, n: number): { count: Float64Array; mean: Float64Array } {
  const count = new Float64Array(outer);
  const mean = new Float64Array(outer);
  for (let i = 0; i < outer; i++) {
    let c = 0;
    for (let k = i * n; k < (i + 1) * n; k++) {
      if (data[k] !== data[k]) data[k] = 0;
      else c++;
    }
    count[i] = c;
    mean[i] = c === 0 ? NaN : pairwiseSum(data, i * n, (i + 1) * n) / c;
  }
  return { count, mean };
}

/** `np.nanmean(a, axis=None, dtype=None, keepdims=False)`: the mean of the non-NaN values (NaN if none). */
export function nanmean(a: ArrayInput, options?: FullOf<NanReduceOptions>): number;
export function nanmean(a: ArrayInput, options: AlongOf<NanReduceOptions>): NDArray;
export function nanmean(a: ArrayInput, axis: number | readonly number[], options?: Omit<NanReduceOptions, "axis">): NDArray;
export function nanmean(a: ArrayInput, axisOrOptions?: AxisArg | NanReduceOptions, options?: NanReduceOptions): NDArray | number;
export function nanmean(a: ArrayInput, axisOrOptions?: AxisArg | NanReduceOptions, options?: NanReduceOptions): NDArray | number {
  const fn = "nanmean";
  const { opt, a: A, L, full, shape } = setup(fn, a, axisOrOptions, options, ["keepdims", "dtype"]);
  const { count, mean } = nanMeans(L.data, L.outer, L.n);
  if (count.includes(0)) warn(`${fn}: Mean of empty slice`, RuntimeWarning);
  return reductionResult(mean, shape, meanDType(fn, A, opt.dtype), full);
}

function nanVarImpl(
  fn: string,
  a: ArrayInput,
  axisOrOptions: AxisArg | NanVarOptions | undefined,
  options: NanVarOptions | undefined,
  root: boolean,
): NDArray | number {
  const { opt, a: A, L, full, shape } = setup(fn, a, axisOrOptions, options, ["keepdims", "dtype", "ddof"]);
  const ddof = opt.ddof === undefined ? 0 : checkNumber(fn, "ddof", opt.ddof, { finite: true });
  const { data, outer, n } = L;
  // mark the NaNs before nanMeans zeroes them: the squares must skip them too
  const isNaN = new Uint8Array(data.length);
  for (let k = 0; k < data.length; k++) isNaN[k] = data[k] !== data[k] ? 1 : 0;
  const { count, mean } = nanMeans(data, outer, n);
  const out = new Float64Array(outer);
  for (let i = 0; i < outer; i++) {
    // second pass: squared deviations from the lane mean, NaN slots contribute 0
    for (let k = i * n; k < (i + 1) * n; k++) {
      const d = isNaN[k] ? 0 : data[k] - mean[i];
      data[k] = d * d;
    }
    const dof = count[i] - ddof;
    const v = dof <= 0 ? NaN : pairwiseSum(data, i * n, (i + 1) * n) / dof;
    out[i] = root ? Math.sqrt(v) : v;
  }
  if (count.some((c) => c - ddof <= 0)) warn(`${fn}: Degrees of freedom <= 0 for slice`, RuntimeWarning);
  return reductionResult(out, shape, meanDType(fn, A, opt.dtype), full);
}

/** `np.nanvar(a, axis=None, dtype=None, ddof=0, keepdims=False)`: the variance of the non-NaN values. */
export function nanvar(a: ArrayInput, options?: FullOf<NanVarOptions>): number;
export function nanvar(a: ArrayInput, options: AlongOf<NanVarOptions>): NDArray;
export function nanvar(a: ArrayInput, axis: number | readonly number[], options?: Omit<NanVarOptions, "axis">): NDArray;
export function nanvar(a: ArrayInput, axisOrOptions?: AxisArg | NanVarOptions, options?: NanVarOptions): NDArray | number;
export function nanvar(a: ArrayInput, axisOrOptions?: AxisArg | NanVarOptions, options?: NanVarOptions): NDArray | number {
  return nanVarImpl("nanvar", a, axisOrOptions, options, false);
}

/** `np.nanstd(a, axis=None, dtype=None, ddof=0, keepdims=False)`: √nanvar. */
export function nanstd(a: ArrayInput, options?: FullOf<NanVarOptions>): number;
export function nanstd(a: ArrayInput, options: AlongOf<NanVarOptions>): NDArray;
export function nanstd(a: ArrayInput, axis: number | readonly number[], options?: Omit<NanVarOptions, "axis">): NDArray;
export function nanstd(a: ArrayInput, axisOrOptions?: AxisArg | NanVarOptions, options?: NanVarOptions): NDArray | number;
export function nanstd(a: ArrayInput, axisOrOptions?: AxisArg | NanVarOptions, options?: NanVarOptions): NDArray | number {
  return nanVarImpl("nanstd", a, axisOrOptions, options, true);
}

function nanExtreme(
  fn: "nanmax" | "nanmin",
  a: ArrayInput,
  axisOrOptions: AxisArg | MedianOptions | undefined,
  options: MedianOptions | undefined,
): NDArray | number {
  const { a: A, L, full, shape } = setup(fn, a, axisOrOptions, options, ["keepdims"]);
  const { data, outer, n } = L;
  if (n === 0 && outer > 0) {
    throw new ValueError(
      `${fn}: zero-size array to reduction operation ${fn === "nanmax" ? "fmax" : "fmin"} which has no identity (shape ${JSON.stringify(A.shape)})`,
    );
  }
  const out = new Float64Array(outer);
  const isMax = fn === "nanmax";
  for (let i = 0; i < outer; i++) {
    let best = NaN; // stays NaN for an all-NaN lane
    for (let k = i * n; k < (i + 1) * n; k++) {
      const v = data[k];
      if (v !== v) continue;
      if (best !== best || (isMax ? v > best : v < best)) best = v;
    }
    out[i] = best;
  }
  if (out.some((v) => v !== v)) warn(`${fn}: All-NaN slice encountered`, RuntimeWarning);
  return reductionResult(out, shape, A.dtype, full);
}

/** `np.nanmax(a, axis=None, keepdims=False)`: the maximum ignoring NaN (NaN for an all-NaN lane). */
export function nanmax(a: ArrayInput, options?: FullOf<MedianOptions>): number;
export function nanmax(a: ArrayInput, options: AlongOf<MedianOptions>): NDArray;
export function nanmax(a: ArrayInput, axis: number | readonly number[], options?: Omit<MedianOptions, "axis">): NDArray;
export function nanmax(a: ArrayInput, axisOrOptions?: AxisArg | MedianOptions, options?: MedianOptions): NDArray | number;
export function nanmax(a: ArrayInput, axisOrOptions?: AxisArg | MedianOptions, options?: MedianOptions): NDArray | number {
  return nanExtreme("nanmax", a, axisOrOptions, options);
}

/** `np.nanmin(a, axis=None, keepdims=False)`: the minimum ignoring NaN (NaN for an all-NaN lane). */
export function nanmin(a: ArrayInput, options?: FullOf<MedianOptions>): number;
export function nanmin(a: ArrayInput, options: AlongOf<MedianOptions>): NDArray;
export function nanmin(a: ArrayInput, axis: number | readonly number[], options?: Omit<MedianOptions, "axis">): NDArray;
export function nanmin(a: ArrayInput, axisOrOptions?: AxisArg | MedianOptions, options?: MedianOptions): NDArray | number;
export function nanmin(a: ArrayInput, axisOrOptions?: AxisArg | MedianOptions, options?: MedianOptions): NDArray | number {
  return nanExtreme("nanmin", a, axisOrOptions, options);
}

/** `np.nanmedian(a, axis=None, keepdims=False)`: the median of the non-NaN values (NaN if none). */
export function nanmedian(a: ArrayInput, options?: FullOf<MedianOptions>): number;
export function nanmedian(a: ArrayInput, options: AlongOf<MedianOptions>): NDArray;
export function nanmedian(a: ArrayInput, axis: number | readonly number[], options?: Omit<MedianOptions, "axis">): NDArray;
export function nanmedian(a: ArrayInput, axisOrOptions?: AxisArg | MedianOptions, options?: MedianOptions): NDArray | number;
export function nanmedian(a: ArrayInput, axisOrOptions?: AxisArg | MedianOptions, options?: MedianOptions): NDArray | number {
  return medianImpl("nanmedian", a, axisOrOptions, options, true);
}

/** `np.nanquantile(a, q, axis=None, method="linear", keepdims=False)`: quantile of the non-NaN values. */
export function nanquantile(a: ArrayInput, q: number, options?: FullOf<QuantileOptions>): number;
export function nanquantile(a: ArrayInput, q: number[] | number[][], axisOrOptions?: AxisArg | QuantileOptions, options?: QuantileOptions): NDArray;
export function nanquantile(a: ArrayInput, q: number | ArrayInput, options: AlongOf<QuantileOptions>): NDArray;
export function nanquantile(a: ArrayInput, q: number | ArrayInput, axis: number | readonly number[], options?: Omit<QuantileOptions, "axis">): NDArray;
export function nanquantile(a: ArrayInput, q: number | ArrayInput, axisOrOptions?: AxisArg | QuantileOptions, options?: QuantileOptions): NDArray | number;
export function nanquantile(a: ArrayInput, q: number | ArrayInput, axisOrOptions?: AxisArg | QuantileOptions, options?: QuantileOptions): NDArray | number {
  return quantileImpl("nanquantile", a, q, axisOrOptions, options, 1, true);
}

/** `np.nanpercentile(a, q, axis=None, method="linear", keepdims=False)`: percentile of the non-NaN values. */
export function nanpercentile(a: ArrayInput, q: number, options?: FullOf<QuantileOptions>): number;
export function nanpercentile(a: ArrayInput, q: number[] | number[][], axisOrOptions?: AxisArg | QuantileOptions, options?: QuantileOptions): NDArray;
export function nanpercentile(a: ArrayInput, q: number | ArrayInput, options: AlongOf<QuantileOptions>): NDArray;
export function nanpercentile(a: ArrayInput, q: number | ArrayInput, axis: number | readonly number[], options?: Omit<QuantileOptions, "axis">): NDArray;
export function nanpercentile(a: ArrayInput, q: number | ArrayInput, axisOrOptions?: AxisArg | QuantileOptions, options?: QuantileOptions): NDArray | number;
export function nanpercentile(a: ArrayInput, q: number | ArrayInput, axisOrOptions?: AxisArg | QuantileOptions, options?: QuantileOptions): NDArray | number {
  return quantileImpl("nanpercentile", a, q, axisOrOptions, options, 100, true);
}
