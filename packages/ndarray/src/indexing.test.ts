/**
 * Advanced indexing (indexing.ts): `slice`/`set` with index arrays and masks, take, put,
 * compress, nonzero, flatnonzero, argwhere, countNonzero and one-argument where, against
 * values NumPy 2.4 computed (the call is in the comment above each), the placement rule for
 * the broadcast index axes, copies against views, the errors and the fast paths against the
 * table nest. The fast-check property against a per-element reference is in
 * indexing.property.test.ts.
 */
import { describe, expect, it } from "vitest";
import { expectError, indices, range, snapshot, strided } from "../test/arbitraries.js";
import { gatherIndex, scatterIndex } from "./indexing.js";
import * as np from "./index.js";
import { DTypeError, IndexError, NDArray, ShapeError, ValueError, type DType, type Index } from "./index.js";

/** NumPy's X: the 4×5 matrix of the everyday golden cases. */
const Xdata = [-1.41, -6.29, -0.14, 1.93, 3.45, 3.93, 0.0, -0.06, 0.52, 4.27, -3.81, -1.44, -4.67, 2.08, -3.01, -2.9, -2.67, -4.37, -0.39, -4.28];
const X = () => np.fromTypedArray(Float64Array.from(Xdata), [4, 5]);
/** A = np.arange(24).reshape(2, 3, 4), int32. */
const A = () => np.arange(24, { dtype: "int32" }).reshape(2, 3, 4);

/** Shape, dtype and elements (C order) of r. */
function expectArray(r: NDArray, shape: number[], data: number[], dtype?: DType): void {
  expect(r.shape).toEqual(shape);
  if (dtype !== undefined) expect(r.dtype).toBe(dtype);
  expect(Array.from(r.flatten().data)).toEqual(data);
}

const m = (xs: boolean[]) => np.array(xs);

describe("slice with index arrays and masks, against NumPy", () => {
  const cases: [string, () => NDArray, number[], number[]][] = [
    // X[X > 0]
    ["X[X > 0]", () => X().slice(X().greater(0)), [6], [1.93, 3.45, 3.93, 0.52, 4.27, 2.08]],
    // X[np.array([True, False, True, False])]
    ["X[rows mask]", () => X().slice(m([true, false, true, false])), [2, 5], [-1.41, -6.29, -0.14, 1.93, 3.45, -3.81, -1.44, -4.67, 2.08, -3.01]],
    // X[:, [0, 2]]
    ["X[:, [0, 2]]", () => X().slice(":", [0, 2]), [4, 2], [-1.41, -0.14, 3.93, -0.06, -3.81, -4.67, -2.9, -4.37]],
    // X[[3, 0, 3]]
    ["X[[3, 0, 3]]", () => X().slice([3, 0, 3]), [3, 5], [-2.9, -2.67, -4.37, -0.39, -4.28, -1.41, -6.29, -0.14, 1.93, 3.45, -2.9, -2.67, -4.37, -0.39, -4.28]],
    // X[[-1, 1]]
    ["X[[-1, 1]]", () => X().slice([-1, 1]), [2, 5], [-2.9, -2.67, -4.37, -0.39, -4.28, 3.93, 0.0, -0.06, 0.52, 4.27]],
    // X[[0, 2], [1, 2]]
    ["X[[0, 2], [1, 2]]", () => X().slice([0, 2], [1, 2]), [2], [-6.29, -4.67]],
    // X[[[0], [2]], [1, 3]]: (2, 1) and (2,) broadcast to (2, 2)
    ["X[[[0], [2]], [1, 3]]", () => X().slice([[0], [2]], [1, 3]), [2, 2], [-6.29, 1.93, -1.44, 2.08]],
    // X[1:, [4, 0]]
    ["X[1:, [4, 0]]", () => X().slice("1:", [4, 0]), [3, 2], [4.27, 3.93, -3.01, -3.81, -4.28, -2.9]],
    // X[[1, 2], ::-2]
    ["X[[1, 2], ::-2]", () => X().slice([1, 2], "::-2"), [2, 3], [4.27, -0.06, 3.93, -3.01, -4.67, -3.81]],
    // X[np.array([True, False, True, False]), 1:]
    ["X[mask, 1:]", () => X().slice([true, false, true, false], "1:"), [2, 4], [-6.29, -0.14, 1.93, 3.45, -1.44, -4.67, 2.08, -3.01]],
    // X[None, [0, 2]]
    ["X[None, [0, 2]]", () => X().slice(null, [0, 2]), [1, 2, 5], [-1.41, -6.29, -0.14, 1.93, 3.45, -3.81, -1.44, -4.67, 2.08, -3.01]],
    // X[True], X[False]
    ["X[True]", () => X().slice(true), [1, 4, 5], Xdata],
    ["X[False]", () => X().slice(false), [0, 4, 5], []],
    // X[..., [0, 4]]
    ["X[..., [0, 4]]", () => X().slice("...", [0, 4]), [4, 2], [-1.41, 3.45, 3.93, 4.27, -3.81, -3.01, -2.9, -4.28]],
    // X[1, [0, 4]] and X[[0, 1], 2]: an integer next to an index array
    ["X[1, [0, 4]]", () => X().slice(1, [0, 4]), [2], [3.93, 4.27]],
    ["X[[0, 1], 2]", () => X().slice([0, 1], 2), [2], [-0.14, -0.06]],
    // index arrays given as an int32 NDArray, an Int32Array, a float64 NDArray of integers
    [
      "X[int32 array]",
      () => X().slice(np.array([3, 0, 3], "int32")),
      [3, 5],
      [-2.9, -2.67, -4.37, -0.39, -4.28, -1.41, -6.29, -0.14, 1.93, 3.45, -2.9, -2.67, -4.37, -0.39, -4.28],
    ],
    ["X[:, Int32Array]", () => X().slice(":", Int32Array.of(0, 2)), [4, 2], [-1.41, -0.14, 3.93, -0.06, -3.81, -4.67, -2.9, -4.37]],
    ["X[float64 array]", () => X().slice(np.array([-1, 1], "float64")), [2, 5], [-2.9, -2.67, -4.37, -0.39, -4.28, 3.93, 0.0, -0.06, 0.52, 4.27]],
  ];
  it.each(cases)("%s", (_, f, shape, data) => expectArray(f(), shape, data, "float64"));

  // The placement of the broadcast index axes, on A = np.arange(24).reshape(2, 3, 4).
  const placement: [string, () => NDArray, number[], number[]][] = [
    // A[:, [True, False, True]]: a mask on axis 1
    ["A[:, mask]", () => A().slice(":", [true, false, true]), [2, 2, 4], [0, 1, 2, 3, 8, 9, 10, 11, 12, 13, 14, 15, 20, 21, 22, 23]],
    // A[0, :, [0, 1]]: the integer is an index array separated from [0, 1] by ':', so B goes first
    ["A[0, :, [0, 1]]", () => A().slice(0, ":", [0, 1]), [2, 3], [0, 4, 8, 1, 5, 9]],
    // A[:, 0, [0, 1]]: adjacent, B in place
    ["A[:, 0, [0, 1]]", () => A().slice(":", 0, [0, 1]), [2, 2], [0, 1, 12, 13]],
    // A[[0, 1], :, [0, 1]]: separated, B first
    ["A[[0, 1], :, [0, 1]]", () => A().slice([0, 1], ":", [0, 1]), [2, 3], [0, 4, 8, 13, 17, 21]],
    // A[:, [0, 2], [1, 3]]: adjacent
    ["A[:, [0, 2], [1, 3]]", () => A().slice(":", [0, 2], [1, 3]), [2, 2], [1, 11, 13, 23]],
    // A[[1, 0], ..., [3, 3]]: the ellipsis separates
    ["A[[1, 0], ..., [3, 3]]", () => A().slice([1, 0], "...", [3, 3]), [2, 3], [15, 19, 23, 3, 7, 11]],
    // A[np.array([[True, False, True], [False, True, False]])]: a 2-D mask over axes 0 and 1
    [
      "A[mask2d]",
      () =>
        A().slice([
          [true, false, true],
          [false, true, false],
        ]),
      [3, 4],
      [0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19],
    ],
    // A[:, np.arange(12).reshape(3, 4) % 5 == 0]
    ["A[:, mask34]", () => A().slice(":", np.arange(12, { dtype: "int32" }).reshape(3, 4).mod(5).equal(0)), [2, 3], [0, 5, 10, 12, 17, 22]],
    // A[[[1], [0]], [[0, 2]], 1:3]
    ["A[[[1], [0]], [[0, 2]], 1:3]", () => A().slice([[1], [0]], [[0, 2]], "1:3"), [2, 2, 2], [13, 14, 21, 22, 1, 2, 9, 10]],
    // A[[0, 1], None, [2, 0]]: a newaxis separates
    ["A[[0, 1], None, [2, 0]]", () => A().slice([0, 1], null, [2, 0]), [2, 1, 4], [8, 9, 10, 11, 12, 13, 14, 15]],
    // A.T[[1, 3]]: a transposed (strided) source
    ["A.T[[1, 3]]", () => A().T.slice([1, 3]), [2, 3, 2], [1, 13, 5, 17, 9, 21, 3, 15, 7, 19, 11, 23]],
    // A[::-1, ::2][[1, 0], :, [3, 0]]: negative and stepped strides
    ["A[::-1, ::2][[1, 0], :, [3, 0]]", () => A().slice("::-1", "::2").slice([1, 0], ":", [3, 0]), [2, 2], [3, 11, 12, 20]],
  ];
  it.each(placement)("%s", (_, f, shape, data) => expectArray(f(), shape, data, "int32"));

  it("keeps the dtype: bool, float32, complex128", () => {
    expectArray(np.array([true, false, true], "bool").slice([2, 1]), [2], [1, 0], "bool");
    expectArray(np.array([1.5, 2.5, 3.5], "float32").slice([true, false, true]), [2], [1.5, 3.5], "float32");
    const z = np.array([
      { re: 1, im: -1 },
      { re: 2, im: -2 },
      { re: 3, im: -3 },
    ]);
    expect(z.slice([2, 0]).toArray()).toEqual([
      { re: 3, im: -3 },
      { re: 1, im: -1 },
    ]);
    expect(z.slice([false, true, true]).toArray()).toEqual([
      { re: 2, im: -2 },
      { re: 3, im: -3 },
    ]);
    // a 2-D complex gather with a post block (rows)
    expect(z.reshape(3, 1).slice([1, 1]).toArray()).toEqual([[{ re: 2, im: -2 }], [{ re: 2, im: -2 }]]);
  });

  it("whole-array masks over strided arrays, and strided masks", () => {
    // X.T[X.T > 0]
    const t = X().T;
    expectArray(t.slice(t.greater(0)), [6], [3.93, 1.93, 0.52, 2.08, 3.45, 4.27]);
    // X[::-1, ::2][(X > 0)[::-1, ::2]]
    expectArray(X().slice("::-1", "::2").slice(X().greater(0).slice("::-1", "::2")), [3], [3.93, 4.27, 3.45]);
    // Y = X.T.copy(); Y[X.T < 0] = 0, written through the transposed view of X
    const x = X();
    x.T.set(x.T.less(0), 0);
    expectArray(x.T.copy(), [5, 4], [0, 3.93, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1.93, 0.52, 2.08, 0, 3.45, 4.27, 0, 0]);
  });

  it("empty index arrays and masks give empty results of the right shape", () => {
    expectArray(X().slice([]), [0, 5], []);
    expectArray(X().slice(":", []), [4, 0], []);
    expectArray(X().slice(X().greater(100)), [0], []);
    expectArray(np.zeros([0, 3]).slice([]), [0, 3], []);
  });
});

describe("copies and views", () => {
  it("any advanced item gives a copy that owns its data; writing it leaves the source alone", () => {
    const x = X();
    const before = snapshot(x);
    for (const r of [x.slice([0, 2]), x.slice(x.greater(0)), x.slice(":", [1]), x.slice(true), x.slice(1, [0, 4])]) {
      expect(r.flags.ownData).toBe(true);
      expect(r.base).toBe(null);
      r.set(1e9);
    }
    expect(snapshot(x)).toEqual(before);
  });
  it("basic indexing stays a view", () => {
    const x = X();
    const v = x.slice("1:", 2);
    expect(v.flags.ownData).toBe(false);
    v.set(0);
    expect(x.get(3, 2)).toBe(0);
  });
  it("a JS array of numbers is an index array, never a slice", () => {
    // X[:, [0, 2]] has two columns, where a slice 0:2 would also have two: tell them apart by values
    expectArray(X().slice(":", [0, 2]).slice(":", 1), [4], [-0.14, -0.06, -4.67, -4.37]);
  });
});

describe("set with index arrays and masks, against NumPy", () => {
  it("X[X < 0] = 0", () => {
    const x = X();
    expect(x.set(x.less(0), 0)).toBe(x);
    expectArray(x, [4, 5], [0.0, 0.0, 0.0, 1.93, 3.45, 3.93, 0.0, 0.0, 0.52, 4.27, 0.0, 0.0, 0.0, 2.08, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]);
  });
  it("X[:, [1, 3]] = 7.5 and = [10, 20] (broadcast to the indexed shape (4, 2))", () => {
    expectArray(
      X().set(":", [1, 3], 7.5),
      [4, 5],
      [-1.41, 7.5, -0.14, 7.5, 3.45, 3.93, 7.5, -0.06, 7.5, 4.27, -3.81, 7.5, -4.67, 7.5, -3.01, -2.9, 7.5, -4.37, 7.5, -4.28],
    );
    expectArray(
      X().set(":", [1, 3], [10, 20]),
      [4, 5],
      [-1.41, 10, -0.14, 20, 3.45, 3.93, 10, -0.06, 20, 4.27, -3.81, 10, -4.67, 20, -3.01, -2.9, 10, -4.37, 20, -4.28],
    );
  });
  it("repeated indices: the last write wins", () => {
    // Y[[0, 0, 2]] = [[1]*5, [2]*5, [3]*5]
    const rows = np.array([[1], [2], [3]]).broadcastTo([3, 5]);
    expectArray(X().set([0, 0, 2], rows), [4, 5], [2, 2, 2, 2, 2, 3.93, 0.0, -0.06, 0.52, 4.27, 3, 3, 3, 3, 3, -2.9, -2.67, -4.37, -0.39, -4.28]);
    // a = np.arange(6.).reshape(2, 3); a[[1, 1, 0, 1], [0, 0, 2, 0]] = [5, 6, 7, 8]
    expectArray(np.arange(6, { dtype: "float64" }).reshape(2, 3).set([1, 1, 0, 1], [0, 0, 2, 0], [5, 6, 7, 8]), [2, 3], [0, 1, 7, 8, 4, 5]);
  });
  it("paired index arrays, a value read from the array itself, non-adjacent index arrays", () => {
    expectArray(
      X().set([1, 3], [0, 4], [-1, -2]),
      [4, 5],
      [-1.41, -6.29, -0.14, 1.93, 3.45, -1, 0.0, -0.06, 0.52, 4.27, -3.81, -1.44, -4.67, 2.08, -3.01, -2.9, -2.67, -4.37, -0.39, -2],
    );
    // Y[X > 3] = -X[X > 3]
    const y = X();
    y.set(y.greater(3), y.slice(y.greater(3)).negative());
    expectArray(
      y,
      [4, 5],
      [-1.41, -6.29, -0.14, 1.93, -3.45, -3.93, 0.0, -0.06, 0.52, -4.27, -3.81, -1.44, -4.67, 2.08, -3.01, -2.9, -2.67, -4.37, -0.39, -4.28],
    );
    // A[[0, 1], :, [0, 1]] = [[100, 101, 102], [200, 201, 202]]: B first, so the value is (2, 3)
    expectArray(
      A().set(
        [0, 1],
        ":",
        [0, 1],
        [
          [100, 101, 102],
          [200, 201, 202],
        ],
      ),
      [2, 3, 4],
      [100, 1, 2, 3, 101, 5, 6, 7, 102, 9, 10, 11, 12, 200, 14, 15, 16, 201, 18, 19, 20, 202, 22, 23],
    );
  });
  it("casts the value to the array's dtype (float -> int32 truncates) and writes through views", () => {
    // Ai = A.astype(np.int32); Ai[:, [0, 2], 1] = np.array([1.9, -2.7])
    expectArray(
      A().set(":", [0, 2], 1, [1.9, -2.7]),
      [2, 3, 4],
      [0, 1, 2, 3, 4, 5, 6, 7, 8, -2, 10, 11, 12, 1, 14, 15, 16, 17, 18, 19, 20, -2, 22, 23],
      "int32",
    );
    const a = A();
    a.slice(1).set([true, false, true], -1); // a view of the second block
    expectArray(a.slice(1), [3, 4], [-1, -1, -1, -1, 16, 17, 18, 19, -1, -1, -1, -1]);
    const z = np.zeros([3], "complex128");
    z.set([2, 0], 5);
    expect(z.toArray()).toEqual([
      { re: 5, im: 0 },
      { re: 0, im: 0 },
      { re: 5, im: 0 },
    ]);
    z.set([true, false, false], np.array([{ re: 1, im: 2 }]));
    expect(z.getComplex(0)).toEqual({ re: 1, im: 2 });
  });
  it("rejects a value that does not broadcast, and a read-only destination, writing nothing", () => {
    const x = X();
    const before = snapshot(x);
    expectError(() => x.set([1, 2], [5, 6, 7]), ShapeError, "set", "(3,)", "(2,5)");
    expectError(() => x.set([0, 9], 1), IndexError, "set", "index 9", "size 4");
    expect(snapshot(x)).toEqual(before);
    expectError(() => np.zeros([3]).broadcastTo([2, 3]).set([0], 1), ValueError, "set", "read-only");
  });
});

describe.each([true, false])("the fast paths against the table nest (fast: %s)", (fast) => {
  const n = 37;
  const x = np.fromTypedArray(
    Float64Array.from(range(n), (i) => (i * 7919) % 101),
    [n],
  );
  const mask = np.fromTypedArray(
    Uint8Array.from(range(n), (i) => (i % 3 === 0 ? 1 : 0)),
    [n],
    "bool",
  );
  it("a 1-D mask, contiguous and strided", () => {
    const want = range(n)
      .filter((i) => i % 3 === 0)
      .map((i) => (i * 7919) % 101);
    expect(Array.from(gatherIndex(x, [mask], "slice", { fast }).data)).toEqual(want);
    const rev = x.slice("::-1");
    expect(Array.from(gatherIndex(rev, [mask], "slice", { fast }).data)).toEqual(
      range(n)
        .filter((i) => i % 3 === 0)
        .map((i) => ((n - 1 - i) * 7919) % 101),
    );
  });
  it("an integer array on a 1-D array, and a whole-array 2-D mask", () => {
    const idx = np.array([3, -1, 0, 36, 3], "int32");
    expect(Array.from(gatherIndex(x, [idx], "slice", { fast }).data)).toEqual([3, 36, 0, 36, 3].map((i) => (i * 7919) % 101));
    const X2 = x.slice(":36").reshape(6, 6);
    const M2 = X2.greater(50);
    expect(Array.from(gatherIndex(X2, [M2], "slice", { fast }).data)).toEqual(Array.from(X2.data.slice(0, 36)).filter((v) => v > 50));
    expectError(() => gatherIndex(x, [np.array([0, 37], "int32")], "slice", { fast }), IndexError, "slice", "index 37", "size 37");
    expectError(() => gatherIndex(x, [np.array([0.5])], "slice", { fast }), IndexError, "slice", "integer (or boolean)", "0.5");
  });
  it("row blocks (a unit-stride post run)", () => {
    const X2 = x.slice(":36").reshape(6, 6);
    const r = gatherIndex(X2, [[5, 0]], "slice", { fast });
    expect(r.toArray()).toEqual([X2.slice(5).toArray(), X2.slice(0).toArray()]);
  });
  it("set(mask, scalar) and set(mask, values)", () => {
    const y = x.copy();
    scatterIndex(y, [mask], -1, "set", { fast });
    expect(Array.from(y.data)).toEqual(range(n).map((i) => (i % 3 === 0 ? -1 : (i * 7919) % 101)));
    const z = x.copy();
    scatterIndex(z, [mask], np.arange(13, { dtype: "float64" }), "set", { fast });
    expect(Array.from(z.data)).toEqual(range(n).map((i) => (i % 3 === 0 ? i / 3 : (i * 7919) % 101)));
  });
});

describe("errors", () => {
  it("an index out of range names the function, the index and the size", () => {
    expectError(() => X().slice([0, 4]), IndexError, "slice", "index 4", "axis 0", "size 4");
    expectError(() => X().slice(":", [-6]), IndexError, "slice", "index -6", "axis 1", "size 5");
    expectError(() => X().slice([0], 5), IndexError, "slice", "index 5", "axis 1", "size 5");
    expectError(() => np.zeros([3, 0]).slice([5]), IndexError, "slice", "index 5", "size 3");
  });
  it("a mask whose shape does not match the axes it covers", () => {
    expectError(() => X().slice([true, false]), IndexError, "slice", "boolean index did not match", "axis 0", "size of axis is 4", "boolean axis is 2");
    expectError(() => X().slice(":", np.ones([4], "bool")), IndexError, "slice", "axis 1", "size of axis is 5", "boolean axis is 4");
    expectError(() => X().slice(":", np.ones([5, 1], "bool")), IndexError, "slice", "too many indices");
  });
  it("non-integer, complex and BigInt indices, and other values that are no index", () => {
    expectError(() => X().slice(np.array([0, 1.5])), IndexError, "slice", "integer (or boolean) type", "1.5");
    expectError(() => X().slice([0.5]), IndexError, "slice", "integer (or boolean) type", "0.5");
    expectError(() => X().slice(np.array([{ re: 1, im: 0 }])), IndexError, "slice", "integer (or boolean) type");
    expectError(() => X().slice(1n as unknown as Index), DTypeError, "slice", "BigInt");
    expectError(() => X().slice([1n] as unknown as Index), DTypeError, "slice", "BigInt");
    expectError(() => X().slice(undefined as unknown as Index), IndexError, "slice", "valid indices", "undefined");
    expectError(() => X().slice({ begin: 1 } as unknown as Index), IndexError, "slice", "begin");
    expectError(() => X().slice({ start: 0.5 } as unknown as Index), IndexError, "slice", "start", "0.5");
    expectError(() => X().slice((() => 0) as unknown as Index), IndexError, "slice", "a function");
  });
  it("too many indices, two ellipses, index arrays that do not broadcast", () => {
    expectError(() => X().slice([0], [0], [0]), IndexError, "slice", "too many indices", "2-dimensional", "3 were indexed");
    expectError(() => X().slice([0], "...", "...", [0]), IndexError, "slice", "single ellipsis");
    expectError(() => X().slice([0, 1], [0, 1, 2]), IndexError, "slice", "shape mismatch", "(2,) (3,)");
  });
});

// ------------------------------------------------------------------ take, put, compress

const x9 = () => np.array([2.8, 1.85, -1.53, -4.86, 3.5, -4.78, 4.18, -6.45, 0.89]);

describe("take", () => {
  it("flattened, along an axis, scalar and 2-D indices (NumPy's values)", () => {
    // np.take(X, [[0, 5], [19, -1]])
    expectArray(
      np.take(X(), [
        [0, 5],
        [19, -1],
      ]),
      [2, 2],
      [-1.41, 3.93, -4.28, -4.28],
    );
    // np.take(X, [4, 0], axis=1)
    expectArray(np.take(X(), [4, 0], 1), [4, 2], [3.45, -1.41, 4.27, 3.93, -3.01, -3.81, -4.28, -2.9]);
    // np.take(X, [[1], [0]], axis=0)
    expectArray(X().take([[1], [0]], { axis: 0 }), [2, 1, 5], [3.93, 0.0, -0.06, 0.52, 4.27, -1.41, -6.29, -0.14, 1.93, 3.45]);
    // np.take(X, 2, axis=1)
    expectArray(np.take(X(), 2, 1), [4], [-0.14, -0.06, -4.67, -4.37]);
    // np.take(A, [3, -4], axis=-1)
    expectArray(np.take(A(), [3, -4], -1), [2, 3, 2], [3, 0, 7, 4, 11, 8, 15, 12, 19, 16, 23, 20], "int32");
    // np.take(a, [True, False]) indexes 1 and 0 (bool casts to int)
    expectArray(np.take(x9(), [true, false]), [2], [1.85, 2.8]);
  });
  it("modes wrap and clip", () => {
    // np.take(x9, [-10, 9, 12], mode='wrap'), mode='clip'
    expectArray(np.take(x9(), [-10, 9, 12], null, "wrap"), [3], [0.89, 2.8, -4.86]);
    expectArray(np.take(x9(), [-10, 9, 12], { mode: "clip" }), [3], [2.8, 0.89, 0.89]);
  });
  it("errors", () => {
    expectError(() => np.take(x9(), [9]), IndexError, "take", "index 9", "size 9");
    expectError(() => np.take(X(), [4], 0), IndexError, "take", "index 4", "axis 0", "size 4");
    expectError(() => np.take(np.zeros([0]), [0], null, "clip"), IndexError, "take", "empty axis");
    expectError(() => np.take(X(), [0], 2), np.AxisError, "take", "axis 2");
    expectError(() => np.take(X(), [0], null, "nearest" as np.TakeMode), ValueError, "take", "mode", "nearest");
    expectError(() => np.take(X(), [0], { axes: 1 } as np.TakeOptions), ValueError, "take", "axes");
    expectError(() => np.take(X(), [1.5]), IndexError, "take", "1.5");
  });
});

describe("put", () => {
  it("writes a.flat[ind] = v in place, v repeated, modes, non-contiguous a", () => {
    // np.put(Y, [0, 7, -1], [9.5, 8.5])
    const y = X();
    expect(np.put(y, [0, 7, -1], [9.5, 8.5])).toBe(undefined);
    expectArray(y, [4, 5], [9.5, -6.29, -0.14, 1.93, 3.45, 3.93, 0.0, 8.5, 0.52, 4.27, -3.81, -1.44, -4.67, 2.08, -3.01, -2.9, -2.67, -4.37, -0.39, 9.5]);
    // np.put(Y, [22, -30], [1, 2], mode='clip') / mode='wrap'
    const c = X();
    c.put([22, -30], [1, 2], "clip");
    expectArray(c, [4, 5], [2, -6.29, -0.14, 1.93, 3.45, 3.93, 0.0, -0.06, 0.52, 4.27, -3.81, -1.44, -4.67, 2.08, -3.01, -2.9, -2.67, -4.37, -0.39, 1]);
    const w = X();
    np.put(w, [22, -30], [1, 2], { mode: "wrap" });
    expectArray(w, [4, 5], [-1.41, -6.29, 1, 1.93, 3.45, 3.93, 0.0, -0.06, 0.52, 4.27, 2, -1.44, -4.67, 2.08, -3.01, -2.9, -2.67, -4.37, -0.39, -4.28]);
    // Yt = X.copy(); np.put(Yt.T, [1, 6], [100, 200])
    const t = X();
    np.put(t.T, [1, 6], [100, 200]);
    expectArray(t, [4, 5], [-1.41, -6.29, -0.14, 1.93, 3.45, 100, 0.0, -0.06, 0.52, 4.27, -3.81, 200, -4.67, 2.08, -3.01, -2.9, -2.67, -4.37, -0.39, -4.28]);
  });
  it("checks every index before writing; rejects read-only and non-NDArray targets", () => {
    const y = X();
    const before = snapshot(y);
    expectError(() => np.put(y, [0, 20], [1, 2]), IndexError, "put", "index 20", "size 20");
    expect(snapshot(y)).toEqual(before);
    expectError(() => np.put(np.zeros([2]).broadcastTo([2, 2]), [0], 1), ValueError, "put", "read-only");
    expectError(() => np.put([1, 2, 3] as unknown as NDArray, [0], 1), ValueError, "put", "NDArray");
  });
});

describe("compress", () => {
  it("along an axis, with a short condition, flattened (NumPy's values)", () => {
    // np.compress([False, True, True, False], X, axis=0)
    expectArray(np.compress([false, true, true, false], X(), 0), [2, 5], [3.93, 0.0, -0.06, 0.52, 4.27, -3.81, -1.44, -4.67, 2.08, -3.01]);
    // np.compress([True, False, True], X, axis=1): shorter than the axis
    expectArray(X().compress([true, false, true], 1), [4, 2], [-1.41, -0.14, 3.93, -0.06, -3.81, -4.67, -2.9, -4.37]);
    // np.compress([0, 1, 0, 0, 2, 0, 1], X): truthy values, flattened
    expectArray(np.compress([0, 1, 0, 0, 2, 0, 1], X()), [3], [-6.29, 3.45, 0.0]);
    // np.compress([1, 0, 0, 1], A, axis=-1)
    expectArray(np.compress([1, 0, 0, 1], A(), { axis: -1 }), [2, 3, 2], [0, 3, 4, 7, 8, 11, 12, 15, 16, 19, 20, 23], "int32");
  });
  it("errors", () => {
    expectError(() => np.compress([true, false, true, true, true], X(), 0), IndexError, "compress", "index 4", "size 4");
    expectError(() => np.compress([[true]], X()), ValueError, "compress", "1-d", "(1,1)");
  });
});

// ------------------------------------------------------------------ nonzero and friends

/** B = np.array([[0, 1.5, 0, nan], [-0.0, 0, 2, 0], [3, 0, 0, 4]]) */
const Bm = () =>
  np.array([
    [0, 1.5, 0, NaN],
    [-0, 0, 2, 0],
    [3, 0, 0, 4],
  ]);

describe("nonzero, flatnonzero, argwhere, where(condition), countNonzero", () => {
  it("nonzero: one int32 array per axis, NaN counts, -0 does not", () => {
    // np.nonzero(B)
    const [r, c] = np.nonzero(Bm());
    expectArray(r, [5], [0, 0, 1, 2, 2], "int32");
    expectArray(c, [5], [1, 3, 2, 0, 3], "int32");
    // np.nonzero(A % 7 == 3)
    const nz = A().mod(7).equal(3).nonzero();
    expect(nz.map((i) => Array.from(i.data))).toEqual([
      [0, 0, 1],
      [0, 2, 1],
      [3, 2, 1],
    ]);
    // np.nonzero(A.transpose(2, 0, 1)[::2] % 5 == 1): a strided view
    expect(np.nonzero(A().transpose(2, 0, 1).slice("::2").mod(5).equal(1)).map((i) => Array.from(i.data))).toEqual([
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
    // np.nonzero(np.array([[1+0j, 0], [2j, 0], [0, 3]]))
    const C = np.array([
      [{ re: 1, im: 0 }, 0],
      [{ re: 0, im: 2 }, 0],
      [0, 3],
    ]);
    expect(np.nonzero(C).map((i) => Array.from(i.data))).toEqual([
      [0, 1, 2],
      [0, 0, 1],
    ]);
    // a[nonzero(a)] is the nonzero elements
    expect(Array.from(Bm().slice(...np.nonzero(Bm())).data)).toEqual([1.5, NaN, 2, 3, 4]);
    expectError(() => np.nonzero(np.array(3)), ValueError, "nonzero", "0d");
  });
  it("flatnonzero, argwhere (with the 0-d cases)", () => {
    expectArray(np.flatnonzero(Bm()), [5], [1, 3, 6, 8, 11], "int32");
    expectArray(np.argwhere(Bm()), [5, 2], [0, 1, 0, 3, 1, 2, 2, 0, 2, 3], "int32");
    expectArray(np.argwhere(A().mod(7).equal(3)), [3, 3], [0, 0, 3, 0, 2, 2, 1, 1, 1], "int32");
    // np.argwhere(np.array(3)).shape == (1, 0); np.argwhere(np.array(0)).shape == (0, 0)
    expect(np.argwhere(np.array(3)).shape).toEqual([1, 0]);
    expect(np.argwhere(np.array(0)).shape).toEqual([0, 0]);
  });
  it("where(condition) is nonzero(condition); one of x, y alone throws", () => {
    const [r, c] = np.where(Bm());
    expect([Array.from(r.data), Array.from(c.data)]).toEqual([
      [0, 0, 1, 2, 2],
      [1, 3, 2, 0, 3],
    ]);
    expectError(() => (np.where as unknown as (c: np.ArrayInput, x?: np.ArrayInput) => unknown)(Bm(), 1), ValueError, "where", "both or neither");
  });
  it("countNonzero: a number without an axis, int32 counts along axes (NumPy's values)", () => {
    expect(np.countNonzero(Bm())).toBe(5);
    expectArray(np.countNonzero(Bm(), 0), [4], [1, 1, 1, 2], "int32");
    expectArray(np.countNonzero(Bm(), { axis: 1, keepdims: true }), [3, 1], [2, 1, 2], "int32");
    expectArray(np.countNonzero(Bm(), 1, true), [3, 1], [2, 1, 2], "int32");
    // np.count_nonzero(A % 3, axis=(0, 2)), axis=(2, 0)
    expectArray(np.countNonzero(A().mod(3), [0, 2]), [3], [4, 6, 6]);
    expectArray(np.countNonzero(A().mod(3), [2, 0]), [3], [4, 6, 6]);
    // np.count_nonzero(A.transpose(2, 0, 1)[::-1] % 3, axis=1)
    expectArray(np.countNonzero(A().transpose(2, 0, 1).slice("::-1").mod(3), 1), [4, 3], [0, 2, 2, 2, 0, 2, 2, 2, 0, 0, 2, 2]);
    expectArray(np.countNonzero(Bm(), { keepdims: true }), [1, 1], [5]);
    expectError(() => np.countNonzero(Bm(), 2), np.AxisError, "countNonzero", "axis 2");
    expectError(() => np.countNonzero(Bm(), { axes: 0 } as np.CountNonzeroOptions), ValueError, "countNonzero", "axes");
    expectError(() => np.countNonzero(Bm(), 0, "yes" as unknown as boolean), ValueError, "countNonzero", "keepdims");
  });
});
