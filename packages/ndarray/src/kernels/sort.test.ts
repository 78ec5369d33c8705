/**
 * The sort kernels and their reference twins under the same tests: NumPy's order (NaN last,
 * -0 = +0), stability (ties, -0/+0 and NaNs keep their input order), lengths around the
 * insertion-sort run and the merge widths. The property's oracle is a stable insertion sort
 * written here, independent of both.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { argsortLane, argsortLaneReference, sortLane, sortLaneReference } from "./sort.js";

/** Oracle: stable insertion sort of indices by NumPy's order (NaN last, -0 = +0). */
function oracle(keys: readonly number[]): number[] {
  const before = (x: number, y: number) => (Number.isNaN(y) ? !Number.isNaN(x) : x < y); // x strictly before y
  const order: number[] = [];
  for (let i = 0; i < keys.length; i++) {
    let j = order.length;
    while (j > 0 && before(keys[i], keys[order[j - 1]])) j--;
    order.splice(j, 0, i);
  }
  return order;
}

/** Keys with many ties, both zeros, infinities and NaN. */
const keyArb = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(-0, 0, NaN, Infinity, -Infinity, 0.5), fc.double({ noNaN: false }));
const lanesArb = fc.oneof(fc.array(keyArb, { maxLength: 30 }), fc.array(keyArb, { minLength: 40, maxLength: 300 }));

const same = (a: number, b: number) => Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));

describe.each([
  { name: "fast", sort: sortLane, argsort: argsortLane },
  { name: "reference", sort: sortLaneReference, argsort: argsortLaneReference },
])("sort kernels ($name)", ({ sort, argsort }) => {
  it("argsort is the stable order of NumPy (property)", () => {
    fc.assert(
      fc.property(lanesArb, (keys) => {
        const k = Float64Array.from(keys);
        const perm = new Int32Array(keys.length);
        argsort(k, perm, keys.length);
        expect(Array.from(perm)).toEqual(oracle(keys));
        expect(Array.from(k).every((v, i) => same(v, keys[i]))).toBe(true); // keys untouched
      }),
      { numRuns: 300 },
    );
  });

  it("sort gives the stable order's values, with the input's signs of zero (property)", () => {
    fc.assert(
      fc.property(lanesArb, (keys) => {
        const v = Float64Array.from(keys);
        sort(v);
        const want = oracle(keys).map((i) => keys[i]);
        expect(Array.from(v).every((x, i) => same(x, want[i]))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("ties, zeros and NaN at a glance", () => {
    const v = Float64Array.of(0, -0, NaN, -1, 0, -0, -Infinity);
    sort(v);
    expect(Array.from(v).map((x) => (Object.is(x, -0) ? "-0" : String(x)))).toEqual(["-Infinity", "-1", "0", "-0", "0", "-0", "NaN"]);
    const perm = new Int32Array(6);
    argsort(Float64Array.of(2, 1, 2, NaN, 1, NaN), perm, 6);
    expect(Array.from(perm)).toEqual([1, 4, 0, 2, 3, 5]);
  });
});

describe("argsortLane scratch buffers", () => {
  it("reuses scratch between lanes of different content", () => {
    const n = 100;
    const scratch = { k0: new Float64Array(n), k1: new Float64Array(n), p1: new Int32Array(n) };
    for (let seed = 0; seed < 5; seed++) {
      const keys = Array.from({ length: n }, (_, i) => ((i * 7919 + seed * 31) % 13) - 6);
      const perm = new Int32Array(n);
      argsortLane(Float64Array.from(keys), perm, n, scratch);
      expect(Array.from(perm)).toEqual(oracle(keys));
    }
  });
});
