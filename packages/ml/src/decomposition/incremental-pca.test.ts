import * as np from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { NotFittedError } from "../base.js";
import { IncrementalPCA } from "./incremental-pca.js";
import { PCA } from "./pca.js";

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number) {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expect(Math.abs(actual[i] - expected[i]), `element ${i}: ${actual[i]} vs ${expected[i]}`).toBeLessThanOrEqual(tol);
}

// the X of pca.test.ts
const X = [
  [4.873, 0.401, -0.834, -0.428],
  [2.596, -3.738, 0.594, 0.121],
  [0.957, -0.18, 1.337, -0.326],
  [-0.967, -1.091, 0.942, -0.103],
  [-0.517, -1.928, -0.397, 0.183],
  [-3.302, 1.189, 1.474, 0.331],
  [2.703, -0.467, -0.465, -0.305],
  [-0.804, 0.793, -0.426, -0.257],
  [-2.062, -2.378, -1.094, -0.138],
  [-3.352, -0.648, 1.777, 0.555],
  [-0.576, -1.967, -1.191, 0.358],
  [0.152, -1.223, -0.128, 0.668],
];

describe("IncrementalPCA", () => {
  it("matches scikit-learn with batches of 5 (5, 5, then 2 rows)", () => {
    // ip = IncrementalPCA(n_components=2, batch_size=5).fit(X)   (scikit-learn 1.2.1; re-signed by the ≥ 1.5 rule)
    const ip = new IncrementalPCA({ nComponents: 2, batchSize: 5 }).fit(X);
    expectClose(
      ip.components!.data,
      [
        0.9744318771061764, -0.09382546970543104, -0.18847656579578242, -0.07845943066143625, 0.11732362456178519, 0.9764894953172507, 0.15747440552569258,
        -0.08891144054099648,
      ],
      1e-12,
    );
    expectClose(ip.explainedVariance!.data, [6.379906298281258, 2.0526536187114854], 1e-12);
    expectClose(ip.explainedVarianceRatio!.data, [0.6809652863298495, 0.21909191042169868], 1e-12);
    expectClose(ip.singularValues!.data, [8.377288898032218, 4.751756496899472], 1e-12);
    expectClose(ip.var!.data, [5.60788157638889, 1.854255076388889, 1.0025275763888888, 0.12350840972222221], 1e-13);
    expectClose(ip.mean!.data, [-0.02491666666666666, -0.9364166666666668, 0.13241666666666663, 0.054916666666666676], 1e-14);
    expect(ip.noiseVariance).toBe(0);
    expect(ip.nSamplesSeen).toBe(12);
    expectClose(ip.transform(X).slice(0).toArray() as number[], [4.867238645652482, 1.7713655884182586], 1e-12);
  });

  it("matches scikit-learn with two partialFit calls", () => {
    // ip = IncrementalPCA(n_components=2); ip.partial_fit(X[:6]); ip.partial_fit(X[6:])
    const ip = new IncrementalPCA({ nComponents: 2 });
    ip.partialFit(X.slice(0, 6)).partialFit(X.slice(6));
    expectClose(
      ip.components!.data,
      [
        0.9743629075024494, -0.0938677921113144, -0.18886087371730598, -0.07834112882934641, 0.12293990597947432, 0.9710816869198545, 0.18654190954003144,
        -0.0841917622562162,
      ],
      1e-12,
    );
    expectClose(ip.singularValues!.data, [8.377188927638977, 4.7590196588704385], 1e-12);
    expect(Math.abs(ip.noiseVariance! - 0.34537314207530767)).toBeLessThan(1e-12);
  });

  it("equals PCA when one batch holds all the data", () => {
    const ip = new IncrementalPCA({ nComponents: 3, batchSize: 12 }).fit(X);
    const p = new PCA({ nComponents: 3 }).fit(X);
    expectClose(ip.components!.data, p.components!.data, 1e-13);
    expectClose(ip.explainedVariance!.data, p.explainedVariance!.data, 1e-13);
    expectClose(ip.inverseTransform(ip.transform(X)).data, p.inverseTransform(p.transform(X)).data, 1e-13);
  });

  it("rejects bad options and data", () => {
    expect(() => new IncrementalPCA({ nComponents: 0 })).toThrow(/IncrementalPCA: option nComponents/);
    expect(() => new IncrementalPCA({ batchSize: 1.5 })).toThrow(/IncrementalPCA: option batchSize/);
    expect(() => new IncrementalPCA({ nComponents: 3 }).partialFit(X.slice(0, 2))).toThrow(
      /nComponents=3 must be less or equal to the batch number of samples 2/,
    );
    expect(() => new IncrementalPCA({ nComponents: 5 }).fit(X)).toThrow(/nComponents=5 invalid for nFeatures=4/);
    expect(() => new IncrementalPCA().partialFit(X.slice(0, 3)).partialFit([[1, 2, 3]])).toThrow(/X has 3 features, but IncrementalPCA was fitted with 4/);
    expect(() => new IncrementalPCA().fit([[NaN, 1]])).toThrow(/IncrementalPCA: X contains NaN/);
    expect(() => new IncrementalPCA().transform(X)).toThrow(NotFittedError);
  });

  it("round-trips through JSON and can continue partialFit", () => {
    const a = new IncrementalPCA({ nComponents: 2 }).partialFit(X.slice(0, 6));
    const b = IncrementalPCA.fromJSON(JSON.parse(JSON.stringify(a)));
    expect(Array.from(b.transform(X).data)).toEqual(Array.from(a.transform(X).data));
    a.partialFit(X.slice(6));
    b.partialFit(X.slice(6));
    expect(Array.from(b.components!.data)).toEqual(Array.from(a.components!.data));
    expect(np.array(X).shape).toEqual([12, 4]);
  });
});
