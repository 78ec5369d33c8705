import * as np from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { batched, hilbert, singularMatrix } from "../../test/corpus.js";
import { matrixRank } from "./matrix-rank.js";

describe("matrixRank", () => {
  it("counts σ above the tolerance", () => {
    expect(matrixRank([[1, 2], [2, 4]]).get()).toBe(1);
    expect(matrixRank(singularMatrix(6, 5, 310)).get()).toBe(5);
    expect(matrixRank(np.zeros([3, 3])).get()).toBe(0);
    expect(matrixRank(hilbert(8)).get()).toBe(8);
    expect(matrixRank(hilbert(8), { tol: 1e-5 }).get()).toBe(5);
    expect(Array.from(matrixRank(batched(singularMatrix(4, 2, 300))).data)).toEqual([2, 2, 2]);
  });

  it("vectors: 1 unless all zero; hermitian uses |λ|", () => {
    expect(matrixRank([0, 0, 1]).get()).toBe(1);
    expect(matrixRank([0, 0]).get()).toBe(0);
    expect(matrixRank([[1, 0], [0, -1]], { hermitian: true }).get()).toBe(2);
  });

  it("empty raises NumPy's ValueError", () => {
    expect(() => matrixRank(np.zeros([0, 0]))).toThrow(/zero-size array/);
  });
});
