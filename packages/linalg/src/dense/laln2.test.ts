/**
 * laln2 (laln2.ts, LAPACK dlaln2): (A − w·I)·X = scale·B for 1×1 and 2×2 blocks, real and
 * complex shifts. Each solve is checked by its residual, |(A − w·I)·x − scale·b| below
 * 16·eps times the magnitudes involved, on random blocks (property), on a singular block
 * (perturbed to smin instead of dividing by zero) and on huge B against tiny A (scale < 1 keeps
 * X finite). Moved from eig-vectors.test.ts with laln2 itself.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { laln2, type Laln2Result } from "./laln2.js";

const EPS = 2 ** -52;

describe("laln2: (A − w·I)·X = scale·B for 1×1 and 2×2 blocks", () => {
  const out: Laln2Result = { x: new Float64Array(4), scale: 1, xnorm: 0 };

  /** Residual of the solve, complex w = wr + i·wi, relative to the data. */
  function check(na: number, nw: number, a: number[], b: number[], wr: number, wi: number): void {
    const T = new Float64Array(4);
    T.set(a); // column-major [a11, a21, a12, a22]
    laln2(na, nw, 1e-300, T, 0, 2, b[0], b[1], b[2], b[3], wr, wi, out);
    const x = out.x;
    expect(out.scale).toBeGreaterThan(0);
    expect(out.scale).toBeLessThanOrEqual(1);
    for (let i = 0; i < na; i++) {
      // row i of (A − w·I)·X, X = xr + i·xi with xr = x[0..1], xi = x[2..3]
      let rr = -(wr * x[i]) + wi * (nw === 2 ? x[2 + i] : 0);
      let ri = nw === 2 ? -(wr * x[2 + i]) - wi * x[i] : 0;
      for (let k = 0; k < na; k++) {
        rr += T[i + 2 * k] * x[k];
        if (nw === 2) ri += T[i + 2 * k] * x[2 + k];
      }
      const scale = (Math.hypot(...a, wr, wi) + 1) * (out.xnorm + 1);
      expect(Math.abs(rr - out.scale * b[i])).toBeLessThan(16 * EPS * scale);
      if (nw === 2) expect(Math.abs(ri - out.scale * b[2 + i])).toBeLessThan(16 * EPS * scale);
    }
  }

  it("property: random blocks, shifts and right-hand sides", () => {
    const num = fc.double({ min: -5, max: 5, noNaN: true });
    fc.assert(
      fc.property(
        fc.constantFrom(1, 2),
        fc.constantFrom(1, 2),
        fc.array(num, { minLength: 4, maxLength: 4 }),
        fc.array(num, { minLength: 4, maxLength: 4 }),
        num,
        num,
        (na, nw, a, b, wr, wi) => {
          check(na, nw, a, b, wr, nw === 2 ? wi : 0);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("a singular block is perturbed to smin instead of dividing by zero", () => {
    const T = new Float64Array([2, 0, 0, 2]);
    laln2(2, 1, 1e-10, T, 0, 2, 1, 1, 0, 0, 2, 0, out);
    expect(Number.isFinite(out.x[0]) && Number.isFinite(out.x[1])).toBe(true);
    expect(out.xnorm).toBeGreaterThan(1e9);
  });

  // huge B against a tiny C: every (na, nw) stage must choose scale < 1 so that X stays
  // finite, and still solve C·X = scale·B to working accuracy (the rescaling branches)
  it.each([
    { na: 1, nw: 1, a: [1e-300, 0, 0, 0], wi: 0 },
    { na: 1, nw: 2, a: [1e-300, 0, 0, 0], wi: 1e-300 },
    { na: 2, nw: 1, a: [1e-300, 0, 0, 1e-300], wi: 0 },
    { na: 2, nw: 2, a: [1e-300, 0, 2e-300, 1e-300], wi: 1e-300 },
    { na: 2, nw: 2, a: [1e-300, 3e-300, 0, 0], wi: 1e-300 },
  ])("overflow is avoided by scale < 1: na = $na, nw = $nw, A = $a", ({ na, nw, a, wi }) => {
    const T = new Float64Array(a);
    const b = [1e300, -1e300, 5e299, 1e300];
    laln2(na, nw, 0, T, 0, 2, b[0], b[1], b[2], b[3], 0, wi, out);
    const x = out.x;
    expect(out.scale).toBeGreaterThan(0);
    expect(out.scale).toBeLessThan(1);
    for (let k = 0; k < 2 * nw; k++) if (k % 2 < na) expect(Number.isFinite(x[k])).toBe(true);
    for (let i = 0; i < na; i++) {
      // row i of (A − i·wi·I)·X against scale·B, relative to the magnitudes involved
      let rr = nw === 2 ? wi * x[2 + i] : 0;
      let ri = nw === 2 ? -wi * x[i] : 0;
      let mag = Math.abs(rr) + Math.abs(ri) + out.scale * (Math.abs(b[i]) + Math.abs(b[2 + i]));
      for (let k = 0; k < na; k++) {
        rr += T[i + 2 * k] * x[k];
        if (nw === 2) ri += T[i + 2 * k] * x[2 + k];
        mag += Math.abs(T[i + 2 * k]) * (Math.abs(x[k]) + (nw === 2 ? Math.abs(x[2 + k]) : 0));
      }
      expect(Math.abs(rr - out.scale * b[i])).toBeLessThanOrEqual(16 * EPS * mag);
      if (nw === 2) expect(Math.abs(ri - out.scale * b[2 + i])).toBeLessThanOrEqual(16 * EPS * mag);
    }
  });
});
