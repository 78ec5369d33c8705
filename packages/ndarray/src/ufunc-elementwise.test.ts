/**
 * Universal functions, the element-wise functions one at a time: rounding (rint and round half
 * to even, round with decimals, floor, ceil, trunc, sign), the real functions against
 * Math's scalar functions (float32 stays float32), the bool-valued predicates, and power's
 * scalar-exponent fast path against np.power bit for bit.
 *
 * Expected values marked "NumPy" were printed by NumPy 1.24.2, those under "(NumPy 2.4)" by
 * NumPy 2.4 (the call in the comment). Element-wise results of the same scalar function are
 * exact, so most comparisons are exact; results compared with a hand-computed value of a
 * transcendental function allow a few ulps (4·eps·|x|).
 * Siblings: ufunc-core.test.ts (broadcasting, out, inputs), ufunc-dtype-semantics.test.ts,
 * ufunc-elementwise.test.ts, where-clip.test.ts.
 */
import { describe, expect, it } from "vitest";
import { expectError, expectSameNumbers, flat, strided } from "../test/arbitraries.js";
import * as np from "./index.js";
import { DTypeError, ValueError } from "./index.js";

/** The unary ufuncs compared with a JS scalar function below. */
type RealUnaryName =
  | "sqrt"
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
  | "abs"
  | "negative"
  | "square";

describe("rounding", () => {
  it("rint and round round half to even (NumPy)", () => {
    const x = np.array([0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 2.675, 0.125, 1e16 + 1, -0.4]);
    const expected = [0, 2, 2, 4, -0, -2, -2, 3, 0, 1e16, -0];
    expectSameNumbers(flat(np.rint(x)), expected);
    expectSameNumbers(flat(np.round(x)), expected);
    expectSameNumbers(flat(np.around(x)), expected);
    expectSameNumbers(flat(x.round()), expected);
  });

  it("round with decimals, positive and negative (NumPy)", () => {
    expect(np.round(np.array([0.125, 0.375, 2.675, -1.005]), 2).toArray()).toEqual([0.12, 0.38, 2.68, -1]);
    expect(np.round(np.array([15, 25, -35, 1234.5678]), -1).toArray()).toEqual([20, 20, -40, 1230]);
    const i = np.round(np.array([15, 25, -35, 150, 250], "int32"), -1);
    expect(i.dtype).toBe("int32");
    expect(i.toArray()).toEqual([20, 20, -40, 150, 250]);
    expect(np.round(np.array([3, 4], "int32"), 2).toArray()).toEqual([3, 4]);
    expect(np.round(np.array([1.5], "float32")).dtype).toBe("float32");
    // NumPy rounds the real and imaginary parts: np.round([1.5+2.5j, 0.125-0.135j], 2)
    expect(np.round(np.array([{ re: 1.5, im: 2.5 }]), 0).toArray()).toEqual([{ re: 2, im: 2 }]);
    expectError(() => np.round(np.array([1.5]), 0.5), ValueError, "round", "0.5");
  });

  it("floor, ceil, trunc and sign", () => {
    const x = np.array([-1.5, -0.5, 0.5, 1.5, -0, NaN]);
    expectSameNumbers(flat(np.floor(x)), [-2, -1, 0, 1, -0, NaN]);
    expectSameNumbers(flat(np.ceil(x)), [-1, -0, 1, 2, -0, NaN]);
    expectSameNumbers(flat(np.trunc(x)), [-1, -0, 0, 1, -0, NaN]);
    // NumPy: np.sign(-0.0) is 0.0
    expectSameNumbers(flat(np.sign(x)), [-1, -1, 1, 1, 0, NaN]);
    expect(np.sign(np.array([-3, 0, 5], "int32")).toArray()).toEqual([-1, 0, 1]);
    expect(np.sign(np.array([-3, 0, 5], "int32")).dtype).toBe("int32");
    expect(np.floor(np.array([3], "int32")).dtype).toBe("float64");
  });
});

describe("element-wise functions of real arrays", () => {
  const x = np.array([-0.75, -0.5, 0, 0.25, 0.5, 0.9]);
  const v = flat(x);
  const cases: [RealUnaryName, (t: number) => number][] = [
    ["sqrt", Math.sqrt],
    ["exp", Math.exp],
    ["log", Math.log],
    ["log2", Math.log2],
    ["log10", Math.log10],
    ["log1p", Math.log1p],
    ["expm1", Math.expm1],
    ["sin", Math.sin],
    ["cos", Math.cos],
    ["tan", Math.tan],
    ["arcsin", Math.asin],
    ["arccos", Math.acos],
    ["arctan", Math.atan],
    ["sinh", Math.sinh],
    ["cosh", Math.cosh],
    ["tanh", Math.tanh],
    ["abs", Math.abs],
    ["negative", (t) => -t],
    ["square", (t) => t * t],
  ];

  it.each(cases)("%s applies the scalar function", (name, f) => {
    expectSameNumbers(flat(np[name](x)), v.map(f));
  });

  it("float32 stays float32 (rounded once), integers go to float64", () => {
    const h = np.array([0.1, 0.7], "float32");
    expect(np.sin(h).dtype).toBe("float32");
    expect(flat(np.sin(h))).toEqual(flat(h).map((t) => Math.fround(Math.sin(t))));
    expect(flat(np.add(h, h))).toEqual(flat(h).map((t) => Math.fround(t + t)));
    expect(np.multiply(h, 2.5).dtype).toBe("float32");
    expect(np.sqrt(np.array([4, 9])).dtype).toBe("float64");
    expect(np.exp(np.array([true])).dtype).toBe("float64");
    expect(np.arctan2(np.array([1]), np.array([1])).toArray()).toEqual([Math.PI / 4]);
    expect(np.hypot(np.array([3]), 4).toArray()).toEqual([5]);
  });

  it("isnan, isinf, isfinite, logical functions give bool", () => {
    const y = np.array([NaN, Infinity, -Infinity, 0, 2]);
    expect(np.isnan(y).toArray()).toEqual([true, false, false, false, false]);
    expect(np.isinf(y).toArray()).toEqual([false, true, true, false, false]);
    expect(np.isfinite(y).toArray()).toEqual([false, false, false, true, true]);
    expect(np.isnan(np.array([1, 2])).toArray()).toEqual([false, false]);
    expect(np.isfinite(np.array([true])).toArray()).toEqual([true]);
    expect(np.logicalAnd(np.array([0, 1.5, NaN]), np.array([1, 0, 1])).toArray()).toEqual([false, false, true]);
    expect(np.logicalOr(np.array([0, 0]), np.array([0, -2])).toArray()).toEqual([false, true]);
    expect(np.logicalNot(np.array([0, 3])).toArray()).toEqual([true, false]);
  });
});

// ------------------------------------------------------------------ everyday: round, sign, power's fast path
// Expected values computed once with NumPy 2.4 (the call in the comment) and pasted.

describe("round (NumPy 2.4)", () => {
  const x = () => np.array([0.5, 1.5, 2.5, -0.5, -2.5, 1.25, 1.35, 2.675, 0.125, 1e300, -0, Infinity, NaN]);
  it("decimals positionally, in an options object and as a method agree with NumPy, signed zeros included", () => {
    // np.round(x, 2)
    const two = [0.5, 1.5, 2.5, -0.5, -2.5, 1.25, 1.35, 2.68, 0.12, 1e300, -0, Infinity, NaN];
    expectSameNumbers(flat(np.round(x(), 2)), two);
    expectSameNumbers(flat(np.round(x(), { decimals: 2 })), two);
    expectSameNumbers(flat(x().round(2)), two);
    expectSameNumbers(flat(x().round({ decimals: 2 })), two);
    // np.round(x)
    expectSameNumbers(flat(np.round(x())), [0, 2, 2, -0, -2, 1, 1, 3, 0, 1e300, -0, Infinity, NaN]);
    // np.round([1234.5678, -1250., 1350.], -2)
    expect(np.round(np.array([1234.5678, -1250, 1350]), -2).toArray()).toEqual([1200, -1200, 1400]);
    const out = np.zeros([13]);
    expect(np.round(x(), 2, { out })).toBe(out);
    expect(np.round(x(), { decimals: 2, out })).toBe(out);
    expectSameNumbers(flat(out), two);
  });

  it("float32 rounds in float32, as NumPy", () => {
    // np.round(np.float32([1.25, 0.125, 2.675, 0.3]), 2)
    const r = np.round(np.array([1.25, 0.125, 2.675, 0.3], "float32"), 2);
    expect(r.dtype).toBe("float32");
    expect(r.toArray()).toEqual([1.25, 0.11999999731779099, 2.680000066757202, 0.30000001192092896]);
  });

  it("checks decimals and options", () => {
    expectError(() => np.round([1], 1.5), ValueError, "round", "1.5");
    expectError(() => np.round([1], "2" as never), ValueError, "round", "2");
    expectError(() => np.round([1], { decimal: 2 } as never), ValueError, "round", "decimal");
    expectError(() => np.round([1], 2, { decimals: 2 } as never), ValueError, "round", "decimals");
  });
});

describe("sign (NumPy 2.4)", () => {
  it("is −1, 0, 1 (+0 for −0), NaN for NaN; z/|z| for complex; refuses bool", () => {
    // np.sign([-inf, -0., 0., 1e-300, nan])
    expectSameNumbers(flat(np.sign(np.array([-Infinity, -0, 0, 1e-300, NaN]))), [-1, 0, 0, 1, NaN]);
    const i = np.sign(np.array([-3, 0, 2], "int32"));
    expect(i.dtype).toBe("int32");
    expect(i.toArray()).toEqual([-1, 0, 1]);
    // np.sign([3+4j, 0j]) = [0.6+0.8j, 0j]
    expect(
      np
        .sign(
          np.array([
            { re: 3, im: 4 },
            { re: 0, im: 0 },
          ]),
        )
        .toArray(),
    ).toEqual([
      { re: 0.6, im: 0.8 },
      { re: 0, im: 0 },
    ]);
    expectError(() => np.sign(np.array([true])), DTypeError, "sign", "bool");
  });
});

describe("power: the scalar-exponent fast path gives NumPy's np.power bit for bit", () => {
  const v = () => np.array([-Infinity, -2, -0, 0, 0.3, 2, Infinity, NaN, 1e-310, 1e308]);
  // np.power(v, p) for each p
  const numpy: [number, number[]][] = [
    [2, [Infinity, 4, 0, 0, 0.09, 4, Infinity, NaN, 0, Infinity]],
    [0.5, [NaN, NaN, -0, 0, 0.5477225575051661, 1.4142135623730951, Infinity, NaN, 9.999999999999986e-156, 1e154]],
    [1, [-Infinity, -2, -0, 0, 0.3, 2, Infinity, NaN, 1e-310, 1e308]],
    [-1, [-0, -0.5, -Infinity, Infinity, 3.3333333333333335, 0.5, 0, NaN, Infinity, 1e-308]],
    [0, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]],
  ];
  it.each(numpy)("x ** %d on float64, as function and method, strided and into out", (p, expected) => {
    expectSameNumbers(flat(np.power(v(), p)), expected);
    expectSameNumbers(flat(v().power(p)), expected);
    // a reversed (strided) view
    expectSameNumbers(flat(np.power(v().flip(), p)), expected.slice().reverse());
    const out = np.zeros([10]);
    expect(np.power(v(), p, { out })).toBe(out);
    expectSameNumbers(flat(out), expected);
  });

  it("equals the general loop (Math.pow) on random values for 2, −1, 1, 0 and float32 keeps float32", () => {
    const x = np.array(Array.from({ length: 200 }, (_, k) => Math.sin(k * 1.7) * 10 ** ((k % 9) - 4)));
    for (const p of [2, -1, 1, 0]) {
      const general = np.array(flat(x).map((t) => Math.pow(t, p)));
      expectSameNumbers(flat(np.power(x, p)), flat(general));
    }
    expectSameNumbers(flat(np.power(x.abs(), 0.5)), flat(np.sqrt(x.abs())));
    const f = np.power(np.array([1.1, 2.5], "float32"), 2);
    expect(f.dtype).toBe("float32");
    expect(f.toArray()).toEqual([Math.fround(Math.fround(1.1) * Math.fround(1.1)), 6.25]);
    // 3 has no fast path: NumPy calls pow, which rounds once (x·x·x would round twice)
    expect(np.power(np.array([3.3]), 3).toArray()).toEqual([Math.pow(3.3, 3)]);
    // int32 arrays keep integer power
    expect(np.power(np.array([3, -4], "int32"), 2).dtype).toBe("int32");
  });
});
