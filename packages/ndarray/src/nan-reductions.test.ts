/**
 * nansum, nanprod, nanmean, nanvar, nanstd, nanmax, nanmin, nanmedian, nanquantile,
 * nanpercentile against NumPy 2.4 (the call in the comment above each literal); all-NaN lanes
 * (NaN with NumPy's RuntimeWarning), integer input, argument errors.
 */
import { describe, expect, it } from "vitest";
import { EPS64, expectCloseArrays, expectError } from "../test/arbitraries.js";
import * as np from "./index.js";
import { AxisError, DTypeError, NDArray, RuntimeWarning, ValueError } from "./index.js";

const values = (r: NDArray | number): number[] => (typeof r === "number" ? [r] : ([r.toArray()].flat(3) as number[]));
const close = (r: NDArray | number, expected: number[]) => expectCloseArrays(values(r), expected, (i) => 16 * EPS64 * Math.max(1, Math.abs(expected[i])));

const Y = np.array([
  [1, NaN, 3],
  [NaN, NaN, NaN],
  [4, 5, NaN],
]);

describe("nan reductions (NumPy)", () => {
  it("nansum, nanprod: NaN counts as 0 / 1", () => {
    // np.nansum(Y) -> 13.0; axis=1 -> [4, 0, 9]; axis=0 -> [5, 5, 3]
    expect(np.nansum(Y)).toBe(13);
    close(np.nansum(Y, 1), [4, 0, 9]);
    close(np.nansum(Y, { axis: 0 }), [5, 5, 3]);
    // np.nanprod(Y, axis=0) -> [4, 5, 3]
    close(np.nanprod(Y, 0), [4, 5, 3]);
    expect((np.nansum(Y, { axis: 0, keepdims: true }) as NDArray).shape).toEqual([1, 3]);
  });

  it("nanmean, nanvar, nanstd: over the non-NaN values; all-NaN lanes are NaN with a RuntimeWarning", () => {
    // np.nanmean(Y) -> 3.25; axis=1 -> [2, nan, 4.5]
    expect(np.nanmean(Y)).toBe(3.25);
    const { result, warnings } = np.warnings.catchWarnings(() => np.nanmean(Y, 1));
    close(result, [2, NaN, 4.5]);
    expect(warnings.map((w) => [w.category, w.message])).toEqual([[RuntimeWarning, "nanmean: Mean of empty slice"]]);
    // np.nanvar(Y) -> 2.1875; axis=0 -> [2.25, 0, 0]; np.nanstd(Y, axis=1, ddof=1) -> [1.414…, nan, 0.7071…]
    close(np.nanvar(Y), [2.1875]);
    close(np.nanvar(Y, 0), [2.25, 0, 0]);
    const s = np.warnings.catchWarnings(() => np.nanstd(Y, 1, { ddof: 1 }));
    close(s.result, [1.4142135623730951, NaN, 0.7071067811865476]);
    expect(s.warnings[0].message).toBe("nanstd: Degrees of freedom <= 0 for slice");
  });

  it("nanmax, nanmin: ignore NaN, all-NaN lane -> NaN with a warning; empty lane -> ValueError", () => {
    // np.nanmax(Y) -> 5.0; axis=1 -> [3, nan, 5]; np.nanmin(Y, axis=0) -> [1, 5, 3]
    expect(np.nanmax(Y)).toBe(5);
    const { result, warnings } = np.warnings.catchWarnings(() => np.nanmax(Y, 1));
    close(result, [3, NaN, 5]);
    expect(warnings[0].message).toBe("nanmax: All-NaN slice encountered");
    close(np.nanmin(Y, 0), [1, 5, 3]);
    expectError(() => np.nanmax(np.zeros([0])), ValueError, "nanmax", "zero-size");
    // np.nanmax(np.array([1, 5, 3], dtype=np.int32)) -> np.int32(5)
    const m = np.nanmax(np.array([1, 5, 3], "int32"), 0) as NDArray;
    expect([m.dtype, m.item()]).toEqual(["int32", 5]);
  });

  it("nanmedian, nanquantile, nanpercentile", () => {
    // np.nanmedian(Y) -> 3.5; axis=0 -> [2.5, 5, 3]
    expect(np.nanmedian(Y)).toBe(3.5);
    close(np.nanmedian(Y, 0), [2.5, 5, 3]);
    // np.nanquantile(Y, 0.3) -> 2.8; np.nanpercentile(Y, [10, 60], axis=1) -> [[1.2, nan, 4.1], [2.2, nan, 4.6]]
    close(np.nanquantile(Y, 0.3), [2.8]);
    const { result, warnings } = np.warnings.catchWarnings(() => np.nanpercentile(Y, [10, 60], 1));
    expect((result as NDArray).shape).toEqual([2, 3]);
    close(result, [1.2, NaN, 4.1, 2.2, NaN, 4.6]);
    expect(warnings[0].message).toBe("nanpercentile: All-NaN slice encountered");
  });

  it("integer input: no NaN, same results as the plain reductions", () => {
    const I = np.array(
      [
        [1, 5, 3],
        [2, 2, 8],
      ],
      "int32",
    );
    expect(np.nansum(I)).toBe(21);
    expect(np.nansum(I, 0)).toEqual(np.sum(I, 0));
    expect(np.nanmean(I)).toBe(3.5);
    expect(np.nanmin(I)).toBe(1);
  });

  it("argument errors", () => {
    expectError(() => np.nansum(Y, 2), AxisError, "nansum", "axis 2");
    expectError(() => np.nanmean(Y, { keepDims: true } as object), ValueError, "nanmean", "keepDims", "keepdims");
    expectError(() => np.nanmax(Y, { keepdims: "yes" } as object), ValueError, "nanmax", "keepdims", '"yes"');
    expectError(() => np.nanvar(Y, { ddof: "1" } as object), ValueError, "nanvar", "ddof");
    expectError(() => np.nansum(Y, 0, { axis: 1 } as object), ValueError, "nansum", "axis");
    expectError(() => np.nanmean(np.array([{ re: 1, im: 0 }])), DTypeError, "nanmean", "complex128");
  });
});
