import * as np from "@sliderule/ndarray";
import { ValueError } from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { randomComplex, randomMatrix, rng, select } from "../../test/corpus.js";
import { expectClose, expectReconstructs, matrices, mul, normF } from "../../test/invariants.js";
import { LinAlgError } from "../errors.js";
import { getri, inv, invQuiet } from "./inv.js";
import { colMajor } from "@sliderule/ndarray/kernels";
import { getrf, getrs } from "./lu.js";

describe.each([
  { name: "unblocked", blockSize: 1000 },
  { name: "blocked nb=2", blockSize: 2 },
])("inv ($name)", ({ blockSize }) => {
  it.each(select((t) => t.includes("square") && !t.includes("singular") && !t.includes("ill-conditioned")).map((c) => [c.name, c] as const))(
    "A·A⁻¹ = I for %s",
    (_, c) => {
      const X = inv(c.a, { blockSize });
      expect(X.shape).toEqual(c.a.shape);
      expect(X.dtype).toBe(c.a.dtype === "int32" ? "float64" : c.a.dtype);
      const n = c.a.shape[c.a.ndim - 1];
      const eps = c.a.dtype === "float32" ? 2 ** -23 : 2 ** -52;
      if (n === 0) return;
      matrices(c.a).forEach((a, p) => {
        const x = matrices(X)[p];
        // residual ‖A·X − I‖ ≤ c·n·‖A‖·‖X‖·eps (the columns of X are backward stable solutions)
        const r = mul(a, x);
        for (let i = 0; i < n; i++) r.re[i * n + i] -= 1;
        expect(normF(r) / (Math.max(n, 1) * normF(a) * normF(x) * eps)).toBeLessThan(30);
      });
    },
  );
});

describe("inv", () => {
  it("inverts the worked example exactly", () => {
    expect(
      inv([
        [2, 0],
        [0, 4],
      ]).toArray(),
    ).toEqual([
      [0.5, 0],
      [0, 0.25],
    ]);
  });

  it("inv(inv(A)) ≈ A and complex inverses", () => {
    const a = randomMatrix([6, 6], 1);
    expectClose(inv(inv(a)), a, 1e-10, 1e-12);
    const c = randomComplex([4, 4], 2);
    expectReconstructs(np.eye(4).astype("complex128"), [c, inv(c)], { c: 100 });
  });

  it("raises LinAlgError(singular) with the index; non-square names the shape", () => {
    expect(() =>
      inv([
        [1, 2],
        [2, 4],
      ]),
    ).toThrow(expect.objectContaining({ name: "LinAlgError", kind: "singular", index: 1 }));
    expect(() => inv(np.zeros([3, 3]))).toThrow(/Singular matrix/);
    expect(() => inv(np.zeros([2, 3]))).toThrow(/inv: Last 2 dimensions of the array must be square, got shape \(2, 3\)/);
    expect(() => inv(np.zeros([2, 3]))).toThrow(LinAlgError);
    expect(() =>
      inv([
        [NaN, 0],
        [0, 1],
      ]),
    ).toThrow(ValueError);
  });

  it("handles 0×0 and stacks of 0×0", () => {
    expect(inv(np.zeros([0, 0])).shape).toEqual([0, 0]);
    expect(inv(np.zeros([2, 0, 0])).shape).toEqual([2, 0, 0]);
  });
});

describe("getri against its twin, A·X = I by getrs (NumPy's route)", () => {
  const EPS = 2 ** -52;
  it.each([
    [1, 8, 64],
    [7, 1, 3],
    [33, 4, 8],
    [100, 8, 64],
    [130, 8, 17],
  ])("n = %i, leaves %i, block columns %i", (n, nb, width) => {
    const r = rng(n + 3);
    const A = Float64Array.from({ length: n * n }, () => 2 * r() - 1);
    const LU = A.slice();
    const ipiv = new Int32Array(n);
    expect(getrf(colMajor(LU, n, n), ipiv, 8)).toBe(-1);
    const X = new Float64Array(n * n).fill(NaN); // getri must not read X
    getri(n, LU, 0, n, ipiv, X, 0, n, nb, width);
    const Y = new Float64Array(n * n);
    for (let i = 0; i < n; i++) Y[i + i * n] = 1;
    getrs(0, colMajor(LU, n, n), ipiv, colMajor(Y, n, n), nb);
    // both are backward-stable inverses: compare them, and A·X with I, at the scale cond(A)·n·eps
    let diff = 0;
    let norm = 0;
    for (let t = 0; t < n * n; t++) {
      diff = Math.max(diff, Math.abs(X[t] - Y[t]));
      norm = Math.max(norm, Math.abs(Y[t]));
    }
    let residual = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let s = i === j ? -1 : 0;
        for (let p = 0; p < n; p++) s += A[i + p * n] * X[p + j * n];
        residual = Math.max(residual, Math.abs(s));
      }
    }
    expect(residual / (n * norm * EPS)).toBeLessThan(50);
    expect(diff / (n * norm * norm * EPS)).toBeLessThan(50);
  });
});

describe("inv: SciPy's LinAlgWarning for an ill-conditioned matrix", () => {
  const { catchWarnings, LinAlgWarning } = np.warnings;
  const A = np.array(
    [
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ],
    "float64",
  );

  it("warns once per call (also for a stack); invQuiet does not", () => {
    const one = catchWarnings(() => inv(A));
    expect(one.warnings).toHaveLength(1);
    expect(one.warnings[0].category).toBe(LinAlgWarning);
    expect(one.warnings[0].message).toMatch(/^inv: Ill-conditioned matrix \(rcond=[^)]+\): result may not be accurate\.$/);
    expect(catchWarnings(() => inv(np.stack([A, A, np.eye(3)]))).warnings).toHaveLength(1);
    expect(catchWarnings(() => inv(randomMatrix([4, 4], 3))).warnings).toHaveLength(0);
    const quiet = catchWarnings(() => invQuiet(A));
    expect(quiet.warnings).toHaveLength(0);
    expect(Array.from(quiet.result.data)).toEqual(Array.from(one.result.data));
  });
});
