/**
 * Selection (order statistics) for median and quantiles: rearrange a lane so that chosen
 * positions hold the values a full sort would put there, in O(n) expected time per position
 * instead of the O(n log n) of a sort (NumPy's `np.partition(a, kth)`, which its median and
 * quantile use).
 *
 *   selectIndices(v, m, ks):  for every k in ks (0 <= k < m), afterwards
 *     v[k] = sort(v[0:m])[k],  v[i] <= v[k] for i < k,  v[j] >= v[k] for j > k
 *
 * v[0:m] must hold no NaN (callers move NaNs out first: `moveNaNsLast`).
 *
 * Algorithm: quickselect (Hoare, "Algorithm 65: FIND", CACM 1961) with a median-of-three pivot
 * and a three-way partition (Dijkstra's Dutch national flag), so runs of equal keys do not
 * degrade it; after 2·log2(n) + 8 rounds without finishing (adversarial input) it sorts the
 * remaining range, as introselect does (Musser 1997), bounding the worst case at O(n log n).
 * Several positions are selected in increasing order, each within the part right of the last,
 * as NumPy's partition with a kth array does.
 *
 * Reference twin: `selectIndicesReference` sorts v[0:m] (every position is then selected).
 * kernels/select.test.ts runs both on the same cases.
 */

/** Ranges at most this long are finished with the typed-array sort. */
const SMALL = 16;

/** Put v[k] in its sorted place within v[lo:hi], smaller-or-equal left of it, greater-or-equal right. */
function selectOne(v: Float64Array, k: number, lo: number, hi: number): void {
  let rounds = 2 * Math.ceil(Math.log2(hi - lo + 1)) + 8;
  while (hi - lo > SMALL) {
    if (rounds-- === 0) break;
    // pivot p: the median of the first, middle and last keys of the range
    const a = v[lo];
    const b = v[(lo + hi) >>> 1];
    const c = v[hi - 1];
    const p = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    // three-way partition: [lo, lt) < p, [lt, gt) = p, [gt, hi) > p
    let lt = lo;
    let gt = hi;
    let i = lo;
    while (i < gt) {
      const x = v[i];
      if (x < p) {
        v[i++] = v[lt];
        v[lt++] = x;
      } else if (x > p) {
        v[i] = v[--gt];
        v[gt] = x;
      } else {
        i++;
      }
    }
    if (k < lt) hi = lt;
    else if (k >= gt) lo = gt;
    else return; // v[k] = p, in place
  }
  v.subarray(lo, hi).sort();
}

/** Select every position of `ks` (any order, repeats allowed) in v[0:m]. */
export function selectIndices(v: Float64Array, m: number, ks: readonly number[]): void {
  const sorted = Array.from(new Set(ks)).sort((x, y) => x - y);
  let lo = 0;
  for (const k of sorted) {
    selectOne(v, k, lo, m);
    lo = k + 1; // everything right of k is >= v[k]: the next position lies there
  }
}

/** Reference twin of `selectIndices`: a full sort selects every position. */
export function selectIndicesReference(v: Float64Array, m: number, _ks: readonly number[]): void {
  v.subarray(0, m).sort();
}

/** Move the NaNs of v[0:n] to its end (order otherwise not kept); returns the count m of the others. */
export function moveNaNsLast(v: Float64Array, n: number): number {
  let m = 0;
  for (let i = 0; i < n; i++) {
    const x = v[i];
    if (x === x) {
      v[i] = v[m];
      v[m++] = x;
    }
  }
  for (let i = m; i < n; i++) v[i] = NaN;
  return m;
}
