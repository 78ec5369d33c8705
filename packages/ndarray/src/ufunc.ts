/**
 * Universal functions: element-wise operations with broadcasting, NumPy's type promotion
 * and an optional `out` array, as `np.add(a, b, { out })` or `a.add(b)`.
 *
 * How one call runs:
 *   1. inputs become arrays (JS numbers are 0-d scalars, which take part in promotion by kind
 *      only, as NumPy 1.24's value-based casting);
 *   2. the loop dtype is the promoted dtype, adjusted per function (true division of
 *      integers loops in float64; comparisons output bool);
 *   3. inputs not of the loop dtype are cast, shapes broadcast, and the strided map kernel
 *      (kernels/elementwise.ts) fills the output.
 *
 * Integer semantics: int32 arithmetic wraps as C does; floor division and remainder by 0
 * give 0 (NumPy warns and gives 0); `power` of integers to a negative integer power throws.
 * Bool: `add` is logical or, `multiply` logical and, `subtract` and `negative` throw as in
 * NumPy.
 */
import { allocate, resultType, scalarDType, type DType, type TypeOperand } from "./dtype.js";
import { DTypeError, ShapeError, ValueError } from "./errors.js";
import { copyStrided, type Strided } from "./kernels/copy.js";
import {
  mapBinary,
  mapComplexBinary,
  mapComplexUnary,
  mapUnary,
  Op,
  UnaryOp,
  type Binary,
  type ComplexBinary,
  type ComplexUnary,
  type Unary,
} from "./kernels/elementwise.js";
import { forEachRun } from "./kernels/strided.js";
import { checkInt, checkOptions, describe } from "./validate.js";
import { fromNested, NDArray, type NestedArray } from "./ndarray.js";
import { nonzero } from "./indexing.js";
import { broadcastOperandShapes, broadcastStrides, fmtShape, shapesEqual, type Shape } from "./shape.js";

/** What an element-wise function accepts: an array, a JS scalar or nested JS arrays. */
export type ArrayInput = NDArray | number | boolean | NestedArray;

export interface UfuncOptions {
  /** Write the result here (it must have the broadcast shape; its dtype is cast to). */
  out?: NDArray;
}

interface Input {
  array: NDArray;
  scalar: boolean;
}

function toInput(x: ArrayInput, fn: string): Input {
  if (x instanceof NDArray) return { array: x, scalar: x.ndim === 0 };
  if (typeof x === "number" || typeof x === "boolean") {
    const dtype = scalarDType(x);
    const data = allocate(dtype, 1);
    data[0] = Number(x);
    return { array: new NDArray(data, [], dtype), scalar: true };
  }
  const array = fromNested(x, fn);
  return { array, scalar: array.ndim === 0 };
}

/** A strided description of `a` read as `shape` (broadcast). */
function readAs(a: NDArray, shape: Shape): Strided {
  return { data: a.data, dtype: a.dtype, strides: broadcastStrides(a.shape, a.strides, shape), offset: a.offset };
}

/** A ufunc's options: only `out`, which must be an NDArray. */
function checkUfuncOptions(fn: string, options: UfuncOptions): void {
  checkOptions(fn, options, ["out"]);
  if (options.out !== undefined && !(options.out instanceof NDArray)) throw new ValueError(`${fn}: out must be an NDArray, got ${describe(options.out)}`);
}

/** Kinds in NumPy's casting order: bool < integer < float < complex. */
const KIND_ORDER: Record<DType, number> = { bool: 0, int32: 1, float32: 2, float64: 2, complex128: 3 };

/** The output array: `out` itself when given with the result dtype, else a fresh array. */
function prepareOut(fn: string, shape: number[], dtype: DType, out?: NDArray): NDArray {
  if (out === undefined) return new NDArray(allocate(dtype, shape.reduce((p, d) => p * d, 1)), shape, dtype);
  if (!shapesEqual(out.shape, shape)) {
    throw new ShapeError(`${fn}: out has shape ${fmtShape(out.shape)}, but the result has shape ${fmtShape(shape)}`);
  }
  if (!out.flags.writeable) throw new ValueError(`${fn}: out is read-only`);
  if (out.dtype === dtype) return out;
  // NumPy's default casting rule for out, "same_kind": float64 -> float32 is allowed, float ->
  // int or int -> bool is not (np.add(ints, 0.5, out=ints) raises rather than truncate).
  if (KIND_ORDER[dtype] > KIND_ORDER[out.dtype]) {
    throw new DTypeError(`${fn}: cannot cast the ${dtype} result to out's dtype ${out.dtype} with casting rule 'same_kind'; compute into a ${dtype} array, or cast explicitly with astype("${out.dtype}")`);
  }
  return new NDArray(allocate(dtype, out.size), shape, dtype);
}

/** Copy the result into the caller's `out` when it was computed in a temporary of another dtype. */
function finish(result: NDArray, out?: NDArray): NDArray {
  if (out === undefined || out === result) return result;
  copyStrided(result.shape, result, out);
  return out;
}

/** An input that shares memory with `out` in another layout is copied first (so a[1:] = a[:-1] + 1 is right). */
function guardOverlap(a: NDArray, out: NDArray | undefined): NDArray {
  if (out === undefined || a.data !== out.data) return a;
  if (a.offset === out.offset && shapesEqual(a.shape, out.shape) && a.strides.every((s, i) => s === out.strides[i])) return a;
  return a.copy();
}

// ------------------------------------------------------------------ binary ufuncs

interface BinaryDef {
  name: string;
  /** The dedicated-loop code, for the four arithmetic operators. */
  op?: Op;
  /** The scalar function on floats (and on ints, unless `int` is given). */
  f: Binary;
  /** int32 version (wrapping multiply, floor division by 0 = 0, …). */
  int?: Binary;
  /** bool version; when absent, bool inputs loop in int32. */
  bool?: Binary | "error";
  complex?: ComplexBinary;
  /** Loop dtype from the promoted input dtype (default: the promoted dtype itself). */
  loop?: (t: DType) => DType;
  /** Output dtype from the loop dtype (default: the loop dtype). */
  out?: (t: DType) => DType;
}

const floatLoop = (t: DType): DType => (t === "int32" || t === "bool" ? "float64" : t);
const boolOut = (): DType => "bool";

function makeBinary(def: BinaryDef) {
  return function ufunc(x: ArrayInput, y: ArrayInput, options: UfuncOptions = {}): NDArray {
    const fn = def.name;
    checkUfuncOptions(fn, options);
    const a = toInput(x, fn);
    const b = toInput(y, fn);
    let loop = resultType([a, b].map((o): TypeOperand => ({ dtype: o.array.dtype, scalar: o.scalar })));
    if (def.loop) loop = def.loop(loop);
    if (loop === "bool" && def.bool === "error") {
      throw new DTypeError(`${fn}: not supported for bool operands; use logicalXor/logicalNot or cast with astype("int32")`);
    }
    if (loop === "bool" && def.bool === undefined) loop = "int32";
    if (loop === "complex128" && !def.complex) throw new DTypeError(`${fn}: not supported for complex128 operands`);
    const outType = def.out ? def.out(loop) : loop;
    const shape = broadcastOperandShapes(fn, [a.array.shape, b.array.shape]);
    const A = guardOverlap(a.array.dtype === loop ? a.array : a.array.astype(loop), options.out);
    const B = guardOverlap(b.array.dtype === loop ? b.array : b.array.astype(loop), options.out);
    const result = prepareOut(fn, shape, outType, options.out);
    if (loop === "complex128") {
      mapComplexBinary(shape, readAs(A, shape), readAs(B, shape), result, outType === "complex128", def.complex!);
    } else {
      const f = loop === "int32" ? (def.int ?? def.f) : loop === "bool" ? (def.bool as Binary) : def.f;
      // the dedicated loops are exact for floats; ints and bools go through f (wrapping, logic)
      const op = loop === "float64" || loop === "float32" ? (def.op ?? Op.Generic) : Op.Generic;
      mapBinary(shape, readAs(A, shape), readAs(B, shape), result, op, f);
    }
    return finish(result, options.out);
  };
}

/** NumPy's npy_divmod for floats: floor division q and remainder r with a = q·b + r, r of b's sign. */
function floorDivideScalar(a: number, b: number): number {
  if (b === 0) return a / b;
  const mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0 && b < 0 !== mod < 0) div -= 1;
  if (div === 0) return a / b < 0 || Object.is(a / b, -0) ? -0 : 0; // copysign(0, a/b)
  const floordiv = Math.floor(div);
  return div - floordiv > 0.5 ? floordiv + 1 : floordiv;
}

function remainderScalar(a: number, b: number): number {
  if (b === 0) return a % b; // NaN, as fmod
  const mod = a % b;
  if (mod === 0) return b < 0 ? -0 : 0;
  return b < 0 !== mod < 0 ? mod + b : mod;
}

/** Integer power by repeated squaring, wrapping as int32. */
function intPower(a: number, b: number): number {
  if (b < 0) throw new ValueError(`power: integers to negative integer powers are not allowed (exponent ${b})`);
  let result = 1;
  let base = a | 0;
  for (let e = b; e > 0; e >>>= 1) {
    if (e & 1) result = Math.imul(result, base);
    base = Math.imul(base, base);
  }
  return result;
}

// complex helpers: (ar + i·ai) op (br + i·bi)
const cAdd: ComplexBinary = (ar, ai, br, bi, o, k) => {
  o[k] = ar + br;
  o[k + 1] = ai + bi;
};
const cSub: ComplexBinary = (ar, ai, br, bi, o, k) => {
  o[k] = ar - br;
  o[k + 1] = ai - bi;
};
const cMul: ComplexBinary = (ar, ai, br, bi, o, k) => {
  o[k] = ar * br - ai * bi;
  o[k + 1] = ar * bi + ai * br;
};
/** Smith's algorithm: divides without overflow in |b|². */
const cDiv: ComplexBinary = (ar, ai, br, bi, o, k) => {
  if (Math.abs(br) >= Math.abs(bi)) {
    if (br === 0 && bi === 0) {
      o[k] = ar / 0;
      o[k + 1] = ai / 0;
      return;
    }
    const r = bi / br;
    const d = br + bi * r;
    o[k] = (ar + ai * r) / d;
    o[k + 1] = (ai - ar * r) / d;
  } else {
    const r = br / bi;
    const d = bi + br * r;
    o[k] = (ar * r + ai) / d;
    o[k + 1] = (ai * r - ar) / d;
  }
};
const cPow: ComplexBinary = (ar, ai, br, bi, o, k) => {
  if (ar === 0 && ai === 0) {
    o[k] = br === 0 && bi === 0 ? 1 : 0;
    o[k + 1] = 0;
    return;
  }
  // a^b = exp(b·log a)
  const logr = Math.log(Math.hypot(ar, ai));
  const theta = Math.atan2(ai, ar);
  const re = br * logr - bi * theta;
  const im = br * theta + bi * logr;
  const m = Math.exp(re);
  o[k] = m * Math.cos(im);
  o[k + 1] = m * Math.sin(im);
};

export const add = makeBinary({ name: "add", op: Op.Add, f: (x, y) => x + y, bool: (x, y) => (x | y) as number, complex: cAdd });
export const subtract = makeBinary({ name: "subtract", op: Op.Subtract, f: (x, y) => x - y, bool: "error", complex: cSub });
export const multiply = makeBinary({
  name: "multiply",
  op: Op.Multiply,
  f: (x, y) => x * y,
  int: Math.imul,
  bool: (x, y) => (x & y) as number,
  complex: cMul,
});
export const divide = makeBinary({ name: "divide", op: Op.Divide, f: (x, y) => x / y, loop: floatLoop, complex: cDiv });
/** `np.true_divide`, the same as divide. */
export const trueDivide = divide;
export const floorDivide = makeBinary({
  name: "floorDivide",
  f: floorDivideScalar,
  int: (x, y) => (y === 0 ? 0 : Math.floor(x / y)),
});
export const mod = makeBinary({ name: "mod", f: remainderScalar, int: (x, y) => (y === 0 ? 0 : ((x % y) + y) % y) });
const powerGeneral = makeBinary({ name: "power", f: Math.pow, int: intPower, complex: cPow });

/**
 * `np.power(x, p)`, x to the power p element-wise (`x ** p`).
 *
 * Fast path: a float64/float32 array to a scalar exponent in {2, 0.5, 1, −1, 0} runs a unary
 * loop instead of Math.pow per element, as NumPy's fast_scalar_power does for `x ** p`
 * (number.c: square, sqrt, positive, reciprocal, ones_like), and each gives NumPy 2.4's
 * np.power bit for bit: x·x is the correctly rounded square; x^0.5 is √x, also at −0 (−0)
 * and −∞ (NaN), where NumPy 2 follows sqrt rather than C's pow (+0, +∞); x^−1 = 1/x
 * correctly rounded; x^1 = x; x^0 = 1, NaN included. Other exponents take the general loop
 * (3 among them: x·x·x rounds twice, pow once, and NumPy calls pow).
 */
export function power(x: ArrayInput, y: ArrayInput, options: UfuncOptions = {}): NDArray {
  if (typeof y === "number" && x instanceof NDArray && x.ndim > 0 && (x.dtype === "float64" || x.dtype === "float32")) {
    const fast = POWER_FAST.get(y);
    if (fast !== undefined) return fast(x, options);
  }
  return powerGeneral(x, y, options);
}

/** The unary loops standing in for power(x, p) at the exponents NumPy special-cases (see power). */
const POWER_FAST: ReadonlyMap<number, (x: ArrayInput, options?: UfuncOptions) => NDArray> = new Map([
  [2, makeUnary({ name: "power", f: (x) => x * x, op: UnaryOp.Square })],
  [0.5, makeUnary({ name: "power", f: Math.sqrt, op: UnaryOp.Sqrt })],
  [1, makeUnary({ name: "power", f: (x) => x, op: UnaryOp.Copy })],
  [-1, makeUnary({ name: "power", f: (x) => 1 / x, op: UnaryOp.Reciprocal })],
  [0, makeUnary({ name: "power", f: () => 1 })],
]);
// maximum/minimum: NaN on either side wins; of two equal values (−0 and +0) the second is
// returned, as NumPy 2.4 does on x86 (maxpd/minpd; `np.maximum(-0.0, 0.0)` is 0.0)
export const maximum = makeBinary({
  name: "maximum",
  f: (x, y) => (x > y || x !== x ? x : y),
  bool: (x, y) => (x | y) as number,
});
export const minimum = makeBinary({
  name: "minimum",
  f: (x, y) => (x < y || x !== x ? x : y),
  bool: (x, y) => (x & y) as number,
});
export const arctan2 = makeBinary({ name: "arctan2", f: Math.atan2, loop: floatLoop });
export const hypot = makeBinary({ name: "hypot", f: Math.hypot, loop: floatLoop });

const cEq: ComplexBinary = (ar, ai, br, bi, o, k) => {
  o[k] = ar === br && ai === bi ? 1 : 0;
};
const cNe: ComplexBinary = (ar, ai, br, bi, o, k) => {
  o[k] = ar !== br || ai !== bi ? 1 : 0;
};
export const equal = makeBinary({ name: "equal", f: (x, y) => (x === y ? 1 : 0), bool: (x, y) => (x === y ? 1 : 0), out: boolOut, complex: cEq });
export const notEqual = makeBinary({ name: "notEqual", f: (x, y) => (x !== y ? 1 : 0), bool: (x, y) => (x !== y ? 1 : 0), out: boolOut, complex: cNe });
export const less = makeBinary({ name: "less", f: (x, y) => (x < y ? 1 : 0), bool: (x, y) => (x < y ? 1 : 0), out: boolOut });
export const lessEqual = makeBinary({ name: "lessEqual", f: (x, y) => (x <= y ? 1 : 0), bool: (x, y) => (x <= y ? 1 : 0), out: boolOut });
export const greater = makeBinary({ name: "greater", f: (x, y) => (x > y ? 1 : 0), bool: (x, y) => (x > y ? 1 : 0), out: boolOut });
export const greaterEqual = makeBinary({ name: "greaterEqual", f: (x, y) => (x >= y ? 1 : 0), bool: (x, y) => (x >= y ? 1 : 0), out: boolOut });

const truthy = (x: number): boolean => x !== 0;
const cTruth = (ar: number, ai: number): boolean => ar !== 0 || ai !== 0;
export const logicalAnd = makeBinary({
  name: "logicalAnd",
  f: (x, y) => (truthy(x) && truthy(y) ? 1 : 0),
  bool: (x, y) => (x & y) as number,
  out: boolOut,
  complex: (ar, ai, br, bi, o, k) => {
    o[k] = cTruth(ar, ai) && cTruth(br, bi) ? 1 : 0;
  },
});
export const logicalOr = makeBinary({
  name: "logicalOr",
  f: (x, y) => (truthy(x) || truthy(y) ? 1 : 0),
  bool: (x, y) => (x | y) as number,
  out: boolOut,
  complex: (ar, ai, br, bi, o, k) => {
    o[k] = cTruth(ar, ai) || cTruth(br, bi) ? 1 : 0;
  },
});
export const logicalXor = makeBinary({
  name: "logicalXor",
  f: (x, y) => (truthy(x) !== truthy(y) ? 1 : 0),
  bool: (x, y) => (x ^ y) as number,
  out: boolOut,
  complex: (ar, ai, br, bi, o, k) => {
    o[k] = cTruth(ar, ai) !== cTruth(br, bi) ? 1 : 0;
  },
});

/** `np.remainder`, the same as mod. */
export const remainder = mod;

// ------------------------------------------------------------------ unary ufuncs

interface UnaryDef {
  name: string;
  f: Unary;
  /** The dedicated float64 loop when f is one of kernels' UnaryOp operators (square, sqrt, …). */
  op?: UnaryOp;
  int?: Unary;
  bool?: Unary | "error";
  complex?: ComplexUnary;
  /** dtype of the complex result: complex128 (default) or float64 (abs, angle, real, imag). */
  complexOut?: DType;
  loop?: (t: DType) => DType;
  out?: (t: DType) => DType;
}

function makeUnary(def: UnaryDef) {
  return function ufunc(x: ArrayInput, options: UfuncOptions = {}): NDArray {
    const fn = def.name;
    checkUfuncOptions(fn, options);
    const a = toInput(x, fn).array;
    let loop: DType = def.loop ? def.loop(a.dtype) : a.dtype;
    if (loop === "bool" && def.bool === "error") throw new DTypeError(`${fn}: not supported for bool input; cast with astype("int32") first`);
    if (loop === "bool" && def.bool === undefined) loop = "int32";
    if (loop === "complex128" && !def.complex) throw new DTypeError(`${fn}: not supported for complex128 input`);
    const outType = loop === "complex128" ? (def.complexOut ?? "complex128") : def.out ? def.out(loop) : loop;
    const A = guardOverlap(a.dtype === loop ? a : a.astype(loop), options.out);
    const result = prepareOut(fn, A.shape.slice(), outType, options.out);
    if (loop === "complex128") mapComplexUnary(A.shape, A, result, outType === "complex128", def.complex!);
    else mapUnary(A.shape, A, result, loop === "int32" ? (def.int ?? def.f) : loop === "bool" ? (def.bool as Unary) : def.f, loop === "float64" ? (def.op ?? UnaryOp.Generic) : UnaryOp.Generic);
    return finish(result, options.out);
  };
}

/** Round half to even, as NumPy's rint. */
function rintScalar(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

// complex unary helpers
const cExp: ComplexUnary = (ar, ai, o, k) => {
  const m = Math.exp(ar);
  o[k] = ai === 0 ? m : m * Math.cos(ai);
  o[k + 1] = ai === 0 ? ai : m * Math.sin(ai);
};
const cLog: ComplexUnary = (ar, ai, o, k) => {
  o[k] = Math.log(Math.hypot(ar, ai));
  o[k + 1] = Math.atan2(ai, ar);
};
/** Principal square root, computed without cancellation (Kahan). */
const cSqrt: ComplexUnary = (ar, ai, o, k) => {
  if (ar === 0 && ai === 0) {
    o[k] = 0;
    o[k + 1] = ai;
    return;
  }
  const t = Math.sqrt((Math.abs(ar) + Math.hypot(ar, ai)) / 2);
  if (ar >= 0) {
    o[k] = t;
    o[k + 1] = ai / (2 * t);
  } else {
    o[k] = Math.abs(ai) / (2 * t);
    o[k + 1] = ai < 0 || Object.is(ai, -0) ? -t : t;
  }
};

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
export const square = makeUnary({ name: "square", f: (x) => x * x, op: UnaryOp.Square, int: (x) => Math.imul(x, x), complex: (ar, ai, o, k) => cMul(ar, ai, ar, ai, o, k) });
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

// ------------------------------------------------------------------ the rest

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

export interface ClipOptions extends UfuncOptions {
  /** Lower bound (null or absent: none). */
  min?: ArrayInput | null;
  /** Upper bound (null or absent: none). */
  max?: ArrayInput | null;
}

/**
 * `np.clip(a, min, max)` (also `a.clip(min, max)`): `minimum(maximum(a, min), max)`, with
 * broadcasting and promotion (an int32 array clipped to 1.5 gives float64). Either bound may
 * be null (none); with both null the values come back unchanged, as in NumPy 2. NaN in a or in
 * a bound propagates; where min > max the result is max. Called as `clip(a, min, max)`,
 * `clip(a, min, max, { out })` or `clip(a, { min, max, out })`.
 *
 * @throws ValueError an unknown option
 * @example np.clip([-2, 0.5, 3], 0, 1).toArray() // [0, 0.5, 1]
 */
export function clip(a: ArrayInput, min?: ArrayInput | null | ClipOptions, max?: ArrayInput | null, options?: UfuncOptions): NDArray {
  const fn = "clip";
  let opts: ClipOptions;
  if (min !== null && typeof min === "object" && !(min instanceof NDArray) && !Array.isArray(min)) {
    if (max !== undefined || options !== undefined) throw new ValueError(`${fn}: pass min and max either positionally or in the options object, not both`);
    opts = checkOptions(fn, min as ClipOptions, ["min", "max", "out"]);
  } else {
    opts = { ...checkOptions(fn, options, ["out"]), min: min as ArrayInput | null | undefined, max };
  }
  let r = toInput(a, fn).array;
  if (opts.min === undefined || opts.min === null) {
    if (opts.max === undefined || opts.max === null) return finish(r.copy(), opts.out);
  } else r = maximum(r, opts.min);
  if (opts.max !== undefined && opts.max !== null) r = minimum(r, opts.max);
  return finish(r, opts.out);
}

/**
 * `np.where(condition, x, y)`: x where condition is true, else y; all three broadcast.
 * The result dtype promotes x and y.
 *
 * `np.where(condition)` with one argument is `nonzero(condition)`: one int32 index array per
 * axis (a JS array of them). Giving only one of x and y throws, as in NumPy.
 */
export function where(condition: ArrayInput): NDArray[];
export function where(condition: ArrayInput, x: ArrayInput, y: ArrayInput): NDArray;
export function where(condition: ArrayInput, x?: ArrayInput, y?: ArrayInput): NDArray | NDArray[] {
  if (x === undefined && y === undefined) return nonzero(condition);
  if (x === undefined || y === undefined) throw new ValueError(`where: either both or neither of x and y should be given, got ${x === undefined ? "y" : "x"} only`);
  const c = toInput(condition, "where").array;
  const a = toInput(x, "where");
  const b = toInput(y, "where");
  const dtype = resultType([a, b].map((o) => ({ dtype: o.array.dtype, scalar: o.scalar })));
  const shape = broadcastOperandShapes("where", [c.shape, a.array.shape, b.array.shape]);
  const A = a.array.dtype === dtype ? a.array : a.array.astype(dtype);
  const B = b.array.dtype === dtype ? b.array : b.array.astype(dtype);
  const out = new NDArray(allocate(dtype, shape.reduce((p, d) => p * d, 1)), shape, dtype);
  const C = readAs(c, shape);
  const sA = readAs(A, shape);
  const sB = readAs(B, shape);
  const w = dtype === "complex128" ? 2 : 1;
  const cw = c.dtype === "complex128" ? 2 : 1;
  const [cd, ad, bd, od] = [c.data, A.data, B.data, out.data];
  forEachRun(shape, [C.strides, sA.strides, sB.strides, out.strides], [C.offset, sA.offset, sB.offset, out.offset], (pos, n, step) => {
    let [ci, ai, bi, oi] = pos;
    for (let k = 0; k < n; k++, ci += step[0], ai += step[1], bi += step[2], oi += step[3]) {
      const take = cd[cw * ci] !== 0 || (cw === 2 && cd[cw * ci + 1] !== 0);
      const src = take ? ad : bd;
      const si = take ? ai : bi;
      for (let s = 0; s < w; s++) od[w * oi + s] = src[w * si + s];
    }
  });
  return out;
}
