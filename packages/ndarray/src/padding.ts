/**
 * Padding: NumPy's `pad(array, pad_width, mode, constant_values)` for the modes constant,
 * edge, reflect, symmetric and wrap.
 *
 *   out.shape[k] = before_k + a.shape[k] + after_k,    out[before + i] = a[i] inside,
 *   and at a padded position p (i = p − before outside [0, n)) along axis k:
 *
 *   constant   c_before or c_after
 *   edge       a[clamp(i, 0, n − 1)]                          1 2 3 → 1 1 | 1 2 3 | 3 3
 *   reflect    a[q < n ? q : 2n − 2 − q],  q = i mod (2n − 2)  1 2 3 → 3 2 | 1 2 3 | 2 1
 *   symmetric  a[q < n ? q : 2n − 1 − q],  q = i mod 2n        1 2 3 → 2 1 | 1 2 3 | 3 2
 *   wrap       a[i mod n]                                      1 2 3 → 2 3 | 1 2 3 | 1 2
 *
 * (reflect of a length-1 axis repeats its element). The closed forms equal NumPy's iterative
 * reflection for any width, also wider than the axis (checked against NumPy in the tests).
 *
 * Axes are padded one after another, as NumPy does: the copy for axis k spans the full
 * (already padded) extent of the axes before it, so corners take their values from the
 * padding of earlier axes, and in constant mode the value of the later axis wins a corner.
 * Each padded position is one strided copy of an (n−1)-d slice; the input is copied once.
 *
 * Reference: numpy/lib/arraypad.py (NumPy ≥ 1.17).
 */
import { allocate } from "./dtype.js";
import { ValueError } from "./errors.js";
import { copyStrided } from "./kernels/copy.js";
import { arrayArg } from "./array-args.js";
import { NDArray } from "./ndarray.js";
import { sizeOf } from "./shape.js";
import { checkNumber, checkOneOf, checkOptions, describe, rejectBigInt } from "./validate.js";
import type { ArrayLike } from "./creation.js";

export type PadMode = "constant" | "edge" | "reflect" | "symmetric" | "wrap";
const MODES: readonly PadMode[] = ["constant", "edge", "reflect", "symmetric", "wrap"];

/** Widths or values per axis: a number, [before, after], [[before, after]] or one pair per axis. */
export type PadPairs = number | readonly number[] | readonly (readonly number[])[] | NDArray;

export interface PadOptions {
  /** How the padding is filled (default "constant"). */
  mode?: PadMode;
  /** The values for mode "constant" (default 0), in the forms padWidth takes. */
  constantValues?: PadPairs;
}

/**
 * `np.pad(a, padWidth, mode, { constantValues })`: a padded copy of a.
 *
 * `padWidth` gives (before, after) for every axis in NumPy's forms: `n` (n on both sides of
 * every axis), `[before, after]` (the same for every axis), `[[b0, a0], [b1, a1], …]` (per
 * axis), `[[b, a]]`; widths are non-negative integers. The mode is the third argument or
 * `{ mode }`: `pad(a, 1, "edge")`, `pad(a, 1, { mode: "constant", constantValues: 9 })`,
 * `pad(a, 1, "constant", { constantValues: [[1, 2], [3, 4]] })`. Constant values are cast to
 * a's dtype (2.7 pads an int32 array with 2).
 *
 * @throws ValueError a negative or non-integer width, padWidth of a shape that does not
 *   broadcast to (ndim, 2), an unknown mode or option, a non-constant mode on an empty axis
 * @example np.pad([1, 2, 3], [1, 2], "wrap").toArray() // [3, 1, 2, 3, 1, 2]
 */
export function pad(a: ArrayLike, padWidth: PadPairs, mode?: PadMode | PadOptions, options?: PadOptions): NDArray {
  const fn = "pad";
  const x = arrayArg(a, fn);
  let opts: PadOptions;
  if (mode !== undefined && mode !== null && typeof mode === "object") {
    if (options !== undefined) throw new ValueError(`${fn}: pass the options in one object, got two`);
    opts = checkOptions(fn, mode, ["mode", "constantValues"]);
  } else {
    opts = { ...checkOptions(fn, options, ["constantValues"]), mode: mode ?? undefined };
  }
  const m = checkOneOf(fn, "mode", opts.mode ?? "constant", MODES);
  if (m !== "constant" && opts.constantValues !== undefined) {
    throw new ValueError(`${fn}: constantValues only applies to mode "constant", got mode ${describe(m)}`);
  }
  const ndim = x.ndim;
  const widths = pairs(fn, "padWidth", padWidth, ndim, true);
  const values = m === "constant" ? pairs(fn, "constantValues", opts.constantValues ?? 0, ndim, false) : [];

  const outShape = x.shape.map((n, k) => widths[k][0] + n + widths[k][1]);
  const out = new NDArray(allocate(x.dtype, sizeOf(outShape)), outShape, x.dtype);
  // the input in the middle
  const inner = out.view(x.shape, out.strides, x.shape.every((n) => n > 0) ? widths.reduce((o, [b], k) => o + b * out.strides[k], 0) : 0);
  copyStrided(x.shape, x, inner);
  if (out.size === 0) return out;

  for (let k = 0; k < ndim; k++) {
    const [before, after] = widths[k];
    const n = x.shape[k];
    if (before === 0 && after === 0) continue;
    if (m !== "constant" && n === 0) {
      throw new ValueError(`${fn}: can't extend empty axis ${k} using modes other than "constant" (shape (${x.shape.join(", ")}))`);
    }
    if (m === "constant") {
      fillAlong(out, k, 0, before, values[k][0]);
      fillAlong(out, k, before + n, after, values[k][1]);
      continue;
    }
    // every padded position p copies the slice at before + source(p − before)
    for (let p = 0; p < outShape[k]; p++) {
      if (p === before) p += n; // skip the interior
      if (p >= outShape[k]) break;
      const i = sourceIndex(m, p - before, n);
      copyStrided(sliceShape(out, k), sliceAt(out, k, before + i), sliceAt(out, k, p));
    }
  }
  return out;
}

/** Where the padded position i (relative to the input's first element along the axis) reads from. */
export function sourceIndex(mode: Exclude<PadMode, "constant">, i: number, n: number): number {
  const mod = (p: number, q: number) => ((p % q) + q) % q;
  switch (mode) {
    case "edge":
      return Math.min(Math.max(i, 0), n - 1);
    case "wrap":
      return mod(i, n);
    case "symmetric": {
      const q = mod(i, 2 * n);
      return q < n ? q : 2 * n - 1 - q;
    }
    case "reflect": {
      if (n === 1) return 0;
      const q = mod(i, 2 * n - 2);
      return q < n ? q : 2 * n - 2 - q;
    }
  }
}

/** The shape of one position along axis k, as a length-1 axis. */
function sliceShape(x: NDArray, k: number): number[] {
  const shape = x.shape.slice();
  shape[k] = 1;
  return shape;
}

/** The slice of x at position p along axis k, kept as a length-1 axis (a strided description). */
function sliceAt(x: NDArray, k: number, p: number) {
  return { data: x.data, dtype: x.dtype, strides: x.strides, offset: x.offset + p * x.strides[k] };
}

/** out[…, start : start + length, …] along axis k = value (cast to out's dtype by the copy). */
function fillAlong(out: NDArray, k: number, start: number, length: number, value: number): void {
  if (length === 0) return;
  const shape = out.shape.slice();
  shape[k] = length;
  const src = { data: new Float64Array([value]), dtype: "float64" as const, strides: shape.map(() => 0), offset: 0 };
  copyStrided(shape, src, { data: out.data, dtype: out.dtype, strides: out.strides, offset: out.offset + start * out.strides[k] });
}

/**
 * NumPy's `np.broadcast_to(np.asarray(v), (ndim, 2))` for pad's widths and values: a number,
 * [v], [before, after], [[before, after]], [[v]], or one pair (or one value) per axis.
 */
function pairs(fn: string, name: string, v: PadPairs, ndim: number, widths: boolean): [number, number][] {
  const check = (x: unknown): number => {
    rejectBigInt(fn, name, x);
    if (widths) {
      if (typeof x !== "number" || !Number.isInteger(x)) throw new ValueError(`${fn}: ${name} must hold integers, got ${describe(x)} in ${describe(v)}`);
      if (x < 0) throw new ValueError(`${fn}: ${name} can't contain negative values, got ${describe(v)}`);
      return x;
    }
    return checkNumber(fn, name, typeof x === "boolean" ? Number(x) : x, { allowNaN: true });
  };
  let nested: unknown = v;
  if (v instanceof NDArray) nested = v.ndim === 0 ? v.item() : v.toArray();
  if (typeof nested === "number" || typeof nested === "boolean") {
    const c = check(nested);
    return Array.from({ length: ndim }, () => [c, c]);
  }
  const bad = () =>
    new ValueError(
      `${fn}: ${name} must be a number, [before, after] or one [before, after] pair per axis (shape (${ndim}, 2) or broadcastable to it), got ${describe(v)}`,
    );
  if (!Array.isArray(nested)) throw bad();
  let rows: unknown[][];
  if (nested.every((r) => !Array.isArray(r))) {
    // 1-d: (1,) or (2,), the same pair for every axis
    if (nested.length !== 1 && nested.length !== 2) throw bad();
    rows = [nested];
  } else if (nested.every((r) => Array.isArray(r))) {
    rows = nested as unknown[][];
    if (rows.length !== 1 && rows.length !== ndim) throw bad();
  } else throw bad();
  const out: [number, number][] = [];
  for (let k = 0; k < ndim; k++) {
    const r = rows[rows.length === 1 ? 0 : k];
    if (r.length !== 1 && r.length !== 2) throw bad();
    if (r.some((e) => Array.isArray(e))) throw bad();
    out.push([check(r[0]), check(r[r.length === 1 ? 0 : 1])]);
  }
  return out;
}
