/**
 * Tests of the golden harness itself: the reader keeps Python's float tokens, the decoder
 * builds the right arrays, and the checkers accept right answers and reject clearly wrong
 * ones (wrong shape, value beyond tolerance, NaN for a number, an int off by one, a missing
 * raise, a broken property).
 */
import { describe, expect, it } from "vitest";
import * as np from "@sliderule/ndarray";
import { ShapeError } from "@sliderule/ndarray";
import {
  checkAllclose,
  decodeValue,
  hungarian,
  isPyFloat,
  OpUnavailable,
  parseFamily,
  parseGoldenJson,
  PyFloat,
  runCase,
  summarize,
  type GoldenCase,
  type OpRegistry,
} from "./harness.js";
import { ndarrayOps } from "./ops.js";

/** A case from one JSON line, as in the case files. */
function caseOf(line: string, family = "test"): GoldenCase {
  return parseFamily(`{"family": "${family}", "cases": [\n${line}\n]}`).cases[0];
}

const enc = (dtype: string, shape: number[], data: unknown[]) => ({ dtype, shape, data });

describe("parseGoldenJson", () => {
  it("wraps Python float tokens outside array data and keeps ints plain", () => {
    const v = parseGoldenJson('{"args": [3, 3.0, 1e-3, -0.0, 2E5, [1.5, 7]], "kwargs": {"tol": 1e-10, "k": 2}}') as {
      args: unknown[];
      kwargs: Record<string, unknown>;
    };
    expect(v.args[0]).toBe(3);
    expect(v.args[1]).toEqual(new PyFloat(3));
    expect(isPyFloat(v.args[2]) && (v.args[2] as PyFloat).pyFloat).toBe(0.001);
    expect(Object.is((v.args[3] as PyFloat).pyFloat, -0)).toBe(true);
    expect(v.args[4]).toEqual(new PyFloat(200000));
    expect(v.args[5]).toEqual([new PyFloat(1.5), 7]);
    expect(v.kwargs.tol).toEqual(new PyFloat(1e-10));
    expect(v.kwargs.k).toBe(2);
  });

  it("reads array data, shapes and tolerances as plain numbers", () => {
    const v = parseGoldenJson('{"expected": {"dtype": "float64", "shape": [2], "data": [1.0, -0.0]}, "rtol": 1e-12, "atol": 0.0}') as Record<
      string,
      { data: unknown[] } | number
    >;
    const data = (v.expected as { data: unknown[] }).data;
    expect(data[0]).toBe(1);
    expect(Object.is(data[1], -0)).toBe(true);
    expect(v.rtol).toBe(1e-12);
    expect(v.atol).toBe(0);
  });

  it("handles strings with escapes, nesting, literals and rejects malformed input", () => {
    expect(parseGoldenJson('{"a": "x\\"y\\\\", "b": [true, false, null, {}], "c": []}')).toEqual({ a: 'x"y\\', b: [true, false, null, {}], c: [] });
    expect(() => parseGoldenJson('{"a": [1, 2}')).toThrow(SyntaxError);
    expect(() => parseGoldenJson('{"a": 1} x')).toThrow(SyntaxError);
  });

  it("parses a case line with its family", () => {
    const c = caseOf(
      '{"id":"p-x-0001","op":"add","args":[1, 2.5],"kwargs":{},"expected":{"dtype":"float64","shape":[],"data":[3.5]},"check":"allclose","rtol":1e-12,"atol":0.0,"notes":""}',
      "fam",
    );
    expect(c.family).toBe("fam");
    expect(c.rtol).toBe(1e-12);
    expect(c.args[1]).toEqual(new PyFloat(2.5));
  });
});

describe("decodeValue", () => {
  it("decodes arrays: int64 -> int32, bool, complex pairs, non-finite strings, float32 rounding", () => {
    const i = decodeValue(enc("int64", [2, 2], [1, -2, 3, 4])) as np.NDArray;
    expect(i.dtype).toBe("int32");
    expect(i.toArray()).toEqual([
      [1, -2],
      [3, 4],
    ]);
    const b = decodeValue(enc("bool", [2], [true, false])) as np.NDArray;
    expect(b.dtype).toBe("bool");
    expect(b.toArray()).toEqual([true, false]);
    const z = decodeValue(
      enc(
        "complex64",
        [2],
        [
          [1, -2],
          ["nan", "inf"],
        ],
      ),
    ) as np.NDArray;
    expect(z.dtype).toBe("complex128");
    expect(z.getComplex(0)).toEqual({ re: 1, im: -2 });
    expect(Number.isNaN(z.getComplex(1).re) && z.getComplex(1).im === Infinity).toBe(true);
    const f = decodeValue(enc("float32", [1], [0.1])) as np.NDArray;
    expect(f.dtype).toBe("float32");
    expect(f.get(0)).toBe(Math.fround(0.1));
    const s = decodeValue(enc("float64", [], ["-inf"])) as np.NDArray;
    expect(s.shape).toEqual([]);
    expect(s.item()).toBe(-Infinity);
  });

  it("decodes indices: slices, ellipsis, newaxis", () => {
    const idx = decodeValue([{ slice: [1, null, -1] }, { ellipsis: true }, null, 2]) as unknown[];
    expect(idx).toEqual([np.slice(1, null, -1), "...", null, 2]);
  });

  it("turns Python floats into numbers, or keeps the markers when asked", () => {
    const raw = parseGoldenJson('[2.0, "inf", 3, "fro"]');
    expect(decodeValue(raw)).toEqual([2, Infinity, 3, "fro"]);
    expect(decodeValue(raw, "pyfloat")).toEqual([new PyFloat(2), new PyFloat(Infinity), 3, "fro"]);
  });

  it("decodes sparse inputs and random calls", () => {
    const sp = decodeValue({ sparse: "csr", shape: [2, 2], data: enc("float64", [1], [5]), row: enc("int32", [1], [1]), col: enc("int32", [1], [0]) }) as {
      shape: number[];
      data: np.NDArray;
    };
    expect(sp.shape).toEqual([2, 2]);
    expect(sp.data.toArray()).toEqual([5]);
    expect(decodeValue({ fn: "randn", args: [3, 3], kwargs: {} })).toEqual({ fn: "randn", args: [3, 3], kwargs: {} });
  });
});

describe("checkAllclose", () => {
  const x = (data: number[], dtype: np.DType = "float64") =>
    np.fromTypedArray(dtype === "int32" ? Int32Array.from(data) : Float64Array.from(data), [data.length], dtype);

  it("accepts right answers within tolerance", () => {
    expect(checkAllclose(x([1, 2]), enc("float64", [2], [1, 2 + 1e-13]), 1e-12, 0)).toBeNull();
    expect(checkAllclose(x([3, 4], "int32"), enc("int64", [2], [3, 4]), 0, 0)).toBeNull();
    expect(checkAllclose(x([NaN, -Infinity]), enc("float64", [2], ["nan", "-inf"]), 1e-12, 0)).toBeNull();
  });

  it("rejects a wrong shape", () => {
    const m = checkAllclose(x([1, 2]), enc("float64", [1, 2], [1, 2]), 0, 0);
    expect(m?.kind).toBe("shape");
    expect(m?.message).toContain("(2,)");
  });

  it("rejects a value beyond tolerance, naming index, values and tolerance", () => {
    const m = checkAllclose(x([1, 2, 3.1]), enc("float64", [3], [1, 2, 3]), 1e-12, 1e-14);
    expect(m?.kind).toBe("value");
    expect(m?.message).toMatch(/index \[2\]: actual 3\.1, expected 3/);
    expect(m?.message).toContain("rtol 1e-12");
  });

  it("rejects NaN for a number, a number for NaN, and inf of the wrong sign", () => {
    expect(checkAllclose(x([NaN]), enc("float64", [1], [1]), 1e-12, 1)?.kind).toBe("value");
    expect(checkAllclose(x([1]), enc("float64", [1], ["nan"]), 1e-12, 1)?.kind).toBe("value");
    expect(checkAllclose(x([-Infinity]), enc("float64", [1], ["inf"]), 1e-12, 1)?.kind).toBe("value");
  });

  it("compares integers exactly whatever the tolerance", () => {
    expect(checkAllclose(x([3, 5], "int32"), enc("int64", [2], [3, 4]), 0.5, 2)?.kind).toBe("value");
  });

  it("reports a dtype mismatch apart from values", () => {
    const m = checkAllclose(x([1, 2]), enc("float32", [2], [1, 2]), 1e-6, 0);
    expect(m?.kind).toBe("dtype");
    expect(checkAllclose(x([1, 2], "int32"), enc("float64", [2], [1, 2]), 0, 0)?.kind).toBe("dtype");
    // complex64 is our complex128
    const z = np.fromTypedArray(Float64Array.of(1, 2), [1], "complex128");
    expect(checkAllclose(z, enc("complex64", [1], [[1, 2]]), 1e-6, 0)).toBeNull();
    // int64 beyond int32 may come back as float64 holding the exact integers
    expect(checkAllclose(x([2 ** 40]), enc("int64", [1], [2 ** 40]), 0, 0)).toBeNull();
    expect(checkAllclose(x([7]), enc("int64", [1], [7]), 0, 0)?.kind).toBe("dtype");
  });

  it("uses the complex modulus", () => {
    const z = np.fromTypedArray(Float64Array.of(1, 1e-6), [1], "complex128");
    expect(checkAllclose(z, enc("complex128", [1], [[1, 0]]), 0, 2e-6)).toBeNull();
    expect(checkAllclose(z, enc("complex128", [1], [[1, 0]]), 0, 5e-7)?.kind).toBe("value");
  });

  it("matches a 0-d expected with a scalar or a 0-d array", () => {
    expect(checkAllclose(2.5, enc("float64", [], [2.5]), 0, 0)).toBeNull();
    expect(checkAllclose(np.full([], 2.5), enc("float64", [], [2.5]), 0, 0)).toBeNull();
    expect(checkAllclose(2.5, enc("float64", [1], [2.5]), 0, 0)?.kind).toBe("shape");
  });

  it("compares lists leaf by leaf and checks their length", () => {
    expect(checkAllclose([x([1]), 0.25], [enc("float64", [1], [1]), enc("float64", [], [0.25])], 0, 0)).toBeNull();
    expect(checkAllclose([x([1])], [enc("float64", [1], [1]), enc("float64", [], [0.25])], 0, 0)?.kind).toBe("structure");
    expect(checkAllclose([3, 2], [3, 2], 0, 0)).toBeNull();
    expect(checkAllclose([3, 1], [3, 2], 0, 0)?.message).toContain("[1]");
    expect(checkAllclose(x([1]), [enc("float64", [1], [1])], 0, 0)?.kind).toBe("structure");
  });
});

describe("runCase", () => {
  const raising: OpRegistry = {
    bad: () => {
      throw new ShapeError("bad: shapes (2,) (3,)");
    },
    fine: () => np.zeros([2]),
    later: () => {
      throw new OpUnavailable("np.later");
    },
    plainError: () => {
      throw new Error("boom");
    },
  };
  const raisesCase = (op: string, expected: string, bases: string[] = []) =>
    caseOf(
      `{"id":"t-1","op":"${op}","args":[],"kwargs":{},"expected":"${expected}","check":"raises","rtol":0.0,"atol":0.0,"error_bases":${JSON.stringify(bases)}}`,
    );

  it("passes a raise of the expected class or a subclass of it", () => {
    expect(runCase(raisesCase("bad", "ValueError"), raising).status).toBe("passed");
    expect(runCase(raisesCase("bad", "ShapeError"), raising).status).toBe("passed");
  });

  it("passes a raise of one of error_bases, fails another class", () => {
    expect(runCase(raisesCase("bad", "AxisError", ["ValueError", "IndexError"]), raising).status).toBe("passed");
    const r = runCase(raisesCase("bad", "IndexError", ["LookupError"]), raising);
    expect(r.status).toBe("failed");
    expect(r.detail).toContain("ShapeError");
    expect(runCase(raisesCase("plainError", "ValueError"), raising).status).toBe("failed");
  });

  it("fails a missing raise", () => {
    const r = runCase(raisesCase("fine", "ValueError"), raising);
    expect(r.status).toBe("failed");
    expect(r.failure).toBe("raises");
    expect(r.detail).toContain("returned NDArray float64 (2,)");
  });

  it("skips an op not in the registry, or a library function not yet there", () => {
    const r = runCase(raisesCase("nope", "ValueError"), raising);
    expect([r.status, r.skipped]).toEqual(["skipped", "nope"]);
    const s = runCase(raisesCase("later", "ValueError"), raising);
    expect([s.status, s.skipped]).toEqual(["skipped", "np.later"]);
    expect(summarize([r, s])[0].skippedOps).toEqual(
      new Map([
        ["nope", 1],
        ["np.later", 1],
      ]),
    );
  });

  it("fails an op that throws in an allclose case", () => {
    const c = caseOf(
      '{"id":"t-2","op":"bad","args":[],"kwargs":{},"expected":{"dtype":"float64","shape":[],"data":[1.0]},"check":"allclose","rtol":0.0,"atol":0.0}',
    );
    const r = runCase(c, raising);
    expect(r.status).toBe("failed");
    expect(r.failure).toBe("error");
    expect(r.detail).toContain("ShapeError < ValueError");
  });

  it("keeps NumPy's value-based casting: int32 + 3 -> int32, int32 + 3.0 -> float64", () => {
    const a = '{"dtype":"int32","shape":[2],"data":[1,2]}';
    const plusInt = caseOf(
      `{"id":"t-3","op":"add","args":[${a}, 3],"kwargs":{},"expected":{"dtype":"int32","shape":[2],"data":[4,5]},"check":"allclose","rtol":0.0,"atol":0.0}`,
    );
    const plusFloat = caseOf(
      `{"id":"t-4","op":"add","args":[${a}, 3.0],"kwargs":{},"expected":{"dtype":"float64","shape":[2],"data":[4.0,5.0]},"check":"allclose","rtol":0.0,"atol":0.0}`,
    );
    expect(runCase(plusInt, ndarrayOps)).toMatchObject({ status: "passed" });
    expect(runCase(plusFloat, ndarrayOps)).toMatchObject({ status: "passed" });
    // the same answers swapped are rejected as dtype mismatches
    const wrong = { ...plusFloat, expected: plusInt.expected };
    expect(runCase(wrong, ndarrayOps)).toMatchObject({ status: "failed", failure: "dtype" });
    const arange = caseOf(
      '{"id":"t-5","op":"arange","args":[3.0],"kwargs":{},"expected":{"dtype":"float64","shape":[3],"data":[0.0,1.0,2.0]},"check":"allclose","rtol":0.0,"atol":0.0}',
    );
    expect(runCase(arange, ndarrayOps)).toMatchObject({ status: "passed" });
  });
});

describe("properties", () => {
  // A = Q R with Q a rotation; NumPy's expected output is given, the registry returns ours.
  const c = Math.cos(0.3);
  const s = Math.sin(0.3);
  const Q = [c, -s, s, c];
  const R = [2, 1, 0, 3];
  const A = [c * 2, c * 1 - s * 3, s * 2, s * 1 + c * 3];
  const qrCase = (props: string[]) =>
    caseOf(
      JSON.stringify({
        id: "t-qr",
        op: "linalg.qr",
        args: [enc("float64", [2, 2], A)],
        kwargs: {},
        expected: [enc("float64", [2, 2], Q), enc("float64", [2, 2], R)],
        check: "properties",
        rtol: 1e-8,
        atol: 1e-10,
        properties: props,
      }),
    );
  const m = (data: number[]) => np.fromTypedArray(Float64Array.from(data), [2, 2]);
  const QR_PROPS = ["shapes match expected", "Q@R == A", "Q^H@Q == I", "R upper triangular", "|R| == |expected R|"];

  it("accepts a re-gauged QR (signs flipped) and rejects a wrong one", () => {
    const flipped: OpRegistry = { "linalg.qr": () => [m([-c, -s, -s, c]), m([-2, -1, 0, 3])] };
    expect(runCase(qrCase(QR_PROPS), flipped)).toMatchObject({ status: "passed" });
    const wrongR: OpRegistry = { "linalg.qr": () => [m(Q), m([2, 1, 0, 3.001])] };
    const r = runCase(qrCase(QR_PROPS), wrongR);
    expect(r).toMatchObject({ status: "failed", failure: "property" });
    expect(r.detail).toContain('"Q@R == A"');
    const notTriangular: OpRegistry = { "linalg.qr": () => [m(Q), m([2, 1, 1e-3, 3])] };
    expect(runCase(qrCase(["R upper triangular"]), notTriangular).detail).toContain("tril(R, -1)");
    const wrongShape: OpRegistry = { "linalg.qr": () => [m(Q), np.zeros([2, 3])] };
    expect(runCase(qrCase(QR_PROPS), wrongShape).detail).toContain("shape (2,3), expected (2,2)");
  });

  const eigCase = (w: number[]) =>
    caseOf(
      JSON.stringify({
        id: "t-eig",
        op: "linalg.eig",
        args: [enc("float64", [2, 2], [2, 0, 0, 5])],
        kwargs: {},
        expected: [enc("float64", [2], w), enc("float64", [2, 2], [1, 0, 0, 1])],
        check: "properties",
        rtol: 1e-8,
        atol: 1e-10,
        properties: ["shapes match expected", "w == expected w (multiset)", "A@v == v*w", "v columns unit norm"],
      }),
    );

  it("matches eigenvalues as a multiset and checks eigenvectors", () => {
    const swapped: OpRegistry = { "linalg.eig": () => [np.fromTypedArray(Float64Array.of(5, 2)), m([0, -1, 1, 0])] };
    expect(runCase(eigCase([2, 5]), swapped)).toMatchObject({ status: "passed" });
    const badValue: OpRegistry = { "linalg.eig": () => [np.fromTypedArray(Float64Array.of(5, 2.1)), m([0, 1, 1, 0])] };
    expect(runCase(eigCase([2, 5]), badValue).detail).toContain("w == expected w (multiset)");
    const badVector: OpRegistry = { "linalg.eig": () => [np.fromTypedArray(Float64Array.of(5, 2)), m([0, 0.6, 1, 0.8])] };
    expect(runCase(eigCase([2, 5]), badVector).detail).toContain("A@v == v*w");
  });

  it("finds the optimal assignment", () => {
    expect(
      hungarian([
        [4, 1, 3],
        [2, 0, 5],
        [3, 2, 2],
      ]),
    ).toEqual([1, 0, 2]);
    expect(hungarian([[0]])).toEqual([0]);
  });

  it("rejects a permutation matrix with a 2 or a repeated column", () => {
    const lu = (P: number[], properties = ["P@L@U == A", "P permutation matrix", "L unit lower triangular", "U upper triangular"]) =>
      runCase(
        caseOf(
          JSON.stringify({
            id: "t-lu",
            op: "scipy.linalg.lu",
            args: [enc("float64", [2, 2], [1, 2, 1, 3])],
            kwargs: {},
            expected: [enc("float64", [2, 2], [1, 0, 0, 1]), enc("float64", [2, 2], [1, 0, 1, 1]), enc("float64", [2, 2], [1, 2, 0, 1])],
            check: "properties",
            rtol: 1e-8,
            atol: 1e-10,
            properties,
          }),
        ),
        { "scipy.linalg.lu": () => [m(P), m([1, 0, 1, 1]), m([1, 2, 0, 1])] },
      );
    expect(lu([1, 0, 0, 1]).status).toBe("passed");
    expect(lu([1, 0, 1, 0], ["P permutation matrix"]).detail).toContain("column 0 of P has 2 ones");
    expect(lu([2, 0, 0, 1], ["P permutation matrix"]).detail).toContain("not exactly 0 or 1");
  });
});
