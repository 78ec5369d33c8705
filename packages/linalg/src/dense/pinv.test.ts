import * as np from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { randomComplex, randomMatrix, singularMatrix } from "../../test/corpus.js";
import { expectClose, expectReconstructs } from "../../test/invariants.js";
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
    expectClose(pinv([[2, 0], [0, 4]]), np.array([[0.5, 0], [0, 0.25]]), 1e-15);
    expect(Array.from(pinv(np.zeros([3, 2])).data)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(() => pinv(np.zeros([3]))).toThrow(LinAlgError);
  });
});
