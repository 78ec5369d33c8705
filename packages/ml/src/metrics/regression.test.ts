import type { NDArray } from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { meanAbsoluteError, meanSquaredError, r2Score } from "./regression.js";

const Yt = [
  [1, 2],
  [2, 3],
  [4, 1],
  [5, 9],
];
const Yp = [
  [1.5, 2],
  [2, 2.5],
  [3, 2],
  [5, 7],
];

describe("regression metrics (values from scikit-learn 1.2.1)", () => {
  it("r2Score for each multioutput mode", () => {
    // r2_score(Yt, Yp, multioutput="raw_values") -> [0.875, 0.864516129032258]; "variance_weighted" -> 0.8666666666666667;
    // multioutput=[0.3, 0.7] -> 0.8676612903225807
    const raw = r2Score(Yt, Yp, { multioutput: "raw_values" }) as NDArray;
    expect(raw.data[0]).toBeCloseTo(0.875, 15);
    expect(raw.data[1]).toBeCloseTo(0.864516129032258, 15);
    expect(r2Score(Yt, Yp, { multioutput: "variance_weighted" })).toBeCloseTo(0.8666666666666667, 15);
    expect(r2Score(Yt, Yp, { multioutput: [0.3, 0.7] })).toBeCloseTo(0.8676612903225807, 15);
    expect(r2Score(Yt, Yp)).toBeCloseTo((0.875 + 0.864516129032258) / 2, 15);
  });

  it("r2Score of a constant target is 1 when exact, 0 otherwise", () => {
    expect(r2Score([3, 3, 3], [3, 3, 3])).toBe(1);
    expect(r2Score([3, 3, 3], [3, 3, 4])).toBe(0);
  });

  it("meanSquaredError and meanAbsoluteError", () => {
    // mean_squared_error(Yt, Yp, multioutput="raw_values") -> [0.3125, 1.3125]; mean_absolute_error(Yt, Yp) -> 0.625
    expect(Array.from((meanSquaredError(Yt, Yp, { multioutput: "raw_values" }) as NDArray).data)).toEqual([0.3125, 1.3125]);
    expect(meanAbsoluteError(Yt, Yp)).toBe(0.625);
    expect(meanSquaredError([1, 2], [1, 4], { sampleWeight: [3, 1] })).toBe(1);
  });

  it("rejects bad input with clear errors", () => {
    expect(() => r2Score([1, 2, 3], [1, 2])).toThrow(/r2Score: yTrue and yPred have inconsistent shapes: \(3\) and \(2\)/);
    expect(() => r2Score([1], [1])).toThrow(/fewer than 2 samples/);
    expect(() => meanSquaredError([1, NaN], [1, 2])).toThrow(/meanSquaredError: yTrue contains NaN at index 1/);
    expect(() => meanSquaredError([1, 2], [1, 2], { multioutput: "variance_weighted" })).toThrow(/only for r2Score/);
    expect(() => meanAbsoluteError([1, 2], [1, 2], { squared: false } as never)).toThrow(/meanAbsoluteError: unknown option 'squared'/);
    expect(() => r2Score(Yt, Yp, { multioutput: [1] })).toThrow(/multioutput has 1 weights but there are 2 outputs/);
  });
});
