/**
 * squareform both ways, and SciPy's checks. SciPy 1.17 (python3) for the messages' cases:
 *   squareform(np.zeros(2))                 ValueError: Incompatible vector size ...
 *   squareform(np.zeros((2, 3)))            ValueError: The matrix argument must be square.
 *   squareform([[0, 1], [2, 0]])            ValueError: Distance matrix 'X' must be symmetric.
 *   squareform([[1, 0], [0, 0]])            ValueError: Distance matrix 'X' diagonal must be zero.
 *   squareform(np.zeros(0)) -> [[0.]];  squareform(np.zeros((1, 1))) -> [];  int32 stays int32
 */
import * as np from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { pdist } from "./pdist.js";
import { squareform } from "./squareform.js";

describe("squareform", () => {
  it("unfolds a condensed vector into the symmetric matrix with a zero diagonal", () => {
    expect(squareform([1, 2, 3]).toArray()).toEqual([
      [0, 1, 2],
      [1, 0, 3],
      [2, 3, 0],
    ]);
    expect(squareform([5, 10, 5, 7, 8, 9]).toArray()).toEqual([
      [0, 5, 10, 5],
      [5, 0, 7, 8],
      [10, 7, 0, 9],
      [5, 8, 9, 0],
    ]);
  });

  it("is its own inverse, in both directions and for every m", () => {
    for (let m = 0; m <= 9; m++) {
      const X = np.fromTypedArray(
        Float64Array.from({ length: m * 2 }, (_, i) => Math.sin(i + m)),
        [m, 2],
      );
      const y = pdist(X);
      const D = squareform(y);
      expect(D.shape).toEqual([Math.max(m, 1), Math.max(m, 1)]);
      expect(Array.from(squareform(D).toTypedArray())).toEqual(Array.from(y.toTypedArray()));
    }
  });

  it("keeps the dtype; the edge cases are SciPy's", () => {
    const y = np.array([1, 2, 3], "int32");
    expect(squareform(y).dtype).toBe("int32");
    expect(squareform(squareform(y)).dtype).toBe("int32");
    expect(squareform(np.array([true], "bool")).dtype).toBe("bool");
    expect(squareform(np.zeros([0])).toArray()).toEqual([[0]]);
    expect(squareform(np.zeros([1, 1])).shape).toEqual([0]);
  });

  it("reads a transposed (non-contiguous) matrix", () => {
    const D = squareform([1, 2, 3]);
    expect(squareform(D.T).toArray()).toEqual([1, 2, 3]);
  });

  it("force and checks", () => {
    expect(squareform([1, 2, 3], "tomatrix").shape).toEqual([3, 3]);
    expect(squareform([1, 2, 3], { force: "tomatrix" }).shape).toEqual([3, 3]);
    expect(() => squareform([1, 2, 3], "tovector")).toThrow(/^squareform: forcing "tovector" but X, of shape \(3,\), is not a distance matrix/);
    expect(() =>
      squareform(
        [
          [0, 1],
          [1, 0],
        ],
        "tomatrix",
      ),
    ).toThrow(/^squareform: forcing "tomatrix" but X, of shape \(2, 2\)/);
    // without checks the upper triangle is taken as it is
    expect(
      squareform(
        [
          [7, 1],
          [2, 7],
        ],
        { checks: false },
      ).toArray(),
    ).toEqual([1]);
  });

  it("rejects what SciPy rejects, naming the value", () => {
    expect(() => squareform([1, 2])).toThrow(/^squareform: a condensed distance vector must have length m\(m−1\)\/2.*got length 2/);
    expect(() => squareform(np.zeros([2, 3]))).toThrow(/^squareform: a distance matrix must be square, got shape \(2, 3\)/);
    expect(() =>
      squareform([
        [0, 1],
        [2, 0],
      ]),
    ).toThrow(/^squareform: distance matrix X must be symmetric: X\[0, 1\] = 1 but X\[1, 0\] = 2/);
    expect(() =>
      squareform([
        [1, 0],
        [0, 0],
      ]),
    ).toThrow(/^squareform: distance matrix X must have a zero diagonal: X\[0, 0\] = 1/);
    expect(() =>
      squareform([
        [0, NaN],
        [NaN, 0],
      ]),
    ).toThrow(/must be symmetric/);
    expect(() => squareform(np.zeros([2, 2, 2]))).toThrow(/^squareform: the first argument must be a 1-D \(condensed\) or 2-D \(square\) array; a 3-D array/);
    expect(() => squareform([1, 2, 3], "both" as never)).toThrow(/^squareform: force must be "no", "tomatrix" or "tovector", got "both"/);
    expect(() => squareform([1, 2, 3], { check: false } as never)).toThrow(/^squareform: unknown option 'check'; its options are force, checks/);
    expect(() => squareform([1, 2, 3], { checks: 0 } as never)).toThrow(/^squareform: option checks must be true or false, got 0/);
    expect(() => squareform("123" as never)).toThrow(/^squareform: X must be an NDArray or nested arrays/);
    expect(() => squareform([1, 2])).toThrow(np.ValueError);
  });
});
