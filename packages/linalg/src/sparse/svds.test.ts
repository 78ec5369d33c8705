/**
 * svds (svds.ts): the k largest (and smallest) singular triplets of tall, wide and sparse
 * matrices against dense svd, S ascending as SciPy's, orthonormal singular vectors,
 * A·v_i = σ_i·u_i, and bad input.
 */
import * as np from "@sliderule/ndarray";
import { NDArray } from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import * as linalg from "../index.js";

const { sparse } = linalg;

function orthoError(Q: NDArray): number {
  const G = Q.T.matmul(Q);
  return linalg.norm(G.subtract(np.eye(G.shape[0])), "fro" as never);
}

describe("svds", () => {
  for (const [m, n] of [
    [60, 25],
    [25, 60],
  ] as const) {
    it(`${m}×${n}, k = 4, LM: S (ascending) = the top of dense svd, U and Vh orthonormal`, () => {
      const A = np.random.defaultRng(m).standardNormal([m, n]) as NDArray;
      const sDense = Array.from(linalg.svd(A, { computeUv: false }).toTypedArray())
        .slice(0, 4)
        .reverse();
      const [U, S, Vh] = sparse.svds(A, { k: 4 });
      expect(np.allclose(S, sDense, { rtol: 1e-12, atol: 0 })).toBe(true);
      expect(U.shape).toEqual([m, 4]);
      expect(Vh.shape).toEqual([4, n]);
      expect(orthoError(U)).toBeLessThan(1e-10);
      expect(orthoError(Vh.T)).toBeLessThan(1e-10);
      // A·Vhᵀ = U·diag(S)
      expect(np.allclose(A.matmul(Vh.T), U.multiply(S), { rtol: 0, atol: 1e-10 * sDense[3] })).toBe(true);
    });
  }
  it("SM gives the smallest singular values (well-conditioned A); a CsrMatrix; S alone", () => {
    const A = np.random.defaultRng(9).standardNormal([40, 20]) as NDArray;
    const sDense = Array.from(linalg.svd(A, { computeUv: false }).toTypedArray());
    const S = sparse.svds(A, { k: 3, which: "SM", returnSingularVectors: false });
    expect(np.allclose(S, sDense.slice(-3).reverse(), { rtol: 1e-9, atol: 0 })).toBe(true);
    const sp = sparse.random(200, 100, { density: 0.05, randomState: 1 });
    const top = Array.from(linalg.svd(sp.toarray(), { computeUv: false }).toTypedArray())
      .slice(0, 3)
      .reverse();
    expect(np.allclose(sparse.svds(sp, { k: 3 }).S, top, { rtol: 1e-12, atol: 0 })).toBe(true);
  });
  it("bad input", () => {
    const A = np.ones([5, 4]);
    expect(() => sparse.svds(A, { k: 4 })).toThrow(/^svds: k must be an integer with 1 <= k < min\(m, n\) = 4, got 4/);
    expect(() => sparse.svds(A, { k: 2, which: "LA" as never })).toThrow(/^svds: which must be "LM" or "SM", got "LA"/);
    expect(() => sparse.svds({ shape: [5, 4], matvec: (x: NDArray) => x }, { k: 1 })).toThrow(/^svds: A must provide Aᵀ·x/);
    expect(() => sparse.svds(A, { solver: "arpack" } as never)).toThrow(/^svds: unknown option 'solver'/);
  });
});
