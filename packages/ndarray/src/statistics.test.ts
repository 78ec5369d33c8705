/**
 * median, quantile, percentile, average, ptp against values NumPy 2.4 computed
 * (the call is in the comment above each literal); argument errors; empty and NaN lanes.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EPS64, expectError, expectClose } from "../test/arbitraries.js";
import * as np from "./index.js";
import { AxisError, DTypeError, NDArray, ShapeError, ValueError, ZeroDivisionError } from "./index.js";

const X = np.array([
  [4, 9, 2, 7],
  [1, 1, 7, 3],
  [5, 0, 6, 8],
]);
const x = np.array([3.5, -1, 2, 8, 0.25, 6, -4]);

describe("quantile, percentile", () => {
  it("every method on a vector (NumPy)", () => {
    const q = [0.1, 0.25, 0.5, 0.75, 0.95];
    // np.quantile(x, q, method=m)
    const expected: Record<np.QuantileMethod, number[]> = {
      linear: [-2.1999999999999997, -0.375, 2.0, 4.75, 7.399999999999999],
      lower: [-4.0, -1.0, 2.0, 3.5, 6.0],
      higher: [-1.0, 0.25, 2.0, 6.0, 8.0],
      nearest: [-1.0, 0.25, 2.0, 3.5, 8.0],
      midpoint: [-2.5, -0.375, 2.0, 4.75, 7.0],
    };
    for (const [method, values] of Object.entries(expected)) {
      expectClose(np.quantile(x, q, { method: method as np.QuantileMethod }), values);
    }
    // np.quantile(x, [0, 0.1, 0.5, 0.9, 1])
    expectClose(np.quantile(x, [0, 0.1, 0.5, 0.9, 1]), [-4.0, -2.1999999999999997, 2.0, 6.800000000000001, 8.0]);
    expect(np.quantile(x, 0.5)).toBe(2);
  });

  it("nearest rounds half to even, as np.around", () => {
    // np.quantile(np.arange(4.), 0.5, method='nearest') -> 2.0; np.arange(6.) -> 2.0
    expect(np.quantile(np.arange(4), 0.5, { method: "nearest" })).toBe(2);
    expect(np.quantile(np.arange(6), 0.5, { method: "nearest" })).toBe(2);
    expect(np.quantile(np.arange(5), 0.3, { method: "nearest" })).toBe(1);
  });

  it("along an axis, positional axis, keepdims (NumPy)", () => {
    // np.percentile(X, [25, 50], axis=0)
    const p = np.percentile(X, [25, 50], 0) as NDArray;
    expect(p.shape).toEqual([2, 4]);
    expectClose(p, [
      [2.5, 0.5, 4.0, 5.0],
      [4.0, 1.0, 6.0, 7.0],
    ]);
    // np.percentile(X, 90, axis=1, keepdims=True)
    const k = np.percentile(X, 90, { axis: 1, keepdims: true }) as NDArray;
    expect(k.shape).toEqual([3, 1]);
    expectClose(k, [[8.4], [5.800000000000001], [7.4]]);
    expect(np.percentile(X, 90, 1, { keepdims: true })).toEqual(k);
  });

  it("dtypes: float32 stays float32, ints give float64 (linear) or int (lower/higher/nearest)", () => {
    const i = np.array([3, 1, 2, 4], "int32");
    expect((np.quantile(i, [0.5], { method: "lower" }) as NDArray).dtype).toBe("int32");
    expect((np.quantile(i, [0.5]) as NDArray).dtype).toBe("float64");
    // np.quantile(np.array([1,2,3,4], dtype=np.float32), 0.3) -> np.float32(1.9)
    expect(np.quantile(np.array([1, 2, 3, 4], "float32"), 0.3)).toBe(Math.fround(1.9));
    expect((np.quantile(np.array([1, 2, 3, 4], "float32"), [0.3]) as NDArray).dtype).toBe("float32");
  });

  it("NaN and infinities as NumPy", () => {
    expect(np.quantile(np.array([1, NaN, 3]), 0.5)).toBeNaN();
    // np.quantile([1, np.inf], 0.25) -> inf; 1.0 -> nan (NumPy's lerp: inf - inf)
    expect(np.quantile(np.array([1, Infinity]), 0.25)).toBe(Infinity);
    expect(np.quantile(np.array([1, Infinity]), 1)).toBeNaN();
    expect(np.quantile(np.array([1, 2]), 1)).toBe(2);
  });

  it("argument errors", () => {
    expectError(() => np.percentile(x, 120), ValueError, "percentile", "[0, 100]", "120");
    expectError(() => np.quantile(x, [0.5, -0.1]), ValueError, "quantile", "[0, 1]", "-0.1");
    expectError(() => np.quantile(x, NaN), ValueError, "quantile", "NaN");
    expectError(() => np.quantile(x, "0.5" as unknown as number), ValueError, "quantile", '"0.5"');
    expectError(() => np.quantile(x, 0.5, { method: "cubic" as np.QuantileMethod }), ValueError, "quantile", "method", '"cubic"');
    expectError(() => np.quantile(x, 0.5, { interpolation: "linear" } as object), ValueError, "quantile", "interpolation");
    expectError(() => np.quantile(X, 0.5, 2), AxisError, "quantile", "axis 2");
    expectError(() => np.quantile(X, 0.5, 1.5), ValueError, "quantile", "axis", "1.5");
    expectError(() => np.quantile(np.array([]), 0.5), ValueError, "quantile", "empty");
    expectError(() => np.quantile(np.array([{ re: 1, im: 1 }]), 0.5), DTypeError, "quantile", "complex128");
  });
});

describe("quantile and median by selection agree with the sorted-lane formulas (property)", () => {
  /** NumPy's definitions on a sorted copy, written out again here as the oracle. */
  const lerp = (a: number, b: number, t: number) => (t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t);
  it("linear, lower, higher, median along an axis with ties", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer(),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 5 }),
        (rows, n, seed, qs) => {
          const data = Array.from({ length: rows * n }, (_, p) => (((Math.imul(p + 1, 2654435761) ^ seed) >>> 0) % 17) - 8);
          const A = np.array(data).reshape(rows, n);
          const lin = np.quantile(A, qs, 1) as NDArray;
          const low = np.quantile(A, qs, 1, { method: "lower" }) as NDArray;
          const high = np.quantile(A, qs, { axis: 1, method: "higher" }) as NDArray;
          const med = np.median(A, 1) as NDArray;
          for (let r = 0; r < rows; r++) {
            const s = data.slice(r * n, (r + 1) * n).sort((a, b) => a - b);
            qs.forEach((q, k) => {
              const i = (n - 1) * q;
              const f = Math.floor(i);
              expect(lin.get(k, r)).toBe(f >= n - 1 ? s[n - 1] : lerp(s[f], s[f + 1], i - f));
              expect(low.get(k, r)).toBe(s[f]);
              expect(high.get(k, r)).toBe(s[Math.ceil(i)]);
            });
            expect(med.get(r)).toBe(n % 2 ? s[n >> 1] : (s[(n >> 1) - 1] + s[n >> 1]) / 2);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("median", () => {
  it("full, along axes, several axes (NumPy)", () => {
    // np.median(X) -> 4.5; np.median(X, axis=1)
    expect(np.median(X)).toBe(4.5);
    expectClose(np.median(X, 1), [5.5, 2.0, 5.5]);
    expectClose(np.median(X, { axis: [0, 1] }), 4.5);
    // np.median(np.arange(24.).reshape(2,3,4)**1.5, axis=(0,2))
    const c = np.power(np.arange(24).reshape(2, 3, 4), 1.5);
    expectClose(np.median(c, [0, 2]), [23.382685902179844, 41.260129588726066, 62.962795896950496]);
    expect((np.median(X, { axis: 0, keepdims: true }) as NDArray).shape).toEqual([1, 4]);
  });

  it("is the mean of the middle two for an even count; NaN for a NaN lane; NaN for empty (NumPy warns)", () => {
    // np.median([1, np.inf]) -> inf; np.median([-np.inf, np.inf]) -> nan
    expect(np.median(np.array([1, Infinity]))).toBe(Infinity);
    expect(np.median(np.array([-Infinity, Infinity]))).toBeNaN();
    expect(np.median(np.array([2, NaN, 1]))).toBeNaN();
    expect(np.median(np.array([]))).toBeNaN();
    expect(np.median(np.array([5, 1, 3, 2], "int32"))).toBe(2.5);
  });
});

describe("average", () => {
  it("weighted along an axis, returned, full (NumPy)", () => {
    const w = np.array([1, 2, 0.5]);
    // np.average(X, axis=0, weights=w)
    expectClose(np.average(X, { axis: 0, weights: w }), [2.4285714285714284, 3.142857142857143, 5.428571428571429, 4.857142857142857]);
    const { average, sumOfWeights } = np.average(X, { axis: 0, weights: w, returned: true }) as np.AverageResult<NDArray>;
    expectClose(average, [2.4285714285714284, 3.142857142857143, 5.428571428571429, 4.857142857142857]);
    expectClose(sumOfWeights, [3.5, 3.5, 3.5, 3.5]);
    const [avg2] = np.average(X, { axis: 0, weights: w, returned: true }) as np.AverageResult<NDArray>;
    expect(avg2).toEqual(average);
    // np.average(X) -> 4.416666666666667; np.average(X, weights=X+1) -> 5.969230769230769
    expectClose(np.average(X), 4.416666666666667);
    expectClose(np.average(X, { weights: np.add(X, 1) }), 5.969230769230769);
    expect(np.average(X, 1)).toEqual(np.mean(X, { axis: 1 }));
  });

  it("argument errors", () => {
    expectError(() => np.average(X, { axis: 0, weights: np.array([0, 0, 0]) }), ZeroDivisionError, "average", "sum to zero");
    expectError(() => np.average(X, { weights: np.array([1, 2, 3]) }), ShapeError, "average", "axis must be specified");
    expectError(() => np.average(X, { axis: 1, weights: np.array([1, 2, 3]) }), ShapeError, "average", "[4]");
    expectError(() => np.average(X, { returned: 1 } as object), ValueError, "average", "returned", "1");
  });
});

describe("ptp", () => {
  it("max − min, ints stay int, NaN propagates (NumPy)", () => {
    expect(np.ptp(X)).toBe(9);
    expectClose(np.ptp(X, 0), [4, 9, 5, 5]);
    expect(X.ptp({ axis: 1 })).toEqual(np.ptp(X, 1));
    expect((np.ptp(np.array([1, 5, 2], "int32"), 0) as NDArray).dtype).toBe("int32");
    expect(np.ptp(np.array([1, NaN, 2]))).toBeNaN();
    expectError(() => np.ptp(np.zeros([2, 0]), 1), ValueError, "ptp", "zero-size");
    expectError(() => np.ptp(np.array([true, false])), ValueError, "ptp", "bool");
  });
});
