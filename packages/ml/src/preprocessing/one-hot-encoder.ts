/**
 * One-hot encoding of categorical features (scikit-learn's `OneHotEncoder`, dense output).
 *
 *   feature j with categories c_j1 < … < c_jk  ↦  k columns;  row i gets a 1 in column
 *   (offset_j + m) where X_ij = c_jm, and 0 elsewhere:  Z = [onehot(X_:0) | … | onehot(X_:d−1)]
 *
 * Learns: `categories` (one sorted list per feature: numbers or strings), `nFeaturesIn`.
 * Output: a dense float64 NDArray (n, Σ_j k_j). Only `sparseOutput: false` exists here (we have
 * no sparse matrix type in ml yet); scikit-learn's default is sparse, so pass
 * `sparse_output=False` there to compare.
 * Invariant: every row of transform(X) sums to d (or less, with handleUnknown "ignore", one
 * fewer per unknown value); inverseTransform(transform(X)) = X.
 * Reference: scikit-learn user guide §7.3.4 "Encoding categorical features".
 */
import * as np from "@sliderule/ndarray";
import { NDArray } from "@sliderule/ndarray";
import { z } from "zod";
import { checkEstimatorJSON, checkFitted, parseOptions, show, ValueError, type EstimatorJSON } from "../base.js";
import { compareStrings } from "./labels.js";

const NAME = "OneHotEncoder";
type Category = number | string;
const OPTIONS = z.object({
  /** "auto" (the sorted distinct values of each feature) or one list of categories per feature. */
  categories: z.union([z.literal("auto"), z.array(z.union([z.array(z.number()), z.array(z.string())]))]).default("auto"),
  /** What transform does with a category not seen in fit: "error" (throw) or "ignore" (an all-zero block). */
  handleUnknown: z.enum(["error", "ignore"]).default("error"),
  /** Dense output only: false (the default here; scikit-learn's default is sparse). */
  sparseOutput: z.literal(false).default(false),
});
export type OneHotEncoderOptions = z.input<typeof OPTIONS>;

/** Read X (n, d) of numbers or strings as columns. */
function readColumns(X: unknown, fn: string): { n: number; columns: Category[][] } {
  let rows: unknown[];
  if (X instanceof NDArray) {
    if (X.ndim !== 2) throw new ValueError(`${fn}: X must be 2-D, got shape (${X.shape.join(", ")}); reshape a single feature with X.reshape(-1, 1)`);
    if (X.dtype === "complex128") throw new ValueError(`${fn}: X is complex; categories must be real numbers or strings`);
    rows = X.toArray() as number[][];
  } else if (Array.isArray(X)) rows = X;
  else throw new ValueError(`${fn}: X must be an NDArray or an array of rows, got ${show(X)}`);
  const n = rows.length;
  if (n === 0) throw new ValueError(`${fn}: X has 0 samples; at least 1 required`);
  if (!Array.isArray(rows[0]))
    throw new ValueError(`${fn}: X must be 2-D (an array of rows), got a row ${show(rows[0])}; reshape a single feature to [[x0], [x1], …]`);
  const d = (rows[0] as unknown[]).length;
  if (d === 0) throw new ValueError(`${fn}: X has 0 features; at least 1 required`);
  const columns: Category[][] = Array.from({ length: d }, () => new Array<Category>(n));
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    if (!Array.isArray(row) || row.length !== d) throw new ValueError(`${fn}: X row ${i} is ${show(row)}; every row must be an array of ${d} values`);
    for (let j = 0; j < d; j++) {
      const v = row[j];
      if (typeof v === "string" || (typeof v === "number" && Number.isFinite(v))) columns[j][i] = v;
      else throw new ValueError(`${fn}: X[${i}][${j}] is ${show(v)}; categories must be finite numbers or strings`);
    }
  }
  for (let j = 0; j < d; j++) {
    const kind = typeof columns[j][0];
    const bad = columns[j].findIndex((v) => typeof v !== kind);
    if (bad >= 0) throw new ValueError(`${fn}: feature ${j} mixes numbers and strings (row ${bad} is ${show(columns[j][bad])})`);
  }
  return { n, columns };
}

/**
 * One column of 0/1 per (feature, category) (see the file header).
 * @example
 *   const enc = new OneHotEncoder().fit([["red"], ["green"], ["red"]]);
 *   enc.transform([["green"]]).toArray();   // [[1, 0]]  (categories ["green", "red"])
 */
export class OneHotEncoder {
  readonly options: z.output<typeof OPTIONS>;
  /** One sorted list of categories per feature (d lists). */
  categories?: Category[][];
  /** Number of features seen in fit. */
  nFeaturesIn?: number;
  private lookup: Map<Category, number>[] = [];

  constructor(options: OneHotEncoderOptions = {}) {
    this.options = parseOptions(NAME, OPTIONS, options);
  }

  /** Learn the categories of each feature of X (n, d) of numbers or strings. Returns this. */
  fit(X: unknown, _y?: unknown): this {
    const { columns } = readColumns(X, NAME);
    const d = columns.length;
    const given = this.options.categories;
    let cats: Category[][];
    if (given === "auto") {
      cats = columns.map((col) => {
        const u = Array.from(new Set(col));
        return typeof u[0] === "string" ? (u as string[]).sort(compareStrings) : (u as number[]).sort((a, b) => a - b);
      });
    } else {
      if (given.length !== d) throw new ValueError(`${NAME}: option categories has ${given.length} lists but X has ${d} features`);
      cats = given.map((c) => (c as Category[]).slice());
      // every value seen in fit must be a given category (scikit-learn: "Found unknown categories")
      if (this.options.handleUnknown === "error") {
        for (let j = 0; j < d; j++) {
          const known = new Set(cats[j]);
          const bad = columns[j].find((v) => !known.has(v));
          if (bad !== undefined)
            throw new ValueError(`${NAME}: found unknown category ${show(bad)} in feature ${j} during fit; categories[${j}] is ${show(cats[j])}`);
        }
      }
    }
    this.setCategories(cats);
    return this;
  }

  private setCategories(cats: Category[][]): void {
    this.categories = cats;
    this.nFeaturesIn = cats.length;
    this.lookup = cats.map((c) => new Map(c.map((v, m) => [v, m])));
  }

  /** Z (n, Σ k_j) float64 of 0/1. @throws ValueError for an unknown category with handleUnknown "error". */
  transform(X: unknown): NDArray {
    const cats = checkFitted(this.categories, NAME);
    const { n, columns } = readColumns(X, NAME);
    if (columns.length !== cats.length) throw new ValueError(`${NAME}: X has ${columns.length} features, but ${NAME} was fitted with ${cats.length} features`);
    const width = cats.reduce((s, c) => s + c.length, 0);
    const Z = new Float64Array(n * width);
    let offset = 0;
    for (let j = 0; j < cats.length; j++) {
      const map = this.lookup[j];
      for (let i = 0; i < n; i++) {
        const m = map.get(columns[j][i]);
        if (m === undefined) {
          if (this.options.handleUnknown === "error")
            throw new ValueError(
              `${NAME}: found unknown category ${show(columns[j][i])} in feature ${j} (row ${i}) during transform; known: ${show(cats[j])}; pass handleUnknown: "ignore" to encode it as all zeros`,
            );
          continue;
        }
        Z[i * width + offset + m] = 1;
      }
      offset += cats[j].length;
    }
    return np.fromTypedArray(Z, [n, width]);
  }

  /** fit(X).transform(X). */
  fitTransform(X: unknown, y?: unknown): NDArray {
    return this.fit(X, y).transform(X);
  }

  /**
   * Z → the categories, as rows of JS values (n, d); an all-zero block (an ignored unknown)
   * gives null, as scikit-learn's None.
   * @throws ValueError when Z has the wrong width or a block has more than one non-zero.
   */
  inverseTransform(Z: unknown): (Category | null)[][] {
    const cats = checkFitted(this.categories, NAME);
    const width = cats.reduce((s, c) => s + c.length, 0);
    let A: NDArray;
    if (Z instanceof NDArray) A = Z.astype("float64");
    else if (Array.isArray(Z)) A = np.array(Z as number[][], "float64");
    else throw new ValueError(`${NAME}.inverseTransform: Z must be an NDArray or nested arrays, got ${show(Z)}`);
    if (A.ndim !== 2 || A.shape[1] !== width) throw new ValueError(`${NAME}.inverseTransform: Z must have shape (n, ${width}), got (${A.shape.join(", ")})`);
    const n = A.shape[0];
    const z = A.data as Float64Array;
    const out: (Category | null)[][] = [];
    for (let i = 0; i < n; i++) {
      const row: (Category | null)[] = [];
      let offset = 0;
      for (let j = 0; j < cats.length; j++) {
        let found = -1;
        for (let m = 0; m < cats[j].length; m++) {
          if (z[i * width + offset + m] !== 0) {
            if (found >= 0) throw new ValueError(`${NAME}.inverseTransform: row ${i} has more than one non-zero in the block of feature ${j}`);
            found = m;
          }
        }
        row.push(found >= 0 ? cats[j][found] : null);
        offset += cats[j].length;
      }
      out.push(row);
    }
    return out;
  }

  /** Names of the output columns, `x<j>_<category>` (scikit-learn's get_feature_names_out). */
  getFeatureNamesOut(): string[] {
    const cats = checkFitted(this.categories, NAME);
    return cats.flatMap((c, j) => c.map((v) => `x${j}_${v}`));
  }

  /** Plain-JSON form: { estimator: "OneHotEncoder", options, state: { categories } }. */
  toJSON(): EstimatorJSON {
    const c = this.categories;
    const opts = { ...this.options, categories: this.options.categories === "auto" ? "auto" : this.options.categories.map((x) => x.slice()) };
    return { estimator: NAME, options: opts, state: c === undefined ? null : { categories: c.map((x) => x.slice()) } };
  }

  /** Rebuild a OneHotEncoder from toJSON()'s output. */
  static fromJSON(json: unknown): OneHotEncoder {
    const j = checkEstimatorJSON(json, NAME);
    const e = new OneHotEncoder(j.options as OneHotEncoderOptions);
    if (j.state) {
      const c = j.state.categories;
      if (!Array.isArray(c) || !c.every(Array.isArray)) throw new ValueError(`${NAME}.fromJSON: state.categories must be a list of lists, got ${show(c)}`);
      e.setCategories((c as Category[][]).map((x) => x.slice()));
    }
    return e;
  }
}
