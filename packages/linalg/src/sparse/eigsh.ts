/**
 * eigsh: k eigenpairs of a large sparse (or matrix-free) symmetric A (SciPy's
 * `scipy.sparse.linalg.eigsh`; ARPACK's dsaupd/dseupd there, thick-restart Lanczos here).
 *
 *   A·x_i = λ_i·x_i,  i = 1..k,   the k "wanted" λ by `which`:
 *     LM / SM   largest / smallest |λ|      LA / SA   largest / smallest λ (algebraic)
 *     BE        ⌈k/2⌉ from the top and ⌊k/2⌋ from the bottom of the spectrum
 *
 * Normal mode: Lanczos (lanczos.ts) on OP = A. Shift-invert mode (`sigma` given, SciPy's
 * mode 3): Lanczos on OP = (A − σI)⁻¹, whose eigenvalues ν = 1/(λ − σ) make the λ nearest σ
 * the largest and best separated; `which` then refers to ν, exactly as in SciPy (LM: the λ
 * nearest σ), and λ = σ + 1/ν is returned. (A − σI)·y = x is solved by
 *   - `OPinv`, an operator applying (A − σI)⁻¹, when given (SciPy's OPinv; e.g. a banded solve);
 *   - else, for a dense A or a sparse matrix with `toarray()` and n ≤ 2000 (SIGMA_DENSE_MAX_N):
 *     one dense LU of A − σI (getrf) and two triangular solves per step (SciPy factors by SuperLU);
 *   - else MINRES on (A − σI) to rtol 1e-12 per step (symmetric indefinite; slow when σ is
 *     close to the spectrum: pass OPinv then). Its failure throws LinAlgError "noConvergence".
 *
 * Returns `{ eigenvalues, eigenvectors }` (w (k,) ascending, v (n, k) its orthonormal columns),
 * iterable as `[w, v]`; with `returnEigenvectors: false`, w alone in SciPy's order: LM
 * ascending |λ|, SM descending |λ|, LA ascending, SA descending, BE ascending; with sigma,
 * ascending. (SciPy returns w in these orders; checked against SciPy 1.17.)
 * Converged means ARPACK's test: ‖OP·x − θ·x‖ ≤ tol·max(eps^{2/3}, |θ|), tol = 0 → eps.
 * No convergence within maxiter restarts throws ArpackNoConvergence with the converged pairs.
 * Deterministic: the default v0 is np.random.defaultRng(0).uniform(−1, 1, n) (SciPy/ARPACK
 * draw a random one), so repeated calls give identical results.
 * Invariant: ‖A·v − v·diag(w)‖ ≲ tol·‖A‖ per converged column, ‖vᵀv − I‖ = O(ncv·eps).
 * Differs from SciPy: no generalized problem (M, Minv, mode), k ≥ n throws ValueError (SciPy
 * falls back to dense eigh for dense input), float64 results for float32 input.
 * Reference: Wu & Simon, "Thick-restart Lanczos", SIAM J. Matrix Anal. Appl. 22(2), 2000;
 * Golub & Van Loan, 4th ed., §10.1–10.3; Lehoucq, Sorensen & Yang, "ARPACK Users' Guide" §3
 * (modes, which, convergence test); SciPy's eigsh docs.
 */
import { NDArray, ShapeError, ValueError, namedTuple, type NamedTuple } from "@sliderule/ndarray";
import * as np from "@sliderule/ndarray";
import { LinAlgError } from "../errors.js";
import { BLOCK_SIZES } from "../tuning.js";
import { getrf, getrs } from "../dense/lu.js";
import { colMajor } from "@sliderule/ndarray/kernels";
import { checkOptions, OPTION, optionsSchema, show } from "../util/options.js";
import { iterationLimit, squareOperator, tolerance, vectorArg, type OperatorInput } from "./cg.js";
import { lanczos, type Which } from "./lanczos.js";
import { asLinearOperator, type Operator } from "./linear-operator.js";
import { minres } from "./minres.js";

/** Largest n for which shift-invert factors A − σI densely (32 MB of float64 at 2000). */
export const SIGMA_DENSE_MAX_N = 2000;

const WHICH: readonly Which[] = ["LM", "SM", "LA", "SA", "BE"];

export interface EigshOptions {
  /** Number of eigenpairs, 1 ≤ k < n. Default 6. */
  k?: number;
  /** Which eigenvalues (of OP: of A, or of (A − σI)⁻¹ with sigma). Default "LM". */
  which?: Which;
  /** Shift for shift-invert mode: eigenvalues nearest sigma with which = "LM". */
  sigma?: number;
  /** Relative accuracy of the eigenvalues; 0 (default) = machine precision. */
  tol?: number;
  /** Restart cycles allowed; default 10·n. */
  maxiter?: number;
  /** Starting vector (n,), nonzero; default defaultRng(0).uniform(−1, 1, n). */
  v0?: NDArray | ArrayLike<number>;
  /** Lanczos basis size, k < ncv ≤ n; default min(n, max(2k + 1, 20)). */
  ncv?: number;
  /** Return [w, v] (default) or w alone. */
  returnEigenvectors?: boolean;
  /** With sigma: an operator applying (A − σI)⁻¹ (SciPy's OPinv). */
  OPinv?: OperatorInput;
}

export interface EigshFields {
  /** (k,) ascending. */
  eigenvalues: NDArray;
  /** (n, k): column i belongs to eigenvalues[i]. */
  eigenvectors: NDArray;
}
export type EigshResult = NamedTuple<EigshFields, ["eigenvalues", "eigenvectors"]>;

/**
 * SciPy's ArpackNoConvergence: the iteration ran out before all k pairs converged. Carries the
 * converged pairs (eigenvalues ascending, eigenvectors (n, nconv)), as SciPy's does.
 */
export class ArpackNoConvergence extends LinAlgError {
  readonly eigenvalues: NDArray;
  readonly eigenvectors: NDArray;
  constructor(message: string, eigenvalues: NDArray, eigenvectors: NDArray) {
    super(message, "noConvergence");
    this.name = "ArpackNoConvergence";
    this.eigenvalues = eigenvalues;
    this.eigenvectors = eigenvectors;
  }
}

const EIGSH_OPTIONS = optionsSchema({
  k: OPTION.any,
  which: OPTION.any,
  sigma: OPTION.any,
  tol: OPTION.any,
  maxiter: OPTION.any,
  v0: OPTION.any,
  ncv: OPTION.any,
  returnEigenvectors: OPTION.flag,
  OPinv: OPTION.any,
});

/** The dense float64 A (row-major) when A is dense or has toarray(), else null. */
function denseEntries(A: unknown): Float64Array | null {
  let M: unknown = null;
  if (A instanceof NDArray) M = A;
  else if (Array.isArray(A)) M = np.array(A as np.NestedArray);
  else if (A !== null && typeof A === "object" && typeof (A as { toarray?: unknown }).toarray === "function") M = (A as { toarray(): unknown }).toarray();
  if (!(M instanceof NDArray)) return null;
  return Float64Array.from(M.astype("float64").toTypedArray() as Float64Array);
}

/** y := (A − σI)⁻¹·x: OPinv, a dense LU, or MINRES (see the header). */
function shiftInvert(fn: string, A: unknown, op: Operator, sigma: number, OPinv: unknown): (x: Float64Array, y: Float64Array) => void {
  const n = op.rows;
  if (OPinv !== undefined) {
    const inv = asLinearOperator(fn, OPinv);
    if (inv.rows !== n || inv.cols !== n) throw new ShapeError(`${fn}: OPinv must be ${n}×${n} like A, got (${inv.rows}, ${inv.cols})`);
    return inv.apply;
  }
  const dense = n <= SIGMA_DENSE_MAX_N ? denseEntries(A) : null;
  if (dense !== null) {
    // A − σI is symmetric, so its row-major entries are its column-major ones: getrf in place
    for (let i = 0; i < n; i++) dense[i * n + i] -= sigma;
    const ipiv = new Int32Array(n);
    const LU = colMajor(dense, n, n);
    const info = getrf(LU, ipiv, BLOCK_SIZES.lu);
    if (info >= 0)
      throw new LinAlgError(
        `${fn}: A − sigma·I is singular (sigma = ${sigma} is an eigenvalue of A; zero pivot ${info}); move sigma slightly`,
        "singular",
        info,
      );
    return (x, y) => {
      y.set(x);
      getrs(0, LU, ipiv, colMajor(y, n, 1), BLOCK_SIZES.lu);
    };
  }
  const Aop = { shape: [n, n] as const, matvecInto: op.apply };
  return (x, y) => {
    const r = minres(Aop, np.fromTypedArray(x), { shift: sigma, rtol: 1e-12, maxiter: 20 * n });
    if (r.info !== 0) {
      throw new LinAlgError(
        `${fn}: the inner MINRES solve of (A − sigma·I)·y = x did not converge in ${r.iterations} iterations (sigma = ${sigma}); pass OPinv, a solver for A − sigma·I`,
        "noConvergence",
      );
    }
    y.set(r.x.toTypedArray() as Float64Array);
  };
}

/** An integer option in [lo, hi]. */
function intOption(fn: string, name: string, v: unknown, lo: number, hi: number, rule: string): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < lo || v > hi) throw new ValueError(`${fn}: ${name} must be ${rule}, got ${show(v)}`);
  return v;
}

/**
 * k eigenvalues (and eigenvectors) of a symmetric A by thick-restart Lanczos. See the header.
 * @param A (n, n) symmetric: sparse matrix, dense array or LinearOperator.
 * @returns `{ eigenvalues (k,) ascending, eigenvectors (n, k) }` iterable as `[w, v]`, or w
 *   alone (SciPy's order) with `returnEigenvectors: false`.
 * @param options the options object, or k itself (SciPy's positional `eigsh(A, 5)`), then the options.
 * @throws ValueError for k ≥ n, k < 1, an unknown `which`, bad ncv/tol/maxiter/v0/sigma;
 *   ShapeError for a non-square A; ArpackNoConvergence when maxiter runs out.
 * @example
 *   const A = sparse.diags([[-1, -1, -1, -1], [2, 2, 2, 2, 2], [-1, -1, -1, -1]], [-1, 0, 1]); // 1-D Laplacian, n = 5
 *   const [w, v] = sparse.eigsh(A, { k: 2, which: "LA" });
 *   // its two largest eigenvalues 2 − 2·cos(jπ/6), j = 4, 5, ascending as SciPy returns them
 *   assert.close(w.toArray(), [2 - 2 * Math.cos((4 * Math.PI) / 6), 2 - 2 * Math.cos((5 * Math.PI) / 6)], 1e-10);
 *   assert.deepEqual(v.shape, [5, 2]);
 */
export function eigsh(A: OperatorInput, options: EigshOptions & { returnEigenvectors: false }): NDArray;
export function eigsh(A: OperatorInput, options?: EigshOptions & { returnEigenvectors?: true }): EigshResult;
export function eigsh(A: OperatorInput, k: number, options: Omit<EigshOptions, "k"> & { returnEigenvectors: false }): NDArray;
export function eigsh(A: OperatorInput, k: number, options?: Omit<EigshOptions, "k"> & { returnEigenvectors?: true }): EigshResult;
export function eigsh(A: OperatorInput, options?: EigshOptions): EigshResult | NDArray;
export function eigsh(A: OperatorInput, kOrOptions: number | EigshOptions = {}, rest?: EigshOptions): EigshResult | NDArray {
  const fn = "eigsh";
  // SciPy's positional k: eigsh(A, 5) is eigsh(A, { k: 5 })
  const options: EigshOptions = typeof kOrOptions === "number" ? { ...checkedRest(fn, rest), k: kOrOptions } : kOrOptions;
  checkOptions(fn, EIGSH_OPTIONS, options);
  const op = squareOperator(fn, A);
  const n = op.rows;
  const k = options.k ?? 6;
  if (typeof k !== "number" || !Number.isInteger(k) || k < 1) throw new ValueError(`${fn}: k must be a positive integer, got ${show(k)}`);
  if (k >= n) throw new ValueError(`${fn}: k = ${k} must be less than n = ${n} (SciPy: k < N); use linalg.eigh for all eigenvalues`);
  const which = options.which ?? "LM";
  if (!WHICH.includes(which as Which)) throw new ValueError(`${fn}: which must be one of ${WHICH.join(", ")}, got ${show(which)}`);
  const ncv =
    options.ncv === undefined
      ? Math.min(n, Math.max(2 * k + 1, 20))
      : intOption(fn, "ncv", options.ncv, k + 1, n, `an integer with k < ncv <= n (${k} < ncv <= ${n})`);
  const tol = tolerance(fn, "tol", options.tol, 0);
  const maxiter = iterationLimit(fn, options.maxiter, 10 * n);
  const sigma = options.sigma;
  if (sigma !== undefined && (typeof sigma !== "number" || !Number.isFinite(sigma)))
    throw new ValueError(`${fn}: sigma must be a finite number, got ${show(sigma)}`);
  if (sigma === undefined && options.OPinv !== undefined) throw new ValueError(`${fn}: OPinv is used only with sigma (shift-invert mode)`);
  let v0: Float64Array;
  if (options.v0 === undefined) v0 = (np.random.defaultRng(0).uniform(-1, 1, n) as NDArray).toTypedArray() as Float64Array;
  else {
    v0 = vectorArg(fn, "v0", options.v0, n);
    if (v0.every((x) => x === 0)) throw new ValueError(`${fn}: v0 must not be the zero vector`);
  }
  const apply = sigma === undefined ? op.apply : shiftInvert(fn, A, op, sigma, options.OPinv);

  const r = lanczos({ n, apply, k, ncv, which, tol, maxiter, v0, seed: 1 });
  // back to A's eigenvalues: λ = θ (normal) or σ + 1/ν (shift-invert)
  const lambda = Float64Array.from(r.theta, (t) => (sigma === undefined ? t : sigma + 1 / t));
  const nconv = r.converged.filter(Boolean).length;
  if (nconv < k) {
    const idx = [...lambda.keys()].filter((i) => r.converged[i]).sort((a, b) => lambda[a] - lambda[b]);
    const { w, v } = pack(n, lambda, r.X, idx);
    throw new ArpackNoConvergence(
      `${fn}: ARPACK-style error -1: no convergence (${r.cycles} restart cycles, ${r.matvecs} products, ${nconv}/${k} eigenvectors converged); raise maxiter or ncv, or loosen tol`,
      w,
      v,
    );
  }
  if (options.returnEigenvectors === false) {
    // least wanted first, as ARPACK's dseupd leaves them (ascending for BE and shift-invert)
    const w = Array.from(lambda);
    const key =
      sigma !== undefined || which === "BE" || which === "LA"
        ? (x: number) => x
        : which === "SA"
          ? (x: number) => -x
          : which === "LM"
            ? Math.abs
            : (x: number) => -Math.abs(x);
    w.sort((a, b) => key(a) - key(b));
    return np.fromTypedArray(Float64Array.from(w));
  }
  const idx = [...lambda.keys()].sort((a, b) => lambda[a] - lambda[b]);
  const { w, v } = pack(n, lambda, r.X, idx);
  return namedTuple({ eigenvalues: w, eigenvectors: v }, ["eigenvalues", "eigenvectors"]);
}

/** w = λ[idx], v (n, idx.length) with column j = X's vector idx[j]. */
function pack(n: number, lambda: Float64Array, X: Float64Array, idx: number[]): { w: NDArray; v: NDArray } {
  const c = idx.length;
  const v = new Float64Array(n * c);
  idx.forEach((i, j) => {
    for (let t = 0; t < n; t++) v[t * c + j] = X[i * n + t];
  });
  return { w: np.fromTypedArray(Float64Array.from(idx, (i) => lambda[i])), v: np.fromTypedArray(v, [n, c]) };
}

/** The options after a positional k (eigsh, svds): absent, or an object without its own k. */
export function checkedRest<T extends object>(fn: string, rest: T | undefined): T | Record<string, never> {
  if (rest === undefined) return {};
  if (rest === null || typeof rest !== "object" || Array.isArray(rest)) throw new ValueError(`${fn}: options must be an object, got ${show(rest)}`);
  if ("k" in rest) throw new ValueError(`${fn}: k given twice (positionally and as an option)`);
  return rest;
}
