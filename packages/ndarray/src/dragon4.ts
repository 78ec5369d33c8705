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

/**
 * The Dragon4 digit loop: digits of v = mantissa · 2^exponent and the exponent of the first.
 * In named stages: 1. scaleToFirstDigit (v = value/scale with the margins, scaled by a power
 * of ten so that the first digit comes next); 2. cutoffExponents (where digits must stop and
 * where they may); 3. uniqueDigits or exactDigits (the digit loop); 4. roundLastDigit.
 */
function dragon4(d: Decomposed, opt: DigitOptions): { digits: string; exponent: number } {
  if (d.mantissa === 0n) return { digits: "0", exponent: 0 };
  const isEven = d.mantissa % 2n === 0n;
  const S = scaleToFirstDigit(d, opt);
  const { cutoffMaxExponent, cutoffMinExponent } = cutoffExponents(S.digitExponent, opt);
  let outExponent = S.digitExponent - 1;
  const out: number[] = [];
  const last = opt.unique ? uniqueDigits(S, isEven, cutoffMinExponent, cutoffMaxExponent, out) : exactDigits(S, cutoffMaxExponent, out);
  outExponent += roundLastDigit(out, last, S);
  return { digits: out.join(""), exponent: outExponent };
}

/**
 * Dragon4's exact state: v = value/scale, the margins M⁻ = marginLow/scale and
 * M⁺ = marginHigh/scale (marginHigh = factor·marginLow), and the base-10 exponent of the next
 * digit. Every step multiplies value and the margins by 10.
 */
interface DigitState {
  value: bigint;
  scale: bigint;
  marginLow: bigint;
  marginHigh: bigint;
  factor: bigint;
  digitExponent: number;
}

/** The last digit produced (not yet in `out`) and whether rounding it down (low) or up (high) reads back as v. */
interface LastDigit {
  digit: number;
  low: boolean;
  high: boolean;
}

/**
 * Stage 1: v as value/scale with its margins, then divided by 10^k so that v/10^k ∈ [1/10, 1):
 * the next digit is the first. digitExponent ends as k + 1 (the exponent of the first digit + 1).
 */
function scaleToFirstDigit(d: Decomposed, opt: DigitOptions): DigitState {
  const { mantissa, exponent, mantissaBit, unequalMargins } = d;
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
  return { value, scale, marginLow, marginHigh, factor, digitExponent };
}

/** Stage 2: exponents of the last digit allowed (cutoffMax) and of the last one required (cutoffMin). */
function cutoffExponents(digitExponent: number, opt: DigitOptions): { cutoffMaxExponent: number; cutoffMinExponent: number } {
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
  return { cutoffMaxExponent, cutoffMinExponent };
}

/**
 * Stage 3, unique mode: digits into `out` until the remainder is within the margins (and at
 * least cutoffMin's digits are out) or the cutoff is reached; returns the last digit, not pushed.
 */
function uniqueDigits(S: DigitState, isEven: boolean, cutoffMinExponent: number, cutoffMaxExponent: number, out: number[]): LastDigit {
  let digit: number;
  let low = false;
  let high = false;
  for (;;) {
    S.digitExponent -= 1;
    // d = ⌊value / scale⌋, remainder r = value − d·scale
    digit = Number(S.value / S.scale);
    S.value %= S.scale;
    // stop when r is within the margins: rounding down (low) or up (high) still reads back as v
    const cmpLow = S.value - S.marginLow;
    const cmpHigh = S.value + S.marginHigh - S.scale;
    low = isEven ? cmpLow <= 0n : cmpLow < 0n;
    high = isEven ? cmpHigh >= 0n : cmpHigh > 0n;
    if (((low || high) && S.digitExponent <= cutoffMinExponent) || S.digitExponent === cutoffMaxExponent) break;
    out.push(digit);
    S.value *= 10n;
    S.marginLow *= 10n;
    S.marginHigh = S.marginLow * S.factor;
  }
  return { digit, low, high };
}

/** Stage 3, exact mode: v's own digits into `out` until the remainder is 0 or the cutoff; returns the last digit, not pushed. */
function exactDigits(S: DigitState, cutoffMaxExponent: number, out: number[]): LastDigit {
  let digit: number;
  for (;;) {
    S.digitExponent -= 1;
    digit = Number(S.value / S.scale);
    S.value %= S.scale;
    if (S.value === 0n || S.digitExponent === cutoffMaxExponent) break;
    out.push(digit);
    S.value *= 10n;
  }
  return { digit, low: false, high: false };
}

/**
 * Stage 4: round the last digit and push it: down if only rounding down reads back; otherwise
 * to nearest, r vs 1/2, ties to the even digit. Returns 1 when a carry through all nines made
 * the number one digit longer (the exponent grows by one), else 0.
 */
function roundLastDigit(out: number[], lastDigit: LastDigit, S: DigitState): number {
  const { digit, low, high } = lastDigit;
  let roundDown = low;
  if (low === high) {
    const twice = 2n * S.value;
    roundDown = twice < S.scale;
    if (twice === S.scale) roundDown = (digit & 1) === 0;
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
        return 1;
      }
      const last = out.pop() as number;
      if (last !== 9) {
        out.push(last + 1);
        break;
      }
    }
  }
  return 0;
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
