/**
 * pdist: the distance between every pair of rows of X, in condensed form (SciPy's
 * `scipy.spatial.distance.pdist`).
 *
 *   y = [d(X[0], X[1]), d(X[0], X[2]), …, d(X[0], X[m−1]), d(X[1], X[2]), …, d(X[m−2], X[m−1])]
 *
 * the upper triangle of the (symmetric, zero-diagonal) distance matrix, row by row: m(m−1)/2
 * values. The pair (i, j), i < j, sits at index m·i − i(i+1)/2 + j − i − 1.
 * `squareform(y)` (./squareform.ts) unfolds it into the m×m matrix, and back.
 *
 * Half the work and memory of `cdist(X, X)`, with the same per-pair definitions (./metrics.ts).
 *
 * Reference: SciPy, scipy.spatial.distance.pdist.
 */
import * as np from "@sliderule/ndarray";
import type { NDArray } from "@sliderule/ndarray";
import { checkArray, type ArrayInput } from "../base.js";
import { fillRow, readDistanceArgs, resolveMetric, rowNorms, type DistanceOptions, type Metric } from "./metrics.js";

/**
 * `scipy.spatial.distance.pdist(X, metric, p=…, w=…)`: the condensed distance vector.
 *
 * Shapes: `X: (m, n)` -> `(m·(m−1)/2,)` float64 (empty for m < 2). Metric and options as
 * {@link cdist}.
 *
 * @throws ValueError if X is not 2-D, or for a bad metric or option (see cdist).
 * @example
 * pdist([[0, 0], [3, 4], [6, 8]]).toArray()   // [5, 10, 5]
 */
export function pdist(X: ArrayInput, metric?: Metric | DistanceOptions, options?: DistanceOptions): NDArray {
  const fn = "pdist";
  const args = readDistanceArgs(fn, metric, options, "euclidean");
  const A = checkArray(X, fn, "X", { ndim: 2, dtype: "float64", allowNonFinite: true, minSamples: 0 });
  const [m, n] = A.shape;
  const spec = resolveMetric(fn, args.metric, args.p, args.w, n);
  const x = A.data as Float64Array;
  const norms = rowNorms(spec, x, m, n);
  const y = new Float64Array(m < 2 ? 0 : (m * (m - 1)) / 2);
  // row i contributes the pairs (i, i+1), …, (i, m−1), which follow one another in y
  let o = 0;
  for (let i = 0; i < m - 1; i++) {
    fillRow(spec, x, i, x, i + 1, m, n, y, o, norms, norms);
    o += m - 1 - i;
  }
  return np.fromTypedArray(y, [y.length]);
}
