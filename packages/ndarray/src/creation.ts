/**
 * Array creation: NumPy's constructors (`array`, `zeros`, `eye`, `arange`, `linspace`, …).
 *
 * Every function returns a new C-contiguous array that owns its data, except `asarray` and
 * `fromTypedArray`, which wrap what they are given without copying when they can.
 * `empty` is `zeros` (JS typed arrays are always zero-filled, so there is no cheaper choice).
 */
import { allocate, castScalar, checkAllocation, checkDType, dtypeOfBuffer, type DType, type TypedArray } from "./dtype.js";
import { DTypeError, ValueError, ZeroDivisionError } from "./errors.js";
import { checkInt, checkNumber, checkOptions, describe, rejectBigInt } from "./validate.js";
import { fromNested, NDArray, type NestedArray } from "./ndarray.js";
import { namedTuple, type NamedTuple } from "./named-tuple.js";
import { checkShape, fmtShape, sizeOf } from "./shape.js";

/** Anything `array`/`asarray` accept: nested arrays, scalars, typed arrays or NDArrays. */
export type ArrayLike = NDArray | NestedArray | TypedArray;

export interface DTypeOption {
  dtype?: DType;
}

/**
 * A dtype argument in either of NumPy's spellings: positional (`zeros([2], "float32")`) or as
 * the keyword (`zeros([2], { dtype: "float32" })`).
 */
function dtypeArg(fn: string, arg: DType | DTypeOption | undefined): DType | undefined {
  if (arg === undefined) return undefined;
  if (arg !== null && typeof arg === "object") return checkOptions(fn, arg, ["dtype"]).dtype === undefined ? undefined : checkDType(arg.dtype, fn);
  return checkDType(arg, fn);
}

function isTypedArray(x: unknown): x is TypedArray {
  return x instanceof Float64Array || x instanceof Float32Array || x instanceof Int32Array || x instanceof Uint8Array;
}

/**
 * `np.array(x, dtype)`: a new array from nested JS arrays (ragged input is rejected), a typed
 * array, a scalar (0-d result) or another NDArray. Always copies.
 */
export function array(x: ArrayLike, dtypeOrOptions?: DType | DTypeOption): NDArray {
  const dtype = dtypeArg("array", dtypeOrOptions);
  if (x instanceof NDArray) return x.astype(dtype ?? x.dtype);
  if (isTypedArray(x)) {
    const a = new NDArray(x, [x.length]);
    return a.astype(dtype ?? a.dtype);
  }
  return fromNested(x, "array", dtype);
}

/** `np.asarray(x, dtype)`: like `array`, but returns `x` itself (or wraps a typed array) when no conversion is needed. */
export function asarray(x: ArrayLike, dtypeOrOptions?: DType | DTypeOption): NDArray {
  const dtype = dtypeArg("asarray", dtypeOrOptions);
  if (x instanceof NDArray && (dtype === undefined || dtype === x.dtype)) return x;
  if (isTypedArray(x) && (dtype === undefined || dtype === dtypeOfBuffer(x))) return new NDArray(x, [x.length]);
  return array(x, dtype);
}

/**
 * Wrap a typed array as an NDArray of the given shape without copying (writes through the
 * array change the buffer). Pass `"complex128"` to read a Float64Array as interleaved re, im.
 */
export function fromTypedArray(data: TypedArray, shape?: readonly number[], dtype?: DType): NDArray {
  if (!isTypedArray(data)) throw new ValueError(`fromTypedArray: data must be a Float64Array, Float32Array, Int32Array or Uint8Array, got ${describe(data)}`);
  const dt = dtype === undefined ? dtypeOfBuffer(data) : checkDType(dtype, "fromTypedArray");
  if (dt !== dtypeOfBuffer(data) && !(dt === "complex128" && data instanceof Float64Array)) {
    throw new DTypeError(`fromTypedArray: a ${data.constructor.name} cannot be read as ${dt} without a copy; use np.array(data, "${dt}")`);
  }
  if (dt === "complex128" && data.length % 2 !== 0) {
    throw new ValueError(`fromTypedArray: a complex128 buffer holds (re, im) pairs, but this Float64Array has odd length ${data.length}`);
  }
  const n = dt === "complex128" ? data.length / 2 : data.length;
  const sh = shape === undefined ? [n] : checkShape(shape, "fromTypedArray");
  if (sizeOf(sh) !== n) throw new ValueError(`fromTypedArray: buffer holds ${n} elements, shape ${fmtShape(sh)} needs ${sizeOf(sh)}`);
  return new NDArray(data, sh, dt);
}

/** `np.zeros(shape, dtype)`. */
export function zeros(shape: number | readonly number[], dtype: DType | DTypeOption = "float64"): NDArray {
  const sh = checkShape(shape, "zeros");
  const dt = dtypeArg("zeros", dtype) ?? "float64";
  checkAllocation(sh, "zeros", dt);
  return new NDArray(allocate(dt, sizeOf(sh)), sh, dt);
}

/** `np.empty(shape, dtype)`: same as zeros (typed arrays are zero-filled). */
export function empty(shape: number | readonly number[], dtype: DType | DTypeOption = "float64"): NDArray {
  return zeros(checkShape(shape, "empty"), dtypeArg("empty", dtype) ?? "float64");
}

/**
 * `np.full(shape, value, dtype)`; the dtype defaults to the value's: a number gives float64
 * (JS numbers are floats; NumPy would give int64 for a Python int), a boolean bool.
 */
export function full(shape: number | readonly number[], value: number | boolean, dtype?: DType | DTypeOption): NDArray {
  const sh = checkShape(shape, "full");
  rejectBigInt("full", "fill value", value);
  if (typeof value !== "number" && typeof value !== "boolean") throw new ValueError(`full: fill value must be a number or a boolean, got ${describe(value)}`);
  const dt = dtypeArg("full", dtype) ?? (typeof value === "boolean" ? "bool" : "float64");
  checkAllocation(sh, "full", dt);
  const out = new NDArray(allocate(dt, sizeOf(sh)), sh, dt);
  const v = castScalar(Number(value), dt);
  if (dt === "complex128") for (let i = 0; i < out.size; i++) out.data[2 * i] = v;
  else out.data.fill(v);
  return out;
}

/** `np.ones(shape, dtype)`. */
export function ones(shape: number | readonly number[], dtype: DType | DTypeOption = "float64"): NDArray {
  return full(checkShape(shape, "ones"), 1, dtypeArg("ones", dtype) ?? "float64");
}

/** The array whose shape and dtype a *Like function copies (nested lists too, as NumPy's), with errors naming `fn`. */
function likeArg(a: ArrayLike, fn: string): NDArray {
  return a instanceof NDArray ? a : isTypedArray(a) ? new NDArray(a, [a.length]) : fromNested(a as NestedArray, fn);
}

/** `np.zeros_like(a, dtype)`. */
export function zerosLike(a: ArrayLike, dtype?: DType): NDArray {
  const x = likeArg(a, "zerosLike");
  return zeros(x.shape, dtype === undefined ? x.dtype : checkDType(dtype, "zerosLike"));
}

/** `np.ones_like(a, dtype)`. */
export function onesLike(a: ArrayLike, dtype?: DType): NDArray {
  const x = likeArg(a, "onesLike");
  return ones(x.shape, dtype === undefined ? x.dtype : checkDType(dtype, "onesLike"));
}

/** `np.full_like(a, value, dtype)`. */
export function fullLike(a: ArrayLike, value: number | boolean, dtype?: DType): NDArray {
  const x = likeArg(a, "fullLike");
  return full(x.shape, value, dtype === undefined ? x.dtype : checkDType(dtype, "fullLike"));
}

/** `np.empty_like(a, dtype)`. */
export function emptyLike(a: ArrayLike, dtype?: DType): NDArray {
  const x = likeArg(a, "emptyLike");
  return zeros(x.shape, dtype === undefined ? x.dtype : checkDType(dtype, "emptyLike"));
}

export interface EyeOptions {
  /** Number of columns (default N). */
  M?: number;
  /** Diagonal: 0 the main one, k > 0 above, k < 0 below. */
  k?: number;
  dtype?: DType;
}

/**
 * `np.eye(N, M, k, dtype)`: ones on the k-th diagonal of an N×M matrix. NumPy's positional
 * forms work (`eye(2, 3)`, `eye(3, 3, 1)`, `eye(3, null, 0, "float32")`), as does an options
 * object in any position after N (`eye(3, { k: 1 })`, `eye(2, 3, { dtype: "int32" })`).
 */
export function eye(N: number, ...rest: (number | null | DType | EyeOptions | undefined)[]): NDArray {
  const fn = "eye";
  const last = rest[rest.length - 1];
  const options = last !== null && typeof last === "object" ? checkOptions(fn, rest.pop() as EyeOptions, ["M", "k", "dtype"]) : {};
  if (rest.length > 3) throw new ValueError(`eye: takes at most N, M, k, dtype, got ${rest.length + 1} positional arguments`);
  const [Mpos, kpos, dtypePos] = rest;
  const n = checkInt(fn, "N", N, { min: 0 });
  const M = checkInt(fn, "M", Mpos ?? options.M ?? n, { min: 0 });
  const k = checkInt(fn, "k", kpos ?? options.k ?? 0);
  const dtype = checkDType(dtypePos ?? options.dtype ?? "float64", fn);
  const out = zeros([n, M], dtype);
  N = n;
  const one = castScalar(1, out.dtype);
  // (i, i + k) for rows where the column is in range
  for (let i = Math.max(0, -k); i < N && i + k < M; i++) {
    const e = i * M + i + k;
    if (out.dtype === "complex128") out.data[2 * e] = one;
    else out.data[e] = one;
  }
  return out;
}

/** `np.identity(n, dtype)`: the n×n identity. */
export function identity(n: number, dtype: DType | DTypeOption = "float64"): NDArray {
  return eye(checkInt("identity", "n", n, { min: 0 }), { dtype: dtypeArg("identity", dtype) ?? "float64" });
}

/**
 * `np.diag(v, k)`: for 1-D `v`, a square matrix with `v` on the k-th diagonal; for 2-D `v`,
 * a copy of its k-th diagonal.
 */
export function diag(v: ArrayLike, k = 0): NDArray {
  checkInt("diag", "k", k);
  if (!(v instanceof NDArray) && !Array.isArray(v) && !ArrayBuffer.isView(v)) throw new ValueError(`diag: v must be a 1-d or 2-d array, got ${describe(v)}`);
  const a = asarray(v);
  if (a.ndim === 2) return a.diagonal(k).copy();
  if (a.ndim !== 1) throw new ValueError(`diag: input must be 1- or 2-d, got shape ${fmtShape(a.shape)}`);
  const n = a.shape[0] + Math.abs(k);
  const out = zeros([n, n], a.dtype);
  // out[i, i + k] = v[i] (k >= 0), out[i - k, i] = v[i] (k < 0): the k-th diagonal of out
  out.diagonal(k).set(a);
  return out;
}

/**
 * `np.arange(start, stop, step, dtype)`: evenly spaced values in [start, stop).
 * `arange(5)` is 0..4. Integer arguments give int32 (NumPy: int64), float64 when a value
 * would not fit in int32 (exact up to 2^53), and any fractional argument gives float64. Values
 * are computed as NumPy does: `start + i·delta` with `delta = (start + step) − start`.
 * The dtype may also be given as the last argument in an options object (`arange(5, { dtype: "float64" })`).
 */
export function arange(start: number, ...rest: (number | null | undefined | DType | DTypeOption)[]): NDArray {
  const fn = "arange";
  const last = rest[rest.length - 1];
  const optionsDType = last !== null && typeof last === "object" ? dtypeArg(fn, rest.pop() as DTypeOption) : undefined;
  let [stop, step = 1, dtypePos] = rest as [number | null | undefined, number | undefined, DType | undefined];
  if (stop === undefined || stop === null) {
    stop = start;
    start = 0;
  }
  checkNumber(fn, "start", start, { allowNaN: true });
  checkNumber(fn, "stop", stop, { allowNaN: true });
  checkNumber(fn, "step", step);
  if (step === 0) throw new ZeroDivisionError(`arange: step must not be zero (start ${start}, stop ${stop})`);
  if (![start, stop, step].every(Number.isFinite)) throw new ValueError(`arange: arguments must be finite, got ${start}, ${stop}, ${step}`);
  const n = Math.max(0, Math.ceil((stop - start) / step));
  const integral = [start, stop, step].every((x) => Number.isInteger(x));
  const last0 = start + (n - 1) * step;
  const fitsInt32 = n === 0 || (Math.min(start, last0) >= -2147483648 && Math.max(start, last0) <= 2147483647);
  const dt = dtypePos !== undefined ? checkDType(dtypePos, fn) : (optionsDType ?? (integral && fitsInt32 ? "int32" : "float64"));
  checkAllocation([n], fn, dt);
  const out = zeros([n], dt);
  const delta = start + step - start;
  for (let i = 0; i < n; i++) out.data[i] = castScalar(start + i * delta, dt);
  return out;
}

export interface LinspaceOptions {
  /** Include `stop` as the last sample (default true). */
  endpoint?: boolean;
  dtype?: DType;
}

/**
 * `np.linspace(start, stop, num, endpoint, dtype)`: `num` evenly spaced samples over
 * [start, stop]. As NumPy: `y_i = start + i·step`, `step = (stop − start)/div` with
 * `div = num − 1` (or `num` without the endpoint), and the last sample set to `stop` exactly.
 * Integer dtypes take the floor. See `linspaceStep` for the step.
 */
export function linspace(start: number, stop: number, num = 50, options: LinspaceOptions = {}): NDArray {
  return linspaceParts(start, stop, num, options, "linspace").samples;
}

/**
 * `np.linspace(..., retstep=True)`: the samples and the step (NaN when num = 1 with the endpoint).
 * NumPy returns the tuple `(samples, step)`: the result destructures both ways,
 * `const { samples, step } = linspaceStep(0, 1, 5)` and `const [samples, step] = ...`.
 */
export function linspaceStep(
  start: number,
  stop: number,
  num = 50,
  options: LinspaceOptions = {},
): NamedTuple<{ samples: NDArray; step: number }, ["samples", "step"]> {
  return linspaceParts(start, stop, num, options, "linspaceStep");
}

/** linspace and linspaceStep, with the name of the function the caller called for its messages. */
function linspaceParts(
  start: number,
  stop: number,
  num: number,
  options: LinspaceOptions,
  fn: string,
): NamedTuple<{ samples: NDArray; step: number }, ["samples", "step"]> {
  checkOptions(fn, options, ["endpoint", "dtype"]);
  checkNumber(fn, "start", start, { allowNaN: true });
  checkNumber(fn, "stop", stop, { allowNaN: true });
  const { endpoint = true, dtype = "float64" } = options;
  if (typeof endpoint !== "boolean") throw new ValueError(`${fn}: endpoint must be true or false, got ${describe(endpoint)}`);
  if (!Number.isInteger(num) || num < 0) throw new ValueError(`${fn}: number of samples, ${describe(num)}, must be a non-negative integer`);
  const dt = checkDType(dtype, fn);
  const div = endpoint ? num - 1 : num;
  const delta = stop - start;
  const step = div > 0 ? delta / div : NaN;
  const y = new Float64Array(num);
  for (let i = 0; i < num; i++) {
    // NumPy: when the step underflows to 0, scale by delta/div instead of multiplying by step
    y[i] = div > 0 ? (step === 0 ? (i / div) * delta : i * step) + start : i * delta + start;
  }
  if (endpoint && num > 1) y[num - 1] = stop;
  const out = zeros([num], dt);
  const integer = dt === "int32" || dt === "bool";
  for (let i = 0; i < num; i++) out.data[i] = castScalar(integer ? Math.floor(y[i]) : y[i], dt);
  return namedTuple({ samples: out, step }, ["samples", "step"]);
}
