/**
 * The golden-case harness: reads the case files NumPy/SciPy produced (cases/FORMAT.md), maps
 * each case's `op` to our function through an op registry, and checks the result the way
 * FORMAT.md says: `allclose`, `raises` or `properties`.
 *
 *   const { cases } = parseFamily(readFileSync("cases/creation.json", "utf8"));
 *   const results = runCases(cases, ndarrayOps);   // [{ id, family, status, detail }, …]
 *
 * The parts, in file order:
 *   1. a raw-aware JSON reader: Python float tokens (`2.0`, `1e-3`) outside array `data` become
 *      `PyFloat` markers, because NumPy 1.24's value-based casting tells `int32 + 3` (int32)
 *      from `int32 + 3.0` (float64) and JSON.parse cannot;
 *   2. decoding of values: `{dtype, shape, data}` -> NDArray (int64 -> our int32, complex64 ->
 *      complex128), slices, ellipsis, newaxis, sparse inputs, random-stream calls;
 *   3. the `allclose` checker (shape rule, exact ints, exact non-finite, |a - e| <= atol + rtol|e|,
 *      complex modulus), which reports a dtype mismatch apart from a value mismatch;
 *   4. the `properties` vocabulary of FORMAT.md, one checker per property name, on small
 *      batched dense helpers of its own (it must not depend on the matmul it tests);
 *   5. `runCase` / `runCases` and a per-family summary.
 *
 * Extension point: an op registry is a plain object `{ [op]: (args, kwargs) => result }`
 * ({@link OpRegistry}). @sliderule/ndarray's lives in ./ops.ts (`ndarrayOps`); another package
 * adds its own by exporting `export const linalgOps: OpRegistry = { ... }` from its
 * `test/golden/ops.ts`, which `scripts/golden.ts` merges in (see REGISTRY_MODULES there).
 * An entry receives decoded positional and keyword arguments (NumPy's keyword names) and
 * returns what NumPy returns: a list for a tuple result, in NumPy's order (convert named
 * results such as `{ Q, R }` to `[Q, R]`). Python floats arrive as plain JS numbers unless the
 * entry is wrapped in {@link withPyFloats}, in which case they arrive as {@link PyFloat}
 * markers (use {@link num}, {@link plain}, {@link scalarArg}). A function an entry needs that
 * does not exist yet is reported by throwing {@link OpUnavailable}: the case is then skipped,
 * not failed. New output names or properties go into {@link OUTPUT_NAMES} / {@link PROPERTIES}.
 *
 * Deliberate differences from NumPy handled here, not in the library: NumPy's int64 is our
 * int32 (an int64 result that int32 cannot hold may come back as float64 holding the exact
 * integers, as the random module documents); complex64 results are our complex128.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as np from "@sliderule/ndarray";
import type { DType, NDArray } from "@sliderule/ndarray";
import { errorClassNames } from "../../src/errors.js";

// ================================================================== 1. the raw-aware JSON reader

/** A Python `float` scalar read from a case (a number token with `.`, `e` or `E`, or a non-finite string). */
export class PyFloat {
  constructor(readonly pyFloat: number) {}
  toString(): string {
    return `PyFloat(${this.pyFloat})`;
  }
}

export function isPyFloat(x: unknown): x is PyFloat {
  return x instanceof PyFloat;
}

/**
 * Keys whose values are read with plain numbers: array `data` (and `shape`) lists, and the
 * case's own numeric fields. Everywhere else a float token becomes a {@link PyFloat}.
 */
const PLAIN_KEYS = new Set(["data", "shape", "rtol", "atol", "count", "format_version"]);

/**
 * Parse JSON, keeping Python's int/float distinction for scalars: a number token containing
 * `.`, `e` or `E` (or the tokens NaN, Infinity, -Infinity) becomes a {@link PyFloat}, except
 * inside the values of {@link PLAIN_KEYS}, where all numbers are plain.
 */
export function parseGoldenJson(text: string): unknown {
  let pos = 0;
  const fail = (what: string): never => {
    throw new SyntaxError(`golden JSON: ${what} at offset ${pos} (near ${JSON.stringify(text.slice(pos, pos + 40))})`);
  };
  const skipWhitespace = (): void => {
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) pos++;
      else break;
    }
  };
  const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
  const literal = (word: string, value: unknown): unknown => {
    if (!text.startsWith(word, pos)) fail(`unexpected token`);
    pos += word.length;
    return value;
  };
  const str = (): string => {
    const start = pos++;
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === 92) pos += 2; // backslash escape
      else if (c === 34) {
        pos++;
        return JSON.parse(text.slice(start, pos)) as string;
      } else pos++;
    }
    return fail("unterminated string");
  };
  const value = (plain: boolean): unknown => {
    skipWhitespace();
    const ch = text[pos];
    if (ch === "{") {
      pos++;
      const obj: Record<string, unknown> = {};
      skipWhitespace();
      if (text[pos] === "}") {
        pos++;
        return obj;
      }
      for (;;) {
        skipWhitespace();
        if (text[pos] !== '"') fail("expected a key");
        const key = str();
        skipWhitespace();
        if (text[pos++] !== ":") fail("expected ':'");
        obj[key] = value(plain || PLAIN_KEYS.has(key));
        skipWhitespace();
        const sep = text[pos++];
        if (sep === "}") return obj;
        if (sep !== ",") fail("expected ',' or '}'");
      }
    }
    if (ch === "[") {
      pos++;
      const list: unknown[] = [];
      skipWhitespace();
      if (text[pos] === "]") {
        pos++;
        return list;
      }
      for (;;) {
        list.push(value(plain));
        skipWhitespace();
        const sep = text[pos++];
        if (sep === "]") return list;
        if (sep !== ",") fail("expected ',' or ']'");
      }
    }
    if (ch === '"') return str();
    if (ch === "t") return literal("true", true);
    if (ch === "f") return literal("false", false);
    if (ch === "n") return literal("null", null);
    if (ch === "N") return literal("NaN", plain ? NaN : new PyFloat(NaN));
    if (ch === "I") return literal("Infinity", plain ? Infinity : new PyFloat(Infinity));
    if (ch === "-" && text.startsWith("-Infinity", pos)) return literal("-Infinity", plain ? -Infinity : new PyFloat(-Infinity));
    NUMBER.lastIndex = pos;
    const m = NUMBER.exec(text);
    if (!m) return fail("unexpected character");
    pos += m[0].length;
    const x = Number(m[0]);
    return plain || !/[.eE]/.test(m[0]) ? x : new PyFloat(x);
  };
  const out = value(false);
  skipWhitespace();
  if (pos !== text.length) fail("trailing characters");
  return out;
}

// ------------------------------------------------------------------ case files

export type CheckKind = "allclose" | "properties" | "raises";

/** One golden case, as stored (values still encoded; scalars may be PyFloat markers). */
export interface GoldenCase {
  id: string;
  family: string;
  op: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
  expected: unknown;
  check: CheckKind;
  rtol: number;
  atol: number;
  notes?: string;
  properties?: string[];
  message?: string;
  error_bases?: string[];
}

export interface GoldenFamily {
  family: string;
  numpyVersion?: string;
  cases: GoldenCase[];
}

/** Parse one `<family>.json` file. */
export function parseFamily(text: string, source = "<text>"): GoldenFamily {
  const root = parseGoldenJson(text) as Record<string, unknown>;
  if (root === null || typeof root !== "object" || !Array.isArray(root.cases)) {
    throw new SyntaxError(`golden: ${source} is not a case file (no "cases" list)`);
  }
  const family = String(root.family ?? source);
  const cases = (root.cases as Record<string, unknown>[]).map((c): GoldenCase => {
    const check = c.check as CheckKind;
    if (check !== "allclose" && check !== "properties" && check !== "raises") {
      throw new SyntaxError(`golden: ${source}: case ${String(c.id)} has unknown check ${JSON.stringify(c.check)}`);
    }
    return {
      id: String(c.id),
      family,
      op: String(c.op),
      args: (c.args ?? []) as unknown[],
      kwargs: (c.kwargs ?? {}) as Record<string, unknown>,
      expected: c.expected,
      check,
      rtol: num(c.rtol ?? 0),
      atol: num(c.atol ?? 0),
      notes: c.notes as string | undefined,
      properties: c.properties as string[] | undefined,
      message: c.message as string | undefined,
      error_bases: c.error_bases as string[] | undefined,
    };
  });
  return { family, numpyVersion: root.numpy_version as string | undefined, cases };
}

/** Read one case file from disk. */
export function loadFamilyFile(path: string): GoldenFamily {
  return parseFamily(readFileSync(path, "utf8"), path);
}

/** Every `*.json` case file of a folder, sorted by name. */
export function loadFamilies(dir: string): GoldenFamily[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => loadFamilyFile(join(dir, f)));
}

// ================================================================== 2. decoding values

/** An encoded array: `{dtype, shape, data}` (data flat, C order; complex elements [re, im]). */
export interface EncodedArray {
  dtype: string;
  shape: number[];
  data: unknown[];
}

/** A sparse input, `scipy.sparse.csr_matrix((data, (row, col)), shape)` — built by the op itself. */
export interface SparseInput {
  sparse: "csr";
  shape: number[];
  data: NDArray;
  row: NDArray;
  col: NDArray;
}

/** One call of a random stream: `{fn: "randn", args: [3, 3], kwargs: {}}` (NumPy's snake_case names). */
export interface RandomCall {
  fn: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
}

export function isEncodedArray(x: unknown): x is EncodedArray {
  return x !== null && typeof x === "object" && "dtype" in x && "shape" in x && "data" in x && Array.isArray((x as EncodedArray).data);
}

export function isSparseInput(x: unknown): x is SparseInput {
  return x !== null && typeof x === "object" && (x as SparseInput).sparse === "csr" && "row" in x && "col" in x;
}

export function isRandomCall(x: unknown): x is RandomCall {
  return x !== null && typeof x === "object" && typeof (x as RandomCall).fn === "string" && Array.isArray((x as RandomCall).args);
}

/** A number from a plain number, a PyFloat, a boolean or one of the strings "nan", "inf", "-inf". */
export function num(x: unknown): number {
  if (typeof x === "number") return x;
  if (x instanceof PyFloat) return x.pyFloat;
  if (typeof x === "boolean") return x ? 1 : 0;
  if (x === "nan") return NaN;
  if (x === "inf") return Infinity;
  if (x === "-inf") return -Infinity;
  throw new TypeError(`golden: expected a number, got ${describe(x)}`);
}

/** Deep copy with every PyFloat replaced by its number (for shapes, axes, tolerances, …). */
export function plain(x: unknown): unknown {
  if (x instanceof PyFloat) return x.pyFloat;
  if (Array.isArray(x)) return x.map(plain);
  if (x !== null && typeof x === "object" && Object.getPrototypeOf(x) === Object.prototype) {
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, plain(v)]));
  }
  return x;
}

/**
 * A scalar argument of an element-wise op, typed the way NumPy 1.24 sees it: a Python float
 * becomes a 0-d float64 array (our promotion treats 0-d arrays as scalars, by kind), so that
 * `int32 array + 3.0` is float64 even though the JS number 3 would count as an int.
 */
export function scalarArg(x: unknown): unknown {
  if (x instanceof PyFloat) return np.full([], x.pyFloat, "float64");
  return x;
}

const NON_FINITE: Record<string, number> = { nan: NaN, inf: Infinity, "-inf": -Infinity };

/** One element of an encoded real array. */
function decodeReal(x: unknown): number {
  if (typeof x === "number") return x;
  if (typeof x === "boolean") return x ? 1 : 0;
  if (typeof x === "string" && x in NON_FINITE) return NON_FINITE[x];
  throw new TypeError(`golden: cannot decode array element ${describe(x)}`);
}

/** One element of an encoded complex array: a pair [re, im]. */
function decodeComplex(x: unknown): [number, number] {
  if (Array.isArray(x) && x.length === 2) return [decodeReal(x[0]), decodeReal(x[1])];
  throw new TypeError(`golden: cannot decode complex element ${describe(x)}`);
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** Our dtype for a NumPy dtype name (int64 -> int32, complex64 -> complex128). */
export function ourDType(numpyDType: string): DType {
  switch (numpyDType) {
    case "float64":
    case "float32":
    case "int32":
    case "bool":
    case "complex128":
      return numpyDType;
    case "int64":
      return "int32";
    case "complex64":
      return "complex128";
    default:
      throw new TypeError(`golden: unsupported dtype ${JSON.stringify(numpyDType)}`);
  }
}

/**
 * `{dtype, shape, data}` -> NDArray. int64 becomes int32 (float64 if a value does not fit),
 * complex64 becomes complex128; float32 decimals are rounded by the Float32Array.
 */
export function decodeArray(enc: EncodedArray): NDArray {
  let dtype = ourDType(enc.dtype);
  const n = enc.shape.reduce((p, d) => p * d, 1);
  if (enc.data.length !== n) throw new TypeError(`golden: array of shape [${enc.shape}] has ${enc.data.length} elements`);
  if (dtype === "int32" && enc.data.some((x) => decodeReal(x) < INT32_MIN || decodeReal(x) > INT32_MAX)) dtype = "float64";
  let data: Float64Array | Float32Array | Int32Array | Uint8Array;
  switch (dtype) {
    case "complex128": {
      const d = new Float64Array(2 * n);
      enc.data.forEach((x, i) => {
        [d[2 * i], d[2 * i + 1]] = decodeComplex(x);
      });
      data = d;
      break;
    }
    case "float64":
      data = Float64Array.from(enc.data, decodeReal);
      break;
    case "float32":
      data = Float32Array.from(enc.data, decodeReal);
      break;
    case "int32":
      data = Int32Array.from(enc.data, decodeReal);
      break;
    case "bool":
      data = Uint8Array.from(enc.data, decodeReal);
      break;
  }
  return np.fromTypedArray(data, enc.shape, dtype);
}

export type FloatMode = "number" | "pyfloat";

/**
 * Decode an argument value (recursively): encoded arrays -> NDArray, `{slice: [a, b, c]}` ->
 * a Slice, `{ellipsis: true}` -> "...", `null` stays null (None / np.newaxis), sparse inputs ->
 * {@link SparseInput}, random calls -> {@link RandomCall}, lists and objects element-wise.
 * Python floats (and the strings "nan", "inf", "-inf") become JS numbers, or PyFloat markers
 * with `floats = "pyfloat"`.
 */
export function decodeValue(v: unknown, floats: FloatMode = "number"): unknown {
  if (v instanceof PyFloat) return floats === "pyfloat" ? v : v.pyFloat;
  if (typeof v === "string" && v in NON_FINITE) return floats === "pyfloat" ? new PyFloat(NON_FINITE[v]) : NON_FINITE[v];
  if (Array.isArray(v)) return v.map((x) => decodeValue(x, floats));
  if (v === null || typeof v !== "object") return v;
  if (isEncodedArray(v)) return decodeArray(v);
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.slice) && Object.keys(o).length === 1) {
    const [start, stop, step] = (o.slice as unknown[]).map((x) => (x === null ? null : num(x)));
    return np.slice(start, stop, step);
  }
  if (o.ellipsis === true && Object.keys(o).length === 1) return "...";
  if (o.sparse !== undefined) {
    if (o.sparse !== "csr") throw new TypeError(`golden: unsupported sparse format ${JSON.stringify(o.sparse)}`);
    return {
      sparse: "csr",
      shape: (o.shape as unknown[]).map(num),
      data: decodeValue(o.data, floats) as NDArray,
      row: decodeValue(o.row, floats) as NDArray,
      col: decodeValue(o.col, floats) as NDArray,
    } satisfies SparseInput;
  }
  if (typeof o.fn === "string" && Array.isArray(o.args)) {
    return {
      fn: o.fn,
      args: decodeValue(o.args, floats) as unknown[],
      kwargs: decodeValue(o.kwargs ?? {}, floats) as Record<string, unknown>,
    } satisfies RandomCall;
  }
  return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, decodeValue(x, floats)]));
}

// ================================================================== 3. the allclose checker

/**
 * A value reduced to what the checks compare: dtype, shape and the elements in C order as
 * float64 (re, and im for complex). `dtype` is a NumPy name for expected values, ours for
 * NDArrays, and "number" / "boolean" / "pyint" / "pyfloat" for scalars.
 */
export interface Leaf {
  dtype: string;
  shape: number[];
  re: Float64Array;
  im: Float64Array | null;
}

/** Leaf of an encoded expected array, values exactly as stored (int64 not narrowed). */
export function expectedLeaf(enc: EncodedArray): Leaf {
  const n = enc.data.length;
  const re = new Float64Array(n);
  let im: Float64Array | null = null;
  if (enc.dtype === "complex128" || enc.dtype === "complex64") {
    im = new Float64Array(n);
    enc.data.forEach((x, i) => {
      [re[i], im![i]] = decodeComplex(x);
    });
    if (enc.dtype === "complex64") for (let i = 0; i < n; i++) (re[i] = Math.fround(re[i])), (im[i] = Math.fround(im[i]));
  } else {
    enc.data.forEach((x, i) => {
      re[i] = decodeReal(x);
    });
    if (enc.dtype === "float32") for (let i = 0; i < n; i++) re[i] = Math.fround(re[i]);
  }
  return { dtype: enc.dtype, shape: enc.shape.slice(), re, im };
}

function isComplexObject(x: unknown): x is { re: number; im: number } {
  return x !== null && typeof x === "object" && typeof (x as { re: unknown }).re === "number" && typeof (x as { im: unknown }).im === "number";
}

/** Leaf of a result value (NDArray, JS number, boolean, bigint or {re, im}); null if it is none of these. */
export function actualLeaf(x: unknown): Leaf | null {
  if (x instanceof np.NDArray) {
    if (x.dtype === "complex128") {
      const d = x.toTypedArray();
      const n = x.size;
      const re = new Float64Array(n);
      const im = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        re[i] = d[2 * i];
        im[i] = d[2 * i + 1];
      }
      return { dtype: x.dtype, shape: x.shape.slice(), re, im };
    }
    return { dtype: x.dtype, shape: x.shape.slice(), re: Float64Array.from(x.toTypedArray()), im: null };
  }
  if (typeof x === "number") return { dtype: "number", shape: [], re: Float64Array.of(x), im: null };
  if (typeof x === "bigint") return { dtype: "number", shape: [], re: Float64Array.of(Number(x)), im: null };
  if (typeof x === "boolean") return { dtype: "boolean", shape: [], re: Float64Array.of(x ? 1 : 0), im: null };
  if (isComplexObject(x)) return { dtype: "complex", shape: [], re: Float64Array.of(x.re), im: Float64Array.of(x.im) };
  return null;
}

const INT_KINDS = new Set(["int32", "int64", "bool", "pyint", "boolean", "pybool"]);

/**
 * Is `actual` an acceptable dtype for `expected`? Exact, except: NumPy's int64 is our int32
 * (or float64 holding exact integers when int32 cannot hold the values); complex64 is our
 * complex128; a JS number stands for any non-bool dtype of a 0-d result, a JS boolean for bool.
 */
function dtypeMatches(expected: Leaf, actual: Leaf): boolean {
  const e = expected.dtype;
  const a = actual.dtype;
  if (e === "pyint" || e === "pyfloat" || e === "pybool") return e === "pybool" ? a === "bool" || a === "boolean" : a !== "bool" && a !== "boolean";
  if (a === "number") return e !== "bool";
  if (a === "boolean") return e === "bool";
  if (a === "complex") return e === "complex128" || e === "complex64";
  if (e === a) return true;
  if (e === "int64" && a === "int32") return true;
  if (e === "complex64" && a === "complex128") return true;
  if (e === "int64" && a === "float64") {
    const beyond = expected.re.some((v) => v < INT32_MIN || v > INT32_MAX);
    return beyond && actual.re.every((v) => Number.isInteger(v));
  }
  return false;
}

/** Why a check failed: the shape, the dtype, the values, the structure of a list, or the raise. */
export type MismatchKind = "shape" | "dtype" | "value" | "structure" | "type" | "raises" | "error" | "property";

export interface Mismatch {
  kind: MismatchKind;
  message: string;
}

export function fmtShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(",")})`;
}

function unravel(i: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length);
  for (let k = shape.length - 1; k >= 0; k--) {
    idx[k] = i % shape[k];
    i = Math.floor(i / shape[k]);
  }
  return idx;
}

function fmtNum(x: number): string {
  return Object.is(x, -0) ? "-0" : String(x);
}

function fmtElem(re: number, im: number | null): string {
  if (im === null) return fmtNum(re);
  return `${fmtNum(re)}${im < 0 || Object.is(im, -0) ? "-" : "+"}${fmtNum(Math.abs(im))}j`;
}

/** A short description of any value, for messages. */
export function describe(x: unknown): string {
  if (x instanceof np.NDArray) return `NDArray ${x.dtype} ${fmtShape(x.shape)}`;
  if (x instanceof PyFloat) return `Python float ${x.pyFloat}`;
  if (Array.isArray(x)) return `list of ${x.length}`;
  if (x === null) return "null";
  if (x === undefined) return "undefined";
  if (typeof x === "object") return `object {${Object.keys(x).join(", ")}}`;
  return `${typeof x} ${String(x)}`;
}

/** Non-finite expected parts must be matched exactly (NaN by NaN, ±inf by the same inf). */
function sameNonFinite(a: number, e: number): boolean {
  return Number.isNaN(e) ? Number.isNaN(a) : a === e;
}

/**
 * Compare one leaf with FORMAT.md's rules 1-4: shapes equal (a 0-d expected matches a scalar),
 * integer/bool expected exactly, non-finite expected exactly, otherwise
 * |a - e| <= atol + rtol·|e| (complex: modulus of the difference). A dtype mismatch is
 * reported (kind "dtype") only when the values agree; with `checkDType = false` it is ignored.
 */
export function compareLeaf(actual: Leaf, expected: Leaf, rtol: number, atol: number, where = "", checkDType = true): Mismatch | null {
  const at = where ? ` at ${where}` : "";
  if (actual.shape.length !== expected.shape.length || actual.shape.some((d, k) => d !== expected.shape[k])) {
    return { kind: "shape", message: `shape mismatch${at}: actual ${fmtShape(actual.shape)}, expected ${fmtShape(expected.shape)}` };
  }
  const exact = INT_KINDS.has(expected.dtype);
  const n = expected.re.length;
  let bad = 0;
  let first = -1;
  let firstWhy = "";
  for (let i = 0; i < n; i++) {
    const er = expected.re[i];
    const ei = expected.im ? expected.im[i] : 0;
    const ar = actual.re[i];
    const ai = actual.im ? actual.im[i] : 0;
    let ok: boolean;
    let why: string;
    if (exact) {
      ok = ar === er && ai === ei;
      why = "exact match required (integer/bool)";
    } else if (!Number.isFinite(er) || !Number.isFinite(ei)) {
      const part = (a: number, e: number) => (Number.isFinite(e) ? Math.abs(a - e) <= atol + rtol * Math.abs(e) : sameNonFinite(a, e));
      ok = part(ar, er) && part(ai, ei);
      why = "non-finite expected values must match exactly";
    } else {
      const diff = Math.hypot(ar - er, ai - ei);
      const tol = atol + rtol * Math.hypot(er, ei);
      ok = diff <= tol;
      why = `|diff| ${diff.toExponential(3)} > tol ${tol.toExponential(3)} (atol ${atol} + rtol ${rtol}·|e|)`;
    }
    if (!ok) {
      if (bad === 0) {
        first = i;
        firstWhy = why;
      }
      bad++;
    }
  }
  const dtypeOk = !checkDType || dtypeMatches(expected, actual);
  const dtypeNote = dtypeOk ? "" : `; also dtype ${actual.dtype}, expected ${expected.dtype}`;
  if (bad > 0) {
    const idx = expected.shape.length === 0 ? "" : `[${unravel(first, expected.shape).join(", ")}]`;
    const actualIm = actual.im ? actual.im[first] : expected.im ? 0 : null;
    const expectedIm = expected.im ? expected.im[first] : actual.im ? 0 : null;
    return {
      kind: "value",
      message:
        `value mismatch${at}${idx ? ` index ${idx}` : ""}: actual ${fmtElem(actual.re[first], actualIm)}, ` +
        `expected ${fmtElem(expected.re[first], expectedIm)}; ${firstWhy}; ${bad} of ${n} element(s) differ${dtypeNote}`,
    };
  }
  if (!dtypeOk) return { kind: "dtype", message: `dtype mismatch${at}: actual ${actual.dtype}, expected ${expected.dtype} (values agree)` };
  return null;
}

/** Leaf of an expected scalar or array value (an encoded array, a JSON number, PyFloat, boolean or "nan"/"inf" string). */
function expectedScalarOrArray(e: unknown): Leaf | null {
  if (isEncodedArray(e)) return expectedLeaf(e);
  if (typeof e === "number") return { dtype: "pyint", shape: [], re: Float64Array.of(e), im: null };
  if (e instanceof PyFloat) return { dtype: "pyfloat", shape: [], re: Float64Array.of(e.pyFloat), im: null };
  if (typeof e === "string" && e in NON_FINITE) return { dtype: "pyfloat", shape: [], re: Float64Array.of(NON_FINITE[e]), im: null };
  if (typeof e === "boolean") return { dtype: "pybool", shape: [], re: Float64Array.of(e ? 1 : 0), im: null };
  return null;
}

/**
 * The `allclose` check of a whole result: lists (tuples) must match in length and are
 * compared leaf by leaf; `where` names the position for messages (`[1]` = second output).
 */
export function checkAllclose(actual: unknown, expected: unknown, rtol: number, atol: number, where = ""): Mismatch | null {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) {
      return { kind: "structure", message: `expected a list of ${expected.length}${where ? ` at ${where}` : ""}, got ${describe(actual)}` };
    }
    if (actual.length !== expected.length) {
      return { kind: "structure", message: `list length mismatch${where ? ` at ${where}` : ""}: actual ${actual.length}, expected ${expected.length}` };
    }
    for (let i = 0; i < expected.length; i++) {
      const m = checkAllclose(actual[i], expected[i], rtol, atol, `${where}[${i}]`);
      if (m) return m;
    }
    return null;
  }
  if (expected === null) {
    return actual === null || actual === undefined ? null : { kind: "type", message: `expected None${where ? ` at ${where}` : ""}, got ${describe(actual)}` };
  }
  if (typeof expected === "string" && !(expected in NON_FINITE)) {
    return actual === expected ? null : { kind: "value", message: `expected the string ${JSON.stringify(expected)}${where ? ` at ${where}` : ""}, got ${describe(actual)}` };
  }
  const e = expectedScalarOrArray(expected);
  if (e === null) return { kind: "type", message: `harness: cannot read expected value ${describe(expected)}` };
  const a = actualLeaf(actual);
  if (a === null) {
    return { kind: "type", message: `expected ${e.shape.length ? `an array ${fmtShape(e.shape)}` : "a scalar or 0-d array"}${where ? ` at ${where}` : ""}, got ${describe(actual)}` };
  }
  return compareLeaf(a, e, rtol, atol, where);
}

// ================================================================== 4. properties

/** Internal error of a property computation (bad shapes of outputs and so on). */
class PropertyError extends Error {}

// ---------------------------------------------------------------- small batched dense helpers
// Leaves are read as stacks of matrices: shape (..., m, n), C order. They are deliberately
// independent of the library's matmul, which is among the things under test.

function sizeOfShape(shape: readonly number[]): number {
  return shape.reduce((p, d) => p * d, 1);
}

function zerosLeaf(shape: number[], complex: boolean): Leaf {
  const n = sizeOfShape(shape);
  return { dtype: complex ? "complex128" : "float64", shape, re: new Float64Array(n), im: complex ? new Float64Array(n) : null };
}

function reshapeLeaf(a: Leaf, shape: number[]): Leaf {
  return { ...a, shape };
}

/** Broadcast two batch shapes (NumPy's rule); throws PropertyError if they do not fit. */
function broadcastBatch(a: readonly number[], b: readonly number[]): number[] {
  try {
    return np.broadcastShapes(a, b);
  } catch {
    throw new PropertyError(`batch shapes ${fmtShape(a)} and ${fmtShape(b)} do not broadcast`);
  }
}

/** Matrix offsets (in elements) of every batch entry of `shape`'s batch broadcast to `batch`. */
function batchOffsets(shape: readonly number[], batch: readonly number[], matrixSize: number): number[] {
  const own = shape.slice(0, -2);
  const lead = batch.length - own.length;
  const strides = new Array<number>(own.length);
  let s = matrixSize;
  for (let k = own.length - 1; k >= 0; k--) {
    strides[k] = own[k] === 1 ? 0 : s;
    s *= own[k];
  }
  const total = sizeOfShape(batch);
  const out = new Array<number>(total);
  for (let b = 0; b < total; b++) {
    const idx = unravel(b, batch);
    let off = 0;
    for (let k = 0; k < own.length; k++) off += idx[lead + k] * strides[k];
    out[b] = off;
  }
  return out;
}

function last2(a: Leaf, what: string): [number, number] {
  if (a.shape.length < 2) throw new PropertyError(`${what} must be at least 2-D, got shape ${fmtShape(a.shape)}`);
  return [a.shape[a.shape.length - 2], a.shape[a.shape.length - 1]];
}

/** `a @ b` with NumPy's matmul rules (1-D operands promoted and the axis removed again), complex-aware. */
function matmulLeaf(a: Leaf, b: Leaf): Leaf {
  const aVec = a.shape.length === 1;
  const bVec = b.shape.length === 1;
  const A = aVec ? reshapeLeaf(a, [1, a.shape[0]]) : a;
  const B = bVec ? reshapeLeaf(b, [b.shape[0], 1]) : b;
  const [m, k] = last2(A, "left matmul operand");
  const [k2, n] = last2(B, "right matmul operand");
  if (k !== k2) throw new PropertyError(`matmul: shapes ${fmtShape(a.shape)} and ${fmtShape(b.shape)} not aligned`);
  const batch = broadcastBatch(A.shape.slice(0, -2), B.shape.slice(0, -2));
  const complex = A.im !== null || B.im !== null;
  const out = zerosLeaf([...batch, m, n], complex);
  const offA = batchOffsets(A.shape, batch, m * k);
  const offB = batchOffsets(B.shape, batch, k * n);
  for (let t = 0; t < offA.length; t++) {
    const oa = offA[t];
    const ob = offB[t];
    const oc = t * m * n;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let sr = 0;
        let si = 0;
        for (let p = 0; p < k; p++) {
          const xr = A.re[oa + i * k + p];
          const xi = A.im ? A.im[oa + i * k + p] : 0;
          const yr = B.re[ob + p * n + j];
          const yi = B.im ? B.im[ob + p * n + j] : 0;
          sr += xr * yr - xi * yi;
          si += xr * yi + xi * yr;
        }
        out.re[oc + i * n + j] = sr;
        if (out.im) out.im[oc + i * n + j] = si;
      }
    }
  }
  if (aVec && bVec) return reshapeLeaf(out, batch);
  if (aVec) return reshapeLeaf(out, [...batch, n]);
  if (bVec) return reshapeLeaf(out, [...batch, m]);
  return out;
}

/** `X^H`: conjugate transpose of the last two axes. */
function conjT(a: Leaf): Leaf {
  const [m, n] = last2(a, "conjugate transpose operand");
  const batch = a.shape.slice(0, -2);
  const out = zerosLeaf([...batch, n, m], a.im !== null);
  const count = sizeOfShape(batch);
  for (let t = 0; t < count; t++) {
    const o = t * m * n;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        out.re[o + j * m + i] = a.re[o + i * n + j];
        if (out.im && a.im) out.im[o + j * m + i] = -a.im[o + i * n + j];
      }
    }
  }
  return out;
}

/** `X[..., r0:r1, c0:c1]` of a stack of matrices (a copy). */
function subMatrix(a: Leaf, rows: number, cols: number): Leaf {
  const [m, n] = last2(a, "sliced operand");
  if (rows > m || cols > n) throw new PropertyError(`cannot take ${rows}x${cols} from shape ${fmtShape(a.shape)}`);
  const batch = a.shape.slice(0, -2);
  const out = zerosLeaf([...batch, rows, cols], a.im !== null);
  const count = sizeOfShape(batch);
  for (let t = 0; t < count; t++) {
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        out.re[t * rows * cols + i * cols + j] = a.re[t * m * n + i * n + j];
        if (out.im && a.im) out.im[t * rows * cols + i * cols + j] = a.im[t * m * n + i * n + j];
      }
    }
  }
  return out;
}

/** `v * w[..., None, :]`: column j of every matrix of v scaled by w[..., j]. */
function scaleColumns(v: Leaf, w: Leaf): Leaf {
  const [m, k] = last2(v, "eigenvector matrix");
  if (w.shape.length < 1 || w.shape[w.shape.length - 1] !== k) {
    throw new PropertyError(`cannot scale the ${k} columns of shape ${fmtShape(v.shape)} by w of shape ${fmtShape(w.shape)}`);
  }
  const batch = broadcastBatch(v.shape.slice(0, -2), w.shape.slice(0, -1));
  const out = zerosLeaf([...batch, m, k], v.im !== null || w.im !== null);
  const offV = batchOffsets(v.shape, batch, m * k);
  const offW = batchOffsets([...w.shape, 1], batch, k);
  for (let t = 0; t < offV.length; t++) {
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < k; j++) {
        const xr = v.re[offV[t] + i * k + j];
        const xi = v.im ? v.im[offV[t] + i * k + j] : 0;
        const yr = w.re[offW[t] + j];
        const yi = w.im ? w.im[offW[t] + j] : 0;
        out.re[t * m * k + i * k + j] = xr * yr - xi * yi;
        if (out.im) out.im[t * m * k + i * k + j] = xr * yi + xi * yr;
      }
    }
  }
  return out;
}

/** Identity matrices of size k with the given batch shape. */
function identityLeaf(batch: number[], k: number): Leaf {
  const out = zerosLeaf([...batch, k, k], false);
  const count = sizeOfShape(batch);
  for (let t = 0; t < count; t++) for (let i = 0; i < k; i++) out.re[t * k * k + i * k + i] = 1;
  return out;
}

/** Element-wise modulus, as a real leaf. */
function absLeaf(a: Leaf): Leaf {
  return { dtype: "float64", shape: a.shape.slice(), re: a.re.map((x, i) => Math.hypot(x, a.im ? a.im[i] : 0)), im: null };
}

/** The entries of a stack of matrices selected by `keep(i, j)`, all other entries set to zero. */
function maskLeaf(a: Leaf, keep: (i: number, j: number) => boolean): Leaf {
  const [m, n] = last2(a, "triangular operand");
  const out: Leaf = { dtype: a.dtype, shape: a.shape.slice(), re: a.re.slice(), im: a.im ? a.im.slice() : null };
  for (let e = 0; e < out.re.length; e++) {
    const i = Math.floor(e / n) % m;
    const j = e % n;
    if (!keep(i, j)) {
      out.re[e] = 0;
      if (out.im) out.im[e] = 0;
    }
  }
  return out;
}

/** Frobenius norm of the whole leaf. */
function frobenius(a: Leaf): number {
  let s = 0;
  for (let i = 0; i < a.re.length; i++) s += a.re[i] * a.re[i] + (a.im ? a.im[i] * a.im[i] : 0);
  return Math.sqrt(s);
}

function subtractLeaf(a: Leaf, b: Leaf): Leaf {
  if (a.shape.length !== b.shape.length || a.shape.some((d, k) => d !== b.shape[k])) {
    throw new PropertyError(`shapes ${fmtShape(a.shape)} and ${fmtShape(b.shape)} differ`);
  }
  const complex = a.im !== null || b.im !== null;
  return {
    dtype: complex ? "complex128" : "float64",
    shape: a.shape.slice(),
    re: a.re.map((x, i) => x - b.re[i]),
    im: complex ? a.re.map((_, i) => (a.im ? a.im[i] : 0) - (b.im ? b.im[i] : 0)) : null,
  };
}

/** `X ≈ Y` (FORMAT.md rule 4 with Y as the reference, after the shape rule); dtypes are not compared. */
function approx(X: Leaf, Y: Leaf, rtol: number, atol: number, what: string): string | null {
  // properties compare in floating point even when an operand came from an integer array
  const float = (a: Leaf): Leaf => ({ ...a, dtype: a.im ? "complex128" : "float64" });
  const m = compareLeaf(float(X), float(Y), rtol, atol, "", false);
  return m ? `${what}: ${m.message}` : null;
}

// ---------------------------------------------------------------- optimal matching

/**
 * The Hungarian algorithm (Kuhn-Munkres with potentials, O(n³)): the one-to-one assignment
 * `match[i] = j` of rows to columns of the square cost matrix with the least total cost.
 */
export function hungarian(cost: number[][]): number[] {
  const n = cost.length;
  const INF = Infinity;
  // 1-based potentials u (rows), v (columns); p[j] = row matched to column j; way = path
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(n + 1).fill(0);
  const p = new Array<number>(n + 1).fill(0);
  const way = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Array<number>(n + 1).fill(INF);
    const used = new Array<boolean>(n + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0];
      let delta = INF;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = cost[i0 - 1][j - 1] - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      if (j1 === 0) throw new PropertyError("hungarian: no finite assignment (non-finite costs)");
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  const match = new Array<number>(n);
  for (let j = 1; j <= n; j++) if (p[j] > 0) match[p[j] - 1] = j - 1;
  return match;
}

// ---------------------------------------------------------------- the vocabulary

/** What a property checker sees: the case, its decoded arguments and the named outputs. */
export interface PropertyContext {
  case: GoldenCase;
  args: unknown[];
  kwargs: Record<string, unknown>;
  rtol: number;
  atol: number;
  /** Output names in order (see OUTPUT_NAMES) and the actual / expected values by name. */
  names: string[];
  actual: Record<string, unknown>;
  expected: Record<string, unknown>;
  /** Leaf of an actual output; throws if it is missing or not numeric. */
  out(name: string): Leaf;
  /** Leaf of an expected output. */
  exp(name: string): Leaf;
  /** The matrix A of FORMAT.md (first argument as float64; Hermitian from UPLO for eigh; dense for sparse). */
  A(): Leaf;
}

/** A property checker: null when it holds, else a message. */
export type PropertyCheck = (ctx: PropertyContext) => string | null;

/** Names of an op's outputs, in `expected` order, by op (default: "result", or result0, result1, … for lists). */
export const OUTPUT_NAMES: Record<string, (kwargs: Record<string, unknown>) => string[]> = {
  "linalg.qr": (kw) => (kw.mode === "r" ? ["R"] : ["Q", "R"]),
  "linalg.svd": (kw) => (kw.compute_uv === false ? ["S"] : ["U", "S", "Vh"]),
  "linalg.eig": () => ["w", "v"],
  "linalg.eigh": () => ["w", "v"],
  "linalg.eigvals": () => ["w"],
  "linalg.eigvalsh": () => ["w"],
  "sparse.linalg.eigsh": (kw) => (kw.return_eigenvectors === false ? ["w"] : ["w", "v"]),
  "scipy.linalg.lu": (kw) => (kw.permute_l === true ? ["PL", "U"] : ["P", "L", "U"]),
  "scipy.linalg.lu_factor": () => ["lu", "piv"],
  "sparse.linalg.cg": () => ["x", "info"],
  "linalg.solve": () => ["x"],
  "linalg.lstsq": () => ["x", "residuals", "rank", "s"],
  "linalg.slogdet": () => ["sign", "logabsdet"],
};

/** A leaf seen as `count` rows of length `n` (its last axis; a 0-d leaf is one row of one). */
function rowsOf(a: Leaf): { count: number; n: number } {
  const n = a.shape.length === 0 ? 1 : a.shape[a.shape.length - 1];
  return { count: n === 0 ? 0 : a.re.length / n, n };
}

/** Identity check `X ≈ I` for a stack of square matrices. */
function nearIdentity(X: Leaf, rtol: number, atol: number, what: string): string | null {
  const [k, k2] = last2(X, what);
  if (k !== k2) return `${what}: not square, shape ${fmtShape(X.shape)}`;
  return approx(X, identityLeaf(X.shape.slice(0, -2), k), rtol, atol, what);
}

/** `X ≈ 0` on the entries selected by `where(i, j)` (a triangle). */
function zeroWhere(X: Leaf, where: (i: number, j: number) => boolean, atol: number, rtol: number, what: string): string | null {
  const part = maskLeaf(X, where);
  return approx(part, zerosLeaf(X.shape.slice(), false), rtol, atol, what);
}

const lowerStrict = (i: number, j: number): boolean => i > j;
const upperStrict = (i: number, j: number): boolean => j > i;

/** Every property name of FORMAT.md's vocabulary, with its checker. */
export const PROPERTIES: Record<string, PropertyCheck> = {
  "shapes match expected": (c) => {
    for (const name of c.names) {
      const e = expectedScalarOrArray(c.expected[name]);
      const a = actualLeaf(c.actual[name]);
      if (e === null) return `harness: expected output ${name} is not a value`;
      if (a === null) return `output ${name}: expected ${fmtShape(e.shape)}, got ${describe(c.actual[name])}`;
      if (a.shape.length !== e.shape.length || a.shape.some((d, k) => d !== e.shape[k])) {
        return `output ${name}: shape ${fmtShape(a.shape)}, expected ${fmtShape(e.shape)}`;
      }
    }
    return null;
  },
  "Q@R == A": (c) => approx(matmulLeaf(c.out("Q"), c.out("R")), c.A(), c.rtol, c.atol, "Q@R vs A"),
  "Q^H@Q == I": (c) => {
    const Q = c.out("Q");
    return nearIdentity(matmulLeaf(conjT(Q), Q), c.rtol, c.atol, "Q^H@Q vs I");
  },
  "R upper triangular": (c) => zeroWhere(c.out("R"), lowerStrict, c.atol, c.rtol, "tril(R, -1) vs 0"),
  "|R| == |expected R|": (c) => approx(absLeaf(c.out("R")), absLeaf(c.exp("R")), c.rtol, c.atol, "|R| vs |expected R|"),
  "R^H@R == A^H@A": (c) => {
    const R = c.out("R");
    const A = c.A();
    return approx(matmulLeaf(conjT(R), R), matmulLeaf(conjT(A), A), c.rtol, c.atol, "R^H@R vs A^H@A");
  },
  "U@diag(S)@Vh == A": (c) => {
    const U = c.out("U");
    const S = c.out("S");
    const Vh = c.out("Vh");
    const k = S.shape[S.shape.length - 1];
    const [m] = last2(U, "U");
    const [, n] = last2(Vh, "Vh");
    const US = scaleColumns(subMatrix(U, m, k), S);
    return approx(matmulLeaf(US, subMatrix(Vh, k, n)), c.A(), c.rtol, c.atol, "U[:, :k]*S@Vh[:k] vs A");
  },
  "U^H@U == I": (c) => {
    const U = c.out("U");
    return nearIdentity(matmulLeaf(conjT(U), U), c.rtol, c.atol, "U^H@U vs I");
  },
  "Vh@Vh^H == I": (c) => {
    const Vh = c.out("Vh");
    return nearIdentity(matmulLeaf(Vh, conjT(Vh)), c.rtol, c.atol, "Vh@Vh^H vs I");
  },
  "S == expected S": (c) => approx(c.out("S"), c.exp("S"), c.rtol, c.atol, "S vs expected S"),
  "S descending nonnegative": (c) => {
    const S = c.out("S");
    const { count, n } = rowsOf(S);
    for (let r = 0; r < count; r++) {
      for (let i = 0; i < n; i++) {
        const s = S.re[r * n + i];
        if (!(s >= -c.atol)) return `S[${r}][${i}] = ${s} is negative (beyond atol ${c.atol})`;
        if (i + 1 < n) {
          const next = S.re[r * n + i + 1];
          if (!(next - s <= c.atol + c.rtol * Math.abs(next))) return `S not descending at batch ${r}: S[${i}] = ${s} < S[${i + 1}] = ${next}`;
        }
      }
    }
    return null;
  },
  "w == expected w (multiset)": (c) => {
    const w = c.out("w");
    const e = c.exp("w");
    if (w.shape.length !== e.shape.length || w.shape.some((d, k) => d !== e.shape[k])) {
      return `w shape ${fmtShape(w.shape)}, expected ${fmtShape(e.shape)}`;
    }
    const { count, n } = rowsOf(e);
    for (let r = 0; r < count; r++) {
      const at = (x: Leaf, i: number): [number, number] => [x.re[r * n + i], x.im ? x.im[r * n + i] : 0];
      const cost = Array.from({ length: n }, (_, i) =>
        Array.from({ length: n }, (_, j) => {
          const [ar, ai] = at(w, i);
          const [er, ei] = at(e, j);
          const d = Math.hypot(ar - er, ai - ei);
          return Number.isFinite(d) ? d : 1e300;
        }),
      );
      const match = hungarian(cost);
      for (let i = 0; i < n; i++) {
        const [ar, ai] = at(w, i);
        const [er, ei] = at(e, match[i]);
        const d = Math.hypot(ar - er, ai - ei);
        const tol = c.atol + c.rtol * Math.hypot(er, ei);
        if (!(d <= tol)) {
          return `eigenvalue w[${count > 1 ? `${r}, ` : ""}${i}] = ${fmtElem(ar, ai)} best matches expected ${fmtElem(er, ei)}, |diff| ${d.toExponential(3)} > tol ${tol.toExponential(3)}`;
        }
      }
    }
    return null;
  },
  "w == expected w": (c) => approx(c.out("w"), c.exp("w"), c.rtol, c.atol, "w vs expected w"),
  "sorted(w) == sorted(expected w)": (c) => {
    const sortRows = (x: Leaf): Leaf => {
      const { count, n } = rowsOf(x);
      const re = x.re.slice();
      for (let r = 0; r < count; r++) re.subarray(r * n, (r + 1) * n).sort();
      return { ...x, re, im: null };
    };
    return approx(sortRows(c.out("w")), sortRows(c.exp("w")), c.rtol, c.atol, "sorted(w) vs sorted(expected w)");
  },
  "A@v == v*w": (c) => {
    const v = c.out("v");
    return approx(matmulLeaf(c.A(), v), scaleColumns(v, c.out("w")), c.rtol, c.atol, "A@v vs v*w");
  },
  "v columns unit norm": (c) => {
    const v = c.out("v");
    const [m, k] = last2(v, "v");
    const count = v.re.length / Math.max(m * k, 1);
    const norms = zerosLeaf([...v.shape.slice(0, -2), k], false);
    for (let t = 0; t < count; t++) {
      for (let j = 0; j < k; j++) {
        let s = 0;
        for (let i = 0; i < m; i++) {
          const e = t * m * k + i * k + j;
          s += v.re[e] * v.re[e] + (v.im ? v.im[e] * v.im[e] : 0);
        }
        norms.re[t * k + j] = Math.sqrt(s);
      }
    }
    const ones = zerosLeaf(norms.shape.slice(), false);
    ones.re.fill(1);
    return approx(norms, ones, c.rtol, c.atol, "column norms of v vs 1");
  },
  "v^H@v == I": (c) => {
    const v = c.out("v");
    return nearIdentity(matmulLeaf(conjT(v), v), c.rtol, c.atol, "v^H@v vs I");
  },
  "P@L@U == A": (c) => {
    const PL = c.names.includes("PL") ? c.out("PL") : matmulLeaf(c.out("P"), c.out("L"));
    return approx(matmulLeaf(PL, c.out("U")), c.A(), c.rtol, c.atol, "P@L@U vs A");
  },
  "P permutation matrix": (c) => {
    const P = c.out("P");
    const [m, n] = last2(P, "P");
    if (m !== n) return `P is not square: shape ${fmtShape(P.shape)}`;
    const count = P.re.length / Math.max(n * n, 1);
    for (let t = 0; t < count; t++) {
      const rowOnes = new Array<number>(n).fill(0);
      const colOnes = new Array<number>(n).fill(0);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          const e = t * n * n + i * n + j;
          const x = P.re[e];
          if ((x !== 0 && x !== 1) || (P.im && P.im[e] !== 0)) return `P[${i}, ${j}] = ${x} is not exactly 0 or 1`;
          rowOnes[i] += x;
          colOnes[j] += x;
        }
      }
      const badRow = rowOnes.findIndex((s) => s !== 1);
      if (badRow >= 0) return `row ${badRow} of P has ${rowOnes[badRow]} ones`;
      const badCol = colOnes.findIndex((s) => s !== 1);
      if (badCol >= 0) return `column ${badCol} of P has ${colOnes[badCol]} ones`;
    }
    return null;
  },
  "L unit lower triangular": (c) => {
    const L = c.out("L");
    const upper = zeroWhere(L, upperStrict, c.atol, c.rtol, "triu(L, 1) vs 0");
    if (upper) return upper;
    const [m, n] = last2(L, "L");
    const k = Math.min(m, n);
    const count = L.re.length / Math.max(m * n, 1);
    const diag = zerosLeaf([count, k], L.im !== null);
    for (let t = 0; t < count; t++) {
      for (let i = 0; i < k; i++) {
        diag.re[t * k + i] = L.re[t * m * n + i * n + i];
        if (diag.im && L.im) diag.im[t * k + i] = L.im[t * m * n + i * n + i];
      }
    }
    const ones = zerosLeaf([count, k], false);
    ones.re.fill(1);
    return approx(diag, ones, c.rtol, c.atol, "diag(L) vs 1");
  },
  "U upper triangular": (c) => zeroWhere(c.out("U"), lowerStrict, c.atol, c.rtol, "tril(U, -1) vs 0"),
  "A@x == b (backward stable)": (c) => {
    const A = c.A();
    const x = c.out("x");
    const b = leafOfArgument(c.args[1], "b");
    const r = frobenius(subtractLeaf(matmulLeaf(A, x), b));
    const bound = c.atol + c.rtol * (frobenius(A) * frobenius(x) + frobenius(b));
    return r <= bound ? null : `‖A@x - b‖_F = ${r.toExponential(3)} > ${bound.toExponential(3)} = atol + rtol·(‖A‖‖x‖ + ‖b‖)`;
  },
  "info == 0": (c) => {
    const info = actualLeaf(c.actual.info);
    if (info === null || info.re.length !== 1) return `info is ${describe(c.actual.info)}, expected 0`;
    return info.re[0] === 0 ? null : `info = ${info.re[0]}, expected 0`;
  },
  "cg residual": (c) => {
    const A = c.A();
    const x = c.out("x");
    const b = leafOfArgument(c.args[1], "b");
    const tol = c.kwargs.tol === undefined ? 1e-5 : num(c.kwargs.tol);
    const atol = c.kwargs.atol === undefined || c.kwargs.atol === null ? 0 : num(c.kwargs.atol);
    const r = frobenius(subtractLeaf(b, matmulLeaf(A, x)));
    const bound = 10 * Math.max(tol * frobenius(b), atol);
    return r <= bound ? null : `‖b - A@x‖_2 = ${r.toExponential(3)} > ${bound.toExponential(3)} = 10·max(tol·‖b‖, atol)`;
  },
  "x == expected x": (c) => approx(c.out("x"), c.exp("x"), c.rtol, c.atol, "x vs expected x"),
  "result > 1e11 (inf allowed)": (c) => {
    const r = c.out(c.names[0]);
    for (let i = 0; i < r.re.length; i++) {
      const x = r.re[i];
      if (!(x > 1e11) || (r.im && r.im[i] !== 0)) return `element ${i} = ${fmtElem(x, r.im ? r.im[i] : null)} is not > 1e11`;
    }
    return null;
  },
};

/** Leaf of a decoded argument (NDArray, number, sparse input). */
function leafOfArgument(x: unknown, what: string): Leaf {
  if (isSparseInput(x)) return denseOfSparse(x);
  const leaf = actualLeaf(x);
  if (leaf === null) throw new PropertyError(`argument ${what} is ${describe(x)}, not an array`);
  return leaf;
}

/** The dense matrix of a sparse input (duplicate entries summed, as SciPy). */
function denseOfSparse(s: SparseInput): Leaf {
  const [m, n] = s.shape;
  const data = actualLeaf(s.data)!;
  const row = s.row.toTypedArray();
  const col = s.col.toTypedArray();
  const out = zerosLeaf([m, n], data.im !== null);
  for (let k = 0; k < row.length; k++) {
    const e = row[k] * n + col[k];
    out.re[e] += data.re[k];
    if (out.im && data.im) out.im[e] += data.im[k];
  }
  return out;
}

/** The Hermitian matrix eigh sees: `tril(A) + tril(A, -1)^H` for UPLO="L" (U likewise); diagonal imaginary parts ignored. */
function hermitianFromTriangle(a: Leaf, uplo: string): Leaf {
  const [n] = last2(a, "eigh input");
  const out: Leaf = { dtype: a.dtype, shape: a.shape.slice(), re: a.re.slice(), im: a.im ? a.im.slice() : null };
  const count = a.re.length / Math.max(n * n, 1);
  const lower = uplo.toUpperCase() !== "U";
  for (let t = 0; t < count; t++) {
    const o = t * n * n;
    for (let i = 0; i < n; i++) {
      if (out.im) out.im[o + i * n + i] = 0;
      for (let j = 0; j < i; j++) {
        // (i, j) is below the diagonal; the kept triangle supplies both entries
        const [src, dst] = lower ? [o + i * n + j, o + j * n + i] : [o + j * n + i, o + i * n + j];
        out.re[dst] = a.re[src];
        if (out.im && a.im) out.im[dst] = -a.im[src];
      }
    }
  }
  return out;
}

/** The A of FORMAT.md's properties for a case. */
function matrixA(c: GoldenCase, args: unknown[], kwargs: Record<string, unknown>): Leaf {
  const a = leafOfArgument(args[0], "A");
  if (c.op === "linalg.eigh" || c.op === "linalg.eigvalsh") {
    return hermitianFromTriangle(a, typeof kwargs.UPLO === "string" ? kwargs.UPLO : "L");
  }
  return a;
}

function checkProperties(c: GoldenCase, result: unknown, args: unknown[], kwargs: Record<string, unknown>): Mismatch | null {
  const expectedList = Array.isArray(c.expected) ? (c.expected as unknown[]) : [c.expected];
  const names = OUTPUT_NAMES[c.op]?.(kwargs) ?? (Array.isArray(c.expected) ? expectedList.map((_, i) => `result${i}`) : ["result"]);
  if (names.length !== expectedList.length) {
    return { kind: "error", message: `harness: ${c.op} has ${expectedList.length} expected outputs but OUTPUT_NAMES gives ${names.join(", ")}` };
  }
  let actualList: unknown[];
  if (Array.isArray(c.expected)) {
    if (!Array.isArray(result) || result.length !== expectedList.length) {
      return { kind: "structure", message: `expected a list of ${expectedList.length} outputs (${names.join(", ")}), got ${describe(result)}` };
    }
    actualList = result;
  } else actualList = [result];
  const actual = Object.fromEntries(names.map((n, i) => [n, actualList[i]]));
  const expected = Object.fromEntries(names.map((n, i) => [n, expectedList[i]]));
  let A: Leaf | undefined;
  const ctx: PropertyContext = {
    case: c,
    args,
    kwargs,
    rtol: c.rtol,
    atol: c.atol,
    names,
    actual,
    expected,
    out(name) {
      if (!(name in actual)) throw new PropertyError(`${c.op} has no output named ${name} (outputs: ${names.join(", ")})`);
      const leaf = actualLeaf(actual[name]);
      if (leaf === null) throw new PropertyError(`output ${name} is ${describe(actual[name])}, not an array`);
      return leaf;
    },
    exp(name) {
      const leaf = expectedScalarOrArray(expected[name]);
      if (leaf === null) throw new PropertyError(`expected output ${name} is not a value`);
      return leaf;
    },
    A() {
      return (A ??= matrixA(c, args, kwargs));
    },
  };
  for (const p of c.properties ?? []) {
    const check = PROPERTIES[p];
    if (!check) return { kind: "error", message: `harness: unknown property ${JSON.stringify(p)}` };
    let msg: string | null;
    try {
      msg = check(ctx);
    } catch (e) {
      if (!(e instanceof PropertyError)) throw e;
      msg = e.message;
    }
    if (msg !== null) return { kind: "property", message: `property "${p}" fails: ${msg}` };
  }
  return null;
}

// ================================================================== 5. running cases

/** An op entry: decoded positional and keyword arguments in, NumPy's result out. */
export type OpFn = (args: unknown[], kwargs: Record<string, unknown>) => unknown;

/** NumPy/SciPy op name (as in the case files) -> entry. */
export type OpRegistry = Record<string, OpFn>;

const RAW_FLOATS = Symbol.for("sliderule.golden.pyFloats");

/** Mark an entry as wanting Python floats as {@link PyFloat} markers (value-based casting), not numbers. */
export function withPyFloats(f: OpFn): OpFn {
  (f as OpFn & { [RAW_FLOATS]?: boolean })[RAW_FLOATS] = true;
  return f;
}

function wantsPyFloats(f: OpFn): boolean {
  return (f as OpFn & { [RAW_FLOATS]?: boolean })[RAW_FLOATS] === true;
}

/**
 * Thrown by an entry when a library function it needs does not exist yet (looked up
 * dynamically); the case is reported as skipped, naming the function.
 */
export class OpUnavailable extends Error {
  constructor(readonly missing: string) {
    super(`${missing} is not available yet`);
    this.name = "OpUnavailable";
  }
}

export type CaseStatus = "passed" | "failed" | "skipped";

export interface CaseResult {
  id: string;
  family: string;
  op: string;
  check: CheckKind;
  status: CaseStatus;
  /** Empty for a pass; the reason for a skip; a readable account of a failure. */
  detail: string;
  /** For failures: shape, dtype, value, structure, type, raises, error or property. */
  failure?: MismatchKind;
  /** For skips: the op, or the missing library function. */
  skipped?: string;
}

function errorSummary(e: unknown): string {
  if (e instanceof Error) {
    const chain = errorClassNames(e).filter((n) => n !== "Error" && n !== "Object");
    return `${chain.length ? chain.join(" < ") : e.name}: ${e.message}`;
  }
  return `non-error value thrown: ${String(e)}`;
}

/** Run one case against a registry and check it. Never throws. */
export function runCase(c: GoldenCase, registry: OpRegistry): CaseResult {
  const base = { id: c.id, family: c.family, op: c.op, check: c.check };
  const fn = Object.prototype.hasOwnProperty.call(registry, c.op) ? registry[c.op] : undefined;
  if (fn === undefined) return { ...base, status: "skipped", detail: `op "${c.op}" is not in the registry`, skipped: c.op };
  const fail = (m: Mismatch): CaseResult => ({ ...base, status: "failed", detail: `${c.op}: ${m.message}`, failure: m.kind });
  const floats: FloatMode = wantsPyFloats(fn) ? "pyfloat" : "number";
  let args: unknown[];
  let kwargs: Record<string, unknown>;
  try {
    args = decodeValue(c.args, floats) as unknown[];
    kwargs = decodeValue(c.kwargs, floats) as Record<string, unknown>;
  } catch (e) {
    return fail({ kind: "error", message: `harness could not decode the arguments: ${errorSummary(e)}` });
  }
  let result: unknown;
  let thrown: unknown;
  let threw = false;
  try {
    result = fn(args, kwargs);
  } catch (e) {
    threw = true;
    thrown = e;
  }
  if (threw && thrown instanceof OpUnavailable) {
    return { ...base, status: "skipped", detail: `${thrown.missing} is not available yet`, skipped: thrown.missing };
  }
  if (c.check === "raises") {
    const want = String(c.expected);
    if (!threw) return fail({ kind: "raises", message: `expected ${want} to be thrown, but it returned ${describe(result)}` });
    const names = errorClassNames(thrown);
    if (thrown instanceof Error && !names.includes(thrown.name)) names.push(thrown.name);
    const accepted = [want, ...(c.error_bases ?? [])];
    if (names.some((n) => accepted.includes(n))) return { ...base, status: "passed", detail: "" };
    return fail({ kind: "raises", message: `expected ${accepted.join(" or ")}, but threw ${errorSummary(thrown)}` });
  }
  if (threw) {
    const stack = thrown instanceof Error && thrown.stack ? `\n${thrown.stack.split("\n").slice(1, 4).join("\n")}` : "";
    return fail({ kind: "error", message: `threw ${errorSummary(thrown)}${stack}` });
  }
  try {
    const m =
      c.check === "allclose"
        ? checkAllclose(result, c.expected, c.rtol, c.atol)
        : checkProperties(c, result, floats === "pyfloat" ? (plain(args) as unknown[]) : args, floats === "pyfloat" ? (plain(kwargs) as Record<string, unknown>) : kwargs);
    return m ? fail(m) : { ...base, status: "passed", detail: "" };
  } catch (e) {
    return fail({ kind: "error", message: `harness error while checking: ${errorSummary(e)}` });
  }
}

/** Run every case in order (order matters for nothing but readability). */
export function runCases(cases: readonly GoldenCase[], registry: OpRegistry): CaseResult[] {
  return cases.map((c) => runCase(c, registry));
}

export interface FamilySummary {
  family: string;
  passed: number;
  failed: number;
  skipped: number;
  /** Skipped op (or missing function) -> number of cases. */
  skippedOps: Map<string, number>;
  failures: CaseResult[];
}

/** Per-family counts, in order of first appearance. */
export function summarize(results: readonly CaseResult[]): FamilySummary[] {
  const byFamily = new Map<string, FamilySummary>();
  for (const r of results) {
    let s = byFamily.get(r.family);
    if (!s) {
      s = { family: r.family, passed: 0, failed: 0, skipped: 0, skippedOps: new Map(), failures: [] };
      byFamily.set(r.family, s);
    }
    s[r.status]++;
    if (r.status === "skipped") s.skippedOps.set(r.skipped ?? r.op, (s.skippedOps.get(r.skipped ?? r.op) ?? 0) + 1);
    if (r.status === "failed") s.failures.push(r);
  }
  return [...byFamily.values()];
}

/** Merge registries; a later registry's entry replaces an earlier one of the same name. */
export function mergeRegistries(...registries: OpRegistry[]): OpRegistry {
  return Object.assign({}, ...registries) as OpRegistry;
}

