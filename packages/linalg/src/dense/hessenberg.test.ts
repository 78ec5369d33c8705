import * as np from "@sliderule/ndarray";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eigBaseCases, eigComplexCases, withViews } from "../../test/corpus-eig.js";
import { randomComplex, randomMatrix } from "../../test/corpus.js";
import { expectOrthonormal, expectReconstructs, matrices } from "../../test/invariants.js";
import { EPS, HAS_RESIDENT, inResident, maxAbsDiff, normF } from "../../test/column-major.js";
import { LinAlgError } from "../errors.js";
import { gehd2, gehd2Fast, gehrd, hessenberg, orghr } from "./hessenberg.js";

/** Entries below the first subdiagonal are exactly zero. */
function expectHessenberg(H: np.NDArray): void {
  for (const h of matrices(H)) {
    for (let i = 0; i < h.m; i++) for (let j = 0; j < i - 1; j++) expect(h.re[i * h.n + j] === 0 && h.im[i * h.n + j] === 0).toBe(true);
  }
}

/** Qᴴ as a stack (for expectReconstructs). */
function conjT(Q: np.NDArray): np.NDArray {
  const out = Q.swapaxes(-1, -2).copy();
  return Q.dtype === "complex128" ? np.conj(out) : out;
}

describe("hessenberg: A = Q·H·Qᴴ", () => {
  const cases = withViews([...eigBaseCases(), ...eigComplexCases()]).filter((c) => c.a.dtype !== "float32");
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_, c) => {
    const { H, Q } = hessenberg(c.a);
    expectHessenberg(H);
    expectOrthonormal(Q, { eps: 2 ** -52 });
    expectReconstructs(c.a.astype(c.a.dtype === "complex128" ? "complex128" : "float64"), [Q, H, conjT(Q)], { eps: 2 ** -52 });
  });

  it("gehd2 on the block ilo..ihi leaves the rest alone; orghr's Q is the identity outside it", () => {
    const n = 7;
    const [ilo, ihi] = [2, 5];
    const a = randomMatrix([n, n], 31);
    const A = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) A[i + j * n] = j < ilo && i > j ? 0 : i > ihi && j < i ? 0 : a.get(i, j);
    const W = A.slice();
    const tau = new Float64Array(n - 1);
    gehd2(n, ilo, ihi, W, n, tau);
    for (let i = 0; i < n - 1; i++) if (i < ilo || i >= ihi) expect(tau[i]).toBe(0);
    const Q = W.slice();
    orghr(n, ilo, ihi, Q, n, tau);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (i <= ilo || j <= ilo || i > ihi || j > ihi) expect(Q[i + j * n]).toBe(i === j ? 1 : 0);
      }
    }
    // columns 0..ilo−1 of A are untouched (they are already triangular)
    for (let j = 0; j < ilo; j++) for (let i = 0; i < n; i++) expect(W[i + j * n]).toBe(A[i + j * n]);
  });

  it("property: random sizes, stacks and transposed views, real and complex", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        fc.boolean(),
        fc.nat(),
        (n, count, complex, transpose, seed) => {
          let a = complex ? randomComplex([count, n, n], seed) : randomMatrix([count, n, n], seed);
          if (transpose) a = a.swapaxes(-1, -2);
          const { H, Q } = hessenberg(a);
          expectHessenberg(H);
          expectOrthonormal(Q, { eps: 2 ** -52 });
          expectReconstructs(a, [Q, H, conjT(Q)], { eps: 2 ** -52 });
        },
      ),
      { numRuns: 50 },
    );
  });

  it("errors: not square, NaN", () => {
    expect(() => hessenberg(np.zeros([2, 3]))).toThrow(LinAlgError);
    expect(() =>
      hessenberg(
        np.array([
          [1, NaN],
          [0, 1],
        ]),
      ),
    ).toThrow(/infs or NaNs/);
  });
});

describe.each([
  { name: "gehd2 (dgehd2: larfRight, then larfLeft)", reduce: gehd2 },
  { name: "gehd2Fast (one fused rank-2 update per step)", reduce: gehd2Fast },
  { name: "gehrd nb=16 nx=16 (default)", reduce: gehrd },
  {
    name: "gehrd nb=3 nx=2",
    reduce: (n: number, ilo: number, ihi: number, A: Float64Array, lda: number, tau: Float64Array) => gehrd(n, ilo, ihi, A, lda, tau, 3, 2),
  },
  {
    name: "gehrd nb=5 nx=0",
    reduce: (n: number, ilo: number, ihi: number, A: Float64Array, lda: number, tau: Float64Array) => gehrd(n, ilo, ihi, A, lda, tau, 5, 0),
  },
])("$name", ({ reduce }) => {
  it.each([1, 2, 5, 17, 40, 70])("A = Q·H·Qᵀ for a random %i×%i matrix, and it agrees with gehd2 to rounding", (n) => {
    const a = randomMatrix([n, n], 5000 + n);
    const A = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) A[i + j * n] = a.get(i, j);
    const W = A.slice();
    const tau = new Float64Array(Math.max(n - 1, 1));
    reduce(n, 0, n - 1, W, n, tau);
    const W0 = A.slice();
    const tau0 = new Float64Array(Math.max(n - 1, 1));
    gehd2(n, 0, n - 1, W0, n, tau0);
    const scale = Math.hypot(...A);
    for (let e = 0; e < n * n; e++) expect(Math.abs(W[e] - W0[e])).toBeLessThan(100 * n * 2 ** -52 * scale);
    const Q = W.slice();
    orghr(n, 0, n - 1, Q, n, tau);
    const Hm = np.zeros([n, n]);
    const Qm = np.zeros([n, n]);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        Qm.set(i, j, Q[i + j * n]);
        if (i <= j + 1) Hm.set(i, j, W[i + j * n]);
      }
    }
    expectOrthonormal(Qm, { eps: 2 ** -52 });
    expectReconstructs(a, [Qm, Hm, Qm.T], { eps: 2 ** -52 });
  });
});

describe("gehrd on resident memory", () => {
  it.skipIf(!HAS_RESIDENT)("on a resident A (lahr2's products on the SIMD gemv, Y and T resident) agrees with gehd2 to rounding: n = 130", () => {
    const n = 130;
    const a = randomMatrix([n, n], 9130);
    const A0 = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) A0[i + j * n] = a.get(i, j);
    const reduce = (resident: boolean) => {
      const A = A0.slice();
      const tau = new Float64Array(n - 1);
      if (resident) expect(inResident([A], ([R]) => gehrd(n, 0, n - 1, R, n, tau))).toBe(true);
      else gehd2(n, 0, n - 1, A, n, tau);
      return [A, tau];
    };
    const [blocked, spec] = [reduce(true), reduce(false)];
    // H with the reflectors below it, and tau, to 10·n·eps·‖A‖_F (a tenth of the bound the cases
    // above use; blocked and unblocked differ by 210–260 eps·‖A‖_F here on the JS heap too)
    const tol = 10 * n * EPS * normF(A0);
    blocked.forEach((x, k) => expect(maxAbsDiff(x, spec[k])).toBeLessThan(tol));
  });
});
