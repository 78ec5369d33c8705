import { describe, expect, it } from "vitest";
import { lartg, lasr, lasrFast, rot } from "./givens.js";

describe("lartg", () => {
  it.each([
    [3, 4],
    [-3, 4],
    [3, -4],
    [1e-300, 1e300],
    [1e300, 1e300],
    [0, -2],
    [5, 0],
    [-2e-160, 3e-160], // below sqrt(safmin): the scaled path
    [1e155, -1e154], // above sqrt(safmax/2)
    [-0.3, 1e-170], // one in range, one not
    [1.5, -2.5], // the direct sqrt(f² + g²)
  ])("[c s; −s c]·[%d; %d] = [r; 0] with c² + s² = 1", (f, g) => {
    const { c, s, r } = lartg(f, g);
    expect(c * c + s * s).toBeCloseTo(1, 15);
    expect(Math.abs(c * f + s * g - r)).toBeLessThanOrEqual(4e-16 * Math.abs(r));
    expect(Math.abs(-s * f + c * g)).toBeLessThanOrEqual(4e-16 * Math.abs(r));
    expect(c).toBeGreaterThanOrEqual(0);
    expect(Math.sign(r)).toBe(f === 0 ? 1 : Math.sign(f));
    expect(Math.abs(Math.abs(r) - Math.hypot(f, g))).toBeLessThanOrEqual(2 ** -52 * Math.abs(r));
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

describe.each([
  { name: "lasr (the reference)", kernel: lasr },
  { name: "lasrFast (the fast twin)", kernel: lasrFast },
])("$name", ({ kernel }) => {
  it.each([
    [true, 0, 3],
    [true, 7, 1],
    [true, 17, 5],
    [false, 8, 4],
    [false, 19, 6],
    [true, 9, 0],
  ])("forward=%s, %i rows, %i rotations: the same as one rot per rotation", (forward, m, k) => {
    const ld = m + 2;
    const Z = Float64Array.from({ length: ld * (k + 1) }, (_, i) => Math.sin(3 * i + 1));
    const C = Float64Array.from({ length: k }, (_, j) => Math.cos(0.4 + j));
    const S = Float64Array.from({ length: k }, (_, j) => Math.sin(0.4 + j));
    const want = Z.slice();
    for (let t = 0; t < k; t++) {
      const j = forward ? t : k - 1 - t;
      rot(m, want, 1 + j * ld, 1, want, 1 + (j + 1) * ld, 1, C[j], S[j]);
    }
    kernel(forward, m, k, C, 0, S, 0, Z, 1, ld);
    for (let i = 0; i < Z.length; i++) expect(Math.abs(Z[i] - want[i])).toBeLessThanOrEqual(8 * 2 ** -52);
  });
});
