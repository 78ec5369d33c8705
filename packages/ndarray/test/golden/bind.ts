/**
 * The argument binding shared by the golden registries (ops.ts and the ops-*.ts files it
 * merges): NumPy's positional and keyword arguments bound by NumPy's parameter names, library
 * look-up at call time, and NumPy's names and dtypes mapped to ours.
 */
import * as np from "@sliderule/ndarray";
import type { DType, NDArray } from "@sliderule/ndarray";
import { OpUnavailable, plain } from "./harness.js";

export type Kwargs = Record<string, unknown>;
export type AnyFn = (...args: unknown[]) => unknown;

/**
 * NumPy's argument binding: positional `args` take `names` in order, then `kwargs` by name.
 * Throws on an unknown keyword or a parameter given twice.
 */
export function bind(op: string, names: readonly string[], args: readonly unknown[], kwargs: Kwargs): Kwargs {
  if (args.length > names.length) throw new Error(`golden registry: ${op} takes at most ${names.length} positional arguments, got ${args.length}`);
  const out: Kwargs = {};
  args.forEach((a, i) => {
    out[names[i]] = a;
  });
  for (const [k, v] of Object.entries(kwargs)) {
    if (!names.includes(k)) throw new Error(`golden registry: ${op} does not map the keyword argument '${k}'`);
    if (k in out) throw new Error(`golden registry: ${op} got multiple values for argument '${k}'`);
    out[k] = v;
  }
  return out;
}

/** `np.<name>` looked up at call time; throws OpUnavailable (the case is skipped) while it does not exist. */
export function lib(name: string): AnyFn {
  const f = (np as unknown as Record<string, unknown>)[name];
  if (typeof f !== "function") throw new OpUnavailable(`np.${name}`);
  return f as AnyFn;
}

/** NumPy snake_case -> our camelCase. */
export function camel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** NumPy's dtype name -> ours (int64 is our int32, complex64 our complex128); undefined stays undefined. */
export function dt(x: unknown): DType | undefined {
  if (x === undefined || x === null) return undefined;
  if (x === "int64") return "int32";
  if (x === "complex64") return "complex128";
  return x as DType;
}

export const arr = (x: unknown): NDArray => np.asarray(x as np.ArrayLike);
export const axisOf = (x: unknown): number | number[] | null | undefined => (x === undefined ? undefined : (x as number | number[] | null));
export const shapeOf = (x: unknown): number | number[] => plain(x) as number | number[];
