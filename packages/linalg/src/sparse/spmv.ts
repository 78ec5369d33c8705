/**
 * spmv: the sparse matrix–vector product on compressed storage, y := A·x and y := Aᵀ·x.
 * SciPy's `csr_matvec` (sparsetools/csr.h); Saad, "Iterative Methods for Sparse Linear
 * Systems", 2nd ed., §3.4 (Algorithm "CSR format matrix-by-vector product").
 *
 *   A (m × n) in CSR:  row i holds the pairs (indices[p], data[p]) for p in indptr[i] .. indptr[i+1]−1
 *
 *     y_i = Σ_{p = indptr[i]}^{indptr[i+1]−1} data[p] · x[indices[p]]        (csrMatvec: a gather)
 *     y   = Σ_i Σ_p data[p] · x_i · e_{indices[p]}                          (csrMatvecT: a scatter, y := Aᵀ·x)
 *
 * csrMatvecDot also returns xᵀ·y for a square A (CG's pᵀ·A·p, summed as the rows are done).
 * The same two loops serve CSC: the CSC arrays of A are the CSR arrays of Aᵀ, so A·x on CSC is
 * the scatter and Aᵀ·x the gather. Duplicate (row, column) entries and unsorted indices need
 * nothing special: every stored pair adds its product, which is what the matrix means.
 *
 * Contract: `indptr` has `nMajor + 1` non-decreasing entries, every index lies in range, x and y
 * do not overlap; y is overwritten (no accumulation into what it held). Sums are formed in
 * float64 whatever the storage type (float32, int32 data are widened as they are read).
 * Nothing is allocated. `csrMatvecReference` is the readable twin the tests run against: the same
 * product written entry by entry through the (i, j, a_ij) triplets.
 *
 * The fast kernel: the same loops in WebAssembly (@sliderule/ndarray/kernels, wasm/spmv.as.ts),
 * 1.5–1.9× faster than these here, copies of x and y included (V8 bounds-checks every
 * typed-array read of the gather; bench/sparse.bench.ts: 0.96 ms against 1.53 on 1e6 entries).
 * A kernel reads only its own WebAssembly memory, so a large float64/float32 matrix keeps its
 * arrays there from construction on (`residentArrays`, called by every CSR/CSC constructor):
 * its public `data`, `indices`, `indptr` are views on a memory of its own, sized once and never
 * grown, so what a caller writes into them is what the kernel reads (a copy per product would
 * cost more than the kernel saves; a cached copy would go stale). `spmv` below is the one
 * dispatch: resident arrays and a WebAssembly backend → the kernel; anything else (int32
 * data, small matrices, SLIDERULE_BACKEND=typescript, or an entry a caller has made out of
 * range) → the loops of this file. The results are bit for bit the same: the kernel sums each
 * row in storage order from 0, scatters in storage order and forms xᵀ·y in row order, with a
 * multiply then an add (no fused multiply-add), as these loops do; four rows at a time here
 * changes no row's order. spmv.test.ts checks equality with === on random matrices.
 *
 * Not parallel (row-parallel threads are out of scope, issue #14); not blocked (BSR).
 */
import { csrGatherResident, csrScatterResident, residentCsr, residentCsrOf } from "@sliderule/ndarray/kernels";

/** The typed arrays a sparse matrix may store its values in. */
export type SparseData = Float64Array | Float32Array | Int32Array;

/** The three arrays of a compressed matrix (compressed-storage.ts's Compressed; declared here too so that this file imports nothing from the formats). */
interface Compressed {
  indptr: Int32Array;
  indices: Int32Array;
  data: SparseData;
}

/**
 * Smallest nnz whose arrays move into a WebAssembly memory of their own (with a WebAssembly
 * backend; float64 and float32 data). Measured on this 2-core Xeon (AVX-512), Node 20, banded
 * n × n matrices, TypeScript loop ÷ kernel per product (copies of x and y included):
 *
 *   entries per row    n = 1024     4096     16384    65536
 *   1 (diagonal)           1.27     1.20      1.18     0.98    (bound by x and y: excluded below)
 *   3                      1.69     1.71      1.70     1.35
 *   5                      1.87     2.27      1.87     1.47
 *   10                     1.88     1.98      1.75     1.66
 *
 * The kernel wins from a few thousand entries on; moving the arrays in costs about 5 ns per
 * entry once (4–8 products' worth). The threshold is where the matrix is worth a memory of its
 * own: every memory is whole 64 KiB pages (a 2^14-entry float64 matrix holds 196 KiB of arrays)
 * and reserves address space (Node 20 here refused the 13,090th live memory), so the many
 * small matrices a program makes stay ordinary arrays, losing under 20 µs a product.
 */
export const SPMV_RESIDENT_MIN_NNZ = 2 ** 14;

/**
 * The arrays a CSR/CSC matrix should hold: `a` itself, or copies of them in resident storage
 * (a WebAssembly memory of their own) when the matrix is large enough: float64 or float32
 * data, nnz ≥ SPMV_RESIDENT_MIN_NNZ, at least as many entries as rows and columns together (a
 * sparser matrix is bound by x and y, which the kernel would copy in and out), and a
 * WebAssembly backend. Arrays that already are one resident storage's views are kept as they
 * are (a transpose shares them). nMajor: slices (rows of CSR); nMinor: the other side.
 */
export function residentArrays(a: Compressed, nMajor: number, nMinor: number): Compressed {
  const { indptr, indices, data } = a;
  const nnz = data.length;
  if (nnz < SPMV_RESIDENT_MIN_NNZ || data instanceof Int32Array || nnz < nMajor + nMinor) return a;
  const known = residentCsrOf(data);
  if (known !== undefined && known.indptr === indptr && known.indices === indices && known.nMajor === nMajor && known.nMinor === nMinor) return a;
  const r = residentCsr(nMajor, nMinor, nnz, data instanceof Float64Array ? "float64" : "float32");
  if (r === null) return a; // typescript backend, or no memory to be had: ordinary arrays
  r.indptr.set(indptr);
  r.indices.set(indices);
  if (r.data instanceof Float64Array) r.data.set(data as Float64Array);
  else r.data.set(data as Float32Array);
  return { indptr: r.indptr, indices: r.indices, data: r.data };
}

/**
 * The products the iterative solvers need, on compressed arrays `a` (nMajor slices):
 *   "gather"     y := A·x for the CSR matrix A of the arrays (x: nMinor, y: nMajor)
 *   "gatherDot"  the same for a square A, returning xᵀ·y (csrMatvecDot)
 *   "scatter"    y := Aᵀ·x (x: nMajor, y: nMinor): CSC's A·x
 * The dispatch: the WebAssembly kernel when the arrays are resident, else the loops below.
 * Returns xᵀ·y for "gatherDot", else 0.
 */
export function spmv(op: "gather" | "gatherDot" | "scatter", nMajor: number, nMinor: number, a: Compressed, x: Float64Array, y: Float64Array): number {
  const { indptr, indices, data } = a;
  const r = data.length >= SPMV_RESIDENT_MIN_NNZ ? residentCsrOf(data) : undefined;
  if (r !== undefined && r.indptr === indptr && r.indices === indices) {
    if (op === "scatter") {
      if (csrScatterResident(r, x, y)) return 0;
    } else {
      const xy = csrGatherResident(r, x, y, op === "gatherDot");
      if (xy !== undefined) return xy;
    }
  }
  if (op === "scatter") {
    csrMatvecT(nMajor, nMinor, indptr, indices, data, x, y);
    return 0;
  }
  return csrRows(nMajor, indptr, indices, data, x, y, op === "gatherDot");
}

/**
 * y := A·x for A (nMajor × ·) in CSR: one dot product per row over its stored entries.
 * @param nMajor rows of A (the length of y).
 */
export function csrMatvec(nMajor: number, indptr: Int32Array, indices: Int32Array, data: SparseData, x: Float64Array, y: Float64Array): void {
  csrRows(nMajor, indptr, indices, data, x, y, false);
}

/**
 * y := A·x for a square A in CSR, returning xᵀ·y: the sum Σ_i x_i·y_i is added as the rows
 * are done, in index order, so it is bit for bit csrMatvec then a plain dot product, without a
 * second pass over x and y (CG's p_jᵀ·A·p_j: one memory pass fewer per iteration, about 6%).
 * @param nMajor rows and columns of A (the length of x and y).
 */
export function csrMatvecDot(nMajor: number, indptr: Int32Array, indices: Int32Array, data: SparseData, x: Float64Array, y: Float64Array): number {
  return csrRows(nMajor, indptr, indices, data, x, y, true);
}

/** csrMatvec's loop; with `dot`, also Σ_i x_i·y_i (x then has nMajor entries), else 0. */
function csrRows(nMajor: number, indptr: Int32Array, indices: Int32Array, data: SparseData, x: Float64Array, y: Float64Array, dot: boolean): number {
  // y_i = Σ_p a_p · x_{j_p}: a gather over row i's stored entries, each row's sum in storage
  // order (SciPy's order, bit for bit). Four rows at a time: their sums are independent, so the
  // four additions of a step overlap instead of each waiting on the last (a single running sum
  // is bound by the adder's latency), and the four rows share the loop's checks. The entries
  // the four rows have in common positions (c < len) go together, each row's tail after.
  // (Against one row at a time unrolled by 4: about 5–15% faster on the 2-D Poisson matrix,
  // level on 10 scattered entries per row; bench/sparse.bench.ts.)
  let xy = 0;
  let i = 0;
  for (; i + 4 <= nMajor; i += 4) {
    let p0 = indptr[i],
      p1 = indptr[i + 1],
      p2 = indptr[i + 2],
      p3 = indptr[i + 3];
    const end0 = p1,
      end1 = p2,
      end2 = p3,
      end3 = indptr[i + 4];
    let y0 = 0,
      y1 = 0,
      y2 = 0,
      y3 = 0;
    const len = Math.min(end0 - p0, end1 - p1, end2 - p2, end3 - p3);
    for (let c = 0; c < len; c++, p0++, p1++, p2++, p3++) {
      y0 += data[p0] * x[indices[p0]];
      y1 += data[p1] * x[indices[p1]];
      y2 += data[p2] * x[indices[p2]];
      y3 += data[p3] * x[indices[p3]];
    }
    for (; p0 < end0; p0++) y0 += data[p0] * x[indices[p0]];
    for (; p1 < end1; p1++) y1 += data[p1] * x[indices[p1]];
    for (; p2 < end2; p2++) y2 += data[p2] * x[indices[p2]];
    for (; p3 < end3; p3++) y3 += data[p3] * x[indices[p3]];
    y[i] = y0;
    y[i + 1] = y1;
    y[i + 2] = y2;
    y[i + 3] = y3;
    if (dot) {
      xy += x[i] * y0;
      xy += x[i + 1] * y1;
      xy += x[i + 2] * y2;
      xy += x[i + 3] * y3;
    }
  }
  // the last nMajor mod 4 rows, one at a time
  for (; i < nMajor; i++) {
    let yi = 0;
    for (let p = indptr[i], end = indptr[i + 1]; p < end; p++) yi += data[p] * x[indices[p]];
    y[i] = yi;
    if (dot) xy += x[i] * yi;
  }
  return xy;
}

/**
 * y := Aᵀ·x for A (nMajor × nMinor) in CSR: each row i scatters x_i · a_ij into y_j.
 * @param nMinor columns of A (the length of y).
 */
export function csrMatvecT(nMajor: number, nMinor: number, indptr: Int32Array, indices: Int32Array, data: SparseData, x: Float64Array, y: Float64Array): void {
  y.fill(0, 0, nMinor);
  // y_j += a_ij · x_i for every stored (i, j)
  for (let i = 0; i < nMajor; i++) {
    const xi = x[i];
    for (let p = indptr[i], end = indptr[i + 1]; p < end; p++) y[indices[p]] += data[p] * xi;
  }
}

/**
 * Y := A·X for A (nMajor × n) in CSR and X (n × k), Y (nMajor × k), both C-contiguous
 * float64: row i of Y is Σ_p a_p · (row j_p of X) (SciPy's `csr_matvecs`).
 */
export function csrMatmat(nMajor: number, k: number, indptr: Int32Array, indices: Int32Array, data: SparseData, X: Float64Array, Y: Float64Array): void {
  Y.fill(0, 0, nMajor * k);
  for (let i = 0; i < nMajor; i++) {
    const yi = i * k;
    for (let p = indptr[i], end = indptr[i + 1]; p < end; p++) {
      const a = data[p];
      const xj = indices[p] * k;
      for (let c = 0; c < k; c++) Y[yi + c] += a * X[xj + c];
    }
  }
}

/**
 * Y := Aᵀ·X for A (nMajor × nMinor) in CSR, X (nMajor × k), Y (nMinor × k), C-contiguous float64:
 * row i of X, scaled by a_ij, is added to row j of Y (the matrix form of csrMatvecT).
 */
export function csrMatmatT(
  nMajor: number,
  nMinor: number,
  k: number,
  indptr: Int32Array,
  indices: Int32Array,
  data: SparseData,
  X: Float64Array,
  Y: Float64Array,
): void {
  Y.fill(0, 0, nMinor * k);
  for (let i = 0; i < nMajor; i++) {
    const xi = i * k;
    for (let p = indptr[i], end = indptr[i + 1]; p < end; p++) {
      const a = data[p];
      const yj = indices[p] * k;
      for (let c = 0; c < k; c++) Y[yj + c] += a * X[xi + c];
    }
  }
}

/**
 * The reference twin of {@link csrMatvec} / {@link csrMatvecT}: expand the CSR arrays into
 * triplets (i, j, a_ij) and add a_ij·x_j into y_i (or a_ij·x_i into y_j when `transpose`),
 * one entry at a time, in storage order. Plain and allocating; for tests only.
 */
export function csrMatvecReference(
  shape: readonly [number, number],
  indptr: ArrayLike<number>,
  indices: ArrayLike<number>,
  data: ArrayLike<number>,
  x: ArrayLike<number>,
  transpose = false,
): Float64Array {
  const [m, n] = shape;
  const y = new Float64Array(transpose ? n : m);
  for (let i = 0; i < m; i++) {
    for (let p = indptr[i]; p < indptr[i + 1]; p++) {
      const j = indices[p];
      if (transpose) y[j] += data[p] * x[i];
      else y[i] += data[p] * x[j];
    }
  }
  return y;
}
