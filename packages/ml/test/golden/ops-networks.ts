/**
 * Golden registry entries of the ml family (cases/ml.json) for: the distances (cdist, pdist,
 * squareform), softmax / log_softmax / expit, mlp.forward, KMeans and KNeighborsClassifier.
 * Merged into `mlOps` by ops.ts.
 */
import type { NDArray } from "@sliderule/ndarray";
import type { OpRegistry } from "../../../ndarray/test/golden/harness.js";
import { KMeans } from "../../src/cluster/kmeans.js";
import { cdist } from "../../src/distance/cdist.js";
import type { Metric } from "../../src/distance/metrics.js";
import { pdist } from "../../src/distance/pdist.js";
import { squareform } from "../../src/distance/squareform.js";
import { KNeighborsClassifier } from "../../src/neighbors/k-neighbors-classifier.js";
import { expit, logSoftmax, softmax } from "../../src/neural-network/activations.js";
import { mlpForward, type OutActivationName } from "../../src/neural-network/forward.js";
import type { ActivationName } from "../../src/neural-network/activations.js";

/** SciPy's distance keywords (metric, p, w) as our options. */
const distanceOptions = (kw: Record<string, unknown>) => ({
  metric: (kw.metric ?? "euclidean") as Metric,
  ...(kw.p !== undefined ? { p: kw.p as number } : {}),
  ...(kw.w !== undefined ? { w: kw.w as NDArray } : {}),
});

export const mlNetworkOps: OpRegistry = {
  // ---- distances, KMeans, k nearest neighbours (h8)
  "scipy.spatial.distance.cdist": ([XA, XB], kw) => cdist(XA as NDArray, XB as NDArray, distanceOptions(kw)),
  "scipy.spatial.distance.pdist": ([X], kw) => pdist(X as NDArray, distanceOptions(kw)),
  "scipy.spatial.distance.squareform": ([X], kw) =>
    squareform(X as NDArray, {
      ...(kw.force !== undefined ? { force: kw.force as "no" } : {}),
      ...(kw.checks !== undefined ? { checks: kw.checks as boolean } : {}),
    }),
  "sklearn.cluster.KMeans": ([X], kw) => {
    const km = new KMeans({
      nClusters: kw.n_clusters as number,
      init: kw.init as NDArray,
      nInit: kw.n_init as number,
      maxIter: kw.max_iter as number,
      tol: kw.tol as number,
    }).fit(X as NDArray);
    return [km.clusterCenters, km.labels, km.inertia];
  },
  "sklearn.neighbors.KNeighborsClassifier": ([X, y, Xq], kw) =>
    new KNeighborsClassifier({ nNeighbors: kw.n_neighbors as number }).fit(X as NDArray, y as NDArray).predict(Xq as NDArray),
  // ---- end h8
  // ---- softmax, log_softmax, expit, mlp.forward (h7)
  "scipy.special.softmax": ([x], kw) => softmax(x, { axis: kw.axis as number | null | undefined }),
  "scipy.special.log_softmax": ([x], kw) => logSoftmax(x, { axis: kw.axis as number | null | undefined }),
  "scipy.special.expit": ([x]) => expit(x),
  "mlp.forward": ([X, Ws, bs], kw) =>
    mlpForward(X, Ws as NDArray[], bs as NDArray[], { activation: kw.activation as ActivationName, outActivation: kw.out_activation as OutActivationName }),
  // ---- end h7
};
