import { describe, expect, it } from "vitest";
import * as np from "../index.js";
import { DTypeError, ValueError } from "../errors.js";
import type { DType } from "../dtype.js";
import type { NDArray } from "../ndarray.js";
import { fromNpy, toNpy } from "./npy.js";
import { EXPECTED, expectMatches, fixture, type Expected } from "./fixtures/expected.js";

const NPY_FIXTURES = Object.keys(EXPECTED).filter((k) => k.endsWith(".npy"));
const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const text = (b: Uint8Array) => String.fromCharCode(...b);

/** A .npy file by hand: magic, version, header length, `header` as given (no padding added), `data`. */
function npy(header: string, data: Uint8Array | number[] = [], version = 1): Uint8Array {
  const h = version === 3 ? new TextEncoder().encode(header) : latin1(header);
  const n = version === 1 ? 2 : 4;
  const out = new Uint8Array(8 + n + h.length + data.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
  const view = new DataView(out.buffer);
  if (n === 2) view.setUint16(8, h.length, true);
  else view.setUint32(8, h.length, true);
  out.set(h, 8 + n);
  out.set(data, 8 + n + h.length);
  return out;
}

function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected a throw");
}

describe("fromNpy reads NumPy's files", () => {
  it.each(NPY_FIXTURES)("%s", (name) => {
    expectMatches(fromNpy(fixture(name)), EXPECTED[name] as Expected, name);
  });

  it("accepts an ArrayBuffer and a Uint8Array that is a view into a larger buffer", () => {
    const bytes = fixture("f8_3x4.npy");
    const padded = new Uint8Array(bytes.length + 7);
    padded.set(bytes, 3); // the data starts at an address that is not 8-aligned
    expectMatches(fromNpy(padded.subarray(3, 3 + bytes.length)), EXPECTED["f8_3x4.npy"] as Expected, "unaligned view");
    expectMatches(fromNpy(bytes.slice().buffer), EXPECTED["f8_3x4.npy"] as Expected, "ArrayBuffer");
  });

  it("returns an array that owns its data and does not alias the input", () => {
    const bytes = fixture("i4.npy");
    const a = fromNpy(bytes);
    expect(a.flags.ownData).toBe(true);
    bytes.fill(0);
    expect(a.get(1, 1)).toBe(2147483647);
  });

  it("reads Fortran order into C order with the right values", () => {
    // np.asfortranarray(np.arange(24, dtype=np.int32).reshape(2, 3, 4))
    const a = fromNpy(fixture("fortran_i4_3d.npy"));
    expect(np.arrayEqual(a, np.arange(24).reshape(2, 3, 4))).toBe(true);
    expect(a.flags.cContiguous).toBe(true);
  });
});

describe("toNpy writes what NumPy writes", () => {
  it("gives NumPy's bytes for a float64 (3, 4) array, byte for byte", () => {
    // np.save("f8_3x4.npy", np.arange(12, dtype=np.float64).reshape(3, 4) / 7)
    const a = np.arange(12).reshape(3, 4).divide(7);
    expect(toNpy(a)).toEqual(fixture("f8_3x4.npy"));
  });

  // every fixture np.save wrote in a dtype we write: our bytes for the same array are NumPy's
  it.each(["f8_special.npy", "f4.npy", "i4.npy", "b1.npy", "c16.npy", "scalar_f8.npy", "scalar_b1.npy", "empty_0x3.npy", "empty_i4.npy", "f8_2x3x4.npy"])(
    "%s: toNpy(fromNpy(file)) is the file",
    (name) => {
      const bytes = fixture(name);
      expect(toNpy(fromNpy(bytes))).toEqual(bytes);
    },
  );

  it("writes a transposed or strided view as its C-order copy (NumPy's bytes for the copy)", () => {
    // np.save(f, np.asfortranarray(x34)) writes fortran_order True; the C-order file of x34.T
    // has the same header shape (4, 3). Compare with our own contiguous copy, and values.
    const x = np.arange(12).reshape(3, 4).divide(7);
    expect(toNpy(x.T)).toEqual(toNpy(x.T.copy()));
    const back = fromNpy(toNpy(x.T));
    expect([...back.shape]).toEqual([4, 3]);
    expect(np.arrayEqual(back, x.T)).toBe(true);
    const strided = np.arange(24).reshape(4, 6).slice("::-2", "1::2");
    expect(np.arrayEqual(fromNpy(toNpy(strided)), strided)).toBe(true);
    expect(toNpy(strided)).toEqual(toNpy(strided.copy()));
  });

  it("aligns the data to 64 bytes and ends the header with '\\n' for many shapes", () => {
    const shapes = [[], [0], [1], [7], [0, 123456], [3, 4], [2, 3, 4], Array(20).fill(1), Array(64).fill(1)];
    for (const shape of shapes) {
      const bytes = toNpy(np.zeros(shape));
      const headerLength = bytes[8] | (bytes[9] << 8);
      const dataStart = 10 + headerLength;
      expect(dataStart % 64, `shape ${shape}`).toBe(0);
      expect(bytes[dataStart - 1]).toBe(0x0a);
      expect(text(bytes.subarray(0, 8))).toBe("\x93NUMPY\x01\x00");
    }
  });

  it("pads as NumPy does: 21 − len(str(shape[0])) spare spaces, then to the 64-byte boundary", () => {
    // python3 -c "import numpy as np, io; f = io.BytesIO(); np.save(f, np.zeros((1000000, 0))); print(f.getvalue())"
    // b"\x93NUMPY\x01\x00v\x00{'descr': '<f8', 'fortran_order': False, 'shape': (1000000, 0), }" + 52 spaces + "\n"
    // (14 = 21 − 7 growth spaces, then 38 to reach 128 bytes)
    const want = "\x93NUMPY\x01\x00v\x00{'descr': '<f8', 'fortran_order': False, 'shape': (1000000, 0), }" + " ".repeat(52) + "\n";
    expect(text(toNpy(np.zeros([1000000, 0])))).toBe(want);
  });

  it("round-trips every dtype, values and dtype exactly", () => {
    const cases: [DType, NDArray][] = [
      [
        "float64",
        np.array([
          [0.1, -0, NaN],
          [Infinity, -Infinity, 5e-324],
        ]),
      ],
      [
        "float32",
        np.array(
          [
            [1.5, -2.25, NaN],
            [Infinity, -0, 3.4028234663852886e38],
          ],
          "float32",
        ),
      ],
      ["int32", np.array([-2147483648, -1, 0, 2147483647], "int32")],
      ["bool", np.array([[true, false, true]])],
      [
        "complex128",
        np.array([
          { re: 1, im: -2 },
          { re: NaN, im: Infinity },
        ]),
      ],
    ];
    for (const [dtype, a] of cases) {
      const back = fromNpy(toNpy(a));
      expect(back.dtype).toBe(dtype);
      expect([...back.shape]).toEqual([...a.shape]);
      const got = Array.from(back.toTypedArray() as ArrayLike<number>);
      const want = Array.from(a.toTypedArray() as ArrayLike<number>);
      expect(got.every((g, i) => Object.is(g, want[i]))).toBe(true);
      // and views of each: transposed, reversed
      const t = a.ndim === 2 ? a.T : a.flip();
      expect(np.arrayEqual(fromNpy(toNpy(t)), t, dtype !== "bool" && dtype !== "int32")).toBe(true);
    }
  });

  it("accepts nested lists as np.save does, and never modifies its input", () => {
    expect(
      toNpy([
        [1, 2],
        [3, 4],
      ] as never),
    ).toEqual(
      toNpy(
        np.array([
          [1, 2],
          [3, 4],
        ]),
      ),
    );
    const a = np.arange(6).reshape(2, 3).T;
    const before = a.toArray();
    toNpy(a);
    expect(a.toArray()).toEqual(before);
  });
});

describe("fromNpy's errors", () => {
  const good = "{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }\n";

  it("truncated data names the expected and found sizes", () => {
    const e = thrown(() => fromNpy(npy(good, new Uint8Array(40))));
    expect(e).toBeInstanceOf(ValueError);
    expect(e.message).toBe("fromNpy: expected 96 bytes of data for shape (3, 4) <f8, found 40");
    const file = fixture("f8_3x4.npy");
    expect(() => fromNpy(file.subarray(0, file.length - 1))).toThrow(/expected 96 bytes of data for shape \(3, 4\) <f8, found 95/);
    expect(() => fromNpy(npy(good, new Uint8Array(100)))).toThrow(/found 100 \(trailing bytes/);
  });

  it("a bad magic, version or preamble", () => {
    expect(() => fromNpy(latin1("hello world, not numpy"))).toThrow(
      /fromNpy: not a \.npy file: expected the magic \\x93NUMPY, found bytes \[68 65 6c 6c 6f 20\]/,
    );
    expect(() => fromNpy(np.toNpz([np.zeros(1)]))).toThrow(/it is a ZIP archive: an \.npz\? use fromNpz/);
    expect(() => fromNpy(new Uint8Array(0))).toThrow(ValueError);
    const v4 = npy(good, new Uint8Array(96));
    v4[6] = 4;
    expect(() => fromNpy(v4)).toThrow(/unsupported \.npy format version 4\.0/);
    const v11 = npy(good, new Uint8Array(96));
    v11[7] = 1;
    expect(() => fromNpy(v11)).toThrow(/version 1\.1/);
    expect(() => fromNpy(fixture("f8_3x4.npy").subarray(0, 9))).toThrow(/ends inside the \.npy preamble/);
    expect(() => fromNpy(fixture("f8_3x4.npy").subarray(0, 50))).toThrow(/the header claims 118 bytes but the file ends after 40/);
  });

  it("headers that do not parse, or lack or mistype a key", () => {
    const cases: [string, RegExp][] = [
      ["{'descr': '<f8' 'fortran_order': False, 'shape': (3, 4), }", /does not parse: expected '}' at character/],
      [
        "{'descr': __import__('os'), 'fortran_order': False, 'shape': (3, 4), }",
        /does not parse: expected a string, integer, True, False, None, tuple or list/,
      ],
      ["{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), } x", /unexpected text after the dict/],
      ["{'descr': '<f8', 'fortran_order': False, 'shape': (3), }", /one-element tuple needs a trailing comma/],
      ["{'descr': '<f8', 'fortran_order': False, 'shape': (3 4), }", /expected ',' or '\)'/],
      ["{'descr': '<f8, 'fortran_order': False, 'shape': (3, 4), }", /does not parse/],
      ["{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), 'descr': '<f8'}", /duplicate key 'descr'/],
      ["{'descr': '<f8', 'fortran_order': False}", /must have the keys 'descr', 'fortran_order' and 'shape', got 'descr', 'fortran_order'/],
      ["{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), 'extra': 1}", /got 'descr', 'extra', 'fortran_order', 'shape'/],
      ["{'descr': '<f8', 'fortran_order': 0, 'shape': (3, 4), }", /'fortran_order' must be True or False, got 0/],
      ["{'descr': '<f8', 'fortran_order': False, 'shape': [3, 4], }", /'shape' must be a tuple of non-negative integers, got \[3, 4\]/],
      ["{'descr': '<f8', 'fortran_order': False, 'shape': (3, -4), }", /'shape' must be a tuple of non-negative integers, got \(3, -4\)/],
      ["{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999999,), }", /integer 99999999999999999999 is too large/],
      ["[1, 2]", /expected '\{'/],
    ];
    for (const [header, pattern] of cases) {
      const e = thrown(() => fromNpy(npy(`${header}\n`, new Uint8Array(96))));
      expect(e, header).toBeInstanceOf(ValueError);
      expect(e.message, header).toMatch(/^fromNpy: /);
      expect(e.message, header).toMatch(pattern);
    }
  });

  it("accepts the literal forms NumPy and Python 2 wrote: double quotes, 3L, no trailing comma", () => {
    const a = fromNpy(npy(`{"descr": "<i4", "fortran_order": False, "shape": (2L,)}\n`, new Uint8Array(8)));
    expect([...a.shape]).toEqual([2]);
    expect(a.dtype).toBe("int32");
  });

  it("unsupported dtypes throw DTypeError naming the descr", () => {
    const cases: [string, RegExp][] = [
      ["unsupported_U5.npy", /unsupported dtype '<U5' \(a unicode string\)/],
      ["unsupported_f2.npy", /unsupported dtype '<f2' \(float16\)/],
      ["unsupported_object.npy", /unsupported dtype '\|O' \(a Python object/],
      ["unsupported_structured.npy", /a structured dtype \(descr \[\('x', '<f8'\), \('n', '<i4'\)\]\) is not supported/],
    ];
    for (const [name, pattern] of cases) {
      const e = thrown(() => fromNpy(fixture(name)));
      expect(e, name).toBeInstanceOf(DTypeError);
      expect(e.message, name).toMatch(/^fromNpy: /);
      expect(e.message, name).toMatch(pattern);
    }
    expect(() => fromNpy(npy("{'descr': '=f8', 'fortran_order': False, 'shape': (), }\n", new Uint8Array(8)))).toThrow(
      /unsupported dtype '=f8' \(byte order '='/,
    );
    expect(() => fromNpy(npy("{'descr': '<M8[ns]', 'fortran_order': False, 'shape': (), }\n", new Uint8Array(8)))).toThrow(DTypeError);
    expect(() => fromNpy(npy("{'descr': '<f16', 'fortran_order': False, 'shape': (), }\n", new Uint8Array(16)))).toThrow(/'<f16' \(long double\)/);
  });

  it("an integer outside int32 throws naming the value and its index, never wraps", () => {
    // np.save("i8_too_big.npy", np.array([[1, 2, 3], [4, 3000000000, 6]], dtype=np.int64))
    const big = thrown(() => fromNpy(fixture("i8_too_big.npy")));
    expect(big).toBeInstanceOf(ValueError);
    expect(big.message).toMatch(/^fromNpy: int64 value 3000000000 at index \(1, 1\) does not fit in int32/);
    // np.save("i8_too_small.npy", np.array([0, -2147483649], dtype=np.int64))
    expect(() => fromNpy(fixture("i8_too_small.npy"))).toThrow(/int64 value -2147483649 at index \(1,\)/);
    // big-endian, Fortran order: the index is the array's, not the file's position
    const view = new DataView(new ArrayBuffer(6 * 8));
    view.setBigInt64(8 * 3, -(2n ** 40n), false); // file position 3 of a (2, 3) Fortran array is index (1, 1)
    const header = "{'descr': '>i8', 'fortran_order': True, 'shape': (2, 3), }\n";
    expect(() => fromNpy(npy(header, new Uint8Array(view.buffer)))).toThrow(/int64 value -1099511627776 at index \(1, 1\)/);
    // uint32 and uint64
    const u4 = new Uint8Array([0, 0, 0, 0x80]); // 2^31
    expect(() => fromNpy(npy("{'descr': '<u4', 'fortran_order': False, 'shape': (1,), }\n", u4))).toThrow(/uint32 value 2147483648 at index \(0,\)/);
    const u8 = new Uint8Array([255, 255, 255, 255, 255, 255, 255, 255]);
    expect(() => fromNpy(npy("{'descr': '<u8', 'fortran_order': False, 'shape': (), }\n", u8))).toThrow(/uint64 value 18446744073709551615 at index \(\)/);
  });

  it("reads uint32, uint64 and complex64 values that fit", () => {
    const u = new DataView(new ArrayBuffer(16));
    u.setBigUint64(0, 2147483647n, true);
    u.setBigUint64(8, 5n, true);
    expect(fromNpy(npy("{'descr': '<u8', 'fortran_order': False, 'shape': (2,), }\n", new Uint8Array(u.buffer))).toArray()).toEqual([2147483647, 5]);
    const c = new Float32Array([1.5, -2, 0.25, 3]);
    const z = fromNpy(npy("{'descr': '<c8', 'fortran_order': False, 'shape': (2,), }\n", new Uint8Array(c.buffer)));
    expect(z.dtype).toBe("complex128");
    expect(z.toArray()).toEqual([
      { re: 1.5, im: -2 },
      { re: 0.25, im: 3 },
    ]);
  });

  it("a version 3.0 header that is not utf-8", () => {
    const bad = npy("{'descr': '<f8', 'fortran_order': False, 'shape': (), }\n", new Uint8Array(8), 3);
    bad[12] = 0xff; // inside the header
    expect(() => fromNpy(bad)).toThrow(/version 3\.0 header is not valid utf-8/);
  });

  it("bad arguments", () => {
    for (const bad of ["abc", 3, null, undefined, [1, 2], new Float64Array(4), Symbol("s"), 10n]) {
      const e = thrown(() => fromNpy(bad as never));
      expect(e).toBeInstanceOf(ValueError);
      expect(e.message).toMatch(/^fromNpy: bytes must be a Uint8Array or an ArrayBuffer, got /);
    }
    expect(() => (fromNpy as (...a: unknown[]) => unknown)(fixture("i4.npy"), {})).toThrow(/fromNpy: takes 1 argument \(bytes\), got 2/);
    expect(() => (toNpy as (...a: unknown[]) => unknown)(np.zeros(2), { version: 2 })).toThrow(/toNpy: takes 1 argument \(a\), got 2/);
    expect(() => toNpy("abc" as never)).toThrow(ValueError);
    expect(() => toNpy([[1, 2], [3]] as never)).toThrow(ValueError);
  });
});
