import * as np from "@sliderule/ndarray";
import { AxisError, ValueError } from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { randomMatrix } from "../../test/corpus.js";
import { trace } from "./trace.js";

describe("trace", () => {
  it("sums the diagonal; ints stay int32, floats keep their dtype (stacks)", () => {
    const t: number = trace([
      [1, 2],
      [3, 4],
    ]);
    expect(t).toBe(5);
    expect(t * 2).toBe(10);
    expect(trace(np.batched(np.ones([2, 3, 3], "int32")), { axis1: 1, axis2: 2 }).dtype).toBe("int32");
    expect(trace(np.batched(randomMatrix([2, 3, 3], 1, "float32")), { axis1: 1, axis2: 2 }).dtype).toBe("float32");
    expect(trace(np.batched(np.ones([2, 3, 3], "int32")), { axis1: 1, axis2: 2, dtype: "float32" }).dtype).toBe("float32");
    // one float32 matrix: the float32 scalar, rounded (np.trace(np.eye(3, dtype=np.float32) * 0.1) == np.float32(0.3))
    const t32 = trace(np.eye(3, { dtype: "float32" }).multiply(np.array([0.1], "float32")));
    expect(t32).toBe(Math.fround(t32));
    expect(t32).toBeCloseTo(0.3, 6);
    // complex: np.trace([[1+2j, 5], [6, 3-1j]]) == (4+1j)
    const z = trace([
      [
        { re: 1, im: 2 },
        { re: 5, im: 0 },
      ],
      [
        { re: 6, im: 0 },
        { re: 3, im: -1 },
      ],
    ]);
    expect(z).toEqual({ re: 4, im: 1 });
  });

  it("offsets, rectangular and empty matrices", () => {
    const a = np.arange(16).reshape(4, 4);
    expect(trace(a, { offset: 1 })).toBe(1 + 6 + 11);
    expect(trace(a, { offset: -1 })).toBe(4 + 9 + 14);
    expect(trace(a, { offset: 7 })).toBe(0);
    // NumPy's positional form
    expect(trace(a, 1)).toBe(1 + 6 + 11);
    expect(trace(np.batched(np.arange(18).reshape(2, 3, 3)), 0, 1, 2, "float32").toArray()).toEqual([12, 39]);
    expect(trace(np.arange(15).reshape(3, 5))).toBe(0 + 6 + 12);
    expect(trace(np.zeros([0, 0]))).toBe(0);
  });

  it("stacks: the remaining axes stay, as NumPy (default axes 0 and 1)", () => {
    const a = np.batched(np.arange(18).reshape(2, 3, 3));
    expect(trace(a, { axis1: 1, axis2: 2 }).toArray()).toEqual([0 + 4 + 8, 9 + 13 + 17]);
    // default axes 0, 1: a[0, 0, :] + a[1, 1, :]
    expect(trace(a).toArray()).toEqual([0 + 12, 1 + 13, 2 + 14]);
    // a stack in a plain NDArray is an NDArray at run time, though typed number
    expect(trace(np.arange(18).reshape(3, 2, 3) as np.NDArray, { axis1: 0, axis2: 2 })).toBeInstanceOf(np.NDArray);
    expect(trace(np.batched(np.arange(18).reshape(3, 2, 3)), { axis1: 0, axis2: 2 }).toArray()).toEqual([0 + 7 + 14, 3 + 10 + 17]);
  });

  it("errors: 1-D input is a ValueError, a bad axis an AxisError", () => {
    expect(() => trace([1, 2, 3])).toThrow(ValueError);
    expect(() => trace(np.eye(2), { axis1: 5 })).toThrow(AxisError);
  });
});
