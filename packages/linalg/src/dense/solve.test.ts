import * as np from "@sliderule/ndarray";
import { ShapeError, ValueError } from "@sliderule/ndarray";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hilbert, randomComplex, randomMatrix, select } from "../../test/corpus.js";
import { columns, expectClose, expectSolves, matrices } from "../../test/invariants.js";
import { LinAlgError } from "../errors.js";
import { solve } from "./solve.js";

describe.each([
  { name: "unblocked", blockSize: 1000 },
  { name: "blocked nb=3", blockSize: 3 },
])("solve ($name)", ({ blockSize }) => {
  it.each(select((t) => t.includes("square") && !t.includes("singular") && !t.includes("empty")).map((c) => [c.name, c] as const))(
    "backward stable on %s",
    (_, c) => {
      const n = c.a.shape[c.a.ndim - 1];
      const batch = c.a.shape.slice(0, -2);
      // a stack of vectors and a stack of matrices
      const b = c.a.dtype === "complex128" ? randomComplex([...batch, n], 1) : randomMatrix([...batch, n], 1, c.a.dtype === "float32" ? "float32" : "float64");
      const x = solve(c.a, b, { blockSize });
      expect(x.shape).toEqual(b.shape);
      const B = randomMatrix([...batch, n, 2], 2);
      const X = solve(c.a, B, { blockSize });
      expect(X.shape).toEqual(B.shape);
      const as = c.a.ndim === 2 ? c.a.reshape(1, n, n) : c.a;
      const xs = columns(x);
      const bs = columns(b);
      matrices(as).forEach((_, p) => {
        const ap = as.slice(p);
        expectSolves(ap, [xs[p]], [bs[p]], { c: c.tags.includes("ill-conditioned") ? 100 : 30 });
        expectSolves(ap, [matrices(X)[p]], [matrices(B)[p]]);
      });
    },
  );

  it("follows NumPy 1.24's rule: b is a vector stack exactly when b.ndim == a.ndim - 1", () => {
    const a = randomMatrix([3, 4, 4], 3);
    expect(solve(a, randomMatrix([3, 4], 4), { blockSize }).shape).toEqual([3, 4]);
    expect(solve(a, randomMatrix([3, 4, 2], 5), { blockSize }).shape).toEqual([3, 4, 2]);
    // a (3, 3) broadcasts over b's batch (2, 3, 4)
    const a2 = randomMatrix([3, 3], 6);
    const b2 = randomMatrix([2, 3, 4], 7);
    const x2 = solve(a2, b2, { blockSize });
    expect(x2.shape).toEqual([2, 3, 4]);
    expectClose(x2.slice(1), solve(a2, b2.slice(1)), 1e-14, 1e-14);
    // batched a with a 1-D b: b is not a vector stack, and has too few dimensions
    expect(() => solve(randomMatrix([2, 3, 3], 8), [1, 2, 3])).toThrow(ValueError);
    expect(() => solve(randomMatrix([2, 3, 3], 8), randomMatrix([3, 3, 1], 9))).toThrow(ShapeError);
  });

  it("raises LinAlgError(singular) with the zero pivot's index", () => {
    try {
      solve(
        [
          [1, 2],
          [2, 4],
        ],
        [1, 2],
        { blockSize },
      );
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(LinAlgError);
      expect((e as LinAlgError).kind).toBe("singular");
      expect((e as LinAlgError).index).toBe(1);
      expect((e as Error).message).toMatch(/Singular matrix/);
    }
    expect(() => solve(np.zeros([3, 3]), [1, 2, 3])).toThrow(expect.objectContaining({ kind: "singular", index: 0 }));
  });
});

describe("solve", () => {
  it("solves the worked example exactly and handles 0×0", () => {
    expect(
      solve(
        [
          [3, 1],
          [1, 2],
        ],
        [9, 8],
      ).toArray(),
    ).toEqual([2, 3]);
    expect(solve(np.zeros([0, 0]), np.zeros([0])).shape).toEqual([0]);
  });

  it("types: float32 with float32 stays float32, float32 with float64 is float64, ints float64, complex", () => {
    const a = randomMatrix([3, 3], 1, "float32");
    expect(solve(a, randomMatrix([3], 2, "float32")).dtype).toBe("float32");
    expect(solve(a, randomMatrix([3], 2)).dtype).toBe("float64");
    expect(
      solve(
        [
          [2, 1],
          [1, 3],
        ],
        [1, 2],
      ).dtype,
    ).toBe("float64");
    const c = randomComplex([3, 3], 3);
    const bc = randomComplex([3], 4);
    expectSolves(c, columns(solve(c, bc)), columns(bc));
  });

  it("Hilbert 12: backward stable even though the forward error is large", () => {
    const a = hilbert(12);
    const b = np.ones([12]);
    expectSolves(a, columns(solve(a, b)), columns(b), { c: 100 });
  });

  it("errors name the function and shapes", () => {
    expect(() => solve(randomMatrix([3, 3], 1), [1, 2, 3, 4])).toThrow(/solve: shapes of a \(3, 3\) and b \(4,\) are incompatible/);
    expect(() => solve(randomMatrix([2, 3], 1), [1, 2])).toThrow(LinAlgError);
    expect(() => solve(randomMatrix([2, 3], 1), [1, 2])).toThrow(/solve: Last 2 dimensions of the array must be square, got shape \(2, 3\)/);
    expect(() =>
      solve(
        [
          [1, 0],
          [0, Infinity],
        ],
        [1, 2],
      ),
    ).toThrow(/solve: array must not contain infs or NaNs/);
    expect(() =>
      solve(
        [
          [1, 0],
          [0, 1],
        ],
        [1, NaN],
      ),
    ).toThrow(ValueError);
  });

  it("never modifies a or b, and reads strided views", () => {
    const big = randomMatrix([10, 10], 5);
    const a = big.slice("::2", "1::2");
    const b = randomMatrix([5, 9], 6).slice(":", "::3");
    const before = Array.from(big.data);
    const x = solve(a, b);
    expect(Array.from(big.data)).toEqual(before);
    expectSolves(a, matrices(x), matrices(b));
  });

  it("property: backward stable for random sizes, stacks and transposed views", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 14 }),
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 6 }),
        fc.nat(),
        (n, batch, transpose, nb, seed) => {
          let a = randomMatrix([batch, n, n], seed);
          if (transpose) a = a.swapaxes(-1, -2);
          const b = randomMatrix([batch, n], seed + 1);
          const x = solve(a, b, { blockSize: nb });
          for (let p = 0; p < batch; p++) expectSolves(a.slice(p), [columns(x)[p]], [columns(b)[p]], { c: 1000 });
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("solve: SciPy's LinAlgWarning for an ill-conditioned matrix (rcond < eps, by dgecon)", () => {
  const { catchWarnings, filterWarnings, resetWarnings, LinAlgWarning } = np.warnings;
  const A = np.array(
    [
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ],
    "float64",
  ); // the tutorial's
  const b = np.array([1, 2, 3], "float64");

  it("the tutorial's [[1, 2, 3], [4, 5, 6], [7, 8, 9]] warns once and still returns x", () => {
    const { result, warnings } = catchWarnings(() => solve(A, b));
    expect(warnings).toHaveLength(1);
    expect(warnings[0].category).toBe(LinAlgWarning);
    expect(warnings[0].location).toBe("solve");
    expect(warnings[0].message).toMatch(/^solve: Ill-conditioned matrix \(rcond=\d(\.\d+)?e-\d\d\): result may not be accurate\.$/);
    const rcond = Number(/rcond=([^)]+)\)/.exec(warnings[0].message)![1]);
    expect(rcond).toBeGreaterThan(0);
    expect(rcond).toBeLessThan(2 ** -53);
    expect(result.shape).toEqual([3]);
    expect(Array.from(result.data).every(Number.isFinite)).toBe(true);
  });

  it("well-conditioned systems do not warn; a stack warns once, naming its smallest rcond", () => {
    expect(catchWarnings(() => solve(randomMatrix([3, 6, 6], 5), randomMatrix([3, 6], 6))).warnings).toHaveLength(0);
    expect(catchWarnings(() => solve(hilbert(8), np.ones([8]))).warnings).toHaveLength(0); // κ₁ ≈ 3e10
    const stack = np.stack([A, np.eye(3), A.multiply(2)]);
    const { warnings } = catchWarnings(() => solve(stack, np.ones([3, 3])));
    expect(warnings).toHaveLength(1);
    expect(warnings[0].message).toMatch(/^solve: Ill-conditioned matrix \(rcond=[^,]+, the smallest of 3 matrices\): result may not be accurate\.$/);
  });

  it("eps is that of the dtype: float32 warns at κ ≈ 1e9, float64 does not", () => {
    const d = np.array(
      [
        [1, 0],
        [0, 1e-9],
      ],
      "float32",
    );
    expect(catchWarnings(() => solve(d, np.ones([2], "float32"))).warnings).toHaveLength(1);
    expect(catchWarnings(() => solve(d.astype("float64"), np.ones([2]))).warnings).toHaveLength(0);
  });

  it("filterWarnings('error', LinAlgWarning) makes it an error; an exact zero pivot stays LinAlgError", () => {
    try {
      filterWarnings("error", LinAlgWarning);
      expect(() => solve(A, b)).toThrow(LinAlgWarning);
      expect(() =>
        solve(
          [
            [1, 2],
            [2, 4],
          ],
          [1, 1],
        ),
      ).toThrow(LinAlgError);
    } finally {
      resetWarnings();
    }
  });
});
