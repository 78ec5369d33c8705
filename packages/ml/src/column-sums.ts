/**
 * Column sums of a C-contiguous (m, n) buffer, the rows added in order:
 *
 *   sums[j] += A[0, j] + A[1, j] + … + A[m−1, j]      (left to right, as the plain double loop)
 *
 * The order is the one NumPy's `A.sum(0)` / `A.mean(0)` use on a C-contiguous array (row after
 * row), so a mean or a bias gradient computed here is bit for bit scikit-learn's. The loop
 * takes four rows per pass over `sums`: each running sum is loaded and stored once per four
 * additions instead of once per addition, about twice as fast, with the same additions in the
 * same order. A float32 `sums` takes the plain loop: the store into it rounds every addition
 * to float32, which a float64 running sum would not.
 */

/** A float buffer: float64, or float32 for float32 training. */
type FloatArray = Float64Array | Float32Array;

/** sums[j] += Σ_i A[i·n + j] for i = 0 … m−1, in order (see the file header). */
export function columnSums(A: FloatArray, m: number, n: number, sums: FloatArray): void {
  if (sums instanceof Float32Array) {
    // float32: every addition rounded to float32 by the store, as the plain loop does
    for (let i = 0, r = 0; i < m; i++, r += n) for (let j = 0; j < n; j++) sums[j] += A[r + j];
    return;
  }
  let i = 0;
  let r = 0;
  for (; i + 4 <= m; i += 4, r += 4 * n) {
    for (let j = 0; j < n; j++) {
      let s = sums[j];
      s += A[r + j];
      s += A[r + n + j];
      s += A[r + 2 * n + j];
      s += A[r + 3 * n + j];
      sums[j] = s;
    }
  }
  for (; i < m; i++, r += n) for (let j = 0; j < n; j++) sums[j] += A[r + j];
}
