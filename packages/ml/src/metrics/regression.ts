/**
 * Regression metrics (scikit-learn's `sklearn.metrics` r2_score, mean_squared_error,
 * mean_absolute_error), per output k over n samples:
 *
 *   R²_k  = 1 − Σ_i (y_ik − ŷ_ik)² / Σ_i (y_ik − ȳ_k)²
 *   MSE_k = (1/n)·Σ_i (y_ik − ŷ_ik)²
 *   MAE_k = (1/n)·Σ_i |y_ik − ŷ_ik|
 *
 * then combined over outputs by `multioutput`: "uniform_average" (the mean, default),
 * "raw_values" (the (t,) array), "variance_weighted" (R² only: weights Σ_i (y_ik − ȳ_k)²), or an
 * array of t weights. A constant y_k (zero denominator) gives R² = 1 for a perfect prediction
 * and 0 otherwise (scikit-learn's force_finite=True).
 * Reference: scikit-learn user guide §3.4.6 "Regression metrics".
 */
import * as np from "@sliderule/ndarray";
import type { NDArray } from "@sliderule/ndarray";
import { checkArray, show, ValueError } from "../base.js";

/** How outputs are combined: see the file header. */
export type MultiOutput = "uniform_average" | "raw_values" | "variance_weighted" | number[] | NDArray;

export interface RegressionMetricOptions {
  /** Combination of the outputs' scores (default "uniform_average"). */
  multioutput?: MultiOutput;
  /** (n,) weights of the samples (default: all 1). */
  sampleWeight?: unknown;
}

interface Pair {
  yt: Float64Array;
  yp: Float64Array;
  w: Float64Array | null;
  n: number;
  t: number;
}

function readPair(fn: string, yTrue: unknown, yPred: unknown, options: unknown, allowed: readonly string[]): Pair & { multioutput: MultiOutput } {
  if (options !== undefined && (options === null || typeof options !== "object" || Array.isArray(options)))
    throw new ValueError(`${fn}: options must be an object, got ${show(options)}`);
  const o = (options ?? {}) as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!allowed.includes(k)) throw new ValueError(`${fn}: unknown option '${k}'; its options are ${allowed.join(", ")}`);
  const T = checkArray(yTrue, fn, "yTrue", { dtype: "float64" });
  const P = checkArray(yPred, fn, "yPred", { dtype: "float64" });
  if (T.ndim < 1 || T.ndim > 2) throw new ValueError(`${fn}: yTrue must be 1-D or 2-D, got shape (${T.shape.join(", ")})`);
  const t = T.ndim === 1 ? 1 : T.shape[1];
  const tp = P.ndim === 1 ? 1 : P.shape[1];
  if (P.ndim < 1 || P.ndim > 2 || P.shape[0] !== T.shape[0] || t !== tp) {
    throw new ValueError(`${fn}: yTrue and yPred have inconsistent shapes: (${T.shape.join(", ")}) and (${P.shape.join(", ")})`);
  }
  const n = T.shape[0];
  let w: Float64Array | null = null;
  if (o.sampleWeight !== undefined && o.sampleWeight !== null) {
    const W = checkArray(o.sampleWeight, fn, "sampleWeight", { ndim: 1, dtype: "float64" });
    if (W.shape[0] !== n) throw new ValueError(`${fn}: sampleWeight has ${W.shape[0]} entries, yTrue has ${n} samples`);
    w = W.data as Float64Array;
  }
  const multioutput = (o.multioutput ?? "uniform_average") as MultiOutput;
  return { yt: T.data as Float64Array, yp: P.data as Float64Array, w, n, t, multioutput };
}

/** Combine per-output scores; `weights` are the variance weights for "variance_weighted". */
function combine(fn: string, scores: Float64Array, multioutput: MultiOutput, varianceWeights?: Float64Array): number | NDArray {
  if (multioutput === "raw_values") return np.fromTypedArray(scores);
  let w: Float64Array;
  if (multioutput === "uniform_average") w = new Float64Array(scores.length).fill(1);
  else if (multioutput === "variance_weighted" && varianceWeights) w = varianceWeights;
  else if (Array.isArray(multioutput) || (typeof multioutput === "object" && multioutput !== null && "shape" in multioutput)) {
    const W = checkArray(multioutput, fn, "multioutput", { ndim: 1, dtype: "float64" });
    if (W.shape[0] !== scores.length) throw new ValueError(`${fn}: multioutput has ${W.shape[0]} weights but there are ${scores.length} outputs`);
    w = W.data as Float64Array;
  } else {
    throw new ValueError(
      `${fn}: multioutput must be "raw_values", "uniform_average"${varianceWeights ? ', "variance_weighted"' : ""} or an array of weights, got ${show(multioutput)}`,
    );
  }
  let s = 0;
  let sw = 0;
  for (let k = 0; k < scores.length; k++) {
    s += w[k] * scores[k];
    sw += w[k];
  }
  // variance_weighted with every output constant: scikit-learn returns the plain mean
  if (sw === 0) return scores.reduce((a, b) => a + b, 0) / scores.length;
  return s / sw;
}

/**
 * Coefficient of determination R² (scikit-learn's `r2_score`; formula in the file header).
 * @param yTrue (n,) or (n, t); yPred the same shape.
 * @returns a number, or (t,) with multioutput "raw_values".
 * @throws ValueError for mismatched shapes, NaN/Inf, fewer than 2 samples.
 */
export function r2Score(yTrue: unknown, yPred: unknown, options?: RegressionMetricOptions): number | NDArray {
  const fn = "r2Score";
  const { yt, yp, w, n, t, multioutput } = readPair(fn, yTrue, yPred, options, ["multioutput", "sampleWeight"]);
  if (n < 2) throw new ValueError(`${fn}: R² is not well-defined with fewer than 2 samples (got ${n})`);
  const scores = new Float64Array(t);
  const denominators = new Float64Array(t);
  for (let k = 0; k < t; k++) {
    // ȳ_k (weighted), then the residual and total sums of squares
    let sw = 0;
    let mean = 0;
    for (let i = 0; i < n; i++) {
      const wi = w ? w[i] : 1;
      mean += wi * yt[i * t + k];
      sw += wi;
    }
    mean /= sw;
    let ssRes = 0;
    let ssTot = 0;
    for (let i = 0; i < n; i++) {
      const wi = w ? w[i] : 1;
      const r = yt[i * t + k] - yp[i * t + k];
      const c = yt[i * t + k] - mean;
      ssRes += wi * r * r;
      ssTot += wi * c * c;
    }
    denominators[k] = ssTot;
    scores[k] = ssTot !== 0 ? 1 - ssRes / ssTot : ssRes === 0 ? 1 : 0;
  }
  return combine(fn, scores, multioutput, denominators);
}

function meanError(fn: string, yTrue: unknown, yPred: unknown, options: RegressionMetricOptions | undefined, loss: (r: number) => number): number | NDArray {
  const { yt, yp, w, n, t, multioutput } = readPair(fn, yTrue, yPred, options, ["multioutput", "sampleWeight"]);
  const scores = new Float64Array(t);
  for (let k = 0; k < t; k++) {
    let s = 0;
    let sw = 0;
    for (let i = 0; i < n; i++) {
      const wi = w ? w[i] : 1;
      s += wi * loss(yt[i * t + k] - yp[i * t + k]);
      sw += wi;
    }
    scores[k] = s / sw;
  }
  if (multioutput === "variance_weighted") throw new ValueError(`${fn}: multioutput "variance_weighted" is only for r2Score`);
  return combine(fn, scores, multioutput);
}

/** MSE = (1/n)·Σ (y − ŷ)² (scikit-learn's `mean_squared_error`). Shapes and errors as r2Score. */
export function meanSquaredError(yTrue: unknown, yPred: unknown, options?: RegressionMetricOptions): number | NDArray {
  return meanError("meanSquaredError", yTrue, yPred, options, (r) => r * r);
}

/** MAE = (1/n)·Σ |y − ŷ| (scikit-learn's `mean_absolute_error`). Shapes and errors as r2Score. */
export function meanAbsoluteError(yTrue: unknown, yPred: unknown, options?: RegressionMetricOptions): number | NDArray {
  return meanError("meanAbsoluteError", yTrue, yPred, options, Math.abs);
}
