/**
 * bincount and histogram against NumPy 2.4 (the call in the comment above each literal):
 * NumPy's edge rules (last bin closed, values outside the range dropped, equal min and max
 * widened by 0.5), explicit edges with repeats, weights, density; argument errors.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EPS64, expectCloseArrays, expectError } from "../test/arbitraries.js";
import * as np from "./index.js";
import { NDArray, ShapeError, ValueError } from "./index.js";

const list = (r: NDArray): number[] => r.toArray() as number[];
const close = (r: NDArray, expected: number[]) => expectCloseArrays(list(r), expected, (i) => 8 * EPS64 * Math.max(1, Math.abs(expected[i])));

describe("bincount", () => {
  it("counts, weights, minlength (NumPy)", () => {
    // np.bincount([2, 1, 1, 3], minlength=2) -> [0, 2, 1, 1]
    const b = np.bincount(np.array([2, 1, 1, 3], "int32"), { minlength: 2 });
    expect([b.dtype, list(b)]).toEqual(["int32", [0, 2, 1, 1]]);
    expect(list(np.bincount(np.array([2, 1, 1, 3]), null, 6))).toEqual([0, 2, 1, 1, 0, 0]);
    // np.bincount([0, 1, 1], weights=[1, 2, 3]) -> [1., 5.]
    const w = np.bincount(np.array([0, 1, 1]), np.array([1, 2, 3]));
    expect([w.dtype, list(w)]).toEqual(["float64", [1, 5]]);
    expect(list(np.bincount(np.array([]), { minlength: 3 }))).toEqual([0, 0, 0]);
    expect(list(np.bincount(np.array([true, false, true])))).toEqual([1, 2]);
  });

  it("rejects negative, fractional and 2-D input, naming the value", () => {
    expectError(() => np.bincount(np.array([1, -2, 3])), ValueError, "bincount", "non-negative", "-2", "index 1");
    expectError(() => np.bincount(np.array([1, 2.5])), ValueError, "bincount", "integers", "2.5");
    expectError(() => np.bincount(np.zeros([2, 2])), ValueError, "bincount", "1-D");
    expectError(() => np.bincount(np.array([1, 2]), { weights: np.array([1]) }), ValueError, "bincount", "same length");
    expectError(() => np.bincount(np.array([1, 2]), { minlength: -1 }), ValueError, "bincount", "minlength", "-1");
    expectError(() => np.bincount(np.array([1, 2]), { min_length: 3 } as object), ValueError, "bincount", "min_length");
  });
});

describe("histogram", () => {
  const a = np.array([2.8, 1.85, -1.53, -4.86, 3.5, -4.78, 4.18, -6.45, 0.89, 3.5]);

  it("ten bins by default over [min, max], the last bin closed (NumPy)", () => {
    // np.histogram(a)
    const { hist, binEdges } = np.histogram(a);
    expect([hist.dtype, list(hist)]).toEqual(["int32", [1, 2, 0, 0, 1, 0, 1, 1, 1, 3]]);
    close(
      binEdges,
      [
        -6.45, -5.3870000000000005, -4.324, -3.261, -2.1980000000000004, -1.1350000000000007, -0.07200000000000006, 0.9909999999999997, 2.0539999999999994,
        3.117, 4.18,
      ],
    );
    const [h2, e2] = np.histogram(a, 10);
    expect(list(h2)).toEqual(list(hist));
    expect(list(e2)).toEqual(list(binEdges));
  });

  it("range drops the values outside it; edges on a grid count in the upper bin (NumPy)", () => {
    // np.histogram(a, bins=3, range=(-5, 3))
    const r = np.histogram(a, 3, [-5, 3]);
    expect(list(r.hist)).toEqual([2, 1, 3]);
    close(r.binEdges, [-5.0, -2.3333333333333335, 0.33333333333333304, 3.0]);
    // np.histogram([0.1, 0.2, 0.3, 0.7], bins=5, range=(0, 1)) -> [1, 2, 0, 1, 0]
    expect(list(np.histogram(np.array([0.1, 0.2, 0.3, 0.7]), { bins: 5, range: [0, 1] }).hist)).toEqual([1, 2, 0, 1, 0]);
    // np.histogram([1, 2, nan], bins=2, range=(0, 2)) -> [0, 2]
    expect(list(np.histogram(np.array([1, 2, NaN]), { bins: 2, range: [0, 2] }).hist)).toEqual([0, 2]);
  });

  it("explicit edges, repeated edges, weights, density (NumPy)", () => {
    // np.histogram(a, bins=[-5, 0, 0, 1, 4.18]) -> [3, 0, 1, 5]
    const e = np.histogram(a, { bins: [-5, 0, 0, 1, 4.18] });
    expect(list(e.hist)).toEqual([3, 0, 1, 5]);
    expect(list(e.binEdges)).toEqual([-5, 0, 0, 1, 4.18]);
    // np.histogram(a, bins=4, weights=np.arange(10.)/4) -> [3.75, 0.5, 2.0, 5.0]
    const w = np.histogram(a, { bins: 4, weights: np.divide(np.arange(10), 4) });
    expect(w.hist.dtype).toBe("float64");
    close(w.hist, [3.75, 0.5, 2.0, 5.0]);
    // np.histogram(a, bins=4, density=True); np.histogram(a, bins=[-7, -1, 5], density=True)
    close(np.histogram(a, { bins: 4, density: true }).hist, [0.11288805268109126, 0.03762935089369709, 0.03762935089369709, 0.18814675446848536]);
    close(np.histogram(a, { bins: [-7, -1, 5], density: true }).hist, [0.06666666666666667, 0.1]);
  });

  it("constant data widens the range by 0.5; empty data uses [0, 1] (NumPy)", () => {
    // np.histogram([2., 2, 2], bins=2) -> [0, 3], [1.5, 2, 2.5]; np.histogram([], bins=2) -> [0, 0], [0, .5, 1]
    const c = np.histogram(np.array([2, 2, 2]), 2);
    expect([list(c.hist), list(c.binEdges)]).toEqual([
      [0, 3],
      [1.5, 2, 2.5],
    ]);
    const z = np.histogram(np.array([]), 2);
    expect([list(z.hist), list(z.binEdges)]).toEqual([
      [0, 0],
      [0, 0.5, 1],
    ]);
  });

  it("counts agree with the edges it returns (property): e_j <= x < e_{j+1}, last bin closed", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 12 }), (xs, bins) => {
        let result: ReturnType<typeof np.histogram>;
        try {
          result = np.histogram(np.array(xs), bins);
        } catch (err) {
          // NumPy's "Too many bins for data range" (np.histogram([5e-324, 0], 2) raises it too):
          // only when the range is a few units in the last place, too narrow for `bins` distinct edges
          expect(String(err)).toContain("too many bins");
          const lo = Math.min(...xs);
          const hi = Math.max(...xs);
          expect(hi - lo).toBeLessThanOrEqual(2 * bins * Number.EPSILON * Math.max(Math.abs(lo), Math.abs(hi), Number.MIN_VALUE / Number.EPSILON));
          return;
        }
        const { hist, binEdges } = result;
        const e = list(binEdges);
        const expected = new Array<number>(bins).fill(0);
        for (const v of xs) {
          let j = bins - 1;
          while (j > 0 && v < e[j]) j--;
          expected[j]++;
        }
        expect(list(hist)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it("argument errors", () => {
    expectError(() => np.histogram(np.array([1, 2, NaN])), ValueError, "histogram", "autodetected range", "NaN");
    expectError(() => np.histogram(np.array([1, 1 + 1e-15]), 1000), ValueError, "histogram", "too many bins", "1000");
    expectError(() => np.histogram(a, 0), ValueError, "histogram", "positive", "0");
    expectError(() => np.histogram(a, 2.5), ValueError, "histogram", "integer", "2.5");
    expectError(() => np.histogram(a, [3, 1, 2]), ValueError, "histogram", "monotonically");
    expectError(() => np.histogram(a, { range: [3, 1] }), ValueError, "histogram", "max must be larger than min");
    expectError(() => np.histogram(a, { range: [0, Infinity] }), ValueError, "histogram", "not finite");
    expectError(() => np.histogram(a, "auto" as unknown as number), ValueError, "histogram", '"auto"');
    expectError(() => np.histogram(a, { weights: np.ones([3]) }), ShapeError, "histogram", "same shape");
    expectError(() => np.histogram(a, { normed: true } as object), ValueError, "histogram", "normed");
  });
});
