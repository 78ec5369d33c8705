/**
 * LinAlgError: the numerical outcomes of linear algebra (docs/style.md §9, docs/design.md "Errors").
 *
 * A factorisation that meets an exact zero pivot, a matrix that is not positive definite, an
 * iteration that does not converge: these are not the caller's mistakes but facts about the
 * matrix, so they get their own class with a `kind` saying which, and an `index` saying where
 * (the pivot, diagonal entry or leading minor, 0-based).
 *
 * The caller's own mistakes throw @sliderule/ndarray's ValueError / ShapeError / DTypeError,
 * with one exception kept for NumPy's sake: NumPy raises LinAlgError when a matrix argument is
 * not square or not at least 2-D ("Last 2 dimensions of the array must be square"), so we do
 * too, with kind `"invalidInput"`, and the message names the function and the shape.
 *
 * As in NumPy 1.24, LinAlgError derives directly from Error (not from ValueError).
 */

/** What kind of numerical outcome a LinAlgError reports. */
export type LinAlgErrorKind =
  /** An exact zero pivot (LU) or zero diagonal entry (triangular solve). */
  | "singular"
  /** Cholesky met a leading minor that is not positive. */
  | "notPositiveDefinite"
  /** An iterative algorithm did not converge. */
  | "noConvergence"
  /** NumPy's LinAlgError for a caller's mistake: not square, or fewer than 2 dimensions. */
  | "invalidInput";

export class LinAlgError extends Error {
  /** Which outcome this is. */
  readonly kind: LinAlgErrorKind;
  /** Where it happened: the 0-based pivot, diagonal entry or leading minor; undefined for invalidInput. */
  readonly index?: number;

  constructor(message: string, kind: LinAlgErrorKind, index?: number) {
    super(message);
    this.name = "LinAlgError";
    this.kind = kind;
    if (index !== undefined) this.index = index;
  }
}
