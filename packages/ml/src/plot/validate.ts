/**
 * What every chart helper shares: the run-time checks of its arguments and the frame of the
 * vega-lite spec it returns.
 *
 * Every helper takes NDArrays or plain (nested) arrays and an options object
 * `{ title?, width?, height?, ...chart-specific }`. A wrong type, shape, length, a NaN or an
 * unknown option throws ValueError at once, the message starting with the helper's name and
 * showing the value: `pcaScatter: projected must be 2-D, got shape (5,)`.
 *
 * The spec returned is plain JSON (numbers, strings, arrays, objects): the data are inlined as
 * `data: { values: [...] }`, so `JSON.stringify(spec)` is a file the vega-lite online editor,
 * vega-embed or `renderSvg` (render.ts) reads as is. Inputs are never modified.
 * Reference: vega-lite 6 documentation, https://vega.github.io/vega-lite/docs/
 */
import { NDArray, ValueError } from "@sliderule/ndarray";
import { checkArray, show } from "../base.js";

/** The JSON schema every spec names: vega-lite version 6. */
export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";

/** The options every chart helper takes. */
export interface ChartOptions {
  /** The chart's title (top of the figure). */
  title?: string;
  /** Width of the plotting area in pixels (of each panel, for charts with several). */
  width?: number;
  /** Height of the plotting area in pixels (of each panel, for charts with several). */
  height?: number;
}

/** An object literal: not an array, NDArray, Map, typed array or class instance. */
function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== "object") return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * `options` must be undefined or a plain object whose keys are `title`, `width`, `height` or one
 * of `specific`; title must be a string, width and height positive finite numbers.
 * Returns the options (or `{}`), never a copy the caller could confuse with their own.
 * @throws ValueError `pcaScatter: unknown option 'target_names' (did you mean 'targetNames'?); its options are …`
 */
export function checkChartOptions<T extends ChartOptions>(fn: string, options: unknown, specific: readonly string[]): T {
  if (options === undefined) return {} as T;
  if (!isPlainObject(options)) throw new ValueError(`${fn}: options must be an object, got ${show(options)}`);
  const allowed = ["title", "width", "height", ...specific];
  for (const key of Object.keys(options)) {
    if (allowed.includes(key)) continue;
    const camel = key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    const match = allowed.find((a) => a.toLowerCase() === camel.toLowerCase());
    throw new ValueError(`${fn}: unknown option '${key}'${match !== undefined ? ` (did you mean '${match}'?)` : ""}; its options are ${allowed.join(", ")}`);
  }
  const o = options as ChartOptions;
  if (o.title !== undefined && typeof o.title !== "string") throw new ValueError(`${fn}: option title must be a string, got ${show(o.title)}`);
  for (const key of ["width", "height"] as const) {
    const v = o[key];
    if (v !== undefined && (typeof v !== "number" || !Number.isFinite(v) || v <= 0)) {
      throw new ValueError(`${fn}: option ${key} must be a positive number of pixels, got ${show(v)}`);
    }
  }
  return options as T;
}

/** A finite 1-D array of numbers (NDArray or plain array), as a new JS array. */
export function vectorArg(fn: string, name: string, x: unknown, { min = 1 } = {}): number[] {
  const a = checkArray(x, fn, name, { ndim: 1, dtype: "float64", minSamples: min });
  return Array.from(a.data as Float64Array);
}

/** A finite 2-D array (NDArray or nested arrays) as its rows, with `cols` columns if given. */
export function matrixArg(
  fn: string,
  name: string,
  x: unknown,
  { cols, minCols = 1 }: { cols?: number; minCols?: number } = {},
): { rows: number[][]; n: number; d: number } {
  const a = checkArray(x, fn, name, { ndim: 2, dtype: "float64" });
  const [n, d] = a.shape;
  if (cols !== undefined && d !== cols) throw new ValueError(`${fn}: ${name} must have ${cols} columns, got shape (${n}, ${d})`);
  if (d < minCols) throw new ValueError(`${fn}: ${name} must have at least ${minCols} columns, got shape (${n}, ${d})`);
  const data = a.data as Float64Array;
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) rows.push(Array.from(data.subarray(i * d, (i + 1) * d)));
  return { rows, n, d };
}

/** Class labels: a 1-D NDArray or an array of numbers or of strings (not mixed), one per `what` (n of them). */
export function labelsArg(fn: string, name: string, labels: unknown, n: number, what = "samples"): (number | string)[] {
  let out: (number | string)[];
  if (labels instanceof NDArray) {
    if (labels.dtype === "complex128") throw new ValueError(`${fn}: ${name} must be real numbers or strings, got ${show(labels)} of dtype complex128`);
    out = vectorArg(fn, name, labels, { min: 0 });
  } else if (Array.isArray(labels)) {
    const allStrings = labels.every((v) => typeof v === "string");
    const allNumbers = labels.every((v) => typeof v === "number");
    if (!allStrings && !allNumbers) {
      const bad = labels.findIndex((v) => typeof v !== typeof labels[0] || (typeof v !== "number" && typeof v !== "string"));
      throw new ValueError(`${fn}: ${name} must be all numbers or all strings, got ${show(labels[bad])} at index ${bad}`);
    }
    if (allNumbers) {
      const bad = labels.findIndex((v) => !Number.isFinite(v));
      if (bad >= 0) throw new ValueError(`${fn}: ${name} contains ${show(labels[bad])} at index ${bad}; labels must be finite`);
    }
    out = labels.slice() as (number | string)[];
  } else throw new ValueError(`${fn}: ${name} must be an NDArray or an array of numbers or strings, got ${show(labels)}`);
  if (out.length !== n) throw new ValueError(`${fn}: ${name} has length ${out.length}, but there are ${n} ${what}`);
  return out;
}

/** Strings with no repeats (class names, titles). */
export function namesArg(fn: string, name: string, v: unknown, length?: number): string[] {
  if (!Array.isArray(v) || !v.every((s) => typeof s === "string")) throw new ValueError(`${fn}: option ${name} must be an array of strings, got ${show(v)}`);
  if (length !== undefined && v.length !== length) throw new ValueError(`${fn}: option ${name} has ${v.length} entries, expected ${length}`);
  const seen = new Set<string>();
  for (const s of v as string[]) {
    if (seen.has(s)) throw new ValueError(`${fn}: option ${name} repeats ${show(s)}; each entry must be distinct`);
    seen.add(s);
  }
  return (v as string[]).slice();
}

/** `true`, `false` or undefined (→ `dflt`). */
export function boolOption(fn: string, name: string, v: unknown, dflt: boolean): boolean {
  if (v === undefined) return dflt;
  if (typeof v !== "boolean") throw new ValueError(`${fn}: option ${name} must be true or false, got ${show(v)}`);
  return v;
}

/** The percentage a course prints on a PCA axis: 0.7296 → "73.0%". */
export function percent(r: number): string {
  return `${(100 * r).toFixed(1)}%`;
}

/** The top of every spec: `$schema`, and `title` when the caller gave one. */
export function header(options: ChartOptions): { $schema: string; title?: string } {
  return options.title !== undefined ? { $schema: VEGA_LITE_SCHEMA, title: options.title } : { $schema: VEGA_LITE_SCHEMA };
}

/** width/height entries of a single view, defaults filled in. */
export function size(options: ChartOptions, width: number, height: number): { width: number; height: number } {
  return { width: options.width ?? width, height: options.height ?? height };
}
