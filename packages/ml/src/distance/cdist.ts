/**
 * cdist: the distance between every row of XA and every row of XB (SciPy's
 * `scipy.spatial.distance.cdist`).
 *
 *   D[i, j] = d(XA[i], XB[j])        XA: (mA, n), XB: (mB, n)  ->  D: (mA, mB), float64
 *
 * with d one of the metrics of ./metrics.ts (euclidean, sqeuclidean, cityblock, chebyshev,
 * minkowski, cosine) or a function of two rows. Each entry is computed directly from the
 * differences u − v, pair by pair, so it is as accurate as the metric's sum allows
 * (|error| ≤ n·eps·Σ|terms|) and the distance of a row to an identical row is exactly 0.
 * NaN in the input gives NaN in the affected entries, as SciPy's.
 *
 * Sibling: pairwiseDistances (./pairwise-distances.ts, scikit-learn's) computes the euclidean
 * distance through one matrix product instead (‖a‖² + ‖b‖² − 2a·b, ./euclidean.ts): several
 * times faster for many features, less accurate for nearly identical points.
 *
 * Reference: SciPy, scipy.spatial.distance.cdist (SciPy 1.10: scipy/spatial/distance.py and
 * the C loops of scipy/spatial/src/distance_impl.h).
 */
import * as np from "@sliderule/ndarray";
import type { NDArray } from "@sliderule/ndarray";
import { ValueError, checkArray, type ArrayInput } from "../base.js";
import { fillRow, readDistanceArgs, resolveMetric, rowNorms, type DistanceOptions, type Metric } from "./metrics.js";

/**
 * `scipy.spatial.distance.cdist(XA, XB, metric, p=…, w=…)`: D[i, j] = d(XA[i], XB[j]).
 *
 * Shapes: `XA: (mA, n)`, `XB: (mB, n)` -> `(mA, mB)` float64 (either may have 0 rows).
 * The metric is positional (`cdist(A, B, "cityblock")`) or an option
 * (`cdist(A, B, { metric: "minkowski", p: 3 })`); default "euclidean".
 *
 * @throws ValueError if XA or XB is not 2-D, their numbers of columns differ, the metric is
 *   unknown, p is not > 0 or is given to a metric other than minkowski, w is not (n,) and ≥ 0.
 * @example
 * cdist([[0, 0], [1, 1]], [[3, 4]]).toArray()   // [[5], [3.605551275463989]]
 */
export function cdist(XA: ArrayInput, XB: ArrayInput, metric?: Metric | DistanceOptions, options?: DistanceOptions): NDArray {
  const fn = "cdist";
  const args = readDistanceArgs(fn, metric, options, "euclidean");
  const A = checkArray(XA, fn, "XA", { ndim: 2, dtype: "float64", allowNonFinite: true, minSamples: 0 });
  const B = checkArray(XB, fn, "XB", { ndim: 2, dtype: "float64", allowNonFinite: true, minSamples: 0 });
  const [mA, n] = A.shape;
  const [mB, nB] = B.shape;
  if (n !== nB) {
    throw new ValueError(`${fn}: XA and XB must have the same number of columns (features): XA is (${mA}, ${n}), XB is (${mB}, ${nB})`);
  }
  const spec = resolveMetric(fn, args.metric, args.p, args.w, n);
  const a = A.data as Float64Array;
  const b = B.data as Float64Array;
  const D = new Float64Array(mA * mB);
  const normsA = rowNorms(spec, a, mA, n);
  const normsB = rowNorms(spec, b, mB, n);
  // row i of D: the distances from XA[i] to every row of XB
  for (let i = 0; i < mA; i++) fillRow(spec, a, i, b, 0, mB, n, D, i * mB, normsA, normsB);
  return np.fromTypedArray(D, [mA, mB]);
}
