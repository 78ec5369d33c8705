/**
 * Array creation: dtype inference from nested JS arrays (and rejection of ragged ones), the
 * constructors' shapes, dtypes and values (NumPy's where marked), and errors that name the
 * function and the offending value (negative dimensions, unknown dtypes, bad arguments).
 */
import { describe, expect, it } from "vitest";
import { expectError, flat } from "../test/arbitraries.js";
import * as np from "./index.js";
import { DTypeError, NDArray, ValueError, ZeroDivisionError, type DType } from "./index.js";

describe("array", () => {
  it("infers bool, float64 and complex128: JS numbers are float64 (NumPy would choose int64 for Python ints)", () => {
    expect(np.array([true, false]).dtype).toBe("bool");
    expect(np.array([1, 2]).dtype).toBe("float64");
    expect(np.array([true, 2]).dtype).toBe("float64");
    expect(np.array([1, 2], "int32").dtype).toBe("int32");
    expect(np.array([1, 2], { dtype: "int32" }).dtype).toBe("int32");
    expect(np.array(Int32Array.of(1, 2)).dtype).toBe("int32");
    // the trap this removes: np.array([1.0, 2.0]) must hold 0.5, as NumPy's float array does
    expect(np.array([1.0, 2.0]).set(0, 0.5).get(0)).toBe(0.5);
    expect(np.array([1, 2.5]).dtype).toBe("float64");
    expect(np.array([1, NaN]).dtype).toBe("float64");
    expect(np.array([-2147483648, 2147483647]).dtype).toBe("float64");
    expect(np.array([2147483648]).dtype).toBe("float64");
    expect(np.array([1, { re: 0, im: 1 }]).dtype).toBe("complex128");
    expect(np.array([]).dtype).toBe("float64");
    expect(np.array([[], []]).shape).toEqual([2, 0]);
    expect(np.array(3).shape).toEqual([]);
    expect(np.array(3).item()).toBe(3);
  });

  it("casts to a given dtype, and copies NDArrays and typed arrays", () => {
    expect(np.array([1.7, -1.7], "int32").toArray()).toEqual([1, -1]);
    expect(np.array([0, 2], "bool").toArray()).toEqual([false, true]);
    expect(np.array([1, 2], "complex128").toArray()).toEqual([
      { re: 1, im: 0 },
      { re: 2, im: 0 },
    ]);
    const a = np.arange(3);
    const b = np.array(a);
    expect(b.data).not.toBe(a.data);
    expect(np.array(a, "float32").dtype).toBe("float32");
    const buf = new Float32Array([1, 2]);
    const c = np.array(buf);
    expect(c.dtype).toBe("float32");
    buf[0] = 9;
    expect(c.get(0)).toBe(1);
  });

  it("rejects ragged nesting with ValueError naming the place and the lengths", () => {
    expectError(() => np.array([[1, 2], [3]]), ValueError, "array", "ragged", "[1]", "length 2", "length 1");
    expectError(() => np.array([[1, 2], 3]), ValueError, "array", "ragged", "[1]", "a scalar");
    expectError(() => np.array([1, [2]]), ValueError, "array", "ragged", "[1]", "a list");
    expectError(
      () =>
        np.array([
          [[1], [2]],
          [[1], [2, 3]],
        ]),
      ValueError,
      "array",
      "[1][1]",
      "length 1",
      "length 2",
    );
    expectError(() => np.array(["x" as unknown as number]), ValueError, "array", '"x"');
  });

  it("rejects unknown dtypes and complex values into a real dtype", () => {
    expectError(() => np.array([1], "int64" as DType), DTypeError, "array", '"int64"');
    expectError(() => np.array([{ re: 1, im: 1 }], "float64"), DTypeError, "array", "complex", "float64");
  });
});

describe("asarray, fromTypedArray", () => {
  it("asarray returns an NDArray itself and wraps typed arrays without copying", () => {
    const a = np.arange(3);
    expect(np.asarray(a)).toBe(a);
    expect(np.asarray(a, "int32")).toBe(a);
    expect(np.asarray(a, "float64").dtype).toBe("float64");
    const buf = new Int32Array([1, 2]);
    const w = np.asarray(buf);
    buf[0] = 7;
    expect(w.get(0)).toBe(7);
    expect(np.asarray([[1, 2]]).shape).toEqual([1, 2]);
  });

  it("fromTypedArray wraps with a shape, reading Float64Array as complex on request", () => {
    const buf = new Float64Array([1, 2, 3, 4, 5, 6]);
    const a = np.fromTypedArray(buf, [2, 3]);
    buf[5] = 60;
    expect(a.get(1, 2)).toBe(60);
    expect(np.fromTypedArray(buf, [3], "complex128").getComplex(2)).toEqual({ re: 5, im: 60 });
    expect(np.fromTypedArray(new Uint8Array([1, 0])).toArray()).toEqual([true, false]);
    expectError(() => np.fromTypedArray(buf, [4]), ValueError, "fromTypedArray", "6 elements", "(4,)");
    expectError(() => np.fromTypedArray(buf, [-6]), ValueError, "fromTypedArray", "negative", "-6");
  });
});

describe("zeros, ones, full, empty and the *Like functions", () => {
  it("make arrays of the shape and dtype asked for", () => {
    expect(np.zeros([2, 3]).toArray()).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(np.zeros(3, "int32").dtype).toBe("int32");
    expect(np.ones([2], "bool").toArray()).toEqual([true, true]);
    expect(np.ones([1], "complex128").toArray()).toEqual([{ re: 1, im: 0 }]);
    expect(np.full([2], 2.5).toArray()).toEqual([2.5, 2.5]);
    expect(np.full([2], 7).dtype).toBe("float64");
    expect(np.full([2], true).dtype).toBe("bool");
    expect(np.full([2], true).dtype).toBe("bool");
    expect(np.full([2], 2.5, "int32").toArray()).toEqual([2, 2]);
    expect(np.full([1], 3, "complex128").toArray()).toEqual([{ re: 3, im: 0 }]);
    expect(np.empty([0, 4]).shape).toEqual([0, 4]);
    expect(np.zeros([]).shape).toEqual([]);
    const a = np.arange(6).reshape(2, 3).T;
    for (const f of [np.zerosLike, np.onesLike, np.emptyLike] as const) {
      const r = f(a);
      expect(r.shape).toEqual([3, 2]);
      expect(r.dtype).toBe("int32");
      expect(r.flags.cContiguous).toBe(true);
    }
    expect(np.onesLike(a, "float32").dtype).toBe("float32");
    expect(np.fullLike(a, 4).toArray()).toEqual([
      [4, 4],
      [4, 4],
      [4, 4],
    ]);
  });

  it("reject negative or fractional dimensions and unknown dtypes, naming the function", () => {
    expectError(() => np.zeros([2, -1]), ValueError, "zeros", "negative", "-1");
    expectError(() => np.ones([-3]), ValueError, "ones", "negative", "-3");
    expectError(() => np.full([-2], 0), ValueError, "full", "negative", "-2");
    expectError(() => np.empty([-4]), ValueError, "empty", "negative", "-4");
    expectError(() => np.eye(-1), ValueError, "eye", "N", "-1");
    expectError(() => np.eye(3, { k: 1.5 }), ValueError, "eye", "k", "1.5");
    expectError(() => np.full([2], "x" as never), ValueError, "full", "fill value", '"x"');
    expectError(() => np.zeros([1e5, 1e5]), np.MemoryError, "zeros", "GiB", "(100000, 100000)");
    expectError(() => np.arange(0, 1e10), np.MemoryError, "arange", "GiB");
    expectError(() => np.fromTypedArray(new Float64Array(3), undefined, "complex128"), ValueError, "fromTypedArray", "odd length 3");
    expectError(() => np.array([1n, 2n] as never), DTypeError, "array", "BigInt");
    let deep: unknown = [1];
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expectError(() => np.array(deep as never), ValueError, "array", "64");
    expectError(() => np.zeros([2.5]), ValueError, "zeros", "2.5");
    expectError(() => np.zeros("3" as unknown as number), ValueError, "zeros", "3");
    expectError(() => np.zeros([2], "int8" as DType), DTypeError, "zeros", '"int8"');
    expectError(() => np.ones([2], "int8" as DType), DTypeError, "ones", '"int8"');
    expectError(() => np.empty([2], "int8" as DType), DTypeError, "empty", '"int8"');
    expectError(() => np.full([2], 1, "int8" as DType), DTypeError, "full", '"int8"');
    expectError(() => np.eye(2, { dtype: "int8" as DType }), DTypeError, "eye", '"int8"');
    const a = np.zeros([2]);
    expectError(() => np.zerosLike(a, "int8" as DType), DTypeError, "zerosLike", '"int8"');
    expectError(() => np.onesLike(a, "int8" as DType), DTypeError, "onesLike", '"int8"');
    expectError(() => np.emptyLike(a, "int8" as DType), DTypeError, "emptyLike", '"int8"');
    expectError(() => np.fullLike(a, 0, "int8" as DType), DTypeError, "fullLike", '"int8"');
  });
});

describe("eye, identity, diag", () => {
  it("eye puts ones on the k-th diagonal (NumPy)", () => {
    expect(np.eye(2, { M: 3, k: 1 }).toArray()).toEqual([
      [0, 1, 0],
      [0, 0, 1],
    ]);
    expect(np.eye(3, { M: 2, k: -2 }).toArray()).toEqual([
      [0, 0],
      [0, 0],
      [1, 0],
    ]);
    expect(np.eye(2, { k: 5 }).toArray()).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(np.eye(2, { dtype: "complex128" }).getComplex(1, 1)).toEqual({ re: 1, im: 0 });
    expect(np.identity(3, "int32").toArray()).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
    expect(np.eye(0).shape).toEqual([0, 0]);
  });

  it("diag builds a matrix from a vector and copies a matrix's diagonal (NumPy)", () => {
    expect(np.diag([1, 2], -1).toArray()).toEqual([
      [0, 0, 0],
      [1, 0, 0],
      [0, 2, 0],
    ]);
    expect(np.diag([1, 2], 1).toArray()).toEqual([
      [0, 1, 0],
      [0, 0, 2],
      [0, 0, 0],
    ]);
    const m = np.arange(9).reshape(3, 3);
    const d = np.diag(m, 1);
    expect(d.toArray()).toEqual([1, 5]);
    d.set(0, 100);
    expect(m.get(0, 1)).toBe(1); // a copy
    expect(np.diag(np.array([{ re: 1, im: 2 }])).getComplex(0, 0)).toEqual({ re: 1, im: 2 });
    expectError(() => np.diag(np.zeros([2, 2, 2])), ValueError, "diag", "(2,2,2)");
  });
});

describe("arange", () => {
  it("gives NumPy's values and dtypes", () => {
    expect(np.arange(5).toArray()).toEqual([0, 1, 2, 3, 4]);
    expect(np.arange(5).dtype).toBe("int32");
    expect(np.arange(10, 0, -3).toArray()).toEqual([10, 7, 4, 1]);
    expect(np.arange(-3).toArray()).toEqual([]);
    expect(np.arange(0.5, 3).toArray()).toEqual([0.5, 1.5, 2.5]);
    expect(np.arange(0.5, 3).dtype).toBe("float64");
    // NumPy: np.arange(1, 2, 0.3).tolist() -> [1.0, 1.3, 1.6, 1.9000000000000001] (start + i·delta,
    // delta = (start + step) − start); len(np.arange(0, 1, 0.1)) == 10
    expect(np.arange(1, 2, 0.3).toArray()).toEqual([1, 1.3, 1.6, 1.9000000000000001]);
    expect(np.arange(0, 1, 0.1).size).toBe(10);
    expect(np.arange(0, 3, 1, "float32").dtype).toBe("float32");
  });

  it("rejects a zero step, non-finite arguments and an unknown dtype", () => {
    expectError(() => np.arange(0, 10, 0), ZeroDivisionError, "arange", "step", "10");
    expectError(() => np.arange(0, Infinity), ValueError, "arange", "Infinity");
    expectError(() => np.arange(NaN), ValueError, "arange", "NaN");
    expectError(() => np.arange(3, undefined, 1, "int8" as DType), DTypeError, "arange", '"int8"');
  });
});

describe("linspace", () => {
  it("gives NumPy's samples, with or without the endpoint (NumPy)", () => {
    expect(np.linspace(0, 1, 5).toArray()).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(np.linspace(0, 1, 5, { endpoint: false }).toArray()).toEqual([0, 0.2, 0.4, 0.6000000000000001, 0.8]);
    expect(np.linspace(2, 3, 1).toArray()).toEqual([2]);
    expect(np.linspace(0, 1, 0).toArray()).toEqual([]);
    expect(np.linspace(0, 1).size).toBe(50);
    // integer dtypes take the floor: np.linspace(-1, 1, 4, dtype=int) -> [-1, -1, 0, 1]
    expect(np.linspace(-1, 1, 4, { dtype: "int32" }).toArray()).toEqual([-1, -1, 0, 1]);
    expect(np.linspace(1e-320, 2e-320, 3).toArray()).toEqual([1e-320, 1.5e-320, 2e-320]);
    const last = np.linspace(0.1, 0.7, 7);
    expect(last.get(6)).toBe(0.7);
  });

  it("returns the step with linspaceStep (NaN for one sample with the endpoint)", () => {
    const { samples, step } = np.linspaceStep(0, 1, 5);
    expect(step).toBe(0.25);
    expect(samples.size).toBe(5);
    expect(np.linspaceStep(2, 3, 1).step).toBeNaN();
    expect(np.linspaceStep(0, 1, 4, { endpoint: false }).step).toBe(0.25);
    // NumPy's tuple order: samples, step = np.linspace(0, 1, 5, retstep=True)
    const [s2, st2] = np.linspaceStep(0, 1, 5);
    expect((s2 as NDArray).toArray()).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(st2).toBe(0.25);
    expect(Object.keys(np.linspaceStep(0, 1, 5))).toEqual(["samples", "step"]);
    expectError(() => np.linspaceStep(0, 1, -1), ValueError, "linspaceStep", "-1");
    expectError(() => np.linspaceStep(0, 1, 3, { retstep: true } as never), ValueError, "linspaceStep", "retstep");
    expectError(() => np.linspace("0" as never, 1), ValueError, "linspace", '"0"');
  });

  it("rejects a negative or fractional number of samples and an unknown dtype", () => {
    expectError(() => np.linspace(0, 1, -1), ValueError, "linspace", "-1");
    expectError(() => np.linspace(0, 1, 2.5), ValueError, "linspace", "2.5");
    expectError(() => np.linspace(0, 1, 3, { dtype: "int8" as DType }), DTypeError, "linspace", '"int8"');
  });
});

describe("created arrays own their data and are C-contiguous", () => {
  it("for every constructor", () => {
    const made: NDArray[] = [
      np.array([[1, 2]]),
      np.zeros([2, 2]),
      np.ones([2]),
      np.full([2], 1),
      np.empty([3]),
      np.eye(2),
      np.identity(2),
      np.diag([1, 2]),
      np.arange(3),
      np.linspace(0, 1, 3),
    ];
    for (const a of made) {
      expect(a.flags).toMatchObject({ cContiguous: true, ownData: true, writeable: true });
      expect(a.base).toBeNull();
      expect(flat(a).length).toBe(a.size);
    }
  });
});

describe("NumPy's positional forms and the int32 range", () => {
  it("eye(N, M, k, dtype) positionally or with options; zeros(shape, dtype) both ways", () => {
    expect(np.eye(2, 3).shape).toEqual([2, 3]);
    expect(np.eye(2, 3).toArray()).toEqual([
      [1, 0, 0],
      [0, 1, 0],
    ]);
    expect(np.eye(3, 3, 1).get(0, 1)).toBe(1);
    expect(np.eye(2, null, 0, "int32").dtype).toBe("int32");
    expect(np.eye(2, 3, { k: 1 }).toArray()).toEqual([
      [0, 1, 0],
      [0, 0, 1],
    ]);
    expect(np.zeros([2, 3], "float32").dtype).toBe("float32");
    expect(np.zeros([2, 3], { dtype: "float32" }).dtype).toBe("float32");
  });

  it("arange of integers is int32 while it fits, float64 (exact) past 2^31, never wrapped", () => {
    expect(np.arange(5).dtype).toBe("int32");
    const a = np.arange(2 ** 31 - 2, 2 ** 31 + 2);
    expect(a.dtype).toBe("float64");
    expect(a.toArray()).toEqual([2147483646, 2147483647, 2147483648, 2147483649]);
    expect(np.arange(0, 1, 0.25).dtype).toBe("float64");
    expect(np.arange(3, { dtype: "float64" }).toArray()).toEqual([0, 1, 2]);
  });
});

describe("the *Like functions take nested lists, as NumPy's", () => {
  it("zerosLike, onesLike, emptyLike and fullLike copy the shape and dtype of a list", () => {
    expect(np.zerosLike([[1, 2]]).toArray()).toEqual([[0, 0]]);
    expect(np.onesLike([true, false]).dtype).toBe("bool");
    expect(np.emptyLike(Int32Array.of(1, 2, 3)).dtype).toBe("int32");
    expect(np.fullLike([[1], [2]], 7).toArray()).toEqual([[7], [7]]);
    expectError(() => np.zerosLike("x" as never), ValueError, "zerosLike");
  });
});
