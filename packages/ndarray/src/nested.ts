/**
 * Nested JS arrays as a typed buffer: the parse behind `np.array([[1, 2], [3, 4]])`.
 *
 *   shape  = the lengths along the first path ([[1, 2], [3, 4]] → (2, 2)), every branch checked;
 *   dtype  = bool if all leaves are booleans, complex128 if any is {re, im}, else float64
 *            (JS cannot tell 1.0 from 1), unless a dtype is given;
 *   data   = the leaves in C order, cast to the dtype (complex: interleaved re, im).
 *
 * Returns the buffer, shape and dtype; `fromNested` (ndarray-class.ts) wraps them in an
 * NDArray. Ragged nesting, BigInts, non-numbers and nesting deeper than MAX_DIMS throw.
 *
 * Reference: NumPy's `np.array` dtype discovery (numpy/core/src/multiarray/array_coercion.c),
 * with JS's single number type in place of Python's int/float.
 */
import { allocate, castScalar, checkDType, type DType, type TypedArray } from "./dtype.js";
import { DTypeError, ValueError } from "./errors.js";
import { fmtShape } from "./shape.js";
import { describe } from "./validate.js";

/** A complex number as read from a complex128 array. */
export interface Complex {
  re: number;
  im: number;
}

/** Nested JS arrays of numbers or booleans, as accepted by `array` and returned by `toArray`. */
export type NestedArray = number | boolean | Complex | NestedArray[];

/** NumPy 2's limit on the number of dimensions. */
export const MAX_DIMS = 64;

/** A parsed nested array: its buffer, shape and dtype. */
export interface NestedBuffer {
  data: TypedArray;
  shape: number[];
  dtype: DType;
}

/**
 * Parse nested JS arrays into a buffer. The dtype, unless given: all booleans -> bool, any
 * number -> float64 (JS has one number type; `[1, 2, 3]` is float64, where NumPy would choose
 * int64 for Python ints), any {re, im} -> complex128. Ragged nesting, BigInts, nesting deeper
 * than MAX_DIMS and sizes too large to allocate are rejected with our errors (naming `fn`).
 */
export function nestedToBuffer(value: NestedArray, fn: string, dtype?: DType): NestedBuffer {
  // Find the shape along the first path, then check every branch against it.
  const shape: number[] = [];
  let probe: NestedArray = value;
  while (Array.isArray(probe)) {
    shape.push(probe.length);
    if (shape.length > MAX_DIMS) throw new ValueError(`${fn}: nested lists are deeper than ${MAX_DIMS} levels; an array has at most ${MAX_DIMS} dimensions`);
    if (probe.length === 0) break;
    probe = probe[0];
  }
  let kind: 0 | 1 | 2 = 0; // bool, number (float64), complex
  const flat: (number | Complex)[] = [];
  const walk = (v: NestedArray, depth: number, path: string): void => {
    if (depth === shape.length) {
      if (Array.isArray(v)) throw new ValueError(`${fn}: inhomogeneous (ragged) nested array at ${path || "top"}: expected a number, found a list`);
      if (typeof v === "boolean") flat.push(v ? 1 : 0);
      else if (typeof v === "number") {
        if (kind < 1) kind = 1;
        flat.push(v);
      } else if (v !== null && typeof v === "object" && "re" in v && typeof v.re === "number" && typeof (v as Complex).im === "number") {
        kind = 2;
        flat.push(v);
      } else if (typeof v === "bigint") {
        throw new DTypeError(`${fn}: ${describe(v)} at ${path || "top"}: BigInt values are not supported; pass Numbers`);
      } else {
        throw new ValueError(`${fn}: cannot convert ${describe(v)} at ${path || "top"} to a number`);
      }
      return;
    }
    if (!Array.isArray(v) || v.length !== shape[depth]) {
      const got = Array.isArray(v) ? `length ${v.length}` : "a scalar";
      throw new ValueError(
        `${fn}: inhomogeneous (ragged) nested array: at ${path || "top"} expected a list of length ${shape[depth]} (shape so far ${fmtShape(shape.slice(0, depth + 1))}), found ${got}`,
      );
    }
    for (let i = 0; i < v.length; i++) walk(v[i], depth + 1, `${path}[${i}]`);
  };
  walk(value, 0, "");
  // JS cannot tell 1.0 from 1, so every number is a float64, as JS itself treats it: an
  // integer dtype comes only when asked for (dtype "int32", an Int32Array, arange of integers).
  const inferred: DType = (["bool", "float64", "complex128"] as const)[kind];
  const dt = dtype === undefined ? (flat.length === 0 ? "float64" : inferred) : checkDType(dtype, fn);
  const data = allocate(dt, flat.length);
  if (dt === "complex128") {
    flat.forEach((v, i) => {
      data[2 * i] = typeof v === "number" ? v : v.re;
      data[2 * i + 1] = typeof v === "number" ? 0 : v.im;
    });
  } else {
    flat.forEach((v, i) => {
      if (typeof v !== "number") throw new DTypeError(`${fn}: cannot cast complex input to ${dt}`);
      data[i] = castScalar(v, dt);
    });
  }
  return { data, shape, dtype: dt };
}
