import * as np from "@sliderule/ndarray";
import type { NDArray } from "@sliderule/ndarray";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hungarian } from "../../../ndarray/test/golden/harness.js";
import { companion, eigBaseCases, eigComplexCases, withViews, type EigCase } from "../../test/corpus-eig.js";
import { randomMatrix } from "../../test/corpus.js";
import { columns, matrices, mul, normF, sub, zerosMat, type Mat } from "../../test/invariants.js";
import { LinAlgError } from "../errors.js";
import { eig, eigvals, geev } from "./eig.js";

const EPS = 2 ** -52;

/** ‖A·V − V·diag(w)‖_F / (n·‖A‖_F·eps), per matrix of the stack. */
function residualRatios(a: NDArray, w: NDArray, v: NDArray): number[] {
  const as = matrices(a);
  const vs = matrices(v);
  const ws = columns(w);
  return as.map((A, b) => {
    const V = vs[b];
    const n = A.n;
    if (n === 0) return 0;
    const VL = zerosMat(n, n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const lr = ws[b].re[j];
        const li = ws[b].im[j];
        VL.re[i * n + j] = V.re[i * n + j] * lr - V.im[i * n + j] * li;
        VL.im[i * n + j] = V.re[i * n + j] * li + V.im[i * n + j] * lr;
      }
    }
    const r = normF(sub(mul(A, V), VL));
    const an = normF(A);
    return an === 0 ? r : r / (n * an * EPS);
  });
}

/** max over pairs of an optimal matching of |w_i − e_j|. */
function spectrumDistance(w: Mat, e: [number, number][]): number {
  const n = e.length;
  const cost = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => Math.hypot(w.re[i] - e[j][0], w.im[i] - e[j][1])));
  const match = hungarian(cost);
  let d = 0;
  for (let i = 0; i < n; i++) d = Math.max(d, cost[i][match[i]]);
  return d;
}

const firstMatrix = (a: NDArray): Mat => matrices(a)[0];
const cases: EigCase[] = withViews([...eigBaseCases(), ...eigComplexCases()]);

describe("eig: invariants on the corpus", () => {
  it.each(cases.map((c) => [c.name, c] as const))("A·V = V·Λ, unit columns, eigvals agrees: %s", (_, c) => {
    const before = c.a.copy();
    const { eigenvalues: w, eigenvectors: v } = eig(c.a);
    const n = c.a.shape[c.a.ndim - 1];
    const batch = c.a.shape.slice(0, -2);
    expect(w.shape).toEqual([...batch, n]);
    expect(v.shape).toEqual([...batch, n, n]);
    // the input is untouched
    expect(np.arrayEqual(c.a, before)).toBe(true);
    // dtype: complex for complex input or any complex eigenvalue; float32 stays float32 when real
    const ws = columns(w);
    const anyImag = ws.some((m) => m.im.some((x) => x !== 0));
    if (c.a.dtype === "complex128") expect(w.dtype).toBe("complex128");
    else if (w.dtype === "complex128") expect(anyImag).toBe(true);
    else expect(w.dtype).toBe(c.a.dtype === "float32" ? "float32" : "float64");
    expect(v.dtype).toBe(w.dtype);
    // backward error of every eigenpair (float32 input is computed in float64, then rounded)
    const c32 = w.dtype === "float32" ? 2 ** 29 : 1;
    for (const r of residualRatios(c.a, w, v)) expect(r).toBeLessThan(30 * c32);
    // unit 2-norm columns
    for (const V of matrices(v)) {
      for (let j = 0; j < V.n; j++) {
        let s = 0;
        for (let i = 0; i < V.m; i++) s = Math.hypot(s, V.re[i * V.n + j], V.im[i * V.n + j]);
        expect(Math.abs(s - 1)).toBeLessThan(10 * n * EPS * c32);
      }
    }
    // eigvals: the same multiset (computed without the Schur vectors, so not bit-identical)
    const w2 = eigvals(c.a);
    expect(w2.shape).toEqual(w.shape);
    const w2s = columns(w2);
    ws.forEach((wb, b) => {
      const e = Array.from({ length: wb.m }, (_, i) => [w2s[b].re[i], w2s[b].im[i]] as [number, number]);
      const an = normF(matrices(c.a)[b]);
      const tol = c.spectrumTol !== undefined ? c.spectrumTol * Math.max(1, an) * 3 : 1e3 * Math.max(n, 1) * EPS * an * c32;
      expect(spectrumDistance(wb, e)).toBeLessThanOrEqual(tol);
    });
  });

  it.each(cases.filter((c) => c.spectrum !== undefined).map((c) => [c.name, c] as const))("the known spectrum: %s", (_, c) => {
    const w = eigvals(c.a);
    const wb = columns(w)[0];
    const n = wb.m;
    const tol = c.spectrumTol ?? 1e3 * Math.max(n, 1) * EPS * Math.max(normF(firstMatrix(c.a)), 1);
    expect(spectrumDistance(wb, c.spectrum as [number, number][])).toBeLessThanOrEqual(tol);
    const we = columns(eig(c.a).eigenvalues)[0];
    expect(spectrumDistance(we, c.spectrum as [number, number][])).toBeLessThanOrEqual(tol);
  });
});

describe("eig: LAPACK's (and NumPy's) conventions", () => {
  it("a complex pair is λ, conj(λ) with Im λ > 0 first, and conjugate eigenvectors", () => {
    const a = randomMatrix([9, 9], 9);
    const { eigenvalues: w, eigenvectors: v } = eig(a);
    const W = columns(w)[0];
    const V = matrices(v)[0];
    let pairs = 0;
    for (let j = 0; j < 9; j++) {
      if (W.im[j] === 0) {
        // a real eigenvalue has a real eigenvector
        for (let i = 0; i < 9; i++) expect(V.im[i * 9 + j]).toBe(0);
        continue;
      }
      expect(W.im[j]).toBeGreaterThan(0);
      expect(W.re[j + 1]).toBe(W.re[j]);
      expect(W.im[j + 1]).toBe(-W.im[j]);
      for (let i = 0; i < 9; i++) {
        expect(V.re[i * 9 + j + 1]).toBe(V.re[i * 9 + j]);
        expect(V.im[i * 9 + j + 1]).toBe(-V.im[i * 9 + j]);
      }
      // the component of largest modulus is real
      let k = 0;
      for (let i = 0; i < 9; i++) if (Math.hypot(V.re[i * 9 + j], V.im[i * 9 + j]) > Math.hypot(V.re[k * 9 + j], V.im[k * 9 + j])) k = i;
      expect(V.im[k * 9 + j]).toBe(0);
      pairs++;
      j++;
    }
    expect(pairs).toBeGreaterThan(0);
  });

  it("complex input: every eigenvector's largest component is real and positive", () => {
    const a = np
      .array([
        [1, 2],
        [3, 4],
      ])
      .astype("complex128")
      .multiply(
        np
          .array([
            [1, 1],
            [1, 1],
          ])
          .astype("complex128"),
      );
    for (const V of matrices(eig(a).eigenvectors)) {
      for (let j = 0; j < V.n; j++) {
        let k = 0;
        for (let i = 0; i < V.m; i++) if (Math.hypot(V.re[i * V.n + j], V.im[i * V.n + j]) > Math.hypot(V.re[k * V.n + j], V.im[k * V.n + j])) k = i;
        expect(V.im[k * V.n + j]).toBe(0);
        expect(V.re[k * V.n + j]).toBeGreaterThan(0);
      }
    }
  });

  it("one complex eigenvalue makes the whole stack complex", () => {
    const stack = np
      .stack([
        np.array([
          [1, 0],
          [0, 2],
        ]),
        np.array([
          [0, -1],
          [1, 0],
        ]),
      ])
      .astype("float64");
    const { eigenvalues, eigenvectors } = eig(stack);
    expect(eigenvalues.dtype).toBe("complex128");
    expect(eigenvectors.dtype).toBe("complex128");
    const w = columns(eigenvalues);
    expect(Array.from(w[0].re).sort()).toEqual([1, 2]);
    expect(Array.from(w[0].im)).toEqual([0, 0]);
  });

  it("dtypes: int → float64; float32 → float32 (real spectrum) or complex128", () => {
    expect(
      eig(
        np.array(
          [
            [2, 1],
            [1, 2],
          ],
          "int32",
        ),
      ).eigenvalues.dtype,
    ).toBe("float64");
    expect(
      eigvals(
        np.array(
          [
            [2, 1],
            [1, 2],
          ],
          "float32",
        ),
      ).dtype,
    ).toBe("float32");
    expect(
      eig(
        np.array(
          [
            [2, 1],
            [1, 2],
          ],
          "float32",
        ),
      ).eigenvectors.dtype,
    ).toBe("float32");
    expect(
      eigvals(
        np.array(
          [
            [0, -1],
            [1, 0],
          ],
          "float32",
        ),
      ).dtype,
    ).toBe("complex128");
    expect(eigvals(np.zeros([0, 0])).dtype).toBe("float64");
    expect(eigvals(np.zeros([2, 0, 0])).shape).toEqual([2, 0]);
  });

  it("the eigenvalues of a companion matrix are the polynomial's roots (x² − 2: ±√2)", () => {
    const w = Array.from(eigvals(companion([-2, 0])).data as Float64Array).sort((x, y) => x - y);
    expect(Math.abs(w[0] + Math.SQRT2)).toBeLessThan(4 * EPS);
    expect(Math.abs(w[1] - Math.SQRT2)).toBeLessThan(4 * EPS);
  });

  it("balancing: a badly scaled matrix keeps a small backward error relative to its balanced form", () => {
    // D·A·D⁻¹ with D spanning 2^±60: without balancing ‖A‖ ≈ 2^60 swamps the small eigenvalues
    const A = np
      .array([
        [1, 2, 0],
        [3, 4, 5],
        [0, 6, 7],
      ])
      .astype("float64");
    const D = [1, 2 ** 60, 2 ** -60];
    const B = np.zeros([3, 3]);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) B.set(i, j, (D[i] * A.get(i, j)) / D[j]);
    const wa = columns(eigvals(A))[0];
    const wb = columns(eigvals(B))[0];
    const e = Array.from({ length: 3 }, (_, i) => [wa.re[i], wa.im[i]] as [number, number]);
    expect(spectrumDistance(wb, e)).toBeLessThan(1e-13);
  });
});

describe("eig: errors", () => {
  it("not square, or not 2-D: LinAlgError invalidInput", () => {
    for (const f of [eig, eigvals]) {
      let err: unknown;
      try {
        f(np.zeros([2, 3]));
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(LinAlgError);
      expect((err as LinAlgError).kind).toBe("invalidInput");
      expect((err as Error).message).toMatch(/Last 2 dimensions of the array must be square/);
      expect(() => f(np.zeros([3]))).toThrow(/at least two-dimensional/);
    }
  });

  it("NaN or Inf: LinAlgError 'Array must not contain infs or NaNs'", () => {
    for (const bad of [NaN, Infinity, -Infinity]) {
      const a = np.array([
        [1, 2],
        [3, bad],
      ]);
      expect(() => eig(a)).toThrow(LinAlgError);
      expect(() => eigvals(a)).toThrow(/Array must not contain infs or NaNs/);
      const c = np
        .array([
          [1, 2],
          [3, 4],
        ])
        .astype("complex128");
      (c.data as Float64Array)[3] = bad; // imaginary part of a[0, 1]
      expect(() => eig(c)).toThrow(/Array must not contain infs or NaNs/);
    }
  });

  it("the driver reports failure as info > 0 (never silently): geev on a matrix of NaNs", () => {
    // eig() rejects NaN up front; the driver itself must not loop forever or return 0
    const n = 3;
    const A = new Float64Array(n * n).fill(NaN);
    A[1] = 1;
    const info = geev(n, A, false, new Float64Array(n), new Float64Array(n), new Float64Array(n * n));
    expect(info).toBeGreaterThan(0);
  });
});

describe("eig: property", () => {
  it("A·V = V·Λ with unit columns for random matrices, stacks and transposed views", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        fc.constantFrom("normal", "integers", "sparse"),
        fc.nat(),
        (n, count, transpose, kind, seed) => {
          let a = randomMatrix([count, n, n], seed);
          // small integers and sparse matrices give repeated eigenvalues and exact zeros
          if (kind === "integers") a = np.round(a.multiply(2));
          if (kind === "sparse") a = a.multiply(np.greater(np.abs(a), 1));
          if (transpose) a = a.swapaxes(-1, -2);
          const { eigenvalues, eigenvectors } = eig(a);
          for (const r of residualRatios(a, eigenvalues, eigenvectors)) expect(r).toBeLessThan(30);
        },
      ),
      { numRuns: 60 },
    );
  });
});
