import { describe, expect, it } from "vitest";
import { normals, rng } from "../../test/corpus.js";
import { colMajor, T as transposed } from "@sliderule/ndarray/kernels";
import { larfb, larfg, larfLeft, larfRight, larft, nrm2 } from "./householder.js";

const EPS = 2 ** -52;

describe("nrm2", () => {
  it("is the 2-norm, without overflow or underflow", () => {
    expect(nrm2(2, Float64Array.from([3, 4]), 0, 1)).toBe(5);
    expect(nrm2(2, Float64Array.from([3e200, 4e200]), 0, 1)).toBeCloseTo(5e200, -190);
    expect(nrm2(2, Float64Array.from([3e-200, 4e-200]), 0, 1) / 5e-200).toBeCloseTo(1, 14);
    expect(nrm2(3, Float64Array.from([1, 9, 2, 9, 2]), 0, 2)).toBeCloseTo(3, 15);
    expect(nrm2(0, new Float64Array(0), 0, 1)).toBe(0);
  });
});

describe("larfg", () => {
  it.each([1, 2, 5, 40])("H·[alpha; x] = [beta; 0] with |beta| = ‖[alpha; x]‖ (n = %i)", (n) => {
    const x = normals(rng(n), n);
    const orig = Float64Array.from(x);
    const tau = larfg(n, x, 0, 1, 1);
    const beta = x[0];
    // v = [1; x[1:]]; apply H = I − tau·v·vᵀ to the original vector
    const v = Float64Array.from(x);
    v[0] = 1;
    let vTa = 0;
    for (let i = 0; i < n; i++) vTa += v[i] * orig[i];
    const norm = Math.hypot(...orig);
    for (let i = 0; i < n; i++) {
      const hi = orig[i] - tau * v[i] * vTa;
      expect(Math.abs(hi - (i === 0 ? beta : 0))).toBeLessThan(10 * n * EPS * norm);
    }
    if (n > 1) {
      expect(Math.abs(Math.abs(beta) - norm)).toBeLessThan(10 * EPS * norm);
      expect(tau).toBeGreaterThanOrEqual(1);
      expect(tau).toBeLessThanOrEqual(2);
    }
  });

  it("gives tau = 0 (H = I) when x is already zero", () => {
    const x = Float64Array.from([-3, 0, 0]);
    expect(larfg(3, x, 0, 1, 1)).toBe(0);
    expect(x[0]).toBe(-3);
  });

  it("survives tiny vectors (the rescaling loop)", () => {
    const x = Float64Array.from([1e-310, 2e-310]);
    const tau = larfg(2, x, 0, 1, 1);
    expect(Number.isFinite(tau)).toBe(true);
    expect(Math.abs(x[0]) / Math.hypot(1e-310, 2e-310)).toBeCloseTo(1, 5);
  });
});

describe("larfLeft / larfRight", () => {
  it("C·H equals (H·Cᵀ)ᵀ", () => {
    const m = 4;
    const n = 6;
    const v = normals(rng(1), n);
    v[0] = 1;
    const tau = 2 / v.reduce((s, x) => s + x * x, 0);
    const C = normals(rng(2), m * n); // m×n column-major
    const Ct = new Float64Array(n * m); // its transpose, n×m column-major
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) Ct[j + i * n] = C[i + j * m];
    larfRight(m, n, v, 0, 1, tau, C, 0, m, new Float64Array(m));
    larfLeft(n, m, v, 0, 1, tau, Ct, 0, n);
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) expect(Math.abs(C[i + j * m] - Ct[j + i * n])).toBeLessThan(1e-14);
  });
});

describe("larft + larfb (the WY form)", () => {
  it.each([false, true])("I − V·T·Vᵀ applies the reflectors in sequence (transpose %s)", (transpose) => {
    const m = 12;
    const k = 4;
    const n = 5;
    // k reflectors from larfg on the columns of a random m×k matrix (as geqr2 would store them)
    const V = normals(rng(3), m * k);
    const tau = new Float64Array(k);
    for (let j = 0; j < k; j++) tau[j] = larfg(m - j, V, j + j * m, j + 1 + j * m, 1);
    const T = new Float64Array(k * k);
    larft(m, k, V, 0, m, tau, 0, T, 0, k);
    const C0 = normals(rng(4), m * n);
    const C1 = Float64Array.from(C0);
    const Tk = colMajor(T, k, k);
    larfb(colMajor(V, m, k), transpose ? transposed(Tk) : Tk, colMajor(C1, m, n));
    // H = H_0···H_{k−1}: H·C applies H_{k−1} first; Hᵀ·C applies H_0 first
    const C2 = Float64Array.from(C0);
    for (let s = 0; s < k; s++) {
      const j = transpose ? s : k - 1 - s;
      const v = new Float64Array(m);
      v[j] = 1;
      for (let i = j + 1; i < m; i++) v[i] = V[i + j * m];
      larfLeft(m, n, v, 0, 1, tau[j], C2, 0, m);
    }
    for (let i = 0; i < m * n; i++) expect(Math.abs(C1[i] - C2[i])).toBeLessThan(1e-13);
  });
});
