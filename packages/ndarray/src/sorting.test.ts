/**
 * sort and argsort along any axis of random strided arrays: every lane sorted numerically
 * with NaN last (NumPy's order), argsort stable (equal keys keep their order, NumPy's
 * kind="stable"), the input untouched.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectError, flat, indices, layoutArb, shapeArb, snapshot, strided } from "../test/arbitraries.js";
import * as np from "./index.js";
import { AxisError, DTypeError, ValueError, type DType } from "./index.js";

/** Keys with repeats, negative values and (for floats) NaN and infinities. */
const keyFill = (seed: number, dtype: DType) => (p: number) => {
  const h = ((Math.imul(p + 1, 2654435761) ^ seed) >>> 0) % 13;
  if (dtype === "float64" && h === 12) return NaN;
  if (dtype === "float64" && h === 11) return -Infinity;
  return h - 5;
};

/** NumPy's order: numbers ascending, NaN last. */
const before = (x: number, y: number): number => (Number.isNaN(x) ? (Number.isNaN(y) ? 0 : 1) : Number.isNaN(y) ? -1 : x - y);

const caseArb = shapeArb({ maxNdim: 3, maxDim: 5 }).chain((shape) =>
  fc.record({
    shape: fc.constant(shape),
    layout: layoutArb(shape.length),
    seed: fc.integer(),
    axisPick: fc.integer({ min: -4, max: 4 }),
    flatten: fc.boolean(),
  }),
);

describe.each(["float64", "int32", "float32"] as DType[])("sort and argsort of strided %s arrays (property)", (dtype) => {
  it("sort every lane (NaN last) and argsort stably; inputs unchanged", () => {
    fc.assert(
      fc.property(caseArb, ({ shape, layout, seed, axisPick, flatten }) => {
        const x = strided(shape, layout, dtype, keyFill(seed, dtype));
        const saved = snapshot(x.base);
        if (shape.length === 0 && !flatten) {
          expectError(() => np.sort(x.view), AxisError, "sort", "axis -1", "dimension 0");
          return;
        }
        // the lanes: along `axis` of the view, or the one lane of the flattened array
        const work = flatten ? x.view.ravel() : x.view;
        const nd = work.ndim;
        const axis = flatten ? 0 : ((axisPick % nd) + nd) % nd;
        const options = { axis: flatten ? null : axisPick < 0 ? axis - nd : axis };
        const s = np.sort(x.view, options);
        const a = np.argsort(x.view, options);
        expect(s.shape).toEqual(work.shape);
        expect(s.dtype).toBe(dtype);
        expect(a.dtype).toBe("int32");
        const lanes = new Map<string, number[]>();
        for (const idx of indices(work.shape)) {
          const key = idx.map((i, k) => (k === axis ? "*" : i)).join(",");
          if (!lanes.has(key)) lanes.set(key, []);
        }
        for (const [key] of lanes) {
          const at = (j: number) => key.split(",").map((t) => (t === "*" ? j : Number(t)));
          const n = work.shape[axis];
          const values = Array.from({ length: n }, (_, j) => work.get(...at(j)));
          const order = values.map((_, j) => j).sort((p, q) => before(values[p], values[q]) || p - q);
          expect(Array.from({ length: n }, (_, j) => s.get(...at(j)))).toEqual(order.map((j) => values[j]));
          expect(Array.from({ length: n }, (_, j) => a.get(...at(j)))).toEqual(order);
        }
        expect(snapshot(x.base)).toEqual(saved);
      }),
      { numRuns: 80 },
    );
  });
});

describe("sort, argsort", () => {
  it("sort along each axis of a small matrix (NumPy)", () => {
    const a = np.array([
      [3, 1, 2],
      [0, 5, -1],
    ]);
    expect(np.sort(a).toArray()).toEqual([
      [1, 2, 3],
      [-1, 0, 5],
    ]);
    expect(np.sort(a, { axis: 0 }).toArray()).toEqual([
      [0, 1, -1],
      [3, 5, 2],
    ]);
    expect(np.sort(a, { axis: null }).toArray()).toEqual([-1, 0, 1, 2, 3, 5]);
    expect(np.argsort(a, { axis: 0 }).toArray()).toEqual([
      [1, 0, 1],
      [0, 1, 0],
    ]);
    expect(a.sort().toArray()).toEqual(np.sort(a).toArray());
    expect(a.argsort({ axis: -1 }).toArray()).toEqual([
      [1, 2, 0],
      [2, 0, 1],
    ]);
  });

  it("puts NaN last, keeps bools and empty arrays", () => {
    expect(flat(np.sort(np.array([NaN, 2, -Infinity, 1, NaN])))).toEqual([-Infinity, 1, 2, NaN, NaN]);
    expect(np.argsort(np.array([NaN, 2, -Infinity, 1, NaN])).toArray()).toEqual([2, 3, 1, 0, 4]);
    expect(np.sort(np.array([true, false, true])).toArray()).toEqual([false, true, true]);
    expect(np.sort(np.zeros([2, 0])).shape).toEqual([2, 0]);
    expect(np.argsort(np.zeros([0])).toArray()).toEqual([]);
  });

  it("0-d: sort is an AxisError, argsort gives [0], axis null flattens (NumPy)", () => {
    expectError(() => np.sort(np.array(5)), AxisError, "sort", "axis -1", "dimension 0");
    expect(np.argsort(np.array(5)).toArray()).toEqual([0]);
    expect(np.sort(np.array(5), { axis: null }).toArray()).toEqual([5]);
  });

  it("reject a bad axis and complex input", () => {
    expectError(() => np.sort(np.zeros([2, 3]), { axis: 2 }), AxisError, "sort", "axis 2", "dimension 2");
    expectError(() => np.argsort(np.zeros([2, 3]), { axis: -3 }), AxisError, "argsort", "axis -3");
    expectError(() => np.sort(np.array([{ re: 1, im: 0 }])), DTypeError, "sort", "complex128");
    expectError(() => np.argsort(np.array([{ re: 1, im: 0 }])), DTypeError, "argsort", "complex128");
  });
});

describe("sort kinds and NumPy's positional arguments", () => {
  it("every kind is the same stable sort; axis and kind positional or in options", () => {
    const a = np.array([
      [3, 1, 2, 1],
      [0, -0, 0, -5],
    ]);
    for (const kind of ["quicksort", "mergesort", "heapsort", "stable", null] as const) {
      expect(np.argsort(a, -1, kind).toArray()).toEqual([
        [1, 3, 2, 0],
        [3, 0, 1, 2],
      ]);
      expect(np.sort(a, { axis: 0, kind }).toArray()).toEqual(np.sort(a, 0).toArray());
    }
    expect(np.sort(a, null).toArray()).toEqual([-5, 0, -0, 0, 1, 1, 2, 3]); // the zeros in input order
    expect(a.argsort(0).toArray()).toEqual([
      [1, 1, 1, 1],
      [0, 0, 0, 0],
    ]);
  });

  it("-0 and +0 compare equal and keep their input order, as NumPy's stable sort", () => {
    // np.sort(np.array([0.0, -0.0, 0.0, -0.0]), kind="stable") -> [0., -0., 0., -0.]
    const s = np.sort(np.array([0, -0, 0, -0]));
    expect(Array.from(s.data).map((x) => Object.is(x, -0))).toEqual([false, true, false, true]);
    const t = np.sort(np.array([[1, -0, 0, -1, -0]]), 1);
    expect(Array.from(t.data).map((x) => (Object.is(x, -0) ? "-0" : x))).toEqual([-1, "-0", 0, "-0", 1]);
  });

  it("argument errors name the function and the value", () => {
    expectError(() => np.sort(np.zeros([3]), { kind: "bubble" } as object), ValueError, "sort", "kind", '"bubble"');
    expectError(() => np.argsort(np.zeros([3]), { order: "x" } as object), ValueError, "argsort", "order");
    expectError(() => np.sort(np.zeros([3]), 0.5), ValueError, "sort", "axis", "0.5");
    expectError(() => np.sort(np.zeros([3]), "0" as unknown as number), ValueError, "sort", "axis", '"0"');
    expectError(() => np.sort(np.zeros([3]), { axis: 0 }, "stable"), ValueError, "sort", "kind");
  });
});

describe("searchsorted", () => {
  it("left and right sides, NaN last, sorter (NumPy)", () => {
    const a = np.array([1, 2, 2, 3, NaN]);
    // np.searchsorted([1, 2, 2, 3, nan], [2, nan, 0, 4, 2.5]) -> [1, 4, 0, 4, 3]; side="right" -> [3, 5, 0, 4, 3]
    const v = np.array([2, NaN, 0, 4, 2.5]);
    const left = np.searchsorted(a, v) as np.NDArray;
    expect([left.dtype, left.toArray()]).toEqual(["int32", [1, 4, 0, 4, 3]]);
    expect((np.searchsorted(a, v, "right") as np.NDArray).toArray()).toEqual([3, 5, 0, 4, 3]);
    expect((np.searchsorted(a, v, { side: "right" }) as np.NDArray).toArray()).toEqual([3, 5, 0, 4, 3]);
    // np.searchsorted([3, 1, 2], [2, 0, 3.5], sorter=[1, 2, 0]) -> [1, 0, 3]
    expect((np.searchsorted(np.array([3, 1, 2]), np.array([2, 0, 3.5]), { sorter: np.array([1, 2, 0], "int32") }) as np.NDArray).toArray()).toEqual([1, 0, 3]);
    expect(np.searchsorted(np.array([1, 2, 3]), 2)).toBe(1);
    expect(np.array([1, 2, 3]).searchsorted(2.5, "right")).toBe(2);
    expect(
      (
        np.searchsorted(
          np.array([1, 2, 3]),
          np.array([
            [0, 3],
            [9, 1],
          ]),
        ) as np.NDArray
      ).shape,
    ).toEqual([2, 2]);
  });

  it("the index separates smaller from larger elements (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 20 }),
        fc.array(fc.double({ min: -6, max: 6, noNaN: true }), { minLength: 1, maxLength: 8 }),
        (xs, vs) => {
          const a = np.sort(np.array(xs));
          const s = Array.from(a.data);
          const left = Array.from((np.searchsorted(a, np.array(vs)) as np.NDArray).data);
          const right = Array.from((np.searchsorted(a, np.array(vs), "right") as np.NDArray).data);
          vs.forEach((v, k) => {
            expect(left[k]).toBe(s.filter((x) => x < v).length);
            expect(right[k]).toBe(s.filter((x) => x <= v).length);
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it("argument errors", () => {
    expectError(() => np.searchsorted(np.zeros([2, 2]), 1), ValueError, "searchsorted", "1-D");
    expectError(() => np.searchsorted(np.zeros([3]), 1, "middle" as "left"), ValueError, "searchsorted", "side", '"middle"');
    expectError(() => np.searchsorted(np.zeros([3]), 1, { sorter: np.array([0, 1, 3]) }), ValueError, "searchsorted", "sorter", "3");
    expectError(() => np.searchsorted(np.zeros([3]), 1, { sorter: np.array([0, 1]) }), ValueError, "searchsorted", "sorter");
    expectError(() => np.searchsorted(np.zeros([3]), 1, { sides: "left" } as object), ValueError, "searchsorted", "sides");
  });
});
