import * as np from "@sliderule/ndarray";
import * as linalg from "@sliderule/linalg";
import { describe, expect, it } from "vitest";
import { NotFittedError } from "../base.js";
import { PCA, type PCAOptions } from "./pca.js";

const eps = Number.EPSILON;
function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number) {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expect(Math.abs(actual[i] - expected[i]), `element ${i}: ${actual[i]} vs ${expected[i]}`).toBeLessThanOrEqual(tol);
}

// X = np.round(np.random.RandomState(1).randn(12, 4) @ [[3,1,0,0],[0,2,0.5,0],[0,0,1,0.2],[0,0,0,0.3]], 3)
const X = [[4.873, 0.401, -0.834, -0.428], [2.596, -3.738, 0.594, 0.121], [0.957, -0.18, 1.337, -0.326], [-0.967, -1.091, 0.942, -0.103], [-0.517, -1.928, -0.397, 0.183], [-3.302, 1.189, 1.474, 0.331], [2.703, -0.467, -0.465, -0.305], [-0.804, 0.793, -0.426, -0.257], [-2.062, -2.378, -1.094, -0.138], [-3.352, -0.648, 1.777, 0.555], [-0.576, -1.967, -1.191, 0.358], [0.152, -1.223, -0.128, 0.668]];

// PCA(svd_solver="full", n_components=…).fit(X) in scikit-learn 1.2.1, components re-signed by the
// ≥ 1.5 rule (largest |entry| of each row positive; the columns of transform(X) likewise)
const SK = {
  components: [0.9745864218396008, -0.09379591769302033, -0.18769549349615797, -0.07844765076942299, 0.12861616012389382, 0.9626903419044748, 0.22233631154340255, -0.08515722827867155, 0.16608777529769692, -0.23730888467560926, 0.9551304612126776, 0.061847766445831884],
  explainedVariance: [6.379947365675256, 2.0703585291470703, 0.8400081828775599],
  explainedVarianceRatio: [0.6809696696966897, 0.22098166065321226, 0.08965906175247979],
  singularValues: [8.377315860251887, 4.772205341413734, 3.0397516365080155],
  noise2: 0.45930485561914247, // noise_variance_ with 2 components
  noise3: 0.07860152836072505, // with "mle" (3 components)
  Z0: [4.867274586237584, 1.7437236701177365, -0.4568180885228111], // transform(X)[0]
  Z0whiten: [1.9269804103694155, 1.2118667865471038],
};

describe.each(["full", "covarianceEigh"] as const)("PCA svdSolver %s", (svdSolver) => {
  const tol = 1e-12;
  it.each<[PCAOptions["nComponents"], number, number]>([
    [2, 2, SK.noise2],
    ["mle", 3, SK.noise3],
    [0.9, 2, SK.noise2],
  ])("matches scikit-learn with nComponents %s", (nComponents, k, noise) => {
    const p = new PCA({ nComponents, svdSolver }).fit(X);
    expect(p.nComponents).toBe(k);
    expectClose(p.components!.data, SK.components.slice(0, 4 * k), tol);
    expectClose(p.explainedVariance!.data, SK.explainedVariance.slice(0, k), tol * 10);
    expectClose(p.explainedVarianceRatio!.data, SK.explainedVarianceRatio.slice(0, k), tol);
    expectClose(p.singularValues!.data, SK.singularValues.slice(0, k), tol * 10);
    expect(Math.abs(p.noiseVariance! - noise)).toBeLessThan(tol * 10);
    expectClose(p.transform(X).slice(0).toArray() as number[], SK.Z0.slice(0, k), tol * 10);
  });

  it("whitens like scikit-learn and inverts", () => {
    const p = new PCA({ nComponents: 2, whiten: true, svdSolver }).fit(X);
    const Z = p.transform(X);
    expectClose(Z.slice(0).toArray() as number[], SK.Z0whiten, 1e-12);
    // whitened scores have unit sample variance (ddof 1)
    expectClose((Z.var({ axis: 0, ddof: 1 } as never) as unknown as np.NDArray).data, [1, 1], 1e-12);
    // with all components, inverseTransform(transform(X)) = X
    const full = new PCA({ whiten: true, svdSolver });
    const back = full.inverseTransform(full.fitTransform(X));
    expectClose(back.data, np.array(X).data, 12 * 4 * 10 * eps * 5);
  });

  it("has orthonormal components, each with its largest entry positive", () => {
    const p = new PCA({ svdSolver }).fit(X);
    const V = p.components!;
    const I = np.matmul(V, V.T).data as Float64Array;
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) expect(Math.abs(I[i * 4 + j] - (i === j ? 1 : 0))).toBeLessThan(4 * 10 * eps);
    const v = V.data as Float64Array;
    for (let r = 0; r < 4; r++) {
      const row = Array.from(v.subarray(r * 4, r * 4 + 4));
      const big = row.reduce((b, x) => (Math.abs(x) > Math.abs(b) ? x : b), 0);
      expect(big).toBeGreaterThan(0);
    }
    expect(p.noiseVariance).toBe(0);
  });
});

describe("PCA", () => {
  it("randomized finds the leading components of a low-rank-plus-noise matrix", () => {
    const rng = np.random.defaultRng(3);
    const A = np.matmul(rng.standardNormal([300, 5]) as np.NDArray, rng.standardNormal([5, 40]) as np.NDArray).add(np.multiply(rng.standardNormal([300, 40]) as np.NDArray, 0.01));
    const full = new PCA({ nComponents: 4 }).fit(A);
    const rand = new PCA({ nComponents: 4, svdSolver: "randomized", randomState: 0 }).fit(A);
    expectClose(rand.singularValues!.data, full.singularValues!.data, 1e-10 * (full.singularValues!.data[0] as number));
    expectClose(rand.components!.data, full.components!.data, 1e-8);
    expect(Math.abs(rand.noiseVariance! - full.noiseVariance!)).toBeLessThan(1e-3 * full.noiseVariance!);
    // the same seed gives the same answer
    const again = new PCA({ nComponents: 4, svdSolver: "randomized", randomState: 0 }).fit(A);
    expect(Array.from(again.components!.data)).toEqual(Array.from(rand.components!.data));
  });

  it("randomized stays accurate on a fast-decaying spectrum (σ from 1 to 1e-6) with many power iterations", () => {
    const rng = np.random.defaultRng(9);
    const U = linalg.qr(rng.standardNormal([400, 30]) as np.NDArray).Q;
    const V = linalg.qr(rng.standardNormal([60, 30]) as np.NDArray).Q;
    const sigma = Float64Array.from({ length: 30 }, (_, i) => 10 ** (-6 * i / 29));
    const A = np.matmul(np.multiply(U, np.fromTypedArray(sigma)), V.T);
    const full = new PCA({ nComponents: 8 }).fit(A);
    const rand = new PCA({ nComponents: 8, svdSolver: "randomized", nIter: 12, randomState: 1 }).fit(A);
    const s0 = full.singularValues!.data[0] as number;
    expectClose(rand.singularValues!.data, full.singularValues!.data, 1e-12 * s0);
    // the 8th component (σ ≈ 0.03) is still found to high accuracy
    expectClose(rand.components!.data, full.components!.data, 1e-8);
  });

  it("handles wide data (n < d)", () => {
    const rng = np.random.defaultRng(5);
    const W = rng.standardNormal([5, 9]) as np.NDArray;
    const p = new PCA().fit(W);
    expect(p.nComponents).toBe(5);
    expect(p.explainedVariance!.data[4]).toBeLessThan(1e-28 + 1e-14 * (p.explainedVariance!.data[0] as number)); // centred rank is 4
    const q = new PCA({ svdSolver: "covarianceEigh" }).fit(W);
    expectClose(q.explainedVariance!.data.subarray(0, 4), p.explainedVariance!.data.subarray(0, 4), 1e-12);
  });

  it("rejects bad options and data with clear errors", () => {
    expect(() => new PCA({ nComponents: 2.5 })).toThrow(/PCA: option nComponents must be an integer ≥ 0, a fraction in \(0, 1\), "mle" or null, got 2.5/);
    expect(() => new PCA({ nComponents: -1 })).toThrow(/PCA: option nComponents/);
    expect(() => new PCA({ nComponents: "all" as never })).toThrow(/PCA: option nComponents/);
    expect(() => new PCA({ svdSolver: "arpack" as never })).toThrow(/PCA: option svdSolver/);
    expect(() => new PCA({ n_components: 2 } as never)).toThrow(/unknown option 'n_components' \(did you mean 'nComponents'\?\)/);
    expect(() => new PCA({ nComponents: 0.5, svdSolver: "randomized" })).toThrow(/integer ≥ 1 for svdSolver "randomized"/);
    expect(() => new PCA({ nComponents: 5 }).fit(X)).toThrow(/PCA: nComponents=5 must be between 0 and min\(nSamples, nFeatures\)=4/);
    expect(() => new PCA({ nComponents: "mle" }).fit([[1, 2, 3], [4, 5, 7]])).toThrow(/"mle" is only supported if nSamples >= nFeatures/);
    expect(() => new PCA().fit([[1, NaN], [2, 3]])).toThrow(/PCA: X contains NaN at row 0, column 1/);
    expect(() => new PCA().fit([[1, 2]])).toThrow(/PCA: X has 1 sample\(s\).*at least 2 required/);
    expect(() => new PCA().transform(X)).toThrow(NotFittedError);
    expect(() => new PCA().fit(X).transform([[1, 2]])).toThrow(/X has 2 features, but PCA was fitted with 4 features/);
    expect(() => new PCA({ nComponents: 2 }).fit(X).inverseTransform([[1, 2, 3]])).toThrow(/Z has 3 columns, but PCA has 2 components/);
  });

  it("does not modify its input", () => {
    const A = np.array(X);
    const before = Array.from(A.data);
    new PCA({ nComponents: 2 }).fitTransform(A);
    expect(Array.from(A.data)).toEqual(before);
  });

  it("round-trips through JSON with the same transform bit for bit", () => {
    const p = new PCA({ nComponents: 2, whiten: true }).fit(X);
    const r = PCA.fromJSON(JSON.parse(JSON.stringify(p)));
    expect(Array.from(r.transform(X).data)).toEqual(Array.from(p.transform(X).data));
    expect(Array.from(r.inverseTransform(p.transform(X)).data)).toEqual(Array.from(p.inverseTransform(p.transform(X)).data));
    expect(r.noiseVariance).toBe(p.noiseVariance);
  });
});
