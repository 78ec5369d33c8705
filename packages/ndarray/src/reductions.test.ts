/**
 * Reductions (sum, prod, mean, var, std, min, max, any, all, argmin, argmax) and
 * accumulations (cumsum, cumprod): over any axes of random strided arrays, with keepdims and
 * negative axes, against an oracle that gathers each output's elements through the view
 * model (test/arbitraries.ts) and combines them in C order.
 *
 * Tolerances scale with the number n of elements combined (Higham, "Accuracy and Stability
 * of Numerical Algorithms", §4.2 and §1.9): a sum differs from any other summation order by at
 * most about 2·n·eps·Σ|x|; mean, var and std inherit that bound through their formulas.
 * Max, min, any, all, arg* and the accumulations (same order as the oracle) are exact.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  EPS64,
  expectCloseArrays,
  expectError,
  expectSameNumbers,
  flat,
  indices,
  layoutArb,
  shapeArb,
  snapshot,
  strided,
  type Layout,
} from "../test/arbitraries.js";
import * as np from "./index.js";
import { AxisError, DTypeError, NDArray, ValueError, type DType } from "./index.js";

const valueFill = (seed: number) => (p: number) => {
  const h = (Math.imul(p + 1, 2654435761) ^ seed) >>> 0;
  return ((h % 1000) - 500) / 100;
};

/** Values from a small set, so that extremes repeat (first-occurrence rules matter). */
const repeatFill = (seed: number) => (p: number) => ((Math.imul(p + 1, 2654435761) ^ seed) >>> 0) % 5;

interface Case {
  shape: number[];
  layout: Layout;
  reduced: boolean[];
  axisForm: number;
  keepdims: boolean;
  seed: number;
}

const caseArb: fc.Arbitrary<Case> = shapeArb({ maxNdim: 4, maxDim: 4 }).chain((shape) =>
  fc.record({
    shape: fc.constant(shape),
    layout: layoutArb(shape.length),
    reduced: fc.array(fc.boolean(), { minLength: shape.length, maxLength: shape.length }),
    axisForm: fc.nat({ max: 3 }),
    keepdims: fc.boolean(),
    seed: fc.integer(),
  }),
);

/** The `axis` option for a case: all axes as undefined/null, or the chosen ones (some negative, maybe a bare number). */
/**
 * A full reduction (no axis, no keepdims) returns a JS number (a boolean for any/all): check
 * that, and view it as a 0-d array of the expected dtype so the value checks below apply.
 */
function result(r: NDArray | number | boolean, full: boolean, dtype: DType): NDArray {
  if (full) {
    expect(typeof r).toBe(dtype === "bool" ? "boolean" : "number");
    return np.array(Number(r), dtype);
  }
  expect(r).toBeInstanceOf(NDArray);
  return r as NDArray;
}

function axisOption(c: Case): { axis: number | number[] | null | undefined; reduced: boolean[] } {
  const nd = c.shape.length;
  if (c.axisForm === 0) return { axis: undefined, reduced: c.shape.map(() => true) };
  if (c.axisForm === 1) return { axis: null, reduced: c.shape.map(() => true) };
  const axes = c.reduced.flatMap((r, k) => (r ? [k % 2 === 0 ? k : k - nd] : []));
  return { axis: axes.length === 1 && c.axisForm === 2 ? axes[0] : axes, reduced: c.reduced };
}

/** Each output's elements, in C order, keyed by the output's C index; and the output shapes. */
function gather(x: { base: NDArray; model: { at: (i: readonly number[]) => number } }, shape: number[], reduced: boolean[]) {
  const kept = shape.map((d, k) => (reduced[k] ? 1 : d));
  const groups: number[][] = indices(kept).map(() => []);
  const keptStrides: number[] = [];
  for (let k = kept.length - 1, s = 1; k >= 0; k--) {
    keptStrides[k] = s;
    s *= kept[k];
  }
  for (const idx of indices(shape)) {
    const o = idx.reduce((p, i, k) => p + (reduced[k] ? 0 : i * keptStrides[k]), 0);
    groups[o].push(x.base.data[x.model.at(idx)]);
  }
  return { groups, kept, squeezed: shape.filter((_, k) => !reduced[k]) };
}

const sumOf = (v: number[]) => v.reduce((p, t) => p + t, 0);
const absSum = (v: number[]) => v.reduce((p, t) => p + Math.abs(t), 0);

describe.each(["float64", "int32"] as DType[])("reductions over random axes of strided %s arrays (property)", (dtype) => {
  const build = (c: Case, fill = valueFill(c.seed)) => strided(c.shape, c.layout, dtype, dtype === "int32" ? (p) => Math.round(fill(p)) : fill);

  it("sum, mean, max, min, any, all match the oracle, with the right shape and dtype", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const x = build(c);
        const { axis, reduced } = axisOption(c);
        const { groups, kept, squeezed } = gather(x, c.shape, reduced);
        const outShape = c.keepdims ? kept : squeezed;
        const opts = { axis, keepdims: c.keepdims };
        const full = (axis === undefined || axis === null) && !c.keepdims;
        const before = snapshot(x.base);

        const s = result(np.sum(x.view, opts), full, dtype);
        expect(s.shape).toEqual(outShape);
        expect(s.dtype).toBe(dtype);
        expectCloseArrays(flat(s), groups.map(sumOf), (i) => 2 * groups[i].length * EPS64 * absSum(groups[i]));

        const m = result(np.mean(x.view, opts), full, "float64");
        expect(m.dtype).toBe("float64");
        expectCloseArrays(
          flat(m),
          groups.map((g) => sumOf(g) / g.length),
          (i) => (2 * groups[i].length + 1) * EPS64 * (absSum(groups[i]) / groups[i].length),
        );

        const nonEmpty = groups.every((g) => g.length > 0);
        if (nonEmpty) {
          expect(flat(result(np.max(x.view, opts), full, dtype))).toEqual(groups.map((g) => Math.max(...g)));
          expect(flat(result(np.min(x.view, opts), full, dtype))).toEqual(groups.map((g) => Math.min(...g)));
          expect(result(np.max(x.view, opts), full, dtype).shape).toEqual(outShape);
          expect(result(np.max(x.view, opts), full, dtype).dtype).toBe(dtype);
        } else if (groups.length > 0) {
          expectError(() => np.max(x.view, opts), ValueError, "max", "zero-size");
          expectError(() => np.min(x.view, opts), ValueError, "min", "zero-size");
        }
        expect(flat(result(np.any(x.view, opts), full, "bool"))).toEqual(groups.map((g) => (g.some((t) => t !== 0) ? 1 : 0)));
        expect(flat(result(np.all(x.view, opts), full, "bool"))).toEqual(groups.map((g) => (g.every((t) => t !== 0) ? 1 : 0)));
        if (!full) expect((np.all(x.view, opts) as NDArray).dtype).toBe("bool");
        expect(snapshot(x.base)).toEqual(before);
      }),
      { numRuns: 80 },
    );
  });

  it("prod, var and std match the oracle within n·eps", () => {
    fc.assert(
      fc.property(caseArb, fc.nat({ max: 2 }), (c, ddof) => {
        // products of values near 1 (float) or small integers
        const x = build(c, (p) => (dtype === "int32" ? 1 + (valueFill(c.seed)(p) > 3 ? 1 : 0) : 0.75 + Math.abs(valueFill(c.seed)(p)) / 10));
        const { axis, reduced } = axisOption(c);
        const { groups } = gather(x, c.shape, reduced);
        const opts = { axis, keepdims: c.keepdims };
        const full = (axis === undefined || axis === null) && !c.keepdims;
        // int32 products are exact (accumulated in float64): int32 when every one fits, else float64
        const want = groups.map((g) => g.reduce((q, t) => q * t, 1));
        const fits = want.every((w) => Math.abs(w) <= 2147483647);
        const p = result(np.prod(x.view, opts), full, dtype === "int32" && !fits ? "float64" : dtype);
        expect(p.dtype).toBe(dtype === "int32" && !fits ? "float64" : dtype);
        expectCloseArrays(flat(p), want, (i) => 2 * groups[i].length * EPS64 * Math.abs(want[i]));

        // var: Σ|x − mean|² / (N − ddof), the oracle in two passes too
        const y = build(c);
        const { groups: g2 } = gather(y, c.shape, reduced);
        const v = result(np.variance(y.view, { ...opts, ddof }), full, "float64");
        const sd = result(np.std(y.view, { ...opts, ddof }), full, "float64");
        expect(v.dtype).toBe("float64");
        const oracle = g2.map((g) => {
          const mu = sumOf(g) / g.length;
          return sumOf(g.map((t) => (t - mu) ** 2)) / Math.max(g.length - ddof, 0);
        });
        const tol = (i: number) => 8 * (g2[i].length + 1) * EPS64 * (sumOf(g2[i].map((t) => t * t)) / Math.max(g2[i].length - ddof, 1));
        expectCloseArrays(flat(v), oracle, tol);
        expectCloseArrays(flat(sd), oracle.map(Math.sqrt), (i) => (tol(i) === 0 ? 0 : tol(i) / (Math.sqrt(Math.max(oracle[i], 0)) + Math.sqrt(tol(i)))));
      }),
      { numRuns: 60 },
    );
  });

  it("argmax and argmin give the first extreme along an axis or over the flattened array", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const x = build(c, repeatFill(c.seed));
        const nd = c.shape.length;
        const first = (g: number[], better: (a: number, b: number) => boolean) => g.reduce((bi, t, i) => (better(t, g[bi]) ? i : bi), 0);
        // flattened
        if (x.view.size === 0) {
          expectError(() => np.argmax(x.view), ValueError, "argmax", "empty");
        } else {
          const all = flat(x.view);
          expect(np.argmax(x.view)).toBe(first(all, (a, b) => a > b));
          expect(np.argmin(x.view)).toBe(first(all, (a, b) => a < b));
          expect(np.argmax(x.view, { keepdims: true }).shape).toEqual(c.shape.map(() => 1));
        }
        if (nd === 0) return;
        const axis = Math.abs(c.seed) % nd;
        const reduced = c.shape.map((_, k) => k === axis);
        const { groups, kept, squeezed } = gather(x, c.shape, reduced);
        if (c.shape[axis] === 0) {
          expectError(() => np.argmin(x.view, { axis }), ValueError, "argmin", "empty");
          return;
        }
        const am = np.argmax(x.view, { axis: axis - (c.keepdims ? nd : 0), keepdims: c.keepdims });
        expect(am.dtype).toBe("int32");
        expect(am.shape).toEqual(c.keepdims ? kept : squeezed);
        expect(flat(am)).toEqual(groups.map((g) => first(g, (a, b) => a > b)));
        expect(flat(np.argmin(x.view, { axis }))).toEqual(groups.map((g) => first(g, (a, b) => a < b)));
      }),
      { numRuns: 80 },
    );
  });

  it("cumsum and cumprod run along an axis (or the flattened array) in order", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const x = build(c);
        const nd = c.shape.length;
        const running = (v: number[], f: (a: number, b: number) => number) => v.map((_, i) => v.slice(0, i + 1).reduce(f));
        expect(flat(np.cumsum(x.view))).toEqual(running(flat(x.view), (a, b) => a + b));
        expect(np.cumsum(x.view).shape).toEqual([x.view.size]);
        expect(np.cumsum(x.view).dtype).toBe(dtype);
        if (nd === 0) return;
        const axis = Math.abs(c.seed) % nd;
        const cs = np.cumsum(x.view, { axis: axis - nd });
        const cp = np.cumprod(x.view, { axis });
        expect(cs.shape).toEqual(c.shape);
        // the oracle: along `axis`, element i is the running sum of elements 0..i of its lane
        const values = indices(c.shape).map((idx) => x.base.data[x.model.at(idx)]);
        const lane = (idx: number[]) =>
          Array.from({ length: idx[axis] + 1 }, (_, j) => {
            const src = idx.slice();
            src[axis] = j;
            return x.base.data[x.model.at(src)];
          });
        const all = indices(c.shape);
        // (+ 0 turns the oracle's −0 into the 0 an int32 buffer holds)
        const zero = dtype === "int32" ? 0 : -0;
        expect(flat(cs)).toEqual(all.map((idx) => lane(idx).reduce((a, b) => a + b) + zero));
        expect(flat(cp)).toEqual(all.map((idx) => lane(idx).reduce((a, b) => a * b) + zero));
        expect(values.length).toBe(cs.size);
      }),
      { numRuns: 60 },
    );
  });
});

describe("inputs are never modified", () => {
  const layout: Layout = { perm: [1, 0], steps: [-1, 2], starts: [1, 0], pads: [1, 1] };
  const reductions: [string, (x: NDArray) => unknown][] = [
    ["sum", (x) => np.sum(x, { axis: 0 })],
    ["prod", (x) => np.prod(x)],
    ["mean", (x) => np.mean(x, { axis: -1, keepdims: true })],
    ["var", (x) => np.variance(x, { ddof: 1 })],
    ["std", (x) => np.std(x, { axis: 0 })],
    ["min", (x) => np.min(x)],
    ["max", (x) => np.max(x, { axis: 1 })],
    ["any", (x) => np.any(x)],
    ["all", (x) => np.all(x, { axis: 0 })],
    ["argmin", (x) => np.argmin(x)],
    ["argmax", (x) => np.argmax(x, { axis: 1 })],
    ["cumsum", (x) => np.cumsum(x, { axis: 0 })],
    ["cumprod", (x) => np.cumprod(x)],
  ];
  it.each(["bool", "int32", "float32", "float64", "complex128"] as DType[])("by any reduction of a strided %s view", (dtype) => {
    for (const [name, f] of reductions) {
      const x = strided([2, 3], layout, dtype, (p) => (p % 5) - 2);
      const saved = snapshot(x.base);
      try {
        f(x.view);
      } catch (e) {
        if (!(e instanceof DTypeError)) throw e; // complex max/argmax/cumsum are refused
      }
      expect(snapshot(x.base), name).toEqual(saved);
    }
  });
});

describe("reduction dtypes", () => {
  const kd = { keepdims: true } as const; // keepdims keeps an array result, whose dtype we check
  it("sum/prod of bool and int32 give int32 while they fit, float32 stays float32, mean/var/std of integers give float64", () => {
    const b = np.array([true, true, false]);
    expect(np.sum(b, kd).dtype).toBe("int32");
    expect(np.sum(b)).toBe(2);
    expect(np.prod(np.array([2, 3], "int32"), kd).dtype).toBe("int32");
    const f = np.array([1, 2, 3], "float32");
    for (const fn of [np.sum, np.prod, np.mean, np.max, np.variance, np.std] as const) expect(fn(f, kd).dtype).toBe("float32");
    for (const fn of [np.mean, np.variance, np.std] as const) expect(fn(np.array([1, 2], "int32"), kd).dtype).toBe("float64");
    expect(np.std(b, kd).dtype).toBe("float64");
    expect(np.cumsum(b).dtype).toBe("int32");
    expect(np.cumsum(b).toArray()).toEqual([1, 2, 2]);
    expect(np.max(b, kd).dtype).toBe("bool");
  });

  it("a full reduction is a JS number (a boolean for any/all); with an axis an NDArray, 0-d when every axis goes", () => {
    const X = np.array([
      [1, 2],
      [3, 4],
    ]);
    expect(typeof np.sum(X)).toBe("number");
    expect(np.sum(X)).toBe(10);
    expect(X.mean()).toBe(2.5);
    expect(np.any(X.greater(3))).toBe(true);
    expect(X.argmax()).toBe(3);
    const both = np.sum(X, { axis: [0, 1] });
    expect(both).toBeInstanceOf(NDArray);
    expect(both.shape).toEqual([]);
    expect(+both).toBe(10); // a size-1 array converts in arithmetic
  });

  it("the axis may be positional, as NumPy's X.sum(0), np.mean(X, 0), X.argmax(1), np.max(X, 1)", () => {
    const X = np.array([
      [1, 5],
      [3, 4],
    ]);
    expect(X.sum(0).toArray()).toEqual([4, 9]);
    expect(np.mean(X, 0).toArray()).toEqual([2, 4.5]);
    expect(X.argmax(1).toArray()).toEqual([1, 1]);
    expect(np.max(X, 1).toArray()).toEqual([5, 4]);
    expect(np.sum(X, 1, { keepdims: true }).shape).toEqual([2, 1]);
    expect(np.std(X, 0, { ddof: 1 }).toArray()).toEqual([Math.SQRT2, Math.SQRT1_2]);
    expect(np.cumsum(X, 1).toArray()).toEqual([
      [1, 6],
      [3, 7],
    ]);
    expectError(() => np.sum(X, { axis: 0 }, { keepdims: true } as never), ValueError, "sum", "axis first");
    expectError(() => np.sum(X, { axes: 0 } as never), ValueError, "sum", "unknown option 'axes'");
    expectError(() => np.sum(X, "0" as never), ValueError, "sum", "axis must be");
    expectError(() => np.sum(X, 2), AxisError, "sum", "out of bounds");
  });

  it("an explicit dtype casts the elements first, as NumPy (sum([0.5, 0.5, 1.7], dtype=int32) is 1)", () => {
    const x = np.array([0.5, 0.5, 1.7]);
    expect(np.sum(x, { dtype: "int32" })).toBe(1);
    expect(np.prod(np.array([2.5, 2.5]), { dtype: "int32" })).toBe(4);
    expect(np.cumsum(x, { dtype: "int32" }).toArray()).toEqual([0, 0, 1]);
    expect(np.cumprod(np.array([2.5, 2.5]), { dtype: "int32" }).toArray()).toEqual([2, 4]);
    expect(np.sum(np.array([0.5, -0.5]), { dtype: "bool" })).toBe(1);
    expect(np.sum(np.array([1, 2]), { dtype: "float32", keepdims: true }).dtype).toBe("float32");
    expect(np.sum(np.array([1, 2]), { dtype: "complex128", keepdims: true }).toArray()).toEqual([{ re: 3, im: 0 }]);
    expect(np.mean(np.array([1, 2], "float32"), { dtype: "float64", keepdims: true }).dtype).toBe("float64");
  });

  it("integer sums and products are exact past 2^31 (NumPy's int64), never wrapped", () => {
    const big = np.array([2147483647, 1], "int32");
    expect(np.sum(big)).toBe(2147483648);
    expect(np.cumsum(big).toArray()).toEqual([2147483647, 2147483648]);
    expect(np.cumsum(big).dtype).toBe("float64");
    expect(np.prod(np.array([65536, 65536, 3], "int32"))).toBe(3 * 2 ** 32);
    expect(np.sum(np.full([3, 2], 2 ** 30, "int32"), 0).dtype).toBe("float64");
    expect(np.sum(np.full([3, 2], 2 ** 30, "int32"), 0).toArray()).toEqual([3 * 2 ** 30, 3 * 2 ** 30]);
    expect(np.sum(np.full([3, 2], 7, "int32"), 0).dtype).toBe("int32");
    // an explicit int32 dtype is C arithmetic, as NumPy's dtype=np.int32
    expect(np.sum(big, { dtype: "int32" })).toBe(-2147483648);
  });
});

describe("empty reductions, NaN, accuracy", () => {
  it("give the identity for sum/prod/any/all, NaN for mean, and throw for max/min/argmax (NumPy)", () => {
    expect(np.sum(np.zeros([0]))).toBe(0);
    expect(np.prod(np.zeros([0]))).toBe(1);
    expect(np.any(np.zeros([0]))).toBe(false);
    expect(np.all(np.zeros([0]))).toBe(true);
    expect(np.mean(np.zeros([0]))).toBeNaN();
    expect(np.sum(np.zeros([2, 0]), { axis: 1 }).toArray()).toEqual([0, 0]);
    expectSameNumbers(flat(np.mean(np.zeros([2, 0]), { axis: 1 })), [NaN, NaN]);
    expect(np.max(np.zeros([0, 3]), { axis: 1 }).shape).toEqual([0]);
    expectError(() => np.max(np.zeros([0, 3]), { axis: 0 }), ValueError, "max", "zero-size", "[0,3]");
    expectError(() => np.min(np.zeros([0])), ValueError, "min", "zero-size");
    expectError(() => np.argmax(np.zeros([0])), ValueError, "argmax", "empty");
    expectError(() => np.argmin(np.zeros([3, 0]), { axis: 1 }), ValueError, "argmin", "empty");
  });

  it("max/min propagate NaN; argmax/argmin return the first NaN", () => {
    const x = np.array([1, 5, NaN, 9, NaN]);
    expect(np.max(x)).toBeNaN();
    expect(np.min(x)).toBeNaN();
    expect(np.argmax(x)).toBe(2);
    expect(np.argmin(x)).toBe(2);
    expect(np.argmax(np.array([NaN, 1]))).toBe(0);
    const y = np.array([
      [1, NaN, 3],
      [4, 5, 6],
    ]);
    expectSameNumbers(flat(np.max(y, { axis: 1 })), [NaN, 6]);
    expectSameNumbers(flat(np.min(y, { axis: 0 })), [1, NaN, 3]);
    expect(np.argmax(y, { axis: 1 }).toArray()).toEqual([1, 2]);
    expect(np.argmin(y.T, { axis: 0 }).toArray()).toEqual([1, 0]);
    expect(np.sum(y)).toBeNaN();
  });

  it("var and std are two-pass: no cancellation around a large mean (NumPy)", () => {
    // one-pass E[x²] − E[x]² gives garbage here; NumPy: np.var([1e9+1, 1e9+2, 1e9+3]) = 0.6666666666666666
    expect(np.variance(np.array([1e9 + 1, 1e9 + 2, 1e9 + 3]))).toBe(2 / 3);
    expect(np.std(np.array([1, 2, 3, 4]), { ddof: 1 })).toBe(1.2909944487358056);
    expect(np.variance(np.array([1, 2]), { ddof: 2 })).toBe(Infinity);
    expect(np.variance(np.array([1, 2]), { ddof: 3 })).toBe(Infinity);
  });

  it("sums and means of complex arrays; var of complex is real (NumPy)", () => {
    const z = np.array([
      { re: 1, im: 1 },
      { re: 2, im: -1 },
      { re: 3, im: 0 },
    ]);
    // a complex scalar is no JS number: full complex sums say how to get one
    expect(np.sum(z, { keepdims: true }).toArray()).toEqual([{ re: 6, im: 0 }]);
    expect(np.mean(z, { keepdims: true }).toArray()).toEqual([{ re: 2, im: 0 }]);
    expectError(() => np.sum(z), DTypeError, "sum", "complex", "keepdims");
    expect(np.variance(z, { keepdims: true }).dtype).toBe("float64");
    const v = np.variance(z);
    expect(Math.abs(v - 4 / 3)).toBeLessThanOrEqual(8 * EPS64 * 2);
    const zz = np.array([
      [
        { re: 1, im: 2 },
        { re: 3, im: 4 },
      ],
      [
        { re: 5, im: 6 },
        { re: 7, im: 8 },
      ],
    ]).T;
    expect(np.sum(zz, { axis: 1 }).toArray()).toEqual([
      { re: 6, im: 8 },
      { re: 10, im: 12 },
    ]);
    expectError(() => np.max(z), DTypeError, "max", "complex128");
    expectError(() => np.argmax(z), DTypeError, "argmax", "complex128");
    expectError(() => np.cumsum(z), DTypeError, "cumsum", "complex128");
    expect(np.any(np.array([{ re: 0, im: 1 }]))).toBe(true);
    expect(
      np.all(
        np.array([
          { re: 0, im: 1 },
          { re: 0, im: 0 },
        ]),
      ),
    ).toBe(false);
  });
});

describe("reduction errors", () => {
  const a = np.zeros([2, 3]);

  it("an axis out of range is an AxisError naming the function, axis and dimension", () => {
    expectError(() => np.sum(a, { axis: 2 }), AxisError, "sum", "axis 2", "dimension 2");
    expectError(() => np.prod(a, { axis: -3 }), AxisError, "prod", "axis -3");
    expectError(() => np.mean(a, { axis: [0, 5] }), AxisError, "mean", "axis 5");
    expectError(() => np.variance(a, { axis: 2 }), AxisError, "var", "axis 2");
    expectError(() => np.std(a, { axis: 2 }), AxisError, "std", "axis 2");
    expectError(() => np.max(a, { axis: 2 }), AxisError, "max", "axis 2");
    expectError(() => np.min(a, { axis: 2 }), AxisError, "min", "axis 2");
    expectError(() => np.any(a, { axis: 2 }), AxisError, "any", "axis 2");
    expectError(() => np.all(a, { axis: 2 }), AxisError, "all", "axis 2");
    expectError(() => np.argmax(a, { axis: 2 }), AxisError, "argmax", "axis 2");
    expectError(() => np.argmin(a, { axis: -3 }), AxisError, "argmin", "axis -3");
    expectError(() => np.cumsum(a, { axis: 2 }), AxisError, "cumsum", "axis 2");
    expectError(() => np.cumprod(np.array(1), { axis: 0 }), AxisError, "cumprod", "axis 0", "dimension 0");
    expectError(() => np.sum(a, { axis: 0.5 }), AxisError, "sum", "0.5");
  });

  it("a repeated axis and an unknown dtype are rejected", () => {
    expectError(() => np.sum(a, { axis: [0, -2] }), ValueError, "sum", "duplicate", "[0, -2]");
    expectError(() => np.sum(a, { dtype: "int64" as DType }), DTypeError, "sum", '"int64"');
    expectError(() => np.mean(a, { dtype: "float16" as DType }), DTypeError, "mean", '"float16"');
    expectError(() => np.cumsum(a, { dtype: "uint8" as DType }), DTypeError, "cumsum", '"uint8"');
  });
});

describe("array methods and aliases", () => {
  it("call the reductions", () => {
    const a = np.array([
      [1, 2],
      [3, 4],
    ]);
    expect(a.sum()).toBe(10);
    expect(a.sum({ axis: 0 }).toArray()).toEqual([4, 6]);
    expect(a.prod()).toBe(24);
    expect(a.mean({ axis: 1 }).toArray()).toEqual([1.5, 3.5]);
    expect(a.var()).toBe(1.25);
    expect(a.std({ ddof: 1 })).toBe(Math.sqrt(5 / 3));
    expect(a.min()).toBe(1);
    expect(a.max({ keepdims: true }).shape).toEqual([1, 1]);
    expect(a.any()).toBe(true);
    expect(a.all({ axis: 1 }).toArray()).toEqual([true, true]);
    expect(a.argmin()).toBe(0);
    expect(a.argmax({ axis: 0 }).toArray()).toEqual([1, 1]);
    expect(a.cumsum({ axis: 0 }).toArray()).toEqual([
      [1, 2],
      [4, 6],
    ]);
    expect(a.cumprod().toArray()).toEqual([1, 2, 6, 24]);
    expect(np.var(a)).toBe(1.25);
    expect(np.amax(a)).toBe(4);
    expect(np.amin(a)).toBe(1);
    expect(np.sum([1, 2, 3])).toBe(6);
    expect(np.sum(5)).toBe(5);
  });
});
