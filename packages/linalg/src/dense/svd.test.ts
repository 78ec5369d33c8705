import * as np from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { baseCorpus, batched, hilbert, randomMatrix, select, slicedView } from "../../test/corpus.js";
import { epsOf, expectOrthonormal, expectReconstructs, matrices } from "../../test/invariants.js";
import { LinAlgError } from "../errors.js";
import { matmul } from "../util/matmul.js";
import { svd } from "./svd.js";

/** diag(S) as a (..., rows, cols) stack of the dtype of U (complex: complex128). */
function sigma(S: np.NDArray, rows: number, cols: number, dtype: np.DType): np.NDArray {
  const k = S.shape[S.ndim - 1];
  const batch = S.shape.slice(0, -1);
  const D = np.zeros([...batch, rows, cols], dtype);
  const count = batch.reduce((p, d) => p * d, 1);
  const flat = D.reshape([count, rows, cols]);
  const s = S.reshape([count, k]);
  for (let p = 0; p < count; p++) for (let i = 0; i < k; i++) flat.set(p, i, i, s.get(p, i));
  return D;
}

/** The extra corpus of the SVD: repeated, clustered, zero, diagonal and rank-deficient matrices. */
function spectralCorpus(): { name: string; a: np.NDArray }[] {
  const out: { name: string; a: np.NDArray }[] = [];
  out.push({ name: "hilbert 12", a: hilbert(12) });
  out.push({ name: "identity 5 (repeated σ)", a: np.eye(5) });
  out.push({ name: "zero 4x3", a: np.zeros([4, 3]) });
  out.push({
    name: "diagonal with a zero",
    a: np.array([
      [3, 0, 0],
      [0, 0, 0],
      [0, 0, -2],
    ]),
  });
  // clustered: Q·diag(1, 1+1e-12, 1+2e-12, 2)·Qᵀ built from a Householder Q
  const v = randomMatrix([4, 1], 9);
  const Q = np.eye(4).subtract(v.multiply(v.swapaxes(0, 1)).multiply(2 / v.multiply(v).sum()));
  const D = np.array([
    [1, 0, 0, 0],
    [0, 1 + 1e-12, 0, 0],
    [0, 0, 1 + 2e-12, 0],
    [0, 0, 0, 2],
  ]);
  out.push({ name: "clustered 4", a: matmul(matmul(Q, D), Q) });
  const X = randomMatrix([9, 3], 11);
  const Y = randomMatrix([3, 7], 12);
  const R = np.zeros([9, 7]);
  for (let i = 0; i < 9; i++)
    for (let j = 0; j < 7; j++) {
      let s = 0;
      for (let t = 0; t < 3; t++) s += X.get(i, t) * Y.get(t, j);
      R.set(i, j, s);
    }
  out.push({ name: "rank 3 of 9x7", a: R });
  out.push({ name: "tall 60x10 (QR path)", a: randomMatrix([60, 10], 13) });
  out.push({ name: "wide 10x60 (QR path)", a: randomMatrix([10, 60], 14) });
  return out;
}

const cases = [
  ...select((t) => !t.includes("empty")).map((c) => ({ name: c.name, a: c.a })),
  ...spectralCorpus().flatMap((c) => [c, { name: `${c.name}, batched`, a: batched(c.a) }, { name: `${c.name}, sliced view`, a: slicedView(c.a) }]),
];

describe.each([
  { name: "blocked nb=3", blockSize: 3 },
  { name: "unblocked (the spec)", blockSize: 1 << 30 },
])("svd ($name)", ({ blockSize }) => {
  it.each(cases.map((c) => [c.name, c] as const))("A = U·Σ·Vᴴ with orthonormal U, V for %s", (_, c) => {
    const a = c.a;
    const [m, n] = a.shape.slice(-2);
    const eps = epsOf(a.dtype);
    for (const full of [true, false]) {
      const { U, S, Vh } = svd(a, { fullMatrices: full, blockSize });
      const k = Math.min(m, n);
      expect(S.shape).toEqual([...a.shape.slice(0, -2), k]);
      expect(U.shape).toEqual([...a.shape.slice(0, -2), m, full ? m : k]);
      expect(Vh.shape).toEqual([...a.shape.slice(0, -2), full ? n : k, n]);
      expectReconstructs(a, [U, sigma(S, U.shape[U.ndim - 1], Vh.shape[Vh.ndim - 2], U.dtype), Vh], { eps });
      expectOrthonormal(U, { eps });
      expectOrthonormal(Vh.swapaxes(-1, -2), { eps });
      // descending, non-negative
      for (const s of matrices(S.reshape([...S.shape, 1])))
        for (let i = 0; i < s.m; i++) {
          expect(s.re[i]).toBeGreaterThanOrEqual(0);
          if (i > 0) expect(s.re[i]).toBeLessThanOrEqual(s.re[i - 1]);
        }
      // the values alone agree with those of the full SVD
      const s2 = svd(a, { computeUv: false, blockSize });
      const tol = 30 * Math.max(m, n) * eps * Math.max(S.size ? np.max(S) : 0, 1e-300);
      const d = S.subtract(s2).data;
      for (let i = 0; i < d.length; i++) expect(Math.abs(d[i])).toBeLessThanOrEqual(tol);
    }
  });
});

describe("svd", () => {
  it("has the worked example's singular values", () => {
    expect(
      Array.from(
        svd(
          [
            [3, 0],
            [0, -4],
          ],
          { computeUv: false },
        ).data,
      ),
    ).toEqual([4, 3]);
  });

  it("keeps the relative accuracy of tiny singular values (Hilbert 12 against NumPy)", () => {
    const s = svd(hilbert(12), { computeUv: false });
    expect(s.get(11) / 1.1103e-17).toBeGreaterThan(0.5);
    expect(s.get(0)).toBeCloseTo(1.795372059562, 12);
  });

  it("handles empty matrices and stacks", () => {
    const r = svd(np.zeros([0, 0]));
    expect(r.S.shape).toEqual([0]);
    expect(svd(np.zeros([2, 3, 0]), { computeUv: false }).shape).toEqual([2, 0]);
  });

  it("raises noConvergence for NaN input and invalidInput for 1-D", () => {
    expect(() =>
      svd([
        [NaN, 1],
        [1, 1],
      ]),
    ).toThrow(expect.objectContaining({ name: "LinAlgError", kind: "noConvergence" }));
    expect(() => svd(np.zeros([3]))).toThrow(LinAlgError);
  });

  it("computes float32 in float64 and rounds", () => {
    const a = baseCorpus().find((c) => c.name === "float32 tall 9x4")!.a;
    const { U, S, Vh } = svd(a);
    expect([U.dtype, S.dtype, Vh.dtype]).toEqual(["float32", "float32", "float32"]);
  });

  it("hermitian: σ = |λ| sorted descending", () => {
    const s = svd(
      [
        [2, 0],
        [0, -3],
      ],
      { hermitian: true, computeUv: false },
    );
    expect(Array.from(s.data)).toEqual([3, 2]);
    const { U, S, Vh } = svd(
      [
        [1, 2],
        [2, -5],
      ],
      { hermitian: true },
    );
    expectReconstructs(
      np.array([
        [1, 2],
        [2, -5],
      ]),
      [U, sigma(S, 2, 2, "float64"), Vh],
    );
  });
});
