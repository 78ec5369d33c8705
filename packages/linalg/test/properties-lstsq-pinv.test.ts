/**
 * fast-check properties of `lstsq` and `pinv` (dense/lstsq.ts, dense/pinv.ts) on random shapes
 * (1×1, tall, wide), rank-deficient matrices built exactly (rank ≤ r, property-matrices.ts),
 * scalings of A by 2^±250, 2^±500 and of b by 2^±150, complex input and strided views.
 *
 * lstsq, with r̂ = A·x − b (LAPACK TESTING/LIN dqrt17's test of the normal equations). A
 * backward-stable x is the exact solution for A + E, b + f with ‖E‖ ≤ c·eps·‖A‖,
 * ‖f‖ ≤ c·eps·‖b‖; expanding (A + E)ᴴ(b + f − (A + E)x) = 0 gives
 *   ‖Aᴴ·r̂‖_F ≤ C·max(m, n)·eps·‖A‖_F·(‖A‖_F·‖x‖_F + ‖b‖_F),
 * whatever the rank and the condition. Minimum norm: x lies in the row space of A. The computed
 * x is the min-norm solution of a nearby rank-r matrix whose row space is within an angle
 * ‖E‖/σ_{r−1} of A's (Wedin), so with V_null the last n − r right singular vectors of A
 * (Vh's last rows, from svd, itself accurate to the same angle):
 *   ‖Vh_null·x‖_F ≤ C·max(m, n)·eps·(σ_0/σ_{r−1})·‖x‖_F,
 * and x = 0 exactly for A = 0. rank = r when the gap is clear, s = svd's σ, residuals = ‖r̂‖².
 *
 * pinv: the four Moore–Penrose conditions, each relative to the size of its terms (a backward
 * error ‖E‖ ≤ c·eps·‖A‖ in the SVD moves A·X·A by ‖E‖·‖X‖·‖A‖ and so on):
 *   ‖A·X·A − A‖ ≤ C·max(m, n)·eps·‖A‖²·‖X‖      ‖X·A·X − X‖ ≤ C·max(m, n)·eps·‖A‖·‖X‖²
 *   ‖(A·X)ᴴ − A·X‖ ≤ C·max(m, n)·eps·‖A‖·‖X‖    ‖(X·A)ᴴ − X·A‖ ≤ C·max(m, n)·eps·‖A‖·‖X‖
 * (Frobenius norms). Rank-deficient cases pass rcond = 1e-10 or rtol = null (max(m, n)·eps), both
 * above the rounding noise of the zero singular values and below the smallest nonzero ones (up
 * to a rare bad draw, which the conditions still tolerate), so X is the pseudo-inverse of A's
 * rank-r part; pinv(0) = 0 exactly.
 * C = 30 (property-matrices.ts).
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { lstsq, pinv, svd } from "../src/index.js";
import { ctrans, mat, mul, normF, sub, type Mat } from "./invariants.js";
import { normals, rng } from "./corpus.js";
import { buildGeneral, buildSymmetric, C, describeCase, EPS, matrixCaseArb, rowsOf, symmetricCaseArb, toArray, values } from "./property-matrices.js";
import { zerosMat } from "./invariants.js";

/** b: m×K (K = 0 means a 1-D b of length m), normal entries times 2^bExp. */
function rightHandSide(m: number, K: number, complex: boolean, bExp: number, seed: number): Mat {
  const cols = Math.max(K, 1);
  const B = zerosMat(m, cols);
  const rand = rng(seed);
  const f = 2 ** bExp;
  B.re.set(normals(rand, m * cols).map((v) => v * f));
  if (complex) B.im.set(normals(rand, m * cols).map((v) => v * f));
  return B;
}

/** Matrix ratio r / scale, 0 when r = 0 (then any scale, even 0, passes). */
const ratio = (r: number, scale: number): number => (r === 0 ? 0 : r / scale);

describe("lstsq properties", () => {
  it("normal equations hold to backward error; x has minimum norm (⟂ null(A)); rank, s and residuals agree", () => {
    fc.assert(
      fc.property(
        matrixCaseArb({ maxSize: 40, complex: true }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom(0, 0, -150, 150),
        fc.nat(),
        fc.boolean(),
        (c, K, bExp, bSeed, explicitRcond) => {
          const { A, a } = buildGeneral(c);
          const { m, n } = c;
          const k = Math.min(m, n);
          const B = rightHandSide(m, K, c.complex, bExp, bSeed);
          const bArr = toArray(B, c.complex);
          const b = K === 0 ? bArr.reshape([m]) : bArr;
          const deficient = c.kind === "rank-deficient";
          // rank-deficient: NumPy 2's default cutoff max(m, n)·eps·σ_0 (the rounding noise of
          // the zero σ stays below it, lstsq.ts header) or an explicit 1e-10
          const rcond = deficient && explicitRcond ? 1e-10 : undefined;
          const what = describeCase({ ...c, K, bExp, bSeed, rcond });
          const { x, residuals, rank, s } = lstsq(a, b, { rcond });
          expect(x.shape, what).toEqual(K === 0 ? [n] : [n, K]);
          const X = mat(K === 0 ? x.reshape([n, 1]) : x);
          const R = sub(mul(A, X), B);
          const normA = normF(A);
          const normX = normF(X);
          const normB = normF(B);
          // Aᴴ(Ax − b): ‖A‖·(‖A‖·‖x‖ + ‖b‖) in this order, so nothing overflows at 2^±500
          const g = normF(mul(ctrans(A), R));
          expect(ratio(g, Math.max(m, n) * EPS * normA * (normA * normX + normB)), `‖Aᴴ(Ax − b)‖ ratio; ${what}`).toBeLessThan(C);
          // the singular values: svd's, to backward error
          const ref = svd(a, { fullMatrices: true });
          const sigma = values(ref.S);
          expect(s.shape, what).toEqual([k]);
          const sv = values(s);
          for (let i = 0; i < k; i++) expect(Math.abs(sv[i] - sigma[i]), `s_${i}; ${what}`).toBeLessThanOrEqual(C * Math.max(m, n) * EPS * sigma[0]);
          // rank: r by construction (Gaussian: full), when the gap to the cutoff is clear
          const r = c.r;
          const cutoff = (rcond ?? Math.max(m, n) * EPS) * sigma[0];
          const clear = (r === 0 || sigma[r - 1] > 1e3 * cutoff) && (r === k || sigma[r] < 1e-3 * cutoff);
          if (clear) expect(rank, `rank; σ = ${sigma}; ${what}`).toBe(r);
          // minimum norm: x ⟂ null(A)
          if (r === 0) expect(normX, `x for A = 0; ${what}`).toBe(0);
          else if (clear && r < n) {
            const Vnull = rowsOf(mat(ref.Vh), r, n);
            const bound = C * Math.max(m, n) * EPS * (sigma[0] / sigma[r - 1]) * normX;
            expect(normF(mul(Vnull, X)), `‖P_null x‖ (bound ${bound}); ${what}`).toBeLessThanOrEqual(bound);
          }
          // residuals: ‖b − Ax‖² per column when rank = n < m, else none
          if (rank === n && m > n) {
            expect(residuals.shape, what).toEqual([Math.max(K, 1)]);
            for (let j = 0; j < Math.max(K, 1); j++) {
              let rr = 0;
              let bb = 0;
              for (let i = 0; i < m; i++) {
                rr += R.re[i * R.n + j] ** 2 + R.im[i * R.n + j] ** 2;
                bb += B.re[i * B.n + j] ** 2 + B.im[i * B.n + j] ** 2;
              }
              // the squared residual's error is ≈ 2‖r‖·δr with δr the backward error (‖b‖ bounds ‖r‖)
              const tol = C * Math.max(m, n) * EPS * (normA * normX + normB) * Math.sqrt(bb) * 2;
              expect(Math.abs(residuals.get(j) - rr), `residuals[${j}] ${residuals.get(j)} vs ${rr}; ${what}`).toBeLessThanOrEqual(tol);
            }
          } else expect(residuals.shape, what).toEqual([0]);
        },
      ),
      { numRuns: 50 },
    );
  });
});

/** The four Moore–Penrose ratios of X for A. */
function penroseRatios(A: Mat, X: Mat): number[] {
  const { m, n } = A;
  const nA = normF(A);
  const nX = normF(X);
  const s = Math.max(m, n) * EPS;
  const AX = mul(A, X);
  const XA = mul(X, A);
  return [
    ratio(normF(sub(mul(AX, A), A)), s * nA * (nA * nX)),
    ratio(normF(sub(mul(XA, X), X)), s * nX * (nA * nX)),
    ratio(normF(sub(ctrans(AX), AX)), s * nA * nX),
    ratio(normF(sub(ctrans(XA), XA)), s * nA * nX),
  ];
}

describe("pinv properties", () => {
  it("the four Moore–Penrose conditions, scaled by ‖A‖ and ‖X‖", () => {
    fc.assert(
      fc.property(matrixCaseArb({ maxSize: 40, complex: true }), fc.boolean(), (c, explicitRcond) => {
        const { A, a } = buildGeneral(c);
        // rank-deficient: rcond 1e-10, or NumPy 2's rtol = null (max(m, n)·eps)
        const cutoff = c.kind !== "rank-deficient" ? {} : explicitRcond ? { rcond: 1e-10 } : { rtol: null };
        const what = describeCase({ ...c, cutoff });
        const X = pinv(a, cutoff);
        expect(X.shape, what).toEqual([c.n, c.m]);
        const Xm = mat(X);
        if (c.r === 0) expect(normF(Xm), `pinv(0); ${what}`).toBe(0);
        penroseRatios(A, Xm).forEach((q, i) => expect(q, `Moore–Penrose condition ${i + 1}; ${what}`).toBeLessThan(C));
        // the conditions are relative to ‖X‖, so they would pass with a noise σ inverted too: X
        // must be the inverse of the r nonzero σ only, ‖X‖_F = √(Σ_{i<r} σ_i⁻²), when the gap
        // around the cutoff is clear (written relative to σ_{r−1} so that nothing overflows)
        const { r, m, n } = c;
        const k = Math.min(m, n);
        const sigma = values(svd(a, { computeUv: false }));
        const cut = ("rcond" in cutoff ? 1e-10 : "rtol" in cutoff ? Math.max(m, n) * EPS : 1e-15) * sigma[0];
        if (r > 0 && sigma[r - 1] > 1e3 * cut && (r === k || sigma[r] < 1e-3 * cut)) {
          let sum = 0;
          for (let i = 0; i < r; i++) sum += (sigma[r - 1] / sigma[i]) ** 2;
          const expected = Math.sqrt(sum) / sigma[r - 1];
          expect(Math.abs(normF(Xm) - expected), `‖X‖_F ${normF(Xm)} vs √(Σ σ_i⁻²) ${expected}; ${what}`).toBeLessThanOrEqual(
            C * Math.max(m, n) * EPS * (sigma[0] / sigma[r - 1]) * expected,
          );
        }
      }),
      { numRuns: 50 },
    );
  });

  it("hermitian: the same conditions through eigh", () => {
    fc.assert(
      fc.property(
        symmetricCaseArb({ maxSize: 30, complex: true }).map((c) => ({ ...c, garbage: false })),
        (c) => {
          const { A, a } = buildSymmetric(c);
          const rcond = c.kind === "rank-deficient" ? 1e-10 : undefined;
          const what = describeCase({ ...c, rcond });
          const Xm = mat(pinv(a, { rcond, hermitian: true }));
          penroseRatios(A, Xm).forEach((q, i) => expect(q, `Moore–Penrose condition ${i + 1}; ${what}`).toBeLessThan(C));
        },
      ),
      { numRuns: 30 },
    );
  });
});
