import { describe, expect, it } from "vitest";
import { rng } from "../../test/corpus.js";
import { LinAlgError } from "../errors.js";
import { lasr, lasrFast, type RotationKernel } from "../primitives/givens.js";
import { colMajor } from "@sliderule/ndarray/kernels";
import { steqr } from "./symmetric-qr.js";
import { EPS, eye, normF } from "../../test/column-major.js";

// Column-major matrices: element (i, j) of an r×c matrix at X[i + j·r].

/** Test tridiagonals: random, Wilkinson's W⁺ (pairs of nearly equal eigenvalues), graded, split. */
function tridiagonals(): { name: string; d: Float64Array; e: Float64Array }[] {
  const out: { name: string; d: Float64Array; e: Float64Array }[] = [];
  for (const n of [1, 2, 5, 37, 100]) {
    const r = rng(n + 50);
    out.push({ name: `random ${n}`, d: Float64Array.from({ length: n }, () => 2 * r() - 1), e: Float64Array.from({ length: n - 1 }, () => 2 * r() - 1) });
  }
  out.push({ name: "Wilkinson W21+", d: Float64Array.from({ length: 21 }, (_, i) => Math.abs(10 - i)), e: new Float64Array(20).fill(1) });
  out.push({ name: "graded 20", d: Float64Array.from({ length: 20 }, (_, i) => 10 ** -i), e: Float64Array.from({ length: 19 }, (_, i) => 10 ** (-i - 0.5)) });
  out.push({
    name: "split (a zero off-diagonal) 9",
    d: Float64Array.from({ length: 9 }, (_, i) => i),
    e: Float64Array.from({ length: 8 }, (_, i) => (i === 4 ? 0 : 1)),
  });
  return out;
}

describe.each<{ name: string; rotations: RotationKernel }>([
  { name: "lasr (the reference rotations)", rotations: lasr },
  { name: "lasrFast (the fast twin)", rotations: lasrFast },
])("steqr with $name", ({ rotations }) => {
  it.each(tridiagonals())("$name: T·Z = Z·Λ, Z orthogonal, λ ascending", ({ d: d0, e: e0 }) => {
    const n = d0.length;
    const d = d0.slice();
    const e = e0.slice();
    const Z = eye(n);
    steqr(n, d, e, colMajor(Z, n, n), "test", { rotations });
    for (let i = 0; i + 1 < n; i++) expect(d[i]).toBeLessThanOrEqual(d[i + 1]);
    const normT = Math.sqrt(normF(d0) ** 2 + 2 * normF(e0) ** 2);
    // ‖T·Z − Z·Λ‖_F / (n·‖T‖_F·eps)
    let r2 = 0;
    for (let j = 0; j < n; j++)
      for (let i = 0; i < n; i++) {
        let tz = d0[i] * Z[i + j * n];
        if (i > 0) tz += e0[i - 1] * Z[i - 1 + j * n];
        if (i + 1 < n) tz += e0[i] * Z[i + 1 + j * n];
        r2 += (tz - Z[i + j * n] * d[j]) ** 2;
      }
    expect(Math.sqrt(r2) / (n * Math.max(normT, Number.MIN_VALUE) * EPS)).toBeLessThan(30);
    let o2 = 0;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let t = 0; t < n; t++) s += Z[t + i * n] * Z[t + j * n];
        o2 += (s - (i === j ? 1 : 0)) ** 2;
      }
    expect(Math.sqrt(o2) / (n * EPS)).toBeLessThan(30);
  });

  it("eigenvalues alone (no target) are the same as with vectors", () => {
    const { d: d0, e: e0 } = tridiagonals()[4];
    const n = d0.length;
    const [d1, d2] = [d0.slice(), d0.slice()];
    steqr(n, d1, e0.slice(), undefined, "test", { rotations });
    steqr(n, d2, e0.slice(), colMajor(eye(n), n, n), "test", { rotations });
    for (let i = 0; i < n; i++) expect(Math.abs(d1[i] - d2[i])).toBeLessThan(10 * n * EPS);
  });

  it("rotates targets of any height: 13 rows (8 + a remainder of 5)", () => {
    const n = 30;
    const r = rng(8);
    const d0 = Float64Array.from({ length: n }, () => r());
    const e0 = Float64Array.from({ length: n - 1 }, () => r());
    const Z0 = Float64Array.from({ length: 13 * n }, () => r());
    const Z = Z0.slice();
    steqr(n, d0.slice(), e0.slice(), colMajor(Z, 13, n), "test", { rotations });
    const Q = eye(n);
    steqr(n, d0.slice(), e0.slice(), colMajor(Q, n, n), "test", { rotations });
    for (let i = 0; i < 13; i++)
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let t = 0; t < n; t++) s += Z0[i + t * 13] * Q[t + j * n];
        expect(Math.abs(Z[i + j * 13] - s)).toBeLessThan(100 * n * EPS);
      }
  });
});

describe("steqr: the fast rotations against the reference", () => {
  it("give the same eigenvalues and vectors, to the last bit", () => {
    const { d: d0, e: e0 } = tridiagonals()[4];
    const n = d0.length;
    const run = (rotations: RotationKernel) => {
      const [d, Z] = [d0.slice(), eye(n)];
      steqr(n, d, e0.slice(), colMajor(Z, n, n), "test", { rotations });
      return [d, Z];
    };
    const [a, b] = [run(lasr), run(lasrFast)];
    for (let p = 0; p < 2; p++) for (let i = 0; i < a[p].length; i++) expect(Math.abs(a[p][i] - b[p][i])).toBe(0);
  });
});

describe("steqr: noConvergence", () => {
  it("stops after maxSweeps sweeps with LinAlgError kind noConvergence, never looping forever", () => {
    const n = 10;
    const r = rng(4);
    const d = Float64Array.from({ length: n }, () => r());
    const e = Float64Array.from({ length: n - 1 }, () => 1 + r());
    let error: unknown;
    try {
      steqr(n, d, e, undefined, "eigh", { maxSweeps: 1 });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(LinAlgError);
    expect((error as LinAlgError).kind).toBe("noConvergence");
    expect((error as LinAlgError).message).toMatch(/^eigh: Eigenvalues did not converge/);
  });
});

describe("steqr: the eigenvector target", () => {
  it("must be a column-major float64 view with n columns (an internal error otherwise)", () => {
    const n = 4;
    const d = () => Float64Array.from([1, 2, 3, 4]);
    const e = () => Float64Array.from([0.5, 0.5, 0.5]);
    expect(() => steqr(n, d(), e(), colMajor(eye(n), n, n - 1), "test")).toThrow(/internal: steqr: Z must be a float64 view with 4 columns, got 4×3/);
    expect(() => steqr(n, d(), e(), colMajor(new Float32Array(n * n), n, n), "test")).toThrow(/internal: steqr: Z must be a float64 view/);
    const Z = eye(n);
    expect(() => steqr(n, d(), e(), { data: Z, off: 0, rs: n, cs: 1, rows: n, cols: n }, "test")).toThrow(
      /internal: steqr \(Z\): expected a column-major view/,
    );
  });
});
