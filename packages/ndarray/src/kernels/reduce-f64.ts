/**
 * Float64 unit-stride runs of the sum reduction, unrolled:
 *
 *   sumRunF64:         s = Σ_k D[i + k]                  (reducing along the run)
 *   accumulateRunF64:  acc[o + k] += D[i + k]            (reducing across runs, e.g. axis 0)
 *   sumRowsF64:        acc[o + r·ro] += Σ_k D[i + r·ri + k]   (many rows, each to its own output:
 *                                                        a sum over a short last axis)
 *
 * Why a float64-only copy of the loops in reduce.ts: as for elementwise-f64.ts, a loop that
 * has seen one typed-array kind only is compiled without per-element kind checks, and eight
 * loads per trip amortise the rest. `sumRunF64` also keeps eight independent partial sums,
 * which breaks the chain of dependent additions (each must wait for the previous one's
 * result) and is no less accurate than one running sum: the error bound of a sum in any
 * order is (n−1)·eps·Σ|x|, and eight interleaved partial sums of n/8 terms each, added at
 * the end, are a step toward pairwise summation (NumPy's own order).
 *
 * Reference twin: the plain loops of reduceStrided and reduceStridedReference in reduce.ts, which
 * reduce-f64.test.ts checks these against on every remainder length.
 */

/** Σ D[i + k] for k < n, with eight partial sums. */
export function sumRunF64(D: Float64Array, i: number, n: number): number {
  let s0 = 0,
    s1 = 0,
    s2 = 0,
    s3 = 0,
    s4 = 0,
    s5 = 0,
    s6 = 0,
    s7 = 0;
  let k = 0;
  for (; k + 8 <= n; k += 8) {
    s0 += D[i + k];
    s1 += D[i + k + 1];
    s2 += D[i + k + 2];
    s3 += D[i + k + 3];
    s4 += D[i + k + 4];
    s5 += D[i + k + 5];
    s6 += D[i + k + 6];
    s7 += D[i + k + 7];
  }
  for (; k < n; k++) s0 += D[i + k];
  return s0 + s1 + (s2 + s3) + (s4 + s5 + (s6 + s7));
}

/** acc[o + k] += D[i + k] for k < n. */
export function accumulateRunF64(acc: Float64Array, o: number, D: Float64Array, i: number, n: number): void {
  let k = 0;
  for (; k + 8 <= n; k += 8) {
    const d0 = D[i + k],
      d1 = D[i + k + 1],
      d2 = D[i + k + 2],
      d3 = D[i + k + 3],
      d4 = D[i + k + 4],
      d5 = D[i + k + 5],
      d6 = D[i + k + 6],
      d7 = D[i + k + 7];
    const c0 = acc[o + k],
      c1 = acc[o + k + 1],
      c2 = acc[o + k + 2],
      c3 = acc[o + k + 3],
      c4 = acc[o + k + 4],
      c5 = acc[o + k + 5],
      c6 = acc[o + k + 6],
      c7 = acc[o + k + 7];
    acc[o + k] = c0 + d0;
    acc[o + k + 1] = c1 + d1;
    acc[o + k + 2] = c2 + d2;
    acc[o + k + 3] = c3 + d3;
    acc[o + k + 4] = c4 + d4;
    acc[o + k + 5] = c5 + d5;
    acc[o + k + 6] = c6 + d6;
    acc[o + k + 7] = c7 + d7;
  }
  for (; k < n; k++) acc[o + k] += D[i + k];
}

/**
 * acc[o + r·ro] += Σ_k D[i + r·ri + k] for r < rows, k < n: each contiguous row summed into its
 * own accumulator (a sum over a short last axis).
 *
 * The order within a row is NumPy's pairwise_sum for short rows (loops_utils.h.src), so the
 * results are NumPy's bit for bit there:
 *   n < 8:   s = D[0] + D[1] + … in order;
 *   n ≥ 8:   eight partial sums r_k, then ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7)),
 *            then the n mod 8 leftover elements added in order.
 * Besides matching NumPy, the eight independent partial sums let consecutive additions
 * overlap: a running sum over a row of 10 waits ten add latencies per row.
 */
export function sumRowsF64(acc: Float64Array, o: number, ro: number, D: Float64Array, i: number, ri: number, rows: number, n: number): void {
  if (n < 8) {
    for (let r = 0; r < rows; r++, i += ri, o += ro) {
      let s = 0;
      for (let k = 0; k < n; k++) s += D[i + k];
      acc[o] += s;
    }
    return;
  }
  const m = n - (n % 8);
  for (let r = 0; r < rows; r++, i += ri, o += ro) {
    let r0 = D[i],
      r1 = D[i + 1],
      r2 = D[i + 2],
      r3 = D[i + 3],
      r4 = D[i + 4],
      r5 = D[i + 5],
      r6 = D[i + 6],
      r7 = D[i + 7];
    for (let k = 8; k < m; k += 8) {
      r0 += D[i + k];
      r1 += D[i + k + 1];
      r2 += D[i + k + 2];
      r3 += D[i + k + 3];
      r4 += D[i + k + 4];
      r5 += D[i + k + 5];
      r6 += D[i + k + 6];
      r7 += D[i + k + 7];
    }
    let s = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (let k = m; k < n; k++) s += D[i + k];
    acc[o] += s;
  }
}
