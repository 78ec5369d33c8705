/**
 * Options objects at the public boundary, checked with zod (docs/design.md "Errors": "options
 * objects are checked with zod at the public boundary; hot loops are not").
 *
 * Each public function declares the options it accepts as a strict schema. A name it does not
 * know is a ValueError naming the function and the options it has, with a hint when the name is
 * NumPy's snake_case spelling of one of ours (`full_matrices` → `fullMatrices`): a NumPy user's
 * option is never silently ignored. A value of the wrong kind is a ValueError naming the option
 * and the value. Options whose values are checked by the function itself, against NumPy's own
 * rules and messages (norm's `ord`, `rcond`, `tol`, `trans`, …), are declared `z.unknown()`.
 */
import { ValueError } from "@sliderule/ndarray";
import { z } from "zod";

/** The schemas of options that several functions share. */
export const OPTION = {
  /** A number, Infinity included (zod's z.number() refuses it): `{ minOrder: Infinity }` forces a reference path. */
  number: z.custom<number>((v) => typeof v === "number" && !Number.isNaN(v), { message: "expected a number (Infinity allowed)" }),
  blockSize: z.number().int().positive(),
  checkFinite: z.boolean(),
  flag: z.boolean(),
  any: z.unknown(),
} as const;

/** A function's options: every one optional, no other names allowed. */
export type OptionsSchema = { shape: Record<string, z.ZodType>; schema: z.ZodType };

/** Declare the options a function accepts (build once, at module level). */
export function optionsSchema(shape: Record<string, z.ZodType>): OptionsSchema {
  const optional = Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, s.optional()]));
  return { shape, schema: z.strictObject(optional) };
}

/** What a value looks like in an error message. */
export function show(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(show).join(", ")}]`;
  if (v !== null && typeof v === "object") return v.constructor?.name === "Object" ? "an object" : `a ${v.constructor?.name ?? "value"}`;
  return String(v);
}

/**
 * Check `options` against `spec`; returns nothing, throws ValueError naming `fn`.
 * @throws ValueError `fn: unknown option 'full_matrices' (did you mean 'fullMatrices'?); …`, or
 *   `fn: option blockSize must be …, got 0`, or `fn: options must be an object, got 3`.
 */
export function checkOptions(fn: string, spec: OptionsSchema, options: unknown): void {
  if (options === undefined) return;
  const proto = options !== null && typeof options === "object" ? Object.getPrototypeOf(options) : undefined;
  if (proto !== Object.prototype && proto !== null) {
    throw new ValueError(`${fn}: options must be an object, got ${show(options)}`);
  }
  const r = spec.schema.safeParse(options);
  if (r.success) return;
  const issue = r.error.issues[0];
  const names = Object.keys(spec.shape);
  const known = names.length === 0 ? "it takes no options" : `its options are ${names.join(", ")}`;
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0];
    const camel = key.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    if (issue.path.length > 0) {
      // inside an option that is itself an object (svd's divideAndConquer, …)
      const hint = camel !== key ? ` (did you mean '${camel}'?)` : "";
      throw new ValueError(`${fn}: option ${issue.path.join(".")}: unknown field '${key}'${hint}`);
    }
    const match = names.find((n) => n.toLowerCase() === camel.toLowerCase());
    const hint = match !== undefined ? ` (did you mean '${match}'?)` : "";
    throw new ValueError(`${fn}: unknown option '${key}'${hint}; ${known}`);
  }
  let value: unknown = options;
  for (const k of issue.path) value = value !== null && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[k as PropertyKey] : undefined;
  throw new ValueError(`${fn}: option ${issue.path.join(".")}: ${issue.message.replace(/^Invalid input: /, "")}, got ${show(value)}`);
}
