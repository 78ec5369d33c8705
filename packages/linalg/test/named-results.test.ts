/**
 * Every result NumPy or SciPy returns as a tuple destructures both ways, through the public
 * API: by name (`const { U, S, Vh } = svd(A)`) and in NumPy's tuple order
 * (`const [U, S, Vh] = svd(A)`, as students write `U, S, Vt = svd(A)`). The iterator is not
 * enumerable, so the objects still print, spread and serialise as their named fields only.
 */
import * as np from "@sliderule/ndarray";
import type { NDArray } from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import * as linalg from "../src/index.js";

const A = np.array([
  [4, 1, 2],
  [1, 5, 3],
  [2, 3, 6],
]);
const eps = 2 ** -52;

/** ‖X − Y‖_F / (n·‖Y‖_F·eps): the LAPACK-style scaled residual. */
function scaledError(X: NDArray, Y: NDArray): number {
  return linalg.norm(X.subtract(Y)) / (Y.shape[0] * linalg.norm(Y) * eps);
}

/** The tuple form yields the named fields, in `order`, as the very same objects; keys are the fields only. */
function expectBothWays(r: object, order: string[]): unknown[] {
  const fields = r as Record<string, unknown>;
  const items = [...(r as Iterable<unknown>)];
  expect(items.length).toBe(order.length);
  order.forEach((k, i) => expect(items[i]).toBe(fields[k]));
  expect(Object.keys(r).sort()).toEqual([...order].sort());
  expect(Object.keys({ ...r }).sort()).toEqual([...order].sort());
  return items;
}

describe("named results are tuples in NumPy's order", () => {
  it("svd: [U, S, Vh]; computeUv false gives S alone", () => {
    const [U, S, Vh] = linalg.svd(A);
    const { U: U2, S: S2, Vh: Vh2 } = linalg.svd(A);
    expect(S.toArray()).toEqual(S2.toArray());
    expect(U2.shape).toEqual([3, 3]);
    expect(Vh2.shape).toEqual([3, 3]);
    // A = U·diag(S)·Vh
    expect(scaledError(U.multiply(S).matmul(Vh), A)).toBeLessThan(10);
    expectBothWays(linalg.svd(A), ["U", "S", "Vh"]);
    const s: NDArray = linalg.svd(A, { computeUv: false });
    expect(s.shape).toEqual([3]);
    expect(s).toBeInstanceOf(np.NDArray);
  });

  it("qr: [Q, R], raw [h, tau]", () => {
    const [Q, R] = linalg.qr(A);
    expect(scaledError(Q.matmul(R), A)).toBeLessThan(10);
    const { Q: Qc, R: Rc } = linalg.qr(A, { mode: "complete" });
    expect(scaledError(Qc.matmul(Rc), A)).toBeLessThan(10);
    expectBothWays(linalg.qr(A), ["Q", "R"]);
    const [h, tau] = linalg.qr(A, { mode: "raw" });
    expect(h.shape).toEqual([3, 3]);
    expect(tau.shape).toEqual([3]);
    expectBothWays(linalg.qr(A, { mode: "raw" }), ["h", "tau"]);
  });

  it("eig and eigh: [eigenvalues, eigenvectors]", () => {
    const [w, V] = linalg.eigh(A);
    // A·V = V·diag(w)
    expect(scaledError(A.matmul(V), V.multiply(w))).toBeLessThan(10);
    const { eigenvalues, eigenvectors } = linalg.eigh(A);
    expect(eigenvalues.toArray()).toEqual(w.toArray());
    expect(eigenvectors.shape).toEqual([3, 3]);
    expectBothWays(linalg.eigh(A), ["eigenvalues", "eigenvectors"]);
    const [we, Ve] = linalg.eig(A); // real: symmetric A has real eigenvalues
    expect(scaledError(A.matmul(Ve), Ve.multiply(we))).toBeLessThan(10);
    expectBothWays(linalg.eig(A), ["eigenvalues", "eigenvectors"]);
  });

  it("slogdet: [sign, logabsdet]", () => {
    const [sign, logabsdet] = linalg.slogdet(A);
    const { sign: s2, logabsdet: l2 } = linalg.slogdet(A);
    expect([sign, logabsdet]).toEqual([s2, l2]);
    // np.linalg.det([[4, 1, 2], [1, 5, 3], [2, 3, 6]]) == 69.99999999999997
    expect(sign * Math.exp(logabsdet)).toBeCloseTo(70, 12);
    expectBothWays(linalg.slogdet(A), ["sign", "logabsdet"]);
  });

  it("lstsq: [x, residuals, rank, s]", () => {
    const b = np.array([1, 2, 3, 4]);
    const M = np.array([
      [1, 0],
      [1, 1],
      [1, 2],
      [1, 3],
    ]);
    const [x, residuals, rank, s] = linalg.lstsq(M, b);
    // np.linalg.lstsq(M, [1, 2, 3, 4]): x == [1, 1], residuals ≈ [0], rank == 2
    expect((x as NDArray).toArray()).toEqual(expect.arrayContaining([expect.closeTo(1, 12), expect.closeTo(1, 12)]));
    expect((residuals as NDArray).shape).toEqual([1]);
    expect(rank).toBe(2);
    expect((s as NDArray).shape).toEqual([2]);
    const r = linalg.lstsq(M, b);
    expect(r.rank).toBe(2);
    expectBothWays(r, ["x", "residuals", "rank", "s"]);
  });

  it("lu: [P, L, U], permuteL [PL, U]; luFactor [lu, piv]; choFactor [c, lower]", () => {
    const [P, L, U] = linalg.lu(A);
    expect(scaledError(P.matmul(L).matmul(U), A)).toBeLessThan(10);
    expectBothWays(linalg.lu(A), ["P", "L", "U"]);
    const [PL, U2] = linalg.lu(A, { permuteL: true });
    expect(scaledError(PL.matmul(U2), A)).toBeLessThan(10);
    expectBothWays(linalg.lu(A, { permuteL: true }), ["PL", "U"]);
    const [lu, piv] = linalg.luFactor(A);
    expect(lu.shape).toEqual([3, 3]);
    expect(piv.dtype).toBe("int32");
    expectBothWays(linalg.luFactor(A), ["lu", "piv"]);
    // the pair form is accepted back by luSolve, as SciPy's tuple
    const b = np.array([1, 2, 3]);
    const x = linalg.luSolve([lu, piv], b);
    expect(scaledError(A.matmul(x).reshape(3, 1), b.reshape(3, 1))).toBeLessThan(100);
    const [c, lower] = linalg.choFactor(A);
    expect(lower).toBe(false);
    expect(linalg.choSolve([c as NDArray, lower as boolean], b).toArray()).toEqual(linalg.choSolve(linalg.choFactor(A), b).toArray());
    expectBothWays(linalg.choFactor(A), ["c", "lower"]);
  });

  it("hessenberg: [H, Q]; schur: [T, Z]", () => {
    const [H, Q] = linalg.hessenberg(A);
    expect(scaledError(Q.matmul(H).matmul(Q.T), A)).toBeLessThan(10);
    expectBothWays(linalg.hessenberg(A), ["H", "Q"]);
    const [T, Z] = linalg.schur(A);
    expect(scaledError(Z.matmul(T).matmul(Z.T), A)).toBeLessThan(10);
    expectBothWays(linalg.schur(A), ["T", "Z"]);
  });

  it("print and serialise as the named fields only", () => {
    const r = linalg.qr(A);
    expect(Object.keys(JSON.parse(JSON.stringify({ ...r, Q: 1, R: 2 })))).toEqual(["Q", "R"]);
    expect(Object.getOwnPropertyDescriptor(r, Symbol.iterator)?.enumerable).toBe(false);
  });
});
