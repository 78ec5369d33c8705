import { describe, expect, it } from "vitest";
import { EIGH_RANGE, maxAbs, rescale, safeScaleFactor, scaleIntoRange, SVD_RANGE } from "./safe-scale.js";

describe("safe-scale", () => {
  it("the ranges are LAPACK's: sqrt(safmin)/eps (dgesdd) and sqrt(safmin/eps) (dsyevd)", () => {
    const safmin = 2.2250738585072014e-308;
    const eps = 2.220446049250313e-16; // dlamch('P')
    expect(SVD_RANGE.lo).toBe(Math.sqrt(safmin) / eps);
    expect(SVD_RANGE.hi).toBe(1 / SVD_RANGE.lo);
    expect(EIGH_RANGE.lo).toBe(Math.sqrt(safmin / eps));
    expect(EIGH_RANGE.hi).toBe(1 / EIGH_RANGE.lo);
  });

  it("leaves in-range, zero and non-finite maxima alone", () => {
    for (const a of [SVD_RANGE.lo, 1, 1e100, SVD_RANGE.hi, 0, Infinity, NaN]) expect(safeScaleFactor(a, SVD_RANGE)).toBe(1);
  });

  it("picks the power of two that lands just inside the range", () => {
    for (const anrm of [5e-324, 2 ** -1074 * 3, 1e-310, 2.2250738585072014e-308, 1e-200, SVD_RANGE.lo / 1.0000001, SVD_RANGE.lo / 2]) {
      const f = safeScaleFactor(anrm, SVD_RANGE);
      expect(Number.isInteger(Math.log2(f))).toBe(true);
      expect(anrm * f).toBeGreaterThanOrEqual(SVD_RANGE.lo);
      expect(anrm * f).toBeLessThan(2 * SVD_RANGE.lo);
    }
    for (const anrm of [1.7976931348623157e308, 1e300, SVD_RANGE.hi * 1.0000001, SVD_RANGE.hi * 2]) {
      const f = safeScaleFactor(anrm, SVD_RANGE);
      expect(Number.isInteger(Math.log2(f))).toBe(true);
      expect(anrm * f).toBeLessThanOrEqual(SVD_RANGE.hi);
      expect(anrm * f).toBeGreaterThan(SVD_RANGE.hi / 2);
    }
  });

  it("scales exactly, and back (real and complex)", () => {
    const x = Float64Array.from([3e-300, -1e-301, 7e-305, 0, 2e-300]);
    const x0 = x.slice();
    const f = scaleIntoRange(x, 1, 3, SVD_RANGE); // entries 1..3 only
    expect(f).toBe(safeScaleFactor(1e-301, SVD_RANGE));
    expect(x[0]).toBe(x0[0]);
    expect(x[4]).toBe(x0[4]);
    for (let i = 1; i < 4; i++) expect(x[i] / f).toBe(x0[i]);
    const z = Float64Array.from([3e300, 4e300, -1e299, 0]); // |z_0| = 5e300
    expect(maxAbs(z, 0, 2, true)).toBeCloseTo(5e300, -290);
    const g = scaleIntoRange(z, 0, 2, EIGH_RANGE, true);
    expect(maxAbs(z, 0, 2, true)).toBeLessThanOrEqual(EIGH_RANGE.hi);
    expect(z[0] / g).toBe(3e300);
    expect(z[2] / g).toBe(-1e299);
    expect(maxAbs(Float64Array.from([1, NaN, 2]), 0, 3)).toBeNaN();
  });

  it("maxAbs: every position of a run (four running maxima and the tail), NaN and ±Inf anywhere, offsets", () => {
    for (let count = 0; count <= 11; count++) {
      for (let at = 0; at < count; at++) {
        const x = Float64Array.from({ length: count + 3 }, (_, i) => Math.sin(i + 1) / 4);
        x[2 + at] = -7;
        expect(maxAbs(x, 2, count)).toBe(7);
        x[2 + at] = NaN;
        expect(maxAbs(x, 2, count)).toBeNaN();
        x[2 + at] = -Infinity;
        expect(maxAbs(x, 2, count)).toBe(Infinity);
      }
      // entries outside [off, off + count) are not read
      const y = new Float64Array(count + 4).fill(NaN).fill(-0.5, 2, 2 + count);
      expect(maxAbs(y, 2, count)).toBe(count === 0 ? 0 : 0.5);
    }
  });
});

describe("rescale", () => {
  it("applies cto/cfrom even when the ratio is not representable", () => {
    const x = Float64Array.from([2 ** -500, -3 * 2 ** -500, 2 ** -600]);
    rescale(x, 0, 2, 2 ** -600, 2 ** 600); // ×2^1200 would overflow as one factor
    expect(x[0]).toBe(2 ** 700);
    expect(x[1]).toBe(-3 * 2 ** 700);
    expect(x[2]).toBe(2 ** -600);
    rescale(x, 0, 2, 2 ** 600, 2 ** -600);
    expect(x[0]).toBe(2 ** -500);
    expect(x[1]).toBe(-3 * 2 ** -500);
    rescale(x, 0, 3, 4, 4);
    expect(Array.from(x)).toEqual([2 ** -500, -3 * 2 ** -500, 2 ** -600]);
  });
});
