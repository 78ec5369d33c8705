/**
 * KMeans: k-means clustering by Lloyd's algorithm (scikit-learn's `sklearn.cluster.KMeans`,
 * algorithm="lloyd").
 *
 *   minimise the inertia  J(c, μ) = Σ_i w_i·‖x_i − μ_{c_i}‖²
 *   over the labels c_i ∈ {0, …, k−1} and the centres μ_0, …, μ_{k−1}
 *
 * Lloyd's iteration alternates the two partial minimisations, so J never increases:
 *   E-step  c_i := argmin_j ‖x_i − μ_j‖²            (the nearest centre; ties to the lower j)
 *   M-step  μ_j := Σ_{c_i = j} w_i·x_i / Σ_{c_i = j} w_i   (the weighted mean of cluster j)
 * until the labels stop changing ("strict convergence") or the centres move by
 * Σ_j ‖μ_j^new − μ_j^old‖² ≤ tol·mean_k var(X[:, k]) (scikit-learn's tol, scaled by the data),
 * or maxIter iterations. If it stopped on tol or maxIter, one more E-step makes the labels
 * agree with the final centres. It converges to a local minimum only: `nInit` runs from
 * different initial centres keep the one of least inertia.
 *
 * The E-step computes every ‖x_i − μ_j‖² up to the common ‖x_i‖², as ‖μ_j‖² − 2·x_i·μ_j,
 * all n·k inner products in one gemm (X·μᵀ), as scikit-learn does. The M-step keeps the
 * cluster sums Σ w_i·x_i from one iteration to the next and moves only the points that changed
 * cluster (recomputing them in full when more than half did): the same sums, at the cost of
 * the few points late iterations move. An empty cluster takes the point farthest from its
 * centre (scikit-learn's relocation). As in scikit-learn, X is centred (its column means
 * subtracted) before fitting, for accuracy, and the means are added back to the centres at
 * the end.
 *
 * Randomness (random.ts): all nInit initialisations ("k-means++" or "random") draw in sequence
 * from the one stream of `randomState`, as scikit-learn's fit does; an integer seed drives
 * `RandomState(seed)` (scikit-learn's `check_random_state`), so a seed gives scikit-learn's
 * initial centres, and with them its clustering. Of the runs, a later one replaces the best so
 * far only if its inertia is lower and its clustering differs (scikit-learn's
 * `_is_same_clustering`).
 *
 * Learned: `clusterCenters: (k, d)`, `labels: (n,)` int32, `inertia` (J at the end),
 * `nIter` (Lloyd iterations of the best run), `nFeaturesIn`.
 *
 * Reference: S. Lloyd, "Least squares quantization in PCM", IEEE Trans. Inf. Theory 28(2),
 * 1982; scikit-learn user guide §2.3.2 "K-means" and sklearn/cluster/_kmeans.py,
 * _k_means_lloyd.pyx; Bishop, "Pattern Recognition and Machine Learning", §9.1.
 */
import * as np from "@sliderule/ndarray";
import { NDArray } from "@sliderule/ndarray";
import { z } from "zod";
import {
  ValueError,
  arrayFromJSON,
  arrayToJSON,
  checkArray,
  checkEstimatorJSON,
  checkFitted,
  checkNFeatures,
  parseOptions,
  show,
  warn,
  type ArrayInput,
  type ArrayJSON,
  type EstimatorJSON,
} from "../base.js";
import { expansionDistances, rowSquaredNorms } from "../distance/euclidean.js";
import { checkRandomState, randomStateSchema, randomStateToJSON, type RandomStream } from "../random.js";
import { checkSampleWeight, plusPlus } from "./kmeans-plusplus.js";

const NAME = "KMeans";

const initSchema = z.union([z.enum(["k-means++", "random"]), z.instanceof(NDArray), z.array(z.array(z.number()))]);

const schema = z.object({
  /** k, the number of clusters (default 8). */
  nClusters: z.int().min(1).default(8),
  /** "k-means++" (default; see kmeans-plusplus.ts), "random" (k distinct samples) or the initial centres (k, d). */
  init: initSchema.default("k-means++"),
  /** Runs from different initial centres, the best kept; "auto" (default): 1, or 10 for "random". */
  nInit: z.union([z.literal("auto"), z.int().min(1)]).default("auto"),
  /** Lloyd iterations per run (default 300). */
  maxIter: z.int().min(1).default(300),
  /** Convergence on the centre shift, relative to the mean feature variance (default 1e-4). */
  tol: z.number().min(0).default(1e-4),
  /**
   * The initialisation's random stream (random.ts): a seed drives RandomState(seed), as
   * scikit-learn's random_state, so a seed gives scikit-learn's clustering; a RandomState or
   * Generator is drawn from; null/undefined: fresh entropy.
   */
  randomState: randomStateSchema.optional(),
});
export type KMeansOptions = z.input<typeof schema>;

/** What one Lloyd run leaves. */
interface LloydResult {
  centers: Float64Array;
  labels: Int32Array;
  inertia: number;
  nIter: number;
}

/**
 * k-means clustering.
 *
 *   const km = new KMeans({ nClusters: 3, randomState: 0 }).fit(X);
 *   km.clusterCenters;  km.labels;  km.inertia;  km.predict(Xnew);  km.transform(Xnew);
 *
 * Options: nClusters (8), init ("k-means++" | "random" | centres (k, d)), nInit ("auto"),
 * maxIter (300), tol (1e-4), randomState (seed, RandomState or Generator).
 */
export class KMeans {
  readonly options: z.output<typeof schema>;
  /** The centres μ_j: (nClusters, nFeaturesIn). */
  clusterCenters?: NDArray;
  /** The cluster of each training sample: (nSamples,) int32. */
  labels?: NDArray;
  /** Σ_i w_i·‖x_i − μ_{c_i}‖² on the training set. */
  inertia?: number;
  /** Lloyd iterations of the run kept. */
  nIter?: number;
  /** Features seen in fit. */
  nFeaturesIn?: number;

  /** @throws ValueError for an unknown or bad option, naming it and its value. */
  constructor(options?: KMeansOptions) {
    this.options = parseOptions(NAME, schema, options);
  }

  /**
   * Cluster X: (n, d), n ≥ nClusters; y is ignored (scikit-learn's signature);
   * sampleWeight: (n,) ≥ 0.
   * @throws ValueError for NaN/Inf, fewer samples than clusters, initial centres of the wrong
   *   shape, bad weights.
   */
  fit(X: ArrayInput, y?: unknown, sampleWeight?: ArrayInput): this {
    void y;
    const A = checkArray(X, NAME, "X", { ndim: 2, dtype: "float64" });
    const [n, d] = A.shape;
    const { nClusters: k, maxIter } = this.options;
    if (n < k) throw new ValueError(`${NAME}: X has ${n} samples, fewer than nClusters = ${k}`);
    const w = checkSampleWeight(NAME, sampleWeight, n);
    const init = this.options.init;
    let initCenters: Float64Array | null = null;
    if (typeof init !== "string") {
      const C = checkArray(init, NAME, "init", { ndim: 2, dtype: "float64" });
      if (C.shape[0] !== k || C.shape[1] !== d) {
        throw new ValueError(`${NAME}: the initial centres (init) must have shape (nClusters, nFeatures) = (${k}, ${d}), got (${C.shape.join(", ")})`);
      }
      initCenters = Float64Array.from((C.data as Float64Array).subarray(0, k * d));
    }
    let nInit = this.options.nInit === "auto" ? (init === "random" ? 10 : 1) : this.options.nInit;
    if (initCenters !== null && nInit !== 1) {
      warn(`${NAME}: explicit initial centres given with nInit = ${nInit}; doing only one run (nInit = 1)`, "RuntimeWarning");
      nInit = 1;
    }
    // centre X on its column means (scikit-learn's precision measure); the init centres too
    const x = Float64Array.from((A.data as Float64Array).subarray(0, n * d));
    const mean = new Float64Array(d);
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += x[i * d + j];
    for (let j = 0; j < d; j++) mean[j] /= n;
    // tol in the data's units: tol · mean over features of the variance; the variance is read off
    // the centred data, var_j = Σ_i (x_ij − mean_j)² / n
    const tol = this.options.tol * centre(x, n, d, mean);
    if (initCenters !== null) for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) initCenters[c * d + j] -= mean[j];
    const xx = init === "k-means++" ? rowSquaredNorms(x, n, d) : new Float64Array(0);
    // one stream for all nInit initialisations, drawn in sequence (scikit-learn's fit)
    const rng = typeof init === "string" ? checkRandomState(NAME, this.options.randomState) : null;

    let best: LloydResult | null = null;
    for (let run = 0; run < nInit; run++) {
      let centers: Float64Array;
      if (initCenters !== null) centers = Float64Array.from(initCenters);
      else if (init === "k-means++") centers = plusPlus(x, n, d, k, w, rng as RandomStream, 2 + Math.floor(Math.log(k)), xx).centers;
      else centers = randomInit(x, n, d, k, w, rng as RandomStream);
      const r = lloyd(x, n, d, w, centers, k, maxIter, tol);
      // a run replaces the best so far when its inertia is lower and its clustering differs
      // (equal clusterings, up to a relabelling, can differ in inertia by rounding alone)
      if (best === null || (r.inertia < best.inertia && !isSameClustering(r.labels, best.labels, k))) best = r;
    }
    const b = best as LloydResult;
    // undo the centring
    for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) b.centers[c * d + j] += mean[j];
    const distinct = new Set(b.labels).size;
    if (distinct < k)
      warn(
        `${NAME}: number of distinct clusters (${distinct}) found smaller than nClusters (${k}); possibly due to duplicate points in X`,
        "ConvergenceWarning",
      );
    this.clusterCenters = np.fromTypedArray(b.centers, [k, d]);
    this.labels = np.fromTypedArray(b.labels, [n]);
    this.inertia = b.inertia;
    this.nIter = b.nIter;
    this.nFeaturesIn = d;
    return this;
  }

  /** The nearest centre of each row of X: (n,) int32. @throws NotFittedError, ValueError (features, NaN/Inf). */
  predict(X: ArrayInput): NDArray {
    const { x, n } = this.checkX(X);
    const C = (this.clusterCenters as NDArray).data as Float64Array;
    const labels = new Int32Array(n);
    assign(x, n, this.nFeaturesIn as number, C, this.options.nClusters, labels);
    return np.fromTypedArray(labels, [n]);
  }

  /** fit(X) then its labels: (n,) int32. */
  fitPredict(X: ArrayInput, y?: unknown, sampleWeight?: ArrayInput): NDArray {
    return checkFitted(this.fit(X, y, sampleWeight).labels, NAME);
  }

  /**
   * The distance of each row of X to each centre, ‖x_i − μ_j‖: (n, nClusters), by the
   * expansion of distance/euclidean.ts (as scikit-learn's euclidean_distances).
   */
  transform(X: ArrayInput): NDArray {
    const A = checkArray(X, NAME, "X", { ndim: 2, dtype: "float64" });
    checkNFeatures(A, checkFitted(this.nFeaturesIn, NAME), NAME);
    return expansionDistances(A, this.clusterCenters as NDArray, false, false);
  }

  /** fit(X) then transform(X). */
  fitTransform(X: ArrayInput, y?: unknown, sampleWeight?: ArrayInput): NDArray {
    return this.fit(X, y, sampleWeight).transform(X);
  }

  /** −Σ_i w_i·‖x_i − μ_{c_i}‖² on X (the opposite of its inertia; higher is better). */
  score(X: ArrayInput, y?: unknown, sampleWeight?: ArrayInput): number {
    void y;
    const { x, n } = this.checkX(X);
    const w = checkSampleWeight(NAME, sampleWeight, n);
    const d = this.nFeaturesIn as number;
    const C = (this.clusterCenters as NDArray).data as Float64Array;
    const labels = new Int32Array(n);
    assign(x, n, d, C, this.options.nClusters, labels);
    return -inertiaOf(x, n, d, w, C, labels);
  }

  private checkX(X: ArrayInput): { x: Float64Array; n: number } {
    const nf = checkFitted(this.nFeaturesIn, NAME);
    const A = checkArray(X, NAME, "X", { ndim: 2, dtype: "float64" });
    checkNFeatures(A, nf, NAME);
    return { x: A.data as Float64Array, n: A.shape[0] };
  }

  /**
   * `{ estimator: "KMeans", options, state }`. Initial centres given as an array are written
   * in array form; a seed as itself; a RandomState or Generator as randomState cannot be (its
   * state is not JSON) and is written as null.
   */
  toJSON(): EstimatorJSON {
    const { init, randomState, ...rest } = this.options;
    const options: Record<string, unknown> = { ...rest, init: init instanceof NDArray ? arrayToJSON(init) : init };
    if (randomState !== undefined) options.randomState = randomStateToJSON(randomState);
    if (this.clusterCenters === undefined) return { estimator: NAME, options, state: null };
    return {
      estimator: NAME,
      options,
      state: {
        clusterCenters: arrayToJSON(this.clusterCenters),
        labels: arrayToJSON(this.labels as NDArray),
        inertia: this.inertia,
        nIter: this.nIter,
        nFeaturesIn: this.nFeaturesIn,
      },
    };
  }

  /** Rebuild from toJSON's output (after JSON.stringify / JSON.parse). @throws ValueError for malformed JSON. */
  static fromJSON(json: unknown): KMeans {
    const j = checkEstimatorJSON(json, NAME);
    const o = { ...(j.options ?? {}) } as Record<string, unknown>;
    if (o.init !== null && typeof o.init === "object" && !Array.isArray(o.init)) o.init = arrayFromJSON(o.init as ArrayJSON, NAME, "options.init");
    if (o.randomState === null) delete o.randomState;
    const model = new KMeans(o as KMeansOptions);
    const s = j.state;
    if (s === null || s === undefined) return model;
    const C = arrayFromJSON(s.clusterCenters as ArrayJSON, NAME, "clusterCenters").astype("float64");
    const labels = arrayFromJSON(s.labels as ArrayJSON, NAME, "labels");
    const k = model.options.nClusters;
    if (C.ndim !== 2 || C.shape[0] !== k || C.shape[1] !== s.nFeaturesIn || labels.ndim !== 1 || labels.dtype !== "int32") {
      throw new ValueError(
        `${NAME}.fromJSON: state does not fit: clusterCenters (${C.shape.join(", ")}) for nClusters = ${k}, nFeaturesIn = ${show(s.nFeaturesIn)}; labels must be 1-D int32`,
      );
    }
    if (typeof s.inertia !== "number" || typeof s.nIter !== "number") throw new ValueError(`${NAME}.fromJSON: inertia and nIter must be numbers`);
    model.clusterCenters = C;
    model.labels = labels;
    model.inertia = s.inertia;
    model.nIter = s.nIter;
    model.nFeaturesIn = s.nFeaturesIn as number;
    return model;
  }
}

/**
 * Subtract the column means from X in place, x_ij := x_ij − mean_j, and return
 * mean_j var(X[:, j]) = mean_j Σ_i (x_ij − mean_j)² / n (population variance, NumPy's ddof = 0).
 */
function centre(x: Float64Array, n: number, d: number, mean: Float64Array): number {
  const ss = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const t = x[i * d + j] - mean[j];
      x[i * d + j] = t;
      ss[j] += t * t;
    }
  }
  let total = 0;
  for (let j = 0; j < d; j++) total += ss[j] / n;
  return total / d;
}

/**
 * "random" initialisation: k distinct samples drawn with probability ∝ w, scikit-learn's
 * `random_state.choice(n, size=k, replace=False, p=w/Σw)` (≥ 1.3; earlier: permutation(n)[:k]).
 */
function randomInit(x: Float64Array, n: number, d: number, k: number, w: Float64Array, rng: RandomStream): Float64Array {
  let wSum = 0;
  for (let i = 0; i < n; i++) wSum += w[i];
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) p[i] = w[i] / wSum;
  const seeds = (rng.choice(n, [k], false, np.fromTypedArray(p, [n])) as NDArray).astype("float64").data;
  const centers = new Float64Array(k * d);
  for (let c = 0; c < k; c++) centers.set(x.subarray(seeds[c] * d, seeds[c] * d + d), c * d);
  return centers;
}

/**
 * Rows per gemm in the E-step, which bounds its work space (CHUNK·k inner products). Smaller
 * chunks (256, as scikit-learn's) measured slower here: each matmul call has a fixed cost.
 */
const CHUNK = 4096;

/**
 * E-step on rows [i0, i0 + r): labels[i] := argmin_j ‖x_i − μ_j‖², computed as
 * argmin_j (‖μ_j‖² − 2·x_i·μ_j) (‖x_i‖² is common to the row), the inner products by one gemm.
 * Ties go to the lower j. x: (n, d), C: (k, d), cc[j] = ‖μ_j‖²; G: work space of r·k values.
 */
function assignRows(
  x: Float64Array,
  i0: number,
  r: number,
  d: number,
  C: Float64Array,
  cc: Float64Array,
  k: number,
  labels: Int32Array,
  G: Float64Array,
): void {
  // G = X[i0 : i0 + r]·Cᵀ: (r, k)
  np.matmul(np.fromTypedArray(x.subarray(i0 * d, (i0 + r) * d), [r, d]), np.fromTypedArray(C, [k, d]).T, {
    out: np.fromTypedArray(G.subarray(0, r * k), [r, k]),
  });
  for (let i = 0; i < r; i++) {
    let best = 0;
    let bestD = Infinity;
    for (let j = 0; j < k; j++) {
      const dij = -2 * G[i * k + j] + cc[j];
      if (dij < bestD) {
        bestD = dij;
        best = j;
      }
    }
    labels[i0 + i] = best;
  }
}

/** The E-step on all n rows, chunk by chunk. G: work space of min(n, CHUNK)·k values. */
function assign(
  x: Float64Array,
  n: number,
  d: number,
  C: Float64Array,
  k: number,
  labels: Int32Array,
  G: Float64Array = new Float64Array(Math.min(n, CHUNK) * k),
): void {
  const cc = rowSquaredNorms(C, k, d);
  for (let i0 = 0; i0 < n; i0 += CHUNK) assignRows(x, i0, Math.min(CHUNK, n - i0), d, C, cc, k, labels, G);
}

/** Σ_i w_i·‖x_i − μ_{labels[i]}‖², each term from the differences. */
function inertiaOf(x: Float64Array, n: number, d: number, w: Float64Array, C: Float64Array, labels: Int32Array): number {
  let J = 0;
  for (let i = 0; i < n; i++) {
    const co = labels[i] * d;
    let s = 0;
    for (let t = 0; t < d; t++) {
      const diff = x[i * d + t] - C[co + t];
      s += diff * diff;
    }
    J += s * w[i];
  }
  return J;
}

/**
 * One run of Lloyd's algorithm from `centers` (k·d, overwritten), as scikit-learn's
 * `_kmeans_single_lloyd`.
 */
function lloyd(x: Float64Array, n: number, d: number, w: Float64Array, centers: Float64Array, k: number, maxIter: number, tol: number): LloydResult {
  const work: LloydWork = {
    C: centers,
    Cnew: new Float64Array(k * d),
    weightIn: new Float64Array(k),
    labels: new Int32Array(n),
    S: new Float64Array(k * d),
    W: new Float64Array(k),
    count: new Int32Array(k),
    sumLabels: new Int32Array(n).fill(-1),
    G: new Float64Array(Math.min(n, CHUNK) * k),
  };
  const labelsOld = new Int32Array(n).fill(-1);
  let strict = false;
  let nIter = 0;
  while (nIter < maxIter) {
    const shift = lloydStep(x, n, d, w, k, work);
    nIter++;
    if (labelsEqual(work.labels, labelsOld)) {
      strict = true; // the labels did not change: a fixed point of the iteration
      break;
    }
    if (shift <= tol) break;
    labelsOld.set(work.labels);
  }
  const { C, labels } = work;
  // after a stop on tol or maxIter, make the labels agree with the final centres
  if (!strict) assign(x, n, d, C, k, labels, work.G);
  return { centers: C, labels, inertia: inertiaOf(x, n, d, w, C, labels), nIter };
}

/** What one Lloyd iteration reads and writes. */
interface LloydWork {
  /** The centres μ (k·d), and the next ones. */
  C: Float64Array;
  Cnew: Float64Array;
  /** Σ w_i per cluster after relocation (scikit-learn's weight_in_clusters). */
  weightIn: Float64Array;
  /** The labels of the current E-step. */
  labels: Int32Array;
  /** The M-step's sums by the labels `sumLabels`: S[j] = Σ_{sumLabels[i] = j} w_i·x_i, W[j] = Σ w_i, count[j] = #{i}. */
  S: Float64Array;
  W: Float64Array;
  count: Int32Array;
  sumLabels: Int32Array;
  /** E-step work space: the inner products x_i·μ_j of a chunk. */
  G: Float64Array;
}

/**
 * One Lloyd iteration: labels from the centres C (E-step), then the new centres (M-step);
 * afterwards work.C holds the new centres. Returns the shift Σ_j ‖μ_j^new − μ_j^old‖².
 */
function lloydStep(x: Float64Array, n: number, d: number, w: Float64Array, k: number, work: LloydWork): number {
  const { C, Cnew, weightIn, labels } = work;
  // E-step with the current centres
  assign(x, n, d, C, k, labels, work.G);
  // M-step sums Cnew[j] = Σ_{labels[i] = j} w_i·x_i, weightIn[j] = Σ_{labels[i] = j} w_i, kept up to
  // date from the previous iteration's (only the points that changed cluster are moved)
  updateSums(x, n, d, w, labels, work);
  Cnew.set(work.S);
  weightIn.set(work.W);
  relocateEmptyClusters(x, n, d, w, C, Cnew, weightIn, labels, k);
  // divide the sums by the weights: the means (scikit-learn multiplies by 1/weight)
  for (let j = 0; j < k; j++) {
    if (weightIn[j] > 0) {
      const alpha = 1 / weightIn[j];
      for (let t = 0; t < d; t++) Cnew[j * d + t] *= alpha;
    }
  }
  // how far the centres moved: Σ_j ‖μ_j^new − μ_j^old‖²
  let shift = 0;
  for (let j = 0; j < k; j++) {
    let s = 0;
    for (let t = 0; t < d; t++) {
      const diff = Cnew[j * d + t] - C[j * d + t];
      s += diff * diff;
    }
    const sj = Math.sqrt(s); // scikit-learn keeps the per-centre norm, then squares it
    shift += sj * sj;
  }
  work.C = Cnew;
  work.Cnew = C;
  return shift;
}

/**
 * Bring the M-step's sums (work.S, W, count, by work.sumLabels) to the new labels. When fewer
 * than half the points changed cluster, only those move: S[old] −= w_i·x_i, S[new] += w_i·x_i
 * (late Lloyd iterations move a few points, so the M-step costs almost nothing); otherwise,
 * and on the first iteration, the sums are recomputed (accumulate, the reference). A cluster
 * left empty gets exact zeros, so rounding residue never passes for a member.
 */
function updateSums(x: Float64Array, n: number, d: number, w: Float64Array, labels: Int32Array, work: LloydWork): void {
  const { S, W, count, sumLabels } = work;
  let moved = 0;
  for (let i = 0; i < n; i++) if (labels[i] !== sumLabels[i]) moved++;
  if (moved === 0) return;
  if (2 * moved > n) {
    S.fill(0);
    W.fill(0);
    count.fill(0);
    accumulate(x, 0, n, d, w, labels, S, W);
    for (let i = 0; i < n; i++) count[labels[i]]++;
  } else {
    for (let i = 0; i < n; i++) {
      const jNew = labels[i];
      const jOld = sumLabels[i];
      if (jNew === jOld) continue;
      const wi = w[i];
      const xo = i * d;
      const so = jOld * d;
      const sn = jNew * d;
      for (let t = 0; t < d; t++) {
        S[so + t] -= x[xo + t] * wi;
        S[sn + t] += x[xo + t] * wi;
      }
      W[jOld] -= wi;
      W[jNew] += wi;
      count[jOld]--;
      count[jNew]++;
    }
    for (let j = 0; j < count.length; j++) {
      if (count[j] === 0) {
        W[j] = 0;
        S.fill(0, j * d, j * d + d);
      }
    }
  }
  sumLabels.set(labels);
}

/** S[j] += Σ w_i·x_i and W[j] += Σ w_i over the rows i in [i0, i0 + r) with labels[i] = j (the M-step's sums). */
function accumulate(x: Float64Array, i0: number, r: number, d: number, w: Float64Array, labels: Int32Array, S: Float64Array, W: Float64Array): void {
  for (let i = i0; i < i0 + r; i++) {
    const j = labels[i];
    const wi = w[i];
    W[j] += wi;
    const so = j * d;
    const xo = i * d;
    for (let t = 0; t < d; t++) S[so + t] += x[xo + t] * wi;
  }
}

/**
 * True when labels1 and labels2 are the same partition up to a renaming of the clusters
 * (scikit-learn's `_is_same_clustering`): each cluster of labels1 maps to one cluster of labels2.
 */
function isSameClustering(labels1: Int32Array, labels2: Int32Array, k: number): boolean {
  const mapping = new Int32Array(k).fill(-1);
  for (let i = 0; i < labels1.length; i++) {
    const a = labels1[i];
    if (mapping[a] === -1) mapping[a] = labels2[i];
    else if (mapping[a] !== labels2[i]) return false;
  }
  return true;
}

function labelsEqual(a: Int32Array, b: Int32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Give each empty cluster the sample farthest from its own centre (scikit-learn's
 * `_relocate_empty_clusters_dense`), moving that sample's weighted contribution from its old
 * cluster's sums to the empty one's. Farthest first; ties to the lower index.
 */
function relocateEmptyClusters(
  x: Float64Array,
  n: number,
  d: number,
  w: Float64Array,
  Cold: Float64Array,
  Cnew: Float64Array,
  weightIn: Float64Array,
  labels: Int32Array,
  k: number,
): void {
  const empty: number[] = [];
  for (let j = 0; j < k; j++) if (weightIn[j] === 0) empty.push(j);
  if (empty.length === 0) return;
  // ‖x_i − μ_{labels[i]}‖² with the centres of this E-step
  const dist = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let t = 0; t < d; t++) {
      const diff = x[i * d + t] - Cold[labels[i] * d + t];
      s += diff * diff;
    }
    dist[i] = s;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => dist[b] - dist[a] || a - b);
  for (let e = 0; e < empty.length && e < n; e++) {
    const jNew = empty[e];
    const far = order[e];
    const jOld = labels[far];
    const wf = w[far];
    for (let t = 0; t < d; t++) {
      Cnew[jOld * d + t] -= x[far * d + t] * wf;
      Cnew[jNew * d + t] = x[far * d + t] * wf;
    }
    weightIn[jNew] = wf;
    weightIn[jOld] -= wf;
  }
}
