/**
 * The unary ufuncs: negative, abs, sqrt, exp/log and their kin, the trigonometric and
 * hyperbolic functions, sign, floor/ceil/trunc/rint, real/imag/conj/angle, isnan/isinf/isfinite,
 * logicalNot, and `round`, each `f(x, { out })` (the machinery is ufunc-core.ts; complex
 * kernels complex-scalar.ts). Integer inputs of the transcendental functions loop in float64;
 * `negative` of bool throws, as in NumPy. Rounding is half to even:
 *
 *   rint(x) = the nearest integer, ties to even     round(x, d) = rint(x · 10^d) / 10^d
 *
 * Reference: NumPy's umath loops (numpy/core/src/umath/loops*.c.src) and `np.round`
 * (numpy/core/src/multiarray/calculation.c, PyArray_Round).
 */
import { ValueError } from "./errors.js";
import { UnaryOp, type ComplexUnary, type Unary } from "./kernels/elementwise.js";
import { checkInt, checkOptions } from "./validate.js";
import type { NDArray } from "./ndarray.js";
import { cExp, cLog, cMul, cSqrt } from "./complex-scalar.js";
import { boolOut, finish, floatLoop, makeUnary, toInput, type ArrayInput, type UfuncOptions } from "./ufunc-core.js";

/** Round half to even, as NumPy's rint. */
function rintScalar(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

export const negative = makeUnary({
  name: "negative",
  f: (x) => -x,
  op: UnaryOp.Negative,
  bool: "error",
  complex: (ar, ai, o, k) => {
    o[k] = -ar;
    o[k + 1] = -ai;
  },
});
export const positive = makeUnary({
  name: "positive",
  f: (x) => x,
  op: UnaryOp.Copy,
  bool: "error",
  complex: (ar, ai, o, k) => {
    o[k] = ar;
    o[k + 1] = ai;
  },
});
export const abs = makeUnary({
  name: "abs",
  f: Math.abs,
  op: UnaryOp.Abs,
  bool: (x) => x,
  complex: (ar, ai, o, k) => {
    o[k] = Math.hypot(ar, ai);
  },
  complexOut: "float64",
});
/** `np.absolute`, the same as abs. */
export const absolute = abs;
export const sqrt = makeUnary({ name: "sqrt", f: Math.sqrt, op: UnaryOp.Sqrt, loop: floatLoop, complex: cSqrt });
export const square = makeUnary({
  name: "square",
  f: (x) => x * x,
  op: UnaryOp.Square,
  int: (x) => Math.imul(x, x),
  complex: (ar, ai, o, k) => cMul(ar, ai, ar, ai, o, k),
});
export const exp = makeUnary({ name: "exp", f: Math.exp, loop: floatLoop, complex: cExp });
export const log = makeUnary({ name: "log", f: Math.log, loop: floatLoop, complex: cLog });
export const log2 = makeUnary({ name: "log2", f: Math.log2, loop: floatLoop });
export const log10 = makeUnary({ name: "log10", f: Math.log10, loop: floatLoop });
export const log1p = makeUnary({ name: "log1p", f: Math.log1p, loop: floatLoop });
export const expm1 = makeUnary({ name: "expm1", f: Math.expm1, loop: floatLoop });
export const sin = makeUnary({ name: "sin", f: Math.sin, loop: floatLoop });
export const cos = makeUnary({ name: "cos", f: Math.cos, loop: floatLoop });
export const tan = makeUnary({ name: "tan", f: Math.tan, loop: floatLoop });
export const arcsin = makeUnary({ name: "arcsin", f: Math.asin, loop: floatLoop });
export const arccos = makeUnary({ name: "arccos", f: Math.acos, loop: floatLoop });
export const arctan = makeUnary({ name: "arctan", f: Math.atan, loop: floatLoop });
export const sinh = makeUnary({ name: "sinh", f: Math.sinh, loop: floatLoop });
export const cosh = makeUnary({ name: "cosh", f: Math.cosh, loop: floatLoop });
export const tanh = makeUnary({ name: "tanh", f: Math.tanh, loop: floatLoop });
/**
 * `np.sign(x)`: −1, 0 or 1 by the sign of x (sign(−0) = +0, sign(NaN) = NaN); for complex z,
 * z/|z| (0 for 0), as NumPy 2. Not defined for bool, as in NumPy.
 */
export const sign = makeUnary({
  name: "sign",
  f: (x) => (x > 0 ? 1 : x < 0 ? -1 : x === 0 ? 0 : NaN),
  int: Math.sign,
  bool: "error",
  complex: (ar, ai, o, k) => {
    const r = Math.hypot(ar, ai);
    o[k] = r === 0 ? 0 : ar / r;
    o[k + 1] = r === 0 ? 0 : ai / r;
  },
});
export const floor = makeUnary({ name: "floor", f: Math.floor, loop: floatLoop });
export const ceil = makeUnary({ name: "ceil", f: Math.ceil, loop: floatLoop });
export const trunc = makeUnary({ name: "trunc", f: Math.trunc, loop: floatLoop });
export const rint = makeUnary({ name: "rint", f: rintScalar, loop: floatLoop });

const realOf: ComplexUnary = (ar, _ai, o, k) => {
  o[k] = ar;
};
const imagOf: ComplexUnary = (_ar, ai, o, k) => {
  o[k] = ai;
};
/** Real part (a copy; for real input, the values themselves). */
export const real = makeUnary({ name: "real", f: (x) => x, bool: (x) => x, complex: realOf, complexOut: "float64" });
/** Imaginary part (zeros for real input). */
export const imag = makeUnary({ name: "imag", f: () => 0, bool: () => 0, complex: imagOf, complexOut: "float64" });
export const conj = makeUnary({
  name: "conj",
  f: (x) => x,
  bool: (x) => x,
  complex: (ar, ai, o, k) => {
    o[k] = ar;
    o[k + 1] = -ai;
  },
});
/** `np.conjugate`, the same as conj. */
export const conjugate = conj;
export const angle = makeUnary({
  name: "angle",
  f: (x) => Math.atan2(0, x),
  loop: floatLoop,
  complex: (ar, ai, o, k) => {
    o[k] = Math.atan2(ai, ar);
  },
  complexOut: "float64",
});

export const isnan = makeUnary({
  name: "isnan",
  f: (x) => (x !== x ? 1 : 0),
  bool: () => 0,
  out: boolOut,
  complexOut: "bool",
  complex: (ar, ai, o, k) => {
    o[k] = ar !== ar || ai !== ai ? 1 : 0;
  },
});
export const isinf = makeUnary({
  name: "isinf",
  f: (x) => (x === Infinity || x === -Infinity ? 1 : 0),
  bool: () => 0,
  out: boolOut,
  complexOut: "bool",
  complex: (ar, ai, o, k) => {
    o[k] = Math.abs(ar) === Infinity || Math.abs(ai) === Infinity ? 1 : 0;
  },
});
export const isfinite = makeUnary({
  name: "isfinite",
  f: (x) => (Number.isFinite(x) ? 1 : 0),
  bool: () => 1,
  out: boolOut,
  complexOut: "bool",
  complex: (ar, ai, o, k) => {
    o[k] = Number.isFinite(ar) && Number.isFinite(ai) ? 1 : 0;
  },
});
export const logicalNot = makeUnary({
  name: "logicalNot",
  f: (x) => (x === 0 ? 1 : 0),
  bool: (x) => (x === 0 ? 1 : 0),
  out: boolOut,
  complexOut: "bool",
  complex: (ar, ai, o, k) => {
    o[k] = ar === 0 && ai === 0 ? 1 : 0;
  },
});

export interface RoundOptions extends UfuncOptions {
  /** Number of decimal places (default 0); negative rounds to tens, hundreds, … */
  decimals?: number;
}

/**
 * `np.round(a, decimals)` (`np.around`, `a.round(decimals)`): round half to even, as NumPy
 * (`round(2.5) = 2`, `round(0.125, 2) = 0.12`), computed as NumPy does:
 *
 *   decimals ≥ 0:  rint(a · 10^d) / 10^d        decimals < 0:  rint(a / 10^−d) · 10^−d
 *
 * so results are NumPy's bit for bit (a decimal such as 2.675 is stored below 2.675 and
 * rounds to 2.67 in both). float32 is rounded to float32 after every step, as NumPy computes
 * in float32. Integers (and bools) with decimals ≥ 0 come back unchanged (a copy); complex
 * numbers round their real and imaginary parts. Called as `round(a, 2)`, `round(a, { decimals:
 * 2 })` or `round(a, 2, { out })`.
 *
 * @throws ValueError decimals not an integer, an unknown option
 * @example np.round([0.5, 1.5, 2.675], 2).toArray() // [0.5, 1.5, 2.67]
 */
export function round(x: ArrayInput, decimals: number | RoundOptions = 0, options?: UfuncOptions): NDArray {
  const fn = "round";
  let opts: RoundOptions;
  if (decimals !== null && typeof decimals === "object") {
    if (options !== undefined) throw new ValueError(`${fn}: pass the options in one object, got two`);
    opts = checkOptions(fn, decimals, ["decimals", "out"]);
  } else {
    opts = { ...checkOptions(fn, options, ["out"]), decimals };
  }
  const d = checkInt(fn, "decimals", opts.decimals ?? 0, { min: -400, max: 400 });
  const out = opts.out;
  const a = toInput(x, fn).array;
  if ((a.dtype === "int32" || a.dtype === "bool") && d >= 0) return finish(a.copy(), out);
  // 10^|d| as Python's int converts it: correctly rounded (exact up to 10^22)
  const f = Number(`1e${Math.abs(d)}`);
  let g: Unary;
  if (a.dtype === "float32") {
    const f32 = Math.fround(f);
    g = d >= 0 ? (v) => Math.fround(rintScalar(Math.fround(v * f32)) / f32) : (v) => Math.fround(rintScalar(Math.fround(v / f32)) * f32);
  } else if (d === 0) g = rintScalar;
  else g = d > 0 ? (v) => rintScalar(v * f) / f : (v) => rintScalar(v / f) * f;
  const complex: ComplexUnary = (ar, ai, o, k) => {
    o[k] = g(ar);
    o[k + 1] = g(ai);
  };
  return makeUnary({ name: fn, f: g, int: g, complex })(a, out === undefined ? {} : { out });
}

/** `np.around`, the same as round. */
export const around = round;
