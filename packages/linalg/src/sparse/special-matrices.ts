/**
 * SciPy's standard sparse matrices (`scipy.sparse._construct`): `eye(m, n, k)`, `diags(diagonals,
 * offsets, shape)` and `random(m, n, density)`, in any format.
 *
 * `random` reproduces `scipy.sparse.random(m, n, density, format, dtype,
 * rng=np.random.default_rng(seed))` of SciPy 1.17 bit for bit: nnz = round(density·m·n) (Python's
 * round, half to even), the flat positions drawn by `rng.choice(m·n, nnz, replace=False)`,
 * unravelled in Fortran order (row = r mod m, col = ⌊r / m⌋), then the values by
 * `rng.uniform(size=nnz)` (float32: those doubles rounded; int32: `rng.integers(−2³¹, 2³¹−1)`),
 * in that order, into a COO matrix converted to `format`.
 *
 * Reference: SciPy `scipy/sparse/_construct.py` (`eye`, `diags`, `random`, `_random`).
 */
import { DTypeError, NDArray, ValueError } from "@sliderule/ndarray";
import * as np from "@sliderule/ndarray";
import { z } from "zod";
import { checkOptions, OPTION, optionsSchema } from "../util/options.js";
import { castData, describe, fmtShape, SPARSE_FORMATS, type SparseDType, type SparseFormat, type SparseMatrix } from "./base.js";
import { triplesToCompressed } from "./compressed-storage.js";
import { checkDType, checkShape, isTyped, isVector } from "./construct.js";
import { CooMatrix } from "./coo.js";
import { CscMatrix } from "./csc.js";
import { CsrMatrix } from "./csr.js";
import type { SparseData } from "./spmv.js";

/** A matrix from triplets in the requested format (CSR/CSC canonical, COO as given). */
function fromTriplets(format: SparseFormat, shape: [number, number], row: Int32Array, col: Int32Array, data: SparseData): SparseMatrix {
  if (format === "coo") return CooMatrix.fromTrusted(data, row, col, shape);
  if (format === "csr") return CsrMatrix.fromTrusted(triplesToCompressed(shape[0], shape[1], row, col, data), shape);
  return CscMatrix.fromTrusted(triplesToCompressed(shape[1], shape[0], col, row, data), shape);
}

function checkFormat(fn: string, format: unknown, fallback: SparseFormat): SparseFormat {
  if (format === undefined) return fallback;
  if (!SPARSE_FORMATS.includes(format as SparseFormat)) {
    throw new ValueError(
      `${fn}: format must be one of "csr", "csc", "coo", got ${describe(format)}${format === "dia" ? " (DIA storage is not implemented)" : ""}`,
    );
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
    const a =
      v instanceof NDArray
        ? v
        : isTyped(v)
          ? np.fromTypedArray((v as Float64Array).slice())
          : Array.isArray(v)
            ? np.asarray(v as np.NestedArray)
            : typeof v === "number"
              ? np.array([v])
              : null;
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
      throw new ValueError(
        `diags: diagonal length (index ${t}: ${dv.length} at offset ${k}) does not agree with matrix size ${fmtShape(shape)}: it needs ${length}`,
      );
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
