import { describe, expect, it } from "vitest";
import { runArithF64 } from "./elementwise-f64.js";
import { Op } from "./elementwise-op.js";

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
