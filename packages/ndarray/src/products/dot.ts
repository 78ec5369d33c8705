/**
 * dot, vdot, inner, outer: NumPy's older products, each a sum of products over one pair of axes.
 *
 *   dot(a, b)[i..., j..., l] = Σ_p a[i..., p]·b[j..., p, l]   (b's second-to-last axis; its only
 *                                                             axis when b is 1-D)
 *   inner(a, b)[i..., j...]  = Σ_p a[i..., p]·b[j..., p]      (the last axes of both)
 *   vdot(a, b)               = Σ_p conj(a_p)·b_p              (both flattened)
 *   outer(a, b)[i, j]        = a_i·b_j                        (both flattened)
 *
 * A 0-d operand makes dot and inner an element-wise multiply. dot and inner run as tensordot
 * over one pair of axes (one gemm, tensordot.ts); outer is a broadcast multiply, which also
 * keeps int32 and bool exact.
 *
 * dot versus matmul on stacks: for a (2, 3, 4) and b (2, 4, 5), matmul pairs the two stacks
 * -> (2, 3, 5), dot multiplies every matrix of a with every matrix of b -> (2, 3, 2, 5).
 *
 * Reference: NumPy's `dot`, `vdot`, `inner`, `outer` (numpy/core/multiarray, numeric.py).
 */
import { asarray, type ArrayLike } from "../creation.js";
import { ShapeError } from "../errors.js";
import { assign, NDArray, type Complex } from "../ndarray.js";
import type { ComplexMatrix, ComplexVector, RealVector } from "../batched.js";
import { fmtShape } from "../shape.js";
import { conj, multiply } from "../ufunc.js";
import { checkOut } from "./matmul.js";
import { promoteTypes } from "../dtype.js";
import { checkOptions } from "../validate.js";
import { contractAxes } from "./tensordot.js";

export interface DotOptions {
  /** Write the result here (the result's shape; a dtype the result casts to by kind). */
  out?: NDArray;
}

/** Copy `result` into the caller's `out` (checked), or return it. */
function deliver(result: NDArray, out: NDArray | undefined, fn: string): NDArray {
  if (out === undefined) return result;
  checkOut(out, result.shape, result.dtype, fn);
  assign(out, result, fn);
  return out;
}

/**
 * NumPy returns a scalar, not a 0-d array, when a product sums everything away (1-D·1-D, vdot,
 * 0-d operands): a JS number here, a `Complex` for complex128. With `out` the array is returned.
 */
function scalarOf(r: NDArray, out: NDArray | undefined): NDArray | number | Complex {
  if (out !== undefined || r.ndim !== 0) return r;
  return r.dtype === "complex128" ? r.getComplex() : r.item();
}

/**
 * `np.dot(a, b)`: the dot product with NumPy's rules for each rank.
 *
 * Shapes: `()·x` and `x·()` multiply element-wise; `(K,)·(K,)` -> `()` (inner product);
 * `(..., K)·(K,)` -> `(...)`; `(M, K)·(K, N)` -> `(M, N)`; in general
 * `a: (I..., K)`, `b: (J..., K, N)` -> `(I..., J..., N)` (every matrix of a with every matrix of b;
 * use `matmul` to pair two stacks).
 *
 * Notes: one gemm after transposing b's summed axis to the front; result dtype
 * `promoteTypes(a.dtype, b.dtype)` (int32 wraps modulo 2³²).
 *
 * Returns: a JS number (a `Complex` for complex128) when the result is 0-d (`(K,)·(K,)`, 0-d
 * operands) and no `out` is given, as NumPy returns a scalar; an NDArray otherwise. Typed
 * `number` for two 1-D literals; for NDArray operands (whose rank TypeScript cannot see) the
 * union `NDArray | number | Complex`: use `matmul` for matrices, `vdot` for a typed number.
 *
 * @throws ShapeError if the summed axes differ: `dot: shapes (3,4) and (3,) not aligned: 4 (dim 1) != 3 (dim 0)`.
 *
 * @example
 * dot([1, 2, 3], [4, 5, 6]); // 32
 * (dot([[1, 2], [3, 4]], [1, 1]) as NDArray).toArray(); // [3, 7]
 */
export function dot(x: RealVector, y: RealVector): number;
export function dot(x: ComplexVector, y: ComplexVector): Complex;
export function dot(x: ArrayLike, y: ArrayLike, options: DotOptions & { out: NDArray }): NDArray;
export function dot(x: ArrayLike, y: ArrayLike, options?: DotOptions): NDArray | number | Complex;
export function dot(x: ArrayLike, y: ArrayLike, options: DotOptions = {}): NDArray | number | Complex {
  checkOptions("dot", options, ["out"]);
  const a = asarray(x);
  const b = asarray(y);
  if (a.ndim === 0 || b.ndim === 0) return scalarOf(multiply(a, b, options), options.out);
  const bAxis = b.ndim === 1 ? 0 : b.ndim - 2;
  return scalarOf(deliver(contractAxes(a, b, [a.ndim - 1], [bAxis], "dot"), options.out, "dot"), options.out);
}

/**
 * `np.vdot(a, b)`: Σ conj(a)·b over both arrays flattened (C order); a 0-d result.
 *
 * Shapes: any `a` and `b` of the same size (`(2, 2)` with `(4,)` is fine) -> `()`.
 *
 * Notes: conjugates its first argument, as the mathematical inner product ⟨a, b⟩ on ℂⁿ.
 *
 * @throws ShapeError if the sizes differ.
 *
 * Returns: a JS number, or a `Complex` when either operand is complex128 (NumPy's scalar).
 * Typed `Complex` for a complex literal, else `number` (a complex128 NDArray gives a Complex at
 * run time, which TypeScript cannot see).
 *
 * @example
 * vdot([{ re: 0, im: 1 }], [{ re: 0, im: 1 }]); // { re: 1, im: 0 }: conj(i)·i = 1
 */
export function vdot(x: ComplexVector | ComplexMatrix, y: ArrayLike): Complex;
export function vdot(x: ArrayLike, y: ComplexVector | ComplexMatrix): Complex;
export function vdot(x: ArrayLike, y: ArrayLike): number;
export function vdot(x: ArrayLike, y: ArrayLike): number | Complex {
  const a = asarray(x).ravel();
  const b = asarray(y).ravel();
  if (a.size !== b.size) {
    throw new ShapeError(
      `vdot: vectors have different sizes: ${a.size} (shape ${fmtShape(asarray(x).shape)}) and ${b.size} (shape ${fmtShape(asarray(y).shape)})`,
    );
  }
  return scalarOf(contractAxes(a.dtype === "complex128" ? conj(a) : a, b, [0], [0], "vdot"), undefined) as number | Complex;
}

/**
 * `np.inner(a, b)`: the sum of products over the last axes of both.
 *
 * Shapes: `a: (I..., K)`, `b: (J..., K)` -> `(I..., J...)`; `(K,)·(K,)` -> `()`; a 0-d
 * operand multiplies element-wise. For matrices, `inner(A, B) = A·Bᵀ`.
 *
 * Notes: no conjugation (use `vdot` for that); runs as one gemm.
 *
 * @throws ShapeError if the last dimensions differ: `inner: shapes (3,4) and (2,5) not aligned: 4 (dim 1) != 5 (dim 1)`.
 *
 * Returns: a JS number (`Complex` for complex128) for `(K,)·(K,)` and 0-d operands, as NumPy's
 * scalar; an NDArray otherwise (typed as for `dot`).
 *
 * @example
 * inner([1, 2], [3, 4]); // 11
 * (inner([[1, 2], [3, 4]], [[1, 0], [0, 1]]) as NDArray).toArray(); // [[1, 2], [3, 4]]
 */
export function inner(x: RealVector, y: RealVector): number;
export function inner(x: ComplexVector, y: ComplexVector): Complex;
export function inner(x: ArrayLike, y: ArrayLike): NDArray | number | Complex;
export function inner(x: ArrayLike, y: ArrayLike): NDArray | number | Complex {
  const a = asarray(x);
  const b = asarray(y);
  if (a.ndim === 0 || b.ndim === 0) return scalarOf(multiply(a, b), undefined);
  return scalarOf(contractAxes(a, b, [a.ndim - 1], [b.ndim - 1], "inner"), undefined);
}

/**
 * `np.outer(a, b, out=out)`: the outer product of the two arrays flattened.
 *
 * Shapes: `a` of size M, `b` of size N (any shapes) -> `(M, N)`, `out[i, j] = a_i·b_j`.
 *
 * Notes: a broadcast multiply (no sum), so int32 wraps and bool is AND, as NumPy.
 *
 * @throws ShapeError if `out` does not have shape (M, N).
 *
 * @example
 * outer([1, 2], [1, 10, 100]).toArray(); // [[1, 10, 100], [2, 20, 200]]
 */
export function outer(x: ArrayLike, y: ArrayLike, options: DotOptions = {}): NDArray {
  checkOptions("outer", options, ["out"]);
  const a = asarray(x).ravel();
  const b = asarray(y).ravel();
  // out is checked here, so that its errors name outer (multiply would name itself)
  if (options.out !== undefined) checkOut(options.out, [a.size, b.size], promoteTypes(a.dtype, b.dtype), "outer");
  // a as a column (M, 1) times b as a row (1, N), broadcast to (M, N)
  return multiply(a.reshape(a.size, 1), b.reshape(1, b.size), options);
}
