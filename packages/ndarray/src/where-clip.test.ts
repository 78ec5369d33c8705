/**
 * clip and where (where-clip.ts): clip bounds either side, promotes as maximum/minimum,
 * propagates NaN, gives max where min > max and takes NumPy's forms (positional, options
 * object, method, null for an open side); where picks from x or y, broadcasting all three and
 * promoting x with y.
 *
 * Expected values marked "NumPy" were printed by NumPy 1.24.2, those under "(NumPy 2.4)" by
 * NumPy 2.4 (the call in the comment). Element-wise results of the same scalar function are
 * exact, so most comparisons are exact; results compared with a hand-computed value of a
 * transcendental function allow a few ulps (4·eps·|x|).
 * Siblings: ufunc-core.test.ts (broadcasting, out, inputs), ufunc-dtype-semantics.test.ts,
 * ufunc-elementwise.test.ts, where-clip.test.ts.
 */
import { describe, expect, it } from "vitest";
import { expectError, expectSameNumbers, flat } from "../test/arbitraries.js";
import * as np from "./index.js";
import { ValueError } from "./index.js";

describe("clip and where", () => {
  it("clip bounds either side and promotes as maximum/minimum", () => {
    expect(np.clip(np.array([1, 5, 10]), 2, 8).toArray()).toEqual([2, 5, 8]);
    expect(np.clip(np.array([1, 5, 10]), null, 4).toArray()).toEqual([1, 4, 4]);
    expect(np.clip(np.array([1, 5, 10]), np.array([0, 6, 0]), null).toArray()).toEqual([1, 6, 10]);
    expect(np.clip(np.array([1, 5]), 0.5, 2).dtype).toBe("float64");
    expect(np.array([1, 5, 10]).clip(2, 3).toArray()).toEqual([2, 3, 3]);
    const out = np.zeros([3]);
    expect(np.clip(np.array([1, 5, 10]), 2, 8, { out })).toBe(out);
    expect(out.toArray()).toEqual([2, 5, 8]);
    // NumPy 2: with both bounds None the values come back unchanged (a copy)
    const a = np.array([1, 5]);
    const c = np.clip(a, null, null);
    expect(c.toArray()).toEqual([1, 5]);
    expect(c.data).not.toBe(a.data);
    expectError(() => np.clip(a, { min: 1, mx: 2 } as never), ValueError, "clip", "mx");
  });

  it("where picks from x or y, broadcasting all three and promoting x with y", () => {
    expect(np.where(np.array([true, false, true]), np.array([1, 2, 3]), 0).toArray()).toEqual([1, 0, 3]);
    const r = np.where(np.array([[true], [false]]), np.array([1, 2, 3]), 2.5);
    expect(r.dtype).toBe("float64");
    expect(r.toArray()).toEqual([
      [1, 2, 3],
      [2.5, 2.5, 2.5],
    ]);
    expect(np.where(np.array([0, 0.5]), 1, 2).toArray()).toEqual([2, 1]);
    expect(np.where(np.array([true, false]), np.array([{ re: 1, im: 1 }]), 0).toArray()).toEqual([
      { re: 1, im: 1 },
      { re: 0, im: 0 },
    ]);
    expect(
      np
        .where(
          np.array([
            { re: 0, im: 1 },
            { re: 0, im: 0 },
          ]),
          1,
          0,
        )
        .toArray(),
    ).toEqual([1, 0]);
  });
});

describe("clip (NumPy 2.4)", () => {
  it("propagates NaN, gives max where min > max, promotes, and takes NumPy's forms", () => {
    // np.clip([-2, 0.5, 3, nan], 0, 1)
    expectSameNumbers(flat(np.clip(np.array([-2, 0.5, 3, NaN]), 0, 1)), [0, 0.5, 1, NaN]);
    // np.clip(np.arange(5), None, 2), np.clip(np.arange(5), 3, 1)
    expect(np.clip(np.arange(5), null, 2).toArray()).toEqual([0, 1, 2, 2, 2]);
    expect(np.clip(np.arange(5), 3, 1).toArray()).toEqual([1, 1, 1, 1, 1]);
    // np.clip(np.arange(5, dtype=np.int32), 1.5, 3): float64
    const f = np.clip(np.arange(5, { dtype: "int32" }), 1.5, 3);
    expect(f.dtype).toBe("float64");
    expect(f.toArray()).toEqual([1.5, 1.5, 2, 3, 3]);
    expect(np.clip(np.arange(5), { max: 2 }).toArray()).toEqual([0, 1, 2, 2, 2]);
    expect(np.arange(5).clip({ min: 3 }).toArray()).toEqual([3, 3, 3, 3, 4]);
    expect(np.arange(5).clip(undefined, 1).toArray()).toEqual([0, 1, 1, 1, 1]);
    expectError(() => np.clip([1], { min: 0 }, 1), ValueError, "clip", "not both");
  });
});
