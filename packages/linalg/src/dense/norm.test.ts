import * as np from "@sliderule/ndarray";
import { ValueError } from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { norm } from "./norm.js";

describe("norm", () => {
  it("vector orders", () => {
    const x = np.array([3, -4, 0]);
    expect(norm(x)).toBe(5);
    expect(norm(x, 1)).toBe(7);
    expect(norm(x, Infinity)).toBe(4);
    expect(norm(x, -Infinity)).toBe(0);
    expect(norm(x, 0)).toBe(2);
    expect(norm(x, -1)).toBe(0);
    expect(norm(x, 3)).toBeCloseTo(Math.cbrt(27 + 64), 14);
  });

  it("matrix orders", () => {
    const a = np.array([
      [1, -2],
      [3, 4],
    ]);
    expect(norm(a, 1)).toBe(6);
    expect(norm(a, -1)).toBe(4);
    expect(norm(a, Infinity)).toBe(7);
    expect(norm(a, -Infinity)).toBe(3);
    expect(norm(a, "fro")).toBeCloseTo(Math.sqrt(30), 14);
    const s2 = norm(a, 2);
    const sm2 = norm(a, -2);
    expect(s2 * sm2).toBeCloseTo(10, 12); // σ_max·σ_min = |det|
    expect(norm(a, "nuc")).toBeCloseTo(s2 + sm2, 12);
  });

  it("scales: no overflow or underflow in the 2-norm", () => {
    expect(norm([3e200, 4e200])).toBeCloseTo(5e200, -186);
    expect(norm([3e-200, 4e-200]) / 5e-200).toBeCloseTo(1, 14);
    expect(norm([[1e300, 1e300]], "fro")).toBeCloseTo(Math.SQRT2 * 1e300, -286);
  });

  it("axis and keepdims", () => {
    const a = np.array([
      [1, 2, 2],
      [3, 4, 12],
    ]);
    expect(Array.from(norm(a, null, 1).data)).toEqual([3, 13]);
    expect(norm(a, null, 0, true).shape).toEqual([1, 3]);
    expect(norm(a, { ord: "fro", keepdims: true }).shape).toEqual([1, 1]);
    expect(norm(np.zeros([2, 3, 4]), { axis: [2, 1] }).shape).toEqual([2]);
  });

  it("NumPy's errors", () => {
    expect(() => norm([1, 2], "fro")).toThrow(/Invalid norm order 'fro' for vectors/);
    expect(() => norm([[1, 2]], 3)).toThrow(/Invalid norm order for matrices/);
    expect(() => norm(np.zeros([2, 2, 2]), 2)).toThrow(/Improper number of dimensions to norm/);
    expect(() => norm(np.zeros([2, 2]), { axis: [0, 0] })).toThrow(/Duplicate axes given/);
    expect(() => norm([1, 2], "nuc")).toThrow(ValueError);
  });
});
