/**
 * minres (minres.ts): a symmetric indefinite system on which cg fails and minres converges,
 * the shift option, SciPy's info, the [x, info] tuple, and bad input; spsolve (spsolve.ts):
 * dense-LU answers on sparse input, its size guard and errors.
 */
import * as np from "@sliderule/ndarray";
import { NDArray, ShapeError, ValueError } from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import * as linalg from "../index.js";
import { LinAlgError } from "../errors.js";

const { sparse } = linalg;
const n = 200;
/** tridiag(−1, 2, −1) − 1.5·I: eigenvalues 0.5 − 2cos(jπ/(n+1)) ∈ (−1.5, 2.5), indefinite. */
const indefinite = sparse.diags([new Array(n - 1).fill(-1), new Array(n).fill(0.5), new Array(n - 1).fill(-1)], [-1, 0, 1]);
const laplacian = sparse.diags([new Array(n - 1).fill(-1), new Array(n).fill(2), new Array(n - 1).fill(-1)], [-1, 0, 1]);
const b = np.random.defaultRng(3).standardNormal(n) as NDArray;
const residual = (A: { toarray(): NDArray }, x: NDArray) => linalg.norm(A.toarray().matmul(x).subtract(b)) / linalg.norm(b);

describe("minres", () => {
  it("converges on a symmetric indefinite system where cg does not", () => {
    // A = diag(1, −1), b = [1, 1]: cg's first pᵀA·p = 1 − 1 = 0 (breakdown), minres solves it in one step
    const c = sparse.cg(
      [
        [1, 0],
        [0, -1],
      ],
      [1, 1],
    );
    expect(c.info).toBeLessThan(0);
    const m = sparse.minres(
      [
        [1, 0],
        [0, -1],
      ],
      [1, 1],
    );
    expect(m.info).toBe(0);
    expect(np.allclose(m.x, [1, -1], { rtol: 1e-12, atol: 1e-12 })).toBe(true);
    // and a 200×200 indefinite tridiagonal system
    const [x, info] = sparse.minres(indefinite, b, { rtol: 1e-10 });
    expect(info).toBe(0);
    // stopped on ‖r‖ ≤ rtol·‖A‖·‖x‖; ‖A‖ ≤ 2.5
    expect(residual(indefinite, x as NDArray)).toBeLessThan(((1e-10 * 2.5 * linalg.norm(x as NDArray)) / linalg.norm(b)) * 10);
    expect(residual(indefinite, x as NDArray)).toBeLessThan(1e-7);
  });
  it("shift solves (A − shift·I)·x = b: the same x as the shifted matrix", () => {
    const x1 = sparse.minres(laplacian, b, { shift: 1.5, rtol: 1e-12 }).x;
    const x2 = sparse.minres(indefinite, b, { rtol: 1e-12 }).x;
    expect(np.allclose(x1, x2, { rtol: 1e-7, atol: 1e-9 })).toBe(true);
  });
  it("SciPy 1.17's answer on its docstring example", () => {
    // A = csc_array([[3, 2, 0], [1, -1, 0], [0, 5, 1]]); A = A + A.T; b = [2, 4, -1]; minres(A, b) → info 0,
    // np.linalg.solve(A, b) = [-0.11290322580645162, 0.8387096774193548, -0.4193548387096774]... checked by A·x ≈ b
    const A = [
      [6, 3, 0],
      [3, -2, 5],
      [0, 5, 2],
    ];
    const [x, info] = sparse.minres(A, [2, 4, -1]);
    expect(info).toBe(0);
    expect(np.allclose(np.array(A).matmul(x), [2, 4, -1], { rtol: 1e-5, atol: 1e-5 })).toBe(true);
  });
  it("info = maxiter when the limit is hit; b = 0 gives 0; callback per iteration", () => {
    expect(sparse.minres(laplacian, b, { maxiter: 3 }).info).toBe(3);
    expect(sparse.minres(laplacian, np.zeros([n])).iterations).toBe(0);
    let calls = 0;
    const r = sparse.minres(laplacian, b, { callback: () => calls++ });
    expect(calls).toBe(r.iterations);
  });
  it("a Jacobi preconditioner (SPD) keeps the answer", () => {
    const r = sparse.minres(laplacian, b, { rtol: 1e-12, M: sparse.jacobi(laplacian) });
    expect(r.info).toBe(0);
    expect(residual(laplacian, r.x)).toBeLessThan(1e-8);
  });
  it("bad input", () => {
    expect(() => sparse.minres([[1, 2]], [1])).toThrow(/^minres: A must be square, got shape \(1, 2\)/);
    expect(() => sparse.minres(laplacian, b.slice("0:5"))).toThrow(ShapeError);
    expect(() =>
      sparse.minres(
        [
          [1, 0],
          [0, 1],
        ],
        [NaN, 1],
      ),
    ).toThrow(/^minres: b must be finite, got NaN at index 0/);
    expect(() =>
      sparse.minres(
        [
          [1, 0],
          [0, 1],
        ],
        [1, 1],
        { shift: "1" as never },
      ),
    ).toThrow(/^minres: option shift must be a finite number, got "1"/);
    expect(() =>
      sparse.minres(
        [
          [1, 0],
          [0, 1],
        ],
        [1, 1],
        {
          M: [
            [-1, 0],
            [0, -1],
          ],
        },
      ),
    ).toThrow(/^minres: the preconditioner M is not positive definite/);
    expect(() =>
      sparse.minres(
        [
          [1, 0],
          [0, 1],
        ],
        [1, 1],
        { show: true } as never,
      ),
    ).toThrow(/^minres: unknown option 'show'/);
  });
});

describe("spsolve", () => {
  it("solves a sparse system through dense LU, 1-D and 2-D right-hand sides", () => {
    const x = sparse.spsolve(laplacian, b);
    expect(residual(laplacian, x)).toBeLessThan(1e-12 * 1e4);
    const B = np.stack([b, b.multiply(2)], 1);
    const X = sparse.spsolve(laplacian, B);
    expect(X.shape).toEqual([n, 2]);
    expect(np.allclose(X.slice(":", 1), x.multiply(2), { rtol: 1e-12, atol: 1e-12 })).toBe(true);
  });
  it("a singular matrix, a size above the dense limit, NaN in b, bad shapes", () => {
    expect(() => sparse.spsolve(sparse.diags([[1, 0, 2]], [0]), [1, 1, 1])).toThrow(LinAlgError);
    expect(() => sparse.spsolve(sparse.eye(6000), np.ones([6000]))).toThrow(/^spsolve: A is 6000×6000, above the dense-LU limit n = 5000 .*use cg/);
    expect(() => sparse.spsolve(laplacian, np.full([n], NaN))).toThrow(/^spsolve: b must be finite/);
    expect(() => sparse.spsolve(laplacian, [1, 2])).toThrow(ShapeError);
    expect(() => sparse.spsolve({ shape: [2, 2], matvec: (x: NDArray) => x } as never, [1, 2])).toThrow(ValueError);
  });
});
