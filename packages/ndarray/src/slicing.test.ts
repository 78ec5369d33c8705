/**
 * Basic indexing (slicing.ts and the class's get/set): `slice` follows Python's slice rules and
 * mixes integers, slices, newaxis and ellipsis as NumPy; `get`, `getComplex` and `item` read
 * one element; `set` assigns scalars, nested arrays and NDArrays with broadcasting and casting,
 * reading overlapping sources before writing; bad indices throw IndexError naming the index,
 * axis and size.
 * Siblings (the NDArray's tests): views.test.ts, reshape.test.ts, slicing.test.ts, ndarray.test.ts.
 */
import { describe, expect, it } from "vitest";
import { expectError, indices, pySlice, range } from "../test/arbitraries.js";
import * as np from "./index.js";
import { DTypeError, IndexError, NDArray, ShapeError, ValueError } from "./index.js";

// ------------------------------------------------------------------ basic indexing

describe("slice", () => {
  const a = np.arange(24).reshape(2, 3, 4);

  it("follows Python's slice rules (cases computed with Python)", () => {
    const n = 7;
    // [list(range(7))[s] for s in ...]
    const cases: [string, number[]][] = [
      ["::", [0, 1, 2, 3, 4, 5, 6]],
      ["2:", [2, 3, 4, 5, 6]],
      [":-2", [0, 1, 2, 3, 4]],
      ["::-1", [6, 5, 4, 3, 2, 1, 0]],
      ["-2::-2", [5, 3, 1]],
      ["5:1:-1", [5, 4, 3, 2]],
      ["1:5:-1", []],
      ["-100:100:3", [0, 3, 6]],
      ["100:-100:-3", [6, 3, 0]],
      ["-1:-8:-1", [6, 5, 4, 3, 2, 1, 0]],
      ["3:3", []],
      [":-10", []],
      ["-3:", [4, 5, 6]],
      ["::4", [0, 4]],
    ];
    const v = np.arange(n);
    for (const [s, expected] of cases) {
      expect(v.slice(s).toArray(), s).toEqual(expected);
      expect(pySlice(np.parseSlice(s), n), s).toEqual(expected);
      const { start, step, length } = np.sliceIndices(np.parseSlice(s), n);
      expect(
        range(length).map((k) => start + k * step),
        s,
      ).toEqual(expected);
    }
    expect(v.slice(np.slice(null, null, -3)).toArray()).toEqual([6, 3, 0]);
  });

  it("mixes integers, slices, newaxis and ellipsis as NumPy", () => {
    expect(a.slice(1).shape).toEqual([3, 4]);
    expect(a.slice(-1, 2).toArray()).toEqual([20, 21, 22, 23]);
    expect(a.slice(0, -1, -1).shape).toEqual([]);
    expect(a.slice(0, -1, -1).item()).toBe(11);
    expect(a.slice("...", 0).toArray()).toEqual([
      [0, 4, 8],
      [12, 16, 20],
    ]);
    expect(a.slice(np.newaxis, "...", np.newaxis).shape).toEqual([1, 2, 3, 4, 1]);
    expect(a.slice(":", np.newaxis, "::2", "1::2").shape).toEqual([2, 1, 2, 2]);
    expect(a.slice(":", np.newaxis, "::2", "1::2").toArray()).toEqual([
      [
        [
          [1, 3],
          [9, 11],
        ],
      ],
      [
        [
          [13, 15],
          [21, 23],
        ],
      ],
    ]);
    expect(a.slice(1, "...", "::-1").slice(0).toArray()).toEqual([15, 14, 13, 12]);
    expect(a.slice().shape).toEqual([2, 3, 4]);
    // a 0-d array: only ellipsis and newaxis apply
    const z = np.array(3.5);
    expect(z.slice("...").item()).toBe(3.5);
    expect(z.slice(null).toArray()).toEqual([3.5]);
  });

  it("rejects out-of-bounds indices, too many indices, two ellipses, step 0 and bad strings", () => {
    expectError(() => a.slice(2), IndexError, "slice", "index 2", "axis 0", "size 2");
    expectError(() => a.slice(0, -4), IndexError, "slice", "index -4", "axis 1", "size 3");
    expectError(() => a.slice(0, 0, 0, 0), IndexError, "slice", "3-dimensional", "4");
    expectError(() => a.slice("...", 0, "..."), IndexError, "slice", "ellipsis");
    expectError(() => a.slice("::0"), ValueError, "slice", "step cannot be zero");
    expectError(() => a.slice("1:2:3:4"), IndexError, "slice", '"1:2:3:4"');
    expectError(() => a.slice("a:b"), IndexError, "slice", '"a:b"');
    expectError(() => a.slice(1.5), IndexError, "slice", "1.5");
  });
});

describe("get, getComplex, item", () => {
  const a = np.arange(6).reshape(2, 3);

  it("read one element, negative indices counting from the end", () => {
    expect(a.get(1, 2)).toBe(5);
    expect(a.get(-1, -3)).toBe(3);
    expect(a.T.get(2, 0)).toBe(2);
    expect(a.getComplex(1, 1)).toEqual({ re: 4, im: 0 });
    const c = np.array([{ re: 1, im: -2 }]);
    expect(c.getComplex(0)).toEqual({ re: 1, im: -2 });
    expect(np.array([[7]]).item()).toBe(7);
  });

  it("reject bad indices with IndexError naming the index, axis and size", () => {
    expectError(() => a.get(2, 0), IndexError, "get", "index 2", "axis 0", "size 2");
    expectError(() => a.get(0, -4), IndexError, "get", "index -4", "axis 1", "size 3");
    expectError(() => a.get(0), IndexError, "get", "expected 2 indices", "(2,3)", "got 1");
    expectError(() => a.get(0, 0.5), IndexError, "get", "0.5");
    expectError(() => a.getComplex(9, 0), IndexError, "getComplex", "index 9");
    expectError(() => np.array([{ re: 1, im: 0 }]).get(0), DTypeError, "get", "complex128");
    expectError(() => a.item(), ValueError, "item", "(2,3)");
  });
});

describe("set", () => {
  it("assigns a scalar, a nested array or an NDArray, broadcasting and casting", () => {
    const a = np.zeros([2, 3], "int32");
    a.set(0, ":", 7);
    a.set(1, [1.9, -2.9, 3]);
    expect(a.toArray()).toEqual([
      [7, 7, 7],
      [1, -2, 3],
    ]);
    a.set(":", 0, np.array([true, false]).reshape(2, 1).slice(":", 0));
    expect(a.toArray()).toEqual([
      [1, 7, 7],
      [0, -2, 3],
    ]);
    a.set(np.array([5, 6, 7]));
    expect(a.toArray()).toEqual([
      [5, 6, 7],
      [5, 6, 7],
    ]);
    const b = np.zeros([3], "bool");
    b.set([0, 2.5, -1]);
    expect(b.toArray()).toEqual([false, true, true]);
    const c = np.zeros([2], "complex128");
    c.set(1, 4);
    c.set(0, np.array([{ re: 1, im: 2 }]).slice(0));
    expect(c.toArray()).toEqual([
      { re: 1, im: 2 },
      { re: 4, im: 0 },
    ]);
  });

  it("drops leading length-1 axes of the value, as NumPy (a[:] = b[np.newaxis])", () => {
    const a = np.zeros([3]);
    a.set(np.array([[[1, 2, 3]]]));
    expect(a.toArray()).toEqual([1, 2, 3]);
    a.set(":", [[4, 5, 6]]);
    expect(a.toArray()).toEqual([4, 5, 6]);
    expectError(() => a.set(np.zeros([2, 3])), ShapeError, "set", "(2,3)", "(3,)");
  });

  it("reads overlapping sources before writing (a[1:] = a[:-1])", () => {
    const a = np.arange(0, 60, 10);
    a.set("1:", a.slice(":-1"));
    expect(a.toArray()).toEqual([0, 0, 10, 20, 30, 40]);
    const b = np.arange(9).reshape(3, 3);
    b.set(b.T);
    expect(b.toArray()).toEqual([
      [0, 3, 6],
      [1, 4, 7],
      [2, 5, 8],
    ]);
  });

  it("rejects a value that does not broadcast, and read-only destinations", () => {
    const a = np.zeros([2, 3]);
    expectError(() => a.set(0, [1, 2, 3, 4]), ShapeError, "set", "(4,)", "(3,)");
    expectError(() => a.set(np.zeros([3, 3])), ShapeError, "set", "(3,3)", "(2,3)");
    expectError(() => a.set(np.zeros([2, 1, 3])), ShapeError, "set", "(2,1,3)", "(2,3)");
    expectError(() => a.set([[1, 2], [3]]), ValueError, "set", "ragged");
    const ro = np.zeros([3]).broadcastTo([2, 3]);
    expectError(() => ro.set(1), ValueError, "set", "read-only");
    expectError(() => ro.slice(0).set(1), ValueError, "set", "read-only");
  });
});
