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
import { ShapeError, ValueError } from "../errors.js";
import { full } from "../creation.js";
import { NDArray, type Complex } from "../ndarray.js";
import { dot, inner, outer, vdot } from "./dot.js";
import { einsumReference } from "./einsum.reference.js";

const DTYPES: DType[] = ["float64", "float32", "int32", "bool", "complex128"];
const intFill = (seed: number) => (p: number) => (((Math.imul(p + 1, 2654435761) ^ Math.imul(seed, 40503)) >>> 0) % 9) - 4;

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

/**
 * A 0-d product comes back as NumPy's scalar (a JS number, or a Complex): check that it is
 * exactly when `expected` is 0-d, and rewrap it for the element comparison.
 */
function asResult(got: NDArray | number | Complex, expected: NDArray): NDArray {
  if (expected.ndim > 0) {
    expect(got).toBeInstanceOf(NDArray);
    return got as NDArray;
  }
  expect(got).not.toBeInstanceOf(NDArray);
  if (expected.dtype === "complex128") {
    const z = got as Complex;
    return new NDArray(Float64Array.from([z.re, z.im]), [], "complex128");
  }
  expect(typeof got).toBe("number");
  return full([], got as number, expected.dtype);
}

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
        const got = asResult(dot(a, b), expected);
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
        const got = asResult(inner(a, b), expected);
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
    expect((dot(2.5, M) as NDArray).toArray()).toEqual([
      [2.5, 5, 7.5],
      [10, 12.5, 15],
    ]);
    expect((dot(M, 2) as NDArray).dtype).toBe("float64");
    expect((dot(new NDArray(Float32Array.from([1, 2]), [2]), 2.5) as NDArray).dtype).toBe("float32");
  });
  it("stacks: every matrix of a with every matrix of b (not matmul's pairing)", () => {
    // distinct small integers (exact sums), so a swapped index or matmul's pairing shows
    const a = new NDArray(
      Float64Array.from({ length: 24 }, (_, p) => ((p * 7) % 11) - 5),
      [2, 3, 4],
    );
    const b = new NDArray(
      Float64Array.from({ length: 40 }, (_, p) => ((p * 5) % 13) - 6),
      [5, 4, 2],
    );
    const got = dot(a, b) as NDArray;
    expect(got.shape).toEqual([2, 3, 5, 2]);
    // np.dot(a, b)[i, j, k, m] = Σ_l a[i, j, l]·b[k, l, m], by the loop
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < 3; j++) {
        for (let k = 0; k < 5; k++) {
          for (let m = 0; m < 2; m++) {
            let s = 0;
            for (let l = 0; l < 4; l++) s += a.data[(i * 3 + j) * 4 + l] * b.data[(k * 4 + l) * 2 + m];
            expect(got.get(i, j, k, m), `dot(a, b)[${i}, ${j}, ${k}, ${m}]`).toBe(s);
          }
        }
      }
    }
    // a strided stack (b's transposed batch) gives the same products
    const bT = new NDArray(new Float64Array(40), [4, 5, 2]);
    for (let k = 0; k < 5; k++) for (let l = 0; l < 4; l++) for (let m = 0; m < 2; m++) bT.data[(l * 5 + k) * 2 + m] = b.data[(k * 4 + l) * 2 + m];
    expect((dot(a, bT.swapaxes(0, 1)) as NDArray).toArray()).toEqual(got.toArray());
  });
  it("1-D·1-D and 0-d operands give NumPy's scalar: a JS number (Complex for complex128)", () => {
    const v = new NDArray(Float64Array.from([1, 2, 3]), [3]);
    const w = new NDArray(Float64Array.from([4, 5, 6]), [3]);
    // np.dot([1., 2, 3], [4., 5, 6]) == 32.0, a numpy.float64
    expect(dot(v, w)).toBe(32);
    expect(v.dot(w)).toBe(32);
    expect((v.dot(w) as number) * 2).toBe(64);
    expect(inner(v, w)).toBe(32);
    const n: number = dot([1, 2, 3], [4, 5, 6]);
    expect(n + 1).toBe(33);
    // float32 is rounded to float32, as NumPy's float32 scalar: np.dot(f32([0.1, 0.2]), f32([1, 1]))
    const f = new NDArray(Float32Array.from([0.1, 0.2]), [2]);
    expect(dot(f, new NDArray(Float32Array.from([1, 1]), [2]))).toBe(Math.fround(Math.fround(0.1) + Math.fround(0.2)));
    // int32 stays exact; 0-d · 0-d is a scalar too (np.dot(np.array(2), np.array(3)) == 6)
    expect(dot(new NDArray(Int32Array.from([2, 3]), [2]), new NDArray(Int32Array.from([4, 5]), [2]))).toBe(23);
    expect(dot(new NDArray(Float64Array.from([2]), []), new NDArray(Float64Array.from([3]), []))).toBe(6);
    // complex: np.dot([1j, 2], [1j, 1]) == (1+0j) (no conjugation)
    const z = new NDArray(Float64Array.from([0, 1, 2, 0]), [2], "complex128");
    expect(dot(z, z)).toEqual({ re: 3, im: 0 });
    expect(
      inner(
        [
          { re: 0, im: 1 },
          { re: 2, im: 0 },
        ],
        [
          { re: 0, im: 1 },
          { re: 1, im: 0 },
        ],
      ),
    ).toEqual({ re: 1, im: 0 });
    // with out, the array is returned, as NumPy does
    const out = new NDArray(new Float64Array(1), []);
    expect(dot(v, w, { out })).toBe(out);
    expect(out.item()).toBe(32);
    // matrix-vector stays an array
    expect(dot(M, [1, 1, 1])).toBeInstanceOf(NDArray);
    expectError(() => dot(v, w, { outt: out } as never), ValueError, "dot", "outt");
  });
  it("out", () => {
    const out = new NDArray(new Float64Array(2), [2]);
    expect(dot(M, [1, 1, 1], { out })).toBe(out);
    expect(out.toArray()).toEqual([6, 15]);
  });
  it("misaligned shapes name both shapes and dimensions", () => {
    const e = expectError(() => dot(new NDArray(new Float64Array(12), [3, 4]), [1, 2, 3]), ShapeError, "dot");
    expect(e.message).toBe("dot: shapes (3,4) and (3,) not aligned: 4 (dim 1) != 3 (dim 0)");
    expectError(
      () => inner(new NDArray(new Float64Array(12), [3, 4]), new NDArray(new Float64Array(10), [2, 5])),
      ShapeError,
      "inner",
      "(3,4)",
      "(2,5)",
      "4 (dim 1) != 5 (dim 1)",
    );
  });
});

describe("vdot and outer", () => {
  it("vdot flattens both and conjugates the first", () => {
    const z = new NDArray(Float64Array.from([1, 2, 3, -1]), [2], "complex128"); // [1+2i, 3-i]
    const w = new NDArray(Float64Array.from([0, 1, 2, 2]), [2], "complex128"); // [i, 2+2i]
    // conj(1+2i)·i + conj(3-i)·(2+2i) = (2+i) + (4+8i) = 6+9i
    expect(vdot(z, w)).toEqual({ re: 6, im: 9 });
    expect(vdot(w, z)).toEqual({ re: 6, im: -9 });
    // np.vdot([[1, 2], [3, 4]], [1, 1, 1, 1]) == 10, a scalar
    const ten: number = vdot(
      [
        [1, 2],
        [3, 4],
      ],
      [1, 1, 1, 1],
    );
    expect(ten).toBe(10);
    expectError(() => vdot([1, 2], [1, 2, 3]), ShapeError, "vdot", "2", "3");
  });
  it("outer flattens and keeps the dtype rules of multiply", () => {
    expect(
      outer(
        [
          [1, 2],
          [3, 4],
        ],
        [1, 10],
      ).shape,
    ).toEqual([4, 2]);
    expect(outer(Int32Array.from([1, 2]), Int32Array.from([3, 4])).dtype).toBe("int32");
    expect(outer([true, false], [true, true]).toArray()).toEqual([
      [true, true],
      [false, false],
    ]);
    // errors about out name outer, not the multiply it runs on
    expectError(() => outer([1, 2], [1, 2, 3], { out: new NDArray(new Float64Array(2), [2]) }), ShapeError, "outer", "(2,)", "(2,3)");
    const out = new NDArray(new Float64Array(6), [2, 3]);
    expect(outer([1, 2], [1, 2, 3], { out })).toBe(out);
    expect(out.toArray()).toEqual([
      [1, 2, 3],
      [2, 4, 6],
    ]);
    expectError(() => outer([1], [1], { outt: out } as never), ValueError, "outer", "outt");
  });
});

describe("doc examples", () => {
  it("dot, vdot, inner, outer", () => {
    expect(dot([1, 2, 3], [4, 5, 6])).toBe(32);
    expect(
      (
        dot(
          [
            [1, 2],
            [3, 4],
          ],
          [1, 1],
        ) as NDArray
      ).toArray(),
    ).toEqual([3, 7]);
    expect(vdot([{ re: 0, im: 1 }], [{ re: 0, im: 1 }])).toEqual({ re: 1, im: 0 });
    expect(inner([1, 2], [3, 4])).toBe(11);
    expect(
      (
        inner(
          [
            [1, 2],
            [3, 4],
          ],
          [
            [1, 0],
            [0, 1],
          ],
        ) as NDArray
      ).toArray(),
    ).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(outer([1, 2], [1, 10, 100]).toArray()).toEqual([
      [1, 10, 100],
      [2, 20, 200],
    ]);
  });
});
