import * as np from "@sliderule/ndarray";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { randomMatrix } from "../../test/corpus.js";
import { gebak, gebal } from "./balance.js";

/** Column-major copy of a real n×n array. */
function colMajor(a: np.NDArray): Float64Array {
  const n = a.shape[0];
  const W = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) W[i + j * n] = a.get(i, j);
  return W;
}

/** P·D as an explicit matrix, from gebal's outputs (apply gebak to the identity). */
function pd(n: number, ilo: number, ihi: number, scale: Float64Array): Float64Array {
  const X = new Float64Array(n * n);
  for (let i = 0; i < n; i++) X[i + i * n] = 1;
  gebak(n, ilo, ihi, scale, n, X, n, false);
  return X;
}

/** C = A·B for column-major n×n. */
function mm(n: number, A: Float64Array, B: Float64Array): Float64Array {
  const C = new Float64Array(n * n);
  for (let j = 0; j < n; j++) for (let p = 0; p < n; p++) for (let i = 0; i < n; i++) C[i + j * n] += A[i + p * n] * B[p + j * n];
  return C;
}

const rowNorm = (n: number, A: Float64Array, i: number, lo: number, hi: number) =>
  Math.hypot(...Array.from({ length: hi - lo + 1 }, (_, j) => A[i + (lo + j) * n]));
const colNorm = (n: number, A: Float64Array, j: number, lo: number, hi: number) =>
  Math.hypot(...Array.from({ length: hi - lo + 1 }, (_, i) => A[lo + i + j * n]));

describe("gebal / gebak", () => {
  it("A·(P·D) = (P·D)·A' exactly: a similarity by a permutation and powers of 2", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.nat(), fc.double({ min: 0, max: 1 }), (n, seed, density) => {
        const a = randomMatrix([n, n], seed);
        // zero some entries (isolated eigenvalues) and spread the magnitudes over 2^±30
        const A = colMajor(a);
        const rand = (k: number) => Math.abs(Math.sin(seed + k * 7.1));
        for (let e = 0; e < n * n; e++) {
          if (rand(e) < density * 0.7) A[e] = 0;
          else A[e] *= 2 ** Math.round(60 * rand(e + 1000) - 30);
        }
        const B = A.slice();
        const scale = new Float64Array(n);
        const { ilo, ihi } = gebal(n, B, n, scale, false);
        expect(ilo).toBeGreaterThanOrEqual(0);
        expect(ihi).toBeLessThan(n);
        const X = pd(n, ilo, ihi, scale);
        // exact: every operation is a swap or a power-of-2 scaling
        const left = mm(n, A, X);
        const right = mm(n, X, B);
        for (let e = 0; e < n * n; e++) expect(Math.abs(left[e] - right[e])).toBeLessThanOrEqual(1e-12 * Math.abs(left[e]) + 1e-300);
        // A' is upper triangular outside rows/columns ilo..ihi
        for (let j = 0; j < n; j++) {
          for (let i = j + 1; i < n; i++) {
            if (j < ilo || i > ihi) expect(B[i + j * n]).toBe(0);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("scaling balances row and column norms of a badly scaled matrix (within a factor ~2)", () => {
    const n = 4;
    const a = randomMatrix([n, n], 3);
    const D = [1, 2 ** 30, 2 ** -20, 2 ** 45];
    const A = colMajor(a);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) A[i + j * n] *= D[i] / D[j];
    const normBefore = Math.hypot(...A);
    const scale = new Float64Array(n);
    const { ilo, ihi } = gebal(n, A, n, scale, false);
    expect([ilo, ihi]).toEqual([0, n - 1]);
    expect(Math.hypot(...A)).toBeLessThan(normBefore * 1e-10);
    for (let i = 0; i < n; i++) {
      const r = rowNorm(n, A, i, 0, n - 1);
      const c = colNorm(n, A, i, 0, n - 1);
      expect(Math.max(r / c, c / r)).toBeLessThan(4.5);
    }
    // every d_i is a power of 2
    for (const d of scale) expect(Number.isInteger(Math.log2(d))).toBe(true);
  });

  it("a triangular matrix is fully isolated (ilo = ihi), an empty one is fine", () => {
    const n = 5;
    const A = new Float64Array(n * n);
    for (let j = 0; j < n; j++) for (let i = 0; i <= j; i++) A[i + j * n] = i + j + 1;
    const scale = new Float64Array(n);
    const { ilo, ihi } = gebal(n, A, n, scale, false);
    expect(ilo).toBe(ihi);
    expect(gebal(0, new Float64Array(0), 0, new Float64Array(0), false)).toEqual({ ilo: 0, ihi: -1 });
  });

  it("complex matrices: the same similarity on interleaved (re, im)", () => {
    const n = 5;
    const re = colMajor(randomMatrix([n, n], 11));
    const im = colMajor(randomMatrix([n, n], 12));
    const A = new Float64Array(2 * n * n);
    for (let e = 0; e < n * n; e++) {
      const s = 2 ** ((e % 7) * 9 - 27);
      A[2 * e] = re[e] * s;
      A[2 * e + 1] = im[e] * s;
    }
    A[2 * (3 + 1 * n)] = A[2 * (3 + 1 * n) + 1] = 0;
    const B = A.slice();
    const scale = new Float64Array(n);
    const { ilo, ihi } = gebal(n, B, n, scale, true);
    // X = P·D is real: check A·X = X·A' on both parts
    const X = pd(n, ilo, ihi, scale);
    for (const part of [0, 1]) {
      const Ap = new Float64Array(n * n).map((_, e) => A[2 * e + part]);
      const Bp = new Float64Array(n * n).map((_, e) => B[2 * e + part]);
      const l = mm(n, Ap, X);
      const r = mm(n, X, Bp);
      for (let e = 0; e < n * n; e++) expect(Math.abs(l[e] - r[e])).toBeLessThanOrEqual(1e-12 * Math.abs(l[e]));
    }
  });
});
