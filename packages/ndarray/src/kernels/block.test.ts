import { describe, expect, it } from "vitest";
import {
  checkInside,
  colMajor,
  column,
  complexColMajor,
  leadingDim,
  lower,
  lowerUnit,
  quadrants,
  row,
  strided,
  sub,
  T,
  triangle,
  upper,
  upperUnit,
  vector,
  type Block,
} from "./block.js";

/** Element (i, j) of a view, read through its strides (the definition in block.ts's header). */
const at = (A: Block, i: number, j: number) => A.data[A.off + i * A.rs + j * A.cs];

/** The view as nested rows, for comparisons. */
const rowsOf = (A: Block) => Array.from({ length: A.rows }, (_, i) => Array.from({ length: A.cols }, (_, j) => at(A, i, j)));

/** A 4×5 column-major matrix with A[i, j] = 10·i + j, at offset 2 with leading dimension 6. */
function sample(): Block {
  const data = new Float64Array(2 + 6 * 5 + 3).fill(NaN);
  for (let i = 0; i < 4; i++) for (let j = 0; j < 5; j++) data[2 + i + j * 6] = 10 * i + j;
  return colMajor(data, 4, 5, 2, 6);
}

describe("Block views", () => {
  it("colMajor reads LAPACK's (A, lda) layout", () => {
    const A = sample();
    expect(A).toMatchObject({ off: 2, rs: 1, cs: 6, rows: 4, cols: 5 });
    expect(rowsOf(A)).toEqual([
      [0, 1, 2, 3, 4],
      [10, 11, 12, 13, 14],
      [20, 21, 22, 23, 24],
      [30, 31, 32, 33, 34],
    ]);
    // ld defaults to rows, off to 0
    expect(colMajor(new Float32Array(6), 2, 3)).toMatchObject({ off: 0, rs: 1, cs: 2, rows: 2, cols: 3 });
  });

  it("sub is a window on the same buffer: no copy, writes reach the parent", () => {
    const A = sample();
    const S = sub(A, 1, 2, 2, 3);
    expect(S.data).toBe(A.data);
    expect(rowsOf(S)).toEqual([
      [12, 13, 14],
      [22, 23, 24],
    ]);
    S.data[S.off + 1 * S.rs + 0 * S.cs] = -1; // S[1, 0] is A[2, 2]
    expect(at(A, 2, 2)).toBe(-1);
    // a window of a window
    expect(rowsOf(sub(S, 0, 0, 2, 2))).toEqual([
      [12, 13],
      [-1, 23],
    ]);
    // empty windows at the edges are views too
    expect(sub(A, 4, 5, 0, 0)).toMatchObject({ rows: 0, cols: 0 });
  });

  it("T swaps strides and shape", () => {
    const A = sample();
    const At = T(A);
    expect(At).toMatchObject({ off: 2, rs: 6, cs: 1, rows: 5, cols: 4 });
    for (let i = 0; i < 4; i++) for (let j = 0; j < 5; j++) expect(at(At, j, i)).toBe(at(A, i, j));
    expect(rowsOf(T(At))).toEqual(rowsOf(A));
    // a window of the transpose is the transpose of the window
    expect(rowsOf(sub(At, 1, 2, 3, 2))).toEqual(rowsOf(T(sub(A, 2, 1, 2, 3))));
  });

  it("quadrants split after row r and column c, as the header draws", () => {
    const A = sample();
    const [A11, A12, A21, A22] = quadrants(A, 1, 3);
    expect(rowsOf(A11)).toEqual([[0, 1, 2]]);
    expect(rowsOf(A12)).toEqual([[3, 4]]);
    expect(rowsOf(A21)).toEqual([
      [10, 11, 12],
      [20, 21, 22],
      [30, 31, 32],
    ]);
    expect(rowsOf(A22)).toEqual([
      [13, 14],
      [23, 24],
      [33, 34],
    ]);
    // splits at the borders leave empty quadrants
    const [B11, B12, B21, B22] = quadrants(A, 0, 5);
    expect([B11.rows, B11.cols, B12.rows, B12.cols, B21.rows, B21.cols, B22.rows, B22.cols]).toEqual([0, 5, 0, 0, 4, 5, 4, 0]);
  });

  it("triangle markers tag a square view; T of a lower triangle is an upper one", () => {
    const A = sub(sample(), 0, 0, 4, 4);
    expect(lower(A)).toMatchObject({ uplo: "lower", unit: false, rows: 4 });
    expect(lowerUnit(A)).toMatchObject({ uplo: "lower", unit: true });
    expect(upper(A)).toMatchObject({ uplo: "upper", unit: false });
    expect(upperUnit(A)).toMatchObject({ uplo: "upper", unit: true });
    // triangle chooses among the four by value
    expect(triangle(A, "upper", true)).toEqual(upperUnit(A));
    expect(triangle(A, "lower", false)).toEqual(lower(A));
    expect(() => triangle(sub(A, 0, 0, 2, 3), "lower", true)).toThrow(/^internal: lowerUnit: a triangle of a non-square/);
    const Lt = T(lowerUnit(A));
    expect(Lt).toMatchObject({ uplo: "upper", unit: true, rs: 6, cs: 1 });
    expect(T(upper(A))).toMatchObject({ uplo: "lower", unit: false });
    // a window of a triangle is a plain Block again
    expect("uplo" in sub(lower(A), 0, 0, 2, 2)).toBe(false);
  });

  it("vectors are one-column views: column, row and vector walk their stride", () => {
    const A = sample(); // A[i, j] = 10·i + j, column-major at offset 2, ld 6
    const c = column(A, 1, 2, 3);
    expect([c.rows, c.cols]).toEqual([3, 1]);
    expect(rowsOf(c)).toEqual([[12], [22], [32]]);
    const r = row(A, 2, 1, 4);
    expect([r.rows, r.cols, r.rs]).toEqual([4, 1, 6]);
    expect(rowsOf(r)).toEqual([[21], [22], [23], [24]]);
    const v = vector(Float64Array.from([0, 1, 2, 3, 4, 5, 6]), 3, 1, 2);
    expect(rowsOf(v)).toEqual([[1], [3], [5]]);
    expect(() => row(A, 2, 2, 4)).toThrow(/^internal: sub: the 1×4 window at \(2, 2\)/);
    expect(() => vector(new Float64Array(5), 3, 1, 2)).toThrow(
      /^internal: strided: the matrix 3×1 \(off 1, strides 2, 0\) spans elements \[1, 5\] outside a buffer of 5 elements$/,
    );
  });

  it("strided takes any strides, NumPy's negative and zero ones included, and checks every corner", () => {
    const data = Float64Array.from({ length: 12 }, (_, i) => i);
    // a C-contiguous 3×4 matrix read backwards along both axes: element (i, j) = data[11 − 4i − j]
    const R = strided(data, 3, 4, 11, -4, -1);
    expect(rowsOf(R)).toEqual([
      [11, 10, 9, 8],
      [7, 6, 5, 4],
      [3, 2, 1, 0],
    ]);
    // a broadcast row: stride 0 repeats it
    expect(rowsOf(strided(data, 2, 3, 1, 0, 1))).toEqual([
      [1, 2, 3],
      [1, 2, 3],
    ]);
    expect(() => strided(data, 3, 4, 10, -4, -1)).toThrow(/^internal: strided: the matrix 3×4 \(off 10, strides -4, -1\) spans elements \[-1, 10\] outside/);
    expect(() => strided(data, 3, 4, 0, 4, 1.5)).toThrow(/^internal: strided: invalid/);
    expect(strided(data, 0, 4, 99, 1, 1).rows).toBe(0);
  });

  it("complexColMajor counts complex elements: offsets, strides and bounds", () => {
    const z = new Float64Array(2 * 6); // 6 complex numbers
    const Z = complexColMajor(z, 2, 3);
    expect([Z.off, Z.rs, Z.cs, Z.rows, Z.cols]).toEqual([0, 1, 2, 2, 3]);
    expect(() => complexColMajor(z, 2, 3, 1)).toThrow(
      /^internal: complexColMajor: the matrix 2×3 \(off 1, strides 1, 2\) spans complex elements \[1, 6\] outside a buffer of 6 complex elements$/,
    );
    // the real view of the same buffer fits: 12 numbers
    expect(colMajor(z, 2, 6).cols).toBe(6);
    expect(() => checkInside("k", "X", Z, 2)).not.toThrow();
    expect(() => checkInside("k", "X", { ...Z, off: 1 }, 2)).toThrow(/^internal: k: X 2×3/);
    // a fractional offset would read undefined (NaN) silently: rejected
    expect(() => checkInside("k", "X", { ...Z, off: 0.5 }, 2)).toThrow(/^internal: k: X 2×3 \(off 0\.5/);
  });

  it("bounds are checked with internal errors", () => {
    const A = sample();
    expect(() => sub(A, 1, 0, 4, 1)).toThrow(/^internal: sub: the 4×1 window at \(1, 0\) is not inside the 4×5 \(off 2, strides 1, 6\) view/);
    expect(() => sub(A, 0, -1, 1, 1)).toThrow(/internal: sub/);
    expect(() => sub(A, 0, 0, 1.5, 1)).toThrow(/internal: sub/);
    expect(() => quadrants(A, 5, 0)).toThrow(/internal: sub/);
    expect(() => colMajor(new Float64Array(5), 2, 3)).toThrow(
      /^internal: colMajor: the matrix 2×3 \(off 0, strides 1, 2\) spans elements \[0, 5\] outside a buffer of 5 elements$/,
    );
    expect(() => colMajor(new Float64Array(9), 3, 3, 0, 2)).toThrow(/^internal: colMajor: invalid/);
    expect(() => colMajor(new Float64Array(9), -1, 3)).toThrow(/^internal: colMajor: invalid/);
    expect(() => lower(A)).toThrow(/^internal: lower: a triangle of a non-square 4×5 \(off 2/);
    expect(() => leadingDim(T(A), "getf2")).toThrow(/^internal: getf2: expected a column-major view/);
    expect(leadingDim(A, "getf2")).toBe(6);
  });

  it("never copies or modifies data", () => {
    const A = sample();
    const before = A.data.slice();
    quadrants(T(A), 2, 2);
    lowerUnit(sub(A, 0, 0, 3, 3));
    expect(A.data).toEqual(before);
  });
});
