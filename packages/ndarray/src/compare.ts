/**
 * Closeness tests, as NumPy: `isclose` element-wise, `allclose` for the whole array,
 * `arrayEqual` for exact equality of shape and values.
 *
 *   |a − b| <= atol + rtol·|b|     (not symmetric: b is the reference)
 *
 * NaNs are close only with `equalNan`; infinities only to an infinity of the same sign.
 */
import { asarray, type ArrayLike } from "./creation.js";
import { NDArray } from "./ndarray.js";
import { shapesEqual } from "./shape.js";
import { abs, add, equal, greaterEqual, isfinite, isnan, logicalAnd, logicalOr, multiply, subtract, where } from "./ufunc.js";
import { all } from "./reductions.js";

export interface CloseOptions {
  rtol?: number;
  atol?: number;
  equalNan?: boolean;
}

/** `np.isclose(a, b, rtol=1e-5, atol=1e-8, equal_nan=False)`: a bool array. */
export function isclose(a: ArrayLike, b: ArrayLike, options: CloseOptions = {}): NDArray {
  const { rtol = 1e-5, atol = 1e-8, equalNan = false } = options;
  const x = asarray(a);
  const y = asarray(b);
  const finite = logicalAnd(isfinite(x), isfinite(y));
  // Where both are finite compare with the tolerance; elsewhere only exact equality (inf == inf) counts.
  const diff = abs(subtract(where(finite, x, 0), where(finite, y, 0)));
  const tol = add(atol, multiply(rtol, abs(where(finite, y, 0))));
  let close = where(finite, greaterEqual(tol, diff), equal(x, y));
  if (equalNan) close = logicalOr(close, logicalAnd(isnan(x), isnan(y)));
  return close;
}

/** `np.allclose(a, b, rtol, atol, equal_nan)`: true when every pair is close (shapes broadcast). */
export function allclose(a: ArrayLike, b: ArrayLike, options: CloseOptions = {}): boolean {
  return all(isclose(a, b, options));
}

/** `np.array_equal(a, b, equal_nan)`: same shape and the same values. */
export function arrayEqual(a: ArrayLike, b: ArrayLike, equalNan = false): boolean {
  const x = asarray(a);
  const y = asarray(b);
  if (!shapesEqual(x.shape, y.shape)) return false;
  let eq = equal(x, y);
  if (equalNan) eq = logicalOr(eq, logicalAnd(isnan(x), isnan(y)));
  return all(eq);
}
