/**
 * The golden harness's `allclose` checker (cases/FORMAT.md rule 4, part 3 of the harness): a
 * result and its expected value are reduced to {@link Leaf}s (dtype, shape, elements as
 * float64) and compared by the shape rule, exact integers, exact non-finite values and
 *
 *   |a − e| ≤ atol + rtol·|e|      (complex: on the modulus of the difference)
 *
 * A dtype mismatch is reported apart from a value mismatch. Returns a {@link Mismatch} or null.
 * Reference: numpy.allclose (the same inequality, with e as the reference).
 */
import * as np from "@sliderule/ndarray";
import { decodeComplex, decodeReal, isEncodedArray, NON_FINITE, INT32_MAX, INT32_MIN, type EncodedArray } from "./decode.js";
import { describe, fmtElem, fmtShape, unravel } from "./format.js";
import { PyFloat } from "./golden-json.js";

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
    if (enc.dtype === "complex64") for (let i = 0; i < n; i++) ((re[i] = Math.fround(re[i])), (im[i] = Math.fround(im[i])));
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
export function expectedScalarOrArray(e: unknown): Leaf | null {
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
    return actual === expected
      ? null
      : { kind: "value", message: `expected the string ${JSON.stringify(expected)}${where ? ` at ${where}` : ""}, got ${describe(actual)}` };
  }
  const e = expectedScalarOrArray(expected);
  if (e === null) return { kind: "type", message: `harness: cannot read expected value ${describe(expected)}` };
  const a = actualLeaf(actual);
  if (a === null) {
    return {
      kind: "type",
      message: `expected ${e.shape.length ? `an array ${fmtShape(e.shape)}` : "a scalar or 0-d array"}${where ? ` at ${where}` : ""}, got ${describe(actual)}`,
    };
  }
  return compareLeaf(a, e, rtol, atol, where);
}
