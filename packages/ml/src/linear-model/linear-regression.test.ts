import * as np from "@sliderule/ndarray";
import * as linalg from "@sliderule/linalg";
import { describe, expect, it } from "vitest";
import { NotFittedError } from "../base.js";
import { LinearRegression, type LinearRegressionOptions } from "./linear-regression.js";

const eps = Number.EPSILON;
const maxAbs = (a: ArrayLike<number>) => Array.from(a).reduce((m, v) => Math.max(m, Math.abs(v)), 0);
function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number) {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expect(Math.abs(actual[i] - expected[i]), `element ${i}: ${actual[i]} vs ${expected[i]}`).toBeLessThanOrEqual(tol);
}

/** A well-conditioned tall problem: X (40, 4), y = X·w + 3 + noise, Y (40, 2). */
const rng = np.random.defaultRng(7);
const X = rng.standardNormal([40, 4]) as np.NDArray;
const y = np.add(np.matmul(X, np.array([1.5, -2, 0.25, 4])), 3).add(np.multiply(rng.standardNormal([40]) as np.NDArray, 0.1)) as np.NDArray;
const Y = rng.standardNormal([40, 2]) as np.NDArray;

const SOLVERS: NonNullable<LinearRegressionOptions["solver"]>[] = ["lstsq", "svd", "qr", "normal"];

describe.each(SOLVERS)("LinearRegression solver %s", (solver) => {
  it("agrees with the lstsq solver and leaves a residual orthogonal to the centred columns", () => {
    const ref = new LinearRegression().fit(X, y);
    const m = new LinearRegression({ solver }).fit(X, y);
    const tol = 40 * 4 * eps * maxAbs(ref.coef!.data) * 100; // the normal equations lose cond(X) more
    expectClose(m.coef!.data, ref.coef!.data, tol);
    expect(Math.abs((m.intercept as number) - (ref.intercept as number))).toBeLessThan(tol * 10);
    // X_cᵀ·(y − ŷ) ≈ 0, scaled by n·‖X‖·‖y‖·eps
    const r = np.subtract(y, m.predict(X));
    const Xc = np.subtract(X, X.mean(0) as np.NDArray);
    const g = np.matmul(Xc.T, r).data as Float64Array;
    const bound = 40 * (linalg.norm(Xc) as number) * (linalg.norm(y) as number) * eps * 100;
    expect(maxAbs(g)).toBeLessThan(bound);
    expect(m.rank).toBe(4);
    expect(m.singular!.shape).toEqual([4]);
  });

  it("fits several targets at once, coef (t, d) and intercept (t,)", () => {
    const m = new LinearRegression({ solver }).fit(X, Y);
    expect(m.coef!.shape).toEqual([2, 4]);
    expect((m.intercept as np.NDArray).shape).toEqual([2]);
    const single = new LinearRegression({ solver }).fit(X, Y.slice(":", 1));
    expectClose(m.coef!.slice(1).toArray() as number[], single.coef!.data, 1e-12);
    expect(m.predict(X).shape).toEqual([40, 2]);
  });
});

describe("LinearRegression", () => {
  it("gives scikit-learn's minimum-norm answer for rank-deficient X", () => {
    // Xr = [[1,2,3],[2,4,1],[3,6,0],[4,8,2],[5,10,5]] (column 2 = 2·column 1), yr = [1,2,2,4,7]
    // lr = LinearRegression().fit(Xr, yr): coef_, intercept_, rank_, singular_   (scikit-learn 1.2.1)
    const Xr = [
      [1, 2, 3],
      [2, 4, 1],
      [3, 6, 0],
      [4, 8, 2],
      [5, 10, 5],
    ];
    const yr = [1, 2, 2, 4, 7];
    for (const solver of ["lstsq", "svd"] as const) {
      const m = new LinearRegression({ solver }).fit(Xr, yr);
      expectClose(m.coef!.data, [0.2328455284552845, 0.4656910569105691, 0.4715447154471544], 1e-13);
      expect(Math.abs((m.intercept as number) + 1.3300813008130081)).toBeLessThan(1e-13);
      expect(m.rank).toBe(2);
      expectClose((m.singular!.data as Float64Array).subarray(0, 2), [7.297321375764051, 3.3983967894901626], 1e-13);
    }
    expect(() => new LinearRegression({ solver: "qr" }).fit(Xr, yr)).toThrow(/solver "qr": X \(centred\) is rank deficient \(rank 2 < 3 features\)/);
    expect(() => new LinearRegression({ solver: "normal" }).fit(Xr, yr)).toThrow(linalg.LinAlgError);
  });

  it("gives scikit-learn's minimum-norm answer for underdetermined (wide) X", () => {
    // Xw, yw below; LinearRegression().fit(Xw, yw).coef_, .intercept_, .rank_
    const Xw = [
      [2.27, -1.454, 0.046, -0.187, 1.533],
      [1.469, 0.155, 0.378, -0.888, -1.981],
      [-0.348, 0.156, 1.23, 1.202, -0.387],
    ];
    const yw = [-0.302, -1.049, -1.42];
    const m = new LinearRegression().fit(Xw, yw);
    expectClose(m.coef!.data, [0.17676198828053263, -0.10993447261443312, -0.07990790141045268, -0.09254130492402711, 0.1328603051889992], 1e-13);
    expect(Math.abs((m.intercept as number) + 1.0803987449888428)).toBeLessThan(1e-13);
    expect(m.rank).toBe(2);
    expectClose(m.predict(Xw).data, yw, 1e-13); // an exact fit
    expect(m.score(Xw, yw)).toBeCloseTo(1, 12);
    expect(() => new LinearRegression({ solver: "qr" }).fit(Xw, yw)).toThrow(/needs at least as many samples as features \(X is 3×5\)/);
  });

  it("warns through np.warnings when the normal equations are ill-conditioned", () => {
    // columns 1 and 2 nearly equal: cond(X_c) ~ 1e7, cond(XᵀX) ~ 1e14
    const t = np.linspace(0, 1, 20);
    const Xi = np.stack([t, np.add(t, np.multiply(np.sin(np.multiply(t, 50)), 1e-7))], { axis: 1 } as never);
    const yi = np.add(t, 1);
    const { warnings } = np.warnings.catchWarnings(() => new LinearRegression({ solver: "normal" }).fit(Xi, yi));
    expect(warnings.length).toBe(1);
    expect(warnings[0].category).toBe(np.warnings.RuntimeWarning);
    expect(warnings[0].message).toMatch(/LinearRegression: solver "normal": cond\(XᵀX\) = .* > 1000000000000/);
    const quiet = np.warnings.catchWarnings(() => new LinearRegression({ solver: "lstsq" }).fit(Xi, yi));
    expect(quiet.warnings.length).toBe(0);
  });

  it("fits through the origin with fitIntercept false", () => {
    const m = new LinearRegression({ fitIntercept: false }).fit([[1], [2], [3]], [2, 4, 6.5]);
    expect(m.intercept).toBe(0);
    expect(m.coef!.data[0]).toBeCloseTo((2 + 8 + 19.5) / 14, 14);
  });

  it("rejects bad data and options with clear errors", () => {
    expect(() => new LinearRegression().predict([[1]])).toThrow(NotFittedError);
    expect(() => new LinearRegression().predict([[1]])).toThrow(/call fit\(X, y\) first/);
    expect(() => new LinearRegression().fit([[1], [2]], [1])).toThrow(/LinearRegression: X and y have different numbers of samples: X has 2, y has 1/);
    expect(() => new LinearRegression().fit([[1], [NaN]], [1, 2])).toThrow(/LinearRegression: X contains NaN at row 1, column 0/);
    expect(() => new LinearRegression().fit([[1], [2]], [1, Infinity])).toThrow(/LinearRegression: y contains infinity at index 1/);
    expect(() => new LinearRegression().fit(X, y).predict([[1, 2]])).toThrow(/X has 2 features, but LinearRegression was fitted with 4 features/);
    expect(() => new LinearRegression({ solver: "cholesky" as never })).toThrow(/LinearRegression: option solver: .*got "cholesky"/);
    expect(() => new LinearRegression({ fit_intercept: false } as never)).toThrow(/unknown option 'fit_intercept' \(did you mean 'fitIntercept'\?\)/);
    expect(() => new LinearRegression(5 as never)).toThrow(/options must be an object, got 5/);
  });

  it("does not modify its inputs", () => {
    const A = X.copy();
    const b = y.copy();
    new LinearRegression().fit(A, b);
    expect(Array.from(A.data)).toEqual(Array.from(X.data));
    expect(Array.from(b.data)).toEqual(Array.from(y.data));
  });

  it("round-trips through JSON with the same predictions bit for bit", () => {
    for (const target of [y, Y]) {
      const m = new LinearRegression({ solver: "qr" }).fit(X, target);
      const r = LinearRegression.fromJSON(JSON.parse(JSON.stringify(m)));
      expect(Array.from(r.predict(X).data)).toEqual(Array.from(m.predict(X).data));
      expect(r.rank).toBe(m.rank);
      expect(r.options.solver).toBe("qr");
    }
    expect(LinearRegression.fromJSON(JSON.parse(JSON.stringify(new LinearRegression()))).coef).toBeUndefined();
  });
});
