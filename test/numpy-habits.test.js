// NumPy habits, written as a student translating NumPy line by line writes them: plain
// JavaScript, no types, NumPy's positional forms. Each line gives NumPy's answer (values from
// NumPy 2.4, shown in the comments) or one of our errors naming the function — never a wrong
// answer without a word (issue #16). This file is .js on purpose: nothing here is type-checked,
// exactly as under `npx tsx` or in a browser script.
import { describe, expect, it } from "vitest";
import * as np from "@sliderule/ndarray";
import * as linalg from "@sliderule/linalg";

const ours = [np.ValueError, np.ShapeError, np.DTypeError, np.IndexError, np.AxisError, np.MemoryError, linalg.LinAlgError];
/** Throws one of our error classes, with a message that starts with `fn: `. */
function throwsOurs(f, fn) {
  let caught;
  try {
    f();
  } catch (e) {
    caught = e;
  }
  expect(caught, `${fn} should throw`).toBeDefined();
  expect(
    ours.some((C) => caught instanceof C),
    `${caught}`,
  ).toBe(true);
  expect(caught.message.startsWith(`${fn}: `) || caught.message.startsWith(`${fn}.`), caught.message).toBe(true);
  return caught;
}

describe("reductions, creation and the array's fields", () => {
  const X = np.array([
    [1, 5, 2],
    [7, 0, 3],
  ]);

  it("X.sum(0), np.mean(X, 0), X.argmax(1), np.max(X, 1): the axis is positional", () => {
    expect(X.sum(0).toArray()).toEqual([8, 5, 5]); // X.sum(0)
    expect(np.mean(X, 0).toArray()).toEqual([4, 2.5, 2.5]); // np.mean(X, 0)
    expect(X.argmax(1).toArray()).toEqual([1, 0]); // X.argmax(1)
    expect(np.max(X, 1).toArray()).toEqual([5, 7]); // np.max(X, 1)
  });

  it("a full reduction, item() and a 1-D dot are numbers: comparisons and arithmetic mean what they say", () => {
    expect(X.sum()).toBe(18);
    expect(X.sum() > 10).toBe(true);
    expect(np.mean(X) * 2).toBe(6);
    expect(X.max() + 1).toBe(8);
    expect(X.slice(0, 0).item()).toBe(1);
    expect(np.dot([1, 2, 3], [4, 5, 6])).toBe(32);
  });

  it("np.eye(2, 3) and np.zeros([2, 3], 'float32'): NumPy's positional N, M and dtype", () => {
    expect(np.eye(2, 3).toArray()).toEqual([
      [1, 0, 0],
      [0, 1, 0],
    ]);
    expect(np.zeros([2, 3], "float32").dtype).toBe("float32");
  });

  it("np.array([1.0, 2.0]).set(0, 0.5) stores 0.5: JS numbers are float64", () => {
    const a = np.array([1.0, 2.0]);
    a.set(0, 0.5);
    expect(a.toArray()).toEqual([0.5, 2]);
  });

  it("an integer sum past 2^31 is exact, never wrapped (NumPy's int64)", () => {
    const big = np.array([2147483647, 2147483647, 10], "int32");
    expect(big.sum()).toBe(4294967304); // np.array([...], np.int32).sum() -> 4294967304
    expect(np.cumsum(big).toArray()).toEqual([2147483647, 4294967294, 4294967304]);
  });

  it("np.add(intArray, 0.5, { out: intArray }) throws, as NumPy's same_kind casting does", () => {
    const ints = np.arange(3);
    throwsOurs(() => np.add(ints, 0.5, { out: ints }), "add");
    expect(ints.toArray()).toEqual([0, 1, 2]); // untouched
  });

  it("a.shape = [2, 3] reshapes in place; read-only fields throw on write", () => {
    const a = np.arange(6);
    a.shape = [2, 3];
    expect(a.shape).toEqual([2, 3]);
    expect(a.get(1, 2)).toBe(5);
    const t = a.T;
    throwsOurs(() => {
      t.shape = [6];
    }, "NDArray.shape");
    expect(t.shape).toEqual([3, 2]);
    throwsOurs(() => {
      a.ndim = 3;
    }, "NDArray");
    throwsOurs(() => {
      a.dtype = "float32";
    }, "NDArray");
    expect(a.dtype).toBe("int32");
  });

  it("a size-1 array converts in arithmetic; a larger one refuses instead of becoming NaN", () => {
    const total = np.sum(X, [0, 1]);
    expect(total * 2).toBe(36);
    throwsOurs(() => X > 3, "NDArray");
  });

  it("np.stack(xs, { axis: 1 }), String(a.flags), sharesMemory and mayShareMemory", () => {
    expect(
      np
        .stack(
          [
            [1, 2],
            [3, 4],
          ],
          { axis: 1 },
        )
        .toArray(),
    ).toEqual([
      [1, 3],
      [2, 4],
    ]);
    expect(String(X.flags)).toContain("C_CONTIGUOUS : True");
    expect(String(X.T.flags)).toContain("F_CONTIGUOUS : True");
    expect(np.sharesMemory(X, X.slice(0))).toBe(true);
    expect(np.sharesMemory(X.slice(":", 0), X.slice(":", 1))).toBe(false);
    expect(np.mayShareMemory(X.slice(":", 0), X.slice(":", 1))).toBe(true);
    expect(np.sharesMemory(X, X.copy())).toBe(false);
  });

  it("np.showConfig() prints and returns the text", () => {
    const text = np.showConfig({ print: false });
    expect(text).toContain("backend");
  });

  it("random.choice(…, { replace: false }) draws NumPy's stream without replacement", () => {
    // np.random.default_rng(0).choice(10, 3, replace=False) -> [5, 9, 6]
    expect(np.defaultRng(0).choice(10, 3, { replace: false }).toArray()).toEqual([5, 9, 6]);
    expect(
      np
        .defaultRng(0)
        .choice(10, { size: [2, 2], replace: false })
        .toArray(),
    ).toEqual([
      [2, 4],
      [5, 7],
    ]);
    np.random.seed(1); // np.random.seed(1); np.random.choice(10, 4, replace=False) -> [2, 9, 6, 4]
    expect(np.random.choice(10, 4, { replace: false }).toArray()).toEqual([2, 9, 6, 4]);
  });

  it("arange past 2^31 does not wrap", () => {
    expect(np.arange(2 ** 31 - 2, 2 ** 31 + 2).toArray()).toEqual([2147483646, 2147483647, 2147483648, 2147483649]);
  });

  it("bad arguments throw our errors, naming the function", () => {
    throwsOurs(() => np.full([2], "x"), "full");
    throwsOurs(() => np.eye(3, { k: 1.5 }), "eye");
    throwsOurs(() => np.trace(np.eye(3), { offset: 1.5 }), "trace");
    throwsOurs(() => np.fromTypedArray(new Float64Array(3), [1], "complex128"), "fromTypedArray");
    throwsOurs(() => np.array([1n, 2n]), "array");
    throwsOurs(() => np.sum(np.array([1n])), "array");
    throwsOurs(() => np.zeros([1e5, 1e5]), "zeros");
    throwsOurs(() => np.arange(0, 1e10), "arange");
    let deep = [1];
    for (let i = 0; i < 10_000; i++) deep = [deep];
    throwsOurs(() => np.array(deep), "array");
    throwsOurs(() => X.sum({ axes: 0 }), "sum");
    throwsOurs(() => X.sum("0"), "sum");
  });
});

describe("masks and index arrays", () => {
  const X = np.array([
    [1, -2, 3],
    [-4, 5, -6],
  ]);

  it("X.slice(mask), X.slice(':', [0, 2]), X.slice([0, 1], [1, 2]) return NumPy's copies", () => {
    expect(X.slice(X.greater(0)).toArray()).toEqual([1, 3, 5]); // X[X > 0]
    expect(X.slice(":", [0, 2]).toArray()).toEqual([
      [1, 3],
      [-4, -6],
    ]); // X[:, [0, 2]]
    expect(X.slice([0, 1], [1, 2]).toArray()).toEqual([-2, -6]); // X[[0, 1], [1, 2]]
  });

  it("X.set(X.less(0), 0) writes through the mask", () => {
    const Y = X.copy();
    Y.set(Y.less(0), 0);
    expect(Y.toArray()).toEqual([
      [1, 0, 3],
      [0, 5, 0],
    ]);
  });

  it("an index out of range or a mask of the wrong length is an IndexError", () => {
    expect(throwsOurs(() => X.slice([0, 2]), "slice")).toBeInstanceOf(np.IndexError);
    expect(throwsOurs(() => X.slice([true, false, true]), "slice")).toBeInstanceOf(np.IndexError);
  });
});

describe("linalg: scalars are numbers, results destructure as tuples", () => {
  const A = np.array([
    [4, 1, 2],
    [1, 3, 0],
    [2, 0, 5],
  ]);

  it("det, slogdet, cond, matrixRank, trace and norm are numbers", () => {
    expect(Math.abs(linalg.det(A) - 43)).toBeLessThan(1e-12); // np.linalg.det(A) = 43.000000000000014
    expect(linalg.det(A) + 1).toBeCloseTo(44, 12);
    const { sign, logabsdet } = linalg.slogdet(A);
    expect(sign).toBe(1);
    expect(logabsdet).toBeCloseTo(3.761200115693563, 12);
    expect(linalg.cond(A) > 1e10).toBe(false); // 3.5953899208567384
    expect(linalg.cond(A)).toBeCloseTo(3.5953899208567384, 12);
    expect(linalg.matrixRank(A)).toBe(3);
    expect(linalg.trace(A)).toBe(12);
    expect(np.trace(A)).toBe(12);
    expect(linalg.norm(A)).toBeCloseTo(7.745966692414834, 13);
    expect(linalg.norm([3, 4]) * 2).toBe(10);
  });

  it("const [U, S, Vh] = linalg.svd(A) and const [lu, piv] = linalg.luFactor(A)", () => {
    const [U, S, Vh] = linalg.svd(A);
    expect(U.shape).toEqual([3, 3]);
    expect(Vh.shape).toEqual([3, 3]);
    expect(S.get(0)).toBeCloseTo(6.66907909, 7);
    const [lu, piv] = linalg.luFactor(A);
    expect(lu.shape).toEqual([3, 3]);
    expect(piv.toArray()).toEqual([0, 1, 2]);
  });

  it("linalg.eigh(S)[0] and linalg.svd(A)[1]: a result indexes as NumPy's tuple does", () => {
    const S = np.array([
      [2, 1],
      [1, 2],
    ]);
    // np.linalg.eigh([[2, 1], [1, 2]])[0] -> array([1., 3.])
    expect(
      linalg
        .eigh(S)[0]
        .toArray()
        .map((v) => Math.round(v * 1e12) / 1e12),
    ).toEqual([1, 3]);
    const r = linalg.svd(A);
    expect(r[1]).toBe(r.S);
    expect(linalg.svd(A)[1].get(0)).toBeCloseTo(6.66907909, 7);
    expect(linalg.svd(A).length).toBe(3); // len(np.linalg.svd(A)) == 3
  });

  it("solve on the tutorial's singular-looking [[1,2,3],[4,5,6],[7,8,9]] warns or raises, never silently", () => {
    const B = np.array([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
    let threw = false;
    const { warnings } = np.warnings.catchWarnings(() => {
      try {
        linalg.solve(B, [1, 2, 3]);
      } catch (e) {
        threw = e instanceof linalg.LinAlgError;
      }
    });
    expect(threw || warnings.length > 0).toBe(true);
  });

  it("lstsq: NumPy 2's default rcond, and no silent acceptance of a bad rcond", () => {
    const O = np
      .array([1, 2, 3, 4])
      .reshape(4, 1)
      .matmul(np.array([[1, 2, 3, 4]]));
    const { x, rank } = linalg.lstsq(O, [1, 2, 3, 4]);
    expect(rank).toBe(1); // np.linalg.lstsq(np.outer(...), b, rcond=None) -> rank 1
    expect(linalg.norm(x)).toBeCloseTo(0.18257418583505536, 12);
    throwsOurs(() => linalg.lstsq(O, [1, 2, 3, 4], { rcond: NaN }), "lstsq");
    throwsOurs(() => linalg.lstsq(O, [1, 2, 3, 4], { rcond: "x" }), "lstsq");
    throwsOurs(() => linalg.multiDot("abc"), "multiDot");
  });

  it("an error names the function the user called", () => {
    const nan = np.array([
      [NaN, 1],
      [1, 1],
    ]);
    throwsOurs(() => linalg.norm(nan, 2), "norm");
  });
});
