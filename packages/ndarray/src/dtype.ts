/**
 * Data types and NumPy's promotion rules for the five dtypes Sliderule has.
 *
 * | dtype      | buffer        | element                                     |
 * | ---------- | ------------- | ------------------------------------------- |
 * | float64    | Float64Array  | the default, as in NumPy                    |
 * | float32    | Float32Array  |                                             |
 * | int32      | Int32Array    | the integer dtype (stands in for NumPy's int64) |
 * | bool       | Uint8Array    | 0 or 1                                      |
 * | complex128 | Float64Array  | two slots per element: re, im (interleaved) |
 *
 * Promotion follows NumPy's table restricted to these types; the one deliberate difference is
 * that integers are 32-bit, so int32 + int32 stays int32 where NumPy would give int64 on
 * integer overflow-prone reductions (documented in the README).
 */
import { DTypeError, MemoryError, ValueError } from "./errors.js";
import { describe, isPlainObject, checkArity } from "./validate.js";

export type DType = "float64" | "float32" | "int32" | "bool" | "complex128";
export type TypedArray = Float64Array | Float32Array | Int32Array | Uint8Array;

export const DTYPES: readonly DType[] = ["bool", "int32", "float32", "float64", "complex128"];

/** Bytes per element, as NumPy's itemsize. */
export const ITEMSIZE: Record<DType, number> = {
  bool: 1,
  int32: 4,
  float32: 4,
  float64: 8,
  complex128: 16,
};

/** The kind of a dtype, in NumPy's order of generality: bool < int < float < complex. */
export type Kind = "b" | "i" | "f" | "c";
export const KIND: Record<DType, Kind> = {
  bool: "b",
  int32: "i",
  float32: "f",
  float64: "f",
  complex128: "c",
};
const KIND_RANK: Record<Kind, number> = { b: 0, i: 1, f: 2, c: 3 };

/** Check a dtype name given by a caller; `fn` names the function for the message. */
export function checkDType(dtype: unknown, fn: string): DType {
  if (typeof dtype === "string" && (DTYPES as readonly string[]).includes(dtype)) return dtype as DType;
  const shown =
    typeof dtype === "string"
      ? JSON.stringify(dtype)
      : typeof dtype === "bigint"
        ? `${dtype}n`
        : typeof dtype === "function"
          ? `a function (${dtype.name || "anonymous"}; pass a dtype name such as "float64")`
          : describe(dtype);
  throw new DTypeError(`${fn}: unknown dtype ${shown}; expected one of ${DTYPES.join(", ")}`);
}

/** The most elements one array may hold: V8's typed-array limit (2^32 − 1 on 64-bit hosts). */
export const MAX_ELEMENTS = 2 ** 32 - 1;

/**
 * Check that `shape` (non-negative integers) can be allocated as `dtype` before trying, so a
 * caller who writes `zeros([1e5, 1e5])` gets NumPy's "Unable to allocate" naming the size
 * rather than the engine's RangeError.
 * @throws MemoryError naming `fn`, the size in bytes and the shape.
 */
export function checkAllocation(shape: readonly number[], fn: string, dtype: DType = "float64"): void {
  const n = shape.reduce((p, d) => p * d, 1);
  const slots = dtype === "complex128" ? 2 * n : n;
  if (slots <= MAX_ELEMENTS) return;
  const gib = (n * ITEMSIZE[dtype]) / 2 ** 30;
  throw new MemoryError(
    `${fn}: unable to allocate ${gib.toPrecision(3)} GiB for an array with shape (${shape.join(", ")}${shape.length === 1 ? "," : ""}) and data type ${dtype}`,
  );
}

/** A zeroed buffer that holds `n` elements of `dtype` (2n slots for complex128). */
export function allocate(dtype: DType, n: number): TypedArray {
  if (!(n <= MAX_ELEMENTS)) checkAllocation([n], "allocate", dtype);
  switch (dtype) {
    case "float64":
      return new Float64Array(n);
    case "float32":
      return new Float32Array(n);
    case "int32":
      return new Int32Array(n);
    case "bool":
      return new Uint8Array(n);
    case "complex128":
      return new Float64Array(2 * n);
    default:
      return dtype satisfies never;
  }
}

/** The dtype of a raw typed array (Float64Array is read as float64, never complex). */
export function dtypeOfBuffer(data: TypedArray): DType {
  if (data instanceof Float64Array) return "float64";
  if (data instanceof Float32Array) return "float32";
  if (data instanceof Int32Array) return "int32";
  if (data instanceof Uint8Array) return "bool";
  throw new DTypeError(`dtypeOfBuffer: unsupported buffer ${Object.prototype.toString.call(data)}`);
}

// NumPy's promote_types restricted to our dtypes. int32 with float32 gives float64, as in NumPy.
const PROMOTE: Record<DType, Record<DType, DType>> = {
  bool: { bool: "bool", int32: "int32", float32: "float32", float64: "float64", complex128: "complex128" },
  int32: { bool: "int32", int32: "int32", float32: "float64", float64: "float64", complex128: "complex128" },
  float32: { bool: "float32", int32: "float64", float32: "float32", float64: "float64", complex128: "complex128" },
  float64: { bool: "float64", int32: "float64", float32: "float64", float64: "float64", complex128: "complex128" },
  complex128: {
    bool: "complex128",
    int32: "complex128",
    float32: "complex128",
    float64: "complex128",
    complex128: "complex128",
  },
};

/**
 * The smallest dtype both can be cast to safely (internal: `a` and `b` are dtypes; safe to
 * pass to `reduce`). The public, checked entry is {@link checkedPromoteTypes}.
 */
export function promoteTypes(a: DType, b: DType): DType {
  return PROMOTE[a][b];
}

/**
 * `np.promote_types(a, b)`: the smallest dtype both can be cast to safely. Exported as `promoteTypes`.
 * @throws DTypeError for a name that is not a dtype; ValueError for a wrong number of arguments.
 * @example
 * promoteTypes("int32", "float32"); // "float64"
 */
export function checkedPromoteTypes(a: DType, b: DType): DType {
  checkArity("promoteTypes", arguments.length, ["a", "b"], 2);
  return PROMOTE[checkDType(a, "promoteTypes")][checkDType(b, "promoteTypes")];
}

/** The default dtype of each kind, used for Python-style scalars (int -> int32, float -> float64). */
export const DEFAULT_OF_KIND: Record<Kind, DType> = { b: "bool", i: "int32", f: "float64", c: "complex128" };

/**
 * One operand's contribution to result-type resolution: its dtype and whether it is a
 * scalar (a JS number or boolean, or a 0-d array), which NumPy 1.24 treats by kind only.
 */
export interface TypeOperand {
  dtype: DType;
  scalar: boolean;
}

/**
 * `np.result_type` with NumPy 1.24's value-based casting: when arrays and scalars are mixed,
 * a scalar only matters if its kind is higher than every array's kind
 * (`float32 array + 2.5 -> float32`, `int32 array + 2.5 -> float64`, `int32 array + 3 -> int32`).
 * Not modelled: NumPy 1.24 also looks at a scalar's value within the array's kind
 * (`float32 array + 1e300 -> float64`); here, as in NumPy 2 (NEP 50), only its kind counts.
 */
export function resultType(ops: readonly TypeOperand[]): DType {
  // (internal: ops is a non-empty list of checked operands; the public entry is checkedResultType)
  const arrays = ops.filter((o) => !o.scalar);
  const scalars = ops.filter((o) => o.scalar);
  if (arrays.length === 0 || scalars.length === 0) return ops.map((o) => o.dtype).reduce(promoteTypes);
  let arrayType = arrays.map((o) => o.dtype).reduce(promoteTypes);
  let scalarType = scalars.map((o) => o.dtype).reduce(promoteTypes);
  if (KIND_RANK[KIND[scalarType]] > KIND_RANK[KIND[arrayType]]) {
    // The scalar's kind wins: plain promotion with the scalar's own dtype, as NumPy 1.24
    // (`bool array + 0-d float32 -> float32`, `bool array + 2.5 -> float64`).
    return promoteTypes(arrayType, scalarType);
  }
  return arrayType;
}

/**
 * `np.result_type` on operands described as `{ dtype, scalar }` (see {@link resultType} for
 * the rules). Exported as `resultType`.
 * @throws ValueError for anything but a non-empty list of `{ dtype, scalar }` objects or an
 *   extra argument; DTypeError for an unknown dtype.
 * @example
 * resultType([{ dtype: "int32", scalar: false }, { dtype: "float64", scalar: true }]); // "float64"
 */
export function checkedResultType(ops: readonly TypeOperand[]): DType {
  checkArity("resultType", arguments.length, ["ops"], 1);
  if (!Array.isArray(ops) || ops.length === 0) {
    throw new ValueError(`resultType: ops must be a non-empty list of { dtype, scalar } objects, got ${describe(ops)}`);
  }
  for (let i = 0; i < ops.length; i++) {
    const o: unknown = ops[i];
    if (!isPlainObject(o)) throw new ValueError(`resultType: ops[${i}] must be a { dtype, scalar } object, got ${describe(o)}`);
    for (const key of Object.keys(o)) {
      if (key !== "dtype" && key !== "scalar") throw new ValueError(`resultType: ops[${i}] has only dtype and scalar, got key '${key}'`);
    }
    checkDType(o.dtype, "resultType");
    if (typeof o.scalar !== "boolean") throw new ValueError(`resultType: ops[${i}].scalar must be true or false, got ${describe(o.scalar)}`);
  }
  return resultType(ops);
}

/** The dtype a JS scalar behaves as: boolean -> bool, integer number -> int32, other -> float64. */
export function scalarDType(x: number | boolean): DType {
  if (typeof x === "boolean") return "bool";
  return Number.isInteger(x) && x >= -2147483648 && x <= 2147483647 ? "int32" : "float64";
}

export function isComplex(dtype: DType): boolean {
  return dtype === "complex128";
}

export function isFloating(dtype: DType): boolean {
  return dtype === "float64" || dtype === "float32";
}

export function isInteger(dtype: DType): boolean {
  return dtype === "int32" || dtype === "bool";
}

/** Convert a JS number to what a buffer of `dtype` stores (int32 truncates toward zero as C does). */
export function castScalar(x: number, dtype: DType): number {
  switch (dtype) {
    case "bool":
      return x !== 0 ? 1 : 0;
    case "int32":
      return x | 0;
    case "float32":
      return Math.fround(x);
    default:
      return x;
  }
}
