/**
 * The five loaders against scikit-learn 1.2.1 (Debian's python3-sklearn), values pasted:
 *   from sklearn import datasets as d; import numpy as np
 *   b = d.load_iris()   # load_wine, load_breast_cancer, load_digits, load_diabetes(scaled=False)
 *   b.data.shape, b.data.sum(), b.data.sum(axis=0)[:4], np.bincount(b.target), b.data[0], b.data[-1], b.target[-1]
 * and, for the names we keep from the CSV, `list(b.feature_names)`.
 */
import { readFileSync } from "node:fs";
import { ValueError } from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { CsvError } from "./csv.js";
import { DATASETS, datasetFromCsv, type Dataset, type DatasetName } from "./load.js";
import { loadBreastCancer, loadDiabetes, loadDigits, loadIris, loadWine } from "./node.js";

const eps = 2 ** -52;
const text = (name: string) => readFileSync(new URL(`../../../../datasets/${name}.csv`, import.meta.url), "utf8");

interface Expected {
  load: () => Dataset;
  shape: [number, number];
  /** b.data.sum() */
  sum: number;
  /** b.data.sum(axis=0)[:4] */
  colSums: number[];
  /** np.bincount(b.target), or null for diabetes (then b.target.sum()) */
  counts: number[] | null;
  targetSum: number;
  first: number[];
  last: number[];
  lastTarget: number;
  targetNames: string[] | null;
  /** list(b.feature_names) */
  sklearnNames: string[];
  /** the relative distance of our data.sum() from scikit-learn's allowed by a documented difference */
  sumTol?: number;
}

const CASES: Record<DatasetName, Expected> = {
  iris: {
    load: loadIris,
    shape: [150, 4],
    sum: 2078.7,
    colSums: [876.5000000000002, 458.60000000000014, 563.7000000000004, 179.90000000000012],
    counts: [50, 50, 50],
    targetSum: 150,
    first: [5.1, 3.5, 1.4, 0.2],
    last: [5.9, 3.0, 5.1, 1.8],
    lastTarget: 2,
    targetNames: ["setosa", "versicolor", "virginica"],
    sklearnNames: ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"],
  },
  wine: {
    load: loadWine,
    shape: [178, 13],
    // the CSV has 9.9 where scikit-learn has 9.899999 (row 171, color_intensity): 1e-6 in the sum
    sum: 159975.295999,
    sumTol: 1.1e-6 / 159975,
    colSums: [2314.1099999999988, 415.86999999999995, 421.2400000000002, 3470.1],
    counts: [59, 71, 48],
    targetSum: 167,
    first: [14.23, 1.71, 2.43, 15.6, 127.0, 2.8, 3.06, 0.28, 2.29, 5.64, 1.04, 3.92, 1065.0],
    last: [14.13, 4.1, 2.74, 24.5, 96.0, 2.05, 0.76, 0.56, 1.35, 9.2, 0.61, 1.6, 560.0],
    lastTarget: 2,
    targetNames: ["class_0", "class_1", "class_2"],
    sklearnNames: ["alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols", "flavanoids", "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue", "od280/od315_of_diluted_wines", "proline"],
  },
  breast_cancer: {
    load: loadBreastCancer,
    shape: [569, 30],
    sum: 1056474.4596356,
    colSums: [8038.429000000006, 10975.810000000016, 52330.38000000001, 372631.9000000002],
    counts: [212, 357],
    targetSum: 357,
    first: [17.99, 10.38, 122.8, 1001.0, 0.1184, 0.2776, 0.3001, 0.1471, 0.2419, 0.07871, 1.095, 0.9053, 8.589, 153.4, 0.006399, 0.04904, 0.05373, 0.01587, 0.03003, 0.006193, 25.38, 17.33, 184.6, 2019.0, 0.1622, 0.6656, 0.7119, 0.2654, 0.4601, 0.1189],
    last: [7.76, 24.54, 47.92, 181.0, 0.05263, 0.04362, 0.0, 0.0, 0.1587, 0.05884, 0.3857, 1.428, 2.548],
    lastTarget: 1,
    targetNames: ["malignant", "benign"],
    sklearnNames: ["mean radius", "mean texture", "mean perimeter", "mean area", "mean smoothness", "mean compactness", "mean concavity", "mean concave points", "mean symmetry", "mean fractal dimension", "radius error", "texture error", "perimeter error", "area error", "smoothness error", "compactness error", "concavity error", "concave points error", "symmetry error", "fractal dimension error", "worst radius", "worst texture", "worst perimeter", "worst area", "worst smoothness", "worst compactness", "worst concavity", "worst concave points", "worst symmetry", "worst fractal dimension"],
  },
  digits: {
    load: loadDigits,
    shape: [1797, 64],
    sum: 561718.0,
    colSums: [0, 546, 9353, 21269],
    counts: [178, 182, 177, 183, 181, 182, 181, 179, 174, 180],
    targetSum: 8070,
    first: [0, 0, 5, 13, 9, 1, 0, 0, 0, 0, 13, 15, 10, 15, 5, 0, 0, 3, 15, 2, 0, 11, 8, 0, 0, 4, 12, 0, 0, 8, 8, 0],
    last: [0, 0, 10, 14, 8, 1, 0, 0, 0, 2, 16, 14, 6],
    lastTarget: 8,
    targetNames: ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
    sklearnNames: Array.from({ length: 64 }, (_, k) => `pixel_${Math.floor(k / 8)}_${k % 8}`),
  },
  diabetes: {
    load: loadDiabetes,
    shape: [442, 10],
    sum: 276404.2336,
    colSums: [21445.0, 649.0, 11658.10000000001, 41833.98],
    counts: null,
    targetSum: 67243.0,
    first: [59.0, 2.0, 32.1, 101.0, 157.0, 93.2, 38.0, 4.0, 4.8598, 87.0],
    last: [36.0, 1.0, 19.6, 71.0, 250.0, 133.2, 97.0, 3.0, 4.5951, 92.0],
    lastTarget: 57.0,
    targetNames: null,
    sklearnNames: ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"],
  },
};

/** Our CSV header names against scikit-learn's: the same after lower-casing and mapping " ", "/" to "_", units dropped, "pixel_" to "p". */
const normalise = (s: string) => s.replace(/ \(cm\)$/, "").replace(/[ /]/g, "_").replace(/^pixel_/, "p");

describe.each(Object.keys(CASES) as DatasetName[])("%s", (name) => {
  const want = CASES[name];
  const b = want.load();

  it("shape and dtypes", () => {
    expect(b.data.shape).toEqual(want.shape);
    expect(b.data.dtype).toBe("float64");
    expect(b.data.flags.cContiguous).toBe(true);
    expect(b.target.shape).toEqual([want.shape[0]]);
    expect(b.target.dtype).toBe(want.counts ? "int32" : "float64");
  });

  it("data sums, first and last rows as scikit-learn's", () => {
    const [n, p] = want.shape;
    const tol = want.sumTol ?? n * p * eps;
    expect(Math.abs((b.data.sum() as number) - want.sum) / want.sum).toBeLessThanOrEqual(tol);
    const colSums = b.data.sum({ axis: 0 }).toArray() as number[];
    colSums.slice(0, 4).forEach((s, j) => expect(Math.abs(s - want.colSums[j])).toBeLessThanOrEqual(n * eps * Math.abs(want.colSums[j])));
    const rows = b.data.toArray() as number[][];
    expect(rows[0].slice(0, want.first.length)).toEqual(want.first);
    expect(rows[n - 1].slice(0, want.last.length)).toEqual(want.last);
  });

  it("target: class counts (or sum) and names", () => {
    const t = b.target.toArray() as number[];
    if (want.counts) {
      const counts = want.counts.map(() => 0);
      for (const v of t) counts[v]++;
      expect(counts).toEqual(want.counts);
    }
    expect(t.reduce((a, v) => a + v, 0)).toBe(want.targetSum);
    expect(t[t.length - 1]).toBe(want.lastTarget);
    expect(b.targetNames).toEqual(want.targetNames);
  });

  it("featureNames: the CSV's header, scikit-learn's up to spelling", () => {
    const header = text(name).split("\n")[0].split(",");
    expect(b.featureNames).toEqual(header.slice(0, -1));
    expect(b.featureNames).toEqual(DATASETS[name].features);
    expect(b.featureNames.map(normalise)).toEqual(want.sklearnNames.map(normalise));
  });

  it("datasetFromCsv(name, text) gives the same, and fresh arrays each call", () => {
    const c = datasetFromCsv(name, text(name));
    expect(c.data.toArray()).toEqual(b.data.toArray());
    expect(c.target.toArray()).toEqual(b.target.toArray());
    const again = want.load();
    expect(again.data.data).not.toBe(b.data.data);
  });
});

describe("breast cancer uses scikit-learn's encoding", () => {
  it("malignant is 0, benign is 1", () => {
    const b = loadBreastCancer();
    const labels = text("breast_cancer").trim().split("\n").slice(1).map((l) => l.slice(l.lastIndexOf(",") + 1));
    const t = b.target.toArray() as number[];
    expect(labels.every((s, i) => (s === "malignant" ? 0 : 1) === t[i])).toBe(true);
    expect(labels[0]).toBe("malignant");
    expect(t[0]).toBe(0);
  });
});

describe("digits images", () => {
  it("(1797, 8, 8), a view of data, as load_digits", () => {
    const b = loadDigits();
    expect(b.images.shape).toEqual([1797, 8, 8]);
    // d.load_digits().images[5, 3].tolist(), .target[5]
    expect((b.images.toArray() as number[][][])[5][3]).toEqual([0.0, 0.0, 11.0, 16.0, 16.0, 7.0, 0.0, 0.0]);
    expect((b.target.toArray() as number[])[5]).toBe(5);
    expect(b.images.base === b.data || b.images.data === b.data.data).toBe(true);
  });
});

describe("datasetFromCsv: a damaged file fails loudly", () => {
  it("a bad value names the loader's caller, the file, line and field", () => {
    const lines = text("iris").split("\n");
    lines[6] = lines[6].replace(/^[^,]*,[^,]*,[^,]*,[^,]*/, "5.0,3.6,1.4,abc");
    expect(() => datasetFromCsv("iris", lines.join("\n"))).toThrow(new CsvError("datasetFromCsv", { source: "iris.csv", line: 7, field: "petal_width", value: "abc" }, 'expected a number, got "abc"'));
  });

  it("an unknown class label, a missing or extra column", () => {
    const wine = text("wine").replace(/,0\n/, ",3\n");
    expect(() => datasetFromCsv("wine", wine)).toThrow(/^datasetFromCsv: wine\.csv, line 2, field "cultivar": .*expected one of "0"\|"1"\|"2", got "3"/);
    const noTarget = text("iris").split("\n").map((l) => l.slice(0, l.lastIndexOf(","))).join("\n");
    expect(() => datasetFromCsv("iris", noTarget)).toThrow(/^datasetFromCsv: iris\.csv, line 1, field "species": the header has no column/);
    const extra = text("iris").split("\n").map((l, i) => (l === "" ? l : `${l},${i === 0 ? "extra" : "1"}`)).join("\n");
    expect(() => datasetFromCsv("iris", extra)).toThrow(/^datasetFromCsv: iris\.csv, line 2, field "extra": a column the schema does not allow/);
  });

  it("bad arguments", () => {
    const call = (...a: unknown[]) => () => (datasetFromCsv as (...b: unknown[]) => unknown)(...a);
    expect(call("mnist", "")).toThrow(new ValueError('datasetFromCsv: name must be one of "iris", "wine", "breast_cancer", "digits", "diabetes", got "mnist"'));
    expect(call("iris", 3)).toThrow(/^datasetFromCsv: text must be the CSV file's text \(a string\), got 3/);
    expect(call(Symbol("iris"), "")).toThrow(ValueError);
  });
});
