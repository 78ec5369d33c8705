import * as np from "@sliderule/ndarray";
import { getBackend, setBackend } from "@sliderule/ndarray/kernels";
import { describe, expect, it } from "vitest";
import { randomMatrix, singularMatrix } from "../../test/corpus.js";
import { expectClose, matrices, mul, normF, sub, ctrans } from "../../test/invariants.js";
import { LinAlgError } from "../errors.js";
import { lstsq } from "./lstsq.js";

describe("lstsq", () => {
  it("tall full rank: Aᵀ(A·x − b) = 0 and the residuals rule", () => {
    for (const [m, n] of [[8, 3], [60, 10]]) {
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

  it("NumPy's errors", () => {
    expect(() => lstsq(np.zeros([4, 3]), np.zeros([5]))).toThrow(/Incompatible dimensions/);
    expect(() => lstsq(np.zeros([2, 4, 3]), np.zeros([2, 4]))).toThrow(LinAlgError);
    expect(() => lstsq(np.zeros([2, 4, 3]), np.zeros([2, 4]))).toThrow(/3-dimensional array given. Array must be two-dimensional/);
  });
});
