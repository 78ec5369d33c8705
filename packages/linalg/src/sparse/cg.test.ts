/**
 * cg (cg.ts) and the Jacobi preconditioner (jacobi.ts): the residual below tolerance on 2-D
 * Poisson systems up to 1e5 unknowns (316×316 grid, CSR), SciPy's info and early exits, the
 * [x, info] tuple, operators of every kind (CsrMatrix, dense array, LinearOperator), jacobi
 * cutting the iterations of a badly scaled SPD system, and the bad inputs.
 */
import * as np from "@sliderule/ndarray";
import { NDArray, ShapeError, ValueError } from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import * as linalg from "../index.js";
import { laplacian1d, poisson2d } from "../../test/stencils.js";
import { LinAlgError } from "../errors.js";

const { sparse } = linalg;
const eps = Number.EPSILON;

const norm2 = (a: ArrayLike<number>) => Math.sqrt(Array.from(a).reduce((s, v) => s + v * v, 0));
/** ‖b − A·x‖ for an operator with matvecInto. */
function trueResidual(A: { shape: readonly number[]; matvecInto(x: Float64Array, y: Float64Array): void }, x: NDArray, b: Float64Array): number {
  const y = new Float64Array(b.length);
  A.matvecInto(x.toTypedArray() as Float64Array, y);
  return norm2(y.map((v, i) => b[i] - v));
}

describe("cg on 2-D Poisson", () => {
  for (const q of [30, 100, 316]) {
    it(`${q}×${q} grid (n = ${q * q}): ‖b − A·x‖ below rtol·‖b‖`, () => {
      const A = poisson2d(q);
      const n = q * q;
      const b = (np.random.defaultRng(q).standardNormal(n) as NDArray).toTypedArray() as Float64Array;
      const rtol = 1e-8;
      const { x, info, iterations, residualNorm, converged } = sparse.cg(A, np.fromTypedArray(b), { rtol });
      expect(info).toBe(0);
      expect(converged).toBe(true);
      expect(iterations).toBeGreaterThan(0);
      // the recurrence residual passed the test; the true one may drift from it by O(eps·‖A‖·‖x‖) per step
      expect(residualNorm).toBeLessThan(rtol * norm2(b));
      const drift = iterations * eps * 8 * norm2(x.toTypedArray() as Float64Array);
      expect(trueResidual(A, x, b)).toBeLessThanOrEqual(rtol * norm2(b) + drift);
    }, 20000);
  }
});

describe("cg: SciPy's semantics", () => {
  const n = 50;
  const A = laplacian1d(n);
  const b = np.linspace(-1, 1, n);
  it("iterates as [x, info] and carries iterations, residualNorm", () => {
    const r = sparse.cg(A, b, { rtol: 1e-10 });
    const [x, info] = r;
    expect(x).toBe(r.x);
    expect(info).toBe(0);
    expect(Object.keys(r)).toEqual(["x", "info", "iterations", "residualNorm", "converged"]);
    expect(trueResidual(A, x as NDArray, b.toTypedArray() as Float64Array)).toBeLessThan(1e-8 * norm2(b.toTypedArray() as Float64Array));
  });
  it("info = maxiter when the limit is hit (not converged)", () => {
    const r = sparse.cg(A, b, { maxiter: 5 });
    expect(r.info).toBe(5);
    expect(r.iterations).toBe(5);
    expect(r.converged).toBe(false);
  });
  it("b = 0 gives x = 0 at once, whatever x0", () => {
    const r = sparse.cg(A, np.zeros([n]), { x0: np.ones([n]) });
    expect(r.info).toBe(0);
    expect(r.iterations).toBe(0);
    expect(Array.from(r.x.toTypedArray())).toEqual(new Array(n).fill(0));
  });
  it("x0 = the solution stops before the first iteration; atol alone works", () => {
    const { x } = sparse.cg(A, b, { rtol: 1e-12 });
    const r = sparse.cg(A, b, { x0: x, rtol: 1e-8 });
    expect(r.iterations).toBe(0);
    const loose = sparse.cg(A, b, { rtol: 0, atol: 1e-3 });
    expect(loose.info).toBe(0);
    expect(loose.residualNorm).toBeLessThan(1e-3);
  });
  it("callback sees each iterate (a copy), and the inputs are not modified", () => {
    const seen: number[] = [];
    const bCopy = b.copy();
    const x0 = np.zeros([n]);
    const r = sparse.cg(A, b, { x0, callback: (xk) => seen.push(xk.get(0)) });
    expect(seen.length).toBe(r.iterations);
    expect(seen[seen.length - 1]).toBe(r.x.get(0));
    expect(np.arrayEqual(b, bCopy)).toBe(true);
    expect(np.arrayEqual(x0, np.zeros([n]))).toBe(true);
  });
  it("the same x from a CsrMatrix, a dense array and a LinearOperator", () => {
    const S = sparse.diags([new Array(n - 1).fill(-1), new Array(n).fill(2), new Array(n - 1).fill(-1)], [-1, 0, 1]);
    const dense = S.toarray();
    const userOp = { shape: [n, n], matvec: (v: NDArray) => dense.matmul(v) };
    const x1 = sparse.cg(S, b, { rtol: 1e-12 }).x;
    const x2 = sparse.cg(dense, b, { rtol: 1e-12 }).x;
    const x3 = sparse.cg(userOp, b, { rtol: 1e-12 }).x;
    const x4 = sparse.cg(A, b, { rtol: 1e-12 }).x;
    for (const y of [x2, x3, x4]) expect(np.allclose(x1, y, { rtol: 1e-12, atol: 1e-12 })).toBe(true);
  });
  it("the fused A·p with pᵀA·p (CSR, CSC) gives bit for bit the x of the separate product and dot", () => {
    const P = poisson2d(23);
    const m = 23 * 23;
    const rhs = (np.random.defaultRng(5).standardNormal(m) as NDArray).toTypedArray() as Float64Array;
    // a LinearOperator-shaped wrapper has no matvecDotInto: cg calls matvecInto, then dot
    const plain = { shape: P.shape, matvecInto: (x: Float64Array, y: Float64Array) => P.matvecInto(x, y) };
    const want = sparse.cg(plain, np.fromTypedArray(rhs), { rtol: 1e-10 });
    for (const M of [P, P.tocsc()]) {
      const got = sparse.cg(M, np.fromTypedArray(rhs), { rtol: 1e-10 });
      expect(got.iterations).toBe(want.iterations);
      expect(got.residualNorm).toBe(want.residualNorm);
      expect(Array.from(got.x.toTypedArray())).toEqual(Array.from(want.x.toTypedArray()));
    }
  });
  it("agrees with SciPy 1.17 on a small SPD system", () => {
    // A = [[4, 1, 0], [1, 3, 1], [0, 1, 2]]; b = [1, 2, 3]; scipy.sparse.linalg.cg(A, b, rtol=1e-12) → info 0,
    // x = [0.22222222, 0.11111111, 1.44444444]; np.linalg.solve: [0.22222222222222224, 0.11111111111111104, 1.4444444444444446]
    const [x, info] = sparse.cg(
      [
        [4, 1, 0],
        [1, 3, 1],
        [0, 1, 2],
      ],
      [1, 2, 3],
      { rtol: 1e-12 },
    );
    expect(info).toBe(0);
    expect(np.allclose(x, [0.22222222222222224, 0.11111111111111104, 1.4444444444444446], { rtol: 1e-12, atol: 0 })).toBe(true);
  });
  it("reports breakdown (info < 0) instead of NaNs when pᵀA·p = 0", () => {
    // A = [[0, 1], [1, 0]], b = [1, 0]: p₀ = b, A·p₀ = [0, 1], p₀ᵀA·p₀ = 0
    const r = sparse.cg(
      [
        [0, 1],
        [1, 0],
      ],
      [1, 0],
    );
    expect(r.info).toBeLessThan(0);
    expect(r.x.toTypedArray().every(Number.isFinite)).toBe(true);
  });
});

describe("jacobi", () => {
  it("cuts cg's iterations on a badly scaled SPD system", () => {
    // A = D·L·D, L the 2-D Poisson matrix (20×20 grid), D = diag(10^u), u uniform in [−2, 2]
    const L = poisson2d(20);
    const n = 400;
    const d = (np.random.defaultRng(7).uniform(-2, 2, n) as NDArray).toTypedArray() as Float64Array;
    const D = d.map((u) => 10 ** u);
    const Lc = L.tocoo();
    const row = Lc.row as Int32Array;
    const col = Lc.col as Int32Array;
    const val = Float64Array.from(Lc.data as Float64Array, (v, e) => D[row[e]] * v * D[col[e]]);
    const A = sparse.csrMatrix([np.fromTypedArray(val), [np.fromTypedArray(row), np.fromTypedArray(col)]], { shape: [n, n] });
    const b = np.ones([n]);
    const plain = sparse.cg(A, b, { rtol: 1e-8, maxiter: 20000 });
    const M = sparse.jacobi(A);
    const pre = sparse.cg(A, b, { rtol: 1e-8, M });
    expect(pre.info).toBe(0);
    expect(pre.iterations * 5).toBeLessThan(plain.iterations); // observed: 63 against 2000+
    expect(np.allclose(M.diagonal, A.diagonal())).toBe(true);
  });
  it("reads a sparse matrix's diagonal, and applies D⁻¹", () => {
    const S = sparse.diags([[2, 4, 8]], [0]);
    const M = sparse.jacobi(S);
    const y = new Float64Array(3);
    M.matvecInto(Float64Array.from([2, 2, 2]), y);
    expect(Array.from(y)).toEqual([1, 0.5, 0.25]);
  });
  it("rejects a zero diagonal entry, NaN, a non-square or matrix-free A", () => {
    expect(() =>
      sparse.jacobi([
        [1, 0],
        [0, 0],
      ]),
    ).toThrow(LinAlgError);
    expect(() =>
      sparse.jacobi([
        [1, 0],
        [0, 0],
      ]),
    ).toThrow(/^jacobi: diagonal entry 1 of A is zero/);
    expect(() =>
      sparse.jacobi([
        [NaN, 0],
        [0, 1],
      ]),
    ).toThrow(/^jacobi: diagonal entry 0 of A is NaN/);
    expect(() => sparse.jacobi([[1, 2, 3]])).toThrow(ShapeError);
    expect(() => sparse.jacobi({ shape: [2, 2], matvec: (x: NDArray) => x })).toThrow(/^jacobi: A must be a sparse matrix or a dense 2-D array/);
  });
});

describe("cg: bad input", () => {
  const A = laplacian1d(4);
  it("a non-square operator", () => {
    expect(() =>
      sparse.cg(
        [
          [1, 2, 3],
          [4, 5, 6],
        ],
        [1, 2],
      ),
    ).toThrow(ShapeError);
    expect(() =>
      sparse.cg(
        [
          [1, 2, 3],
          [4, 5, 6],
        ],
        [1, 2],
      ),
    ).toThrow(/^cg: A must be square, got shape \(2, 3\)/);
  });
  it("NaN or Inf in b or x0", () => {
    expect(() => sparse.cg(A, [1, NaN, 0, 0])).toThrow(ValueError);
    expect(() => sparse.cg(A, [1, NaN, 0, 0])).toThrow(/^cg: b must be finite, got NaN at index 1/);
    expect(() => sparse.cg(A, [1, 0, 0, 0], { x0: [0, 0, Infinity, 0] })).toThrow(/^cg: x0 must be finite/);
  });
  it("b of the wrong length or shape", () => {
    expect(() => sparse.cg(A, [1, 2, 3])).toThrow(/^cg: b has 3 entries but the operator is 4×4/);
    expect(() => sparse.cg(A, np.ones([2, 2]))).toThrow(ShapeError);
    expect(() => sparse.cg(A, "1234" as never)).toThrow(/^cg: b must be an array of 4 numbers, got "1234"/);
  });
  it("unknown options (SciPy 1.17 removed tol) and bad values", () => {
    expect(() => sparse.cg(A, [1, 0, 0, 0], { tol: 1e-5 } as never)).toThrow(/^cg: unknown option 'tol'/);
    expect(() => sparse.cg(A, [1, 0, 0, 0], { rtol: -1 })).toThrow(/^cg: option rtol must be a finite number >= 0, got -1/);
    expect(() => sparse.cg(A, [1, 0, 0, 0], { maxiter: 1.5 })).toThrow(/^cg: option maxiter must be a positive integer/);
    expect(() => sparse.cg(A, [1, 0, 0, 0], { M: np.eye(3) })).toThrow(/^cg: the preconditioner M must be 4×4/);
    expect(() => sparse.cg(A, [1, 0, 0, 0], { callback: 3 as never })).toThrow(ValueError);
    expect(() => sparse.cg(Symbol("A") as never, [1])).toThrow(/^cg: A must be a sparse matrix/);
  });
});
