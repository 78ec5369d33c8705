/**
 * cross: the cross product of (arrays of) 3-vectors and 2-vectors, with NumPy's rules.
 *
 *   a × b = (a₁b₂ − a₂b₁,  a₂b₀ − a₀b₂,  a₀b₁ − a₁b₀)
 *
 * A 2-vector is a 3-vector with zero z-component, so
 *   2 × 3: (a₁b₂, −a₀b₂, a₀b₁ − a₁b₀)       3 × 2: (−a₂b₁, a₂b₀, a₀b₁ − a₁b₀)
 *   2 × 2: the z-component alone, a₀b₁ − a₁b₀, with no vector axis (a 0-d array for two
 *          single 2-vectors), as NumPy.
 *
 * The vectors lie along `axisa` of a and `axisb` of b (default: the last axis); all other axes
 * broadcast against each other. The result's vector axis is placed at `axisc` (default last);
 * `axis` sets all three at once. Computed with the element-wise ufuncs on views of the
 * components, so dtypes follow `promoteTypes` (int32 wraps; bool is an error, as NumPy's bool
 * subtract).
 *
 * Reference: NumPy's `cross` (numpy/core/numeric.py), which this follows step by step.
 */
import { asarray, type ArrayLike } from "../creation.js";
import { allocate, promoteTypes } from "../dtype.js";
import { DTypeError, ShapeError, ValueError } from "../errors.js";
import { NDArray } from "../ndarray.js";
import { broadcastShapes, fmtShape, normalizeAxis, sizeOf } from "../shape.js";
import { multiply, negative, subtract } from "../ufunc.js";

export interface CrossOptions {
  /** Axis of a that holds the vectors (default -1). */
  axisa?: number;
  /** Axis of b that holds the vectors (default -1). */
  axisb?: number;
  /** Axis of the result that holds the vectors (default -1; ignored for 2 × 2). */
  axisc?: number;
  /** Sets axisa, axisb and axisc together. */
  axis?: number;
}

/**
 * `np.cross(a, b, axisa, axisb, axisc, axis)`: cross products of 3- or 2-vectors.
 *
 * Shapes: `a: (..., 3 or 2)`, `b: (..., 3 or 2)` (vector axes movable with the options), the
 * other axes broadcast to `(...)`; the result is `(..., 3)`, or `(...)` when both are 2-vectors
 * (the z-component, a 0-d array for two single vectors).
 *
 * Notes: result dtype `promoteTypes(a.dtype, b.dtype)`.
 *
 * @throws ValueError if a vector axis has length other than 2 or 3.
 * @throws DTypeError for two bool operands.
 * @throws ShapeError if the other axes do not broadcast.
 * @throws AxisError if an axis is out of range.
 *
 * @example
 * cross([1, 0, 0], [0, 1, 0]).toArray(); // [0, 0, 1]: x × y = z
 */
export function cross(x: ArrayLike, y: ArrayLike, options: CrossOptions = {}): NDArray {
  let { axisa = -1, axisb = -1, axisc = -1 } = options;
  if (options.axis !== undefined) axisa = axisb = axisc = options.axis;
  // the vector axis of each operand moved to the end
  const a = asarray(x);
  const b = asarray(y);
  if (a.ndim === 0 || b.ndim === 0) throw new ValueError(`cross: operands must be vectors, got shapes ${fmtShape(a.shape)} and ${fmtShape(b.shape)}`);
  const av = a.moveaxis(normalizeAxis(axisa, a.ndim, "cross"), -1);
  const bv = b.moveaxis(normalizeAxis(axisb, b.ndim, "cross"), -1);
  const na = av.shape[av.ndim - 1];
  const nb = bv.shape[bv.ndim - 1];
  if ((na !== 2 && na !== 3) || (nb !== 2 && nb !== 3)) {
    throw new ValueError(
      `cross: incompatible dimensions for cross product (dimension must be 2 or 3), got vectors of length ${na} and ${nb} (shapes ${fmtShape(a.shape)} and ${fmtShape(b.shape)})`,
    );
  }
  let outer: number[];
  try {
    outer = broadcastShapes(av.shape.slice(0, -1), bv.shape.slice(0, -1));
  } catch {
    throw new ShapeError(`cross: shapes ${fmtShape(a.shape)} and ${fmtShape(b.shape)} do not broadcast apart from their vector axes`);
  }
  const dtype = promoteTypes(a.dtype, b.dtype);
  if (dtype === "bool") throw new DTypeError(`cross: not supported for bool operands (NumPy's bool subtract is an error); cast with astype("int32")`);
  const [a0, a1] = [av.slice("...", 0), av.slice("...", 1)];
  const [b0, b1] = [bv.slice("...", 0), bv.slice("...", 1)];
  // z = a₀b₁ − a₁b₀, in every case
  const z = subtract(multiply(a0, b1), multiply(a1, b0));
  if (na === 2 && nb === 2) return z.dtype === dtype ? z : z.astype(dtype);

  let cx: NDArray;
  let cy: NDArray;
  if (na === 3 && nb === 3) {
    const [a2, b2] = [av.slice("...", 2), bv.slice("...", 2)];
    cx = subtract(multiply(a1, b2), multiply(a2, b1)); // a₁b₂ − a₂b₁
    cy = subtract(multiply(a2, b0), multiply(a0, b2)); // a₂b₀ − a₀b₂
  } else if (na === 2) {
    const b2 = bv.slice("...", 2);
    cx = multiply(a1, b2); // a₁b₂ − 0
    cy = negative(multiply(a0, b2)); // 0 − a₀b₂
  } else {
    const a2 = av.slice("...", 2);
    cx = negative(multiply(a2, b1)); // 0 − a₂b₁
    cy = multiply(a2, b0); // a₂b₀ − 0
  }
  // stack the components along a new last axis, then move it to axisc
  const shape = [...outer, 3];
  const c = normalizeAxis(axisc, shape.length, "cross");
  const out = new NDArray(allocate(dtype, sizeOf(shape)), shape, dtype);
  out.slice("...", 0).set(cx);
  out.slice("...", 1).set(cy);
  out.slice("...", 2).set(z);
  return out.moveaxis(-1, c);
}
