/** loadMatrix/storeMatrix: a resident working buffer (copied in WebAssembly) gives what a heap one does; assertFinite on every path. */
import * as np from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { HAS_RESIDENT, inResident } from "../../test/column-major.js";
import { assertFinite, loadMatrix, matrixStrides, storeMatrix, type StorePart } from "./batch.js";

describe.skipIf(!HAS_RESIDENT)("loadMatrix and storeMatrix on resident buffers", () => {
  const base = np.multiply(np.reshape(np.arange(0, 90 * 80), [90, 80]), 1.5); // float64: the source loadResident copies
  expect(base.dtype).toBe("float64");
  const views: [string, np.NDArray][] = [
    ["C-contiguous", base.slice("0:70", "0:50")],
    ["transposed", base.T.slice("0:50", "0:70")],
    ["stepped and reversed", base.slice("::-1", "::2")],
  ];
  it.each(views)("loadMatrix of a %s view, plain and transposed", (_, a) => {
    const [m, n] = a.shape;
    const { rs, cs } = matrixStrides(a);
    for (const transpose of [false, true]) {
      const ld = (transpose ? n : m) + 1;
      const want = new Float64Array(ld * (transpose ? m : n));
      loadMatrix(a, a.offset, rs, cs, m, n, want, 0, ld, false, transpose);
      const got = new Float64Array(want.length);
      expect(inResident([got], ([W]) => loadMatrix(a, a.offset, rs, cs, m, n, W, 0, ld, false, transpose))).toBe(true);
      expect(Array.from(got)).toEqual(Array.from(want));
    }
  });

  it.each(["full", "lower", "upper", "unitLower"] as StorePart[])("storeMatrix keeps the %s part, wide and tall, plain and transposed", (part) => {
    for (const [m, n] of [
      [70, 50],
      [50, 70],
    ]) {
      for (const transpose of [false, true]) {
        const ld = (transpose ? n : m) + 2;
        const W = new Float64Array(ld * (transpose ? m : n)).map((_, i) => i + 0.5);
        const want = np.zeros([m, n]);
        storeMatrix(W, 1, ld, m, n, want, 0, part, transpose);
        const got = np.zeros([m, n]);
        expect(inResident([W], ([R]) => storeMatrix(R, 1, ld, m, n, got, 0, part, transpose))).toBe(true);
        expect(got.toArray()).toEqual(want.toArray());
      }
    }
  });
});

describe("assertFinite", () => {
  it("finds NaN, Inf and -Inf at every position of contiguous arrays (each of the four sums and the tail)", () => {
    for (let size = 1; size <= 9; size++) {
      for (let at = 0; at < size; at++) {
        for (const bad of [NaN, Infinity, -Infinity]) {
          const x = new Float64Array(size).map((_, i) => i - 3.5);
          x[at] = bad;
          expect(() => assertFinite(np.fromTypedArray(x, [size]), "f"), `size ${size}, at ${at}, ${bad}`).toThrow(/f: array must not contain infs or NaNs/);
        }
      }
      expect(() => assertFinite(np.fromTypedArray(new Float64Array(size).fill(1e308), [size]), "f")).not.toThrow();
    }
  });

  it("checks views through their strides: a NaN outside the view does not count, one inside does", () => {
    const x = np.reshape(np.multiply(np.arange(0, 24), 0.5), [4, 6]);
    x.set(0, 5, NaN); // outside the view below
    const view = x.slice("1:", "::2").T;
    expect(() => assertFinite(view, "f")).not.toThrow();
    x.set(2, 2, Infinity);
    expect(() => assertFinite(view, "f")).toThrow(/infs or NaNs/);
  });
});
