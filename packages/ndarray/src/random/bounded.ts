/**
 * Uniform integers in a closed range [off, off + rng], as NumPy's bounded generators in
 * `numpy/random/src/distributions/distributions.c`.
 *
 * Algorithm
 *   Masked rejection (legacy `RandomState.randint`, `use_masked=True`; also `random_interval`
 *   used by every shuffle): mask = 2^⌈log2(rng+1)⌉ − 1; draw v = bits & mask until v ≤ rng.
 *   Lemire's method (`Generator.integers`, `use_masked=False`): m = x·(rng+1) for a uniform
 *   w-bit x; the answer is ⌊m / 2^w⌋, rejecting while the low half
 *   m mod 2^w < (2^w − (rng+1)) mod (rng+1)  (tested only once the cheap bound
 *   m mod 2^w < rng + 1 fires).
 *   Word size, as NumPy: ranges rng < 2^32 draw 32-bit words (`next_uint32`, so PCG64 serves
 *   two of them per 64-bit output: low half first, then the cached high half); rng = 2^32 − 1
 *   takes next_uint32 as is; wider ranges draw 64-bit words (`next_uint64`).
 *
 * Outputs
 *   {@link randomInterval}: one value in [0, max] (NumPy's `random_interval`);
 *   {@link boundedFill}: NumPy's `random_bounded_uint64_fill` / `random_bounded_uint32_fill`,
 *   writing off + v into `out` (the two C routines consume the stream identically for the
 *   ranges supported here).
 *
 * Invariant
 *   0 ≤ rng ≤ 2^53 − 1 so that every value and product limb is an exact double; 64-bit words
 *   are handled as (hi, lo) 32-bit halves and 16-bit limbs, never as BigInt.
 *
 * Reference
 *   D. Lemire, "Fast Random Integer Generation in an Interval", ACM TOMACS 29(1), 2019;
 *   NumPy `distributions.c` (`random_interval`, `bounded_lemire_uint64`,
 *   `buffered_bounded_lemire_uint32`, `buffered_bounded_masked_uint32`, `bounded_masked_uint64`).
 */
import type { BitGenerator } from "./bit-generator.js";

const TWO32 = 4294967296;

/** Smallest 2^k − 1 ≥ max, as (high word, low word) for max < 2^53. */
function maskHigh(max: number): number {
  const high = Math.floor(max / TWO32);
  return high === 0 ? 0 : 0xffffffff >>> Math.clz32(high);
}

/** Smallest 2^k − 1 ≥ max for 0 < max < 2^32. */
function mask32(max: number): number {
  return 0xffffffff >>> Math.clz32(max);
}

/** NumPy's `random_interval(bitgen, max)`: masked rejection on 32- or 64-bit words. */
export function randomInterval(bg: BitGenerator, max: number): number {
  if (max === 0) return 0;
  if (max <= 0xffffffff) {
    const mask = mask32(max);
    let v: number;
    do v = (bg.nextUint32() & mask) >>> 0;
    while (v > max);
    return v;
  }
  const mh = maskHigh(max);
  let v: number;
  do {
    bg.nextUint64();
    v = ((bg.hi & mh) >>> 0) * TWO32 + bg.lo;
  } while (v > max);
  return v;
}

/** `buffered_bounded_masked_uint32`: v = next_uint32 & mask until v ≤ rng. */
function maskedUint32(bg: BitGenerator, rng: number, mask: number): number {
  let v: number;
  do v = (bg.nextUint32() & mask) >>> 0;
  while (v > rng);
  return v;
}

/** `buffered_bounded_lemire_uint32` for rng < 2^32 − 1. */
function lemireUint32(bg: BitGenerator, rng: number): number {
  const rngExcl = rng + 1;
  // m = x·rngExcl as a 64-bit number: low half by Math.imul, high half from 16-bit pieces.
  let x = bg.nextUint32();
  let leftover = Math.imul(x, rngExcl) >>> 0;
  if (leftover < rngExcl) {
    const threshold = (TWO32 - rngExcl) % rngExcl;
    while (leftover < threshold) {
      x = bg.nextUint32();
      leftover = Math.imul(x, rngExcl) >>> 0;
    }
  }
  return mulHigh32(x, rngExcl);
}

/** ⌊x·y / 2^32⌋ for 32-bit unsigned x, y, exactly. */
function mulHigh32(x: number, y: number): number {
  const xh = x >>> 16;
  const xl = x & 0xffff;
  const yh = y >>> 16;
  const yl = y & 0xffff;
  const low = xl * yl;
  const mid = xh * yl + xl * yh + Math.floor(low / 65536);
  return xh * yh + Math.floor(mid / 65536);
}

/** `bounded_masked_uint64` for 2^32 ≤ rng < 2^53: v = next_uint64 & mask until v ≤ rng. */
function maskedUint64(bg: BitGenerator, rng: number, maskHi: number): number {
  let v: number;
  do {
    bg.nextUint64();
    v = ((bg.hi & maskHi) >>> 0) * TWO32 + bg.lo;
  } while (v > rng);
  return v;
}

/** 2^64 mod n for 0 < n ≤ 2^53, by doubling (every intermediate is an exact even integer < 2^54). */
function pow2_64Mod(n: number): number {
  let r = 1 % n;
  for (let i = 0; i < 64; i++) {
    r *= 2;
    if (r >= n) r -= n;
  }
  return r;
}

/**
 * `bounded_lemire_uint64` for 2^32 ≤ rng < 2^53: the 128-bit product x·(rng+1) is formed from
 * 16-bit limbs; its high 64 bits are the answer, its low 64 bits the rejection test.
 */
function lemireUint64(bg: BitGenerator, rng: number): number {
  const rngExcl = rng + 1;
  const rHi = Math.floor(rngExcl / TWO32);
  const rLo = rngExcl - rHi * TWO32;
  const r0 = rLo & 0xffff;
  const r1 = rLo >>> 16;
  const r2 = rHi & 0xffff;
  const r3 = rHi >>> 16;
  let threshold = -1; // (2^64 − rngExcl) mod rngExcl = 2^64 mod rngExcl, computed on first need
  let tHi = 0;
  let tLo = 0;
  for (;;) {
    bg.nextUint64();
    const x0 = bg.lo & 0xffff;
    const x1 = bg.lo >>> 16;
    const x2 = bg.hi & 0xffff;
    const x3 = bg.hi >>> 16;
    // Columns of the product, each a sum of ≤ 4 products < 2^32 plus a carry: exact.
    let t = x0 * r0;
    const p0 = t % 65536;
    t = (t - p0) / 65536 + x0 * r1 + x1 * r0;
    const p1 = t % 65536;
    t = (t - p1) / 65536 + x0 * r2 + x1 * r1 + x2 * r0;
    const p2 = t % 65536;
    t = (t - p2) / 65536 + x0 * r3 + x1 * r2 + x2 * r1 + x3 * r0;
    const p3 = t % 65536;
    t = (t - p3) / 65536 + x1 * r3 + x2 * r2 + x3 * r1;
    const p4 = t % 65536;
    t = (t - p4) / 65536 + x2 * r3 + x3 * r2;
    const p5 = t % 65536;
    t = (t - p5) / 65536 + x3 * r3;
    // leftover = low 64 bits (p3 p2 p1 p0) as 32-bit halves, tested against rngExcl and then
    // the threshold (both < 2^53, split into halves as well).
    const leftHi = p3 * 65536 + p2;
    const leftLo = p1 * 65536 + p0;
    if (leftHi < rHi || (leftHi === rHi && leftLo < rLo)) {
      if (threshold < 0) {
        threshold = pow2_64Mod(rngExcl);
        tHi = Math.floor(threshold / TWO32);
        tLo = threshold - tHi * TWO32;
      }
      if (leftHi < tHi || (leftHi === tHi && leftLo < tLo)) continue;
    }
    // high 64 bits: t (the carry into limb 6 and above) · 2^32 + p5·2^16 + p4
    return t * TWO32 + p5 * 65536 + p4;
  }
}

/**
 * Fill `out` with off + v, v uniform in [0, rng], exactly as NumPy's
 * `random_bounded_uint64_fill(bitgen, off, rng, cnt, use_masked, out)`.
 *
 * @param useMasked true: masked rejection (RandomState); false: Lemire (Generator).
 */
export function boundedFill(bg: BitGenerator, off: number, rng: number, useMasked: boolean, out: Int32Array | Float64Array): void {
  const cnt = out.length;
  if (rng === 0) {
    out.fill(off);
  } else if (rng <= 0xffffffff) {
    if (rng === 0xffffffff) {
      for (let i = 0; i < cnt; i++) out[i] = off + bg.nextUint32();
    } else if (useMasked) {
      const mask = mask32(rng);
      for (let i = 0; i < cnt; i++) out[i] = off + maskedUint32(bg, rng, mask);
    } else {
      for (let i = 0; i < cnt; i++) out[i] = off + lemireUint32(bg, rng);
    }
  } else if (useMasked) {
    const mh = maskHigh(rng);
    for (let i = 0; i < cnt; i++) out[i] = off + maskedUint64(bg, rng, mh);
  } else {
    for (let i = 0; i < cnt; i++) out[i] = off + lemireUint64(bg, rng);
  }
}

/** NumPy's `random_bounded_uint64(bitgen, 0, rng, 0, use_masked=False)`: one Lemire draw. */
export function boundedLemire(bg: BitGenerator, rng: number): number {
  if (rng === 0) return 0;
  if (rng === 0xffffffff) return bg.nextUint32();
  if (rng < 0xffffffff) return lemireUint32(bg, rng);
  return lemireUint64(bg, rng);
}
