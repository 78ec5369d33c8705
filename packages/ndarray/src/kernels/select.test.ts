/**
 * Selection kernel and its reference twin (a full sort) under the same tests: each selected
 * position holds the sorted lane's value there, with nothing larger to its left and nothing
 * smaller to its right; inputs with many ties, sorted and reversed runs, and long lanes that
 * exercise the partition rounds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { moveNaNsLast, selectIndices, selectIndicesReference } from "./select.js";

const laneArb = fc.oneof(
  fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 200 }),
  fc.array(fc.double({ noNaN: true }), { minLength: 1, maxLength: 200 }),
  fc.integer({ min: 1, max: 500 }).map((n) => Array.from({ length: n }, (_, i) => i)), // sorted
  fc.integer({ min: 1, max: 500 }).map((n) => Array.from({ length: n }, (_, i) => n - i)), // reversed
);

describe.each([
  { name: "quickselect", select: selectIndices },
  { name: "reference (sort)", select: selectIndicesReference },
])("order statistics ($name)", ({ select }) => {
  it("selected positions hold the sorted values, partitioned around them (property)", () => {
    fc.assert(
      fc.property(laneArb, fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), (xs, picks) => {
        const m = xs.length;
        const ks = picks.map((p) => p % m);
        const v = Float64Array.from(xs);
        select(v, m, ks);
        // −0 and +0 are equal values: selection keeps no order between them, so compare with +0 for both
        const z = (x: number) => (x === 0 ? 0 : x);
        const sorted = [...xs].sort((a, b) => a - b).map(z);
        expect([...v].sort((a, b) => a - b).map(z)).toEqual(sorted); // a permutation of the input
        for (const k of ks) {
          expect(z(v[k])).toBe(sorted[k]);
          for (let i = 0; i < k; i++) expect(v[i] <= v[k]).toBe(true);
          for (let j = k + 1; j < m; j++) expect(v[j] >= v[k]).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("moveNaNsLast", () => {
  it("moves the NaNs to the end and counts the others", () => {
    const v = Float64Array.of(NaN, 3, NaN, 1, 2, NaN);
    expect(moveNaNsLast(v, 6)).toBe(3);
    expect([...v.subarray(0, 3)].sort()).toEqual([1, 2, 3]);
    expect([...v.subarray(3)].every(Number.isNaN)).toBe(true);
  });
});
