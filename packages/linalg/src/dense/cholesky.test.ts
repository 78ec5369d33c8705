import * as np from "@sliderule/ndarray";
import { ValueError } from "@sliderule/ndarray";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hpdMatrix, randomMatrix, select, spdMatrix } from "../../test/corpus.js";
import { columns, expectClose, expectLowerTriangular, expectReconstructs, expectSolves, expectUpperTriangular, matrices } from "../../test/invariants.js";
import { LinAlgError } from "../errors.js";
import * as block from "@sliderule/ndarray/kernels";
import { choFactor, cholesky, choSolve, potf2, potrf } from "./cholesky.js";
import { potrfResident } from "@sliderule/ndarray/kernels";
import { HAS_RESIDENT, inResident } from "../../test/column-major.js";

/** potrf's WebAssembly twin (factor.as.ts dpotrf) on a resident copy of W. */
function potrfWasm(n: number, W: Float64Array, nb: number): number {
  let info: number | undefined;
  expect(inResident([W], ([R]) => (info = potrfResident(block.colMajor(R, n, n), nb)))).toBe(true);
  expect(info, "potrfResident took a resident matrix").not.toBeUndefined();
  return info!;
}

/** Column-major copy of a square float64 array. */
function colMajor(a: np.NDArray): Float64Array {
  const n = a.shape[0];
  const W = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) W[i + j * n] = a.get(i, j);
  return W;
}

describe.each([
  { name: "potf2 (unblocked)", factor: (n: number, W: Float64Array) => potf2(n, W, 0, n) },
  { name: "potrf nb=1", factor: (n: number, W: Float64Array) => potrf(block.colMajor(W, n, n), 1) },
  { name: "potrf nb=4", factor: (n: number, W: Float64Array) => potrf(block.colMajor(W, n, n), 4) },
  { name: "potrf nb=7", factor: (n: number, W: Float64Array) => potrf(block.colMajor(W, n, n), 7) },
  ...(HAS_RESIDENT
    ? [1, 4, 7].map((nb) => ({ name: `potrfResident nb=${nb} (WebAssembly)`, factor: (n: number, W: Float64Array) => potrfWasm(n, W, nb) }))
    : []),
])("$name", ({ factor }) => {
  it.each([1, 2, 9, 30])("agrees with the unblocked routine on spd %i", (n) => {
    const a = spdMatrix(n, n);
    const W0 = colMajor(a);
    expect(potf2(n, W0, 0, n)).toBe(-1);
    const W1 = colMajor(a);
    expect(factor(n, W1)).toBe(-1);
    // compare the lower triangles
    for (let j = 0; j < n; j++) for (let i = j; i < n; i++) expect(Math.abs(W1[i + j * n] - W0[i + j * n])).toBeLessThan(1e-13 * Math.sqrt(n) * n);
  });

  it("returns the index of the first leading minor that is not positive", () => {
    // leading minors of order 1, 2 positive; order 3 is not: index 2
    const a = np.array([
      [4, 2, 2, 0],
      [2, 5, 1, 0],
      [2, 1, 1, 0],
      [0, 0, 0, 1],
    ]);
    expect(factor(4, colMajor(a))).toBe(2);
  });
});

describe.skipIf(!HAS_RESIDENT)("potrfResident against potrf at sizes where every level blocks", () => {
  it.each([
    [150, 32],
    [211, 48],
  ])("n=%i, nb=%i: lower triangles equal to rounding", (n, nb) => {
    const a = spdMatrix(n, n + 1);
    const W0 = colMajor(a);
    expect(potrf(block.colMajor(W0, n, n), nb)).toBe(-1);
    const W1 = colMajor(a);
    expect(potrfWasm(n, W1, nb)).toBe(-1);
    let worst = 0;
    let scale = 0;
    for (let j = 0; j < n; j++) {
      for (let i = j; i < n; i++) {
        worst = Math.max(worst, Math.abs(W1[i + j * n] - W0[i + j * n]));
        scale = Math.max(scale, Math.abs(W0[i + j * n]));
      }
    }
    expect(worst).toBeLessThan(n * 2 ** -52 * 16 * scale);
  });

  it("names the failing leading minor past the first panels", () => {
    // S positive definite, then row and column 100 made to fail: the minor of order 101 is the first not positive
    const n = 140;
    const a = spdMatrix(n, 3);
    a.set(100, 100, -1);
    expect(potrf(block.colMajor(colMajor(a), n, n), 32)).toBe(100);
    expect(potrfWasm(n, colMajor(a), 32)).toBe(100);
  });
});

describe("potrfResident's view contract", () => {
  it("a non-square or row-major view: internal errors, on every backend", () => {
    const A = new Float64Array([4, 2, 2, 3, 1, 1]);
    expect(() => potrfResident(block.colMajor(A, 2, 3), 8)).toThrow(/^internal: potrfResident: a non-square 2×3/);
    expect(() => potrfResident(block.strided(A, 2, 2, 0, 2, 1), 8)).toThrow(/^internal: potrfResident: expected a column-major view/);
    expect(Array.from(A)).toEqual([4, 2, 2, 3, 1, 1]);
  });

  it("leaves ordinary arrays alone: undefined, nothing touched", () => {
    const A = new Float64Array([4, 2, 2, 3]);
    expect(potrfResident(block.colMajor(A, 2, 2), 8)).toBeUndefined();
    expect(Array.from(A)).toEqual([4, 2, 2, 3]);
  });
});

describe("cholesky", () => {
  it.each(select((t) => t.includes("spd")).map((c) => [c.name, c] as const))("A = L·Lᴴ, L lower with positive diagonal: %s", (_, c) => {
    for (const blockSize of [1000, 2]) {
      const L = cholesky(c.a, { blockSize });
      expect(L.shape).toEqual(c.a.shape);
      expectLowerTriangular(L);
      for (const l of matrices(L)) for (let i = 0; i < l.n; i++) expect(l.re[i * l.n + i]).toBeGreaterThan(0);
      expectReconstructs(c.a, [L, L.swapaxes(-1, -2).conj()]);
      const U = cholesky(c.a, { upper: true, blockSize });
      expectUpperTriangular(U);
      expectReconstructs(c.a, [U.swapaxes(-1, -2).conj(), U]);
    }
  });

  it("reads only the lower triangle (upper: only the upper one)", () => {
    const a = spdMatrix(5, 1);
    const lowerOnly = a.copy();
    const upperOnly = a.copy();
    for (let i = 0; i < 5; i++) {
      for (let j = i + 1; j < 5; j++) {
        lowerOnly.set(i, j, 99);
        upperOnly.set(j, i, -99);
      }
    }
    expectClose(cholesky(lowerOnly), cholesky(a), 0, 0);
    expectClose(cholesky(upperOnly, { upper: true }), cholesky(a, { upper: true }), 0, 0);
  });

  it("computes float32 in float32 and ints in float64", () => {
    expect(cholesky(spdMatrix(3, 2).astype("float32")).dtype).toBe("float32");
    expect(
      cholesky([
        [4, 2],
        [2, 5],
      ]).toArray(),
    ).toEqual([
      [2, 0],
      [1, 2],
    ]);
  });

  it("raises LinAlgError(notPositiveDefinite) with the failing index", () => {
    for (const [a, index] of [
      [
        [
          [1, 2],
          [2, 1],
        ],
        1,
      ],
      [
        [
          [-1, 0],
          [0, 1],
        ],
        0,
      ],
      [np.zeros([3, 3]), 0],
      [np.eye(4).multiply(-1), 0],
    ] as const) {
      try {
        cholesky(a as np.NDArray);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(LinAlgError);
        expect((e as LinAlgError).kind).toBe("notPositiveDefinite");
        expect((e as LinAlgError).index).toBe(index);
        expect((e as Error).message).toMatch(/cholesky: Matrix is not positive definite/);
      }
    }
    // in a blocked run the index is global
    const a = spdMatrix(12, 3);
    a.set(9, 9, -1000);
    expect(() => cholesky(a, { blockSize: 4 })).toThrow(expect.objectContaining({ kind: "notPositiveDefinite", index: 9 }));
  });

  it("errors: non-square names the shape, NaN is a ValueError", () => {
    expect(() => cholesky(np.zeros([2, 3]))).toThrow(/cholesky: Last 2 dimensions of the array must be square, got shape \(2, 3\)/);
    expect(() =>
      cholesky([
        [1, 0],
        [NaN, 1],
      ]),
    ).toThrow(ValueError);
  });

  it("property: A = L·Lᵀ on random spd stacks and strided views", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 16 }), fc.integer({ min: 1, max: 6 }), fc.boolean(), fc.nat(), (n, nb, transpose, seed) => {
        let a = np.stack([spdMatrix(n, seed), spdMatrix(n, seed + 1)]);
        if (transpose) a = a.swapaxes(-1, -2);
        const L = cholesky(a, { blockSize: nb });
        expectReconstructs(a, [L, L.swapaxes(-1, -2)]);
      }),
      { numRuns: 50 },
    );
  });
});

describe("choFactor / choSolve", () => {
  it.each([true, false])("solves A·x = b (lower %s), vector and matrix b, stacks", (lower) => {
    const a = np.stack([spdMatrix(20, 1), spdMatrix(20, 2)]);
    const f = choFactor(a, { lower, blockSize: 3 });
    expect(f.lower).toBe(lower);
    if (lower) expectLowerTriangular(f.c);
    else expectUpperTriangular(f.c);
    const b = randomMatrix([2, 20], 3);
    const x = choSolve(f, b, { blockSize: 3 });
    for (let p = 0; p < 2; p++) expectSolves(a.slice(p), [columns(x)[p]], [columns(b)[p]]);
    const B = randomMatrix([20, 4], 4);
    const X = choSolve([f.c.slice(0), lower], B);
    expectSolves(a.slice(0), matrices(X), matrices(B));
  });

  it("complex Hermitian: choSolve(choFactor(A), b) solves A·x = b", () => {
    const a = hpdMatrix(6, 5);
    const b = randomMatrix([6], 6).astype("complex128");
    for (const lower of [true, false]) {
      const x = choSolve(choFactor(a, { lower }), b);
      expectSolves(a, columns(x), columns(b));
    }
    const L = cholesky(a);
    expectReconstructs(a, [L, L.swapaxes(-1, -2).conj()]);
  });

  it("the worked example", () => {
    expect(
      choSolve(
        choFactor([
          [4, 2],
          [2, 5],
        ]),
        [6, 7],
      ).toArray(),
    ).toEqual([1, 1]);
    expect(() =>
      choSolve(
        choFactor([
          [4, 2],
          [2, 5],
        ]),
        [6, 7, 8],
      ),
    ).toThrow(/choSolve: shapes of c \(2, 2\) and b \(3,\) are incompatible/);
  });
});
