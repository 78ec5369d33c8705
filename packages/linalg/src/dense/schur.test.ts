import * as np from "@sliderule/ndarray";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eigBaseCases, eigComplexCases, withViews } from "../../test/corpus-eig.js";
import { randomComplex, randomMatrix } from "../../test/corpus.js";
import { expectOrthonormal, expectReconstructs, matrices } from "../../test/invariants.js";
import { LinAlgError } from "../errors.js";
import { schur } from "./schur.js";

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
      fc.property(
        fc.integer({ min: 0, max: 14 }),
        fc.integer({ min: 1, max: 2 }),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.nat(),
        (n, count, complex, transpose, integers, seed) => {
          let a = complex ? randomComplex([count, n, n], seed) : randomMatrix([count, n, n], seed);
          if (integers && !complex) a = np.round(a);
          if (transpose) a = a.swapaxes(-1, -2);
          const { T, Z } = schur(a);
          expectSchurForm(T);
          expectOrthonormal(Z, { eps: EPS });
          expectReconstructs(a, [Z, T, conjT(Z)], { eps: EPS });
        },
      ),
      { numRuns: 60 },
    );
  });

  it("a 2×2 block already standard with −0 and +0 on its diagonal (found by the property above)", () => {
    const a = np.array([
      [-0, 1],
      [-1, 0],
    ]);
    const { T, Z } = schur(a);
    expectSchurForm(T);
    expectReconstructs(a, [Z, T, conjT(Z)], { eps: EPS });
  });

  it("errors: not square, NaN", () => {
    expect(() => schur(np.zeros([3, 2]))).toThrow(LinAlgError);
    expect(() =>
      schur(
        np.array([
          [1, 2],
          [Infinity, 1],
        ]),
      ),
    ).toThrow(/infs or NaNs/);
  });
});
