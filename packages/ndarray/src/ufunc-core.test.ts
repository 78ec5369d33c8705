/**
 * Universal functions, the machinery every one shares (ufunc-core.ts): broadcasting (NumPy's
 * rule, checked against explicitly tiled copies, on strided operands), the guarantee that
 * inputs are never written, `out` (same dtype, cast, in place, overlapping inputs, strided
 * views), and the array methods that call the ufuncs.
 *
 * Expected values marked "NumPy" were printed by NumPy 1.24.2, those under "(NumPy 2.4)" by
 * NumPy 2.4 (the call in the comment). Element-wise results of the same scalar function are
 * exact, so most comparisons are exact; results compared with a hand-computed value of a
 * transcendental function allow a few ulps (4·eps·|x|).
 * Siblings: ufunc-core.test.ts (broadcasting, out, inputs), ufunc-dtype-semantics.test.ts,
 * ufunc-elementwise.test.ts, where-clip.test.ts.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  broadcastableArb,
  expectError,
  expectSameNumbers,
  flat,
  layoutArb,
  nested,
  shapeArb,
  snapshot,
  strided,
  contiguous,
  type Layout,
} from "../test/arbitraries.js";
import * as np from "./index.js";
import { DTypeError, NDArray, ShapeError, ValueError, type DType, type NestedArray } from "./index.js";

type BinaryName =
  | "add"
  | "subtract"
  | "multiply"
  | "divide"
  | "floorDivide"
  | "mod"
  | "power"
  | "maximum"
  | "minimum"
  | "arctan2"
  | "hypot"
  | "equal"
  | "notEqual"
  | "less"
  | "lessEqual"
  | "greater"
  | "greaterEqual"
  | "logicalAnd"
  | "logicalOr"
  | "logicalXor";
type UnaryName =
  | "negative"
  | "positive"
  | "abs"
  | "sqrt"
  | "square"
  | "exp"
  | "log"
  | "log2"
  | "log10"
  | "log1p"
  | "expm1"
  | "sin"
  | "cos"
  | "tan"
  | "arcsin"
  | "arccos"
  | "arctan"
  | "sinh"
  | "cosh"
  | "tanh"
  | "sign"
  | "floor"
  | "ceil"
  | "trunc"
  | "rint"
  | "real"
  | "imag"
  | "conj"
  | "angle"
  | "isnan"
  | "isinf"
  | "isfinite"
  | "logicalNot";

const BINARY: BinaryName[] = [
  "add",
  "subtract",
  "multiply",
  "divide",
  "floorDivide",
  "mod",
  "power",
  "maximum",
  "minimum",
  "arctan2",
  "hypot",
  "equal",
  "notEqual",
  "less",
  "lessEqual",
  "greater",
  "greaterEqual",
  "logicalAnd",
  "logicalOr",
  "logicalXor",
];
const UNARY: UnaryName[] = [
  "negative",
  "positive",
  "abs",
  "sqrt",
  "square",
  "exp",
  "log",
  "log2",
  "log10",
  "log1p",
  "expm1",
  "sin",
  "cos",
  "tan",
  "arcsin",
  "arccos",
  "arctan",
  "sinh",
  "cosh",
  "tanh",
  "sign",
  "floor",
  "ceil",
  "trunc",
  "rint",
  "real",
  "imag",
  "conj",
  "angle",
  "isnan",
  "isinf",
  "isfinite",
  "logicalNot",
];
const ALL_DTYPES: DType[] = ["bool", "int32", "float32", "float64", "complex128"];

/** Small test values: non-negative integers for int/bool (so power is defined), mixed signs for floats. */
const testFill = (dtype: DType) => (p: number) => (dtype === "int32" || dtype === "bool" ? p % 4 : ((p * 7) % 11) / 4 - 1.25);

/** A strided 2×3 view (transposed, stepped, reversed) of a larger buffer. */
const VIEW_LAYOUT: Layout = { perm: [1, 0], steps: [-1, 2], starts: [1, 0], pads: [1, 1] };

function viewOf(dtype: DType, shape: number[] = [2, 3], layout: Layout = VIEW_LAYOUT) {
  return strided(shape, layout, dtype, testFill(dtype));
}

/** Run f and return its result, or null when it refuses the dtype (DTypeError) or the values (ValueError). */
function attempt(f: () => NDArray): NDArray | null {
  try {
    return f();
  } catch (e) {
    if (e instanceof DTypeError || e instanceof ValueError) return null;
    throw e;
  }
}

// ------------------------------------------------------------------ broadcasting

/** NumPy's broadcasting rule, written out: the non-1 size at each aligned position, if they agree. */
function broadcastRule(...shapes: number[][]): number[] | null {
  const ndim = Math.max(0, ...shapes.map((s) => s.length));
  const out: number[] = [];
  for (let i = 0; i < ndim; i++) {
    const sizes = new Set(shapes.map((s) => s[s.length - ndim + i] ?? 1).filter((d) => d !== 1));
    if (sizes.size > 1) return null;
    out.push(sizes.size === 1 ? [...sizes][0] : 1);
  }
  return out;
}

/** An explicitly tiled copy of x at `shape`, built element by element from nested arrays (no strides). */
function tile(x: NDArray, shape: number[]): NDArray {
  const values = x.toArray();
  const lead = shape.length - x.ndim;
  const read = (idx: number[]): NestedArray => {
    let v: NestedArray = values;
    x.shape.forEach((d, k) => (v = (v as NestedArray[])[d === 1 ? 0 : idx[lead + k]]));
    return v;
  };
  return np.array(nested(shape, read) as NestedArray, x.dtype);
}

describe("broadcasting (property)", () => {
  const dimsArb = shapeArb({ maxNdim: 4, maxDim: 3 });

  it("the result shape follows NumPy's rule, or the call throws ShapeError naming both shapes", () => {
    fc.assert(
      fc.property(dimsArb, dimsArb, (sa, sb) => {
        const expected = broadcastRule(sa, sb);
        const a = np.zeros(sa);
        const b = np.ones(sb);
        if (expected === null) {
          expectError(() => np.add(a, b), ShapeError, "add", `(${sa.join(",")}${sa.length === 1 ? "," : ""})`);
          expectError(() => np.broadcastShapes(sa, sb), ShapeError, "broadcastShapes");
          expectError(() => np.broadcastArrays(a, b), ShapeError, "broadcastArrays");
        } else {
          expect(np.broadcastShapes(sa, sb)).toEqual(expected);
          expect(np.add(a, b).shape).toEqual(expected);
          expect(np.less(b, a).shape).toEqual(expected);
          expect(np.broadcastArrays(a, b).map((x) => x.shape)).toEqual([expected, expected]);
        }
      }),
    );
  });

  it("of three operands (where) follows the same rule", () => {
    fc.assert(
      fc.property(dimsArb, dimsArb, dimsArb, (sc, sa, sb) => {
        const expected = broadcastRule(sc, sa, sb);
        if (expected === null) expectError(() => np.where(np.ones(sc, "bool"), np.zeros(sa), np.ones(sb)), ShapeError, "where");
        else expect(np.where(np.ones(sc, "bool"), np.zeros(sa), np.ones(sb)).shape).toEqual(expected);
      }),
    );
  });

  const pairArb = shapeArb({ maxNdim: 4, maxDim: 3 }).chain((target) =>
    fc.record({
      target: fc.constant(target),
      a: broadcastableArb(target).chain((s) => layoutArb(s.length).map((l) => ({ s, l }))),
      b: broadcastableArb(target).chain((s) => layoutArb(s.length).map((l) => ({ s, l }))),
    }),
  );

  const cases: [DType, BinaryName[]][] = [
    ["float64", ["add", "subtract", "multiply", "divide", "power", "maximum", "arctan2", "less", "floorDivide", "mod"]],
    ["int32", ["add", "subtract", "multiply", "floorDivide", "mod", "minimum", "equal"]],
    ["complex128", ["add", "subtract", "multiply", "divide", "equal"]],
    ["bool", ["add", "multiply", "logicalXor", "greater"]],
  ];

  it.each(cases)("a broadcast op on strided %s operands equals the op on explicitly tiled copies", (dtype, names) => {
    fc.assert(
      fc.property(pairArb, fc.constantFrom(...names), ({ a, b }, name) => {
        const A = strided(a.s, a.l, dtype, testFill(dtype)).view;
        const B = strided(b.s, b.l, dtype, (p) => testFill(dtype)(p + 5)).view;
        const shape = broadcastRule(a.s, b.s)!;
        const got = np[name](A, B);
        const want = np[name](tile(A, shape), tile(B, shape));
        expect(got.shape).toEqual(shape);
        expect(got.dtype).toBe(want.dtype);
        expectSameNumbers(flat(got), flat(want));
      }),
      { numRuns: 60 },
    );
  });

  it("names the function and both shapes when shapes do not broadcast", () => {
    expectError(() => np.add(np.zeros([2, 3]), np.zeros([4])), ShapeError, "add", "(2,3)", "(4,)");
    expectError(() => np.multiply(np.zeros([2, 2]), np.zeros([3, 2, 3])), ShapeError, "multiply", "(2,2)", "(3,2,3)");
    expectError(() => np.broadcastShapes([2], [3]), ShapeError, "broadcastShapes", "(2,)", "(3,)");
  });
});

// ------------------------------------------------------------------ inputs are never modified

describe("inputs are never modified", () => {
  it.each(ALL_DTYPES)("by any binary ufunc on strided %s views (and scalars, and nested arrays)", (dtype) => {
    for (const name of BINARY) {
      const a = viewOf(dtype);
      const b = viewOf(dtype, [3], { perm: [0], steps: [-2], starts: [1], pads: [0] });
      const [sa, sb] = [snapshot(a.base), snapshot(b.base)];
      const r = attempt(() => np[name](a.view, b.view));
      const r2 = attempt(() => np[name](b.view, 2));
      const list = [[1, 2, 3]];
      attempt(() => np[name](list, a.view));
      expect(snapshot(a.base), name).toEqual(sa);
      expect(snapshot(b.base), name).toEqual(sb);
      expect(list).toEqual([[1, 2, 3]]);
      for (const x of [r, r2]) if (x) expect(x.data === a.base.data || x.data === b.base.data).toBe(false);
    }
  });

  it.each(ALL_DTYPES)("by any unary ufunc, round and clip on strided %s views", (dtype) => {
    for (const name of UNARY) {
      const a = viewOf(dtype);
      const s = snapshot(a.base);
      const r = attempt(() => np[name](a.view));
      expect(snapshot(a.base), name).toEqual(s);
      if (r) expect(r.data).not.toBe(a.base.data);
    }
    const a = viewOf(dtype);
    const s = snapshot(a.base);
    attempt(() => np.round(a.view, 1));
    attempt(() => np.round(a.view, -1));
    attempt(() => np.clip(a.view, 0, 1));
    attempt(() => np.where(a.view, a.view, 0));
    expect(snapshot(a.base)).toEqual(s);
  });
});

// ------------------------------------------------------------------ out

describe("out", () => {
  it("receives the result of every binary ufunc in its own dtype and is returned", () => {
    for (const name of BINARY) {
      const a = viewOf("float64").view;
      const b = np.array([0.5, -1, 2]);
      const expected = np[name](a, b);
      const out = np.zeros([2, 3], expected.dtype);
      const r = np[name](a, b, { out });
      expect(r, name).toBe(out);
      expectSameNumbers(flat(out), flat(expected));
    }
  });

  it("receives the result of every unary ufunc", () => {
    for (const name of UNARY) {
      const a = viewOf("float64").view;
      const expected = np[name](a);
      const out = np.zeros([2, 3], expected.dtype);
      expect(np[name](a, { out }), name).toBe(out);
      expectSameNumbers(flat(out), flat(expected));
    }
  });

  it("may be a strided view; the rest of its buffer is untouched", () => {
    const big = np.full([4, 5], -9);
    const out = big.slice("::-2", "1::2").T; // (2, 2), strides (2, -10)
    np.add(
      np.array([
        [1, 2],
        [3, 4],
      ]),
      10,
      { out },
    );
    expect(out.toArray()).toEqual([
      [11, 12],
      [13, 14],
    ]);
    expect(flat(big).filter((v) => v === -9).length).toBe(16);
  });

  it("casts the result into out's dtype", () => {
    const f32 = np.zeros([2], "float32");
    np.add(np.array([0.1, 0.2]), 1, { out: f32 });
    expect(f32.toArray()).toEqual([Math.fround(1.1), Math.fround(1.2)]);
    const f64 = np.zeros([2]);
    np.add(np.array([2147483647, 1], "int32"), 1, { out: f64 });
    expect(f64.toArray()).toEqual([-2147483648, 2]); // the int32 loop wraps, then casts
    const i32 = np.zeros([3], "int32");
    np.less(np.array([1, 2, 3], "int32"), 2, { out: i32 });
    expect(i32.toArray()).toEqual([1, 0, 0]);
    const c = np.zeros([2], "complex128");
    np.sqrt(np.array([4, 9], "int32"), { out: c });
    expect(c.toArray()).toEqual([
      { re: 2, im: 0 },
      { re: 3, im: 0 },
    ]);
  });

  it("works in place: np.add(A, 5, { out: A })", () => {
    for (const dtype of ["int32", "float64", "float32", "complex128"] as DType[]) {
      const A = np.arange(6).reshape(2, 3).astype(dtype);
      const r = np.add(A, 5, { out: A });
      expect(r).toBe(A);
      expect(flat(A.astype("float64"))).toEqual([5, 6, 7, 8, 9, 10]);
    }
    const B = np.arange(12).reshape(3, 4).astype("float64");
    const v = B.slice("::-1", "1::2");
    np.multiply(v, v, { out: v });
    expect(B.toArray()).toEqual([
      [0, 1, 2, 9],
      [4, 25, 6, 49],
      [8, 81, 10, 121],
    ]);
    const C = np.array([1, 4, 9]);
    np.sqrt(C, { out: C });
    expect(C.toArray()).toEqual([1, 2, 3]);
  });

  it("reads overlapping inputs before writing, as NumPy (which buffers)", () => {
    // NumPy: a = np.arange(0, 60, 10); np.add(a[:-1], 1, out=a[1:]) -> [0, 1, 11, 21, 31, 41]
    const a = np.arange(0, 60, 10);
    np.add(a.slice(":-1"), 1, { out: a.slice("1:") });
    expect(a.toArray()).toEqual([0, 1, 11, 21, 31, 41]);
    const b = np.arange(0, 60, 10);
    np.add(b.slice("1:"), 1, { out: b.slice(":-1") });
    expect(b.toArray()).toEqual([11, 21, 31, 41, 51, 50]);
    // np.negative(a[::-1], out=a) -> [-50, -40, -30, -20, -10, 0]
    const c = np.arange(0, 60, 10);
    np.negative(c.slice("::-1"), { out: c });
    expect(c.toArray()).toEqual([-50, -40, -30, -20, -10, 0]);
    // np.add(a.T, a, out=a) for a = arange(9).reshape(3, 3)
    const d = np.arange(9).reshape(3, 3);
    np.add(d.T, d, { out: d });
    expect(d.toArray()).toEqual([
      [0, 4, 8],
      [4, 8, 12],
      [8, 12, 16],
    ]);
  });

  it("with random overlapping windows of one buffer equals the op on copies (property)", () => {
    const windowArb = fc.record({ start: fc.nat({ max: 9 }), step: fc.constantFrom(1, 2, -1, -2), length: fc.nat({ max: 10 }) });
    const take = (x: NDArray, w: { start: number; step: number }, n: number) => x.slice({ start: w.start, stop: null, step: w.step }).slice(`:${n}`);
    fc.assert(
      fc.property(windowArb, windowArb, windowArb, fc.constantFrom<BinaryName>("add", "subtract", "multiply", "maximum", "power"), (wo, w1, w2, name) => {
        const x = np.arange(10).multiply(1.5).add(-4);
        const n = Math.min(wo.length, take(x, wo, 99).size, take(x, w1, 99).size, take(x, w2, 99).size);
        const [o, i1, i2] = [take(x, wo, n), take(x, w1, n), take(x, w2, n)];
        const expectedValues = np[name](i1.copy(), i2.copy());
        const expected = x.copy();
        take(expected, wo, n).set(expectedValues);
        np[name](i1, i2, { out: o });
        expectSameNumbers(flat(x), flat(expected));
      }),
    );
  });

  it("rejects a wrong shape, a read-only out and a complex result into a real out", () => {
    expectError(() => np.add(np.zeros([3]), 1, { out: np.zeros([4]) }), ShapeError, "add", "(4,)", "(3,)");
    expectError(() => np.sqrt(np.zeros([2, 2]), { out: np.zeros([4]) }), ShapeError, "sqrt", "(4,)", "(2,2)");
    expectError(() => np.add(np.zeros([3]), 1, { out: np.zeros([3]).broadcastTo([3]) }), ValueError, "add", "read-only");
    const c = np.array([{ re: 1, im: 1 }]);
    expectError(() => np.multiply(c, c, { out: np.zeros([1]) }), DTypeError, "multiply", "complex128", "float64");
  });
});

describe("array methods", () => {
  it("call the ufuncs", () => {
    const a = np.array([1, 2, 3], "int32");
    expect(a.add(1).toArray()).toEqual([2, 3, 4]);
    expect(a.subtract([1, 1, 1]).toArray()).toEqual([0, 1, 2]);
    expect(a.multiply(a).toArray()).toEqual([1, 4, 9]);
    expect(a.divide(2).toArray()).toEqual([0.5, 1, 1.5]);
    expect(a.floorDivide(2).toArray()).toEqual([0, 1, 1]);
    expect(a.mod(2).toArray()).toEqual([1, 0, 1]);
    expect(a.power(2).toArray()).toEqual([1, 4, 9]);
    expect(a.maximum(2).toArray()).toEqual([2, 2, 3]);
    expect(a.minimum(2).toArray()).toEqual([1, 2, 2]);
    expect(a.equal(2).toArray()).toEqual([false, true, false]);
    expect(a.notEqual(2).toArray()).toEqual([true, false, true]);
    expect(a.less(2).toArray()).toEqual([true, false, false]);
    expect(a.lessEqual(2).toArray()).toEqual([true, true, false]);
    expect(a.greater(2).toArray()).toEqual([false, false, true]);
    expect(a.greaterEqual(2).toArray()).toEqual([false, true, true]);
    expect(a.negative().toArray()).toEqual([-1, -2, -3]);
    expect(a.negative().abs().toArray()).toEqual([1, 2, 3]);
    expect(a.square().sqrt().toArray()).toEqual([1, 2, 3]);
    expect(a.exp().log().dtype).toBe("float64");
    expect(a.sin().toArray()).toEqual(flat(a).map(Math.sin));
    expect(a.cos().toArray()).toEqual(flat(a).map(Math.cos));
    expect(a.tanh().toArray()).toEqual(flat(a).map(Math.tanh));
    expect(
      np
        .array([{ re: 1, im: 2 }])
        .conj()
        .real()
        .toArray(),
    ).toEqual([1]);
    expect(
      np
        .array([{ re: 1, im: 2 }])
        .imag()
        .toArray(),
    ).toEqual([2]);
    const out = np.zeros([3], "int32");
    expect(a.add(1, { out })).toBe(out);
  });

  it("accept nested arrays and reject ragged ones naming the function", () => {
    expect(
      np
        .add(
          [
            [1, 2],
            [3, 4],
          ],
          1,
        )
        .toArray(),
    ).toEqual([
      [2, 3],
      [4, 5],
    ]);
    expectError(() => np.add([[1, 2], [3]], 1), ValueError, "add", "ragged", "length 2", "length 1");
    expectError(() => np.sqrt([[1], 2]), ValueError, "sqrt", "ragged");
  });
});

describe("layouts used above", () => {
  it("are what they say (a transposed, stepped, reversed 2×3 view)", () => {
    const v = viewOf("float64").view;
    expect(v.shape).toEqual([2, 3]);
    expect(v.flags.cContiguous || v.flags.fContiguous).toBe(false);
    expect(strided([2], contiguous(1)).view.flags.cContiguous).toBe(true);
  });
});
