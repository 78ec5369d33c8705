/**
 * What every estimator shares: its errors, the validation of options and data (scikit-learn's
 * `check_array`, `check_X_y`, `check_is_fitted`), and the plain-JSON form of its arrays.
 *
 * Every check throws at once with a message that starts with the estimator's name and shows
 * the value: `PCA: nComponents must be in [0, 4] or a fraction in (0, 1), got 7`.
 * Inputs are never modified: `checkArray` returns a new C-contiguous float array whenever the
 * caller's array is not already one, and estimators never write into what it returns.
 */
import * as np from "@sliderule/ndarray";
import { NDArray, ValueError, type DType } from "@sliderule/ndarray";
import { z } from "zod";

export { ValueError };

/** `predict`, `transform` or a fitted attribute used before `fit` (scikit-learn's NotFittedError). */
export class NotFittedError extends ValueError {
  constructor(estimator: string) {
    super(
      `${estimator}: this ${estimator} instance is not fitted yet; call fit(X${estimator.includes("Regress") || estimator.includes("Classif") ? ", y" : ""}) first`,
    );
  }
}

/** Data accepted wherever scikit-learn takes array-like: an NDArray or nested JS arrays. */
export type ArrayInput = NDArray | number[] | number[][] | readonly (readonly number[])[] | readonly number[];

/** What a value looks like in a message. */
export function show(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "bigint") return `${v}n`;
  if (v instanceof NDArray) return `an array of shape (${v.shape.join(", ")}${v.ndim === 1 ? "," : ""})`;
  if (Array.isArray(v)) return v.length > 6 ? `[${v.slice(0, 6).map(show).join(", ")}, …]` : `[${v.map(show).join(", ")}]`;
  if (v !== null && typeof v === "object") return "an object";
  return String(v);
}

/**
 * Check an estimator's options against a zod object schema (strict: unknown names are errors).
 * Returns the parsed options with the schema's defaults filled in.
 * @throws ValueError `PCA: unknown option 'n_components' (did you mean 'nComponents'?)`, or
 *   `PCA: option whiten: expected boolean, got "yes"`.
 */
export function parseOptions<S extends z.ZodObject>(estimator: string, schema: S, options: unknown): z.output<S> {
  if (options !== undefined && (options === null || typeof options !== "object" || Array.isArray(options) || options instanceof NDArray)) {
    throw new ValueError(`${estimator}: options must be an object, got ${show(options)}`);
  }
  const r = z.strictObject(schema.shape).safeParse(options ?? {});
  if (r.success) return r.data as z.output<S>;
  const issue = r.error.issues[0];
  const names = Object.keys(schema.shape);
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0];
    const camel = key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    const match = names.find((n) => n.toLowerCase() === camel.toLowerCase());
    throw new ValueError(`${estimator}: unknown option '${key}'${match ? ` (did you mean '${match}'?)` : ""}; its options are ${names.join(", ")}`);
  }
  const path = issue.path.join(".");
  let value: unknown = options;
  for (const k of issue.path) value = value !== null && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[k as PropertyKey] : undefined;
  throw new ValueError(`${estimator}: option ${path}: ${issue.message.replace(/^Invalid input: /, "")}, got ${show(value)}`);
}

export interface CheckArrayOptions {
  /** Required number of dimensions (a 1-D X is an error, as in scikit-learn: reshape it). */
  ndim?: 1 | 2;
  /** The float dtype to compute in (default float64; float32 kept when the input is float32 and this is undefined). */
  dtype?: "float64" | "float32";
  /** Accept NaN and ±Inf (default false: they throw). */
  allowNonFinite?: boolean;
  /** At least this many rows (default 1). */
  minSamples?: number;
}

/**
 * scikit-learn's `check_array`: `x` as a C-contiguous float NDArray of the required rank,
 * finite, with at least one sample. The result may share the caller's buffer when it is
 * already in that form; callers never write into it.
 * @throws ValueError naming `estimator`, the argument `name` and the problem.
 */
export function checkArray(x: unknown, estimator: string, name: string, options: CheckArrayOptions = {}): NDArray {
  let a: NDArray;
  if (x instanceof NDArray) a = x;
  else if (Array.isArray(x)) {
    try {
      a = np.array(x as np.NestedArray, "float64");
    } catch (e) {
      throw new ValueError(`${estimator}: ${name} could not be read as a numeric array: ${e instanceof Error ? e.message : String(e)}`);
    }
  } else throw new ValueError(`${estimator}: ${name} must be an NDArray or nested arrays of numbers, got ${show(x)}`);
  if (a.dtype === "complex128") throw new ValueError(`${estimator}: ${name} is complex; complex data is not supported`);
  const dtype: DType = options.dtype ?? (a.dtype === "float32" ? "float32" : "float64");
  if (a.dtype !== dtype || !a.flags.cContiguous || a.offset !== 0) a = a.astype(dtype);
  if (options.ndim !== undefined && a.ndim !== options.ndim) {
    const hint = options.ndim === 2 && a.ndim === 1 ? "; reshape it with X.reshape(-1, 1) for a single feature or X.reshape(1, -1) for a single sample" : "";
    throw new ValueError(`${estimator}: ${name} must be ${options.ndim}-D, got shape (${a.shape.join(", ")}${a.ndim === 1 ? "," : ""})${hint}`);
  }
  const minSamples = options.minSamples ?? 1;
  if (a.ndim > 0 && a.shape[0] < minSamples) {
    throw new ValueError(`${estimator}: ${name} has ${a.shape[0]} sample(s) (shape (${a.shape.join(", ")})); at least ${minSamples} required`);
  }
  if (a.ndim === 2 && a.shape[1] === 0) throw new ValueError(`${estimator}: ${name} has 0 features (shape (${a.shape.join(", ")})); at least 1 required`);
  if (!options.allowNonFinite) {
    const i = firstNonFinite(a.data, a.size);
    if (i >= 0) {
      const v = a.data[i] as number;
      const at = a.ndim === 2 ? `row ${Math.floor(i / a.shape[1])}, column ${i % a.shape[1]}` : `index ${i}`;
      throw new ValueError(`${estimator}: ${name} contains ${Number.isNaN(v) ? "NaN" : v > 0 ? "infinity" : "-infinity"} at ${at}; remove or impute it first`);
    }
  }
  return a;
}

/**
 * Index of the first NaN or ±Inf among the first n values of d, or −1. v·0 is 0 for finite v
 * and NaN otherwise, so a sum of them is 0 exactly when every value is finite: four running
 * sums without a branch (about 2× faster than testing each value), then a search only when
 * one is not. One function per buffer type, so each loop stays monomorphic.
 */
function firstNonFinite(d: NDArray["data"], n: number): number {
  if (d instanceof Float64Array) return firstNonFinite64(d, n);
  if (d instanceof Float32Array) return firstNonFinite32(d, n);
  return -1; // integer and bool buffers hold only finite values
}

function firstNonFinite64(d: Float64Array, n: number): number {
  let s0 = 0,
    s1 = 0,
    s2 = 0,
    s3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    s0 += d[i] * 0;
    s1 += d[i + 1] * 0;
    s2 += d[i + 2] * 0;
    s3 += d[i + 3] * 0;
  }
  for (; i < n; i++) s0 += d[i] * 0;
  if (s0 + s1 + s2 + s3 === 0) return -1;
  for (i = 0; i < n; i++) if (d[i] * 0 !== 0) return i;
  return -1;
}

function firstNonFinite32(d: Float32Array, n: number): number {
  for (let i = 0; i < n; i++) if (d[i] * 0 !== 0) return i;
  return -1;
}

/** X (2-D) and y (1-D or 2-D) with the same number of samples (scikit-learn's `check_X_y`). */
export function checkXy(X: unknown, y: unknown, estimator: string, options: { yNdim?: 1 | 2 } = {}): { X: NDArray; y: NDArray } {
  const Xc = checkArray(X, estimator, "X", { ndim: 2 });
  const yc = checkArray(y, estimator, "y", options.yNdim ? { ndim: options.yNdim } : {});
  if (yc.ndim === 0 || yc.ndim > 2) throw new ValueError(`${estimator}: y must be 1-D or 2-D, got shape (${yc.shape.join(", ")})`);
  if (yc.shape[0] !== Xc.shape[0]) {
    throw new ValueError(`${estimator}: X and y have different numbers of samples: X has ${Xc.shape[0]}, y has ${yc.shape[0]}`);
  }
  return { X: Xc, y: yc };
}

/** Throw NotFittedError unless `value` (a learned field) is set. */
export function checkFitted<T>(value: T | undefined | null, estimator: string): T {
  if (value === undefined || value === null) throw new NotFittedError(estimator);
  return value;
}

/** X must have the number of features seen in fit. */
export function checkNFeatures(X: NDArray, nFeaturesIn: number, estimator: string): void {
  const got = X.ndim === 2 ? X.shape[1] : X.ndim === 1 ? 1 : X.shape[X.ndim - 1];
  if (got !== nFeaturesIn) {
    throw new ValueError(`${estimator}: X has ${got} features, but ${estimator} was fitted with ${nFeaturesIn} features`);
  }
}

/** An NDArray as plain JSON. */
export interface ArrayJSON {
  dtype: DType;
  shape: number[];
  data: number[];
}

export function arrayToJSON(a: NDArray): ArrayJSON {
  return { dtype: a.dtype, shape: a.shape.slice(), data: Array.from(a.toTypedArray()) };
}

export function arrayFromJSON(j: ArrayJSON, estimator: string, field: string): NDArray {
  if (j === null || typeof j !== "object" || !Array.isArray(j.shape) || !Array.isArray(j.data) || typeof j.dtype !== "string") {
    throw new ValueError(`${estimator}.fromJSON: field ${field} is not an array in JSON form ({ dtype, shape, data })`);
  }
  const a = np.array(j.data, j.dtype);
  return a.reshape(j.shape);
}

/** The JSON form every estimator writes: its class name, its options and its learned state. */
export interface EstimatorJSON {
  estimator: string;
  options: Record<string, unknown>;
  state: Record<string, unknown> | null;
}

/** Check the header of an estimator's JSON before reading its state. */
export function checkEstimatorJSON(json: unknown, estimator: string): EstimatorJSON {
  if (json === null || typeof json !== "object" || (json as EstimatorJSON).estimator !== estimator) {
    throw new ValueError(
      `${estimator}.fromJSON: expected the JSON of a ${estimator} ({ estimator: "${estimator}", options, state }), got ${show((json as EstimatorJSON | null)?.estimator ?? json)}`,
    );
  }
  return json as EstimatorJSON;
}

/** scikit-learn's ConvergenceWarning: an iterative fit stopped before converging (a UserWarning). */
export class ConvergenceWarning extends np.warnings.UserWarning {}
/** scikit-learn's UndefinedMetricWarning: a metric met 0/0 and took its zeroDivision value (a UserWarning). */
export class UndefinedMetricWarning extends np.warnings.UserWarning {}

/** Warning categories by name, for `warn(message, "RuntimeWarning")`. */
const WARNING_CATEGORIES: Record<string, np.warnings.WarningCategory> = {
  Warning: np.warnings.Warning,
  UserWarning: np.warnings.UserWarning,
  RuntimeWarning: np.warnings.RuntimeWarning,
  LinAlgWarning: np.warnings.LinAlgWarning,
  ConvergenceWarning,
  UndefinedMetricWarning,
};

/**
 * Emit a warning (scikit-learn's `warnings.warn`) through ndarray's warnings channel
 * (`np.warnings.warn`: filters, `catchWarnings` in tests). `category` is a Warning class or
 * the name of one of WARNING_CATEGORIES (default "UserWarning").
 */
export function warn(message: string, category: string | np.warnings.WarningCategory = "UserWarning"): void {
  const cls = typeof category === "string" ? WARNING_CATEGORIES[category] : category;
  if (cls === undefined) throw new Error(`internal: unknown warning category ${JSON.stringify(category)}`);
  np.warnings.warn(message, cls);
}
