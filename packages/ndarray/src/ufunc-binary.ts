/**
 * The binary ufuncs: arithmetic (add … power), maximum/minimum, arctan2/hypot, the comparisons
 * and the logical operators, each `f(x, y, { out })` with broadcasting and NumPy's promotion
 * (the machinery is ufunc-core.ts; complex kernels complex-scalar.ts).
 *
 * Integer semantics: int32 arithmetic wraps as C does; floor division and remainder by 0
 * give 0 (NumPy warns and gives 0); `power` of integers to a negative integer power throws.
 * Bool: `add` is logical or, `multiply` logical and, `subtract` throws as in NumPy.
 * Floor division and remainder of floats follow NumPy's npy_divmod:
 *
 *   a = q·b + r,   q = floor(a / b) (rounded from the exact fmod),   r has b's sign
 *
 * Reference: NumPy's umath loops (numpy/core/src/umath/loops*.c.src, npy_math's npy_divmod).
 */
import { ValueError } from "./errors.js";
import { Op, UnaryOp } from "./kernels/elementwise.js";
import { NDArray } from "./ndarray.js";
import { cAdd, cDiv, cEq, cMul, cNe, cPow, cSub } from "./complex-scalar.js";
import { boolOut, floatLoop, makeBinary, makeUnary, type ArrayInput, type UfuncOptions } from "./ufunc-core.js";

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
