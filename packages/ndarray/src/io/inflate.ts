/**
 * Raw DEFLATE decompression (RFC 1951), the `method 8` of ZIP members that
 * `np.savez_compressed` writes, in plain TypeScript so that fromNpz reads them in a browser.
 * Internal to @sliderule/ndarray; `load()` in node.ts uses node:zlib instead (faster).
 *
 *   stream   := block* (the last one has BFINAL = 1); bits are read least-significant first
 *   block    := BFINAL (1 bit)  BTYPE (2 bits)  body
 *     BTYPE 0  stored:  skip to a byte boundary, LEN (16), NLEN = ~LEN (16), LEN raw bytes
 *     BTYPE 1  fixed Huffman codes (lengths given by the RFC, §3.2.6)
 *     BTYPE 2  dynamic: the code lengths, themselves Huffman-coded (§3.2.7), then the data
 *   data     := symbols of the literal/length code: 0-255 a literal byte, 256 the end of the
 *               block, 257-285 a length (base + extra bits) followed by a distance symbol
 *               (base + extra bits): copy `length` bytes from `distance` bytes back (LZ77)
 *
 * Huffman codes are canonical (§3.2.2): a code is fully described by the code length of
 * each symbol. Decoding follows Mark Adler's puff.c: `count[len]` codes of each length and
 * the symbols sorted by (length, value); reading one bit at a time, the codes of length len
 * are the integers first … first + count[len] − 1, where first doubles at each length.
 * Bit at a time is slower than zlib's table lookups (about 90 MB/s of output on float64 data
 * in Node 20, where zlib does several hundred) and is the readable spec.
 *
 * Returns exactly `size` bytes (the size the ZIP directory records); more or fewer, a code
 * that does not exist, a distance before the start, or running out of input throw ValueError.
 * Reference: RFC 1951, "DEFLATE Compressed Data Format Specification version 1.3" (Deutsch,
 * 1996); Mark Adler, puff.c (zlib/contrib/puff), the readable reference decoder.
 */
import { ValueError } from "../errors.js";

const MAX_BITS = 15; // the longest code
/** Length symbols 257…285: base lengths and extra bits (RFC 1951 §3.2.5). */
const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
/** Distance symbols 0…29: base distances and extra bits. */
const DIST_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
/** The order in which a dynamic block sends the code-length code's lengths (§3.2.7). */
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** A canonical Huffman code: how many codes of each length, and the symbols in code order. */
interface Huffman {
  count: Uint16Array; // count[len], len = 0 … MAX_BITS
  symbol: Uint16Array; // symbols ordered by (code length, symbol value)
}

/**
 * Decompress raw DEFLATE `input` into exactly `size` bytes; `ctx` prefixes error messages.
 * In named stages, as puff.c: per block `stored`, or `codes` with the fixed codes, or `dynamic`
 * (which reads the code lengths and then calls `codes`); `codes` reads symbols with `decode`,
 * which reads the input with `bits`.
 */
export function inflateRaw(input: Uint8Array, size: number, ctx = "inflate: "): Uint8Array {
  const fail = (what: string): never => {
    throw new ValueError(`${ctx}corrupt deflate data: ${what}`);
  };
  const S: Inflater = { input, inPos: 0, bitBuf: 0, bitCount: 0, out: new Uint8Array(size), outPos: 0, size, fail };
  // --- the blocks
  let last = 0;
  while (!last) {
    last = bits(S, 1);
    const type = bits(S, 2);
    if (type === 0) stored(S);
    else if (type === 1) {
      const fixed = fixedCodes();
      codes(S, fixed.lengthCode, fixed.distCode);
    } else if (type === 2) dynamic(S);
    else fail("block type 3 (reserved)");
  }
  if (S.outPos !== size) fail(`${S.outPos} bytes instead of the expected ${size}`);
  return S.out;
}

/** The decoder's state (puff.c's `struct state`): the input and its bit buffer, the output so far. */
interface Inflater {
  input: Uint8Array;
  inPos: number;
  /** Bits not yet used, the next one in bit 0. */
  bitBuf: number;
  bitCount: number;
  out: Uint8Array;
  outPos: number;
  /** The expected output length. */
  size: number;
  /** Throws ValueError "<ctx>corrupt deflate data: <what>". */
  fail: (what: string) => never;
}

/** The next n bits (n ≤ 16) as an integer, the first bit read least significant. */
function bits(S: Inflater, n: number): number {
  while (S.bitCount < n) {
    if (S.inPos >= S.input.length) S.fail("the input ends early");
    S.bitBuf |= S.input[S.inPos++] << S.bitCount;
    S.bitCount += 8;
  }
  const v = S.bitBuf & ((1 << n) - 1);
  S.bitBuf >>>= n;
  S.bitCount -= n;
  return v;
}

/** One symbol: grow the code a bit at a time until it falls among the codes of its length. */
function decode(S: Inflater, h: Huffman): number {
  let code = 0; // the bits read so far, first bit most significant (Huffman codes are sent MSB first)
  let first = 0; // the first code of length len
  let index = 0; // the index of that code's symbol in h.symbol
  for (let len = 1; len <= MAX_BITS; len++) {
    code |= bits(S, 1);
    const count = h.count[len];
    if (code - first < count) return h.symbol[index + code - first];
    index += count;
    first = (first + count) << 1;
    code <<= 1;
  }
  return S.fail("a code that is not in the Huffman table");
}

/** The data of a Huffman-coded block: literals and (length, distance) copies up to symbol 256. */
function codes(S: Inflater, lengthCode: Huffman, distCode: Huffman): void {
  const { out, size } = S;
  for (;;) {
    let symbol = decode(S, lengthCode);
    if (symbol < 256) {
      if (S.outPos >= size) S.fail(`more than the expected ${size} bytes`);
      out[S.outPos++] = symbol; // a literal byte
    } else if (symbol === 256) {
      return; // the end of the block
    } else {
      symbol -= 257;
      if (symbol >= 29) S.fail(`length symbol ${symbol + 257}`);
      const length = LENGTH_BASE[symbol] + bits(S, LENGTH_EXTRA[symbol]);
      const d = decode(S, distCode);
      if (d >= 30) S.fail(`distance symbol ${d}`);
      const distance = DIST_BASE[d] + bits(S, DIST_EXTRA[d]);
      let outPos = S.outPos;
      if (distance > outPos) S.fail(`a distance of ${distance} bytes back from byte ${outPos}`);
      if (outPos + length > size) S.fail(`more than the expected ${size} bytes`);
      // byte by byte: the source may overlap what this copy writes (distance < length repeats)
      for (let k = 0; k < length; k++, outPos++) out[outPos] = out[outPos - distance];
      S.outPos = outPos;
    }
  }
}

/** BTYPE 0: LEN raw bytes from the next byte boundary. */
function stored(S: Inflater): void {
  const { input } = S;
  S.bitBuf = 0; // drop the rest of the current byte
  S.bitCount = 0;
  if (S.inPos + 4 > input.length) S.fail("the input ends early");
  const len = input[S.inPos] | (input[S.inPos + 1] << 8);
  const nlen = input[S.inPos + 2] | (input[S.inPos + 3] << 8);
  if (len !== (~nlen & 0xffff)) S.fail("a stored block whose LEN and NLEN do not match");
  S.inPos += 4;
  if (S.inPos + len > input.length) S.fail("the input ends early");
  if (S.outPos + len > S.size) S.fail(`more than the expected ${S.size} bytes`);
  S.out.set(input.subarray(S.inPos, S.inPos + len), S.outPos);
  S.inPos += len;
  S.outPos += len;
}

/** BTYPE 2: read the code-length code, then the literal/length and distance code lengths. */
function dynamic(S: Inflater): void {
  const nlen = bits(S, 5) + 257;
  const ndist = bits(S, 5) + 1;
  const ncode = bits(S, 4) + 4;
  if (nlen > 286 || ndist > 30) S.fail("too many length or distance codes");
  const codeLengths = new Uint8Array(19);
  for (let i = 0; i < ncode; i++) codeLengths[CODE_LENGTH_ORDER[i]] = bits(S, 3);
  const lengthsCode = huffman(codeLengths, S.fail);
  const lengths = new Uint8Array(nlen + ndist);
  for (let i = 0; i < nlen + ndist;) {
    const symbol = decode(S, lengthsCode);
    if (symbol < 16) {
      lengths[i++] = symbol; // a length of 0 … 15
      continue;
    }
    // 16: repeat the previous length 3-6 times; 17: 3-10 zeros; 18: 11-138 zeros
    let value = 0;
    let repeat: number;
    if (symbol === 16) {
      if (i === 0) S.fail("a repeat with no previous length");
      value = lengths[i - 1];
      repeat = 3 + bits(S, 2);
    } else repeat = symbol === 17 ? 3 + bits(S, 3) : 11 + bits(S, 7);
    if (i + repeat > nlen + ndist) S.fail("code lengths run past their count");
    lengths.fill(value, i, i + repeat);
    i += repeat;
  }
  if (lengths[256] === 0) S.fail("no end-of-block code");
  codes(S, huffman(lengths.subarray(0, nlen), S.fail), huffman(lengths.subarray(nlen), S.fail));
}

/** The canonical code from each symbol's code length (0: unused); an over-subscribed set of lengths fails. */
function huffman(lengths: ArrayLike<number>, fail: (what: string) => never): Huffman {
  const count = new Uint16Array(MAX_BITS + 1);
  for (let s = 0; s < lengths.length; s++) count[lengths[s]]++;
  // a prefix code has at most 2^len codes of length len, less those taken by shorter codes
  let left = 1;
  for (let len = 1; len <= MAX_BITS; len++) {
    left = 2 * left - count[len];
    if (left < 0) fail("an over-subscribed Huffman code");
  }
  // offsets[len]: where the symbols of length len start in the sorted list
  const offsets = new Uint16Array(MAX_BITS + 2);
  for (let len = 1; len <= MAX_BITS; len++) offsets[len + 1] = offsets[len] + count[len];
  const symbol = new Uint16Array(lengths.length);
  for (let s = 0; s < lengths.length; s++) if (lengths[s] !== 0) symbol[offsets[lengths[s]]++] = s;
  count[0] = 0; // unused symbols are not codes
  return { count, symbol };
}

/** The fixed codes of BTYPE 1 (RFC 1951 §3.2.6), built once. */
let FIXED: { lengthCode: Huffman; distCode: Huffman } | null = null;
function fixedCodes(): { lengthCode: Huffman; distCode: Huffman } {
  if (FIXED !== null) return FIXED;
  const lengths = new Uint8Array(288);
  lengths.fill(8, 0, 144); // 0-143: 8 bits
  lengths.fill(9, 144, 256); // 144-255: 9 bits
  lengths.fill(7, 256, 280); // 256-279: 7 bits
  lengths.fill(8, 280, 288); // 280-287: 8 bits
  const internal = (what: string): never => {
    throw new Error(`internal: the fixed Huffman code is ${what}`);
  };
  FIXED = { lengthCode: huffman(lengths, internal), distCode: huffman(new Uint8Array(30).fill(5), internal) };
  return FIXED;
}
