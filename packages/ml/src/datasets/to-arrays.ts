/**
 * Records (what parseCsv returns) to the arrays an estimator takes: scikit-learn's
 * `X = df[features].to_numpy()`, `y = df[target].to_numpy()`.
 *
 *   X[i, j] = rows[i][features[j]]   X: (n, p) float64, C-contiguous
 *   y[i]    = rows[i][target]        y: (n,) float64 (only when `target` is given)
 *
 * Every value must already be a JS number (convert in the schema: `csvNumber()`, or
 * `z.enum([...]).transform((s) => names.indexOf(s))` for labels); NaN passes through for an
 * imputer to handle. Nothing is dropped or guessed: a missing key or a non-number throws.
 *
 *   const rows = parseCsvSync(text, z.object({ a: csvNumber(), b: csvNumber(), y: csvNumber() }));
 *   const { X, y } = toArrays(rows, { features: ["a", "b"], target: "y" });
 */
import { NDArray, ValueError } from "@sliderule/ndarray";
import { z } from "zod";
import { parseOptions, show } from "../base.js";

const NAME = "toArrays";
const OPTIONS = z.object({
  /** The columns of X, in order (at least one). */
  features: z.array(z.string()).min(1),
  /** The column of y (optional). */
  target: z.string().optional(),
});

/** `features`: the columns of X in order; `target`: the column of y. */
export interface ToArraysOptions {
  features: readonly string[];
  target?: string;
}

/**
 * The feature columns of `rows` as X (n, p) float64 and, with `target`, that column as y (n,) float64.
 * @throws ValueError `toArrays: row 3, "petal_width": expected a number, got "0.2"` (a key missing
 *   or not a number), for rows that are not an array of objects, or an unknown option
 */
export function toArrays(rows: readonly object[], options: { features: readonly string[]; target: string }): { X: NDArray; y: NDArray };
export function toArrays(rows: readonly object[], options: { features: readonly string[]; target?: undefined }): { X: NDArray };
export function toArrays(rows: readonly object[], options: ToArraysOptions): { X: NDArray; y?: NDArray } {
  if (!Array.isArray(rows)) throw new ValueError(`${NAME}: rows must be an array of records (what parseCsv returns), got ${show(rows)}`);
  const o = parseOptions(NAME, OPTIONS, options);
  const { features, target } = o;
  const n = rows.length;
  const p = features.length;
  const X = new Float64Array(n * p);
  const y = target === undefined ? null : new Float64Array(n);
  const value = (row: unknown, i: number, key: string): number => {
    const v = Object.prototype.hasOwnProperty.call(row, key) ? (row as Record<string, unknown>)[key] : undefined;
    if (typeof v !== "number") {
      const hint = typeof v === "string" ? " (convert it in the schema: csvNumber(), or z.enum([...]).transform(...) for labels)" : "";
      throw new ValueError(`${NAME}: row ${i}, ${JSON.stringify(key)}: expected a number, got ${v === undefined ? "no such key" : show(v)}${hint}`);
    }
    return v;
  };
  for (let i = 0; i < n; i++) {
    const row: unknown = rows[i];
    if (row === null || typeof row !== "object") throw new ValueError(`${NAME}: row ${i} must be an object, got ${show(row)}`);
    // X[i, :] = row[features]
    for (let j = 0; j < p; j++) X[i * p + j] = value(row, i, features[j]);
    if (y !== null) y[i] = value(row, i, target as string);
  }
  const out: { X: NDArray; y?: NDArray } = { X: new NDArray(X, [n, p]) };
  if (y !== null) out.y = new NDArray(y, [n]);
  return out;
}
