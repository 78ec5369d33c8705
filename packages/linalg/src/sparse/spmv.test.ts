/**
 * The spmv kernels (csrMatvec, csrMatvecT, csrMatmat, csrMatmatT) against their reference twin
 * `csrMatvecReference` on random CSR arrays (fast-check): empty rows, unsorted indices, duplicate
 * entries before canonicalisation, float32 and int32 storage, and through the matrices'
 * matvecInto / rmatvecInto for CSR, CSC and COO.
 */
import fc from "fast-check";
import * as np from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { csrMatrix } from "./construct.js";
import { ShapeError } from "@sliderule/ndarray";
import { csrMatmat, csrMatmatT, csrMatvec, csrMatvecDot, csrMatvecT, csrMatvecReference, type SparseData } from "./spmv.js";

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

describe("spmv kernels against csrMatvecReference", () => {
  it("y := A·x and y := Aᵀ·x", () => {
    fc.assert(
      fc.property(csrArb, ({ m, n, indptr, indices, data, x }) => {
        const scale = 1 + absSum(data) * 10;
        const y = new Float64Array(m).fill(NaN); // overwritten, never accumulated into
        csrMatvec(m, indptr, indices, data, x.subarray(0, n), y);
        expectClose(y, csrMatvecReference([m, n], indptr, indices, data, x.subarray(0, n)), scale);
        const z = new Float64Array(n).fill(NaN);
        csrMatvecT(m, n, indptr, indices, data, x.subarray(0, m), z);
        expectClose(z, csrMatvecReference([m, n], indptr, indices, data, x.subarray(0, m), true), scale);
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
          expectClose(Float64Array.from({ length: m }, (_, i) => Y[i * k + c]), csrMatvecReference([m, n], indptr, indices, data, col(n, c)), scale);
          expectClose(Float64Array.from({ length: n }, (_, j) => Z[j * k + c]), csrMatvecReference([m, n], indptr, indices, data, col(m, c), true), scale);
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
        const want = csrMatvecReference([m, n], indptr, indices, data, x.subarray(0, n));
        const wantT = csrMatvecReference([m, n], indptr, indices, data, x.subarray(0, m), true);
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

  it("csrMatvec sums each row in storage order: bit for bit the reference, rows of any lengths", () => {
    // the four-rows-at-a-time loop must not reorder a row's additions (SciPy's order), whatever
    // the mix of lengths in a group of four (empty rows, one long row, a tail of 1–3 rows)
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 13 }), { minLength: 1, maxLength: 23 }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        (lengths, seed) => {
          const m = lengths.length;
          const n = 17;
          const rng = np.random.defaultRng(seed);
          const indptr = Int32Array.from([0, ...lengths.map((_, i) => lengths.slice(0, i + 1).reduce((a, b) => a + b, 0))]);
          const nnz = indptr[m];
          const indices = Int32Array.from({ length: nnz }, () => Number(rng.integers(0, n)));
          const data = (rng.standardNormal(nnz) as np.NDArray).toTypedArray() as Float64Array;
          const x = (rng.standardNormal(n) as np.NDArray).toTypedArray() as Float64Array;
          const y = new Float64Array(m).fill(NaN);
          csrMatvec(m, indptr, indices, data, x, y);
          const want = csrMatvecReference([m, n], indptr, indices, data, x);
          expect(Array.from(y)).toEqual(Array.from(want));
          // csrMatvecDot on the square m × m part (columns < m): y and xᵀy as csrMatvec then a plain dot
          if (m <= n) {
            const sq = Int32Array.from(indices, (j) => j % m);
            const xs = x.subarray(0, m);
            const yd = new Float64Array(m).fill(NaN);
            const xy = csrMatvecDot(m, indptr, sq, data, xs, yd);
            const ref = csrMatvecReference([m, m], indptr, sq, data, xs);
            expect(Array.from(yd)).toEqual(Array.from(ref));
            let dot = 0;
            for (let i = 0; i < m; i++) dot += xs[i] * ref[i];
            expect(xy).toBe(dot);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("matvecDotInto: y := A·x and xᵀ·y for CSR (fused) and CSC; square only", () => {
    const S = csrMatrix([Float64Array.of(2, -1, -1, 2, -1, -1, 2), Int32Array.of(0, 1, 0, 1, 2, 1, 2), Int32Array.of(0, 2, 5, 7)], { shape: [3, 3] });
    const x = Float64Array.of(1, 2, 4);
    for (const M of [S, S.tocsc()]) {
      const y = new Float64Array(3);
      expect(M.matvecDotInto(x, y)).toBe(1 * 0 + 2 * -1 + 4 * 6); // A·x = (0, −1, 6)
      expect(Array.from(y)).toEqual([0, -1, 6]);
    }
    const R = csrMatrix([Float64Array.of(1), Int32Array.of(0), Int32Array.of(0, 1, 1)], { shape: [2, 3] });
    expect(() => R.matvecDotInto(new Float64Array(3), new Float64Array(2))).toThrow(ShapeError);
    expect(() => R.matvecDotInto(new Float64Array(3), new Float64Array(2))).toThrow(/^matvecDotInto: A must be square, got shape \(2, 3\)/);
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
