import * as np from "@sliderule/ndarray";
import { getBackend, setBackend } from "@sliderule/ndarray/kernels";
import { describe, expect, it } from "vitest";
import { randomMatrix, singularMatrix } from "../../test/corpus.js";
import { expectClose, matrices, mul, normF, sub, ctrans } from "../../test/invariants.js";
import { ValueError } from "@sliderule/ndarray";
import { LinAlgError } from "../errors.js";
import { lstsq } from "./lstsq.js";

describe("lstsq", () => {
  it("tall full rank: Aᵀ(A·x − b) = 0 and the residuals rule", () => {
    for (const [m, n] of [
      [8, 3],
      [60, 10],
    ]) {
      const a = randomMatrix([m, n], m + n);
      const b = randomMatrix([m, 2], 7);
      const { x, residuals, rank, s } = lstsq(a, b);
      expect(rank).toBe(n);
      expect(s.shape).toEqual([n]);
      const A = matrices(a)[0];
      const r = sub(mul(A, matrices(x)[0]), matrices(b)[0]);
      const g = normF(mul(ctrans(A), r));
      expect(g / (m * normF(A) * (normF(A) * normF(matrices(x)[0]) + normF(matrices(b)[0])) * 2 ** -52)).toBeLessThan(30);
      expect(residuals.shape).toEqual([2]);
      for (let j = 0; j < 2; j++) {
        let ss = 0;
        for (let i = 0; i < m; i++) ss += r.re[i * 2 + j] ** 2;
        expect(residuals.get(j)).toBeCloseTo(ss, 10);
      }
    }
  });

  it("tall full rank, few right-hand sides: the QR solution R⁻¹·Qᵀb agrees with the SVD route", () => {
    // k ≤ N goes through the QR of [A b] and back substitution; k > N through the bidiagonal
    // SVD (lstsqReal). Both are backward stable, so their x differ by O(cond·eps) only.
    for (const [m, n, seed] of [
      [200, 12, 1],
      [90, 30, 2],
    ]) {
      const a = randomMatrix([m, n], seed);
      const B = randomMatrix([m, n + 1], seed + 10); // n + 1 columns: the SVD route
      const wide = lstsq(a, B);
      const cond = wide.s.get(0) / wide.s.get(n - 1);
      for (const j of [0, n]) {
        const b = np.array(B).slice(":", j);
        const narrow = lstsq(a, b); // one column: the QR route
        expect(narrow.rank).toBe(n);
        expect(Array.from(narrow.s.data)).toEqual(Array.from(wide.s.data)); // the same σ, bit for bit
        const xq = narrow.x.data as Float64Array;
        let diff = 0;
        let size = 0;
        for (let i = 0; i < n; i++) {
          diff = Math.max(diff, Math.abs(xq[i] - wide.x.get(i, j)));
          size = Math.max(size, Math.abs(xq[i]));
        }
        expect(diff).toBeLessThan(50 * m * cond * 2 ** -52 * size);
        expect(narrow.residuals.get(0)).toBeCloseTo(wide.residuals.get(j), 10);
      }
    }
  });

  it("underdetermined and rank-deficient: the minimum-norm solution, no residuals", () => {
    const a = np.array([[1, 1]]);
    const { x, residuals, rank } = lstsq(a, [2]);
    expectClose(x, np.array([1, 1]), 1e-15);
    expect(residuals.shape).toEqual([0]);
    expect(rank).toBe(1);
    const d = singularMatrix(4, 2, 300);
    const r = lstsq(d, [1, 2, 3, 4], { rcond: 1e-10 });
    expect(r.rank).toBe(2);
    expect(r.residuals.shape).toEqual([0]);
  });

  it.each([
    [500, 30],
    [30, 500],
    [300, 60],
  ])("%i×%i (a working matrix in WebAssembly memory on wasm backends): the same x as on the TypeScript kernels, and the optimality conditions", (m, n) => {
    const a = randomMatrix([m, n], 3 * m + n);
    const b = randomMatrix([m, 2], 11);
    const here = lstsq(a, b);
    const before = getBackend();
    setBackend("typescript");
    let ts: ReturnType<typeof lstsq>;
    try {
      ts = lstsq(a, b);
    } finally {
      setBackend(before);
    }
    expect(here.rank).toBe(Math.min(m, n));
    const scale = normF(matrices(here.x)[0]);
    expect(normF(sub(matrices(here.x)[0], matrices(ts.x)[0])) / scale).toBeLessThan(1e-12);
    expectClose(here.s, ts.s, 1e-12);
    const A = matrices(a)[0];
    const r = sub(mul(A, matrices(here.x)[0]), matrices(b)[0]);
    // tall: Aᵀ·r = 0; wide: A·x = b (r = 0), and the minimum norm through the TypeScript path's x
    if (m >= n) expect(normF(mul(ctrans(A), r)) / (m * normF(A) * normF(matrices(b)[0]) * 2 ** -52)).toBeLessThan(30);
    else expect(normF(r) / (n * normF(A) * scale * 2 ** -52)).toBeLessThan(30);
  });

  it.each([
    [60, 10, 1],
    [60, 10, 3],
    [60, 10, 10],
    [17, 10, 10],
    [2000, 50, 1],
  ])("%i×%i, %i right-hand sides factored with A (QR of [A b]): x and residuals as when Qᵀ is applied to b afterwards (N + 1 columns)", (m, n, k) => {
    const a = randomMatrix([m, n], m + 7 * n);
    const bBig = randomMatrix([m, n + 1], 5 * k); // n + 1 > N columns: Qᵀ applied after the QR
    const b = bBig.slice(":", `:${k}`).copy();
    const fused = lstsq(a, b);
    const after = lstsq(a, bBig);
    const xAfter = after.x.slice(":", `:${k}`).copy();
    const scale = normF(matrices(xAfter)[0]);
    expect(normF(sub(matrices(fused.x)[0], matrices(xAfter)[0])) / scale).toBeLessThan(1e-12);
    expect(fused.residuals.shape).toEqual([k]);
    for (let j = 0; j < k; j++) expect(Math.abs(fused.residuals.get(j) - after.residuals.get(j))).toBeLessThan(1e-12 * after.residuals.get(j));
    expectClose(fused.s, after.s, 1e-13);
    expect(fused.rank).toBe(n);
  });

  it("rank-deficient tall A with b factored alongside: no residuals, x as with Qᵀ applied afterwards", () => {
    const a = singularMatrix(40, 6, 21); // 40×40 of rank 6
    const tall = a.slice(":", ":20").copy(); // 40×20, rank ≤ 6
    const bBig = randomMatrix([40, 21], 3);
    const fused = lstsq(tall, bBig.slice(":", ":2").copy());
    const after = lstsq(tall, bBig);
    expect(fused.rank).toBe(after.rank);
    expect(fused.rank).toBeLessThan(20);
    expect(fused.residuals.shape).toEqual([0]);
    const xAfter = after.x.slice(":", ":2").copy();
    expect(normF(sub(matrices(fused.x)[0], matrices(xAfter)[0])) / normF(matrices(xAfter)[0])).toBeLessThan(1e-10);
  });

  it("NumPy's errors", () => {
    expect(() => lstsq(np.zeros([4, 3]), np.zeros([5]))).toThrow(/Incompatible dimensions/);
    expect(() => lstsq(np.zeros([2, 4, 3]), np.zeros([2, 4]))).toThrow(LinAlgError);
    expect(() => lstsq(np.zeros([2, 4, 3]), np.zeros([2, 4]))).toThrow(/3-dimensional array given. Array must be two-dimensional/);
  });

  it("rcond defaults to NumPy 2's eps·max(M, N): the outer product of [1, 2, 3, 4] has rank 1", () => {
    // v = [1, 2, 3, 4]: np.linalg.lstsq(np.outer(v, v), [1, 2, 3, 5]) -> rank 1,
    // x = [0.03777777777777779, 0.07555555555555557, 0.11333333333333336, 0.15111111111111114]
    const v = np.array([1, 2, 3, 4], "float64");
    const x1 = [0.03777777777777779, 0.07555555555555557, 0.11333333333333336, 0.15111111111111114];
    for (const options of [{}, { rcond: null }, { rcond: undefined }]) {
      const r = lstsq(np.outer(v, v), [1, 2, 3, 5], options);
      expect(r.rank).toBe(1);
      expectClose(r.x, np.array(x1), 1e-14);
    }
    // rcond ≤ 0 or ≥ 1 is LAPACK's 2⁻⁵³ (NumPy passes rcond through): for diag(1, 2e−16),
    // np.linalg.lstsq(d, b, rcond=-1) has rank 2, rcond=None (2·2⁻⁵²) rank 1
    const d = np.array(
      [
        [1, 0],
        [0, 2e-16],
      ],
      "float64",
    );
    for (const rcond of [-1, 0, 1, 2]) expect(lstsq(d, [1, 1], { rcond }).rank).toBe(2);
    expect(lstsq(d, [1, 1]).rank).toBe(1);
    expect(lstsq(d, [1, 1], { rcond: 1e-10 }).rank).toBe(1);
    // a large rcond truncates
    expect(
      lstsq(
        np.array(
          [
            [1, 0],
            [0, 1e-3],
          ],
          "float64",
        ),
        [1, 1],
        { rcond: 1e-2 },
      ).rank,
    ).toBe(1);
  });

  it("rcond must be a number (not NaN) or null", () => {
    for (const bad of [NaN, "x", "1e-3", true, [1e-3], {}]) {
      expect(() => lstsq(np.eye(2), [1, 1], { rcond: bad as unknown as number })).toThrow(ValueError);
    }
    expect(() => lstsq(np.eye(2), [1, 1], { rcond: NaN })).toThrow(/^lstsq: rcond must be a number or null, got NaN$/);
    expect(() => lstsq(np.eye(2), [1, 1], { rcond: "x" as unknown as number })).toThrow(/^lstsq: rcond must be a number or null, got "x"$/);
  });
});
