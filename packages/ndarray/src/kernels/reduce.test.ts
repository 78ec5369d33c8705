/**
 * The reduction kernel and its reference twin under the same tests (docs/style.md §6):
 * `reduceStrided` (axes visited in memory order, local accumulation along runs) and
 * `reduceStridedReference` (one element at a time, in C index order).
 *
 * Each case reduces a random strided array (steps, reversed axes, offsets, transposes and
 * broadcast stride-0 axes; 0-d and zero-size included) over a random set of axes, into an
 * accumulator read with C strides of the kept shape and 0 on the reduced axes. The oracle
 * combines each output's elements in C order. Max, min, any and all are exact; a sum of n
 * terms may differ from the oracle's order by at most about 2·n·eps·Σ|x| (Higham, "Accuracy
 * and Stability of Numerical Algorithms", §4.2), a product of n factors by 2·n·eps·|p|.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  EPS64,
  broadcastableArb,
  broadcastOperand,
  expectCloseArrays,
  expectSameNumbers,
  indices,
  layoutArb,
  shapeArb,
  sizeOf,
} from "../../test/arbitraries.js";
import type { DType } from "../dtype.js";
import { combine, reduceStridedReference, reduceStrided, REDUCE_IDENTITY, ReduceOp } from "./reduce.js";

const KERNELS = [
  ["reduceStrided", reduceStrided],
  ["reduceStridedReference", reduceStridedReference],
] as const;

const OPS: [string, ReduceOp][] = [
  ["sum", ReduceOp.Sum],
  ["prod", ReduceOp.Prod],
  ["max", ReduceOp.Max],
  ["min", ReduceOp.Min],
  ["any", ReduceOp.Any],
  ["all", ReduceOp.All],
];

/** Test values: for products near 1 (no overflow), otherwise in [-5, 5); some NaN for max/min, zeros for any/all. */
function fillFor(op: ReduceOp, seed: number, withNaN: boolean): (p: number) => number {
  return (p) => {
    const h = (Math.imul(p + 1, 2654435761) ^ seed) >>> 0;
    if (withNaN && h % 11 === 0) return NaN;
    if (op === ReduceOp.Prod) return 0.5 + (h % 1000) / 666;
    if (op === ReduceOp.Any || op === ReduceOp.All) return h % 3 === 0 ? 0 : 1;
    return ((h % 1000) - 500) / 100;
  };
}

const caseArb = shapeArb({ maxNdim: 4, maxDim: 4 }).chain((target) =>
  fc.record({
    target: fc.constant(target),
    own: broadcastableArb(target).chain((shape) => layoutArb(shape.length).map((layout) => ({ shape, layout }))),
    reduced: fc.array(fc.boolean(), { minLength: target.length, maxLength: target.length }),
    seed: fc.integer(),
    withNaN: fc.boolean(),
  }),
);

/** C strides of the kept shape (reduced axes have length 1), with 0 on the reduced axes. */
function accStridesOf(shape: readonly number[], reduced: readonly boolean[]): number[] {
  const kept = shape.map((d, k) => (reduced[k] ? 1 : d));
  const strides: number[] = [];
  let s = 1;
  for (let k = kept.length - 1; k >= 0; k--) {
    strides[k] = reduced[k] ? 0 : s;
    s *= kept[k];
  }
  return strides;
}

describe.each(KERNELS)("%s", (_name, kernel) => {
  describe.each(["float64", "int32", "bool"] as DType[])("over %s input", (dtype) => {
    it.each(OPS)("%s matches the oracle over random axes of random strided arrays (property)", (_op, op) => {
      fc.assert(
        fc.property(caseArb, ({ target, own, reduced, seed, withNaN }) => {
          const nan = withNaN && dtype === "float64" && (op === ReduceOp.Max || op === ReduceOp.Min);
          const fill = fillFor(op, seed, nan);
          const x = broadcastOperand(own.shape, target, own.layout, dtype, dtype === "int32" ? (p) => Math.round(4 * fill(p)) : fill);
          const kept = target.map((d, k) => (reduced[k] ? 1 : d));
          const accStrides = accStridesOf(target, reduced);
          const acc = new Float64Array(sizeOf(kept)).fill(REDUCE_IDENTITY[op]);
          const before = Array.from(x.base.data);
          kernel(op, target, x.view.data, x.view.strides, x.view.offset, acc, accStrides);
          expect(Array.from(x.base.data)).toEqual(before);

          // the oracle: each output combines its elements in C order
          const expected = new Array<number>(acc.length).fill(REDUCE_IDENTITY[op]);
          const magnitude = new Array<number>(acc.length).fill(0);
          for (const idx of indices(target)) {
            const o = idx.reduce((p, i, k) => p + i * accStrides[k], 0);
            const v = x.base.data[x.model.at(idx)];
            expected[o] = combine(op, expected[o], v);
            magnitude[o] += Math.abs(v);
          }
          const n = target.reduce((p, d, k) => (reduced[k] ? p * d : p), 1);
          if (op === ReduceOp.Sum) expectCloseArrays(Array.from(acc), expected, (i) => 2 * n * EPS64 * magnitude[i]);
          else if (op === ReduceOp.Prod) expectCloseArrays(Array.from(acc), expected, (i) => 2 * n * EPS64 * Math.abs(expected[i]));
          else expectSameNumbers(Array.from(acc), expected);
        }),
        { numRuns: 40 },
      );
    });
  });

  it("leaves the identity for an empty reduction and combines once for 0-d", () => {
    const acc = new Float64Array([0, 0]);
    kernel(ReduceOp.Sum, [2, 0], new Float64Array(0), [0, 1], 0, acc, [1, 0]);
    expect(Array.from(acc)).toEqual([0, 0]);
    const one = new Float64Array([REDUCE_IDENTITY[ReduceOp.Max]]);
    kernel(ReduceOp.Max, [], new Float64Array([7, -3]), [], 1, one, []);
    expect(one[0]).toBe(-3);
  });

  it("reduces along a transposed (memory-order) axis and a reversed one", () => {
    // a = [[1, 2, 3], [4, 5, 6]] stored transposed: strides (1, 2)
    const data = new Float64Array([1, 4, 2, 5, 3, 6]);
    const rows = new Float64Array(2);
    kernel(ReduceOp.Sum, [2, 3], data, [1, 2], 0, rows, [1, 0]);
    expect(Array.from(rows)).toEqual([6, 15]);
    const cols = new Float64Array(3).fill(-Infinity);
    kernel(ReduceOp.Max, [2, 3], data, [1, -2], 4, cols, [0, 1]);
    // reversed columns: [[3, 2, 1], [6, 5, 4]] -> max over rows
    expect(Array.from(cols)).toEqual([6, 5, 4]);
  });

  it("propagates NaN through max and min wherever it sits", () => {
    for (const pos of [0, 1, 2]) {
      const data = new Float64Array([1, 2, 3]);
      data[pos] = NaN;
      for (const op of [ReduceOp.Max, ReduceOp.Min]) {
        const acc = new Float64Array([REDUCE_IDENTITY[op]]);
        kernel(op, [3], data, [1], 0, acc, [0]);
        expect(acc[0]).toBeNaN();
      }
    }
  });
});

describe("reduceStrided = reduceStridedReference", () => {
  it("exactly for max/min/any/all and within n·eps for sums, on the same random cases (property)", () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom(...OPS), ({ target, own, reduced, seed, withNaN }, [, op]) => {
        const x = broadcastOperand(own.shape, target, own.layout, "float64", fillFor(op, seed, withNaN && op !== ReduceOp.Sum && op !== ReduceOp.Prod));
        const accStrides = accStridesOf(target, reduced);
        const size = sizeOf(target.map((d, k) => (reduced[k] ? 1 : d)));
        const fast = new Float64Array(size).fill(REDUCE_IDENTITY[op]);
        const ref = new Float64Array(size).fill(REDUCE_IDENTITY[op]);
        reduceStrided(op, target, x.view.data, x.view.strides, x.view.offset, fast, accStrides);
        reduceStridedReference(op, target, x.view.data, x.view.strides, x.view.offset, ref, accStrides);
        const n = target.reduce((p, d, k) => (reduced[k] ? p * d : p), 1);
        if (op === ReduceOp.Sum) expectCloseArrays(Array.from(fast), Array.from(ref), () => 2 * n * EPS64 * 5 * n);
        else if (op === ReduceOp.Prod) expectCloseArrays(Array.from(fast), Array.from(ref), (i) => 4 * n * EPS64 * Math.abs(ref[i]));
        else expectSameNumbers(Array.from(fast), Array.from(ref));
      }),
      { numRuns: 200 },
    );
  });
});

describe("combine", () => {
  it("is each reduction's operator, with NaN winning max and min on either side", () => {
    expect(combine(ReduceOp.Sum, 2, 3)).toBe(5);
    expect(combine(ReduceOp.Prod, 2, 3)).toBe(6);
    expect(combine(ReduceOp.Max, NaN, 3)).toBeNaN();
    expect(combine(ReduceOp.Max, 3, NaN)).toBeNaN();
    expect(combine(ReduceOp.Min, NaN, 3)).toBeNaN();
    expect(combine(ReduceOp.Min, 3, NaN)).toBeNaN();
    expect(combine(ReduceOp.Any, 0, NaN)).toBe(1);
    expect(combine(ReduceOp.All, 1, 0)).toBe(0);
  });
});

describe("the float64 sum over a short contiguous last axis (sumRowsF64 path)", () => {
  it("equals the reference on a (6, 5, 10) array reduced over the last axis, and over a reversed view", () => {
    const data = Float64Array.from({ length: 300 }, (_, k) => Math.cos(k * 0.37) * 3);
    for (const [strides, offset] of [
      [[50, 10, 1], 0],
      [[-50, -10, -1], 299],
    ] as const) {
      const fast = new Float64Array(30);
      const ref = new Float64Array(30);
      reduceStrided(ReduceOp.Sum, [6, 5, 10], data, strides, offset, fast, [5, 1, 0]);
      reduceStridedReference(ReduceOp.Sum, [6, 5, 10], data, strides, offset, ref, [5, 1, 0]);
      expectCloseArrays(Array.from(fast), Array.from(ref), () => 2 * 10 * EPS64 * 30);
    }
  });
});
