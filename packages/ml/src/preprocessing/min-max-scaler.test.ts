import * as np from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { NotFittedError } from "../base.js";
import { MinMaxScaler } from "./min-max-scaler.js";

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
  for (let i = 0; i < b.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThanOrEqual(rtol * Math.max(1, Math.abs(b[i])));
};

describe("MinMaxScaler", () => {
  it("matches scikit-learn with a featureRange", () => {
    // m = MinMaxScaler(feature_range=(-1, 2)).fit(X); m.scale_, m.min_, m.transform([[10, 10, 10]])
    const m = new MinMaxScaler({ featureRange: [-1, 2] }).fit(X);
    close(m.scale!.data as Float64Array, [1.5560165975103732, 0.11022522688025867, 7.500000000000002]);
    close(m.min!.data as Float64Array, [-1.487033195020747, -0.609692471617004, 15.912500000000005]);
    close(m.transform([[10, 10, 10]]).data as Float64Array, [14.073132780082986, 0.4925597971855826, 90.91250000000002]);
    // MinMaxScaler(feature_range=(-1, 2), clip=True).fit(X).transform([[10, -100, 10]]) -> [[2, -1, 2]]
    expect(
      new MinMaxScaler({ featureRange: [-1, 2], clip: true })
        .fit(X)
        .transform([[10, -100, 10]])
        .toArray(),
    ).toEqual([[2, -1, 2]]);
  });

  it("maps the training data onto the range and inverts", () => {
    const m = new MinMaxScaler();
    const Z = m.fitTransform(X);
    expect(Array.from((Z.min(0) as np.NDArray).data)).toEqual([0, 0, 0]);
    for (const v of (Z.max(0) as np.NDArray).data) expect(Math.abs(v - 1)).toBeLessThan(4 * Number.EPSILON);
    close(m.inverseTransform(Z).data as Float64Array, np.array(X).data as Float64Array, 1e-14);
    expect(Array.from(m.dataRange!.data)).toEqual(Array.from((m.dataMax!.data as Float64Array).map((v, j) => v - (m.dataMin!.data as Float64Array)[j])));
  });

  it("maps a constant feature to the low end", () => {
    expect(new MinMaxScaler({ featureRange: [2, 3] }).fitTransform([[5], [5]]).toArray()).toEqual([[2], [2]]);
  });

  it("rejects bad options and input", () => {
    expect(() => new MinMaxScaler({ featureRange: [1, 0] })).toThrow(
      /MinMaxScaler: option featureRange: minimum of desired feature range must be smaller than maximum, got \[1, 0\]/,
    );
    expect(() => new MinMaxScaler({ featureRange: [0] as never })).toThrow(/MinMaxScaler: option featureRange/);
    expect(() => new MinMaxScaler().transform(X)).toThrow(NotFittedError);
    expect(() => new MinMaxScaler().fit([[NaN]])).toThrow(/MinMaxScaler: X contains NaN/);
    expect(() => new MinMaxScaler().fit(X).inverseTransform([[1]])).toThrow(/X has 1 features, but MinMaxScaler was fitted with 3/);
  });

  it("round-trips through JSON bit for bit", () => {
    const m = new MinMaxScaler({ featureRange: [-1, 2], clip: true }).fit(X);
    const r = MinMaxScaler.fromJSON(JSON.parse(JSON.stringify(m)));
    expect(r.options).toEqual(m.options);
    expect(Array.from(r.transform([[10, 0, 1]]).data)).toEqual(Array.from(m.transform([[10, 0, 1]]).data));
  });
});
