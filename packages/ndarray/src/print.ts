/**
 * Printing arrays as NumPy does: `formatArray(a)` is `repr(a)`, `arrayToString(a)` is `str(a)`.
 *
 *   formatArray(array([[1, 2], [3, 4]], "float64"))   // "array([[1., 2.],\n       [3., 4.]])"
 *   arrayToString(array([[1, 2], [3, 4]], "float64")) // "[[1. 2.]\n [3. 4.]]"
 *
 * Three layers, each a port of NumPy 1.24's `numpy/core/arrayprint.py`:
 *
 * 1. **Digits**: `dragon4.ts` gives each float's shortest round-trip digits (or its exact
 *    digits), cut off at `precision` places, as NumPy's `format_float_positional/scientific`.
 * 2. **One format per array** (`FloatingFormat.fillFormat`): all displayed elements share one
 *    notation and one width. Scientific notation is chosen when, over the finite non-zero
 *    |x|, max ≥ 1e8, or (unless `suppress`) min < 1e-4 or max/min > 1e3. Positional: every
 *    value is printed with at most `precision` decimals, trailing zeros trimmed ("1." for 1.0),
 *    then padded to the widest integer part on the left and the longest fraction on the right.
 *    Scientific: every value gets as many mantissa digits as the longest needs. nan and inf
 *    are right-aligned in the same width. Integers are right-aligned to the widest; booleans
 *    print as " True"/"False"; complex numbers are a real format followed by a signed
 *    imaginary one and "j".
 * 3. **Layout** (`_formatArray`): nested brackets; elements of the last axis separated by
 *    ", " (repr) or " " (str) and wrapped at `linewidth`; k−1 blank lines between blocks of
 *    k-dimensional sub-arrays; when the size exceeds `threshold`, only `edgeitems` leading and
 *    trailing entries of each axis are shown, with "..." between (and only those shown
 *    decide the format).
 *
 * `repr` adds `array(` … `)` and `dtype=…` when the dtype is not implied by the values.
 * NumPy's default integer is int64, which prints without a dtype; Sliderule's int32 stands in
 * for it and prints without one too. float64, complex128 and bool are implied; float32 is not.
 *
 * Print options (`setPrintOptions`, `getPrintOptions`, `withPrintOptions`) are NumPy's
 * `set_printoptions` with its defaults: precision 8, threshold 1000, edgeitems 3,
 * linewidth 75, suppress false, floatmode "maxprec", sign "-", nanstr "nan", infstr "inf".
 *
 * Reference: NumPy 1.24.2 `numpy/core/arrayprint.py` (`array_repr`, `array_str`,
 * `array2string`, `_formatArray`, `FloatingFormat`, `ComplexFloatingFormat`, `IntegerFormat`,
 * `BoolFormat`) and `scalartypes.c.src` (the `str` of a 0-d array is that of its scalar).
 */
import { asarray, type ArrayLike } from "./creation.js";
import type { DType } from "./dtype.js";
import { dragon4Positional, dragon4Scientific, type TrimMode } from "./dragon4.js";
import { ValueError } from "./errors.js";
import { describe, isPlainObject, checkArity } from "./validate.js";
import type { NDArray } from "./ndarray.js";

// ------------------------------------------------------------------ print options

/** How floats are given digits (NumPy's `floatmode`). */
export type FloatMode = "fixed" | "unique" | "maxprec" | "maxprec_equal";

/** NumPy's print options (`np.set_printoptions` keywords; `linewidth` is its `linewidth`). */
export interface PrintOptions {
  /** Digits after the point for floats (default 8). */
  precision: number;
  /** Summarise arrays with more elements than this (default 1000; `Infinity` never). */
  threshold: number;
  /** Entries shown at each end of a summarised axis (default 3). */
  edgeitems: number;
  /** Characters per line before wrapping (default 75). */
  linewidth: number;
  /** Never switch to scientific notation for small values; they round to 0 (default false). */
  suppress: boolean;
  /**
   * "maxprec" (default): at most `precision` decimals, fewer when the value needs fewer;
   * "maxprec_equal": the same count for all, at most `precision`; "fixed": exactly
   * `precision`; "unique": as many as each value needs, ignoring `precision`.
   */
  floatmode: FloatMode;
  /** "-": sign only on negatives (default); "+": always; " ": a space on positives. */
  sign: "-" | "+" | " ";
  nanstr: string;
  infstr: string;
}

const DEFAULTS: Readonly<PrintOptions> = Object.freeze({
  precision: 8,
  threshold: 1000,
  edgeitems: 3,
  linewidth: 75,
  suppress: false,
  floatmode: "maxprec",
  sign: "-",
  nanstr: "nan",
  infstr: "inf",
});

let current: PrintOptions = { ...DEFAULTS };

/** Check a caller's partial options (names the calling function in the message). */
/**
 * The largest `precision` accepted: NumPy's Dragon4 buffer (16384 characters); more could only
 * build strings too long to allocate.
 */
const MAX_PRECISION = 16384;

/** Check a caller's partial options (names the calling function in the message). */
function checkOptions(opts: Partial<PrintOptions>, fn: string): Partial<PrintOptions> {
  // an object literal only: a Map, an array or a class instance is a mistake, not options
  if (!isPlainObject(opts)) throw new ValueError(`${fn}: options must be an object, got ${describe(opts)}`);
  const known = Object.keys(DEFAULTS);
  for (const key of Object.keys(opts)) {
    if (!known.includes(key)) throw new ValueError(`${fn}: unknown print option ${JSON.stringify(key)}; expected one of ${known.join(", ")}`);
  }
  const nonNegInt = (name: "precision" | "edgeitems", v: unknown, max = Number.MAX_SAFE_INTEGER) => {
    if (v === undefined) return;
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0) throw new ValueError(`${fn}: ${name} must be a non-negative integer, got ${describe(v)}`);
    if (v > max) throw new ValueError(`${fn}: ${name} must be at most ${max}, got ${v}`);
  };
  nonNegInt("precision", opts.precision, MAX_PRECISION);
  nonNegInt("edgeitems", opts.edgeitems);
  const { threshold, linewidth, suppress, floatmode, sign, nanstr, infstr } = opts;
  if (threshold !== undefined && (typeof threshold !== "number" || Number.isNaN(threshold))) {
    throw new ValueError(`${fn}: threshold must be a number (Infinity for no summarisation), got ${describe(threshold)}`);
  }
  if (linewidth !== undefined && (typeof linewidth !== "number" || !Number.isInteger(linewidth) || linewidth < 1)) {
    throw new ValueError(`${fn}: linewidth must be a positive integer, got ${describe(linewidth)}`);
  }
  if (suppress !== undefined && typeof suppress !== "boolean") throw new ValueError(`${fn}: suppress must be a boolean, got ${describe(suppress)}`);
  if (floatmode !== undefined && !["fixed", "unique", "maxprec", "maxprec_equal"].includes(floatmode)) {
    throw new ValueError(`${fn}: floatmode must be one of "fixed", "unique", "maxprec", "maxprec_equal", got ${describe(floatmode)}`);
  }
  if (sign !== undefined && !["-", "+", " "].includes(sign)) throw new ValueError(`${fn}: sign must be one of "-", "+", " ", got ${describe(sign)}`);
  if (nanstr !== undefined && typeof nanstr !== "string") throw new ValueError(`${fn}: nanstr must be a string, got ${describe(nanstr)}`);
  if (infstr !== undefined && typeof infstr !== "string") throw new ValueError(`${fn}: infstr must be a string, got ${describe(infstr)}`);
  return opts;
}

/**
 * `np.set_printoptions(...)`: change the options named (the others keep their values).
 *
 * @throws ValueError for an unknown option or a value out of range.
 *
 * @example
 * setPrintOptions({ precision: 3 });
 * formatArray(array([1 / 3]));          // "array([0.333])"
 * setPrintOptions({ precision: 8 });
 */
export function setPrintOptions(options: Partial<PrintOptions>): void {
  checkArity("setPrintOptions", arguments.length, ["options"], 1);
  current = { ...current, ...stripUndefined(checkOptions(options, "setPrintOptions")) };
}

/** `np.get_printoptions()`: a copy of the current options. */
export function getPrintOptions(): PrintOptions {
  return { ...current };
}

/**
 * `with np.printoptions(...):` — run `fn` with the options changed, then restore the previous
 * options (also when `fn` throws). Returns `fn`'s result. `fn` should be synchronous: the
 * options are restored as soon as it returns.
 *
 * @example
 * withPrintOptions({ precision: 2 }, () => formatArray(array([2 / 3]))); // "array([0.67])"
 */
export function withPrintOptions<T>(options: Partial<PrintOptions>, fn: () => T): T {
  checkArity("withPrintOptions", arguments.length, ["options", "fn"], 2);
  const changed = stripUndefined(checkOptions(options, "withPrintOptions"));
  if (typeof fn !== "function") throw new ValueError(`withPrintOptions: fn must be a function to run with the options, got ${describe(fn)}`);
  const saved = current;
  current = { ...current, ...changed };
  try {
    return fn();
  } finally {
    current = saved;
  }
}

function stripUndefined(o: Partial<PrintOptions>): Partial<PrintOptions> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<PrintOptions>;
}

// ------------------------------------------------------------------ element formats

/** Formats one element, addressed by its element offset in the buffer. */
type ElementFormat = (offset: number) => string;

/**
 * NumPy's `FloatingFormat`: one notation, precision and padding for a whole set of values,
 * decided from all of them (`fillFormat`), then applied to each.
 */
class FloatingFormat {
  private readonly float32: boolean;
  private readonly floatmode: FloatMode;
  private readonly suppress: boolean;
  private readonly sign: "-" | "+" | " ";
  private readonly nanstr: string;
  private readonly infstr: string;
  private precision: number;
  private expFormat = false;
  private padLeft = 0;
  private padRight = 0;
  private trim: TrimMode = ".";
  private expSize = -1;
  private unique = true;
  private minDigits = -1;

  constructor(values: readonly number[], float32: boolean, opts: PrintOptions, sign: "-" | "+" | " " = opts.sign) {
    this.float32 = float32;
    this.floatmode = opts.floatmode;
    this.suppress = opts.suppress;
    this.sign = sign;
    this.nanstr = opts.nanstr;
    this.infstr = opts.infstr;
    this.precision = opts.floatmode === "unique" ? -1 : opts.precision;
    this.fillFormat(values);
  }

  private fillFormat(values: readonly number[]): void {
    const finite = values.filter((x) => Number.isFinite(x));
    const plus = this.sign === "+";

    // Scientific notation when the non-zero magnitudes are huge, tiny, or spread over > 3 decades.
    const absNonZero = finite.filter((x) => x !== 0).map(Math.abs);
    if (absNonZero.length > 0) {
      let maxVal = 0;
      let minVal = Infinity;
      for (const v of absNonZero) {
        if (v > maxVal) maxVal = v;
        if (v < minVal) minVal = v;
      }
      // NumPy divides in the array's dtype
      const ratio = this.float32 ? Math.fround(maxVal / minVal) : maxVal / minVal;
      if (maxVal >= 1e8 || (!this.suppress && (minVal < 0.0001 || ratio > 1000))) this.expFormat = true;
    }

    if (finite.length === 0) {
      this.padLeft = 0;
      this.padRight = 0;
      this.trim = ".";
      this.expSize = -1;
      this.unique = true;
      this.minDigits = -1;
    } else if (this.expFormat) {
      // first pass: each value's own digits, to find the longest mantissa and exponent
      const fixed = this.floatmode === "fixed";
      const trim: TrimMode = fixed ? "k" : ".";
      const unique = !fixed;
      let intWidth = 0;
      let fracWidth = 0;
      let expWidth = 0;
      for (const x of finite) {
        const s = dragon4Scientific(x, this.float32, { precision: this.precision, minDigits: -1, unique, trim, sign: plus, padLeft: -1, expDigits: -1 });
        const [mantissa, exp] = s.split("e");
        const [intPart, fracPart = ""] = mantissa.split(".");
        intWidth = Math.max(intWidth, intPart.length);
        fracWidth = Math.max(fracWidth, fracPart.length);
        expWidth = Math.max(expWidth, exp.length);
      }
      this.expSize = expWidth - 1;
      this.trim = "k";
      this.precision = fracWidth;
      this.minDigits = fracWidth;
      this.unique = unique;
      this.padLeft = intWidth;
      this.padRight = this.expSize + 2 + this.precision; // only used to align nan and inf
    } else {
      const fixed = this.floatmode === "fixed";
      const trim: TrimMode = fixed ? "k" : ".";
      const unique = !fixed;
      let intWidth = 0;
      let fracWidth = 0;
      for (const x of finite) {
        const s = dragon4Positional(x, this.float32, { precision: this.precision, minDigits: -1, unique, trim, sign: plus, padLeft: -1, padRight: -1 });
        const [intPart, fracPart = ""] = s.split(".");
        intWidth = Math.max(intWidth, intPart.length);
        fracWidth = Math.max(fracWidth, fracPart.length);
      }
      this.padLeft = intWidth;
      this.padRight = fracWidth;
      this.expSize = -1;
      this.unique = unique;
      if (this.floatmode === "fixed" || this.floatmode === "maxprec_equal") {
        this.precision = this.minDigits = this.padRight;
        this.trim = "k";
      } else {
        this.trim = ".";
        this.minDigits = 0;
      }
    }

    // sign " ": room for the space when no value is negative
    if (this.sign === " " && !finite.some((x) => x < 0 || Object.is(x, -0))) this.padLeft += 1;

    // nan and inf must fit in the same width
    if (finite.length !== values.length) {
      const negInf = this.sign !== "-" || values.some((x) => x === -Infinity);
      const offset = this.padRight + 1; // +1 for the point
      this.padLeft = Math.max(this.padLeft, this.nanstr.length - offset, this.infstr.length + (negInf ? 1 : 0) - offset);
    }
  }

  format(x: number): string {
    const plus = this.sign === "+";
    if (!Number.isFinite(x)) {
      const text = Number.isNaN(x) ? (plus ? "+" : "") + this.nanstr : (x < 0 ? "-" : plus ? "+" : "") + this.infstr;
      return " ".repeat(Math.max(0, this.padLeft + this.padRight + 1 - text.length)) + text;
    }
    if (this.expFormat) {
      return dragon4Scientific(x, this.float32, {
        precision: this.precision,
        minDigits: this.minDigits,
        unique: this.unique,
        trim: this.trim,
        sign: plus,
        padLeft: this.padLeft,
        expDigits: this.expSize,
      });
    }
    return dragon4Positional(x, this.float32, {
      precision: this.precision,
      minDigits: this.minDigits,
      unique: this.unique,
      trim: this.trim,
      sign: plus,
      padLeft: this.padLeft,
      padRight: this.padRight,
    });
  }
}

/** The element format for an array's dtype, fitted to the elements that will be shown. */
function elementFormat(a: NDArray, shown: readonly number[], opts: PrintOptions): ElementFormat {
  const { data, dtype } = a;
  switch (dtype) {
    case "float64":
    case "float32": {
      const f = new FloatingFormat(
        shown.map((o) => data[o]),
        dtype === "float32",
        opts,
      );
      return (o) => f.format(data[o]);
    }
    case "complex128": {
      // real parts with the array's sign option, imaginary parts always signed; "j" goes before
      // the imaginary part's right padding
      const re = new FloatingFormat(
        shown.map((o) => data[2 * o]),
        false,
        opts,
      );
      const im = new FloatingFormat(
        shown.map((o) => data[2 * o + 1]),
        false,
        opts,
        "+",
      );
      return (o) => {
        const i = im.format(data[2 * o + 1]);
        const end = i.trimEnd().length;
        return re.format(data[2 * o]) + i.slice(0, end) + "j" + i.slice(end);
      };
    }
    case "int32": {
      // right-aligned to the wider of the largest and the smallest
      let width = 0;
      if (shown.length > 0) {
        let lo = Infinity;
        let hi = -Infinity;
        for (const o of shown) {
          lo = Math.min(lo, data[o]);
          hi = Math.max(hi, data[o]);
        }
        width = Math.max(String(lo).length, String(hi).length);
      }
      return (o) => String(data[o]).padStart(width);
    }
    case "bool": {
      // " True" so that True and False align, except in a 0-d array
      const trueStr = a.ndim === 0 ? "True" : " True";
      return (o) => (data[o] !== 0 ? trueStr : "False");
    }
    default:
      return dtype satisfies never;
  }
}

// ------------------------------------------------------------------ layout

/** Leading and trailing positions of an axis of length n that are displayed. */
function shownIndices(n: number, summarise: boolean, edgeitems: number): number[] {
  if (summarise && 2 * edgeitems < n) {
    const out: number[] = [];
    for (let i = 0; i < edgeitems; i++) out.push(i);
    for (let i = n - edgeitems; i < n; i++) out.push(i);
    return out;
  }
  return Array.from({ length: n }, (_, i) => i);
}

/** Element offsets of every displayed element, in C order (NumPy's `_leading_trailing`). */
function shownOffsets(a: NDArray, summarise: boolean, edgeitems: number): number[] {
  const out: number[] = [];
  const walk = (axis: number, offset: number): void => {
    if (axis === a.ndim) {
      out.push(offset);
      return;
    }
    for (const i of shownIndices(a.shape[axis], summarise, edgeitems)) walk(axis + 1, offset + i * a.strides[axis]);
  };
  walk(0, a.offset);
  return out;
}

/** NumPy's `_extendLine`: append `word`, first breaking the line if it would pass `lineWidth`. */
function extendLine(s: string, line: string, word: string, lineWidth: number, nextLinePrefix: string): [string, string] {
  let needsWrap = line.length + word.length > lineWidth;
  // don't wrap lines if it won't help
  if (line.length <= nextLinePrefix.length) needsWrap = false;
  if (needsWrap) {
    s += line.trimEnd() + "\n";
    line = nextLinePrefix;
  }
  return [s, line + word];
}

/**
 * NumPy's `_formatArray`: the nested-bracket text of `a`. `nextLinePrefix` is the indentation
 * of continuation lines (one space per open bracket, plus the width of "array(" for repr).
 */
function formatNested(
  a: NDArray,
  format: ElementFormat,
  lineWidth: number,
  nextLinePrefix: string,
  separator: string,
  edgeitems: number,
  summarise: boolean,
): string {
  const recurse = (axis: number, offset: number, hangingIndent: string, currWidth: number): string => {
    const axesLeft = a.ndim - axis;
    if (axesLeft === 0) return format(offset);

    // inside a bracket: indent one more, and leave room for the closing "]"
    const nextHangingIndent = hangingIndent + " ";
    const nextWidth = currWidth - 1;
    const n = a.shape[axis];
    const stride = a.strides[axis];
    const showSummary = summarise && 2 * edgeitems < n;
    const leading = showSummary ? edgeitems : 0;
    const trailing = showSummary ? edgeitems : n;
    const item = (i: number) => recurse(axis + 1, offset + i * stride, nextHangingIndent, nextWidth);

    let s = "";
    if (axesLeft === 1) {
      // the last axis: elements on lines, wrapped before they would pass the width
      const elemWidth = currWidth - Math.max(separator.trimEnd().length, 1);
      let line = hangingIndent;
      for (let i = 0; i < leading; i++) {
        [s, line] = extendLine(s, line, item(i), elemWidth, hangingIndent);
        line += separator;
      }
      if (showSummary) {
        [s, line] = extendLine(s, line, "...", elemWidth, hangingIndent);
        line += separator;
      }
      for (let i = trailing; i > 1; i--) {
        [s, line] = extendLine(s, line, item(n - i), elemWidth, hangingIndent);
        line += separator;
      }
      [s, line] = extendLine(s, line, item(n - 1), elemWidth, hangingIndent);
      s += line;
    } else {
      // outer axes: one sub-array per line, with (axesLeft - 1) newlines between them
      const lineSep = separator.trimEnd() + "\n".repeat(axesLeft - 1);
      for (let i = 0; i < leading; i++) s += hangingIndent + item(i) + lineSep;
      if (showSummary) s += hangingIndent + "..." + lineSep;
      for (let i = trailing; i > 1; i--) s += hangingIndent + item(n - i) + lineSep;
      s += hangingIndent + item(n - 1);
    }
    // the first line's indent gives way to the opening bracket
    return "[" + s.slice(hangingIndent.length) + "]";
  };
  return recurse(0, a.offset, nextLinePrefix, lineWidth);
}

/** NumPy's `array2string` for a non-empty array. */
function array2string(a: NDArray, opts: PrintOptions, separator: string, prefix: string, suffix: string): string {
  if (a.size === 0) return "[]";
  const summarise = a.size > opts.threshold;
  const format = elementFormat(a, shownOffsets(a, summarise, opts.edgeitems), opts);
  return formatNested(a, format, opts.linewidth - suffix.length, " " + " ".repeat(prefix.length), separator, opts.edgeitems, summarise);
}

// ------------------------------------------------------------------ repr and str

/** dtypes whose repr needs no `dtype=`: the ones NumPy's default types stand for. */
const IMPLIED: readonly DType[] = ["float64", "int32", "complex128", "bool"];

/** Python's repr of a shape tuple: `(0, 3)`, `(0,)`. */
function pyTuple(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}

function resolveOptions(options: Partial<PrintOptions> | undefined, fn: string): PrintOptions {
  return options === undefined ? current : { ...current, ...stripUndefined(checkOptions(options, fn)) };
}

/**
 * NumPy's `repr(a)`: `array([...])`, with `dtype=...` when the dtype is not implied by the
 * values (float32; any empty array), and `shape=...` for empty arrays other than `(0,)`.
 * `options` override the current print options for this call.
 *
 * Shapes: any, including 0-d (`array(5.)`) and empty (`array([], shape=(0, 3), dtype=float64)`).
 * Arrays with more than `threshold` elements are summarised with "...".
 *
 * @throws ValueError for an invalid option.
 *
 * @example
 * formatArray(array([[1, 2], [3, 4]], "float64"));  // "array([[1., 2.],\n       [3., 4.]])"
 * formatArray(array([0.5, 1e-9]));                  // "array([5.e-01, 1.e-09])"
 * formatArray(array([1, 2], "float32"));            // "array([1., 2.], dtype=float32)"
 */
export function formatArray(a: ArrayLike, options?: Partial<PrintOptions>): string {
  checkArity("formatArray", arguments.length, ["a", "options"]);
  const x = asarray(a);
  const opts = resolveOptions(options, "formatArray");
  const skipDType = IMPLIED.includes(x.dtype) && x.size > 0;
  const prefix = "array(";
  const suffix = skipDType ? ")" : ",";
  let body: string;
  if (x.size > 0 || (x.ndim === 1 && x.shape[0] === 0)) {
    body = array2string(x, opts, ", ", prefix, suffix);
  } else {
    body = `[], shape=${pyTuple(x.shape)}`;
  }
  const text = prefix + body + suffix;
  if (skipDType) return text;
  // the dtype goes on a new line if it would push the last line past the width
  const dtypeStr = `dtype=${x.dtype})`;
  const lastLineLength = text.length - (text.lastIndexOf("\n") + 1);
  const spacer = lastLineLength + dtypeStr.length + 1 > opts.linewidth ? "\n" + " ".repeat(prefix.length) : " ";
  return text + spacer + dtypeStr;
}

/**
 * NumPy's `str(a)`: the bracketed values without `array(` or the dtype, elements separated by
 * spaces (`[[1. 2.]\n [3. 4.]]`). A 0-d array prints as its scalar does in Python: `5.0`,
 * `1e+20`, `(1+2j)`, `True`. `options` override the current print options for this call.
 *
 * @throws ValueError for an invalid option.
 *
 * @example
 * arrayToString(array([[1, 2], [3, 4]], "float64")); // "[[1. 2.]\n [3. 4.]]"
 * arrayToString(array(0.1));                          // "0.1"
 */
export function arrayToString(a: ArrayLike, options?: Partial<PrintOptions>): string {
  checkArity("arrayToString", arguments.length, ["a", "options"]);
  const x = asarray(a);
  const opts = resolveOptions(options, "arrayToString");
  if (x.ndim === 0) return scalarToString(x);
  return array2string(x, opts, " ", "", "");
}

/** `str` of NumPy's scalar types (`scalartypes.c.src`), for 0-d arrays. */
function scalarToString(x: NDArray): string {
  const { data, offset } = x;
  switch (x.dtype) {
    case "float64":
    case "float32":
      return floatScalarString(data[offset], x.dtype === "float32", "0", "-", false);
    case "int32":
      return String(data[offset]);
    case "bool":
      return data[offset] !== 0 ? "True" : "False";
    case "complex128": {
      const re = data[2 * offset];
      const im = data[2 * offset + 1];
      // a real part of +0 is left out: 2j
      if (re === 0 && !Object.is(re, -0)) return floatScalarString(im, false, "-", "-", false) + "j";
      const r = Number.isFinite(re) ? floatScalarString(re, false, "-", "-", false) : Number.isNaN(re) ? "nan" : re > 0 ? "inf" : "-inf";
      const i = Number.isFinite(im) ? floatScalarString(im, false, "-", "-", true) : Number.isNaN(im) ? "+nan" : im > 0 ? "+inf" : "-inf";
      return `(${r}${i}j)`;
    }
    default:
      return x.dtype satisfies never;
  }
}

/**
 * NumPy's float scalar `str`: shortest digits, positional for 1e-4 <= |x| < 1e16 (and 0),
 * scientific otherwise; `trimPos`/`trimSci` as NumPy passes them.
 */
function floatScalarString(x: number, float32: boolean, trimPos: TrimMode, trimSci: TrimMode, sign: boolean): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x < 0 ? "-inf" : sign ? "+inf" : "inf";
  const abs = Math.abs(x);
  const o = { precision: -1, minDigits: -1, unique: true, sign, padLeft: -1 };
  if (x === 0 || (abs < 1e16 && abs >= 1e-4)) return dragon4Positional(x, float32, { ...o, trim: trimPos, padRight: -1 });
  return dragon4Scientific(x, float32, { ...o, trim: trimSci, expDigits: -1 });
}
