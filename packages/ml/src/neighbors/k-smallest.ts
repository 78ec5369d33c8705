/**
 * Partial selection: the k smallest of n values, in ascending order, with their indices.
 *
 *   (values, indices) = the first k of sort((v[0], 0), …, (v[n−1], n−1)) by (value, index)
 *
 * Ties go to the smaller index, so the selection is deterministic (NumPy's argpartition
 * leaves ties in an unspecified order). NaN counts as larger than every number.
 *
 * Algorithm: a bounded max-heap of the k best seen so far (Williams' heap, Knuth TAOCP vol. 3
 * §5.2.3): each of the n values is compared with the heap's root, the worst kept, and
 * replaces it when better (sift down), O(n log k) comparisons; then the heap is sorted in
 * place (heapsort's second phase), O(k log k). No allocation per call: the caller passes the
 * output arrays, which double as the heap.
 *
 * Reference: Knuth, "The Art of Computer Programming", vol. 3, §5.2.3 (heapsort) and §5.3.3
 * (selection); scikit-learn's brute-force neighbours use np.argpartition then argsort.
 */

/** (a, i) ranks after (b, j): a larger value, or an equal value with a larger index (NaN last). */
function after(a: number, i: number, b: number, j: number): boolean {
  if (a > b) return true;
  if (a < b) return false;
  if (a === b) return i > j;
  // at least one NaN: NaN ranks after every number, NaNs among themselves by index
  const an = a !== a;
  const bn = b !== b;
  return an && bn ? i > j : an;
}

/** Restore the max-heap property below position r of the heap held in (hv, hi)[o, o + size). */
function siftDown(hv: Float64Array, hi: Int32Array, o: number, size: number, r: number): void {
  const v = hv[o + r];
  const ix = hi[o + r];
  for (;;) {
    let c = 2 * r + 1; // left child
    if (c >= size) break;
    // the larger child (by (value, index))
    if (c + 1 < size && after(hv[o + c + 1], hi[o + c + 1], hv[o + c], hi[o + c])) c++;
    if (!after(hv[o + c], hi[o + c], v, ix)) break;
    hv[o + r] = hv[o + c];
    hi[o + r] = hi[o + c];
    r = c;
  }
  hv[o + r] = v;
  hi[o + r] = ix;
}

/**
 * Write the k smallest of values[vo + j], j in [0, n), ascending by (value, j), to
 * outValues[o, o + k) and their positions j to outIndices[o, o + k). Requires 1 ≤ k ≤ n.
 */
export function kSmallest(values: Float64Array, vo: number, n: number, k: number, outValues: Float64Array, outIndices: Int32Array, o: number): void {
  // 1. heap of the first k values (a max-heap: the root is the worst kept)
  for (let j = 0; j < k; j++) {
    outValues[o + j] = values[vo + j];
    outIndices[o + j] = j;
  }
  for (let r = (k >> 1) - 1; r >= 0; r--) siftDown(outValues, outIndices, o, k, r);
  // 2. each later value replaces the root when it ranks before it
  for (let j = k; j < n; j++) {
    const v = values[vo + j];
    if (after(outValues[o], outIndices[o], v, j)) {
      outValues[o] = v;
      outIndices[o] = j;
      siftDown(outValues, outIndices, o, k, 0);
    }
  }
  // 3. heapsort in place: move the root (the largest) to the end, shrink, repeat
  for (let size = k - 1; size > 0; size--) {
    const tv = outValues[o];
    const ti = outIndices[o];
    outValues[o] = outValues[o + size];
    outIndices[o] = outIndices[o + size];
    outValues[o + size] = tv;
    outIndices[o + size] = ti;
    siftDown(outValues, outIndices, o, size, 0);
  }
}
