import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lanv2 } from "./schur-2x2.js";

const EPS = 2 ** -52;

describe("lanv2: the standard form of a 2×2 block", () => {
  /** [a b; c d] = R·[aa bb; cc dd]·Rᵀ with R = [cs −sn; sn cs]: check to rounding. */
  function check(a: number, b: number, c: number, d: number): void {
    const r = lanv2(a, b, c, d);
    expect(Math.abs(r.cs * r.cs + r.sn * r.sn - 1)).toBeLessThan(4 * EPS);
    const R = [
      [r.cs, -r.sn],
      [r.sn, r.cs],
    ];
    const S = [
      [r.a, r.b],
      [r.c, r.d],
    ];
    const M = [
      [a, b],
      [c, d],
    ];
    const scale = Math.max(Math.abs(a), Math.abs(b), Math.abs(c), Math.abs(d), 1e-300);
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < 2; j++) {
        let s = 0;
        for (let p = 0; p < 2; p++) for (let q = 0; q < 2; q++) s += R[i][p] * S[p][q] * R[j][q];
        expect(Math.abs(s - M[i][j])).toBeLessThan(20 * EPS * scale);
      }
    }
    if (r.c === 0) {
      expect(r.rt1i).toBe(0);
      expect([r.rt1r, r.rt2r]).toEqual([r.a, r.d]);
    } else {
      expect(r.a === r.d, `a = ${r.a}, d = ${r.d}`).toBe(true); // as values: −0 and +0 are equal
      expect(Math.sign(r.b) * Math.sign(r.c)).toBe(-1);
      expect(r.rt1i).toBeGreaterThan(0);
      expect(r.rt2i).toBe(-r.rt1i);
    }
  }

  it.each([
    [1, 2, 3, 4], // real eigenvalues
    [0, -1, 1, 0], // ±i, already standard
    [1, 2, -3, 4], // complex pair 2.5 ± i·1.936
    [1, 0, 5, 2], // b = 0: swap
    [0, -5e-324, 5e-324, -0], // subnormal rotation, ±0 on the diagonal (a property counterexample)
    [3, 1, 0, 3], // c = 0: nothing to do
    [2, 1e-20, -1e-20, 2], // tiny pair
    [1, 1e200, -1e-200, 1], // wildly scaled
    [5, 1, 1, 5], // symmetric, equal diagonal
    [1, -4, 1, 1], // equal diagonal, b·c < 0
  ])("[%d %d; %d %d]", (a, b, c, d) => check(a, b, c, d));

  it("property: random blocks", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        (a, b, c, d) => check(a, b, c, d),
      ),
      { numRuns: 300 },
    );
  });
});
