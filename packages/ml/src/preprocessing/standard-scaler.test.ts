import * as np from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { NotFittedError, ValueError } from "../base.js";
import { StandardScaler } from "./standard-scaler.js";

// X = np.round(np.random.RandomState(0).randn(8, 3) * [1, 10, 0.1] + [0, 5, -2], 3)
const X = [
  [1.764, 9.002, -1.902],
  [2.241, 23.676, -2.098],
  [0.95, 3.486, -2.01],
  [0.411, 6.44, -1.855],
  [0.761, 6.217, -1.956],
  [0.334, 19.941, -2.021],
  [0.313, -3.541, -2.255],
  [0.654, 13.644, -2.074],
];

const close = (a: ArrayLike<number>, b: ArrayLike<number>, rtol = 1e-12) => {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThanOrEqual(rtol * Math.max(1, Math.abs(b[i])));
};

describe("StandardScaler", () => {
  it("matches scikit-learn", () => {
    // s = StandardScaler().fit(X); s.mean_, s.scale_, s.var_, s.transform(X)[0]   (scikit-learn 1.2.1)
    const s = new StandardScaler().fit(X);
    close(s.mean!.data as Float64Array, [0.9284999999999999, 9.858125, -2.021375]);
    close(s.scale!.data as Float64Array, [0.6637640770635302, 8.312232964695768, 0.11702343515296411]);
    close(s.var!.data as Float64Array, [0.44058275000000013, 69.09321685937499, 0.013694484374999994]);
    close(s.transform(X).slice(0).toArray() as number[], [1.2587303665124872, -0.10299578989619106, 1.020094819844949]);
    expect(s.nSamplesSeen).toBe(8);
  });

  it("gives column means 0 and variances 1, and inverts", () => {
    const s = new StandardScaler();
    const Z = s.fitTransform(X);
    const eps = 8 * 30 * Number.EPSILON;
    for (const m of (Z.mean(0) as np.NDArray).data as Float64Array) expect(Math.abs(m)).toBeLessThan(eps);
    for (const v of (Z.var(0) as np.NDArray).data as Float64Array) expect(Math.abs(v - 1)).toBeLessThan(eps);
    close(s.inverseTransform(Z).data as Float64Array, np.array(X).data as Float64Array, 1e-14);
  });

  it("gives a constant feature scale 1, and withMean/withStd false skip their step", () => {
    const s = new StandardScaler().fit([
      [1, 4],
      [2, 4],
      [3, 4],
    ]);
    expect(Array.from(s.scale!.data)).toEqual([Math.sqrt(2 / 3), 1]);
    expect(s.transform([[2, 4]]).toArray()).toEqual([[0, 0]]);
    const noMean = new StandardScaler({ withMean: false }).fit([[1], [3]]);
    expect(noMean.mean).toBeNull();
    expect(noMean.transform([[2]]).toArray()).toEqual([[2]]);
    const noStd = new StandardScaler({ withStd: false }).fit([[1], [3]]);
    expect(noStd.scale).toBeNull();
    expect(noStd.transform([[4]]).toArray()).toEqual([[2]]);
  });

  it("does not modify its input", () => {
    const A = np.array(X);
    const before = Array.from(A.data);
    new StandardScaler().fitTransform(A);
    expect(Array.from(A.data)).toEqual(before);
  });

  it("rejects bad input with errors naming the estimator and the value", () => {
    expect(() => new StandardScaler().transform(X)).toThrow(NotFittedError);
    expect(() => new StandardScaler().fit([[1, NaN]])).toThrow(/StandardScaler: X contains NaN at row 0, column 1/);
    expect(() => new StandardScaler().fit([[1, Infinity]])).toThrow(/infinity/);
    expect(() => new StandardScaler().fit([1, 2, 3])).toThrow(/StandardScaler: X must be 2-D/);
    expect(() => new StandardScaler().fit(X).transform([[1, 2]])).toThrow(/X has 2 features, but StandardScaler was fitted with 3 features/);
    expect(() => new StandardScaler({ with_mean: false } as never)).toThrow(/unknown option 'with_mean' \(did you mean 'withMean'\?\)/);
    expect(() => new StandardScaler({ withMean: "yes" } as never)).toThrow(ValueError);
    expect(() => new StandardScaler().fit("abc")).toThrow(/StandardScaler: X must be an NDArray/);
  });

  it("round-trips through JSON bit for bit", () => {
    const s = new StandardScaler().fit(X);
    const t = StandardScaler.fromJSON(JSON.parse(JSON.stringify(s)));
    expect(Array.from(t.transform(X).data)).toEqual(Array.from(s.transform(X).data));
    expect(StandardScaler.fromJSON(JSON.parse(JSON.stringify(new StandardScaler({ withStd: false })))).options.withStd).toBe(false);
    expect(() => StandardScaler.fromJSON({ estimator: "PCA", options: {}, state: null })).toThrow(
      /StandardScaler.fromJSON: expected the JSON of a StandardScaler/,
    );
  });
});
