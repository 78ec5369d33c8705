import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { randomComplex, randomMatrix } from "../../test/corpus.js";
import { laln2, trevc, ztrevc, type BackTransform, type Laln2Result } from "./eig-vectors.js";
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
      fc.property(fc.constantFrom(1, 2), fc.constantFrom(1, 2), fc.array(num, { minLength: 4, maxLength: 4 }), fc.array(num, { minLength: 4, maxLength: 4 }), num, num, (na, nw, a, b, wr, wi) => {
        check(na, nw, a, b, wr, nw === 2 ? wi : 0);
      }),
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
