/**
 * matmul (and the batched gemm under it): against a plain triple loop written here, on random
 * shapes (1-D operands, stacks with broadcast batch dimensions, empty dimensions), random
 * strided views (transposed, stepped, reversed, offset — test/arbitraries.ts) and every pair
 * of dtypes; then the error messages, `out`, and the batched paths (folded, looped, exact int).
 *
 * Operands hold small integers (and half-integers in complex parts), so every sum of products
 * is exact in float64 and float32 whatever the summation order: results must match the loop
 * exactly. One property with random doubles checks the float path with the inner-product
 * error bound |C − Ĉ| ≤ γ·K·eps·(|A|·|B|) (Higham, "Accuracy and Stability of Numerical
 * Algorithms", §3.1).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EPS64, expectCloseArrays, expectError, flat, layoutArb, range, strided } from "../../test/arbitraries.js";
import { promoteTypes, type DType } from "../dtype.js";
import { DTypeError, ShapeError, ValueError } from "../errors.js";
import { NDArray } from "../ndarray.js";
import { matmul } from "./matmul.js";

const DTYPES: DType[] = ["float64", "float32", "int32", "bool", "complex128"];

/** Small integers in [-4, 4] (bool: their truth), a different pattern per seed. */
const intFill = (seed: number) => (p: number) => (((Math.imul(p + 1, 2654435761) ^ Math.imul(seed, 40503)) >>> 0) % 9) - 4;

/** Read element `idx` as a complex number (real dtypes: im = 0). */
const at = (x: NDArray, idx: number[]): [number, number] => {
  const v = x.getComplex(...idx);
  return [v.re, v.im];
};

/** Store a complex value into the C-order flat list of dtype `t`, as NumPy's cast would. */
function store(out: number[], re: number, im: number, t: DType): void {
  if (t === "complex128") out.push(re, im);
  else if (t === "bool") out.push(re !== 0 ? 1 : 0);
  else if (t === "int32") out.push(re | 0);
  else if (t === "float32") out.push(Math.fround(re));
  else out.push(re);
}

/**
 * The reference: NumPy's matmul rules written out as loops. Returns the result shape and its
 * elements in C order (complex as re, im pairs), in the promoted dtype.
 */
function matmulReference(a: NDArray, b: NDArray): { shape: number[]; values: number[]; dtype: DType } {
  const t = promoteTypes(a.dtype, b.dtype);
  const aShape = a.ndim === 1 ? [1, a.shape[0]] : a.shape.slice();
  const bShape = b.ndim === 1 ? [b.shape[0], 1] : b.shape.slice();
  const [M, K] = aShape.slice(-2);
  const N = bShape[bShape.length - 1];
  const aBatch = aShape.slice(0, -2);
  const bBatch = bShape.slice(0, -2);
  const nb = Math.max(aBatch.length, bBatch.length);
  const batch = range(nb).map((d) => {
    const p = aBatch[aBatch.length - nb + d] ?? 1;
    const q = bBatch[bBatch.length - nb + d] ?? 1;
    return p === 1 ? q : p;
  });
  const shape = [...batch, ...(a.ndim === 1 ? [] : [M]), ...(b.ndim === 1 ? [] : [N])];
  const values: number[] = [];
  const batchIndices = batch.reduce<number[][]>((acc, n) => acc.flatMap((pre) => range(n).map((i) => [...pre, i])), [[]]);
  for (const beta of batchIndices) {
    // the batch index as each operand sees it: its own trailing dimensions, 0 where it has 1
    const own = (bs: number[]) => bs.map((d, k) => (d === 1 ? 0 : beta[nb - bs.length + k]));
    for (let i = 0; i < M; i++) {
      for (let j = 0; j < N; j++) {
        let re = 0;
        let im = 0;
        for (let p = 0; p < K; p++) {
          const [ar, ai] = at(a, a.ndim === 1 ? [p] : [...own(aBatch), i, p]);
          const [br, bi] = at(b, b.ndim === 1 ? [p] : [...own(bBatch), p, j]);
          re += ar * br - ai * bi;
          im += ar * bi + ai * br;
        }
        store(values, re, im, t);
      }
    }
  }
  return { shape, values, dtype: t };
}

/** A matmul problem: shapes of a and b with a batch that broadcasts, 1-D or not. */
interface Problem {
  aShape: number[];
  bShape: number[];
}

const problemArb: fc.Arbitrary<Problem> = fc
  .record({
    batch: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 3 }),
    M: fc.integer({ min: 0, max: 5 }),
    K: fc.integer({ min: 0, max: 5 }),
    N: fc.integer({ min: 0, max: 5 }),
    aVector: fc.boolean(),
    bVector: fc.boolean(),
    aDrop: fc.nat(3),
    bDrop: fc.nat(3),
    aOnes: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
    bOnes: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
  })
  .map((r) => {
    // each side keeps a suffix of the batch, some of its dimensions set to 1 (broadcast)
    const side = (drop: number, ones: boolean[]) => r.batch.slice(Math.min(drop, r.batch.length)).map((d, k) => (ones[k] ? 1 : d));
    const aShape = r.aVector ? [r.K] : [...side(r.aDrop, r.aOnes), r.M, r.K];
    const bShape = r.bVector ? [r.K] : [...side(r.bDrop, r.bOnes), r.K, r.N];
    return { aShape, bShape };
  });

const operandArb = (shape: number[]) => fc.record({ layout: layoutArb(shape.length), dtype: fc.constantFrom(...DTYPES), seed: fc.nat(1000) });

describe("matmul against the triple loop", () => {
  it("any shapes, batch broadcasts, strided views and dtype pairs: exact", () => {
    fc.assert(
      fc.property(
        problemArb.chain((p) => fc.tuple(fc.constant(p), operandArb(p.aShape), operandArb(p.bShape))),
        ([p, ao, bo]) => {
          const a = strided(p.aShape, ao.layout, ao.dtype, intFill(ao.seed)).view;
          const b = strided(p.bShape, bo.layout, bo.dtype, intFill(bo.seed + 7)).view;
          const before = [flat(a), flat(b)];
          const C = matmul(a, b);
          const ref = matmulReference(a, b);
          expect(C.shape).toEqual(ref.shape);
          expect(C.dtype).toBe(ref.dtype);
          expectCloseArrays(flat(C), ref.values, () => 0);
          expect(C.base).toBe(null);
          expect([flat(a), flat(b)]).toEqual(before); // inputs untouched
        },
      ),
      { numRuns: 400 },
    );
  });

  it("random doubles: within γ·K·eps·(|A|·|B|) of the loop", () => {
    fc.assert(
      fc.property(
        fc.record({
          M: fc.integer({ min: 1, max: 40 }),
          K: fc.integer({ min: 1, max: 70 }),
          N: fc.integer({ min: 1, max: 40 }),
          la: layoutArb(2),
          lb: layoutArb(2),
          seed: fc.nat(),
        }),
        ({ M, K, N, la, lb, seed }) => {
          const rand = (s: number) => (p: number) => (Math.sin(p * 12.9898 + s * 78.233) * 43758.5453) % 1;
          const a = strided([M, K], la, "float64", rand(seed)).view;
          const b = strided([K, N], lb, "float64", rand(seed + 1)).view;
          const C = flat(matmul(a, b));
          const exact: number[] = [];
          const bound: number[] = [];
          for (let i = 0; i < M; i++) {
            for (let j = 0; j < N; j++) {
              let s = 0;
              let abs = 0;
              for (let p = 0; p < K; p++) {
                s += a.get(i, p) * b.get(p, j);
                abs += Math.abs(a.get(i, p) * b.get(p, j));
              }
              exact.push(s);
              bound.push(4 * K * EPS64 * abs);
            }
          }
          expectCloseArrays(C, exact, (i) => bound[i]);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("matmul: NumPy's rules for vectors and stacks", () => {
  const A = new NDArray(Float64Array.from(range(6)), [2, 3]); // [[0,1,2],[3,4,5]]
  it("vector @ vector is 0-d, matrix @ vector and vector @ matrix drop the added axis", () => {
    expect(matmul([1, 2, 3], [4, 5, 6]).shape).toEqual([]);
    expect(matmul([1, 2, 3], [4, 5, 6]).item()).toBe(32);
    expect(matmul(A, [1, 1, 1]).toArray()).toEqual([3, 12]);
    expect(matmul([1, 1], A).toArray()).toEqual([3, 5, 7]);
  });
  it("a stack with a vector, a matrix with a stack", () => {
    const S = new NDArray(Float64Array.from(range(12)), [2, 2, 3]);
    expect(matmul(S, [1, 0, 0]).toArray()).toEqual([
      [0, 3],
      [6, 9],
    ]);
    expect(matmul([[1, 1]], S).shape).toEqual([2, 1, 3]);
  });
  it("dtypes: float32 stays float32, int32 with float32 gives float64, bool is OR of ANDs", () => {
    const f = new NDArray(Float32Array.from([1, 2, 3, 4]), [2, 2]);
    expect(matmul(f, f).dtype).toBe("float32");
    expect(matmul(new NDArray(Int32Array.from([1, 2, 3, 4]), [2, 2]), f).dtype).toBe("float64");
    const t = new NDArray(Uint8Array.from([1, 0, 0, 0]), [2, 2], "bool");
    expect(matmul(t, t).toArray()).toEqual([
      [true, false],
      [false, false],
    ]);
  });
  it("complex @ complex and complex @ real", () => {
    const z = new NDArray(Float64Array.from([1, 1, 0, 2]), [1, 2], "complex128"); // [1+i, 2i]
    const w = new NDArray(Float64Array.from([1, -1, 3, 0]), [2, 1], "complex128"); // [1-i, 3]
    expect(matmul(z, w).getComplex(0, 0)).toEqual({ re: 2, im: 6 }); // (1+i)(1-i) + 6i
    expect(matmul(z, [[2], [1]]).getComplex(0, 0)).toEqual({ re: 2, im: 4 });
    expect(matmul([[2, 1]], w).getComplex(0, 0)).toEqual({ re: 5, im: -2 });
  });
  it("int32 is exact modulo 2³², also past 2⁵³ (integer loop)", () => {
    const big = 2 ** 30 + 7;
    const a = new NDArray(Int32Array.from([big, big, big, -big]), [2, 2]);
    const C = matmul(a, a);
    // exact products mod 2³², by BigInt
    const wrap = (x: bigint) => Number(BigInt.asIntN(32, x));
    const B = BigInt(big);
    expect(C.toArray()).toEqual([
      [wrap(B * B + B * B), wrap(B * B - B * B)],
      [wrap(B * B - B * B), wrap(B * B + B * B)],
    ]);
    // moderate values go through float64 and wrap the same way
    const m = new NDArray(Int32Array.from([40000, 40000]), [1, 2]);
    expect(matmul(m, m.T).item()).toBe(wrap(2n * 40000n * 40000n));
  });
  it("empty dimensions: K = 0 gives zeros, M = 0 or a 0 batch gives empty results", () => {
    expect(matmul(new NDArray(new Float64Array(0), [3, 0]), new NDArray(new Float64Array(0), [0, 2])).toArray()).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    expect(matmul(new NDArray(new Float64Array(0), [0, 3]), new NDArray(new Float64Array(6), [3, 2])).shape).toEqual([0, 2]);
    expect(matmul(new NDArray(new Float64Array(0), [0, 2, 3]), new NDArray(new Float64Array(6), [3, 2])).shape).toEqual([0, 2, 2]);
  });
});

describe("matmul: batched paths", () => {
  const fill = (n: number, s: number) => Float64Array.from({ length: n }, (_, i) => ((i * 7 + s) % 11) - 5);
  it("1000 × (16×16 @ 16×16) with a shared B: one folded gemm, as the loop", () => {
    const a = new NDArray(fill(1000 * 256, 1), [1000, 16, 16]);
    const b = new NDArray(fill(256, 2), [16, 16]);
    const C = matmul(a, b);
    const ref = matmulReference(a.slice("0:3"), b);
    expect(flat(C.slice("0:3"))).toEqual(ref.values);
    expect(flat(C.slice(999))).toEqual(matmulReference(a.slice(999), b).values);
  });
  it("stack @ stack with a transposed batch layout, and a broadcast A", () => {
    const a = new NDArray(fill(5 * 4 * 3, 3), [4, 5, 3]).transpose(1, 0, 2); // (5, 4, 3), batch stride 3
    const b = new NDArray(fill(5 * 3 * 2, 4), [5, 3, 2]);
    expect(flat(matmul(a, b))).toEqual(matmulReference(a, b).values);
    const a2 = new NDArray(fill(12, 5), [4, 3]);
    expect(flat(matmul(a2, b))).toEqual(matmulReference(a2, b).values);
  });
});

describe("matmul: out", () => {
  const a = new NDArray(Float64Array.from([1, 2, 3, 4]), [2, 2]);
  it("writes into out of the result dtype, also a transposed view", () => {
    const out = new NDArray(new Float64Array(4), [2, 2]);
    expect(matmul(a, a, { out })).toBe(out);
    expect(out.toArray()).toEqual([
      [7, 10],
      [15, 22],
    ]);
    const buf = new NDArray(new Float64Array(4), [2, 2]);
    matmul(a, a, { out: buf.T });
    expect(buf.toArray()).toEqual([
      [7, 15],
      [10, 22],
    ]);
  });
  it("out sharing memory with an operand gets the right answer", () => {
    const x = a.copy();
    matmul(x, x, { out: x });
    expect(x.toArray()).toEqual([
      [7, 10],
      [15, 22],
    ]);
  });
  it("casts by kind into out (float64 -> float32, not float -> int32)", () => {
    const out = new NDArray(new Float32Array(4), [2, 2]);
    matmul(a, a, { out });
    expect(out.toArray()).toEqual([
      [7, 10],
      [15, 22],
    ]);
    expectError(() => matmul(a, a, { out: new NDArray(new Int32Array(4), [2, 2]) }), DTypeError, "matmul", "float64", "int32");
  });
  it("out for a vector result has the reduced shape", () => {
    const out = new NDArray(new Float64Array(2), [2]);
    matmul(a, [1, 1], { out });
    expect(out.toArray()).toEqual([3, 7]);
    expectError(() => matmul(a, [1, 1], { out: new NDArray(new Float64Array(2), [2, 1]) }), ShapeError, "matmul", "(2,1)", "(2,)");
  });
});

describe("matmul: errors name both shapes and the dimensions", () => {
  it("misaligned inner dimensions", () => {
    const e = expectError(() => matmul(new NDArray(new Float64Array(6), [2, 3]), new NDArray(new Float64Array(4), [2, 2])), ShapeError, "matmul");
    expect(e.message).toBe("matmul: shapes (2,3) and (2,2) not aligned: 3 (dim 1) != 2 (dim 0)");
    expect(e).toBeInstanceOf(ValueError);
    expectError(() => matmul(new NDArray(new Float64Array(24), [2, 3, 4]), [1, 2, 3]), ShapeError, "matmul", "(2,3,4)", "(3,)", "4 (dim 2) != 3 (dim 0)");
  });
  it("batch dimensions that do not broadcast", () => {
    expectError(
      () => matmul(new NDArray(new Float64Array(24), [2, 3, 4]), new NDArray(new Float64Array(24), [3, 4, 2])),
      ShapeError,
      "matmul",
      "(2,3,4)",
      "(3,4,2)",
    );
  });
  it("0-d operands", () => {
    expectError(() => matmul(2, [1, 2]), ValueError, "matmul", "operand 0", "0-d");
    expectError(() => matmul([1, 2], new NDArray(new Float64Array(1), [])), ValueError, "matmul", "operand 1");
  });
});

describe("doc examples", () => {
  it("matmul", () => {
    const C = matmul(
      [
        [1, 2],
        [3, 4],
      ],
      [[5], [6]],
    );
    expect(C.toArray()).toEqual([[17], [39]]);
    expect(matmul([1, 2], [3, 4]).item()).toBe(11);
  });
});
