/**
 * Reductions along any axis or axes, with keepdims: sum, prod, mean, var, std, min, max,
 * argmin, argmax, any, all; and the accumulations cumsum, cumprod.
 *
 * Calling conventions, as NumPy's: the axis may be positional (`sum(X, 0)`, `X.sum(0)`) or in
 * the options (`X.sum({ axis: 0, keepdims: true })`). A full reduction (no axis, no
 * keepdims) returns a JS number (a boolean for any/all), as NumPy returns a scalar; with an
 * axis the result is an NDArray (0-d when every axis is reduced), which still converts to a
 * number in JS arithmetic when it has one element.
 *
 * Result dtypes follow NumPy, with int32 standing in for int64: sum/prod/cumsum/cumprod of
 * bool or int32 are accumulated exactly in float64 (exact up to 2^53, where NumPy's int64
 * would be) and come back as int32 when every result fits, otherwise as float64 holding the
 * exact integers — never wrapped. mean/var/std of integers give float64; float32 stays
 * float32 (accumulated in float64, rounded once at the end, which is at least as accurate as
 * NumPy's pairwise float32 sum). An explicit `dtype` sets the accumulator and result dtype as
 * in NumPy (`dtype: "int32"` wraps as C does).
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
import { checkBool, checkInt, checkOptions, describe } from "./validate.js";

/** An axis argument: one axis, several, or null (all of them). */
export type Axis = number | readonly number[] | null;

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

/** Options of a reduction over the whole array (no axis, no keepdims): the result is a number. */
export type FullReduceOptions = { axis?: null; keepdims?: false; dtype?: DType };
/** Options that keep an array result: an axis, or keepdims. */
export type AxisReduceOptions = ReduceOptions & ({ axis: number | readonly number[] } | { keepdims: true });
export type FullVarOptions = FullReduceOptions & { ddof?: number };
export type AxisVarOptions = VarOptions & ({ axis: number | readonly number[] } | { keepdims: true });

const REDUCE_KEYS = ["axis", "keepdims", "dtype"] as const;
const VAR_KEYS = ["axis", "keepdims", "dtype", "ddof"] as const;

/**
 * NumPy's two spellings of a reduction's arguments as one options object: a positional axis
 * (a number, a list, or null) with the other keywords after it, or the options object alone.
 */
export function reduceArgs<T extends ReduceOptions>(fn: string, axisOrOptions: unknown, options: unknown, keys: readonly string[]): T {
  let o: T;
  if (axisOrOptions === undefined || (axisOrOptions !== null && typeof axisOrOptions === "object" && !Array.isArray(axisOrOptions))) {
    if (options !== undefined)
      throw new ValueError(
        `${fn}: got an options object and then ${describe(options)}; pass the axis first (${fn}(a, 0, { keepdims: true })) or everything in one object`,
      );
    o = checkOptions(fn, axisOrOptions as T | undefined, keys);
  } else {
    const rest = checkOptions(
      fn,
      options as T | undefined,
      keys.filter((k) => k !== "axis"),
    );
    o = { ...rest, axis: axisOrOptions } as T;
  }
  if (o.keepdims !== undefined) checkBool(fn, "keepdims", o.keepdims);
  if (o.dtype !== undefined) checkDType(o.dtype, fn);
  return o;
}

/** Does this call reduce to one scalar (NumPy returns a scalar: no axis, no keepdims)? */
function isFull(o: ReduceOptions): boolean {
  return (o.axis === undefined || o.axis === null) && !o.keepdims;
}

/** The number a full reduction returns (complex has no JS number: say how to get it). */
function scalarOf(r: NDArray, fn: string): number {
  if (r.dtype === "complex128") {
    throw new DTypeError(
      `${fn}: the result for a complex128 array is a complex number, which a JS number cannot hold; pass { keepdims: true } for a 1-element complex array, or reduce a.real() and a.imag()`,
    );
  }
  return r.data[r.offset];
}

/** An integer sum or product accumulated exactly in float64: int32 when every value fits, else float64 (exact to 2^53). */
function exactIntegerResult(acc: NDArray): NDArray {
  const d = acc.data;
  for (let i = 0; i < d.length; i++) if (d[i] > 2147483647 || d[i] < -2147483648) return acc;
  return acc.astype("int32");
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
    throw new ValueError(
      `${fn}: zero-size array to reduction operation ${op === ReduceOp.Max ? "maximum" : "minimum"} which has no identity (shape ${JSON.stringify(a.shape)})`,
    );
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

/**
 * The dtype sum/prod/cumsum return: ints and bools as "exact" (float64 accumulation, then
 * int32 when every result fits), others as they are; an explicit dtype as given.
 */
function sumType(a: NDArray, dtype: DType | undefined, fn: string): DType | "exact" {
  if (dtype !== undefined) return checkDType(dtype, fn);
  return a.dtype === "bool" || a.dtype === "int32" ? "exact" : a.dtype;
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

/** Sum or product with the exact-integer rule. */
function sumOrProd(op: ReduceOp.Sum | ReduceOp.Prod, fn: string, x: ArrayInput, options: ReduceOptions): NDArray {
  const a = asarray(x);
  const t = sumType(a, options.dtype, fn);
  if (t === "exact") return exactIntegerResult(reduce(op, a, options, "float64"));
  const input = t === "complex128" && a.dtype !== t ? a.astype(t) : castForAccumulation(a, options.dtype, t);
  return reduce(op, input, options, t);
}

/**
 * `np.sum(a, axis, keepdims, dtype)`: `sum(X)` is a number, `sum(X, 0)` or
 * `sum(X, { axis: 0 })` the column sums.
 */
export function sum(x: ArrayInput, options?: FullReduceOptions): number;
export function sum(x: ArrayInput, options: AxisReduceOptions): NDArray;
export function sum(x: ArrayInput, axis: number | readonly number[], options?: Omit<ReduceOptions, "axis">): NDArray;
export function sum(x: ArrayInput, axis?: Axis | ReduceOptions, options?: Omit<ReduceOptions, "axis">): NDArray | number;
export function sum(x: ArrayInput, axis?: Axis | ReduceOptions, options?: Omit<ReduceOptions, "axis">): NDArray | number {
  const o = reduceArgs<ReduceOptions>("sum", axis, options, REDUCE_KEYS);
  const r = sumOrProd(ReduceOp.Sum, "sum", x, o);
  return isFull(o) ? scalarOf(r, "sum") : r;
}

/** `np.prod(a, axis, keepdims, dtype)`; a number without an axis. */
export function prod(x: ArrayInput, options?: FullReduceOptions): number;
export function prod(x: ArrayInput, options: AxisReduceOptions): NDArray;
export function prod(x: ArrayInput, axis: number | readonly number[], options?: Omit<ReduceOptions, "axis">): NDArray;
export function prod(x: ArrayInput, axis?: Axis | ReduceOptions, options?: Omit<ReduceOptions, "axis">): NDArray | number;
export function prod(x: ArrayInput, axis?: Axis | ReduceOptions, options?: Omit<ReduceOptions, "axis">): NDArray | number {
  const o = reduceArgs<ReduceOptions>("prod", axis, options, REDUCE_KEYS);
  const r = sumOrProd(ReduceOp.Prod, "prod", x, o);
  return isFull(o) ? scalarOf(r, "prod") : r;
}

/** `np.max(a, axis, keepdims)` (`np.amax`); NaN propagates; a number without an axis. */
export function max(x: ArrayInput, options?: FullReduceOptions): number;
export function max(x: ArrayInput, options: AxisReduceOptions): NDArray;
export function max(x: ArrayInput, axis: number | readonly number[], options?: Omit<ReduceOptions, "axis">): NDArray;
export function max(x: ArrayInput, axis?: Axis | ReduceOptions, options?: Omit<ReduceOptions, "axis">): NDArray | number;
export function max(x: ArrayInput, axis?: Axis | ReduceOptions, options?: Omit<ReduceOptions, "axis">): NDArray | number {
  const o = reduceArgs<ReduceOptions>("max", axis, options, REDUCE_KEYS);
  const a = asarray(x);
  const r = reduce(ReduceOp.Max, a, o, o.dtype ?? a.dtype);
  return isFull(o) ? scalarOf(r, "max") : r;
}

/** `np.min(a, axis, keepdims)` (`np.amin`); NaN propagates; a number without an axis. */
export function min(x: ArrayInput, options?: FullReduceOptions): number;
export function min(x: ArrayInput, options: AxisReduceOptions): NDArray;
export function min(x: ArrayInput, axis: number | readonly number[], options?: Omit<ReduceOptions, "axis">): NDArray;
export function min(x: ArrayInput, axis?: Axis | ReduceOptions, options?: Omit<ReduceOptions, "axis">): NDArray | number;
export function min(x: ArrayInput, axis?: Axis | ReduceOptions, options?: Omit<ReduceOptions, "axis">): NDArray | number {
  const o = reduceArgs<ReduceOptions>("min", axis, options, REDUCE_KEYS);
  const a = asarray(x);
  const r = reduce(ReduceOp.Min, a, o, o.dtype ?? a.dtype);
  return isFull(o) ? scalarOf(r, "min") : r;
}

/** `np.any(a, axis, keepdims)`: is any element non-zero? A boolean without an axis. */
export function any(x: ArrayInput, options?: FullReduceOptions): boolean;
export function any(x: ArrayInput, options: AxisReduceOptions): NDArray;
export function any(x: ArrayInput, axis: number | readonly number[], options?: Omit<ReduceOptions, "axis">): NDArray;
export function any(x: ArrayInput, axis?: Axis | ReduceOptions, options?: Omit<ReduceOptions, "axis">): NDArray | boolean;
export function any(x: ArrayInput, axis?: Axis | ReduceOptions, options?: Omit<ReduceOptions, "axis">): NDArray | boolean {
  const o = reduceArgs<ReduceOptions>("any", axis, options, REDUCE_KEYS);
  const a = asarray(x);
  const r = reduce(ReduceOp.Any, a.dtype === "complex128" ? a.astype("bool") : a, o, "bool");
  return isFull(o) ? r.data[0] !== 0 : r;
}

/** `np.all(a, axis, keepdims)`: are all elements non-zero? A boolean without an axis. */
export function all(x: ArrayInput, options?: FullReduceOptions): boolean;
export function all(x: ArrayInput, options: AxisReduceOptions): NDArray;
export function all(x: ArrayInput, axis: number | readonly number[], options?: Omit<ReduceOptions, "axis">): NDArray;
export function all(x: ArrayInput, axis?: Axis | ReduceOptions, options?: Omit<ReduceOptions, "axis">): NDArray | boolean;
export function all(x: ArrayInput, axis?: Axis | ReduceOptions, options?: Omit<ReduceOptions, "axis">): NDArray | boolean {
  const o = reduceArgs<ReduceOptions>("all", axis, options, REDUCE_KEYS);
  const a = asarray(x);
  const r = reduce(ReduceOp.All, a.dtype === "complex128" ? a.astype("bool") : a, o, "bool");
  return isFull(o) ? r.data[0] !== 0 : r;
}

/** Number of elements each output of a reduction over `axis` combines. */
function countOf(a: NDArray, axis: ReduceOptions["axis"], fn: string): number {
  return normalizeAxes(axis, a.ndim, fn).reduce((p, k) => p * a.shape[k], 1);
}

/** `np.mean(a, axis, keepdims, dtype)`: sum / N (NaN for an empty reduction, as NumPy); a number without an axis. */
export function mean(x: ArrayInput, options?: FullReduceOptions): number;
export function mean(x: ArrayInput, options: AxisReduceOptions): NDArray;
export function mean(x: ArrayInput, axis: number | readonly number[], options?: Omit<ReduceOptions, "axis">): NDArray;
export function mean(x: ArrayInput, axis?: Axis | ReduceOptions, options?: Omit<ReduceOptions, "axis">): NDArray | number;
export function mean(x: ArrayInput, axis?: Axis | ReduceOptions, options?: Omit<ReduceOptions, "axis">): NDArray | number {
  const o = reduceArgs<ReduceOptions>("mean", axis, options, REDUCE_KEYS);
  const r = meanArray(asarray(x), o);
  return isFull(o) ? scalarOf(r, "mean") : r;
}

function meanArray(a: NDArray, options: ReduceOptions): NDArray {
  const t = meanType(a, options.dtype, "mean");
  const n = countOf(a, options.axis, "mean");
  // accumulate in float64 (or complex128), divide, then cast once
  const s = reduce(
    ReduceOp.Sum,
    t === "complex128" && a.dtype !== "complex128" ? a.astype("complex128") : a,
    { axis: options.axis, keepdims: options.keepdims },
    t === "complex128" ? "complex128" : "float64",
  );
  const m = divide(s, n);
  return m.dtype === t ? m : m.astype(t);
}

/** `np.var(a, axis, keepdims, ddof, dtype)`: mean of |x − mean(x)|², divided by N − ddof; a number without an axis. */
export function variance(x: ArrayInput, options?: FullVarOptions): number;
export function variance(x: ArrayInput, options: AxisVarOptions): NDArray;
export function variance(x: ArrayInput, axis: number | readonly number[], options?: Omit<VarOptions, "axis">): NDArray;
export function variance(x: ArrayInput, axis?: Axis | VarOptions, options?: Omit<VarOptions, "axis">): NDArray | number;
export function variance(x: ArrayInput, axis?: Axis | VarOptions, options?: Omit<VarOptions, "axis">): NDArray | number {
  const o = reduceArgs<VarOptions>("var", axis, options, VAR_KEYS);
  const r = varianceArray(asarray(x), o, "var");
  return isFull(o) ? scalarOf(r, "var") : r;
}
export { variance as var_ };

function varianceArray(a: NDArray, options: VarOptions, fn: string): NDArray {
  const ddof = options.ddof === undefined ? 0 : checkInt(fn, "ddof", options.ddof);
  const t = meanType(a, options.dtype, fn);
  const n = countOf(a, options.axis, fn);
  const mu = meanArray(a, { axis: options.axis, keepdims: true, dtype: a.dtype === "complex128" ? "complex128" : "float64" });
  const d = subtract(a.dtype === "complex128" || a.dtype === "float64" ? a : a.astype("float64"), mu);
  const sq = a.dtype === "complex128" ? multiply(abs(d), abs(d)) : multiply(d, d);
  const s = reduce(ReduceOp.Sum, sq, { axis: options.axis, keepdims: options.keepdims }, "float64");
  // N − ddof <= 0 gives inf or nan, as NumPy (which also warns)
  const v = divide(s, Math.max(n - ddof, 0));
  const outType = t === "complex128" ? "float64" : t;
  return v.dtype === outType ? v : v.astype(outType);
}

/** `np.std(a, axis, keepdims, ddof, dtype)`: the square root of var; a number without an axis. */
export function std(x: ArrayInput, options?: FullVarOptions): number;
export function std(x: ArrayInput, options: AxisVarOptions): NDArray;
export function std(x: ArrayInput, axis: number | readonly number[], options?: Omit<VarOptions, "axis">): NDArray;
export function std(x: ArrayInput, axis?: Axis | VarOptions, options?: Omit<VarOptions, "axis">): NDArray | number;
export function std(x: ArrayInput, axis?: Axis | VarOptions, options?: Omit<VarOptions, "axis">): NDArray | number {
  const o = reduceArgs<VarOptions>("std", axis, options, VAR_KEYS);
  const a = asarray(x);
  const v = varianceArray(a, { ...o, dtype: undefined }, "std");
  const r = new NDArray(Float64Array.from(v.astype("float64").data, Math.sqrt), v.shape, "float64");
  const t = meanType(a, o.dtype, "std");
  const out = r.astype(t === "complex128" ? "float64" : t);
  return isFull(o) ? scalarOf(out, "std") : out;
}

export interface ArgOptions {
  /** The axis to search along; the flattened array when undefined or null. */
  axis?: number | null;
  keepdims?: boolean;
}

/** Index of the first extreme along an axis (NaN counts as extreme: the first NaN wins). */
function argExtreme(x: ArrayInput, options: ArgOptions, fn: "argmax" | "argmin"): NDArray {
  let a = asarray(x);
  if (a.dtype === "complex128") throw new DTypeError(`${fn}: not supported for complex128 input`);
  const flat = options.axis === undefined || options.axis === null;
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

/** `np.argmax(a, axis, keepdims)`: indices (int32) of the first maximum; a number without an axis. */
export function argmax(x: ArrayInput, options?: { axis?: null; keepdims?: false }): number;
export function argmax(x: ArrayInput, options: ArgOptions & ({ axis: number } | { keepdims: true })): NDArray;
export function argmax(x: ArrayInput, axis: number, options?: Omit<ArgOptions, "axis">): NDArray;
export function argmax(x: ArrayInput, axis?: number | null | ArgOptions, options?: Omit<ArgOptions, "axis">): NDArray | number;
export function argmax(x: ArrayInput, axis?: number | null | ArgOptions, options?: Omit<ArgOptions, "axis">): NDArray | number {
  const o = reduceArgs<ArgOptions>("argmax", axis, options, ["axis", "keepdims"]);
  const r = argExtreme(x, o, "argmax");
  return isFull(o) ? r.data[0] : r;
}

/** `np.argmin(a, axis, keepdims)`: indices (int32) of the first minimum; a number without an axis. */
export function argmin(x: ArrayInput, options?: { axis?: null; keepdims?: false }): number;
export function argmin(x: ArrayInput, options: ArgOptions & ({ axis: number } | { keepdims: true })): NDArray;
export function argmin(x: ArrayInput, axis: number, options?: Omit<ArgOptions, "axis">): NDArray;
export function argmin(x: ArrayInput, axis?: number | null | ArgOptions, options?: Omit<ArgOptions, "axis">): NDArray | number;
export function argmin(x: ArrayInput, axis?: number | null | ArgOptions, options?: Omit<ArgOptions, "axis">): NDArray | number {
  const o = reduceArgs<ArgOptions>("argmin", axis, options, ["axis", "keepdims"]);
  const r = argExtreme(x, o, "argmin");
  return isFull(o) ? r.data[0] : r;
}

export interface AccumulateOptions {
  /** Axis to accumulate along; the flattened array when undefined or null. */
  axis?: number | null;
  dtype?: DType;
}

/** Running ⊕ along one axis, in place on a fresh C-contiguous copy. */
function accumulate(
  x: ArrayInput,
  axisOrOptions: number | null | AccumulateOptions | undefined,
  rest: Omit<AccumulateOptions, "axis"> | undefined,
  fn: "cumsum" | "cumprod",
): NDArray {
  const options = reduceArgs<AccumulateOptions>(fn, axisOrOptions, rest, ["axis", "dtype"]);
  let a = asarray(x);
  const flat = options.axis === undefined || options.axis === null;
  if (flat) a = a.ravel();
  const axis = flat ? 0 : normalizeAxis(options.axis as number, a.ndim, fn);
  const t = sumType(a, options.dtype, fn);
  if (t === "complex128") throw new DTypeError(`${fn}: not supported for complex128`);
  const acc = (t === "exact" ? a : castForAccumulation(a, options.dtype, t)).astype("float64");
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
  if (t === "exact") return exactIntegerResult(acc);
  return t === "float64" ? acc : acc.astype(t);
}

/** `np.cumsum(a, axis, dtype)`: running sums (flattened when axis is undefined); `cumsum(a, 0)` works too. */
export function cumsum(x: ArrayInput, axis?: number | null | AccumulateOptions, options?: Omit<AccumulateOptions, "axis">): NDArray {
  return accumulate(x, axis, options, "cumsum");
}

/** `np.cumprod(a, axis, dtype)`: running products (flattened when axis is undefined); `cumprod(a, 0)` works too. */
export function cumprod(x: ArrayInput, axis?: number | null | AccumulateOptions, options?: Omit<AccumulateOptions, "axis">): NDArray {
  return accumulate(x, axis, options, "cumprod");
}
