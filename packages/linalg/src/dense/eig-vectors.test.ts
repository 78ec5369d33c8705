import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { randomComplex, randomMatrix } from "../../test/corpus.js";
import { trevc, ztrevc, type BackTransform } from "./eig-vectors.js";
import { gehd2, orghr, zgehd2, zunghr } from "./hessenberg.js";
import { hseqr, zhseqr } from "./hseqr.js";

const EPS = 2 ** -52;

/** Real Schur form T and vectors Z of a random n×n matrix (column-major), optionally with repeated eigenvalues. */
function realSchur(n: number, seed: number, integers = false): { T: Float64Array; Z: Float64Array; A: Float64Array; wr: Float64Array; wi: Float64Array } {
  const a = randomMatrix([n, n], seed);
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) A[i + j * n] = integers ? Math.round(a.get(i, j)) : a.get(i, j);
  const T = A.slice();
  const tau = new Float64Array(Math.max(n - 1, 1));
  gehd2(n, 0, n - 1, T, n, tau);
  const Z = T.slice();
  orghr(n, 0, n - 1, Z, n, tau);
  const wr = new Float64Array(n);
  const wi = new Float64Array(n);
  expect(hseqr(true, true, n, 0, n - 1, T, n, wr, wi, Z, n)).toBe(0);
  return { T, Z, A, wr, wi };
}

/** max_j ‖A·v_j − λ_j·v_j‖ / (n·‖A‖_F·eps·‖v_j‖) for the real layout of trevc's output. */
function residual(n: number, A: Float64Array, V: Float64Array, wr: Float64Array, wi: Float64Array): number {
  const an = Math.hypot(...A) || 1;
  let worst = 0;
  for (let j = 0; j < n; j++) {
    // v = vr + i·vi
    const pairFirst = wi[j] > 0;
    const pairSecond = wi[j] < 0;
    const reCol = pairSecond ? j - 1 : j;
    const imCol = pairFirst ? j + 1 : pairSecond ? j : -1;
    const sign = pairSecond ? -1 : 1;
    const vr = (i: number) => V[i + reCol * n];
    const vi = (i: number) => (imCol < 0 ? 0 : sign * V[i + imCol * n]);
    let r = 0;
    let vn = 0;
    for (let i = 0; i < n; i++) {
      let sr = 0;
      let si = 0;
      for (let k = 0; k < n; k++) {
        sr += A[i + k * n] * vr(k);
        si += A[i + k * n] * vi(k);
      }
      r = Math.hypot(r, sr - (wr[j] * vr(i) - wi[j] * vi(i)), si - (wr[j] * vi(i) + wi[j] * vr(i)));
      vn = Math.hypot(vn, vr(i), vi(i));
    }
    worst = Math.max(worst, r / (n * an * EPS * vn));
  }
  return worst;
}

describe.each<{ mode: BackTransform }>([{ mode: "gemm" }, { mode: "gemv" }])("trevc, back-transformation by $mode", ({ mode }) => {
  it.each([1, 2, 3, 7, 16, 45])("A·v = λ·v for a random %i×%i matrix, largest component ±1", (n) => {
    const { T, Z, A, wr, wi } = realSchur(n, 1000 + n);
    const V = Z.slice();
    trevc(n, T, n, V, n, mode);
    expect(residual(n, A, V, wr, wi)).toBeLessThan(30);
    // dtrevc's scaling: max |re| + |im| over each vector is 1
    for (let j = 0; j < n; j++) {
      const pair = wi[j] !== 0;
      let emax = 0;
      for (let i = 0; i < n; i++) emax = Math.max(emax, Math.abs(V[i + j * n]) + (pair ? Math.abs(V[i + (j + (wi[j] > 0 ? 1 : -1)) * n]) : 0));
      expect(Math.abs(emax - 1)).toBeLessThan(1e-14);
    }
  });

  it("property: integer matrices (repeated eigenvalues, singular blocks perturbed to smin)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.nat(), (n, seed) => {
        const { T, Z, A, wr, wi } = realSchur(n, seed, true);
        const V = Z.slice();
        trevc(n, T, n, V, n, mode);
        for (const x of V) expect(Number.isFinite(x)).toBe(true);
        expect(residual(n, A, V, wr, wi)).toBeLessThan(30);
      }),
      { numRuns: 80 },
    );
  });

  it("the eigenvectors of T itself (Z = I) are upper quasi-triangular", () => {
    const n = 12;
    const { T } = realSchur(n, 5);
    const V = new Float64Array(n * n);
    for (let i = 0; i < n; i++) V[i + i * n] = 1;
    trevc(n, T, n, V, n, mode);
    for (let j = 0; j < n; j++) {
      const last = j + 1 < n && T[j + 1 + j * n] !== 0 ? j + 1 : j;
      for (let i = last + 1; i < n; i++) expect(V[i + j * n]).toBe(0);
    }
  });
});

describe("ztrevc", () => {
  it.each([1, 2, 5, 20])("A·v = λ·v for a random complex %i×%i matrix", (n) => {
    const a = randomComplex([n, n], 2000 + n);
    const A = new Float64Array(2 * n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        A[2 * (i + j * n)] = (a.data as Float64Array)[2 * (i * n + j)];
        A[2 * (i + j * n) + 1] = (a.data as Float64Array)[2 * (i * n + j) + 1];
      }
    }
    const T = A.slice();
    const tau = new Float64Array(2 * Math.max(n - 1, 1));
    zgehd2(n, 0, n - 1, T, n, tau);
    const Z = T.slice();
    zunghr(n, 0, n - 1, Z, n, tau);
    const w = new Float64Array(2 * n);
    expect(zhseqr(true, true, n, 0, n - 1, T, n, w, Z, n)).toBe(0);
    ztrevc(n, T, n, Z, n);
    const an = Math.hypot(...A);
    for (let j = 0; j < n; j++) {
      let r = 0;
      for (let i = 0; i < n; i++) {
        let sr = 0;
        let si = 0;
        for (let k = 0; k < n; k++) {
          const ar = A[2 * (i + k * n)];
          const ai = A[2 * (i + k * n) + 1];
          const vr = Z[2 * (k + j * n)];
          const vi = Z[2 * (k + j * n) + 1];
          sr += ar * vr - ai * vi;
          si += ar * vi + ai * vr;
        }
        const vr = Z[2 * (i + j * n)];
        const vi = Z[2 * (i + j * n) + 1];
        r = Math.hypot(r, sr - (w[2 * j] * vr - w[2 * j + 1] * vi), si - (w[2 * j] * vi + w[2 * j + 1] * vr));
      }
      expect(r / (n * an * EPS)).toBeLessThan(30);
    }
  });
});
