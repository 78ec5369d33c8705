/**
 * SparseMatrix: what every sparse format here (CSR, CSC, COO) has in common, SciPy's
 * `scipy.sparse._base._spbase` (for the `*_matrix` classes). A sparse matrix is an m × n
 * matrix stored as its nonzero entries only: `nnz` stored values in `data` (float64,
 * float32 or int32) with their positions, int32 indices, in a format-specific layout.
 *
 *   shape [m, n], ndim 2, dtype (of data), nnz (stored entries, explicit zeros and
 *   duplicates included, as SciPy counts them), format ("csr" | "csc" | "coo")
 *
 * The formats implement the conversions (`toarray`, `tocsr`, `tocsc`, `tocoo`), `T`, `copy`,
 * `multiply` by a scalar, `memoryBytes` and the products `matvecInto` / `rmatvecInto`
 * (y := A·x and y := Aᵀ·x on Float64Arrays, for the iterative solvers, see
 * linear-operator.ts). What is written once for all of them is here: `toString` (SciPy's
 * repr) and the arithmetic that CSR implements, which COO reaches through `tocsr()` as SciPy
 * does (`add`, `subtract`, `matmul`/`dot`, `sum`, `diagonal`, `slice`).
 *
 * Also here: the dtype rules of sparse storage and the checks of dense operands, shared by
 * the formats and the constructors (construct.ts).
 *
 * The format registry (at the end): the formats convert into one another (`tocsr`, `T`,
 * `tocoo`), yet no format file imports another; each registers its class here when it loads
 * (`registerFormat("csr", CsrMatrix)`, and its type in `SparseFormatClasses`), and the others
 * build it through `formatClass("csr")`. So every import in the sparse layer points down to
 * this file, and index.ts imports csr.ts, csc.ts and coo.ts so that all three are registered
 * before any matrix exists.
 *
 * Reference: SciPy's `scipy/sparse/_base.py`; Saad, "Iterative Methods for Sparse Linear
 * Systems", 2nd ed., §3.4 (storage schemes).
 */
import { DTypeError, NDArray, ShapeError, ValueError } from "@sliderule/ndarray";
import * as np from "@sliderule/ndarray";
import { show } from "../util/options.js";
import type { SparseData } from "./spmv.js";

/** A dense right-hand operand of a product: an NDArray, or JS numbers (a vector or rows). */
export type DenseOperand = NDArray | ArrayLike<number> | readonly (readonly number[])[];

/** The value types sparse storage supports (indices are always int32). */
export type SparseDType = "float64" | "float32" | "int32";
export type SparseFormat = "csr" | "csc" | "coo";
export const SPARSE_DTYPES: readonly SparseDType[] = ["float64", "float32", "int32"];
export const SPARSE_FORMATS: readonly SparseFormat[] = ["csr", "csc", "coo"];

/** The format classes, named as the signatures below use them (registered by csr.ts, csc.ts, coo.ts: see the registry at the end). */
type CsrMatrix = FormatMatrix<"csr">;
type CscMatrix = FormatMatrix<"csc">;
type CooMatrix = FormatMatrix<"coo">;

/** SciPy's repr names of the formats. */
const FORMAT_NAMES: Record<SparseFormat, string> = {
  csr: "Compressed Sparse Row",
  csc: "Compressed Sparse Column",
  coo: "COOrdinate",
};

/** A value as an error message shows it (arrays by shape and dtype, sparse matrices by format and shape). */
export function describe(v: unknown): string {
  if (v instanceof NDArray) return `an array of shape ${fmtShape(v.shape)} and dtype ${v.dtype}`;
  if (v instanceof SparseMatrix) return `a ${v.format} matrix of shape ${fmtShape(v.shape)}`;
  if (v instanceof Float64Array || v instanceof Float32Array || v instanceof Int32Array) return `a ${v.constructor.name} of length ${v.length}`;
  if (Array.isArray(v) && v.length > 8) return `${show(v.slice(0, 8)).slice(0, -1)}, …] (length ${v.length})`;
  return show(v);
}

/** The dtype of a data array. */
export function dtypeOf(data: SparseData): SparseDType {
  return data instanceof Float64Array ? "float64" : data instanceof Float32Array ? "float32" : "int32";
}

/** A new zeroed data array of `dtype`. */
export function allocData(dtype: SparseDType, n: number): SparseData {
  return dtype === "float64" ? new Float64Array(n) : dtype === "float32" ? new Float32Array(n) : new Int32Array(n);
}

/** `values` (float64 sums) stored as `dtype` (float32 rounds, int32 wraps as C does). */
export function castData(values: ArrayLike<number>, dtype: SparseDType): SparseData {
  return dtype === "float64" ? Float64Array.from(values) : dtype === "float32" ? Float32Array.from(values) : Int32Array.from(values);
}

/**
 * `data * s` for a number s, in a new array: int32 stays int32 for an integer s (as
 * np.multiply of an int32 array by 2), becomes float64 otherwise; float32 stays float32.
 */
export function scaleData(fn: string, data: SparseData, s: unknown): SparseData {
  if (typeof s !== "number") {
    throw new ValueError(`${fn}: only a scalar (a number) is supported here, got ${describe(s)}; use matmul for products`);
  }
  const dtype: SparseDType = dtypeOf(data) === "int32" && !Number.isInteger(s) ? "float64" : dtypeOf(data);
  const out = allocData(dtype, data.length);
  for (let p = 0; p < data.length; p++) out[p] = data[p] * s;
  return out;
}

/** NumPy's promotion of two storage dtypes (int32 with float32 gives float64, as NumPy). */
export function promoteSparse(a: SparseDType, b: SparseDType): SparseDType {
  return np.promoteTypes(a, b) as SparseDType;
}

/** The storage dtype for the values of an NDArray (bool → float64; complex is refused). */
export function sparseDTypeOfArray(fn: string, what: string, a: NDArray): SparseDType {
  if (a.dtype === "complex128") throw new DTypeError(`${fn}: ${what} is complex (${describe(a)}); sparse matrices hold float64, float32 or int32 values`);
  return a.dtype === "bool" ? "float64" : (a.dtype as SparseDType);
}

/** The shape of an m × n matrix, `(5, 6)` as NumPy prints it. */
export const fmtShape = (shape: readonly number[]): string => `(${shape.join(", ")}${shape.length === 1 ? "," : ""})`;

/**
 * A dense operand (NDArray, nested arrays, a typed array) as an NDArray, or null when `v` is
 * not array-like at all.
 * @throws DTypeError for complex values.
 */
export function denseOperand(fn: string, v: unknown): NDArray | null {
  let a: NDArray;
  if (v instanceof NDArray) a = v;
  else if (Array.isArray(v)) a = np.asarray(v as np.NestedArray);
  else if (v instanceof Float64Array || v instanceof Float32Array || v instanceof Int32Array) a = np.fromTypedArray(v.slice());
  else return null;
  if (a.dtype === "complex128") throw new DTypeError(`${fn}: complex operands are not supported, got ${describe(v)}`);
  return a;
}

/** Whether v is one of our sparse matrices. */
export function isSparse(v: unknown): v is SparseMatrix {
  return v instanceof SparseMatrix;
}

/**
 * The base of CsrMatrix, CscMatrix and CooMatrix (SciPy's `_spbase`). Not constructed
 * directly; see construct.ts for csrMatrix, cscMatrix, cooMatrix.
 */
export abstract class SparseMatrix {
  /** [m, n]. */
  readonly shape: readonly [number, number];
  /** Always 2, as SciPy's sparse matrices. */
  readonly ndim = 2 as const;
  abstract readonly format: SparseFormat;
  /** The stored values, `nnz` of them. */
  abstract get data(): SparseData;

  protected constructor(shape: readonly [number, number]) {
    this.shape = Object.freeze([shape[0], shape[1]]) as readonly [number, number];
  }

  /** float64, float32 or int32: the type of `data`. */
  get dtype(): SparseDType {
    return dtypeOf(this.data);
  }

  /** Stored entries, explicit zeros and (in non-canonical form) duplicates included, as SciPy's `nnz`. */
  abstract get nnz(): number;
  /** Bytes of the arrays stored (data + index arrays), the tutorial's comparison with `dense.nbytes`. */
  abstract get memoryBytes(): number;
  /** The transpose (n × m); CSR ↔ CSC share their arrays with this matrix, as SciPy's `.T`. */
  abstract get T(): SparseMatrix;
  /** The dense m × n NDArray (duplicates summed), in this matrix's dtype. */
  abstract toarray(): NDArray;
  /** This matrix in CSR (itself if it is CSR already, as SciPy's `tocsr(copy=False)`). */
  abstract tocsr(): CsrMatrix;
  /** This matrix in CSC (itself if it is CSC already). */
  abstract tocsc(): CscMatrix;
  /** This matrix in COO (itself if it is COO already). */
  abstract tocoo(): CooMatrix;
  /** A deep copy: arrays not shared. */
  abstract copy(): SparseMatrix;
  /** `A * s` for a number s: every stored value scaled (explicit zeros kept), same format. */
  abstract multiply(s: number): SparseMatrix;
  /** y := A·x (x: n entries, y: m entries), no allocation. For the iterative solvers. */
  abstract matvecInto(x: Float64Array, y: Float64Array): void;
  /** y := Aᵀ·x (x: m entries, y: n entries), no allocation. */
  abstract rmatvecInto(x: Float64Array, y: Float64Array): void;

  /** SciPy's `A.transpose()`: the same as {@link T}. */
  transpose(): SparseMatrix {
    return this.T;
  }

  /** `A + B`: sparse + sparse → CSR; sparse + dense → dense NDArray (as SciPy). See CsrMatrix.add. */
  add(other: SparseMatrix): CsrMatrix;
  add(other: DenseOperand): NDArray;
  add(other: unknown): SparseMatrix | NDArray;
  add(other: unknown): SparseMatrix | NDArray {
    return this.tocsr().add(other);
  }

  /** `A − B`: sparse − sparse → CSR; sparse − dense → dense NDArray. */
  subtract(other: SparseMatrix): CsrMatrix;
  subtract(other: DenseOperand): NDArray;
  subtract(other: unknown): SparseMatrix | NDArray;
  subtract(other: unknown): SparseMatrix | NDArray {
    return this.tocsr().subtract(other);
  }

  /** `A @ x`: dense 1-D → 1-D NDArray, dense 2-D → 2-D NDArray, sparse → CSR. See CsrMatrix.matmul. */
  matmul(x: SparseMatrix): CsrMatrix;
  matmul(x: DenseOperand): NDArray;
  matmul(x: unknown): NDArray | CsrMatrix;
  matmul(x: unknown): NDArray | CsrMatrix {
    return this.tocsr().matmul(x);
  }

  /** SciPy's `A.dot(x)`: the same as {@link matmul}. */
  dot(x: SparseMatrix): CsrMatrix;
  dot(x: DenseOperand): NDArray;
  dot(x: unknown): NDArray | CsrMatrix;
  dot(x: unknown): NDArray | CsrMatrix {
    return this.matmul(x);
  }

  /** Sum of all entries (a number), or along an axis (a 1-D NDArray; SciPy returns an np.matrix). */
  sum(axis?: number | null): number | NDArray {
    return this.tocsr().sum(axis);
  }

  /** The k-th diagonal as a 1-D NDArray (duplicates summed). */
  diagonal(k = 0): NDArray {
    return this.tocsr().diagonal(k);
  }

  /** Rows `S.slice("2:5")` or one row `S.slice(3)` (a 1 × n matrix), in this matrix's format. */
  slice(rows: string | number): SparseMatrix {
    const r = this.tocsr().slice(rows);
    return this.format === "coo" ? r.tocoo() : this.format === "csc" ? r.tocsc() : r;
  }

  /** SciPy's `A.asformat(format)`: this matrix in "csr", "csc" or "coo" (itself when already in it). */
  asformat(format: SparseFormat): SparseMatrix {
    if (format === "csr") return this.tocsr();
    if (format === "csc") return this.tocsc();
    if (format === "coo") return this.tocoo();
    throw new ValueError(`asformat: format must be one of "csr", "csc", "coo", got ${describe(format)}`);
  }

  /** SciPy's repr: `<Compressed Sparse Row sparse matrix of dtype 'float64'\n\twith 8 stored elements and shape (5, 6)>`. */
  toString(): string {
    return `<${FORMAT_NAMES[this.format]} sparse matrix of dtype '${this.dtype}'\n\twith ${this.nnz} stored elements and shape ${fmtShape(this.shape)}>`;
  }

  /** Throws unless `x` has `n` rows (the product A·x). */
  protected checkProductShape(fn: string, xShape: readonly number[]): void {
    const n = this.shape[1];
    if (xShape.length < 1 || xShape.length > 2) {
      throw new ShapeError(`${fn}: the dense operand must be 1-D or 2-D, got shape ${fmtShape(xShape)}`);
    }
    if (xShape[0] !== n) {
      throw new ShapeError(`${fn}: dimension mismatch: A has shape ${fmtShape(this.shape)}, x has shape ${fmtShape(xShape)} (${n} != ${xShape[0]})`);
    }
  }

  /** Throws unless x and y of a matvecInto have the lengths `xLen` and `yLen`. */
  protected checkInto(fn: string, x: Float64Array, y: Float64Array, xLen: number, yLen: number): void {
    if (!(x instanceof Float64Array) || !(y instanceof Float64Array)) {
      throw new ValueError(`${fn}: x and y must be Float64Arrays, got ${describe(x)} and ${describe(y)}`);
    }
    if (x.length !== xLen || y.length !== yLen) {
      throw new ShapeError(`${fn}: A has shape ${fmtShape(this.shape)}: x needs ${xLen} entries and y ${yLen}, got ${x.length} and ${y.length}`);
    }
  }
}

// ---------------------------------------------------------------- the format registry
/**
 * The class of each format by name, `{ csr: typeof CsrMatrix, csc: typeof CscMatrix, coo: typeof
 * CooMatrix }`. Empty here: csr.ts, csc.ts and coo.ts each add their entry (TypeScript's
 * declaration merging, `declare module "./base.js"`), so that this file and the other formats
 * can name a format's type without importing its file.
 */
export interface SparseFormatClasses {}

/** The matrix type of a format: `FormatMatrix<"csr">` is CsrMatrix (the instances of the class registered as "csr"). */
export type FormatMatrix<F extends SparseFormat> = SparseFormatClasses[F]["prototype"];

/** The classes registered so far, filled as csr.ts, csc.ts and coo.ts load. */
const FORMAT_CLASSES: { [F in SparseFormat]?: SparseFormatClasses[F] } = {};

/** Called once by each format's file, after its class: `registerFormat("csr", CsrMatrix)`. */
export function registerFormat<F extends SparseFormat>(format: F, cls: SparseFormatClasses[F]): void {
  FORMAT_CLASSES[format] = cls;
}

/**
 * The class registered as `format`, for one format to build another: `formatClass("csr").fromTrusted(a, shape)`.
 * @throws Error `internal:` when that format's file has not been loaded (index.ts loads all three).
 */
export function formatClass<F extends SparseFormat>(format: F): SparseFormatClasses[F] {
  const cls = FORMAT_CLASSES[format];
  if (cls === undefined) throw new Error(`internal: sparse format "${format}" is used before ${format}.ts has registered it (import ./index.js)`);
  return cls;
}
