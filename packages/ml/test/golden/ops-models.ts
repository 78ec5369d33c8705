/**
 * Golden registry entries of the ml family (cases/ml.json) for: PCA, LinearRegression, Ridge,
 * StandardScaler, MinMaxScaler, the metrics, train_test_split, cov and corrcoef.
 * Merged into `mlOps` by ops.ts.
 */
import type { OpRegistry } from "../../../ndarray/test/golden/harness.js";

export const mlModelOps: OpRegistry = {};
