/**
 * spgemm: sparse × sparse, C = A·B with A (m × k) and B (k × n) in CSR, C in canonical CSR.
 * Gustavson's row-by-row algorithm (SciPy's `csr_matmat`, after Bank & Douglas, "Sparse
 * Matrix Multiplication Package (SMMP)", 1993; Gustavson, ACM TOMS 4(3), 1978):
 *
 *   row i of C  =  Σ_{p in row i of A}  a_ip · (row indices[p] of B)
 *
 * accumulated in a dense workspace `acc` (n entries) with a marker per column (`mark[j] = i`
 * when column j was touched by row i), so each row costs only the entries it touches. The
 * columns a row touched are then sorted (so C comes out canonical) and the sums that are
 * exactly 0 are dropped, as SciPy does.
 *
 * Products and sums are formed in the common dtype of A and B; float32 rounds each product and
 * partial sum to float32 (SciPy's float32 template), int32 adds in float64 and wraps at the end.
 * The order of the additions is SciPy's (A's row in storage order, B's rows in storage order),
 * so float64 results agree with SciPy's bit for bit.
 *
 * Invariant: C.indptr[m] = nnz(C) ≤ Σ_i Σ_{p in row i} nnz(row indices[p] of B).
 * Work: O(m + n + flops + Σ_i r_i log r_i), r_i the entries of row i of C.
 */
import { allocData, type SparseDType } from "./base.js";
import type { Compressed } from "./compressed-storage.js";

/**
 * C = A·B for CSR arrays; A is m × k, B is k × n (the caller checked the shapes).
 * @param dtype the result's dtype (NumPy's promotion of A's and B's).
 */
export function spgemm(m: number, n: number, A: Compressed, B: Compressed, dtype: SparseDType): Compressed {
  const f32 = dtype === "float32";
  const mark = new Int32Array(n).fill(-1);
  // pass 1: the number of distinct columns of each row of C, an upper bound on its nnz
  const indptr = new Int32Array(m + 1);
  let bound = 0;
  for (let i = 0; i < m; i++) {
    for (let p = A.indptr[i]; p < A.indptr[i + 1]; p++) {
      const kk = A.indices[p];
      for (let q = B.indptr[kk]; q < B.indptr[kk + 1]; q++) {
        const j = B.indices[q];
        if (mark[j] !== i) {
          mark[j] = i;
          bound++;
        }
      }
    }
  }
  mark.fill(-1);
  const indices = new Int32Array(bound);
  const values = new Float64Array(bound);
  const acc = new Float64Array(n);
  let nnz = 0;
  // pass 2: row i of C = Σ_p a_ip · B[indices[p], :]
  for (let i = 0; i < m; i++) {
    const rowStart = nnz;
    for (let p = A.indptr[i]; p < A.indptr[i + 1]; p++) {
      const a = A.data[p];
      const kk = A.indices[p];
      for (let q = B.indptr[kk]; q < B.indptr[kk + 1]; q++) {
        const j = B.indices[q];
        const prod = f32 ? Math.fround(a * B.data[q]) : a * B.data[q];
        if (mark[j] !== i) {
          mark[j] = i;
          indices[nnz++] = j; // first touch of column j in row i
          acc[j] = prod;
        } else {
          acc[j] = f32 ? Math.fround(acc[j] + prod) : acc[j] + prod;
        }
      }
    }
    // canonical order, then keep the sums that are not exactly zero
    indices.subarray(rowStart, nnz).sort();
    let out = rowStart;
    for (let t = rowStart; t < nnz; t++) {
      const j = indices[t];
      if (acc[j] === 0) continue;
      indices[out] = j;
      values[out++] = acc[j];
    }
    nnz = out;
    indptr[i + 1] = nnz;
  }
  const data = allocData(dtype, nnz);
  for (let t = 0; t < nnz; t++) data[t] = values[t];
  return { indptr, indices: indices.slice(0, nnz), data };
}
