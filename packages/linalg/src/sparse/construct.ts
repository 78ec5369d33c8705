/**
 * Building sparse matrices: SciPy's `csr_matrix(arg)`, `csc_matrix` and `coo_matrix` (the
 * constructors of `scipy.sparse._construct`, `eye`, `diags` and `random`, are in
 * special-matrices.ts).
 *
 *   csrMatrix(D)                          a dense 2-D array (NDArray or nested arrays); 1-D → 1 × n
 *   csrMatrix([data, [row, col]])         triplets A[row[k], col[k]] += data[k] (duplicates summed)
 *   csrMatrix([data, indices, indptr])    the compressed arrays themselves (indices, indptr as
 *                                         Int32Array or int32 NDArray: three plain JS arrays are a
 *                                         dense 3-row matrix, since JS has no tuples)
 *   csrMatrix(S)                          another sparse matrix, converted (always a copy)
 *   options { shape: [m, n], dtype: "float64" | "float32" | "int32" }
 *
 * Every array passed is copied: nothing the caller holds is shared or modified (SciPy's
 * `csr_matrix((data, indices, indptr))` shares them; here a large matrix keeps its arrays in a
 * WebAssembly memory of its own, so they could not be the caller's anyway). Values keep
 * their dtype (int32 stays int32, plain JS numbers are float64, bool becomes float64, complex is
 * refused); `dtype` casts. Indices are int32, checked: in range, non-negative, integers; indptr
 * starts at 0, never decreases and ends at nnz. Without `shape`, it is inferred as SciPy does
 * (max index + 1; for the compressed form, m = indptr.length − 1).
 *
 * Reference: SciPy `scipy/sparse/_compressed.py` (`__init__`, `check_format`).
 */
import { DTypeError, NDArray, ShapeError, ValueError } from "@sliderule/ndarray";
import * as np from "@sliderule/ndarray";
import { checkOptions, OPTION, optionsSchema } from "../util/options.js";
import {
  allocData,
  castData,
  describe,
  fmtShape,
  isSparse,
  sparseDTypeOfArray,
  SPARSE_DTYPES,
  SPARSE_FORMATS,
  type SparseDType,
  type SparseMatrix,
} from "./base.js";
import { triplesToCompressed, type Compressed } from "./compressed-storage.js";
import { CooMatrix } from "./coo.js";
import { CscMatrix } from "./csc.js";
import { CsrMatrix } from "./csr.js";
import type { SparseData } from "./spmv.js";

/** What csrMatrix, cscMatrix and cooMatrix accept (see the file header). */
export type SparseInput =
  | NDArray
  | np.NestedArray
  | SparseMatrix
  | readonly [data: unknown, coords: readonly [row: unknown, col: unknown]]
  | readonly [data: unknown, indices: unknown, indptr: unknown];

export interface SparseMatrixOptions {
  /** [m, n]; inferred when absent. */
  shape?: readonly [number, number] | readonly number[];
  /** The values' dtype (default: the input's; plain numbers are float64). */
  dtype?: SparseDType;
}

const MATRIX_OPTIONS = optionsSchema({ shape: OPTION.any, dtype: OPTION.any });

// ------------------------------------------------------------------ argument checks

export const isTyped = (v: unknown): v is Float64Array | Float32Array | Int32Array | Uint8Array | Int8Array | Int16Array | Uint16Array | Uint32Array =>
  ArrayBuffer.isView(v) && !(v instanceof DataView) && !(v instanceof BigInt64Array) && !(v instanceof BigUint64Array);

/** A 1-D array-like: a 1-D NDArray, a typed array, or a plain array of non-arrays. */
export const isVector = (v: unknown): boolean =>
  (v instanceof NDArray && v.ndim === 1) || isTyped(v) || (Array.isArray(v) && v.every((x) => !Array.isArray(x) && !(x instanceof NDArray)));

export function checkShape(fn: string, shape: unknown): [number, number] {
  if (!Array.isArray(shape) || shape.length !== 2 || !shape.every((d) => typeof d === "number" && Number.isInteger(d) && d >= 0 && d <= 2147483647)) {
    throw new ValueError(`${fn}: shape must be [m, n] of non-negative integers, got ${describe(shape)}`);
  }
  return [shape[0], shape[1]];
}

export function checkDType(fn: string, dtype: unknown): SparseDType | undefined {
  if (dtype === undefined) return undefined;
  if (!SPARSE_DTYPES.includes(dtype as SparseDType)) {
    throw new DTypeError(`${fn}: dtype must be one of "float64", "float32", "int32", got ${describe(dtype)}`);
  }
  return dtype as SparseDType;
}

/** An int32 copy of an index array, every entry an integer in int32 range (range checks come later). */
function indexArray(fn: string, name: string, v: unknown): Int32Array {
  let values: ArrayLike<number>;
  if (v instanceof Int32Array) return v.slice();
  if (v instanceof NDArray) {
    if (v.ndim !== 1) throw new ShapeError(`${fn}: ${name} must be 1-D, got ${describe(v)}`);
    if (v.dtype === "int32") return v.toTypedArray() as Int32Array;
    if (v.dtype === "bool" || v.dtype === "complex128") throw new DTypeError(`${fn}: ${name} must hold integers, got ${describe(v)}`);
    values = v.toTypedArray() as ArrayLike<number>;
  } else if (isTyped(v)) {
    values = v as ArrayLike<number>;
  } else if (Array.isArray(v)) {
    values = v as number[];
  } else {
    throw new ValueError(`${fn}: ${name} must be a 1-D array of integers, got ${describe(v)}`);
  }
  const out = new Int32Array(values.length);
  for (let k = 0; k < values.length; k++) {
    const x = values[k];
    if (typeof x !== "number" || !Number.isInteger(x) || x < -2147483648 || x > 2147483647) {
      throw new ValueError(`${fn}: ${name}[${k}] must be an int32 integer, got ${describe(x)}`);
    }
    out[k] = x;
  }
  return out;
}

/** A copy of the values as a typed array of their dtype (or `dtype`). */
function dataArray(fn: string, v: unknown, dtype: SparseDType | undefined): SparseData {
  let data: SparseData;
  if (v instanceof NDArray) {
    if (v.ndim !== 1) throw new ShapeError(`${fn}: data must be 1-D, got ${describe(v)}`);
    const dt = sparseDTypeOfArray(fn, "data", v);
    data = v.astype(dt).data as SparseData;
  } else if (v instanceof Float64Array || v instanceof Float32Array || v instanceof Int32Array) {
    data = v.slice();
  } else if (Array.isArray(v)) {
    data = new Float64Array(v.length);
    for (let k = 0; k < v.length; k++) {
      const x = v[k];
      if (typeof x !== "number" && typeof x !== "boolean") throw new ValueError(`${fn}: data[${k}] must be a number, got ${describe(x)}`);
      data[k] = Number(x);
    }
  } else if (isTyped(v)) {
    data = Float64Array.from(v as ArrayLike<number>);
  } else {
    throw new ValueError(`${fn}: data must be a 1-D array of numbers, got ${describe(v)}`);
  }
  return dtype === undefined || dtype === dataDType(data) ? data : castData(data, dtype);
}

const dataDType = (d: SparseData): SparseDType => (d instanceof Float64Array ? "float64" : d instanceof Float32Array ? "float32" : "int32");

/** Throws unless every index is in [0, bound). */
function checkIndexRange(fn: string, name: string, idx: Int32Array, bound: number, shape: readonly number[]): void {
  for (let k = 0; k < idx.length; k++) {
    const v = idx[k];
    if (v < 0) throw new ValueError(`${fn}: negative ${name} index ${v} (at position ${k})`);
    if (v >= bound) throw new ValueError(`${fn}: ${name} index ${v} (at position ${k}) is out of range for shape ${fmtShape(shape)}: it must be < ${bound}`);
  }
}

const maxPlusOne = (idx: Int32Array): number => {
  let m = -1;
  for (let k = 0; k < idx.length; k++) if (idx[k] > m) m = idx[k];
  return m + 1;
};

// ------------------------------------------------------------------ the three ways in

/** The parsed input: triplets (row, col, data) kept as given, or compressed arrays along rows. */
type Parsed =
  | { kind: "triplets"; shape: [number, number]; row: Int32Array; col: Int32Array; data: SparseData }
  | { kind: "csr"; shape: [number, number]; a: Compressed }
  | { kind: "sparse"; shape: [number, number]; matrix: SparseMatrix };

function parseInput(fn: string, arg: unknown, shapeOpt: [number, number] | undefined, dtype: SparseDType | undefined): Parsed {
  if (isSparse(arg)) {
    const shape: [number, number] = [arg.shape[0], arg.shape[1]];
    if (shapeOpt && (shapeOpt[0] !== shape[0] || shapeOpt[1] !== shape[1])) {
      throw new ShapeError(`${fn}: shape ${fmtShape(shapeOpt)} does not match the matrix's ${fmtShape(shape)}`);
    }
    return { kind: "sparse", shape, matrix: arg };
  }
  if (
    Array.isArray(arg) &&
    arg.length === 2 &&
    isVector(arg[0]) &&
    Array.isArray(arg[1]) &&
    arg[1].length === 2 &&
    isVector(arg[1][0]) &&
    isVector(arg[1][1])
  ) {
    return parseTriplets(fn, arg[0], arg[1][0], arg[1][1], shapeOpt, dtype);
  }
  if (Array.isArray(arg) && arg.length === 3 && arg.every(isVector) && arg.some((v) => !Array.isArray(v))) {
    return parseCompressed(fn, arg[0], arg[1], arg[2], shapeOpt, dtype);
  }
  if (arg instanceof NDArray || Array.isArray(arg)) return parseDense(fn, arg, shapeOpt, dtype);
  throw new ValueError(`${fn}: expected a dense array, [data, [row, col]], [data, indices, indptr] or a sparse matrix, got ${describe(arg)}`);
}

function parseTriplets(
  fn: string,
  dataIn: unknown,
  rowIn: unknown,
  colIn: unknown,
  shapeOpt: [number, number] | undefined,
  dtype: SparseDType | undefined,
): Parsed {
  const data = dataArray(fn, dataIn, dtype);
  const row = indexArray(fn, "row", rowIn);
  const col = indexArray(fn, "col", colIn);
  if (row.length !== data.length || col.length !== data.length) {
    throw new ShapeError(`${fn}: row, col and data must have the same length, got ${row.length}, ${col.length} and ${data.length}`);
  }
  let shape = shapeOpt;
  if (shape === undefined) {
    if (data.length === 0) throw new ValueError(`${fn}: cannot infer the shape from empty index arrays; pass { shape: [m, n] }`);
    shape = [maxPlusOne(row), maxPlusOne(col)];
  }
  checkIndexRange(fn, "row", row, shape[0], shape);
  checkIndexRange(fn, "column", col, shape[1], shape);
  return { kind: "triplets", shape, row, col, data };
}

function parseCompressed(
  fn: string,
  dataIn: unknown,
  indicesIn: unknown,
  indptrIn: unknown,
  shapeOpt: [number, number] | undefined,
  dtype: SparseDType | undefined,
): Parsed {
  const data = dataArray(fn, dataIn, dtype);
  const indices = indexArray(fn, "indices", indicesIn);
  const indptr = indexArray(fn, "indptr", indptrIn);
  // the arrays are along rows here; cscMatrix swaps the shape around this call
  const nMajor = indptr.length - 1;
  if (nMajor < 0) throw new ValueError(`${fn}: indptr must have at least one entry (0), got an empty array`);
  if (shapeOpt !== undefined && shapeOpt[0] !== nMajor) {
    throw new ShapeError(`${fn}: indptr has ${indptr.length} entries, so ${nMajor} slices, but shape ${fmtShape(shapeOpt)} needs ${shapeOpt[0] + 1} entries`);
  }
  if (indices.length !== data.length) throw new ShapeError(`${fn}: indices and data must have the same length, got ${indices.length} and ${data.length}`);
  if (indptr[0] !== 0) throw new ValueError(`${fn}: indptr must start at 0, got indptr[0] = ${indptr[0]}`);
  for (let i = 0; i < nMajor; i++) {
    if (indptr[i + 1] < indptr[i])
      throw new ValueError(`${fn}: indptr must be non-decreasing, got indptr[${i}] = ${indptr[i]} > indptr[${i + 1}] = ${indptr[i + 1]}`);
  }
  if (indptr[nMajor] !== indices.length) {
    throw new ValueError(`${fn}: indptr must end at nnz = ${indices.length} (the length of indices and data), got indptr[${nMajor}] = ${indptr[nMajor]}`);
  }
  const shape: [number, number] = shapeOpt ?? [nMajor, maxPlusOne(indices)];
  checkIndexRange(fn, "minor (column for CSR, row for CSC)", indices, shape[1], shape);
  return { kind: "csr", shape, a: { indptr, indices, data } };
}

function parseDense(fn: string, arg: NDArray | unknown[], shapeOpt: [number, number] | undefined, dtype: SparseDType | undefined): Parsed {
  let D: NDArray;
  try {
    D = arg instanceof NDArray ? arg : np.asarray(arg as np.NestedArray);
  } catch (e) {
    throw new ValueError(`${fn}: cannot read ${describe(arg)} as a dense matrix (${e instanceof Error ? e.message : String(e)})`);
  }
  if (D.ndim === 1) D = D.reshape([1, D.shape[0]]);
  if (D.ndim !== 2) throw new ShapeError(`${fn}: a dense input must be 1-D or 2-D, got ${describe(D)}`);
  const dt = dtype ?? sparseDTypeOfArray(fn, "the dense input", D);
  const [m, n] = D.shape;
  if (shapeOpt && (shapeOpt[0] !== m || shapeOpt[1] !== n))
    throw new ShapeError(`${fn}: shape ${fmtShape(shapeOpt)} does not match the dense input's ${fmtShape(D.shape)}`);
  // cast first, then find the nonzeros (0.4 cast to int32 is 0 and is not stored), as SciPy
  const values = (D.dtype === dt ? D : D.astype(dt)).astype("float64").data as Float64Array; // C order
  let nnz = 0;
  for (let e = 0; e < values.length; e++) if (values[e] !== 0) nnz++;
  // nonzeros in row-major order (NaN counts as nonzero, as in NumPy's nonzero)
  const row = new Int32Array(nnz);
  const col = new Int32Array(nnz);
  const data = allocData(dt, nnz);
  let k = 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const v = values[i * n + j];
      if (v === 0) continue;
      row[k] = i;
      col[k] = j;
      data[k++] = v;
    }
  }
  return { kind: "triplets", shape: [m, n], row, col, data };
}

/** Cast a finished matrix's values to `dtype` (new arrays). */
function withDType<T extends SparseMatrix>(S: T, dtype: SparseDType | undefined): T {
  if (dtype === undefined || S.dtype === dtype) return S;
  if (S instanceof CooMatrix) return CooMatrix.fromTrusted(castData(S.data, dtype), S.row, S.col, S.shape) as unknown as T;
  if (S instanceof CsrMatrix) return CsrMatrix.fromTrusted({ indptr: S.indptr, indices: S.indices, data: castData(S.data, dtype) }, S.shape) as unknown as T;
  const C = S as unknown as CscMatrix;
  return CscMatrix.fromTrusted({ indptr: C.indptr, indices: C.indices, data: castData(C.data, dtype) }, C.shape) as unknown as T;
}

function readOptions(fn: string, options: unknown): { shape?: [number, number]; dtype?: SparseDType } {
  checkOptions(fn, MATRIX_OPTIONS, options);
  const o = (options ?? {}) as SparseMatrixOptions;
  return { shape: o.shape === undefined ? undefined : checkShape(fn, o.shape), dtype: checkDType(fn, o.dtype) };
}

/**
 * `scipy.sparse.csr_matrix(arg, shape=..., dtype=...)`: a CSR matrix from a dense array,
 * `[data, [row, col]]` triplets (duplicates summed, the result canonical),
 * `[data, indices, indptr]` (kept as given: unsorted indices and duplicates stay until
 * `sumDuplicates()`), or another sparse matrix. Arrays are copied.
 * @throws ValueError for an index out of range or negative, an indptr that does not start at
 *   0, decreases or does not end at nnz, a shape that is not two non-negative integers;
 *   ShapeError for arrays of different lengths or a shape that does not fit the input.
 * @example
 *   const S = sparse.csrMatrix([np.array([1, 2, 3]), [np.array([0, 1, 1], "int32"), np.array([0, 2, 2], "int32")]], { shape: [2, 3] });
 *   assert.deepEqual(S.toarray().toArray(), [[1, 0, 0], [0, 0, 5]]); // the two entries at (1, 2) are summed
 */
export function csrMatrix(arg: SparseInput, options?: SparseMatrixOptions): CsrMatrix {
  const { shape, dtype } = readOptions("csrMatrix", options);
  const p = parseInput("csrMatrix", arg, shape, dtype);
  switch (p.kind) {
    case "triplets":
      return CsrMatrix.fromTrusted(triplesToCompressed(p.shape[0], p.shape[1], p.row, p.col, p.data), p.shape);
    case "csr":
      return CsrMatrix.fromTrusted(p.a, p.shape);
    case "sparse": {
      const S = p.matrix.tocsr();
      return withDType(S === p.matrix ? S.copy() : S, dtype);
    }
  }
}

/**
 * `scipy.sparse.csc_matrix(arg, shape=..., dtype=...)`: as {@link csrMatrix}, compressed by
 * column; `[data, indices, indptr]` are CSC's arrays (indices are rows, indptr has n + 1 entries).
 */
export function cscMatrix(arg: SparseInput, options?: SparseMatrixOptions): CscMatrix {
  const { shape, dtype } = readOptions("cscMatrix", options);
  // the compressed form is read as the CSR arrays of the transpose
  const isCompressed = Array.isArray(arg) && arg.length === 3 && arg.every(isVector) && arg.some((v) => !Array.isArray(v));
  const p = parseInput("cscMatrix", arg, isCompressed && shape ? [shape[1], shape[0]] : shape, dtype);
  switch (p.kind) {
    case "triplets":
      return CscMatrix.fromTrusted(triplesToCompressed(p.shape[1], p.shape[0], p.col, p.row, p.data), p.shape);
    case "csr":
      return CscMatrix.fromTrusted(p.a, [p.shape[1], p.shape[0]]);
    case "sparse": {
      const S = p.matrix.tocsc();
      return withDType(S === p.matrix ? S.copy() : S, dtype);
    }
  }
}

/**
 * `scipy.sparse.coo_matrix(arg, shape=..., dtype=...)`: triplets kept as given (duplicates are
 * summed only by tocsr/tocsc/toarray); a dense input gives its nonzeros in row-major order;
 * `[data, indices, indptr]` is read as CSR.
 */
export function cooMatrix(arg: SparseInput, options?: SparseMatrixOptions): CooMatrix {
  const { shape, dtype } = readOptions("cooMatrix", options);
  const p = parseInput("cooMatrix", arg, shape, dtype);
  switch (p.kind) {
    case "triplets":
      return CooMatrix.fromTrusted(p.data, p.row, p.col, p.shape);
    case "csr":
      return CsrMatrix.fromTrusted(p.a, p.shape).tocoo();
    case "sparse": {
      const S = p.matrix.tocoo();
      return withDType(S === p.matrix ? S.copy() : S, dtype);
    }
  }
}
