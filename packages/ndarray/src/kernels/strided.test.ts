/**
 * Strided iteration: coalescing, the run loop every element-wise kernel runs on, and the
 * contiguity tests.
 *
 * The invariant of forEachRun (every index tuple visited exactly once, in C order, with each
 * operand at its own offset) is checked on random shapes with several operands in random
 * layouts: operand 0 is a fresh C-contiguous array, so the offset it reports at each element
 * is that element's C index, and every other operand's offset must be its model's position
 * for the same index.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contiguous, indices, layoutArb, shapeArb, sizeOf, strided } from "../../test/arbitraries.js";
import { coalesce, forEachRun, isCContiguous, isFContiguous } from "./strided.js";

/** Every element forEachRun visits, as the list of per-operand offsets, in visiting order. */
function visits(shape: readonly number[], strides: number[][], offsets: number[]): { elements: number[][]; runs: number } {
  const elements: number[][] = [];
  let runs = 0;
  forEachRun(shape, strides, offsets, (pos, n, step) => {
    runs++;
    for (let k = 0; k < n; k++) elements.push(pos.map((p, j) => p + k * step[j]));
  });
  return { elements, runs };
}

describe("coalesce", () => {
  it("merges C-contiguous dimensions into one and drops size-1 dimensions", () => {
    expect(coalesce([2, 3, 4], [[12, 4, 1]])).toEqual({ shape: [24], strides: [[1]] });
    expect(coalesce([2, 1, 3], [[3, 99, 1]])).toEqual({ shape: [6], strides: [[1]] });
    expect(coalesce([1, 1], [[5, 7]])).toEqual({ shape: [], strides: [[]] });
    expect(coalesce([], [[]])).toEqual({ shape: [], strides: [[]] });
  });

  it("merges only where every operand is contiguous across the pair", () => {
    // b is the transpose of a C array: nothing merges
    expect(
      coalesce(
        [2, 3],
        [
          [3, 1],
          [1, 2],
        ],
      ),
    ).toEqual({
      shape: [2, 3],
      strides: [
        [3, 1],
        [1, 2],
      ],
    });
    // a broadcast row (stride 0 on both) merges with itself; a reversed C array merges too
    expect(
      coalesce(
        [4, 5],
        [
          [0, 0],
          [-5, -1],
        ],
      ),
    ).toEqual({ shape: [20], strides: [[0], [-1]] });
    // a column broadcast (stride 0 then 1) does not merge
    expect(
      coalesce(
        [4, 5],
        [
          [1, 0],
          [5, 1],
        ],
      ),
    ).toEqual({
      shape: [4, 5],
      strides: [
        [1, 0],
        [5, 1],
      ],
    });
  });
});

describe("forEachRun", () => {
  const opsArb = shapeArb({ maxNdim: 5, maxDim: 4 }).chain((shape) =>
    fc.record({ shape: fc.constant(shape), layouts: fc.array(layoutArb(shape.length), { minLength: 0, maxLength: 3 }) }),
  );

  it("visits every index tuple once, in C order, with each operand at its own offset (property)", () => {
    fc.assert(
      fc.property(opsArb, ({ shape, layouts }) => {
        const c = strided(shape, contiguous(shape.length));
        const others = layouts.map((l) => strided(shape, l));
        const ops = [c, ...others];
        const { elements } = visits(
          shape,
          ops.map((o) => o.view.strides.slice()),
          ops.map((o) => o.view.offset),
        );
        const all = indices(shape);
        expect(elements.length).toBe(sizeOf(shape));
        elements.forEach((e, k) => {
          expect(e[0]).toBe(k); // C order
          others.forEach((o, j) => expect(e[j + 1]).toBe(o.model.at(all[k])));
        });
      }),
    );
  });

  it("hands a contiguous operand over as one run", () => {
    const { elements, runs } = visits(
      [2, 3, 4],
      [
        [12, 4, 1],
        [0, 0, 0],
      ],
      [5, 7],
    );
    expect(runs).toBe(1);
    expect(elements.map((e) => e[0])).toEqual(Array.from({ length: 24 }, (_, i) => 5 + i));
    expect(elements.every((e) => e[1] === 7)).toBe(true);
  });

  it("visits nothing for a zero-size shape and once for a 0-d shape", () => {
    expect(visits([3, 0, 2], [[0, 0, 0]], [0]).runs).toBe(0);
    expect(visits([], [[]], [4])).toEqual({ elements: [[4]], runs: 1 });
    expect(visits([1, 1], [[3, 3]], [4])).toEqual({ elements: [[4]], runs: 1 });
  });
});

describe("isCContiguous, isFContiguous", () => {
  it("follow NumPy's flags", () => {
    expect(isCContiguous([2, 3], [3, 1])).toBe(true);
    expect(isFContiguous([2, 3], [3, 1])).toBe(false);
    expect(isFContiguous([2, 3], [1, 2])).toBe(true);
    expect(isCContiguous([2, 3], [1, 2])).toBe(false);
    // size-1 axes carry no layout: any stride goes
    expect(isCContiguous([1, 3, 1], [99, 1, -4])).toBe(true);
    expect(isFContiguous([1, 3, 1], [99, 1, -4])).toBe(true);
    // 0-d and zero-size arrays are both
    expect(isCContiguous([], [])).toBe(true);
    expect(isFContiguous([], [])).toBe(true);
    expect(isCContiguous([0, 3], [3, 2])).toBe(true);
    expect(isFContiguous([3, 0], [5, 7])).toBe(true);
    // steps, reversals, broadcasts are neither
    expect(isCContiguous([4], [2])).toBe(false);
    expect(isCContiguous([4], [-1])).toBe(false);
    expect(isCContiguous([2, 3], [0, 1])).toBe(false);
  });

  it("agree with the layout of random strided views", () => {
    fc.assert(
      fc.property(shapeArb({ maxNdim: 4, minDim: 2, maxDim: 3 }), fc.boolean(), (shape, transpose) => {
        const s = strided(shape, contiguous(shape.length));
        const v = transpose ? s.view.T : s.view;
        expect(isCContiguous(v.shape, v.strides)).toBe(!transpose || shape.length <= 1);
        expect(isFContiguous(v.shape, v.strides)).toBe(transpose || shape.length <= 1);
      }),
    );
  });
});
