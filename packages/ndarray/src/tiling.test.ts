/**
 * tile and repeat against NumPy (values computed once with NumPy 2.4, the call in the comment)
 * and against their definitions on random strided inputs, plus argument errors.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectError, indices, layoutArb, shapeArb, strided } from "../test/arbitraries.js";
import * as np from "./index.js";
import { AxisError, ValueError } from "./index.js";

const A12 = () => np.arange(12, { dtype: "int32" }).reshape(3, 4);

describe("tile", () => {
  it("matches NumPy for int reps, longer reps, shorter reps and zero reps", () => {
    // np.tile([[1, 2], [3, 4]], 2)
    expect(
      np
        .tile(
          [
            [1, 2],
            [3, 4],
          ],
          2,
        )
        .toArray(),
    ).toEqual([
      [1, 2, 1, 2],
      [3, 4, 3, 4],
    ]);
    // np.tile([1, 2, 3], (2, 1, 2)).shape
    const t = np.tile(np.array([1, 2, 3], "int32"), [2, 1, 2]);
    expect(t.shape).toEqual([2, 1, 6]);
    expect(t.dtype).toBe("int32");
    expect(t.toArray()).toEqual([[[1, 2, 3, 1, 2, 3]], [[1, 2, 3, 1, 2, 3]]]);
    // np.tile([[1, 2], [3, 4]], (2, 1))
    expect(
      np
        .tile(
          [
            [1, 2],
            [3, 4],
          ],
          [2, 1],
        )
        .toArray(),
    ).toEqual([
      [1, 2],
      [3, 4],
      [1, 2],
      [3, 4],
    ]);
    // np.tile([1, 2], 0).shape
    expect(np.tile([1, 2], 0).shape).toEqual([0]);
    expect(np.tile(np.array(7), [2, 2]).toArray()).toEqual([
      [7, 7],
      [7, 7],
    ]);
  });

  it("out[i·s + j] = A[j] on every axis, for random strided A and reps (property)", () => {
    const arb = shapeArb({ maxNdim: 3, maxDim: 3 }).chain((shape) =>
      fc.record({ shape: fc.constant(shape), layout: layoutArb(shape.length), reps: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 4 }) }),
    );
    fc.assert(
      fc.property(arb, ({ shape, layout, reps }) => {
        const A = strided(shape, layout, "float64", (p) => p * 1.5 - 2);
        const a = np.asarray(A.view as never) as np.NDArray;
        const out = np.tile(a, reps);
        const d = Math.max(shape.length, reps.length);
        const s = [...new Array(d - shape.length).fill(1), ...shape];
        const r = [...new Array(d - reps.length).fill(1), ...reps];
        expect(out.shape).toEqual(s.map((n, k) => n * r[k]));
        const src = a.reshape(s);
        for (const idx of indices(out.shape)) expect(out.get(...idx)).toBe(src.get(...idx.map((i, k) => i % s[k])));
      }),
      { numRuns: 60 },
    );
  });

  it("checks its arguments", () => {
    expectError(() => np.tile([1], -1), ValueError, "tile", "-1");
    expectError(() => np.tile([1], [2, -1]), ValueError, "tile", "-1");
    expectError(() => np.tile([1], 1.5), ValueError, "tile", "1.5");
    expectError(() => np.tile([1], "2" as never), ValueError, "tile", "reps");
    expectError(() => np.tile({} as never, 2), ValueError, "tile", "A");
  });
});

describe("repeat", () => {
  it("matches NumPy: flattened, one count along an axis, a count per element", () => {
    // np.repeat(x, 2)
    expect(np.repeat(A12(), 2).toArray()).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11]);
    // np.repeat(x, [0, 2, 1], axis=0)
    expect(np.repeat(A12(), [0, 2, 1], 0).toArray()).toEqual([
      [4, 5, 6, 7],
      [4, 5, 6, 7],
      [8, 9, 10, 11],
    ]);
    // np.repeat(x, 2, axis=1)
    expect(np.repeat(A12(), 2, { axis: 1 }).toArray()).toEqual([
      [0, 0, 1, 1, 2, 2, 3, 3],
      [4, 4, 5, 5, 6, 6, 7, 7],
      [8, 8, 9, 9, 10, 10, 11, 11],
    ]);
    // np.repeat(x, [3], axis=1).shape: a one-element count list broadcasts
    expect(np.repeat(A12(), [3], 1).shape).toEqual([3, 12]);
    // an NDArray of counts (float64 holding integers, int32) and the method form
    expect(np.repeat([1, 2], np.array([2, 1])).toArray()).toEqual([1, 1, 2]);
    expect(
      np
        .array([
          [1, 2],
          [3, 4],
        ])
        .repeat(np.array([1, 2], "int32"), -2)
        .toArray(),
    ).toEqual([
      [1, 2],
      [3, 4],
      [3, 4],
    ]);
    expect(np.array(5).repeat(3).toArray()).toEqual([5, 5, 5]);
    expect(np.repeat(np.zeros([0, 2]), 3, 0).shape).toEqual([0, 2]);
    expect(np.repeat(A12(), 0, 1).shape).toEqual([3, 0]);
  });

  it("keeps the dtype (bool, complex) and reads strided views", () => {
    const b = np.repeat(np.array([true, false]), 2);
    expect(b.dtype).toBe("bool");
    expect(b.toArray()).toEqual([true, true, false, false]);
    const c = np.repeat(np.array([1, 2]).astype("complex128"), [1, 2]);
    expect(c.dtype).toBe("complex128");
    expect(c.size).toBe(3);
    expect(np.repeat(A12().T, [1, 0, 0, 2], 0).toArray()).toEqual([
      [0, 4, 8],
      [3, 7, 11],
      [3, 7, 11],
    ]);
  });

  it("checks its arguments", () => {
    expectError(() => np.repeat([1, 2], -1), ValueError, "repeat", "-1");
    expectError(() => np.repeat([1, 2], [1, -2]), ValueError, "repeat", "-2");
    expectError(() => np.repeat([1, 2], [1, 2, 3]), ValueError, "repeat", "(3,)");
    expectError(() => np.repeat([1, 2], 1.5), ValueError, "repeat", "1.5");
    expectError(() => np.repeat([1, 2], 1, 1), AxisError, "repeat", "1");
    expectError(() => np.repeat([1, 2], 1, { axes: 0 } as never), ValueError, "repeat", "axes");
    expectError(() => np.repeat([1, 2], 1, "0" as never), ValueError, "repeat", "axis");
  });
});
