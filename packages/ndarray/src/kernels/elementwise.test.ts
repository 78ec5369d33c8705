/**
 * The strided map kernels and their reference twins under the same tests (docs/style.md §6):
 * `mapBinary` / `mapBinaryReference` and `mapUnary` / `mapUnaryReference`.
 *
 * Each case is a random output shape (0-d and zero-size included), operands broadcast to it
 * from random strided layouts (steps, reversed axes, offsets, transposes, stride 0), and a
 * strided output cut from a sentinel-filled buffer. The oracle reads every operand through
 * its model (test/arbitraries.ts), applies the scalar function and rounds to the output's
 * buffer type; element-wise operations are exact, so results must match bit for bit, the
 * sentinel must survive outside the output view, and the inputs must be untouched.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  broadcastableArb,
  broadcastOperand,
  expectSameNumbers,
  indices,
  layoutArb,
  shapeArb,
  strided,
  type Layout,
  type StridedCase,
} from "../../test/arbitraries.js";
import type { DType } from "../dtype.js";
import {
  forEachIndex,
  mapBinary,
  mapBinaryReference,
  mapComplexBinary,
  mapComplexUnary,
  mapUnary,
  mapUnaryReference,
  Op,
  UnaryOp,
  type Binary,
  type Unary,
} from "./elementwise.js";
import { unaryScalar } from "./elementwise-f64.js";

type RealDType = "float64" | "float32" | "int32";

/** What a buffer of `dtype` stores for the number x. */
function store(dtype: RealDType, x: number): number {
  return dtype === "float32" ? Math.fround(x) : dtype === "int32" ? x | 0 : x;
}

/** Deterministic test values in [-5, 5) with two decimals, and some zeros, from a seed. */
const valueFill = (seed: number) => (p: number) => {
  const h = Math.imul(p + 1, 2654435761) ^ seed;
  const v = ((h >>> 0) % 1000) - 500;
  return v % 7 === 0 ? 0 : v / 100;
};

const intFill = (seed: number) => (p: number) => {
  const h = Math.imul(p + 1, 2654435761) ^ seed;
  // mostly small, some near the int32 limits to exercise wrapping
  return h % 5 === 0 ? h | 0 : (h % 20) - 10;
};

const SENTINEL = -12345;

/** One operand's shape (broadcastable to the target) and layout. */
const operandArb = (target: number[]) => broadcastableArb(target).chain((shape) => layoutArb(shape.length).map((layout) => ({ shape, layout })));

const binaryCaseArb = shapeArb({ maxNdim: 4, maxDim: 4 }).chain((target) =>
  fc.record({
    target: fc.constant(target),
    a: operandArb(target),
    b: operandArb(target),
    out: layoutArb(target.length),
    seed: fc.integer(),
  }),
);

interface BinaryCase {
  target: number[];
  a: { shape: number[]; layout: Layout };
  b: { shape: number[]; layout: Layout };
  out: Layout;
  seed: number;
}

function buildBinary(c: BinaryCase, dtype: RealDType): { A: StridedCase; B: StridedCase; O: StridedCase } {
  const fill = dtype === "int32" ? intFill : valueFill;
  return {
    A: broadcastOperand(c.a.shape, c.target, c.a.layout, dtype, fill(c.seed)),
    B: broadcastOperand(c.b.shape, c.target, c.b.layout, dtype, fill(c.seed ^ 0x5bd1e995)),
    O: strided(c.target, c.out, dtype, () => SENTINEL),
  };
}

/** Check out against the oracle f(a, b) at every index, and the sentinel everywhere else. */
function checkBinary(dtype: RealDType, c: BinaryCase, A: StridedCase, B: StridedCase, O: StridedCase, f: Binary): void {
  const expected = Array.from(O.base.data);
  for (const idx of indices(c.target)) {
    const x = A.base.data[A.model.at(idx)];
    const y = B.base.data[B.model.at(idx)];
    expected[O.model.at(idx)] = store(dtype, f(x, y));
  }
  expectSameNumbers(Array.from(O.base.data), expected);
}

const OPS: [string, Op, Binary][] = [
  ["add", Op.Add, (x, y) => x + y],
  ["subtract", Op.Subtract, (x, y) => x - y],
  ["multiply", Op.Multiply, (x, y) => x * y],
  ["divide", Op.Divide, (x, y) => x / y],
  ["generic atan2", Op.Generic, Math.atan2],
  ["generic imul", Op.Generic, Math.imul],
];

const BINARY_KERNELS = [
  ["mapBinary", mapBinary],
  ["mapBinaryReference", mapBinaryReference],
] as const;

describe.each(BINARY_KERNELS)("%s", (_name, kernel) => {
  describe.each(["float64", "float32", "int32"] as const)("on %s buffers", (dtype) => {
    it.each(OPS)("%s matches the oracle on random strided and broadcast operands (property)", (_op, op, f) => {
      fc.assert(
        fc.property(binaryCaseArb, (c) => {
          const { A, B, O } = buildBinary(c, dtype);
          const a0 = Array.from(A.base.data);
          const b0 = Array.from(B.base.data);
          kernel(c.target, A.view, B.view, O.view, op, f);
          checkBinary(dtype, c, A, B, O, f);
          expect(Array.from(A.base.data)).toEqual(a0);
          expect(Array.from(B.base.data)).toEqual(b0);
        }),
        { numRuns: 40 },
      );
    });
  });

  it("takes every fast path: contiguous pair, scalar on either side, broadcast column, general strides", () => {
    const a = new Float64Array([1, 2, 3, 4, 5, 6]);
    const b = new Float64Array([10, 20, 30]);
    const run = (sa: number[], sb: number[], bo = 0) => {
      const out = new Float64Array(6);
      kernel(
        [2, 3],
        { data: a, dtype: "float64", strides: sa, offset: 0 },
        { data: b, dtype: "float64", strides: sb, offset: bo },
        { data: out, dtype: "float64", strides: [3, 1], offset: 0 },
        Op.Subtract,
        (x, y) => x - y,
      );
      return Array.from(out);
    };
    expect(run([3, 1], [0, 1])).toEqual([-9, -18, -27, -6, -15, -24]); // row broadcast: unit strides
    expect(run([3, 1], [0, 0], 2)).toEqual([-29, -28, -27, -26, -25, -24]); // scalar b
    expect(run([1, 0], [0, 1])).toEqual([-9, -19, -29, -8, -18, -28]); // a broadcast along the run
    expect(run([3, 1], [1, 0])).toEqual([-9, -8, -7, -16, -15, -14]); // column b: stride 0 in the run
    expect(run([1, 2], [0, -1], 2)).toEqual([-29, -17, -5, -28, -16, -4]); // general strides
  });

  it("handles 0-d and zero-size shapes", () => {
    const out = new Float64Array([SENTINEL, SENTINEL]);
    kernel(
      [],
      { data: new Float64Array([2]), dtype: "float64", strides: [], offset: 0 },
      { data: new Float64Array([0, 5]), dtype: "float64", strides: [], offset: 1 },
      { data: out, dtype: "float64", strides: [], offset: 1 },
      Op.Multiply,
      (x, y) => x * y,
    );
    expect(Array.from(out)).toEqual([SENTINEL, 10]);
    const none = new Float64Array([SENTINEL]);
    kernel(
      [2, 0, 3],
      { data: new Float64Array(1), dtype: "float64", strides: [0, 0, 0], offset: 0 },
      { data: new Float64Array(1), dtype: "float64", strides: [0, 0, 0], offset: 0 },
      { data: none, dtype: "float64", strides: [0, 3, 1], offset: 0 },
      Op.Add,
      (x, y) => x + y,
    );
    expect(none[0]).toBe(SENTINEL);
  });
});

// ------------------------------------------------------------------ unary

const unaryCaseArb = shapeArb({ maxNdim: 4, maxDim: 4 }).chain((target) =>
  fc.record({ target: fc.constant(target), a: operandArb(target), out: layoutArb(target.length), seed: fc.integer() }),
);

const UNARY: [string, Unary][] = [
  ["sqrt", Math.sqrt],
  ["affine", (x) => 3 * x - 1],
  ["negate", (x) => -x],
];

const UNARY_KERNELS = [
  ["mapUnary", mapUnary],
  ["mapUnaryReference", mapUnaryReference],
] as const;

describe.each(UNARY_KERNELS)("%s", (_name, kernel) => {
  describe.each(["float64", "float32", "int32"] as const)("on %s buffers", (dtype) => {
    it.each(UNARY)("%s matches the oracle on random strided and broadcast operands (property)", (_f, f) => {
      fc.assert(
        fc.property(unaryCaseArb, (c) => {
          const fill = dtype === "int32" ? intFill : valueFill;
          const A = broadcastOperand(c.a.shape, c.target, c.a.layout, dtype, fill(c.seed));
          const O = strided(c.target, c.out, dtype, () => SENTINEL);
          const a0 = Array.from(A.base.data);
          kernel(c.target, A.view, O.view, f);
          const expected = Array.from(O.base.data);
          for (const idx of indices(c.target)) expected[O.model.at(idx)] = store(dtype, f(A.base.data[A.model.at(idx)]));
          expectSameNumbers(Array.from(O.base.data), expected);
          expect(Array.from(A.base.data)).toEqual(a0);
        }),
        { numRuns: 40 },
      );
    });
  });

  it("handles 0-d and zero-size shapes", () => {
    const out = new Float64Array([SENTINEL]);
    kernel(
      [],
      { data: new Float64Array([0, 9]), dtype: "float64", strides: [], offset: 1 },
      { data: out, dtype: "float64", strides: [], offset: 0 },
      Math.sqrt,
    );
    expect(out[0]).toBe(3);
    kernel(
      [0, 4],
      { data: new Float64Array(0), dtype: "float64", strides: [4, 1], offset: 0 },
      { data: out, dtype: "float64", strides: [4, 1], offset: 0 },
      Math.sqrt,
    );
    expect(out[0]).toBe(3);
  });
});

describe("fast kernels and reference twins agree bit for bit", () => {
  it("mapBinary = mapBinaryReference, mapUnary = mapUnaryReference (property)", () => {
    fc.assert(
      fc.property(binaryCaseArb, fc.constantFrom(...OPS), fc.constantFrom<RealDType>("float64", "float32", "int32"), (c, [, op, f], dtype) => {
        const fast = buildBinary(c, dtype);
        const ref = buildBinary(c, dtype);
        mapBinary(c.target, fast.A.view, fast.B.view, fast.O.view, op, f);
        mapBinaryReference(c.target, ref.A.view, ref.B.view, ref.O.view, op, f);
        expectSameNumbers(Array.from(fast.O.base.data), Array.from(ref.O.base.data));
        const u1 = strided(c.target, c.out, dtype, () => SENTINEL);
        const u2 = strided(c.target, c.out, dtype, () => SENTINEL);
        mapUnary(c.target, fast.A.view, u1.view, Math.cos);
        mapUnaryReference(c.target, ref.A.view, u2.view, Math.cos);
        expectSameNumbers(Array.from(u1.base.data), Array.from(u2.base.data));
      }),
      { numRuns: 150 },
    );
  });
});

describe("forEachIndex", () => {
  it("visits index tuples in C order; none for zero-size, one for 0-d", () => {
    const seen: number[][] = [];
    forEachIndex([2, 2], (idx) => seen.push(idx.slice()));
    expect(seen).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
    let count = 0;
    forEachIndex([3, 0], () => count++);
    expect(count).toBe(0);
    forEachIndex([], () => count++);
    expect(count).toBe(1);
  });
});

// ------------------------------------------------------------------ complex maps

describe("mapComplexBinary, mapComplexUnary", () => {
  const cdtype: DType = "complex128";

  it("apply the complex function to strided, broadcast operands, pairs or single slots out (property)", () => {
    fc.assert(
      fc.property(binaryCaseArb, fc.boolean(), (c, pairs) => {
        const A = broadcastOperand(c.a.shape, c.target, c.a.layout, cdtype, valueFill(c.seed));
        const B = broadcastOperand(c.b.shape, c.target, c.b.layout, cdtype, valueFill(~c.seed));
        const O = strided(c.target, c.out, pairs ? cdtype : "float64", () => SENTINEL);
        // (a·b) as pairs, or Re(a·conj(b)) in one slot
        mapComplexBinary(c.target, A.view, B.view, O.view, pairs, (ar, ai, br, bi, o, k) => {
          o[k] = pairs ? ar * br - ai * bi : ar * br + ai * bi;
          if (pairs) o[k + 1] = ar * bi + ai * br;
        });
        const expected = Array.from(O.base.data);
        const w = pairs ? 2 : 1;
        for (const idx of indices(c.target)) {
          const [ar, ai] = [A.base.data[2 * A.model.at(idx)], A.base.data[2 * A.model.at(idx) + 1]];
          const [br, bi] = [B.base.data[2 * B.model.at(idx)], B.base.data[2 * B.model.at(idx) + 1]];
          const p = w * O.model.at(idx);
          if (pairs) {
            expected[p] = ar * br - ai * bi;
            expected[p + 1] = ar * bi + ai * br;
          } else expected[p] = ar * br + ai * bi;
        }
        expectSameNumbers(Array.from(O.base.data), expected);

        const U = strided(c.target, c.out, cdtype, () => SENTINEL);
        mapComplexUnary(c.target, A.view, U.view, true, (ar, ai, o, k) => {
          o[k] = ai;
          o[k + 1] = ar;
        });
        const ue = Array.from(U.base.data);
        for (const idx of indices(c.target)) {
          const q = 2 * A.model.at(idx);
          ue[2 * U.model.at(idx)] = A.base.data[q + 1];
          ue[2 * U.model.at(idx) + 1] = A.base.data[q];
        }
        expectSameNumbers(Array.from(U.base.data), ue);
      }),
      { numRuns: 60 },
    );
  });
});

describe("mapUnary with a dedicated float64 operator (UnaryOp) = mapUnaryReference", () => {
  const UNARY_OPS: [string, UnaryOp][] = [
    ["square", UnaryOp.Square],
    ["sqrt", UnaryOp.Sqrt],
    ["negative", UnaryOp.Negative],
    ["abs", UnaryOp.Abs],
    ["copy", UnaryOp.Copy],
    ["reciprocal", UnaryOp.Reciprocal],
  ];
  it.each(UNARY_OPS)("%s on random strided and broadcast float64 operands, bit for bit (property)", (_name, op) => {
    const f: Unary = (x) => unaryScalar(op, x);
    fc.assert(
      fc.property(unaryCaseArb, (c) => {
        const A = broadcastOperand(c.a.shape, c.target, c.a.layout, "float64", valueFill(c.seed));
        const fast = strided(c.target, c.out, "float64", () => SENTINEL);
        const ref = strided(c.target, c.out, "float64", () => SENTINEL);
        mapUnary(c.target, A.view, fast.view, f, op);
        mapUnaryReference(c.target, A.view, ref.view, f, op);
        expectSameNumbers(Array.from(fast.base.data), Array.from(ref.base.data));
      }),
      { numRuns: 40 },
    );
  });

  it("the (500, 500, 10)-style broadcast subtract (short rows, stride-0 rows) equals the reference", () => {
    // X[:, None, :] − X[None, :, :] for X 7×3: blocks of 7 rows × 3
    const x = Float64Array.from({ length: 21 }, (_, k) => Math.sin(k) * 4);
    const run = (kernel: typeof mapBinary) => {
      const out = new Float64Array(7 * 7 * 3);
      kernel(
        [7, 7, 3],
        { data: x, dtype: "float64", strides: [3, 0, 1], offset: 0 },
        { data: x, dtype: "float64", strides: [0, 3, 1], offset: 0 },
        { data: out, dtype: "float64", strides: [21, 3, 1], offset: 0 },
        Op.Subtract,
        (p, q) => p - q,
      );
      return Array.from(out);
    };
    expect(run(mapBinary)).toEqual(run(mapBinaryReference));
    expect(run(mapBinary)[(2 * 7 + 5) * 3 + 1]).toBe(x[2 * 3 + 1] - x[5 * 3 + 1]);
  });
});
