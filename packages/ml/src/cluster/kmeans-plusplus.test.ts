/**
 * kmeansPlusPlus against scikit-learn ≥ 1.3's `_kmeans_plusplus`, the same draws call for call.
 * An integer random_state is np.random.RandomState(seed) in scikit-learn (check_random_state),
 * and so in ours. scikit-learn 1.2.1 (the Debian package here) still drew its first centre with
 * RandomState.randint, so the expected indices come from this transcription of the current code,
 * run with NumPy 2.4 (python3) and `np.random.RandomState(seed)` as random_state (and, for the
 * Generator cases, `np.random.default_rng(seed)`, which scikit-learn itself would reject):
 *
 *   # scikit-learn >= 1.3 sklearn/cluster/_kmeans.py _kmeans_plusplus, transcribed (numpy 2.4).
 *   # _euclidean_distances(..., squared=True) for dense float64 is (-2·A·Bᵀ + ‖a‖²) + ‖b‖²,
 *   # clipped at 0; stable_cumsum (np.cumsum in newer versions) is np.cumsum in float64.
 *   import numpy as np, json, sys, csv
 *
 *   def sqdist(A, B, BB):
 *       AA = np.einsum("ij,ij->i", A, A)[:, None]
 *       D = -2 * (A @ B.T)
 *       D += AA
 *       D += BB[None, :]
 *       np.maximum(D, 0, out=D)
 *       return D
 *
 *   def kpp(X, n_clusters, random_state, sample_weight=None, n_local_trials=None):
 *       n_samples, n_features = X.shape
 *       if sample_weight is None: sample_weight = np.ones(n_samples)
 *       x_squared_norms = np.einsum("ij,ij->i", X, X)
 *       centers = np.empty((n_clusters, n_features))
 *       if n_local_trials is None:
 *           n_local_trials = 2 + int(np.log(n_clusters))
 *       center_id = random_state.choice(n_samples, p=sample_weight / sample_weight.sum())
 *       indices = np.full(n_clusters, -1, dtype=int)
 *       centers[0] = X[center_id]; indices[0] = center_id
 *       closest_dist_sq = sqdist(centers[0, np.newaxis], X, x_squared_norms)
 *       current_pot = closest_dist_sq @ sample_weight
 *       for c in range(1, n_clusters):
 *           rand_vals = random_state.uniform(size=n_local_trials) * current_pot
 *           candidate_ids = np.searchsorted(np.cumsum(sample_weight * closest_dist_sq, dtype=np.float64), rand_vals)
 *           np.clip(candidate_ids, None, closest_dist_sq.size - 1, out=candidate_ids)
 *           distance_to_candidates = sqdist(X[candidate_ids], X, x_squared_norms)
 *           np.minimum(closest_dist_sq, distance_to_candidates, out=distance_to_candidates)
 *           candidates_pot = distance_to_candidates @ sample_weight.reshape(-1, 1)
 *           best_candidate = np.argmin(candidates_pot)
 *           current_pot = candidates_pot[best_candidate]
 *           closest_dist_sq = distance_to_candidates[best_candidate]
 *           best_candidate = candidate_ids[best_candidate]
 *           centers[c] = X[best_candidate]; indices[c] = best_candidate
 *
 *   RS = np.random.RandomState
 *   kpp(iris, 3, RS(seed))[1], kpp(digits, 10, RS(seed))[1]
 *   kpp(iris, 3, np.random.default_rng(seed))[1], kpp(digits, 10, np.random.default_rng(seed))[1]
 *
 * The transcription agrees with scikit-learn's docstring example: kmeans_plusplus(X, 2,
 * random_state=0) on [[1, 2], [1, 4], [1, 0], [10, 2], [10, 4], [10, 0]] gives indices [3, 2].
 */
import { readFileSync } from "node:fs";
import * as np from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { kmeansPlusPlus } from "./kmeans-plusplus.js";

const load = (name: string, cols: number) =>
  readFileSync(new URL(`../../../../datasets/${name}.csv`, import.meta.url), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((l) => l.split(",").slice(0, cols).map(Number));
const iris = load("iris", 4);
const digits = load("digits", 64);

const idx = (r: { indices: np.NDArray }) => Array.from(r.indices.toTypedArray());

describe("kmeansPlusPlus", () => {
  it.each([
    [0, [82, 46, 112], [986, 748, 768, 1431, 137, 1507, 817, 230, 465, 1097]],
    [1, [62, 0, 77], [749, 0, 326, 967, 44, 367, 553, 145, 1718, 1230]],
    [42, [56, 37, 59], [673, 281, 99, 1492, 320, 935, 649, 346, 296, 1698]],
  ])("seed %i picks scikit-learn's centres (RandomState(seed), as scikit-learn's random_state=seed)", (seed, irisIdx, digitsIdx) => {
    const a = kmeansPlusPlus(iris, 3, { randomState: seed });
    expect(idx(a)).toEqual(irisIdx);
    expect(a.centers.toArray()).toEqual(irisIdx.map((i) => iris[i]));
    const [centers, indices] = kmeansPlusPlus(digits, 10, { randomState: seed });
    expect(Array.from(indices.toTypedArray())).toEqual(digitsIdx);
    expect(centers.shape).toEqual([10, 64]);
    // a RandomState passed in draws the same as its seed
    expect(idx(kmeansPlusPlus(iris, 3, { randomState: new np.random.RandomState(seed) }))).toEqual(irisIdx);
  });

  it.each([
    [0, [95, 2, 141], [1144, 482, 1647, 1679, 1540, 543, 1158, 709, 718, 968]],
    [1, [76, 8, 81], [919, 1696, 746, 952, 1415, 338, 1760, 271, 907, 1110]],
    [42, [116, 40, 51], [1390, 1564, 1365, 793, 1482, 1362, 1398, 71, 1199, 218]],
  ])("a Generator defaultRng(%i) is drawn from through the same calls", (seed, irisIdx, digitsIdx) => {
    expect(idx(kmeansPlusPlus(iris, 3, { randomState: np.random.defaultRng(seed) }))).toEqual(irisIdx);
    expect(idx(kmeansPlusPlus(digits, 10, { randomState: np.random.defaultRng(seed) }))).toEqual(digitsIdx);
  });

  it("scikit-learn's docstring example: kmeans_plusplus(X, n_clusters=2, random_state=0) -> indices [3, 2]", () => {
    const X = [
      [1, 2],
      [1, 4],
      [1, 0],
      [10, 2],
      [10, 4],
      [10, 0],
    ];
    const { centers, indices } = kmeansPlusPlus(X, 2, { randomState: 0 });
    expect(Array.from(indices.toTypedArray())).toEqual([3, 2]);
    expect(centers.toArray()).toEqual([
      [10, 2],
      [1, 0],
    ]);
  });

  it("a RandomState passed in advances: two calls draw what scikit-learn's two calls on one stream draw", () => {
    // rs = RS(7); kpp(iris, 3, rs)[1], kpp(iris, 3, rs)[1]
    const rs = new np.random.RandomState(7);
    expect(idx(kmeansPlusPlus(iris, 3, { randomState: rs }))).toEqual([11, 132, 82]);
    expect(idx(kmeansPlusPlus(iris, 3, { randomState: rs }))).toEqual([10, 112, 69]);
  });

  it("with sample weights and with one local trial", () => {
    // kpp(iris, 4, RS(3), sample_weight=np.linspace(0.5, 2.0, 150))[1]
    const w = Array.from({ length: 150 }, (_, i) => 0.5 + (1.5 * i) / 149);
    expect(idx(kmeansPlusPlus(iris, 4, { randomState: 3, sampleWeight: w }))).toEqual([102, 25, 59, 91]);
    // kpp(iris, 4, np.random.default_rng(3), sample_weight=np.linspace(0.5, 2.0, 150))[1]
    expect(idx(kmeansPlusPlus(iris, 4, { randomState: np.random.defaultRng(3), sampleWeight: w }))).toEqual([25, 97, 116, 122]);
    // kpp(iris, 5, RS(5), n_local_trials=1)[1]
    expect(idx(kmeansPlusPlus(iris, 5, { randomState: 5, nLocalTrials: 1 }))).toEqual([33, 138, 40, 135, 85]);
  });

  it("never picks a point of weight 0, nor the same point twice while others are left", () => {
    const w = iris.map((_, i) => (i < 100 ? 0 : 1));
    for (let seed = 0; seed < 20; seed++) {
      const idx = Array.from(kmeansPlusPlus(iris, 3, { randomState: seed, sampleWeight: w }).indices.toTypedArray());
      for (const i of idx) expect(i).toBeGreaterThanOrEqual(100);
      expect(new Set(idx.map((i) => iris[i].join())).size).toBe(3);
    }
  });

  it("rejects bad arguments", () => {
    expect(() => kmeansPlusPlus(iris, 0)).toThrow(/^kmeansPlusPlus: nClusters must be an integer in \[1, 150\].*got 0/);
    expect(() => kmeansPlusPlus(iris, 151)).toThrow(/got 151/);
    expect(() => kmeansPlusPlus(iris, 2, { randomState: 1.5 })).toThrow(
      /^kmeansPlusPlus: randomState must be an integer seed in \[0, 2\*\*32 - 1\], null, a RandomState or a Generator.*got 1.5/,
    );
    expect(() => kmeansPlusPlus(iris, 2, { randomState: 2 ** 32 })).toThrow(/^kmeansPlusPlus: randomState .*got 4294967296/);
    expect(() => kmeansPlusPlus(iris, 2, { randomState: Symbol("s") as never })).toThrow(/^kmeansPlusPlus: randomState .*got Symbol\(s\)/);
    expect(() => kmeansPlusPlus(iris, 2, { randomState: {} as never })).toThrow(/^kmeansPlusPlus: randomState .*got an object/);
    expect(() => kmeansPlusPlus(iris, 2, { nLocalTrials: 0 })).toThrow(/^kmeansPlusPlus: option nLocalTrials must be an integer >= 1, got 0/);
    expect(() => kmeansPlusPlus(iris, 2, { seed: 1 } as never)).toThrow(/^kmeansPlusPlus: unknown option 'seed'/);
    expect(() => kmeansPlusPlus(iris, 2, { sampleWeight: iris.map(() => 0) })).toThrow(/^kmeansPlusPlus: sampleWeight must not be all zero/);
    expect(() => kmeansPlusPlus([[NaN, 1]], 1)).toThrow(/^kmeansPlusPlus: X contains NaN/);
  });
});
