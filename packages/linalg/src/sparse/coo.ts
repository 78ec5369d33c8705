/**
 * CooMatrix: COOrdinate storage (triplets), SciPy's `scipy.sparse.coo_matrix`.
 *
 *   entry k:  A[row[k], col[k]] += data[k]        k = 0 .. nnz−1, in any order, repeats allowed
 *
 *   [[1, 0, 2],     row  [0, 0, 1, 2, 2, 2]
 *    [0, 0, 3],     col  [0, 2, 2, 0, 1, 2]
 *    [4, 5, 6]]     data [1, 2, 3, 4, 5, 6]
 *
 * The format to build a matrix in (append triplets) and to hand to CSR/CSC: `tocsr()` and
 * `tocsc()` sum duplicates, adding them in the order given, as SciPy does. Arithmetic (add,
 * matmul, sum, diagonal, slice) goes through `tocsr()`, as SciPy's does. `T` swaps `row` and
 * `col` (the arrays are shared). Memory: 8·nnz + 4·nnz + 4·nnz bytes for float64.
 * Reference: SciPy `scipy/sparse/_coo.py`.
 */
import * as np from "@sliderule/ndarray";
import type { NDArray } from "@sliderule/ndarray";
import { allocData, formatClass, registerFormat, scaleData, SparseMatrix, type FormatMatrix } from "./base.js";
import { triplesToCompressed } from "./compressed-storage.js";
import type { SparseData } from "./spmv.js";

/** csr.ts's and csc.ts's classes, built through the registry (base.ts) rather than imported. */
type CsrMatrix = FormatMatrix<"csr">;
type CscMatrix = FormatMatrix<"csc">;

export class CooMatrix extends SparseMatrix {
  readonly format = "coo" as const;
  readonly #data: SparseData;
  readonly #row: Int32Array;
  readonly #col: Int32Array;

  /** Internal: from trusted arrays, not copied (use cooMatrix to build one from user data). */
  static fromTrusted(data: SparseData, row: Int32Array, col: Int32Array, shape: readonly [number, number]): CooMatrix {
    return new CooMatrix(data, row, col, shape);
  }

  private constructor(data: SparseData, row: Int32Array, col: Int32Array, shape: readonly [number, number]) {
    super(shape);
    this.#data = data;
    this.#row = row;
    this.#col = col;
  }

  /** The stored values, one per triplet. */
  get data(): SparseData {
    return this.#data;
  }
  /** Row of each stored value (int32, in [0, m)). */
  get row(): Int32Array {
    return this.#row;
  }
  /** Column of each stored value (int32, in [0, n)). */
  get col(): Int32Array {
    return this.#col;
  }
  get nnz(): number {
    return this.#data.length;
  }
  get memoryBytes(): number {
    return this.#data.byteLength + this.#row.byteLength + this.#col.byteLength;
  }

  /** The transpose (n × m): row and col swapped, arrays shared. */
  get T(): CooMatrix {
    return new CooMatrix(this.#data, this.#col, this.#row, [this.shape[1], this.shape[0]]);
  }

  copy(): CooMatrix {
    return new CooMatrix(this.#data.slice(), this.#row.slice(), this.#col.slice(), this.shape);
  }

  toarray(): NDArray {
    const [m, n] = this.shape;
    const out = allocData(this.dtype, m * n);
    const f32 = this.dtype === "float32";
    for (let k = 0; k < this.#data.length; k++) {
      const e = this.#row[k] * n + this.#col[k];
      out[e] = f32 ? Math.fround(out[e] + this.#data[k]) : out[e] + this.#data[k];
    }
    return np.fromTypedArray(out, [m, n], this.dtype);
  }

  /** CSR, canonical: duplicates summed in the order given (SciPy's `coo_tocsr` + `sum_duplicates`). */
  tocsr(): CsrMatrix {
    const [m, n] = this.shape;
    return formatClass("csr").fromTrusted(triplesToCompressed(m, n, this.#row, this.#col, this.#data), this.shape);
  }

  /** CSC, canonical: duplicates summed in the order given. */
  tocsc(): CscMatrix {
    const [m, n] = this.shape;
    return formatClass("csc").fromTrusted(triplesToCompressed(n, m, this.#col, this.#row, this.#data), this.shape);
  }

  /** Itself. */
  tocoo(): CooMatrix {
    return this;
  }

  multiply(s: number): CooMatrix {
    return new CooMatrix(scaleData("multiply", this.#data, s), this.#row.slice(), this.#col.slice(), this.shape);
  }

  matvecInto(x: Float64Array, y: Float64Array): void {
    this.checkInto("matvecInto", x, y, this.shape[1], this.shape[0]);
    y.fill(0);
    // y_i += a_k · x_j for every triplet (i, j, a_k)
    for (let k = 0; k < this.#data.length; k++) y[this.#row[k]] += this.#data[k] * x[this.#col[k]];
  }

  rmatvecInto(x: Float64Array, y: Float64Array): void {
    this.checkInto("rmatvecInto", x, y, this.shape[0], this.shape[1]);
    y.fill(0);
    for (let k = 0; k < this.#data.length; k++) y[this.#col[k]] += this.#data[k] * x[this.#row[k]];
  }
}

// base.ts's format registry: the other formats build this class through formatClass("coo"), and
// name its type through SparseFormatClasses, which the augmentation below fills in.
registerFormat("coo", CooMatrix);
declare module "./base.js" {
  interface SparseFormatClasses {
    coo: typeof CooMatrix;
  }
}
