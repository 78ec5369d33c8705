/**
 * fast-check properties of the two divide-and-conquer solvers against their reference twins,
 * on structured inputs that exercise the merges' deflation and secular equations:
 *   - `stedc` (dense/tridiagonal-dc.ts, LAPACK dstedc) against `steqr` (symmetric-qr.ts);
 *   - `bdsdc` (dense/bidiagonal-dc.ts, LAPACK dbdsdc) against `bdsqr` (bidiagonal-svd.ts);
 *   - the public routes to them: eigh and svd with `divideAndConquer: { minOrder: 0, leafSize }`
 *     against the same calls with `minOrder: Infinity` (steqr / bdsqr).
 * Orders 1 to 40 with leaves of 2 to 8 (so that several levels of merges run), scaled by
 * 2^±250, 2^±500. Structures: Gaussian; zeros in the off-diagonal (splits); graded (entries
 * falling by 2⁻⁴ per row); Wilkinson's W⁺ (pairs of eigenvalues agreeing to many digits); a
 * constant diagonal with tiny couplings and a diagonal from {−1, 0, 1} (clusters: deflation of
 * close poles); zeros on the bidiagonal's diagonal (zero singular values).
 * Checks (LAPACK TESTING/EIG dstt21, dbdt03), eps = 2⁻⁵², C = 30:
 *   ‖T·Z − Z·Λ‖_F / (n·‖T‖_F·eps) < C, ‖ZᵀZ − I‖_F / (n·eps) < C, λ ascending,
 *   |λ_i − λ_i(steqr)| ≤ C·n·eps·‖T‖_F;
 *   ‖B − U·Σ·Vᵀ‖_F / (n·‖B‖_F·eps) < C, U, V orthonormal, σ descending ≥ 0,
 *   |σ_i − σ_i(bdsqr)| ≤ C·n·eps·‖B‖_F.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { eigh, svd } from "../src/index.js";
import { bdsdc } from "../src/dense/bidiagonal-dc.js";
import { bdsqr } from "../src/dense/bidiagonal-svd.js";
import { colMajor } from "@sliderule/ndarray/kernels";
import { steqr } from "../src/dense/symmetric-qr.js";
import { stedc } from "../src/dense/tridiagonal-dc.js";
import { normals, rng } from "./corpus.js";
import { mat, mul, normF, reconstructionRatio, sub, zerosMat, type Mat } from "./invariants.js";
import {
  buildGeneral,
  buildSymmetric,
  C,
  describeCase,
  EPS,
  matrixCaseArb,
  orthonormalityRatio,
  scaleColumns,
  scaleExpArb,
  symmetricCaseArb,
  values,
} from "./property-matrices.js";

type Structure = "gaussian" | "splits" | "graded" | "wilkinson" | "clustered" | "ternary" | "zero-diagonal";

interface BandCase {
  n: number;
  structure: Structure;
  leafSize: number;
  scaleExp: number;
  seed: number;
}

const bandCaseArb: fc.Arbitrary<BandCase> = fc.record({
  n: fc.oneof({ arbitrary: fc.integer({ min: 1, max: 12 }), weight: 1 }, { arbitrary: fc.integer({ min: 13, max: 40 }), weight: 2 }),
  structure: fc.constantFrom<Structure>("gaussian", "splits", "graded", "wilkinson", "clustered", "ternary", "zero-diagonal"),
  leafSize: fc.integer({ min: 2, max: 8 }),
  scaleExp: scaleExpArb,
  seed: fc.nat(),
});

/** The diagonal d (n) and off-diagonal e (n − 1) of a case, scaled by 2^scaleExp. */
function band(c: BandCase): { d: Float64Array; e: Float64Array } {
  const { n } = c;
  const rand = rng(c.seed);
  const g = normals(rand, 2 * n);
  const d = new Float64Array(n);
  const e = new Float64Array(Math.max(n - 1, 0));
  for (let i = 0; i < n; i++) {
    switch (c.structure) {
      case "gaussian":
      case "zero-diagonal":
        d[i] = c.structure === "zero-diagonal" && rand() < 0.3 ? 0 : g[i];
        if (i < n - 1) e[i] = g[n + i];
        break;
      case "splits":
        d[i] = g[i];
        if (i < n - 1) e[i] = rand() < 0.3 ? 0 : g[n + i];
        break;
      case "graded":
        d[i] = g[i] * 2 ** (-4 * i);
        if (i < n - 1) e[i] = g[n + i] * 2 ** (-4 * i - 2);
        break;
      case "wilkinson": {
        // W⁺_n: d_i = |(n − 1)/2 − i|, e = 1
        d[i] = Math.abs((n - 1) / 2 - i);
        if (i < n - 1) e[i] = 1;
        break;
      }
      case "clustered":
        d[i] = 1;
        if (i < n - 1) e[i] = 1e-14 * g[n + i];
        break;
      case "ternary":
        d[i] = Math.floor(rand() * 3) - 1;
        if (i < n - 1) e[i] = rand() < 0.5 ? 1e-9 * g[n + i] : g[n + i];
        break;
    }
  }
  const f = 2 ** c.scaleExp;
  return { d: d.map((v) => v * f), e: e.map((v) => v * f) };
}

/** A column-major n×n Float64Array as a Mat (row-major). */
function fromColumnMajor(Z: Float64Array, rows: number, cols: number): Mat {
  const M = zerosMat(rows, cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) M.re[i * cols + j] = Z[i + j * rows];
  return M;
}

function identityColumnMajor(n: number): Float64Array {
  const Z = new Float64Array(n * n);
  for (let i = 0; i < n; i++) Z[i + i * n] = 1;
  return Z;
}

describe("stedc (tridiagonal divide and conquer) against steqr", () => {
  it("T·Z = Z·Λ, ZᵀZ = I, λ ascending and equal to steqr's", () => {
    fc.assert(
      fc.property(bandCaseArb, (c) => {
        const { n } = c;
        const { d, e } = band(c);
        const what = describeCase(c);
        const T = zerosMat(n, n);
        for (let i = 0; i < n; i++) {
          T.re[i * n + i] = d[i];
          if (i < n - 1) T.re[i * n + i + 1] = T.re[(i + 1) * n + i] = e[i];
        }
        const lambda = d.slice();
        const Z = new Float64Array(n * n);
        stedc(n, lambda, e.slice(), Z, 0, n, "eigh", { leafSize: c.leafSize });
        const ref = d.slice();
        steqr(n, ref, e.slice());
        const normT = normF(T);
        for (let i = 1; i < n; i++) expect(lambda[i] >= lambda[i - 1], `λ_${i} ascending; ${what}`).toBe(true);
        const Zm = fromColumnMajor(Z, n, n);
        expect(orthonormalityRatio(Zm), `‖ZᵀZ − I‖ ratio; ${what}`).toBeLessThan(C);
        const residual = normF(sub(mul(T, Zm), scaleColumns(Zm, lambda)));
        expect(residual === 0 ? 0 : residual / (n * normT * EPS), `‖TZ − ZΛ‖ ratio; ${what}`).toBeLessThan(C);
        for (let i = 0; i < n; i++)
          expect(Math.abs(lambda[i] - ref[i]), `λ_${i}: ${lambda[i]} vs steqr ${ref[i]}; ${what}`).toBeLessThanOrEqual(C * n * EPS * normT);
      }),
      { numRuns: 60 },
    );
  });
});

describe("bdsdc (bidiagonal divide and conquer) against bdsqr", () => {
  it("B = U·Σ·Vᵀ, U and V orthonormal, σ descending ≥ 0 and equal to bdsqr's", () => {
    fc.assert(
      fc.property(bandCaseArb, (c) => {
        const { n } = c;
        const { d, e } = band(c);
        const what = describeCase(c);
        const B = zerosMat(n, n);
        for (let i = 0; i < n; i++) {
          B.re[i * n + i] = d[i];
          if (i < n - 1) B.re[i * n + i + 1] = e[i];
        }
        const sigma = d.slice();
        const U = identityColumnMajor(n);
        const V = identityColumnMajor(n);
        bdsdc(n, sigma, e.slice(), colMajor(U, n, n), colMajor(V, n, n), "svd", { leafSize: c.leafSize });
        const ref = d.slice();
        bdsqr(n, ref, e.slice());
        const normB = normF(B);
        for (let i = 0; i < n; i++) {
          expect(sigma[i] >= 0, `σ_${i} = ${sigma[i]} ≥ 0; ${what}`).toBe(true);
          if (i > 0) expect(sigma[i] <= sigma[i - 1], `σ_${i} descending; ${what}`).toBe(true);
          expect(Math.abs(sigma[i] - ref[i]), `σ_${i}: ${sigma[i]} vs bdsqr ${ref[i]}; ${what}`).toBeLessThanOrEqual(C * n * EPS * normB);
        }
        const Um = fromColumnMajor(U, n, n);
        const Vm = fromColumnMajor(V, n, n);
        expect(orthonormalityRatio(Um), `‖UᵀU − I‖ ratio; ${what}`).toBeLessThan(C);
        expect(orthonormalityRatio(Vm), `‖VᵀV − I‖ ratio; ${what}`).toBeLessThan(C);
        const Vt = zerosMat(n, n);
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) Vt.re[i * n + j] = Vm.re[j * n + i];
        expect(reconstructionRatio(B, mul(scaleColumns(Um, sigma), Vt), EPS), `‖B − UΣVᵀ‖ ratio; ${what}`).toBeLessThan(C);
      }),
      { numRuns: 60 },
    );
  });
});

describe("the public routes to divide and conquer agree with the QR twins", () => {
  it("eigh: divide and conquer from order 0 against steqr (minOrder Infinity)", () => {
    fc.assert(
      fc.property(symmetricCaseArb({ maxSize: 40 }), fc.integer({ min: 2, max: 8 }), (c, leafSize) => {
        const { A, a } = buildSymmetric(c);
        const { n } = c;
        const what = describeCase({ ...c, leafSize });
        const dc = eigh(a, { UPLO: c.UPLO, divideAndConquer: { minOrder: 0, leafSize } });
        const qr = eigh(a, { UPLO: c.UPLO, divideAndConquer: { minOrder: Infinity } });
        const normA = normF(A);
        const l1 = values(dc.eigenvalues);
        const l2 = values(qr.eigenvalues);
        for (let i = 0; i < n; i++) expect(Math.abs(l1[i] - l2[i]), `λ_${i}: ${l1[i]} vs ${l2[i]}; ${what}`).toBeLessThanOrEqual(C * n * EPS * normA);
        const V = mat(dc.eigenvectors);
        expect(orthonormalityRatio(V), `‖VᵀV − I‖ ratio; ${what}`).toBeLessThan(C);
        const residual = normF(sub(mul(A, V), scaleColumns(V, l1)));
        expect(residual === 0 ? 0 : residual / (n * normA * EPS), `‖AV − VΛ‖ ratio; ${what}`).toBeLessThan(C);
      }),
      { numRuns: 40 },
    );
  });

  it("svd: divide and conquer from order 0 against bdsqr (minOrder Infinity)", () => {
    fc.assert(
      fc.property(matrixCaseArb({ maxSize: 40 }), fc.integer({ min: 2, max: 8 }), (c, leafSize) => {
        const { A, a } = buildGeneral(c);
        const { m, n } = c;
        const k = Math.min(m, n);
        const what = describeCase({ ...c, leafSize });
        const dc = svd(a, { fullMatrices: false, divideAndConquer: { minOrder: 0, leafSize } });
        const qr = svd(a, { fullMatrices: false, divideAndConquer: { minOrder: Infinity } });
        const s1 = values(dc.S);
        const s2 = values(qr.S);
        for (let i = 0; i < k; i++)
          expect(Math.abs(s1[i] - s2[i]), `σ_${i}: ${s1[i]} vs ${s2[i]}; ${what}`).toBeLessThanOrEqual(C * Math.max(m, n) * EPS * s2[0]);
        const U = mat(dc.U);
        expect(orthonormalityRatio(U), `‖UᵀU − I‖ ratio; ${what}`).toBeLessThan(C);
        expect(reconstructionRatio(A, mul(scaleColumns(U, s1), mat(dc.Vh)), EPS), `‖A − UΣVᵀ‖ ratio; ${what}`).toBeLessThan(C);
      }),
      { numRuns: 40 },
    );
  });
});
