/**
 * CRC-32 (ISO-HDLC, the checksum of ZIP, gzip and PNG), table-driven.
 *
 *   polynomial  x³²+x²⁶+x²³+x²²+x¹⁶+x¹²+x¹¹+x¹⁰+x⁸+x⁷+x⁵+x⁴+x²+x+1, bit-reflected: 0xEDB88320
 *   crc ← ~0;  for each byte b: crc ← T[(crc ⊕ b) & 0xFF] ⊕ (crc >>> 8);  result ~crc
 *   T[n] = n divided by the polynomial over GF(2), 8 steps of shift-and-conditional-xor.
 *
 * Returns an unsigned 32-bit number. Check value: crc32("123456789") = 0xCBF43926.
 * Internal to @sliderule/ndarray (used by the .npz reader and writer; not exported).
 * Reference: PKWARE APPNOTE.TXT §4.4.7; Sarwate, "Computation of cyclic redundancy checks
 * via table look-up", CACM 31(8), 1988; RFC 1952 §8 (the same loop in C).
 */

/** T[n]: the CRC of the single byte n (reflected, no pre/post inversion). */
const TABLE: Uint32Array = (() => {
  const T = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    // divide by the reflected polynomial one bit at a time
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    T[n] = c >>> 0;
  }
  return T;
})();

/**
 * The CRC-32 of `bytes`. Pass the previous result as `crc` to continue a running checksum
 * over several chunks (`crc32(b, crc32(a))` equals the CRC of a followed by b).
 */
export function crc32(bytes: Uint8Array, crc = 0): number {
  let c = ~crc;
  for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}
