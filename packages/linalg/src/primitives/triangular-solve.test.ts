import * as np from "@sliderule/ndarray";
import { ValueError } from "@sliderule/ndarray";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { randomComplex, randomMatrix } from "../../test/corpus.js";
import { columns, expectClose, expectSolves, matrices } from "../../test/invariants.js";
import { LinAlgError } from "../errors.js";
import { solveTriangular, trsm, trsmReference } from "./triangular-solve.js";
import { type Block, colMajor, lower, lowerUnit, strided, T, triangle, type TriangularBlock, trsmResident, upper } from "@sliderule/ndarray/kernels";
import { HAS_RESIDENT, inResident } from "../../test/column-major.js";

/** The same view on another buffer (a resident copy), triangle tag and all. */
function onData<V extends Block>(V: V, data: Float64Array): V {
  return { ...V, data };
}

/** trsm's WebAssembly twin (factor.as.ts dtrsm), on resident copies of T's and B's buffers. */
function trsmWasm(Tri: TriangularBlock, B: Block, nb: number): void {
  const t = Tri.data as Float64Array;
  const b = B.data as Float64Array;
  expect(inResident([t, b], ([RT, RB]) => expect(trsmResident(onData(Tri, RT), onData(B, RB), nb)).toBe(true))).toBe(true);
}

/** The n×n column-major T read as its lower or upper triangle, unit diagonal or not, or (transposed) the transpose of the other one. */
function triangleOf(data: Float64Array, n: number, isLower: boolean, unit: boolean, transposedView = false): TriangularBlock {
  const A = colMajor(data, n, n);
  const stored = transposedView ? !isLower : isLower; // Tᵀ of the other triangle is this one
  const tri = triangle(A, stored ? "lower" : "upper", unit);
  return transposedView ? T(tri) : tri;
}

/** The top 2×3 window of a 3×3 view. */
function sub2x3(M: Block): Block {
  return { data: M.data, off: M.off, rs: M.rs, cs: M.cs, rows: 2, cols: 3 };
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
  { name: "trsmReference (the spec)", run: (Tri: TriangularBlock, B: Block) => trsmReference(Tri, B) },
  { name: "trsm nb=1", run: (Tri: TriangularBlock, B: Block) => trsm(Tri, B, 1) },
  { name: "trsm nb=4", run: (Tri: TriangularBlock, B: Block) => trsm(Tri, B, 4) },
  { name: "trsm nb=64", run: (Tri: TriangularBlock, B: Block) => trsm(Tri, B, 64) },
  ...(HAS_RESIDENT
    ? [1, 4, 64].map((nb) => ({ name: `trsmResident nb=${nb} (WebAssembly)`, run: (Tri: TriangularBlock, B: Block) => trsmWasm(Tri, B, nb) }))
    : []),
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
    const Tb = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) Tb[i + j * n] = t.get(i, j);
    const b = randomMatrix([n, nrhs], 2);
    const B = new Float64Array(n * nrhs);
    const [bRs, bCs] = rowMajorB ? [nrhs, 1] : [1, n];
    for (let i = 0; i < n; i++) for (let j = 0; j < nrhs; j++) B[i * bRs + j * bCs] = b.get(i, j);
    run(triangleOf(Tb, n, lower, false), strided(B, n, nrhs, 0, bRs, bCs));
    const x = np.zeros([n, nrhs]);
    for (let i = 0; i < n; i++) for (let j = 0; j < nrhs; j++) x.set(i, j, B[i * bRs + j * bCs]);
    expectSolves(t, matrices(x), matrices(b));
  });

  it("reads Tᵀ through swapped strides and ignores the diagonal when unit", () => {
    const n = 9;
    const t = triangular(n, true, 3);
    const Tb = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) Tb[i + j * n] = t.get(i, j);
    const b = randomMatrix([n, 1], 4);
    const B = Float64Array.from(b.data as Float64Array);
    // Tᵀ is upper triangular: the view T(lower(T)), strides n, 1
    run(T(lower(colMajor(Tb, n, n))), colMajor(B, n, 1));
    expectSolves(t.T, [matrices(np.fromTypedArray(B, [n, 1]))[0]], matrices(b));
    // unit diagonal: the stored diagonal is not read
    const unit = t.copy();
    for (let i = 0; i < n; i++) unit.set(i, i, 1);
    const B2 = Float64Array.from(b.data as Float64Array);
    for (let i = 0; i < n; i++) Tb[i + i * n] = 1e300;
    run(lowerUnit(colMajor(Tb, n, n)), colMajor(B2, n, 1));
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
    const Tb = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) Tb[i + j * n] = t.get(i, j);
    const [tRs, tCs] = transT ? [n, 1] : [1, n];
    const b = randomMatrix([n, nrhs], 12);
    const [bRs, bCs] = rowMajorB ? [nrhs, 1] : [1, n];
    const B0 = new Float64Array(n * nrhs);
    for (let i = 0; i < n; i++) for (let j = 0; j < nrhs; j++) B0[i * bRs + j * bCs] = b.get(i, j);
    const B1 = B0.slice();
    const Tri = triangleOf(Tb, n, lower, unit, transT);
    expect([Tri.rs, Tri.cs, Tri.uplo]).toEqual([tRs, tCs, lower ? "lower" : "upper"]);
    trsmReference(Tri, strided(B0, n, nrhs, 0, bRs, bCs));
    trsmWasm(Tri, strided(B1, n, nrhs, 0, bRs, bCs), 8);
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
    expect(trsmResident(lower(colMajor(new Float64Array([1, 0, 0, 1]), 2, 2)), colMajor(B, 2, 1), 8)).toBe(false);
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

describe("trsm on views", () => {
  it("trsm reads the tagged triangle: lowerUnit, upper, and transposed views", () => {
    // M = [[2, 5, 7], [4, 3, 8], [6, 1, 9]] column-major: lowerUnit(M) = [[1,0,0],[4,1,0],[6,1,1]],
    // upper(M) = [[2,5,7],[0,3,8],[0,0,9]]
    const M = colMajor(Float64Array.from([2, 4, 6, 5, 3, 1, 7, 8, 9]), 3, 3);
    const solve = (Tri: ReturnType<typeof lower>, rhs: number[]) => {
      const x = Float64Array.from(rhs);
      trsm(Tri, colMajor(x, 3, 1), 1);
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
    // the spec on the same views
    const x1 = Float64Array.from([14, 11, 9]);
    trsmReference(upper(M), colMajor(x1, 3, 1));
    expect(Array.from(x1)).toEqual([1, 1, 1]);
  });

  it("a broken view contract is our own bug: `internal:`, nothing touched", () => {
    const M = colMajor(Float64Array.from([2, 4, 6, 5, 3, 1, 7, 8, 9]), 3, 3);
    const b = Float64Array.from([1, 2, 3, 4]);
    const wide: TriangularBlock = { ...sub2x3(M), uplo: "upper", unit: false }; // hand-made: lower() itself refuses a non-square view
    expect(() => lower(sub2x3(M))).toThrow(/^internal: lower: a triangle of a non-square/);
    // trsm checks the shapes itself
    expect(() => trsm(lower(M), colMajor(b, 2, 2), 1)).toThrow(/^internal: trsm: shapes T 3×3 \(lower\), B 2×2 do not agree/);
    expect(() => trsm(wide, colMajor(b, 2, 1), 1)).toThrow(/^internal: trsm: shapes T 2×3 \(upper\), B 2×1 do not agree/);
    // … and its leaves the buffers: B reaching past its buffer (hand-made: colMajor refuses one), element types that differ
    const long: Block = { data: b, off: 1, rs: 1, cs: 3, rows: 3, cols: 2 };
    expect(() => trsm(lower(M), long, 4)).toThrow(
      /^internal: trsm(Reference|Resident): B 3×2 \(off 1, strides 1, 3\) spans elements \[1, 6\] outside a buffer of 4 elements/,
    );
    expect(() => trsm(lower(M), colMajor(new Float32Array(3), 3, 1), 4)).toThrow(
      /^internal: trsmReference: element types Float64Array and Float32Array differ/,
    );
    // trsmReference: the whole contract
    expect(() => trsmReference(lower(M), colMajor(b, 2, 2))).toThrow(/^internal: trsmReference: shapes T 3×3 \(lower\), B 2×2 do not agree/);
    expect(() => trsmReference(wide, colMajor(b, 2, 1))).toThrow(/^internal: trsmReference: shapes T 2×3 \(upper\), B 2×1 do not agree/);
    expect(() => trsmReference(lower(M), long)).toThrow(
      /^internal: trsmReference: B 3×2 \(off 1, strides 1, 3\) spans elements \[1, 6\] outside a buffer of 4 elements/,
    );
    expect(Array.from(b)).toEqual([1, 2, 3, 4]);
  });

  it.skipIf(!HAS_RESIDENT)("trsmResident checks the views it takes (resident ones) before any reaches WebAssembly", () => {
    const m = Float64Array.from([2, 4, 6, 5, 3, 1, 7, 8, 9]);
    const b = Float64Array.from([1, 2, 3, 4]);
    expect(
      inResident([m, b], ([RM, RB]) => {
        const M = colMajor(RM, 3, 3);
        expect(() => trsmResident(lower(M), colMajor(RB, 2, 2), 1)).toThrow(/^internal: trsmResident: shapes T 3×3 \(lower\), B 2×2 do not agree/);
        expect(() => trsmResident({ ...sub2x3(M), uplo: "lower", unit: true }, colMajor(RB, 2, 1), 1)).toThrow(
          /^internal: trsmResident: shapes T 2×3 \(lower\)/,
        );
        expect(() => trsmResident(lower(M), { data: RB, off: 1, rs: 1, cs: 3, rows: 3, cols: 2 }, 1)).toThrow(
          /^internal: trsmResident: B 3×2 \(off 1, strides 1, 3\) spans elements \[1, 6\] outside a buffer of 4 elements/,
        );
      }),
    ).toBe(true);
    expect(Array.from(b)).toEqual([1, 2, 3, 4]);
  });
});
