import { constants, deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { ValueError } from "../errors.js";
import { inflateRaw } from "./inflate.js";
import { fixture } from "./fixtures/expected.js";

/** Inputs that exercise every block type and the length/distance ranges. */
function samples(): [string, Uint8Array][] {
  let seed = 12345;
  const random = (n: number) => Uint8Array.from({ length: n }, () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
  const text = new TextEncoder().encode("the quick brown fox jumps over the lazy dog; ".repeat(400));
  const floats = new Uint8Array(new Float64Array(Array.from({ length: 5000 }, (_, i) => Math.sin(i / 50))).buffer);
  return [
    ["empty", new Uint8Array(0)],
    ["one byte", Uint8Array.of(42)],
    ["random 100 kB (stored blocks)", random(100_000)],
    ["repetitive text", text],
    ["zeros 300 kB (long matches, distance 1)", new Uint8Array(300_000)],
    ["float64 data", floats],
    ["mixed", Uint8Array.from([...random(3000), ...text.subarray(0, 5000), ...random(40_000), ...text])],
  ];
}

/** Byte equality (vitest's toEqual walks large typed arrays slowly). */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

const STRATEGIES: [string, object][] = [
  ["level 0 (stored)", { level: 0 }],
  ["level 1", { level: 1 }],
  ["default (dynamic)", {}],
  ["level 9", { level: 9 }],
  ["fixed Huffman", { strategy: constants.Z_FIXED }],
  ["Huffman only", { strategy: constants.Z_HUFFMAN_ONLY }],
  ["run-length", { strategy: constants.Z_RLE }],
];

describe("inflateRaw", () => {
  for (const [how, options] of STRATEGIES) {
    it(`gives back what node:zlib deflated, ${how}`, () => {
      for (const [what, data] of samples()) {
        const compressed = deflateRawSync(data, options);
        expect(sameBytes(inflateRaw(compressed, data.length), data), what).toBe(true);
      }
    });
  }

  it("reads the members np.savez_compressed wrote", () => {
    const bytes = fixture("savez_compressed.npz");
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    // the first member (x.npy): local header, name, extra, then the deflated data;
    // sizes from the central directory would be the general way — here the local header has them
    const start = 30 + view.getUint16(26, true) + view.getUint16(28, true);
    const size = 128 + 50 * 8; // a (5, 10) float64 .npy: 128-byte header + data
    const npy = inflateRaw(bytes.subarray(start), size);
    expect(String.fromCharCode(...npy.subarray(1, 6))).toBe("NUMPY");
    expect(new Float64Array(npy.slice(128).buffer)[49]).toBe(1);
  });

  it("throws ValueError on damaged input, never a wrong answer", () => {
    const data = new TextEncoder().encode("abcabcabcabc hello hello hello ".repeat(50));
    const compressed = deflateRawSync(data);
    const bad = (input: Uint8Array, size: number, pattern: RegExp) => {
      let error: unknown;
      try {
        inflateRaw(input, size, "fromNpz: member 'a.npy': ");
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ValueError);
      expect((error as Error).message).toMatch(/^fromNpz: member 'a\.npy': corrupt deflate data: /);
      expect((error as Error).message).toMatch(pattern);
    };
    bad(compressed.subarray(0, compressed.length - 3), data.length, /the input ends early/);
    bad(compressed, data.length - 1, /more than the expected/);
    bad(compressed, data.length + 1, /bytes instead of the expected/);
    bad(Uint8Array.of(0b111), 10, /block type 3 \(reserved\)/);
    bad(Uint8Array.of(1, 5, 0, 0, 0, 1, 2, 3, 4, 5), 5, /LEN and NLEN do not match/);
    bad(new Uint8Array(0), 0, /the input ends early/);
    // BFINAL 1, BTYPE 01 (fixed), then symbol 257 = 0000001 (length 3), distance code 00000
    // (distance 1): a copy from before the start. Bits in order 1 10 0000001 00000 → bytes 3, 2, 0
    const fixedCopy = Uint8Array.of(3, 2, 0);
    bad(fixedCopy, 3, /distance of 1 bytes back from byte 0/);
    // every single-byte corruption of a dynamic stream either throws ValueError or, if the
    // stream still decodes to the right size, gives some bytes — never anything else
    for (let i = 0; i < compressed.length; i++) {
      const broken = compressed.slice();
      broken[i] ^= 0x5a;
      try {
        inflateRaw(broken, data.length);
      } catch (e) {
        expect(e, `byte ${i}`).toBeInstanceOf(ValueError);
      }
    }
  });
});
