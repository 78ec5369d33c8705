/**
 * Run-time checks of a public function's arguments, for callers without a type checker
 * (plain JavaScript, `tsx`): a wrong type, an unknown option or an out-of-range value throws
 * one of our error classes, its message naming the function, the argument and the value.
 *
 * Hand-written rather than zod: these run on every call of small functions, where a schema
 * parse would cost more than the work. Each check returns the value it accepted (narrowed),
 * so a call reads `const k = checkInt("eye", "k", options.k ?? 0)`.
 */
import { DTypeError, ValueError } from "./errors.js";

/** A value as an error message shows it; safe for BigInt, symbols, functions and cycles. */
export function describe(v: unknown): string {
  switch (typeof v) {
    case "string":
      return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
    case "bigint":
      return `${v}n (a BigInt)`;
    case "symbol":
      return v.toString();
    case "function":
      return `a function${v.name ? ` (${v.name})` : ""}`;
    case "undefined":
      return "undefined";
    case "object": {
      if (v === null) return "null";
      if (Array.isArray(v)) {
        const items = v.slice(0, 6).map((x) => (Array.isArray(x) ? "[…]" : x !== null && typeof x === "object" ? "{…}" : describe(x)));
        return `[${items.join(", ")}${v.length > 6 ? ", …" : ""}]`;
      }
      const ctor = (v as { constructor?: { name?: string } }).constructor?.name;
      if (ctor === "NDArray") {
        const a = v as { shape: readonly number[]; dtype: string };
        return `an array of shape (${a.shape.join(", ")}${a.shape.length === 1 ? "," : ""}) and dtype ${a.dtype}`;
      }
      return ctor && ctor !== "Object" ? `a ${ctor}` : "an object";
    }
    default:
      return String(v);
  }
}

/** An object literal (`{ axis: 0 }`): not an array, NDArray, Map, typed array or class instance. */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== "object") return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** NumPy's snake_case spelling of one of our camelCase names. */
function camel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/**
 * `options` must be undefined or a plain object whose keys are all in `allowed`. Returns the
 * object (or `{}`). An unknown key names the allowed ones, with a hint for NumPy's spelling.
 * @throws ValueError `fn: unknown option 'keep_dims' (did you mean 'keepdims'?); its options are axis, keepdims`
 */
export function checkOptions<T extends object>(fn: string, options: T | undefined, allowed: readonly string[]): T {
  if (options === undefined) return {} as T;
  if (!isPlainObject(options)) {
    throw new ValueError(`${fn}: options must be an object, got ${describe(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (allowed.includes(key)) continue;
    const match = allowed.find((a) => a.toLowerCase() === camel(key).toLowerCase());
    const hint = match !== undefined ? ` (did you mean '${match}'?)` : "";
    const known = allowed.length === 0 ? "it takes no options" : `its options are ${allowed.join(", ")}`;
    throw new ValueError(`${fn}: unknown option '${key}'${hint}; ${known}`);
  }
  return options;
}

/** A finite or infinite number, never NaN (unless `allowNaN`). */
export function checkNumber(fn: string, name: string, v: unknown, { allowNaN = false, finite = false } = {}): number {
  if (typeof v !== "number" || (!allowNaN && Number.isNaN(v)) || (finite && !Number.isFinite(v) && !Number.isNaN(v))) {
    throw new ValueError(`${fn}: ${name} must be a ${finite ? "finite " : ""}number, got ${describe(v)}`);
  }
  return v;
}

/** An integer in [min, max] (defaults: any safe integer). */
export function checkInt(fn: string, name: string, v: unknown, { min = -Number.MAX_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = {}): number {
  if (typeof v !== "number" || !Number.isInteger(v)) throw new ValueError(`${fn}: ${name} must be an integer, got ${describe(v)}`);
  if (v < min || v > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : min === -Number.MAX_SAFE_INTEGER ? `<= ${max}` : `in [${min}, ${max}]`;
    throw new ValueError(`${fn}: ${name} must be an integer ${range}, got ${v}`);
  }
  return v;
}

/** A boolean (NumPy accepts any truthy object; a JS caller passing `"false"` means a bug). */
export function checkBool(fn: string, name: string, v: unknown): boolean {
  if (typeof v !== "boolean") throw new ValueError(`${fn}: ${name} must be true or false, got ${describe(v)}`);
  return v;
}

/** One of a fixed set of values (strings, usually). */
export function checkOneOf<T>(fn: string, name: string, v: unknown, values: readonly T[]): T {
  if (!values.includes(v as T)) {
    throw new ValueError(`${fn}: ${name} must be one of ${values.map(describe).join(", ")}, got ${describe(v)}`);
  }
  return v as T;
}

/** A BigInt has no place in a float or int32 array: say so, rather than fail inside. */
export function rejectBigInt(fn: string, name: string, v: unknown): void {
  if (typeof v === "bigint") throw new DTypeError(`${fn}: ${name} is a BigInt (${v}n); pass a Number (int64 values are not supported)`);
}

/**
 * A call's argument count against the parameters a function declares: JS silently drops
 * extra arguments, so `np.copy(a, { order: "F" })` would ignore the option without a word.
 * Pass `arguments.length`; `required` arguments must be there too (default: none checked).
 * @throws ValueError `copy: takes 1 argument (a), got 2`
 */
export function checkArity(fn: string, count: number, params: readonly string[], required = 0): void {
  if (count <= params.length && count >= required) return;
  const n = params.length;
  const takes = required === n ? `${n} argument${n === 1 ? "" : "s"}` : `at most ${n} argument${n === 1 ? "" : "s"}`;
  throw new ValueError(`${fn}: takes ${count < required ? `${required} argument${required === 1 ? "" : "s"}` : takes} (${params.join(", ")}), got ${count}`);
}
