/**
 * The function forms of the view methods (np.transpose(a), np.flip(a), …), the order="F"
 * reshape and ravel, broadcastTo/broadcastArrays, copy and ascontiguousarray. The view
 * methods themselves are property-tested in ndarray.test.ts; here each function is checked to
 * accept nested arrays, to return views where NumPy does, and to name itself in its errors.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectError, flat, indices, layoutArb, shapeArb, sizeOf, strided } from "../test/arbitraries.js";
import * as np from "./index.js";
import { AxisError, ShapeError, ValueError, type NDArray } from "./index.js";

/** Elements of x in Fortran order (first index fastest), read by index. */
function fortranOrder(x: NDArray): number[] {
  const reversed = indices(x.shape.slice().reverse());
  return reversed.map((r) => x.get(...r.slice().reverse()));
}

describe("reshape and ravel with order", () => {
  it("order F fills and reads column-major (NumPy)", () => {
    expect(np.reshape(np.arange(6), [2, 3], "F").toArray()).toEqual([
      [0, 2, 4],
      [1, 3, 5],
    ]);
    expect(np.ravel(np.arange(6).reshape(2, 3), "F").toArray()).toEqual([0, 3, 1, 4, 2, 5]);
    expect(np.reshape([[1, 2], [3, 4]], 4).toArray()).toEqual([1, 2, 3, 4]);
    expect(np.ravel([[1, 2], [3, 4]]).toArray()).toEqual([1, 2, 3, 4]);
  });

  it("reshape(x, s, 'F') keeps the Fortran-order sequence; ravel(x, 'F') is it (property)", () => {
    fc.assert(
      fc.property(
        shapeArb({ maxNdim: 4, maxDim: 4 }).chain((shape) => fc.record({ shape: fc.constant(shape), layout: layoutArb(shape.length), split: fc.nat({ max: 3 }) })),
        ({ shape, layout, split }) => {
          const x = strided(shape, layout).view;
          expect(flat(np.ravel(x, "F"))).toEqual(fortranOrder(x));
          // a target shape of the same size: the first `split` axes merged, the rest merged
          const k = Math.min(split, shape.length);
          const target = [sizeOf(shape.slice(0, k)), sizeOf(shape.slice(k))];
          const y = np.reshape(x, target, "F");
          expect(y.shape).toEqual(target);
          expect(fortranOrder(y)).toEqual(fortranOrder(x));
          expect(flat(np.reshape(x, target))).toEqual(flat(x));
        },
      ),
    );
  });

  it("reject a bad order and a bad size, naming the function", () => {
    expectError(() => np.reshape(np.arange(6), [4], "C"), ShapeError, "reshape", "size 6", "(4,)");
    expectError(() => np.reshape(np.arange(6), [6], "K" as "C"), ValueError, "reshape", '"K"');
    expectError(() => np.ravel(np.arange(6), "A" as "C"), ValueError, "ravel", '"A"');
  });
});

describe("view functions", () => {
  const a = np.arange(24).reshape(2, 3, 4);

  it("are views of their input, with NumPy's shapes", () => {
    const cases: [string, NDArray, number[]][] = [
      ["transpose", np.transpose(a), [4, 3, 2]],
      ["transpose axes", np.transpose(a, [1, 0, 2]), [3, 2, 4]],
      ["swapaxes", np.swapaxes(a, 0, -1), [4, 3, 2]],
      ["moveaxis", np.moveaxis(a, 0, -1), [3, 4, 2]],
      ["squeeze", np.squeeze(a.slice(":", ":1")), [2, 4]],
      ["expandDims", np.expandDims(a, [0, -1]), [1, 2, 3, 4, 1]],
      ["flip", np.flip(a, [0, 2]), [2, 3, 4]],
      ["fliplr", np.fliplr(a), [2, 3, 4]],
      ["flipud", np.flipud(a), [2, 3, 4]],
      ["diagonal", np.diagonal(a, 1, 1, 2), [2, 3]],
      ["broadcastTo", np.broadcastTo(a.slice(":", ":1"), [5, 2, 3, 4]), [5, 2, 3, 4]],
    ];
    for (const [name, v, shape] of cases) {
      expect(v.shape, name).toEqual(shape);
      expect(v.base, name).toBe(a.base); // views chain to the owner of the buffer
      expect(v.data, name).toBe(a.data);
    }
    expect(np.flip(a).get(0, 0, 0)).toBe(23);
    expect(np.fliplr(a).get(0, 0, 0)).toBe(8);
    expect(np.flipud(a).get(0, 0, 0)).toBe(12);
    expect(np.flip(a, null).get(1, 2, 3)).toBe(0);
    expect(np.diagonal(a, 1, 1, 2).toArray()).toEqual([
      [1, 6, 11],
      [13, 18, 23],
    ]);
  });

  it("accept nested arrays", () => {
    expect(np.transpose([[1, 2], [3, 4]]).toArray()).toEqual([
      [1, 3],
      [2, 4],
    ]);
    expect(np.flip([1, 2, 3]).toArray()).toEqual([3, 2, 1]);
    expect(np.expandDims([1, 2], 0).shape).toEqual([1, 2]);
    expect(np.squeeze([[5]]).shape).toEqual([]);
    expect(np.broadcastTo(3, [2]).toArray()).toEqual([3, 3]);
  });

  it("name themselves in their errors", () => {
    expectError(() => np.transpose(a, [0, 1]), ValueError, "transpose", "2 axes", "dimension 3");
    expectError(() => np.swapaxes(a, 0, 3), AxisError, "swapaxes", "axis 3", "dimension 3");
    expectError(() => np.moveaxis(a, 3, 0), AxisError, "moveaxis", "axis 3");
    expectError(() => np.squeeze(a, 0), ValueError, "squeeze", "axis 0", "size 2");
    expectError(() => np.expandDims(a, 4 + 1), AxisError, "expandDims", "axis 5");
    expectError(() => np.flip(a, 3), AxisError, "flip", "axis 3");
    expectError(() => np.fliplr([1, 2, 3]), ValueError, "fliplr", "(3,)");
    expectError(() => np.flipud(5), ValueError, "flipud", "()");
    expectError(() => np.diagonal([1, 2]), ValueError, "diagonal", "(2,)");
    expectError(() => np.broadcastTo([1, 2], [3]), ShapeError, "broadcastTo", "(2,)", "(3,)");
    expectError(() => np.broadcastTo([1, 2], [-1, 2]), ValueError, "broadcastTo", "-1");
  });
});

describe("broadcastArrays", () => {
  it("returns read-only views at the common shape", () => {
    const x = np.arange(3);
    const y = np.array([[10], [20]]);
    const [bx, by] = np.broadcastArrays(x, y);
    expect(bx.shape).toEqual([2, 3]);
    expect(by.shape).toEqual([2, 3]);
    expect(bx.data).toBe(x.data);
    expect(by.toArray()).toEqual([
      [10, 10, 10],
      [20, 20, 20],
    ]);
    expect(bx.flags.writeable).toBe(false);
    expect(np.broadcastArrays().length).toBe(0);
    expectError(() => np.broadcastArrays(x, np.zeros([4])), ShapeError, "broadcastArrays", "(3,)", "(4,)");
  });
});

describe("copy and ascontiguousarray", () => {
  it("copy always copies; ascontiguousarray only when needed", () => {
    const a = np.arange(6).reshape(2, 3);
    const c = np.copy(a);
    expect(c.data).not.toBe(a.data);
    expect(c.toArray()).toEqual(a.toArray());
    expect(np.ascontiguousarray(a)).toBe(a);
    const t = np.ascontiguousarray(a.T);
    expect(t.flags.cContiguous).toBe(true);
    expect(t.data).not.toBe(a.data);
    expect(t.toArray()).toEqual(a.T.toArray());
    expect(np.ascontiguousarray([1, 2]).toArray()).toEqual([1, 2]);
    expect(np.copy([[1]]).shape).toEqual([1, 1]);
  });
});
