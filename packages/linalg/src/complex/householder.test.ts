import { describe, expect, it } from "vitest";
import { normals, rng } from "../../test/corpus.js";
import { zlarfg, zlarfLeft, zlarfRight } from "./householder.js";

const EPS = 2 ** -52;

/** Explicit H = I − tau·v·vᴴ (n×n, column-major interleaved) from the n elements of v (stride 1). */
function explicitH(n: number, v: Float64Array, tr: number, ti: number): Float64Array {
  const H = new Float64Array(2 * n * n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      // v_i·conj(v_j)
      const pr = v[2 * i] * v[2 * j] + v[2 * i + 1] * v[2 * j + 1];
      const pi = v[2 * i + 1] * v[2 * j] - v[2 * i] * v[2 * j + 1];
      const e = 2 * (i + j * n);
      H[e] = (i === j ? 1 : 0) - (tr * pr - ti * pi);
      H[e + 1] = -(tr * pi + ti * pr);
    }
  }
  return H;
}

/** Column-major complex product P = A·B (A m×k, B k×n, both with leading dimension = rows). */
function zmatmul(m: number, k: number, n: number, A: Float64Array, B: Float64Array, conjA = false): Float64Array {
  const P = new Float64Array(2 * m * n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < m; i++) {
      let sr = 0;
      let si = 0;
      for (let l = 0; l < k; l++) {
        // A[i, l] (or conj(A[l, i]) when conjA: Aᴴ)
        const a = conjA ? 2 * (l + i * k) : 2 * (i + l * m);
        const ar = A[a];
        const ai = conjA ? -A[a + 1] : A[a + 1];
        const br = B[2 * (l + j * k)];
        const bi = B[2 * (l + j * k) + 1];
        sr += ar * br - ai * bi;
        si += ar * bi + ai * br;
      }
      P[2 * (i + j * m)] = sr;
      P[2 * (i + j * m) + 1] = si;
    }
  }
  return P;
}

/** max |x_i − y_i| over two interleaved arrays. */
function maxDiff(x: Float64Array, y: Float64Array): number {
  let d = 0;
  for (let i = 0; i < x.length; i++) d = Math.max(d, Math.abs(x[i] - y[i]));
  return d;
}

/** Run zlarfg on a copy of the n complex numbers xs (stride 1); returns v (v[0] = 1), tau, beta. */
function reflect(n: number, xs: Float64Array): { v: Float64Array; tr: number; ti: number; beta: [number, number] } {
  const A = Float64Array.from(xs);
  const [tr, ti] = zlarfg(n, A, 0, 1, 1);
  const beta: [number, number] = [A[0], A[1]];
  A[0] = 1;
  A[1] = 0;
  return { v: A, tr, ti, beta };
}

describe("zlarfg", () => {
  it("matches NumPy on a hand-checkable vector: alpha = 3 + 4i, x = [12i]", () => {
    // /usr/bin/python3: a = 3+4j; x = [12j]; beta = -sign(a.real)·norm([a, *x]) = -13
    //   tau = (beta − a)/beta = (1.2307692307692308+0.3076923076923077j); v[1] = x/(a − beta) = 0.17647059+0.70588235j
    const { v, tr, ti, beta } = reflect(2, Float64Array.from([3, 4, 0, 12]));
    expect(beta).toEqual([-13, 0]);
    expect(tr).toBeCloseTo(1.2307692307692308, 15);
    expect(ti).toBeCloseTo(0.3076923076923077, 15);
    expect(v[2]).toBeCloseTo(48 / 272, 15);
    expect(v[3]).toBeCloseTo(192 / 272, 15);
  });

  it.each([1, 2, 3, 7, 40])("H is unitary to n·eps and Hᴴ·[alpha; x] = [beta; 0] with beta real, |beta| = ‖[alpha; x]‖ (n = %i)", (n) => {
    const xs = normals(rng(100 + n), 2 * n);
    const { v, tr, ti, beta } = reflect(n, xs);
    let norm = 0;
    for (let i = 0; i < 2 * n; i++) norm = Math.hypot(norm, xs[i]);
    // beta real, |beta| = ‖·‖, sign opposite to Re alpha
    expect(beta[1]).toBe(0);
    expect(Math.abs(Math.abs(beta[0]) - norm)).toBeLessThan(4 * EPS * norm);
    expect(Math.sign(beta[0])).toBe(-Math.sign(xs[0]));
    // 1 ≤ Re tau ≤ 2, |tau − 1| ≤ 1
    expect(tr).toBeGreaterThanOrEqual(1);
    expect(tr).toBeLessThanOrEqual(2);
    expect(Math.hypot(tr - 1, ti)).toBeLessThanOrEqual(1 + EPS);
    // HᴴH = I
    const H = explicitH(n, v, tr, ti);
    const HhH = zmatmul(n, n, n, H, H, true);
    const I = new Float64Array(2 * n * n);
    for (let i = 0; i < n; i++) I[2 * (i + i * n)] = 1;
    expect(maxDiff(HhH, I)).toBeLessThan(n * EPS * 4);
    // Hᴴ·[alpha; x] = [beta; 0]
    const y = zmatmul(n, n, 1, H, xs, true);
    const target = new Float64Array(2 * n);
    target[0] = beta[0];
    expect(maxDiff(y, target)).toBeLessThan(4 * n * EPS * norm);
  });

  it("gives tau = 0 (H = I) when x = 0 and alpha is real, and leaves alpha alone", () => {
    const A = Float64Array.from([-3, 0, 0, 0, 0, 0]);
    expect(zlarfg(3, A, 0, 1, 1)).toEqual([0, 0]);
    expect(Array.from(A)).toEqual([-3, 0, 0, 0, 0, 0]);
    expect(zlarfg(0, A, 0, 1, 1)).toEqual([0, 0]);
  });

  it("still rotates a non-real alpha to a real beta when x = 0", () => {
    // alpha = 3 + 4i: beta = −5, tau = (−5 − 3 − 4i)/(−5) = 1.6 + 0.8i, and conj(1 − tau)·alpha = beta
    const A = Float64Array.from([3, 4, 0, 0]);
    const [tr, ti] = zlarfg(2, A, 0, 1, 1);
    expect(A[0]).toBe(-5);
    expect(A[1]).toBe(0);
    expect(tr).toBeCloseTo(1.6, 15);
    expect(ti).toBeCloseTo(0.8, 15);
    const hr = 1 - tr;
    const hi = ti; // conj(1 − tau)
    expect(hr * 3 - hi * 4).toBeCloseTo(-5, 14);
    expect(hr * 4 + hi * 3).toBeCloseTo(0, 14);
  });

  it("reads x with a stride (incx ≠ 1) and touches nothing between", () => {
    const n = 4;
    const inc = 3;
    const xs = normals(rng(7), 2 * n);
    // alpha at element 0, x[k] at element 2 + k·inc, filler (NaN) elsewhere
    const A = new Float64Array(2 * (2 + (n - 1) * inc)).fill(Number.NaN);
    A[0] = xs[0];
    A[1] = xs[1];
    for (let k = 0; k < n - 1; k++) {
      A[2 * (2 + k * inc)] = xs[2 * (k + 1)];
      A[2 * (2 + k * inc) + 1] = xs[2 * (k + 1) + 1];
    }
    const [tr, ti] = zlarfg(n, A, 0, 2, inc);
    const ref = reflect(n, xs);
    expect([tr, ti]).toEqual([ref.tr, ref.ti]);
    expect([A[0], A[1]]).toEqual(ref.beta);
    for (let k = 0; k < n - 1; k++) {
      expect(A[2 * (2 + k * inc)]).toBe(ref.v[2 * (k + 1)]);
      expect(A[2 * (2 + k * inc) + 1]).toBe(ref.v[2 * (k + 1) + 1]);
    }
    for (let e = 0; e < A.length / 2; e++) if (e !== 0 && (e - 2) % inc !== 0) expect(A[2 * e]).toBeNaN();
  });

  it("survives a vector scaled near 2⁻⁵⁰⁰ (Smith's division, no 0/0)", () => {
    const s = 2 ** -500;
    const xs = Float64Array.from([1e-3 * s, 2e-3 * s, 3 * s, -1 * s, 0.5 * s, 2 * s]);
    const { v, tr, ti, beta } = reflect(3, xs);
    expect(Number.isFinite(tr) && Number.isFinite(ti)).toBe(true);
    for (const x of v) expect(Number.isFinite(x)).toBe(true);
    let norm = 0;
    for (const x of xs) norm = Math.hypot(norm, x);
    expect(Math.abs(Math.abs(beta[0]) - norm) / norm).toBeLessThan(4 * EPS);
    const y = zmatmul(3, 3, 1, explicitH(3, v, tr, ti), xs, true);
    expect(Math.abs(y[2]) + Math.abs(y[3]) + Math.abs(y[4]) + Math.abs(y[5])).toBeLessThan(16 * EPS * norm);
  });
});

describe("zlarfLeft / zlarfRight", () => {
  // a general complex tau: the formulas hold for any tau, unitary or not
  const tr = 0.7;
  const ti = -1.3;

  it("zlarfLeft equals the explicit (I − tau·v·vᴴ)·C on a block inside a larger matrix", () => {
    const m = 5;
    const n = 4;
    const ldc = 8;
    const cOff = 2 + ldc; // block starts at (2, 1)
    const vOff = 3;
    const V = normals(rng(11), 2 * (vOff + m));
    const big = normals(rng(12), 2 * ldc * (n + 2));
    const C = Float64Array.from(big);
    zlarfLeft(m, n, V, vOff, tr, ti, C, cOff, ldc);
    const v = V.slice(2 * vOff, 2 * (vOff + m));
    const blk = new Float64Array(2 * m * n);
    for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) for (let c = 0; c < 2; c++) blk[2 * (i + j * m) + c] = big[2 * (cOff + i + j * ldc) + c];
    const want = zmatmul(m, m, n, explicitH(m, v, tr, ti), blk);
    for (let e = 0; e < big.length / 2; e++) {
      const r = (e - cOff + ldc * 10) % ldc;
      const jj = Math.floor((e - cOff - r) / ldc);
      const inside = e >= cOff && r < m && jj >= 0 && jj < n;
      for (let c = 0; c < 2; c++) {
        if (inside) expect(Math.abs(C[2 * e + c] - want[2 * (r + jj * m) + c])).toBeLessThan(64 * EPS);
        else expect(C[2 * e + c]).toBe(big[2 * e + c]);
      }
    }
    expect(Array.from(V)).toEqual(Array.from(normals(rng(11), 2 * (vOff + m)))); // v not modified
  });

  it.each([1, 3])("zlarfRight equals the explicit C·(I − tau·v·vᴴ), v with stride incv = %i", (incv) => {
    const m = 6;
    const n = 5;
    const ldc = 9;
    const cOff = 1 + 2 * ldc;
    const vOff = 2;
    const vals = normals(rng(21), 2 * n);
    // v[j] at element vOff + j·incv, NaN between: the stride must be honoured
    const V = new Float64Array(2 * (vOff + (n - 1) * incv + 1)).fill(Number.NaN);
    for (let j = 0; j < n; j++) {
      V[2 * (vOff + j * incv)] = vals[2 * j];
      V[2 * (vOff + j * incv) + 1] = vals[2 * j + 1];
    }
    const Vcopy = Float64Array.from(V);
    const big = normals(rng(22), 2 * ldc * (n + 3));
    const C = Float64Array.from(big);
    const work = new Float64Array(2 * m + 6).fill(Number.NaN); // larger than needed, dirty
    zlarfRight(m, n, V, vOff, incv, tr, ti, C, cOff, ldc, work);
    const blk = new Float64Array(2 * m * n);
    for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) for (let c = 0; c < 2; c++) blk[2 * (i + j * m) + c] = big[2 * (cOff + i + j * ldc) + c];
    const want = zmatmul(m, n, n, blk, explicitH(n, vals, tr, ti));
    for (let j = 0; j < n + 3; j++) {
      for (let i = 0; i < ldc; i++) {
        const e = i + j * ldc;
        const bi = e - cOff;
        const r = bi - Math.floor(bi / ldc) * ldc;
        const jj = Math.floor(bi / ldc);
        const inside = bi >= 0 && r < m && jj < n;
        for (let c = 0; c < 2; c++) {
          if (inside) expect(Math.abs(C[2 * e + c] - want[2 * (r + jj * m) + c])).toBeLessThan(64 * EPS);
          else expect(C[2 * e + c]).toBe(big[2 * e + c]);
        }
      }
    }
    for (let k = 0; k < V.length; k++) expect(Object.is(V[k], Vcopy[k])).toBe(true);
  });

  it("C·H = (Hᴴ·Cᴴ)ᴴ: zlarfRight with tau agrees with zlarfLeft with conj(tau) on Cᴴ", () => {
    const m = 4;
    const n = 6;
    const v = normals(rng(31), 2 * n);
    v[0] = 1;
    v[1] = 0;
    const C = normals(rng(32), 2 * m * n);
    const Ch = new Float64Array(2 * n * m); // n×m, Ch[j, i] = conj(C[i, j])
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < m; i++) {
        Ch[2 * (j + i * n)] = C[2 * (i + j * m)];
        Ch[2 * (j + i * n) + 1] = -C[2 * (i + j * m) + 1];
      }
    }
    zlarfRight(m, n, v, 0, 1, tr, ti, C, 0, m, new Float64Array(2 * m));
    zlarfLeft(n, m, v, 0, tr, -ti, Ch, 0, n);
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < m; i++) {
        expect(Math.abs(C[2 * (i + j * m)] - Ch[2 * (j + i * n)])).toBeLessThan(32 * EPS);
        expect(Math.abs(C[2 * (i + j * m) + 1] + Ch[2 * (j + i * n) + 1])).toBeLessThan(32 * EPS);
      }
    }
  });

  it("a zlarfg reflector through zlarfLeft gives Hᴴ·[alpha; x] = beta·e_0, and through zlarfRight keeps a row's 2-norm", () => {
    const n = 7;
    const xs = normals(rng(41), 2 * n);
    const { v, tr: t1r, ti: t1i, beta } = reflect(n, xs);
    const C = Float64Array.from(xs); // one column
    zlarfLeft(n, 1, v, 0, t1r, -t1i, C, 0, n);
    expect(Math.abs(C[0] - beta[0])).toBeLessThan(8 * n * EPS * Math.abs(beta[0]));
    for (let i = 1; i < 2 * n; i++) expect(Math.abs(C[i])).toBeLessThan(8 * n * EPS * Math.abs(beta[0]));
    // a row times H keeps its 2-norm (H unitary)
    const row = normals(rng(42), 2 * n);
    let before = 0;
    for (const x of row) before = Math.hypot(before, x);
    zlarfRight(1, n, v, 0, 1, t1r, t1i, row, 0, 1, new Float64Array(2));
    let after = 0;
    for (const x of row) after = Math.hypot(after, x);
    expect(Math.abs(after - before)).toBeLessThan(8 * n * EPS * before);
  });

  it("tau = 0 leaves C exactly as it was (both sides)", () => {
    const v = normals(rng(51), 6);
    const C = normals(rng(52), 18);
    const orig = Float64Array.from(C);
    zlarfLeft(3, 3, v, 0, 0, 0, C, 0, 3);
    zlarfRight(3, 3, v, 0, 1, 0, 0, C, 0, 3, new Float64Array(6));
    expect(Array.from(C)).toEqual(Array.from(orig));
  });
});
