/**
 * reshape (reshape.ts): of a C-contiguous array a view in C order; of any strided array the
 * elements in C order, a view (writing through to the right places) exactly when NumPy's
 * no-copy rule allows it; reshape(-1) round-trips; the shape's forms and errors. The property
 * tests check random targets (with one −1) against the index-function model of
 * test/arbitraries.ts.
 * Siblings (the NDArray's tests): views.test.ts, reshape.test.ts, slicing.test.ts, ndarray.test.ts.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contiguous, expectError, flat, indices, modelReshape, range, rng, shapeArb, sizeOf, strided, stridedArb } from "../test/arbitraries.js";
import * as np from "./index.js";
import { ShapeError, ValueError } from "./index.js";

// ------------------------------------------------------------------ reshape

/** A random shape of the given size, possibly with one −1, for reshape. */
function reshapeTargetArb(size: number): fc.Arbitrary<{ target: number[]; shape: number[] }> {
  return fc.integer().map((seed) => {
    const r = rng(seed);
    let shape: number[];
    if (size === 0) {
      shape = range(1 + r.int(3)).map(() => r.int(3));
      shape[r.int(shape.length)] = 0;
    } else {
      // deal the prime factors of size into 1..4 dimensions, then sprinkle 1s
      const primes: number[] = [];
      for (let n = size, p = 2; n > 1;) {
        if (n % p === 0) {
          primes.push(p);
          n /= p;
        } else p++;
      }
      shape = new Array<number>(1 + r.int(4)).fill(1);
      for (const p of primes) shape[r.int(shape.length)] *= p;
    }
    const target = shape.slice();
    if (size > 0 && r.int(2) === 0) target[r.int(target.length)] = -1;
    return { target, shape };
  });
}

describe("reshape (property)", () => {
  it("of a C-contiguous array is a view with the elements in C order", () => {
    const arb = fc
      .tuple(shapeArb({ maxNdim: 4, maxDim: 4 }), fc.integer({ min: 0, max: 2 }))
      .chain(([shape, lead]) => reshapeTargetArb(sizeOf(shape)).map((t) => ({ shape, lead, target: t.target })));
    fc.assert(
      fc.property(arb, ({ shape, lead, target }) => {
        // a C-contiguous array that is itself a view: a leading-axis slice of a bigger array
        const big = strided([lead + 1, ...shape], contiguous(shape.length + 1));
        const x = big.view.slice(lead);
        expect(x.flags.cContiguous).toBe(true);
        const y = x.reshape(target);
        expect(sizeOf(y.shape)).toBe(x.size);
        expect(y.base).toBe(big.base);
        expect(y.data).toBe(x.data);
        expect(flat(y)).toEqual(flat(x));
        // and it writes through
        if (y.size > 0) {
          y.set(-1);
          expect(flat(x).every((v) => v === -1)).toBe(true);
        }
      }),
    );
  });

  it("of any strided array gives the elements in C order; when it is a view it writes through to the right places", () => {
    const arb = stridedArb({ maxNdim: 4, maxDim: 4 }).chain((src) =>
      reshapeTargetArb(sizeOf(src.shape)).map(({ target, shape }) => ({ src, target, resolved: shape })),
    );
    fc.assert(
      fc.property(arb, ({ src, target, resolved }) => {
        const s = strided(src.shape, src.layout);
        const y = s.view.reshape(target);
        expect(y.shape).toEqual(resolved);
        expect(flat(y)).toEqual(flat(s.view));
        const m = modelReshape(s.model, y.shape);
        if (y.data === s.base.data) {
          expect(y.base).toBe(s.base);
          const before = Array.from(s.base.data);
          y.set(np.arange(y.size).add(1).negative().reshape(y.shape));
          indices(y.shape).forEach((idx, k) => (before[m.at(idx)] = -(k + 1)));
          expect(Array.from(s.base.data)).toEqual(before);
        } else {
          // a copy: writing to it leaves the base alone
          const before = Array.from(s.base.data);
          y.set(-1);
          expect(Array.from(s.base.data)).toEqual(before);
        }
      }),
    );
  });

  it("reshape(-1) round-trips", () => {
    fc.assert(
      fc.property(stridedArb({ maxNdim: 4, maxDim: 4 }), ({ shape, layout }) => {
        const x = strided(shape, layout).view;
        const r = x.reshape(-1);
        expect(r.shape).toEqual([x.size]);
        expect(r.reshape(x.shape).toArray()).toEqual(x.toArray());
        expect(np.reshape(x, -1).toArray()).toEqual(r.toArray());
      }),
    );
  });

  it("views a non-contiguous array when the strides allow it (NumPy's nocopy reshape)", () => {
    const a = np.arange(24).reshape(4, 6);
    // every other column: rows of stride 6, columns of stride 2 — merges into one stride-2 axis
    const b = a.slice(":", "::2");
    const r = b.reshape(12);
    expect(r.data).toBe(a.data);
    expect(r.strides).toEqual([2]);
    expect(r.toArray()).toEqual(range(12).map((k) => 2 * k));
    // splitting an axis of a transposed array is a view; merging its axes is a copy
    const t = np.arange(6).reshape(2, 3).T; // (3, 2), strides (1, 3)
    const split = t.reshape(3, 2, 1);
    expect(split.data).toBe(t.data);
    const merged = t.reshape(6);
    expect(merged.data).not.toBe(t.data);
    expect(merged.toArray()).toEqual([0, 3, 1, 4, 2, 5]);
    // a broadcast (stride-0) axis can be split but not merged with a real one
    const bc = np.arange(3).broadcastTo([4, 3]);
    expect(bc.reshape(2, 2, 3).data).toBe(bc.data);
    expect(bc.reshape(12).toArray()).toEqual([0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2]);
  });

  it("accepts the shape as numbers or one array, and size-0 and 0-d shapes", () => {
    const a = np.arange(6);
    expect(a.reshape(2, 3).shape).toEqual([2, 3]);
    expect(a.reshape([3, 2]).shape).toEqual([3, 2]);
    expect(a.reshape(-1, 2).shape).toEqual([3, 2]);
    expect(np.array(5).reshape(1, 1).toArray()).toEqual([[5]]);
    expect(np.array([5]).reshape([]).shape).toEqual([]);
    expect(np.zeros([0, 3]).reshape(3, 0, 5).shape).toEqual([3, 0, 5]);
  });

  it("rejects an incompatible size, two unknowns and bad dimensions", () => {
    const a = np.arange(6);
    expectError(() => a.reshape(4), ShapeError, "reshape", "size 6", "(4,)");
    expectError(() => a.reshape(4, -1), ShapeError, "reshape", "size 6", "(4,-1)");
    expectError(() => a.reshape(-1, -1), ValueError, "reshape", "(-1,-1)");
    expectError(() => a.reshape(-2, -3), ValueError, "reshape", "-2");
    expectError(() => a.reshape(2.5, 2), ValueError, "reshape", "2.5");
    expectError(() => np.zeros([0]).reshape(0, -1), ShapeError, "reshape", "size 0");
  });
});
