import { describe, expect, it } from "vitest";
import { rng } from "../../test/corpus.js";
import { gebd2, gebrd, orgbrP, orgbrQ } from "./bidiagonalize.js";
import { gebd2Fast, gebrdFast } from "./bidiagonalize-fast.js";
import { EPS, HAS_RESIDENT, inResident, maxAbsDiff, normF } from "../../test/column-major.js";

// Column-major helpers: element (i, j) of an r×c matrix at X[i + j·r].

function random(m: number, n: number, seed: number): Float64Array {
  const r = rng(seed);
  return Float64Array.from({ length: m * n }, () => 2 * r() - 1);
}

/** C = op(A)·op(B) by a triple loop (independent of the gemm kernel). */
function mul(
  A: Float64Array,
  ar: number,
  ac: number,
  tA: boolean,
  B: Float64Array,
  br: number,
  bc: number,
  tB: boolean,
): { C: Float64Array; rows: number; cols: number } {
  const [m, k] = tA ? [ac, ar] : [ar, ac];
  const n = tB ? br : bc;
  const C = new Float64Array(m * n);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let t = 0; t < k; t++) s += (tA ? A[t + i * ar] : A[i + t * ar]) * (tB ? B[j + t * br] : B[t + j * br]);
      C[i + j * m] = s;
    }
  return { C, rows: m, cols: n };
}

/** ‖QᵀQ − I‖_F / (rows·eps) for the rows×cols Q. */
function orthogonalityRatio(Q: Float64Array, rows: number, cols: number): number {
  const { C } = mul(Q, rows, cols, true, Q, rows, cols, false);
  for (let i = 0; i < cols; i++) C[i + i * cols] -= 1;
  return normF(C) / (Math.max(rows, 1) * EPS);
}

describe.each([
  {
    name: "gebd2 (the spec)",
    run: (m: number, n: number, A: Float64Array, d: Float64Array, e: Float64Array, tq: Float64Array, tp: Float64Array) => gebd2(m, n, A, 0, m, d, e, tq, tp),
  },
  {
    name: "gebrd nb=3",
    run: (m: number, n: number, A: Float64Array, d: Float64Array, e: Float64Array, tq: Float64Array, tp: Float64Array) => gebrd(m, n, A, 0, m, d, e, tq, tp, 3),
  },
  {
    name: "gebrd nb=8",
    run: (m: number, n: number, A: Float64Array, d: Float64Array, e: Float64Array, tq: Float64Array, tp: Float64Array) => gebrd(m, n, A, 0, m, d, e, tq, tp, 8),
  },
  {
    name: "gebd2Fast (the fused twin)",
    run: (m: number, n: number, A: Float64Array, d: Float64Array, e: Float64Array, tq: Float64Array, tp: Float64Array) =>
      gebd2Fast(m, n, A, 0, m, d, e, tq, tp),
  },
])("bidiagonalisation, $name", ({ run }) => {
  it.each([
    [1, 1],
    [5, 1],
    [7, 7],
    [20, 9],
    [33, 17],
    [40, 40],
  ])("%i×%i: A = Q·B·Pᵀ, Q and P orthogonal, B upper bidiagonal", (m, n) => {
    const A0 = random(m, n, 100 * m + n);
    const A = new Float64Array(m * m);
    A.set(A0);
    const d = new Float64Array(n);
    const e = new Float64Array(Math.max(n - 1, 0));
    const tq = new Float64Array(n);
    const tp = new Float64Array(n);
    run(m, n, A, d, e, tq, tp);
    const P = new Float64Array(n * n);
    orgbrP(n, A, 0, m, tp, P, 0, n, 4);
    orgbrQ(m, n, m, A, 0, m, tq, 4); // A becomes the full m×m Q
    const Q = A;
    // B (m×n): d on the diagonal, e above it, zero elsewhere (the structure, by construction)
    const B = new Float64Array(m * n);
    for (let i = 0; i < n; i++) B[i + i * m] = d[i];
    for (let i = 0; i + 1 < n; i++) B[i + (i + 1) * m] = e[i];
    // ‖A − Q·B·Pᵀ‖_F / (max(m, n)·‖A‖_F·eps)
    const QB = mul(Q, m, m, false, B, m, n, false);
    const F = mul(QB.C, m, n, false, P, n, n, true).C;
    const R = A0.map((x, i) => x - F[i]);
    expect(normF(R) / (Math.max(m, n) * normF(A0) * EPS)).toBeLessThan(30);
    expect(orthogonalityRatio(Q, m, m)).toBeLessThan(30);
    expect(orthogonalityRatio(P, n, n)).toBeLessThan(30);
    // and Qᵀ·A·P is bidiagonal: everything off the two diagonals is at rounding level
    const QtA = mul(Q, m, m, true, A0, m, n, false);
    const Bx = mul(QtA.C, m, n, false, P, n, n, false).C;
    let off = 0;
    for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) if (i !== j && i + 1 !== j) off = Math.max(off, Math.abs(Bx[i + j * m]));
    expect(off / (Math.max(m, n) * normF(A0) * EPS)).toBeLessThan(30);
  });

  it("agrees with the unblocked spec on d and e", () => {
    const [m, n] = [30, 21];
    const A0 = random(m, n, 7);
    const out = [
      run,
      (mm: number, nn: number, A: Float64Array, d: Float64Array, e: Float64Array, tq: Float64Array, tp: Float64Array) => gebd2(mm, nn, A, 0, mm, d, e, tq, tp),
    ].map((f) => {
      const d = new Float64Array(n);
      const e = new Float64Array(n - 1);
      f(m, n, A0.slice(), d, e, new Float64Array(n), new Float64Array(n));
      return { d, e };
    });
    const scale = normF(A0);
    for (let i = 0; i < n; i++) expect(Math.abs(out[0].d[i] - out[1].d[i])).toBeLessThan(100 * EPS * scale);
    for (let i = 0; i < n - 1; i++) expect(Math.abs(out[0].e[i] - out[1].e[i])).toBeLessThan(100 * EPS * scale);
  });
});

describe("gebrd on resident memory", () => {
  it.skipIf(!HAS_RESIDENT)("on a resident A (labrd's products on the SIMD gemv) agrees with gebd2 to rounding: 130×100, nb = 32", () => {
    const [m, n] = [130, 100];
    const A0 = random(m, n, 11);
    const reduce = (resident: boolean) => {
      const A = A0.slice();
      const [d, e, tq, tp] = [new Float64Array(n), new Float64Array(n - 1), new Float64Array(n), new Float64Array(n)];
      if (resident) expect(inResident([A], ([R]) => gebrd(m, n, R, 0, m, d, e, tq, tp, 32))).toBe(true);
      else gebd2(m, n, A, 0, m, d, e, tq, tp);
      return [A, d, e, tq, tp];
    };
    const [blocked, spec] = [reduce(true), reduce(false)];
    // every output (the reduced A with its reflectors, d, e, tauq, taup) to 10·m·eps·‖A‖_F, as
    // sytrd's and gehrd's tests (blocked and unblocked differ by about 35 eps·‖A‖_F here)
    const tol = 10 * m * EPS * normF(A0);
    blocked.forEach((x, k) => expect(maxAbsDiff(x, spec[k])).toBeLessThan(tol));
  });
});

describe("gebd2Fast (bidiagonalize-fast.ts) against gebd2, every output", () => {
  /** Run gebd2 and gebd2Fast on the same m×n block at offset 3 of a buffer with lda = m + 2. */
  const both = (m: number, n: number, fill: (i: number, j: number) => number) => {
    const lda = m + 2;
    const A0 = new Float64Array(3 + lda * n + 5).fill(7); // padding that must stay untouched
    for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) A0[3 + i + j * lda] = fill(i, j);
    const run = (f: typeof gebd2) => {
      const A = A0.slice();
      const [d, e, tq, tp] = [new Float64Array(n), new Float64Array(Math.max(n - 1, 0)), new Float64Array(n), new Float64Array(n)];
      f(m, n, A, 3, lda, d, e, tq, tp);
      return [A, d, e, tq, tp];
    };
    let scale = 0;
    for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) scale += fill(i, j) ** 2;
    return { spec: run(gebd2), fast: run(gebd2Fast), scale: Math.sqrt(scale), A0, lda };
  };

  it.each([
    [1, 1],
    [2, 2],
    [3, 2],
    [9, 9],
    [17, 11],
    [64, 64],
    [130, 101],
  ])("%i×%i at an offset, lda = m + 2: the reduced A, d, e, tauq, taup to rounding; the padding untouched", (m, n) => {
    const r = rng(m * 31 + n);
    const vals = Float64Array.from({ length: m * n }, () => 2 * r() - 1);
    const { spec, fast, scale, A0, lda } = both(m, n, (i, j) => vals[i + j * m]);
    const tol = 10 * m * EPS * Math.max(scale, 1);
    spec.forEach((x, k) => expect(maxAbsDiff(x, fast[k])).toBeLessThan(tol));
    // entries outside the block (rows m..lda−1 of each column, and before/after it) keep their 7
    const A = fast[0];
    for (let j = 0; j < n; j++) for (let i = m; i < lda; i++) expect(A[3 + i + j * lda]).toBe(A0[3 + i + j * lda]);
    for (let p = 0; p < 3; p++) expect(A[p]).toBe(7);
    for (let p = 3 + lda * n; p < A.length; p++) expect(A[p]).toBe(7);
  });

  it("zero columns and rows (tauq = 0 or taup = 0 steps: H = I or G = I) match the spec", () => {
    // column 0 already reduced (zero below the diagonal), and row 0 (which H_0 = I leaves alone) zero right of the superdiagonal
    const r = rng(5);
    const vals = Float64Array.from({ length: 30 }, () => 2 * r() - 1);
    const { spec, fast, scale } = both(6, 5, (i, j) => (j === 0 && i > 0 ? 0 : i === 0 && j > 1 ? 0 : vals[i + 6 * j]));
    spec.forEach((x, k) => expect(maxAbsDiff(x, fast[k])).toBeLessThan(60 * EPS * scale));
    expect(fast[3][0]).toBe(0); // tauq_0
    expect(fast[4][0]).toBe(0); // taup_0
    const zero = both(4, 4, () => 0);
    zero.spec.forEach((x, k) => expect(maxAbsDiff(x, zero.fast[k])).toBe(0));
  });

  it("gebrdFast: the fused kernel up to GEBD2_FAST_MAX_SIZE, the blocked gebrd above (same d to rounding either way)", () => {
    for (const [m, n] of [
      [40, 40],
      [200, 130],
    ]) {
      const A0 = random(m, n, m + n);
      const d1 = new Float64Array(n);
      const d2 = new Float64Array(n);
      const scratch = () => [new Float64Array(n - 1), new Float64Array(n), new Float64Array(n)] as const;
      gebrdFast(m, n, A0.slice(), 0, m, d1, ...scratch(), 8);
      gebd2(m, n, A0.slice(), 0, m, d2, ...scratch());
      expect(maxAbsDiff(d1, d2)).toBeLessThan(10 * m * EPS * normF(A0));
    }
  });
});
