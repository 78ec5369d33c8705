import { describe, expect, it } from "vitest";
import * as np from "./index.js";

describe("triu, tril", () => {
  const A = np.arange(1, 13).reshape(3, 4);
  it("keeps the triangle on the right side of diagonal k, as NumPy", () => {
    expect(np.triu(A).toArray()).toEqual([
      [1, 2, 3, 4],
      [0, 6, 7, 8],
      [0, 0, 11, 12],
    ]);
    expect(np.tril(A, -1).toArray()).toEqual([
      [0, 0, 0, 0],
      [5, 0, 0, 0],
      [9, 10, 0, 0],
    ]);
    expect(np.triu(A, 2).toArray()).toEqual([
      [0, 0, 3, 4],
      [0, 0, 0, 8],
      [0, 0, 0, 0],
    ]);
  });
  it("triu(A, k) + tril(A, k - 1) = A on stacks and views; dtype kept; input untouched", () => {
    const S = np.random.defaultRng(3).standardNormal([2, 4, 5]).T; // (5, 4, 2) strided view
    for (const k of [-2, 0, 1, 3]) {
      expect(np.arrayEqual(np.add(np.triu(S, k), np.tril(S, k - 1)), S)).toBe(true);
    }
    expect(np.triu(np.ones([2, 2], "bool")).dtype).toBe("bool");
    expect(np.tril(A.astype("float32")).dtype).toBe("float32");
    expect(A.get(0, 3)).toBe(4);
  });
  it("rejects 1-d input, naming the function and the shape", () => {
    expect(() => np.triu([1, 2, 3])).toThrow(/^triu: .*\(3,\)/);
  });
});

describe("trace, fillDiagonal", () => {
  it("sums a diagonal, keeping integers integral", () => {
    const A = np.arange(9, { dtype: "int32" }).reshape(3, 3);
    expect(np.trace(A)).toBe(12);
    expect(np.trace(A, { offset: 1 })).toBe(1 + 5);
    expect(np.trace(np.batched(np.arange(8).reshape(2, 2, 2)), { axis1: 1, axis2: 2 }).toArray()).toEqual([3, 11]);
    expect(() => np.trace([1, 2])).toThrow(/^trace: /);
  });
  it("returns a JS number for one matrix (NumPy's scalar), an NDArray for a stack", () => {
    const t: number = np.trace([
      [1, 2],
      [3, 4],
    ]);
    expect(t + 1).toBe(6);
    expect(typeof np.trace(np.eye(3))).toBe("number");
    // int32 stays exact; float32 is rounded to float32 first, as NumPy's float32 scalar
    expect(
      np.trace(
        np.array(
          [
            [0.1, 0],
            [0, 0.2],
          ],
          "float32",
        ),
      ),
    ).toBe(Math.fround(Math.fround(0.1) + Math.fround(0.2)));
    // np.trace(np.arange(8.).reshape(2, 2, 2)) == array([6., 8.]) (axes 0, 1)
    const T: np.NDArray = np.trace(np.batched(np.arange(8).reshape(2, 2, 2)));
    expect(T.toArray()).toEqual([6, 8]);
    expect(
      np
        .trace(
          [
            [
              [1, 2],
              [3, 4],
            ],
          ],
          { axis1: 1, axis2: 2 },
        )
        .toArray(),
    ).toEqual([5]);
    // complex: np.trace([[1+2j, 0], [0, 3-1j]]) == (4+1j)
    expect(
      np.trace([
        [
          { re: 1, im: 2 },
          { re: 0, im: 0 },
        ],
        [
          { re: 0, im: 0 },
          { re: 3, im: -1 },
        ],
      ]),
    ).toEqual({ re: 4, im: 1 });
  });
  it("takes NumPy's positional form and checks its arguments", () => {
    const A = np.arange(9).reshape(3, 3);
    expect(np.trace(A, 1)).toBe(6); // np.trace(A, 1)
    expect(np.trace(A, -1, 1, 0)).toBe(6); // offset −1 of the transpose: A[0,1] + A[1,2]
    expect(() => np.trace(A, { ofset: 1 } as never)).toThrow(/^trace: unknown option 'ofset'/);
    expect(() => np.trace(A, 0.5)).toThrow(/^trace: offset must be an integer, got 0.5/);
    expect(() => np.trace(A, 0, 0, 2)).toThrow(/^trace: axis 2 is out of bounds/);
    expect(() => np.trace(A, 0, 1, -1)).toThrow(/^trace: axis1 and axis2 cannot be the same/);
    expect(() => np.batched(A)).toThrow(/^batched: .*\(3, ?3\)/);
  });
  it("fills the main diagonal in place", () => {
    const Z = np.zeros([3, 4]);
    expect(np.fillDiagonal(Z, 7)).toBe(Z);
    expect(Z.toArray()).toEqual([
      [7, 0, 0, 0],
      [0, 7, 0, 0],
      [0, 0, 7, 0],
    ]);
  });
});
