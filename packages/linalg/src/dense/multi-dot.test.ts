import * as np from "@sliderule/ndarray";
import { ValueError } from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { randomMatrix } from "../../test/corpus.js";
import { expectClose, matrices, mul } from "../../test/invariants.js";
import { LinAlgError } from "../errors.js";
import { matrixChainOrder, multiDot } from "./multi-dot.js";

describe("matrixChainOrder", () => {
  it("finds the textbook optimum (Cormen et al. §15.2: 30×35×15×5×10×20×25)", () => {
    const split = matrixChainOrder([30, 35, 15, 5, 10, 20, 25]);
    // optimal: ((A1 (A2 A3)) ((A4 A5) A6)), i.e. split[0][5] = 2, split[0][2] = 0, split[3][5] = 4
    expect(split[0][5]).toBe(2);
    expect(split[0][2]).toBe(0);
    expect(split[3][5]).toBe(4);
  });
});

describe("multiDot", () => {
  it("equals the left-to-right product for chains of 2 to 5", () => {
    const dims = [3, 10, 2, 8, 4, 5];
    for (let len = 2; len <= 5; len++) {
      const xs = Array.from({ length: len }, (_, i) => randomMatrix([dims[i], dims[i + 1]], i));
      const expected = xs.map((x) => matrices(x)[0]).reduce((a, b) => mul(a, b));
      const r = multiDot(xs);
      expect(r.shape).toEqual([dims[0], dims[len]]);
      expectClose(r, [expected], 1e-12, 1e-12);
    }
  });

  it("1-D ends: vector results, both 1-D gives a 0-d scalar", () => {
    expect(multiDot([[[1, 2]], [[3], [4]], [[5]]]).toArray()).toEqual([[55]]);
    const v = np.array([1, 2]);
    const M = np.array([
      [1, 0],
      [0, 2],
    ]);
    const w = np.array([3, 4]);
    expect(multiDot([v, M, M, w]).shape).toEqual([]);
    expect(multiDot([v, M, M, w]).item()).toBe(1 * 3 + 2 * 4 * 4);
    expect(multiDot([v, M]).shape).toEqual([2]);
    expect(multiDot([M, M, w]).toArray()).toEqual([3, 16]);
  });

  it("errors name the misaligned shapes", () => {
    expect(() => multiDot([np.zeros([3, 4]), np.zeros([5, 2]), np.zeros([2, 2])])).toThrow(ValueError);
    expect(() => multiDot([np.zeros([3, 4]), np.zeros([5, 2]), np.zeros([2, 2])])).toThrow(
      /shapes \(3,4\) and \(5,2\) not aligned: 4 \(dim 1\) != 5 \(dim 0\)/,
    );
    expect(() => multiDot([np.zeros([3, 4])])).toThrow(ValueError);
    expect(() => multiDot([np.zeros([3, 4]), np.zeros([2, 4, 3]), np.zeros([3, 3])])).toThrow(LinAlgError);
  });

  it("bool chains stay bool (np.matmul's OR of ANDs), mixed ones promote", () => {
    // np.linalg.multi_dot([A, A, A]) for A = [[True, False], [True, True]] -> bool [[T, F], [T, T]]
    const a = np.array([
      [true, false],
      [true, true],
    ]);
    const r = multiDot([a, a, a]);
    expect(r.dtype).toBe("bool");
    expect(r.toArray()).toEqual([
      [true, false],
      [true, true],
    ]);
    expect(
      multiDot([
        a,
        np.array(
          [
            [1, 2],
            [3, 4],
          ],
          "int32",
        ),
      ]).dtype,
    ).toBe("int32");
  });

  it('arrays must be a list: multiDot("abc") is a ValueError', () => {
    expect(() => multiDot("abc" as unknown as number[][])).toThrow(ValueError);
    expect(() => multiDot("abc" as unknown as number[][])).toThrow(/^multiDot: arrays must be a list of arrays, got "abc"$/);
    expect(() => multiDot(3 as unknown as number[][])).toThrow(ValueError);
  });
});
