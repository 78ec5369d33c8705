/**
 * The NDArray itself (ndarray.ts, ndarray-class.ts): shape, strides, size, itemsize, nbytes
 * and flags; views chaining their base to the owner; wrapping buffers; astype as NumPy's
 * unsafe casting; toArray / toTypedArray in C order; complex128 through interleaved slots.
 * Siblings (the NDArray's tests): views.test.ts, reshape.test.ts, slicing.test.ts, ndarray.test.ts.
 */
import { describe, expect, it } from "vitest";
import { broadcastOperand, cModel, contiguous, expectError, flat, layoutArb, materialize } from "../test/arbitraries.js";
import * as np from "./index.js";
import { DTypeError, NDArray, ShapeError, type DType } from "./index.js";

// ------------------------------------------------------------------ the array itself

describe("NDArray", () => {
  it("reports shape, strides, size, itemsize, nbytes and flags", () => {
    const a = np.zeros([2, 3], "float32");
    expect([a.ndim, a.size, a.itemsize, a.nbytes]).toEqual([2, 6, 4, 24]);
    expect(a.strides).toEqual([3, 1]);
    expect(a.flags).toEqual({ cContiguous: true, fContiguous: false, ownData: true, writeable: true });
    expect(a.T.flags).toEqual({ cContiguous: false, fContiguous: true, ownData: false, writeable: true });
    expect(a.slice(":", "::2").flags.cContiguous).toBe(false);
    expect(np.zeros([3, 1]).T.flags.cContiguous).toBe(true);
    expect(np.zeros([0, 3]).slice(":", "::2").flags.cContiguous).toBe(true);
    expect(np.zeros([2], "complex128").nbytes).toBe(32);
    expect(np.zeros([]).size).toBe(1);
  });

  it("views chain their base to the owner", () => {
    const a = np.arange(6);
    const v = a.slice("1:").reshape(5, 1).T.slice(0);
    expect(v.base).toBe(a);
    expect(a.base).toBeNull();
  });

  it("wraps buffers; rejects a buffer too small for the shape", () => {
    const buf = new Float64Array([1, 2, 3, 4]);
    const a = new NDArray(buf, [2, 2]);
    expect(a.dtype).toBe("float64");
    buf[0] = 9;
    expect(a.get(0, 0)).toBe(9);
    expect(new NDArray(buf, [2], "complex128").toArray()).toEqual([
      { re: 9, im: 2 },
      { re: 3, im: 4 },
    ]);
    expectError(() => new NDArray(buf, [5]), ShapeError, "NDArray", "length 4", "(5,)");
    expectError(() => new NDArray(buf, [3], "complex128"), ShapeError, "NDArray", "(3,)");
  });

  it("astype casts as NumPy's unsafe casting", () => {
    const x = np.array([-2.7, -0.5, 0, 0.5, 2.7, 3e9]);
    expect(flat(x.astype("int32")).slice(0, 5)).toEqual([-2, 0, 0, 0, 2]);
    expect(x.astype("bool").toArray()).toEqual([true, true, false, true, true, true]);
    expect(np.array([NaN, 1]).astype("bool").toArray()).toEqual([true, true]);
    expect(
      np
        .array([1 / 3])
        .astype("float32")
        .item(),
    ).toBe(Math.fround(1 / 3));
    const c = np.array([
      { re: 1.5, im: -2 },
      { re: 0, im: 0 },
      { re: 0, im: 1 },
    ]);
    expect(c.astype("float64").toArray()).toEqual([1.5, 0, 0]);
    expect(c.astype("int32").toArray()).toEqual([1, 0, 0]);
    expect(c.astype("bool").toArray()).toEqual([true, false, true]);
    expect(np.array([true, false]).astype("complex128").toArray()).toEqual([
      { re: 1, im: 0 },
      { re: 0, im: 0 },
    ]);
    expectError(() => x.astype("int64" as DType), DTypeError, "astype", '"int64"');
  });

  it("toArray and toTypedArray give the elements in C order", () => {
    const a = np.arange(6).reshape(2, 3);
    expect(a.T.toArray()).toEqual([
      [0, 3],
      [1, 4],
      [2, 5],
    ]);
    expect(Array.from(a.T.toTypedArray())).toEqual([0, 3, 1, 4, 2, 5]);
    const t = a.toTypedArray();
    t[0] = 99;
    expect(a.get(0, 0)).toBe(0); // a copy
    expect(Array.from(a.slice(1).toTypedArray())).toEqual([3, 4, 5]);
    expect(np.array([true, false]).toArray()).toEqual([true, false]);
    expect(np.array(2.5).toArray()).toBe(2.5);
    expect(Array.from(np.array([{ re: 1, im: 2 }]).toTypedArray())).toEqual([1, 2]);
  });

  it("reads complex128 views through interleaved slots", () => {
    const c = np.array([
      [
        { re: 1, im: 2 },
        { re: 3, im: 4 },
      ],
      [
        { re: 5, im: 6 },
        { re: 7, im: 8 },
      ],
    ]);
    expect(c.T.slice(0).toArray()).toEqual([
      { re: 1, im: 2 },
      { re: 5, im: 6 },
    ]);
    expect(c.flip(1).diagonal().toArray()).toEqual([
      { re: 3, im: 4 },
      { re: 5, im: 6 },
    ]);
  });

  it("models a C-contiguous array as the identity layout", () => {
    const m = cModel([2, 3]);
    expect(materialize(m, (p) => p)).toEqual(np.arange(6).reshape(2, 3).toArray());
    expect(layoutArb(0)).toBeDefined();
    const b = broadcastOperand([1, 3], [2, 3], contiguous(2));
    expect(b.view.toArray()).toEqual(materialize(b.model, (p) => p));
  });
});
