/**
 * Argument conversion shared by the manipulation functions (manipulation.ts, tiling.ts,
 * padding.ts, stacking.ts): array arguments and integer lists, each checked at run time with errors that
 * name the public function. Internal: not exported from the package.
 */
import { asarray } from "./creation.js";
import { ValueError } from "./errors.js";
import { fromNested, NDArray, type NestedArray } from "./ndarray.js";
import { fmtShape } from "./shape.js";
import { checkInt, describe, rejectBigInt } from "./validate.js";

export function isTypedArray(x: unknown): boolean {
  return x instanceof Float64Array || x instanceof Float32Array || x instanceof Int32Array || x instanceof Uint8Array;
}

/**
 * An array argument: an NDArray as it is, nested JS arrays, a typed array or a scalar
 * converted; anything else throws a ValueError naming `fn` and the argument.
 */
export function arrayArg(x: unknown, fn: string, name = "a"): NDArray {
  if (x instanceof NDArray) return x;
  rejectBigInt(fn, name, x);
  if (isTypedArray(x)) return asarray(x as Float64Array);
  const complexScalar = x !== null && typeof x === "object" && "re" in x && "im" in x;
  if (typeof x === "number" || typeof x === "boolean" || Array.isArray(x) || complexScalar) return fromNested(x as NestedArray, fn);
  throw new ValueError(`${fn}: ${name} must be an array, a nested list of numbers or a number, got ${describe(x)}`);
}

/**
 * A list of integers (a JS array, typed array or 1-D NDArray; 0-d and numbers give one
 * element), each an integer in [min, max]. Floats holding integers are accepted (with
 * float64 the default dtype, `np.array([1, 2])` is float64).
 */
export function intList(fn: string, name: string, v: unknown, range: { min?: number; max?: number } = {}): number[] {
  let values: number[];
  if (typeof v === "number") values = [v];
  else if (v instanceof NDArray) {
    if (v.ndim > 1) throw new ValueError(`${fn}: ${name} must be 1-d, got shape ${fmtShape(v.shape)}`);
    if (v.dtype === "complex128") throw new ValueError(`${fn}: ${name} must hold integers, got a complex128 array`);
    values = Array.from(v.ravel().copy().data as Iterable<number>);
  } else if (Array.isArray(v) || isTypedArray(v)) values = Array.from(v as Iterable<unknown>) as number[];
  else throw new ValueError(`${fn}: ${name} must be an integer or a list of integers, got ${describe(v)}`);
  for (const x of values) {
    if (typeof x === "boolean") continue;
    rejectBigInt(fn, name, x);
    checkInt(fn, `every entry of ${name}`, x, range);
  }
  return values.map(Number);
}
