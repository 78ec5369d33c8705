/**
 * cdist and pdist against SciPy, every metric with and without weights, plus the checks.
 * Expected values computed once with SciPy 1.17 (python3):
 *
 *   import numpy as np, scipy.spatial.distance as d
 *   XA = np.array([[0.5, -1.25, 2.0], [1.5, 0.25, -0.75], [-2.0, 1.0, 0.5], [0.0, 0.0, 0.0]])
 *   XB = np.array([[1.0, 2.0, 3.0], [-0.5, 0.75, -1.5], [0.5, -1.25, 2.0]])
 *   w = np.array([0.5, 2.0, 1.0])
 *   d.cdist(XA, XB, metric, **kw).ravel().tolist()
 */
import * as np from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { cdist } from "./cdist.js";
import type { MetricName } from "./metrics.js";
import { pdist } from "./pdist.js";

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
const w = [0.5, 2.0, 1.0];
const eps = 2.220446049250313e-16;

/** |a − e| ≤ 8·n·eps·max(1, |e|) entry by entry (n = 3 features); NaN matches NaN. */
function expectClose(actual: np.NDArray, expected: number[]): void {
  const a = Array.from(actual.toTypedArray());
  expect(a.length).toBe(expected.length);
  a.forEach((v, i) => {
    if (Number.isNaN(expected[i])) expect(v).toBeNaN();
    else expect(Math.abs(v - expected[i])).toBeLessThanOrEqual(8 * 3 * eps * Math.max(1, Math.abs(expected[i])));
  });
}

// d.cdist(XA, XB, metric, **kw).ravel().tolist()
const SCIPY: [string, { metric: MetricName; p?: number; w?: number[] }, number[]][] = [
  [
    "euclidean",
    { metric: "euclidean" },
    [
      3.43693177121688, 4.153311931459037, 0.0, 4.168333000133266, 2.1937410968480306, 3.2882366094914763, 4.031128874149275, 2.5124689052802225,
      3.6827299656640586, 3.7416573867739413, 1.75, 2.4109126902482387,
    ],
  ],
  ["sqeuclidean", { metric: "sqeuclidean" }, [11.8125, 17.25, 0.0, 17.375, 4.8125, 10.8125, 16.25, 6.3125, 13.5625, 14.0, 3.0625, 5.8125]],
  ["cityblock", { metric: "cityblock" }, [4.75, 6.5, 0.0, 6.0, 3.25, 5.25, 6.5, 3.75, 6.25, 6.0, 2.75, 3.75]],
  ["chebyshev", { metric: "chebyshev" }, [3.25, 3.5, 0.0, 3.75, 2.0, 2.75, 3.0, 2.0, 2.5, 3.0, 1.5, 2.0]],
  // the zero row of XA has no direction: 0/0 = NaN, as SciPy
  [
    "cosine",
    { metric: "cosine" },
    [
      0.5565808036210453,
      1.992510907813407,
      0.0,
      1.039405520311955,
      0.8104317706579894,
      1.2599133167256225,
      0.8250364469440586,
      0.7506081254445801,
      1.2262814111007103,
      NaN,
      NaN,
      NaN,
    ],
  ],
  [
    "minkowski p=3",
    { metric: "minkowski", p: 3 },
    [
      3.2851220352101413, 3.7295179629458204, 0.0, 3.8757369392727172, 2.044572197063951, 2.930703314411288, 3.520290308356736, 2.25, 3.1206606438519358,
      3.3019272488946263, 1.5769983871658169, 2.160030649427922,
    ],
  ],
  [
    "minkowski p=0.5",
    { metric: "minkowski", p: 0.5 },
    [
      12.319274594633477, 18.36158713364931, 0.0, 15.732916863892601, 8.924234614174766, 15.078133735456557, 18.603604850357794, 9.85306004890244,
      18.54063445063475, 17.191508225450303, 7.828116022520109, 10.49341649025257,
    ],
  ],
  [
    "weighted euclidean",
    { metric: "euclidean", w },
    [
      4.716990566028302, 4.55521678957215, 0.0, 4.5069390943299865, 1.75, 3.5443617196894563, 3.570714214271425, 2.29128784747792, 3.9370039370059056,
      4.183300132670378, 1.8708286933869707, 2.692582403567252,
    ],
  ],
  ["weighted sqeuclidean", { metric: "sqeuclidean", w }, [22.25, 20.75, 0.0, 20.3125, 3.0625, 12.5625, 12.75, 5.25, 15.5, 17.5, 3.5, 7.25]],
  ["weighted cityblock", { metric: "cityblock", w }, [7.75, 8.0, 0.0, 7.5, 2.75, 6.25, 6.0, 3.25, 7.25, 7.5, 3.25, 4.75]],
  [
    "weighted minkowski p=3",
    { metric: "minkowski", p: 3, w },
    [
      4.115758312444376, 3.901226876769712, 0.0, 3.9898832887764963, 1.6717207692471636, 3.038282552244542, 3.145597275778144, 2.134044494890835,
      3.2386189689133533, 3.516924827998831, 1.623766322028066, 2.287439406359752,
    ],
  ],
  [
    "weighted cosine",
    { metric: "cosine", w },
    [
      0.8890258095953811,
      1.9925833339709302,
      0.0,
      1.088779352323695,
      0.5533374997130813,
      1.4827586206896552,
      0.4782060679127965,
      0.6758981382239178,
      1.360301879288836,
      NaN,
      NaN,
      NaN,
    ],
  ],
  // a zero weight removes the feature from the maximum
  ["weighted chebyshev", { metric: "chebyshev", w: [1, 0, 1] }, [1.0, 3.5, 0.0, 3.75, 2.0, 2.75, 3.0, 2.0, 2.5, 3.0, 1.5, 2.0]],
];

describe("cdist", () => {
  it.each(SCIPY)("%s equals SciPy's", (_, options, expected) => {
    const D = cdist(XA, XB, options);
    expect(D.shape).toEqual([4, 3]);
    expect(D.dtype).toBe("float64");
    expectClose(D, expected);
  });

  it("takes the metric positionally, options after it", () => {
    expectClose(cdist(XA, XB, "cityblock"), SCIPY[2][2]);
    expectClose(cdist(XA, XB, "minkowski", { p: 3 }), SCIPY[5][2]);
    expectClose(cdist(XA, XB), SCIPY[0][2]); // default euclidean
  });

  it("minkowski with p = 1, 2, ∞ is cityblock, euclidean, chebyshev", () => {
    expect(cdist(XA, XB, "minkowski", { p: 1 }).toArray()).toEqual(cdist(XA, XB, "cityblock").toArray());
    expect(cdist(XA, XB, "minkowski", { p: 2 }).toArray()).toEqual(cdist(XA, XB, "euclidean").toArray());
    expect(cdist(XA, XB, "minkowski", { p: Infinity }).toArray()).toEqual(cdist(XA, XB, "chebyshev").toArray());
  });

  it("runs a metric function on each pair of rows", () => {
    const calls: number[] = [];
    const D = cdist(XA, XB, (u, v) => {
      calls.push(u.length);
      let s = 0;
      for (let k = 0; k < u.length; k++) s += Math.abs(u[k] - v[k]);
      return s;
    });
    expect(calls).toEqual(new Array(12).fill(3));
    expectClose(D, SCIPY[2][2]);
  });

  it("a row at distance 0 from an identical row, exactly, for every named metric", () => {
    const X = np.array([
      [0.1, 0.2, 0.3],
      [1e8 + 0.1, -3e-9, 7],
    ]);
    for (const metric of ["euclidean", "sqeuclidean", "cityblock", "chebyshev"] as const) {
      const D = cdist(X, X, metric).toTypedArray();
      expect([D[0], D[3]]).toEqual([0, 0]);
    }
  });

  it("gives empty results for empty inputs, and NaN where the input has NaN", () => {
    expect(cdist(np.zeros([0, 3]), XB).shape).toEqual([0, 3]);
    expect(cdist(XA, np.zeros([0, 3])).shape).toEqual([4, 0]);
    const D = cdist(
      [[NaN, 1]],
      [
        [1, 1],
        [2, 2],
      ],
    ).toTypedArray();
    expect(Number.isNaN(D[0]) && Number.isNaN(D[1])).toBe(true);
  });

  it("reads views and float32/int32 arrays, never modifying them", () => {
    const big = np.array([[9, 9, 9, 9], ...XA.map((r) => [...r, 9])]);
    const view = big.slice("1:", ":3"); // (4, 3), not contiguous
    const before = big.toArray();
    expectClose(cdist(view, XB), SCIPY[0][2]);
    expect(big.toArray()).toEqual(before);
    const ints = np.array(
      [
        [0, 0],
        [3, 4],
      ],
      "int32",
    );
    expect(cdist(ints, ints).toArray()).toEqual([
      [0, 5],
      [5, 0],
    ]);
  });

  it("rejects bad input with messages naming the argument and value", () => {
    expect(() => cdist([[1, 2]], [[1, 2, 3]])).toThrow(/^cdist: XA and XB must have the same number of columns.*\(1, 2\).*\(1, 3\)/);
    expect(() => cdist([1, 2], [[1, 2]])).toThrow(/^cdist: XA must be 2-D, got shape \(2,\)/);
    expect(() => cdist([[1, 2]], [[1, 2]], "hamming" as never)).toThrow(/^cdist: unknown metric "hamming"/);
    expect(() => cdist([[1, 2]], [[1, 2]], "euclidean", { p: 3 })).toThrow(/^cdist: option p applies to metric "minkowski" only, got p = 3/);
    expect(() => cdist([[1, 2]], [[1, 2]], "minkowski", { p: 0 })).toThrow(/^cdist: option p must be a number > 0.*got 0/);
    expect(() => cdist([[1, 2]], [[1, 2]], "minkowski", { p: NaN })).toThrow(/got NaN/);
    expect(() => cdist([[1, 2]], [[1, 2]], { w: [1, -1] })).toThrow(/^cdist: option w must be non-negative, got w\[1\] = -1/);
    expect(() => cdist([[1, 2]], [[1, 2]], { w: [1, 1, 1] })).toThrow(/^cdist: option w must have one weight per feature: got 3 weights for 2 features/);
    expect(() => cdist([[1, 2]], [[1, 2]], { metric: "euclidean", q: 1 } as never)).toThrow(/^cdist: unknown option 'q'/);
    expect(() => cdist([[1, 2]], [[1, 2]], "cosine", { metric: "euclidean" })).toThrow(/^cdist: the metric was given twice/);
    expect(() => cdist("abc" as never, [[1, 2]])).toThrow(/^cdist: XA must be an NDArray or nested arrays/);
    expect(() => cdist([[1, 2]], [[1, 2]], () => "far" as never)).toThrow(/^cdist: the metric function returned "far" for rows 0 and 0/);
    for (const bad of [() => cdist([[1, 2]], [[1, 2, 3]]), () => cdist([[1, 2]], [[1]], "nope" as never)]) {
      expect(bad).toThrow(np.ValueError);
    }
  });
});

describe("pdist", () => {
  it("is the upper triangle of cdist(X, X), row by row", () => {
    // d.pdist(XA, "cityblock").tolist()
    expectClose(pdist(XA, "cityblock"), [5.25, 6.25, 3.75, 5.5, 2.5, 3.5]);
    for (const options of SCIPY.map((s) => s[1])) {
      const full = cdist(XA, XA, options).toTypedArray();
      const y = Array.from(pdist(XA, options).toTypedArray());
      const upper: number[] = [];
      for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) upper.push(full[i * 4 + j]);
      expect(y).toEqual(upper);
    }
  });

  it("gives m(m−1)/2 values: none for fewer than two rows", () => {
    expect(pdist(np.zeros([1, 3])).shape).toEqual([0]);
    expect(pdist(np.zeros([0, 3])).shape).toEqual([0]);
    expect(pdist(np.ones([7, 2])).shape).toEqual([21]);
  });

  it("rejects bad input", () => {
    expect(() => pdist([1, 2, 3])).toThrow(/^pdist: X must be 2-D/);
    expect(() => pdist([[1, 2]], "nope" as never)).toThrow(/^pdist: unknown metric "nope"/);
  });
});
