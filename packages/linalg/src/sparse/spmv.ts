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
 * The same two loops serve CSC: the CSC arrays of A are the CSR arrays of Aᵀ, so A·x on CSC is
 * the scatter and Aᵀ·x the gather. Duplicate (row, column) entries and unsorted indices need
 * nothing special: every stored pair adds its product, which is what the matrix means.
 *
 * Contract: `indptr` has `nMajor + 1` non-decreasing entries, every index lies in range, x and y
 * do not overlap; y is overwritten (no accumulation into what it held). Sums are formed in
 * float64 whatever the storage type (float32, int32 data are widened as they are read).
 * Nothing is allocated. `spmvReference` is the readable twin the tests run against: the same
 * product written entry by entry through the (i, j, a_ij) triplets.
 *
 * Not parallel (row-parallel threads are out of scope, issue #14); not blocked (BSR).
 */

/** The typed arrays a sparse matrix may store its values in. */
export type SparseData = Float64Array | Float32Array | Int32Array;

/**
 * y := A·x for A (nMajor × ·) in CSR: one dot product per row over its stored entries.
 * @param nMajor rows of A (the length of y).
 */
export function csrMatvec(nMajor: number, indptr: Int32Array, indices: Int32Array, data: SparseData, x: Float64Array, y: Float64Array): void {
  // y_i = Σ_p a_p · x_{j_p}: a gather over row i's stored entries. Unrolled by 4 with one
  // accumulator, so the additions happen in storage order (SciPy's order, bit for bit); the
  // unrolling only saves loop overhead (about 15% on a 1e6-nonzero matrix, bench/sparse.bench.ts).
  let p = indptr[0];
  for (let i = 0; i < nMajor; i++) {
    const end = indptr[i + 1];
    let yi = 0;
    for (; p + 3 < end; p += 4) {
      yi += data[p] * x[indices[p]];
      yi += data[p + 1] * x[indices[p + 1]];
      yi += data[p + 2] * x[indices[p + 2]];
      yi += data[p + 3] * x[indices[p + 3]];
    }
    for (; p < end; p++) yi += data[p] * x[indices[p]];
    y[i] = yi;
  }
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
export function csrMatmatT(nMajor: number, nMinor: number, k: number, indptr: Int32Array, indices: Int32Array, data: SparseData, X: Float64Array, Y: Float64Array): void {
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
export function spmvReference(
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
