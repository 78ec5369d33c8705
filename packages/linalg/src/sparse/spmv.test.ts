/**
 * The spmv kernels (csrMatvec, csrMatvecT, csrMatmat, csrMatmatT) against their reference twin
 * `spmvReference` on random CSR arrays (fast-check): empty rows, unsorted indices, duplicate
 * entries before canonicalisation, float32 and int32 storage, and through the matrices'
 * matvecInto / rmatvecInto for CSR, CSC and COO.
 */
import fc from "fast-check";
import * as np from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { csrMatrix } from "./construct.js";
import { csrMatmat, csrMatmatT, csrMatvec, csrMatvecT, spmvReference, type SparseData } from "./spmv.js";

/** Random CSR arrays of an m × n matrix: rows drawn with repeats and in any order, some rows empty. */
const csrArb = fc
  .record({ m: fc.integer({ min: 0, max: 9 }), n: fc.integer({ min: 1, max: 9 }), dtype: fc.constantFrom("float64", "float32", "int32") })
  .chain(({ m, n, dtype }) =>
    fc.record({
      m: fc.constant(m),
      n: fc.constant(n),
      dtype: fc.constant(dtype),
      rows: fc.array(
        fc.array(fc.record({ j: fc.integer({ min: 0, max: n - 1 }), v: fc.integer({ min: -20, max: 20 }).map((k) => k / 4) }), { maxLength: 2 * n }),
        { minLength: m, maxLength: m },
      ),
      x: fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: Math.max(m, n), maxLength: Math.max(m, n) }),
    }),
  )
  .map(({ m, n, dtype, rows, x }) => {
    const indptr = new Int32Array(m + 1);
    const indices: number[] = [];
    const values: number[] = [];
    rows.forEach((r, i) => {
      for (const { j, v } of r) {
        indices.push(j);
        values.push(dtype === "int32" ? Math.round(v * 4) : v);
      }
      indptr[i + 1] = indices.length;
    });
    const data: SparseData = dtype === "float64" ? Float64Array.from(values) : dtype === "float32" ? Float32Array.from(values) : Int32Array.from(values);
    return { m, n, indptr, indices: Int32Array.from(indices), data, x: Float64Array.from(x) };
  });

const absSum = (d: ArrayLike<number>): number => Array.from(d).reduce((s, v) => s + Math.abs(v), 0);

/** |a − b| within a few ulps of the sum of |terms| (the kernels and the reference add in the same order, so usually 0). */
function expectClose(a: Float64Array, b: Float64Array, scale: number): void {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThanOrEqual(8 * 2 ** -52 * scale);
}

describe("spmv kernels against spmvReference", () => {
  it("y := A·x and y := Aᵀ·x", () => {
    fc.assert(
      fc.property(csrArb, ({ m, n, indptr, indices, data, x }) => {
        const scale = 1 + absSum(data) * 10;
        const y = new Float64Array(m).fill(NaN); // overwritten, never accumulated into
        csrMatvec(m, indptr, indices, data, x.subarray(0, n), y);
        expectClose(y, spmvReference([m, n], indptr, indices, data, x.subarray(0, n)), scale);
        const z = new Float64Array(n).fill(NaN);
        csrMatvecT(m, n, indptr, indices, data, x.subarray(0, m), z);
        expectClose(z, spmvReference([m, n], indptr, indices, data, x.subarray(0, m), true), scale);
      }),
      { numRuns: 300 },
    );
  });

  it("Y := A·X and Y := Aᵀ·X column by column", () => {
    fc.assert(
      fc.property(csrArb, fc.integer({ min: 1, max: 3 }), ({ m, n, indptr, indices, data, x }, k) => {
        const scale = 1 + absSum(data) * 10;
        // X (n × k) with column c = x shifted by c
        const col = (len: number, c: number) => Float64Array.from({ length: len }, (_, i) => x[(i + c) % x.length]);
        const X = new Float64Array(n * k);
        const XT = new Float64Array(m * k);
        for (let c = 0; c < k; c++) {
          col(n, c).forEach((v, i) => (X[i * k + c] = v));
          col(m, c).forEach((v, i) => (XT[i * k + c] = v));
        }
        const Y = new Float64Array(m * k).fill(NaN);
        csrMatmat(m, k, indptr, indices, data, X, Y);
        const Z = new Float64Array(n * k).fill(NaN);
        csrMatmatT(m, n, k, indptr, indices, data, XT, Z);
        for (let c = 0; c < k; c++) {
          expectClose(Float64Array.from({ length: m }, (_, i) => Y[i * k + c]), spmvReference([m, n], indptr, indices, data, col(n, c)), scale);
          expectClose(Float64Array.from({ length: n }, (_, j) => Z[j * k + c]), spmvReference([m, n], indptr, indices, data, col(m, c), true), scale);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("the same through matvecInto / rmatvecInto of CSR, CSC and COO (duplicates before canonicalisation)", () => {
    fc.assert(
      fc.property(csrArb, ({ m, n, indptr, indices, data, x }) => {
        const S = csrMatrix([data, indices, indptr], { shape: [m, n] });
        const scale = 1 + absSum(data) * 10;
        const want = spmvReference([m, n], indptr, indices, data, x.subarray(0, n));
        const wantT = spmvReference([m, n], indptr, indices, data, x.subarray(0, m), true);
        for (const M of [S, S.tocsc(), S.tocoo(), S.T.T]) {
          const y = new Float64Array(m);
          M.matvecInto(x.slice(0, n), y);
          expectClose(y, want, scale);
          const z = new Float64Array(n);
          M.rmatvecInto(x.slice(0, m), z);
          expectClose(z, wantT, scale);
        }
        // and the dense product agrees with NumPy's matmul of the dense matrix
        const dense = S.toarray().astype("float64").matmul(np.fromTypedArray(x.slice(0, n)));
        expectClose(dense.data as Float64Array, want, scale);
      }),
      { numRuns: 200 },
    );
  });

  it("propagates NaN and Inf of A as the dense product does", () => {
    const S = csrMatrix([Float64Array.of(NaN, 1, Infinity), Int32Array.of(0, 1, 1), Int32Array.of(0, 2, 3)], { shape: [2, 2] });
    const y = new Float64Array(2);
    S.matvecInto(Float64Array.of(0, 1), y);
    expect(Number.isNaN(y[0])).toBe(true);
    expect(y[1]).toBe(Infinity);
    const z = new Float64Array(2);
    S.rmatvecInto(Float64Array.of(0, 1), z);
    expect(Number.isNaN(z[0])).toBe(true); // 0 · NaN is NaN: row 0 is not skipped
  });
});
