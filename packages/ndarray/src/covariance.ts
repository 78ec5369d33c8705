/**
 * Covariance and correlation: `cov`, `corrcoef` (NumPy's numpy/lib/_function_base_impl.py).
 *
 * With observations as columns of X (p variables × N observations), weights
 * w = fweights·aweights (1 when absent), the weighted means x̄ = X·w / Σw and
 *
 *   C = (X − x̄)·diag(w)·(X − x̄)ᵀ · (1 / f),   f = Σw − ddof·Σ(w·aweights)/Σw
 *
 * (f = N − ddof without weights, Σw − ddof with frequency weights only; ddof defaults to 1,
 * or 0 with bias). Invariant: C is symmetric positive semi-definite (up to rounding).
 * corrcoef: R_ij = C_ij / (√C_ii·√C_jj), clipped to [−1, 1].
 *
 * Mind NumPy's default rowvar=true: each *row* of m is a variable. A data matrix of
 * (samples, features), as scikit-learn lays it out, needs `{ rowvar: false }`.
 * N − ddof <= 0 warns "Degrees of freedom <= 0 for slice" (RuntimeWarning) and gives inf/NaN,
 * as NumPy. The product is our matmul (gemm), so wide data is fast.
 *
 * Reference: NumPy's `cov`; the weighted estimator is Price's (1972), as NumPy documents.
 */
import type { DType } from "./dtype.js";
import { ShapeError, ValueError, ZeroDivisionError } from "./errors.js";
import { NDArray } from "./ndarray.js";
import { matmul } from "./products/index.js";
import { pairwiseSum, realInput } from "./reduce-lanes.js";
import type { ArrayInput } from "./ufunc.js";
import { checkBool, checkInt, checkOneOf, checkOptions } from "./validate.js";
import { RuntimeWarning, warn } from "./warnings.js";

export interface CovOptions {
  /** A second set of variables and observations, stacked below m's. */
  y?: ArrayInput | null;
  /** Each row is a variable, its columns observations (default true, as NumPy); false: columns are variables. */
  rowvar?: boolean;
  /** Normalise by N (or Σw) instead of N − 1; ignored when ddof is given. */
  bias?: boolean;
  /** Delta degrees of freedom (default 1, or 0 with bias). */
  ddof?: number | null;
  /** Integer frequency weights: how many times each observation occurs. */
  fweights?: ArrayInput | null;
  /** Observation weights ("importance"), non-negative. */
  aweights?: ArrayInput | null;
  /** Result dtype, "float64" (default) or "float32". */
  dtype?: DType;
}

export interface CorrcoefOptions {
  y?: ArrayInput | null;
  rowvar?: boolean;
  dtype?: DType;
}

const isArrayArg = (x: unknown): x is ArrayInput => Array.isArray(x) || x instanceof NDArray || ArrayBuffer.isView(x) || typeof x === "number";

/** Observations as a 2-D float64 C-contiguous (variables, observations) array, NumPy's ndmin=2 and rowvar rules. */
function observations(fn: string, x: ArrayInput, rowvar: boolean, name: string): NDArray {
  const a = realInput(fn, x, name);
  if (a.ndim > 2) throw new ValueError(`${fn}: ${name} has more than 2 dimensions (shape ${JSON.stringify(a.shape)})`);
  let X = a.ndim === 2 ? a : a.reshape(1, a.size);
  if (!rowvar && X.shape[0] !== 1) X = X.T;
  return X.astype("float64");
}

/** A 1-D non-negative weight vector of one weight per observation. */
function observationWeights(fn: string, w: ArrayInput, N: number, name: string, integer: boolean): Float64Array {
  const W = realInput(fn, w, name);
  if (W.ndim !== 1) throw new ValueError(`${fn}: cannot handle multidimensional ${name} (shape ${JSON.stringify(W.shape)})`);
  if (W.size !== N) throw new ValueError(`${fn}: incompatible numbers of samples (${N}) and ${name} (${W.size})`);
  const d = W.astype("float64").data as Float64Array;
  for (let k = 0; k < N; k++) {
    if (integer && !Number.isInteger(d[k])) throw new ValueError(`${fn}: ${name} must be integer, got ${d[k]} at index ${k}`);
    if (d[k] < 0 || d[k] !== d[k]) throw new ValueError(`${fn}: ${name} cannot be negative, got ${d[k]} at index ${k}`);
  }
  return d;
}

/**
 * `np.cov(m, y=None, rowvar=True, bias=False, ddof=None, fweights=None, aweights=None)`:
 * the covariance matrix of the variables in m (and y).
 * Mind NumPy's default rowvar=true: each *row* is a variable. For a data matrix X of
 * (samples, features), as scikit-learn lays it out, pass `{ rowvar: false }`.
 * @param yOrOptions y (NumPy's positional form), or the options object
 * @returns (p, p) for p variables; a 0-d array for a single variable (NumPy's squeeze)
 * @throws ValueError for more than 2 dimensions, mismatched observation counts, bad weights
 * @example np.cov(np.array([[1, 2, 3], [2, 4, 7]])) // array([[1, 2.5], [2.5, 6.333…]])
 */
export function cov(m: ArrayInput, yOrOptions?: ArrayInput | CovOptions | null, options?: CovOptions): NDArray {
  const fn = "cov";
  let opt: CovOptions;
  if (yOrOptions !== undefined && yOrOptions !== null && !isArrayArg(yOrOptions)) {
    opt = checkOptions(fn, yOrOptions as CovOptions, ["y", "rowvar", "bias", "ddof", "fweights", "aweights", "dtype"]);
    if (options !== undefined) throw new ValueError(`${fn}: options given twice`);
  } else {
    opt = { ...checkOptions(fn, options, ["rowvar", "bias", "ddof", "fweights", "aweights", "dtype"]) };
    if (yOrOptions !== undefined) opt.y = yOrOptions as ArrayInput | null;
  }
  const rowvar = opt.rowvar === undefined ? true : checkBool(fn, "rowvar", opt.rowvar);
  const bias = opt.bias === undefined ? false : checkBool(fn, "bias", opt.bias);
  const dtype = checkOneOf(fn, "dtype", opt.dtype ?? "float64", ["float64", "float32"] as const);
  const ddof = opt.ddof === undefined || opt.ddof === null ? (bias ? 0 : 1) : checkInt(fn, "ddof", opt.ddof);
  let X = observations(fn, m, rowvar, "m");
  if (X.shape[0] === 0) return new NDArray(new Float64Array(0), [0, 0], "float64").astype(dtype);
  if (opt.y !== undefined && opt.y !== null) {
    const Y = observations(fn, opt.y, rowvar, "y");
    if (Y.shape[1] !== X.shape[1]) throw new ShapeError(`${fn}: m and y must have the same number of observations, got ${X.shape[1]} and ${Y.shape[1]}`);
    const both = new Float64Array((X.shape[0] + Y.shape[0]) * X.shape[1]);
    both.set(X.data as Float64Array);
    both.set(Y.data as Float64Array, X.size);
    X = new NDArray(both, [X.shape[0] + Y.shape[0], X.shape[1]], "float64");
  }
  const [p, N] = X.shape;
  const x = X.data as Float64Array; // (p, N) row-major, our own copy

  // w = fweights · aweights (null: all ones)
  const fw = opt.fweights === undefined || opt.fweights === null ? null : observationWeights(fn, opt.fweights, N, "fweights", true);
  const aw = opt.aweights === undefined || opt.aweights === null ? null : observationWeights(fn, opt.aweights, N, "aweights", false);
  let w: Float64Array | null = null;
  if (fw !== null || aw !== null) {
    w = new Float64Array(N);
    for (let k = 0; k < N; k++) w[k] = (fw ? fw[k] : 1) * (aw ? aw[k] : 1);
  }
  const wSum = w === null ? N : pairwiseSum(w, 0, N);
  if (w !== null && wSum === 0) throw new ZeroDivisionError(`${fn}: weights sum to zero, can't be normalized`);

  // f: the normalisation, N − ddof in the unweighted case
  let f: number;
  if (w === null) f = N - ddof;
  else if (ddof === 0) f = wSum;
  else if (aw === null) f = wSum - ddof;
  else {
    let waw = 0;
    for (let k = 0; k < N; k++) waw += w[k] * aw[k];
    f = wSum - (ddof * waw) / wSum;
  }
  if (f <= 0) {
    warn(`${fn}: Degrees of freedom <= 0 for slice`, RuntimeWarning);
    f = 0; // as NumPy: divide by zero, inf or nan
  }

  // centre each variable (row) on its weighted mean x̄_i = Σ_k w_k X_ik / Σ w
  const row = new Float64Array(N);
  for (let i = 0; i < p; i++) {
    const lo = i * N;
    for (let k = 0; k < N; k++) row[k] = w === null ? x[lo + k] : x[lo + k] * w[k];
    const mean = N === 0 ? NaN : pairwiseSum(row, 0, N) / wSum;
    for (let k = 0; k < N; k++) x[lo + k] -= mean;
  }
  // C = Xc · (Xc·diag(w))ᵀ · (1/f)
  const XwT = new Float64Array(N * p); // (N, p)
  for (let i = 0; i < p; i++) for (let k = 0; k < N; k++) XwT[k * p + i] = w === null ? x[i * N + k] : x[i * N + k] * w[k];
  const C = matmul(X, new NDArray(XwT, [N, p], "float64"));
  const c = C.data as Float64Array;
  const scale = 1 / f; // NumPy multiplies by true_divide(1, fact)
  const out = new Float64Array(p * p);
  for (let k = 0; k < p * p; k++) out[k] = c[C.offset + k] * scale;
  const result = new NDArray(out, p === 1 ? [] : [p, p], "float64");
  return dtype === "float64" ? result : result.astype(dtype);
}

/**
 * `np.corrcoef(x, y=None, rowvar=True)`: Pearson correlation coefficients,
 * R_ij = C_ij / √(C_ii·C_jj) with C = cov(x, y, rowvar), clipped to [−1, 1].
 * Mind NumPy's default rowvar=true (rows are variables); pass `{ rowvar: false }` for a
 * (samples, features) matrix. A constant variable gives NaN in its row and column, as NumPy.
 * @returns (p, p); a 0-d array for a single variable
 * @example np.corrcoef(np.array([[1, 2, 3], [3, 2, 0]])).get(0, 1) // -0.9819805060619659
 */
export function corrcoef(x: ArrayInput, yOrOptions?: ArrayInput | CorrcoefOptions | null, options?: CorrcoefOptions): NDArray {
  const fn = "corrcoef";
  let opt: CorrcoefOptions;
  if (yOrOptions !== undefined && yOrOptions !== null && !isArrayArg(yOrOptions)) {
    opt = checkOptions(fn, yOrOptions as CorrcoefOptions, ["y", "rowvar", "dtype"]);
    if (options !== undefined) throw new ValueError(`${fn}: options given twice`);
  } else {
    opt = { ...checkOptions(fn, options, ["rowvar", "dtype"]) };
    if (yOrOptions !== undefined) opt.y = yOrOptions as ArrayInput | null;
  }
  if (opt.rowvar !== undefined) checkBool(fn, "rowvar", opt.rowvar);
  const dtype = checkOneOf(fn, "dtype", opt.dtype ?? "float64", ["float64", "float32"] as const);
  const C = cov(x, { y: opt.y, rowvar: opt.rowvar ?? true });
  const c = C.data as Float64Array;
  if (C.ndim === 0) {
    const r = new NDArray(Float64Array.of(c[0] / c[0]), [], "float64");
    return dtype === "float64" ? r : r.astype(dtype);
  }
  const p = C.shape[0];
  const sd = new Float64Array(p);
  for (let i = 0; i < p; i++) sd[i] = Math.sqrt(c[i * p + i]);
  const out = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) {
      // NumPy: c /= stddev[:, None]; c /= stddev[None, :]; then clip to [-1, 1] (NaN stays)
      const r = c[i * p + j] / sd[i] / sd[j];
      out[i * p + j] = r > 1 ? 1 : r < -1 ? -1 : r;
    }
  }
  const R = new NDArray(out, [p, p], "float64");
  return dtype === "float64" ? R : R.astype(dtype);
}
