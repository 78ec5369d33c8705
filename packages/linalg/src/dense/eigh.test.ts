import * as np from "@sliderule/ndarray";
import { ValueError } from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { batched, hilbert, hpdMatrix, randomComplex, randomMatrix, select, slicedView } from "../../test/corpus.js";
import { ctrans, epsOf, expectOrthonormal, matrices, mul, normF, sub } from "../../test/invariants.js";
import { LinAlgError } from "../errors.js";
import { eigh, eigvalsh } from "./eigh.js";

/** The symmetric (Hermitian) matrix whose lower triangle a holds (a C-contiguous copy). */
function fromLower(a: np.NDArray): np.NDArray {
  const c = (a.dtype === "complex128" ? a : a.astype("float64")).copy();
  const n = c.shape[c.ndim - 1];
  const count = n === 0 ? 0 : c.size / (n * n);
  const d = c.data as Float64Array;
  const cx = c.dtype === "complex128";
  for (let p = 0; p < count; p++) {
    for (let i = 0; i < n; i++) {
      for (let j = i; j < n; j++) {
        const up = p * n * n + i * n + j;
        const lo = p * n * n + j * n + i;
        if (cx) {
          d[2 * up] = d[2 * lo];
          d[2 * up + 1] = i === j ? 0 : -d[2 * lo + 1];
          if (i === j) d[2 * lo + 1] = 0;
        } else d[up] = d[lo];
      }
    }
  }
  return c;
}

const cases = [
  ...select((t) => t.includes("square") && !t.includes("empty")).map((c) => ({ name: c.name, a: fromLower(c.a) })),
  { name: "hilbert 12", a: hilbert(12) },
  { name: "identity 6 (repeated λ)", a: np.eye(6) },
  { name: "zero 4", a: np.zeros([4, 4]) },
  {
    name: "diagonal",
    a: np.array([
      [3, 0, 0],
      [0, -1, 0],
      [0, 0, 3],
    ]),
  },
  { name: "random symmetric 70", a: fromLower(randomMatrix([70, 70], 21)) },
  { name: "hermitian 7", a: fromLower(randomComplex([7, 7], 22)) },
  { name: "hpd 6, batched", a: batched(hpdMatrix(6, 23)) },
  { name: "symmetric 9, sliced view", a: slicedView(fromLower(randomMatrix([9, 9], 24))) },
];

describe.each([
  { name: "blocked nb=3, divide and conquer (leaves of 2)", blockSize: 3, divideAndConquer: { minOrder: 0, leafSize: 2 } },
  { name: "blocked nb=3, steqr (the reference)", blockSize: 3, divideAndConquer: { minOrder: Infinity } },
  { name: "unblocked (the spec), default solver", blockSize: 1 << 30, divideAndConquer: undefined },
])("eigh ($name)", ({ blockSize, divideAndConquer }) => {
  it.each(cases.map((c) => [c.name, c] as const))("A·V = V·Λ, VᴴV = I, ascending, for %s", (_, c) => {
    const { eigenvalues: w, eigenvectors: V } = eigh(c.a, { blockSize, divideAndConquer });
    const eps = epsOf(c.a.dtype);
    const n = c.a.shape[c.a.ndim - 1];
    expectOrthonormal(V, { eps });
    const as = matrices(c.a);
    const vs = matrices(V);
    const ws = matrices(w.reshape([...w.shape, 1]));
    as.forEach((a, p) => {
      // ‖A·V − V·Λ‖ / (n·‖A‖·eps)
      const AV = mul(a, vs[p]);
      const VL = mul(vs[p], {
        m: n,
        n,
        re: Float64Array.from({ length: n * n }, (_, i) => (i % (n + 1) === 0 ? ws[p].re[i / (n + 1)] : 0)),
        im: new Float64Array(n * n),
      });
      const r = normF(sub(AV, VL));
      expect(r === 0 ? 0 : r / (n * Math.max(normF(a), 1e-300) * eps)).toBeLessThan(30);
      for (let i = 1; i < n; i++) expect(ws[p].re[i]).toBeGreaterThanOrEqual(ws[p].re[i - 1]);
    });
    // eigvalsh agrees
    const w2 = eigvalsh(c.a, { blockSize });
    const d = w.subtract(w2).data;
    const scale = Math.max(...Array.from(w.data as ArrayLike<number>, Math.abs), 1e-300);
    for (let i = 0; i < d.length; i++) expect(Math.abs(d[i])).toBeLessThanOrEqual(30 * n * eps * scale);
  });
});

describe("eigh", () => {
  it("reads only the UPLO triangle", () => {
    const a = np.array([
      [2, 100],
      [1, 2],
    ]);
    expect(Array.from(eigvalsh(a).data)).toEqual([1, 3]);
    const u = eigvalsh(a, { UPLO: "U" }).data;
    expect(u[0]).toBeCloseTo(-98, 12);
    expect(u[1]).toBeCloseTo(102, 12);
    expect(eigvalsh(a, { UPLO: "u" }).data[1]).toBeCloseTo(102, 12);
  });

  it("complex Hermitian gives real eigenvalues and unitary eigenvectors", () => {
    const a = hpdMatrix(5, 3);
    const { eigenvalues, eigenvectors } = eigh(a);
    expect(eigenvalues.dtype).toBe("float64");
    expect(eigenvectors.dtype).toBe("complex128");
    const A = matrices(a)[0];
    const V = matrices(eigenvectors)[0];
    const L = mul(mul(ctrans(V), A), V);
    for (let i = 0; i < 5; i++) expect(L.re[i * 6]).toBeCloseTo(eigenvalues.get(i), 10);
  });

  it("raises ValueError for a bad UPLO, LinAlgError for non-square and NaN", () => {
    expect(() => eigh(np.eye(2), { UPLO: "X" as "L" })).toThrow(ValueError);
    expect(() => eigh(np.eye(2), { UPLO: "X" as "L" })).toThrow(/UPLO argument must be 'L' or 'U'/);
    expect(() => eigh(np.zeros([2, 3]))).toThrow(expect.objectContaining({ kind: "invalidInput" }));
    expect(() =>
      eigh([
        [NaN, 0],
        [0, 1],
      ]),
    ).toThrow(expect.objectContaining({ kind: "noConvergence" }));
    expect(() => eigh(np.zeros([2]))).toThrow(LinAlgError);
  });

  it("handles 0×0 and float32", () => {
    expect(eigh(np.zeros([0, 0])).eigenvectors.shape).toEqual([0, 0]);
    const r = eigh(
      np
        .array([
          [2, 1],
          [1, 2],
        ])
        .astype("float32"),
    );
    expect(r.eigenvalues.dtype).toBe("float32");
  });
});
