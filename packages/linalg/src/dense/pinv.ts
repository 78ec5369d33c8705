/**
 * Moore–Penrose pseudo-inverse (NumPy's `np.linalg.pinv`), through the SVD.
 *
 *   A = U·Σ·Vᴴ  ⇒  A⁺ = V·Σ⁺·Uᴴ,   Σ⁺ = diag(1/σ_i for σ_i > rcond·σ_max, else 0)
 *
 * A⁺ is the unique matrix with A·A⁺·A = A, A⁺·A·A⁺ = A⁺ and A·A⁺, A⁺·A Hermitian; A⁺·b is the
 * minimum-norm least-squares solution of A·x ≈ b. Dropping the σ_i below the cutoff is what
 * makes it well defined for numerically rank-deficient A (NumPy's rule: cutoff rcond·max(σ),
 * default rcond = 1e-15; NumPy 2's `rtol` instead of rcond, `rtol: null` for max(M, N)·eps).
 * The SVD scales A into a safe range first (svd.ts), so A·2^k gives A⁺·2^−k for any k that
 * keeps the entries normal.
 *
 * Invariant: ‖A·A⁺·A − A‖ ≤ c·max(m, n)·eps·‖A‖ for well-separated cutoffs.
 * Reference: Golub & Van Loan, "Matrix Computations", 4th ed., §5.5.2; NumPy pinv. For
 * solving, `lstsq` (same SVD, no explicit A⁺) is cheaper.
 */
import * as np from "@sliderule/ndarray";
import { ValueError, type NDArray } from "@sliderule/ndarray";
import { asArray, assertStacked2d, type ArrayInput, type FloatArray } from "../util/batch.js";
import { colMajor, gemm, T } from "@sliderule/ndarray/kernels";
import { svd } from "./svd.js";
import { ULP, ULP_FLOAT32 } from "../machine.js";
import { checkOptions, OPTION, optionsSchema, show } from "../util/options.js";

/** The options pinv accepts (util/options.ts); rcond is checked below. */
const PINV_OPTIONS = optionsSchema({ rcond: OPTION.any, rtol: OPTION.any, hermitian: OPTION.flag });

export interface PinvOptions {
  /** Cutoff for small singular values, relative to the largest: a number or an array over the stack (default 1e-15). */
  rcond?: number | NDArray | null;
  /** NumPy 2's name for rcond (not both): a number or an array over the stack; null: max(M, N)·eps. */
  rtol?: number | NDArray | null;
  /** A is Hermitian: the SVD by eigh (default false). */
  hermitian?: boolean;
}

/**
 * Pseudo-inverse of a matrix or a stack of matrices (NumPy's `np.linalg.pinv`).
 *
 * @param a `(..., M, N)`.
 * @returns `(..., N, M)`: float64 for integer input, float32 for float32, complex128 for complex.
 * @throws LinAlgError kind "invalidInput" for fewer than 2 dimensions; kind "noConvergence"
 *   when the SVD does not converge (NaN/Inf input).
 * @throws ValueError for an rcond or rtol that is not a number (or NaN), or both given.
 *
 * Notes: reduced SVD (svd.ts), A⁺ = Vh[:k]ᴴ·diag(σ⁺)·U[:, :k]ᴴ by gemm.
 *
 * @example
 *   assert.close(linalg.pinv([[1, 0], [0, 0]]).toArray(), [[1, 0], [0, 0]]);
 */
export function pinv(a: ArrayInput, options: PinvOptions = {}): NDArray {
  const fn = "pinv";
  checkOptions(fn, PINV_OPTIONS, options);
  const A = asArray(a);
  assertStacked2d(A, fn);
  const m = A.shape[A.ndim - 2];
  const n = A.shape[A.ndim - 1];
  const batch = A.shape.slice(0, -2);
  const dtype = A.dtype === "float32" || A.dtype === "complex128" ? A.dtype : "float64";
  // NumPy 2: rcond, or rtol (null: max(M, N)·eps of a's dtype), never both; default 1e-15
  const { rcond, rtol } = options;
  if (rcond != null && rtol !== undefined) throw new ValueError(`${fn}: rtol and rcond can't be both set (rcond=${show(rcond)}, rtol=${show(rtol)})`);
  const eps = dtype === "float32" ? ULP_FLOAT32 : ULP;
  const rc =
    rcond != null
      ? cutoffRatios(fn, "rcond", rcond, batch)
      : rtol === undefined
        ? [1e-15]
        : rtol === null
          ? [Math.max(m, n) * eps]
          : cutoffRatios(fn, "rtol", rtol, batch);
  if (m === 0 || n === 0) return np.zeros([...batch, n, m], dtype);
  const { U, S, Vh } = svd(A, { fullMatrices: false, hermitian: options.hermitian ?? false });
  const k = S.shape[S.ndim - 1];
  const uCols = U.shape[U.ndim - 1];
  const vRows = Vh.shape[Vh.ndim - 2];
  const count = batch.reduce((p, d) => p * d, 1);
  const out = np.zeros([...batch, n, m], dtype);
  const complex = dtype === "complex128";
  const sPlus = new Float64Array(k);
  // the real product runs in float64 (float32 factors are widened, the result rounded on store)
  const Ud64 = complex ? null : U.dtype === "float64" ? (U.data as Float64Array) : Float64Array.from(U.data as ArrayLike<number>);
  const Vd64 = complex ? null : Vh.dtype === "float64" ? (Vh.data as Float64Array) : Float64Array.from(Vh.data as ArrayLike<number>);
  for (let p = 0; p < count; p++) {
    // Σ⁺: 1/σ_i above the cutoff rcond·σ_max, else 0
    const s = S.data.subarray(p * k, (p + 1) * k) as ArrayLike<number>;
    const cutoff = (rc.length === 1 ? rc[0] : rc[p]) * s[0];
    for (let i = 0; i < k; i++) sPlus[i] = s[i] > cutoff ? 1 / s[i] : 0;
    const uOff = p * m * uCols;
    const vOff = p * vRows * n;
    const xOff = p * n * m;
    if (!complex) {
      // W = Σ⁺·Uᵀ (k×m, column-major ld k), then A⁺ (n×m, row-major) = Vhᵀ·W
      const W = new Float64Array(k * m);
      const Ud = Ud64 as Float64Array;
      for (let j = 0; j < m; j++) for (let i = 0; i < k; i++) W[i + j * k] = sPlus[i] * Ud[uOff + j * uCols + i];
      // out (row-major n×m) is column-major m×n: outᵀ = Wᵀ·Vh[:k]  (m×k times k×n; Vh row-major
      // is Vhᵀ column-major, so Vh[:k] = T(the n×k column-major block at vOff))
      const X = new Float64Array(n * m);
      gemm(1, T(colMajor(W, k, m)), T(colMajor(Vd64 as Float64Array, n, k, vOff, n)), 0, colMajor(X, m, n));
      // X column-major m×n holds (A⁺)ᵀ: element (j, i) = A⁺[i, j] at X[j + i·m] = row-major A⁺
      const od = out.data as FloatArray;
      for (let i = 0; i < n * m; i++) od[xOff + i] = X[i];
    } else {
      // A⁺[i, j] = Σ_t conj(Vh[t, i])·σ⁺_t·conj(U[j, t])
      const Ud = U.data as Float64Array;
      const Vd = Vh.data as Float64Array;
      const od = out.data as Float64Array;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < m; j++) {
          let re = 0;
          let im = 0;
          for (let t = 0; t < k; t++) {
            if (sPlus[t] === 0) continue;
            const v = 2 * (vOff + t * n + i);
            const u = 2 * (uOff + j * uCols + t);
            const [ar, ai] = [Vd[v], -Vd[v + 1]];
            const [br, bi] = [Ud[u], -Ud[u + 1]];
            re += sPlus[t] * (ar * br - ai * bi);
            im += sPlus[t] * (ar * bi + ai * br);
          }
          od[2 * (xOff + i * m + j)] = re;
          od[2 * (xOff + i * m + j) + 1] = im;
        }
      }
    }
  }
  return out;
}

/**
 * A cutoff given per matrix of a stack (pinv's rcond/rtol, matrixRank's tol): a number, or an
 * array (or nested list) of real numbers broadcast to the batch shape. Returns one value, or
 * one per matrix in order.
 * @throws ValueError naming `fn`, `name` and the value for NaN, a non-number, a complex array.
 */
export function cutoffRatios(fn: string, name: string, v: unknown, batch: readonly number[]): number[] {
  const bad = () => new ValueError(`${fn}: ${name} must be a number or an array of real numbers (not NaN), got ${show(v)}`);
  if (typeof v === "number") {
    if (Number.isNaN(v)) throw bad();
    return [v];
  }
  if (!(v instanceof np.NDArray) && !Array.isArray(v)) throw bad();
  let R: NDArray;
  try {
    R = asArray(v as ArrayInput);
  } catch {
    throw bad();
  }
  if (R.dtype === "complex128") throw bad();
  const values = Array.from(np.broadcastTo(R, [...batch]).copy().data as ArrayLike<number>, Number);
  if (values.some(Number.isNaN)) throw bad();
  return values;
}
