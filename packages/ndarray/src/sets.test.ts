/**
 * unique and isin against NumPy 2.4 (the call in the comment above each literal): flags and
 * their tuple order, NaN collapsing, -0/+0, axis; a property that the pieces rebuild the input.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectError } from "../test/arbitraries.js";
import * as np from "./index.js";
import { AxisError, DTypeError, NDArray, ValueError } from "./index.js";

const list = (r: NDArray | undefined) => r!.toArray();

describe("unique", () => {
  it("sorted values; with flags a named tuple in NumPy's order (NumPy)", () => {
    const a = np.array(
      [
        [3, 1],
        [2, 3],
      ],
      "int32",
    );
    // np.unique(a) -> [1, 2, 3]
    const u = np.unique(a) as NDArray;
    expect([u.dtype, list(u)]).toEqual(["int32", [1, 2, 3]]);
    // np.unique(a, return_index=True, return_inverse=True, return_counts=True)
    // -> [1, 2, 3], [1, 2, 0], [[2, 0], [1, 2]], [1, 1, 2]
    const r = np.unique(a, { returnIndex: true, returnInverse: true, returnCounts: true }) as np.UniqueResult;
    expect([list(r.values), list(r.indices), list(r.inverse), list(r.counts)]).toEqual([
      [1, 2, 3],
      [1, 2, 0],
      [
        [2, 0],
        [1, 2],
      ],
      [1, 1, 2],
    ]);
    expect(r.indices!.dtype).toBe("int32");
    const [values, counts, ...rest] = np.unique(a, { returnCounts: true }) as np.UniqueResult;
    expect([list(values), list(counts), rest.length]).toEqual([[1, 2, 3], [1, 1, 2], 0]);
    expect(Object.keys(np.unique(a, { returnCounts: true }))).toEqual(["values", "counts"]);
  });

  it("NaNs collapse unless equalNan is false; -0 equals +0, the first kept (NumPy)", () => {
    // np.unique([3, 1, 2, 3, 1, nan, nan, -0., 0.], return_index=True, return_counts=True)
    // -> [-0., 1, 2, 3, nan], [7, 1, 2, 0, 5], [2, 2, 1, 2, 2]
    const r = np.unique(np.array([3, 1, 2, 3, 1, NaN, NaN, -0, 0]), { returnIndex: true, returnCounts: true }) as np.UniqueResult;
    expect(Array.from(r.values.data)).toEqual([-0, 1, 2, 3, NaN]);
    expect(Object.is(r.values.data[0], -0)).toBe(true);
    expect([list(r.indices), list(r.counts)]).toEqual([
      [7, 1, 2, 0, 5],
      [2, 2, 1, 2, 2],
    ]);
    // np.unique([nan, 1, nan], equal_nan=False) -> [1, nan, nan]
    expect(Array.from((np.unique(np.array([NaN, 1, NaN]), { equalNan: false }) as NDArray).data)).toEqual([1, NaN, NaN]);
    expect(Array.from((np.unique(np.array([NaN, 1, NaN])) as NDArray).data)).toEqual([1, NaN]);
  });

  it("axis: unique rows or columns (NumPy)", () => {
    const m = np.array(
      [
        [1, 0, 1],
        [1, 0, 1],
        [0, 2, 3],
        [1, 0, 0],
      ],
      "int32",
    );
    // np.unique(m, axis=0, return_index=True, return_inverse=True, return_counts=True)
    const r = np.unique(m, { axis: 0, returnIndex: true, returnInverse: true, returnCounts: true }) as np.UniqueResult;
    expect(list(r.values)).toEqual([
      [0, 2, 3],
      [1, 0, 0],
      [1, 0, 1],
    ]);
    expect([list(r.indices), list(r.inverse), list(r.counts)]).toEqual([
      [2, 3, 0],
      [2, 2, 0, 1],
      [1, 1, 2],
    ]);
    // np.unique(m, axis=1)
    expect(list(np.unique(m, { axis: 1 }) as NDArray)).toEqual([
      [0, 1, 1],
      [0, 1, 1],
      [2, 0, 3],
      [0, 1, 0],
    ]);
  });

  it("values[inverse] rebuilds the input; indices point at first occurrences (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -4, max: 4 }), { maxLength: 30 }), (xs) => {
        const a = np.array(xs.map((v) => (v === 4 ? NaN : v)));
        const { values, indices, inverse, counts } = np.unique(a, { returnIndex: true, returnInverse: true, returnCounts: true }) as np.UniqueResult;
        const v = Array.from(values.data);
        const src = Array.from(a.data);
        expect(Array.from(inverse!.data).map((g) => v[g])).toEqual(src);
        Array.from(indices!.data).forEach((i, g) => {
          expect(Object.is(src[i], v[g]) || (Number.isNaN(src[i]) && Number.isNaN(v[g]))).toBe(true);
          expect(src.slice(0, i).some((s) => s === v[g] || (Number.isNaN(s) && Number.isNaN(v[g])))).toBe(false);
        });
        expect(Array.from(counts!.data).reduce((p, c) => p + c, 0)).toBe(xs.length);
        for (let g = 1; g < v.length; g++) expect(v[g - 1] < v[g] || Number.isNaN(v[g])).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("argument errors", () => {
    expectError(() => np.unique(np.zeros([2, 2]), { axis: 2 }), AxisError, "unique", "axis 2");
    expectError(() => np.unique(np.zeros([2]), { return_counts: true } as object), ValueError, "unique", "return_counts", "returnCounts");
    expectError(() => np.unique(np.zeros([2]), { returnCounts: 1 } as object), ValueError, "unique", "returnCounts", "1");
    expectError(() => np.unique(np.array([{ re: 1, im: 2 }])), DTypeError, "unique", "complex128");
  });
});

describe("isin", () => {
  it("membership, invert, NaN never a member, -0 = +0 (NumPy)", () => {
    // np.isin([[1, 2], [3, 4]], [2, 4, 7], invert=True) -> [[True, False], [True, False]]
    const m = np.array([
      [1, 2],
      [3, 4],
    ]);
    expect(list(np.isin(m, [2, 4, 7], { invert: true }))).toEqual([
      [true, false],
      [true, false],
    ]);
    expect(list(np.isin(m, np.array([2, 4, 7], "int32")))).toEqual([
      [false, true],
      [false, true],
    ]);
    // np.isin([nan, 0., -0.], [nan, 0.]) -> [False, True, True]
    expect(list(np.isin(np.array([NaN, 0, -0]), [NaN, 0]))).toEqual([false, true, true]);
    expect(np.isin(3, [3]).shape).toEqual([]);
    expectError(() => np.isin(m, [1], { invert: "no" } as object), ValueError, "isin", "invert", '"no"');
    expectError(() => np.isin(m, [1], { kind: "hash" } as object), ValueError, "isin", "kind", '"hash"');
  });
});
