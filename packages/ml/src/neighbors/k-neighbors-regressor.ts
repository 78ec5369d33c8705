/**
 * KNeighborsRegressor: the (weighted) mean of the k nearest neighbours' targets
 * (scikit-learn's `sklearn.neighbors.KNeighborsRegressor`).
 *
 *   ŷ(x) = Σ_{j ∈ N_k(x)} w_j·y_j / Σ_{j ∈ N_k(x)} w_j
 *
 * N_k(x): the k training points nearest to x (./kneighbors.ts); w_j = 1 ("uniform": the
 * plain mean) or 1/d(x, x_j) ("distance"; exact matches take all the weight). y may have
 * several outputs (columns), each averaged the same way.
 *
 * Learned: the training set `fitX: (nSamplesFit, nFeaturesIn)` and its targets
 * `fitY: (nSamplesFit,)` or `(nSamplesFit, nOutputs)`, float64; the work is at prediction time.
 *
 * Reference: scikit-learn user guide §1.6.3, "Nearest Neighbors Regression"; Hastie,
 * Tibshirani & Friedman, "The Elements of Statistical Learning", §2.3.2.
 */
import * as np from "@sliderule/ndarray";
import type { NDArray } from "@sliderule/ndarray";
import {
  ValueError,
  arrayFromJSON,
  arrayToJSON,
  checkEstimatorJSON,
  checkFitted,
  checkXy,
  type ArrayInput,
  type ArrayJSON,
  type EstimatorJSON,
} from "../base.js";
import { KNeighborsBase, neighbourWeights, type NeighborsOptions } from "./kneighbors.js";

const NAME = "KNeighborsRegressor";

/**
 * k-nearest-neighbour regression by brute force.
 *
 *   const knn = new KNeighborsRegressor({ nNeighbors: 3, weights: "distance" }).fit(X, y);
 *   knn.predict(Xq);  knn.score(Xq, yq);  knn.kneighbors(Xq);
 */
export class KNeighborsRegressor extends KNeighborsBase {
  /** The training targets: (nSamplesFit,) or (nSamplesFit, nOutputs), float64. */
  fitY?: NDArray;

  /** @throws ValueError for an unknown or bad option, naming it and its value. */
  constructor(options?: NeighborsOptions) {
    super(NAME, options);
  }

  /**
   * Store the training set. X: (n, d); y: (n,) or (n, nOutputs).
   * @throws ValueError for NaN/Inf, X and y of different lengths.
   */
  fit(X: ArrayInput, y: ArrayInput): this {
    const { X: Xc, y: yc } = checkXy(X, y, NAME);
    this.storeTrainingSet(Xc);
    this.fitY = yc.astype("float64").copy();
    return this;
  }

  /**
   * ŷ for each row of X: (nQueries,) for a 1-D y, (nQueries, nOutputs) for a 2-D y.
   * @throws NotFittedError before fit; ValueError for a wrong number of features, NaN/Inf,
   *   or nNeighbors above the number of training samples.
   */
  predict(X: ArrayInput): NDArray {
    if (X === undefined || X === null) throw new ValueError(`${NAME}.predict: X is required, got ${String(X)}`);
    const Y = checkFitted(this.fitY, NAME);
    const y = Y.data as Float64Array;
    const nOut = Y.ndim === 2 ? Y.shape[1] : 1;
    const k = this.options.nNeighbors;
    const { dist, ind, nq } = this.query(X, k, `${NAME}.predict`);
    const w = neighbourWeights(this.options.weights, dist, nq, k);
    const out = new Float64Array(nq * nOut);
    for (let i = 0; i < nq; i++) {
      for (let c = 0; c < nOut; c++) {
        // ŷ[i, c] = Σ_t w_t·y[j_t, c] / Σ_t w_t over the k neighbours j_t of query i
        let num = 0;
        let den = 0;
        for (let t = 0; t < k; t++) {
          const wt = w === null ? 1 : w[i * k + t];
          num += wt * y[ind[i * k + t] * nOut + c];
          den += wt;
        }
        out[i * nOut + c] = num / den;
      }
    }
    return np.fromTypedArray(out, Y.ndim === 2 ? [nq, nOut] : [nq]);
  }

  /**
   * R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)² on (X, y), averaged over outputs (scikit-learn's r2_score;
   * a constant y gives 1 if predicted exactly, else 0).
   * @throws as predict, and for y of another length or number of outputs.
   */
  score(X: ArrayInput, y: ArrayInput): number {
    const { X: Xc, y: yc } = checkXy(X, y, NAME);
    const nOutFit = checkFitted(this.fitY, NAME).ndim === 2 ? (this.fitY as NDArray).shape[1] : 1;
    const nOut = yc.ndim === 2 ? yc.shape[1] : 1;
    if (nOut !== nOutFit) throw new ValueError(`${NAME}.score: y has ${nOut} output(s), but ${NAME} was fitted with ${nOutFit}`);
    const pred = this.predict(Xc).data as Float64Array;
    const yv = yc.astype("float64").data as Float64Array;
    const n = yc.shape[0];
    let total = 0;
    for (let c = 0; c < nOut; c++) {
      let mean = 0;
      for (let i = 0; i < n; i++) mean += yv[i * nOut + c];
      mean /= n;
      let ssRes = 0;
      let ssTot = 0;
      for (let i = 0; i < n; i++) {
        ssRes += (yv[i * nOut + c] - pred[i * nOut + c]) ** 2;
        ssTot += (yv[i * nOut + c] - mean) ** 2;
      }
      total += ssTot === 0 ? (ssRes === 0 ? 1 : 0) : 1 - ssRes / ssTot;
    }
    return total / nOut;
  }

  /** `{ estimator: "KNeighborsRegressor", options, state: { fitX, fitY } | null }`. */
  toJSON(): EstimatorJSON {
    const options = this.optionsJSON();
    if (this.fitX === undefined) return { estimator: NAME, options, state: null };
    return { estimator: NAME, options, state: { ...this.baseState(), fitY: arrayToJSON(this.fitY as NDArray) } };
  }

  /** Rebuild from toJSON's output. @throws ValueError for malformed JSON. */
  static fromJSON(json: unknown): KNeighborsRegressor {
    const j = checkEstimatorJSON(json, NAME);
    const model = new KNeighborsRegressor(j.options as NeighborsOptions);
    if (j.state === null || j.state === undefined) return model;
    model.restoreBase(j.state);
    const fitY = arrayFromJSON(j.state.fitY as ArrayJSON, NAME, "fitY").astype("float64");
    if ((fitY.ndim !== 1 && fitY.ndim !== 2) || fitY.shape[0] !== model.nSamplesFit) {
      throw new ValueError(`${NAME}.fromJSON: field fitY must have ${model.nSamplesFit} rows, got shape (${fitY.shape.join(", ")})`);
    }
    model.fitY = fitY;
    return model;
  }
}
