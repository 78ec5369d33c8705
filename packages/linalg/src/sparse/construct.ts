/**
 * Building sparse matrices: SciPy's `csr_matrix(arg)`, `csc_matrix`, `coo_matrix` and the
 * constructors of `scipy.sparse._construct` (`eye`, `diags`, `random`).
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
 * `random` reproduces `scipy.sparse.random(m, n, density, format, dtype,
 * rng=np.random.default_rng(seed))` of SciPy 1.17 bit for bit: nnz = round(density·m·n) (Python's
 * round, half to even), the flat positions drawn by `rng.choice(m·n, nnz, replace=False)`,
 * unravelled in Fortran order (row = r mod m, col = ⌊r / m⌋), then the values by
 * `rng.uniform(size=nnz)` (float32: those doubles rounded; int32: `rng.integers(−2³¹, 2³¹−1)`),
 * in that order, into a COO matrix converted to `format`.
 *
 * Reference: SciPy `scipy/sparse/_compressed.py` (`__init__`, `check_format`),
 * `scipy/sparse/_construct.py` (`eye`, `diags`, `random`, `_random`).
 */
import { DTypeError, NDArray, ShapeError, ValueError } from "@sliderule/ndarray";
import * as np from "@sliderule/ndarray";
import { z } from "zod";
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
  type SparseFormat,
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

const isTyped = (v: unknown): v is Float64Array | Float32Array | Int32Array | Uint8Array | Int8Array | Int16Array | Uint16Array | Uint32Array =>
  ArrayBuffer.isView(v) && !(v instanceof DataView) && !(v instanceof BigInt64Array) && !(v instanceof BigUint64Array);

/** A 1-D array-like: a 1-D NDArray, a typed array, or a plain array of non-arrays. */
const isVector = (v: unknown): boolean =>
  (v instanceof NDArray && v.ndim === 1) || isTyped(v) || (Array.isArray(v) && v.every((x) => !Array.isArray(x) && !(x instanceof NDArray)));

function checkShape(fn: string, shape: unknown): [number, number] {
  if (!Array.isArray(shape) || shape.length !== 2 || !shape.every((d) => typeof d === "number" && Number.isInteger(d) && d >= 0 && d <= 2147483647)) {
    throw new ValueError(`${fn}: shape must be [m, n] of non-negative integers, got ${describe(shape)}`);
  }
  return [shape[0], shape[1]];
}

function checkDType(fn: string, dtype: unknown): SparseDType | undefined {
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
  if (Array.isArray(arg) && arg.length === 2 && isVector(arg[0]) && Array.isArray(arg[1]) && arg[1].length === 2 && isVector(arg[1][0]) && isVector(arg[1][1])) {
    return parseTriplets(fn, arg[0], arg[1][0], arg[1][1], shapeOpt, dtype);
  }
  if (Array.isArray(arg) && arg.length === 3 && arg.every(isVector) && arg.some((v) => !Array.isArray(v))) {
    return parseCompressed(fn, arg[0], arg[1], arg[2], shapeOpt, dtype);
  }
  if (arg instanceof NDArray || Array.isArray(arg)) return parseDense(fn, arg, shapeOpt, dtype);
  throw new ValueError(
    `${fn}: expected a dense array, [data, [row, col]], [data, indices, indptr] or a sparse matrix, got ${describe(arg)}`,
  );
}

function parseTriplets(fn: string, dataIn: unknown, rowIn: unknown, colIn: unknown, shapeOpt: [number, number] | undefined, dtype: SparseDType | undefined): Parsed {
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

function parseCompressed(fn: string, dataIn: unknown, indicesIn: unknown, indptrIn: unknown, shapeOpt: [number, number] | undefined, dtype: SparseDType | undefined): Parsed {
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
    if (indptr[i + 1] < indptr[i]) throw new ValueError(`${fn}: indptr must be non-decreasing, got indptr[${i}] = ${indptr[i]} > indptr[${i + 1}] = ${indptr[i + 1]}`);
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
  if (shapeOpt && (shapeOpt[0] !== m || shapeOpt[1] !== n)) throw new ShapeError(`${fn}: shape ${fmtShape(shapeOpt)} does not match the dense input's ${fmtShape(D.shape)}`);
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

// ------------------------------------------------------------------ eye, diags, random

/** A matrix from triplets in the requested format (CSR/CSC canonical, COO as given). */
function fromTriplets(format: SparseFormat, shape: [number, number], row: Int32Array, col: Int32Array, data: SparseData): SparseMatrix {
  if (format === "coo") return CooMatrix.fromTrusted(data, row, col, shape);
  if (format === "csr") return CsrMatrix.fromTrusted(triplesToCompressed(shape[0], shape[1], row, col, data), shape);
  return CscMatrix.fromTrusted(triplesToCompressed(shape[1], shape[0], col, row, data), shape);
}

function checkFormat(fn: string, format: unknown, fallback: SparseFormat): SparseFormat {
  if (format === undefined) return fallback;
  if (!SPARSE_FORMATS.includes(format as SparseFormat)) {
    throw new ValueError(`${fn}: format must be one of "csr", "csc", "coo", got ${describe(format)}${format === "dia" ? " (DIA storage is not implemented)" : ""}`);
  }
  return format as SparseFormat;
}

function checkDim(fn: string, name: string, v: unknown): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v > 2147483647) {
    throw new ValueError(`${fn}: ${name} must be a non-negative integer, got ${describe(v)}`);
  }
  return v;
}

export interface EyeOptions {
  /** The diagonal holding the ones: 0 the main one, k > 0 above, k < 0 below. */
  k?: number;
  dtype?: SparseDType;
  /** Default "csr" (SciPy's default is DIA, which Sliderule does not implement). */
  format?: SparseFormat;
}
const EYE_OPTIONS = optionsSchema({ k: OPTION.any, dtype: OPTION.any, format: OPTION.any });

/**
 * `scipy.sparse.eye(m, n, k=0, dtype=float, format=None)`: ones on the k-th diagonal of an
 * m × n matrix (n defaults to m). Returns CSR unless `format` says otherwise.
 * @example
 *   assert.deepEqual(sparse.eye(3, { k: 1 }).toarray().toArray(), [[0, 1, 0], [0, 0, 1], [0, 0, 0]]);
 */
export function eye(m: number, n?: number | EyeOptions, options?: EyeOptions): SparseMatrix {
  if (n !== undefined && typeof n === "object" && n !== null && options === undefined) return eye(m, undefined, n);
  checkOptions("eye", EYE_OPTIONS, options);
  const rows = checkDim("eye", "m", m);
  const cols = n === undefined ? rows : checkDim("eye", "n", n);
  const o = options ?? {};
  const k = o.k ?? 0;
  if (typeof k !== "number" || !Number.isInteger(k)) throw new ValueError(`eye: k must be an integer, got ${describe(k)}`);
  const dtype = checkDType("eye", o.dtype) ?? "float64";
  const format = checkFormat("eye", o.format, "csr");
  // (i, i + k) for the rows i whose column falls inside [0, n)
  const first = Math.max(0, -k);
  const len = Math.max(0, Math.min(rows, cols - k) - first);
  const row = new Int32Array(len);
  const col = new Int32Array(len);
  for (let t = 0; t < len; t++) {
    row[t] = first + t;
    col[t] = first + t + k;
  }
  return fromTriplets(format, [rows, cols], row, col, castData(new Float64Array(len).fill(1), dtype));
}

export interface DiagsOptions {
  shape?: readonly [number, number] | readonly number[];
  /** Default "csr" (SciPy's default is DIA). */
  format?: SparseFormat;
  dtype?: SparseDType;
}
const DIAGS_OPTIONS = optionsSchema({ shape: OPTION.any, format: OPTION.any, dtype: OPTION.any });

/**
 * `scipy.sparse.diags(diagonals, offsets=0, shape=None, format=None, dtype=None)`: the matrix
 * with `diagonals[t]` on diagonal `offsets[t]`. A single diagonal may be passed with a scalar
 * offset. Without `shape`, the matrix is square, of side len(diagonals[0]) + |offsets[0]|.
 * Each diagonal must have the diagonal's length (longer ones are cut, as SciPy does) or one
 * entry (repeated). Zeros are not stored (SciPy's DIA → CSR drops them); repeated offsets add.
 * dtype: float32 if every diagonal is float32, else float64 (NumPy's `common_type`).
 * @example
 *   assert.deepEqual(sparse.diags([[1, 2, 3], [4, 5]], [0, 1]).toarray().toArray(), [[1, 4, 0], [0, 2, 5], [0, 0, 3]]);
 */
export function diags(diagonals: unknown, offsets: number | readonly number[] = 0, options?: DiagsOptions): SparseMatrix {
  checkOptions("diags", DIAGS_OPTIONS, options);
  const o = options ?? {};
  let diagList: unknown[];
  let offs: number[];
  const asVector = (v: unknown, t: number): NDArray => {
    const a = v instanceof NDArray ? v : isTyped(v) ? np.fromTypedArray((v as Float64Array).slice()) : Array.isArray(v) ? np.asarray(v as np.NestedArray) : typeof v === "number" ? np.array([v]) : null;
    if (a === null || a.ndim > 1) throw new ValueError(`diags: diagonal ${t} must be a 1-D array of numbers, got ${describe(v)}`);
    return a.ndim === 0 ? a.reshape([1]) : a;
  };
  if (typeof offsets === "number") {
    const single = isVector(diagonals) || typeof diagonals === "number";
    if (!single) throw new ValueError(`diags: different number of diagonals and offsets: a scalar offset takes one diagonal, got ${describe(diagonals)}`);
    diagList = [diagonals];
    offs = [offsets];
  } else if (Array.isArray(offsets) || offsets instanceof NDArray) {
    offs = Array.from(offsets instanceof NDArray ? (offsets.toTypedArray() as ArrayLike<number>) : offsets);
    if (!Array.isArray(diagonals) && !(diagonals instanceof NDArray && diagonals.ndim === 2)) {
      throw new ValueError(`diags: diagonals must be a list of 1-D arrays (one per offset), got ${describe(diagonals)}`);
    }
    diagList = diagonals instanceof NDArray ? Array.from({ length: diagonals.shape[0] }, (_, t) => diagonals.slice(t)) : diagonals;
  } else {
    throw new ValueError(`diags: offsets must be an integer or a list of integers, got ${describe(offsets)}`);
  }
  offs.forEach((k, t) => {
    if (typeof k !== "number" || !Number.isInteger(k)) throw new ValueError(`diags: offsets[${t}] must be an integer, got ${describe(k)}`);
  });
  if (diagList.length !== offs.length) throw new ValueError(`diags: different number of diagonals (${diagList.length}) and offsets (${offs.length})`);
  const vecs = diagList.map(asVector);
  vecs.forEach((d, t) => {
    if (d.dtype === "complex128") throw new DTypeError(`diags: diagonal ${t} is complex; sparse matrices hold real values`);
  });
  const commonFloat32 = vecs.length > 0 && vecs.every((d) => d.dtype === "float32");
  const dtype = checkDType("diags", o.dtype) ?? (commonFloat32 ? "float32" : "float64");
  const format = checkFormat("diags", o.format, "csr");
  let shape: [number, number];
  if (o.shape !== undefined) shape = checkShape("diags", o.shape);
  else {
    if (vecs.length === 0) throw new ValueError(`diags: no diagonals given and no shape to infer`);
    const side = vecs[0].shape[0] + Math.abs(offs[0]);
    shape = [side, side];
  }
  const [m, n] = shape;
  const rows: number[] = [];
  const cols: number[] = [];
  const vals: number[] = [];
  vecs.forEach((d, t) => {
    const k = offs[t];
    const length = Math.min(m + k, n - k, Math.min(m, n));
    if (length < 0) throw new ValueError(`diags: offset ${k} (index ${t}) is out of bounds for shape ${fmtShape(shape)}`);
    const dv = d.astype("float64").data as Float64Array;
    if (dv.length !== length && dv.length !== 1 && dv.length < length) {
      throw new ValueError(`diags: diagonal length (index ${t}: ${dv.length} at offset ${k}) does not agree with matrix size ${fmtShape(shape)}: it needs ${length}`);
    }
    // entry s of the diagonal sits at (s − min(k, 0), s + max(k, 0))
    for (let s = 0; s < length; s++) {
      const v = dv.length === 1 ? dv[0] : dv[s];
      if (v === 0) continue;
      rows.push(s - Math.min(k, 0));
      cols.push(s + Math.max(k, 0));
      vals.push(v);
    }
  });
  return fromTriplets(format, shape, Int32Array.from(rows), Int32Array.from(cols), castData(vals, dtype));
}

export interface RandomOptions {
  /** Fraction of entries stored, in [0, 1] (default 0.01). */
  density?: number;
  /** Default "coo", as SciPy. */
  format?: SparseFormat;
  dtype?: SparseDType;
  /** A seed (non-negative integer) or a Generator (`np.random.defaultRng(seed)`), SciPy's `rng`. */
  randomState?: number | np.random.Generator;
  /** SciPy 1.17's name for randomState. */
  rng?: number | np.random.Generator;
}
const RANDOM_OPTIONS = optionsSchema({ density: OPTION.any, format: OPTION.any, dtype: OPTION.any, randomState: OPTION.any, rng: z.unknown() });

/** Python's round(): to the nearest integer, ties to even. */
function pyRound(x: number): number {
  const r = Math.round(x);
  return Math.abs(x - Math.trunc(x)) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * `scipy.sparse.random(m, n, density=0.01, format='coo', dtype=None, rng=seed)`: an m × n
 * matrix with round(density·m·n) entries at distinct random positions, uniform values in
 * [0, 1). With the same seed it is SciPy 1.17's matrix exactly (see the file header for the
 * order of the draws). n defaults to m; the density may come third, positionally, as in SciPy.
 * @throws ValueError for a density outside [0, 1] or NaN, a seed that is not a non-negative
 *   integer or a Generator, both randomState and rng.
 * @example
 *   assert.equal(sparse.random(4, 5, { density: 0.25, format: "csr", randomState: 42 }).nnz, 5); // round(0.25·20)
 */
export function random(m: number, n?: number | RandomOptions, options?: RandomOptions | number, rest?: RandomOptions): SparseMatrix {
  if (n !== undefined && typeof n === "object" && n !== null && options === undefined) return random(m, undefined, n);
  // SciPy's positional density: random(m, n, 0.1) is random(m, n, { density: 0.1 })
  if (typeof options === "number") {
    if (rest !== undefined && (rest === null || typeof rest !== "object" || "density" in rest)) {
      throw new ValueError(`random: after a positional density, the options must be an object without density, got ${describe(rest)}`);
    }
    return random(m, n, { ...rest, density: options });
  }
  if (rest !== undefined) throw new ValueError(`random: takes (m, n, density?, options?), got an extra argument ${describe(rest)}`);
  checkOptions("random", RANDOM_OPTIONS, options);
  const rows = checkDim("random", "m", m);
  const cols = n === undefined ? rows : checkDim("random", "n", n);
  const o = options ?? {};
  const density = o.density ?? 0.01;
  if (typeof density !== "number" || !(density >= 0 && density <= 1)) {
    throw new ValueError(`random: density must be a number in [0, 1], got ${describe(density)}`);
  }
  const format = checkFormat("random", o.format, "coo");
  const dtype = checkDType("random", o.dtype) ?? "float64";
  if (o.randomState !== undefined && o.rng !== undefined) throw new ValueError(`random: pass randomState or rng, not both`);
  const seed = o.randomState ?? o.rng;
  let rng: np.random.Generator;
  if (seed instanceof np.random.Generator) rng = seed;
  else if (seed === undefined) rng = np.random.defaultRng();
  else if (typeof seed === "number" && Number.isInteger(seed) && seed >= 0) rng = np.random.defaultRng(seed);
  else throw new ValueError(`random: randomState must be a non-negative integer seed or a Generator (np.random.defaultRng(seed)), got ${describe(seed)}`);

  const total = rows * cols;
  if (total > Number.MAX_SAFE_INTEGER) throw new ValueError(`random: m·n = ${total} is too large (above 2^53)`);
  const size = pyRound(density * total);
  // 1. distinct flat positions r in [0, m·n): rng.choice(m·n, size, replace=False)
  const flat = size === 0 ? new Float64Array(0) : (rng.choice(total, size, false) as NDArray).toTypedArray();
  // 2. unravel in Fortran order: r = row + m·col
  const row = new Int32Array(size);
  const col = new Int32Array(size);
  for (let t = 0; t < size; t++) {
    const r = flat[t];
    row[t] = r % rows;
    col[t] = (r - row[t]) / rows;
  }
  // 3. the values, drawn after the positions
  let data: SparseData;
  if (dtype === "int32") {
    data = size === 0 ? new Int32Array(0) : ((rng.integers(-2147483648, 2147483647, size, { dtype: "int32" }) as NDArray).toTypedArray() as Int32Array);
  } else {
    const u = size === 0 ? new Float64Array(0) : ((rng.uniform(0, 1, size) as NDArray).toTypedArray() as Float64Array);
    data = dtype === "float64" ? u : castData(u, dtype);
  }
  return fromTriplets(format, [rows, cols], row, col, data);
}
