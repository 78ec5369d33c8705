import { describe, expect, it } from "vitest";
import { rng } from "../../test/corpus.js";
import { orgtr, ormtr, sytd2, sytrd } from "./tridiagonalize.js";
import { EPS, HAS_RESIDENT, inResident, maxAbsDiff, normF } from "../../test/column-major.js";

// Column-major n×n matrices: element (i, j) at X[i + j·n].

/** A symmetric random matrix whose strict upper triangle holds NaN: only the lower one may be read. */
function symmetricLower(n: number, seed: number): { A: Float64Array; full: Float64Array } {
  const r = rng(seed);
  const full = new Float64Array(n * n);
  for (let j = 0; j < n; j++) for (let i = j; i < n; i++) full[i + j * n] = full[j + i * n] = 2 * r() - 1;
  const A = full.map((x, p) => (p % n < Math.floor(p / n) ? NaN : x));
  return { A, full };
}

/** C = op(A)·op(B), n×n, by a triple loop. */
function mul(A: Float64Array, tA: boolean, B: Float64Array, tB: boolean, n: number): Float64Array {
  const C = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let t = 0; t < n; t++) s += (tA ? A[t + i * n] : A[i + t * n]) * (tB ? B[j + t * n] : B[t + j * n]);
      C[i + j * n] = s;
    }
  return C;
}

type Reduce = (n: number, A: Float64Array, d: Float64Array, e: Float64Array, tau: Float64Array) => void;

describe.each<{ name: string; run: Reduce }>([
  { name: "sytd2 (the spec)", run: (n, A, d, e, tau) => sytd2(n, A, 0, n, d, e, tau) },
  { name: "sytrd nb=3", run: (n, A, d, e, tau) => sytrd(n, A, 0, n, d, e, tau, 3) },
  { name: "sytrd nb=8", run: (n, A, d, e, tau) => sytrd(n, A, 0, n, d, e, tau, 8) },
])("tridiagonalisation, $name", ({ run }) => {
  it.each([1, 2, 3, 7, 30, 45])("n = %i: A = Q·T·Qᵀ, Q orthogonal, T tridiagonal, upper triangle never read", (n) => {
    const { A, full } = symmetricLower(n, 31 + n);
    const d = new Float64Array(n);
    const e = new Float64Array(Math.max(n - 1, 0));
    const tau = new Float64Array(Math.max(n - 1, 0));
    run(n, A, d, e, tau);
    for (const x of [...d, ...e, ...tau]) expect(Number.isFinite(x)).toBe(true);
    const Q = new Float64Array(n * n);
    orgtr(n, A, 0, n, tau, Q, 0, n, 4);
    const T = new Float64Array(n * n);
    for (let i = 0; i < n; i++) T[i + i * n] = d[i];
    for (let i = 0; i + 1 < n; i++) T[i + 1 + i * n] = T[i + (i + 1) * n] = e[i];
    // ‖A − Q·T·Qᵀ‖_F / (n·‖A‖_F·eps)
    const F = mul(mul(Q, false, T, false, n), false, Q, true, n);
    expect(normF(full.map((x, i) => x - F[i])) / (n * normF(full) * EPS)).toBeLessThan(30);
    // ‖QᵀQ − I‖_F / (n·eps)
    const G = mul(Q, true, Q, false, n);
    for (let i = 0; i < n; i++) G[i + i * n] -= 1;
    expect(normF(G) / (n * EPS)).toBeLessThan(30);
    // Qᵀ·A·Q is tridiagonal: nothing beyond the first off-diagonals
    const Tx = mul(mul(Q, true, full, false, n), false, Q, false, n);
    let off = 0;
    for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) if (Math.abs(i - j) > 1) off = Math.max(off, Math.abs(Tx[i + j * n]));
    expect(off / (n * normF(full) * EPS)).toBeLessThan(30);
  });
});

describe("ormtr", () => {
  it.each([
    [1, 4],
    [2, 4],
    [7, 3],
    [30, 4],
    [45, 16],
    [45, 64],
  ])("n = %i, nb = %i: Q·C without forming Q equals orgtr's Q times C", (n, nb) => {
    const { A } = symmetricLower(n, 90 + n);
    const d = new Float64Array(n);
    const e = new Float64Array(Math.max(n - 1, 0));
    const tau = new Float64Array(Math.max(n - 1, 0));
    sytrd(n, A, 0, n, d, e, tau, 8);
    const Q = new Float64Array(n * n);
    orgtr(n, A, 0, n, tau, Q, 0, n, 4);
    const r = rng(n);
    const C = Float64Array.from({ length: n * n }, () => 2 * r() - 1);
    const expected = mul(Q, false, C, false, n);
    ormtr(n, n, A, 0, n, tau, C, 0, n, nb);
    expect(normF(C.map((x, i) => x - expected[i])) / (n * normF(expected) * EPS)).toBeLessThan(30);
  });
});

describe("sytrd on resident memory", () => {
  it.skipIf(!HAS_RESIDENT)("on a resident A (latrd's products on the SIMD gemv and symv) agrees with sytd2 to rounding: n = 130, nb = 32", () => {
    const n = 130;
    const { A: A0, full } = symmetricLower(n, 77);
    const reduce = (resident: boolean) => {
      const A = A0.slice();
      const [d, e, tau] = [new Float64Array(n), new Float64Array(n - 1), new Float64Array(n - 1)];
      if (resident) expect(inResident([A], ([R]) => sytrd(n, R, 0, n, d, e, tau, 32))).toBe(true);
      else sytd2(n, A, 0, n, d, e, tau);
      // the lower triangle only: the strict upper one is NaN, never read nor written
      for (let j = 0; j < n; j++) for (let i = 0; i < j; i++) expect(A[i + j * n]).toBeNaN();
      return [A.filter((_, p) => p % n >= Math.floor(p / n)), d, e, tau];
    };
    const [blocked, spec] = [reduce(true), reduce(false)];
    // every output (the reflectors in A's lower triangle, d, e, tau) to 10·n·eps·‖A‖_F: blocked
    // and unblocked differ by up to 200 eps·‖A‖_F here (relaxed SIMD's fused multiply-adds)
    const tol = 10 * n * EPS * normF(full);
    blocked.forEach((x, k) => expect(maxAbsDiff(x, spec[k])).toBeLessThan(tol));
  });
});
