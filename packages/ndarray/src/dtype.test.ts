/**
 * dtypes and promotion: NumPy 1.24's `promote_types` table for our five dtypes, and its
 * value-based `result_type` when arrays meet scalars (JS integers behave as Python ints, other
 * numbers as Python floats, booleans as Python bools, 0-d arrays as NumPy scalars).
 *
 * The expected tables were printed by NumPy 1.24.2, with two substitutions Sliderule makes by
 * design: int64 -> int32 (our integer dtype) and complex64 -> complex128 (our only complex).
 */
import { describe, expect, it } from "vitest";
import { expectError } from "../test/arbitraries.js";
import * as np from "./index.js";
import {
  allocate,
  castScalar,
  checkDType,
  DEFAULT_OF_KIND,
  DTYPES,
  dtypeOfBuffer,
  isComplex,
  isFloating,
  isInteger,
  ITEMSIZE,
  KIND,
  promoteTypes,
  resultType,
  scalarDType,
  type DType,
  type TypedArray,
} from "./dtype.js";
import { DTypeError } from "./errors.js";

const T: DType[] = ["bool", "int32", "float32", "float64", "complex128"];

// np.promote_types(row, column), NumPy 1.24.2
const PROMOTE: Record<DType, DType[]> = {
  bool: ["bool", "int32", "float32", "float64", "complex128"],
  int32: ["int32", "int32", "float64", "float64", "complex128"],
  float32: ["float32", "float64", "float32", "float64", "complex128"],
  float64: ["float64", "float64", "float64", "float64", "complex128"],
  complex128: ["complex128", "complex128", "complex128", "complex128", "complex128"],
};

// (np.zeros(2, row) + scalar).dtype for Python True, 3, 2.5 (int64 -> int32)
const WITH_PY_SCALAR: Record<DType, [DType, DType, DType]> = {
  bool: ["bool", "int32", "float64"],
  int32: ["int32", "int32", "float64"],
  float32: ["float32", "float32", "float32"],
  float64: ["float64", "float64", "float64"],
  complex128: ["complex128", "complex128", "complex128"],
};

// (np.zeros(2, row) + np.zeros((), column)).dtype (complex64 -> complex128)
const WITH_0D: Record<DType, DType[]> = {
  bool: ["bool", "int32", "float32", "float64", "complex128"],
  int32: ["int32", "int32", "float64", "float64", "complex128"],
  float32: ["float32", "float32", "float32", "float32", "complex128"],
  float64: ["float64", "float64", "float64", "float64", "complex128"],
  complex128: ["complex128", "complex128", "complex128", "complex128", "complex128"],
};

describe("promoteTypes", () => {
  it.each(T)("matches NumPy's table for %s", (a) => {
    expect(T.map((b) => promoteTypes(a, b))).toEqual(PROMOTE[a]);
  });

  it("is symmetric, idempotent and associative", () => {
    for (const a of T) {
      expect(promoteTypes(a, a)).toBe(a);
      for (const b of T) {
        expect(promoteTypes(a, b)).toBe(promoteTypes(b, a));
        for (const c of T) expect(promoteTypes(promoteTypes(a, b), c)).toBe(promoteTypes(a, promoteTypes(b, c)));
      }
    }
  });
});

describe("resultType (NumPy 1.24 value-based casting)", () => {
  it.each(T)("%s array with a Python bool, int and float scalar", (a) => {
    const scalars: (number | boolean)[] = [true, 3, 2.5];
    const got = scalars.map((s) =>
      resultType([
        { dtype: a, scalar: false },
        { dtype: scalarDType(s), scalar: true },
      ]),
    );
    expect(got).toEqual(WITH_PY_SCALAR[a]);
  });

  it.each(T)("%s array with 0-d arrays of every dtype", (a) => {
    expect(
      T.map((b) =>
        resultType([
          { dtype: a, scalar: false },
          { dtype: b, scalar: true },
        ]),
      ),
    ).toEqual(WITH_0D[a]);
  });

  it("all scalars, or all arrays: plain promotion", () => {
    for (const a of T) {
      for (const b of T) {
        expect(
          resultType([
            { dtype: a, scalar: true },
            { dtype: b, scalar: true },
          ]),
        ).toBe(promoteTypes(a, b));
        expect(
          resultType([
            { dtype: a, scalar: false },
            { dtype: b, scalar: false },
          ]),
        ).toBe(promoteTypes(a, b));
      }
    }
  });

  it("several arrays and scalars: the arrays decide unless a scalar's kind is higher", () => {
    const arr = (dtype: DType) => ({ dtype, scalar: false });
    const sc = (dtype: DType) => ({ dtype, scalar: true });
    expect(resultType([arr("float32"), arr("bool"), sc("float64"), sc("int32")])).toBe("float32");
    expect(resultType([arr("int32"), arr("bool"), sc("float64")])).toBe("float64");
    expect(resultType([arr("float32"), sc("complex128")])).toBe("complex128");
    expect(resultType([arr("bool"), sc("int32"), sc("bool")])).toBe("int32");
  });

  it("is what the ufuncs use, with JS numbers and 0-d arrays as scalars", () => {
    for (const a of T) {
      const x = np.zeros([2], a);
      // bool arrays do not subtract, so add
      expect([np.add(x, true).dtype, np.add(x, 3).dtype, np.add(x, 2.5).dtype]).toEqual(WITH_PY_SCALAR[a]);
      expect(T.map((b) => np.add(x, np.zeros([], b)).dtype)).toEqual(WITH_0D[a]);
      expect(T.map((b) => np.add(x, np.zeros([1], b)).dtype)).toEqual(PROMOTE[a]);
    }
    // two scalars promote as dtypes
    expect(np.add(3, 2.5).dtype).toBe("float64");
    expect(np.add(3, 4).dtype).toBe("int32");
    expect(np.add(true, true).dtype).toBe("bool");
    expect(np.add(np.zeros([], "int32"), np.zeros([], "float32")).dtype).toBe("float64");
  });
});

describe("scalarDType", () => {
  it("reads booleans as bool, integers in int32 range as int32, the rest as float64", () => {
    expect(scalarDType(true)).toBe("bool");
    expect(scalarDType(0)).toBe("int32");
    expect(scalarDType(-7)).toBe("int32");
    expect(scalarDType(2147483647)).toBe("int32");
    expect(scalarDType(2 ** 31)).toBe("float64");
    expect(scalarDType(1e300)).toBe("float64");
    expect(scalarDType(0.5)).toBe("float64");
    expect(scalarDType(NaN)).toBe("float64");
    expect(scalarDType(Infinity)).toBe("float64");
  });
});

describe("castScalar", () => {
  it("casts as a buffer of the dtype stores", () => {
    expect(castScalar(2, "bool")).toBe(1);
    expect(castScalar(NaN, "bool")).toBe(1);
    expect(castScalar(0, "bool")).toBe(0);
    expect(castScalar(-2.9, "int32")).toBe(-2);
    expect(castScalar(2.9, "int32")).toBe(2);
    expect(castScalar(2 ** 31, "int32")).toBe(-(2 ** 31)); // wraps as C
    expect(castScalar(3e9, "int32")).toBe(new Int32Array([3e9])[0]);
    expect(castScalar(0.1, "float32")).toBe(Math.fround(0.1));
    expect(castScalar(0.1, "float64")).toBe(0.1);
    expect(castScalar(0.1, "complex128")).toBe(0.1);
  });
});

describe("dtype metadata", () => {
  it("lists the dtypes with their item sizes and kinds", () => {
    expect([...DTYPES].sort()).toEqual([...T].sort());
    expect(T.map((t) => ITEMSIZE[t])).toEqual([1, 4, 4, 8, 16]);
    expect(T.map((t) => KIND[t])).toEqual(["b", "i", "f", "f", "c"]);
    expect(DEFAULT_OF_KIND).toEqual({ b: "bool", i: "int32", f: "float64", c: "complex128" });
    expect(T.filter(isComplex)).toEqual(["complex128"]);
    expect(T.filter(isFloating)).toEqual(["float32", "float64"]);
    expect(T.filter(isInteger)).toEqual(["bool", "int32"]);
  });

  it("allocates zeroed buffers (two slots per complex element)", () => {
    const bufs: [DType, TypedArray, number][] = T.map((t) => [t, allocate(t, 3), t === "complex128" ? 6 : 3]);
    for (const [t, buf, n] of bufs) {
      expect(buf.length, t).toBe(n);
      expect(Array.from(buf).every((v) => v === 0)).toBe(true);
    }
    expect(dtypeOfBuffer(allocate("complex128", 1))).toBe("float64");
    expect(T.slice(0, 4).map((t) => dtypeOfBuffer(allocate(t, 1)))).toEqual(["bool", "int32", "float32", "float64"]);
  });

  it("rejects unknown dtypes and buffers with DTypeError naming the function and the value", () => {
    expectError(() => checkDType("int64", "zeros"), DTypeError, "zeros", '"int64"', "float64");
    expectError(() => checkDType(undefined, "ones"), DTypeError, "ones", "undefined");
    expectError(() => dtypeOfBuffer(new Int16Array(2) as unknown as TypedArray), DTypeError, "dtypeOfBuffer", "Int16Array");
    for (const t of T) expect(checkDType(t, "f")).toBe(t);
  });
});
