/**
 * Sorting kernels for one lane of float64 keys, in NumPy's total order:
 *
 *   -inf < … < -1 < -0 = +0 < 1 < … < +inf < NaN     (all NaNs equal, after everything)
 *
 * `sortLane(v)` sorts `v` in place; `argsortLane(keys, perm, n)` writes into `perm[0:n]` the
 * permutation that sorts `keys[0:n]`, so that keys[perm[0]] <= keys[perm[1]] <= … in that order.
 *
 * Invariant: both are *stable*: elements that compare equal (ties, -0 and +0, NaNs) keep
 * their input order, as NumPy's kind="stable".
 *
 * Algorithms:
 * - `sortLane`: the engine's typed-array sort (numeric, NaN last, but -0 before +0), then the
 *   run of zeros is rewritten with the input's signs in input order, which makes the result
 *   equal to a stable sort's (the values are indistinguishable otherwise).
 * - `argsortLane`: bottom-up merge sort on (key, index) pairs carried side by side in typed
 *   arrays (no comparator closures, no boxing): insertion sort on runs of RUN elements, then
 *   merge passes that double the run length, ping-ponging between two buffers. Merging takes
 *   from the right run only when its key is strictly smaller, which keeps ties in order.
 *   Reference: Knuth, TAOCP vol. 3, §5.2.4 (straight two-way merge), §5.2.1 (insertion).
 *
 * The reference twins (`sortLaneReference`, `argsortLaneReference`) are the readable
 * definition: Array.prototype.sort (stable since ES2019) with NumPy's comparison.
 * kernels/sort.test.ts runs the same cases against both.
 */

/** Insertion-sort run length before the merge passes begin. */
const RUN = 24;

/** NumPy's order as a comparator: numbers ascending, -0 = +0, NaN last (and equal to NaN). */
export function compareNaNLast(x: number, y: number): number {
  if (x !== x) return y !== y ? 0 : 1;
  if (y !== y) return -1;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Sort `v` in place, stably, NaN last. */
export function sortLane(v: Float64Array): void {
  const n = v.length;
  // count the zeros and the negative ones: only a lane holding both signs needs the fix-up
  let zeros = 0;
  let negZeros = 0;
  for (let k = 0; k < n; k++) {
    if (v[k] === 0) {
      zeros++;
      if (1 / v[k] < 0) negZeros++;
    }
  }
  let zeroSigns: Float64Array | null = null;
  if (negZeros > 0 && negZeros < zeros) {
    zeroSigns = new Float64Array(zeros);
    for (let k = 0, z = 0; k < n; k++) if (v[k] === 0) zeroSigns[z++] = v[k];
  }
  v.sort(); // the typed array's numeric sort: NaN last, but -0 before +0
  if (zeroSigns !== null) {
    // the zeros sit together; find the first and put the signs back in input order
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (v[mid] < 0) lo = mid + 1;
      else hi = mid;
    }
    v.set(zeroSigns, lo);
  }
}

/**
 * Stable argsort of `keys[0:n]` into `perm[0:n]` (NaN last). `keys` is left unchanged.
 * `scratch` may pass buffers of at least n elements to reuse between lanes.
 */
export function argsortLane(keys: Float64Array, perm: Int32Array, n: number, scratch?: { k0: Float64Array; k1: Float64Array; p1: Int32Array }): void {
  // (key, index) pairs in two ping-pong buffers: (ka, pa) holds the current runs
  let ka = scratch ? scratch.k0 : new Float64Array(n);
  let pa = perm;
  let kb = scratch ? scratch.k1 : new Float64Array(n);
  let pb = scratch ? scratch.p1 : new Int32Array(n);
  for (let i = 0; i < n; i++) {
    ka[i] = keys[i];
    pa[i] = i;
  }
  // 1. insertion sort on each run [lo, lo + RUN): shift right while the key is strictly greater
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(lo + RUN, n);
    for (let i = lo + 1; i < hi; i++) {
      const x = ka[i];
      const p = pa[i];
      let j = i - 1;
      // x < ka[j] in NumPy's order: x is a number and (ka[j] is NaN or x < ka[j])
      while (j >= lo && x === x && (ka[j] !== ka[j] || x < ka[j])) {
        ka[j + 1] = ka[j];
        pa[j + 1] = pa[j];
        j--;
      }
      ka[j + 1] = x;
      pa[j + 1] = p;
    }
  }
  // 2. merge neighbouring runs of length `width` from (ka, pa) into (kb, pb), doubling width
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let o = lo;
      while (i < mid && j < hi) {
        const left = ka[i];
        const right = ka[j];
        // take the right element only if right < left strictly (stability)
        if (right === right && (left !== left || right < left)) {
          kb[o] = right;
          pb[o++] = pa[j++];
        } else {
          kb[o] = left;
          pb[o++] = pa[i++];
        }
      }
      while (i < mid) {
        kb[o] = ka[i];
        pb[o++] = pa[i++];
      }
      while (j < hi) {
        kb[o] = ka[j];
        pb[o++] = pa[j++];
      }
    }
    [ka, kb] = [kb, ka];
    [pa, pb] = [pb, pa];
  }
  if (pa !== perm) perm.set(pa.subarray(0, n));
}

/** Reference twin of `sortLane`: a stable sort with NumPy's comparison. */
export function sortLaneReference(v: Float64Array): void {
  const sorted = Array.from(v).sort(compareNaNLast);
  for (let k = 0; k < v.length; k++) v[k] = sorted[k];
}

/** Reference twin of `argsortLane`: indices sorted stably by NumPy's comparison of their keys. */
export function argsortLaneReference(keys: Float64Array, perm: Int32Array, n: number): void {
  const order = Array.from({ length: n }, (_, i) => i).sort((p, q) => compareNaNLast(keys[p], keys[q]));
  for (let k = 0; k < n; k++) perm[k] = order[k];
}
