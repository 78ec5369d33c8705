import { describe, expect, it } from "vitest";
import { columnSums } from "./column-sums.js";

/** The definition: the plain double loop, row after row. */
function plainColumnSums(A: Float64Array | Float32Array, m: number, n: number, sums: Float64Array | Float32Array): void {
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) sums[j] += A[i * n + j];
}

describe("columnSums", () => {
  it("adds the rows in order: bit for bit the plain loop, for every remainder of m mod 4, float64 and float32", () => {
    for (const f32 of [false, true]) {
      const make = (values: number[]): Float64Array | Float32Array => (f32 ? Float32Array.from(values) : Float64Array.from(values));
      for (const [m, n] of [
        [0, 3],
        [1, 5],
        [3, 2],
        [4, 7],
        [7, 1],
        [203, 13],
      ]) {
        // values of mixed magnitude, so that a different order would round differently
        const A = make(Array.from({ length: m * n }, (_, k) => Math.sin(k * 12.9898) * 10 ** ((k % 7) - 3)));
        const start = make(Array.from({ length: n }, (_, j) => j / 3));
        const want = start.slice();
        plainColumnSums(A, m, n, want);
        const got = start.slice();
        columnSums(A, m, n, got);
        expect(Array.from(got)).toEqual(Array.from(want));
      }
    }
  });

  it("differs from a reordered sum: the test above can see the order", () => {
    const A = Float64Array.of(1e16, 1, -1e16, 1); // column sums in order: ((0 + 1e16) + 1) − 1e16 + 1 = 1
    const s = new Float64Array(1);
    columnSums(A, 4, 1, s);
    expect(s[0]).toBe(1);
    expect(1e16 - 1e16 + 1 + 1).toBe(2); // another order gives 2
  });
});
