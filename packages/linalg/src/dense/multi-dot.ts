/**
 * A chain of matrix products in the cheapest order (NumPy's `np.linalg.multi_dot`).
 *
 *   A_0·A_1···A_{n−1},   A_i: p_i × p_{i+1}
 *
 * Matrix multiplication is associative but not equally expensive every way: (A·B)·C costs
 * p0·p1·p2 + p0·p2·p3 scalar multiplications, A·(B·C) costs p1·p2·p3 + p0·p1·p3. The classic
 * dynamic programme (Cormen et al., "Introduction to Algorithms", §15.2) finds the optimal
 * parenthesisation in O(n³):
 *
 *   m[i, j] = min_{i ≤ s < j} m[i, s] + m[s+1, j] + p_i·p_{s+1}·p_{j+1},   m[i, i] = 0
 *
 * with split[i, j] the minimising s (the first on ties, as NumPy). The products then follow
 * the recorded splits.
 *
 * A 1-D first argument is a row vector (1, p1) and a 1-D last argument a column vector; the
 * result drops those axes again (both 1-D: a 0-d scalar), as NumPy.
 *
 * Invariant: the result equals the left-to-right product up to rounding.
 * Reference: NumPy `multi_dot`, `_multi_dot_matrix_chain_order`.
 */
import * as np from "@sliderule/ndarray";
import { ValueError, type NDArray } from "@sliderule/ndarray";
import { LinAlgError } from "../errors.js";
import { asArray, fmtShape, type ArrayInput } from "../util/batch.js";
import { matmul } from "../util/matmul.js";
import { show } from "../util/options.js";

/** The optimal split points of the chain with dimensions p (Cormen et al. §15.2). */
export function matrixChainOrder(p: readonly number[]): number[][] {
  const n = p.length - 1;
  const cost = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const split = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  // chains of length l + 1, shortest first
  for (let l = 1; l < n; l++) {
    for (let i = 0; i + l < n; i++) {
      const j = i + l;
      cost[i][j] = Infinity;
      for (let s = i; s < j; s++) {
        // (A_i···A_s)·(A_{s+1}···A_j)
        const q = cost[i][s] + cost[s + 1][j] + p[i] * p[s + 1] * p[j + 1];
        if (q < cost[i][j]) {
          cost[i][j] = q;
          split[i][j] = s;
        }
      }
    }
  }
  return split;
}

/**
 * Multiply two or more matrices in the cheapest order (NumPy's `np.linalg.multi_dot`).
 *
 * @param arrays 2-D arrays; the first may be 1-D (a row vector) and the last 1-D (a column
 *   vector).
 * @returns the product: 2-D, or 1-D when one end is 1-D, or 0-d when both are.
 * @throws ValueError for arrays that is not a list, fewer than two arrays or misaligned shapes
 *   ("shapes (3,4) and (5,2) not aligned: 4 (dim 1) != 5 (dim 0)"); LinAlgError kind
 *   "invalidInput" for an inner array that is not 2-D.
 *
 * Notes: O(n³) dynamic programme for the order, gemm for the products.
 *
 * @example
 *   // (1×2)·(2×1)·(1×1)
 *   assert.deepEqual(linalg.multiDot([[[1, 2]], [[3], [4]], [[5]]]).toArray(), [[55]]);
 */
export function multiDot(arrays: readonly ArrayInput[]): NDArray {
  const fn = "multiDot";
  if (!Array.isArray(arrays)) throw new ValueError(`${fn}: arrays must be a list of arrays, got ${show(arrays)}`);
  if (arrays.length < 2) throw new ValueError(`${fn}: expecting at least two arrays, got ${arrays.length}`);
  const xs = arrays.map((x) => asArray(x));
  const firstVector = xs[0].ndim === 1;
  const lastVector = xs[xs.length - 1].ndim === 1;
  // a 1-D end becomes a row (first) or column (last) vector
  if (firstVector) xs[0] = xs[0].reshape(1, xs[0].shape[0]);
  if (lastVector) xs[xs.length - 1] = xs[xs.length - 1].reshape(xs[xs.length - 1].shape[0], 1);
  xs.forEach((x, i) => {
    if (x.ndim !== 2) {
      throw new LinAlgError(`${fn}: array ${i} is ${x.ndim}-dimensional (shape ${fmtShape(x.shape)}); arrays must be two-dimensional`, "invalidInput");
    }
  });
  for (let i = 0; i + 1 < xs.length; i++) {
    const [a, b] = [xs[i], xs[i + 1]];
    if (a.shape[1] !== b.shape[0]) {
      throw new ValueError(`${fn}: shapes (${a.shape.join(",")}) and (${b.shape.join(",")}) not aligned: ${a.shape[1]} (dim 1) != ${b.shape[0]} (dim 0)`);
    }
  }
  const p = [...xs.map((x) => x.shape[0]), xs[xs.length - 1].shape[1]];
  const split = matrixChainOrder(p);
  // the product A_i···A_j by the recorded splits
  // bool·bool stays bool (np.matmul's OR of ANDs, as NumPy); other pairs promote as NumPy
  const mul = (x: NDArray, y: NDArray): NDArray => (x.dtype === "bool" && y.dtype === "bool" ? np.matmul(x, y) : matmul(x, y, fn));
  const product = (i: number, j: number): NDArray => (i === j ? xs[i] : mul(product(i, split[i][j]), product(split[i][j] + 1, j)));
  let result = product(0, xs.length - 1);
  if (result === xs[0]) result = result.copy();
  if (firstVector && lastVector) return result.reshape([]);
  if (firstVector || lastVector) return result.reshape(-1);
  return result;
}
