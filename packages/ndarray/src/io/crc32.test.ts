import { describe, expect, it } from "vitest";
import { crc32 } from "./crc32.js";

const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);

describe("crc32", () => {
  it("matches the published check values", () => {
    // the CRC catalogue's check value for CRC-32/ISO-HDLC
    expect(crc32(ascii("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    // python3 -c "import zlib; print(hex(zlib.crc32(b'The quick brown fox jumps over the lazy dog')))"
    expect(crc32(ascii("The quick brown fox jumps over the lazy dog"))).toBe(0x414fa339);
    // python3 -c "import zlib; print(zlib.crc32(bytes(range(256))))"
    expect(crc32(Uint8Array.from({ length: 256 }, (_, i) => i))).toBe(688229491);
    // python3 -c "import zlib; print(zlib.crc32(b'\xff' * 1000))"
    expect(crc32(new Uint8Array(1000).fill(255))).toBe(3763548720);
  });

  it("continues a running checksum across chunks", () => {
    const all = ascii("The quick brown fox jumps over the lazy dog");
    expect(crc32(all.subarray(10), crc32(all.subarray(0, 10)))).toBe(crc32(all));
  });
});
