/**
 * Euclidean distances between the rows of X and the rows of Y, three ways: the tutorial's
 * three formulations, kept side by side for teaching and benchmarked against each other
 * (bench/ml-neighbours.bench.ts).
 *
 *   D[i, j] = ‖X[i] − Y[j]‖₂ = sqrt(Σ_k (X[i,k] − Y[j,k])²)        X: (m, n), Y: (p, n) -> D: (m, p)
 *
 * 1. Loops (`pairwiseDistancesLoops`): the definition, three nested loops. O(m·p·n) work,
 *    O(1) extra memory, exact to n·eps relative; the reference the other two are tested against.
 *
 * 2. Broadcasting (`pairwiseDistancesBroadcast`): NumPy's one-liner
 *      np.sqrt(((X[:, None, :] − Y[None, :, :])**2).sum(axis=-1))
 *    (m, 1, n) − (1, p, n) broadcasts to an (m, p, n) array of differences. As accurate as the
 *    loops, but that intermediate array is the catch: 2000 × 2000 points in 64 dimensions
 *    would be 2 GB. Here rows of X are taken in blocks so the intermediate stays below
 *    `blockElements` (2²² elements, 32 MB), which changes neither the result nor the idea.
 *
 * 3. The Gram-matrix expansion (`euclideanDistances`, the fast default of pairwiseDistances
 *    for "euclidean" and "sqeuclidean", and scikit-learn's `euclidean_distances`):
 *      ‖x − y‖² = (x − y)·(x − y) = ‖x‖² + ‖y‖² − 2·x·y
 *    so all m·p inner products x·y come out of one matrix product G = X·Yᵀ (gemm, the fastest
 *    kernel we have), and D²[i, j] = ‖X[i]‖² + ‖Y[j]‖² − 2·G[i, j].
 *    Caveat, cancellation: for two nearly identical points the three terms are large and
 *    their difference small, so D² carries an absolute error of a few eps·(‖x‖² + ‖y‖²) and
 *    may even come out negative. It is clipped at 0, and the distance of a point to itself
 *    (X vs X, Y omitted or the same array) is set to exactly 0, as scikit-learn does. For two
 *    distinct points at distance δ the error of D is about eps·‖x‖²/δ: with ‖x‖ ≈ 1 and
 *    δ ≈ 1e-8, every digit is lost. Use cdist (exact per pair) when such pairs matter.
 *
 * Reference: scikit-learn, sklearn.metrics.pairwise.euclidean_distances (user guide §6.8,
 * "Pairwise metrics"); NumPy broadcasting (numpy.org/doc/stable/user/basics.broadcasting.html);
 * Higham, "Accuracy and Stability of Numerical Algorithms", §1.7 (cancellation).
 */
import * as np from "@sliderule/ndarray";
import { NDArray } from "@sliderule/ndarray";
import { ValueError, checkArray, show, type ArrayInput } from "../base.js";

export interface EuclideanOptions {
  /** Return squared distances ‖x − y‖² (no square root). Default false. */
  squared?: boolean;
}

export interface BroadcastOptions extends EuclideanOptions {
  /** Largest intermediate (rows of X in a block × p × n), in elements. Default 2²² (32 MB). */
  blockElements?: number;
}

/** X and Y (or X again) as C-contiguous float64 matrices with the same number of columns. */
function readXY(fn: string, X: ArrayInput, Y: ArrayInput | null | undefined): { A: NDArray; B: NDArray; same: boolean } {
  const A = checkArray(X, fn, "X", { ndim: 2, dtype: "float64", minSamples: 0 });
  const same = Y === undefined || Y === null || Y === X;
  const B = same ? A : checkArray(Y, fn, "Y", { ndim: 2, dtype: "float64", minSamples: 0 });
  if (A.shape[1] !== B.shape[1]) {
    throw new ValueError(`${fn}: X and Y must have the same number of features: X is (${A.shape.join(", ")}), Y is (${B.shape.join(", ")})`);
  }
  return { A, B, same };
}

function readSquared(fn: string, options: unknown, allowed: readonly string[]): { squared: boolean; rest: Record<string, unknown> } {
  if (options === undefined) return { squared: false, rest: {} };
  if (options === null || typeof options !== "object" || Array.isArray(options) || options instanceof NDArray) {
    throw new ValueError(`${fn}: options must be an object, got ${show(options)}`);
  }
  const o = options as Record<string, unknown>;
  for (const key of Object.keys(o)) if (!allowed.includes(key)) throw new ValueError(`${fn}: unknown option '${key}'; its options are ${allowed.join(", ")}`);
  const squared = o.squared ?? false;
  if (typeof squared !== "boolean") throw new ValueError(`${fn}: option squared must be true or false, got ${show(squared)}`);
  return { squared, rest: o };
}

/** ‖X[i]‖² for each of the m rows of an (m, n) C-order matrix. */
export function rowSquaredNorms(X: Float64Array, m: number, n: number): Float64Array {
  const out = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let k = i * n, e = k + n; k < e; k++) s += X[k] * X[k];
    out[i] = s;
  }
  return out;
}

/**
 * Formulation 1, loops: D[i, j] = sqrt(Σ_k (X[i,k] − Y[j,k])²) by three nested loops.
 *
 * Shapes: `X: (m, n)`, `Y: (p, n)` (default: X) -> `(m, p)` float64. The readable reference.
 * @throws ValueError for non-2-D input, NaN/Inf, different numbers of features, bad options.
 * @example pairwiseDistancesLoops([[0, 0], [3, 4]]).toArray()   // [[0, 5], [5, 0]]
 */
export function pairwiseDistancesLoops(X: ArrayInput, Y?: ArrayInput | null, options?: EuclideanOptions): NDArray {
  const fn = "pairwiseDistancesLoops";
  const { squared } = readSquared(fn, options, ["squared"]);
  const { A, B } = readXY(fn, X, Y);
  const [m, n] = A.shape;
  const p = B.shape[0];
  const x = A.data as Float64Array;
  const y = B.data as Float64Array;
  const D = new Float64Array(m * p);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < p; j++) {
      // D²[i, j] = Σ_k (x_k − y_k)²
      let s = 0;
      for (let k = 0; k < n; k++) {
        const t = x[i * n + k] - y[j * n + k];
        s += t * t;
      }
      D[i * p + j] = squared ? s : Math.sqrt(s);
    }
  }
  return np.fromTypedArray(D, [m, p]);
}

/**
 * Formulation 2, broadcasting: sqrt(((X[:, None, :] − Y[None, :, :])²).sum(-1)), with NDArray
 * operations only, rows of X in blocks so the (rows, p, n) intermediate stays below
 * `blockElements`.
 *
 * Shapes: `X: (m, n)`, `Y: (p, n)` (default: X) -> `(m, p)` float64.
 * @throws ValueError as pairwiseDistancesLoops, and for blockElements not a positive integer.
 * @example pairwiseDistancesBroadcast([[0, 0], [3, 4]]).toArray()   // [[0, 5], [5, 0]]
 */
export function pairwiseDistancesBroadcast(X: ArrayInput, Y?: ArrayInput | null, options?: BroadcastOptions): NDArray {
  const fn = "pairwiseDistancesBroadcast";
  const { squared, rest } = readSquared(fn, options, ["squared", "blockElements"]);
  const blockElements = rest.blockElements ?? 1 << 22;
  if (typeof blockElements !== "number" || !Number.isInteger(blockElements) || blockElements < 1) {
    throw new ValueError(`${fn}: option blockElements must be a positive integer, got ${show(blockElements)}`);
  }
  const { A, B } = readXY(fn, X, Y);
  const [m, n] = A.shape;
  const p = B.shape[0];
  const D = new Float64Array(m * p);
  const rows = Math.max(1, Math.floor(blockElements / Math.max(1, p * n)));
  const Yb = B.slice(np.newaxis, ":", ":"); //                         (1, p, n)
  for (let i0 = 0; i0 < m; i0 += rows) {
    const i1 = Math.min(m, i0 + rows);
    const Xb = A.slice(`${i0}:${i1}`, np.newaxis, ":"); //             (rows, 1, n)
    const diff = Xb.subtract(Yb); //                                  (rows, p, n): X[i, k] − Y[j, k]
    const sq = np.sum(diff.multiply(diff), { axis: -1 }); //           (rows, p): Σ_k (X[i, k] − Y[j, k])²
    const block = squared ? sq : np.sqrt(sq);
    D.set(block.toTypedArray() as Float64Array, i0 * p);
  }
  return np.fromTypedArray(D, [m, p]);
}

/**
 * Formulation 3, the expansion (scikit-learn's `euclidean_distances(X, Y, squared)`):
 * D²[i, j] = max(‖X[i]‖² + ‖Y[j]‖² − 2·(X·Yᵀ)[i, j], 0), one gemm for all inner products.
 * With Y omitted (or the same array as X) the diagonal is exactly 0.
 *
 * Shapes: `X: (m, n)`, `Y: (p, n)` (default: X) -> `(m, p)` float64.
 * Notes: fast (2·m·p·n flops in gemm, then one pass over D) but subject to cancellation for
 * nearly identical points (see the file header); cdist computes each pair directly.
 * @throws ValueError for non-2-D input, NaN/Inf, different numbers of features, bad options.
 * @example euclideanDistances([[0, 0], [3, 4]]).toArray()   // [[0, 5], [5, 0]]
 */
export function euclideanDistances(X: ArrayInput, Y?: ArrayInput | null, options?: EuclideanOptions): NDArray {
  const fn = "euclideanDistances";
  const { squared } = readSquared(fn, options, ["squared"]);
  const { A, B, same } = readXY(fn, X, Y);
  return expansionDistances(A, B, same, squared);
}

/**
 * Inner products per gemm block in the expansion (rows of X per block = BLOCK_VALUES / p):
 * 2¹⁹ values, a 4 MB work space. Measured on 2000×2000 (10 and 64 features): 2¹⁵ and 2¹⁷
 * were 5–15% slower (more, smaller gemm calls), 2²¹ 10–35% slower (the block leaves cache).
 */
const BLOCK_VALUES = 1 << 19;

/**
 * The expansion on checked, C-contiguous float64 matrices A (m, n) and B (p, n).
 * `same`: B is A (the diagonal is set to 0 and only the upper triangle is computed).
 *
 * Blocked: for a block of rows X_b of X, G_b = X_b·Yᵀ goes into a reused buffer (one gemm,
 * `matmul(…, { out })`), which the finishing loop reads while it is still in cache and turns
 * into the block's rows of D. For X against itself, the block only needs the columns
 * j ≥ its first row i0 (D is symmetric): the gemm and the finishing loop do half the work,
 * and each finished entry D[i, j] is also written to D[j, i].
 */
export function expansionDistances(A: NDArray, B: NDArray, same: boolean, squared: boolean): NDArray {
  const [m, n] = A.shape;
  const p = B.shape[0];
  if (m === 0 || p === 0 || n === 0) return np.zeros([m, p]);
  const x = A.data as Float64Array;
  const y = B.data as Float64Array;
  const XX = rowSquaredNorms(x, m, n);
  const YY = same ? XX : rowSquaredNorms(y, p, n);
  const D = new Float64Array(m * p);
  const rows = Math.max(1, Math.min(m, Math.floor(BLOCK_VALUES / p)));
  const buffer = new Float64Array(rows * p);
  for (let i0 = 0; i0 < m; i0 += rows) {
    const r = Math.min(rows, m - i0);
    // columns j0 .. p−1 of this block (X vs X: only j ≥ i0, the rest is mirrored from earlier blocks)
    const j0 = same ? i0 : 0;
    const w = p - j0;
    // G_b[i, j] = x_{i0+i} · y_{j0+j}: one gemm (Yᵀ is a view, read through its strides)
    const Xb = np.fromTypedArray(x.subarray(i0 * n, (i0 + r) * n), [r, n]);
    const Yt = np.fromTypedArray(y.subarray(j0 * n, p * n), [w, n]).T;
    np.matmul(Xb, Yt, { out: np.fromTypedArray(buffer.subarray(0, r * w), [r, w]) });
    for (let i = 0; i < r; i++) {
      const xx = XX[i0 + i];
      const row = (i0 + i) * p;
      for (let j = 0; j < w; j++) {
        // ‖x − y‖² = ‖x‖² + ‖y‖² − 2·x·y, clipped at 0 (cancellation can make it slightly negative)
        const d2 = xx + YY[j0 + j] - 2 * buffer[i * w + j];
        const c = d2 > 0 ? d2 : 0;
        D[row + j0 + j] = squared ? c : Math.sqrt(c);
      }
    }
    if (same) {
      // the diagonal: exactly 0 (a point's distance to itself); then mirror D[i, j] into D[j, i]
      for (let i = i0; i < i0 + r; i++) D[i * p + i] = 0;
      for (let j = i0 + 1; j < p; j++) {
        const iEnd = Math.min(i0 + r, j);
        for (let i = i0; i < iEnd; i++) D[j * p + i] = D[i * p + j];
      }
    }
  }
  return np.fromTypedArray(D, [m, p]);
}
