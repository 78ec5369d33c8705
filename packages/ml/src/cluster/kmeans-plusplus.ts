/**
 * k-means++: initial centres for k-means, spread out by sampling each new centre with
 * probability proportional to its squared distance from the centres chosen so far
 * (scikit-learn's greedy variant, `sklearn.cluster.kmeans_plusplus`).
 *
 *   c₁ = x_i, i drawn with probability w_i / Σ w
 *   D²(x) = min_{chosen c} ‖x − c‖²                  ("closest_dist_sq")
 *   repeat until k centres:
 *     draw L candidates i with probability w_i·D²(x_i) / Σ_j w_j·D²(x_j)   (L = 2 + ⌊ln k⌋)
 *     keep the candidate c that minimises the potential φ = Σ_j w_j·min(D²(x_j), ‖x_j − c‖²)
 *
 * Arthur & Vassilvitskii draw one candidate per step (L = 1) and prove E[φ] ≤ 8(ln k + 2)·φ_opt;
 * the greedy choice among L candidates is theirs too (§6) and is what scikit-learn runs.
 *
 * The random draws are scikit-learn's (≥ 1.3), call for call, from the stream of `randomState`
 * (random.ts): `choice(n, p=w/Σw)` for the first centre, then per step `uniform(size=L)·φ`
 * searched (left) in the cumulative sum of w·D². An integer seed drives
 * `new np.random.RandomState(seed)`, as scikit-learn's `check_random_state` does, so
 * `kmeansPlusPlus(X, k, { randomState: seed })` picks the centres of scikit-learn's
 * `kmeans_plusplus(X, k, random_state=seed)` (up to rounding in ties). A RandomState passed in
 * is drawn from as scikit-learn draws from one; a Generator (`np.random.defaultRng(seed)`) is
 * drawn from through the same calls, which scikit-learn cannot be asked to do (it rejects a
 * Generator), so its centres are those of the transcription in kmeans-plusplus.test.ts.
 * (scikit-learn ≤ 1.2 drew the first centre by `randint(n)`, so its centres differ.)
 * Squared distances use the expansion ‖c‖² + ‖x‖² − 2·c·x clipped at 0, as scikit-learn's.
 *
 * Returns the centres (k, d), rows of X, and their row indices (k,).
 *
 * Reference: D. Arthur, S. Vassilvitskii, "k-means++: the advantages of careful seeding",
 * SODA 2007; scikit-learn, sklearn/cluster/_kmeans.py `_kmeans_plusplus` (user guide §2.3.2).
 */
import * as np from "@sliderule/ndarray";
import { NDArray, namedTuple, type NamedTuple } from "@sliderule/ndarray";
import { ValueError, checkArray, show, type ArrayInput } from "../base.js";
import { rowSquaredNorms } from "../distance/euclidean.js";
import { checkRandomState, type RandomStateLike, type RandomStream } from "../random.js";

export interface KMeansPlusPlusOptions {
  /** A seed (drives RandomState(seed), as scikit-learn), a RandomState or Generator, or null/undefined for fresh entropy. */
  randomState?: RandomStateLike;
  /** Candidates per step, L (default 2 + ⌊ln k⌋). */
  nLocalTrials?: number;
  /** Weights of the samples (n,), ≥ 0, not all 0 (default all 1). */
  sampleWeight?: ArrayInput;
}

/** Centres and where they came from. */
export type KMeansPlusPlusResult = NamedTuple<{ centers: NDArray; indices: NDArray }, ["centers", "indices"]>;

/**
 * `sklearn.cluster.kmeans_plusplus(X, n_clusters, random_state=…, n_local_trials=…, sample_weight=…)`.
 *
 * Shapes: `X: (n, d)` -> `{ centers: (k, d), indices: (k,) int32 }` (also `[centers, indices]`).
 * @throws ValueError for NaN/Inf in X, k not in [1, n], bad weights or options.
 * @example
 * const { centers } = kmeansPlusPlus(X, 3, { randomState: 0 });
 */
export function kmeansPlusPlus(X: ArrayInput, nClusters: number, options: KMeansPlusPlusOptions = {}): KMeansPlusPlusResult {
  const fn = "kmeansPlusPlus";
  if (options === null || typeof options !== "object" || Array.isArray(options)) throw new ValueError(`${fn}: options must be an object, got ${show(options)}`);
  for (const key of Object.keys(options)) {
    if (!["randomState", "nLocalTrials", "sampleWeight"].includes(key))
      throw new ValueError(`${fn}: unknown option '${key}'; its options are randomState, nLocalTrials, sampleWeight`);
  }
  const A = checkArray(X, fn, "X", { ndim: 2, dtype: "float64" });
  const [n, d] = A.shape;
  if (typeof nClusters !== "number" || !Number.isInteger(nClusters) || nClusters < 1 || nClusters > n) {
    throw new ValueError(`${fn}: nClusters must be an integer in [1, ${n}] (the number of samples), got ${show(nClusters)}`);
  }
  const L = options.nLocalTrials ?? 2 + Math.floor(Math.log(nClusters));
  if (typeof L !== "number" || !Number.isInteger(L) || L < 1) throw new ValueError(`${fn}: option nLocalTrials must be an integer >= 1, got ${show(L)}`);
  const w = checkSampleWeight(fn, options.sampleWeight, n);
  const rng = checkRandomState(fn, options.randomState);
  const x = A.data as Float64Array;
  const { centers, indices } = plusPlus(x, n, d, nClusters, w, rng, L, rowSquaredNorms(x, n, d));
  return namedTuple({ centers: np.fromTypedArray(centers, [nClusters, d]), indices: np.fromTypedArray(indices, [nClusters]) }, ["centers", "indices"]);
}

/** Sample weights (n,) ≥ 0 and not all 0; all ones when omitted. */
export function checkSampleWeight(fn: string, sampleWeight: unknown, n: number): Float64Array {
  if (sampleWeight === undefined || sampleWeight === null) return new Float64Array(n).fill(1);
  const s = checkArray(sampleWeight, fn, "sampleWeight", { ndim: 1, dtype: "float64" });
  if (s.shape[0] !== n) throw new ValueError(`${fn}: sampleWeight has ${s.shape[0]} values for ${n} samples`);
  const w = Float64Array.from((s.data as Float64Array).subarray(0, n));
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (w[i] < 0) throw new ValueError(`${fn}: sampleWeight must be non-negative, got sampleWeight[${i}] = ${w[i]}`);
    total += w[i];
  }
  if (!(total > 0)) throw new ValueError(`${fn}: sampleWeight must not be all zero`);
  return w;
}

/**
 * ‖c − x_j‖² for every row x_j of X by the expansion (−2·c·x_j + ‖c‖²) + ‖x_j‖², clipped at 0,
 * in scikit-learn's order of operations. c = X[ci]; xx = ‖x_j‖².
 */
function squaredDistancesFrom(x: Float64Array, n: number, d: number, ci: number, xx: Float64Array, out: Float64Array, o: number): void {
  const co = ci * d;
  const cc = xx[ci];
  for (let j = 0; j < n; j++) {
    let dot = 0;
    for (let k = 0, jo = j * d; k < d; k++) dot += x[co + k] * x[jo + k];
    const d2 = -2 * dot + cc + xx[j];
    out[o + j] = d2 > 0 ? d2 : 0;
  }
}

/**
 * The greedy k-means++ of the file header on raw data. x: (n, d) C order, w: (n,) weights,
 * xx: ‖x_j‖². Returns centres (k·d) and their indices (k).
 */
export function plusPlus(
  x: Float64Array,
  n: number,
  d: number,
  k: number,
  w: Float64Array,
  rng: RandomStream,
  L: number,
  xx: Float64Array,
): { centers: Float64Array; indices: Int32Array } {
  const centers = new Float64Array(k * d);
  const indices = new Int32Array(k);
  let wSum = 0;
  for (let j = 0; j < n; j++) wSum += w[j];
  // first centre: sample i with probability w_i / Σ w (random_state.choice(n, p=w/Σw), as scikit-learn)
  const p = new Float64Array(n);
  for (let j = 0; j < n; j++) p[j] = w[j] / wSum;
  const first = rng.choice(n, undefined, true, np.fromTypedArray(p, [n])) as number;
  indices[0] = first;
  centers.set(x.subarray(first * d, first * d + d), 0);
  // D²(x_j) to the nearest chosen centre, and the potential φ = Σ w_j·D²(x_j)
  const closest = new Float64Array(n);
  squaredDistancesFrom(x, n, d, first, xx, closest, 0);
  let pot = 0;
  for (let j = 0; j < n; j++) pot += closest[j] * w[j];
  const cumsum = new Float64Array(n);
  const trial = new Float64Array(L * n); // D² if candidate t were added, one row per candidate
  const candidates = new Int32Array(L);
  for (let c = 1; c < k; c++) {
    // L candidates drawn with probability ∝ w_j·D²(x_j): random_state.uniform(size=L)·φ searched
    // in the cumulative sum
    const u = rng.uniform(0, 1, [L]).data as Float64Array;
    let acc = 0;
    for (let j = 0; j < n; j++) {
      acc += w[j] * closest[j];
      cumsum[j] = acc;
    }
    for (let t = 0; t < L; t++) {
      const r = u[t] * pot;
      candidates[t] = Math.min(searchLeft(cumsum, r), n - 1);
    }
    // the candidate whose addition leaves the smallest potential wins (first one on ties)
    let best = 0;
    let bestPot = Infinity;
    for (let t = 0; t < L; t++) {
      squaredDistancesFrom(x, n, d, candidates[t], xx, trial, t * n);
      let tp = 0;
      for (let j = 0; j < n; j++) {
        const m = Math.min(closest[j], trial[t * n + j]);
        trial[t * n + j] = m;
        tp += m * w[j];
      }
      if (tp < bestPot) {
        bestPot = tp;
        best = t;
      }
    }
    pot = bestPot;
    closest.set(trial.subarray(best * n, best * n + n));
    const id = candidates[best];
    indices[c] = id;
    centers.set(x.subarray(id * d, id * d + d), c * d);
  }
  return { centers, indices };
}

/** The first index j with a[j] >= v (np.searchsorted, side "left"); a.length if none. */
function searchLeft(a: Float64Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
