import * as np from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { hilbert, randomMatrix, rng } from "../../test/corpus.js";
import { expectOrthonormal, expectReconstructs } from "../../test/invariants.js";
import { bdsdc } from "./bidiagonal-dc.js";
import { bdsqr } from "./bidiagonal-svd.js";
import { secularSigma } from "./secular-sigma.js";
import { colMajor, type Block } from "@sliderule/ndarray/kernels";
import { svd } from "./svd.js";
import { EPS, eye, normF } from "../../test/column-major.js";

// Column-major matrices: element (i, j) of an r×c matrix at X[i + j·r].

/** Test bidiagonals: random, graded, clustered, repeated, zeros on either diagonal, tiny and huge. */
function bidiagonals(): { name: string; d: Float64Array; e: Float64Array }[] {
  const out: { name: string; d: Float64Array; e: Float64Array }[] = [];
  for (const n of [1, 2, 5, 26, 60, 150, 301]) {
    const r = rng(n + 40);
    out.push({ name: `random ${n}`, d: Float64Array.from({ length: n }, () => 2 * r() - 1), e: Float64Array.from({ length: n - 1 }, () => 2 * r() - 1) });
  }
  const r = rng(11);
  out.push({
    name: "graded 120 (d_i = 10^(−i/8))",
    d: Float64Array.from({ length: 120 }, (_, i) => 10 ** (-i / 8)),
    e: Float64Array.from({ length: 119 }, (_, i) => 10 ** (-i / 8 - 0.3)),
  });
  out.push({
    name: "graded 80, diagonal only decays",
    d: Float64Array.from({ length: 80 }, (_, i) => 10 ** (-i / 8)),
    e: Float64Array.from({ length: 79 }, () => r()),
  });
  out.push({
    name: "clustered 100 (σ ≈ 1 within 1e-12)",
    d: Float64Array.from({ length: 100 }, () => 1 + 1e-12 * r()),
    e: Float64Array.from({ length: 99 }, () => 1e-13 * r()),
  });
  out.push({
    name: "repeated 90 (σ ∈ {1, 2, 3}, tiny couplings)",
    d: Float64Array.from({ length: 90 }, (_, i) => 1 + (i % 3)),
    e: Float64Array.from({ length: 89 }, (_, i) => (i % 7 === 0 ? 0 : 1e-9)),
  });
  out.push({ name: "equal entries 40 (d = e = 1)", d: new Float64Array(40).fill(1), e: new Float64Array(39).fill(1) });
  out.push({
    name: "zeros on the diagonal 70",
    d: Float64Array.from({ length: 70 }, (_, i) => (i % 5 === 2 ? 0 : 2 * r() - 1)),
    e: Float64Array.from({ length: 69 }, () => 2 * r() - 1),
  });
  out.push({
    name: "zeros on the superdiagonal 90 (splits)",
    d: Float64Array.from({ length: 90 }, () => 2 * r() - 1),
    e: Float64Array.from({ length: 89 }, (_, i) => (i % 13 === 0 || i === 50 ? 0 : 2 * r() - 1)),
  });
  out.push({ name: "identity 50 (everything deflates)", d: new Float64Array(50).fill(1), e: new Float64Array(49) });
  out.push({ name: "zero 30", d: new Float64Array(30), e: new Float64Array(29) });
  out.push({
    name: "tiny entries 60 (1e-300)",
    d: Float64Array.from({ length: 60 }, () => 1e-300 * (2 * r() - 1)),
    e: Float64Array.from({ length: 59 }, () => 1e-300 * (2 * r() - 1)),
  });
  out.push({
    name: "huge entries 60 (1e300)",
    d: Float64Array.from({ length: 60 }, () => 1e300 * (2 * r() - 1)),
    e: Float64Array.from({ length: 59 }, () => 1e300 * (2 * r() - 1)),
  });
  return out;
}

type Solver = (n: number, d: Float64Array, e: Float64Array, U?: Block, V?: Block) => void;

describe.each<{ name: string; solve: Solver }>([
  { name: "bdsqr (the reference)", solve: (n, d, e, U, V) => bdsqr(n, d, e, U, V, "test") },
  { name: "bdsdc, leaves of 2 (every merge path)", solve: (n, d, e, U, V) => bdsdc(n, d, e, U, V, "test", { leafSize: 2 }) },
  { name: "bdsdc, leaves of 5", solve: (n, d, e, U, V) => bdsdc(n, d, e, U, V, "test", { leafSize: 5 }) },
  { name: "bdsdc, default leaves", solve: (n, d, e, U, V) => bdsdc(n, d, e, U, V, "test") },
])("$name", ({ name, solve }) => {
  // bdsqr does not scale B: its absolute threshold 6·n²·(safe minimum) is ~1e-303 at n = 60, so on
  // entries of 1e-300 it drops couplings that matter (LAPACK's dbdsqr alike; dgesdd scales A
  // first). bdsdc scales B to max entry 1 and passes the tiny case.
  const cases = bidiagonals().filter((c) => !(name.startsWith("bdsqr") && c.name.startsWith("tiny")));
  it.each(cases)("$name: B = U·Σ·Vᵀ, U and V orthogonal, σ descending, ≥ 0 and as bdsqr's", ({ d: d0, e: e0 }) => {
    const n = d0.length;
    const d = d0.slice();
    const U = eye(n);
    const V = eye(n);
    solve(n, d, e0.slice(), colMajor(U, n, n), colMajor(V, n, n));
    for (let i = 0; i < n; i++) expect(d[i]).toBeGreaterThanOrEqual(0);
    for (let i = 0; i + 1 < n; i++) expect(d[i]).toBeGreaterThanOrEqual(d[i + 1]);
    const normB = Math.max(Math.sqrt(normF(d0) ** 2 + normF(e0) ** 2), 1e-300);
    // the singular values agree with bdsqr's without vectors: |σ − σ_ref| ≤ c·n·eps·σ_max (bdsqr
    // run on B scaled exactly, by a power of 2, to max entry ≈ 1: see the note on tiny entries)
    const big = Math.max(...Array.from(d0, Math.abs), ...Array.from(e0, Math.abs));
    const pow2 = big > 0 ? 2 ** Math.round(Math.log2(big)) : 1;
    const ref = d0.map((x) => x / pow2);
    bdsqr(
      n,
      ref,
      e0.map((x) => x / pow2),
    );
    for (let i = 0; i < n; i++) ref[i] *= pow2;
    for (let i = 0; i < n; i++) expect(Math.abs(d[i] - ref[i]) / Math.max(ref[0], 1e-300) / (n * EPS)).toBeLessThan(10);
    // ‖B − U·Σ·Vᵀ‖_F / (n·‖B‖_F·eps), B and Σ scaled by 1/‖B‖_F first (no under/overflow)
    const US = new Float64Array(n * n);
    for (let t = 0; t < n; t++) for (let i = 0; i < n; i++) US[i + t * n] = U[i + t * n] * (d[t] / normB);
    let r2 = 0;
    for (let j = 0; j < n; j++)
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let t = 0; t < n; t++) s += US[i + t * n] * V[j + t * n];
        const b = i === j ? d0[i] / normB : j === i + 1 ? e0[i] / normB : 0;
        r2 += (b - s) ** 2;
      }
    expect(Math.sqrt(r2) / (n * EPS)).toBeLessThan(20);
    // ‖QᵀQ − I‖_F / (n·eps) for Q = U, V
    for (const Q of [U, V]) {
      let o2 = 0;
      for (let i = 0; i < n; i++)
        for (let j = 0; j <= i; j++) {
          let s = 0;
          for (let t = 0; t < n; t++) s += Q[t + i * n] * Q[t + j * n];
          o2 += (i === j ? 1 : 2) * (s - (i === j ? 1 : 0)) ** 2;
        }
      expect(Math.sqrt(o2) / (n * EPS)).toBeLessThan(20);
    }
  });

  it("multiplies caller targets of any height: U 300×200 := U·U_B, V 13×200 := V·V_B", () => {
    const n = 200;
    const r = rng(5);
    const d0 = Float64Array.from({ length: n }, () => 2 * r() - 1);
    const e0 = Float64Array.from({ length: n - 1 }, () => 2 * r() - 1);
    const U0 = Float64Array.from({ length: 300 * n }, () => r());
    const V0 = Float64Array.from({ length: 13 * n }, () => r());
    // in place on the tall targets (U with ld 301 and an offset of 1: a block inside a larger array)
    const Ubig = new Float64Array(1 + 301 * n);
    for (let j = 0; j < n; j++) Ubig.set(U0.subarray(j * 300, (j + 1) * 300), 1 + j * 301);
    const V = V0.slice();
    solve(n, d0.slice(), e0.slice(), colMajor(Ubig, 300, n, 1, 301), colMajor(V, 13, n));
    // against U_B and V_B from identity targets, multiplied here
    const UB = eye(n);
    const VB = eye(n);
    solve(n, d0.slice(), e0.slice(), colMajor(UB, n, n), colMajor(VB, n, n));
    for (const [Z, Z0, rows, B, off, ld] of [
      [Ubig, U0, 300, UB, 1, 301],
      [V, V0, 13, VB, 0, 13],
    ] as const) {
      let worst = 0;
      for (let j = 0; j < n; j++)
        for (let i = 0; i < rows; i++) {
          let s = 0;
          for (let t = 0; t < n; t++) s += Z0[i + t * rows] * B[t + j * n];
          worst = Math.max(worst, Math.abs(Z[off + i + j * ld] - s));
        }
      expect(worst / (n * EPS)).toBeLessThan(10);
    }
    expect(Ubig[0]).toBe(0); // nothing written before the block
  });
});

describe("secularSigma", () => {
  it("finds each root of 1 + Σ z_j²/(d_j² − σ²) in its interval, with d_j ∓ σ accurate", () => {
    const d = Float64Array.from([0, 1e-8, 0.3, 0.3 + 1e-12, 0.7, 1]);
    const z = Float64Array.from([0.2, 0.5, 1e-3, 0.4, 0.6, 0.3]);
    const k = d.length;
    const delta = new Float64Array(k);
    const sum = new Float64Array(k);
    for (let i = 0; i < k; i++) {
      const sigma = secularSigma(k, i, d, z, delta, sum);
      // σ_i in (d_i, d_{i+1}); σ itself may round to d_i (root 2 is within 1e-17 of 0.3),
      // the differences returned never do
      expect(sigma).toBeGreaterThanOrEqual(d[i]);
      expect(delta[i]).toBeLessThan(0);
      if (i + 1 < k) expect(delta[i + 1]).toBeGreaterThan(0);
      // f(σ) from the returned differences: within the rounding error of its terms
      let f = 1;
      let terms = 1;
      for (let j = 0; j < k; j++) {
        const t = (z[j] * z[j]) / (delta[j] * sum[j]);
        f += t;
        terms += Math.abs(t);
      }
      expect(Math.abs(f) / terms).toBeLessThan(100 * k * EPS);
      for (let j = 0; j < k; j++) {
        expect(Math.abs(sum[j] - (d[j] + sigma))).toBeLessThanOrEqual(4 * EPS * (d[j] + sigma));
        expect(Math.abs(delta[j] - (d[j] - sigma))).toBeLessThanOrEqual(4 * EPS * Math.max(d[j], sigma));
      }
    }
  });
});

describe("svd through bdsdc (options.divideAndConquer)", () => {
  const cases: { name: string; a: np.NDArray; dc: { minOrder?: number; leafSize?: number } }[] = [
    { name: "120×80 (direct path)", a: randomMatrix([120, 80], 21), dc: {} },
    { name: "200×80 (QR first)", a: randomMatrix([200, 80], 22), dc: {} },
    { name: "70×130 (wide)", a: randomMatrix([70, 130], 23), dc: {} },
    { name: "hilbert 60 (σ down to 1e-18·σ_0)", a: hilbert(60), dc: {} },
    { name: "rank 5 of 90×60", a: np.matmul(randomMatrix([90, 5], 24), randomMatrix([5, 60], 25)), dc: {} },
    { name: "12×9, forced, leaves of 2", a: randomMatrix([12, 9], 26), dc: { minOrder: 0, leafSize: 2 } },
  ];
  it.each(cases)("$name: A = U·Σ·Vᵀ, U and V orthonormal, S as bdsqr's", ({ a, dc }) => {
    const [m, n] = a.shape;
    const ref = svd(a, { computeUv: false, divideAndConquer: { minOrder: Infinity } });
    for (const fullMatrices of [true, false]) {
      const { U, S, Vh } = svd(a, { fullMatrices, divideAndConquer: dc });
      const k = Math.min(m, n);
      const D = np.zeros([U.shape[1], Vh.shape[0]]);
      for (let i = 0; i < k; i++) D.set(i, i, S.get(i));
      expectReconstructs(a, [U, D, Vh], { c: 10 });
      expectOrthonormal(U, { c: 10 });
      expectOrthonormal(Vh.swapaxes(0, 1), { c: 10 });
      for (let i = 0; i < k; i++) expect(Math.abs((S.get(i) as number) - (ref.get(i) as number)) / ((ref.get(0) as number) * k * EPS)).toBeLessThan(10);
    }
  });
});
