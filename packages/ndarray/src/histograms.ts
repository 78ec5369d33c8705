/**
 * Counting: `bincount` (occurrences of each non-negative integer) and `histogram` (counts of
 * values in bins), as NumPy's numpy/lib/_histograms_impl.py and np.bincount.
 *
 *   bincount:  out[j] = #{ i : x_i = j }   (or Σ_{i: x_i = j} w_i),  j = 0 … max(max x + 1, minlength) − 1
 *   histogram: hist[j] = #{ i : e_j <= a_i < e_{j+1} }  for j < B − 1, and the last bin closed,
 *              e_{B−1} <= a_i <= e_B. Values outside [e_0, e_B] (and NaN) are not counted.
 *
 * Uniform bins (`bins` an integer): edges e_j = first + j·(last − first)/B computed as NumPy's
 * linspace (the last edge set to `last` exactly), with (first, last) = `range` or (min a, max a),
 * widened by ±0.5 when equal. A value's bin is NumPy's computed index
 * ⌊(a − first)/(last − first)·B⌋, corrected by one step where rounding put it on the wrong
 * side of an edge, so the counts agree with the edges exactly. Explicit edges (`bins` an
 * array, non-decreasing) use a binary search for each value.
 *
 * With `density`, hist_j / (e_{j+1} − e_j) / Σ hist: a probability density (integrates to 1).
 */
import { DTypeError, ShapeError, ValueError } from "./errors.js";
import { asarray } from "./creation.js";
import type { DType } from "./dtype.js";
import { namedTuple, type NamedTuple } from "./named-tuple.js";
import { NDArray } from "./ndarray.js";
import { realInput } from "./reduce-lanes.js";
import type { ArrayInput } from "./ufunc.js";
import { checkBool, checkInt, checkOptions, describe } from "./validate.js";

const isOptionsObject = (x: unknown): boolean => x !== null && typeof x === "object" && !Array.isArray(x) && !(x instanceof NDArray) && !ArrayBuffer.isView(x);

/** A 1-D array's elements as float64 in order. */
function values1d(a: NDArray): Float64Array {
  const c = a.astype("float64"); // C-contiguous copy
  return c.data as Float64Array;
}

// ------------------------------------------------------------------ bincount

export interface BincountOptions {
  /** A weight per element of x: out[j] sums the weights instead of counting (float64 result). */
  weights?: ArrayInput | null;
  /** The least length of the result (default 0). */
  minlength?: number;
}

/**
 * `np.bincount(x, weights=None, minlength=0)`: how often each value 0, 1, 2, … occurs in x.
 * x may be int32, bool, or float holding non-negative integers (plain JS numbers arrive as
 * float64; NumPy would refuse a float array).
 * @param weightsOrOptions weights (NumPy's positional form) or `{ weights, minlength }`
 * @returns int32 counts, or float64 sums of weights, of length max(max(x) + 1, minlength)
 * @throws ValueError for x not 1-D, a negative or non-integer value (named with its index),
 *   weights of another length, a negative minlength
 * @example np.bincount(np.array([0, 1, 1, 3], "int32")) // array([1, 2, 0, 1], dtype=int32)
 */
export function bincount(x: ArrayInput, weightsOrOptions?: ArrayInput | BincountOptions | null, minlength?: number): NDArray {
  const fn = "bincount";
  let opt: BincountOptions;
  if (isOptionsObject(weightsOrOptions)) {
    opt = checkOptions(fn, weightsOrOptions as BincountOptions, ["weights", "minlength"]);
    if (minlength !== undefined) throw new ValueError(`${fn}: minlength given both positionally and in the options object`);
  } else {
    opt = { weights: weightsOrOptions as ArrayInput | null | undefined, minlength };
  }
  const len0 = opt.minlength === undefined ? 0 : checkInt(fn, "minlength", opt.minlength, { min: 0 });
  const X = realInput(fn, x, "x");
  if (X.ndim !== 1) throw new ValueError(`${fn}: x must be 1-D, got ${describe(X)}`);
  const xs = values1d(X);
  let top = -1;
  for (let i = 0; i < xs.length; i++) {
    const v = xs[i];
    if (!Number.isInteger(v)) throw new ValueError(`${fn}: x must hold integers, got ${v} at index ${i}`);
    if (v < 0) throw new ValueError(`${fn}: x must be non-negative, got ${v} at index ${i}`);
    if (v > top) top = v;
  }
  const length = Math.max(top + 1, len0);
  if (opt.weights === undefined || opt.weights === null) {
    const counts = new Int32Array(length);
    for (let i = 0; i < xs.length; i++) counts[xs[i]]++;
    return new NDArray(counts, [length], "int32");
  }
  const W = realInput(fn, opt.weights, "weights");
  if (W.ndim !== 1 || W.size !== xs.length)
    throw new ValueError(`${fn}: the weights and list don't have the same length: ${describe(W)} for ${xs.length} values`);
  const ws = values1d(W);
  const sums = new Float64Array(length);
  for (let i = 0; i < xs.length; i++) sums[xs[i]] += ws[i]; // in input order, as NumPy
  return new NDArray(sums, [length], "float64");
}

// ------------------------------------------------------------------ histogram

export interface HistogramOptions {
  /** The number of equal-width bins (default 10), or the bin edges (non-decreasing, B + 1 of them). */
  bins?: number | ArrayInput;
  /** [lower, upper] of the equal-width bins (default [min a, max a]); values outside are ignored. */
  range?: readonly [number, number] | null;
  /** A weight per element of a: bins sum weights instead of counting. */
  weights?: ArrayInput | null;
  /** Return the probability density hist / bin width / Σ hist instead of counts. */
  density?: boolean | null;
}

/** `histogram`'s result: NumPy's pair (hist, bin_edges), by name or as `[hist, binEdges]`. */
export type HistogramResult = NamedTuple<{ hist: NDArray; binEdges: NDArray }, ["hist", "binEdges"]>;

/** NumPy's linspace(start, stop, num) in float64: i·step + start, the last sample exactly stop. */
function linspaceEdges(start: number, stop: number, num: number): Float64Array {
  const out = new Float64Array(num);
  const div = num - 1;
  const delta = stop - start;
  const step = delta / div;
  for (let i = 0; i < num; i++) out[i] = step === 0 ? (i / div) * delta + start : i * step + start;
  if (num > 1) out[num - 1] = stop;
  return out;
}

/**
 * `np.histogram(a, bins=10, range=None, density=None, weights=None)` of the flattened a.
 * @param binsOrOptions bins (NumPy's positional form: a count or the edges) or the options object
 * @param rangeOrOptions range (NumPy's positional form) or the options object
 * @returns `{ hist, binEdges }`, iterable as `[hist, binEdges]`: hist (B,) int32 counts (float64
 *   with density; the weights' dtype with weights), binEdges (B + 1,)
 * @throws ValueError for bins < 1 or non-integer, decreasing edges, a reversed or non-finite
 *   range, NaN/inf data without a range, weights of another shape, string bin estimators
 * @example np.histogram(np.array([1, 2, 2, 3]), 2).hist // array([1, 3], dtype=int32)
 */
export function histogram(
  a: ArrayInput,
  binsOrOptions?: number | ArrayInput | HistogramOptions,
  rangeOrOptions?: readonly [number, number] | HistogramOptions | null,
): HistogramResult {
  const fn = "histogram";
  const opt = histogramOptions(fn, binsOrOptions, rangeOrOptions);
  const density = opt.density === undefined || opt.density === null ? false : checkBool(fn, "density", opt.density);
  const A = realInput(fn, a);
  const data = values1d(A.ravel());
  const N = data.length;
  const { w, wType } = histogramWeights(fn, opt, A);
  const [first, last] = histogramRange(fn, opt, data);

  // the edges, and each value's bin (-1: not counted)
  const bins = opt.bins ?? 10;
  const bin = new Int32Array(N).fill(-1);
  let edges: BinEdges;
  if (typeof bins === "number") {
    edges = equalWidthBins(fn, bins, first, last, A.dtype === "float32" ? "float32" : "float64", data, bin);
  } else if (typeof bins === "string") {
    throw new ValueError(`${fn}: bin estimators such as ${describe(bins)} are not supported; pass a number of bins or the edges`);
  } else {
    edges = explicitEdgeBins(fn, bins, data, bin);
  }
  const { B, edgesOut } = edges;

  // count (or sum the weights) per bin
  const hist = new Float64Array(B);
  for (let i = 0; i < N; i++) if (bin[i] >= 0) hist[bin[i]] += w === null ? 1 : w[i];
  if (density) {
    const e = edges.edges;
    let total = 0;
    for (let j = 0; j < B; j++) total += hist[j];
    const dens = new Float64Array(B);
    for (let j = 0; j < B; j++) dens[j] = hist[j] / (e[j + 1] - e[j]) / total;
    return namedTuple({ hist: new NDArray(dens, [B], "float64"), binEdges: edgesOut }, ["hist", "binEdges"]);
  }
  const histOut = new NDArray(hist, [B], "float64").astype(w === null ? "int32" : wType);
  return namedTuple({ hist: histOut, binEdges: edgesOut }, ["hist", "binEdges"]);
}

/** histogram's options from NumPy's positional forms (bins, range) or one options object. */
function histogramOptions(
  fn: string,
  binsOrOptions: number | ArrayInput | HistogramOptions | undefined,
  rangeOrOptions: readonly [number, number] | HistogramOptions | null | undefined,
): HistogramOptions {
  let opt: HistogramOptions = {};
  if (isOptionsObject(binsOrOptions)) {
    if (rangeOrOptions !== undefined) throw new ValueError(`${fn}: options given twice`);
    opt = checkOptions(fn, binsOrOptions as HistogramOptions, ["bins", "range", "weights", "density"]);
  } else {
    if (isOptionsObject(rangeOrOptions)) opt = { ...checkOptions(fn, rangeOrOptions as HistogramOptions, ["range", "weights", "density"]) };
    else if (rangeOrOptions !== undefined) opt.range = rangeOrOptions as readonly [number, number] | null;
    if (binsOrOptions !== undefined) {
      if ("bins" in opt) throw new ValueError(`${fn}: bins given both positionally and in the options object`);
      opt.bins = binsOrOptions as number | ArrayInput;
    }
  }
  return opt;
}

/** The weights, one per element of a (flattened), and the dtype they give hist; null without weights. */
function histogramWeights(fn: string, opt: HistogramOptions, A: NDArray): { w: Float64Array | null; wType: DType } {
  let w: Float64Array | null = null;
  let wType: DType = "int32";
  if (opt.weights !== undefined && opt.weights !== null) {
    const W = realInput(fn, opt.weights, "weights");
    if (W.ndim !== A.ndim || W.shape.some((d, k) => d !== A.shape[k]))
      throw new ShapeError(`${fn}: weights should have the same shape as a, got ${describe(W)} for ${describe(A)}`);
    w = values1d(W.ravel());
    wType = W.dtype === "bool" ? "int32" : W.dtype;
  }
  return { w, wType };
}

/** The range [first, last] of the equal-width bins: given, or the data's [min, max]; widened by ±0.5 when equal. */
function histogramRange(fn: string, opt: HistogramOptions, data: Float64Array): [number, number] {
  const N = data.length;
  let first: number;
  let last: number;
  if (opt.range !== undefined && opt.range !== null) {
    const r = opt.range as unknown;
    if (!Array.isArray(r) || r.length !== 2 || r.some((v) => typeof v !== "number"))
      throw new ValueError(`${fn}: range must be a pair [min, max] of numbers, got ${describe(r)}`);
    [first, last] = r as [number, number];
    if (first > last) throw new ValueError(`${fn}: max must be larger than min in range parameter, got ${describe(r)}`);
    if (!Number.isFinite(first) || !Number.isFinite(last)) throw new ValueError(`${fn}: supplied range of [${first}, ${last}] is not finite`);
  } else if (N === 0) {
    [first, last] = [0, 1];
  } else {
    first = Infinity;
    last = -Infinity;
    for (let i = 0; i < N; i++) {
      const v = data[i];
      if (v !== v) {
        first = last = NaN;
        break;
      }
      if (v < first) first = v;
      if (v > last) last = v;
    }
    if (!Number.isFinite(first) || !Number.isFinite(last)) throw new ValueError(`${fn}: autodetected range of [${first}, ${last}] is not finite`);
  }
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  }
  return [first, last];
}

/** The bins found: B of them, their edges as float64 (for density) and as returned (binEdges). */
interface BinEdges {
  B: number;
  edges: Float64Array;
  edgesOut: NDArray;
}

/**
 * `bins` an integer: B equal-width bins over [first, last] (edges by NumPy's linspace, rounded to
 * float32 for float32 data); bin[i] := the bin of data[i], NumPy's computed index corrected by
 * one step against the actual edges (values outside the range and NaN stay −1).
 */
function equalWidthBins(fn: string, bins: number, first: number, last: number, edgeType: DType, data: Float64Array, bin: Int32Array): BinEdges {
  const N = data.length;
  if (!Number.isInteger(bins)) throw new ValueError(`${fn}: bins must be an integer, an array of edges, got ${bins}`);
  if (bins < 1) throw new ValueError(`${fn}: bins must be positive, when an integer, got ${bins}`);
  const B = bins;
  const edges = linspaceEdges(first, last, B + 1);
  if (edgeType === "float32") for (let j = 0; j <= B; j++) edges[j] = Math.fround(edges[j]);
  for (let j = 0; j < B; j++) if (!(edges[j] < edges[j + 1])) throw new ValueError(`${fn}: too many bins for data range. Cannot create ${B} finite-sized bins`);
  const edgesOut = new NDArray(edges.slice(), [B + 1], "float64").astype(edgeType);
  const width = last - first;
  for (let i = 0; i < N; i++) {
    const v = data[i];
    if (!(v >= first && v <= last)) continue; // outside the range, or NaN
    // NumPy's computed index, then one step of correction against the actual edges
    let j = Math.trunc(((v - first) / width) * B);
    if (j === B) j--;
    if (v < edges[j]) j--;
    else if (v >= edges[j + 1] && j !== B - 1) j++;
    bin[i] = j;
  }
  return { B, edges, edgesOut };
}

/** `bins` an array of non-decreasing edges: bin[i] := the bin of data[i] by binary search (the last bin closed). */
function explicitEdgeBins(fn: string, bins: ArrayInput, data: Float64Array, bin: Int32Array): BinEdges {
  const N = data.length;
  const E = asarray(bins as ArrayInput);
  if (E.dtype === "complex128") throw new DTypeError(`${fn}: bins must be real, got ${describe(E)}`);
  if (E.ndim !== 1) throw new ValueError(`${fn}: bins must be 1d, when an array, got ${describe(E)}`);
  const edges = values1d(E);
  const B = Math.max(edges.length - 1, 0);
  for (let j = 0; j < B; j++)
    if (edges[j] > edges[j + 1] || edges[j] !== edges[j]) throw new ValueError(`${fn}: bins must increase monotonically, when an array, got ${describe(bins)}`);
  const edgesOut = E.copy();
  if (B > 0) {
    const lo = edges[0];
    const hi = edges[B];
    for (let i = 0; i < N; i++) {
      const v = data[i];
      if (!(v >= lo && v <= hi)) continue;
      // j + 1 = #{ edges e_0 … e_{B−1} <= v }: the last bin is closed on the right
      let l = 0;
      let h = B;
      while (l < h) {
        const mid = (l + h) >>> 1;
        if (edges[mid] <= v) l = mid + 1;
        else h = mid;
      }
      bin[i] = l - 1;
    }
  }
  return { B, edges, edgesOut };
}
