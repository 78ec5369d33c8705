import { describe, expect, it } from "vitest";
import { runArithBlockF64, runArithF64, runUnaryF64, unaryScalar } from "./elementwise-f64.js";
import { Op, UnaryOp } from "./elementwise-op.js";

// The unrolled float64 loops against the one-line definition of each operator, for every
// remainder length around the unroll factor, every stride pattern, and offsets.
const ops: [string, Op, (x: number, y: number) => number][] = [
  ["add", Op.Add, (x, y) => x + y],
  ["subtract", Op.Subtract, (x, y) => x - y],
  ["multiply", Op.Multiply, (x, y) => x * y],
  ["divide", Op.Divide, (x, y) => x / y],
];
const patterns: [number, number][] = [
  [1, 1],
  [1, 0],
  [0, 1],
];

describe.each(ops)("runArithF64 %s", (_name, op, f) => {
  it.each(patterns)("strides (%i, %i) agree with the definition, exactly, for n = 0..40", (sa, sb) => {
    for (let n = 0; n <= 40; n++) {
      const A = Float64Array.from({ length: n + 3 }, (_, k) => Math.sin(k + 1) * 10 - 3);
      const B = Float64Array.from({ length: n + 5 }, (_, k) => Math.cos(k + 2) * 7 + 0.5);
      const O = new Float64Array(n + 4).fill(NaN);
      expect(runArithF64(op, O, 2, A, 3 - 3 * sa, sa, B, 1, sb, n)).toBe(true);
      for (let k = 0; k < n; k++) expect(O[2 + k]).toBe(f(A[3 - 3 * sa + k * sa], B[1 + k * sb]));
      // nothing outside the run is written
      expect(O[0]).toBeNaN();
      expect(O[1]).toBeNaN();
      if (n + 2 < O.length) expect(O[n + 2]).toBeNaN();
    }
  });
});

it("runArithF64 declines operators without a dedicated loop", () => {
  expect(runArithF64(Op.Generic, new Float64Array(1), 0, new Float64Array(1), 0, 1, new Float64Array(1), 0, 1, 1)).toBe(false);
});

// ------------------------------------------------------------------ 2-D blocks and unary loops

describe.each(ops)("runArithBlockF64 %s", (_name, op, f) => {
  it.each(patterns)("row blocks with element strides (%i, %i) agree with the definition, for short and long rows", (sa, sb) => {
    for (const [rows, n] of [
      [3, 1],
      [4, 7],
      [5, 10],
      [3, 15],
      [2, 16],
      [3, 21],
    ] as const) {
      // A advances a row at a time (ri = n or 0: a broadcast row), B likewise; O rows have a gap
      for (const [ri, rj] of [
        [n, n],
        [0, n],
        [n, 0],
      ]) {
        const A = Float64Array.from({ length: rows * n + 4 }, (_, k) => Math.sin(k + 1) * 10 - 3);
        const B = Float64Array.from({ length: rows * n + 4 }, (_, k) => Math.cos(k + 2) * 7 + 0.5);
        const ro = n + 2;
        const O = new Float64Array(rows * ro + 2).fill(NaN);
        expect(runArithBlockF64(op, rows, n, O, 1, ro, 1, A, 2, ri * sa, sa, B, 1, rj * sb, sb)).toBe(true);
        const expected = new Float64Array(O.length).fill(NaN);
        for (let r = 0; r < rows; r++) for (let k = 0; k < n; k++) expected[1 + r * ro + k] = f(A[2 + r * ri * sa + k * sa], B[1 + r * rj * sb + k * sb]);
        expect(Array.from(O)).toEqual(Array.from(expected));
      }
    }
  });
});

it("runArithBlockF64 declines strides it has no loop for, and Op.Generic", () => {
  const z = new Float64Array(8);
  expect(runArithBlockF64(Op.Add, 2, 2, z, 0, 2, 2, z, 0, 2, 1, z, 0, 2, 1)).toBe(false); // out stride 2
  expect(runArithBlockF64(Op.Add, 2, 2, z, 0, 2, 1, z, 0, 2, 2, z, 0, 2, 1)).toBe(false); // a stride 2
  expect(runArithBlockF64(Op.Generic, 2, 2, z, 0, 2, 1, z, 0, 2, 1, z, 0, 2, 1)).toBe(false);
});

const unaryOps: [string, UnaryOp][] = [
  ["square", UnaryOp.Square],
  ["sqrt", UnaryOp.Sqrt],
  ["negative", UnaryOp.Negative],
  ["abs", UnaryOp.Abs],
  ["copy", UnaryOp.Copy],
  ["reciprocal", UnaryOp.Reciprocal],
];
const specials = [0, -0, 1, -1, 0.5, -2.5, 1e-310, 1e308, -1e308, Infinity, -Infinity, NaN, 3.3, 1e-160];

describe.each(unaryOps)("runUnaryF64 %s", (_name, op) => {
  it("agrees with its scalar definition at unit and general strides, special values included", () => {
    for (const [sa, so] of [
      [1, 1],
      [2, 1],
      [1, 3],
      [-1, 1],
    ]) {
      const n = specials.length + 9;
      const A = Float64Array.from({ length: 3 * n }, (_, k) => (k < specials.length ? specials[k] : Math.sin(k) * 10 ** ((k % 7) - 3)));
      const O = new Float64Array(3 * n + 4).fill(12345);
      const i = sa < 0 ? A.length - 1 : 0;
      runUnaryF64(op, O, 2, so, A, i, sa, n);
      for (let k = 0; k < n; k++) expect(Object.is(O[2 + k * so], unaryScalar(op, A[i + k * sa])), `k=${k}`).toBe(true);
      expect(O[0]).toBe(12345);
    }
  });
});

it("unaryScalar is each operator's definition, and refuses Generic", () => {
  expect(unaryScalar(UnaryOp.Square, -3)).toBe(9);
  expect(unaryScalar(UnaryOp.Sqrt, 9)).toBe(3);
  expect(Object.is(unaryScalar(UnaryOp.Negative, 0), -0)).toBe(true);
  expect(unaryScalar(UnaryOp.Abs, -2)).toBe(2);
  expect(unaryScalar(UnaryOp.Copy, 7)).toBe(7);
  expect(unaryScalar(UnaryOp.Reciprocal, -0)).toBe(-Infinity);
  expect(() => unaryScalar(UnaryOp.Generic, 1)).toThrow(/internal/);
});
