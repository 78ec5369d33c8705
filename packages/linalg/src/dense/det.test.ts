import * as np from "@sliderule/ndarray";
import { ValueError } from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { hilbert, randomComplex, randomInt, randomMatrix, select, singularMatrix } from "../../test/corpus.js";
import { LinAlgError } from "../errors.js";
import { matrices } from "../../test/invariants.js";
import { det, slogdet } from "./det.js";
import { luFactor } from "./lu.js";

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
    expect(
      det(
        [
          [2, 5, 7],
          [0, 3, 1],
          [0, 0, -4],
        ],
        { blockSize },
      ),
    ).toBeCloseTo(-24, 13);
    expect(
      det(
        [
          [0, 1, 0],
          [0, 0, 1],
          [1, 0, 0],
        ],
        { blockSize },
      ),
    ).toBe(1);
    expect(
      det(
        [
          [0, 1],
          [1, 0],
        ],
        { blockSize },
      ),
    ).toBe(-1);
  });

  it("is 0 for an exactly singular matrix, and slogdet is (0, -inf)", () => {
    // a zero column makes a pivot exactly zero (a rank-deficient product of random factors
    // would only be singular up to rounding)
    const a = np.array([
      [1, 0, 3, 4],
      [4, 0, 6, 1],
      [7, 0, 9, 2],
      [1, 0, 1, 1],
    ]);
    expect(det(a, { blockSize })).toBe(0);
    expect(Math.abs(det(singularMatrix(5, 3, 1), { blockSize }))).toBeLessThan(1e-10);
    const { sign, logabsdet } = slogdet(
      [
        [1, 2],
        [2, 4],
      ],
      { blockSize },
    );
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

/**
 * det(P)·Π u_ii of every matrix of a stack, from luFactor's packed U and 0-based pivots, by plain
 * multiplication in float64 (complex: re, im); with `logSum` = Σ |log|u_ii||, the size of the
 * terms slogdet adds up. For the reference of the corpus test below.
 */
function luDiagonalProducts(a: np.NDArray): { re: number; im: number; logSum: number }[] {
  const { lu, piv } = luFactor(a);
  const n = a.shape[a.ndim - 1];
  const complex = lu.dtype === "complex128";
  const us = matrices(lu);
  // piv: a fresh C-contiguous (…, n) int32 stack
  const pivs = piv.data as Int32Array;
  return us.map((U, p) => {
    // (−1)^s, s = the number of row interchanges piv[i] ≠ i
    let re = 1;
    let im = 0;
    for (let i = 0; i < n; i++) if (pivs[p * n + i] !== i) re = -re;
    let logSum = 0;
    for (let i = 0; i < n; i++) {
      const ur = U.re[i * n + i];
      const ui = complex ? U.im[i * n + i] : 0;
      const t = re * ur - im * ui;
      im = re * ui + im * ur;
      re = t;
      logSum += Math.abs(Math.log(Math.hypot(ur, ui)));
    }
    return { re, im, logSum };
  });
}

describe("det on the corpus", () => {
  it.each(select((t) => t.includes("square") && !t.includes("ill-conditioned")).map((c) => [c.name, c] as const))(
    "det(A) = sign·exp(logabsdet) = det(P)·Π u_ii, batched as the stack: %s",
    (_, c) => {
      // one matrix is computed as a stack of one, to check dtypes; then as NumPy's scalar below
      const stack = np.batched(c.a.ndim === 2 ? c.a.reshape([1, ...c.a.shape]) : c.a);
      const d = det(stack);
      const { sign, logabsdet } = slogdet(stack);
      expect(d.shape).toEqual(stack.shape.slice(0, -2));
      expect(sign.shape).toEqual(d.shape);
      const complex = c.a.dtype === "complex128";
      expect(d.dtype).toBe(c.a.dtype === "int32" ? "float64" : c.a.dtype);
      expect(logabsdet.dtype).toBe(complex ? "float64" : d.dtype);
      // The values. A = P·L·U gives det A = det(P)·Π u_ii, computed here by plain multiplication
      // from luFactor's factors of the same matrices (the LU itself is tested in lu.test.ts). det
      // and slogdet take the other road, Σ log|u_ii| and exp: each log carries a relative rounding
      // error ≤ eps, so the sum is off by ≤ eps·(Σ|log|u_ii|| + n) in absolute terms, exp turns
      // that into the same relative error, the n-term product adds ≤ n·eps, and the store into
      // the result's dtype one more eps (float32: its own eps). Hence, with eps the unit roundoff
      // of the working dtype and c = 4 for the constants hidden in the ≤'s,
      //   |det − ref| ≤ c·(2n + Σ|log|u_ii|| + 1)·eps·|ref|,
      // a bound that scales with n·eps; a wrong sign, permutation parity or log term fails it.
      // Exactly singular (a zero pivot): both are exactly 0.
      const n = c.a.shape[c.a.ndim - 1];
      const eps = c.a.dtype === "float32" ? 2 ** -24 : 2 ** -53;
      const refs = luDiagonalProducts(c.a.ndim === 2 ? c.a.reshape([1, n, n]) : c.a);
      const signs = complex ? refs.map((_, p) => sign.getComplex(p)) : refs.map((_, p) => ({ re: sign.get(p), im: 0 }));
      refs.forEach((ref, p) => {
        const got = complex ? d.getComplex(p) : { re: d.get(p), im: 0 };
        const magnitude = Math.hypot(ref.re, ref.im);
        if (magnitude === 0) {
          expect(got, `det of matrix ${p} (a zero pivot)`).toEqual({ re: 0, im: 0 });
          expect(signs[p].re === 0 && signs[p].im === 0 && logabsdet.get(p) === -Infinity, `slogdet of matrix ${p}`).toBe(true);
          return;
        }
        const bound = 4 * (2 * n + ref.logSum + 1) * eps * magnitude;
        expect(Math.hypot(got.re - ref.re, got.im - ref.im), `|det − det(P)·Π u_ii| of matrix ${p} (ref ${ref.re}, ${ref.im})`).toBeLessThanOrEqual(bound);
        // slogdet: sign·exp(logabsdet) is the same number (the same bound: det is computed from it)
        const l = Math.exp(logabsdet.get(p));
        expect(Math.hypot(signs[p].re * l - ref.re, signs[p].im * l - ref.im), `|sign·exp(logabsdet) − det(P)·Π u_ii| of matrix ${p}`).toBeLessThanOrEqual(
          bound,
        );
        expect(Math.abs(Math.hypot(signs[p].re, signs[p].im) - 1), `|sign| of matrix ${p}`).toBeLessThanOrEqual(4 * eps);
      });
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
    },
  );

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
    const d32 = det(
      np.array(
        [
          [0.1, 0.2],
          [0.3, 0.5],
        ],
        "float32",
      ),
    );
    expect(d32).toBe(Math.fround(d32));
    expect(d32).toBeCloseTo(0.05 - 0.06, 6);
    const [s32, l32] = slogdet(
      np.array(
        [
          [0.1, 0.2],
          [0.3, 0.5],
        ],
        "float32",
      ),
    );
    expect(s32).toBe(-1);
    expect(l32).toBe(Math.fround(l32));
  });

  it("one matrix gives JS numbers that compose with arithmetic; a stack gives NDArrays", () => {
    // np.linalg.det([[1, 2], [3, 4]]) == -2.0000000000000004
    const d: number = det([
      [1, 2],
      [3, 4],
    ]);
    expect(d + 1).toBeCloseTo(-1, 14);
    expect(typeof det(np.eye(3))).toBe("number");
    const { sign, logabsdet } = slogdet(np.eye(3).multiply(2));
    expect(sign * Math.exp(logabsdet)).toBeCloseTo(8, 13);
    // the tuple order of NumPy's SlogdetResult: np.linalg.slogdet([[1, 2], [3, 4]]) == (-1.0, 0.6931471805599455)
    const [s, l] = slogdet([
      [1, 2],
      [3, 4],
    ]);
    expect(s).toBe(-1);
    expect(l).toBeCloseTo(0.6931471805599455, 15);
    expect(Object.keys(slogdet([[1]]))).toEqual(["sign", "logabsdet"]);
    // stacks: a 3-D literal, np.batched, and a plain NDArray at run time
    const dets: np.NDArray = det([
      [
        [1, 0],
        [0, 1],
      ],
      [
        [2, 0],
        [0, 3],
      ],
    ]);
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
    const z: np.Complex = det([
      [
        { re: 1, im: 2 },
        { re: 0, im: 0 },
      ],
      [
        { re: 0, im: 0 },
        { re: 3, im: -1 },
      ],
    ]);
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
