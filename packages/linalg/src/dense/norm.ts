/**
 * Vector and matrix norms (NumPy's `np.linalg.norm`).
 *
 *   vectors (one axis):    ‖x‖_p = (Σ|x_i|^p)^(1/p);  p = 2 (default), 1, inf (max |x_i|),
 *                          −inf (min |x_i|), 0 (number of non-zeros), any other real p
 *   matrices (two axes):   'fro' (default) = sqrt(Σ|a_ij|²),  'nuc' = Σσ_i,
 *                          2 = σ_max, −2 = σ_min,  1 = max column sum,  −1 = min column sum,
 *                          inf = max row sum,  −inf = min row sum
 *
 * The 2-norm and the Frobenius norm are computed with scaling, as LAPACK's dnrm2 does:
 * ‖x‖₂ = s·sqrt(Σ(|x_i|/s)²) with s = max|x_i|, so that no square overflows or underflows
 * (NumPy's sqrt(x·x) overflows for |x| > 1e154). The spectral norms (2, −2, 'nuc') take the
 * singular values from svd.ts.
 *
 * Invariant: the result is exact up to a few ulps for 1, inf, −inf, 0; within n·eps relative
 * for 2, 'fro' and p; the SVD-based ones within c·eps·‖A‖₂.
 * Reference: Golub & Van Loan, "Matrix Computations", 4th ed., §2.2–2.3; LAPACK dnrm2,
 * dlange; NumPy `linalg.norm` (its rules for axis, keepdims and the error messages).
 */
import { AxisError, type NDArray, ValueError } from "@sliderule/ndarray";
import * as np from "@sliderule/ndarray";
import { asArray, type ArrayInput } from "../util/batch.js";
import { svd } from "./svd.js";
import { checkOptions, OPTION, optionsSchema } from "../util/options.js";

/** The options object of norm (util/options.ts); each value is checked below, with NumPy's messages. */
const NORM_OPTIONS = optionsSchema({ ord: OPTION.any, axis: OPTION.any, keepdims: OPTION.flag });

/** The orders `norm` accepts: numbers (±Infinity included), 'fro', 'nuc', or null (the default). */
export type NormOrder = number | "fro" | "f" | "nuc" | null;

export interface NormOptions {
  /** The order (default null: 2 for vectors, 'fro' for matrices); see {@link norm}. */
  ord?: NormOrder;
  /** One axis (vector norms), two axes (matrix norms), or null (default: all axes, 1-D or 2-D x). */
  axis?: number | readonly number[] | null;
  /** Keep the reduced axes with length 1 (default false). */
  keepdims?: boolean;
}

/** ‖x‖₂ of n values |x_i| = hypot(re_i, im_i), scaled (LAPACK dnrm2). */
export function scaledNorm2(re: Float64Array, im: Float64Array | null, off: number, n: number, stride: number): number {
  let scale = 0;
  for (let i = 0, e = off; i < n; i++, e += stride) {
    const a = im ? Math.hypot(re[e], im[e]) : Math.abs(re[e]);
    if (a > scale || Number.isNaN(a)) scale = a;
  }
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let ssq = 0;
  for (let i = 0, e = off; i < n; i++, e += stride) {
    const r = re[e] / scale;
    ssq += r * r;
    if (im) {
      const t = im[e] / scale;
      ssq += t * t;
    }
  }
  return scale * Math.sqrt(ssq);
}

/** The vector norm of order p of n values (see the file header). */
function vectorNorm(re: Float64Array, im: Float64Array | null, off: number, n: number, stride: number, p: number): number {
  if (p === 2) return scaledNorm2(re, im, off, n, stride);
  const abs = (e: number) => (im ? Math.hypot(re[e], im[e]) : Math.abs(re[e]));
  if (p === Infinity || p === -Infinity) {
    let r = p > 0 ? -Infinity : Infinity;
    for (let i = 0, e = off; i < n; i++, e += stride) r = p > 0 ? Math.max(r, abs(e)) : Math.min(r, abs(e));
    if (n === 0) throw new ValueError("norm: zero-size array to reduction operation which has no identity");
    return r;
  }
  if (p === 0) {
    let count = 0;
    for (let i = 0, e = off; i < n; i++, e += stride) if (re[e] !== 0 || (im !== null && im[e] !== 0)) count++;
    return count;
  }
  if (p === 1) {
    let s = 0;
    for (let i = 0, e = off; i < n; i++, e += stride) s += abs(e);
    return s;
  }
  // general p: (Σ|x_i|^p)^(1/p)
  let s = 0;
  for (let i = 0, e = off; i < n; i++, e += stride) s += abs(e) ** p;
  return s ** (1 / p);
}

/** Normalise an axis for an array of `nd` dimensions (AxisError when out of range). */
function normalizeAxis(axis: number, nd: number): number {
  if (!Number.isInteger(axis) || axis < -nd || axis >= nd) throw new AxisError(`norm: axis ${axis} is out of bounds for array of dimension ${nd}`);
  return axis < 0 ? axis + nd : axis;
}

/**
 * Matrix or vector norm (NumPy's `np.linalg.norm`).
 *
 * @param x any shape; integers and bools are read as float64.
 * @param ord the order (default null): see the file header's table. With `axis` null, x must
 *   be 1-D or 2-D unless `ord` is null (then it is the 2-norm of x flattened).
 * @param axis an axis (vector norms), two axes (matrix norms), or null.
 * @param keepdims keep the reduced axes with length 1.
 * @returns without `axis` (and without keepdims), a JS number, as NumPy's scalar (rounded to
 *   float32 for float32 input): the norm of the vector, the matrix, or (ord null) x flattened.
 *   With an `axis`, or keepdims, an NDArray of the remaining axes (0-d when the axes cover all
 *   of x, where NumPy would give a scalar: call `.item()`): float32 for float32 input, float64
 *   otherwise (complex input too). The typing follows the arguments, so it is exact: no axis →
 *   `number`, an axis or `keepdims: true` → NDArray.
 * @throws ValueError "Invalid norm order 'fro' for vectors", "Invalid norm order for
 *   matrices.", "Improper number of dimensions to norm.", "Duplicate axes given." (NumPy's
 *   messages, prefixed with "norm: "); AxisError for an axis out of range.
 *
 * Notes: scaled sums of squares (no overflow); 2, −2 and 'nuc' by the SVD.
 *
 * @example
 *   assert.equal(linalg.norm([3, 4]), 5);
 *   assert.equal(linalg.norm([[1, 2], [3, 4]], 1), 6);
 *   assert.deepEqual(linalg.norm([[3, 4], [0, 1]], null, 1).toArray(), [5, 1]);
 */
export function norm(x: ArrayInput, ord?: NormOrder, axis?: null, keepdims?: false): number;
export function norm(x: ArrayInput, ord: NormOrder | undefined, axis: number | readonly number[], keepdims?: boolean): NDArray;
export function norm(x: ArrayInput, ord: NormOrder | undefined, axis: number | readonly number[] | null | undefined, keepdims: true): NDArray;
export function norm(x: ArrayInput, ord?: NormOrder, axis?: number | readonly number[] | null, keepdims?: boolean): number | NDArray;
export function norm(x: ArrayInput, options: NormOptions & { axis: number | readonly number[] }): NDArray;
export function norm(x: ArrayInput, options: NormOptions & { keepdims: true }): NDArray;
export function norm(x: ArrayInput, options: NormOptions & { axis?: null; keepdims?: false }): number;
export function norm(x: ArrayInput, options: NormOptions): number | NDArray;
export function norm(
  x: ArrayInput,
  ordOrOptions?: NormOrder | NormOptions,
  axisArg?: number | readonly number[] | null,
  keepdimsArg?: boolean,
): number | NDArray {
  const r = normArray(x, ordOrOptions, axisArg, keepdimsArg);
  const options = ordOrOptions !== null && typeof ordOrOptions === "object" ? ordOrOptions : { axis: axisArg, keepdims: keepdimsArg };
  // no axis, no keepdims: NumPy's scalar (a float32 value is already rounded in r)
  return (options.axis ?? null) === null && options.keepdims !== true ? r.item() : r;
}

/** norm as an NDArray, every case (see norm). */
function normArray(x: ArrayInput, ordOrOptions?: NormOrder | NormOptions, axisArg?: number | readonly number[] | null, keepdimsArg?: boolean): NDArray {
  if (ordOrOptions !== null && typeof ordOrOptions === "object") checkOptions("norm", NORM_OPTIONS, ordOrOptions);
  const options: NormOptions =
    ordOrOptions !== null && typeof ordOrOptions === "object"
      ? ordOrOptions
      : { ord: ordOrOptions ?? null, axis: axisArg ?? null, keepdims: keepdimsArg ?? false };
  const X = asArray(x);
  const ord = options.ord ?? null;
  const keepdims = options.keepdims ?? false;
  if (ord !== null && typeof ord !== "number" && typeof ord !== "string") throw new ValueError(`norm: Invalid norm order ${String(ord)} (a ${typeof ord})`);
  if (typeof keepdims !== "boolean") throw new ValueError(`norm: keepdims must be true or false, got ${String(keepdims)}`);
  const nd = X.ndim;
  const outDType = X.dtype === "float32" ? "float32" : "float64";
  let axes: number[];
  const axis = options.axis ?? null;
  if (axis === null) {
    // the flattened 2-norm: ord null, or 'fro' of a matrix, or 2 of a vector
    if (ord === null || ((ord === "fro" || ord === "f") && nd === 2) || (ord === 2 && nd === 1)) {
      const { re, im } = parts(X);
      const r = scaledNorm2(re, im, 0, re.length, 1);
      return np.full(keepdims ? new Array<number>(nd).fill(1) : [], r, outDType);
    }
    axes = Array.from({ length: nd }, (_, i) => i);
  } else {
    axes = (typeof axis === "number" ? [axis] : Array.from(axis)).map((a) => normalizeAxis(a, nd));
  }
  const outShape = X.shape.filter((_, i) => !axes.includes(i));
  const keptShape = X.shape.map((d, i) => (axes.includes(i) ? 1 : d));
  if (axes.length === 1) {
    if (typeof ord === "string") throw new ValueError(`norm: Invalid norm order '${ord}' for vectors`);
    const p = ord === null ? 2 : ord;
    // the reduced axis last, contiguous
    const perm = [...X.shape.keys()].filter((i) => i !== axes[0]).concat(axes);
    const { re, im } = parts(X.transpose(perm));
    const n = X.shape[axes[0]];
    const count = outShape.reduce((q, d) => q * d, 1);
    const out = np.zeros(keepdims ? keptShape : outShape, outDType);
    for (let g = 0; g < count; g++) out.data[g] = vectorNorm(re, im, g * n, n, 1, p);
    return out;
  }
  if (axes.length === 2) {
    const [rowAxis, colAxis] = axes;
    if (rowAxis === colAxis) throw new ValueError("norm: Duplicate axes given.");
    const valid =
      ord === null ||
      ord === "fro" ||
      ord === "f" ||
      ord === "nuc" ||
      ord === 1 ||
      ord === -1 ||
      ord === 2 ||
      ord === -2 ||
      ord === Infinity ||
      ord === -Infinity;
    if (!valid) throw new ValueError(`norm: Invalid norm order for matrices.`);
    // the matrix axes last, in (row, col) order
    const perm = [...X.shape.keys()].filter((i) => i !== rowAxis && i !== colAxis).concat([rowAxis, colAxis]);
    const Xt = X.transpose(perm);
    const m = X.shape[rowAxis];
    const n = X.shape[colAxis];
    const count = outShape.reduce((q, d) => q * d, 1);
    const out = np.zeros(keepdims ? keptShape : outShape, outDType);
    if (ord === 2 || ord === -2 || ord === "nuc") {
      // σ of every matrix of the stack
      const S = svd(Xt, { computeUv: false });
      const k = Math.min(m, n);
      for (let g = 0; g < count; g++) {
        const s = S.data.subarray(g * k, (g + 1) * k) as Float64Array;
        if (k === 0) throw new ValueError("norm: zero-size array to reduction operation which has no identity");
        out.data[g] = ord === 2 ? s[0] : ord === -2 ? s[k - 1] : s.reduce((a, b) => a + b, 0);
      }
      return out;
    }
    const { re, im } = parts(Xt);
    for (let g = 0; g < count; g++) {
      const off = g * m * n;
      if (ord === null || ord === "fro" || ord === "f") {
        out.data[g] = scaledNorm2(re, im, off, m * n, 1);
        continue;
      }
      // 1, −1: column sums (stride n down a column); inf, −inf: row sums
      const byColumn = ord === 1 || ord === -1;
      const best = ord === 1 || ord === Infinity ? Math.max : Math.min;
      const groups = byColumn ? n : m;
      if (groups === 0) throw new ValueError("norm: zero-size array to reduction operation which has no identity");
      let r = byColumn ? (ord === 1 ? -Infinity : Infinity) : ord === Infinity ? -Infinity : Infinity;
      for (let t = 0; t < groups; t++) {
        const s = byColumn ? vectorNorm(re, im, off + t, m, n, 1) : vectorNorm(re, im, off + t * n, n, 1, 1);
        r = best(r, s);
      }
      out.data[g] = r;
    }
    return out;
  }
  throw new ValueError("norm: Improper number of dimensions to norm.");
}

/** The values of x in C order as float64, split into real and imaginary parts (im null for real x). */
function parts(x: NDArray): { re: Float64Array; im: Float64Array | null } {
  const c = x.copy();
  if (c.dtype === "complex128") {
    const d = c.data as Float64Array;
    const re = new Float64Array(c.size);
    const im = new Float64Array(c.size);
    for (let i = 0; i < c.size; i++) {
      re[i] = d[2 * i];
      im[i] = d[2 * i + 1];
    }
    return { re, im };
  }
  return { re: Float64Array.from(c.data as ArrayLike<number>), im: null };
}
