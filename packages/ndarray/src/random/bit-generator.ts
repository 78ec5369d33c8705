/**
 * The interface every bit generator (MT19937, PCG64) offers to the distributions, mirroring
 * NumPy's `bitgen_t` (`numpy/random/bit_generator.pxd`): a 32-bit draw, a 64-bit draw and a
 * double in [0, 1).
 *
 * No BigInt: a 64-bit draw is delivered as two unsigned 32-bit halves. `nextUint64()` advances
 * the generator by one 64-bit output and leaves its halves in the fields `hi` and `lo`; this
 * keeps the sampling loops free of allocation.
 */
export interface BitGenerator {
  /** The next 32 random bits, as an unsigned integer in [0, 2^32) (NumPy's `next_uint32`). */
  nextUint32(): number;
  /** Draw the next 64 random bits into `hi` and `lo` (NumPy's `next_uint64`). */
  nextUint64(): void;
  /** High 32 bits of the last `nextUint64()` draw, unsigned. */
  hi: number;
  /** Low 32 bits of the last `nextUint64()` draw, unsigned. */
  lo: number;
  /** A double in [0, 1) with 53 random bits (NumPy's `next_double` for this generator). */
  nextDouble(): number;
}

/** NumPy's `next_float`: (next_uint32 >> 8) · 2^-24, a float32 in [0, 1) with 24 random bits. */
export function nextFloat(bg: BitGenerator): number {
  return (bg.nextUint32() >>> 8) * (1 / 16777216);
}
