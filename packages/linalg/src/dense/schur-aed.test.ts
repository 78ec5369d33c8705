import * as np from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { normals, rng } from "../../test/corpus.js";
import { eig, eigvals } from "./eig.js";
import { gehd2Fast, orghr } from "./hessenberg.js";
import type { MultishiftOptions } from "./schur-aed.js";
import { hseqr } from "./hseqr.js";
import { schur } from "./schur.js";
import { EPS, normF } from "../../test/column-major.js";

// ------------------------------------------------------------------ column-major helpers

/** C = A·B for n×n column-major matrices (plain triple loop, independent of gemm). */
function mul(n: number, A: Float64Array, B: Float64Array, transB = false): Float64Array {
  const C = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    for (let k = 0; k < n; k++) {
      const b = transB ? B[j + k * n] : B[k + j * n];
      if (b === 0) continue;
      for (let i = 0; i < n; i++) C[i + j * n] += A[i + k * n] * b;
    }
  }
  return C;
}

/** A random orthogonal Q (n×n): the Q of a Hessenberg reduction of a random matrix. */
function randomOrthogonal(n: number, seed: number): Float64Array {
  const Q = normals(rng(seed), n * n);
  const tau = new Float64Array(n);
  gehd2Fast(n, 0, n - 1, Q, n, tau);
  orghr(n, 0, n - 1, Q, n, tau);
  return Q;
}

/** Q·M·Qᵀ for a random orthogonal Q: a dense matrix with M's eigenvalues and conditioning. */
function conjugate(n: number, M: Float64Array, seed: number): Float64Array {
  const Q = randomOrthogonal(n, seed);
  return mul(n, mul(n, Q, M), Q, true);
}

/** The upper Hessenberg form of A (rows/columns ilo..ihi), entries below the subdiagonal zeroed. */
function hessenbergOf(n: number, A: Float64Array, ilo = 0, ihi = n - 1): Float64Array {
  const H = A.slice();
  const tau = new Float64Array(n);
  gehd2Fast(n, ilo, ihi, H, n, tau);
  for (let j = 0; j < n; j++) for (let i = j + 2; i < n; i++) H[i + j * n] = 0;
  return H;
}

interface TestMatrix {
  name: string;
  n: number;
  /** Upper Hessenberg (column-major); triangular outside ilo..ihi. */
  H: Float64Array;
  ilo: number;
  ihi: number;
  /** Known eigenvalues (re, im) and the tolerance for them, when the matrix is built from them. */
  exact?: { re: number[]; im: number[]; tol: number };
  /** Tolerance of the comparison with lahqr's eigenvalues (absolute). */
  tol: number;
}

function random(n: number, seed: number): TestMatrix {
  const H = hessenbergOf(n, normals(rng(seed), n * n));
  return { name: `random n = ${n}`, n, H, ilo: 0, ihi: n - 1, tol: 10 * n * EPS * normF(H) };
}

/** Normal, all eigenvalues complex pairs a ± ib (blocks [a b; −b a]): perfectly conditioned. */
function complexPairs(n: number, seed: number): TestMatrix {
  const rand = rng(seed);
  const M = new Float64Array(n * n);
  const re: number[] = [];
  const im: number[] = [];
  for (let k = 0; k + 1 < n; k += 2) {
    const a = 2 * rand() - 1;
    const b = 0.05 + rand();
    M[k + k * n] = a;
    M[k + 1 + (k + 1) * n] = a;
    M[k + (k + 1) * n] = b;
    M[k + 1 + k * n] = -b;
    re.push(a, a);
    im.push(b, -b);
  }
  const H = hessenbergOf(n, conjugate(n, M, seed + 1));
  const tol = 10 * n * EPS * normF(H);
  return { name: `complex pairs n = ${n}`, n, H, ilo: 0, ihi: n - 1, exact: { re, im, tol }, tol };
}

/**
 * A Jordan block J = λ₀I + N of order m, hidden by an orthogonal similarity. Its eigenvalue is
 * infinitely ill-conditioned: a perturbation of size δ moves the computed eigenvalues to about
 * λ₀ + δ^(1/m)·(roots of unity), so both algorithms are held to that disk (δ = c·m·eps·‖J‖).
 */
function jordan(m: number, seed: number): TestMatrix {
  const lambda0 = 0.5;
  const J = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    J[i + i * m] = lambda0;
    if (i + 1 < m) J[i + (i + 1) * m] = 1;
  }
  const H = hessenbergOf(m, conjugate(m, J, seed));
  const radius = 2 * (100 * m * EPS * normF(J)) ** (1 / m);
  return {
    name: `Jordan block m = ${m}`,
    n: m,
    H,
    ilo: 0,
    ihi: m - 1,
    exact: { re: Array(m).fill(lambda0), im: Array(m).fill(0), tol: radius },
    tol: 2 * radius,
  };
}

/** Normal with tightly clustered eigenvalues 1 + 1e−9·k, and a few far ones: perfectly conditioned. */
function clustered(n: number, seed: number): TestMatrix {
  const M = new Float64Array(n * n);
  const re: number[] = [];
  for (let k = 0; k < n; k++) {
    const lambda = k % 10 === 9 ? -3 - k / n : 1 + 1e-9 * k;
    M[k + k * n] = lambda;
    re.push(lambda);
  }
  const H = hessenbergOf(n, conjugate(n, M, seed));
  const tol = 10 * n * EPS * normF(H);
  return { name: `clustered n = ${n}`, n, H, ilo: 0, ihi: n - 1, exact: { re, im: Array(n).fill(0), tol }, tol };
}

/**
 * The companion matrix of zⁿ − 1 (already Hessenberg: ones below the diagonal, 1 in the top
 * right corner): a cyclic permutation, normal, eigenvalues the n-th roots of unity. A classic
 * stall of the standard shifts (every Rayleigh quotient shift is 0): only exceptional shifts
 * get it going.
 */
function companion(n: number): TestMatrix {
  const H = new Float64Array(n * n);
  for (let i = 1; i < n; i++) H[i + (i - 1) * n] = 1;
  H[(n - 1) * n] = 1;
  const re: number[] = [];
  const im: number[] = [];
  for (let k = 0; k < n; k++) {
    re.push(Math.cos((2 * Math.PI * k) / n));
    im.push(Math.sin((2 * Math.PI * k) / n));
  }
  const tol = 10 * n * EPS * normF(H);
  return { name: `companion of z^n − 1, n = ${n}`, n, H, ilo: 0, ihi: n - 1, exact: { re, im, tol }, tol };
}

/** Upper triangular: every subdiagonal entry is zero, everything deflates at once. */
function triangular(n: number, seed: number): TestMatrix {
  const H = normals(rng(seed), n * n);
  for (let j = 0; j < n; j++) for (let i = j + 1; i < n; i++) H[i + j * n] = 0;
  const re = Array.from({ length: n }, (_, i) => H[i + i * n]);
  return { name: `triangular n = ${n}`, n, H, ilo: 0, ihi: n - 1, exact: { re, im: Array(n).fill(0), tol: 0 }, tol: 0 };
}

/**
 * Graded: A = D·S·D with S random symmetric and D = diag(10^(−8·i/n)), entries from 1 down to
 * 1e−16. Symmetric, so its eigenvalues are perfectly conditioned in the absolute sense.
 */
function graded(n: number, seed: number): TestMatrix {
  const R = normals(rng(seed), n * n);
  const A = new Float64Array(n * n);
  const d = (i: number): number => 10 ** ((-8 * i) / n);
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) A[i + j * n] = d(i) * (R[i + j * n] + R[j + i * n]) * d(j);
  const H = hessenbergOf(n, A);
  return { name: `graded n = ${n}`, n, H, ilo: 0, ihi: n - 1, tol: 10 * n * EPS * normF(H) };
}

/** A random matrix that balancing would leave triangular outside rows/columns ilo..ihi. */
function subBlock(n: number, ilo: number, ihi: number, seed: number): TestMatrix {
  const A = normals(rng(seed), n * n);
  for (let j = 0; j < n; j++) {
    for (let i = j + 1; i < n; i++) {
      const inBlock = i >= ilo && i <= ihi && j >= ilo && j <= ihi;
      if (!inBlock) A[i + j * n] = 0;
    }
  }
  const H = hessenbergOf(n, A, ilo, ihi);
  return { name: `ilo = ${ilo}, ihi = ${ihi} of n = ${n}`, n, H, ilo, ihi, tol: 10 * n * EPS * normF(H) };
}

const cases: TestMatrix[] = [
  random(80, 11),
  random(120, 12),
  random(200, 13),
  random(257, 14),
  complexPairs(150, 21),
  jordan(90, 31),
  clustered(120, 41),
  companion(100),
  triangular(100, 51),
  graded(120, 61),
  subBlock(120, 7, 110, 71),
];

interface Solved {
  T: Float64Array;
  Z: Float64Array;
  wr: Float64Array;
  wi: Float64Array;
}

function solve(c: TestMatrix, multishift: MultishiftOptions): Solved {
  const { n } = c;
  const T = c.H.slice();
  const Z = new Float64Array(n * n);
  for (let i = 0; i < n; i++) Z[i + i * n] = 1;
  const wr = new Float64Array(n);
  const wi = new Float64Array(n);
  expect(hseqr(true, true, n, c.ilo, c.ihi, T, n, wr, wi, Z, n, multishift)).toBe(0);
  return { T, Z, wr, wi };
}

/** Match each computed eigenvalue to the nearest unused reference one; the largest distance. */
function matchDistance(re: ArrayLike<number>, im: ArrayLike<number>, refRe: ArrayLike<number>, refIm: ArrayLike<number>): number {
  const used = new Uint8Array(refRe.length);
  let worst = 0;
  for (let i = 0; i < re.length; i++) {
    let best = Infinity;
    let at = -1;
    for (let j = 0; j < refRe.length; j++) {
      if (used[j]) continue;
      const d = Math.hypot(re[i] - refRe[j], im[i] - refIm[j]);
      if (d < best) {
        best = d;
        at = j;
      }
    }
    used[at] = 1;
    worst = Math.max(worst, best);
  }
  return worst;
}

/** T in real Schur form: zero below the subdiagonal, 2×2 blocks isolated and standard; wr, wi read off T. */
function expectRealSchurForm(n: number, T: Float64Array, wr: Float64Array, wi: Float64Array): void {
  const t = (i: number, j: number): number => T[i + j * n];
  for (let j = 0; j < n; j++) for (let i = j + 2; i < n; i++) expect(Math.abs(t(i, j))).toBe(0);
  for (let i = 0; i < n;) {
    if (i + 1 < n && t(i + 1, i) !== 0) {
      // a 2×2 block [a b; c a], b·c < 0, eigenvalues a ± i·sqrt(−b·c)
      expect(i + 2 < n ? Math.abs(t(i + 2, i + 1)) : 0).toBe(0);
      expect(t(i, i)).toBe(t(i + 1, i + 1));
      expect(Math.sign(t(i, i + 1)) * Math.sign(t(i + 1, i))).toBe(-1);
      expect(wr[i]).toBe(t(i, i));
      expect(wr[i + 1]).toBe(t(i, i));
      expect(wi[i]).toBeGreaterThan(0);
      expect(wi[i + 1]).toBe(-wi[i]);
      i += 2;
    } else {
      expect(wr[i]).toBe(t(i, i));
      expect(wi[i]).toBe(0);
      i += 1;
    }
  }
}

// laqr0 with LAPACK's crossover (75), so that every case here takes the multishift path
const LAQR0: MultishiftOptions = { minOrder: 75 };

const PATHS: [string, MultishiftOptions][] = [
  ["laqr0 (multishift, AED)", LAQR0],
  ["lahqr (double shift, the reference)", { minOrder: Infinity }],
];

describe.each(PATHS)("hseqr by %s: H = Z·T·Zᵀ", (_, multishift) => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const { n } = c;
    const { T, Z, wr, wi } = solve(c, multishift);
    // backward stability: ‖H − Z·T·Zᵀ‖_F ≤ c·n·eps·‖H‖_F, ‖ZᵀZ − I‖_F ≤ c·n·eps
    const R = mul(n, mul(n, Z, T), Z, true);
    for (let e = 0; e < n * n; e++) R[e] -= c.H[e];
    expect(normF(R) / (n * EPS * Math.max(normF(c.H), Number.MIN_VALUE))).toBeLessThan(10);
    const ZtZ = new Float64Array(n * n);
    for (let j = 0; j < n; j++)
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let k = 0; k < n; k++) s += Z[k + i * n] * Z[k + j * n];
        ZtZ[i + j * n] = s - (i === j ? 1 : 0);
      }
    expect(normF(ZtZ) / (n * EPS)).toBeLessThan(10);
    expectRealSchurForm(n, T, wr, wi);
    if (c.exact) {
      const d = matchDistance(wr, wi, c.exact.re, c.exact.im);
      expect(d).toBeLessThanOrEqual(c.exact.tol);
    }
  });
});

describe("laqr0 against lahqr: the same eigenvalues", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const a = solve(c, LAQR0);
    const b = solve(c, { minOrder: Infinity });
    expect(matchDistance(a.wr, a.wi, b.wr, b.wi)).toBeLessThanOrEqual(c.tol);
  });
});

describe("laqr0 on small configurations (more shifts, windows and chase steps per order)", () => {
  const configs: [string, MultishiftOptions][] = [
    ["4 shifts, window 6", { minOrder: 16, shifts: 4, windowSize: 6 }],
    ["6 shifts, window 10, no accumulation", { minOrder: 16, shifts: 6, windowSize: 10, accumulate: false }],
    ["16 shifts, window 20, accumulated", { minOrder: 16, shifts: 16, windowSize: 20, accumulate: true }],
    ["2 shifts, window 2, nibble 0", { minOrder: 16, shifts: 2, windowSize: 2, nibble: 0 }],
  ];
  const small = [random(40, 81), random(97, 82), complexPairs(60, 83), companion(48), clustered(50, 84), jordan(40, 85), subBlock(70, 5, 60, 86)];
  describe.each(configs)("%s", (_, multishift) => {
    it.each(small.map((c) => [c.name, c] as const))("%s", (_name, c) => {
      const { n } = c;
      const { T, Z, wr, wi } = solve(c, multishift);
      const R = mul(n, mul(n, Z, T), Z, true);
      for (let e = 0; e < n * n; e++) R[e] -= c.H[e];
      expect(normF(R) / (n * EPS * normF(c.H))).toBeLessThan(10);
      expectRealSchurForm(n, T, wr, wi);
      const ref = solve(c, { minOrder: Infinity });
      expect(matchDistance(wr, wi, ref.wr, ref.wi)).toBeLessThanOrEqual(c.tol);
    });
  });
});

describe("eigenvalues only (wantt = wantz = false) agree with the Schur form's", () => {
  it.each([random(150, 91), complexPairs(100, 92)].map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const { n } = c;
    const H = c.H.slice();
    const wr = new Float64Array(n);
    const wi = new Float64Array(n);
    expect(hseqr(false, false, n, 0, n - 1, H, n, wr, wi, new Float64Array(1), 1, LAQR0)).toBe(0);
    const full = solve(c, LAQR0);
    expect(matchDistance(wr, wi, full.wr, full.wi)).toBeLessThanOrEqual(c.tol);
  });
});

describe("eig, eigvals, schur: the multishift option", () => {
  const n = 100;
  const a = np.fromTypedArray(normals(rng(101), n * n), [n, n]);
  it("both paths give the same eigenvalues; the options are checked", () => {
    const w1 = eigvals(a, { multishift: { minOrder: 75 } });
    const w2 = eigvals(a, { multishift: { minOrder: Infinity } });
    const parts = (w: np.NDArray) => {
      const d = w.data as Float64Array;
      return { re: Array.from({ length: n }, (_, i) => d[2 * i]), im: Array.from({ length: n }, (_, i) => d[2 * i + 1]) };
    };
    const p1 = parts(w1);
    const p2 = parts(w2);
    expect(matchDistance(p1.re, p1.im, p2.re, p2.im)).toBeLessThan(10 * n * EPS * n);
    const { eigenvalues } = eig(a, { multishift: { shifts: 8 } });
    expect(eigenvalues.shape).toEqual([n]);
    const { T } = schur(a, { multishift: { minOrder: 50 } });
    expect(T.shape).toEqual([n, n]);
    expect(() => eig(a, { multishift: { shifts: 3 } })).toThrow(/eig: multishift.shifts/);
    expect(() => schur(a, { multishift: { minOrder: -1 } })).toThrow(/schur: multishift.minOrder/);
    // not an object, an unknown field, a value that is no number: ValueError naming schur, never a native TypeError
    const small = np.array([
      [1, 2],
      [3, 4],
    ]);
    expect(() => schur(small, { multishift: null as never })).toThrow(/^schur: option multishift must be an object, got null$/);
    expect(() => schur(small, { multishift: 5 as never })).toThrow(/^schur: option multishift must be an object, got 5$/);
    expect(() => schur(small, { multishift: { minorder: 3 } as never })).toThrow(/^schur: option multishift: unknown field "minorder"/);
    expect(() => schur(small, { multishift: { minOrder: Symbol("x") } as never })).toThrow(
      /^schur: multishift.minOrder must be a number >= 0, got Symbol\(x\)$/,
    );
    expect(() => eigvals(small, { multishift: { accumulate: 1 } as never })).toThrow(/^eigvals: multishift.accumulate must be a boolean, got 1$/);
  });
});
