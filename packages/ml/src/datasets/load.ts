/**
 * The five bundled data sets (datasets/*.csv, sources and licenses in datasets/README.md),
 * described once, and `datasetFromCsv(name, text)`, which turns a file's text into
 * scikit-learn's Bunch: `{ data, target, featureNames, targetNames }` (+ `images` for digits).
 *
 *   name            file               data (n, p)   target (n,)                       targetNames
 *   iris            iris.csv           (150, 4)      int32: species in file order 0..2 setosa, versicolor, virginica
 *   wine            wine.csv           (178, 13)     int32: cultivar 0..2             class_0, class_1, class_2
 *   breast_cancer   breast_cancer.csv  (569, 30)     int32: 0 malignant, 1 benign     malignant, benign
 *   digits          digits.csv         (1797, 64)    int32: the digit 0..9            "0" … "9"
 *   diabetes        diabetes.csv       (442, 10)     float64: progression             null
 *
 * `data` is float64 and C-contiguous; `target` int32 for classes (NumPy's is int64, which we
 * do not have: docs/design.md "The NDArray"), float64 for diabetes. digits also has `images`
 * (1797, 8, 8), a view of `data` (pixel (r, c) of image i is data[i, 8r + c]), as
 * scikit-learn's `load_digits`.
 *
 * Differences from scikit-learn 1.2 (checked in load.test.ts):
 *   - featureNames are the CSV's header names, not scikit-learn's: "sepal_length" for
 *     "sepal length (cm)", "mean_radius" for "mean radius", "p0_0" for "pixel_0_0",
 *     "od280_od315_of_diluted_wines" for "od280/od315_of_diluted_wines" (wine's other names,
 *     and diabetes's, are the same);
 *   - digits' targetNames are strings ("0" … "9"); scikit-learn's are the integers 0 … 9;
 *   - wine row 171, color_intensity: the CSV holds 9.9 where scikit-learn's copy has 9.899999;
 *   - diabetes is unscaled (scikit-learn's `load_diabetes(scaled=False)`; `loadDiabetes({ scaled: true })`
 *     gives the default `load_diabetes()`), and 11 s5 values differ from scikit-learn's by one ulp.
 * Every row of the file is checked (CsvError for a malformed one), so a damaged file fails loudly.
 * Reference: scikit-learn, `sklearn.datasets.load_iris` etc. (sklearn/datasets/_base.py).
 */
import { NDArray, ValueError } from "@sliderule/ndarray";
import { z } from "zod";
import { show } from "../base.js";
import { csvNumber, parseCsvText } from "./csv.js";

/** The names of the bundled data sets (the CSV files' base names). */
export type DatasetName = "iris" | "wine" | "breast_cancer" | "digits" | "diabetes";

/** One data set's file and columns. */
export interface DatasetDescription {
  /** The file in datasets/ (`iris.csv`). */
  readonly file: string;
  /** scikit-learn's loader (`load_iris`) and ours (`loadIris`). */
  readonly sklearn: string;
  readonly loader: string;
  /** The feature columns, in order: data[:, j] is column features[j]. */
  readonly features: readonly string[];
  /** The target column. */
  readonly target: string;
  /** Classes: the strings the target column holds, in code order (codes[k] ↦ k). null: a float target. */
  readonly codes: readonly string[] | null;
  /** Classes: targetNames[k] names class k. null for a regression target. */
  readonly targetNames: readonly string[] | null;
}

/** scikit-learn's Bunch, without `frame` and `DESCR`. */
export interface Dataset {
  /** (n, p) float64: one sample per row. */
  data: NDArray;
  /** (n,) int32 class codes 0..k-1, or float64 for a regression target (diabetes). */
  target: NDArray;
  /** The p feature names, the CSV's header names (see the file header). */
  featureNames: string[];
  /** targetNames[k] names class k; null for a regression target. */
  targetNames: string[] | null;
}

/** digits: also `images` (n, 8, 8), a view of `data`. */
export interface DigitsDataset extends Dataset {
  images: NDArray;
}

const pixels: string[] = [];
for (let r = 0; r < 8; r++) for (let c = 0; c < 8; c++) pixels.push(`p${r}_${c}`);
const digitCodes = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

/** The five data sets. */
export const DATASETS: Readonly<Record<DatasetName, DatasetDescription>> = Object.freeze({
  iris: {
    file: "iris.csv", sklearn: "load_iris", loader: "loadIris",
    features: ["sepal_length", "sepal_width", "petal_length", "petal_width"],
    target: "species",
    codes: ["setosa", "versicolor", "virginica"],
    targetNames: ["setosa", "versicolor", "virginica"],
  },
  wine: {
    file: "wine.csv", sklearn: "load_wine", loader: "loadWine",
    features: ["alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols", "flavanoids", "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue", "od280_od315_of_diluted_wines", "proline"],
    target: "cultivar",
    codes: ["0", "1", "2"],
    targetNames: ["class_0", "class_1", "class_2"],
  },
  breast_cancer: {
    file: "breast_cancer.csv", sklearn: "load_breast_cancer", loader: "loadBreastCancer",
    features: ["mean", "error", "worst"].flatMap((k) => ["radius", "texture", "perimeter", "area", "smoothness", "compactness", "concavity", "concave_points", "symmetry", "fractal_dimension"].map((f) => (k === "error" ? `${f}_error` : `${k}_${f}`))),
    target: "diagnosis",
    // scikit-learn's encoding: 0 = malignant, 1 = benign
    codes: ["malignant", "benign"],
    targetNames: ["malignant", "benign"],
  },
  digits: {
    file: "digits.csv", sklearn: "load_digits", loader: "loadDigits",
    features: pixels,
    target: "digit",
    codes: digitCodes,
    targetNames: digitCodes,
  },
  diabetes: {
    file: "diabetes.csv", sklearn: "load_diabetes", loader: "loadDiabetes",
    features: ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"],
    target: "progression",
    codes: null,
    targetNames: null,
  },
});

const NAMES = Object.keys(DATASETS) as DatasetName[];

/**
 * The Bunch of data set `name` from its CSV text; `fn` names the caller in messages
 * (`loadIris: iris.csv, line 7, field "petal_width": expected a number, got "abc"`).
 */
export function buildDataset(fn: string, name: DatasetName, text: string): Dataset | DigitsDataset {
  const d = DATASETS[name];
  // One row: every feature a number, the target one of the codes (or a number). A strict
  // object: a column the description lacks is an error, as is one it has and the file lacks.
  const shape: Record<string, z.ZodType> = {};
  for (const f of d.features) shape[f] = csvNumber();
  shape[d.target] = d.codes ? z.enum(d.codes as [string, ...string[]]) : csvNumber();
  const rows = parseCsvText(fn, text, z.strictObject(shape), d.file, true) as Record<string, number | string>[];

  const n = rows.length;
  const p = d.features.length;
  const data = new Float64Array(n * p);
  const target = d.codes ? new Int32Array(n) : new Float64Array(n);
  const code = new Map<string, number>();
  d.codes?.forEach((c, k) => code.set(c, k));
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    // data[i, :] = the row's features, in description order
    for (let j = 0; j < p; j++) data[i * p + j] = row[d.features[j]] as number;
    // target[i] = the class code k of the row's label (codes[k]), or the float value
    target[i] = d.codes ? (code.get(row[d.target] as string) as number) : (row[d.target] as number);
  }
  const bunch: Dataset = {
    data: new NDArray(data, [n, p]),
    target: new NDArray(target, [n]),
    featureNames: d.features.slice(),
    targetNames: d.targetNames ? d.targetNames.slice() : null,
  };
  if (name === "digits") return { ...bunch, images: bunch.data.reshape(n, 8, 8) };
  return bunch;
}

/**
 * One of the bundled data sets from its CSV text (what the loaders call, with the text from
 * disk under Node or bundled into a browser build). Same result as `loadIris()` etc.
 *
 * @param name  "iris", "wine", "breast_cancer", "digits" or "diabetes"
 * @param text  the file's text (datasets/<name>.csv: header row, then one sample per line)
 * @returns `{ data: (n, p) float64, target: (n,) int32 | float64, featureNames, targetNames }`,
 *          plus `images` (n, 8, 8) for digits
 * @throws CsvError for a malformed row or a header that differs from the description;
 *         ValueError for an unknown name or a non-string text
 */
export function datasetFromCsv(name: "digits", text: string): DigitsDataset;
export function datasetFromCsv(name: DatasetName, text: string): Dataset;
export function datasetFromCsv(name: DatasetName, text: string): Dataset | DigitsDataset {
  const fn = "datasetFromCsv";
  if (!NAMES.includes(name)) throw new ValueError(`${fn}: name must be one of ${NAMES.map((s) => JSON.stringify(s)).join(", ")}, got ${typeof name === "function" ? "a function" : show(name)}`);
  if (typeof text !== "string") throw new ValueError(`${fn}: text must be the CSV file's text (a string), got ${typeof text === "function" ? "a function" : show(text)}`);
  return buildDataset(fn, name, text);
}
