/**
 * CompressedMatrix: the class CSR and CSC share (SciPy's `_cs_matrix`), written on a major and
 * a minor axis so that each operation exists once. CSR (csr.ts) is compressed along rows,
 * CSC (csc.ts) along columns; each subclass only says which, and how to build itself and its
 * transpose. The array algorithms live in compressed-storage.ts, the products in spmv.ts,
 * spgemm.ts and spadd.ts.
 *
 *   CSR:  (major, minor) = (row, column)      A[i, j] = Σ data[p] for p in indptr[i]..indptr[i+1]−1 with indices[p] = j
 *   CSC:  (major, minor) = (column, row)      A[i, j] = Σ data[p] for p in indptr[j]..indptr[j+1]−1 with indices[p] = i
 *
 * Invariants (checked by the constructors in construct.ts, kept by every method):
 * `indptr` has nMajor + 1 non-decreasing entries from 0 to nnz; `indices` and `data` have nnz
 * entries; 0 ≤ indices[p] < nMinor. Duplicates and unsorted indices are allowed until
 * `sumDuplicates` / `sortIndices` (SciPy's rule); every result of arithmetic is canonical.
 *
 * In-place methods (SciPy's): `sortIndices`, `sumDuplicates`, `eliminateZeros` change this
 * matrix, and the arrays they replace are new, so a transpose taken earlier (which shares the
 * old arrays) keeps describing the same matrix.
 *
 * Resident arrays: every matrix is made by the constructor below, which hands its arrays to
 * spmv.ts's `residentArrays`. A large float64/float32 matrix (nnz ≥ 2^14, WebAssembly backend)
 * gets copies of them in a WebAssembly memory of its own, and its `data`, `indices`, `indptr`
 * are views on that memory from then on, so the WebAssembly spmv kernel reads exactly what a
 * caller writes into them; `T` shares them (no copy), `copy()` and the in-place methods get
 * memories of their own. Nothing else changes: they are Int32Array/Float64Array/Float32Array
 * as before (their `.buffer` is the memory's, larger than the array).
 */
import { IndexError, NDArray, ShapeError, ValueError } from "@sliderule/ndarray";
import * as np from "@sliderule/ndarray";
import {
  allocData,
  castData,
  denseOperand,
  describe,
  fmtShape,
  formatClass,
  isSparse,
  promoteSparse,
  scaleData,
  SparseMatrix,
  type DenseOperand,
  type FormatMatrix,
  type SparseDType,
} from "./base.js";
import {
  canonicalCopy,
  eliminateZerosCompressed,
  hasCanonicalFormat,
  hasSortedIndices,
  sortIndicesInPlace,
  sumDuplicatesSorted,
  swapCompression,
  type Compressed,
} from "./compressed-storage.js";
import { spadd } from "./spadd.js";
import { spgemm } from "./spgemm.js";
import { csrMatmat, csrMatmatT, residentArrays, spmv, type SparseData } from "./spmv.js";

/** The classes of csr.ts (a subclass of this one) and coo.ts, built through the registry (base.ts) rather than imported. */
type CsrMatrix = FormatMatrix<"csr">;
type CooMatrix = FormatMatrix<"coo">;

export abstract class CompressedMatrix extends SparseMatrix {
  abstract override readonly format: "csr" | "csc";
  #data: SparseData;
  #indices: Int32Array;
  #indptr: Int32Array;

  /**
   * Internal: trusted arrays (construct.ts checks what users pass). The matrix takes them as
   * they are, or copies them into resident storage when it is large (spmv.ts residentArrays):
   * the caller must not rely on writes into `a` reaching the matrix.
   */
  protected constructor(format: "csr" | "csc", a: Compressed, shape: readonly [number, number]) {
    super(shape);
    const [nMajor, nMinor] = format === "csr" ? shape : [shape[1], shape[0]];
    const { indptr, indices, data } = residentArrays(a, nMajor, nMinor);
    this.#data = data;
    this.#indices = indices;
    this.#indptr = indptr;
  }

  /**
   * The stored values (nnz), in slice order. Writing into them changes the matrix, as in SciPy
   * (for a large matrix they are a view on its WebAssembly memory: the products read them there).
   */
  get data(): SparseData {
    return this.#data;
  }
  /** The minor index (column for CSR, row for CSC) of each stored value. */
  get indices(): Int32Array {
    return this.#indices;
  }
  /** Slice i is data[indptr[i] .. indptr[i+1]−1]; nMajor + 1 entries. */
  get indptr(): Int32Array {
    return this.#indptr;
  }
  get nnz(): number {
    return this.#indptr[this.#indptr.length - 1];
  }
  get memoryBytes(): number {
    return this.#data.byteLength + this.#indices.byteLength + this.#indptr.byteLength;
  }

  /** Rows for CSR, columns for CSC. */
  protected get nMajor(): number {
    return this.format === "csr" ? this.shape[0] : this.shape[1];
  }
  protected get nMinor(): number {
    return this.format === "csr" ? this.shape[1] : this.shape[0];
  }
  protected get arrays(): Compressed {
    return { indptr: this.#indptr, indices: this.#indices, data: this.#data };
  }
  /** Take new arrays (into resident storage when large, as the constructor does). */
  private replace(a: Compressed): void {
    const { indptr, indices, data } = residentArrays(a, this.nMajor, this.nMinor);
    this.#indptr = indptr;
    this.#indices = indices;
    this.#data = data;
  }

  /** A matrix of this format from trusted arrays. */
  protected abstract make(a: Compressed, shape: readonly [number, number]): CompressedMatrix;
  /** A matrix of the other compressed format from trusted arrays (the transpose's type). */
  protected abstract makeSwapped(a: Compressed, shape: readonly [number, number]): CompressedMatrix;

  /** The transpose, sharing this matrix's arrays: CSR ↔ CSC, as SciPy's `.T`. */
  get T(): CompressedMatrix {
    return this.makeSwapped(this.arrays, [this.shape[1], this.shape[0]]);
  }

  copy(): CompressedMatrix {
    return this.make({ indptr: this.#indptr.slice(), indices: this.#indices.slice(), data: this.#data.slice() }, this.shape);
  }

  /** The same matrix compressed along the other axis (duplicates kept, indices sorted). */
  protected converted(): CompressedMatrix {
    const [m, n] = this.shape;
    return this.makeSwapped(swapCompression(this.nMajor, this.nMinor, this.arrays), [m, n]);
  }

  tocoo(): CooMatrix {
    const nnz = this.nnz;
    const majorIdx = new Int32Array(nnz);
    for (let i = 0; i < this.nMajor; i++) majorIdx.fill(i, this.#indptr[i], this.#indptr[i + 1]);
    const minorIdx = this.#indices.slice();
    const [row, col] = this.format === "csr" ? [majorIdx, minorIdx] : [minorIdx, majorIdx];
    return formatClass("coo").fromTrusted(this.#data.slice(), row, col, this.shape);
  }

  toarray(): NDArray {
    const [m, n] = this.shape;
    const out = allocData(this.dtype, m * n);
    // A[i, j] accumulates every stored entry at (i, j): duplicates add up
    const [si, sj] = this.format === "csr" ? [n, 1] : [1, n]; // flat offset of (major, minor)
    const { indptr, indices, data } = this.arrays;
    if (this.dtype === "float32") {
      for (let a = 0; a < this.nMajor; a++) {
        for (let p = indptr[a]; p < indptr[a + 1]; p++) out[a * si + indices[p] * sj] = Math.fround(out[a * si + indices[p] * sj] + data[p]);
      }
    } else {
      for (let a = 0; a < this.nMajor; a++) for (let p = indptr[a]; p < indptr[a + 1]; p++) out[a * si + indices[p] * sj] += data[p];
    }
    return np.fromTypedArray(out, [m, n], this.dtype);
  }

  multiply(s: number): CompressedMatrix {
    return this.make({ indptr: this.#indptr.slice(), indices: this.#indices.slice(), data: scaleData("multiply", this.#data, s) }, this.shape);
  }

  /** Indices sorted in every slice (duplicates allowed): SciPy's `has_sorted_indices`. */
  get hasSortedIndices(): boolean {
    return hasSortedIndices(this.nMajor, this.#indptr, this.#indices);
  }

  /** Sorted indices and no duplicates: SciPy's `has_canonical_format`. */
  get hasCanonicalFormat(): boolean {
    return hasCanonicalFormat(this.nMajor, this.#indptr, this.#indices);
  }

  /** Sort the indices of every slice, in place and stably (SciPy's `sort_indices`). */
  sortIndices(): void {
    if (this.hasSortedIndices) return;
    const indices = this.#indices.slice();
    const data = this.#data.slice();
    sortIndicesInPlace(this.nMajor, this.#indptr, indices, data);
    this.replace({ indptr: this.#indptr, indices, data });
  }

  /** Sort and add up duplicate entries, in place (SciPy's `sum_duplicates`); explicit zeros stay. */
  sumDuplicates(): void {
    if (this.hasCanonicalFormat) return;
    this.replace(canonicalCopy(this.nMajor, this.arrays));
  }

  /** Remove stored entries equal to 0, in place (SciPy's `eliminate_zeros`). */
  eliminateZeros(): void {
    this.replace(eliminateZerosCompressed(this.nMajor, this.arrays));
  }

  matvecInto(x: Float64Array, y: Float64Array): void {
    this.checkInto("matvecInto", x, y, this.shape[1], this.shape[0]);
    spmv(this.format === "csr" ? "gather" : "scatter", this.nMajor, this.nMinor, this.arrays, x, y);
  }

  /**
   * y := A·x for a square A, returning xᵀ·y (what CG needs, pᵀ·A·p): for CSR in the same pass
   * over the rows (csrMatvecDot), for CSC after the scatter. The sum is in index order.
   */
  matvecDotInto(x: Float64Array, y: Float64Array): number {
    const [m, n] = this.shape;
    if (m !== n) throw new ShapeError(`matvecDotInto: A must be square, got shape ${fmtShape(this.shape)}`);
    this.checkInto("matvecDotInto", x, y, n, m);
    if (this.format === "csr") return spmv("gatherDot", m, n, this.arrays, x, y);
    spmv("scatter", this.nMajor, this.nMinor, this.arrays, x, y);
    let xy = 0;
    for (let i = 0; i < n; i++) xy += x[i] * y[i];
    return xy;
  }

  rmatvecInto(x: Float64Array, y: Float64Array): void {
    this.checkInto("rmatvecInto", x, y, this.shape[0], this.shape[1]);
    spmv(this.format === "csr" ? "scatter" : "gather", this.nMajor, this.nMinor, this.arrays, x, y);
  }

  /**
   * `A @ x` (SciPy's `A @ x`, `A.dot(x)`):
   *   x dense 1-D (n,)   → 1-D NDArray (m,)
   *   x dense 2-D (n, k) → 2-D NDArray (m, k)
   *   x sparse (n, k)    → CSR (m, k), canonical, exact zeros not stored
   * The dtype is NumPy's promotion of A's and x's (int32 @ int32 stays int32); sums are formed
   * in float64 and rounded once for float32 results.
   * @throws ShapeError when x does not have n rows; ValueError for an operand that is not an array.
   */
  override matmul(x: SparseMatrix): CsrMatrix;
  override matmul(x: DenseOperand): NDArray;
  override matmul(x: unknown): NDArray | CsrMatrix;
  override matmul(x: unknown): NDArray | CsrMatrix {
    const [m, n] = this.shape;
    if (isSparse(x)) {
      if (x.shape[0] !== n) {
        throw new ShapeError(`matmul: dimension mismatch: A has shape ${fmtShape(this.shape)}, B has shape ${fmtShape(x.shape)} (${n} != ${x.shape[0]})`);
      }
      const A = this.tocsr();
      const B = x.tocsr();
      const dtype = promoteSparse(A.dtype, B.dtype);
      return this.csrOf(spgemm(m, x.shape[1], A.arrays, B.arrays, dtype), [m, x.shape[1]]);
    }
    const X = denseOperand("matmul", x);
    if (X === null) throw new ValueError(`matmul: x must be an array or a sparse matrix, got ${describe(x)}`);
    this.checkProductShape("matmul", X.shape);
    const dtype = np.promoteTypes(this.dtype, X.dtype === "bool" ? "int32" : X.dtype) as SparseDType;
    // read x in place when it is a C-contiguous float64 array (only read: nothing is written to it)
    const inPlace = X.dtype === "float64" && X.flags.cContiguous && X.offset === 0 && X.data.length === X.size;
    const xs = (inPlace ? X.data : X.astype("float64").data) as Float64Array;
    const { indptr, indices, data } = this.arrays;
    if (X.ndim === 1) {
      const y = new Float64Array(m);
      spmv(this.format === "csr" ? "gather" : "scatter", this.nMajor, this.nMinor, this.arrays, xs, y);
      return np.fromTypedArray(dtype === "float64" ? y : castData(y, dtype), [m], dtype);
    }
    const k = X.shape[1];
    const Y = new Float64Array(m * k);
    if (this.format === "csr") csrMatmat(m, k, indptr, indices, data, xs, Y);
    else csrMatmatT(n, m, k, indptr, indices, data, xs, Y);
    return np.fromTypedArray(dtype === "float64" ? Y : castData(Y, dtype), [m, k], dtype);
  }

  /** A CSR matrix from trusted arrays (for results of any format's arithmetic). */
  private csrOf(a: Compressed, shape: readonly [number, number]): CsrMatrix {
    return (this.format === "csr" ? this.make(a, shape) : this.makeSwapped(a, shape)) as CsrMatrix;
  }

  override add(other: SparseMatrix): CsrMatrix;
  override add(other: DenseOperand): NDArray;
  override add(other: unknown): CsrMatrix | NDArray;
  override add(other: unknown): CsrMatrix | NDArray {
    return this.plusMinus("add", other, 1);
  }

  override subtract(other: SparseMatrix): CsrMatrix;
  override subtract(other: DenseOperand): NDArray;
  override subtract(other: unknown): CsrMatrix | NDArray;
  override subtract(other: unknown): CsrMatrix | NDArray {
    return this.plusMinus("subtract", other, -1);
  }

  /**
   * A ± B: sparse ± sparse → canonical CSR (exact zeros dropped, as SciPy); sparse ± dense →
   * dense NDArray of the same shape (as SciPy, which returns np.matrix); a scalar 0 → a copy
   * (CSR); any other scalar is refused, as SciPy refuses it (it would fill every entry).
   */
  private plusMinus(fn: "add" | "subtract", other: unknown, sign: 1 | -1): CsrMatrix | NDArray {
    const [m, n] = this.shape;
    if (typeof other === "number") {
      if (other === 0) return this.tocsr().copy() as CsrMatrix;
      throw new ValueError(
        `${fn}: adding a nonzero scalar (${other}) to a sparse matrix is not supported (it would make every entry nonzero); use toarray() first`,
      );
    }
    if (isSparse(other)) {
      if (other.shape[0] !== m || other.shape[1] !== n) {
        throw new ShapeError(`${fn}: inconsistent shapes ${fmtShape(this.shape)} and ${fmtShape(other.shape)}`);
      }
      const A = canonicalCopy(m, this.tocsr().arrays);
      const B = canonicalCopy(m, other.tocsr().arrays);
      return this.csrOf(spadd(m, A, B, sign, promoteSparse(this.dtype, other.dtype)), this.shape);
    }
    const D = denseOperand(fn, other);
    if (D === null) throw new ValueError(`${fn}: other must be a sparse matrix, an array or 0, got ${describe(other)}`);
    if (D.ndim !== 2 || D.shape[0] !== m || D.shape[1] !== n) {
      throw new ShapeError(`${fn}: inconsistent shapes ${fmtShape(this.shape)} and ${fmtShape(D.shape)}`);
    }
    return sign === 1 ? np.add(this.toarray(), D) : np.subtract(this.toarray(), D);
  }

  /**
   * Sum of the entries: no axis → a number; axis 0 (or −2) → column sums (n,); axis 1 (or −1)
   * → row sums (m,). SciPy returns a 1 × n / m × 1 np.matrix for an axis; ours is 1-D.
   * float32 sums in float32's dtype (formed in float64, rounded once); int32 in int32.
   */
  override sum(axis: number | null = null): number | NDArray {
    const [m, n] = this.shape;
    const data = this.#data;
    if (axis === null || axis === undefined) {
      let s = 0;
      for (let p = 0; p < data.length; p++) s += data[p];
      return this.dtype === "float32" ? Math.fround(s) : s;
    }
    if (axis !== 0 && axis !== 1 && axis !== -1 && axis !== -2) {
      throw new ValueError(`sum: axis must be 0, 1, −1, −2 or null for a matrix, got ${describe(axis)}`);
    }
    const alongRows = axis === 1 || axis === -1; // one sum per row
    const out = new Float64Array(alongRows ? m : n);
    // the sum indexed by the major axis (CSR rows, CSC columns) is one per slice; the other scatters
    const byMajor = alongRows === (this.format === "csr");
    const { indptr, indices } = this.arrays;
    for (let a = 0; a < this.nMajor; a++) {
      for (let p = indptr[a]; p < indptr[a + 1]; p++) out[byMajor ? a : indices[p]] += data[p];
    }
    return np.fromTypedArray(this.dtype === "float64" ? out : castData(out, this.dtype), [out.length], this.dtype);
  }

  /**
   * The k-th diagonal A[i, i + k] (k > 0 above the main diagonal), duplicates summed, as a 1-D
   * NDArray of length min(m + min(k, 0), n − max(k, 0)); empty when k is outside the matrix
   * (SciPy returns an empty array there too).
   */
  override diagonal(k = 0): NDArray {
    if (typeof k !== "number" || !Number.isInteger(k)) throw new ValueError(`diagonal: k must be an integer, got ${describe(k)}`);
    const [m, n] = this.shape;
    const len = Math.max(0, Math.min(m + Math.min(k, 0), n - Math.max(k, 0)));
    const out = new Float64Array(len);
    const { indptr, indices, data } = this.arrays;
    const csr = this.format === "csr";
    for (let a = 0; a < this.nMajor; a++) {
      for (let p = indptr[a]; p < indptr[a + 1]; p++) {
        const [i, j] = csr ? [a, indices[p]] : [indices[p], a];
        if (j - i === k) out[Math.min(i, j)] += data[p];
      }
    }
    return np.fromTypedArray(this.dtype === "float64" ? out : castData(out, this.dtype), [len], this.dtype);
  }

  /**
   * Rows of the matrix, in its format: `S.slice("2:5")` (NumPy's slice syntax, negative
   * indices and steps allowed) → the rows 2, 3, 4 as a 3 × n matrix; `S.slice(3)` → row 3 as a
   * 1 × n matrix (SciPy's `S[3]` on a sparse matrix is 1 × n too). Arrays are copied.
   * @throws IndexError for a row outside [−m, m) or a string that is not a slice.
   */
  override slice(rows: string | number): CompressedMatrix {
    if (this.format !== "csr") return super.slice(rows) as CompressedMatrix;
    const m = this.shape[0];
    let start: number;
    let step: number;
    let length: number;
    if (typeof rows === "number") {
      if (!Number.isInteger(rows) || rows < -m || rows >= m) {
        throw new IndexError(`slice: row index ${describe(rows)} is out of range for a matrix with ${m} rows`);
      }
      start = rows < 0 ? rows + m : rows;
      step = 1;
      length = 1;
    } else if (typeof rows === "string") {
      let s: np.Slice;
      try {
        s = np.parseSlice(rows);
      } catch {
        throw new IndexError(`slice: cannot read ${describe(rows)} as a slice such as "2:5" or "::2"`);
      }
      if (s.step === 0) throw new ValueError(`slice: slice step cannot be zero`);
      ({ start, step, length } = np.sliceIndices(s, m));
    } else {
      throw new IndexError(`slice: rows must be a slice string such as "2:5" or an integer, got ${describe(rows)}`);
    }
    const { indptr, indices, data } = this.arrays;
    const outPtr = new Int32Array(length + 1);
    for (let t = 0; t < length; t++) {
      const i = start + t * step;
      outPtr[t + 1] = outPtr[t] + indptr[i + 1] - indptr[i];
    }
    const outIdx = new Int32Array(outPtr[length]);
    const outData = allocData(this.dtype, outPtr[length]);
    for (let t = 0; t < length; t++) {
      const i = start + t * step;
      outIdx.set(indices.subarray(indptr[i], indptr[i + 1]), outPtr[t]);
      outData.set(data.subarray(indptr[i], indptr[i + 1]) as never, outPtr[t]);
    }
    return this.make({ indptr: outPtr, indices: outIdx, data: outData }, [length, this.shape[1]]);
  }
}
