/**
 * Reductions along any axis or axes, with keepdims: sum, prod, mean, var, std, min, max,
 * argmin, argmax, any, all; and the accumulations cumsum, cumprod.
 *
 * Result dtypes follow NumPy, with int32 standing in for int64: sum/prod/cumsum of bool or
 * int32 give int32 (NumPy: int64; a sum past 2^31 wraps here); mean/var/std of integers give
 * float64; float32 stays float32 (accumulated in float64, rounded once at the end, which is
 * at least as accurate as NumPy's pairwise float32 sum). `dtype` overrides the accumulator
 * and result dtype as in NumPy.
 *
 * var = Σ|x − mean|² / (N − ddof), computed in two passes (mean first), which is accurate
 * where the one-pass E[x²] − E[x]² formula cancels catastrophically.
 */
import { allocate, checkDType, isFloating, type DType } from "./dtype.js";
import { DTypeError, ValueError } from "./errors.js";
import { copyStrided } from "./kernels/copy.js";
import { REDUCE_IDENTITY, ReduceOp, reduceStrided } from "./kernels/reduce.js";
import { forEachRun } from "./kernels/strided.js";
import { NDArray } from "./ndarray.js";
import { cStrides, normalizeAxes, normalizeAxis, sizeOf } from "./shape.js";
import { abs, divide, multiply, subtract, type ArrayInput } from "./ufunc.js";
import { asarray } from "./creation.js";

export interface ReduceOptions {
  /** Axis or axes to reduce; all axes when undefined or null. */
  axis?: number | readonly number[] | null;
  /** Keep the reduced axes as length-1 axes, so the result broadcasts against the input. */
  keepdims?: boolean;
  /** Accumulator and result dtype. */
  dtype?: DType;
}

export interface VarOptions extends ReduceOptions {
  /** Delta degrees of freedom: the divisor is N − ddof (0: population, 1: sample). */
  ddof?: number;
}

const NAMES: Record<ReduceOp, string> = {
  [ReduceOp.Sum]: "sum",
  [ReduceOp.Prod]: "prod",
  [ReduceOp.Max]: "max",
  [ReduceOp.Min]: "min",
  [ReduceOp.Any]: "any",
  [ReduceOp.All]: "all",
};

/** A complex128 array seen as its real or imaginary part: a float64 view of the same buffer. */
export function complexPart(a: NDArray, part: 0 | 1): NDArray {
  return new NDArray(
    a.data,
    a.shape,
    "float64",
    a.strides.map((s) => 2 * s),
    2 * a.offset + part,
    a.base ?? a,
    a.flags.writeable,
  );
}

/**
 * Reduce `a` with ⊕ over the given axes into a float64 accumulator, then cast to `outType`.
 * Empty reductions give the identity, or throw for max/min, which have none.
 */
function reduce(op: ReduceOp, a: NDArray, options: ReduceOptions, outType: DType): NDArray {
  const fn = NAMES[op];
  const axes = normalizeAxes(options.axis, a.ndim, fn);
  const keptShape = a.shape.map((d, k) => (axes.includes(k) ? 1 : d));
  const outSize = sizeOf(keptShape);
  const reducedCount = axes.reduce((p, k) => p * a.shape[k], 1);
  if (reducedCount === 0 && outSize > 0 && (op === ReduceOp.Max || op === ReduceOp.Min)) {
    throw new ValueError(`${fn}: zero-size array to reduction operation ${op === ReduceOp.Max ? "maximum" : "minimum"} which has no identity (shape ${JSON.stringify(a.shape)})`);
  }
  if (a.dtype === "complex128") {
    if (op !== ReduceOp.Sum) throw new DTypeError(`${fn}: not supported for complex128 input`);
    const re = reduce(op, complexPart(a, 0), options, "float64");
    const im = reduce(op, complexPart(a, 1), options, "float64");
    const out = new NDArray(allocate("complex128", re.size), re.shape, "complex128");
    copyStrided(re.shape, re, complexPart(out, 0));
    copyStrided(im.shape, im, complexPart(out, 1));
    return out;
  }
  const acc = new Float64Array(outSize).fill(REDUCE_IDENTITY[op]);
  // accumulator strides: C strides of the kept shape, 0 on the reduced axes
  const accStrides = cStrides(keptShape).map((s, k) => (axes.includes(k) ? 0 : s));
  reduceStrided(op, a.shape, a.data, a.strides, a.offset, acc, accStrides);
  const outShape = options.keepdims ? keptShape : a.shape.filter((_, k) => !axes.includes(k));
  const result = new NDArray(acc, outShape, "float64");
  return outType === "float64" ? result : result.astype(outType);
}

/** The dtype sum/prod/cumsum accumulate in: ints and bools in int32, others as they are. */
function sumType(a: NDArray, dtype: DType | undefined, fn: string): DType {
  if (dtype !== undefined) return checkDType(dtype, fn);
  return a.dtype === "bool" ? "int32" : a.dtype;
}

/**
 * The elements as sum/prod/cumsum/cumprod combine them: with an explicit integer, bool or
 * complex `dtype`, NumPy casts each element first (`sum([0.5, 0.5], dtype=int32)` is 0).
 */
function castForAccumulation(a: NDArray, dtype: DType | undefined, t: DType): NDArray {
  return dtype !== undefined && a.dtype !== t && !isFloating(t) ? a.astype(t) : a;
}

/** The dtype mean/var/std return: float64 for integers, otherwise the input's. */
function meanType(a: NDArray, dtype: DType | undefined, fn: string): DType {
  if (dtype !== undefined) return checkDType(dtype, fn);
  return a.dtype === "bool" || a.dtype === "int32" ? "float64" : a.dtype;
}

/** `np.sum(a, axis, keepdims, dtype)`. */
export function sum(x: ArrayInput, options: ReduceOptions = {}): NDArray {
  const a = asarray(x);
  const t = sumType(a, options.dtype, "sum");
  return reduce(ReduceOp.Sum, t === "complex128" && a.dtype !== t ? a.astype(t) : castForAccumulation(a, options.dtype, t), options, t);
}

/** `np.prod(a, axis, keepdims, dtype)`. */
export function prod(x: ArrayInput, options: ReduceOptions = {}): NDArray {
  const a = asarray(x);
  const t = sumType(a, options.dtype, "prod");
  return reduce(ReduceOp.Prod, castForAccumulation(a, options.dtype, t), options, t);
}

/** `np.max(a, axis, keepdims)` (`np.amax`); NaN propagates. */
export function max(x: ArrayInput, options: ReduceOptions = {}): NDArray {
  const a = asarray(x);
  return reduce(ReduceOp.Max, a, options, options.dtype ?? a.dtype);
}

/** `np.min(a, axis, keepdims)` (`np.amin`); NaN propagates. */
export function min(x: ArrayInput, options: ReduceOptions = {}): NDArray {
  const a = asarray(x);
  return reduce(ReduceOp.Min, a, options, options.dtype ?? a.dtype);
}

/** `np.any(a, axis, keepdims)`: is any element non-zero? */
export function any(x: ArrayInput, options: ReduceOptions = {}): NDArray {
  const a = asarray(x);
  return reduce(ReduceOp.Any, a.dtype === "complex128" ? a.astype("bool") : a, options, "bool");
}

/** `np.all(a, axis, keepdims)`: are all elements non-zero? */
export function all(x: ArrayInput, options: ReduceOptions = {}): NDArray {
  const a = asarray(x);
  return reduce(ReduceOp.All, a.dtype === "complex128" ? a.astype("bool") : a, options, "bool");
}

/** Number of elements each output of a reduction over `axis` combines. */
function countOf(a: NDArray, axis: ReduceOptions["axis"], fn: string): number {
  return normalizeAxes(axis, a.ndim, fn).reduce((p, k) => p * a.shape[k], 1);
}

/** `np.mean(a, axis, keepdims, dtype)`: sum / N (NaN for an empty reduction, as NumPy). */
export function mean(x: ArrayInput, options: ReduceOptions = {}): NDArray {
  const a = asarray(x);
  const t = meanType(a, options.dtype, "mean");
  const n = countOf(a, options.axis, "mean");
  // accumulate in float64 (or complex128), divide, then cast once
  const s = sum(a, { ...options, dtype: t === "complex128" ? "complex128" : "float64" });
  const m = divide(s, n);
  return m.dtype === t ? m : m.astype(t);
}

/** `np.var(a, axis, keepdims, ddof, dtype)`: mean of |x − mean(x)|², divided by N − ddof. */
export function variance(x: ArrayInput, options: VarOptions = {}): NDArray {
  const a = asarray(x);
  const { ddof = 0 } = options;
  const t = meanType(a, options.dtype, "var");
  const n = countOf(a, options.axis, "var");
  const mu = mean(a, { axis: options.axis, keepdims: true, dtype: a.dtype === "complex128" ? "complex128" : "float64" });
  const d = subtract(a.dtype === "complex128" || a.dtype === "float64" ? a : a.astype("float64"), mu);
  const sq = a.dtype === "complex128" ? multiply(abs(d), abs(d)) : multiply(d, d);
  const s = sum(sq, { axis: options.axis, keepdims: options.keepdims, dtype: "float64" });
  // N − ddof <= 0 gives inf or nan, as NumPy (which also warns)
  const v = divide(s, Math.max(n - ddof, 0));
  const outType = t === "complex128" ? "float64" : t;
  return v.dtype === outType ? v : v.astype(outType);
}
export { variance as var_ };

/** `np.std(a, axis, keepdims, ddof, dtype)`: the square root of var. */
export function std(x: ArrayInput, options: VarOptions = {}): NDArray {
  normalizeAxes(options.axis, asarray(x).ndim, "std"); // axis errors under std's own name
  const v = variance(x, { ...options, dtype: undefined });
  const r = new NDArray(Float64Array.from(v.astype("float64").data, Math.sqrt), v.shape, "float64");
  const t = meanType(asarray(x), options.dtype, "std");
  return r.astype(t === "complex128" ? "float64" : t);
}

export interface ArgOptions {
  /** The axis to search along; the flattened array when undefined. */
  axis?: number;
  keepdims?: boolean;
}

/** Index of the first extreme along an axis (NaN counts as extreme: the first NaN wins). */
function argExtreme(x: ArrayInput, options: ArgOptions, fn: "argmax" | "argmin"): NDArray {
  let a = asarray(x);
  if (a.dtype === "complex128") throw new DTypeError(`${fn}: not supported for complex128 input`);
  const flat = options.axis === undefined;
  if (flat) a = a.ravel();
  const axis = flat ? 0 : normalizeAxis(options.axis!, a.ndim, fn);
  const n = a.shape[axis];
  const moved = a.moveaxis(axis, -1);
  const outerShape = moved.shape.slice(0, -1);
  if (n === 0) throw new ValueError(`${fn}: attempt to get ${fn} of an empty sequence (shape ${JSON.stringify(a.shape)}, axis ${axis})`);
  const out = new NDArray(new Int32Array(sizeOf(outerShape)), outerShape, "int32");
  const step = moved.strides[moved.ndim - 1];
  const data = a.data;
  const better = fn === "argmax" ? (x: number, y: number) => x > y : (x: number, y: number) => x < y;
  forEachRun(outerShape, [moved.strides.slice(0, -1), out.strides], [moved.offset, 0], (pos, runs, st) => {
    let base = pos[0];
    let o = pos[1];
    for (let r = 0; r < runs; r++, base += st[0], o += st[1]) {
      let best = data[base];
      let bestIndex = 0;
      if (best === best) {
        for (let k = 1, i = base + step; k < n; k++, i += step) {
          const v = data[i];
          if (v !== v) {
            bestIndex = k;
            break;
          }
          if (better(v, best)) {
            best = v;
            bestIndex = k;
          }
        }
      }
      out.data[o] = bestIndex;
    }
  });
  if (options.keepdims) {
    const kept = flat ? asarray(x).shape.map(() => 1) : a.shape.map((d, k) => (k === axis ? 1 : d));
    return out.reshape(kept);
  }
  return out;
}

/** `np.argmax(a, axis, keepdims)`: indices (int32) of the first maximum. */
export function argmax(x: ArrayInput, options: ArgOptions = {}): NDArray {
  return argExtreme(x, options, "argmax");
}

/** `np.argmin(a, axis, keepdims)`: indices (int32) of the first minimum. */
export function argmin(x: ArrayInput, options: ArgOptions = {}): NDArray {
  return argExtreme(x, options, "argmin");
}

export interface AccumulateOptions {
  /** Axis to accumulate along; the flattened array when undefined. */
  axis?: number;
  dtype?: DType;
}

/** Running ⊕ along one axis, in place on a fresh C-contiguous copy. */
function accumulate(x: ArrayInput, options: AccumulateOptions, fn: "cumsum" | "cumprod"): NDArray {
  let a = asarray(x);
  if (options.axis === undefined) a = a.ravel();
  const axis = options.axis === undefined ? 0 : normalizeAxis(options.axis, a.ndim, fn);
  const t = sumType(a, options.dtype, fn);
  if (t === "complex128") throw new DTypeError(`${fn}: not supported for complex128`);
  const acc = castForAccumulation(a, options.dtype, t).astype("float64");
  const moved = acc.moveaxis(axis, -1);
  const n = moved.shape[moved.ndim - 1] ?? 1;
  const step = moved.strides[moved.ndim - 1] ?? 0;
  const d = acc.data;
  const isSum = fn === "cumsum";
  forEachRun(moved.shape.slice(0, -1), [moved.strides.slice(0, -1)], [moved.offset], (pos, runs, st) => {
    for (let r = 0, base = pos[0]; r < runs; r++, base += st[0]) {
      for (let k = 1, i = base + step; k < n; k++, i += step) d[i] = isSum ? d[i - step] + d[i] : d[i - step] * d[i];
    }
  });
  return t === "float64" ? acc : acc.astype(t);
}

/** `np.cumsum(a, axis, dtype)`: running sums (flattened when axis is undefined). */
export function cumsum(x: ArrayInput, options: AccumulateOptions = {}): NDArray {
  return accumulate(x, options, "cumsum");
}

/** `np.cumprod(a, axis, dtype)`: running products (flattened when axis is undefined). */
export function cumprod(x: ArrayInput, options: AccumulateOptions = {}): NDArray {
  return accumulate(x, options, "cumprod");
}
