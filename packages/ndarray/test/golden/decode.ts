/**
 * Decoding golden-case values (cases/FORMAT.md, part 2 of the harness): `{dtype, shape, data}`
 * -> NDArray (NumPy's int64 -> our int32, or float64 when a value does not fit; complex64 ->
 * complex128), slices, ellipsis, newaxis, sparse inputs (built by the op itself) and
 * random-stream calls; scalars stay numbers, or {@link PyFloat} markers for entries that ask for
 * them (FloatMode "pyfloat"). Also the small converters op entries use: `num`, `plain`,
 * `scalarArg`. Decoding never modifies the case; it throws TypeError on a value it cannot read.
 */
import * as np from "@sliderule/ndarray";
import type { DType, NDArray } from "@sliderule/ndarray";
import { describe } from "./format.js";
import { PyFloat } from "./golden-json.js";

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

export const NON_FINITE: Record<string, number> = { nan: NaN, inf: Infinity, "-inf": -Infinity };

/** One element of an encoded real array. */
export function decodeReal(x: unknown): number {
  if (typeof x === "number") return x;
  if (typeof x === "boolean") return x ? 1 : 0;
  if (typeof x === "string" && x in NON_FINITE) return NON_FINITE[x];
  throw new TypeError(`golden: cannot decode array element ${describe(x)}`);
}

/** One element of an encoded complex array: a pair [re, im]. */
export function decodeComplex(x: unknown): [number, number] {
  if (Array.isArray(x) && x.length === 2) return [decodeReal(x[0]), decodeReal(x[1])];
  throw new TypeError(`golden: cannot decode complex element ${describe(x)}`);
}

export const INT32_MIN = -2147483648;
export const INT32_MAX = 2147483647;

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
