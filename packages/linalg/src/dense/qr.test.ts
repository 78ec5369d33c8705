import * as np from "@sliderule/ndarray";
import { ValueError } from "@sliderule/ndarray";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { randomComplex, randomMatrix, select } from "../../test/corpus.js";
import { columns, ctrans, expectClose, expectOrthonormal, expectReconstructs, expectUpperTriangular, matrices, mul, normF } from "../../test/invariants.js";
import { LinAlgError } from "../errors.js";
import * as block from "@sliderule/ndarray/kernels";
import { geqr2, geqrf, lstsqQR, org2r, orgqr, qr } from "./qr.js";
import { geqrfResident, orgqrResident } from "@sliderule/ndarray/kernels";
import { HAS_RESIDENT, inResident } from "../../test/column-major.js";

/** geqrf's WebAssembly twin (factor.as.ts dgeqrf) on a resident copy of the m×n block of W (ld m). */
function geqrfWasm(m: number, n: number, W: Float64Array, tau: Float64Array, nb: number): void {
  expect(inResident([W], ([R]) => expect(geqrfResident(block.colMajor(R, m, n), tau, nb), "geqrfResident took a resident matrix").toBe(true))).toBe(true);
}

/** orgqr's WebAssembly twin (factor.as.ts dorgqr) on a resident copy of W (ld m). */
function orgqrWasm(m: number, n: number, k: number, W: Float64Array, tau: Float64Array, nb: number): void {
  expect(inResident([W], ([R]) => expect(orgqrResident(block.colMajor(R, m, n), k, tau, nb), "orgqrResident took a resident matrix").toBe(true))).toBe(true);
}

function colMajor(a: np.NDArray, cols = a.shape[1]): Float64Array {
  const [m, n] = a.shape;
  const W = new Float64Array(m * cols);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) W[i + j * m] = a.get(i, j);
  return W;
}

describe.each([
  { name: "geqr2 + org2r (unblocked)", nb: 0 },
  { name: "geqrf + orgqr nb=1", nb: 1 },
  { name: "geqrf + orgqr nb=3", nb: 3 },
  { name: "geqrf + orgqr nb=8", nb: 8 },
  // the WebAssembly twin, on the backends that have one
  ...(HAS_RESIDENT ? [1, 3, 8].map((nb) => ({ name: `geqrfResident + orgqrResident nb=${nb} (WebAssembly)`, nb, wasm: true })) : []),
])("$name", ({ nb, wasm }: { nb: number; wasm?: boolean }) => {
  const factor = (m: number, n: number, W: Float64Array, tau: Float64Array) =>
    wasm ? geqrfWasm(m, n, W, tau, nb) : nb === 0 ? geqr2(m, n, W, 0, m, tau, 0) : geqrf(block.colMajor(W, m, n), tau, nb);
  const formQ = (m: number, n: number, k: number, W: Float64Array, tau: Float64Array) =>
    wasm ? orgqrWasm(m, n, k, W, tau, nb) : nb === 0 ? org2r(m, n, k, W, 0, m, tau, 0) : orgqr(block.colMajor(W, m, n), k, tau, nb);

  it.each([
    [1, 1],
    [6, 6],
    [25, 10],
    [10, 25],
    [33, 33],
  ])("matches the unblocked factors and Q·R = A for %i×%i", (m, n) => {
    const a = randomMatrix([m, n], m * 100 + n);
    const k = Math.min(m, n);
    const W0 = colMajor(a);
    const t0 = new Float64Array(k);
    geqr2(m, n, W0, 0, m, t0, 0);
    const W = colMajor(a, Math.max(n, m));
    const tau = new Float64Array(k);
    factor(m, n, W, tau);
    for (let j = 0; j < k; j++) expect(Math.abs(tau[j] - t0[j])).toBeLessThan(1e-12);
    for (let i = 0; i < m * n; i++) expect(Math.abs(W[i] - W0[i])).toBeLessThan(1e-12 * m);
    // R, then Q in place (complete: m columns)
    const R = np.zeros([m, n]);
    for (let i = 0; i < m; i++) for (let j = i; j < n; j++) R.set(i, j, W[i + j * m]);
    formQ(m, m, k, W, tau);
    const Q = np.zeros([m, m]);
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) Q.set(i, j, W[i + j * m]);
    expectOrthonormal(Q);
    expectReconstructs(a, [Q, R]);
  });
});

describe.skipIf(!HAS_RESIDENT)("geqrfResident against geqrf at sizes where every level blocks", () => {
  it.each([
    [260, 130, 32],
    [130, 260, 32],
    [200, 200, 48],
  ])("%i×%i, nb=%i: the same R, reflectors and tau to rounding", (m, n, nb) => {
    const a = randomMatrix([m, n], m + 3 * n);
    const k = Math.min(m, n);
    const W0 = colMajor(a);
    const t0 = new Float64Array(k);
    geqrf(block.colMajor(W0, m, n), t0, nb);
    const W1 = colMajor(a);
    const t1 = new Float64Array(k);
    geqrfWasm(m, n, W1, t1, nb);
    let worst = 0;
    for (let i = 0; i < W0.length; i++) worst = Math.max(worst, Math.abs(W1[i] - W0[i]));
    for (let j = 0; j < k; j++) worst = Math.max(worst, Math.abs(t1[j] - t0[j]));
    // entries of R are at most ‖A‖_F ≈ sqrt(m·n/3), the reflectors' at most about 1
    expect(worst).toBeLessThan(Math.max(m, n) * 2 ** -52 * 64 * Math.sqrt((m * n) / 3));
  });

  it.each([
    [260, 130, 130, 32],
    [260, 260, 130, 32],
    [200, 200, 200, 48],
  ])("orgqrResident %i×%i from %i reflectors, nb=%i: Q equal to orgqr's to rounding", (m, n, k, nb) => {
    const a = randomMatrix([m, k], m + k);
    const W0 = colMajor(a, n);
    const tau = new Float64Array(k);
    geqrf(block.colMajor(W0, m, k), tau, nb);
    const W1 = W0.slice();
    orgqr(block.colMajor(W0, m, n), k, tau, nb);
    orgqrWasm(m, n, k, W1, tau, nb);
    let worst = 0;
    for (let i = 0; i < m * n; i++) worst = Math.max(worst, Math.abs(W1[i] - W0[i]));
    expect(worst).toBeLessThan(m * 2 ** -52 * 64);
  });

  it("leaves ordinary arrays alone: false, nothing touched", () => {
    const A = new Float64Array([3, 4, 1, 2]);
    expect(geqrfResident(block.colMajor(A, 2, 2), new Float64Array(2), 32)).toBe(false);
    expect(orgqrResident(block.colMajor(A, 2, 2), 2, new Float64Array(2), 32)).toBe(false);
    expect(Array.from(A)).toEqual([3, 4, 1, 2]);
  });
});

describe("geqrfResident's and orgqrResident's view contracts", () => {
  it("a row-major view, too few scalars, more reflectors than columns: internal errors, on every backend", () => {
    const A = new Float64Array([3, 4, 1, 2, 5, 6]);
    expect(() => geqrfResident(block.strided(A, 3, 2, 0, 2, 1), new Float64Array(2), 8)).toThrow(/^internal: geqrfResident: expected a column-major view/);
    expect(() => geqrfResident(block.colMajor(A, 3, 2), new Float64Array(1), 8)).toThrow(/^internal: geqrfResident: 1 scalars for a 3×2 matrix/);
    expect(() => orgqrResident(block.colMajor(A, 3, 2), 3, new Float64Array(3), 8)).toThrow(/^internal: orgqrResident: 3 reflectors .* for a 3×2 matrix/);
    expect(() => orgqrResident(block.colMajor(A, 2, 3), 2, new Float64Array(2), 8)).toThrow(/^internal: orgqrResident: 2 reflectors .* for a 2×3 matrix/);
    expect(Array.from(A)).toEqual([3, 4, 1, 2, 5, 6]);
  });
});

describe("qr", () => {
  it.each(select(() => true).map((c) => [c.name, c] as const))("reduced and complete: Q·R = A, QᴴQ = I, R upper: %s", (_, c) => {
    const [m, n] = c.a.shape.slice(-2);
    const k = Math.min(m, n);
    const batch = c.a.shape.slice(0, -2);
    for (const blockSize of [1000, 2]) {
      const { Q, R } = qr(c.a, { blockSize });
      expect(Q.shape).toEqual([...batch, m, k]);
      expect(R.shape).toEqual([...batch, k, n]);
      expect(Q.dtype).toBe(c.a.dtype === "int32" ? "float64" : c.a.dtype);
      expectOrthonormal(Q);
      expectUpperTriangular(R);
      expectReconstructs(c.a, [Q, R]);
      const full = qr(c.a, { mode: "complete", blockSize });
      expect(full.Q.shape).toEqual([...batch, m, m]);
      expect(full.R.shape).toEqual([...batch, m, n]);
      expectOrthonormal(full.Q);
      expectUpperTriangular(full.R);
      expectReconstructs(c.a, [full.Q, full.R]);
    }
  });

  it("mode r gives R (K, N) equal to the reduced R; RᵀR = AᵀA", () => {
    const a = randomMatrix([7, 4], 1);
    const R = qr(a, { mode: "r" });
    expect(R.shape).toEqual([4, 4]);
    expectClose(R, qr(a).R, 0, 0);
    const Rw = qr(randomMatrix([3, 5], 2), { mode: "r" });
    expect(Rw.shape).toEqual([3, 5]);
  });

  it("mode raw is NumPy's (h, tau): h (N, M) is the compact factor transposed", () => {
    const a = randomMatrix([5, 3], 3);
    const { h, tau } = qr(a, { mode: "raw" });
    expect(h.shape).toEqual([3, 5]);
    expect(tau.shape).toEqual([3]);
    const R = qr(a, { mode: "r" });
    // R is the upper triangle of hᵀ
    for (let i = 0; i < 3; i++) for (let j = i; j < 3; j++) expect(h.get(j, i)).toBe(R.get(i, j));
    // Q = H_0·H_1·H_2 rebuilt from h and tau reproduces A with R
    let Q = np.eye(5);
    for (let j = 0; j < 3; j++) {
      const v = np.zeros([5, 1]);
      v.set(j, 0, 1);
      for (let i = j + 1; i < 5; i++) v.set(i, 0, h.get(j, i));
      const vvT = mul(matrices(v)[0], ctrans(matrices(v)[0]));
      const H = np.eye(5);
      for (let r = 0; r < 5; r++) for (let s = 0; s < 5; s++) H.set(r, s, H.get(r, s) - tau.get(j) * vvT.re[r * 5 + s]);
      Q = np.fromTypedArray(mul(matrices(Q)[0], matrices(H)[0]).re, [5, 5]);
    }
    expectReconstructs(a, [Q.slice(":", ":3"), R]);
  });

  it("complex: Q·R = A with QᴴQ = I and a real diagonal of R", () => {
    const a = randomComplex([5, 3], 4);
    const { Q, R } = qr(a);
    expectOrthonormal(Q);
    expectReconstructs(a, [Q, R]);
    for (let i = 0; i < 3; i++) expect(R.getComplex(i, i).im).toBe(0);
  });

  it("a rank-deficient matrix still factors", () => {
    const a = np.array([
      [1, 2, 3],
      [2, 4, 6],
      [1, 1, 1],
      [0, 0, 0],
    ]);
    const { Q, R } = qr(a);
    expectOrthonormal(Q);
    expectReconstructs(a, [Q, R]);
  });

  it("errors: unknown mode, 1-D, NaN", () => {
    expect(() => qr(np.eye(3), { mode: "x" as "r" })).toThrow(ValueError);
    expect(() => qr(np.eye(3), { mode: "x" as "r" })).toThrow(/qr: unrecognized mode 'x'/);
    expect(() => qr([1, 2, 3])).toThrow(LinAlgError);
    expect(() => qr([[1, NaN]])).toThrow(/qr: array must not contain infs or NaNs/);
  });

  it("property: Q·R = A, QᵀQ = I for random shapes, stacks and views", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 14 }),
        fc.integer({ min: 0, max: 14 }),
        fc.integer({ min: 1, max: 5 }),
        fc.boolean(),
        fc.nat(),
        (m, n, nb, transpose, seed) => {
          let a = randomMatrix(transpose ? [2, n, m] : [2, m, n], seed);
          if (transpose) a = a.swapaxes(-1, -2);
          const { Q, R } = qr(a, { blockSize: nb, mode: "complete" });
          expectOrthonormal(Q);
          expectUpperTriangular(R);
          expectReconstructs(a, [Q, R]);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("lstsqQR", () => {
  it("minimises ‖A·x − b‖: the residual is orthogonal to the columns of A", () => {
    for (const blockSize of [1000, 3]) {
      const a = randomMatrix([40, 12], 5);
      const b = randomMatrix([40, 2], 6);
      const x = lstsqQR(a, b, { blockSize });
      expect(x.shape).toEqual([12, 2]);
      const A = matrices(a)[0];
      const r = mul(A, matrices(x)[0]);
      const B = matrices(b)[0];
      for (let i = 0; i < r.re.length; i++) r.re[i] -= B.re[i];
      // ‖Aᵀ·r‖ ≤ c·m·eps·‖A‖·(‖A‖·‖x‖ + ‖b‖)
      const g = normF(mul(ctrans(A), r));
      expect(g / (40 * 2 ** -52 * normF(A) * (normF(A) * normF(matrices(x)[0]) + normF(B)))).toBeLessThan(30);
    }
  });

  it("is exact on consistent systems and square systems, vector b, stacks, complex", () => {
    expectClose(
      lstsqQR(
        [
          [1, 0],
          [0, 1],
          [1, 1],
        ],
        [1, 1, 2],
      ),
      np.array([1, 1]),
      1e-14,
      1e-14,
    );
    const a = randomMatrix([2, 6, 6], 7);
    const b = randomMatrix([2, 6], 8);
    const x = lstsqQR(a, b);
    expect(x.shape).toEqual([2, 6]);
    for (let p = 0; p < 2; p++) {
      const r = mul(matrices(a.slice(p))[0], columns(x)[p]);
      for (let i = 0; i < 6; i++) expect(Math.abs(r.re[i] - b.get(p, i))).toBeLessThan(1e-12);
    }
    const c = randomComplex([6, 3], 9);
    const xc = np.zeros([3], "complex128");
    xc.data.set([1, 2, 3, -1, 0.5, 0]);
    const bc = np.fromTypedArray(mul(matrices(c)[0], columns(xc)[0]).re, [6]).astype("complex128");
    const prod = mul(matrices(c)[0], columns(xc)[0]);
    for (let i = 0; i < 6; i++) bc.data[2 * i + 1] = prod.im[i];
    expectClose(lstsqQR(c, bc), xc, 1e-12, 1e-12);
  });

  it("errors: wide A, rank deficiency (singular with index), shapes", () => {
    expect(() => lstsqQR(randomMatrix([2, 3], 1), [1, 2])).toThrow(ValueError);
    expect(() =>
      lstsqQR(
        [
          [1, 0],
          [2, 0],
          [3, 0],
        ],
        [1, 2, 3],
      ),
    ).toThrow(expect.objectContaining({ kind: "singular", index: 1 }));
    expect(() => lstsqQR(randomMatrix([4, 2], 1), [1, 2])).toThrow(/lstsqQR: shapes of a \(4, 2\) and b \(2,\) are incompatible/);
  });
});
