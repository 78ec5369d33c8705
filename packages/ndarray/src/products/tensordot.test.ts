/**
 * tensordot: random pairings of axes against the explicit sum (einsum.reference.ts), with
 * a's axes lettered a, b, c, … and each of b's axes either the letter of the a-axis it is
 * paired with or a fresh one (x, y, …); then the integer form of `axes` and the errors.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectCloseArrays, expectError, flat, layoutArb, strided } from "../../test/arbitraries.js";
import { promoteTypes, type DType } from "../dtype.js";
import { AxisError, ShapeError, ValueError } from "../errors.js";
import { NDArray } from "../ndarray.js";
import { einsumReference } from "./einsum.reference.js";
import { tensordot } from "./tensordot.js";

const DTYPES: DType[] = ["float64", "float32", "int32", "complex128"];
const intFill = (seed: number) => (p: number) => (((Math.imul(p + 1, 2654435761) ^ Math.imul(seed, 40503)) >>> 0) % 9) - 4;

interface Pairing {
  aShape: number[];
  bShape: number[];
  axesA: number[];
  axesB: number[];
}

/** a of rank 0–4, t of its axes (any order) paired with t axes of b placed anywhere among b's own. */
const pairingArb: fc.Arbitrary<Pairing> = fc
  .array(fc.integer({ min: 0, max: 3 }), { maxLength: 4 })
  .chain((aShape) =>
    fc.record({
      aShape: fc.constant(aShape),
      axesA: fc.shuffledSubarray(aShape.map((_, k) => k)),
      own: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 2 }),
      order: fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
    }),
  )
  .map(({ aShape, axesA, own, order }) => {
    // b's axes: the paired ones (in pair order) and its own, interleaved by `order`
    const items = [...axesA.map((k, t) => ({ paired: t, d: aShape[k] })), ...own.map((d) => ({ paired: -1, d }))];
    const keyed = items
      .map((x, i) => ({ x, key: order[i % order.length] * 10 + i }))
      .sort((p, q) => p.key - q.key)
      .map((p) => p.x);
    const axesB = axesA.map((_, t) => keyed.findIndex((x) => x.paired === t));
    return { aShape, bShape: keyed.map((x) => x.d), axesA, axesB };
  });

describe("tensordot against the explicit sum", () => {
  it("random axis pairings, strided views, dtypes: exact", () => {
    fc.assert(
      fc.property(
        pairingArb.chain((p) =>
          fc.record({
            p: fc.constant(p),
            la: layoutArb(p.aShape.length),
            lb: layoutArb(p.bShape.length),
            da: fc.constantFrom(...DTYPES),
            db: fc.constantFrom(...DTYPES),
            negative: fc.boolean(),
          }),
        ),
        ({ p, la, lb, da, db, negative }) => {
          const a = strided(p.aShape, la, da, intFill(1)).view;
          const b = strided(p.bShape, lb, db, intFill(2)).view;
          const aTerm = "abcd".slice(0, a.ndim);
          const fresh = "xyzw";
          let f = 0;
          const bTerm = p.bShape.map((_, k) => (p.axesB.includes(k) ? aTerm[p.axesA[p.axesB.indexOf(k)]] : fresh[f++])).join("");
          const out = [...aTerm].filter((_, k) => !p.axesA.includes(k)).join("") + [...bTerm].filter((ch) => fresh.includes(ch)).join("");
          const expected = einsumReference([aTerm, bTerm], out, [a, b], promoteTypes(da, db));
          // negative axes name the same axes
          const axesA = negative ? p.axesA.map((k) => k - a.ndim) : p.axesA;
          const got = tensordot(a, b, [axesA, p.axesB]);
          expect(got.shape).toEqual(expected.shape);
          expect(got.dtype).toBe(expected.dtype);
          expectCloseArrays(flat(got), flat(expected), () => 0);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("tensordot: axes forms and errors", () => {
  const a = new NDArray(
    Float64Array.from({ length: 24 }, (_, i) => i),
    [2, 3, 4],
  );
  const b = new NDArray(
    Float64Array.from({ length: 24 }, (_, i) => 24 - i),
    [3, 4, 2],
  );
  it("axes = n pairs a's last n with b's first n; 2 is the default, 0 the outer product", () => {
    expect(flat(tensordot(a, b))).toEqual(
      flat(
        tensordot(a, b, [
          [1, 2],
          [0, 1],
        ]),
      ),
    );
    expect(tensordot(a, new NDArray(new Float64Array(20), [4, 5]), 1).shape).toEqual([2, 3, 5]);
    expect(tensordot([1, 2], [1, 2, 3], 0).toArray()).toEqual([
      [1, 2, 3],
      [2, 4, 6],
    ]);
    expect(tensordot(a, b, [1, 0]).shape).toEqual([2, 4, 4, 2]); // single axes without lists
  });
  it("errors", () => {
    expectError(() => tensordot(a, b, [[0], [0]]), ShapeError, "tensordot", "(2,3,4)", "(3,4,2)", "2 (dim 0) != 3 (dim 0)");
    expectError(() => tensordot(a, b, [[1, 2], [0]]), ValueError, "tensordot", "differ in length");
    expectError(() => tensordot(a, b, 4), ValueError, "tensordot", "4");
    expectError(() => tensordot(a, b, [[3], [0]]), AxisError, "tensordot", "axis 3");
    expectError(
      () =>
        tensordot(a, b, [
          [1, 1],
          [0, 0],
        ]),
      ValueError,
      "tensordot",
      "duplicate",
    );
  });
});

describe("doc examples", () => {
  it("tensordot", () => {
    const C = tensordot(
      [
        [1, 2],
        [3, 4],
      ],
      [
        [1, 0],
        [0, 1],
      ],
      [[1], [0]],
    );
    expect(C.toArray()).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });
});
