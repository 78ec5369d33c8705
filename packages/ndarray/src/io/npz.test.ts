import { describe, expect, it } from "vitest";
import * as np from "../index.js";
import { ValueError } from "../errors.js";
import { crc32 } from "./crc32.js";
import { fromNpy, toNpy } from "./npy.js";
import { fromNpz, toNpz } from "./npz.js";
import { EXPECTED, expectMatches, fixture, type Expected } from "./fixtures/expected.js";

function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected a throw");
}

/** Little-endian byte writer for hand-built archives. */
class Bytes {
  parts: number[] = [];
  u16(v: number) {
    this.parts.push(v & 0xff, (v >>> 8) & 0xff);
    return this;
  }
  u32(v: number) {
    this.u16(v & 0xffff).u16(Math.floor(v / 0x10000) & 0xffff);
    return this;
  }
  u64(v: number) {
    return this.u32(v % 2 ** 32).u32(Math.floor(v / 2 ** 32));
  }
  raw(b: Uint8Array) {
    this.parts.push(...b);
    return this;
  }
  get length() {
    return this.parts.length;
  }
}

/**
 * A stored archive using every zip64 field (APPNOTE §4.5.3, §4.3.14-15): sizes and offsets of
 * 0xFFFFFFFF in the local and central headers with their zip64 extras, a zip64 end of central
 * directory record and its locator, and an end record of 0xFFFF/0xFFFFFFFF.
 * (Checked once by hand: python3's zipfile reads it and testzip() finds no error.)
 */
function zip64Archive(members: { name: string; data: Uint8Array }[]): Uint8Array {
  const out = new Bytes();
  const offsets: number[] = [];
  const names = members.map((m) => new TextEncoder().encode(m.name));
  members.forEach((m, i) => {
    offsets.push(out.length);
    out.u32(0x04034b50).u16(45).u16(0).u16(0).u16(0).u16(0x21).u32(crc32(m.data)).u32(0xffffffff).u32(0xffffffff).u16(names[i].length).u16(20);
    out.raw(names[i]).u16(1).u16(16).u64(m.data.length).u64(m.data.length).raw(m.data);
  });
  const cdStart = out.length;
  members.forEach((m, i) => {
    out.u32(0x02014b50).u16(45).u16(45).u16(0).u16(0).u16(0).u16(0x21).u32(crc32(m.data)).u32(0xffffffff).u32(0xffffffff);
    out.u16(names[i].length).u16(28).u16(0).u16(0).u16(0).u32(0).u32(0xffffffff).raw(names[i]);
    out.u16(1).u16(24).u64(m.data.length).u64(m.data.length).u64(offsets[i]);
  });
  const cdSize = out.length - cdStart;
  const zip64End = out.length;
  out.u32(0x06064b50).u64(44).u16(45).u16(45).u32(0).u32(0).u64(members.length).u64(members.length).u64(cdSize).u64(cdStart);
  out.u32(0x07064b50).u32(0).u64(zip64End).u32(1);
  out.u32(0x06054b50).u16(0).u16(0).u16(0xffff).u16(0xffff).u32(0xffffffff).u32(0xffffffff).u16(0);
  return Uint8Array.from(out.parts);
}

describe("fromNpz reads np.savez files", () => {
  it("np.savez(f, a0, a1, weights=kw): arr_0, arr_1 and the keyword, through the central directory", () => {
    const z = fromNpz(fixture("savez.npz"));
    const want = EXPECTED["savez.npz"] as Record<string, Expected>;
    expect(Object.keys(z).sort()).toEqual(["arr_0", "arr_1", "weights"]);
    for (const key of Object.keys(want)) expectMatches(z[key], want[key], key);
  });

  it("a stream np.savez wrote without seeking: sizes in data descriptors (flag bit 3), zip64 local extras", () => {
    const bytes = fixture("savez_streamed.npz");
    expect(bytes[6] & 8).toBe(8); // the first local header has flag bit 3
    const z = fromNpz(bytes);
    const want = EXPECTED["savez_streamed.npz"] as Record<string, Expected>;
    expect(Object.keys(z)).toEqual(["first", "second"]);
    for (const key of Object.keys(want)) expectMatches(z[key], want[key], key);
  });

  it("np.savez_compressed (deflate members, inflated by inflate.ts)", () => {
    const z = fromNpz(fixture("savez_compressed.npz"));
    const want = EXPECTED["savez_compressed.npz"] as Record<string, Expected>;
    expect(Object.keys(z)).toEqual(["x", "y"]);
    for (const key of Object.keys(want)) expectMatches(z[key], want[key], key);
  });

  it("a damaged deflate stream or size throws, naming the member", () => {
    const bytes = fixture("savez_compressed.npz");
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    const start = 30 + view.getUint16(26, true) + view.getUint16(28, true); // x.npy's deflated data
    for (let i = 0; i < 40; i++) {
      const broken = bytes.slice();
      broken[start + i] ^= 0x5a;
      let error: unknown = null;
      try {
        fromNpz(broken);
      } catch (e) {
        error = e;
      }
      // every corruption is caught: by the deflate decoder, the size, or the CRC-32
      expect(error, `byte ${i}`).toBeInstanceOf(ValueError);
      expect((error as Error).message, `byte ${i}`).toMatch(
        /^fromNpz: member 'x\.npy' (does not inflate to its 528 bytes: corrupt deflate data: |fails its CRC-32 check)/,
      );
    }
  });

  it("an archive with zip64 fields everywhere, and an ArrayBuffer", () => {
    const a = np.arange(6).reshape(2, 3);
    const b = np.array([true, false]);
    const bytes = zip64Archive([
      { name: "a.npy", data: toNpy(a) },
      { name: "b.npy", data: toNpy(b) },
    ]);
    const z = fromNpz(bytes.buffer as ArrayBuffer);
    expect(Object.keys(z)).toEqual(["a", "b"]);
    expect(np.arrayEqual(z.a, a)).toBe(true);
    expect(z.b.toArray()).toEqual([true, false]);
  });
});

describe("toNpz writes what np.load reads", () => {
  it("round-trips a record, keeping names, order, dtypes and values", () => {
    const arrays = {
      X: np.arange(12).reshape(3, 4).divide(7),
      y: np.array([1, -2, 3], "int32"),
      mask: np.array([[true], [false]]),
      z: np.array([{ re: 1, im: 2 }]),
      f: np.array([1.5, NaN], "float32"),
      s: np.array(2.5),
      empty: np.zeros([0, 3]),
      λ: np.ones([2]), // a utf-8 member name (flag bit 11)
    };
    const z = fromNpz(toNpz(arrays));
    expect(Object.keys(z)).toEqual(Object.keys(arrays));
    for (const [k, a] of Object.entries(arrays)) {
      expect(z[k].dtype, k).toBe(a.dtype);
      expect([...z[k].shape], k).toEqual([...a.shape]);
      expect(np.arrayEqual(z[k], a, a.dtype === "float64" || a.dtype === "float32" || a.dtype === "complex128"), k).toBe(true);
    }
  });

  it("names a list arr_0, arr_1, … like np.savez(f, a, b), and writes views as their C-order copies", () => {
    const a = np.arange(6).reshape(2, 3);
    const z = fromNpz(toNpz([a.T, a.slice(":", "::2")]));
    expect(Object.keys(z)).toEqual(["arr_0", "arr_1"]);
    expect(np.arrayEqual(z.arr_0, a.T)).toBe(true);
    expect(np.arrayEqual(z.arr_1, a.slice(":", "::2"))).toBe(true);
  });

  it("stores each member as the exact .npy bytes at a known place: local header + name + data", () => {
    const a = np.arange(4);
    const bytes = toNpz({ a });
    const npy = toNpy(a);
    expect(Array.from(bytes.subarray(0, 4))).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(new TextDecoder().decode(bytes.subarray(30, 35))).toBe("a.npy");
    expect(bytes.subarray(35, 35 + npy.length)).toEqual(npy);
    // the same arrays give the same bytes (fixed timestamp)
    expect(toNpz({ a })).toEqual(bytes);
    // an empty archive is just the end record
    expect(fromNpz(toNpz({}))).toEqual({});
    expect(toNpz([]).length).toBe(22);
  });

  it("a member named __proto__ is a key, not the prototype", () => {
    const z = fromNpz(zip64Archive([{ name: "__proto__.npy", data: toNpy(np.ones(1)) }]));
    expect(Object.keys(z)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(z)).toBe(Object.prototype);
  });
});

describe("fromNpz's errors", () => {
  it("a CRC-32 mismatch", () => {
    const bytes = toNpz({ a: np.arange(4) });
    bytes[35 + 130] ^= 1; // one bit of the data of a.npy (its header is 128 bytes)
    expect(() => fromNpz(bytes)).toThrow(
      /^fromNpz: member 'a\.npy' fails its CRC-32 check: stored 0x[0-9a-f]{8}, computed 0x[0-9a-f]{8} \(the file is corrupt\)$/,
    );
  });

  it("not a ZIP, truncated, or damaged", () => {
    expect(() => fromNpz(new Uint8Array(10))).toThrow(/^fromNpz: not a ZIP archive: no end-of-central-directory record \(10 bytes\)/);
    expect(() => fromNpz(toNpy(np.zeros(3)))).toThrow(/not a ZIP archive/);
    const bytes = toNpz({ a: np.arange(4), b: np.ones(2) });
    expect(() => fromNpz(bytes.subarray(0, bytes.length - 30))).toThrow(ValueError);
    expect(() => fromNpz(bytes.subarray(100))).toThrow(ValueError);
    const badCentral = bytes.slice();
    const cd = new DataView(badCentral.buffer).getUint32(badCentral.length - 6, true);
    badCentral[cd] = 0; // the central directory's first signature
    expect(() => fromNpz(badCentral)).toThrow(/bad central directory header signature at byte/);
  });

  it("a member that is not .npy, an encrypted one, another compression method", () => {
    const notNpy = zip64Archive([{ name: "notes.txt", data: new TextEncoder().encode("hello") }]);
    expect(() => fromNpz(notNpy)).toThrow(/^fromNpz: member 'notes\.txt': not a \.npy file/);
    const bytes = toNpz({ a: np.arange(4) });
    const cd = new DataView(bytes.buffer).getUint32(bytes.length - 6, true);
    const encrypted = bytes.slice();
    encrypted[cd + 8] |= 1;
    expect(() => fromNpz(encrypted)).toThrow(/member 'a\.npy' is encrypted/);
    const bzip2 = bytes.slice();
    bzip2[cd + 10] = 12;
    expect(() => fromNpz(bzip2)).toThrow(/member 'a\.npy' uses ZIP compression method 12/);
  });

  it("the errors of fromNpy, naming the member", () => {
    const bad = toNpy(np.zeros(3)).subarray(0, 130);
    expect(() => fromNpz(zip64Archive([{ name: "x.npy", data: bad }]))).toThrow(
      /^fromNpz: member 'x\.npy': expected 24 bytes of data for shape \(3,\) <f8, found 2$/,
    );
  });

  it("bad arguments to toNpz and fromNpz", () => {
    const cases: [unknown, RegExp][] = [
      [np.zeros(2), /toNpz: arrays must be an object \{ name: NDArray \} or a list of NDArrays, got an array of shape/],
      ["abc", /toNpz: arrays must be an object/],
      [null, /toNpz: arrays must be an object/],
      [{ bogus: 1 }, /toNpz: arrays\["bogus"\] must be an NDArray \(np\.array\(\.\.\.\) converts a list\), got 1/],
      [[np.zeros(1), [1, 2]], /toNpz: arrays\["arr_1"\] must be an NDArray/],
      [{ "": np.zeros(1) }, /toNpz: array name "" must be non-empty/],
      [{ "a/b": np.zeros(1) }, /toNpz: array name "a\/b" must be non-empty, without '\/'/],
    ];
    for (const [bad, pattern] of cases) {
      const e = thrown(() => toNpz(bad as never));
      expect(e, String(pattern)).toBeInstanceOf(ValueError);
      expect(e.message).toMatch(pattern);
    }
    expect(() => (toNpz as (...a: unknown[]) => unknown)({}, { compress: true })).toThrow(/toNpz: takes 1 argument \(arrays\), got 2/);
    expect(() => fromNpz("abc" as never)).toThrow(/^fromNpz: bytes must be a Uint8Array or an ArrayBuffer, got "abc"/);
    expect(() => fromNpz(Symbol("s") as never)).toThrow(ValueError);
    // inputs are not modified
    const a = np.arange(3);
    const arrays = { a };
    toNpz(arrays);
    expect(Object.keys(arrays)).toEqual(["a"]);
    expect(fromNpy(toNpy(a)).toArray()).toEqual([0, 1, 2]);
  });
});
