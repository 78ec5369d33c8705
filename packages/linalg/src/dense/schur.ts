/**
 * The Schur decomposition of a square matrix (SciPy's `scipy.linalg.schur`): the public
 * function, which validates, loops over the batch, reduces each matrix to Hessenberg form and
 * hands it to the QR algorithm.
 *
 *   A = Z·T·Zᵀ     Z orthogonal,  T upper quasi-triangular ("real Schur form")      (real A)
 *   A = Z·T·Zᴴ     Z unitary,     T upper triangular                                 (complex A)
 *
 * T is upper triangular except for 2×2 blocks on its diagonal, one per complex-conjugate pair
 * of eigenvalues a ± ib, in the standard form [a b; c a] with b·c < 0 (schur-2x2.ts lanv2).
 * The steps, per matrix of the stack (the layers, each in its own file):
 *   1. scale A into range when its entries are tiny or huge (hseqr.ts scaleToSafeRange, as
 *      LAPACK dgees);
 *   2. A = Q·H·Qᵀ, H upper Hessenberg (hessenberg.ts gehrd / zgehd2), Z := Q (orghr / zunghr);
 *   3. H = Z'·T·Z'ᵀ by the QR algorithm, Z := Q·Z' (hseqr.ts: the multishift QR algorithm
 *      with aggressive early deflation, schur-aed.ts, for order ≥ 150; the Francis
 *      double-shift spec, hessenberg-qr.ts lahqr, below; complex input: the single-shift
 *      hessenberg-qr-complex.ts zlahqr);
 *   4. unscale T and store T and Z.
 *
 * On exit: T and Z as above, each (..., M, M); the eigenvalues on T's diagonal in the
 * algorithm's order (no sorting).
 * Invariant: ‖A − Z·T·Zᵀ‖ ≤ c·n²·eps·‖A‖, ‖ZᵀZ − I‖ ≤ c·n·eps: backward stable.
 * Reference: Golub & Van Loan, "Matrix Computations", 4th ed., §7.4–7.5; LAPACK dgees,
 * zgees, dhseqr; SciPy scipy.linalg.schur.
 * Siblings: eig.ts (eigenvalues and eigenvectors, through the same hseqr).
 */
import { namedTuple, type NamedTuple, type NDArray } from "@sliderule/ndarray";
import { LinAlgError } from "../errors.js";
import { asArray, assertSquare, batchOffsets, batchShapeOf, loadMatrix, matrixStrides, stackOf, storeMatrix, type ArrayInput } from "../util/batch.js";
import { checkOptions, OPTION, optionsSchema } from "../util/options.js";
import { assertFiniteLinAlg, gehrd, orghr, zgehd2, zunghr } from "./hessenberg.js";
import { hseqr, scaleToSafeRange, zhseqr } from "./hseqr.js";
import { multishiftOptionsOf, type MultishiftOptions } from "./schur-aed.js";

/** The options object (util/options.ts); multishift's own fields are checked by multishiftOptionsOf. */
const SCHUR_OPTIONS = optionsSchema({ multishift: OPTION.any });

/** `schur(a)`: A = Z·T·Zᵀ (Zᴴ for complex). */
export interface SchurFields {
  /** (…, M, M): quasi-upper triangular (real input) or upper triangular (complex input). */
  T: NDArray;
  /** (…, M, M): the Schur vectors, orthogonal (unitary). */
  Z: NDArray;
}

/** SchurFields, also iterable in NumPy's tuple order: `[T, Z]`. */
export type SchurResult = NamedTuple<SchurFields, ["T", "Z"]>;

/** Options of `schur`. */
export interface SchurOptions {
  /**
   * The real QR algorithm's knobs (defaults: tuning.ts SCHUR_MULTISHIFT): order ≥ `minOrder`
   * uses the multishift QR algorithm with aggressive early deflation (schur-aed.ts), smaller
   * the double-shift lahqr; `{ minOrder: Infinity }` forces lahqr (the reference).
   */
  multishift?: MultishiftOptions;
}

/**
 * Schur decomposition A = Z·T·Zᴴ (SciPy's `scipy.linalg.schur`, output "real" for real input
 * and "complex" for complex input).
 *
 * @param a `(..., M, M)`.
 * @param options `multishift`: see {@link SchurOptions}.
 * @returns `{ T, Z }` (also `[T, Z]`, SciPy's tuple order), each `(..., M, M)`: float64 for real input (float32 and integers are
 *   computed in float64) with T in real Schur form (2×2 blocks [a b; c a], b·c < 0, for the
 *   complex-conjugate pairs); complex128 with T upper triangular for complex input.
 * @throws LinAlgError kind "invalidInput" when a is not square, has fewer than 2 dimensions or
 *   contains NaN or Inf; kind "noConvergence" (index: the eigenvalue) when the QR algorithm
 *   does not converge.
 *
 * Notes: Hessenberg reduction (dgehrd), then the QR algorithm: multishift with aggressive
 * early deflation for order ≥ 150 (dlaqr0), Francis double-shift below (dlahqr), or complex
 * single-shift (zlahqr). A is scaled into range first when its entries are tiny or
 * huge (as LAPACK dgees); no balancing. The order of the eigenvalues on T's diagonal
 * is the algorithm's (no sorting).
 *
 * @example
 *   const { T, Z } = linalg.schur([[0, -1], [1, 0]]);   // rotation by 90°: eigenvalues ±i
 *   assert.close(T.get(0, 0), 0);
 *   assert.close(Math.abs(T.get(0, 1) * T.get(1, 0)), 1);
 */
export function schur(a: ArrayInput, options: SchurOptions = {}): SchurResult {
  const fn = "schur";
  checkOptions(fn, SCHUR_OPTIONS, options);
  const A = asArray(a);
  const multishift = multishiftOptionsOf(options, fn);
  assertSquare(A, fn);
  assertFiniteLinAlg(A, fn);
  const n = A.shape[A.ndim - 1];
  const complex = A.dtype === "complex128";
  const dtype = complex ? "complex128" : "float64";
  const batch = batchShapeOf(A, 2);
  const offs = batchOffsets(A, batch, 2);
  const { rs, cs } = matrixStrides(A);
  const T = stackOf(batch, [n, n], dtype);
  const Zs = stackOf(batch, [n, n], dtype);
  const slots = complex ? 2 : 1;
  const W = new Float64Array(slots * n * n);
  const Z = new Float64Array(slots * n * n);
  const tau = new Float64Array(slots * Math.max(n - 1, 1));
  const wr = new Float64Array(slots * n);
  const wi = new Float64Array(n);
  for (let p = 0; p < offs.length; p++) {
    loadMatrix(A, offs[p], rs, cs, n, n, W, 0, n, complex);
    const unscale = scaleToSafeRange(n, W, complex);
    // A = Q·H·Qᵀ, Z = Q
    if (complex) zgehd2(n, 0, n - 1, W, n, tau);
    else gehrd(n, 0, n - 1, W, n, tau);
    Z.set(W);
    if (complex) zunghr(n, 0, n - 1, Z, n, tau);
    else orghr(n, 0, n - 1, Z, n, tau);
    // H = Z'·T·Z'ᵀ, Z := Q·Z'
    const info = complex ? zhseqr(true, true, n, 0, n - 1, W, n, wr, Z, n) : hseqr(true, true, n, 0, n - 1, W, n, wr, wi, Z, n, multishift);
    if (info > 0) throw new LinAlgError(`${fn}: the QR algorithm did not converge (eigenvalue ${info - 1})`, "noConvergence", info - 1);
    if (unscale !== 1) for (let e = 0; e < slots * n * n; e++) W[e] *= unscale;
    storeMatrix(W, 0, n, n, n, T, p * n * n);
    storeMatrix(Z, 0, n, n, n, Zs, p * n * n);
  }
  return namedTuple({ T, Z: Zs }, ["T", "Z"]);
}
