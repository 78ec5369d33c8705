/**
 * Deterministic signs for singular vectors (scikit-learn ≥ 1.5's `svd_flip` with
 * `u_based_decision=False`).
 *
 *   For each row v_k of Vᵀ: s_k = sign(v_k[argmax_j |v_kj|]);  v_k ← s_k·v_k,  u_k ← s_k·u_k
 *
 * A singular pair (u_k, v_k) is only defined up to a common sign (U·Σ·Vᵀ is unchanged when
 * both flip), so every solver ends with this rule: in each row of `components` the entry of
 * largest magnitude (the first such on ties) is positive.
 * Reference: scikit-learn `utils/extmath.py` `svd_flip`.
 */

/**
 * Flip rows of Vt (k, d) in place so that each row's largest-magnitude entry is positive; flip
 * the matching columns of U (n, ldu) too when given. Returns the signs applied.
 */
export function svdFlip(Vt: Float64Array, k: number, d: number, U?: { data: Float64Array; n: number; ld: number }): Float64Array {
  const signs = new Float64Array(k);
  for (let r = 0; r < k; r++) {
    let best = 0;
    for (let j = 1; j < d; j++) if (Math.abs(Vt[r * d + j]) > Math.abs(Vt[r * d + best])) best = j;
    const s = Vt[r * d + best] < 0 ? -1 : 1;
    signs[r] = s;
    if (s < 0) {
      for (let j = 0; j < d; j++) Vt[r * d + j] = -Vt[r * d + j];
      if (U) for (let i = 0; i < U.n; i++) U.data[i * U.ld + r] = -U.data[i * U.ld + r];
    }
  }
  return signs;
}
