import { describe, expect, it } from "vitest";
import { accumulateRunF64, sumRunF64 } from "./reduce-f64.js";

const EPS = 2 ** -52;

describe("reduce-f64 against the plain loops", () => {
  it("sumRunF64 equals the running sum within (n−1)·eps·Σ|x|, for n = 0..70", () => {
    for (let n = 0; n <= 70; n++) {
      const D = Float64Array.from({ length: n + 2 }, (_, k) => Math.sin(3 * k + 1) * 1e3);
      let s = 0;
      let abs = 0;
      for (let k = 0; k < n; k++) {
        s += D[2 + k];
        abs += Math.abs(D[2 + k]);
      }
      expect(Math.abs(sumRunF64(D, 2, n) - s)).toBeLessThanOrEqual(2 * Math.max(n - 1, 0) * EPS * abs);
    }
  });

  it("sumRunF64 is exact on integers", () => {
    const D = Float64Array.from({ length: 1001 }, (_, k) => k);
    expect(sumRunF64(D, 0, 1001)).toBe(500500);
  });

  it("accumulateRunF64 adds element by element, exactly, for n = 0..40", () => {
    for (let n = 0; n <= 40; n++) {
      const D = Float64Array.from({ length: n + 1 }, (_, k) => Math.cos(k) * 5);
      const acc = Float64Array.from({ length: n + 3 }, (_, k) => k * 0.25);
      const expected = acc.slice();
      for (let k = 0; k < n; k++) expected[2 + k] += D[1 + k];
      accumulateRunF64(acc, 2, D, 1, n);
      expect(Array.from(acc)).toEqual(Array.from(expected));
    }
  });
});
