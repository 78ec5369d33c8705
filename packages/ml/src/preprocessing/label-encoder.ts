/**
 * Label encoding: class labels ↔ integers 0..k−1 (scikit-learn's `LabelEncoder`).
 *
 *   classes = sorted(unique(y)),   transform(y)_i = the index of y_i in classes
 *   inverseTransform(t)_i = classes[t_i]
 *
 * Learns: `classes` (k,): an NDArray (float64) for numeric labels, a string[] for string labels.
 * Invariant: inverseTransform(transform(y)) = y; transform is a bijection onto 0..k−1.
 * A label not seen in fit throws (scikit-learn: "y contains previously unseen labels").
 * Reference: scikit-learn user guide §7.9 "Transforming the prediction target (y)".
 */
import * as np from "@sliderule/ndarray";
import type { NDArray } from "@sliderule/ndarray";
import { z } from "zod";
import { arrayFromJSON, arrayToJSON, checkEstimatorJSON, checkFitted, parseOptions, show, ValueError, type ArrayJSON, type EstimatorJSON } from "../base.js";
import { readLabels, uniqueSorted } from "./labels.js";

const NAME = "LabelEncoder";
const OPTIONS = z.object({});

/**
 * Maps labels to 0..k−1 in sorted order (see the file header).
 * @example
 *   const le = new LabelEncoder().fit(["paris", "tokyo", "paris"]);
 *   le.transform(["tokyo"]).toArray();   // [1]
 */
export class LabelEncoder {
  readonly options: Record<string, never>;
  /** (k,) the sorted distinct labels: NDArray for numbers, string[] for strings. */
  classes?: NDArray | string[];
  private index = new Map<number | string, number>();

  constructor(options: Record<string, never> = {}) {
    this.options = parseOptions(NAME, OPTIONS, options) as Record<string, never>;
  }

  /** Learn the classes of y (1-D numbers or strings). Returns this. */
  fit(y: unknown): this {
    const labels = readLabels(y, NAME, "y");
    if (labels.values.length === 0) throw new ValueError(`${NAME}: y is empty; at least 1 label required`);
    const classes = uniqueSorted(labels);
    this.setClasses(labels.kind === "number" ? np.array(classes as number[], "float64") : (classes as string[]));
    return this;
  }

  private setClasses(classes: NDArray | string[]): void {
    this.classes = classes;
    const list: (number | string)[] = Array.isArray(classes) ? classes : Array.from(classes.data as Float64Array);
    this.index = new Map(list.map((c, i) => [c, i]));
  }

  /** y → int32 codes (n,). @throws ValueError for a label not seen in fit, naming it. */
  transform(y: unknown): NDArray {
    const classes = checkFitted(this.classes, NAME);
    const labels = readLabels(y, NAME, "y");
    if ((labels.kind === "string") !== Array.isArray(classes) && labels.values.length > 0) {
      throw new ValueError(`${NAME}: y holds ${labels.kind}s but the encoder was fitted on ${Array.isArray(classes) ? "strings" : "numbers"}`);
    }
    const out = new Int32Array(labels.values.length);
    for (let i = 0; i < out.length; i++) {
      const code = this.index.get(labels.values[i]);
      if (code === undefined) throw new ValueError(`${NAME}: y contains previously unseen labels: ${show(labels.values[i])} at index ${i}`);
      out[i] = code;
    }
    return np.fromTypedArray(out);
  }

  /** fit(y).transform(y). */
  fitTransform(y: unknown): NDArray {
    return this.fit(y).transform(y);
  }

  /** int codes → labels: an NDArray for numeric classes, a string[] for string classes. */
  inverseTransform(codes: unknown): NDArray | string[] {
    const classes = checkFitted(this.classes, NAME);
    const t = readLabels(codes, NAME, "codes");
    if (t.kind === "string") throw new ValueError(`${NAME}.inverseTransform: codes must be integers, got strings`);
    const k = Array.isArray(classes) ? classes.length : classes.size;
    const n = t.values.length;
    for (let i = 0; i < n; i++) {
      const c = t.values[i];
      if (!Number.isInteger(c) || c < 0 || c >= k)
        throw new ValueError(`${NAME}.inverseTransform: codes contains ${c} at index ${i}; codes must be integers in [0, ${k - 1}]`);
    }
    if (Array.isArray(classes)) return Array.from(t.values, (c) => classes[c]);
    const cl = classes.data as Float64Array;
    return np.fromTypedArray(Float64Array.from(t.values, (c) => cl[c]));
  }

  /** Plain-JSON form: { estimator: "LabelEncoder", options: {}, state: { classes } }. */
  toJSON(): EstimatorJSON {
    const c = this.classes;
    return { estimator: NAME, options: {}, state: c === undefined ? null : { classes: Array.isArray(c) ? c.slice() : arrayToJSON(c) } };
  }

  /** Rebuild a LabelEncoder from toJSON()'s output. */
  static fromJSON(json: unknown): LabelEncoder {
    const j = checkEstimatorJSON(json, NAME);
    const le = new LabelEncoder(j.options as Record<string, never>);
    if (j.state) {
      const c = j.state.classes;
      le.setClasses(Array.isArray(c) ? (c as string[]).slice() : arrayFromJSON(c as ArrayJSON, NAME, "classes"));
    }
    return le;
  }
}
