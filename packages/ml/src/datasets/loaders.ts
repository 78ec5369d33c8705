/**
 * The five loaders, scikit-learn's `load_iris`, `load_wine`, `load_breast_cancer`,
 * `load_digits`, `load_diabetes`, built on a text source: `makeLoaders(read)` where
 * `read("iris.csv")` returns the file's text. The two entries differ only in `read`:
 *   node.ts    reads datasets/<file> from disk (readFileSync), for Node;
 *   index.ts   returns the text a bundler inlined (esbuild `loader: { ".csv": "text" }`), for browsers.
 * Each call parses and checks the file again and returns fresh arrays (the caller may write into them).
 *
 * Options: none, except `loadDiabetes({ scaled })`. scikit-learn's `return_X_y` and `as_frame`
 * are not offered (`const { data: X, target: y } = loadIris()` is the same).
 *   scaled (default false): each feature column centred and scaled to unit Euclidean norm,
 *   x_j ← (x_j − mean(x_j)) / (std(x_j) · √n)  (std with ddof 0), as scikit-learn's
 *   `load_diabetes(scaled=True)`, its default; our default is the raw values, like the file.
 * Reference: scikit-learn, sklearn/datasets/_base.py.
 */
import { ValueError } from "@sliderule/ndarray";
import { z } from "zod";
import { parseOptions, show } from "../base.js";
import { buildDataset, type Dataset, type DatasetName, type DigitsDataset } from "./load.js";

/** loadDiabetes's options. */
export interface DiabetesOptions {
  /** Centre each feature and scale it to unit Euclidean norm (scikit-learn's default; ours is false). */
  scaled?: boolean;
}

/** Returns the text of a file of datasets/ (`"iris.csv"`). */
export type DatasetText = (file: string) => string;

/** The loaders' signatures (both entries export exactly these). */
export interface Loaders {
  /** Iris (Fisher 1936): data (150, 4), target int32 0..2 (setosa, versicolor, virginica). scikit-learn: `load_iris()`. */
  loadIris(): Dataset;
  /** Wine (Forina et al.): data (178, 13), target int32 0..2 (class_0..class_2). scikit-learn: `load_wine()`. */
  loadWine(): Dataset;
  /** Breast cancer Wisconsin (diagnostic): data (569, 30), target int32 0 = malignant, 1 = benign. scikit-learn: `load_breast_cancer()`. */
  loadBreastCancer(): Dataset;
  /** Handwritten digits: data (1797, 64) (pixels 0..16), images (1797, 8, 8), target int32 0..9. scikit-learn: `load_digits()`. */
  loadDigits(): DigitsDataset;
  /** Diabetes (Efron et al. 2004): data (442, 10) raw (or `{ scaled: true }`), target float64, targetNames null. scikit-learn: `load_diabetes(scaled=False)`. */
  loadDiabetes(options?: DiabetesOptions): Dataset;
}

const DIABETES_OPTIONS = z.object({ scaled: z.boolean().default(false) });

/** A loader that takes no options: any argument is a mistake worth a message. */
function noOptions(fn: string, args: readonly unknown[]): void {
  if (args.length === 0 || (args.length === 1 && args[0] === undefined)) return;
  const o = args[0];
  if (args.length === 1 && o !== null && typeof o === "object" && !Array.isArray(o)) {
    const keys = Object.keys(o);
    if (keys.length === 0) return;
    const hint = keys[0] === "return_X_y" || keys[0] === "returnXY" ? " (write const { data: X, target: y } = " + fn + "())" : "";
    throw new ValueError(`${fn}: unknown option '${keys[0]}'${hint}; it takes no options`);
  }
  throw new ValueError(`${fn}: takes no arguments, got ${typeof o === "function" ? "a function" : show(o)}${args.length > 1 ? ` and ${args.length - 1} more` : ""}`);
}

/** Scale each column of data (n, p) in place: (x − mean) / (std·√n), std with ddof 0 (scikit-learn's `scale`, then / √n). */
function scaleColumns(data: Float64Array, n: number, p: number): void {
  for (let j = 0; j < p; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += data[i * p + j];
    mean /= n;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      const d = data[i * p + j] - mean;
      ss += d * d;
    }
    const std = Math.sqrt(ss / n);
    // scikit-learn's scale leaves a constant column at 0 (it divides by 1 where std is 0)
    const s = (std === 0 ? 1 : std) * Math.sqrt(n);
    for (let i = 0; i < n; i++) data[i * p + j] = (data[i * p + j] - mean) / s;
  }
}

/** The five loaders over a text source. */
export function makeLoaders(read: DatasetText): Loaders {
  const load = (fn: string, name: DatasetName) => {
    const file = `${name}.csv`;
    return buildDataset(fn, name, read(file));
  };
  return {
    loadIris(...args: unknown[]) {
      noOptions("loadIris", args);
      return load("loadIris", "iris");
    },
    loadWine(...args: unknown[]) {
      noOptions("loadWine", args);
      return load("loadWine", "wine");
    },
    loadBreastCancer(...args: unknown[]) {
      noOptions("loadBreastCancer", args);
      return load("loadBreastCancer", "breast_cancer");
    },
    loadDigits(...args: unknown[]) {
      noOptions("loadDigits", args);
      return load("loadDigits", "digits") as DigitsDataset;
    },
    loadDiabetes(options?: DiabetesOptions) {
      const fn = "loadDiabetes";
      if (arguments.length > 1) throw new ValueError(`${fn}: takes at most 1 argument (options), got ${arguments.length}`);
      const { scaled } = parseOptions(fn, DIABETES_OPTIONS, options);
      const bunch = load(fn, "diabetes");
      if (scaled) scaleColumns(bunch.data.data as Float64Array, bunch.data.shape[0], bunch.data.shape[1]);
      return bunch;
    },
  };
}
