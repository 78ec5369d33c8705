/**
 * The class module split (issue #15): importing NDArray from ndarray.ts alone — without the
 * package index or methods.ts — gives the complete class, advanced indexing installed, and
 * the leaf modules (slicing.ts, reshape.ts, nested.ts) compute the layouts the class uses.
 */
import { describe, expect, it } from "vitest";
import { IndexError, ShapeError, ValueError } from "./errors.js";
import { NDArray } from "./ndarray.js";
import { nestedToBuffer } from "./nested.js";
import { reshapeStrides, resolveReshape } from "./reshape.js";
import { basicIndex } from "./slicing.js";

const arange6 = () => new NDArray(new Float64Array([0, 1, 2, 3, 4, 5]), [2, 3]);

describe("ndarray.ts installs advanced indexing on the class", () => {
  it("gathers through an index array and a mask (NumPy: a[:, [0, 2]], a[[True, False]])", () => {
    expect(arange6().slice(":", [0, 2]).toArray()).toEqual([
      [0, 2],
      [3, 5],
    ]);
    expect(arange6().slice([true, false]).toArray()).toEqual([[0, 1, 2]]);
  });

  it("scatters through a mask in place (a[[False, True]] = 7)", () => {
    const a = arange6();
    a.set([false, true], 7);
    expect(a.toArray()).toEqual([
      [0, 1, 2],
      [7, 7, 7],
    ]);
  });

  it("checks bounds in the gather (a[:, [3]] on 3 columns)", () => {
    expect(() => arange6().slice(":", [3])).toThrow(IndexError);
    expect(() => arange6().slice(":", [3])).toThrow(/slice: index 3 is out of bounds for axis 1 with size 3/);
  });
});

describe("slicing.ts basicIndex", () => {
  it("an integer and a negative step: a[1, ::-2] of a (4, 5) C array", () => {
    // np.arange(20).reshape(4, 5)[1, ::-2] -> [9, 7, 5]: offset 5 + 4, stride -2, length 3
    expect(basicIndex([4, 5], [5, 1], 0, [1, "::-2"])).toEqual({ shape: [3], strides: [-2], offset: 9 });
  });

  it("newaxis and ellipsis: a[None, ...]", () => {
    expect(basicIndex([4, 5], [5, 1], 3, [null, "..."])).toEqual({ shape: [1, 4, 5], strides: [0, 5, 1], offset: 3 });
  });

  it("rejects too many indices and two ellipses", () => {
    expect(() => basicIndex([4], [1], 0, [0, 0])).toThrow(/too many indices/);
    expect(() => basicIndex([4], [1], 0, ["...", "..."])).toThrow(/single ellipsis/);
  });
});

describe("reshape.ts", () => {
  it("resolves one -1 and rejects two or a wrong size", () => {
    expect(resolveReshape([-1, 2], 6)).toEqual([3, 2]);
    expect(() => resolveReshape([-1, -1], 6)).toThrow(ValueError);
    expect(() => resolveReshape([4], 6)).toThrow(ShapeError);
  });

  it("views contiguous data, refuses a transposed layout", () => {
    expect(reshapeStrides([2, 3], [3, 1], [3, 2])).toEqual([2, 1]);
    expect(reshapeStrides([3, 2], [1, 3], [6])).toBeNull();
  });
});

describe("nested.ts nestedToBuffer", () => {
  it("finds shape and dtype as np.array does (JS numbers are float64)", () => {
    const r = nestedToBuffer(
      [
        [1, 2],
        [3, 4],
      ],
      "array",
    );
    expect(r.shape).toEqual([2, 2]);
    expect(r.dtype).toBe("float64");
    expect(Array.from(r.data)).toEqual([1, 2, 3, 4]);
    expect(nestedToBuffer([true, false], "array").dtype).toBe("bool");
  });

  it("rejects ragged nesting", () => {
    expect(() => nestedToBuffer([[1], [2, 3]], "array")).toThrow(/array: inhomogeneous/);
  });
});
