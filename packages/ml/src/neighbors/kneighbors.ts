/**
 * What the k-nearest-neighbour estimators share: the options, fitting (storing the training
 * set), and the brute-force query `kneighbors`.
 *
 *   kneighbors(x) = the k training rows X_fit[j] of smallest d(x, X_fit[j]), nearest first
 *
 * Brute force, as scikit-learn's algorithm="brute": the distance matrix between a block of
 * queries and the whole training set (pairwiseDistances: one gemm for the euclidean
 * metric), then a partial selection per row (./k-smallest.ts, O(n log k)); ties in distance
 * go to the smaller training index. Queries are taken in blocks so a block's distances stay
 * below 2²¹ values (16 MB). For the euclidean metric the selection runs on squared
 * distances and the square root is taken of the k selected only.
 *
 * Learned state: the training set itself, `fitX: (nSamplesFit, nFeaturesIn)`.
 *
 * Reference: scikit-learn, sklearn.neighbors (user guide §1.6, "Nearest Neighbors",
 * §1.6.4.1 "Brute Force"); Cover & Hart, "Nearest neighbor pattern classification",
 * IEEE Trans. Inf. Theory 13(1), 1967.
 */
import * as np from "@sliderule/ndarray";
import { NDArray, namedTuple, type NamedTuple } from "@sliderule/ndarray";
import { z } from "zod";
import {
  ValueError,
  arrayFromJSON,
  arrayToJSON,
  checkArray,
  checkFitted,
  checkNFeatures,
  parseOptions,
  show,
  type ArrayInput,
  type ArrayJSON,
} from "../base.js";
import { METRIC_ALIASES, resolveMetric, type MetricFunction, type MetricSpec } from "../distance/metrics.js";
import { distanceMatrix } from "../distance/pairwise-distances.js";
import { kSmallest } from "./k-smallest.js";

/** The metric names a neighbour search takes (SciPy's and scikit-learn's), or a function (u, v) => number. */
export type NeighborsMetric = keyof typeof METRIC_ALIASES | MetricFunction;

/** Options of KNeighborsClassifier and KNeighborsRegressor (scikit-learn's, camelCase). */
export const neighborsSchema = z.object({
  /** k, the number of neighbours (default 5). */
  nNeighbors: z.int().min(1).default(5),
  /** "uniform": every neighbour counts the same; "distance": neighbour j counts 1/d_j (an exact match outweighs all). */
  weights: z.enum(["uniform", "distance"]).default("uniform"),
  /** Default "minkowski" with p = 2, i.e. euclidean. */
  metric: z
    .union([
      z.enum(Object.keys(METRIC_ALIASES) as [string, ...string[]]),
      z.custom<MetricFunction>((v) => typeof v === "function", { message: "expected a metric name or a function (u, v) => number" }),
    ])
    .default("minkowski"),
  /** Minkowski's p (default 2); used by metric "minkowski" only. */
  p: z.number().gt(0).default(2),
});
export type NeighborsOptions = z.input<typeof neighborsSchema>;

/** The nearest neighbours of each query: distances and training indices, both (nQueries, k), nearest first. */
export type KNeighborsResult = NamedTuple<{ distances: NDArray; indices: NDArray }, ["distances", "indices"]>;

/** Training rows in blocks of queries: at most this many distances at once. */
const BLOCK_DISTANCES = 1 << 21;

export abstract class KNeighborsBase {
  /** The options, with defaults filled in. */
  readonly options: z.output<typeof neighborsSchema>;
  /** The training set, (nSamplesFit, nFeaturesIn). */
  fitX?: NDArray;
  /** Features seen in fit. */
  nFeaturesIn?: number;
  /** Training samples seen in fit. */
  nSamplesFit?: number;
  /** The class name, for messages. */
  protected readonly estimator: string;

  constructor(estimator: string, options?: NeighborsOptions) {
    this.estimator = estimator;
    this.options = parseOptions(estimator, neighborsSchema, options);
  }

  /** The metric as distance.ts runs it. */
  protected metricSpec(nFeatures: number): MetricSpec {
    const { metric, p } = this.options;
    return resolveMetric(this.estimator, metric, metric === "minkowski" ? p : undefined, undefined, nFeatures, true);
  }

  /** Store X (checked, copied when the caller's array could change under us). */
  protected storeTrainingSet(X: NDArray): void {
    // checkArray may return the caller's own array: keep a private copy, as scikit-learn does
    this.fitX = X.copy();
    this.nFeaturesIn = X.shape[1];
    this.nSamplesFit = X.shape[0];
    this.metricSpec(X.shape[1]); // a metric that cannot run on these features fails now
  }

  /**
   * The k nearest training rows of each row of X (scikit-learn's `kneighbors`).
   *
   * Shapes: `X: (nQueries, nFeaturesIn)` -> `{ distances, indices }`, both `(nQueries, k)`
   * (indices int32), nearest first, ties to the smaller index; destructures as
   * `[distances, indices]` too. With X omitted (or null), the neighbours of each training row
   * among the others (a row is not its own neighbour). With `returnDistance` false, only
   * the indices.
   * @throws NotFittedError before fit; ValueError for a wrong number of features, NaN/Inf,
   *   or k above the number of training samples (k + 1 above it when X is omitted).
   */
  kneighbors(X?: ArrayInput | null, nNeighbors?: number, returnDistance?: true): KNeighborsResult;
  kneighbors(X: ArrayInput | null | undefined, nNeighbors: number | undefined, returnDistance: false): NDArray;
  kneighbors(X?: ArrayInput | null, nNeighbors?: number, returnDistance?: boolean): KNeighborsResult | NDArray;
  kneighbors(X?: ArrayInput | null, nNeighbors?: number, returnDistance = true): KNeighborsResult | NDArray {
    const fn = `${this.estimator}.kneighbors`;
    if (typeof returnDistance !== "boolean") throw new ValueError(`${fn}: returnDistance must be true or false, got ${show(returnDistance)}`);
    const k = nNeighbors ?? this.options.nNeighbors;
    if (typeof k !== "number" || !Number.isInteger(k) || k < 1) throw new ValueError(`${fn}: nNeighbors must be an integer >= 1, got ${show(k)}`);
    const { dist, ind, nq } = this.query(X, k, fn);
    const indices = np.fromTypedArray(ind, [nq, k]);
    if (!returnDistance) return indices;
    return namedTuple({ distances: np.fromTypedArray(dist, [nq, k]), indices }, ["distances", "indices"]);
  }

  /** Distances (nq·k) and indices (nq·k) of the k nearest neighbours, nearest first. */
  protected query(X: ArrayInput | null | undefined, k: number, fn: string): { dist: Float64Array; ind: Int32Array; nq: number } {
    const Xfit = checkFitted(this.fitX, this.estimator);
    const nFit = Xfit.shape[0];
    const self = X === undefined || X === null;
    let Q: NDArray;
    if (self) Q = Xfit;
    else {
      Q = checkArray(X, this.estimator, "X", { ndim: 2, dtype: "float64" });
      checkNFeatures(Q, Xfit.shape[1], this.estimator);
    }
    // with X omitted each row finds itself first: search k + 1, then drop it
    const kq = self ? k + 1 : k;
    if (kq > nFit) {
      throw new ValueError(
        `${fn}: expected nNeighbors <= nSamplesFit${self ? " − 1 (X omitted: a training row is not its own neighbour)" : ""}, got nNeighbors = ${k} with nSamplesFit = ${nFit}`,
      );
    }
    const [nq, d] = Q.shape;
    const spec = this.metricSpec(d);
    const euclid = spec.kind === "euclidean";
    const q = Q.data as Float64Array;
    const dist = new Float64Array(nq * kq);
    const ind = new Int32Array(nq * kq);
    const rows = Math.max(1, Math.floor(BLOCK_DISTANCES / nFit));
    for (let i0 = 0; i0 < nq; i0 += rows) {
      const i1 = Math.min(nq, i0 + rows);
      const block = self && i0 === 0 && i1 === nq ? Q : np.fromTypedArray(q.subarray(i0 * d, i1 * d), [i1 - i0, d]);
      // D[i, j] = d(x_i, X_fit[j]) (squared for euclidean), one row per query of the block
      const D = distanceMatrix(block, Xfit, self && block === Q, spec, true).data as Float64Array;
      for (let i = i0; i < i1; i++) kSmallest(D, (i - i0) * nFit, nFit, kq, dist, ind, i * kq);
    }
    if (euclid) for (let t = 0; t < dist.length; t++) dist[t] = Math.sqrt(dist[t]);
    if (!self) return { dist, ind, nq };
    return { ...dropSelf(dist, ind, nq, k), nq };
  }

  /** Shared JSON state: the training set. */
  protected baseState(): Record<string, unknown> {
    return { fitX: arrayToJSON(checkFitted(this.fitX, this.estimator)) };
  }

  protected restoreBase(state: Record<string, unknown>): void {
    const X = arrayFromJSON(state.fitX as ArrayJSON, this.estimator, "fitX");
    if (X.ndim !== 2) throw new ValueError(`${this.estimator}.fromJSON: field fitX must be 2-D, got shape (${X.shape.join(", ")})`);
    this.storeTrainingSet(X.astype("float64"));
  }

  /** The options for JSON (a metric function cannot be written). */
  protected optionsJSON(): Record<string, unknown> {
    if (typeof this.options.metric === "function")
      throw new ValueError(`${this.estimator}.toJSON: a metric function cannot be written to JSON; use a named metric`);
    return { ...this.options };
  }
}

/**
 * Remove each training row from its own neighbour list (scikit-learn's rule): drop the entry
 * whose index is the row itself, or, when duplicates pushed it out, the first one.
 * dist, ind: (n, k + 1) -> (n, k).
 */
function dropSelf(dist: Float64Array, ind: Int32Array, n: number, k: number): { dist: Float64Array; ind: Int32Array } {
  const kq = k + 1;
  const d2 = new Float64Array(n * k);
  const i2 = new Int32Array(n * k);
  for (let i = 0; i < n; i++) {
    let drop = 0;
    for (let t = 0; t < kq; t++) {
      if (ind[i * kq + t] === i) {
        drop = t;
        break;
      }
    }
    for (let t = 0, o = 0; t < kq; t++) {
      if (t === drop) continue;
      d2[i * k + o] = dist[i * kq + t];
      i2[i * k + o] = ind[i * kq + t];
      o++;
    }
  }
  return { dist: d2, ind: i2 };
}

/**
 * Neighbour weights for a vote or an average (scikit-learn's `_get_weights`):
 * "uniform" -> null (all 1); "distance" -> 1/d, except that a query with a neighbour at
 * distance 0 gives weight 1 to its exact matches and 0 to the others.
 * dist: (nq, k) -> weights (nq·k) or null.
 */
export function neighbourWeights(weights: "uniform" | "distance", dist: Float64Array, nq: number, k: number): Float64Array | null {
  if (weights === "uniform") return null;
  const w = new Float64Array(nq * k);
  for (let i = 0; i < nq; i++) {
    let exact = false;
    for (let t = 0; t < k; t++) if (dist[i * k + t] === 0) exact = true;
    for (let t = 0; t < k; t++) {
      const dt = dist[i * k + t];
      w[i * k + t] = exact ? (dt === 0 ? 1 : 0) : 1 / dt;
    }
  }
  return w;
}
