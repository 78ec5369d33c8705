/**
 * The spmv kernels (csrMatvec, csrMatvecT, csrMatmat, csrMatmatT) against their reference twin
 * `csrMatvecReference` on random CSR arrays (fast-check): empty rows, unsorted indices, duplicate
 * entries before canonicalisation, float32 and int32 storage, and through the matrices'
 * matvecInto / rmatvecInto for CSR, CSC and COO. Then the resident arrays of large matrices
 * (the WebAssembly kernel): bit for bit the TypeScript loops, never stale, safe against
 * indices written out of range, and every other operation unchanged.
 */
import fc from "fast-check";
import * as np from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { csrMatrix } from "./construct.js";
import { eye } from "./special-matrices.js";
import { ShapeError } from "@sliderule/ndarray";
import { csrGatherResident, csrScatterResident, getBackend, residentCsrBytes, residentCsrOf, setBackend } from "@sliderule/ndarray/kernels";
import { csrMatmat, csrMatmatT, csrMatvec, csrMatvecDot, csrMatvecT, csrMatvecReference, SPMV_RESIDENT_MIN_NNZ, type SparseData } from "./spmv.js";

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
          expectClose(
            Float64Array.from({ length: m }, (_, i) => Y[i * k + c]),
            csrMatvecReference([m, n], indptr, indices, data, col(n, c)),
            scale,
          );
          expectClose(
            Float64Array.from({ length: n }, (_, j) => Z[j * k + c]),
            csrMatvecReference([m, n], indptr, indices, data, col(m, c), true),
            scale,
          );
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
        const dense = S.toarray()
          .astype("float64")
          .matmul(np.fromTypedArray(x.slice(0, n)));
        expectClose(dense.data as Float64Array, want, scale);
      }),
      { numRuns: 200 },
    );
  });

  it("csrMatvec sums each row in storage order: bit for bit the reference, rows of any lengths", () => {
    // the four-rows-at-a-time loop must not reorder a row's additions (SciPy's order), whatever
    // the mix of lengths in a group of four (empty rows, one long row, a tail of 1–3 rows)
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 13 }), { minLength: 1, maxLength: 23 }), fc.integer({ min: 1, max: 2 ** 31 - 1 }), (lengths, seed) => {
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
      }),
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

// ------------------------------------------------------------------ resident arrays

/**
 * Random CSR arrays of an m × n matrix with about `perRow` entries a row: a tenth of the rows
 * empty, the columns in any order with repeats (duplicates), values standard normal (so the
 * order of the additions shows in the last bits). Seeded.
 */
function randomCsr(m: number, n: number, perRow: number, seed: number, dtype: "float64" | "float32" = "float64") {
  const rng = np.random.defaultRng(seed);
  const lengths = Array.from({ length: m }, () => (rng.random() < 0.1 ? 0 : Number(rng.integers(1, 2 * perRow))));
  const indptr = new Int32Array(m + 1);
  for (let i = 0; i < m; i++) indptr[i + 1] = indptr[i] + lengths[i];
  const nnz = indptr[m];
  const indices = Int32Array.from({ length: nnz }, () => Number(rng.integers(0, n)));
  const values = (rng.standardNormal(nnz) as np.NDArray).toTypedArray() as Float64Array;
  const data = dtype === "float64" ? values : Float32Array.from(values);
  const x = (rng.standardNormal(Math.max(m, n)) as np.NDArray).toTypedArray() as Float64Array;
  return { indptr, indices, data, x };
}

/** a and b hold the same float64 values, bit for bit (NaN equal to NaN). */
function expectIdentical(a: Float64Array, b: Float64Array): void {
  expect(a.length).toBe(b.length);
  let differ = -1;
  for (let i = 0; i < a.length && differ < 0; i++) if (!Object.is(a[i], b[i])) differ = i;
  expect(differ, differ < 0 ? "" : `first difference at ${differ}: ${a[differ]} vs ${b[differ]}`).toBe(-1);
}

const wasm = getBackend() !== "typescript";

describe("resident arrays: large float matrices in a WebAssembly memory of their own", () => {
  it(`CSR/CSC with nnz ≥ ${SPMV_RESIDENT_MIN_NNZ} are resident exactly when the backend is WebAssembly; small, int32 and hypersparse ones never`, () => {
    const { indptr, indices, data } = randomCsr(600, 500, 40, 1);
    expect(data.length).toBeGreaterThanOrEqual(SPMV_RESIDENT_MIN_NNZ);
    const S = csrMatrix([data, indices, indptr], { shape: [600, 500] });
    expect(residentCsrOf(S.data) !== undefined).toBe(wasm);
    expect(residentCsrOf(S.tocsc().data) !== undefined).toBe(wasm);
    expect(residentCsrOf(csrMatrix([data, indices, indptr], { shape: [600, 500], dtype: "float32" }).data) !== undefined).toBe(wasm);
    expect(residentCsrOf(csrMatrix([data, indices, indptr], { shape: [600, 500], dtype: "int32" }).data)).toBeUndefined();
    const small = randomCsr(50, 50, 5, 2);
    expect(residentCsrOf(csrMatrix([small.data, small.indices, small.indptr], { shape: [50, 50] }).data)).toBeUndefined();
    // nnz below m + n: bound by x and y, not by the entries
    expect(residentCsrOf(eye(20000, 20000).data)).toBeUndefined();
  });

  it("products are bit for bit the TypeScript loops' (csrMatvec, csrMatvecDot, csrMatvecT): empty rows, duplicates, unsorted indices, float32", () => {
    for (const [m, n, dtype, seed] of [
      [700, 500, "float64", 3],
      [500, 700, "float64", 4],
      [640, 640, "float64", 5],
      [640, 640, "float32", 6],
      [401, 803, "float32", 7],
    ] as const) {
      const { indptr, indices, data, x } = randomCsr(m, n, 50, seed, dtype);
      expect(data.length).toBeGreaterThanOrEqual(SPMV_RESIDENT_MIN_NNZ);
      const S = csrMatrix([data, indices, indptr], { shape: [m, n] });
      expect(S.hasSortedIndices).toBe(false);
      expect(residentCsrOf(S.data) !== undefined).toBe(wasm);
      const xn = x.slice(0, n),
        xm = x.slice(0, m);
      const want = new Float64Array(m);
      csrMatvec(m, indptr, indices, data, xn, want);
      const wantT = new Float64Array(n);
      csrMatvecT(m, n, indptr, indices, data, xm, wantT);
      for (const M of [S, S.T.T]) {
        const y = new Float64Array(m).fill(NaN);
        M.matvecInto(xn, y);
        expectIdentical(y, want);
        const z = new Float64Array(n).fill(NaN);
        M.rmatvecInto(xm, z);
        expectIdentical(z, wantT);
        expectIdentical(M.matmul(np.fromTypedArray(xn)).data as Float64Array, want);
      }
      // CSC on the same arrays is Sᵀ: its A·x is the scatter, its Aᵀ·x the gather
      const C = S.T;
      const y = new Float64Array(n);
      C.matvecInto(xm, y);
      expectIdentical(y, wantT);
      const z = new Float64Array(m);
      C.rmatvecInto(xn, z);
      expectIdentical(z, want);
      // the kernel itself ran (a fallback to the loops would pass the checks above too)
      const r = residentCsrOf(S.data);
      if (wasm) {
        const yk = new Float64Array(m),
          zk = new Float64Array(n);
        expect(csrGatherResident(r!, xn, yk, false)).toBe(0);
        expectIdentical(yk, want);
        expect(csrScatterResident(r!, xm, zk)).toBe(true);
        expectIdentical(zk, wantT);
      }
      if (m === n) {
        const yd = new Float64Array(m);
        const xy = S.matvecDotInto(xn, yd);
        const ydJs = new Float64Array(m);
        expect(Object.is(xy, csrMatvecDot(m, indptr, indices, data, xn, ydJs))).toBe(true);
        expectIdentical(yd, ydJs);
      }
    }
  });

  it("what the caller holds never goes stale: the arrays passed are copied; writes into S.data, S.indices, S.indptr reach the product", () => {
    const m = 600,
      n = 600;
    const { indptr, indices, data, x } = randomCsr(m, n, 40, 8);
    const S = csrMatrix([data, indices, indptr], { shape: [m, n] });
    const T = S.T; // CSC on the same arrays
    const before = new Float64Array(m);
    S.matvecInto(x, before);
    // the original arrays are not the matrix's (csrMatrix copies, as documented)
    data.fill(7);
    indices.fill(0);
    const y = new Float64Array(m);
    S.matvecInto(x, y);
    expectIdentical(y, before);
    // writing into the matrix's own arrays changes its products, and its transpose's
    (S.data as Float64Array).fill(1);
    const want = new Float64Array(m);
    csrMatvec(m, S.indptr, S.indices, S.data, x, want);
    expect(want.some((v, i) => v !== before[i])).toBe(true); // a different matrix now
    S.matvecInto(x, y);
    expectIdentical(y, want);
    const z = new Float64Array(m);
    T.rmatvecInto(x, z);
    expectIdentical(z, want);
    S.indices[S.indptr[5]] = 3; // moving an entry
    csrMatvec(m, S.indptr, S.indices, S.data, x, want);
    S.matvecInto(x, y);
    expectIdentical(y, want);
    // and in float32
    const F = csrMatrix([data, indices, indptr], { shape: [m, n], dtype: "float32" });
    F.data[0] = 0.5;
    const wf = new Float64Array(m);
    csrMatvec(m, F.indptr, F.indices, F.data, x, wf);
    const yf = new Float64Array(m);
    F.matvecInto(x, yf);
    expectIdentical(yf, wf);
  });

  it("an index or indptr entry written out of range gives the TypeScript loops' result, and writes nothing into the matrix", () => {
    const m = 500,
      n = 400;
    const { indptr, indices, data, x } = randomCsr(m, n, 40, 9);
    const S = csrMatrix([data, indices, indptr], { shape: [m, n] });
    const snapshot = { data: S.data.slice(), indices: S.indices.slice(), indptr: S.indptr.slice() };
    for (const [where, bad] of [
      ["indices", n],
      ["indices", -1],
      ["indices", 2 ** 30],
      ["indptr", S.nnz + 1],
      ["indptr", -3],
    ] as const) {
      const arr = where === "indices" ? S.indices : S.indptr;
      const at = where === "indices" ? S.indptr[200] : 200;
      const keep = arr[at];
      arr[at] = bad;
      const want = new Float64Array(m),
        y = new Float64Array(m);
      csrMatvec(m, S.indptr, S.indices, S.data, x.subarray(0, n), want);
      S.matvecInto(x.slice(0, n), y);
      expectIdentical(y, want);
      const wantT = new Float64Array(n),
        z = new Float64Array(n);
      csrMatvecT(m, n, S.indptr, S.indices, S.data, x.subarray(0, m), wantT);
      S.rmatvecInto(x.slice(0, m), z); // the scatter: a stray index must not write into the arrays
      expectIdentical(z, wantT);
      if (wasm) {
        // the kernels refused (and the loops ran)
        const r = residentCsrOf(S.data)!;
        expect(csrGatherResident(r, x.slice(0, n), y, false)).toBeUndefined();
        expect(csrScatterResident(r, x.slice(0, m), z)).toBe(false);
      }
      arr[at] = keep;
      expect(Array.from(S.data)).toEqual(Array.from(snapshot.data));
      expect(Array.from(S.indices)).toEqual(Array.from(snapshot.indices));
      expect(Array.from(S.indptr)).toEqual(Array.from(snapshot.indptr));
    }
  });

  it("sortIndices, sumDuplicates, eliminateZeros, copy, slicing and conversions keep working (and large results stay resident)", () => {
    const m = 600,
      n = 500;
    const { indptr, indices, data, x } = randomCsr(m, n, 40, 10);
    data[3] = 0;
    const S = csrMatrix([data, indices, indptr], { shape: [m, n] });
    const dense = S.toarray();
    const T = S.T;
    const xn = x.slice(0, n);
    const ref = dense.matmul(np.fromTypedArray(xn)).data as Float64Array;
    const scale = 1 + absSum(data) * 10;
    const check = (M: typeof S, label: string) => {
      const y = new Float64Array(m);
      M.matvecInto(xn, y);
      expectClose(y, ref, scale);
      expect(residentCsrOf(M.data) !== undefined, label).toBe(wasm);
      expect(M.memoryBytes).toBe(M.data.byteLength + M.indices.byteLength + M.indptr.byteLength);
    };
    const C = S.copy();
    expect(C.data).not.toBe(S.data);
    check(C, "copy");
    S.sortIndices();
    expect(S.hasSortedIndices).toBe(true);
    check(S, "sortIndices");
    S.sumDuplicates();
    expect(S.hasCanonicalFormat).toBe(true);
    check(S, "sumDuplicates");
    S.eliminateZeros();
    check(S, "eliminateZeros");
    expect(np.allclose(S.toarray(), dense)).toBe(true);
    check(S.tocsc().tocsr(), "tocsc().tocsr()");
    // the transpose taken before keeps describing the same matrix
    expect(np.allclose(T.toarray(), dense.T)).toBe(true);
    const R = S.slice("::2");
    expect(np.allclose(R.toarray(), dense.slice("::2", ":"))).toBe(true);
    expect(np.allclose(S.multiply(2).toarray(), dense.multiply(2))).toBe(true);
    expect(np.allclose(S.add(S).toarray(), dense.multiply(2))).toBe(true);
    expect(S.tocoo().tocsr().toarray().toArray()).toEqual(dense.toArray());
  });

  it("a matrix's memory holds its arrays once: whole pages, never grown", () => {
    const m = 3000,
      n = 2000;
    const { indptr, indices, data } = randomCsr(m, n, 20, 11);
    const S = csrMatrix([data, indices, indptr], { shape: [m, n] });
    const r = residentCsrOf(S.data);
    if (!wasm) {
      expect(r).toBeUndefined();
      return;
    }
    expect(r).toBeDefined();
    const nnz = S.nnz;
    const arrays = 8 * nnz + 4 * nnz + 4 * (m + 1);
    const slots = 8 * (m + n);
    const bytes = r!.memory.buffer.byteLength;
    expect(bytes).toBe(residentCsrBytes(m, n, nnz, "float64"));
    expect(bytes).toBeGreaterThanOrEqual(arrays + slots);
    expect(bytes).toBeLessThan(arrays + slots + 65536 + 128); // one partial page and alignment, no doubling
    expect(S.memoryBytes).toBe(arrays);
    expect(() => r!.memory.grow(1)).toThrow(RangeError); // maximum = initial
  });

  it('with setBackend("typescript") resident matrices run the TypeScript loop on their views, and new ones are ordinary arrays', () => {
    if (!wasm) return;
    const previous = getBackend();
    const m = 600;
    const { indptr, indices, data, x } = randomCsr(m, m, 40, 12);
    const S = csrMatrix([data, indices, indptr], { shape: [m, m] });
    const y0 = new Float64Array(m);
    S.matvecInto(x.subarray(0, m), y0);
    setBackend("typescript");
    try {
      const y = new Float64Array(m);
      S.matvecInto(x.subarray(0, m), y);
      expectIdentical(y, y0);
      expect(residentCsrOf(csrMatrix([data, indices, indptr], { shape: [m, m] }).data)).toBeUndefined();
    } finally {
      setBackend(previous);
    }
    const y = new Float64Array(m);
    S.matvecInto(x.subarray(0, m), y);
    expectIdentical(y, y0);
  });
});
