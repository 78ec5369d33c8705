/**
 * What every linear model shares: centring the data for the intercept, and prediction.
 *
 *   With an intercept, fit on centred data: X̄ = mean(X, 0), ȳ = mean(y, 0),
 *   X_c = X − X̄, y_c = y − ȳ; solve for w on (X_c, y_c); then b = ȳ − X̄·w.
 *   Why: the least-squares b for a fixed w is ȳ − X̄·w (set ∂/∂b Σ(y_i − x_i·w − b)² = 0),
 *   and substituting it back leaves the problem min ‖y_c − X_c·w‖ for w alone (also with a
 *   ridge penalty on w, which does not touch b).
 *   predict(X) = X·wᵀ + b.
 *
 * Reference: scikit-learn `linear_model/_base.py` (`_preprocess_data`, `LinearModel`); Hastie,
 * Tibshirani & Friedman, "The Elements of Statistical Learning", 2nd ed., §3.4.1 (centring).
 */
import * as np from "@sliderule/ndarray";
import type { NDArray } from "@sliderule/ndarray";
import { columnSums } from "../column-sums.js";
import { arrayFromJSON, arrayToJSON, checkArray, checkFitted, checkNFeatures, checkXy, type ArrayJSON } from "../base.js";

/** Centred training data: X_c (n, d), Y_c (n, t), the means, and whether y was 1-D. */
export interface Centred {
  Xc: NDArray;
  Yc: NDArray;
  xMean: Float64Array;
  yMean: Float64Array;
  n: number;
  d: number;
  t: number;
  yIs1d: boolean;
}

/** Check X, y and centre them (means 0 when fitIntercept is false: nothing is subtracted). */
export function centreData(X: unknown, y: unknown, fitIntercept: boolean, estimator: string): Centred {
  const { X: A, y: B } = checkXy(X, y, estimator);
  const [n, d] = A.shape;
  const yIs1d = B.ndim === 1;
  const t = yIs1d ? 1 : B.shape[1];
  const a = A.data as Float64Array;
  const b = B.data as Float64Array; // checkXy gave a float C-contiguous copy or view (offset 0)
  const xMean = new Float64Array(d);
  const yMean = new Float64Array(t);
  if (fitIntercept) {
    columnSums(a, n, d, xMean);
    columnSums(b, n, t, yMean);
    for (let j = 0; j < d; j++) xMean[j] /= n;
    for (let k = 0; k < t; k++) yMean[k] /= n;
  }
  // X_c and Y_c: in place over a float64 copy that checkXy made (nested arrays, another dtype
  // or layout: A is then not the caller's X), else into a new buffer, so that the caller's
  // array is never written
  const xc = A !== X && a instanceof Float64Array ? a : new Float64Array(n * d);
  const yc = B !== y && b instanceof Float64Array ? b : new Float64Array(n * t);
  subtractRow(a, n, d, xMean, xc);
  subtractRow(b, n, t, yMean, yc);
  return { Xc: np.fromTypedArray(xc, [n, d]), Yc: np.fromTypedArray(yc, [n, t]), xMean, yMean, n, d, t, yIs1d };
}

/** out[i, j] = A[i, j] − row[j] for A (n, d) C-contiguous (out may be A); four rows per pass. */
function subtractRow(A: Float64Array, n: number, d: number, row: Float64Array, out: Float64Array): void {
  let i = 0;
  let r = 0;
  for (; i + 4 <= n; i += 4, r += 4 * d) {
    for (let j = 0; j < d; j++) {
      const m = row[j];
      out[r + j] = A[r + j] - m;
      out[r + d + j] = A[r + d + j] - m;
      out[r + 2 * d + j] = A[r + 2 * d + j] - m;
      out[r + 3 * d + j] = A[r + 3 * d + j] - m;
    }
  }
  for (; i < n; i++, r += d) for (let j = 0; j < d; j++) out[r + j] = A[r + j] - row[j];
}

/** The learned state of a linear model: coef and intercept in scikit-learn's shapes. */
export interface LinearState {
  /** (t, d), or (d,) for 1-D y. */
  coef: NDArray;
  /** A number for 1-D y, else (t,). */
  intercept: number | NDArray;
}

/**
 * From W (d, t) on centred data: coef = Wᵀ and b = ȳ − X̄·w per target (b = 0 without intercept).
 */
export function finishLinear(W: NDArray, c: Centred): LinearState {
  const { d, t } = c;
  const w = W.astype("float64").copy().data as Float64Array; // (d, t), C order
  const coef = new Float64Array(t * d);
  const b = new Float64Array(t);
  for (let k = 0; k < t; k++) {
    let s = 0;
    for (let j = 0; j < d; j++) {
      coef[k * d + j] = w[j * t + k];
      s += c.xMean[j] * w[j * t + k];
    }
    b[k] = c.yMean[k] - s;
  }
  if (c.yIs1d) return { coef: np.fromTypedArray(coef, [d]), intercept: b[0] };
  return { coef: np.fromTypedArray(coef, [t, d]), intercept: np.fromTypedArray(b) };
}

/** ŷ = X·coefᵀ + intercept: (m,) for a 1-D coef, else (m, t). */
export function linearPredict(X: unknown, state: Partial<LinearState>, nFeaturesIn: number | undefined, estimator: string): NDArray {
  const coef = checkFitted(state.coef, estimator);
  const d = checkFitted(nFeaturesIn, estimator);
  const A = checkArray(X, estimator, "X", { ndim: 2, dtype: "float64" });
  checkNFeatures(A, d, estimator);
  const W = coef.ndim === 1 ? coef.reshape(d, 1) : coef.T; // (d, t)
  const Y = np.matmul(A, W); // (m, t), a new array: safe to add into
  const y = Y.data as Float64Array;
  const t = W.shape[1];
  const b = typeof state.intercept === "number" ? Float64Array.of(state.intercept) : (state.intercept!.data as Float64Array);
  for (let i = 0; i < y.length; i++) y[i] += b[i % t];
  return coef.ndim === 1 ? Y.reshape(-1) : Y;
}

/** coef and intercept as JSON. */
export function linearToJSON(s: LinearState): Record<string, unknown> {
  return { coef: arrayToJSON(s.coef), intercept: typeof s.intercept === "number" ? s.intercept : arrayToJSON(s.intercept) };
}

/** coef and intercept from JSON. */
export function linearFromJSON(st: Record<string, unknown>, estimator: string): LinearState {
  const intercept = typeof st.intercept === "number" ? st.intercept : arrayFromJSON(st.intercept as ArrayJSON, estimator, "intercept");
  return { coef: arrayFromJSON(st.coef as ArrayJSON, estimator, "coef"), intercept };
}
