import * as np from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { randomMatrix } from "../../test/corpus.js";
import { expectClose, matrices, mul } from "../../test/invariants.js";
import { LinAlgError } from "../errors.js";
import { inv } from "./inv.js";
import { matrixPower } from "./matrix-power.js";

describe("matrixPower", () => {
  it("Fibonacci by squaring; int matrices stay int", () => {
    // int32 given explicitly: plain JS numbers are float64
    const f = matrixPower(
      np.array(
        [
          [1, 1],
          [1, 0],
        ],
        "int32",
      ),
      10,
    );
    expect(f.toArray()).toEqual([
      [89, 55],
      [55, 34],
    ]);
    expect(f.dtype).toBe("int32");
  });

  it.each([0, 1, 2, 3, 4, 5, 7, 8, 13])("A^%i equals the repeated product", (n) => {
    const a = randomMatrix([2, 4, 4], n).multiply(0.5);
    const p = matrixPower(a, n);
    expect(p.shape).toEqual([2, 4, 4]);
    matrices(a).forEach((m, b) => {
      let r = matrices(np.eye(4))[0];
      for (let i = 0; i < n; i++) r = mul(r, m);
      expectClose(p.slice(b), [r], 1e-12, 1e-13);
    });
  });

  it("n = 0 is the identity in a's dtype; negative powers invert", () => {
    const z = matrixPower(randomMatrix([3, 3], 1, "float32"), 0);
    expect(z.dtype).toBe("float32");
    expect(z.toArray()).toEqual(np.eye(3).toArray());
    expect(matrixPower(np.eye(2, { dtype: "int32" }), 0).dtype).toBe("int32");
    const a = randomMatrix([3, 3], 2).add(np.eye(3).multiply(3));
    expectClose(matrixPower(a, -2), matrixPower(inv(a), 2), 1e-13, 1e-14);
    expect(
      matrixPower(
        [
          [1, 2],
          [3, 4],
        ],
        -1,
      ).dtype,
    ).toBe("float64");
  });

  it("errors: non-square, singular inverse, non-integer exponent", () => {
    expect(() => matrixPower(np.zeros([2, 3]), 2)).toThrow(LinAlgError);
    expect(() =>
      matrixPower(
        [
          [1, 2],
          [2, 4],
        ],
        -1,
      ),
    ).toThrow(expect.objectContaining({ kind: "singular" }));
    expect(() => matrixPower(np.eye(2), 1.5)).toThrow(TypeError);
  });

  it("bool stays bool, as NumPy's matrix_power and matmul", () => {
    // np.linalg.matrix_power(np.array([[True, False], [True, True]]), k) for k = 1, 2, 3, 5 -> [[T, F], [T, T]]
    const a = np.array([
      [true, false],
      [true, true],
    ]);
    for (const k of [1, 2, 3, 5]) {
      const r = matrixPower(a, k);
      expect(r.dtype).toBe("bool");
      expect(r.toArray()).toEqual([
        [true, false],
        [true, true],
      ]);
    }
    const z = matrixPower(a, 0);
    expect(z.dtype).toBe("bool");
    expect(z.toArray()).toEqual([
      [true, false],
      [false, true],
    ]);
    // a permutation cycle: P³ = I; int32 counts would have given 1s too, but a 2-cycle of all-true
    // rows must stay true (a count of 2^k in int32 would wrap to 0 at k = 32)
    const t = np.array([
      [true, true],
      [true, true],
    ]);
    expect(matrixPower(t, 40).toArray()).toEqual([
      [true, true],
      [true, true],
    ]);
    // negative powers go through inv: float64
    expect(matrixPower(a, -1).dtype).toBe("float64");
  });

  it("the exponent must be an integer number: DTypeError (a TypeError, as NumPy) naming it", () => {
    for (const bad of [1.5, NaN, "2", null, 2n]) {
      expect(() => matrixPower(np.eye(2), bad as unknown as number)).toThrow(/^matrixPower: exponent must be an integer, got /);
    }
  });
});
