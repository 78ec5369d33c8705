import * as np from "@sliderule/ndarray";
import { ValueError } from "@sliderule/ndarray";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { randomComplex, randomMatrix } from "../../test/corpus.js";
import { columns, expectClose, expectSolves, matrices } from "../../test/invariants.js";
import { LinAlgError } from "../errors.js";
import { solveTriangular, trsm, trsmBlock, trsmReference, type TrsmArgs } from "./triangular-solve.js";
import { colMajor, lower, lowerUnit, T, trsmResident, upper } from "@sliderule/ndarray/kernels";
import { HAS_RESIDENT, inResident } from "../../test/column-major.js";

/** trsm's WebAssembly twin (factor.as.ts dtrsm), on resident copies of T and B. */
function trsmWasm(args: TrsmArgs, nb: number): void {
  const T = args.T as Float64Array;
  const B = args.B as Float64Array;
  expect(inResident([T, B], ([RT, RB]) => expect(trsmResident({ ...args, T: RT, B: RB }, nb)).toBe(true))).toBe(true);
}

/** A well-conditioned triangular matrix: random off-diagonal, diagonal in [1, 2]. */
function triangular(n: number, lower: boolean, seed: number): np.NDArray {
  const a = randomMatrix([n, n], seed);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (lower ? j > i : j < i) a.set(i, j, 0);
      if (i === j) a.set(i, i, 1 + Math.abs(a.get(i, i)) / 4);
    }
  }
  return a;
}

/** The fast kernel and its reference twin, under one contract. */
describe.each([
  { name: "trsmReference (the spec)", run: (args: TrsmArgs) => trsmReference(args) },
  { name: "trsm nb=1", run: (args: TrsmArgs) => trsm(args, 1) },
  { name: "trsm nb=4", run: (args: TrsmArgs) => trsm(args, 4) },
  { name: "trsm nb=64", run: (args: TrsmArgs) => trsm(args, 64) },
  ...(HAS_RESIDENT ? [1, 4, 64].map((nb) => ({ name: `trsmResident nb=${nb} (WebAssembly)`, run: (args: TrsmArgs) => trsmWasm(args, nb) })) : []),
])("$name", ({ run }) => {
  it.each([
    [true, false, "column-major B"],
    [false, false, "column-major B"],
    [true, true, "row-major B"],
    [false, true, "row-major B"],
  ])("lower=%s: T·X = B for many right-hand sides (%s)", (lower, rowMajorB) => {
    const n = 37;
    const nrhs = 5;
    const t = triangular(n, lower, 1);
    const T = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) T[i + j * n] = t.get(i, j);
    const b = randomMatrix([n, nrhs], 2);
    const B = new Float64Array(n * nrhs);
    const [bRs, bCs] = rowMajorB ? [nrhs, 1] : [1, n];
    for (let i = 0; i < n; i++) for (let j = 0; j < nrhs; j++) B[i * bRs + j * bCs] = b.get(i, j);
    run({ n, nrhs, lower, unitDiagonal: false, T, tOff: 0, tRs: 1, tCs: n, B, bOff: 0, bRs, bCs });
    const x = np.zeros([n, nrhs]);
    for (let i = 0; i < n; i++) for (let j = 0; j < nrhs; j++) x.set(i, j, B[i * bRs + j * bCs]);
    expectSolves(t, matrices(x), matrices(b));
  });

  it("reads Tᵀ through swapped strides and ignores the diagonal when unit", () => {
    const n = 9;
    const t = triangular(n, true, 3);
    const T = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) T[i + j * n] = t.get(i, j);
    const b = randomMatrix([n, 1], 4);
    const B = Float64Array.from(b.data as Float64Array);
    // Tᵀ is upper triangular: read T with tRs = n, tCs = 1
    run({ n, nrhs: 1, lower: false, unitDiagonal: false, T, tOff: 0, tRs: n, tCs: 1, B, bOff: 0, bRs: 1, bCs: n });
    expectSolves(t.T, [matrices(np.fromTypedArray(B, [n, 1]))[0]], matrices(b));
    // unit diagonal: the stored diagonal is not read
    const unit = t.copy();
    for (let i = 0; i < n; i++) unit.set(i, i, 1);
    const B2 = Float64Array.from(b.data as Float64Array);
    for (let i = 0; i < n; i++) T[i + i * n] = 1e300;
    run({ n, nrhs: 1, lower: true, unitDiagonal: true, T, tOff: 0, tRs: 1, tCs: n, B: B2, bOff: 0, bRs: 1, bCs: n });
    expectSolves(unit, [matrices(np.fromTypedArray(B2, [n, 1]))[0]], matrices(b));
  });
});

describe.skipIf(!HAS_RESIDENT)("trsmResident against trsmReference at sizes where the recursion reaches gemm", () => {
  it.each([
    [true, false, false, false],
    [false, false, false, true],
    [true, true, true, false],
    [false, true, false, true],
    [true, false, true, true],
  ])("lower=%s unit=%s transposed T=%s row-major B=%s", (lower, unit, transT, rowMajorB) => {
    const n = 150;
    const nrhs = 70;
    // T as stored: lower when read directly, or its transpose read through swapped strides
    const t = triangular(n, transT ? !lower : lower, 11);
    const T = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) T[i + j * n] = t.get(i, j);
    const [tRs, tCs] = transT ? [n, 1] : [1, n];
    const b = randomMatrix([n, nrhs], 12);
    const [bRs, bCs] = rowMajorB ? [nrhs, 1] : [1, n];
    const B0 = new Float64Array(n * nrhs);
    for (let i = 0; i < n; i++) for (let j = 0; j < nrhs; j++) B0[i * bRs + j * bCs] = b.get(i, j);
    const B1 = B0.slice();
    const args = { n, nrhs, lower, unitDiagonal: unit, T, tOff: 0, tRs, tCs, bOff: 0, bRs, bCs };
    trsmReference({ ...args, B: B0 });
    trsmWasm({ ...args, B: B1 }, 8);
    let worst = 0;
    let scale = 0;
    for (let i = 0; i < B0.length; i++) {
      worst = Math.max(worst, Math.abs(B1[i] - B0[i]));
      scale = Math.max(scale, Math.abs(B0[i]));
    }
    expect(worst).toBeLessThan(n * 2 ** -52 * 64 * scale);
  });

  it("leaves ordinary arrays alone: false, nothing touched", () => {
    const B = new Float64Array([1, 2]);
    expect(
      trsmResident(
        { n: 2, nrhs: 1, lower: true, unitDiagonal: false, T: new Float64Array([1, 0, 0, 1]), tOff: 0, tRs: 1, tCs: 2, B, bOff: 0, bRs: 1, bCs: 2 },
        8,
      ),
    ).toBe(false);
    expect(Array.from(B)).toEqual([1, 2]);
  });
});

describe("solveTriangular", () => {
  it.each([
    [false, 0],
    [true, 0],
    [false, 1],
    [true, 1],
    [false, "T"],
    [true, "C"],
  ] as const)("lower=%s trans=%s, vector and matrix b", (lower, trans) => {
    const a = triangular(20, lower, 5);
    const b = randomMatrix([20], 6);
    const t = trans !== 0;
    expectSolves(a, columns(solveTriangular(a, b, { lower, trans, blockSize: 3 })), columns(b), { trans: t });
    const B = randomMatrix([20, 3], 7);
    expectSolves(a, matrices(solveTriangular(a, B, { lower, trans })), matrices(B), { trans: t });
  });

  it("reads only the named triangle (SciPy's full-input case)", () => {
    const a = randomMatrix([4, 4], 8).add(np.eye(4).multiply(5));
    const b = randomMatrix([4], 9);
    const lowerPart = a.copy();
    for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) lowerPart.set(i, j, 0);
    expectClose(solveTriangular(a, b, { lower: true }), solveTriangular(lowerPart, b, { lower: true }), 0, 0);
  });

  it("complex: trans 'C' solves with the conjugate transpose, 'T' with the transpose", () => {
    const a = randomComplex([4, 4], 10);
    for (let i = 0; i < 4; i++) for (let j = 0; j < i; j++) a.set(i, j, 0);
    const b = randomComplex([4], 11);
    expectSolves(a, columns(solveTriangular(a, b)), columns(b));
    expectSolves(a, columns(solveTriangular(a, b, { trans: "C" })), columns(b), { trans: true });
    expectSolves(a.conj(), columns(solveTriangular(a, b, { trans: "T" })), columns(b), { trans: true });
  });

  it("stacks broadcast; types follow NumPy's promotion", () => {
    const a = np.stack([triangular(5, false, 1), triangular(5, false, 2)]);
    const b = randomMatrix([3, 1, 5, 2], 3);
    const x = solveTriangular(a, b);
    expect(x.shape).toEqual([3, 2, 5, 2]);
    expect(
      solveTriangular(
        [
          [2, 1],
          [0, 1],
        ],
        [3, 1],
      ).dtype,
    ).toBe("float64");
    expect(solveTriangular(triangular(3, false, 4).astype("float32"), randomMatrix([3], 5, "float32")).dtype).toBe("float32");
  });

  it("singular diagonal: LinAlgError naming the diagonal, SciPy's message", () => {
    const a = np.array([
      [1, 2, 3],
      [0, 0, 4],
      [0, 0, 5],
    ]);
    try {
      solveTriangular(a, [1, 2, 3]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(LinAlgError);
      expect((e as LinAlgError).message).toBe("singular matrix: resolution failed at diagonal 1");
      expect((e as LinAlgError).kind).toBe("singular");
      expect((e as LinAlgError).index).toBe(1);
    }
    // with a unit diagonal the zero is never read
    expect(solveTriangular(a, [1, 2, 3], { unitDiagonal: true }).shape).toEqual([3]);
  });

  it("caller mistakes: shapes, trans, NaN", () => {
    expect(() => solveTriangular(np.eye(3), [1, 2, 3, 4])).toThrow("shapes of a (3, 3) and b (4,) are incompatible");
    expect(() => solveTriangular(np.eye(3), [1, 2, 3, 4])).toThrow(ValueError);
    expect(() => solveTriangular(np.zeros([2, 3]), [1, 2])).toThrow(/expected square matrix/);
    expect(() => solveTriangular(np.eye(2), [1, 2], { trans: 3 as 0 })).toThrow(/invalid value for trans/);
    expect(() => solveTriangular(np.eye(2), [1, NaN])).toThrow(/array must not contain infs or NaNs/);
    expect(solveTriangular(np.eye(2), [1, NaN], { checkFinite: false }).shape).toEqual([2]);
  });

  it("property: backward stable for random sizes, layouts and block sizes", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.boolean(), fc.boolean(), fc.integer({ min: 1, max: 8 }), fc.nat(), (n, lower, transpose, nb, seed) => {
        const a = triangular(n, lower, seed);
        const view = transpose ? a.T.copy().T : a;
        const b = randomMatrix([n, 2], seed + 1);
        expectSolves(a, matrices(solveTriangular(view, b, { lower, blockSize: nb })), matrices(b));
      }),
      { numRuns: 60 },
    );
  });
});

describe("trsmBlock on views", () => {
  it("trsmBlock reads the tagged triangle: lowerUnit, upper, and transposed views", () => {
    // M = [[2, 5, 7], [4, 3, 8], [6, 1, 9]] column-major: lowerUnit(M) = [[1,0,0],[4,1,0],[6,1,1]],
    // upper(M) = [[2,5,7],[0,3,8],[0,0,9]]
    const M = colMajor(Float64Array.from([2, 4, 6, 5, 3, 1, 7, 8, 9]), 3, 3);
    const solve = (Tri: ReturnType<typeof lower>, rhs: number[]) => {
      const x = Float64Array.from(rhs);
      trsmBlock(Tri, colMajor(x, 3, 1), 1);
      return Array.from(x);
    };
    // L·x = [1, 6, 8]: x = [1, 2, 0]
    expect(solve(lowerUnit(M), [1, 6, 8])).toEqual([1, 2, 0]);
    // U·x = [2+5+7, 3+8, 9]: x = [1, 1, 1]
    expect(solve(upper(M), [14, 11, 9])).toEqual([1, 1, 1]);
    // Uᵀ·x = b with b = Uᵀ·[1, 1, 1] = [2, 8, 24]
    expect(solve(T(upper(M)), [2, 8, 24])).toEqual([1, 1, 1]);
    // Lᵀ·x = b with b = Lᵀ·[1, 2, 3] = [1 + 8 + 18, 2 + 3, 3]
    expect(solve(T(lowerUnit(M)), [27, 5, 3])).toEqual([1, 2, 3]);
    // the same TrsmArgs as written by hand
    const x1 = Float64Array.from([14, 11, 9]);
    trsmReference({ n: 3, nrhs: 1, lower: false, unitDiagonal: false, T: M.data, tOff: 0, tRs: 1, tCs: 3, B: x1, bOff: 0, bRs: 1, bCs: 3 });
    expect(Array.from(x1)).toEqual([1, 1, 1]);
    expect(() => trsmBlock(lower(M), colMajor(new Float64Array(4), 2, 2), 1)).toThrow(/^internal: trsm: T 3×3 and B 2×2/);
  });
});
