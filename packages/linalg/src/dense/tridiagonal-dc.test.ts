import { describe, expect, it } from "vitest";
import { rng } from "../../test/corpus.js";
import { colMajor } from "@sliderule/ndarray/kernels";
import { steqr } from "./symmetric-qr.js";
import { secularRoot, stedc } from "./tridiagonal-dc.js";
import { EPS, normF } from "../../test/column-major.js";

// Column-major matrices: element (i, j) of an n×n matrix at X[i + j·n].

/** Test tridiagonals: random, clustered, repeated, graded, split, tiny and huge entries. */
function tridiagonals(): { name: string; d: Float64Array; e: Float64Array }[] {
  const out: { name: string; d: Float64Array; e: Float64Array }[] = [];
  for (const n of [1, 2, 5, 37, 100, 203]) {
    const r = rng(n + 70);
    out.push({ name: `random ${n}`, d: Float64Array.from({ length: n }, () => 2 * r() - 1), e: Float64Array.from({ length: n - 1 }, () => 2 * r() - 1) });
  }
  const r = rng(5);
  out.push({ name: "Wilkinson W21+ (close pairs)", d: Float64Array.from({ length: 21 }, (_, i) => Math.abs(10 - i)), e: new Float64Array(20).fill(1) });
  out.push({ name: "1-2-1 Toeplitz 120 (clustered)", d: new Float64Array(120).fill(2), e: new Float64Array(119).fill(-1) });
  out.push({ name: "identity 40 (everything deflates)", d: new Float64Array(40).fill(1), e: new Float64Array(39) });
  out.push({
    name: "repeated diagonal, tiny couplings 90",
    d: Float64Array.from({ length: 90 }, (_, i) => i % 3),
    e: Float64Array.from({ length: 89 }, (_, i) => (i % 7 === 0 ? 0 : 1e-9)),
  });
  out.push({
    name: "graded 80",
    d: Float64Array.from({ length: 80 }, (_, i) => 10 ** (-i / 8)),
    e: Float64Array.from({ length: 79 }, (_, i) => 10 ** (-i / 8 - 0.5)),
  });
  out.push({ name: "negative couplings 64", d: Float64Array.from({ length: 64 }, () => r()), e: Float64Array.from({ length: 63 }, () => -Math.abs(r())) });
  out.push({ name: "zero 30", d: new Float64Array(30), e: new Float64Array(29) });
  out.push({ name: "huge entries 60", d: Float64Array.from({ length: 60 }, () => 1e300 * r()), e: Float64Array.from({ length: 59 }, () => 1e300 * r()) });
  out.push({ name: "tiny entries 60", d: Float64Array.from({ length: 60 }, () => 1e-300 * r()), e: Float64Array.from({ length: 59 }, () => 1e-300 * r()) });
  return out;
}

type Solver = (n: number, d: Float64Array, e: Float64Array, Z: Float64Array) => void;

describe.each<{ name: string; solve: Solver }>([
  {
    name: "steqr (the reference)",
    solve: (n, d, e, Z) => {
      Z.fill(0);
      for (let i = 0; i < n; i++) Z[i + i * n] = 1;
      steqr(n, d, e, colMajor(Z, n, n), "test");
    },
  },
  { name: "stedc, leaves of 2 (every merge path)", solve: (n, d, e, Z) => stedc(n, d, e, Z, 0, n, "test", { leafSize: 2 }) },
  { name: "stedc, default leaves", solve: (n, d, e, Z) => stedc(n, d, e, Z, 0, n, "test") },
])("$name", ({ solve }) => {
  it.each(tridiagonals())("$name: T·Z = Z·Λ, Z orthogonal, λ ascending, λ as steqr's", ({ d: d0, e: e0 }) => {
    const n = d0.length;
    const d = d0.slice();
    const Z = new Float64Array(n * n).fill(NaN); // entry values are ignored
    solve(n, d, e0.slice(), Z);
    for (let i = 0; i + 1 < n; i++) expect(d[i]).toBeLessThanOrEqual(d[i + 1]);
    const normT = Math.max(Math.sqrt(normF(d0) ** 2 + 2 * normF(e0) ** 2), 1e-300);
    // ‖T·Z − Z·Λ‖_F / (n·‖T‖_F·eps), T and Λ scaled by 1/‖T‖_F first (no underflow in the check)
    let r2 = 0;
    for (let j = 0; j < n; j++)
      for (let i = 0; i < n; i++) {
        let tz = (d0[i] / normT) * Z[i + j * n];
        if (i > 0) tz += (e0[i - 1] / normT) * Z[i - 1 + j * n];
        if (i + 1 < n) tz += (e0[i] / normT) * Z[i + 1 + j * n];
        r2 += (tz - Z[i + j * n] * (d[j] / normT)) ** 2;
      }
    expect(Math.sqrt(r2) / (n * EPS)).toBeLessThan(30);
    // ‖ZᵀZ − I‖_F / (n·eps)
    let o2 = 0;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let t = 0; t < n; t++) s += Z[t + i * n] * Z[t + j * n];
        o2 += (s - (i === j ? 1 : 0)) ** 2;
      }
    expect(Math.sqrt(o2) / (n * EPS)).toBeLessThan(30);
    // the eigenvalues agree with steqr's without vectors (Weyl: absolute error ≤ c·n·eps·‖T‖)
    const ref = d0.slice();
    steqr(n, ref, e0.slice());
    for (let i = 0; i < n; i++) expect(Math.abs(d[i] - ref[i]) / normT / (n * EPS)).toBeLessThan(30);
  });
});

describe("secularRoot", () => {
  it("finds each root of 1 + r·Σ z_j²/(d_j − λ) in its interval, to a tiny residual", () => {
    const d = Float64Array.from([-1, -0.5, 0, 1e-10, 0.3, 2]);
    const z = Float64Array.from([0.3, 0.5, 0.1, 1e-4, 0.6, 0.5]);
    let zz = 0;
    for (const x of z) zz += x * x;
    for (let i = 0; i < z.length; i++) z[i] /= Math.sqrt(zz);
    const r = 0.7;
    for (let i = 0; i < d.length; i++) {
      const { origin, tau } = secularRoot(i, d, z, r);
      const lambda = d[origin] + tau;
      expect(lambda).toBeGreaterThan(d[i]);
      expect(lambda).toBeLessThan(i + 1 < d.length ? d[i + 1] : d[i] + r);
      // f(λ) with d_j − λ formed as (d_j − d_origin) − τ, and its terms' size
      let f = 1;
      let size = 1;
      for (let j = 0; j < d.length; j++) {
        const t = (r * z[j] * z[j]) / (d[j] - d[origin] - tau);
        f += t;
        size += Math.abs(t);
      }
      expect(Math.abs(f) / size).toBeLessThan(100 * EPS);
    }
  });
});
