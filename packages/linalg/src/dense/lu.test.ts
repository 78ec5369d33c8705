import * as np from "@sliderule/ndarray";
import { ValueError } from "@sliderule/ndarray";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { randomComplex, randomMatrix, select, singularMatrix } from "../../test/corpus.js";
import {
  columns,
  expectClose,
  expectLowerTriangular,
  expectPermutation,
  expectReconstructs,
  expectSolves,
  expectUpperTriangular,
  matrices,
  maxAbs,
} from "../../test/invariants.js";
import { getrfResident } from "@sliderule/ndarray/kernels";
import { HAS_RESIDENT, inResident } from "../../test/column-major.js";
import { LinAlgError } from "../errors.js";
import * as block from "@sliderule/ndarray/kernels";
import { getf2, getrf2, getrf, lu, luFactor, luSolve } from "./lu.js";

/** getrf's WebAssembly twin (factor.as.ts dgetrf) on a resident copy of A. */
function getrfWasm(m: number, n: number, A: Float64Array, ipiv: Int32Array, nb: number): number {
  let info: number | undefined;
  expect(inResident([A], ([R]) => (info = getrfResident(block.colMajor(R, m, n), ipiv, nb)))).toBe(true);
  expect(info, "getrfResident took a resident matrix").not.toBeUndefined();
  return info!;
}

/** The unblocked spec and the blocked routine at several panel widths: one contract. */
const factorizers = [
  { name: "getf2 (unblocked)", factor: (m: number, n: number, A: Float64Array, ipiv: Int32Array) => getf2(m, n, A, 0, m, ipiv, 0) },
  { name: "getrf nb=1", factor: (m: number, n: number, A: Float64Array, ipiv: Int32Array) => getrf(block.colMajor(A, m, n), ipiv, 1) },
  { name: "getrf nb=3", factor: (m: number, n: number, A: Float64Array, ipiv: Int32Array) => getrf(block.colMajor(A, m, n), ipiv, 3) },
  { name: "getrf nb=8", factor: (m: number, n: number, A: Float64Array, ipiv: Int32Array) => getrf(block.colMajor(A, m, n), ipiv, 8) },
  {
    name: "getrf nb=21 (recursive panels)",
    factor: (m: number, n: number, A: Float64Array, ipiv: Int32Array) => getrf(block.colMajor(A, m, n), ipiv, 21),
  },
  { name: "getrf2 (recursive)", factor: (m: number, n: number, A: Float64Array, ipiv: Int32Array) => getrf2(block.colMajor(A, m, n), ipiv, 0) },
  // the WebAssembly twin, on the backends that have one
  ...(HAS_RESIDENT
    ? [1, 3, 8, 21].map((nb) => ({
        name: `getrfResident nb=${nb} (WebAssembly)`,
        factor: (m: number, n: number, A: Float64Array, ipiv: Int32Array) => getrfWasm(m, n, A, ipiv, nb),
      }))
    : []),
];

/** A column-major copy of an m×n array. */
function colMajor(a: np.NDArray): Float64Array {
  const [m, n] = a.shape;
  const W = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) W[i + j * m] = a.get(i, j);
  return W;
}

describe.each(factorizers)("$name", ({ factor }) => {
  it.each([
    [1, 1],
    [5, 5],
    [20, 20],
    [23, 9],
    [9, 23],
    [40, 40],
  ])("P·L·U = A for a random %i×%i matrix, |L| ≤ 1", (m, n) => {
    const a = randomMatrix([m, n], 10 * m + n);
    const W = colMajor(a);
    const ipiv = new Int32Array(Math.min(m, n));
    expect(factor(m, n, W, ipiv)).toBe(-1);
    // unpack with the public helper's conventions and check the invariant
    const { P, L, U } = lu(a, { blockSize: 1000 });
    expectReconstructs(a, [P, L, U]);
    for (let j = 0; j < Math.min(m, n); j++) for (let i = j + 1; i < m; i++) expect(Math.abs(W[i + j * m])).toBeLessThanOrEqual(1);
  });

  it("agrees with the unblocked routine: same pivots, factors to rounding", () => {
    const [m, n] = [37, 29];
    const a = randomMatrix([m, n], 77);
    const W0 = colMajor(a);
    const p0 = new Int32Array(n);
    getf2(m, n, W0, 0, m, p0, 0);
    const W1 = colMajor(a);
    const p1 = new Int32Array(n);
    factor(m, n, W1, p1);
    expect(Array.from(p1)).toEqual(Array.from(p0));
    for (let i = 0; i < W0.length; i++) expect(Math.abs(W1[i] - W0[i])).toBeLessThan(1e-12 * 40);
  });

  it("reports the first exactly zero pivot and still completes the factorisation", () => {
    // column 1 is twice column 0: the second pivot is exactly zero
    const a = np.array([
      [1, 2, 3],
      [2, 4, 1],
      [4, 8, 2],
    ]);
    const W = colMajor(a);
    const ipiv = new Int32Array(3);
    expect(factor(3, 3, W, ipiv)).toBe(1);
    // a 30×30 matrix whose column 17 is zero: the first zero pivot is at 17, across panels
    const b = randomMatrix([30, 30], 5);
    for (let i = 0; i < 30; i++) b.set(i, 17, 0);
    expect(factor(30, 30, colMajor(b), new Int32Array(30))).toBe(17);
  });
});

describe.skipIf(!HAS_RESIDENT)("getrfResident against getrf at sizes where every level blocks", () => {
  it.each([
    [200, 200, 32],
    [260, 130, 32],
    [130, 260, 48],
    [97, 97, 16],
  ])("%i×%i, nb=%i: the same pivots, factors equal to rounding", (m, n, nb) => {
    const a = randomMatrix([m, n], m + 7 * n);
    const W0 = colMajor(a);
    const p0 = new Int32Array(Math.min(m, n));
    expect(getrf(block.colMajor(W0, m, n), p0, nb)).toBe(-1);
    const W1 = colMajor(a);
    const p1 = new Int32Array(Math.min(m, n));
    expect(getrfWasm(m, n, W1, p1, nb)).toBe(-1);
    expect(Array.from(p1)).toEqual(Array.from(p0));
    // |L| ≤ 1 and |U| ≤ growth·max|A|: entrywise agreement to a few hundred ulps of the entries' scale
    let worst = 0;
    for (let i = 0; i < W0.length; i++) worst = Math.max(worst, Math.abs(W1[i] - W0[i]));
    expect(worst).toBeLessThan(m * 2 ** -52 * 64);
  });

  it("reports a zero pivot column deep inside a panel, as getrf", () => {
    const a = randomMatrix([150, 150], 9);
    for (let i = 0; i < 150; i++) a.set(i, 77, 0);
    const ipiv = new Int32Array(150);
    expect(getrf(block.colMajor(colMajor(a), 150, 150), ipiv, 32)).toBe(77);
    expect(getrfWasm(150, 150, colMajor(a), new Int32Array(150), 32)).toBe(77);
  });

  it("leaves ordinary arrays alone: undefined, nothing touched", () => {
    const A = new Float64Array([1, 2, 3, 4]);
    expect(getrfResident(block.colMajor(A, 2, 2), new Int32Array(2), 32)).toBeUndefined();
    expect(Array.from(A)).toEqual([1, 2, 3, 4]);
  });
});

describe("getrfResident's view contract", () => {
  it("a row-major view, too few pivots or a view past its buffer: internal errors, on every backend", () => {
    const A = new Float64Array([1, 2, 3, 4, 5, 6]);
    expect(() => getrfResident(block.strided(A, 2, 3, 0, 3, 1), new Int32Array(2), 8)).toThrow(/^internal: getrfResident: expected a column-major view/);
    expect(() => getrfResident(block.colMajor(A, 2, 3), new Int32Array(1), 8)).toThrow(/^internal: getrfResident: 1 pivots for a 2×3 matrix/);
    expect(() => getrfResident({ data: A, off: 2, rs: 1, cs: 2, rows: 2, cols: 3 }, new Int32Array(2), 8)).toThrow(
      /^internal: getrfResident: A 2×3 \(off 2, strides 1, 2\) spans elements \[2, 7\] outside a buffer of 6 elements/,
    );
    expect(Array.from(A)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe("lu", () => {
  it.each(select((t) => !t.includes("complex") || t.includes("square")).map((c) => [c.name, c] as const))("A = P·L·U: %s", (_, c) => {
    for (const nb of [1000, 2]) {
      const { P, L, U } = lu(c.a, { blockSize: nb });
      const [m, n] = c.a.shape.slice(-2);
      const k = Math.min(m, n);
      expect(P.shape).toEqual([...c.a.shape.slice(0, -2), m, m]);
      expect(L.shape).toEqual([...c.a.shape.slice(0, -2), m, k]);
      expect(U.shape).toEqual([...c.a.shape.slice(0, -2), k, n]);
      expectPermutation(P);
      expectLowerTriangular(L, { unitDiagonal: true });
      expectUpperTriangular(U);
      expectReconstructs(c.a, [P, L, U]);
      // multipliers are bounded by 1 (partial pivoting); complex pivots by |re| + |im|
      for (const l of matrices(L)) expect(maxAbs(l)).toBeLessThanOrEqual(c.tags.includes("complex") ? Math.SQRT2 : 1);
    }
  });

  it("keeps float32 in float32 and promotes int32 to float64", () => {
    expect(lu(randomMatrix([4, 4], 1, "float32")).U.dtype).toBe("float32");
    expect(
      lu(
        np.array([
          [1, 2],
          [3, 4],
        ]),
      ).U.dtype,
    ).toBe("float64");
    expect(lu(randomComplex([3, 3], 2)).L.dtype).toBe("complex128");
  });

  it("permuteL returns P·L", () => {
    const a = randomMatrix([6, 4], 3);
    const { P, L, U } = lu(a);
    const { PL, U: U2 } = lu(a, { permuteL: true });
    expectClose(U2, U, 0, 0);
    expectReconstructs(PL, [P, L], { c: 1 });
    expectReconstructs(a, [PL, U]);
  });

  it("matches SciPy on the worked example", () => {
    const { P, L, U } = lu([
      [1, 2],
      [3, 4],
    ]);
    expect(P.toArray()).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expectClose(
      L,
      np.array([
        [1, 0],
        [1 / 3, 1],
      ]),
      1e-15,
    );
    expectClose(
      U,
      np.array([
        [3, 4],
        [0, 2 / 3],
      ]),
      1e-15,
    );
  });

  it("factors a singular matrix without error", () => {
    const a = singularMatrix(5, 3, 9);
    const { P, L, U } = lu(a);
    expectReconstructs(a, [P, L, U]);
  });

  it("never modifies its input", () => {
    const a = randomMatrix([5, 5], 4);
    const before = Array.from(a.data);
    lu(a);
    luFactor(a);
    expect(Array.from(a.data)).toEqual(before);
  });

  it("rejects NaN and Inf, and 1-D input", () => {
    expect(() =>
      lu([
        [1, NaN],
        [0, 1],
      ]),
    ).toThrow(ValueError);
    expect(() =>
      lu([
        [1, Infinity],
        [0, 1],
      ]),
    ).toThrow(/lu: array must not contain infs or NaNs/);
    expect(() => lu([1, 2, 3])).toThrow(ValueError);
    expect(() => lu([1, 2, 3])).toThrow(/lu: expected a matrix or a stack of matrices \(at least 2 dimensions\), got shape \(3,\)/);
  });

  it("property: P·L·U = A for random shapes, strides and batches", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 3 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 5 }),
        fc.nat(),
        (m, n, batch, transpose, nb, seed) => {
          const shape = batch === 0 ? [m, n] : [batch, m, n];
          let a = randomMatrix(transpose ? [...shape.slice(0, -2), n, m] : shape, seed);
          if (transpose) a = a.swapaxes(-1, -2);
          const { P, L, U } = lu(a, { blockSize: nb });
          expectReconstructs(a, [P, L, U]);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("luFactor / luSolve", () => {
  it("piv is LAPACK's 0-based interchange vector (int32), lu packs L and U", () => {
    const { lu: f, piv } = luFactor([
      [1, 2],
      [3, 4],
    ]);
    expect(piv.dtype).toBe("int32");
    expect(piv.toArray()).toEqual([1, 1]);
    expectClose(
      f,
      np.array([
        [3, 4],
        [1 / 3, 2 / 3],
      ]),
      1e-15,
    );
  });

  it.each([0, 1, 2, "N", "T", "C"] as const)("solves op(A)·x = b with trans %s, vector and matrix b", (trans) => {
    const n = 30;
    const a = randomMatrix([n, n], 5);
    const f = luFactor(a, { blockSize: 4 });
    const t = trans === 1 || trans === 2 || trans === "T" || trans === "C";
    const b = randomMatrix([n], 6);
    const x = luSolve(f, b, { trans, blockSize: 4 });
    expect(x.shape).toEqual([n]);
    expectSolves(a, columns(x), columns(b), { trans: t });
    const B = randomMatrix([n, 3], 7);
    const X = luSolve([f.lu, f.piv], B, { trans });
    expect(X.shape).toEqual([n, 3]);
    expectSolves(a, matrices(X), matrices(B), { trans: t });
  });

  it("solves with complex factors, trans 2 conjugating", () => {
    const a = randomComplex([4, 4], 8);
    const b = randomComplex([4], 9);
    for (const trans of [0, 1, 2] as const) {
      const x = luSolve(luFactor(a), b, { trans });
      // Aᵀ = (conj A)ᴴ: the check multiplies by the conjugate transpose of its first argument
      expectSolves(trans === 1 ? a.conj() : a, columns(x), columns(b), { trans: trans !== 0 });
    }
  });

  it("broadcasts stacks of factors against b", () => {
    const a = randomMatrix([2, 5, 5], 10);
    const f = luFactor(a);
    const b = randomMatrix([2, 5], 11);
    const x = luSolve(f, b);
    expect(x.shape).toEqual([2, 5]);
    for (let p = 0; p < 2; p++) expectSolves(a.slice(p), [columns(x)[p]], [columns(b)[p]]);
    // one factor for many right-hand-side stacks
    const X = luSolve(luFactor(a.slice(0)), randomMatrix([4, 5, 2], 13));
    expect(X.shape).toEqual([4, 5, 2]);
  });

  it("raises LinAlgError(singular) with the index of U's zero diagonal", () => {
    const f = luFactor([
      [1, 2],
      [2, 4],
    ]);
    try {
      luSolve(f, [1, 1]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(LinAlgError);
      expect((e as LinAlgError).kind).toBe("singular");
      expect((e as LinAlgError).index).toBe(1);
    }
  });

  it("names the shapes when b does not fit", () => {
    const f = luFactor(randomMatrix([3, 3], 12));
    expect(() => luSolve(f, [1, 2, 3, 4])).toThrow(/luSolve: shapes of lu \(3, 3\) and b \(4,\) are incompatible/);
    expect(() => luSolve(f, [1, NaN, 3])).toThrow(/luSolve: array must not contain infs or NaNs/);
  });
});
