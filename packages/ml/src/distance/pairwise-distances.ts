/**
 * pairwiseDistances: scikit-learn's `pairwise_distances(X, Y=None, metric=…)`, the distance
 * matrix between the rows of X and those of Y (or of X itself).
 *
 *   D[i, j] = d(X[i], Y[j])        X: (m, n), Y: (p, n) (default X)  ->  D: (m, p), float64
 *
 * How each metric is computed (as scikit-learn does):
 *   euclidean, l2, sqeuclidean   the Gram-matrix expansion ‖x‖² + ‖y‖² − 2·x·y through one
 *                                gemm, clipped at 0, exact zeros on the diagonal of X vs X
 *                                (./euclidean.ts, which explains its cancellation error)
 *   cosine                       1 − x̂·ŷ with x̂ = x/‖x‖ (a zero row stays zero, so its
 *                                distance to anything is 1, where cdist gives NaN), through one
 *                                gemm, clipped to [0, 2], zero diagonal for X vs X
 *   cityblock (l1, manhattan),   per pair, by the loops of ./metrics.ts (cdist's)
 *   chebyshev, minkowski, a function
 * With Y omitted and a per-pair metric, only the upper triangle is computed and mirrored.
 *
 * Reference: scikit-learn, sklearn.metrics.pairwise.pairwise_distances, euclidean_distances,
 * cosine_distances (user guide §6.8, "Pairwise metrics, Affinities and Kernels").
 */
import * as np from "@sliderule/ndarray";
import type { NDArray } from "@sliderule/ndarray";
import { ValueError, checkArray, parseOptions, type ArrayInput } from "../base.js";
import { expansionDistances, rowSquaredNorms } from "./euclidean.js";
import { fillRow, resolveMetric, rowNorms, type Metric, type MetricOptions, type MetricSpec } from "./metrics.js";
import { z } from "zod";

export interface PairwiseDistancesOptions extends MetricOptions {
  /**
   * "euclidean" (default), "l2", "sqeuclidean", "cosine", "cityblock", "l1", "manhattan",
   * "chebyshev", "minkowski" (with p), or a function (u, v) => number.
   */
  metric?: Metric | "l1" | "l2" | "manhattan";
}

const schema = z.object({ metric: z.unknown().optional(), p: z.unknown().optional(), w: z.unknown().optional() });

/**
 * `sklearn.metrics.pairwise_distances(X, Y=None, metric=…)`: D[i, j] = d(X[i], Y[j]).
 *
 * Shapes: `X: (m, n)`, `Y: (p, n)` (omitted or null: X) -> `(m, p)` float64.
 * Notes: the euclidean family and cosine go through one gemm (fast; see the file header for
 * the accuracy caveat); other metrics are computed per pair as cdist does.
 * @throws ValueError for non-2-D input, NaN or ±Inf (as scikit-learn's check), different
 *   numbers of features, an unknown metric or option.
 * @example
 * pairwiseDistances([[0, 0], [3, 4]]).toArray()                          // [[0, 5], [5, 0]]
 * pairwiseDistances([[0, 0]], [[3, 4]], { metric: "manhattan" }).toArray() // [[7]]
 */
export function pairwiseDistances(X: ArrayInput, Y?: ArrayInput | null, options?: PairwiseDistancesOptions): NDArray {
  const fn = "pairwiseDistances";
  const o = parseOptions(fn, schema, options);
  const A = checkArray(X, fn, "X", { ndim: 2, dtype: "float64", minSamples: 0 });
  const same = Y === undefined || Y === null || Y === X;
  const B = same ? A : checkArray(Y, fn, "Y", { ndim: 2, dtype: "float64", minSamples: 0 });
  const [m, n] = A.shape;
  const p = B.shape[0];
  if (B.shape[1] !== n) {
    throw new ValueError(`${fn}: X and Y must have the same number of features: X is (${m}, ${n}), Y is (${p}, ${B.shape[1]})`);
  }
  const spec = resolveMetric(fn, o.metric ?? "euclidean", o.p, o.w, n, true);
  return distanceMatrix(A, B, same, spec);
}

/**
 * The distance matrix of checked, C-contiguous float64 matrices A (m, n) and B (p, n) for a
 * resolved metric, computed as the file header says. `same`: B is A. With `squaredEuclidean`,
 * the euclidean metric returns squared distances (for neighbour searches, which take the
 * square root of the k selected only).
 */
export function distanceMatrix(A: NDArray, B: NDArray, same: boolean, spec: MetricSpec, squaredEuclidean = false): NDArray {
  const [m, n] = A.shape;
  const p = B.shape[0];
  if (spec.w === null && (spec.kind === "euclidean" || spec.kind === "sqeuclidean")) {
    return expansionDistances(A, B, same, spec.kind === "sqeuclidean" || squaredEuclidean);
  }
  if (spec.w === null && spec.kind === "cosine") return cosineDistances(A, B, same);
  const a = A.data as Float64Array;
  const b = B.data as Float64Array;
  const D = new Float64Array(m * p);
  const normsA = rowNorms(spec, a, m, n);
  if (!same) {
    const normsB = rowNorms(spec, b, p, n);
    for (let i = 0; i < m; i++) fillRow(spec, a, i, b, 0, p, n, D, i * p, normsA, normsB);
  } else {
    // symmetric: compute D[i, i+1:], mirror it into D[i+1:, i]; the diagonal is d(x, x) = 0
    for (let i = 0; i < m; i++) {
      fillRow(spec, a, i, a, i + 1, m, n, D, i * m + i + 1, normsA, normsA);
      for (let j = i + 1; j < m; j++) D[j * m + i] = D[i * m + j];
    }
  }
  if (squaredEuclidean && spec.kind === "euclidean") for (let k = 0; k < D.length; k++) D[k] *= D[k];
  return np.fromTypedArray(D, [m, p]);
}

/**
 * scikit-learn's cosine_distances: 1 − (X̂·Ŷᵀ)[i, j], rows scaled to unit norm (zero rows
 * left zero), clipped to [0, 2]; zero diagonal when Y is X.
 */
function cosineDistances(A: NDArray, B: NDArray, same: boolean): NDArray {
  const [m, n] = A.shape;
  const p = B.shape[0];
  if (m === 0 || p === 0) return np.zeros([m, p]);
  const normalise = (M: NDArray, rows: number): NDArray => {
    const x = M.data as Float64Array;
    const nrm = rowSquaredNorms(x, rows, n);
    const out = new Float64Array(rows * n);
    for (let i = 0; i < rows; i++) {
      const s = nrm[i] === 0 ? 1 : Math.sqrt(nrm[i]); // sklearn's normalize: a zero norm divides by 1
      for (let k = 0; k < n; k++) out[i * n + k] = x[i * n + k] / s;
    }
    return np.fromTypedArray(out, [rows, n]);
  };
  const An = normalise(A, m);
  const Bn = same ? An : normalise(B, p);
  const S = np.matmul(An, Bn.T);
  const D = S.data as Float64Array;
  for (let k = 0; k < m * p; k++) {
    const d = 1 - D[k];
    D[k] = d < 0 ? 0 : d > 2 ? 2 : d;
  }
  if (same) for (let i = 0; i < m; i++) D[i * p + i] = 0;
  return S;
}
