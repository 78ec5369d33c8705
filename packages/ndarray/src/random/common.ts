/**
 * Pieces shared by `RandomState` and `Generator`: sizes and outputs, argument checks, the
 * probability vector of `choice` (Kahan-summed check, cumulative distribution, right-sided
 * binary search), and the Fisher–Yates shuffle both classes use.
 *
 * Shuffle (Durstenfeld's Fisher–Yates, as NumPy's `_shuffle_raw` for both classes):
 *   for i = n−1 down to 1:  j = random_interval(i) ∈ [0, i];  swap rows i and j.
 * `choice` with probabilities p (NumPy `mtrand.pyx` / `_generator.pyx`):
 *   cdf = cumsum(p) / its last entry;  index = #{k : cdf_k ≤ U} (searchsorted, side="right").
 *
 * Reference: R. Durstenfeld, "Algorithm 235: Random permutation", CACM 7(7), 1964;
 * NumPy `numpy/random/mtrand.pyx`, `_generator.pyx`, `_common.pyx` (`kahan_sum`).
 */
import { checkBool, checkOptions } from "../validate.js";
import type { DType } from "../dtype.js";
import { IndexError, ValueError } from "../errors.js";
import { fromNested, NDArray, type NestedArray } from "../ndarray.js";
import { checkShape, sizeOf } from "../shape.js";
import type { BitGenerator } from "./bit-generator.js";
import { randomInterval } from "./bounded.js";

/** An output size as in NumPy: a length or a shape. `undefined` means "return a scalar". */
export type Size = number | readonly number[];

/** Check a caller's size and return it as a shape (non-negative integers). */
export function sizeToShape(size: Size, fn: string): number[] {
  return checkShape(size as number | number[], fn);
}

/**
 * The output of a sampling method for a given size: the shape and a fresh buffer of its size.
 * Methods fill the buffer with an explicit loop (a shared loop taking a callback would see
 * many callbacks, go megamorphic and stop inlining the sampler).
 */
export function doublesFor(size: Size, fn: string): { shape: number[]; out: Float64Array } {
  const shape = sizeToShape(size, fn);
  return { shape, out: new Float64Array(sizeOf(shape)) };
}

/** As {@link doublesFor} with a float32 buffer. */
export function floatsFor(size: Size, fn: string): { shape: number[]; out: Float32Array } {
  const shape = sizeToShape(size, fn);
  return { shape, out: new Float32Array(sizeOf(shape)) };
}

/** A number argument (NaN and ±∞ pass, as in NumPy); `name` is the parameter as NumPy calls it. */
export function checkNumber(x: unknown, name: string, fn: string): number {
  if (typeof x !== "number") throw new ValueError(`${fn}: ${name} must be a number, got ${String(x)}`);
  return x;
}

/** NumPy's CONS_NON_NEGATIVE: rejects negative values including −0 (NaN passes, as in NumPy). */
export function checkNonNegative(x: number, name: string, fn: string): void {
  if (!Number.isNaN(x) && (x < 0 || Object.is(x, -0))) throw new ValueError(`${fn}: ${name} < 0 (${name} = ${x})`);
}

/** Python's int(x) for a bound of randint/integers: truncation toward zero; NaN/±∞ rejected. */
export function toIntegerBound(x: unknown, name: string, fn: string): number {
  if (typeof x !== "number" || !Number.isFinite(x)) throw new ValueError(`${fn}: ${name} must be a finite integer, got ${String(x)}`);
  return Math.trunc(x) + 0; // + 0 turns −0 into 0
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/**
 * Validate [low, high) (or [low, high] with `endpoint`) for a bounded integer draw and return
 * the closed range as { off, rng } with off = low, rng = high_inclusive − low, plus whether the
 * values fit int32. `dtype` "int32" enforces int32 bounds as NumPy does; "int64" (NumPy's
 * default) allows any range whose width is below 2^53 (values must be safe integers).
 */
export function integerRange(
  low: number,
  high: number | undefined,
  endpoint: boolean,
  dtype: "int32" | "int64",
  fn: string,
): { off: number; rng: number; fitsInt32: boolean } {
  let lo = toIntegerBound(low, "low", fn);
  let hi: number;
  if (high === undefined) {
    hi = lo;
    lo = 0;
  } else {
    hi = toIntegerBound(high, "high", fn);
  }
  const hiIncl = endpoint ? hi : hi - 1;
  if (dtype === "int32") {
    if (lo < INT32_MIN) throw new ValueError(`${fn}: low is out of bounds for int32 (low = ${lo})`);
    if (hiIncl > INT32_MAX) throw new ValueError(`${fn}: high is out of bounds for int32 (high = ${hi})`);
  }
  if (lo > hiIncl) {
    const cmp = endpoint ? ">" : ">=";
    if (lo === 0) throw new ValueError(`${fn}: high ${endpoint ? "<" : "<="} 0 (high = ${hi})`);
    throw new ValueError(`${fn}: low ${cmp} high (${lo} ${cmp} ${hi})`);
  }
  if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hiIncl) || !Number.isSafeInteger(hiIncl - lo)) {
    throw new ValueError(`${fn}: the range [${lo}, ${hiIncl}] is too wide: bounds and width must stay below 2**53 so that every value is exact`);
  }
  return { off: lo, rng: hiIncl - lo, fitsInt32: lo >= INT32_MIN && hiIncl <= INT32_MAX };
}

/** Accept NumPy's integer dtype names for randint / integers. */
export function checkIntDType(dtype: unknown, fn: string): asserts dtype is "int32" | "int64" {
  if (dtype !== "int32" && dtype !== "int64") {
    throw new ValueError(`${fn}: dtype must be "int32" or "int64" (results are int32, or exact float64 beyond int32), got ${String(dtype)}`);
  }
}

/** Output buffer for integers: Int32Array when the values fit int32, else exact Float64Array. */
export function integerBuffer(n: number, fitsInt32: boolean): Int32Array | Float64Array {
  return fitsInt32 ? new Int32Array(n) : new Float64Array(n);
}

// ------------------------------------------------------------------ choice

/** NumPy's `kahan_sum`: compensated sum of the probabilities. */
export function kahanSum(x: Float64Array): number {
  if (x.length === 0) return 0;
  let sum = x[0];
  let c = 0;
  for (let i = 1; i < x.length; i++) {
    const y = x[i] - c;
    const t = sum + y;
    c = t - sum - y;
    sum = t;
  }
  return sum;
}

/** Read a caller's p as float64 and check it as NumPy does (legacy / Generator messages differ only in case). */
export function checkProbabilities(p: NDArray | readonly number[], popSize: number, fn: string): Float64Array {
  let probs: Float64Array;
  // atol = sqrt(eps) of float64, or of p's own float dtype if coarser (as NumPy).
  let atol = Math.sqrt(2 ** -52);
  if (p instanceof NDArray) {
    if (p.ndim !== 1) throw new ValueError(`${fn}: p must be 1-dimensional, got shape [${p.shape.join(", ")}]`);
    if (p.dtype === "complex128") throw new ValueError(`${fn}: p must be real`);
    if (p.dtype === "float32") atol = Math.max(atol, Math.sqrt(2 ** -23));
    probs = new Float64Array(p.shape[0]);
    for (let i = 0; i < probs.length; i++) probs[i] = p.data[p.offset + i * p.strides[0]];
  } else {
    if (!Array.isArray(p)) throw new ValueError(`${fn}: p must be an array of probabilities`);
    probs = Float64Array.from(p as number[]);
  }
  if (probs.length !== popSize) throw new ValueError(`${fn}: 'a' and 'p' must have same size (${popSize} != ${probs.length})`);
  const total = kahanSum(probs);
  if (Number.isNaN(total)) throw new ValueError(`${fn}: probabilities contain NaN`);
  for (let i = 0; i < probs.length; i++) {
    if (probs[i] < 0) throw new ValueError(`${fn}: probabilities are not non-negative (p[${i}] = ${probs[i]})`);
  }
  if (Math.abs(total - 1) > atol) throw new ValueError(`${fn}: probabilities do not sum to 1 (sum = ${total})`);
  return probs;
}

/** cdf = cumsum(p) / cumsum(p)[−1], summed left to right as NumPy's cumsum. */
export function normalizedCdf(p: Float64Array): Float64Array {
  const cdf = new Float64Array(p.length);
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    s += p[i];
    cdf[i] = s;
  }
  const last = cdf[cdf.length - 1];
  for (let i = 0; i < cdf.length; i++) cdf[i] /= last;
  return cdf;
}

/** searchsorted(cdf, u, side="right"): the number of entries ≤ u (cdf non-decreasing). */
export function searchRight(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid] <= u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A 1-D population for choice: its size, and the values (null when `a` is an integer). */
export interface Population {
  popSize: number;
  values: NDArray | null;
}

/** Interpret choice's `a` (integer n → range(n); 1-D array or list → its entries). */
export function choicePopulation(a: number | NDArray | NestedArray, fn: string): Population {
  if (typeof a === "number") {
    if (!Number.isInteger(a)) throw new ValueError(`${fn}: a must be an integer or a 1-dimensional array, got ${a}`);
    return { popSize: a, values: null };
  }
  const arr = a instanceof NDArray ? a : fromNested(a, fn);
  if (arr.ndim !== 1) throw new ValueError(`${fn}: a must be 1-dimensional, got shape [${arr.shape.join(", ")}]`);
  return { popSize: arr.shape[0], values: arr };
}

/** Check that a population can serve `n` draws (NumPy's messages). */
export function checkPopulation(pop: Population, n: number, fn: string): void {
  if (pop.values === null && pop.popSize <= 0 && n !== 0) {
    throw new ValueError(`${fn}: a must be a positive integer unless no samples are taken (a = ${pop.popSize})`);
  }
  if (pop.values !== null && pop.popSize === 0 && n !== 0) {
    throw new ValueError(`${fn}: a cannot be empty unless no samples are taken`);
  }
}

/**
 * Draws without replacement and with probabilities (NumPy's loop for both classes): draw
 * k = n − found uniforms, zero the probabilities already taken, map through the cdf, and keep
 * the new indices in order of first occurrence, until n distinct indices are found.
 */
export function choiceWeightedNoReplace(probs: Float64Array, n: number, uniforms: (k: number) => Float64Array, fn: string): Float64Array {
  let nonzero = 0;
  for (let i = 0; i < probs.length; i++) if (probs[i] > 0) nonzero++;
  if (nonzero < n) throw new ValueError(`${fn}: fewer non-zero entries in p than size (${nonzero} < ${n})`);
  const p = probs.slice();
  const found = new Float64Array(n);
  const seen = new Uint8Array(p.length);
  let nUniq = 0;
  while (nUniq < n) {
    const x = uniforms(n - nUniq);
    for (let i = 0; i < nUniq; i++) p[found[i]] = 0;
    const cdf = normalizedCdf(p);
    // unique values of the new draws, in order of first occurrence (np.unique + take)
    const batch: number[] = [];
    for (let i = 0; i < x.length; i++) {
      const k = searchRight(cdf, x[i]);
      if (!seen[k]) {
        seen[k] = 1;
        batch.push(k);
      }
    }
    for (const k of batch) seen[k] = 0;
    for (let i = 0; i < batch.length; i++) found[nUniq + i] = batch[i];
    nUniq += batch.length;
  }
  return found;
}

/**
 * choice's final step: indices → result. Integer population: the indices themselves (int32
 * when they fit, else exact float64); array population: a[idx] in a's dtype. `isScalar`
 * returns the single element as a number.
 */
export function choiceResult(pop: Population, idx: Float64Array, shape: readonly number[], isScalar: boolean): number | NDArray {
  if (pop.values === null) {
    if (isScalar) return idx[0];
    if (pop.popSize - 1 <= 2147483647) return new NDArray(Int32Array.from(idx), shape, "int32");
    return new NDArray(idx, shape, "float64");
  }
  const a = pop.values;
  const slots = a.dtype === "complex128" ? 2 : 1;
  if (isScalar && slots === 1) return a.data[a.offset + idx[0] * a.strides[0]];
  const out = allocateLike(a.dtype, idx.length * slots);
  for (let i = 0; i < idx.length; i++) {
    const src = (a.offset + idx[i] * a.strides[0]) * slots;
    for (let s = 0; s < slots; s++) out[i * slots + s] = a.data[src + s];
  }
  return new NDArray(out, isScalar ? [] : shape, a.dtype);
}

function allocateLike(dtype: DType, n: number): Float64Array | Float32Array | Int32Array | Uint8Array {
  switch (dtype) {
    case "float32":
      return new Float32Array(n);
    case "int32":
      return new Int32Array(n);
    case "bool":
      return new Uint8Array(n);
    default:
      return new Float64Array(n);
  }
}

// ------------------------------------------------------------------ shuffle / permutation

/**
 * Shuffle along axis 0 in place, as NumPy's `shuffle` (both classes): rows i = n−1 … 1 swap with
 * row j = random_interval(i). NDArrays of any strides and offset are handled through their
 * buffer; JS arrays are shuffled element-wise.
 */
export function shuffleInPlace<T>(bg: BitGenerator, x: NDArray | T[], fn: string): void {
  if (Array.isArray(x)) {
    for (let i = x.length - 1; i >= 1; i--) {
      const j = randomInterval(bg, i);
      const t = x[i];
      x[i] = x[j];
      x[j] = t;
    }
    return;
  }
  if (!(x instanceof NDArray)) throw new ValueError(`${fn}: x must be an NDArray or a JS array`);
  if (x.ndim === 0) throw new ValueError(`${fn}: x must be at least 1-dimensional`);
  if (!x.flags.writeable) throw new ValueError(`${fn}: array is read-only`);
  if (x.size === 0) return;
  const n = x.shape[0];
  const slots = x.dtype === "complex128" ? 2 : 1;
  const data = x.data;
  const rowStride = x.strides[0] * slots;
  const base = x.offset * slots;
  if (x.ndim === 1 && slots === 1) {
    for (let i = n - 1; i >= 1; i--) {
      const j = randomInterval(bg, i);
      const oi = base + i * rowStride;
      const oj = base + j * rowStride;
      const t = data[oi];
      data[oi] = data[oj];
      data[oj] = t;
    }
    return;
  }
  // Offsets (in slots) of the elements of one row x[0, ...], relative to the row start.
  const rel = rowOffsets(x.shape.slice(1), x.strides.slice(1), slots);
  for (let i = n - 1; i >= 1; i--) {
    const j = randomInterval(bg, i);
    if (i === j) continue;
    const oi = base + i * rowStride;
    const oj = base + j * rowStride;
    for (let r = 0; r < rel.length; r++) {
      const t = data[oi + rel[r]];
      data[oi + rel[r]] = data[oj + rel[r]];
      data[oj + rel[r]] = t;
    }
  }
}

/** Slot offsets of every element of an array of `shape` and `strides` (complex: re and im). */
function rowOffsets(shape: readonly number[], strides: readonly number[], slots: number): Float64Array {
  const out = new Float64Array(sizeOf(shape) * slots);
  let k = 0;
  const walk = (axis: number, off: number): void => {
    if (axis === shape.length) {
      for (let s = 0; s < slots; s++) out[k++] = off * slots + s;
      return;
    }
    for (let i = 0; i < shape[axis]; i++) walk(axis + 1, off + i * strides[axis]);
  };
  walk(0, 0);
  return out;
}

/**
 * NumPy's `permutation(x)`: an integer n gives a shuffled arange(n) (int32); an array gives a
 * shuffled copy (along axis 0). Both classes draw exactly as `shuffle` does.
 */
export function permute(bg: BitGenerator, x: number | NDArray | NestedArray, fn: string): NDArray {
  if (typeof x === "number") {
    if (!Number.isInteger(x)) throw new IndexError(`${fn}: x must be an integer or at least 1-dimensional, got ${x}`);
    const n = Math.max(x, 0);
    if (n > 2147483647) throw new ValueError(`${fn}: n = ${n} exceeds the int32 range of the result`);
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = i;
    const arr = new NDArray(out, [n], "int32");
    shuffleInPlace(bg, arr, fn);
    return arr;
  }
  const src = x instanceof NDArray ? x : fromNested(x, fn);
  if (src.ndim === 0) throw new IndexError(`${fn}: x must be an integer or at least 1-dimensional`);
  const copy = src.copy();
  shuffleInPlace(bg, copy, fn);
  return copy;
}

/** The options of `choice` after `a`, in NumPy's keyword spelling. */
export interface ChoiceOptions {
  size?: Size;
  replace?: boolean;
  p?: NDArray | readonly number[];
  shuffle?: boolean;
}

/** `choice`'s arguments after `a`: positional (size, replace, p, shuffle), with an options object last or alone. */
export type ChoiceArgs =
  | [options?: ChoiceOptions]
  | [size: Size | undefined, options?: ChoiceOptions]
  | [size: Size | undefined, replace?: boolean, p?: NDArray | readonly number[], shuffle?: boolean];

/**
 * Read `choice`'s arguments either way: `choice(a, 3, false)` (NumPy's positional order) or
 * `choice(a, 3, { replace: false })` / `choice(a, { size: 3, replace: false })`. An options
 * object where a boolean belongs would otherwise be truthy and sample with replacement.
 */
export function choiceArgs(fn: string, rest: readonly unknown[], keys: readonly (keyof ChoiceOptions)[]): ChoiceOptions {
  const positional: ChoiceOptions = {};
  const names: (keyof ChoiceOptions)[] = ["size", "replace", "p", "shuffle"];
  let options: ChoiceOptions = {};
  rest.forEach((v, i) => {
    const isOptions = v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof NDArray);
    if (isOptions) {
      if (i !== rest.length - 1) throw new ValueError(`${fn}: an options object must come last`);
      options = checkOptions(fn, v as ChoiceOptions, keys);
      return;
    }
    if (i >= keys.length) throw new ValueError(`${fn}: takes at most ${keys.length} arguments after a (${keys.join(", ")}), got ${rest.length}`);
    (positional as Record<string, unknown>)[names[i]] = v;
  });
  for (const k of Object.keys(options) as (keyof ChoiceOptions)[]) {
    if (positional[k] !== undefined) throw new ValueError(`${fn}: ${k} given both positionally and in the options`);
  }
  const merged = { ...positional, ...options };
  if (merged.replace !== undefined) checkBool(fn, "replace", merged.replace);
  if (merged.shuffle !== undefined) checkBool(fn, "shuffle", merged.shuffle);
  return merged;
}
