/**
 * svds: k singular triplets of a large sparse (or matrix-free) A (SciPy's
 * `scipy.sparse.linalg.svds`, solver "arpack"), on top of eigsh's Lanczos.
 *
 *   A = U·diag(S)·Vh (truncated to k),   A: m×n,  U: m×k,  S: k ascending,  Vh: k×n
 *
 * Method (SciPy's arpack path): Lanczos on the Gram operator of the smaller side,
 *   n ≤ m:  C = AᵀA (n×n),  C·v_i = σ_i²·v_i,  u_i = A·v_i / σ_i
 *   n > m:  C = AAᵀ (m×m),  C·u_i = σ_i²·u_i,  v_i = Aᵀ·u_i / σ_i
 * applied as two products per step (C is never formed). Why not the augmented
 * [[0, A], [Aᵀ, 0]] (eigenvalues ±σ_i): for the *largest* σ the Gram operator converges in
 * fewer steps (squaring spreads the top of the spectrum: relative gaps of σ² are about twice
 * those of σ, and the ±σ mirror images and the |m − n| zeros of the augmented matrix are not
 * there to slow Lanczos down), and its accuracy loss, an absolute error eps·σ_max² in σ²,
 * i.e. eps·σ_max²/σ_i in σ_i, is harmless for σ_i near σ_max. For the *smallest* σ ("SM")
 * that same error is eps·cond(A)·σ_max: with cond(A) ≳ 1/√eps the small singular values lose
 * all their digits; use the dense linalg.svd for those (SciPy's arpack solver has the same limit).
 * Returns `{ U, S, Vh }` iterable as `[U, S, Vh]`, S ascending (as SciPy's svds), or S alone
 * with `returnSingularVectors: false`. A needs `rmatvecInto` (sparse matrices) or `rmatvec`
 * (LinearOperator), or is dense.
 * Invariant: UᵀU = I and Vh·Vhᵀ = I to O(ncv·eps) for σ_i ≫ eps·σ_max; A·v_i = σ_i·u_i.
 * Reference: Golub & Van Loan, 4th ed., §8.6 and §10.4 (Lanczos bidiagonalisation, the
 * augmented matrix); SciPy's svds docs (solver "arpack").
 */
import { ShapeError, ValueError, namedTuple, type NamedTuple, type NDArray } from "@sliderule/ndarray";
import * as np from "@sliderule/ndarray";
import { checkOptions, OPTION, optionsSchema, show } from "../util/options.js";
import { iterationLimit, tolerance, vectorArg, type OperatorInput } from "./cg.js";
import { checkedRest, eigsh } from "./eigsh.js";
import { asLinearOperator } from "./linear-operator.js";

export interface SvdsOptions {
  /** Number of singular triplets, 1 ≤ k < min(m, n). Default 6. */
  k?: number;
  /** Largest ("LM", default) or smallest ("SM") singular values. */
  which?: "LM" | "SM";
  /** Relative accuracy of σ² (0 = machine precision). */
  tol?: number;
  /** Lanczos restart cycles allowed. */
  maxiter?: number;
  /** Starting vector of length min(m, n). */
  v0?: NDArray | ArrayLike<number>;
  /** Return U and Vh (default) or S alone. */
  returnSingularVectors?: boolean;
}

export interface SvdsFields {
  /** (m, k). */
  U: NDArray;
  /** (k,) ascending. */
  S: NDArray;
  /** (k, n). */
  Vh: NDArray;
}
export type SvdsResult = NamedTuple<SvdsFields, ["U", "S", "Vh"]>;

const SVDS_OPTIONS = optionsSchema({
  k: OPTION.any,
  which: OPTION.any,
  tol: OPTION.any,
  maxiter: OPTION.any,
  v0: OPTION.any,
  returnSingularVectors: OPTION.flag,
});

/**
 * k largest (or smallest) singular values and vectors of A. See the header.
 * @param options the options object, or k itself (SciPy's positional `svds(A, 3)`), then the options.
 * @returns `{ U (m, k), S (k,) ascending, Vh (k, n) }` iterable as `[U, S, Vh]`, or S alone.
 * @throws ValueError for k ≥ min(m, n), bad options, an operator without rmatvec;
 *   ArpackNoConvergence (from eigsh) when Lanczos runs out of iterations.
 */
export function svds(A: OperatorInput, options: SvdsOptions & { returnSingularVectors: false }): NDArray;
export function svds(A: OperatorInput, options?: SvdsOptions): SvdsResult;
export function svds(A: OperatorInput, k: number, options: Omit<SvdsOptions, "k"> & { returnSingularVectors: false }): NDArray;
export function svds(A: OperatorInput, k: number, options?: Omit<SvdsOptions, "k"> & { returnSingularVectors?: true }): SvdsResult;
export function svds(A: OperatorInput, kOrOptions: number | SvdsOptions = {}, rest?: SvdsOptions): SvdsResult | NDArray {
  const fn = "svds";
  // SciPy's positional k: svds(A, 3) is svds(A, { k: 3 })
  const options: SvdsOptions = typeof kOrOptions === "number" ? { ...checkedRest(fn, rest), k: kOrOptions } : kOrOptions;
  checkOptions(fn, SVDS_OPTIONS, options);
  const op = asLinearOperator(fn, A);
  const { rows: m, cols: n } = op;
  const applyT = op.applyT;
  if (applyT === null) throw new ValueError(`${fn}: A must provide Aᵀ·x (rmatvecInto on a sparse matrix, rmatvec on a LinearOperator)`);
  const p = Math.min(m, n);
  const k = options.k ?? 6;
  if (typeof k !== "number" || !Number.isInteger(k) || k < 1 || k >= p) {
    throw new ValueError(`${fn}: k must be an integer with 1 <= k < min(m, n) = ${p}, got ${show(k)}`);
  }
  const which = options.which ?? "LM";
  if (which !== "LM" && which !== "SM") throw new ValueError(`${fn}: which must be "LM" or "SM", got ${show(which)}`);
  const tol = tolerance(fn, "tol", options.tol, 0);
  const maxiter = iterationLimit(fn, options.maxiter, 10 * p);
  const v0 = options.v0 === undefined ? undefined : vectorArg(fn, "v0", options.v0, p);
  if (m === 0 || n === 0) throw new ShapeError(`${fn}: A is empty, shape (${m}, ${n})`);

  // C = AᵀA (n ≤ m) or AAᵀ (n > m), applied as two products through one work vector
  const tall = n <= m;
  const t = new Float64Array(tall ? m : n);
  const C = {
    shape: [p, p] as const,
    matvecInto: tall
      ? (x: Float64Array, y: Float64Array) => {
          op.apply(x, t); // t = A·x
          applyT(t, y); // y = Aᵀ·t
        }
      : (x: Float64Array, y: Float64Array) => {
          applyT(x, t);
          op.apply(t, y);
        },
  };
  // the largest σ are the largest eigenvalues of C (LA ≡ LM: C is semidefinite); SM likewise SA
  const eig = eigsh(C, { k, which: which === "LM" ? "LA" : "SA", tol, maxiter, ...(v0 ? { v0 } : {}) });
  const lam = eig.eigenvalues.toTypedArray() as Float64Array; // ascending σ²
  const S = Float64Array.from(lam, (l) => Math.sqrt(Math.max(l, 0)));
  if (options.returnSingularVectors === false) return np.fromTypedArray(S);

  // the other side: u_i = A·v_i / σ_i (or v_i = Aᵀ·u_i / σ_i); a zero σ gets a zero vector
  const W = eig.eigenvectors.toTypedArray() as Float64Array; // (p, k) row-major
  const q = tall ? m : n;
  const other = new Float64Array(q * k);
  const x = new Float64Array(p);
  const y = new Float64Array(q);
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < p; i++) x[i] = W[i * k + j];
    if (tall) op.apply(x, y);
    else applyT(x, y);
    const s = S[j];
    for (let i = 0; i < q; i++) other[i * k + j] = s > 0 ? y[i] / s : 0;
  }
  const side = np.fromTypedArray(W.slice(), [p, k]);
  const otherSide = np.fromTypedArray(other, [q, k]);
  const U = tall ? otherSide : side;
  const Vh = (tall ? side : otherSide).T.copy();
  return namedTuple({ U, S: np.fromTypedArray(S), Vh }, ["U", "S", "Vh"]);
}
