/**
 * The function forms of the view methods (np.transpose(a), np.flip(a), …), the order="F"
 * reshape and ravel, broadcastTo/broadcastArrays, copy and ascontiguousarray. The view
 * methods themselves are property-tested in views.test.ts (reshape in reshape.test.ts); here
 * each function is checked to accept nested arrays, to return views where NumPy does, and to
 * name itself in its errors.
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
    expect(
      np
        .reshape(
          [
            [1, 2],
            [3, 4],
          ],
          4,
        )
        .toArray(),
    ).toEqual([1, 2, 3, 4]);
    expect(
      np
        .ravel([
          [1, 2],
          [3, 4],
        ])
        .toArray(),
    ).toEqual([1, 2, 3, 4]);
  });

  it("reshape(x, s, 'F') keeps the Fortran-order sequence; ravel(x, 'F') is it (property)", () => {
    fc.assert(
      fc.property(
        shapeArb({ maxNdim: 4, maxDim: 4 }).chain((shape) =>
          fc.record({ shape: fc.constant(shape), layout: layoutArb(shape.length), split: fc.nat({ max: 3 }) }),
        ),
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
    expect(
      np
        .transpose([
          [1, 2],
          [3, 4],
        ])
        .toArray(),
    ).toEqual([
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

// ------------------------------------------------------------------ diff, roll, meshgrid, diagflat
// Expected values computed once with NumPy 2.4 (the call is in the comment) and pasted.

/** A 3×4 float64 test matrix. */
const M34 = () =>
  np.array(
    [
      [1, 2, 4, 7],
      [0, -3, 5, 5],
      [2, 2, 2, 9],
    ],
    "float64",
  );
/** np.arange(12).reshape(3, 4) as int32. */
const A12 = () => np.arange(12, { dtype: "int32" }).reshape(3, 4);

describe("diff", () => {
  it("matches NumPy along the last axis, along axis 0 with n = 2, and with prepend/append", () => {
    // np.diff(a)
    expect(np.diff(M34()).toArray()).toEqual([
      [1, 2, 3],
      [-3, 8, 0],
      [0, 0, 7],
    ]);
    // np.diff(a, 2, axis=0): both forms
    expect(np.diff(M34(), 2, 0).toArray()).toEqual([[3, 10, -4, 6]]);
    expect(np.diff(M34(), { n: 2, axis: 0 }).toArray()).toEqual([[3, 10, -4, 6]]);
    // np.diff(a, axis=0, prepend=0)
    expect(np.diff(M34(), { axis: 0, prepend: 0 }).toArray()).toEqual([
      [1, 2, 4, 7],
      [-1, -5, 1, -2],
      [2, 5, -3, 4],
    ]);
    // np.diff([1, 5, 2], append=[10, 11])
    expect(np.diff(np.array([1, 5, 2], "int32"), { append: [10, 11] }).toArray()).toEqual([4, -3, 8, 1]);
  });

  it("n = 0 returns the input; n past the length gives an empty axis; empty input stays empty", () => {
    const a = M34();
    expect(np.diff(a, 0)).toBe(a);
    expect(np.diff(np.array([3, 1, 2]), 5).shape).toEqual([0]); // np.diff([3, 1, 2], 5).shape
    expect(np.diff(np.zeros([2, 0])).shape).toEqual([2, 0]);
  });

  it("keeps int32 (wrapping as NumPy) and differences bools with notEqual", () => {
    const i = np.array([2147483647, -2147483648], "int32");
    const d = np.diff(i); // np.diff(int32 [2147483647, -2147483648]) = [1]
    expect(d.dtype).toBe("int32");
    expect(d.toArray()).toEqual([1]);
    const b = np.diff(np.array([true, false, true])); // [True, True]
    expect(b.dtype).toBe("bool");
    expect(b.toArray()).toEqual([true, true]);
  });

  it("checks its arguments", () => {
    expectError(() => np.diff(np.array(5)), ValueError, "diff", "at least one dimensional");
    expectError(() => np.diff([1, 2], -1), ValueError, "diff", "-1");
    expectError(() => np.diff([1, 2], 1.5), ValueError, "diff", "1.5");
    expectError(() => np.diff([1, 2], { order: 1 } as never), ValueError, "diff", "order");
    expectError(() => np.diff([1, 2], 1, 3), AxisError, "diff", "3");
    expectError(() => np.diff("abc" as never), ValueError, "diff", "abc");
  });
});

describe("roll", () => {
  it("matches NumPy: flattened, one axis, several axes, one shift for several axes, repeated axes", () => {
    // np.roll(x, 1)
    expect(np.roll(A12(), 1).toArray()).toEqual([
      [11, 0, 1, 2],
      [3, 4, 5, 6],
      [7, 8, 9, 10],
    ]);
    // np.roll(x, -1, axis=1)
    expect(np.roll(A12(), -1, 1).toArray()).toEqual([
      [1, 2, 3, 0],
      [5, 6, 7, 4],
      [9, 10, 11, 8],
    ]);
    // np.roll(x, (1, 2), axis=(0, 1))
    expect(np.roll(A12(), [1, 2], [0, 1]).toArray()).toEqual([
      [10, 11, 8, 9],
      [2, 3, 0, 1],
      [6, 7, 4, 5],
    ]);
    // np.roll(x, 2, axis=(0, 1))
    expect(np.roll(A12(), 2, { axis: [0, 1] }).toArray()).toEqual([
      [6, 7, 4, 5],
      [10, 11, 8, 9],
      [2, 3, 0, 1],
    ]);
    // np.roll(x, [1, -1], axis=0): shifts of a repeated axis add up to 0
    expect(np.roll(A12(), [1, -1], 0).toArray()).toEqual(A12().toArray());
    // np.roll(x, 14, 1): shifts wrap modulo the length
    expect(np.roll(A12(), 14, 1).toArray()).toEqual([
      [2, 3, 0, 1],
      [6, 7, 4, 5],
      [10, 11, 8, 9],
    ]);
  });

  it("keeps dtype and shape, copies, handles views and empty arrays", () => {
    const a = A12();
    const r = np.roll(a.T, 1, 0); // a strided view
    expect(r.toArray()).toEqual(np.roll(a.T.copy(), 1, 0).toArray());
    expect(r.dtype).toBe("int32");
    expect(np.roll(a, 0).data).not.toBe(a.data);
    expect(np.roll(np.zeros([0, 3]), 2, 0).shape).toEqual([0, 3]);
  });

  it("checks its arguments", () => {
    expectError(() => np.roll([1, 2], [1, 2, 3], [0, 0]), ValueError, "roll", "shift");
    expectError(() => np.roll([1, 2], 1, 1), AxisError, "roll", "1");
    expectError(() => np.roll([1, 2], 0.5), ValueError, "roll", "0.5");
    expectError(() => np.roll([1, 2], 1, { axes: 0 } as never), ValueError, "roll", "axes");
  });
});

describe("meshgrid", () => {
  it("xy (default) swaps the first two axes; ij does not; inputs are flattened", () => {
    // X, Y = np.meshgrid([1, 2, 3], [4, 5])
    const [X, Y] = np.meshgrid([1, 2, 3], [4, 5]);
    expect(X.toArray()).toEqual([
      [1, 2, 3],
      [1, 2, 3],
    ]);
    expect(Y.toArray()).toEqual([
      [4, 4, 4],
      [5, 5, 5],
    ]);
    // np.meshgrid([1, 2], [3, 4, 5], [6, 7, 8, 9]): shapes (3, 2, 4)
    const xy = np.meshgrid([1, 2], [3, 4, 5], [6, 7, 8, 9]);
    expect(xy.map((g) => g.shape)).toEqual([
      [3, 2, 4],
      [3, 2, 4],
      [3, 2, 4],
    ]);
    expect(xy[1].slice(":", ":", 0).toArray()).toEqual([
      [3, 3],
      [4, 4],
      [5, 5],
    ]);
    const ij = np.meshgrid([1, 2], [3, 4, 5], [6, 7, 8, 9], { indexing: "ij" });
    expect(ij.map((g) => g.shape)).toEqual([
      [2, 3, 4],
      [2, 3, 4],
      [2, 3, 4],
    ]);
    for (const idx of indices([2, 3, 4])) {
      expect(ij[0].get(...idx)).toBe([1, 2][idx[0]]);
      expect(ij[2].get(...idx)).toBe([6, 7, 8, 9][idx[2]]);
    }
    const [F] = np.meshgrid(
      [
        [1, 2],
        [3, 4],
      ],
      [5],
      { indexing: "ij" },
    );
    expect(F.shape).toEqual([4, 1]);
  });

  it("sparse gives broadcastable vectors; copy false gives read-only views; no inputs, no outputs", () => {
    // np.meshgrid([1, 2, 3], [4, 5], sparse=True): shapes (1, 3) and (2, 1)
    const [sx, sy] = np.meshgrid([1, 2, 3], [4, 5], { sparse: true });
    expect(sx.shape).toEqual([1, 3]);
    expect(sy.shape).toEqual([2, 1]);
    const x = np.array([1, 2, 3]);
    const [vx] = np.meshgrid(x, [4, 5], { copy: false });
    expect(vx.data).toBe(x.data);
    expect(vx.flags.writeable).toBe(false);
    const [cx] = np.meshgrid(x, [4, 5]);
    expect(cx.data).not.toBe(x.data);
    expect(np.meshgrid()).toEqual([]);
    expect(np.meshgrid([1, 2]).map((g) => g.toArray())).toEqual([[1, 2]]);
  });

  it("checks its options", () => {
    expectError(() => np.meshgrid([1], [2], { indexing: "xz" } as never), ValueError, "meshgrid", "xz");
    expectError(() => np.meshgrid([1], [2], { sparse: 1 } as never), ValueError, "meshgrid", "sparse");
    expectError(() => np.meshgrid([1], [2], { index: "ij" } as never), ValueError, "meshgrid", "index");
  });
});

describe("diag and diagflat", () => {
  it("diag takes the k-th diagonal of a matrix as a copy, and builds a matrix from a vector", () => {
    const a = A12();
    // np.diag(x, 1), np.diag(x, -2), np.diag(x, 5).shape
    expect(np.diag(a, 1).toArray()).toEqual([1, 6, 11]);
    expect(np.diag(a, -2).toArray()).toEqual([8]);
    expect(np.diag(a, 5).shape).toEqual([0]);
    const d = np.diag(a);
    d.set(0, 100);
    expect(a.get(0, 0)).toBe(0); // a copy, not a view
    // np.diag([1, 2], -1)
    expect(np.diag([1, 2], -1).toArray()).toEqual([
      [0, 0, 0],
      [1, 0, 0],
      [0, 2, 0],
    ]);
    expectError(() => np.diag(np.zeros([2, 2, 2])), ValueError, "diag", "(2,2,2)");
    expectError(() => np.diag([1, 2], 0.5), ValueError, "diag", "0.5");
    expectError(() => np.diag("x" as never), ValueError, "diag", "x");
  });

  it("diagflat flattens first", () => {
    // np.diagflat([[1, 2], [3, 4]], 1)
    expect(
      np
        .diagflat(
          [
            [1, 2],
            [3, 4],
          ],
          1,
        )
        .toArray(),
    ).toEqual([
      [0, 1, 0, 0, 0],
      [0, 0, 2, 0, 0],
      [0, 0, 0, 3, 0],
      [0, 0, 0, 0, 4],
      [0, 0, 0, 0, 0],
    ]);
    expectError(() => np.diagflat([1], 1.5), ValueError, "diagflat", "1.5");
  });
});
