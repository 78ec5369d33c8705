/**
 * Reshape without copying: the target shape of `a.reshape(...)` (one -1 resolved against the
 * size) and the strides that view the same elements in the new shape, when they exist.
 *
 *   group old and new axes into runs of equal element count  Π old[oi..oj) = Π new[ni..nj);
 *   a view exists iff each old run is C-contiguous: strides[k] = shape[k+1]·strides[k+1];
 *   the new axes of the run then step from its innermost stride outward.
 *
 * Returns plain arrays (shape, strides); NDArray.reshape and the `a.shape = …` setter
 * (ndarray-class.ts) build the view, or copy when `reshapeStrides` returns null.
 *
 * Reference: NumPy's `_attempt_nocopy_reshape` (numpy/core/src/multiarray/shape.c).
 */
import { ShapeError, ValueError } from "./errors.js";
import { cStrides, fmtShape, sizeOf, type Shape } from "./shape.js";

/** Resolve a reshape target (one -1 allowed) against the array's size. */
export function resolveReshape(requested: readonly number[], size: number): number[] {
  const shape = requested.slice();
  const unknown = shape.filter((d) => d === -1).length;
  const describe = () => `reshape: cannot reshape array of size ${size} into shape ${fmtShape(requested.map((d) => d))}`;
  if (unknown > 1) throw new ValueError(`reshape: can only specify one unknown dimension, got ${fmtShape(requested)}`);
  for (const d of shape) {
    if (!Number.isInteger(d) || d < -1) throw new ValueError(`reshape: invalid dimension ${d} in ${fmtShape(requested)}`);
  }
  const known = shape.reduce((p, d) => (d === -1 ? p : p * d), 1);
  if (unknown === 1) {
    if (known === 0 || size % known !== 0) throw new ShapeError(describe());
    shape[shape.indexOf(-1)] = size / known;
  } else if (known !== size) {
    throw new ShapeError(describe());
  }
  return shape;
}

/**
 * Strides that view (shape, strides) as `newShape` without copying, or null when impossible
 * (NumPy's `_attempt_nocopy_reshape`): group the old and new axes into runs of equal
 * element count; each old run must be contiguous in C order, and the new axes of the group
 * then step through it.
 */
export function reshapeStrides(shape: Shape, strides: readonly number[], newShape: Shape): number[] | null {
  if (sizeOf(shape) === 0) return cStrides(newShape);
  // Size-1 axes carry no layout information: drop them from the old shape.
  const oldDims: number[] = [];
  const oldStrides: number[] = [];
  for (let i = 0; i < shape.length; i++) {
    if (shape[i] !== 1) {
      oldDims.push(shape[i]);
      oldStrides.push(strides[i]);
    }
  }
  const out = new Array<number>(newShape.length).fill(0);
  let oi = 0;
  let oj = 1;
  let ni = 0;
  let nj = 1;
  while (ni < newShape.length && oi < oldDims.length) {
    let np = newShape[ni];
    let op = oldDims[oi];
    while (np !== op) {
      if (np < op) np *= newShape[nj++];
      else op *= oldDims[oj++];
    }
    // the old axes oi..oj-1 must be C-contiguous among themselves
    for (let k = oi; k < oj - 1; k++) {
      if (oldStrides[k] !== oldDims[k + 1] * oldStrides[k + 1]) return null;
    }
    // the new axes ni..nj-1 step through the group from its innermost stride outward
    out[nj - 1] = oldStrides[oj - 1];
    for (let k = nj - 1; k > ni; k--) out[k - 1] = out[k] * newShape[k];
    ni = nj++;
    oi = oj++;
  }
  // trailing size-1 axes of the new shape
  for (let k = ni; k < newShape.length; k++) out[k] = 1;
  return out;
}
