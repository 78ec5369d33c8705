import { describe, expect, it } from "vitest";
import { accumulateRunF64, sumRowsF64, sumRunF64 } from "./reduce-f64.js";

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

describe("sumRowsF64: each contiguous row into its own accumulator", () => {
  /** NumPy's pairwise_sum for n < 128 (loops_utils.h.src): the oracle, written out. */
  function numpyPairwise(D: Float64Array, i: number, n: number): number {
    if (n < 8) {
      let s = 0;
      for (let k = 0; k < n; k++) s += D[i + k];
      return s;
    }
    const r = Array.from({ length: 8 }, (_, k) => D[i + k]);
    let k = 8;
    for (; k < n - (n % 8); k += 8) for (let j = 0; j < 8; j++) r[j] += D[i + k + j];
    let s = r[0] + r[1] + (r[2] + r[3]) + (r[4] + r[5] + (r[6] + r[7]));
    for (; k < n; k++) s += D[i + k];
    return s;
  }

  it("sums rows in NumPy's order, bit for bit, for row lengths 0..40, strided rows and outputs", () => {
    for (let n = 0; n <= 40; n++) {
      const rows = 5;
      const ri = n + 3;
      const D = Float64Array.from({ length: rows * ri + 2 }, (_, k) => Math.sin(3 * k + 1) * 10 ** ((k % 5) - 2));
      const acc = Float64Array.from({ length: 2 * rows + 1 }, (_, k) => (k % 2 === 1 ? 0.25 : NaN));
      sumRowsF64(acc, 1, 2, D, 2, ri, rows, n);
      for (let r = 0; r < rows; r++) expect(acc[1 + 2 * r]).toBe(0.25 + numpyPairwise(D, 2 + r * ri, n));
      expect(acc[0]).toBeNaN();
    }
  });

  it("gives NumPy's value where a running sum differs: np.full(10, 0.1).sum() is 1.0 (a running sum: 0.9999999999999999)", () => {
    // np.full(10, 0.1).sum() -> 0.9999999999999999; np.full(12, 0.1).sum() -> 1.2000000000000002
    const acc = new Float64Array(2);
    const D = new Float64Array(22).fill(0.1);
    sumRowsF64(acc, 0, 1, D, 0, 10, 1, 10);
    sumRowsF64(acc, 1, 1, D, 10, 12, 1, 12);
    expect(acc[0]).toBe(1);
    expect(acc[1]).toBe(1.2000000000000002);
    let running = 0;
    for (let k = 0; k < 10; k++) running += 0.1;
    expect(running).toBe(0.9999999999999999);
  });

  it("accumulates into one output when rows share it (row step 0)", () => {
    const D = Float64Array.from({ length: 30 }, (_, k) => k);
    const acc = new Float64Array(1);
    sumRowsF64(acc, 0, 0, D, 0, 10, 3, 10);
    expect(acc[0]).toBe(435);
  });
});
