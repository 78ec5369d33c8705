/**
 * Golden registry entries of the ml family (cases/ml.json) for: PCA, LinearRegression, Ridge,
 * StandardScaler, MinMaxScaler, the metrics, train_test_split, cov and corrcoef.
 * Merged into `mlOps` by ops.ts. Keyword arguments arrive with scikit-learn's snake_case names
 * and are passed on in camelCase (an unknown one then fails loudly in our option check).
 * Each entry returns what FORMAT.md's "The ml family" table lists, in that order.
 */
import * as np from "@sliderule/ndarray";
import type { NDArray } from "@sliderule/ndarray";
import { OpUnavailable, type OpRegistry } from "../../../ndarray/test/golden/harness.js";
import { PCA } from "../../src/decomposition/pca.js";
import { LinearRegression } from "../../src/linear-model/linear-regression.js";
import { Ridge } from "../../src/linear-model/ridge.js";
import { accuracyScore, confusionMatrix, f1Score, logLoss, precisionRecallFscoreSupport } from "../../src/metrics/classification.js";
import { meanAbsoluteError, meanSquaredError, r2Score } from "../../src/metrics/regression.js";
import { trainTestSplit } from "../../src/model-selection/train-test-split.js";
import { MinMaxScaler } from "../../src/preprocessing/min-max-scaler.js";
import { StandardScaler } from "../../src/preprocessing/standard-scaler.js";

/** scikit-learn's keyword names → ours: `n_components` → `nComponents`. */
function camel(kwargs: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(kwargs)) out[k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())] = v;
  return out;
}

/** An ndarray function that a colleague may not have landed yet (looked up at call time). */
function ndarrayFn(name: string): (...a: unknown[]) => unknown {
  const f = (np as unknown as Record<string, unknown>)[name];
  if (typeof f !== "function") throw new OpUnavailable(`np.${name}`);
  return f as (...a: unknown[]) => unknown;
}

export const mlModelOps: OpRegistry = {
  "sklearn.decomposition.PCA": ([X], kw) => {
    const pca = new PCA({ svdSolver: "full", ...camel(kw) }).fit(X);
    return [pca.components, pca.explainedVariance, pca.explainedVarianceRatio, pca.singularValues, pca.mean, pca.noiseVariance, pca.transform(X)];
  },
  "sklearn.linear_model.LinearRegression": ([X, y], kw) => {
    const m = new LinearRegression(camel(kw)).fit(X, y);
    return [m.coef, m.intercept, m.predict(X), m.score(X, y)];
  },
  "sklearn.linear_model.Ridge": ([X, y], kw) => {
    const m = new Ridge({ solver: "cholesky", ...camel(kw) }).fit(X, y);
    return [m.coef, m.intercept, m.predict(X)];
  },
  "sklearn.preprocessing.StandardScaler": ([X], kw) => {
    const s = new StandardScaler(camel(kw)).fit(X);
    const Z = s.transform(X);
    return s.options.withMean ? [s.mean, s.scale, s.var, Z] : [s.scale, s.var, Z];
  },
  "sklearn.preprocessing.StandardScaler.transform": ([X, X2], kw) => new StandardScaler(camel(kw)).fit(X).transform(X2),
  "sklearn.preprocessing.MinMaxScaler": ([X], kw) => {
    const s = new MinMaxScaler(camel(kw)).fit(X);
    return [s.dataMin, s.dataMax, s.transform(X)];
  },
  "sklearn.metrics.accuracy_score": ([t, p], kw) => accuracyScore(t, p, camel(kw)),
  "sklearn.metrics.confusion_matrix": ([t, p], kw) => confusionMatrix(t, p, camel(kw)),
  "sklearn.metrics.precision_recall_fscore_support": ([t, p], kw) => {
    const r = precisionRecallFscoreSupport(t, p, camel(kw));
    return [r.precision, r.recall, r.fscore, r.support];
  },
  "sklearn.metrics.f1_score": ([t, p], kw) => f1Score(t, p, camel(kw)),
  "sklearn.metrics.r2_score": ([t, p], kw) => r2Score(t, p, camel(kw)),
  "sklearn.metrics.mean_squared_error": ([t, p], kw) => meanSquaredError(t, p, camel(kw)),
  "sklearn.metrics.mean_absolute_error": ([t, p], kw) => meanAbsoluteError(t, p, camel(kw)),
  "sklearn.metrics.log_loss": ([t, p], kw) => logLoss(t, p, camel(kw)),
  "sklearn.model_selection.train_test_split": ([a], kw) => trainTestSplit(a, camel(kw)),
  cov: ([m], kw) => ndarrayFn("cov")(m as NDArray, camel(kw)),
  corrcoef: ([m], kw) => ndarrayFn("corrcoef")(m as NDArray, camel(kw)),
};
