import * as np from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { NotFittedError } from "../base.js";
import { LinearRegression } from "./linear-regression.js";
import { Ridge } from "./ridge.js";

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number) {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expect(Math.abs(actual[i] - expected[i]), `element ${i}`).toBeLessThanOrEqual(tol);
}

// Xm, Ym: np.round(rng.randn(10, 3), 3), np.round(rng.randn(10, 2), 3) (pasted)
const Xm = [
  [-1.706, 1.951, -0.51],
  [-0.438, -1.253, 0.777],
  [-1.614, -0.213, -0.895],
  [0.387, -0.511, -1.181],
  [-0.028, 0.428, 0.067],
  [0.302, -0.634, -0.363],
  [-0.672, -0.36, -0.813],
  [-1.726, 0.177, -0.402],
  [-1.63, 0.463, -0.907],
  [0.052, 0.729, 0.129],
];
const Ym = [
  [1.139, -1.235],
  [0.402, -0.685],
  [-0.871, -0.579],
  [-0.312, 0.056],
  [-1.165, 0.901],
  [0.466, -1.536],
  [1.488, 1.896],
  [1.179, -0.18],
  [-1.071, 1.054],
  [-0.403, 1.222],
];
const Xw = [
  [2.27, -1.454, 0.046, -0.187, 1.533],
  [1.469, 0.155, 0.378, -0.888, -1.981],
  [-0.348, 0.156, 1.23, 1.202, -0.387],
];
const yw = [-0.302, -1.049, -1.42];

describe.each(["cholesky", "svd"] as const)("Ridge solver %s", (solver) => {
  it("matches scikit-learn with one alpha per target", () => {
    // Ridge(alpha=np.array([0.5, 3.0]), solver="cholesky").fit(Xm, Ym).coef_, .intercept_   (scikit-learn 1.2.1)
    const m = new Ridge({ alpha: [0.5, 3], solver }).fit(Xm, Ym);
    expectClose(
      m.coef!.data,
      [-0.23014941405801714, -0.07005059601470699, 0.1227819408043844, 0.13070802678443022, 0.07939614220992741, -0.13444558687350844],
      1e-14,
    );
    expectClose((m.intercept as np.NDArray).data, [-0.021825709911256083, 0.12258490559415235], 1e-14);
  });

  it("matches scikit-learn on wide X (the dual form for cholesky)", () => {
    // Ridge(alpha=0.7, solver="cholesky").fit(Xw, yw).coef_, .intercept_
    const m = new Ridge({ alpha: 0.7, solver }).fit(Xw, yw);
    expectClose(m.coef!.data, [0.16173848979856933, -0.10210488528611045, -0.07307527258584709, -0.08314892744245231, 0.1255370873556319], 1e-14);
    expect(Math.abs((m.intercept as number) + 1.0666370734016126)).toBeLessThan(1e-14);
  });

  it("matches scikit-learn without an intercept", () => {
    // Ridge(alpha=0.7, solver="svd", fit_intercept=False).fit(Xm, Ym).coef_
    const m = new Ridge({ alpha: 0.7, solver, fitIntercept: false }).fit(Xm, Ym);
    expectClose(
      m.coef!.data,
      [-0.21207841795233193, -0.0621639933523227, 0.12247213965266243, 0.1405588427387926, 0.0998284502422874, -0.28404433306027127],
      1e-14,
    );
    expect(Array.from((m.intercept as np.NDArray).data)).toEqual([0, 0]);
  });

  it("satisfies X_cᵀ(y_c − X_c·w) = α·w", () => {
    const alpha = 2.5;
    const m = new Ridge({ alpha, solver }).fit(
      Xm,
      Ym.map((r) => r[0]),
    );
    const X = np.array(Xm);
    const Xc = np.subtract(X, X.mean(0) as np.NDArray);
    const r = np.subtract(np.array(Ym.map((r) => r[0])), m.predict(Xm));
    const g = np.matmul(Xc.T, r).data as Float64Array;
    const w = m.coef!.data as Float64Array;
    for (let j = 0; j < 3; j++) expect(Math.abs(g[j] - alpha * w[j])).toBeLessThan(1e-13);
  });
});

describe("Ridge", () => {
  it("with alpha 0 is least squares", () => {
    const a = new Ridge({ alpha: 0 }).fit(Xm, Ym);
    const b = new LinearRegression().fit(Xm, Ym);
    expectClose(a.coef!.data, b.coef!.data, 1e-13);
  });

  it("falls back to svd with a warning when the matrix is singular", () => {
    const Xs = [
      [1, 2],
      [2, 4],
      [3, 6],
    ];
    const { result, warnings } = np.warnings.catchWarnings(() => new Ridge({ alpha: 0 }).fit(Xs, [1, 2, 3]));
    expect(warnings.length).toBe(1);
    expect(warnings[0].message).toMatch(/Ridge: singular matrix in solver "cholesky"/);
    // the minimum-norm answer: w ∝ (1, 2) with X·w = y - ȳ ⇒ w = (0.2, 0.4)
    expectClose(result.coef!.data, [0.2, 0.4], 1e-14);
  });

  it("rejects bad options and data", () => {
    expect(() => new Ridge({ alpha: -1 })).toThrow(/Ridge: option alpha/);
    expect(() => new Ridge({ solver: "sag" as never })).toThrow(/Ridge: option solver/);
    expect(() => new Ridge({ alpha: [1, 2, 3] }).fit(Xm, Ym)).toThrow(/Ridge: option alpha has 3 values but y has 2 targets/);
    expect(() => new Ridge().predict(Xm)).toThrow(NotFittedError);
    expect(() => new Ridge().fit(Xm, [1, 2])).toThrow(/Ridge: X and y have different numbers of samples: X has 10, y has 2/);
    expect(() => new Ridge().fit([[NaN]], [1])).toThrow(/Ridge: X contains NaN/);
    expect(() => new Ridge().fit(Xm, Ym).predict([[1]])).toThrow(/X has 1 features, but Ridge was fitted with 3 features/);
  });

  it("round-trips through JSON with the same predictions bit for bit", () => {
    const m = new Ridge({ alpha: [0.5, 3] }).fit(Xm, Ym);
    const r = Ridge.fromJSON(JSON.parse(JSON.stringify(m)));
    expect(Array.from(r.predict(Xm).data)).toEqual(Array.from(m.predict(Xm).data));
    expect(r.options.alpha).toEqual([0.5, 3]);
  });
});
