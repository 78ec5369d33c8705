import * as np from "@sliderule/ndarray";
import { ValueError } from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { hilbert, randomComplex, randomInt, randomMatrix, select, singularMatrix } from "../../test/corpus.js";
import { LinAlgError } from "../errors.js";
import { det, slogdet } from "./det.js";

/** det by cofactor expansion along the first row: the exact definition, for small n. */
function cofactorDet(a: number[][]): number {
  const n = a.length;
  if (n === 0) return 1;
  if (n === 1) return a[0][0];
  let s = 0;
  for (let j = 0; j < n; j++) {
    const minor = a.slice(1).map((row) => row.filter((_, c) => c !== j));
    s += (j % 2 === 0 ? 1 : -1) * a[0][j] * cofactorDet(minor);
  }
  return s;
}

describe.each([
  { name: "unblocked", blockSize: 1000 },
  { name: "blocked nb=2", blockSize: 2 },
])("det ($name)", ({ blockSize }) => {
  it.each([1, 2, 3, 4, 5, 6])("equals the cofactor expansion for a random %i×%i matrix", (n) => {
    const a = randomMatrix([n, n], n);
    const exact = cofactorDet(a.toArray() as number[][]);
    const d = det(a, { blockSize });
    expect(Math.abs(d - exact)).toBeLessThan(1e-13 * Math.max(1, Math.abs(exact)) * n);
  });

  it("is the diagonal product on triangular matrices (to exp∘log rounding, as NumPy), ±1 on permutations", () => {
    expect(det([[2, 5, 7], [0, 3, 1], [0, 0, -4]], { blockSize })).toBeCloseTo(-24, 13);
    expect(det([[0, 1, 0], [0, 0, 1], [1, 0, 0]], { blockSize })).toBe(1);
    expect(det([[0, 1], [1, 0]], { blockSize })).toBe(-1);
  });

  it("is 0 for an exactly singular matrix, and slogdet is (0, -inf)", () => {
    // a zero column makes a pivot exactly zero (a rank-deficient product of random factors
    // would only be singular up to rounding)
    const a = np.array([[1, 0, 3, 4], [4, 0, 6, 1], [7, 0, 9, 2], [1, 0, 1, 1]]);
    expect(det(a, { blockSize })).toBe(0);
    expect(Math.abs(det(singularMatrix(5, 3, 1), { blockSize }))).toBeLessThan(1e-10);
    const { sign, logabsdet } = slogdet([[1, 2], [2, 4]], { blockSize });
    expect(sign).toBe(0);
    expect(logabsdet).toBe(-Infinity);
  });

  it("slogdet stays finite where det overflows, and they agree elsewhere", () => {
    // diag(10, ..., 10) 400×400 mixed by a permutation-free orthogonal-ish shear: |det| = 1e400
    const n = 400;
    const a = np.eye(n).multiply(10);
    a.set(0, n - 1, 3);
    const { sign, logabsdet } = slogdet(a, { blockSize });
    expect(sign).toBe(1);
    expect(logabsdet).toBeCloseTo(n * Math.log(10), 9);
    expect(det(a, { blockSize })).toBe(Infinity);
    const b = randomMatrix([7, 7], 3);
    const s = slogdet(b, { blockSize });
    expect(s.sign * Math.exp(s.logabsdet)).toBeCloseTo(det(b, { blockSize }), 12);
  });
});

describe("det on the corpus", () => {
  it.each(select((t) => t.includes("square") && !t.includes("ill-conditioned")).map((c) => [c.name, c] as const))("det(A) = sign·exp(logabsdet), batched as the stack: %s", (_, c) => {
    // one matrix is computed as a stack of one, to check dtypes; then as NumPy's scalar below
    const stack = np.batched(c.a.ndim === 2 ? c.a.reshape([1, ...c.a.shape]) : c.a);
    const d = det(stack);
    const { sign, logabsdet } = slogdet(stack);
    expect(d.shape).toEqual(stack.shape.slice(0, -2));
    expect(sign.shape).toEqual(d.shape);
    const complex = c.a.dtype === "complex128";
    expect(d.dtype).toBe(c.a.dtype === "int32" ? "float64" : c.a.dtype);
    expect(logabsdet.dtype).toBe(complex ? "float64" : d.dtype);
    // the batched variant is [A, 2A, 3A]: det scales by 2^n and 3^n
    if (c.tags.includes("batched") && !complex) {
      const n = c.a.shape[1];
      const d0 = d.get(0);
      const tol = (c.a.dtype === "float32" ? 1e-4 : 1e-11) * Math.abs(d0) * 2 ** n + 1e-300;
      expect(Math.abs(d.get(1) - 2 ** n * d0)).toBeLessThanOrEqual(tol * 2 ** n);
    }
    if (c.a.ndim === 2) {
      // one matrix: JS numbers (Complex for complex input), the values of the stack of one
      const d1: unknown = det(c.a);
      const [s1, l1] = slogdet(c.a);
      expect(d1).toEqual(complex ? d.getComplex(0) : d.get(0));
      expect(s1).toEqual(complex ? sign.getComplex(0) : sign.get(0));
      expect(l1).toBe(logabsdet.get(0));
    }
  });

  it("handles the Hilbert matrix through the log", () => {
    const { sign, logabsdet } = slogdet(hilbert(8));
    expect(sign).toBe(1);
    // det(H_8) = 2.737050…e-33 exactly (a known closed form)
    expect(logabsdet).toBeCloseTo(Math.log(2.7370500086739e-33), 5);
  });

  it("promotes int32 to float64 and keeps float32 (stacks), rounds one matrix's scalar to float32", () => {
    expect(det(np.batched(randomInt([2, 3, 3], 4))).dtype).toBe("float64");
    expect(det(np.batched(randomMatrix([2, 3, 3], 5, "float32"))).dtype).toBe("float32");
    expect(slogdet(np.batched(randomMatrix([2, 3, 3], 5, "float32"))).logabsdet.dtype).toBe("float32");
    // np.linalg.det(np.array([[1, 2], [3, 4]], np.float32)) is a float32 scalar: rounded here too
    const d32 = det(np.array([[0.1, 0.2], [0.3, 0.5]], "float32"));
    expect(d32).toBe(Math.fround(d32));
    expect(d32).toBeCloseTo(0.05 - 0.06, 6);
    const [s32, l32] = slogdet(np.array([[0.1, 0.2], [0.3, 0.5]], "float32"));
    expect(s32).toBe(-1);
    expect(l32).toBe(Math.fround(l32));
  });

  it("one matrix gives JS numbers that compose with arithmetic; a stack gives NDArrays", () => {
    // np.linalg.det([[1, 2], [3, 4]]) == -2.0000000000000004
    const d: number = det([[1, 2], [3, 4]]);
    expect(d + 1).toBeCloseTo(-1, 14);
    expect(typeof det(np.eye(3))).toBe("number");
    const { sign, logabsdet } = slogdet(np.eye(3).multiply(2));
    expect(sign * Math.exp(logabsdet)).toBeCloseTo(8, 13);
    // the tuple order of NumPy's SlogdetResult: np.linalg.slogdet([[1, 2], [3, 4]]) == (-1.0, 0.6931471805599455)
    const [s, l] = slogdet([[1, 2], [3, 4]]);
    expect(s).toBe(-1);
    expect(l).toBeCloseTo(0.6931471805599455, 15);
    expect(Object.keys(slogdet([[1]]))).toEqual(["sign", "logabsdet"]);
    // stacks: a 3-D literal, np.batched, and a plain NDArray at run time
    const dets: np.NDArray = det([[[1, 0], [0, 1]], [[2, 0], [0, 3]]]);
    expect(dets.toArray()).toEqual([1, 6]);
    expect(det(np.batched(np.stack([np.eye(2), np.eye(2)]))).toArray()).toEqual([1, 1]);
    expect(det(np.stack([np.eye(2), np.eye(2)]) as np.NDArray)).toBeInstanceOf(np.NDArray);
    const [S, L] = slogdet(np.batched(np.stack([np.eye(2), np.eye(2).multiply(-1)])));
    expect((S as np.NDArray).toArray()).toEqual([1, 1]);
    expect((L as np.NDArray).toArray()).toEqual([0, 0]);
  });

  it("complex: det of a diagonal matrix is the product, sign has modulus 1", () => {
    const a = np.zeros([2, 2], "complex128");
    a.data.set([1, 2, 0, 0, 0, 0, 3, -1]);
    // a complex128 NDArray: typed number, a Complex at run time (README "Scalars")
    const d = det(a) as unknown as np.Complex;
    // (1 + 2i)(3 − i) = 5 + 5i
    expect(d.re).toBeCloseTo(5, 13);
    expect(d.im).toBeCloseTo(5, 13);
    const z: np.Complex = det([[{ re: 1, im: 2 }, { re: 0, im: 0 }], [{ re: 0, im: 0 }, { re: 3, im: -1 }]]);
    expect(z.re).toBeCloseTo(5, 13);
    expect(z.im).toBeCloseTo(5, 13);
    const { sign } = slogdet(randomComplex([4, 4], 6));
    const s = sign as unknown as np.Complex;
    expect(Math.hypot(s.re, s.im)).toBeCloseTo(1, 14);
  });

  it("0×0 matrices: det 1, slogdet (1, 0)", () => {
    expect(det(np.zeros([0, 0]))).toBe(1);
    expect(det(np.batched(np.zeros([3, 0, 0]))).toArray()).toEqual([1, 1, 1]);
    const { sign, logabsdet } = slogdet(np.zeros([0, 0]));
    expect([sign, logabsdet]).toEqual([1, 0]);
  });

  it("errors: non-square and 1-D are LinAlgError naming the shape; NaN is a ValueError", () => {
    expect(() => det(np.zeros([2, 3]))).toThrow(LinAlgError);
    expect(() => det(np.zeros([2, 3]))).toThrow(/det: Last 2 dimensions of the array must be square, got shape \(2, 3\)/);
    expect(() => slogdet(np.zeros([2, 3]))).toThrow(/slogdet: Last 2 dimensions/);
    expect(() => det([1, 2, 3])).toThrow(/det: 1-dimensional array given/);
    try {
      det([1, 2]);
    } catch (e) {
      expect((e as LinAlgError).kind).toBe("invalidInput");
    }
    expect(() => det([[NaN]])).toThrow(ValueError);
  });
});
