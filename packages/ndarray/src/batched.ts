/**
 * What TypeScript can see of an array's rank, for the functions whose result is a JS number for
 * one matrix and an NDArray for a stack of matrices (NumPy returns a scalar or an array the same
 * way): `np.trace`, `linalg.det`, `linalg.slogdet`, `linalg.cond`, `linalg.matrixRank`.
 *
 * TypeScript cannot see an NDArray's rank or dtype, only the nesting of a literal, so the
 * return type follows this rule (the run-time value always follows NumPy):
 *
 *   argument                                  typed result    run time
 *   (number | boolean)[][]  (2-D literal)      number          number
 *   Complex[][]             (2-D complex)      Complex         Complex {re, im}
 *   NestedArray[][][]       (3-D+ literal)     NDArray         NDArray of the batch shape
 *   Batched                 (batched(A))       NDArray         NDArray of the batch shape
 *   NDArray                                    number          number for one real matrix
 *
 * An NDArray argument is typed as the common case, one real matrix. Two cases are outside what
 * the type says, and are documented on each function: a stack held in a plain NDArray still
 * returns an NDArray at run time (NumPy's behaviour; mark it `batched(A)` to have it typed so),
 * and a complex128 NDArray returns a `Complex` (cast the result, or pass a `Complex[][]`).
 */
import { asarray } from "./creation.js";
import { ValueError } from "./errors.js";
import type { Complex, NestedArray } from "./ndarray.js";
import { NDArray } from "./ndarray.js";
import { fmtShape } from "./shape.js";
import { describe } from "./validate.js";

declare const BATCHED: unique symbol;

/** An NDArray known to TypeScript to be a stack `(..., M, N)` of at least 3 dimensions: see {@link batched}. */
export type Batched = NDArray & { readonly [BATCHED]: true };

/** A 1-D literal of real numbers (or booleans): `[1, 2, 3]`. */
export type RealVector = (number | boolean)[];
/** A 1-D literal of complex numbers: `[{ re: 1, im: 0 }, …]`. */
export type ComplexVector = Complex[];
/** A 2-D literal of real numbers (or booleans): `[[1, 2], [3, 4]]`, one matrix. */
export type RealMatrix = (number | boolean)[][];
/** A 2-D literal of complex numbers, one complex matrix. */
export type ComplexMatrix = Complex[][];
/** A literal of 3 or more dimensions: a stack of matrices. */
export type NestedStack = NestedArray[][][];

/**
 * Mark `a` as a stack of matrices `(..., M, N)` for TypeScript, so that `linalg.det(batched(A))`
 * is typed NDArray (see the file header). At run time it is `asarray(a)`: the same NDArray, no
 * copy; it checks that a has at least 3 dimensions, so the type is never a lie.
 *
 * @throws ValueError when a has fewer than 3 dimensions.
 *
 * @example
 *   const t = np.trace(np.batched(np.ones([4, 3, 3])), { axis1: 1, axis2: 2 }); // NDArray [3, 3, 3, 3]
 *   const dets = linalg.det(np.batched(np.zeros([4, 3, 3]))); // NDArray of shape (4,)
 */
export function batched(a: NDArray | NestedArray): Batched {
  if (!(a instanceof NDArray) && !Array.isArray(a)) throw new ValueError(`batched: expected an array of at least 3 dimensions, got ${describe(a)}`);
  const A = asarray(a);
  if (A.ndim < 3) throw new ValueError(`batched: a stack of matrices has at least 3 dimensions, got shape ${fmtShape(A.shape)}`);
  return A as Batched;
}
