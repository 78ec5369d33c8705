/**
 * tensordot: the sum of products over chosen axes of two arrays, as one gemm.
 *
 *   C[I, J] = Σ_P A[I, P]·B[P, J]
 *
 * where I runs over a's free axes (those not summed, in order), J over b's free axes and P over
 * the summed pairs (a's axesA[t] with b's axesB[t]). Transposing a to (I, P) and b to (P, J)
 * and flattening each group makes this the matrix product (|I|, |P|) @ (|P|, |J|); the result
 * is reshaped to (I..., J...). Transpose is a view; the flattening reshape is a view too
 * whenever the grouped axes are contiguous among themselves, and a copy otherwise.
 *
 * `dot`, `inner` and `vdot` are tensordots over one pair of axes (dot.ts).
 *
 * Reference: NumPy's `tensordot` (numpy/core/numeric.py), which is written the same way on
 * top of `dot`.
 */
import { asarray, type ArrayLike } from "../creation.js";
import { allocate, promoteTypes } from "../dtype.js";
import { ShapeError, ValueError } from "../errors.js";
import { NDArray } from "../ndarray.js";
import { fmtShape, normalizeAxes, sizeOf } from "../shape.js";
import { gemmBatched } from "./batched-gemm.js";

/**
 * Which axes tensordot sums: `n` (the last n of a with the first n of b), or the pair
 * `[axesA, axesB]` (each an axis or a list of axes, paired in order).
 */
export type TensordotAxes = number | readonly [number | readonly number[], number | readonly number[]];

/**
 * `np.tensordot(a, b, axes)`: sum the products of a and b over the paired axes.
 *
 * Shapes: with `axes = [axesA, axesB]`, the result is a's remaining axes followed by b's
 * remaining axes; `axes = n` pairs a's last n axes with b's first n (`n = 2` is the default,
 * `n = 0` the outer product). `a: (2, 3, 4)`, `b: (3, 4, 5)`, `axes = 2` -> `(2, 5)`.
 *
 * Notes: runs as one gemm of (free_a, summed) @ (summed, free_b); result dtype
 * `promoteTypes(a.dtype, b.dtype)`.
 *
 * @throws ValueError if the two axis lists differ in length, an axis repeats, or n is
 *   negative or larger than an operand's rank.
 * @throws ShapeError if paired axes differ in size: `tensordot: shapes (3,4) and (5,2) not aligned: 4 (dim 1) != 5 (dim 0)`.
 * @throws AxisError if an axis is out of range.
 *
 * @example
 * const C = tensordot([[1, 2], [3, 4]], [[1, 0], [0, 1]], [[1], [0]]);
 * // C.toArray() is [[1, 2], [3, 4]]  (axes [[1], [0]] is the matrix product)
 */
export function tensordot(x: ArrayLike, y: ArrayLike, axes: TensordotAxes = 2): NDArray {
  const a = asarray(x);
  const b = asarray(y);
  let axesA: number[];
  let axesB: number[];
  if (typeof axes === "number") {
    if (!Number.isInteger(axes) || axes < 0) throw new ValueError(`tensordot: axes must be a non-negative integer or a pair of axis lists, got ${axes}`);
    if (axes > a.ndim || axes > b.ndim) {
      throw new ValueError(`tensordot: axes = ${axes} is more than the dimensions of the operands, shapes ${fmtShape(a.shape)} and ${fmtShape(b.shape)}`);
    }
    axesA = Array.from({ length: axes }, (_, t) => a.ndim - axes + t);
    axesB = Array.from({ length: axes }, (_, t) => t);
  } else {
    if (!Array.isArray(axes) || axes.length !== 2)
      throw new ValueError(`tensordot: axes must be an integer or a pair [axesA, axesB], got ${JSON.stringify(axes)}`);
    const list = (v: number | readonly number[]): number[] => (typeof v === "number" ? [v] : v.slice());
    axesA = list(axes[0]);
    axesB = list(axes[1]);
    if (axesA.length !== axesB.length) {
      throw new ValueError(`tensordot: the axis lists differ in length: ${JSON.stringify(axesA)} and ${JSON.stringify(axesB)}`);
    }
  }
  return contractAxes(a, b, normalizeAxes(axesA, a.ndim, "tensordot"), normalizeAxes(axesB, b.ndim, "tensordot"), "tensordot");
}

/**
 * Σ over paired axes (axesA[t] of a with axesB[t] of b, already normalised) as one gemm; the
 * result has a's other axes then b's other axes. `fn` names the caller in messages.
 * @throws ShapeError if a paired axis differs in size.
 */
export function contractAxes(a: NDArray, b: NDArray, axesA: readonly number[], axesB: readonly number[], fn: string): NDArray {
  for (let t = 0; t < axesA.length; t++) {
    const [p, q] = [axesA[t], axesB[t]];
    if (a.shape[p] !== b.shape[q]) {
      throw new ShapeError(`${fn}: shapes ${fmtShape(a.shape)} and ${fmtShape(b.shape)} not aligned: ${a.shape[p]} (dim ${p}) != ${b.shape[q]} (dim ${q})`);
    }
  }
  const freeA = a.shape.map((_, k) => k).filter((k) => !axesA.includes(k));
  const freeB = b.shape.map((_, k) => k).filter((k) => !axesB.includes(k));
  const I = freeA.map((k) => a.shape[k]);
  const J = freeB.map((k) => b.shape[k]);
  const P = axesA.map((k) => a.shape[k]);
  const [m, n, kk] = [sizeOf(I), sizeOf(J), sizeOf(P)];
  // A: (I, P) -> (m, k);  B: (P, J) -> (k, n)
  const A = a.transpose([...freeA, ...axesA]).reshape(m, kk);
  const B = b.transpose([...axesB, ...freeB]).reshape(kk, n);
  const dtype = promoteTypes(a.dtype, b.dtype);
  const data = allocate(dtype, m * n);
  gemmBatched(A, B, new NDArray(data, [m, n], dtype));
  return new NDArray(data, [...I, ...J], dtype);
}
