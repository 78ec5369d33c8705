/**
 * The stacks machinery every linalg function runs on.
 *
 * NumPy's linalg functions are generalised ufuncs: an argument of shape (..., M, N) is a
 * stack of M×N matrices, the leading "batch" axes broadcast against each other, and the
 * routine runs once per matrix. Here that is four steps:
 *
 *   1. validate: at least 2-D, square where the routine needs it, finite where LAPACK would
 *      return garbage;
 *   2. promote: int32 and bool compute in float64; float32 stays float32 (working buffers are
 *      Float32Array, so every stored value is rounded to float32); complex128 stays complex;
 *   3. copy each matrix into a contiguous column-major working buffer (LAPACK's layout: element
 *      (i, j) of an m×n block at W[off + i + j·ld]). Inputs are never modified, and any input
 *      layout (transposed, sliced, broadcast views) is read through its strides;
 *   4. loop over the broadcast batch index and assemble C-contiguous outputs.
 *
 * `gufunc` at the end of this file runs steps 3 and 4 for the solvers. NumPy writes a
 * generalised ufunc's signature as the core shapes it maps, e.g. `solve` is "(n,n),(n,k)->(n,k)"
 * and `inv` "(n,n)->(n,n)": each input is a stack whose trailing core axes are one operand, the
 * leading axes are a batch that broadcasts, and the output is a stack of output cores over the
 * broadcast batch. The routine keeps steps 1 and 2 (its own checks and messages) and the
 * per-matrix algorithm; the driver owns the batch bookkeeping.
 *
 * Complex working buffers are Float64Array with interleaved (re, im): element (i, j) at
 * W[2·(off + i + j·ld)] and W[2·(off + i + j·ld) + 1].
 */
import * as np from "@sliderule/ndarray";
import { NDArray, ShapeError, ValueError, type DType } from "@sliderule/ndarray";
import { isCContiguous, loadResident, residentWork, storeResident } from "@sliderule/ndarray/kernels";
import { LinAlgError } from "../errors.js";
import { COPY_TILE, RESIDENT_MIN } from "../tuning.js";

/** The buffers the real kernels compute on. */
export type FloatArray = Float64Array | Float32Array;

/** The dtypes linalg computes in. */
export type WorkDType = "float64" | "float32" | "complex128";

/** Anything accepted where a matrix or stack of matrices is expected. */
export type ArrayInput = NDArray | np.NestedArray;

/** `np.asarray` for linalg arguments. */
export function asArray(x: ArrayInput): NDArray {
  return x instanceof NDArray ? x : np.asarray(x);
}

/** A shape as NumPy prints it: `(2, 3)`, `(4,)`. */
export function fmtShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}

/**
 * NumPy's `_commonType`: complex if any input is complex; float32 only when every input is
 * float32; otherwise float64 (ints and bools promote to float64).
 */
export function workDType(...dtypes: DType[]): WorkDType {
  if (dtypes.some((d) => d === "complex128")) return "complex128";
  if (dtypes.length > 0 && dtypes.every((d) => d === "float32")) return "float32";
  return "float64";
}

/** A zeroed working buffer for `n` elements of `dtype` (2n slots for complex). */
export function allocWork(dtype: WorkDType, n: number): FloatArray {
  if (dtype === "float32") return new Float32Array(n);
  return new Float64Array(dtype === "complex128" ? 2 * n : n);
}

/**
 * Run `body` on zeroed working buffers of the given sizes (as allocWork). float64 buffers of
 * RESIDENT_MIN (tuning.ts) elements or more in all are taken inside WebAssembly memory when the
 * backend has it
 * (`residentWork` of @sliderule/ndarray/kernels): the gemm calls of a factorization on them
 * (trailing updates, triangular solves) then copy nothing in or out. They are given back when
 * `body` returns or throws, so `body` must not let them escape: results are copied out
 * (storeMatrix) before it returns.
 */
export function withWork<R>(dtype: WorkDType, sizes: readonly number[], body: (arrays: FloatArray[]) => R): R {
  const total = sizes.reduce((s, x) => s + x, 0);
  const resident = dtype === "float64" && total >= RESIDENT_MIN ? residentWork(sizes) : null;
  if (resident === null) return body(sizes.map((n) => allocWork(dtype, n)));
  try {
    for (const a of resident.arrays) a.fill(0);
    return body(resident.arrays);
  } finally {
    resident.release();
  }
}

/** NumPy's `_assert_stacked_2d`: LinAlgError (kind invalidInput) for fewer than 2 dimensions. */
export function assertStacked2d(a: NDArray, fn: string): void {
  if (a.ndim < 2) {
    throw new LinAlgError(`${fn}: ${a.ndim}-dimensional array given (shape ${fmtShape(a.shape)}). Array must be at least two-dimensional`, "invalidInput");
  }
}

/** SciPy's check for its own functions (lu, lu_factor, …): a ValueError for fewer than 2 dimensions. */
export function assertMatrixStack(a: NDArray, fn: string): void {
  if (a.ndim < 2) {
    throw new ValueError(`${fn}: expected a matrix or a stack of matrices (at least 2 dimensions), got shape ${fmtShape(a.shape)}`);
  }
}

/** NumPy's `_assert_stacked_square`: LinAlgError (kind invalidInput) naming the shape. */
export function assertSquare(a: NDArray, fn: string): void {
  assertStacked2d(a, fn);
  const m = a.shape[a.ndim - 2];
  const n = a.shape[a.ndim - 1];
  if (m !== n) {
    throw new LinAlgError(`${fn}: Last 2 dimensions of the array must be square, got shape ${fmtShape(a.shape)}`, "invalidInput");
  }
}

/** A ValueError when any element of `a` is NaN or ±Inf (SciPy's `check_finite`). */
export function assertFinite(a: NDArray, fn: string): void {
  if (a.dtype !== "float64" && a.dtype !== "float32" && a.dtype !== "complex128") return; // ints are finite
  if (!allFinite(a)) throw new ValueError(`${fn}: array must not contain infs or NaNs`);
}

/** True when every element of a float array is finite (x − x is 0 exactly for finite x). */
function allFinite(a: NDArray): boolean {
  const { data, shape, strides } = a;
  const nd = shape.length;
  if (shape.some((d) => d === 0)) return true;
  const slots = a.dtype === "complex128" ? 2 : 1;
  if (isCContiguous(shape, strides)) return finiteRun(data as FloatArray, slots * a.offset, slots * a.size);
  // the innermost axis is a run; an odometer walks the outer axes
  const inner = nd === 0 ? 1 : shape[nd - 1];
  const step = nd === 0 ? 0 : slots * strides[nd - 1];
  const idx = new Array<number>(Math.max(nd - 1, 0)).fill(0);
  let e = slots * a.offset;
  for (;;) {
    let acc = 0;
    for (let i = 0, p = e; i < inner; i++, p += step) {
      acc += data[p] - data[p];
      if (slots === 2) acc += data[p + 1] - data[p + 1];
    }
    if (acc !== 0) return false; // NaN − NaN and ∞ − ∞ are NaN, and NaN !== 0
    let d = nd - 2;
    for (; d >= 0; d--) {
      idx[d]++;
      e += slots * strides[d];
      if (idx[d] < shape[d]) break;
      e -= slots * strides[d] * shape[d];
      idx[d] = 0;
    }
    if (d < 0) return true;
  }
}

/** Whether x[off : off + count] is all finite: four independent sums of v − v (see allFinite). */
function finiteRun(x: FloatArray, off: number, count: number): boolean {
  let s0 = 0,
    s1 = 0,
    s2 = 0,
    s3 = 0;
  let i = off;
  const end = off + count;
  for (; i + 4 <= end; i += 4) {
    s0 += x[i] - x[i];
    s1 += x[i + 1] - x[i + 1];
    s2 += x[i + 2] - x[i + 2];
    s3 += x[i + 3] - x[i + 3];
  }
  for (; i < end; i++) s0 += x[i] - x[i];
  return s0 + s1 + s2 + s3 === 0;
}

/** The batch shape of a stack: all but the last `core` axes. */
export function batchShapeOf(a: NDArray, core: number): number[] {
  return a.shape.slice(0, a.ndim - core);
}

/** Broadcast batch shapes, as a ShapeError (a ValueError) naming the function and each distinct shape. */
export function broadcastBatch(fn: string, ...shapes: (readonly number[])[]): number[] {
  try {
    return np.broadcastShapes(...shapes);
  } catch {
    const distinct = [...new Set(shapes.map(fmtShape))];
    throw new ShapeError(`${fn}: batch dimensions ${distinct.join(" and ")} cannot be broadcast together`);
  }
}

/**
 * The element offset of matrix number b (C order over `batchShape`) of `a`, whose last
 * `core` axes are the matrix: leading axes of `a` broadcast to `batchShape`.
 */
export function batchOffsets(a: NDArray, batchShape: readonly number[], core: number): number[] {
  const own = a.ndim - core;
  const lead = batchShape.length - own;
  // stride of each batch axis: 0 where a lacks the axis or has length 1 against a longer one
  const strides = batchShape.map((d, k) => {
    const ak = k - lead;
    if (ak < 0) return 0;
    return a.shape[ak] === 1 && d !== 1 ? 0 : a.strides[ak];
  });
  const count = batchShape.reduce((p, d) => p * d, 1);
  const out = new Array<number>(count);
  const idx = new Array<number>(batchShape.length).fill(0);
  let e = a.offset;
  for (let b = 0; b < count; b++) {
    out[b] = e;
    for (let d = batchShape.length - 1; d >= 0; d--) {
      idx[d]++;
      e += strides[d];
      if (idx[d] < batchShape[d]) break;
      e -= strides[d] * batchShape[d];
      idx[d] = 0;
    }
  }
  return out;
}

/**
 * Copy the m×n matrix of `a` at element offset `off` (row stride rs, column stride cs) into
 * the column-major working block W[wOff + i + j·ld] (complex: slot pairs), converting to W's
 * element type. With `transpose`, W receives the n×m matrix Aᵀ (Aᴴ when also `conjugate`).
 */
export function loadMatrix(
  a: NDArray,
  off: number,
  rs: number,
  cs: number,
  m: number,
  n: number,
  W: FloatArray,
  wOff: number,
  ld: number,
  complexWork: boolean,
  transpose = false,
  conjugate = false,
): void {
  const src = a.data;
  const srcComplex = a.dtype === "complex128";
  const imSign = conjugate ? -1 : 1;
  // W(r, c) = A(i, j) with (r, c) = (i, j), or (j, i) when transposed
  const wr = transpose ? ld : 1;
  const wc = transpose ? 1 : ld;
  if (!complexWork) {
    // a resident float64 W: the same copy in WebAssembly (one memcpy of the span, then tiles)
    if (loadResident(src as FloatArray, off, rs, cs, m, n, W, wOff, wr, wc)) return;
    // real: copy in COPY_TILE×COPY_TILE tiles, so that both the strided reads and the column-major
    // writes stay within a few cache lines (a plain double loop would stride through one side)
    for (let j0 = 0; j0 < n; j0 += COPY_TILE) {
      const j1 = Math.min(n, j0 + COPY_TILE);
      for (let i0 = 0; i0 < m; i0 += COPY_TILE) {
        const i1 = Math.min(m, i0 + COPY_TILE);
        for (let j = j0; j < j1; j++) {
          for (let i = i0, e = off + i0 * rs + j * cs, w = wOff + i0 * wr + j * wc; i < i1; i++, e += rs, w += wr) W[w] = src[e];
        }
      }
    }
    return;
  }
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < m; i++) {
      const e = off + i * rs + j * cs;
      const w = wOff + i * wr + j * wc;
      W[2 * w] = srcComplex ? src[2 * e] : src[e];
      W[2 * w + 1] = srcComplex ? imSign * src[2 * e + 1] : 0;
    }
  }
}

/** The offset, row stride and column stride of one matrix of a stack. */
export function matrixStrides(a: NDArray): { rs: number; cs: number } {
  return { rs: a.strides[a.ndim - 2], cs: a.strides[a.ndim - 1] };
}

/** Which part of a working block `storeMatrix` keeps; the rest is written as zeros. */
export type StorePart =
  | "full"
  | "lower" // on and below the diagonal
  | "upper" // on and above the diagonal
  | "unitLower"; // strictly below the diagonal, ones on it (L of LU)

/**
 * Write the m×n column-major block W[wOff + i + j·ld] into the C-contiguous `out` at element
 * offset `outOff` (out(i, j) at outOff + i·n + j), keeping only `part` (the rest zero: for L
 * and R factors that share one buffer). With `transpose`, out(i, j) = W(j, i) (conjugated
 * too when `conjugate`): W then holds an n×m block.
 */
export function storeMatrix(
  W: FloatArray,
  wOff: number,
  ld: number,
  m: number,
  n: number,
  out: NDArray,
  outOff: number,
  part: StorePart = "full",
  transpose = false,
  conjugate = false,
): void {
  const dst = out.data as FloatArray;
  const complex = out.dtype === "complex128";
  const imSign = conjugate ? -1 : 1;
  // out(i, j) reads W(i, j), or W(j, i) when transposed
  const wi = transpose ? ld : 1;
  const wj = transpose ? 1 : ld;
  if (!complex) {
    // real: a copy of everything (in WebAssembly when W is resident, else in tiles), then the
    // parts that are not kept are overwritten, a run of each row at a time
    if (!storeResident(W, wOff, wi, wj, m, n, dst, outOff)) {
      for (let i0 = 0; i0 < m; i0 += COPY_TILE) {
        const i1 = Math.min(m, i0 + COPY_TILE);
        for (let j0 = 0; j0 < n; j0 += COPY_TILE) {
          const j1 = Math.min(n, j0 + COPY_TILE);
          for (let i = i0; i < i1; i++) {
            for (let j = j0, d = outOff + i * n + j0, w = wOff + i * wi + j0 * wj; j < j1; j++, d++, w += wj) dst[d] = W[w];
          }
        }
      }
    }
    for (let i = 0, row = outOff; i < m; i++, row += n) {
      if (part === "lower") dst.fill(0, row + Math.min(i + 1, n), row + n);
      else if (part === "upper") dst.fill(0, row, row + Math.min(i, n));
      else if (part === "unitLower") {
        dst.fill(0, row + Math.min(i, n), row + n);
        if (i < n) dst[row + i] = 1;
      }
    }
    return;
  }
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const d = outOff + i * n + j;
      // which entries of the stored triangle survive
      let keep = true;
      let one = false;
      if (part === "lower") keep = i >= j;
      else if (part === "upper") keep = i <= j;
      else if (part === "unitLower") {
        keep = i > j;
        one = i === j;
      }
      const w = wOff + i * wi + j * wj;
      dst[2 * d] = keep ? W[2 * w] : one ? 1 : 0;
      dst[2 * d + 1] = keep ? imSign * W[2 * w + 1] : 0;
    }
  }
}

/** A new C-contiguous array of shape (...batch, ...core). */
export function stackOf(batch: readonly number[], core: readonly number[], dtype: DType): NDArray {
  return np.zeros([...batch, ...core], dtype);
}

/**
 * NumPy 1.24's rule for the b of `solve(a, b)` and its kin (luSolve, choSolve, solveTriangular):
 * b is a stack of vectors (..., M) exactly when b.ndim == a.ndim − 1, else a stack of matrices
 * (..., M, K). `core` is how many trailing axes of b make one right-hand side; `rows` is b's M
 * (−1 when b has no such axis: a "matrix" b with fewer than 2 dimensions), `nrhs` its K (1 for
 * vectors). The caller checks `rows` against a and throws its own message.
 */
export function rightHandSide(a: NDArray, b: NDArray): { vector: boolean; core: 1 | 2; rows: number; nrhs: number } {
  const vector = b.ndim === a.ndim - 1 && b.ndim >= 1;
  if (vector) return { vector, core: 1, rows: b.shape[b.ndim - 1], nrhs: 1 };
  const matrix = b.ndim >= 2;
  return { vector, core: 2, rows: matrix ? b.shape[b.ndim - 2] : -1, nrhs: matrix ? b.shape[b.ndim - 1] : 0 };
}

/** One input of a gufunc: a stack whose last `core` axes are one operand. */
export interface GufuncInput {
  readonly array: NDArray;
  /** 2: an M×N matrix per problem; 1: a length-M vector per problem, read as an M×1 column. */
  readonly core: 1 | 2;
}

/**
 * One output of `gufuncOutputs`: its core shape and how the block the body returns for it is
 * stored (storeMatrix's part, transpose and conjugate).
 */
export interface GufuncOutput {
  /** The core shape of one output, [M] or [M, N]: the result is (...batch, ...core). */
  readonly core: readonly number[];
  /** Its dtype (default: the spec's); "int32" for pivots, whose core must be 1-D. */
  readonly dtype?: DType;
  /** The leading dimension of the column-major block the body returns (default M; N when transposed). */
  readonly ld?: number;
  /** Which part of the block is kept, the rest zero (default "full"). */
  readonly part?: StorePart;
  /** Store the block's transpose (an N×M block), conjugated too with `conjugate`. */
  readonly transpose?: boolean;
  readonly conjugate?: boolean;
}

/** What `gufunc` runs: its inputs, the output's core shape, and the working buffers. */
export interface GufuncSpec {
  /** The public function's name, for the broadcast error. */
  readonly fn: string;
  readonly inputs: readonly GufuncInput[];
  /** The dtype computed in and returned (workDType of the inputs, the routine's step 2). */
  readonly dtype: WorkDType;
  /** The core shape of one output, [M] or [M, N]: the result is (...batch, ...output). */
  readonly output: readonly number[];
  /** Element counts of the working buffers, zeroed once and reused by every problem. */
  readonly work: readonly number[];
  /**
   * true: the buffers come from `withWork` (float64 ones may lie in WebAssembly memory, where
   * gemm copies nothing); false (default): plain typed arrays (`allocWork`).
   */
  readonly resident?: boolean;
}

/** What the body sees of problem number `index` (C order over the broadcast batch). */
export interface GufuncStep {
  /** The problem's number, 0 ≤ index < the batch size. */
  readonly index: number;
  /**
   * Copy input i's operand of this problem into W (loadMatrix): column-major with leading
   * dimension `ld` (default: its rows), Aᵀ with `transpose`, Aᴴ with also `conjugate`.
   */
  load(i: number, W: FloatArray, options?: { transpose?: boolean; conjugate?: boolean; ld?: number }): void;
  /** The element offset of input i's operand in its data (for operands read directly: pivots). */
  offset(i: number): number;
  /** False when input i's operand is the very one of the previous problem (a broadcast input). */
  fresh(i: number): boolean;
}

/** step.load's default: no transpose, leading dimension = rows (one object, not one per call). */
const LOAD_PLAIN: { transpose?: boolean; conjugate?: boolean; ld?: number } = Object.freeze({});

/**
 * Run a per-matrix routine over stacks, as a NumPy generalised ufunc. In stages:
 *
 *   1. broadcast the inputs' batch shapes (all but their `core` trailing axes): a ShapeError
 *      naming `fn` and the shapes when they do not broadcast;
 *   2. allocate the C-contiguous result (...batch, ...output) in `dtype`;
 *   3. find every input's operand offsets over the broadcast batch (batchOffsets: stride 0
 *      along broadcast axes) and its row and column strides (a vector: its axis, column
 *      stride 0);
 *   4. allocate the working buffers `work` once (withWork when `resident`, else allocWork)
 *      and, for each problem p in C order, call `body(work, step)`: it loads its operands
 *      (`step.load`), runs the algorithm, and returns the column-major block (leading
 *      dimension M) holding the output core, which is stored as result[p] (storeMatrix).
 *
 * The body may throw (a singular matrix): working buffers are given back and nothing is
 * returned. Inputs are only read. With an empty batch the body never runs.
 */
export function gufunc(spec: GufuncSpec, body: (work: FloatArray[], step: GufuncStep) => FloatArray): NDArray {
  const blocks: FloatArray[] = [];
  return gufuncOutputs({ ...spec, outputs: [{ core: spec.output }] }, (work, step) => {
    blocks[0] = body(work, step);
    return blocks;
  })[0];
}

/**
 * {@link gufunc} with several outputs, e.g. LU's "(m,n)->(m,m),(m,k),(k,n)": `outputs` gives
 * each one's core shape (and dtype, leading dimension, stored part, transposition), and the
 * body returns one block per output, each stored as that output's result[p] (an Int32Array
 * block for an int32 output is copied as it is). Same stages and guarantees as gufunc.
 */
export function gufuncOutputs(
  spec: Omit<GufuncSpec, "output"> & { readonly outputs: readonly GufuncOutput[] },
  body: (work: FloatArray[], step: GufuncStep) => readonly (FloatArray | Int32Array)[],
): NDArray[] {
  const { fn, inputs, dtype, outputs } = spec;
  for (const { core, dtype: outType } of outputs) {
    if (core.length !== 1 && core.length !== 2) throw new Error(`internal: gufunc output core must be 1-D or 2-D, got ${core.length} axes`);
    if (outType === "int32" && core.length !== 1) throw new Error("internal: gufunc int32 outputs must be 1-D");
  }
  for (const { array, core } of inputs) {
    if (array.ndim < core) throw new Error(`internal: gufunc input of shape ${fmtShape(array.shape)} has fewer than ${core} axes`);
  }
  const complex = dtype === "complex128";
  // 1. the broadcast batch
  const batch = broadcastBatch(fn, ...inputs.map(({ array, core }) => batchShapeOf(array, core)));
  // 2. the results
  const results = outputs.map(({ core, dtype: outType }) => stackOf(batch, core, outType ?? dtype));
  // 3. each operand: offsets over the batch, shape and strides of one core
  const operands = inputs.map(({ array, core }) => {
    const nd = array.ndim;
    return {
      array,
      offsets: batchOffsets(array, batch, core),
      rows: core === 2 ? array.shape[nd - 2] : array.shape[nd - 1],
      cols: core === 2 ? array.shape[nd - 1] : 1,
      rs: core === 2 ? array.strides[nd - 2] : array.strides[nd - 1],
      cs: core === 2 ? array.strides[nd - 1] : 0,
    };
  });
  const count = batch.reduce((q, d) => q * d, 1);
  const step = gufuncStep(operands, complex);
  // 4. the working buffers, and the loop over the batch
  const run = (work: FloatArray[]): void => {
    for (let p = 0; p < count; p++) {
      step.index = p;
      const blocks = body(work, step);
      for (let o = 0; o < outputs.length; o++) storeOutput(outputs[o], blocks[o], results[o], p);
    }
  };
  if (spec.resident) withWork(dtype, spec.work, run);
  else run(spec.work.map((size) => allocWork(dtype, size)));
  return results;
}

/** One operand of a gufunc: its stack, offsets over the batch, and one core's shape and strides. */
interface GufuncOperand {
  array: NDArray;
  offsets: number[];
  rows: number;
  cols: number;
  rs: number;
  cs: number;
}

/** The step object a gufunc body sees (one object, its index moved from problem to problem). */
function gufuncStep(operands: readonly GufuncOperand[], complex: boolean): { -readonly [K in keyof GufuncStep]: GufuncStep[K] } {
  const step: { -readonly [K in keyof GufuncStep]: GufuncStep[K] } = {
    index: 0,
    load(i, W, options = LOAD_PLAIN) {
      const o = operands[i];
      const { transpose = false, conjugate = false } = options;
      const ld = options.ld ?? (transpose ? o.cols : o.rows);
      loadMatrix(o.array, o.offsets[step.index], o.rs, o.cs, o.rows, o.cols, W, 0, ld, complex, transpose, conjugate);
    },
    offset(i) {
      return operands[i].offsets[step.index];
    },
    fresh(i) {
      const offs = operands[i].offsets;
      return step.index === 0 || offs[step.index] !== offs[step.index - 1];
    },
  };
  return step;
}

/** Store problem p's block of one output (its core m×n, or m for a vector) into result[p]. */
function storeOutput(o: GufuncOutput, block: FloatArray | Int32Array, result: NDArray, p: number): void {
  const m = o.core[0];
  const n = o.core.length === 2 ? o.core[1] : 1;
  if (block instanceof Int32Array) {
    (result.data as Int32Array).set(block.subarray(0, m), p * m);
    return;
  }
  const ld = o.ld ?? (o.transpose ? n : m);
  storeMatrix(block, 0, ld, m, n, result, p * m * n, o.part ?? "full", o.transpose ?? false, o.conjugate ?? false);
}
