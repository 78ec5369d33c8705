/**
 * The three euclidean formulations (loops, broadcasting, the Gram-matrix expansion) run the
 * same tests, against the loops as the reference and against SciPy/scikit-learn values;
 * then pairwiseDistances (scikit-learn's pairwise_distances), whose expected values were
 * computed once with scikit-learn 1.2.1 (/usr/bin/python3):
 *
 *   from sklearn.metrics import pairwise_distances
 *   XA = np.array([[0.5, -1.25, 2.0], [1.5, 0.25, -0.75], [-2.0, 1.0, 0.5], [0.0, 0.0, 0.0]])
 *   XB = np.array([[1.0, 2.0, 3.0], [-0.5, 0.75, -1.5], [0.5, -1.25, 2.0]])
 */
import * as np from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { cdist } from "./cdist.js";
import { euclideanDistances, pairwiseDistancesBroadcast, pairwiseDistancesLoops } from "./euclidean.js";
import { pairwiseDistances } from "./pairwise-distances.js";

const eps = 2.220446049250313e-16;
const XA = [
  [0.5, -1.25, 2.0],
  [1.5, 0.25, -0.75],
  [-2.0, 1.0, 0.5],
  [0.0, 0.0, 0.0],
];
const XB = [
  [1.0, 2.0, 3.0],
  [-0.5, 0.75, -1.5],
  [0.5, -1.25, 2.0],
];
// scipy.spatial.distance.cdist(XA, XB).ravel().tolist()
const EUCLID = [
  3.43693177121688, 4.153311931459037, 0.0, 4.168333000133266, 2.1937410968480306, 3.2882366094914763, 4.031128874149275, 2.5124689052802225,
  3.6827299656640586, 3.7416573867739413, 1.75, 2.4109126902482387,
];

/** Reproducible values in [-1, 1) (a linear congruential generator). */
function randomMatrix(m: number, n: number, seed: number, scale = 1): np.NDArray {
  const x = new Float64Array(m * n);
  let s = seed >>> 0;
  for (let i = 0; i < x.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    x[i] = scale * (s / 2 ** 31 - 1);
  }
  return np.fromTypedArray(x, [m, n]);
}

const FORMULATIONS = [
  ["loops", pairwiseDistancesLoops],
  ["broadcast", pairwiseDistancesBroadcast],
  ["expansion", euclideanDistances],
] as const;

describe.each(FORMULATIONS)("euclidean distances by %s", (name, f) => {
  it("equal SciPy's cdist", () => {
    const D = f(XA, XB);
    expect(D.shape).toEqual([4, 3]);
    const d = D.toTypedArray();
    EUCLID.forEach((e, i) => expect(Math.abs(d[i] - e)).toBeLessThanOrEqual(16 * 3 * eps * Math.max(1, e * e)));
  });

  it("agree with the loops within the expansion's error bound on random data", () => {
    for (const [m, p, n] of [
      [1, 1, 1],
      [7, 5, 3],
      [40, 33, 17],
      [10, 64, 130],
    ]) {
      const X = randomMatrix(m, n, m * 31 + n, 3);
      const Y = randomMatrix(p, n, p * 17 + 1, 3);
      const ref = pairwiseDistancesLoops(X, Y, { squared: true }).toTypedArray();
      const got = f(X, Y, { squared: true }).toTypedArray();
      // squared distances: |error| ≤ c·n·eps·(‖x‖² + ‖y‖²) ≤ c·n·eps·2·n·max|x|²
      const bound = 8 * n * eps * 2 * n * 9;
      for (let k = 0; k < ref.length; k++) expect(Math.abs(got[k] - ref[k])).toBeLessThanOrEqual(bound);
      const Dsq = f(X, Y).toTypedArray();
      for (let k = 0; k < ref.length; k++) expect(Math.abs(Dsq[k] ** 2 - got[k])).toBeLessThanOrEqual(bound + 4 * eps * got[k]);
    }
  });

  it("give a symmetric matrix with an exactly zero diagonal for X against itself", () => {
    const X = randomMatrix(25, 9, 5, 100);
    const D = f(X).toTypedArray();
    for (let i = 0; i < 25; i++) {
      expect(D[i * 25 + i]).toBe(0);
      for (let j = 0; j < i; j++) expect(Math.abs(D[i * 25 + j] - D[j * 25 + i])).toBeLessThanOrEqual(8 * 9 * eps * D[i * 25 + j]);
    }
    // the same array passed twice is X against itself too
    expect(f(X, X).toArray()).toEqual(f(X).toArray());
  });

  it("never give NaN or a negative value, even for duplicated rows", () => {
    const X = np.array([
      [1.406, 0.662, -0.829],
      [1.406, 0.662, -0.829],
      [1e8, 1, 1],
      [1e8, 1, 1],
    ]);
    const D = f(X, X.copy()).toTypedArray();
    for (const v of D) expect(v >= 0).toBe(true);
  });

  it("handle empty inputs and never modify theirs", () => {
    expect(f(np.zeros([0, 3]), XB).shape).toEqual([0, 3]);
    const X = np.array(XA);
    f(X, XB);
    expect(X.toArray()).toEqual(XA);
  });

  it("reject bad input naming the function", () => {
    expect(() => f([[1, 2]], [[1, 2, 3]])).toThrow(new RegExp(`^${f.name}: X and Y must have the same number of features`));
    expect(() => f([[NaN, 2]])).toThrow(new RegExp(`^${f.name}: X contains NaN at row 0, column 0`));
    expect(() => f([[1, 2]], null, { squared: "yes" } as never)).toThrow(new RegExp(`^${f.name}: option squared must be true or false, got "yes"`));
    expect(() => f([[1, 2]], null, { sqaured: true } as never)).toThrow(new RegExp(`^${f.name}: unknown option 'sqaured'`));
    void name;
  });
});

describe("the expansion's cancellation (documented in euclidean.ts)", () => {
  it("loses two points 1e-8 apart entirely, as scikit-learn's euclidean_distances; cdist keeps them", () => {
    const X = [
      [1, 1, 1],
      [1 + 1e-8, 1, 1],
    ];
    // sklearn.metrics.pairwise.euclidean_distances(X).ravel().tolist() == [0.0, 0.0, 0.0, 0.0]
    expect(Array.from(euclideanDistances(X).toTypedArray())).toEqual([0, 0, 0, 0]);
    // scipy.spatial.distance.cdist(X, X)[0, 1] == 9.99999993922529e-09
    expect(cdist(X, X).get(0, 1)).toBe(9.99999993922529e-9);
    expect(pairwiseDistancesLoops(X).get(0, 1)).toBe(9.99999993922529e-9);
    expect(pairwiseDistancesBroadcast(X).get(0, 1)).toBe(9.99999993922529e-9);
  });
});

describe("pairwiseDistancesBroadcast in blocks", () => {
  it("gives the same result whatever the block size", () => {
    const X = randomMatrix(23, 6, 9);
    const Y = randomMatrix(11, 6, 10);
    const whole = pairwiseDistancesBroadcast(X, Y).toArray();
    for (const blockElements of [1, 66, 67, 1000]) expect(pairwiseDistancesBroadcast(X, Y, { blockElements }).toArray()).toEqual(whole);
    expect(() => pairwiseDistancesBroadcast(X, Y, { blockElements: 0 })).toThrow(
      /^pairwiseDistancesBroadcast: option blockElements must be a positive integer, got 0/,
    );
  });
});

describe("pairwiseDistances (scikit-learn's)", () => {
  it("euclidean by the expansion, the default", () => {
    expect(pairwiseDistances(XA, XB).toArray()).toEqual(euclideanDistances(XA, XB).toArray());
    expect(pairwiseDistances(XA, XB, { metric: "l2" }).toArray()).toEqual(euclideanDistances(XA, XB).toArray());
    expect(pairwiseDistances(XA, null, { metric: "sqeuclidean" }).toArray()).toEqual(euclideanDistances(XA, null, { squared: true }).toArray());
  });

  it("cosine as scikit-learn: a zero row is at distance 1, the diagonal of X vs X is 0", () => {
    // pairwise_distances(XA, XB, metric="cosine").ravel().tolist()
    const expected = [
      0.5565808036210453, 1.992510907813407, 0.0, 1.039405520311955, 0.8104317706579894, 1.2599133167256225, 0.8250364469440588, 0.7506081254445801,
      1.2262814111007103, 1.0, 1.0, 1.0,
    ];
    const d = pairwiseDistances(XA, XB, { metric: "cosine" }).toTypedArray();
    expected.forEach((e, i) => expect(Math.abs(d[i] - e)).toBeLessThanOrEqual(32 * eps));
    // pairwise_distances(XA, metric="cosine").ravel().tolist()
    const self = [
      0.0, 1.2599133167256225, 1.2262814111007103, 1.0, 1.2599133167256225, 0.0, 1.8043618151097336, 1.0, 1.2262814111007103, 1.8043618151097336, 0.0, 1.0, 1.0,
      1.0, 1.0, 0.0,
    ];
    const s = pairwiseDistances(XA, null, { metric: "cosine" }).toTypedArray();
    self.forEach((e, i) => expect(Math.abs(s[i] - e)).toBeLessThanOrEqual(32 * eps));
  });

  it("other metrics per pair, as cdist (X vs X: the mirrored upper triangle)", () => {
    // pairwise_distances(XA, XB, metric="manhattan").ravel().tolist()
    expect(Array.from(pairwiseDistances(XA, XB, { metric: "manhattan" }).toTypedArray())).toEqual([
      4.75, 6.5, 0.0, 6.0, 3.25, 5.25, 6.5, 3.75, 6.25, 6.0, 2.75, 3.75,
    ]);
    for (const metric of ["cityblock", "chebyshev", "minkowski"] as const) {
      const p = metric === "minkowski" ? { p: 3 } : {};
      expect(pairwiseDistances(XA, null, { metric, ...p }).toArray()).toEqual(cdist(XA, XA, metric, p).toArray());
    }
    expect(pairwiseDistances(XA, XB, { metric: "euclidean", w: [1, 2, 3] }).toArray()).toEqual(cdist(XA, XB, { metric: "euclidean", w: [1, 2, 3] }).toArray());
  });

  it("rejects NaN (as scikit-learn's check_array) and bad options", () => {
    expect(() => pairwiseDistances([[NaN, 1]])).toThrow(/^pairwiseDistances: X contains NaN at row 0, column 0/);
    expect(() => pairwiseDistances([[1, 1]], [[Infinity, 1]])).toThrow(/^pairwiseDistances: Y contains infinity at row 0, column 0/);
    expect(() => pairwiseDistances(XA, XB, { metric: "jaccard" } as never)).toThrow(
      /^pairwiseDistances: unknown metric "jaccard"; the metrics are l1, manhattan, l2/,
    );
    expect(() => pairwiseDistances(XA, XB, { n_jobs: 2 } as never)).toThrow(/^pairwiseDistances: unknown option 'n_jobs'/);
    expect(() => pairwiseDistances(XA, [[1, 2]])).toThrow(/^pairwiseDistances: X and Y must have the same number of features: X is \(4, 3\), Y is \(1, 2\)/);
  });
});
