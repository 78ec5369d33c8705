/**
 * KNeighborsClassifier: the k-nearest-neighbour vote (scikit-learn's
 * `sklearn.neighbors.KNeighborsClassifier`).
 *
 *   ŷ(x) = argmax_c Σ_{j ∈ N_k(x)} w_j·[y_j = c]
 *
 * N_k(x): the k training points nearest to x (./kneighbors.ts); w_j = 1 ("uniform") or
 * 1/d(x, x_j) ("distance"; exact matches take all the weight). A tied vote goes to the
 * smallest label, as scikit-learn's (np.argmax takes the first maximum of the classes,
 * which are sorted). predictProba gives the normalised votes.
 *
 * Learned: `classes: (nClasses,)` the sorted distinct labels (in y's dtype), the training set
 * `fitX: (nSamplesFit, nFeaturesIn)` and `fitY: (nSamplesFit,)`, the label of each row as
 * an index into classes (int32). Nothing is fitted beyond storing them: the work is at
 * prediction time, O(nQueries · nSamplesFit · nFeatures) for the brute-force distances.
 *
 * Reference: scikit-learn user guide §1.6.2, "Nearest Neighbors Classification"; Cover &
 * Hart (1967); Hastie, Tibshirani & Friedman, "The Elements of Statistical Learning", §13.3.
 */
import * as np from "@sliderule/ndarray";
import type { NDArray, DType } from "@sliderule/ndarray";
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

const NAME = "KNeighborsClassifier";

/**
 * k-nearest-neighbour classification by brute force.
 *
 *   const knn = new KNeighborsClassifier({ nNeighbors: 3 }).fit(X, y);
 *   knn.predict(Xq);  knn.predictProba(Xq);  knn.kneighbors(Xq);  knn.score(Xq, yq);
 *
 * Options: nNeighbors (5), weights ("uniform" | "distance"), metric ("minkowski" with p = 2,
 * or euclidean, sqeuclidean, cosine, cityblock / l1 / manhattan, chebyshev, l2, a function).
 */
export class KNeighborsClassifier extends KNeighborsBase {
  /** The distinct labels, sorted: (nClasses,), in the dtype of the y given to fit. */
  classes?: NDArray;
  /** Each training row's label as an index into classes: (nSamplesFit,) int32. */
  fitY?: NDArray;

  /** @throws ValueError for an unknown or bad option, naming it and its value. */
  constructor(options?: NeighborsOptions) {
    super(NAME, options);
  }

  /**
   * Store the training set. X: (n, d); y: (n,) numeric labels (int32 / bool NDArrays keep
   * their dtype in `classes` and predictions; nested JS arrays are float64).
   * @throws ValueError for NaN/Inf, X and y of different lengths, y not 1-D.
   */
  fit(X: ArrayInput, y: ArrayInput): this {
    const { X: Xc, y: yc } = checkXy(X, y, NAME, { yNdim: 1 });
    const dtype: DType = y instanceof np.NDArray && (y.dtype === "int32" || y.dtype === "bool") ? y.dtype : "float64";
    // classes = sorted distinct labels; fitY[i] = the index of y[i] among them
    const yv = yc.data as Float64Array;
    const n = yc.shape[0];
    const sorted = Float64Array.from(yv.subarray(0, n)).sort();
    const distinct: number[] = [];
    for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i]);
    const codes = new Int32Array(n);
    for (let i = 0; i < n; i++) codes[i] = lowerBound(distinct, yv[i]);
    this.storeTrainingSet(Xc);
    this.classes = np.array(distinct, dtype);
    this.fitY = np.fromTypedArray(codes, [n]);
    return this;
  }

  /**
   * The votes of each query's neighbours, one column per class (unnormalised).
   * Returns votes (nq·nClasses) and the number of queries.
   */
  private votes(X: ArrayInput): { V: Float64Array; nq: number; nc: number } {
    const codes = checkFitted(this.fitY, NAME).data as Int32Array;
    const nc = (this.classes as NDArray).size;
    const k = this.options.nNeighbors;
    const { dist, ind, nq } = this.query(X, k, `${NAME}.predict`);
    const w = neighbourWeights(this.options.weights, dist, nq, k);
    const V = new Float64Array(nq * nc);
    for (let i = 0; i < nq; i++) {
      // V[i, c] = Σ_{neighbours j of query i with y_j = c} w_j
      for (let t = 0; t < k; t++) V[i * nc + codes[ind[i * k + t]]] += w === null ? 1 : w[i * k + t];
    }
    return { V, nq, nc };
  }

  /**
   * The predicted label of each row of X: (nQueries,), in the dtype of classes.
   * @throws NotFittedError before fit; ValueError for a wrong number of features, NaN/Inf,
   *   or nNeighbors above the number of training samples.
   */
  predict(X: ArrayInput): NDArray {
    if (X === undefined || X === null) throw new ValueError(`${NAME}.predict: X is required, got ${String(X)}`);
    const { V, nq, nc } = this.votes(X);
    const classes = (this.classes as NDArray).data;
    const out = new Float64Array(nq);
    for (let i = 0; i < nq; i++) {
      // argmax over classes, the first maximum: a tie goes to the smallest label
      let best = 0;
      for (let c = 1; c < nc; c++) if (V[i * nc + c] > V[i * nc + best]) best = c;
      out[i] = classes[best];
    }
    return np.fromTypedArray(out, [nq]).astype((this.classes as NDArray).dtype);
  }

  /**
   * Class probabilities: each query's votes divided by their sum, (nQueries, nClasses), the
   * columns in the order of `classes`.
   * @throws as predict.
   */
  predictProba(X: ArrayInput): NDArray {
    if (X === undefined || X === null) throw new ValueError(`${NAME}.predictProba: X is required, got ${String(X)}`);
    const { V, nq, nc } = this.votes(X);
    for (let i = 0; i < nq; i++) {
      let s = 0;
      for (let c = 0; c < nc; c++) s += V[i * nc + c];
      if (s === 0) s = 1; // scikit-learn's guard; cannot happen with k ≥ 1 and positive weights
      for (let c = 0; c < nc; c++) V[i * nc + c] /= s;
    }
    return np.fromTypedArray(V, [nq, nc]);
  }

  /**
   * Mean accuracy on (X, y): the fraction of rows whose predicted label equals y.
   * @throws as predict, and for y of another length than X.
   */
  score(X: ArrayInput, y: ArrayInput): number {
    const { X: Xc, y: yc } = checkXy(X, y, NAME, { yNdim: 1 });
    const pred = this.predict(Xc).astype("float64").data;
    const yv = yc.data;
    let hits = 0;
    for (let i = 0; i < yc.shape[0]; i++) if (pred[i] === yv[i]) hits++;
    return hits / yc.shape[0];
  }

  /** `{ estimator: "KNeighborsClassifier", options, state: { fitX, classes, fitY } | null }`. */
  toJSON(): EstimatorJSON {
    const options = this.optionsJSON();
    if (this.fitX === undefined) return { estimator: NAME, options, state: null };
    return { estimator: NAME, options, state: { ...this.baseState(), classes: arrayToJSON(this.classes as NDArray), fitY: arrayToJSON(this.fitY as NDArray) } };
  }

  /** Rebuild from toJSON's output (after JSON.stringify / JSON.parse). @throws ValueError for malformed JSON. */
  static fromJSON(json: unknown): KNeighborsClassifier {
    const j = checkEstimatorJSON(json, NAME);
    const model = new KNeighborsClassifier(j.options as NeighborsOptions);
    if (j.state === null || j.state === undefined) return model;
    model.restoreBase(j.state);
    const classes = arrayFromJSON(j.state.classes as ArrayJSON, NAME, "classes");
    const fitY = arrayFromJSON(j.state.fitY as ArrayJSON, NAME, "fitY");
    const n = model.nSamplesFit as number;
    if (classes.ndim !== 1 || fitY.ndim !== 1 || fitY.shape[0] !== n || fitY.dtype !== "int32") {
      throw new ValueError(`${NAME}.fromJSON: fields classes (1-D) and fitY ((${n},) int32) do not fit the training set`);
    }
    const codes = fitY.data as Int32Array;
    for (let i = 0; i < n; i++)
      if (!(codes[i] >= 0 && codes[i] < classes.size)) throw new ValueError(`${NAME}.fromJSON: fitY[${i}] = ${codes[i]} is not a class index`);
    model.classes = classes;
    model.fitY = fitY;
    return model;
  }
}

/** The position of v in the sorted array a (v is present). */
function lowerBound(a: readonly number[], v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
