/**
 * dot, vdot, inner, outer: against the explicit sum (einsum.reference.ts) written in letters
 * for each rule — dot(a, b) is "A…k,X…kn->A…X…n", inner(a, b) "A…k,X…k->A…X…" — on random
 * shapes, strided views and dtypes, with small-integer values so results are exact; then the
 * scalar rules, conjugation in vdot, and the error messages.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectCloseArrays, expectError, flat, layoutArb, strided } from "../../test/arbitraries.js";
import { promoteTypes, type DType } from "../dtype.js";
import { ShapeError } from "../errors.js";
import { NDArray } from "../ndarray.js";
import { dot, inner, outer, vdot } from "./dot.js";
import { einsumReference } from "./einsum.reference.js";

const DTYPES: DType[] = ["float64", "float32", "int32", "bool", "complex128"];
const intFill = (seed: number) => (p: number) => ((Math.imul(p + 1, 2654435761) ^ Math.imul(seed, 40503)) >>> 0) % 9 - 4;

const dims = (n: number) => fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n });

/** Two operands: a with `na` axes, b with `nb` axes, sharing the size K where the rule sums. */
const pairArb = (rule: "dot" | "inner") =>
  fc
    .record({ na: fc.integer({ min: 1, max: 3 }), nb: fc.integer({ min: 1, max: 3 }), K: fc.integer({ min: 0, max: 4 }) })
    .chain(({ na, nb, K }) =>
      fc.record({
        aShape: dims(na - 1).map((d) => [...d, K]),
        bShape: dims(nb - 1).map((d) => (rule === "inner" || nb === 1 ? [...d, K] : [...d.slice(1), K, d[0]])),
      }),
    )
    .chain(({ aShape, bShape }) =>
      fc.record({
        aShape: fc.constant(aShape),
        bShape: fc.constant(bShape),
        la: layoutArb(aShape.length),
        lb: layoutArb(bShape.length),
        da: fc.constantFrom(...DTYPES),
        db: fc.constantFrom(...DTYPES),
        seed: fc.nat(1000),
      }),
    );

describe("dot and inner against the explicit sum", () => {
  it("dot: (A…, K)·(X…, K, N) -> (A…, X…, N); (…, K)·(K,) -> (…)", () => {
    fc.assert(
      fc.property(pairArb("dot"), (c) => {
        const a = strided(c.aShape, c.la, c.da, intFill(c.seed)).view;
        const b = strided(c.bShape, c.lb, c.db, intFill(c.seed + 1)).view;
        const A = "ABC".slice(0, a.ndim - 1);
        const X = "XYZ".slice(0, Math.max(0, b.ndim - 2));
        const bTerm = b.ndim === 1 ? "k" : `${X}kn`;
        const expected = einsumReference([`${A}k`, bTerm], `${A}${X}${b.ndim === 1 ? "" : "n"}`, [a, b], promoteTypes(a.dtype, b.dtype));
        const got = dot(a, b);
        expect(got.shape).toEqual(expected.shape);
        expect(got.dtype).toBe(expected.dtype);
        expectCloseArrays(flat(got), flat(expected), () => 0);
      }),
      { numRuns: 300 },
    );
  });
  it("inner: (A…, K)·(X…, K) -> (A…, X…)", () => {
    fc.assert(
      fc.property(pairArb("inner"), (c) => {
        const a = strided(c.aShape, c.la, c.da, intFill(c.seed)).view;
        const b = strided(c.bShape, c.lb, c.db, intFill(c.seed + 1)).view;
        const A = "ABC".slice(0, a.ndim - 1);
        const X = "XYZ".slice(0, b.ndim - 1);
        const expected = einsumReference([`${A}k`, `${X}k`], `${A}${X}`, [a, b], promoteTypes(a.dtype, b.dtype));
        const got = inner(a, b);
        expect(got.shape).toEqual(expected.shape);
        expectCloseArrays(flat(got), flat(expected), () => 0);
      }),
      { numRuns: 200 },
    );
  });
});

describe("dot: NumPy's rules", () => {
  const M = new NDArray(Float64Array.from([1, 2, 3, 4, 5, 6]), [2, 3]);
  it("scalars multiply, with NumPy's scalar casting", () => {
    expect(dot(2.5, M).toArray()).toEqual([[2.5, 5, 7.5], [10, 12.5, 15]]);
    expect(dot(M, 2).dtype).toBe("float64");
    expect(dot(new NDArray(Float32Array.from([1, 2]), [2]), 2.5).dtype).toBe("float32");
  });
  it("stacks: every matrix of a with every matrix of b (not matmul's pairing)", () => {
    const a = new NDArray(new Float64Array(24).fill(1), [2, 3, 4]);
    const b = new NDArray(new Float64Array(24).fill(1), [3, 4, 2]);
    expect(dot(a, b).shape).toEqual([2, 3, 3, 2]);
  });
  it("out", () => {
    const out = new NDArray(new Float64Array(2), [2]);
    expect(dot(M, [1, 1, 1], { out })).toBe(out);
    expect(out.toArray()).toEqual([6, 15]);
  });
  it("misaligned shapes name both shapes and dimensions", () => {
    const e = expectError(() => dot(new NDArray(new Float64Array(12), [3, 4]), [1, 2, 3]), ShapeError, "dot");
    expect(e.message).toBe("dot: shapes (3,4) and (3,) not aligned: 4 (dim 1) != 3 (dim 0)");
    expectError(() => inner(new NDArray(new Float64Array(12), [3, 4]), new NDArray(new Float64Array(10), [2, 5])), ShapeError, "inner", "(3,4)", "(2,5)", "4 (dim 1) != 5 (dim 1)");
  });
});

describe("vdot and outer", () => {
  it("vdot flattens both and conjugates the first", () => {
    const z = new NDArray(Float64Array.from([1, 2, 3, -1]), [2], "complex128"); // [1+2i, 3-i]
    const w = new NDArray(Float64Array.from([0, 1, 2, 2]), [2], "complex128"); // [i, 2+2i]
    // conj(1+2i)·i + conj(3-i)·(2+2i) = (2+i) + (4+8i) = 6+9i
    expect(vdot(z, w).getComplex()).toEqual({ re: 6, im: 9 });
    expect(vdot(w, z).getComplex()).toEqual({ re: 6, im: -9 });
    expect(vdot([[1, 2], [3, 4]], [1, 1, 1, 1]).item()).toBe(10);
    expect(vdot([[1, 2], [3, 4]], [1, 1, 1, 1]).shape).toEqual([]);
    expectError(() => vdot([1, 2], [1, 2, 3]), ShapeError, "vdot", "2", "3");
  });
  it("outer flattens and keeps the dtype rules of multiply", () => {
    expect(outer([[1, 2], [3, 4]], [1, 10]).shape).toEqual([4, 2]);
    expect(outer([1, 2], [3, 4]).dtype).toBe("int32");
    expect(outer([true, false], [true, true]).toArray()).toEqual([[true, true], [false, false]]);
  });
});

describe("doc examples", () => {
  it("dot, vdot, inner, outer", () => {
    expect(dot([[1, 2], [3, 4]], [1, 1]).toArray()).toEqual([3, 7]);
    expect(vdot([{ re: 0, im: 1 }], [{ re: 0, im: 1 }]).getComplex()).toEqual({ re: 1, im: 0 });
    expect(inner([[1, 2], [3, 4]], [[1, 0], [0, 1]]).toArray()).toEqual([[1, 2], [3, 4]]);
    expect(outer([1, 2], [1, 10, 100]).toArray()).toEqual([[1, 10, 100], [2, 20, 200]]);
  });
});
