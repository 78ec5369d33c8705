import { describe, expect, it } from "vitest";
import { randomComplex } from "../../test/corpus.js";
import { EPS } from "../../test/column-major.js";
import { zgehd2, zunghr } from "./hessenberg.js";
import { cdiv, zlahqr } from "./hessenberg-qr-complex.js";

/** C = A·B (transB: A·Bᴴ) for n×n interleaved column-major complex matrices (plain triple loop). */
function zmul(n: number, A: Float64Array, B: Float64Array, conjTransB = false): Float64Array {
  const C = new Float64Array(2 * n * n);
  for (let j = 0; j < n; j++) {
    for (let k = 0; k < n; k++) {
      const e = conjTransB ? 2 * (j + k * n) : 2 * (k + j * n);
      const br = B[e];
      const bi = conjTransB ? -B[e + 1] : B[e + 1];
      for (let i = 0; i < n; i++) {
        const ar = A[2 * (i + k * n)];
        const ai = A[2 * (i + k * n) + 1];
        C[2 * (i + j * n)] += ar * br - ai * bi;
        C[2 * (i + j * n) + 1] += ar * bi + ai * br;
      }
    }
  }
  return C;
}

/** max |x_e − y_e| over the entries, and the Frobenius norm of x. */
const maxDiff = (x: Float64Array, y: Float64Array) => x.reduce((m, v, e) => Math.max(m, Math.abs(v - y[e])), 0);
const norm = (x: Float64Array) => Math.sqrt(x.reduce((s, v) => s + v * v, 0));

describe("zlahqr: the complex Schur form of a Hessenberg matrix, H = Z·T·Zᴴ", () => {
  it.each([1, 2, 3, 7, 20, 45])("n = %i: T upper triangular, w = diag(T), Z unitary, H reconstructed to n·eps", (n) => {
    // H, Q from the Hessenberg reduction of a random complex matrix (interleaved column-major)
    const a = randomComplex([n, n], 6100 + n).copy();
    const D = a.data as Float64Array;
    const H = new Float64Array(2 * n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let p = 0; p < 2; p++) H[2 * (i + j * n) + p] = D[2 * (i * n + j) + p];
    const tau = new Float64Array(2 * Math.max(n - 1, 1));
    zgehd2(n, 0, n - 1, H, n, tau);
    const Z = H.slice();
    zunghr(n, 0, n - 1, Z, n, tau);
    for (let j = 0; j < n; j++) for (let i = j + 2; i < n; i++) H[2 * (i + j * n)] = H[2 * (i + j * n) + 1] = 0;
    const H0 = H.slice();
    const Z0 = Z.slice();
    const w = new Float64Array(2 * n);
    expect(zlahqr(true, true, n, 0, n - 1, H, n, w, 0, n - 1, Z, n)).toBe(0);
    const T = H;
    for (let j = 0; j < n; j++) for (let i = j + 2; i < n; i++) T[2 * (i + j * n)] = T[2 * (i + j * n) + 1] = 0; // garbage below the subdiagonal
    for (let i = 1; i < n; i++) expect([T[2 * (i + (i - 1) * n)], T[2 * (i + (i - 1) * n) + 1]]).toEqual([0, 0]);
    for (let i = 0; i < n; i++) expect([w[2 * i], w[2 * i + 1]]).toEqual([T[2 * (i + i * n)], T[2 * (i + i * n) + 1]]);
    // Z = Q·Z': Q·H0·Qᴴ = Z·T·Zᴴ, and Z unitary
    const A = zmul(n, zmul(n, Z0, H0), Z0, true);
    const ZTZ = zmul(n, zmul(n, Z, T), Z, true);
    expect(maxDiff(A, ZTZ)).toBeLessThan(20 * n * EPS * Math.max(norm(A), 1));
    const I = new Float64Array(2 * n * n);
    for (let i = 0; i < n; i++) I[2 * (i + i * n)] = 1;
    expect(maxDiff(zmul(n, Z, Z, true), I)).toBeLessThan(20 * n * EPS);
    // eigenvalues only (wantt = wantz = false): the same eigenvalues, to rounding
    const H2 = H0.slice();
    const w2 = new Float64Array(2 * n);
    expect(zlahqr(false, false, n, 0, n - 1, H2, n, w2, 0, 0, new Float64Array(2), 1)).toBe(0);
    const scale = Math.max(norm(H0), 1);
    for (let i = 0; i < n; i++) {
      const d = Math.min(...Array.from({ length: n }, (_, k) => Math.hypot(w2[2 * k] - w[2 * i], w2[2 * k + 1] - w[2 * i + 1])));
      expect(d).toBeLessThan(1e3 * n * EPS * scale);
    }
  });
});

describe("cdiv: complex division (Smith's algorithm)", () => {
  it.each([
    [1, 2, 3, 4, 0.44, 0.08], // (1 + 2i) / (3 + 4i) = 0.44 + 0.08i
    [1, 0, 0, 1, 0, -1], // 1 / i = −i
    [6, -4, 2, 0, 3, -2], // real divisor
    [1e300, 1e300, 1e300, 1e300, 1, 0], // |b|² would overflow
    [1e-300, 0, 0, 1e-300, 0, -1], // |b|² would underflow
  ])("(%d + %di) / (%d + %di) = %d + %di", (ar, ai, br, bi, er, ei) => {
    const [qr, qi] = cdiv(ar, ai, br, bi);
    expect(Math.abs(qr - er)).toBeLessThanOrEqual(4 * EPS * Math.hypot(er, ei));
    expect(Math.abs(qi - ei)).toBeLessThanOrEqual(4 * EPS * Math.hypot(er, ei));
  });
});
