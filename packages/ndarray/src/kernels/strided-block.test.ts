/**
 * blocks (strided-block.ts) against its reference twin forEachRun: on random shapes with
 * several operands in random layouts (stride 0, reversed, transposed, offset), the elements
 * the blocks visit, row by row, are exactly forEachRun's, in the same order.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { layoutArb, shapeArb, strided } from "../../test/arbitraries.js";
import { blocks } from "./strided-block.js";
import { forEachRun } from "./strided.js";

function viaBlocks(shape: readonly number[], strides: number[][], offsets: number[]): { elements: number[][]; blocks: number } {
  const elements: number[][] = [];
  const it = blocks(shape, strides, offsets);
  let count = 0;
  while (it.next()) {
    count++;
    for (let r = 0; r < it.rows; r++) {
      for (let k = 0; k < it.n; k++) elements.push(it.pos.map((p, j) => p + r * it.rowStep[j] + k * it.step[j]));
    }
  }
  return { elements, blocks: count };
}

function viaRuns(shape: readonly number[], strides: number[][], offsets: number[]): number[][] {
  const elements: number[][] = [];
  forEachRun(shape, strides, offsets, (pos, n, step) => {
    for (let k = 0; k < n; k++) elements.push(pos.map((p, j) => p + k * step[j]));
  });
  return elements;
}

describe("blocks", () => {
  it("visits the elements forEachRun visits, in the same order, for random layouts (property)", () => {
    const arb = shapeArb({ maxNdim: 5, maxDim: 4 }).chain((shape) =>
      fc.record({
        shape: fc.constant(shape),
        layouts: fc.array(layoutArb(shape.length), { minLength: 1, maxLength: 3 }),
        zero: fc.array(fc.boolean(), { minLength: shape.length, maxLength: shape.length }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ shape, layouts, zero }) => {
        const views = layouts.map((l) => strided(shape, l).view);
        // operand 0 also gets stride-0 (broadcast) axes
        const strides = views.map((v, j) => v.strides.map((s, k) => (j === 0 && zero[k] ? 0 : s)));
        const offsets = views.map((v) => v.offset);
        expect(viaBlocks(shape, strides, offsets).elements).toEqual(viaRuns(shape, strides, offsets));
      }),
      { numRuns: 200 },
    );
  });

  it("gives one 1×1 block for 0-d, one 1×n block for 1-d, none for a zero-size shape", () => {
    const zero = blocks([], [[]], [7]);
    expect(zero.next()).toBe(true);
    expect([zero.rows, zero.n, zero.pos[0]]).toEqual([1, 1, 7]);
    expect(zero.next()).toBe(false);
    const one = blocks([5], [[2]], [1]);
    expect(one.next()).toBe(true);
    expect([one.rows, one.n, one.step[0], one.rowStep[0]]).toEqual([1, 5, 2, 0]);
    expect(one.next()).toBe(false);
    expect(blocks([3, 0, 2], [[0, 2, 1]], [0]).next()).toBe(false);
  });

  it("steps the odometer once per block: (500, 500, 10) broadcast is 500 blocks of 500 × 10", () => {
    // X[:, None, :] − X[None, :, :] for X 500×10: strides (10, 0, 1), (0, 10, 1), out (5000, 10, 1)
    const it = blocks(
      [500, 500, 10],
      [
        [10, 0, 1],
        [0, 10, 1],
        [5000, 10, 1],
      ],
      [0, 0, 0],
    );
    let count = 0;
    while (it.next()) count++;
    expect(count).toBe(500);
    expect([it.rows, it.n]).toEqual([500, 10]);
    expect(it.rowStep).toEqual([0, 10, 10]);
  });
});
