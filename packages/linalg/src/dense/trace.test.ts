import * as np from "@sliderule/ndarray";
import { AxisError, ValueError } from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { randomMatrix } from "../../test/corpus.js";
import { trace } from "./trace.js";

describe("trace", () => {
  it("sums the diagonal; ints stay int32, floats keep their dtype", () => {
    const t = trace([
      [1, 2],
      [3, 4],
    ]);
    expect(t.item()).toBe(5);
    expect(t.dtype).toBe("int32");
    expect(trace(randomMatrix([3, 3], 1, "float32")).dtype).toBe("float32");
    expect(trace(np.eye(3, { dtype: "int32" }), { dtype: "float32" }).dtype).toBe("float32");
  });

  it("offsets, rectangular and empty matrices", () => {
    const a = np.arange(16).reshape(4, 4);
    expect(trace(a, { offset: 1 }).item()).toBe(1 + 6 + 11);
    expect(trace(a, { offset: -1 }).item()).toBe(4 + 9 + 14);
    expect(trace(a, { offset: 7 }).item()).toBe(0);
    // NumPy's positional form
    expect(trace(a, 1).item()).toBe(1 + 6 + 11);
    expect(trace(np.arange(18).reshape(2, 3, 3), 0, 1, 2, "float32").toArray()).toEqual([12, 39]);
    expect(trace(np.arange(15).reshape(3, 5)).item()).toBe(0 + 6 + 12);
    expect(trace(np.zeros([0, 0])).item()).toBe(0);
  });

  it("stacks: the remaining axes stay, as NumPy (default axes 0 and 1)", () => {
    const a = np.arange(18).reshape(2, 3, 3);
    expect(trace(a, { axis1: 1, axis2: 2 }).toArray()).toEqual([0 + 4 + 8, 9 + 13 + 17]);
    // default axes 0, 1: a[0, 0, :] + a[1, 1, :]
    expect(trace(a).toArray()).toEqual([0 + 12, 1 + 13, 2 + 14]);
    expect(trace(np.arange(18).reshape(3, 2, 3), { axis1: 0, axis2: 2 }).toArray()).toEqual([0 + 7 + 14, 3 + 10 + 17]);
  });

  it("errors: 1-D input is a ValueError, a bad axis an AxisError", () => {
    expect(() => trace([1, 2, 3])).toThrow(ValueError);
    expect(() => trace(np.eye(2), { axis1: 5 })).toThrow(AxisError);
  });
});
