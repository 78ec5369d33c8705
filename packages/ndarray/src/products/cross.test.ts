/**
 * cross: every pairing of 3- and 2-vectors against the formula written out per component,
 * on random broadcast batches and random vector axes (axisa, axisb, axisc, axis); then
 * NumPy's special cases (2 × 2 gives the z-component, a 0-d array for two vectors) and errors.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectError, layoutArb, strided } from "../../test/arbitraries.js";
import { AxisError, DTypeError, ShapeError, ValueError } from "../errors.js";
import { NDArray } from "../ndarray.js";
import { broadcastShapes } from "../shape.js";
import { cross } from "./cross.js";

const intFill = (seed: number) => (p: number) => (((Math.imul(p + 1, 2654435761) ^ Math.imul(seed, 40503)) >>> 0) % 9) - 4;

/** Component c of a × b for vectors given as arrays of length 2 or 3 (z = 0 for 2-vectors). */
function crossOf(u: number[], v: number[]): number[] {
  const [a0, a1, a2 = 0] = u;
  const [b0, b1, b2 = 0] = v;
  return [a1 * b2 - a2 * b1, a2 * b0 - a0 * b2, a0 * b1 - a1 * b0];
}

describe("cross against the formula", () => {
  it("3×3, 3×2, 2×3, 2×2 with broadcast batches and moved axes", () => {
    fc.assert(
      fc.property(
        fc
          .record({
            na: fc.constantFrom(2, 3),
            nb: fc.constantFrom(2, 3),
            batch: fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 2 }),
            dropA: fc.nat(2),
            onesB: fc.array(fc.boolean(), { minLength: 2, maxLength: 2 }),
            posA: fc.nat(2),
            posB: fc.nat(2),
            posC: fc.nat(2),
            seed: fc.nat(100),
          })
          .chain((r) => {
            const bA = r.batch.slice(Math.min(r.dropA, r.batch.length));
            const bB = r.batch.map((d, k) => (r.onesB[k] ? 1 : d));
            const axa = Math.min(r.posA, bA.length);
            const axb = Math.min(r.posB, bB.length);
            const aShape = [...bA.slice(0, axa), r.na, ...bA.slice(axa)];
            const bShape = [...bB.slice(0, axb), r.nb, ...bB.slice(axb)];
            return fc.record({ r: fc.constant({ ...r, axa, axb, aShape, bShape, bA, bB }), la: layoutArb(aShape.length), lb: layoutArb(bShape.length) });
          }),
        ({ r, la, lb }) => {
          const a = strided(r.aShape, la, "float64", intFill(r.seed)).view;
          const b = strided(r.bShape, lb, "int32", intFill(r.seed + 1)).view;
          const batch = broadcastShapes(r.bA, r.bB);
          const vectorOut = r.na === 3 || r.nb === 3;
          const axc = Math.min(r.posC, batch.length);
          const got = cross(a, b, { axisa: r.axa, axisb: r.axb, axisc: axc });
          expect(got.dtype).toBe("float64");
          expect(got.shape).toEqual(vectorOut ? [...batch.slice(0, axc), 3, ...batch.slice(axc)] : batch);
          // every batch index: compare with the formula
          const count = batch.reduce((p, d) => p * d, 1);
          for (let e = 0; e < count; e++) {
            const idx = batch.map((_, k) => Math.floor(e / batch.slice(k + 1).reduce((p, d) => p * d, 1)) % batch[k]);
            const own = (bs: number[]) => bs.map((d, k) => (d === 1 ? 0 : idx[batch.length - bs.length + k]));
            const vec = (x: NDArray, bs: number[], ax: number, n: number) =>
              Array.from({ length: n }, (_, c) => x.get(...own(bs).slice(0, ax), c, ...own(bs).slice(ax)));
            const want = crossOf(vec(a, r.bA, r.axa, r.na), vec(b, r.bB, r.axb, r.nb));
            if (vectorOut) {
              for (let c = 0; c < 3; c++) expect(got.get(...idx.slice(0, axc), c, ...idx.slice(axc)) + 0).toBe(want[c] + 0);
            } else {
              expect(got.get(...idx) + 0).toBe(want[2] + 0);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("cross: NumPy's cases", () => {
  it("2 × 2 gives the z-component, 0-d for two vectors", () => {
    const z = cross([1, 2], [3, 4]);
    expect(z.shape).toEqual([]);
    expect(z.item()).toBe(-2);
    expect(
      cross(
        [
          [1, 0],
          [0, 1],
        ],
        [0, 1],
      ).toArray(),
    ).toEqual([1, 0]);
  });
  it("mixed 2 and 3, int32 stays int32", () => {
    expect(cross([1, 2], [3, 4, 5]).toArray()).toEqual([10, -5, -2]);
    expect(cross([3, 4, 5], [1, 2]).toArray()).toEqual([-10, 5, 2]);
    expect(cross(new NDArray(Int32Array.of(1, 2, 3)), new NDArray(Int32Array.of(4, 5, 6))).dtype).toBe("int32");
  });
  it("axis sets axisa, axisb and axisc", () => {
    const a = new NDArray(Float64Array.from([1, 0, 0, 1, 0, 0]), [3, 2]); // vectors along axis 0: columns x, y
    const b = new NDArray(Float64Array.from([0, 0, 1, 0, 0, 1]), [3, 2]); // columns y, z
    expect(cross(a, b, { axis: 0 }).toArray()).toEqual([
      [0, 1],
      [0, 0],
      [1, 0],
    ]); // x × y = z, y × z = x
  });
  it("errors", () => {
    expectError(() => cross([1, 2, 3, 4], [1, 2, 3, 4]), ValueError, "cross", "dimension must be 2 or 3", "4");
    const a = new NDArray(new Float64Array(6), [2, 3]);
    const b = new NDArray(new Float64Array(9), [3, 3]);
    expectError(() => cross(a, b), ShapeError, "cross", "(2,3)", "(3,3)");
    expectError(() => cross(a, a, { axisa: 2 }), AxisError, "cross", "axis 2");
    expectError(() => cross(a, a, { axisc: 2 }), AxisError, "cross", "axis 2");
    expectError(() => cross([true, false, true], [true, true, false]), DTypeError, "cross", "bool");
  });
});

describe("doc examples", () => {
  it("cross", () => {
    expect(cross([1, 0, 0], [0, 1, 0]).toArray()).toEqual([0, 0, 1]);
  });
});
