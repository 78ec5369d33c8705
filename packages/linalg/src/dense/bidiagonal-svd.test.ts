import { describe, expect, it } from "vitest";
import { rng } from "../../test/corpus.js";
import { LinAlgError } from "../errors.js";
import { lasr, lasrFast, type RotationKernel } from "../primitives/givens.js";
import { bdsqr, bdsqrFast } from "./bidiagonal-svd.js";
import { colMajor } from "@sliderule/ndarray/kernels";
import { EPS, eye, normF } from "../../test/column-major.js";

// Column-major matrices: element (i, j) of an r×c matrix at X[i + j·r].

/** Test bidiagonals: random, graded (σ spanning 10^−n), with zeros on the diagonal (zero-shift path). */
function bidiagonals(): { name: string; d: Float64Array; e: Float64Array }[] {
  const out: { name: string; d: Float64Array; e: Float64Array }[] = [];
  for (const n of [1, 2, 5, 37, 100]) {
    const r = rng(n);
    out.push({ name: `random ${n}`, d: Float64Array.from({ length: n }, () => 2 * r() - 1), e: Float64Array.from({ length: n - 1 }, () => 2 * r() - 1) });
  }
  out.push({ name: "graded 20", d: Float64Array.from({ length: 20 }, (_, i) => 10 ** -i), e: Float64Array.from({ length: 19 }, (_, i) => 10 ** -i) });
  out.push({ name: "zeros on the diagonal 12", d: Float64Array.from({ length: 12 }, (_, i) => (i % 4 === 1 ? 0 : 1 + i)), e: new Float64Array(11).fill(1) });
  return out;
}

describe.each<{ name: string; rotations: RotationKernel; solve: typeof bdsqr }>([
  { name: "bdsqr, lasr (the reference rotations)", rotations: lasr, solve: bdsqr },
  { name: "bdsqr, lasrFast (the fast twin)", rotations: lasrFast, solve: bdsqr },
  { name: "bdsqrFast (the fast twin), lasrFast", rotations: lasrFast, solve: bdsqrFast },
])("$name", ({ rotations, solve }) => {
  it.each(bidiagonals())("$name: B = U·Σ·Vᵀ, U and V orthogonal, σ descending and non-negative", ({ d: d0, e: e0 }) => {
    const n = d0.length;
    const d = d0.slice();
    const e = e0.slice();
    const U = eye(n);
    const V = eye(n);
    solve(n, d, e, colMajor(U, n, n), colMajor(V, n, n), "test", { rotations });
    for (let i = 0; i < n; i++) expect(d[i]).toBeGreaterThanOrEqual(0);
    // the same singular values as without vectors, to high relative accuracy
    const sigma = d0.slice();
    bdsqr(n, sigma, e0.slice());
    for (let i = 0; i < n; i++) expect(Math.abs(d[i] - sigma[i])).toBeLessThanOrEqual(100 * n * EPS * sigma[i]);
    for (let i = 0; i + 1 < n; i++) expect(d[i]).toBeGreaterThanOrEqual(d[i + 1]);
    // ‖B − U·Σ·Vᵀ‖_F / (n·‖B‖_F·eps)
    let r2 = 0;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let t = 0; t < n; t++) s += U[i + t * n] * d[t] * V[j + t * n];
        const b = i === j ? d0[i] : j === i + 1 ? e0[i] : 0;
        r2 += (b - s) ** 2;
      }
    const normB = Math.sqrt(normF(d0) ** 2 + normF(e0) ** 2);
    expect(Math.sqrt(r2) / (n * normB * EPS)).toBeLessThan(30);
    for (const Q of [U, V]) {
      let o2 = 0;
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          let s = 0;
          for (let t = 0; t < n; t++) s += Q[t + i * n] * Q[t + j * n];
          o2 += (s - (i === j ? 1 : 0)) ** 2;
        }
      expect(Math.sqrt(o2) / (n * EPS)).toBeLessThan(30);
    }
  });

  it("rotates targets of any height the same way: 13 rows (8 + a remainder of 5)", () => {
    const n = 30;
    const r = rng(5);
    const d0 = Float64Array.from({ length: n }, () => r());
    const e0 = Float64Array.from({ length: n - 1 }, () => r());
    const Z0 = Float64Array.from({ length: 13 * n }, () => r());
    // Z·V_B computed directly, against V_B from identity times Z
    const Z = Z0.slice();
    solve(n, d0.slice(), e0.slice(), undefined, colMajor(Z, 13, n), "test", { rotations });
    const V = eye(n);
    solve(n, d0.slice(), e0.slice(), undefined, colMajor(V, n, n), "test", { rotations });
    for (let i = 0; i < 13; i++)
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let t = 0; t < n; t++) s += Z0[i + t * 13] * V[t + j * n];
        expect(Math.abs(Z[i + j * 13] - s)).toBeLessThan(100 * n * EPS);
      }
  });
});

describe("bdsqr: the fast rotations against the reference", () => {
  it("give the same singular values and vectors, to the last bit", () => {
    const n = 64;
    const r = rng(17);
    const d0 = Float64Array.from({ length: n }, () => 2 * r() - 1);
    const e0 = Float64Array.from({ length: n - 1 }, () => 2 * r() - 1);
    const run = (rotations: RotationKernel) => {
      const [d, U, V] = [d0.slice(), eye(n), eye(n)];
      bdsqr(n, d, e0.slice(), colMajor(U, n, n), colMajor(V, n, n), "test", { rotations });
      return [d, U, V];
    };
    const [a, b] = [run(lasr), run(lasrFast)];
    for (let p = 0; p < 3; p++) for (let i = 0; i < a[p].length; i++) expect(Math.abs(a[p][i] - b[p][i])).toBe(0);
  });
});

describe("bdsqr: noConvergence", () => {
  it("stops after maxSweeps sweeps with LinAlgError kind noConvergence, never looping forever", () => {
    const n = 10;
    const r = rng(3);
    const d = Float64Array.from({ length: n }, () => 1 + r());
    const e = Float64Array.from({ length: n - 1 }, () => 1 + r());
    let error: unknown;
    try {
      bdsqr(n, d, e, undefined, undefined, "svd", { maxSweeps: 1 });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(LinAlgError);
    expect((error as LinAlgError).kind).toBe("noConvergence");
    expect((error as LinAlgError).message).toMatch(/^svd: SVD did not converge/);
  });
});

describe("bdsqr: shifts change the speed, never the result", () => {
  it("a run stalled by useless shifts, continued by plain bdsqr (bdsqrFast's fallback), is a correct SVD", () => {
    const n = 37;
    const r = rng(9);
    const d0 = Float64Array.from({ length: n }, () => 2 * r() - 1);
    const e0 = Float64Array.from({ length: n - 1 }, () => 2 * r() - 1);
    const [d, e, U, V] = [d0.slice(), e0.slice(), eye(n), eye(n)];
    const targets = [colMajor(U, n, n), colMajor(V, n, n)] as const;
    expect(() => bdsqr(n, d, e, ...targets, "test", { shifts: Float64Array.of(0.5, 1e3), maxSweeps: 4 * n })).toThrow(LinAlgError);
    bdsqr(n, d, e, ...targets, "test");
    const sigma = d0.slice();
    bdsqr(n, sigma, e0.slice());
    for (let i = 0; i < n; i++) expect(Math.abs(d[i] - sigma[i])).toBeLessThanOrEqual(100 * n * EPS * sigma[i]);
    // ‖B − U·Σ·Vᵀ‖_F / (n·‖B‖_F·eps)
    let r2 = 0;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let t = 0; t < n; t++) s += U[i + t * n] * d[t] * V[j + t * n];
        r2 += ((i === j ? d0[i] : j === i + 1 ? e0[i] : 0) - s) ** 2;
      }
    expect(Math.sqrt(r2) / (n * Math.sqrt(normF(d0) ** 2 + normF(e0) ** 2) * EPS)).toBeLessThan(30);
  });
});
