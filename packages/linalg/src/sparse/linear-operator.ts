/**
 * LinearOperator: a matrix known only through its products, y = A·x (and, optionally, Aᵀ·x).
 * SciPy's `scipy.sparse.linalg.LinearOperator`; every iterative routine here (cg, minres,
 * eigsh, svds) reads its matrix through one, so a user can pass a matrix-free operator (a
 * stencil, a product of factors) as well as a dense NDArray or a sparse matrix.
 *
 *   users write        { shape: [m, n], matvec: (x) => y, rmatvec?: (x) => y, dtype? }
 *                      matvec receives a 1-D float64 NDArray x (n,) and returns y (m,) as an
 *                      NDArray, a Float64Array or a plain array of numbers
 *   solvers call       op.apply(x, y): y := A·x on plain Float64Arrays, no allocation per call
 *                      when A is a sparse matrix or a dense NDArray (only a user's matvec
 *                      allocates, through its own return value)
 *
 * `asLinearOperator(A)` is the one place where the three kinds of input meet:
 *   - an object with `matvecInto(x, y)` (the sparse matrix classes): used as is;
 *   - a 2-D NDArray (or nested arrays): y = A·x by a row-major gemv on a float64 copy;
 *   - a LinearOperator-shaped object { shape, matvec, rmatvec?, dtype? }: wrapped, and each
 *     result is checked for its length (a wrong length throws ShapeError naming the caller).
 */
import { NDArray, ShapeError, ValueError } from "@sliderule/ndarray";
import * as np from "@sliderule/ndarray";
import { show as describe } from "../util/options.js";

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

/** A matrix-free operator as users write it (SciPy's LinearOperator(shape, matvec, rmatvec, dtype)). */
export interface LinearOperatorLike {
  readonly shape: readonly [number, number] | readonly number[];
  matvec(x: NDArray): NDArray | Float64Array | ArrayLike<number>;
  rmatvec?(x: NDArray): NDArray | Float64Array | ArrayLike<number>;
  readonly dtype?: "float64" | "float32";
}

/** What sparse matrices implement so the solvers can call them without allocating. */
export interface MatvecInto {
  readonly shape: readonly [number, number];
  /** y := A·x; x has shape[1] entries, y shape[0]. */
  matvecInto(x: Float64Array, y: Float64Array): void;
  /** y := Aᵀ·x; x has shape[0] entries, y shape[1]. */
  rmatvecInto?(x: Float64Array, y: Float64Array): void;
  /** y := A·x for a square A, returning xᵀ·y (CSR and CSC matrices; cg's pᵀ·A·p in one pass). */
  matvecDotInto?(x: Float64Array, y: Float64Array): number;
}

/** The solvers' view of an operator: its shape and y := A·x (and y := Aᵀ·x when known). */
export interface Operator {
  readonly rows: number;
  readonly cols: number;
  apply(x: Float64Array, y: Float64Array): void;
  applyT: ((x: Float64Array, y: Float64Array) => void) | null;
  /** y := A·x returning xᵀ·y, when the operator offers it fused (square sparse matrices). */
  applyDot?: (x: Float64Array, y: Float64Array) => number;
}

const isMatvecInto = (a: unknown): a is MatvecInto =>
  typeof a === "object" && a !== null && typeof (a as MatvecInto).matvecInto === "function" && Array.isArray((a as MatvecInto).shape);

/**
 * The Operator behind A: a sparse matrix, a dense 2-D array, or a LinearOperatorLike.
 * @param fn the public function's name, for messages.
 * @throws ValueError for anything else, ShapeError for a shape that is not 2-D non-negative integers.
 */
export function asLinearOperator(fn: string, A: unknown): Operator {
  if (isMatvecInto(A)) {
    const [rows, cols] = A.shape;
    const applyT = A.rmatvecInto ? (x: Float64Array, y: Float64Array) => A.rmatvecInto!(x, y) : null;
    const applyDot = A.matvecDotInto && rows === cols ? (x: Float64Array, y: Float64Array) => A.matvecDotInto!(x, y) : undefined;
    return { rows, cols, apply: (x, y) => A.matvecInto(x, y), applyT, applyDot };
  }
  if (A instanceof NDArray || Array.isArray(A)) return denseOperator(fn, A);
  if (isPlainObject(A) && typeof (A as Partial<LinearOperatorLike>).matvec === "function") return userOperator(fn, A as unknown as LinearOperatorLike);
  throw new ValueError(`${fn}: A must be a sparse matrix, a 2-D array or a LinearOperator { shape, matvec }, got ${describe(A)}`);
}

/** y = A·x for a dense A (row-major float64 copy, so each row is one contiguous dot product). */
function denseOperator(fn: string, A: NDArray | unknown[]): Operator {
  const M = A instanceof NDArray ? A : np.array(A as np.NestedArray);
  if (M.ndim !== 2) throw new ShapeError(`${fn}: A must be 2-D, got shape (${M.shape.join(", ")})`);
  if (M.dtype === "complex128") throw new ValueError(`${fn}: complex matrices are not supported`);
  const [rows, cols] = M.shape;
  const a = M.astype("float64").copy().data as Float64Array; // C order
  const apply = (x: Float64Array, y: Float64Array): void => {
    for (let i = 0; i < rows; i++) {
      let s = 0;
      for (let j = 0, r = i * cols; j < cols; j++) s += a[r + j] * x[j];
      y[i] = s;
    }
  };
  const applyT = (x: Float64Array, y: Float64Array): void => {
    y.fill(0);
    for (let i = 0; i < rows; i++) {
      const xi = x[i];
      for (let j = 0, r = i * cols; j < cols; j++) y[j] += a[r + j] * xi;
    }
  };
  return { rows, cols, apply, applyT };
}

function userOperator(fn: string, op: LinearOperatorLike): Operator {
  const shape = op.shape;
  if (!Array.isArray(shape) || shape.length !== 2 || !shape.every((d) => Number.isInteger(d) && d >= 0)) {
    throw new ShapeError(`${fn}: a LinearOperator's shape must be [rows, cols] of non-negative integers, got ${describe(shape)}`);
  }
  const [rows, cols] = shape as [number, number];
  const call = (f: (x: NDArray) => unknown, name: string, x: Float64Array, y: Float64Array): void => {
    const r = f.call(op, np.fromTypedArray(Float64Array.from(x)));
    const v = r instanceof NDArray ? (r.astype("float64").toTypedArray() as Float64Array) : r;
    if (v === null || typeof v !== "object" || typeof (v as ArrayLike<number>).length !== "number") {
      throw new ValueError(`${fn}: the operator's ${name} returned ${describe(r)}; it must return an array of ${y.length} numbers`);
    }
    const vv = v as ArrayLike<number>;
    if (vv.length !== y.length)
      throw new ShapeError(`${fn}: the operator's ${name} returned ${vv.length} values for a ${rows}×${cols} operator; expected ${y.length}`);
    for (let i = 0; i < y.length; i++) y[i] = vv[i];
  };
  const rmatvec = op.rmatvec;
  return {
    rows,
    cols,
    apply: (x, y) => call(op.matvec, "matvec", x, y),
    applyT: typeof rmatvec === "function" ? (x, y) => call(rmatvec, "rmatvec", x, y) : null,
  };
}
