import { describe, expect, it } from "vitest";
import { normals, rng } from "../../test/corpus.js";
import { zgetf2 } from "../complex/lu.js";
import { formatG, gecon, norm1, normEst1 } from "./condition-estimate.js";
import { colMajor } from "@sliderule/ndarray/kernels";
import { getf2, getrs } from "./lu.js";

/** A random n×n column-major matrix whose columns are scaled by 10^(spread·u), u uniform in [−1, 1]. */
function randomCols(n: number, seed: number, spread: number, complex: boolean): Float64Array {
  const r = rng(seed);
  const A = normals(r, (complex ? 2 : 1) * n * n);
  const w = complex ? 2 : 1;
  for (let j = 0; j < n; j++) {
    const f = 10 ** (spread * (2 * r() - 1));
    for (let t = 0; t < w * n; t++) A[w * j * n + t] *= f;
  }
  return A;
}

/** ‖A⁻¹‖₁ exactly (up to rounding): A⁻¹ by solving A·X = I with the same LU (getrs / complex substitution). */
function invNorm1(n: number, LU: Float64Array, ipiv: Int32Array, complex: boolean): number {
  if (!complex) {
    const X = new Float64Array(n * n);
    for (let i = 0; i < n; i++) X[i + i * n] = 1;
    getrs(0, colMajor(LU, n, n), ipiv, colMajor(X, n, n), 64);
    return norm1(n, X, n);
  }
  // complex: column j of A⁻¹ = U⁻¹·L⁻¹·P⁻¹·e_j, by plain substitution
  let best = 0;
  for (let j = 0; j < n; j++) {
    const x = new Float64Array(2 * n);
    x[2 * j] = 1;
    for (let k = 0; k < n; k++) {
      const p = ipiv[k];
      if (p !== k) for (const o of [0, 1]) [x[2 * k + o], x[2 * p + o]] = [x[2 * p + o], x[2 * k + o]];
    }
    const at = (i: number, c: number) => 2 * (i + c * n);
    for (let c = 0; c < n; c++) {
      for (let i = c + 1; i < n; i++) {
        x[2 * i] -= LU[at(i, c)] * x[2 * c] - LU[at(i, c) + 1] * x[2 * c + 1];
        x[2 * i + 1] -= LU[at(i, c)] * x[2 * c + 1] + LU[at(i, c) + 1] * x[2 * c];
      }
    }
    for (let c = n - 1; c >= 0; c--) {
      const [ur, ui] = [LU[at(c, c)], LU[at(c, c) + 1]];
      const d = ur * ur + ui * ui;
      const [xr, xi] = [x[2 * c], x[2 * c + 1]];
      x[2 * c] = (xr * ur + xi * ui) / d;
      x[2 * c + 1] = (xi * ur - xr * ui) / d;
      for (let i = 0; i < c; i++) {
        x[2 * i] -= LU[at(i, c)] * x[2 * c] - LU[at(i, c) + 1] * x[2 * c + 1];
        x[2 * i + 1] -= LU[at(i, c)] * x[2 * c + 1] + LU[at(i, c) + 1] * x[2 * c];
      }
    }
    let s = 0;
    for (let i = 0; i < n; i++) s += Math.hypot(x[2 * i], x[2 * i + 1]);
    best = Math.max(best, s);
  }
  return best;
}

describe("gecon: rcond from the LU factors against the exact 1 / (‖A‖₁·‖A⁻¹‖₁)", () => {
  it.each([
    ["real", false],
    ["complex", true],
  ])("%s: a lower bound of ‖A⁻¹‖₁, nearly always within a factor 3", (_, complex) => {
    const ratios: number[] = [];
    let seed = 1;
    for (const n of [2, 3, 5, 8, 13, 30, 60]) {
      for (const spread of [0, 2, 6]) {
        for (let t = 0; t < 5; t++) {
          const A = randomCols(n, seed++, spread, complex);
          const anorm = norm1(n, A, n, complex);
          const LU = A.slice();
          const ipiv = new Int32Array(n);
          const info = complex ? zgetf2(n, n, LU, 0, n, ipiv, 0) : getf2(n, n, LU, 0, n, ipiv, 0);
          expect(info).toBe(-1);
          const rcond = gecon(n, LU, n, anorm, complex);
          const exact = 1 / (anorm * invNorm1(n, LU, ipiv, complex));
          // est(‖A⁻¹‖₁) ≤ ‖A⁻¹‖₁  ⇔  rcond ≥ exact, up to the rounding of both (n·eps·κ is tiny here)
          expect(rcond).toBeGreaterThanOrEqual(exact * (1 - 1e-10));
          ratios.push(rcond / exact);
        }
      }
    }
    ratios.sort((a, b) => a - b);
    const within3 = ratios.filter((r) => r <= 3).length / ratios.length;
    expect(within3).toBeGreaterThanOrEqual(0.95);
    expect(ratios[ratios.length - 1]).toBeLessThan(10); // Higham: rarely more than 10 off
  });

  it("is exact where the estimator's first steps find the worst column", () => {
    // A = diag(1, 1e−3, 10): A⁻¹'s largest column is e_2·1e3, ‖A‖₁ = 10, rcond = 1e−4
    const A = Float64Array.from([1, 0, 0, 0, 1e-3, 0, 0, 0, 10]);
    const ipiv = new Int32Array(3);
    const LU = A.slice();
    getf2(3, 3, LU, 0, 3, ipiv, 0);
    expect(gecon(3, LU, 3, norm1(3, A, 3))).toBeCloseTo(1e-4, 18);
    // n = 1 and n = 0
    expect(gecon(1, Float64Array.from([4]), 1, 4)).toBe(1);
    expect(gecon(0, new Float64Array(0), 1, 0)).toBe(1);
    expect(gecon(2, Float64Array.from([0, 0, 0, 0]), 2, 0)).toBe(0);
  });

  it("the tutorial's [[1, 2, 3], [4, 5, 6], [7, 8, 9]] has rcond < eps; a Hilbert matrix of order 12 too", () => {
    const A = Float64Array.from([1, 4, 7, 2, 5, 8, 3, 6, 9]); // column-major
    const LU = A.slice();
    const ipiv = new Int32Array(3);
    expect(getf2(3, 3, LU, 0, 3, ipiv, 0)).toBe(-1); // a tiny but nonzero last pivot
    const rcond = gecon(3, LU, 3, norm1(3, A, 3));
    expect(rcond).toBeGreaterThan(0);
    expect(rcond).toBeLessThan(2 ** -53);
    const n = 12;
    const H = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) H[i + j * n] = 1 / (i + j + 1);
    const LUh = H.slice();
    getf2(n, n, LUh, 0, n, new Int32Array(n), 0);
    // scipy.linalg.lapack.dgecon(*dgetrf(hilbert(12))[:1], norm(H, 1)): rcond = 2.507587520698767e−17
    const rh = gecon(n, LUh, n, norm1(n, H, n));
    expect(rh).toBeLessThan(2 ** -53);
    expect(rh).toBeGreaterThan(1e-18);
  });

  it("normEst1 estimates an explicit matrix's norm from below", () => {
    // B = [[1, −5], [2, 3]]: ‖B‖₁ = 8 (column 2), found exactly
    const B = [1, 2, -5, 3]; // column-major
    const apply = (T: boolean) => (x: Float64Array) => {
      const [a, b] = [x[0], x[1]];
      x[0] = T ? B[0] * a + B[1] * b : B[0] * a + B[2] * b;
      x[1] = T ? B[2] * a + B[3] * b : B[1] * a + B[3] * b;
    };
    expect(normEst1(2, false, apply(false), apply(true))).toBe(8);
    expect(normEst1(0, false, apply(false), apply(true))).toBe(0);
  });
});

describe("formatG", () => {
  it("prints as Python's '%.6g'", () => {
    const cases: [number, string][] = [
      [1.5e-18, "1.5e-18"],
      [1.54198e-18, "1.54198e-18"],
      [0.000123456789, "0.000123457"],
      [123456789, "1.23457e+08"],
      [1e20, "1e+20"],
      [0.5, "0.5"],
      [100000, "100000"],
      [1000000, "1e+06"],
      [3, "3"],
      [1e-5, "1e-05"],
      [0.0001, "0.0001"],
      [0, "0"],
      [NaN, "nan"],
    ];
    for (const [x, s] of cases) expect(formatG(x)).toBe(s);
  });
});
