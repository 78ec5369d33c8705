/**
 * CsrMatrix: Compressed Sparse Row storage, SciPy's `scipy.sparse.csr_matrix`.
 *
 *   A (m × n), nnz stored entries:
 *     data    (nnz,)   the values, row after row          float64 | float32 | int32
 *     indices (nnz,)   the column of each value           int32, in [0, n)
 *     indptr  (m + 1,) row i is data[indptr[i] .. indptr[i+1]−1]; indptr[0] = 0, indptr[m] = nnz
 *
 *   [[1, 0, 2],     data    [1, 2, 3, 4, 5, 6]
 *    [0, 0, 3],     indices [0, 2, 2, 0, 1, 2]
 *    [4, 5, 6]]     indptr  [0, 2, 3, 6]
 *
 * Memory: 8·nnz + 4·nnz + 4·(m + 1) bytes for float64 (`memoryBytes`), against 8·m·n dense.
 * Row access and A·x (one dot product per row, spmv.ts) are fast; column access is not (use
 * CSC). A large float64/float32 matrix (nnz ≥ 2^14) keeps the three arrays in a WebAssembly
 * memory of its own, where the spmv kernel reads them; they are ordinary typed arrays all the
 * same, and writing into them changes the matrix (compressed.ts, spmv.ts). `T` is the CSC matrix on the same arrays (n × m), as SciPy's. Every operation is
 * written once for CSR and CSC in compressed.ts; this file says which axis is compressed.
 *
 * Build one with `csrMatrix` (construct.ts): from a dense array, from (data, (row, col))
 * triplets (duplicates summed), from (data, indices, indptr), or from another sparse matrix.
 * Reference: SciPy `scipy/sparse/_csr.py`; Saad, "Iterative Methods for Sparse Linear
 * Systems", 2nd ed., §3.4.
 */
import { formatClass, registerFormat, type FormatMatrix } from "./base.js";
import type { Compressed } from "./compressed-storage.js";
import { CompressedMatrix } from "./compressed.js";

/** csc.ts's class, built through the registry (base.ts) rather than imported. */
type CscMatrix = FormatMatrix<"csc">;

export class CsrMatrix extends CompressedMatrix {
  readonly format = "csr" as const;

  /**
   * Internal: from trusted arrays (use csrMatrix to build one from user data), kept as they are, or
   * copied into a WebAssembly memory of the matrix's own when it is large (compressed.ts).
   */
  static fromTrusted(a: Compressed, shape: readonly [number, number]): CsrMatrix {
    return new CsrMatrix(a, shape);
  }

  private constructor(a: Compressed, shape: readonly [number, number]) {
    super("csr", a, shape);
  }

  protected make(a: Compressed, shape: readonly [number, number]): CsrMatrix {
    return new CsrMatrix(a, shape);
  }

  protected makeSwapped(a: Compressed, shape: readonly [number, number]): CscMatrix {
    return formatClass("csc").fromTrusted(a, shape);
  }

  /** The transpose, n × m, in CSC on the same arrays (no copy). */
  override get T(): CscMatrix {
    return super.T as CscMatrix;
  }

  /** Itself (SciPy's `tocsr(copy=False)`); `copy()` for a separate matrix. */
  tocsr(): CsrMatrix {
    return this;
  }

  /** The same matrix in CSC (arrays compressed by column; indices sorted, duplicates kept). */
  tocsc(): CscMatrix {
    return this.converted() as CscMatrix;
  }

  override copy(): CsrMatrix {
    return super.copy() as CsrMatrix;
  }

  override multiply(s: number): CsrMatrix {
    return super.multiply(s) as CsrMatrix;
  }

  override slice(rows: string | number): CsrMatrix {
    return super.slice(rows) as CsrMatrix;
  }
}

// base.ts's format registry: the other formats build this class through formatClass("csr"), and
// name its type through SparseFormatClasses, which the augmentation below fills in.
registerFormat("csr", CsrMatrix);
declare module "./base.js" {
  interface SparseFormatClasses {
    csr: typeof CsrMatrix;
  }
}
