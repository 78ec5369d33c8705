/**
 * k-means clusters: the samples coloured by the cluster they were assigned to, and the centres.
 *
 * What a course draws instead: `plt.scatter(X[:, 0], X[:, 1], c=kmeans.labels_)` then
 * `plt.scatter(*kmeans.cluster_centers_.T, marker="x", s=200, c="black")` (scikit-learn's
 * "A demo of K-Means clustering on the handwritten digits data", on its PCA-reduced data).
 *
 * Encoding: two layers, each with its own data;
 *   points  rows { x, y, cluster: labels[i] }, filled points, colour = cluster (nominal, 0 … k−1)
 *   centres rows { x, y, cluster: c }, black crosses (shape "cross", larger), one per centre
 * Both share the x and y scales. Axis titles from featureNames (default "x₁", "x₂").
 * Returns a vega-lite spec with the data inlined. Reference: Lloyd, "Least squares
 * quantization in PCM", IEEE Trans. Inf. Theory 28(2), 1982; scikit-learn `KMeans`.
 */
import type { TopLevelSpec } from "vega-lite";
import { ValueError } from "@sliderule/ndarray";
import { checkChartOptions, header, labelsArg, matrixArg, namesArg, size, type ChartOptions } from "./validate.js";

export interface KmeansClustersOptions extends ChartOptions {
  /** Titles of the two axes (default ["x₁", "x₂"]). */
  featureNames?: readonly [string, string];
}

const FN = "kmeansClusters";

/**
 * Points coloured by cluster plus the centres as crosses (see the file header).
 * @param X2d (n, 2) the samples (PCA-reduce them first when d > 2).
 * @param labels (n,) `kmeans.labels`: integers in [0, k).
 * @param centers (k, 2) `kmeans.clusterCenters`.
 * @throws ValueError for X2d or centers not of 2 columns, non-finite values, labels of another
 *   length or outside [0, k), or an unknown option.
 * @example
 *   const km = new KMeans({ nClusters: 3, randomState: 0 }).fit(X2d);
 *   const spec = kmeansClusters(X2d, km.labels, km.clusterCenters);
 */
export function kmeansClusters(X2d: unknown, labels: unknown, centers: unknown, options?: KmeansClustersOptions): TopLevelSpec {
  const o = checkChartOptions<KmeansClustersOptions>(FN, options, ["featureNames"]);
  const [xTitle, yTitle] = o.featureNames === undefined ? ["x₁", "x₂"] : namesArg(FN, "featureNames", o.featureNames, 2);
  const X = matrixArg(FN, "X2d", X2d, { cols: 2 });
  const M = matrixArg(FN, "centers", centers, { cols: 2 });
  const k = M.n;
  const y = labelsArg(FN, "labels", labels, X.n);
  y.forEach((c, i) => {
    if (typeof c !== "number" || !Number.isInteger(c) || c < 0 || c >= k) {
      throw new ValueError(
        `${FN}: labels[${i}] is ${typeof c === "number" ? c : JSON.stringify(c)}, not a cluster index in [0, ${k - 1}] (centers has ${k} rows)`,
      );
    }
  });

  const points = X.rows.map((r, i) => ({ x: r[0], y: r[1], cluster: y[i] }));
  const centres = M.rows.map((r, c) => ({ x: r[0], y: r[1], cluster: c }));
  const clusters = Array.from({ length: k }, (_, c) => c);
  const x = { field: "x", type: "quantitative", title: xTitle, scale: { zero: false } } as const;
  const yEnc = { field: "y", type: "quantitative", title: yTitle, scale: { zero: false } } as const;
  return {
    ...header(o),
    ...size(o, 360, 300),
    layer: [
      {
        data: { values: points },
        mark: { type: "point", filled: true, opacity: 0.7 },
        encoding: { x, y: yEnc, color: { field: "cluster", type: "nominal", title: "cluster", scale: { domain: clusters } } },
      },
      {
        data: { values: centres },
        mark: { type: "point", shape: "cross", filled: true, size: 200, color: "black", stroke: "white", strokeWidth: 1 },
        encoding: { x, y: yEnc },
      },
    ],
  };
}
