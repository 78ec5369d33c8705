/** loadMatrix/storeMatrix: a resident working buffer (copied in WebAssembly) gives what a heap one does. */
import * as np from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { HAS_RESIDENT, inResident } from "../../test/column-major.js";
import { loadMatrix, matrixStrides, storeMatrix, type StorePart } from "./batch.js";

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
    for (const [m, n] of [[70, 50], [50, 70]]) {
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
