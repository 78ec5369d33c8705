import * as np from "@sliderule/ndarray";
import { ValueError } from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { batched, hilbert, singularMatrix } from "../../test/corpus.js";
import { matrixRank } from "./matrix-rank.js";

describe("matrixRank", () => {
  it("counts σ above the tolerance", () => {
    expect(
      matrixRank([
        [1, 2],
        [2, 4],
      ]),
    ).toBe(1);
    expect(matrixRank(singularMatrix(6, 5, 310))).toBe(5);
    expect(matrixRank(np.zeros([3, 3]))).toBe(0);
    expect(matrixRank(hilbert(8))).toBe(8);
    expect(matrixRank(hilbert(8), { tol: 1e-5 })).toBe(5);
    expect(Array.from(matrixRank(np.batched(batched(singularMatrix(4, 2, 300)))).data)).toEqual([2, 2, 2]);
    const r: number = matrixRank(np.eye(3));
    expect(r + 1).toBe(4);
  });

  it("vectors: 1 unless all zero; hermitian uses |λ|", () => {
    expect(matrixRank([0, 0, 1])).toBe(1);
    expect(matrixRank([0, 0])).toBe(0);
    expect(
      matrixRank(
        [
          [1, 0],
          [0, -1],
        ],
        { hermitian: true },
      ),
    ).toBe(2);
  });

  it("empty raises NumPy's ValueError", () => {
    expect(() => matrixRank(np.zeros([0, 0]))).toThrow(/zero-size array/);
  });

  it("tol must be a number or an array of numbers, not NaN", () => {
    for (const bad of [NaN, "x", true, {}, [NaN, 1]]) {
      expect(() => matrixRank(np.eye(2), { tol: bad as unknown as number })).toThrow(ValueError);
    }
    expect(() => matrixRank(np.eye(2), { tol: "x" as unknown as number })).toThrow(
      /^matrixRank: tol must be a number or an array of real numbers \(not NaN\), got "x"$/,
    );
    expect(Array.from(matrixRank(np.batched(np.stack([np.eye(2), np.eye(2)])), { tol: np.array([0.5, 2], "float64") }).data)).toEqual([2, 0]);
  });
});
