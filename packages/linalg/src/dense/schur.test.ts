import * as np from "@sliderule/ndarray";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eigBaseCases, eigComplexCases, withViews } from "../../test/corpus-eig.js";
import { randomComplex, randomMatrix } from "../../test/corpus.js";
import { expectOrthonormal, expectReconstructs, matrices } from "../../test/invariants.js";
import { LinAlgError } from "../errors.js";
import { gehd2, orghr } from "./hessenberg.js";
import { lahqr, lanv2, schur } from "./schur.js";

const EPS = 2 ** -52;

/** Qᴴ as a stack. */
function conjT(Q: np.NDArray): np.NDArray {
  const out = Q.swapaxes(-1, -2).copy();
  return Q.dtype === "complex128" ? np.conj(out) : out;
}

/**
 * Real Schur form: zero below the subdiagonal; nonzero subdiagonals isolated, each a standard
 * 2×2 block [a b; c a] with b·c < 0. Complex: upper triangular.
 */
function expectSchurForm(T: np.NDArray): void {
  for (const t of matrices(T)) {
    const n = t.n;
    const at = (i: number, j: number) => t.re[i * n + j];
    for (let i = 0; i < n; i++) for (let j = 0; j < i - 1; j++) expect(at(i, j)).toBe(0);
    if (T.dtype === "complex128") {
      for (let i = 1; i < n; i++) expect(at(i, i - 1) === 0 && t.im[i * n + i - 1] === 0).toBe(true);
      continue;
    }
    for (let i = 1; i < n; i++) {
      if (at(i, i - 1) === 0) continue;
      expect(i + 1 < n ? at(i + 1, i) : 0).toBe(0); // blocks do not overlap
      // equal diagonal (as values: a block of the input may pair −0 with +0, e.g. round(−0.3))
      expect(at(i - 1, i - 1) === at(i, i), `T[${i - 1}, ${i - 1}] = ${at(i - 1, i - 1)}, T[${i}, ${i}] = ${at(i, i)}`).toBe(true);
      expect(Math.sign(at(i - 1, i)) * Math.sign(at(i, i - 1))).toBe(-1);
    }
  }
}

describe("schur: A = Z·T·Zᴴ", () => {
  const cases = withViews([...eigBaseCases(), ...eigComplexCases()]);
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_, c) => {
    const { T, Z } = schur(c.a);
    expectSchurForm(T);
    expectOrthonormal(Z, { eps: EPS });
    expectReconstructs(c.a, [Z, T, conjT(Z)], { eps: EPS });
  });

  it("property: random sizes, stacks, views; integer matrices with repeated eigenvalues", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 14 }), fc.integer({ min: 1, max: 2 }), fc.boolean(), fc.boolean(), fc.boolean(), fc.nat(), (n, count, complex, transpose, integers, seed) => {
        let a = complex ? randomComplex([count, n, n], seed) : randomMatrix([count, n, n], seed);
        if (integers && !complex) a = np.round(a);
        if (transpose) a = a.swapaxes(-1, -2);
        const { T, Z } = schur(a);
        expectSchurForm(T);
        expectOrthonormal(Z, { eps: EPS });
        expectReconstructs(a, [Z, T, conjT(Z)], { eps: EPS });
      }),
      { numRuns: 60 },
    );
  });

  it("a 2×2 block already standard with −0 and +0 on its diagonal (found by the property above)", () => {
    const a = np.array([[-0, 1], [-1, 0]]);
    const { T, Z } = schur(a);
    expectSchurForm(T);
    expectReconstructs(a, [Z, T, conjT(Z)], { eps: EPS });
  });

  it("errors: not square, NaN", () => {
    expect(() => schur(np.zeros([3, 2]))).toThrow(LinAlgError);
    expect(() => schur(np.array([[1, 2], [Infinity, 1]]))).toThrow(/infs or NaNs/);
  });
});

describe("lanv2: the standard form of a 2×2 block", () => {
  /** [a b; c d] = R·[aa bb; cc dd]·Rᵀ with R = [cs −sn; sn cs]: check to rounding. */
  function check(a: number, b: number, c: number, d: number): void {
    const r = lanv2(a, b, c, d);
    expect(Math.abs(r.cs * r.cs + r.sn * r.sn - 1)).toBeLessThan(4 * EPS);
    const R = [
      [r.cs, -r.sn],
      [r.sn, r.cs],
    ];
    const S = [
      [r.a, r.b],
      [r.c, r.d],
    ];
    const M = [
      [a, b],
      [c, d],
    ];
    const scale = Math.max(Math.abs(a), Math.abs(b), Math.abs(c), Math.abs(d), 1e-300);
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < 2; j++) {
        let s = 0;
        for (let p = 0; p < 2; p++) for (let q = 0; q < 2; q++) s += R[i][p] * S[p][q] * R[j][q];
        expect(Math.abs(s - M[i][j])).toBeLessThan(20 * EPS * scale);
      }
    }
    if (r.c === 0) {
      expect(r.rt1i).toBe(0);
      expect([r.rt1r, r.rt2r]).toEqual([r.a, r.d]);
    } else {
      expect(r.a === r.d, `a = ${r.a}, d = ${r.d}`).toBe(true); // as values: −0 and +0 are equal
      expect(Math.sign(r.b) * Math.sign(r.c)).toBe(-1);
      expect(r.rt1i).toBeGreaterThan(0);
      expect(r.rt2i).toBe(-r.rt1i);
    }
  }

  it.each([
    [1, 2, 3, 4], // real eigenvalues
    [0, -1, 1, 0], // ±i, already standard
    [1, 2, -3, 4], // complex pair 2.5 ± i·1.936
    [1, 0, 5, 2], // b = 0: swap
    [0, -5e-324, 5e-324, -0], // subnormal rotation, ±0 on the diagonal (a property counterexample)
    [3, 1, 0, 3], // c = 0: nothing to do
    [2, 1e-20, -1e-20, 2], // tiny pair
    [1, 1e200, -1e-200, 1], // wildly scaled
    [5, 1, 1, 5], // symmetric, equal diagonal
    [1, -4, 1, 1], // equal diagonal, b·c < 0
  ])("[%d %d; %d %d]", (a, b, c, d) => check(a, b, c, d));

  it("property: random blocks", () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: -10, max: 10, noNaN: true }), (a, b, c, d) => check(a, b, c, d)),
      { numRuns: 300 },
    );
  });
});

describe("lahqr: deferred sweeps against dlahqr's reflector-by-reflector order (the reference twin)", () => {
  it.each([
    [1, false],
    [2, false],
    [3, false],
    [9, false],
    [30, false],
    [30, true],
    [64, false],
  ])("n = %i (eigenvalues only: %s): bit-identical T, Z and eigenvalues", (n, eigenvaluesOnly) => {
    const a = randomMatrix([n, n], 4000 + n);
    const H0 = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) H0[i + j * n] = a.get(i, j);
    const tau = new Float64Array(Math.max(n - 1, 1));
    gehd2(n, 0, n - 1, H0, n, tau);
    const Z0 = H0.slice();
    orghr(n, 0, n - 1, Z0, n, tau);
    const run = (defer: boolean) => {
      const H = H0.slice();
      const Z = Z0.slice();
      const wr = new Float64Array(n);
      const wi = new Float64Array(n);
      const want = !eigenvaluesOnly;
      expect(lahqr(want, want, n, 0, n - 1, H, n, wr, wi, 0, n - 1, Z, n, defer)).toBe(0);
      return { H, Z, wr, wi };
    };
    const fast = run(true);
    const ref = run(false);
    expect(Array.from(fast.wr)).toEqual(Array.from(ref.wr));
    expect(Array.from(fast.wi)).toEqual(Array.from(ref.wi));
    expect(Array.from(fast.H)).toEqual(Array.from(ref.H));
    expect(Array.from(fast.Z)).toEqual(Array.from(ref.Z));
  });
});
