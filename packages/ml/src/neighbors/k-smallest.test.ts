/** kSmallest against a full sort by (value, index), with ties and NaN. */
import { describe, expect, it } from "vitest";
import { kSmallest } from "./k-smallest.js";

/** The first k of the indices sorted by (value, index), NaN last. */
function reference(v: number[], k: number): number[] {
  const key = (x: number) => (Number.isNaN(x) ? Infinity : x);
  return v
    .map((x, i) => i)
    .sort((a, b) => {
      const na = Number.isNaN(v[a]);
      const nb = Number.isNaN(v[b]);
      if (na !== nb) return na ? 1 : -1;
      return key(v[a]) - key(v[b]) || a - b;
    })
    .slice(0, k);
}

describe("kSmallest", () => {
  it("selects the k smallest in order, ties to the lower index, NaN last", () => {
    let s = 12345;
    const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let trial = 0; trial < 300; trial++) {
      const n = 1 + Math.floor(next() * 40);
      const k = 1 + Math.floor(next() * n);
      // few distinct values, so many ties; some NaN and ±Infinity
      const v = Array.from({ length: n }, () => {
        const r = next();
        return r < 0.05 ? NaN : r < 0.08 ? Infinity : r < 0.1 ? -Infinity : Math.floor(next() * 6) - 2;
      });
      const off = 3;
      const values = Float64Array.from([9, 9, 9, ...v]);
      const outV = new Float64Array(k + 2).fill(-7);
      const outI = new Int32Array(k + 2).fill(-7);
      kSmallest(values, off, n, k, outV, outI, 1);
      const ref = reference(v, k);
      expect(Array.from(outI.subarray(1, k + 1))).toEqual(ref);
      expect(Array.from(outV.subarray(1, k + 1))).toEqual(ref.map((i) => v[i]));
      expect([outV[0], outI[0], outV[k + 1], outI[k + 1]]).toEqual([-7, -7, -7, -7]); // nothing outside [o, o + k)
    }
  });
});
