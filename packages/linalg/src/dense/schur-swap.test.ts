import { describe, expect, it } from "vitest";
import { normals, rng } from "../../test/corpus.js";
import { laexc, lasy2, trexc } from "./schur-swap.js";
import { EPS, eye } from "../../test/column-major.js";

/**
 * A random n×n real Schur form: 1×1 blocks and standard 2×2 blocks [a b; c a] (b·c < 0), in a
 * pattern given by `sizes`, random entries above. Column-major.
 */
function quasiTriangular(sizes: number[], seed: number): { n: number; T: Float64Array } {
  const n = sizes.reduce((s, k) => s + k, 0);
  const rand = rng(seed);
  const T = normals(rand, n * n);
  for (let j = 0; j < n; j++) for (let i = j + 1; i < n; i++) T[i + j * n] = 0;
  let i = 0;
  for (const k of sizes) {
    if (k === 2) {
      const a = T[i + i * n];
      T[i + 1 + (i + 1) * n] = a;
      const b = 0.2 + rand();
      T[i + (i + 1) * n] = b;
      T[i + 1 + i * n] = -(0.2 + rand());
    }
    i += k;
  }
  return { n, T };
}

/** The eigenvalues of the blocks of a real Schur form, in order of position (a pair as a ± ib). */
function blockEigenvalues(n: number, T: Float64Array): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < n;) {
    if (i + 1 < n && T[i + 1 + i * n] !== 0) {
      const a = T[i + i * n];
      const w = Math.sqrt(Math.abs(T[i + (i + 1) * n] * T[i + 1 + i * n]));
      out.push([a, w], [a, -w]);
      i += 2;
    } else {
      out.push([T[i + i * n], 0]);
      i += 1;
    }
  }
  return out;
}

function expectStandardForm(n: number, T: Float64Array): void {
  for (let j = 0; j < n; j++) for (let i = j + 2; i < n; i++) expect(Math.abs(T[i + j * n])).toBe(0);
  for (let i = 0; i + 1 < n; i++) {
    if (T[i + 1 + i * n] === 0) continue;
    expect(i + 2 < n ? Math.abs(T[i + 2 + (i + 1) * n]) : 0).toBe(0);
    expect(T[i + i * n] === T[i + 1 + (i + 1) * n], `T[${i}, ${i}] = ${T[i + i * n]}, T[${i + 1}, ${i + 1}] = ${T[i + 1 + (i + 1) * n]}`).toBe(true); // as values (−0 = +0)
    expect(Math.sign(T[i + (i + 1) * n]) * Math.sign(T[i + 1 + i * n])).toBe(-1);
  }
}

/** ‖Q·T_new·Qᵀ − T_old‖_F / (n·eps·‖T_old‖_F) and ‖QᵀQ − I‖_F / (n·eps). */
function ratios(n: number, T0: Float64Array, T: Float64Array, Q: Float64Array): { rec: number; orth: number } {
  let r = 0;
  let t0 = 0;
  let o = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      let q = 0;
      for (let k = 0; k < n; k++) {
        let u = 0;
        for (let l = 0; l < n; l++) u += T[k + l * n] * Q[j + l * n];
        s += Q[i + k * n] * u;
        q += Q[k + i * n] * Q[k + j * n];
      }
      r += (s - T0[i + j * n]) ** 2;
      t0 += T0[i + j * n] ** 2;
      o += (q - (i === j ? 1 : 0)) ** 2;
    }
  }
  return { rec: Math.sqrt(r / t0) / (n * EPS), orth: Math.sqrt(o) / (n * EPS) };
}

describe("lasy2: T11·X − X·T22 = scale·T12", () => {
  it.each([
    [1, 1],
    [1, 2],
    [2, 1],
    [2, 2],
  ])("n1 = %i, n2 = %i", (n1, n2) => {
    const A = normals(rng(7 + 3 * n1 + n2), 16);
    const X = new Float64Array(4);
    // TL at 0 (ld 4), TR at 8 (ld 4), B at 2 (ld 4): disjoint 2×2 corners of a 4×4
    const scale = lasy2(n1, n2, A, 0, 4, 10, 4, 8, 4, X);
    expect(scale).toBe(1);
    let worst = 0;
    let size = 0;
    for (let i = 0; i < n1; i++) {
      for (let j = 0; j < n2; j++) {
        let s = 0;
        for (let k = 0; k < n1; k++) s += A[i + 4 * k] * X[k + j * n1];
        for (let l = 0; l < n2; l++) s -= X[i + l * n1] * A[10 + l + 4 * j];
        worst = Math.max(worst, Math.abs(s - scale * A[8 + i + 4 * j]));
        size = Math.max(size, Math.abs(X[i + j * n1]));
      }
    }
    expect(worst).toBeLessThan(20 * EPS * Math.max(1, size) * 4);
  });
});

describe("laexc: swapping adjacent blocks", () => {
  it.each([
    [1, 1],
    [1, 2],
    [2, 1],
    [2, 2],
  ])("n1 = %i, n2 = %i inside a larger T", (n1, n2) => {
    const { n, T: T0 } = quasiTriangular([1, 2, n1, n2, 1, 2], 100 + 10 * n1 + n2);
    const T = T0.slice();
    const Q = eye(n);
    const j1 = 3;
    const before = blockEigenvalues(n, T0);
    expect(laexc(n, T, n, Q, n, j1, n1, n2)).toBe(0);
    expectStandardForm(n, T);
    const { rec, orth } = ratios(n, T0, T, Q);
    expect(rec).toBeLessThan(10);
    expect(orth).toBeLessThan(10);
    // the eigenvalues of T22 now come first at j1, those of T11 after them
    const after = blockEigenvalues(n, T);
    const moved = before.slice(j1 + n1, j1 + n1 + n2).concat(before.slice(j1, j1 + n1));
    const got = after.slice(j1, j1 + n1 + n2);
    const scale = Math.hypot(...T0);
    for (let k = 0; k < moved.length; k++) {
      expect(Math.abs(got[k][0] - moved[k][0])).toBeLessThan(100 * EPS * scale);
      expect(Math.abs(Math.abs(got[k][1]) - Math.abs(moved[k][1]))).toBeLessThan(100 * EPS * scale);
    }
  });

  it("rejects a swap of two blocks with equal eigenvalues (ill-conditioned) and leaves T alone", () => {
    // [1 b; 0 1] with equal 1×1 blocks swaps fine (a rotation); two equal 2×2 blocks coupled weakly
    // are the ill-conditioned case: the Sylvester equation is singular
    const { n, T: T0 } = quasiTriangular([2, 2], 5);
    T0[2 + 2 * n] = T0[3 + 3 * n] = T0[0];
    T0[2 + 3 * n] = T0[0 + 1 * n];
    T0[3 + 2 * n] = T0[1 + 0 * n];
    const T = T0.slice();
    const Q = eye(n);
    const info = laexc(n, T, n, Q, n, 0, 2, 2);
    if (info === 1) {
      expect(Array.from(T)).toEqual(Array.from(T0));
    } else {
      // the coupling happened to make it solvable: it must then be a correct swap
      const { rec, orth } = ratios(n, T0, T, Q);
      expect(rec).toBeLessThan(10);
      expect(orth).toBeLessThan(10);
    }
  });
});

describe("trexc: moving a block", () => {
  const sizes = [2, 1, 1, 2, 2, 1, 2, 1, 1, 2, 1];
  const cases: [number, number][] = [
    [0, 12],
    [14, 0],
    [3, 9],
    [9, 3],
    [5, 6],
    [16, 1],
    [1, 16],
  ];
  it.each(cases)("from row %i to row %i", (ifst, ilst) => {
    const { n, T: T0 } = quasiTriangular(sizes, 300 + ifst * 17 + ilst);
    const T = T0.slice();
    const Q = eye(n);
    const before = blockEigenvalues(n, T0);
    const r = trexc(n, T, n, Q, n, ifst, ilst);
    expect(r.ok).toBe(true);
    expectStandardForm(n, T);
    const { rec, orth } = ratios(n, T0, T, Q);
    expect(rec).toBeLessThan(10);
    expect(orth).toBeLessThan(10);
    // the moved block's eigenvalue(s) sit at r.ilst now; the multiset is unchanged
    const first = T0[ifst + (ifst - 1) * n] !== 0 && ifst > 0 ? ifst - 1 : ifst;
    const after = blockEigenvalues(n, T);
    const scale = Math.hypot(...T0);
    expect(Math.abs(after[r.ilst][0] - before[first][0])).toBeLessThan(100 * EPS * scale);
    const key = (p: [number, number]) => p[0] * 1e3 + Math.abs(p[1]);
    const a = before.map(key).sort((x, y) => x - y);
    const b = after.map(key).sort((x, y) => x - y);
    for (let k = 0; k < n; k++) expect(Math.abs(a[k] - b[k])).toBeLessThan(1e5 * EPS * scale);
  });
});
