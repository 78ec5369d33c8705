/**
 * isclose, allclose, arrayEqual: NumPy's asymmetric rule |a − b| <= atol + rtol·|b|, with
 * infinities close only to themselves and NaN only under equalNan.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { snapshot } from "../test/arbitraries.js";
import * as np from "./index.js";

describe("isclose", () => {
  it("follows NumPy's rule, including infinities and NaN (NumPy)", () => {
    // np.isclose([1e10, 1e-7, 1e-8, inf, inf, nan, 1.0], [1.00001e10, 1e-8, 1e-9, inf, -inf, nan, 1.00001])
    const a = [1e10, 1e-7, 1e-8, Infinity, Infinity, NaN, 1.0];
    const b = [1.00001e10, 1e-8, 1e-9, Infinity, -Infinity, NaN, 1.00001];
    expect(np.isclose(a, b).toArray()).toEqual([true, false, true, true, false, false, true]);
    expect(np.isclose(a, b, { equalNan: true }).toArray()).toEqual([true, false, true, true, false, true, true]);
  });

  it("is asymmetric: the tolerance scales with |b| (NumPy)", () => {
    // np.isclose([1, 1.00001], [1.00001, 1], rtol=1e-5, atol=0) -> [True, False]
    expect(np.isclose([1, 1.00001], [1.00001, 1], { rtol: 1e-5, atol: 0 }).toArray()).toEqual([true, false]);
  });

  it("broadcasts, accepts integers and leaves inputs alone", () => {
    const x = np.array([[1, 2, 3]]);
    const y = np.array([[1], [2]]);
    const before = [snapshot(x), snapshot(y)];
    const r = np.isclose(x, y);
    expect(r.dtype).toBe("bool");
    expect(r.toArray()).toEqual([
      [true, false, false],
      [false, true, false],
    ]);
    expect([snapshot(x), snapshot(y)]).toEqual(before);
  });

  it("x is close to x·(1 + t) exactly when the rule says so (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e-3, max: 1e-3, noNaN: true }), (x, t) => {
        const y = x * (1 + t);
        const rule = Math.abs(x - y) <= 1e-8 + 1e-5 * Math.abs(y);
        expect(np.isclose([x], [y]).toArray()).toEqual([rule]);
        expect(np.isclose([x], [x]).toArray()).toEqual([true]);
      }),
    );
  });
});

describe("allclose, arrayEqual", () => {
  it("allclose is isclose over every pair", () => {
    expect(np.allclose([1, 2], [1, 2 + 1e-9])).toBe(true);
    expect(np.allclose([1, 2], [1, 2.1])).toBe(false);
    expect(np.allclose([1, NaN], [1, NaN])).toBe(false);
    expect(np.allclose([1, NaN], [1, NaN], { equalNan: true })).toBe(true);
    expect(np.allclose([[1, 1]], 1)).toBe(true);
    expect(np.allclose([], [])).toBe(true);
  });

  it("arrayEqual needs the same shape and values", () => {
    expect(np.arrayEqual([1, 2], [1, 2])).toBe(true);
    expect(np.arrayEqual([1, 2], [[1, 2]])).toBe(false);
    expect(np.arrayEqual([1, 2], [1, 3])).toBe(false);
    expect(np.arrayEqual([1, NaN], [1, NaN])).toBe(false);
    expect(np.arrayEqual([1, NaN], [1, NaN], true)).toBe(true);
    expect(np.arrayEqual(np.arange(3), np.array([0, 1, 2], "float64"))).toBe(true);
    expect(
      np.arrayEqual(np.arange(6).reshape(2, 3).T, [
        [0, 3],
        [1, 4],
        [2, 5],
      ]),
    ).toBe(true);
  });
});
