/**
 * Reading label arrays (class labels, categories): 1-D NDArrays, or JS arrays of numbers or of
 * strings, as scikit-learn's `column_or_1d` + `np.unique` do for the encoders.
 *
 *   readLabels([3, 1, 3])          → { kind: "number", values: Float64Array [3, 1, 3] }
 *   uniqueSorted(labels)           → [1, 3]   (numbers ascending, strings by code unit as NumPy)
 *
 * Invariant: values are finite numbers (NaN/±Inf throw) or strings, never a mix.
 */
import { NDArray } from "@sliderule/ndarray";
import { show, ValueError } from "../base.js";

/** A 1-D column of labels: numbers or strings. */
export type Labels = { kind: "number"; values: Float64Array } | { kind: "string"; values: string[] };

/** Read a 1-D label array (NDArray, number[] or string[]). @throws ValueError naming `fn` and `name`. */
export function readLabels(y: unknown, fn: string, name: string): Labels {
  if (y instanceof NDArray) {
    if (y.ndim !== 1 && !(y.ndim === 2 && y.shape[1] === 1)) throw new ValueError(`${fn}: ${name} must be 1-D, got shape (${y.shape.join(", ")})`);
    if (y.dtype === "complex128") throw new ValueError(`${fn}: ${name} is complex; labels must be real numbers or strings`);
    const values = Float64Array.from(y.toTypedArray() as ArrayLike<number>);
    checkFinite(values, fn, name);
    return { kind: "number", values };
  }
  if (!Array.isArray(y)) throw new ValueError(`${fn}: ${name} must be a 1-D NDArray or an array of numbers or strings, got ${show(y)}`);
  if (y.length > 0 && typeof y[0] === "string") {
    y.forEach((v, i) => {
      if (typeof v !== "string") throw new ValueError(`${fn}: ${name} mixes strings and other values: element ${i} is ${show(v)}`);
    });
    return { kind: "string", values: y.slice() as string[] };
  }
  const values = new Float64Array(y.length);
  y.forEach((v, i) => {
    let u: unknown = v;
    if (Array.isArray(u) && u.length === 1) u = u[0]; // a column vector (n, 1)
    if (typeof u === "boolean") u = u ? 1 : 0;
    if (typeof u !== "number") throw new ValueError(`${fn}: ${name} must hold numbers or strings (not a mix), element ${i} is ${show(v)}`);
    values[i] = u;
  });
  checkFinite(values, fn, name);
  return { kind: "number", values };
}

function checkFinite(values: Float64Array, fn: string, name: string): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) throw new ValueError(`${fn}: ${name} contains ${values[i]} at index ${i}; labels must be finite`);
  }
}

/** NumPy's string order (code units), as `np.unique` sorts. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The sorted distinct values (np.unique). */
export function uniqueSorted(labels: Labels): number[] | string[] {
  if (labels.kind === "number") return Array.from(new Set(labels.values)).sort((a, b) => a - b);
  return Array.from(new Set(labels.values)).sort(compareStrings);
}

/**
 * Class labels that must be integers (metrics that index classes): an Int32Array copy.
 * @throws ValueError naming `fn`, `name` and the first non-integer value.
 */
export function readIntegerLabels(y: unknown, fn: string, name: string): Int32Array {
  const l = readLabels(y, fn, name);
  if (l.kind === "string") {
    throw new ValueError(
      `${fn}: ${name} holds strings (${show(l.values.slice(0, 3))}); this function needs integer class labels: encode them first with LabelEncoder`,
    );
  }
  const out = new Int32Array(l.values.length);
  for (let i = 0; i < out.length; i++) {
    const v = l.values[i];
    if (!Number.isInteger(v) || Math.abs(v) > 2147483647) {
      throw new ValueError(
        `${fn}: ${name} must hold integer class labels, got ${v} at index ${i}; for continuous targets use a regression metric, for other labels encode them with LabelEncoder`,
      );
    }
    out[i] = v;
  }
  return out;
}
