/**
 * The reduction kernel: acc[j] = acc[j] ⊕ a[i] for every element i of `a`, where j is i with
 * the reduced axes zeroed — the accumulator is read through strides that are 0 on the reduced
 * axes, so one pass over `a` in memory order reduces along any set of axes.
 *
 * Shape contract: `shape` is a's shape; `acc` is a Float64Array read with `accStrides`
 * (one per axis, 0 on reduced axes) from offset 0. The caller initialises acc with the
 * identity of ⊕ and casts the result to the output dtype afterwards.
 *
 * Loop order: the axes are visited in order of decreasing |stride| of `a`, so the input is
 * streamed in memory order whatever its layout (a transposed view reduces as fast as a
 * contiguous one). The nest is walked in 2-D blocks (strided-block.ts). Within a run, when
 * the accumulator does not move (reducing along the run) the partial result is kept in a
 * local variable. Float64 sums with unit stride run the unrolled loops of reduce-f64.ts;
 * a block of many short contiguous rows each reduced to its own output (sum over a short
 * last axis, `((X[:, None] − X[None])²).sum(-1)`) runs sumRowsF64 in one call.
 *
 * Reference twin: `reduceStridedReference`, one element at a time by index arithmetic.
 */
import type { TypedArray } from "../dtype.js";
import type { Shape } from "../shape.js";
import { forEachIndex } from "./elementwise.js";
import { accumulateRunF64, sumRowsF64, sumRunF64 } from "./reduce-f64.js";
import { blocks } from "./strided-block.js";

export const enum ReduceOp {
  Sum = 0,
  Prod = 1,
  Max = 2,
  Min = 3,
  Any = 4,
  All = 5,
}

/** The identity element of each reduction (the value of an empty reduction). */
export const REDUCE_IDENTITY: Record<ReduceOp, number> = {
  [ReduceOp.Sum]: 0,
  [ReduceOp.Prod]: 1,
  [ReduceOp.Max]: -Infinity,
  [ReduceOp.Min]: Infinity,
  [ReduceOp.Any]: 0,
  [ReduceOp.All]: 1,
};

/** x ⊕ y for each reduction; Max and Min propagate NaN as NumPy does. */
export function combine(op: ReduceOp, x: number, y: number): number {
  switch (op) {
    case ReduceOp.Sum:
      return x + y;
    case ReduceOp.Prod:
      return x * y;
    case ReduceOp.Max:
      return x > y || x !== x ? x : y;
    case ReduceOp.Min:
      return x < y || x !== x ? x : y;
    case ReduceOp.Any:
      return x !== 0 || y !== 0 ? 1 : 0;
    case ReduceOp.All:
      return x !== 0 && y !== 0 ? 1 : 0;
  }
}

export function reduceStrided(
  op: ReduceOp,
  shape: Shape,
  data: TypedArray,
  strides: readonly number[],
  offset: number,
  acc: Float64Array,
  accStrides: readonly number[],
): void {
  // Visit axes by decreasing |stride| of the input (stable), so memory is streamed.
  const order = shape.map((_, k) => k).sort((p, q) => Math.abs(strides[q]) - Math.abs(strides[p]));
  const sh = order.map((k) => shape[k]);
  const sa = order.map((k) => strides[k]);
  const so = order.map((k) => accStrides[k]);
  const f64 = data instanceof Float64Array;
  const it = blocks(sh, [sa, so], [offset, 0]);
  const { rows, n, pos } = it;
  const [ri, ro] = it.rowStep;
  const [si, sj] = it.step;
  while (it.next()) {
    if (op === ReduceOp.Sum && f64 && si === 1 && sj === 0) {
      // float64 sums along contiguous rows, one output per row: a sum over a short last axis,
      // e.g. ((X[:, None] − X[None])²).sum(-1), has 250 000 rows of 10
      sumRowsF64(acc, pos[1], ro, data as Float64Array, pos[0], ri, rows, n);
      continue;
    }
    for (let r = 0, i = pos[0], o = pos[1]; r < rows; r++, i += ri, o += ro) reduceRun(op, data, i, si, acc, o, sj, n);
  }
}

/** One run: acc[o + k·sj] ⊕= data[i + k·si] for k < n. */
function reduceRun(op: ReduceOp, data: TypedArray, i: number, si: number, acc: Float64Array, o: number, sj: number, n: number): void {
  if (op === ReduceOp.Sum && si === 1 && data instanceof Float64Array) {
    // float64, unit stride: the unrolled loops of reduce-f64.ts
    if (sj === 0) acc[o] += sumRunF64(data, i, n);
    else if (sj === 1) accumulateRunF64(acc, o, data, i, n);
    else for (let k = 0; k < n; k++, i++, o += sj) acc[o] += data[i];
  } else if (sj === 0) {
    // reducing along the run: accumulate locally
    let s = acc[o];
    if (op === ReduceOp.Sum) {
      if (si === 1) for (let k = 0; k < n; k++) s += data[i + k];
      else for (let k = 0; k < n; k++, i += si) s += data[i];
    } else {
      for (let k = 0; k < n; k++, i += si) s = combine(op, s, data[i]);
    }
    acc[o] = s;
  } else if (op === ReduceOp.Sum) {
    if (si === 1 && sj === 1) for (let k = 0; k < n; k++) acc[o + k] += data[i + k];
    else for (let k = 0; k < n; k++, i += si, o += sj) acc[o] += data[i];
  } else {
    for (let k = 0; k < n; k++, i += si, o += sj) acc[o] = combine(op, acc[o], data[i]);
  }
}

/** The reference twin: one element at a time, in C index order. */
export function reduceStridedReference(
  op: ReduceOp,
  shape: Shape,
  data: TypedArray,
  strides: readonly number[],
  offset: number,
  acc: Float64Array,
  accStrides: readonly number[],
): void {
  forEachIndex(shape, (idx) => {
    let i = offset;
    let o = 0;
    for (let k = 0; k < idx.length; k++) {
      i += idx[k] * strides[k];
      o += idx[k] * accStrides[k];
    }
    acc[o] = combine(op, acc[o], data[i]);
  });
}
