import * as np from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { randomComplex, randomMatrix, singularMatrix } from "../../test/corpus.js";
import { expectClose, expectReconstructs } from "../../test/invariants.js";
import { ValueError } from "@sliderule/ndarray";
import { LinAlgError } from "../errors.js";
import { pinv } from "./pinv.js";

describe("pinv", () => {
  it.each([
    ["tall 7x3", randomMatrix([7, 3], 1)],
    ["wide 3x7", randomMatrix([3, 7], 2)],
    ["rank 2 of 4", singularMatrix(4, 2, 300)],
    ["batched 2x5x4", randomMatrix([2, 5, 4], 3)],
    ["complex 4x3", randomComplex([4, 3], 4)],
  ])("A·A⁺·A = A and A⁺·A·A⁺ = A⁺ for %s", (_, a) => {
    const X = pinv(a, { rcond: 1e-10 });
    expect(X.shape).toEqual([...a.shape.slice(0, -2), a.shape[a.ndim - 1], a.shape[a.ndim - 2]]);
    expectReconstructs(a, [a, X, a], { c: 1000 });
    expectReconstructs(X, [X, a, X], { c: 1000 });
  });

  it("is the inverse for square non-singular A, zero for zero A", () => {
    expectClose(
      pinv([
        [2, 0],
        [0, 4],
      ]),
      np.array([
        [0.5, 0],
        [0, 0.25],
      ]),
      1e-15,
    );
    expect(Array.from(pinv(np.zeros([3, 2])).data)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(() => pinv(np.zeros([3]))).toThrow(LinAlgError);
  });

  it("rcond, and NumPy 2's rtol (null: max(M, N)·eps), are numbers or arrays, never NaN or both", () => {
    // a = diag(1, 7e−16): σ_2/σ_1 lies between 2·eps (rtol=None's cutoff) and 1e−15 (the default)
    // np.linalg.pinv(a) = diag(1, 0); np.linalg.pinv(a, rtol=None) = diag(1, 1.4285714285714286e15)
    const a = np.array(
      [
        [1, 0],
        [0, 7e-16],
      ],
      "float64",
    );
    const dropped = np.array(
      [
        [1, 0],
        [0, 0],
      ],
      "float64",
    );
    expectClose(pinv(a), dropped, 1e-15);
    expectClose(
      pinv(a, { rtol: null }),
      np.array(
        [
          [1, 0],
          [0, 1.4285714285714286e15],
        ],
        "float64",
      ),
      1e-15,
    );
    expectClose(pinv(a, { rtol: 1e-10 }), dropped, 1e-15);
    expectClose(pinv(a, { rcond: np.array(1e-10) }), dropped, 1e-15);
    expectClose(pinv(a, { rcond: null, rtol: 1e-10 }), dropped, 1e-15);
    expect(() => pinv(a, { rcond: 1e-10, rtol: 1e-10 })).toThrow(/^pinv: rtol and rcond can't be both set/);
    for (const bad of [NaN, "x", true, {}, [NaN]]) {
      expect(() => pinv(a, { rcond: bad as unknown as number })).toThrow(ValueError);
      expect(() => pinv(a, { rtol: bad as unknown as number })).toThrow(ValueError);
    }
    expect(() => pinv(a, { rcond: NaN })).toThrow(/^pinv: rcond must be a number or an array of real numbers \(not NaN\), got NaN$/);
    // one rcond per matrix of a stack
    const X = pinv(np.stack([a, a]), { rcond: np.array([0, 1e-10], "float64") });
    expect(Array.from(X.data)).toEqual([1, 0, 0, 1 / 7e-16, 1, 0, 0, 0]);
  });
});
