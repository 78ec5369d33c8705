/**
 * Constructors (construct.ts): the three input forms, eye, diags, and random reproducing
 * SciPy 1.17's matrices bit for bit (the arrays below were printed once by python3 with
 * SciPy 1.17 / NumPy 2.4, the call beside each), and the argument errors.
 */
import * as np from "@sliderule/ndarray";
import { DTypeError, ShapeError, ValueError } from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import * as linalg from "../index.js";
import type { CooMatrix } from "./coo.js";
import type { CscMatrix } from "./csc.js";
import type { CsrMatrix } from "./csr.js";

const { sparse } = linalg;
const tutorial = [
  [1, 0, 2],
  [0, 0, 3],
  [4, 5, 6],
];

describe("csrMatrix, cscMatrix, cooMatrix", () => {
  const row = np.array([0, 0, 1, 2, 2, 2], "int32");
  const col = np.array([0, 2, 2, 0, 1, 2], "int32");
  const data = np.array([1, 2, 3, 4, 5, 6]);

  it("build the tutorial's matrix from triplets, dense arrays and compressed arrays", () => {
    // sparse.csr_matrix((data, (row, col)), shape=(3, 3)): data [1 2 3 4 5 6], indices [0 2 2 0 1 2], indptr [0 2 3 6]
    const S = sparse.csrMatrix([data, [row, col]], { shape: [3, 3] });
    expect(Array.from(S.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Array.from(S.indices)).toEqual([0, 2, 2, 0, 1, 2]);
    expect(Array.from(S.indptr)).toEqual([0, 2, 3, 6]);
    expect(S.toarray().toArray()).toEqual(tutorial);
    expect(sparse.csrMatrix(tutorial).toarray().toArray()).toEqual(tutorial);
    expect(
      sparse
        .csrMatrix([data, Int32Array.of(0, 2, 2, 0, 1, 2), Int32Array.of(0, 2, 3, 6)])
        .toarray()
        .toArray(),
    ).toEqual(tutorial);
    // csc_matrix: data [1 4 5 2 3 6], indices [0 2 2 0 1 2], indptr [0 2 3 6]
    const C = sparse.cscMatrix([data, [row, col]]);
    expect(Array.from(C.data)).toEqual([1, 4, 5, 2, 3, 6]);
    expect(Array.from(C.indices)).toEqual([0, 2, 2, 0, 1, 2]);
    expect(
      sparse
        .cscMatrix([C.data, C.indices, C.indptr], { shape: [3, 3] })
        .toarray()
        .toArray(),
    ).toEqual(tutorial);
    const O = sparse.cooMatrix(tutorial);
    expect(Array.from(O.row)).toEqual([0, 0, 1, 2, 2, 2]);
    expect(Array.from(O.col)).toEqual([0, 2, 2, 0, 1, 2]);
    expect(String(O)).toBe("<COOrdinate sparse matrix of dtype 'float64'\n\twith 6 stored elements and shape (3, 3)>");
    // int32 values stay int32 (NumPy would keep int64)
    expect(
      sparse.csrMatrix([
        np.array([1, 2], "int32"),
        [
          [0, 1],
          [1, 0],
        ],
      ]).dtype,
    ).toBe("int32");
    expect(sparse.csrMatrix(tutorial, { dtype: "float32" }).data).toBeInstanceOf(Float32Array);
    expect(sparse.csrMatrix([0.4, 2], { dtype: "int32" }).nnz).toBe(1); // cast first, then the nonzeros
  });

  it("sum duplicates in the order given (COO keeps them until conversion)", () => {
    const O = sparse.cooMatrix(
      [
        [0.1, 0.2, 0.3],
        [
          [0, 0, 0],
          [1, 1, 1],
        ],
      ],
      { shape: [1, 2] },
    );
    expect(O.nnz).toBe(3);
    const S = O.tocsr();
    expect(S.nnz).toBe(1);
    expect(S.data[0]).toBe(0.1 + 0.2 + 0.3); // (0.1 + 0.2) + 0.3 = 0.6000000000000001, as SciPy
    expect(sparse.csrMatrix(O).data[0]).toBe(0.6000000000000001);
  });

  it("copy what they are given and never modify it", () => {
    const d = Float64Array.of(1, 2);
    const S = sparse.csrMatrix([d, Int32Array.of(1, 0), Int32Array.of(0, 2)], { shape: [1, 2] });
    S.sortIndices();
    expect(Array.from(d)).toEqual([1, 2]);
    expect(S.data).not.toBe(d);
    const T = sparse.csrMatrix(S);
    expect(T.data).not.toBe(S.data);
  });

  it("name the function and the values in their errors", () => {
    expect(() => sparse.csrMatrix([data, [row, col]], { shape: [2, 3] })).toThrow(
      /^csrMatrix: row index 2 \(at position 3\) is out of range for shape \(2, 3\)/,
    );
    expect(() => sparse.csrMatrix([[1], [[-1], [0]]], { shape: [2, 2] })).toThrow(/csrMatrix: negative row index -1/);
    expect(() => sparse.csrMatrix([data, Int32Array.of(0, 2, 2, 0, 1, 2), Int32Array.of(0, 3, 2, 6)])).toThrow(
      /csrMatrix: indptr must be non-decreasing, got indptr\[1\] = 3 > indptr\[2\] = 2/,
    );
    expect(() => sparse.csrMatrix([data, Int32Array.of(0, 2, 2, 0, 1, 2), Int32Array.of(0, 2, 3, 5)])).toThrow(/indptr must end at nnz = 6/);
    expect(() => sparse.csrMatrix([data, Int32Array.of(0, 2, 2, 0, 1, 9), Int32Array.of(0, 2, 3, 6)], { shape: [3, 3] })).toThrow(ValueError);
    expect(() => sparse.csrMatrix([data, Int32Array.of(0, 2, 2), Int32Array.of(0, 2, 3, 6)])).toThrow(/indices and data must have the same length/);
    expect(() =>
      sparse.csrMatrix([
        [1, 2],
        [[0], [0]],
      ]),
    ).toThrow(ShapeError);
    expect(() => sparse.csrMatrix([[1], [[0.5], [0]]])).toThrow(/csrMatrix: row\[0\] must be an int32 integer, got 0.5/);
    expect(() => sparse.csrMatrix(tutorial, { shape: [3, 2.5] })).toThrow(/csrMatrix: shape must be \[m, n\] of non-negative integers, got \[3, 2.5\]/);
    expect(() => sparse.csrMatrix(tutorial, { shape: [2, 2] })).toThrow(ShapeError);
    expect(() => sparse.csrMatrix(tutorial, { dtype: "int64" as never })).toThrow(DTypeError);
    expect(() => sparse.csrMatrix(tutorial, { sahpe: [3, 3] } as never)).toThrow(/csrMatrix: unknown option 'sahpe'/);
    expect(() => sparse.csrMatrix(Symbol("s") as never)).toThrow(/csrMatrix: expected a dense array/);
    expect(() => sparse.csrMatrix(np.zeros([2, 2, 2]))).toThrow(ShapeError);
    expect(() => sparse.csrMatrix(np.array([1, 2]).astype("complex128"))).toThrow(DTypeError);
  });
});

describe("eye and diags", () => {
  it("eye puts ones on the k-th diagonal", () => {
    // sparse.eye(3, 4, k=1).toarray()
    expect(sparse.eye(3, 4, { k: 1 }).toarray().toArray()).toEqual([
      [0, 1, 0, 0],
      [0, 0, 1, 0],
      [0, 0, 0, 1],
    ]);
    const I = sparse.eye(1000);
    expect(I.format).toBe("csr");
    expect(I.nnz).toBe(1000);
    expect(I.memoryBytes).toBe(8000 + 4000 + 4004); // sparse.eye(1000, format='csr'): data + indices + indptr bytes
    expect(sparse.eye(3, { k: -5 }).nnz).toBe(0);
    expect(sparse.eye(2, { format: "coo", dtype: "float32" }).dtype).toBe("float32");
    expect(() => sparse.eye(-1)).toThrow(/eye: m must be a non-negative integer, got -1/);
    expect(() => sparse.eye(3, { format: "dia" as never })).toThrow(/DIA storage is not implemented/);
  });

  it("diags places the diagonals as SciPy's", () => {
    // sparse.diags([[1, 2, 3], [4, 5], [0, 7]], [0, 1, -1], format='csr'): nnz 6 (the 0 is not stored)
    const D = sparse.diags(
      [
        [1, 2, 3],
        [4, 5],
        [0, 7],
      ],
      [0, 1, -1],
    );
    expect(D.toarray().toArray()).toEqual([
      [1, 4, 0],
      [0, 2, 5],
      [0, 7, 3],
    ]);
    expect(D.nnz).toBe(6);
    // sparse.diags([1, 2], [0, 2], shape=(3, 4)): scalars repeated along their diagonals
    expect(
      sparse
        .diags([1, 2], [0, 2], { shape: [3, 4] })
        .toarray()
        .toArray(),
    ).toEqual([
      [1, 0, 2, 0],
      [0, 1, 0, 2],
      [0, 0, 1, 0],
    ]);
    expect(sparse.diags([1, 2, 3]).toarray().toArray()).toEqual([
      [1, 0, 0],
      [0, 2, 0],
      [0, 0, 3],
    ]);
    expect(() => sparse.diags([[1, 2], [3]], [0, 1, 2])).toThrow(/diags: different number of diagonals \(2\) and offsets \(3\)/);
    expect(() => sparse.diags([[1, 2]], [0], { shape: [3, 3] })).toThrow(/diags: diagonal length/);
    expect(() => sparse.diags([[1]], [5], { shape: [3, 3] })).toThrow(/offset 5/);
  });
});

describe("random reproduces scipy.sparse.random(..., rng=np.random.default_rng(seed))", () => {
  const cases: { args: [number, number, number, "csr" | "csc", number]; data: number[]; indices: number[]; indptr: number[] }[] = [
    {
      // sp.random(6, 8, density=0.25, format='csr', rng=np.random.default_rng(0))
      args: [6, 8, 0.25, "csr", 0],
      data: [
        0.033585575305464355, 0.8631789223498866, 0.17565562060255901, 0.028319671145462966, 0.42268722119765845, 0.5414612202490917, 0.7296554464299441,
        0.8574042765875693, 0.12428327649956394, 0.6706244146936303, 0.6471895115742501, 0.2997118905373848,
      ],
      indices: [0, 2, 4, 5, 0, 1, 3, 5, 6, 7, 0, 1],
      indptr: [0, 4, 10, 10, 11, 12, 12],
    },
    {
      // sp.random(10, 4, density=0.5, format='csc', rng=np.random.default_rng(7))
      args: [10, 4, 0.5, "csc", 7],
      data: [
        0.19240214398531064, 0.9171677731928523, 0.15446108106143985, 0.5148888202713703, 0.5141176465995139, 0.21530869823559895, 0.6125396042730308,
        0.3695363106022067, 0.04394200796138337, 0.03568027877359614, 0.6292262544910104, 0.16021203385784455, 0.8300477298017456, 0.6920321208818392,
        0.0037342420520759534, 0.2006067239869952, 0.49687343539350426, 0.24751492202733083, 0.4662060253252891, 0.01179402554250586,
      ],
      indices: [0, 1, 4, 6, 8, 9, 3, 4, 5, 7, 8, 9, 0, 1, 2, 7, 9, 0, 7, 8],
      indptr: [0, 6, 12, 17, 20],
    },
    {
      // sp.random(30, 20, density=0.05, format='csr', rng=np.random.default_rng(123))
      args: [30, 20, 0.05, "csr", 123],
      data: [
        0.527042084030297, 0.8652217128437365, 0.583238410151058, 0.4967018417953405, 0.0031811092933116125, 0.5758730840369666, 0.8661274307382429,
        0.3127422562507669, 0.032551921606589374, 0.01447447679006697, 0.8351023473085695, 0.7970435531834645, 0.46831253442657617, 0.8110221113180831,
        0.2778652902989278, 0.0714868066233969, 0.3810677478158191, 0.42729877128295013, 0.17363163617540256, 0.12769032289247773, 0.23790639962961757,
        0.9171225725476023, 0.8646902510937748, 0.6164912514101898, 0.2575625049095238, 0.21814287324998793, 0.7649636461036484, 0.7307519363712538,
        0.2660839120112748, 0.29943789563745726,
      ],
      indices: [1, 13, 16, 10, 8, 4, 4, 0, 5, 11, 16, 3, 5, 17, 6, 15, 0, 17, 3, 6, 8, 15, 4, 8, 14, 4, 19, 4, 16, 17],
      indptr: [0, 2, 2, 3, 4, 4, 5, 6, 7, 8, 10, 10, 11, 14, 16, 17, 18, 19, 19, 19, 19, 19, 19, 22, 24, 25, 26, 27, 29, 29, 30],
    },
  ];
  it.each(cases)("random($args)", ({ args: [m, n, density, format, seed], data, indices, indptr }) => {
    const S = sparse.random(m, n, { density, format, randomState: seed }) as CsrMatrix | CscMatrix;
    expect(S.format).toBe(format);
    expect(Array.from(S.data)).toEqual(data);
    expect(Array.from(S.indices)).toEqual(indices);
    expect(Array.from(S.indptr)).toEqual(indptr);
  });

  it("COO keeps the order of the draws; float32 and int32 values; a Generator as the rng", () => {
    // C = sp.random(4, 3, density=0.5, rng=np.random.default_rng(1)): C.row, C.col, C.data
    const C = sparse.random(4, 3, { density: 0.5, rng: np.random.defaultRng(1) }) as CooMatrix;
    expect(Array.from(C.row)).toEqual([2, 0, 1, 3, 1, 0]);
    expect(Array.from(C.col)).toEqual([1, 1, 2, 0, 0, 0]);
    expect(Array.from(C.data)).toEqual([
      0.8277025938204418, 0.4091991363691613, 0.5495936876730595, 0.027559113243068367, 0.7535131086748066, 0.5381433132192782,
    ]);
    // sp.random(4, 3, density=0.5, rng=np.random.default_rng(1), dtype=np.int32).data
    expect(Array.from((sparse.random(4, 3, { density: 0.5, randomState: 1, dtype: "int32" }) as CooMatrix).data)).toEqual([
      -329310396, -974230237, 1407471922, -1043711287, -389986741, 617740841,
    ]);
    // sp.random(3, 5, density=0.4, format='csr', dtype=np.float32, rng=np.random.default_rng(5))
    const F = sparse.random(3, 5, { density: 0.4, format: "csr", dtype: "float32", randomState: 5 }) as CsrMatrix;
    expect(Array.from(F.data)).toEqual([
      0.04527519270777702, 0.04875770956277847, 0.9991761445999146, 0.23451019823551178, 0.4084731936454773, 0.6523690819740295,
    ]);
    expect(Array.from(F.indices)).toEqual([0, 2, 2, 3, 4, 2]);
  });

  it("rounds nnz half to even as Python's round, and checks its arguments", () => {
    expect(sparse.random(1, 5, { density: 0.5, randomState: 0 }).nnz).toBe(2); // round(2.5) = 2
    expect(sparse.random(1, 3, { density: 0.5, randomState: 0 }).nnz).toBe(2); // round(1.5) = 2
    expect(sparse.random(0, 5, { randomState: 0 }).nnz).toBe(0);
    expect(() => sparse.random(3, 3, { density: NaN })).toThrow(/random: density must be a number in \[0, 1\], got NaN/);
    expect(() => sparse.random(3, 3, { density: 1.5 })).toThrow(ValueError);
    expect(() => sparse.random(3, 3, { randomState: -1 })).toThrow(/random: randomState must be/);
    expect(() => sparse.random(3, 3.5)).toThrow(/random: n must be a non-negative integer, got 3.5/);
  });
});

describe("random: SciPy's positional density", () => {
  it("random(m, n, density) is random(m, n, { density }), with options after it", () => {
    const a = linalg.sparse.random(20, 30, 0.1, { randomState: 7, format: "csr" });
    const b = linalg.sparse.random(20, 30, { density: 0.1, randomState: 7, format: "csr" });
    expect(a.nnz).toBe(60);
    expect(a.toarray().toArray()).toEqual(b.toarray().toArray());
  });
  it("a density given twice, or an extra argument, throws", () => {
    expect(() => linalg.sparse.random(5, 5, 0.1, { density: 0.2 })).toThrow(/^random: after a positional density/);
    expect(() => linalg.sparse.random(5, 5, { density: 0.2 }, { format: "csr" })).toThrow(/^random: takes \(m, n, density\?, options\?\)/);
  });
});
