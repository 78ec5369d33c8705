/**
 * The three methods the page offers, on a Table (table.ts), each returning the numbers to
 * show, the points it plots and the vega-lite specs (@sliderule/ml/plot). No DOM here: the
 * same functions run in Node (app.test.ts) and in the page (main.ts).
 *
 *   pca         X (n, p) the features → PCA(nComponents: 2): Z = (X − X̄)·Vᵀ (n, 2), plotted
 *               coloured by the label; a scree plot of a full PCA's explained variance ratio.
 *               Numbers: explainedVarianceRatio (2,).
 *   regression  y = the target column, X = the other features → LinearRegression (least
 *               squares with intercept): ŷ = X·coef + intercept; predicted vs true and the
 *               residuals y − ŷ. Numbers: R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)² on the data it was
 *               fitted to, the intercept and one coefficient per feature.
 *   kmeans      KMeans(nClusters: k, randomState: seed) on the features (Lloyd's algorithm,
 *               k-means++ start); the clusters and centres drawn on the first two principal
 *               components (the PCA above, centres projected with the same axes).
 *               Numbers: inertia Σ‖x_i − μ_{c_i}‖², the size of each cluster, Lloyd iterations.
 * Each returns a Result; `points` holds the plotted coordinates (pca, kmeans: the (n, 2)
 * projection; regression: [y_i, ŷ_i]), the values the page's test compares with Node's.
 * Reference: scikit-learn's PCA, LinearRegression and KMeans, which ours follow.
 */
import { ValueError, type NDArray } from "@sliderule/ndarray";
import { KMeans, LinearRegression, PCA } from "@sliderule/ml";
import { kmeansClusters, pcaScatter, regressionPlot, screePlot, type TopLevelSpec } from "@sliderule/ml/plot";
import { featureColumns, selectColumns, type Table } from "./table.js";

/** What the user asked for. */
export type MethodRequest = { method: "pca" } | { method: "regression"; target: string } | { method: "kmeans"; k: number; seed: number };

/** A chart to draw: its heading and the vega-lite spec. */
export interface Chart {
  title: string;
  spec: TopLevelSpec;
}

export interface PcaNumbers {
  features: string[];
  /** (2,) the share of the variance along PC1 and PC2. */
  explainedVarianceRatio: number[];
}

export interface RegressionNumbers {
  target: string;
  features: string[];
  /** R² on the data the model was fitted to. */
  r2: number;
  intercept: number;
  /** coef[j] multiplies features[j]. */
  coef: number[];
}

export interface KmeansNumbers {
  features: string[];
  k: number;
  seed: number;
  inertia: number;
  /** clusterSizes[c]: the number of rows in cluster c. */
  clusterSizes: number[];
  nIter: number;
}

interface Common {
  source: string;
  n: number;
  points: number[][];
  charts: Chart[];
}

/** One run's outcome. */
export type Result =
  | (Common & { method: "pca"; numbers: PcaNumbers })
  | (Common & { method: "regression"; numbers: RegressionNumbers })
  | (Common & { method: "kmeans"; numbers: KmeansNumbers });

/** What the page exposes as `window.sliderule.lastResult` (a Result without its chart specs). */
export type PageResult = Pick<Result, "method" | "points" | "numbers">;

/** Largest number of components the scree plot shows. */
const SCREE_MAX = 20;

/** The rows of an (n, d) float64 array as JS arrays. */
function rowsOf(A: NDArray): number[][] {
  return A.toArray() as number[][];
}

/** A float64 vector as a JS array. */
function vectorOf(a: NDArray): number[] {
  return a.toArray() as number[];
}

/**
 * Run the method on the table (see the file header).
 * @throws ValueError for an unknown method or a request the table cannot serve (a target that
 *   is not a numeric column, k outside [1, n], a negative or fractional seed); the estimators'
 *   own errors (too few rows, …) pass through.
 */
export function runMethod(table: Table, request: MethodRequest): Result {
  if (request === null || typeof request !== "object")
    throw new ValueError(`runMethod: request must be an object, got ${request === null ? "null" : typeof request}`);
  switch (request.method) {
    case "pca":
      return runPca(table);
    case "regression":
      return runRegression(table, request.target);
    case "kmeans":
      return runKmeans(table, request.k, request.seed);
    default:
      throw new ValueError(
        `runMethod: method must be "pca", "regression" or "kmeans", got ${typeof (request as { method: unknown }).method === "string" ? JSON.stringify((request as { method: string }).method) : typeof (request as { method: unknown }).method}`,
      );
  }
}

/** PCA on the features: the (n, 2) projection coloured by the label, and the scree plot. */
export function runPca(table: Table): Result {
  const features = featureColumns(table);
  const X = selectColumns(table, features);
  const pca = new PCA({ nComponents: 2 });
  const Z = pca.fitTransform(X);
  const ratio = vectorOf(pca.explainedVarianceRatio as NDArray);
  // the scree plot needs every component's share: a full PCA (its first two equal `ratio`)
  const full = vectorOf(new PCA().fit(X).explainedVarianceRatio as NDArray);
  const shown = full.slice(0, SCREE_MAX);
  const label = table.label;
  const scatter = pcaScatter(Z, label ? Array.from(label.codes) : undefined, {
    title: `${table.source}: the first two principal components`,
    explainedVarianceRatio: ratio,
    ...(label ? { targetNames: label.classes } : {}),
  });
  const scree = screePlot(shown, {
    title: full.length > SCREE_MAX ? `explained variance (first ${SCREE_MAX} of ${full.length} components)` : "explained variance",
  });
  return {
    method: "pca",
    source: table.source,
    n: table.n,
    points: rowsOf(Z),
    numbers: { features, explainedVarianceRatio: ratio },
    charts: [
      { title: "PCA scatter", spec: scatter },
      { title: "Scree plot", spec: scree },
    ],
  };
}

/** Least squares of the target column on the other features: R², coefficients, predicted vs true. */
export function runRegression(table: Table, target: string): Result {
  if (typeof target !== "string" || !table.columns.includes(target)) {
    throw new ValueError(
      `runRegression: target must be a numeric column of ${table.source} (${table.columns.join(", ")}), got ${typeof target === "string" ? JSON.stringify(target) : typeof target}`,
    );
  }
  const features = featureColumns(table, target);
  if (features.length === 0) throw new ValueError(`runRegression: ${table.source} has no numeric column left to predict ${JSON.stringify(target)} from`);
  const X = selectColumns(table, features);
  const y = selectColumns(table, [target]).reshape(table.n);
  const model = new LinearRegression().fit(X, y);
  const yHat = model.predict(X);
  const r2 = model.score(X, y);
  const yTrue = vectorOf(y);
  const yPred = vectorOf(yHat);
  const spec = regressionPlot(yTrue, yPred, {
    title: `${table.source}: ${target} by least squares on ${features.length === 1 ? features[0] : `${features.length} features`}`,
    ...(features.length === 1 ? { x: vectorOf(X.reshape(table.n)), xTitle: features[0] } : {}),
  });
  return {
    method: "regression",
    source: table.source,
    n: table.n,
    points: yTrue.map((v, i) => [v, yPred[i]]),
    numbers: { target, features, r2, intercept: model.intercept as number, coef: vectorOf(model.coef as NDArray) },
    charts: [{ title: "Predicted vs true, and residuals", spec }],
  };
}

/** k-means on the features, drawn on the first two principal components. */
export function runKmeans(table: Table, k: number, seed: number): Result {
  if (typeof k !== "number" || !Number.isInteger(k) || k < 1 || k > table.n) {
    throw new ValueError(`runKmeans: k must be an integer from 1 to the number of rows (${table.n}), got ${typeof k === "number" ? k : typeof k}`);
  }
  if (typeof seed !== "number" || !Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1) {
    throw new ValueError(`runKmeans: seed must be an integer from 0 to 2^32 − 1, got ${typeof seed === "number" ? seed : typeof seed}`);
  }
  const features = featureColumns(table);
  if (features.length < 2) throw new ValueError(`runKmeans: drawing the clusters needs two numeric columns; ${table.source} has ${features.length}`);
  const X = selectColumns(table, features);
  const km = new KMeans({ nClusters: k, randomState: seed }).fit(X);
  const labels = Array.from(km.labels?.data as Int32Array);
  const sizes = new Array<number>(k).fill(0);
  for (const c of labels) sizes[c]++;
  // the picture: samples and centres on the first two principal components of X
  const pca = new PCA({ nComponents: 2 }).fit(X);
  const Z = pca.transform(X);
  const M = pca.transform(km.clusterCenters as NDArray);
  const spec = kmeansClusters(Z, labels, M, {
    title: `${table.source}: k-means, k = ${k}, on the first two principal components`,
    featureNames: ["PC1", "PC2"],
  });
  return {
    method: "kmeans",
    source: table.source,
    n: table.n,
    points: rowsOf(Z),
    numbers: { features, k, seed, inertia: km.inertia as number, clusterSizes: sizes, nIter: km.nIter as number },
    charts: [{ title: "k-means clusters", spec }],
  };
}
