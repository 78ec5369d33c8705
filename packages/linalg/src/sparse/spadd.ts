/**
 * spadd: C = A + B or C = A − B for two matrices in canonical compressed form of the same
 * shape and orientation, by merging each pair of slices (SciPy's
 * `csr_binop_csr_canonical` with `std::plus` / `std::minus`):
 *
 *   slice i:  A's (j, a) and B's (j, b) in increasing j;  c_j = a ± b, a, or ±b
 *
 * Entries whose result is exactly 0 are not stored (SciPy drops them too, so A − A has nnz 0;
 * an explicit zero stored in A or B disappears as well). The result is canonical.
 * Arithmetic in `dtype` (NumPy's promotion of the two): float32 rounds each result to float32,
 * int32 wraps as C does. Work O(m + nnz(A) + nnz(B)).
 */
import { allocData, type SparseDType } from "./base.js";
import type { Compressed } from "./compressed-storage.js";

/**
 * C = A + sign·B (sign = 1 or −1) for canonical compressed arrays with nMajor slices.
 */
export function spadd(nMajor: number, A: Compressed, B: Compressed, sign: 1 | -1, dtype: SparseDType): Compressed {
  const cap = A.indptr[nMajor] + B.indptr[nMajor];
  const indptr = new Int32Array(nMajor + 1);
  const indices = new Int32Array(cap);
  const data = allocData(dtype, cap);
  const round = dtype === "float32" ? Math.fround : (v: number) => v;
  let nnz = 0;
  const emit = (j: number, v: number): void => {
    const c = round(v);
    if (c === 0) return;
    indices[nnz] = j;
    data[nnz++] = c;
  };
  for (let i = 0; i < nMajor; i++) {
    let p = A.indptr[i];
    let q = B.indptr[i];
    const pEnd = A.indptr[i + 1];
    const qEnd = B.indptr[i + 1];
    // merge two increasing index lists
    while (p < pEnd && q < qEnd) {
      const ja = A.indices[p];
      const jb = B.indices[q];
      if (ja === jb) emit(ja, A.data[p++] + sign * B.data[q++]);
      else if (ja < jb) emit(ja, A.data[p++]);
      else emit(jb, sign * B.data[q++]);
    }
    for (; p < pEnd; p++) emit(A.indices[p], A.data[p]);
    for (; q < qEnd; q++) emit(B.indices[q], sign * B.data[q]);
    indptr[i + 1] = nnz;
  }
  return { indptr, indices: indices.slice(0, nnz), data: data.slice(0, nnz) };
}
