/**
 * CscMatrix: Compressed Sparse Column storage, SciPy's `scipy.sparse.csc_matrix`: CSR of the
 * transpose. Column j is data[indptr[j] .. indptr[j+1]−1], with its row numbers in `indices`.
 *
 *   [[1, 0, 2],     data    [1, 4, 5, 2, 3, 6]
 *    [0, 0, 3],     indices [0, 2, 2, 0, 1, 2]     (rows)
 *    [4, 5, 6]]     indptr  [0, 2, 3, 6]           (n + 1 entries)
 *
 * Column access and Aᵀ·x are fast (a dot product per column); A·x scatters column by column
 * (spmv.ts's csrMatvecT on these arrays). `T` is the CSR matrix on the same arrays. Every
 * operation is shared with CSR through compressed.ts; arithmetic results (add, subtract,
 * sparse @ sparse) come back in CSR.
 * Reference: SciPy `scipy/sparse/_csc.py`.
 */
import { formatClass, registerFormat, type FormatMatrix } from "./base.js";
import type { Compressed } from "./compressed-storage.js";
import { CompressedMatrix } from "./compressed.js";

/** csr.ts's class, built through the registry (base.ts) rather than imported. */
type CsrMatrix = FormatMatrix<"csr">;

export class CscMatrix extends CompressedMatrix {
  readonly format = "csc" as const;

  /**
   * Internal: from trusted arrays (use cscMatrix to build one from user data), kept as they are, or
   * copied into a WebAssembly memory of the matrix's own when it is large (compressed.ts).
   */
  static fromTrusted(a: Compressed, shape: readonly [number, number]): CscMatrix {
    return new CscMatrix(a, shape);
  }

  private constructor(a: Compressed, shape: readonly [number, number]) {
    super("csc", a, shape);
  }

  protected make(a: Compressed, shape: readonly [number, number]): CscMatrix {
    return new CscMatrix(a, shape);
  }

  protected makeSwapped(a: Compressed, shape: readonly [number, number]): CsrMatrix {
    return formatClass("csr").fromTrusted(a, shape);
  }

  /** The transpose, n × m, in CSR on the same arrays (no copy). */
  override get T(): CsrMatrix {
    return super.T as CsrMatrix;
  }

  /** The same matrix in CSR (indices sorted, duplicates kept). */
  tocsr(): CsrMatrix {
    return this.converted() as CsrMatrix;
  }

  /** Itself (SciPy's `tocsc(copy=False)`). */
  tocsc(): CscMatrix {
    return this;
  }

  override copy(): CscMatrix {
    return super.copy() as CscMatrix;
  }

  override multiply(s: number): CscMatrix {
    return super.multiply(s) as CscMatrix;
  }

  override slice(rows: string | number): CscMatrix {
    return super.slice(rows) as CscMatrix;
  }
}

// base.ts's format registry: the other formats build this class through formatClass("csc"), and
// name its type through SparseFormatClasses, which the augmentation below fills in.
registerFormat("csc", CscMatrix);
declare module "./base.js" {
  interface SparseFormatClasses {
    csc: typeof CscMatrix;
  }
}
