import { describe, expect, it } from "vitest";
import { lartg, rot } from "./givens.js";

describe("lartg", () => {
  it.each([
    [3, 4],
    [-3, 4],
    [3, -4],
    [1e-300, 1e300],
    [1e300, 1e300],
    [0, -2],
    [5, 0],
  ])("[c s; −s c]·[%d; %d] = [r; 0] with c² + s² = 1", (f, g) => {
    const { c, s, r } = lartg(f, g);
    expect(c * c + s * s).toBeCloseTo(1, 15);
    expect(Math.abs(c * f + s * g - r)).toBeLessThanOrEqual(4e-16 * Math.abs(r));
    expect(Math.abs(-s * f + c * g)).toBeLessThanOrEqual(4e-16 * Math.abs(r));
    expect(c).toBeGreaterThanOrEqual(0);
  });
});

describe("rot", () => {
  it("applies the rotation to strided vectors", () => {
    const X = Float64Array.from([3, 0, 1]);
    const Y = Float64Array.from([4, 9, 0]);
    const { c, s } = lartg(3, 4);
    rot(2, X, 0, 2, Y, 0, 1, c, s);
    expect(X[0]).toBeCloseTo(5, 15);
    expect(Y[0]).toBeCloseTo(0, 15);
  });
});
