/**
 * CsrMatrix and CscMatrix (compressed.ts, csr.ts, csc.ts): every operation against the dense
 * result NumPy/SciPy 1.17 computed (literals below, the Python beside them), the canonical
 * form, memoryBytes, the repr, and the errors. Both compressed formats run the same tests.
 */
import * as np from "@sliderule/ndarray";
import { IndexError, NDArray, ShapeError, ValueError } from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import * as linalg from "../index.js";
import { formatClass, SparseMatrix } from "./base.js";
import { CooMatrix } from "./coo.js";
import { CscMatrix } from "./csc.js";
import { CsrMatrix } from "./csr.js";

const { sparse } = linalg;
// A = np.array([[1.5, 0, 2, 0], [0, 0, -3, 0], [4, 5, 6.25, 0]]); B = np.array([[0, 1, 0, 0], [2, 0, 0, 1], [0, 0, 0, 3.5]])
const A = [
  [1.5, 0, 2, 0],
  [0, 0, -3, 0],
  [4, 5, 6.25, 0],
];
const B = [
  [0, 1, 0, 0],
  [2, 0, 0, 1],
  [0, 0, 0, 3.5],
];
const x = [1, -2, 0.5, 3];
const X = [
  [1, 2],
  [0, -1],
  [3, 0.5],
  [2, 2],
];

describe.each([
  ["csr", (d: number[][]) => sparse.csrMatrix(d)],
  ["csc", (d: number[][]) => sparse.cscMatrix(d)],
] as const)("%s", (format, build) => {
  const S = build(A);

  it("stores the nonzeros and gives the dense matrix back", () => {
    expect(S.format).toBe(format);
    expect(S.shape).toEqual([3, 4]);
    expect(S.nnz).toBe(6);
    expect(S.ndim).toBe(2);
    expect(S.dtype).toBe("float64");
    expect(S.toarray().toArray()).toEqual(A);
    expect(S.hasCanonicalFormat).toBe(true);
  });

  it("converts between formats and transposes", () => {
    expect(S.T.shape).toEqual([4, 3]);
    expect(S.T.toarray().toArray()).toEqual(np.array(A).T.toArray());
    expect(S.T.format).toBe(format === "csr" ? "csc" : "csr");
    expect(S.T.data).toBe(S.data); // shares the arrays, as SciPy's .T
    for (const M of [S.tocsr(), S.tocsc(), S.tocoo(), S.tocoo().tocsr(), S.tocoo().tocsc()]) expect(M.toarray().toArray()).toEqual(A);
    expect(S.copy().data).not.toBe(S.data);
  });

  it("multiplies by dense vectors, dense matrices and sparse matrices as SciPy", () => {
    // (S @ x).tolist() = [2.5, -1.5, -2.875]
    const y = S.matmul(x) as NDArray;
    expect(y.shape).toEqual([3]);
    expect(y.toArray()).toEqual([2.5, -1.5, -2.875]);
    // (S @ X).tolist()
    expect((S.dot(np.array(X)) as NDArray).toArray()).toEqual([
      [7.5, 4.0],
      [-9.0, -1.5],
      [22.75, 6.125],
    ]);
    // (S @ T.T).toarray(), nnz 3 (exact zeros not stored)
    const P = S.matmul(sparse.csrMatrix(B).T);
    expect(P).not.toBeInstanceOf(NDArray);
    const Ps = P as linalg.sparse.CsrMatrix;
    expect(Ps.format).toBe("csr");
    expect(Ps.toarray().toArray()).toEqual([
      [0, 3, 0],
      [0, 0, 0],
      [5, 8, 0],
    ]);
    expect(Ps.nnz).toBe(3);
    expect(Ps.hasCanonicalFormat).toBe(true);
  });

  it("matvecInto and rmatvecInto write A·x and Aᵀ·x without allocating a result", () => {
    const y = new Float64Array(3);
    S.matvecInto(Float64Array.from(x), y);
    expect(Array.from(y)).toEqual([2.5, -1.5, -2.875]);
    const z = new Float64Array(4);
    S.rmatvecInto(Float64Array.of(1, 2, -1), z);
    expect(Array.from(z)).toEqual(
      np
        .array(A)
        .T.matmul(np.array([1, 2, -1]))
        .toArray(),
    );
    expect(() => S.matvecInto(new Float64Array(3), y)).toThrow(ShapeError);
  });

  it("adds and subtracts", () => {
    const T = build(B);
    const sum = S.add(T) as linalg.sparse.CsrMatrix;
    expect(sum.toarray().toArray()).toEqual(np.array(A).add(np.array(B)).toArray());
    expect(sum.nnz).toBe(10); // (S + T).nnz
    expect((S.subtract(S) as linalg.sparse.CsrMatrix).nnz).toBe(0); // (S - S).nnz = 0: exact zeros dropped
    // sparse + dense → dense
    const dense = S.add(np.array(B));
    expect(dense).toBeInstanceOf(NDArray);
    expect((dense as NDArray).toArray()).toEqual(np.array(A).add(np.array(B)).toArray());
    expect((S.subtract(B) as NDArray).toArray()).toEqual(np.array(A).subtract(np.array(B)).toArray());
    expect((S.add(0) as linalg.sparse.CsrMatrix).toarray().toArray()).toEqual(A);
    expect(() => S.add(1)).toThrow(/add: adding a nonzero scalar/);
    expect(() => S.add(sparse.eye(3))).toThrow(/add: inconsistent shapes \(3, 4\) and \(3, 3\)/);
    expect(S.multiply(2).toarray().toArray()).toEqual(np.array(A).multiply(2).toArray());
  });

  it("sums, takes diagonals and slices rows", () => {
    // S.sum() = 15.75; S.sum(axis=0) = [[5.5, 5.0, 5.25, 0.0]]; S.sum(axis=1) = [[3.5], [-3.0], [15.25]]
    expect(S.sum()).toBe(15.75);
    expect((S.sum(0) as NDArray).toArray()).toEqual([5.5, 5.0, 5.25, 0.0]);
    expect((S.sum(1) as NDArray).toArray()).toEqual([3.5, -3.0, 15.25]);
    expect((S.sum(-1) as NDArray).toArray()).toEqual([3.5, -3.0, 15.25]);
    expect(() => S.sum(2)).toThrow(ValueError);
    // S.diagonal() = [1.5, 0, 6.25]; S.diagonal(1) = [0, -3, 0]; S.diagonal(-2) = [4]; S.diagonal(5) = []
    expect(S.diagonal().toArray()).toEqual([1.5, 0, 6.25]);
    expect(S.diagonal(1).toArray()).toEqual([0, -3, 0]);
    expect(S.diagonal(-2).toArray()).toEqual([4]);
    expect(S.diagonal(5).toArray()).toEqual([]);
    const rows = S.slice("1:3");
    expect(rows.format).toBe(format);
    expect(rows.toarray().toArray()).toEqual(A.slice(1, 3));
    expect(S.slice(-1).toarray().toArray()).toEqual([A[2]]);
    expect(S.slice("::-2").toarray().toArray()).toEqual([A[2], A[0]]);
    expect(() => S.slice(3)).toThrow(IndexError);
    expect(() => S.slice("a:b")).toThrow(/slice: cannot read/);
  });

  it("reports memory and prints as SciPy", () => {
    // S.data.nbytes + S.indices.nbytes + S.indptr.nbytes = 88 (CSR); CSC has 5 column pointers: 92
    expect(S.memoryBytes).toBe(format === "csr" ? 88 : 92);
    const name = format === "csr" ? "Compressed Sparse Row" : "Compressed Sparse Column";
    expect(String(S)).toBe(`<${name} sparse matrix of dtype 'float64'\n\twith 6 stored elements and shape (3, 4)>`);
  });
});

describe("canonical form", () => {
  // csr_matrix((data, indices, indptr)) with an unsorted row and a duplicate
  const make = () => sparse.csrMatrix([np.array([1, 2, 3, 4, 0]), Int32Array.of(2, 0, 2, 1, 1), Int32Array.of(0, 3, 3, 5)], { shape: [3, 3] });

  it("keeps duplicates and order until sumDuplicates / sortIndices, as SciPy", () => {
    const S = make();
    expect(S.nnz).toBe(5);
    expect(S.hasSortedIndices).toBe(false);
    expect(S.hasCanonicalFormat).toBe(false);
    expect(S.toarray().toArray()).toEqual([
      [2, 0, 4],
      [0, 0, 0],
      [0, 4, 0],
    ]);
    const T = make();
    T.sortIndices();
    expect(Array.from(T.indices)).toEqual([0, 2, 2, 1, 1]);
    expect(Array.from(T.data)).toEqual([2, 1, 3, 4, 0]); // stable: 1 before 3
    expect(T.hasSortedIndices).toBe(true);
    expect(T.hasCanonicalFormat).toBe(false);
    S.sumDuplicates();
    expect(S.nnz).toBe(3);
    expect(Array.from(S.indices)).toEqual([0, 2, 1]);
    expect(Array.from(S.data)).toEqual([2, 4, 4]);
    expect(Array.from(S.indptr)).toEqual([0, 2, 2, 3]);
    expect(S.hasCanonicalFormat).toBe(true);
  });

  it("eliminateZeros drops stored zeros (a cancelled duplicate too)", () => {
    const S = sparse.csrMatrix(
      [
        [5.5, -5.5, 1],
        [
          [0, 0, 1],
          [0, 0, 1],
        ],
      ],
      { shape: [2, 2] },
    );
    expect(S.nnz).toBe(2); // the cancelled sum stays stored, as SciPy's
    S.eliminateZeros();
    expect(S.nnz).toBe(1);
    expect(S.toarray().toArray()).toEqual([
      [0, 0],
      [0, 1],
    ]);
  });

  it("a transpose taken before an in-place change still describes the same matrix", () => {
    const S = make();
    const T = S.T;
    S.sumDuplicates();
    expect(T.toarray().toArray()).toEqual(S.toarray().T.toArray());
  });
});

describe("dtypes", () => {
  it("keeps float32 and int32 through conversions and products", () => {
    const F = sparse.csrMatrix(np.array(A, "float32"));
    expect(F.dtype).toBe("float32");
    expect(F.data).toBeInstanceOf(Float32Array);
    expect(F.T.tocsr().dtype).toBe("float32");
    expect((F.matmul(np.array(x, "float32")) as NDArray).dtype).toBe("float32");
    expect((F.matmul(np.array(x)) as NDArray).dtype).toBe("float64");
    expect(F.memoryBytes).toBe(6 * 4 + 6 * 4 + 4 * 4);
    const I = sparse.csrMatrix(
      np.array(
        [
          [1, 0],
          [0, 2],
        ],
        "int32",
      ),
    );
    expect(I.dtype).toBe("int32");
    expect(I.toarray().dtype).toBe("int32");
    expect((I.matmul(np.array([3, 4], "int32")) as NDArray).toArray()).toEqual([3, 8]);
    expect((I.matmul(np.array([3, 4], "int32")) as NDArray).dtype).toBe("int32");
    expect(I.multiply(2).dtype).toBe("int32");
    expect(I.multiply(0.5).dtype).toBe("float64");
    expect((I.add(F.slice("0:2").T.slice("0:2")) as linalg.sparse.CsrMatrix).dtype).toBe("float64"); // int32 + float32 → float64, as NumPy
  });
});

describe("errors", () => {
  const S = sparse.csrMatrix(A);
  it("matmul checks the inner dimension", () => {
    expect(() => S.matmul([1, 2, 3])).toThrow(/matmul: dimension mismatch: A has shape \(3, 4\), x has shape \(3,\)/);
    expect(() => S.matmul(sparse.eye(3))).toThrow(ShapeError);
    expect(() => S.matmul("x")).toThrow(/matmul: x must be an array or a sparse matrix, got "x"/);
    expect(() => S.matmul(Symbol("s"))).toThrow(ValueError);
    expect(() => S.multiply([1] as unknown as number)).toThrow(/multiply: only a scalar/);
  });
});

describe("the format registry (base.ts): the formats build one another through it", () => {
  it("holds each format's class, and every conversion is an instance of its format's class", () => {
    expect(formatClass("csr")).toBe(CsrMatrix);
    expect(formatClass("csc")).toBe(CscMatrix);
    expect(formatClass("coo")).toBe(CooMatrix);
    const classOf = { csr: CsrMatrix, csc: CscMatrix, coo: CooMatrix } as const;
    for (const S of [sparse.csrMatrix(A), sparse.cscMatrix(A), sparse.cooMatrix(A)]) {
      for (const M of [S, S.T, S.tocsr(), S.tocsc(), S.tocoo(), S.copy(), S.multiply(2), S.slice("0:2"), S.asformat("csc"), S.add(S), S.matmul(S.T)]) {
        expect(M).toBeInstanceOf(classOf[M.format]);
        expect(M).toBeInstanceOf(SparseMatrix);
      }
    }
    expect(sparse.cooMatrix(A).tocsr().tocoo().tocsc().T.toarray().toArray()).toEqual(np.array(A).T.toArray());
  });
});
