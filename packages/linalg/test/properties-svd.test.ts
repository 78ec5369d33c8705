/**
 * fast-check properties of `svd` (dense/svd.ts), checked LAPACK's way (TESTING/EIG dbdt01,
 * dort01) on random shapes (1×1, tall, wide), rank-deficient matrices built exactly,
 * scalings 2^±250, 2^±500 (about 1e±75, 1e±150), complex input and strided views, through both
 * bidiagonal solvers (divide and conquer forced on, forced off, and the default crossover):
 *
 *   ‖A − U·Σ·Vᴴ‖_F / (max(m, n)·‖A‖_F·eps) < C      ‖UᴴU − I‖_F / (m·eps) < C,  same for Vᴴ's rows
 *   σ_0 ≥ σ_1 ≥ … ≥ 0;   |σ_i(computeUv: false) − σ_i| ≤ C·max(m, n)·eps·σ_0   (both are
 *   backward stable, so each σ is within that of the exact one: Weyl)
 *   rank ≤ r by construction: σ_i ≤ C·max(m, n)·eps·σ_0 for i ≥ r (the same argument).
 * C = 30 (property-matrices.ts). numRuns and sizes are kept small for CI.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { svd } from "../src/index.js";
import * as np from "@sliderule/ndarray";
import { ctrans, mat, mul, reconstructionRatio } from "./invariants.js";
import { buildGeneral, C, describeCase, EPS, leadingColumns, matrixCaseArb, orthonormalityRatio, rowsOf, scaleColumns, values } from "./property-matrices.js";

/** The three routes to the bidiagonal SVD: default crossover, bdsqr only, divide and conquer from order 0 with small leaves. */
const dcArb = fc.oneof(
  fc.constant(undefined),
  fc.constant({ minOrder: Infinity }),
  fc.integer({ min: 2, max: 6 }).map((leafSize) => ({ minOrder: 0, leafSize })),
);

describe("svd properties", () => {
  it("A = U·Σ·Vᴴ, U and V orthonormal, σ descending and ≥ 0, S alone agrees, rank-deficient tails vanish", () => {
    fc.assert(
      fc.property(matrixCaseArb({ maxSize: 40, complex: true }), fc.boolean(), dcArb, (c, fullMatrices, divideAndConquer) => {
        const { A, a } = buildGeneral(c);
        const { m, n } = c;
        const k = Math.min(m, n);
        const what = describeCase({ ...c, fullMatrices, divideAndConquer });
        const { U, S, Vh } = svd(a, { fullMatrices, divideAndConquer });
        expect(U.shape, what).toEqual(fullMatrices ? [m, m] : [m, k]);
        expect(S.shape, what).toEqual([k]);
        expect(Vh.shape, what).toEqual(fullMatrices ? [n, n] : [k, n]);
        const s = values(S);
        for (let i = 0; i < k; i++) {
          expect(s[i] >= 0, `σ_${i} = ${s[i]} ≥ 0; ${what}`).toBe(true);
          if (i > 0) expect(s[i] <= s[i - 1], `σ_${i} = ${s[i]} ≤ σ_${i - 1} = ${s[i - 1]}; ${what}`).toBe(true);
        }
        const Um = mat(U);
        const Vm = ctrans(mat(Vh));
        expect(orthonormalityRatio(Um), `‖UᴴU − I‖ ratio; ${what}`).toBeLessThan(C);
        expect(orthonormalityRatio(Vm), `‖VhVhᴴ − I‖ ratio; ${what}`).toBeLessThan(C);
        // U[:, :k]·diag(σ)·Vh[:k, :]
        const F = mul(scaleColumns(leadingColumns(Um, k), s), rowsOf(mat(Vh), 0, k));
        expect(reconstructionRatio(A, F, EPS), `‖A − UΣVᴴ‖ ratio; ${what}`).toBeLessThan(C);
        // the values alone (no vectors: a different path through bdsqr)
        const s2 = values(svd(a, { computeUv: false }));
        const tol = C * Math.max(m, n) * EPS * s[0];
        for (let i = 0; i < k; i++) expect(Math.abs(s2[i] - s[i]), `σ_${i}: ${s2[i]} without vectors vs ${s[i]}; ${what}`).toBeLessThanOrEqual(tol);
        // rank ≤ r exactly: the trailing σ are rounding
        for (let i = c.r; i < k; i++) expect(s[i], `σ_${i} of a rank-${c.r} matrix; ${what}`).toBeLessThanOrEqual(tol);
      }),
      { numRuns: 50 },
    );
  });

  it("a stack of matrices is the SVD of each (batched driver)", () => {
    fc.assert(
      fc.property(matrixCaseArb({ maxSize: 12 }), (c) => {
        const { A, a } = buildGeneral(c);
        const { m, n } = c;
        const k = Math.min(m, n);
        // [A, −2A] as one (2, m, n) stack: σ(−2A) = 2σ(A) exactly (a power of two)
        const stack = np.stack([a, a.multiply(-2)]);
        const { U, S, Vh } = svd(stack, { fullMatrices: false });
        const what = describeCase(c);
        for (let p = 0; p < 2; p++) {
          const Ap =
            p === 0
              ? A
              : mat(
                  np.fromTypedArray(
                    Float64Array.from(A.re, (x) => -2 * x),
                    [m, n],
                  ),
                );
          const s = values(S.slice(p));
          const F = mul(scaleColumns(mat(U.slice(p)), s), mat(Vh.slice(p)));
          expect(reconstructionRatio(Ap, F, EPS), `matrix ${p}; ${what}`).toBeLessThan(C);
          expect(orthonormalityRatio(mat(U.slice(p))), `U of matrix ${p}; ${what}`).toBeLessThan(C);
        }
        const s0 = values(S.slice(0));
        const s1 = values(S.slice(1));
        for (let i = 0; i < k; i++) expect(Math.abs(s1[i] - 2 * s0[i]), `σ_${i}; ${what}`).toBeLessThanOrEqual(C * Math.max(m, n) * EPS * 2 * s0[0]);
      }),
      { numRuns: 30 },
    );
  });
});
