/**
 * Dragon4: exact decimal digits of a binary floating-point number, as NumPy prints them.
 *
 * A finite float is v = m · 2^e (m the integer significand). Dragon4 writes v as decimal
 * digits d_1 d_2 … d_n with v ≈ 0.d_1…d_n · 10^(k+1), generating one digit per step by exact
 * integer arithmetic on  v = value / scale  (both BigInts):
 *
 *   d_i = ⌊10 · r_{i-1}⌋,   r_i = 10 · r_{i-1} − d_i      (r_0 = v / 10^(k+1))
 *
 * Two modes:
 * - **unique** (Steele & White; Burger & Dybvig): stop as soon as the digits so far identify v
 *   among its neighbours, i.e. once the remainder is within the rounding margins
 *   M⁻ = (v − v⁻)/2 and M⁺ = (v⁺ − v)/2 (they differ when m is a power of two: the gap below
 *   is half the gap above). This is the shortest string that reads back as v;
 * - **exact**: keep producing the digits of v itself until a cutoff.
 *
 * Either mode can be cut off after a number of digits (in total, or after the decimal point);
 * the last digit is then rounded by comparing the remainder with 1/2, ties to even digit.
 * `cutoffMin` forces at least that many digits even when fewer identify v (NumPy's
 * `min_digits`; the extra digits are v's own, so a float32 0.1 gives 0.100000001…).
 *
 * On exit: `digits` holds d_1…d_n (no leading zeros unless a fraction cutoff clamped the
 * first digit's position, in which case the one digit may be 0), `exponent` is k, the
 * base-10 exponent of d_1. Invariant: every printed string reads back as v when not cut off.
 *
 * `formatPositional` and `formatScientific` then place the point, trim or pad zeros and pad
 * with spaces, as NumPy's `np.format_float_positional` / `np.format_float_scientific`.
 *
 * References: G. L. Steele and J. L. White, "How to Print Floating-Point Numbers Accurately",
 * PLDI 1990; R. G. Burger and R. K. Dybvig, "Printing Floating-Point Numbers Quickly and
 * Accurately", PLDI 1996; NumPy 1.24 `numpy/core/src/multiarray/dragon4.c` (Ryan Juckett's
 * Dragon4 with NumPy's cutoff and min-digits changes), whose decisions this file reproduces
 * step for step so that every digit matches NumPy's.
 */
import { ValueError } from "./errors.js";
import { checkBool, checkInt, checkNumber, checkOneOf, checkOptions, rejectBigInt } from "./validate.js";

/** How to trim the digits NumPy's way: `k` keep, `.` trim zeros keep the point, `0` leave one zero, `-` trim zeros and point. */
export type TrimMode = "k" | "." | "0" | "-";

/** A float decomposed as v = mantissa · 2^exponent. */
interface Decomposed {
  negative: boolean;
  mantissa: bigint;
  exponent: number;
  /** Index of the highest set bit of the mantissa. */
  mantissaBit: number;
  /** True when the gap to the next float above is twice the gap below (m a power of two). */
  unequalMargins: boolean;
}

const f64 = new Float64Array(1);
const f64Bits = new BigUint64Array(f64.buffer);
const f32 = new Float32Array(1);
const f32Bits = new Uint32Array(f32.buffer);

/** IEEE binary64 / binary32 fields of a finite x (float32: x must already be a float32 value). */
function decompose(x: number, float32: boolean): Decomposed {
  let mantissaField: bigint;
  let exponentField: number;
  let negative: boolean;
  let mantBits: number;
  let bias: number;
  if (float32) {
    f32[0] = x;
    const bits = f32Bits[0];
    negative = bits >>> 31 === 1;
    exponentField = (bits >>> 23) & 0xff;
    mantissaField = BigInt(bits & 0x7fffff);
    mantBits = 23;
    bias = 127;
  } else {
    f64[0] = x;
    const bits = f64Bits[0];
    negative = bits >> 63n === 1n;
    exponentField = Number((bits >> 52n) & 0x7ffn);
    mantissaField = bits & 0xfffffffffffffn;
    mantBits = 52;
    bias = 1023;
  }
  if (exponentField !== 0) {
    // normal: v = (2^p + f) · 2^(E − bias − p)
    return {
      negative,
      mantissa: (1n << BigInt(mantBits)) | mantissaField,
      exponent: exponentField - bias - mantBits,
      mantissaBit: mantBits,
      unequalMargins: exponentField !== 1 && mantissaField === 0n,
    };
  }
  // subnormal: v = f · 2^(1 − bias − p)
  return {
    negative,
    mantissa: mantissaField,
    exponent: 1 - bias - mantBits,
    mantissaBit: mantissaField === 0n ? 0 : mantissaField.toString(2).length - 1,
    unequalMargins: false,
  };
}

interface DigitOptions {
  unique: boolean;
  /** "fraction": cutoffs count digits after the decimal point; "total": significant digits. */
  cutoffMode: "fraction" | "total";
  /** Stop after this many digits (-1: no cutoff). */
  cutoffMax: number;
  /** In unique mode, print at least this many digits (-1: no minimum). */
  cutoffMin: number;
}

/** Generous stand-in for NumPy's output buffer (16 kB): a cutoff no real call reaches. */
const BUFFER_DIGITS = 16384;
const LOG10_2 = 0.30102999566398119521373889472449;

/** The Dragon4 digit loop: digits of v = mantissa · 2^exponent and the exponent of the first. */
function dragon4(d: Decomposed, opt: DigitOptions): { digits: string; exponent: number } {
  const { mantissa, exponent, mantissaBit, unequalMargins } = d;
  if (mantissa === 0n) return { digits: "0", exponent: 0 };
  const isEven = mantissa % 2n === 0n;

  // v = value/scale; the margins M⁻ = marginLow/scale, M⁺ = marginHigh/scale are half the gaps
  // to the neighbouring floats. Everything carries an extra factor 2 (4 with unequal margins)
  // so that the half-gaps are integers.
  let value: bigint;
  let scale: bigint;
  let marginLow: bigint;
  const factor = unequalMargins ? 2n : 1n;
  if (exponent > 0) {
    value = mantissa << BigInt(exponent + (unequalMargins ? 2 : 1));
    scale = unequalMargins ? 4n : 2n;
    marginLow = 1n << BigInt(exponent);
  } else {
    value = mantissa << (unequalMargins ? 2n : 1n);
    scale = 1n << BigInt(-exponent + (unequalMargins ? 2 : 1));
    marginLow = 1n;
  }
  let marginHigh = marginLow * factor;

  // Estimate k + 1 = ⌊log10 v⌋ + 1, correct or one too low (Burger & Dybvig's estimate, offset
  // by 0.69 as Juckett does).
  let digitExponent = Math.ceil((mantissaBit + exponent) * LOG10_2 - 0.69);
  // A fraction cutoff below the first digit: start at the cutoff instead (the digit may be 0).
  if (opt.cutoffMax >= 0 && opt.cutoffMode === "fraction" && digitExponent <= -opt.cutoffMax) {
    digitExponent = -opt.cutoffMax + 1;
  }
  // Divide v by 10^digitExponent.
  if (digitExponent > 0) {
    scale *= 10n ** BigInt(digitExponent);
  } else if (digitExponent < 0) {
    const p = 10n ** BigInt(-digitExponent);
    value *= p;
    marginLow *= p;
    marginHigh = marginLow * factor;
  }
  // v / 10^digitExponent >= 1: the estimate was one too low.
  if (value >= scale) {
    digitExponent += 1;
  } else {
    value *= 10n;
    marginLow *= 10n;
    marginHigh = marginLow * factor;
  }

  // Exponents of the last digit allowed (cutoffMax) and of the last one required (cutoffMin).
  let cutoffMaxExponent = digitExponent - BUFFER_DIGITS;
  if (opt.cutoffMax >= 0) {
    const desired = opt.cutoffMode === "total" ? digitExponent - opt.cutoffMax : -opt.cutoffMax;
    if (desired > cutoffMaxExponent) cutoffMaxExponent = desired;
  }
  let cutoffMinExponent = digitExponent;
  if (opt.cutoffMin >= 0) {
    const desired = opt.cutoffMode === "total" ? digitExponent - opt.cutoffMin : -opt.cutoffMin;
    if (desired < cutoffMinExponent) cutoffMinExponent = desired;
  }
  let outExponent = digitExponent - 1;

  const out: number[] = [];
  let digit: number;
  let low = false;
  let high = false;
  if (opt.unique) {
    for (;;) {
      digitExponent -= 1;
      // d = ⌊value / scale⌋, remainder r = value − d·scale
      digit = Number(value / scale);
      value %= scale;
      // stop when r is within the margins: rounding down (low) or up (high) still reads back as v
      const cmpLow = value - marginLow;
      const cmpHigh = value + marginHigh - scale;
      low = isEven ? cmpLow <= 0n : cmpLow < 0n;
      high = isEven ? cmpHigh >= 0n : cmpHigh > 0n;
      if (((low || high) && digitExponent <= cutoffMinExponent) || digitExponent === cutoffMaxExponent) break;
      out.push(digit);
      value *= 10n;
      marginLow *= 10n;
      marginHigh = marginLow * factor;
    }
  } else {
    for (;;) {
      digitExponent -= 1;
      digit = Number(value / scale);
      value %= scale;
      if (value === 0n || digitExponent === cutoffMaxExponent) break;
      out.push(digit);
      value *= 10n;
    }
  }

  // Round the last digit: down if only rounding down reads back; otherwise to nearest, r vs 1/2,
  // ties to the even digit.
  let roundDown = low;
  if (low === high) {
    const twice = 2n * value;
    roundDown = twice < scale;
    if (twice === scale) roundDown = (digit & 1) === 0;
  }
  if (roundDown) {
    out.push(digit);
  } else if (digit < 9) {
    out.push(digit + 1);
  } else {
    // carry: drop trailing 9s and increment the first digit that is not a 9 (or emit 1, 10× larger)
    for (;;) {
      if (out.length === 0) {
        out.push(1);
        outExponent += 1;
        break;
      }
      const last = out.pop() as number;
      if (last !== 9) {
        out.push(last + 1);
        break;
      }
    }
  }
  return { digits: out.join(""), exponent: outExponent };
}

// ------------------------------------------------------------------ positional and scientific

/** Options of {@link formatFloatPositional}, NumPy's `np.format_float_positional` keywords. */
export interface PositionalOptions {
  /** Maximum digits after the point (`fractional`) or significant digits; -1 or undefined: no limit. */
  precision?: number;
  /** Shortest digits that identify the value (true), or its exact digits (false, needs `precision`). */
  unique?: boolean;
  /** `precision` and `minDigits` count digits after the point (true) or significant digits. */
  fractional?: boolean;
  trim?: TrimMode;
  /** Show "+" on positive values. */
  sign?: boolean;
  /** Pad with spaces to at least this many characters left of the point. */
  padLeft?: number;
  /** Pad with spaces to at least this many characters right of the point. */
  padRight?: number;
  /** With `unique`, print at least this many digits. */
  minDigits?: number;
  /** Read `x` as a float32 (its shortest digits are those of the float32 value). */
  float32?: boolean;
}

/** Options of {@link formatFloatScientific}, NumPy's `np.format_float_scientific` keywords. */
export interface ScientificOptions {
  precision?: number;
  unique?: boolean;
  trim?: TrimMode;
  sign?: boolean;
  padLeft?: number;
  /** Pad the exponent with zeros to at least this many digits (default 2). */
  expDigits?: number;
  minDigits?: number;
  float32?: boolean;
}

/** NumPy's text for nan and ±inf (the Dragon4 entry points print these without Dragon4). */
function nonFinite(x: number, sign: boolean): string {
  if (Number.isNaN(x)) return "nan";
  return x < 0 ? "-inf" : sign ? "+inf" : "inf";
}

/**
 * The most digits or padding the entry points accept: NumPy's Dragon4 buffer (16384
 * characters); larger values could only build strings too long to allocate.
 */
const MAX_DIGITS = 16384;

const POSITIONAL_OPTIONS = ["precision", "unique", "fractional", "trim", "sign", "padLeft", "padRight", "minDigits", "float32"] as const;
const SCIENTIFIC_OPTIONS = ["precision", "unique", "trim", "sign", "padLeft", "expDigits", "minDigits", "float32"] as const;

/**
 * The checks shared by both entry points: the argument count, `x` a number, the options a
 * plain object of known keys, each option of its type and range (-1 or absent: not given).
 */
function checkFormatArgs(fn: string, count: number, x: unknown, options: unknown, allowed: readonly string[]): void {
  if (count > 2) throw new ValueError(`${fn}: takes 2 arguments (x, options), got ${count}`);
  rejectBigInt(fn, "x", x);
  checkNumber(fn, "x", x, { allowNaN: true });
  const o = checkOptions(fn, options as Record<string, unknown> | undefined, allowed);
  for (const key of ["precision", "padLeft", "padRight", "minDigits", "expDigits"]) {
    if (o[key] !== undefined) checkInt(fn, key, o[key], { min: -1, max: MAX_DIGITS });
  }
  for (const key of ["unique", "fractional", "sign", "float32"]) {
    if (o[key] !== undefined) checkBool(fn, key, o[key]);
  }
  if (o.trim !== undefined) checkOneOf(fn, "trim", o.trim, ["k", ".", "0", "-"]);
}

function checkDigits(opt: { precision?: number; minDigits?: number; unique?: boolean }, fn: string): void {
  const { precision = -1, minDigits = -1, unique = true } = opt;
  if (!unique && precision < 0) throw new ValueError(`${fn}: precision must be given when unique is false`);
  if (minDigits > 0 && precision > 0 && minDigits > precision) {
    throw new ValueError(`${fn}: minDigits must be less than or equal to precision, got minDigits ${minDigits} > precision ${precision}`);
  }
}

/**
 * `np.format_float_positional(x, ...)`: x as `ddd.ddd` with Dragon4's digits.
 *
 * @throws ValueError if `unique` is false without a `precision`, or `minDigits > precision`;
 *   for an `x` that is not a number, an unknown option, or an option of the wrong type or out of
 *   range (integers from -1 to 16384; -1 means not given); DTypeError for a BigInt `x`.
 *
 * @example
 * formatFloatPositional(0.1 + 0.2);                   // "0.30000000000000004"
 * formatFloatPositional(1 / 3, { precision: 4 });     // "0.3333"
 * formatFloatPositional(2, { trim: "-" });            // "2"
 */
export function formatFloatPositional(x: number, options: PositionalOptions = {}): string {
  checkFormatArgs("formatFloatPositional", arguments.length, x, options, POSITIONAL_OPTIONS);
  checkDigits(options, "formatFloatPositional");
  const { precision = -1, unique = true, fractional = true, trim = "k", sign = false, padLeft = -1, padRight = -1, minDigits = -1 } = options;
  if (!fractional && precision === 0) throw new ValueError(`formatFloatPositional: precision must be greater than 0 if fractional is false`);
  if (!Number.isFinite(x)) return nonFinite(x, sign);
  const d = decompose(options.float32 ? Math.fround(x) : x, options.float32 ?? false);
  return positional(d, { unique, cutoffMode: fractional ? "fraction" : "total", cutoffMax: precision, cutoffMin: minDigits }, trim, sign, padLeft, padRight);
}

/** NumPy's `FormatPositional`: place the point, trim or pad zeros, pad with spaces. */
function positional(d: Decomposed, opt: DigitOptions, trim: TrimMode, showPlus: boolean, padLeft: number, padRight: number): string {
  const signChar = d.negative ? "-" : showPlus ? "+" : "";
  const { digits, exponent } = dragon4(d, opt);
  let body: string;
  let wholeDigits: number;
  let fractionDigits: number;
  if (exponent >= 0) {
    wholeDigits = exponent + 1;
    if (digits.length <= wholeDigits) {
      // an integer: zeros up to the point
      body = digits + "0".repeat(wholeDigits - digits.length);
      fractionDigits = 0;
    } else {
      body = digits.slice(0, wholeDigits) + "." + digits.slice(wholeDigits);
      fractionDigits = digits.length - wholeDigits;
    }
  } else {
    // 0.000ddd: -(k + 1) zeros after the point, then the digits
    const zeros = -(exponent + 1);
    body = "0." + "0".repeat(zeros) + digits;
    fractionDigits = zeros + digits.length;
    wholeDigits = 1;
  }
  if (trim !== "-" && fractionDigits === 0) body += ".";

  const addDigits = opt.unique ? opt.cutoffMin : opt.cutoffMax;
  const desiredFraction = opt.cutoffMode === "total" ? addDigits - wholeDigits : Math.max(addDigits, 0);
  if (trim === "0") {
    if (fractionDigits === 0) {
      body += "0";
      fractionDigits += 1;
    }
  } else if (trim === "k" && desiredFraction > fractionDigits) {
    body += "0".repeat(desiredFraction - fractionDigits);
    fractionDigits = desiredFraction;
  }
  // rounding may still leave trailing zeros: trim them as asked
  if (trim !== "k" && fractionDigits > 0) {
    while (body.endsWith("0")) {
      body = body.slice(0, -1);
      fractionDigits -= 1;
    }
    if (body.endsWith(".")) {
      if (trim === "0") {
        body += "0";
        fractionDigits += 1;
      } else if (trim === "-") {
        body = body.slice(0, -1);
      }
    }
  }
  if (padRight >= fractionDigits) {
    if (trim === "-" && fractionDigits === 0) body += " ";
    body += " ".repeat(padRight - fractionDigits);
  }
  const left = padLeft - (wholeDigits + signChar.length);
  return (left > 0 ? " ".repeat(left) : "") + signChar + body;
}

/**
 * `np.format_float_scientific(x, ...)`: x as `d.ddde±XX` with Dragon4's digits.
 *
 * @throws ValueError if `unique` is false without a `precision`, or `minDigits > precision`;
 *   for an `x` that is not a number, an unknown option, or an option of the wrong type or out of
 *   range (integers from -1 to 16384; -1 means not given); DTypeError for a BigInt `x`.
 *
 * @example
 * formatFloatScientific(123456);                      // "1.23456e+05"
 * formatFloatScientific(Math.PI, { precision: 3 });   // "3.142e+00"
 * formatFloatScientific(1e-300, { expDigits: 4 });    // "1.e-0300"
 */
export function formatFloatScientific(x: number, options: ScientificOptions = {}): string {
  checkFormatArgs("formatFloatScientific", arguments.length, x, options, SCIENTIFIC_OPTIONS);
  checkDigits(options, "formatFloatScientific");
  const { precision = -1, unique = true, trim = "k", sign = false, padLeft = -1, expDigits = -1, minDigits = -1 } = options;
  if (!Number.isFinite(x)) return nonFinite(x, sign);
  const d = decompose(options.float32 ? Math.fround(x) : x, options.float32 ?? false);
  return scientific(d, unique, precision, minDigits, trim, sign, padLeft, expDigits);
}

/** NumPy's `FormatScientific`: one digit, the point, the rest, then e±XX. */
function scientific(
  d: Decomposed,
  unique: boolean,
  precision: number,
  minDigits: number,
  trim: TrimMode,
  showPlus: boolean,
  padLeft: number,
  expDigits: number,
): string {
  const signChar = d.negative ? "-" : showPlus ? "+" : "";
  const leftChars = 1 + signChar.length;
  const pad = padLeft > leftChars ? " ".repeat(padLeft - leftChars) : "";
  // precision counts digits after the point, so the total is one more
  const { digits, exponent } = dragon4(d, {
    unique,
    cutoffMode: "total",
    cutoffMax: precision < 0 ? -1 : precision + 1,
    cutoffMin: minDigits < 0 ? -1 : minDigits + 1,
  });
  let body = digits[0];
  let fractionDigits = digits.length - 1;
  if (fractionDigits > 0) body += "." + digits.slice(1);
  if (trim !== "-" && fractionDigits === 0) body += ".";

  const addDigits = Math.max(unique ? minDigits : precision, 0);
  if (trim === "0") {
    if (fractionDigits === 0) {
      body += "0";
      fractionDigits += 1;
    }
  } else if (trim === "k" && addDigits > fractionDigits) {
    body += "0".repeat(addDigits - fractionDigits);
    fractionDigits = addDigits;
  }
  if (trim !== "k" && fractionDigits > 0) {
    while (body.endsWith("0")) {
      body = body.slice(0, -1);
      fractionDigits -= 1;
    }
    if (trim === "0" && body.endsWith(".")) {
      body += "0";
      fractionDigits += 1;
    }
  }
  // the exponent: at least expDigits digits (2 by default, at most 5; a zero exponent has no
  // digits of its own, so expDigits = 0 prints "e+")
  const width = expDigits < 0 ? 2 : Math.min(expDigits, 5);
  const e = (exponent === 0 ? "" : String(Math.abs(exponent))).padStart(width, "0");
  return pad + signChar + body + "e" + (exponent >= 0 ? "+" : "-") + e;
}

// ------------------------------------------------------------------ entry points for print.ts

/** Positional formatting of a finite value with all of NumPy's knobs (used by the array formatter). */
export function dragon4Positional(
  x: number,
  float32: boolean,
  o: { precision: number; minDigits: number; unique: boolean; trim: TrimMode; sign: boolean; padLeft: number; padRight: number },
): string {
  return positional(
    decompose(x, float32),
    { unique: o.unique, cutoffMode: "fraction", cutoffMax: o.precision, cutoffMin: o.minDigits },
    o.trim,
    o.sign,
    o.padLeft,
    o.padRight,
  );
}

/** Scientific formatting of a finite value with all of NumPy's knobs (used by the array formatter). */
export function dragon4Scientific(
  x: number,
  float32: boolean,
  o: { precision: number; minDigits: number; unique: boolean; trim: TrimMode; sign: boolean; padLeft: number; expDigits: number },
): string {
  return scientific(decompose(x, float32), o.unique, o.precision, o.minDigits, o.trim, o.sign, o.padLeft, o.expDigits);
}
