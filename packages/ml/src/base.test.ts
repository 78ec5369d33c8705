import { describe, expect, it } from "vitest";
import * as np from "@sliderule/ndarray";
import { checkArray } from "./base.js";

describe("checkArray: non-finite values", () => {
  const at = (dtype: "float64" | "float32", n: number, d: number, i: number, v: number) => {
    const x = np.zeros([n, d], dtype);
    (x.data as Float64Array | Float32Array)[i] = v;
    return x;
  };
  it.each([
    ["float64", 0, NaN, "NaN at row 0, column 0"],
    ["float64", 4 * 7 + 3, Infinity, "infinity at row 7, column 3"],
    ["float64", 4 * 9 + 3, -Infinity, "-infinity at row 9, column 3"], // the last value, past the unrolled loop
    ["float32", 4 * 5 + 2, NaN, "NaN at row 5, column 2"],
    ["float32", 4 * 9 + 3, Infinity, "infinity at row 9, column 3"],
  ] as const)("%s value %#: names the first one and where it is", (dtype, i, v, where) => {
    expect(() => checkArray(at(dtype, 10, 4, i, v), "Est", "X")).toThrow(`Est: X contains ${where}`);
  });
  it("reports the first of several, and passes finite data (including ±max and subnormals) unchanged", () => {
    const x = at("float64", 3, 3, 7, NaN);
    (x.data as Float64Array)[2] = Infinity;
    expect(() => checkArray(x, "Est", "X")).toThrow("infinity at row 0, column 2");
    const ok = np.array([[Number.MAX_VALUE, -Number.MAX_VALUE, 5e-324]]);
    expect(checkArray(ok, "Est", "X")).toBe(ok);
  });
  it("allowNonFinite skips the scan; a 1-D y names an index", () => {
    expect(checkArray(np.array([1, NaN]), "Est", "y", { allowNonFinite: true }).size).toBe(2);
    expect(() => checkArray(np.array([1, 2, NaN]), "Est", "y")).toThrow("Est: y contains NaN at index 2");
  });
});
