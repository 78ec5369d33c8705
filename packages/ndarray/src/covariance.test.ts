/**
 * cov and corrcoef against values NumPy 2.4 computed (the call is in the comment above each
 * literal): rowvar, bias, ddof, frequency and observation weights, y; argument errors.
 */
import { describe, expect, it } from "vitest";
import { EPS64, expectError, expectClose } from "../test/arbitraries.js";
import * as np from "./index.js";
import { NDArray, RuntimeWarning, ShapeError, ValueError } from "./index.js";

const X = np.array([
  [4, 9, 2, 7],
  [1, 1, 7, 3],
  [5, 0, 6, 8],
]);

describe("cov, corrcoef", () => {
  it("rows as variables by default; rowvar false; bias; ddof (NumPy)", () => {
    // np.cov(X)
    expectClose(np.cov(X), [
      [9.666666666666666, -6.0, -5.5],
      [-6.0, 8.0, 4.666666666666666],
      [-5.5, 4.666666666666666, 11.583333333333332],
    ]);
    // np.cov(X, rowvar=False)
    expectClose(np.cov(X, { rowvar: false }), [
      [4.333333333333333, 1.833333333333333, -2.5, 5.5],
      [1.833333333333333, 24.333333333333332, -12.5, 2.9999999999999996],
      [-2.5, -12.5, 7.0, -3.5],
      [5.5, 2.9999999999999996, -3.5, 7.0],
    ]);
    // np.cov(X, bias=True); np.cov(X, ddof=2)
    expectClose(np.cov(X, { bias: true }), [
      [7.25, -4.5, -4.125],
      [-4.5, 6.0, 3.5],
      [-4.125, 3.5, 8.6875],
    ]);
    expectClose(np.cov(X, { ddof: 2 }), [
      [14.5, -9.0, -8.25],
      [-9.0, 12.0, 7.0],
      [-8.25, 7.0, 17.375],
    ]);
  });

  it("frequency and observation weights (NumPy)", () => {
    const fw = np.array([1, 2, 1, 3]);
    const aw = np.array([0.5, 1, 2, 1]);
    // np.cov(X, fweights=fw); np.cov(X, aweights=aw); np.cov(X, fweights=fw, aweights=aw)
    expectClose(np.cov(X, { fweights: fw }), [
      [6.619047619047618, -3.8571428571428568, -4.166666666666666],
      [-3.8571428571428568, 4.571428571428571, 4.0],
      [-4.166666666666666, 4.0, 13.0],
    ]);
    expectClose(np.cov(X, { aweights: aw }), [
      [12.357142857142858, -9.785714285714285, -6.428571428571428],
      [-9.785714285714285, 10.428571428571427, 5.785714285714285],
      [-6.428571428571428, 5.785714285714285, 11.57142857142857],
    ]);
    expectClose(np.cov(X, { fweights: fw, aweights: aw }), [
      [8.77659574468085, -6.702127659574469, -4.627659574468085],
      [-6.702127659574469, 6.51063829787234, 4.404255319148937],
      [-4.627659574468085, 4.404255319148937, 12.585106382978726],
    ]);
  });

  it("y stacked under m, positional or in options; one variable gives a 0-d array (NumPy)", () => {
    const r0 = X.slice(0);
    const r1 = X.slice(1);
    // np.cov(X[0], X[1])
    const expected = [
      [9.666666666666666, -6.0],
      [-6.0, 8.0],
    ];
    expectClose(np.cov(r0, r1), expected);
    expectClose(np.cov(r0, { y: r1 }), expected);
    // np.cov([1, 2, 3.5]) -> array(1.58333333)
    const c = np.cov(np.array([1, 2, 3.5]));
    expect(c.shape).toEqual([]);
    expectClose(c, 1.5833333333333333);
    expect(np.cov(np.zeros([0, 3])).shape).toEqual([0, 0]);
    // np.cov([[1., 2.]], ddof=2) -> [[inf]]-like: N - ddof = 0 warns and divides by zero
    const { result, warnings } = np.warnings.catchWarnings(() => np.cov(np.array([1, 2]), { ddof: 2 }));
    expect(result.item()).toBe(Infinity);
    expect(warnings.map((w) => [w.category, w.message])).toEqual([[RuntimeWarning, "cov: Degrees of freedom <= 0 for slice"]]);
  });

  it("corrcoef (NumPy), clipped to [-1, 1], a constant variable gives NaN", () => {
    // np.corrcoef(X)
    expectClose(np.corrcoef(X), [
      [1.0, -0.6822882392210131, -0.5197656094453478],
      [-0.682288239221013, 0.9999999999999999, 0.4847803527451105],
      [-0.5197656094453478, 0.48478035274511055, 1.0],
    ]);
    // np.corrcoef(X[0], X[2])
    expectClose(np.corrcoef(X.slice(0), X.slice(2)), [
      [1.0, -0.5197656094453478],
      [-0.5197656094453478, 1.0],
    ]);
    const r = np.corrcoef(
      np.array([
        [1, 2, 3],
        [2, 4, 6.000000000000001],
      ]),
    );
    expect((r.toArray() as number[][]).flat().every((v) => v <= 1 && v >= -1)).toBe(true);
    const k = np.corrcoef(
      np.array([
        [1, 2, 3],
        [5, 5, 5],
      ]),
    );
    expect(k.get(1, 1)).toBeNaN();
    expect(k.get(0, 0)).toBe(1);
  });

  it("argument errors", () => {
    expectError(() => np.cov(np.zeros([2, 2, 2])), ValueError, "cov", "more than 2 dimensions");
    expectError(() => np.cov(X, { fweights: np.array([1, 2.5, 1, 1]) }), ValueError, "cov", "fweights", "integer", "2.5");
    expectError(() => np.cov(X, { aweights: np.array([1, -1, 1, 1]) }), ValueError, "cov", "aweights", "negative", "-1");
    expectError(() => np.cov(X, { fweights: np.array([1, 1]) }), ValueError, "cov", "fweights", "2");
    expectError(() => np.cov(X, { y: np.zeros([2, 3]) }), ShapeError, "cov", "observations");
    expectError(() => np.cov(X, { rowVar: false } as object), ValueError, "cov", "rowVar", "rowvar");
    expectError(() => np.cov(X, { ddof: 0.5 }), ValueError, "cov", "ddof", "0.5");
    expectError(() => np.corrcoef(X, { bias: true } as object), ValueError, "corrcoef", "bias");
  });
});
