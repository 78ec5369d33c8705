/**
 * PCG64 (PCG XSL-RR 128/64), the default bit generator of NumPy's `Generator`.
 *
 * Algorithm
 *   A 128-bit linear congruential generator  s ← a·s + c  (mod 2^128) with NumPy's multiplier
 *   a = 0x2360ed051fc65da4_4385df649fccf645 and an odd increment c; each step outputs the
 *   64-bit XSL-RR permutation of the new state:
 *     out = rotr64(hi(s) ⊕ lo(s), s ≫ 122).
 *   Seeding (`pcg_setseq_128_srandom_r`): s = 0, c = 2·initseq + 1, step, s += initstate, step.
 *   `np.random.default_rng(seed)` takes initstate = v₀·2^64 + v₁ and initseq = v₂·2^64 + v₃
 *   from `SeedSequence(seed).generate_state(4, uint64)`.
 *   Derived outputs (NumPy's pcg64.h / _pcg64.pyx):
 *     next_uint32: the low half of a fresh 64-bit output, caching the high half for the next
 *     call (`has_uint32` / `uinteger`);  next_double = (out ≫ 11) · 2^-53.
 *
 * 128-bit arithmetic without BigInt: the state and increment are four 32-bit words w_0…w_3
 * (least significant first); for the product the state is cut into 16-bit limbs s_0…s_7 and
 * the multiplier is eight 16-bit limbs a_0…a_7. Column m of the product is
 *   col_m = Σ_{i+j=m} s_i·a_j   (≤ 8 products < 2^32, so < 2^35),
 * and result word K collects T_K = col_{2K} + 2^16·col_{2K+1} + c_K (< 2^52: exact in a
 * double). Carries then ripple through the four words only, keeping the serial carry chain —
 * the latency bottleneck — at four steps.
 *
 * Outputs
 *   `nextUint64()` into `hi`, `lo`; `nextUint32()`; `nextDouble()`.
 *
 * Invariant
 *   Every state and increment word is an integer in [0, 2^32); the increment is odd; `hasUint32` says whether
 *   `uinteger` holds the unused high half of the last 64-bit output.
 *
 * Reference
 *   M. E. O'Neill, "PCG: A Family of Simple Fast Space-Efficient Statistically Good Algorithms
 *   for Random Number Generation", HMC-CS-2014-0905 (2014);
 *   NumPy `numpy/random/src/pcg64/pcg64.{h,c}`, `numpy/random/_pcg64.pyx`.
 */
import type { BitGenerator } from "./bit-generator.js";
import { SeedSequence } from "./seed-sequence.js";

// The multiplier 0x2360ed051fc65da44385df649fccf645 as 16-bit limbs, least significant first.
const A0 = 0xf645;
const A1 = 0x9fcc;
const A2 = 0xdf64;
const A3 = 0x4385;
const A4 = 0x5da4;
const A5 = 0x1fc6;
const A6 = 0xed05;
const A7 = 0x2360;
const TWO16 = 65536;
const TWO32 = 4294967296;
const INV_2_32 = 1 / 4294967296;

export class PCG64 implements BitGenerator {
  // State s = w0 + 2^32·w1 + 2^64·w2 + 2^96·w3.
  private w0 = 0;
  private w1 = 0;
  private w2 = 0;
  private w3 = 0;
  // Increment c = c0 + 2^32·c1 + 2^64·c2 + 2^96·c3 (odd).
  private c0 = 1;
  private c1 = 0;
  private c2 = 0;
  private c3 = 0;
  /** Whether `uinteger` holds the cached high half of the last 64-bit output. */
  hasUint32 = false;
  uinteger = 0;
  hi = 0;
  lo = 0;

  /** Seed from a SeedSequence exactly as `PCG64(SeedSequence(seed))`. */
  constructor(seedSeq: SeedSequence = new SeedSequence()) {
    // generate_state(4, uint64) = v0, v1, v2, v3, each as (low word, high word).
    const w = seedSeq.generateState(4, "uint64");
    // initstate = v0·2^64 + v1 and initseq = v2·2^64 + v3, as 32-bit words low → high.
    this.setSeed([w[2], w[3], w[0], w[1]], [w[6], w[7], w[4], w[5]]);
  }

  /**
   * `pcg_setseq_128_srandom_r(initstate, initseq)`; each argument is four 32-bit words, least
   * significant first.
   */
  setSeed(initstate: ArrayLike<number>, initseq: ArrayLike<number>): void {
    // c = (initseq << 1) | 1
    const q = Array.from({ length: 4 }, (_, k) => initseq[k] >>> 0);
    this.c0 = ((q[0] << 1) | 1) >>> 0;
    this.c1 = ((q[1] << 1) | (q[0] >>> 31)) >>> 0;
    this.c2 = ((q[2] << 1) | (q[1] >>> 31)) >>> 0;
    this.c3 = ((q[3] << 1) | (q[2] >>> 31)) >>> 0;
    this.w0 = this.w1 = this.w2 = this.w3 = 0;
    this.step();
    // s += initstate (mod 2^128)
    const words = [this.w0, this.w1, this.w2, this.w3];
    let carry = 0;
    for (let k = 0; k < 4; k++) {
      const t = words[k] + (initstate[k] >>> 0) + carry;
      carry = t >= TWO32 ? 1 : 0;
      words[k] = t - carry * TWO32;
    }
    [this.w0, this.w1, this.w2, this.w3] = words;
    this.step();
    this.hasUint32 = false;
    this.uinteger = 0;
  }

  /** One LCG step s ← a·s + c (mod 2^128) (see the header for the column scheme). */
  private step(): void {
    const w0 = this.w0;
    const w1 = this.w1;
    const w2 = this.w2;
    const w3 = this.w3;
    // 16-bit limbs of the state
    const s0 = w0 & 0xffff;
    const s1 = w0 >>> 16;
    const s2 = w1 & 0xffff;
    const s3 = w1 >>> 16;
    const s4 = w2 & 0xffff;
    const s5 = w2 >>> 16;
    const s6 = w3 & 0xffff;
    const s7 = w3 >>> 16;
    // T_K = col_{2K} + 2^16·col_{2K+1} + c_K  (columns m ≥ 8 vanish mod 2^128)
    const T0 = s0 * A0 + (s0 * A1 + s1 * A0) * TWO16 + this.c0;
    const T1 = s0 * A2 + s1 * A1 + s2 * A0 + (s0 * A3 + s1 * A2 + s2 * A1 + s3 * A0) * TWO16 + this.c1;
    const T2 = s0 * A4 + s1 * A3 + s2 * A2 + s3 * A1 + s4 * A0 + (s0 * A5 + s1 * A4 + s2 * A3 + s3 * A2 + s4 * A1 + s5 * A0) * TWO16 + this.c2;
    const T3 =
      s0 * A6 +
      s1 * A5 +
      s2 * A4 +
      s3 * A3 +
      s4 * A2 +
      s5 * A1 +
      s6 * A0 +
      (s0 * A7 + s1 * A6 + s2 * A5 + s3 * A4 + s4 * A3 + s5 * A2 + s6 * A1 + s7 * A0) * TWO16 +
      this.c3;
    // Ripple the carries through the four words (Math.floor, not `| 0`: T_K exceeds 2^31).
    let carry = Math.floor(T0 * INV_2_32);
    this.w0 = T0 - carry * TWO32;
    let t = T1 + carry;
    carry = Math.floor(t * INV_2_32);
    this.w1 = t - carry * TWO32;
    t = T2 + carry;
    carry = Math.floor(t * INV_2_32);
    this.w2 = t - carry * TWO32;
    t = T3 + carry;
    this.w3 = t - Math.floor(t * INV_2_32) * TWO32;
  }

  nextUint64(): void {
    this.step();
    // XSL: x = hi64 ⊕ lo64 as 32-bit words (xh, xl); RR: rotate right by the top 6 state bits.
    const xh = this.w3 ^ this.w1;
    const xl = this.w2 ^ this.w0;
    const rot = this.w3 >>> 26;
    // Branch-free rotate (rot is random, so branches would mispredict): for rot ≥ 32 swap the
    // halves (m = −1) and rotate by r = rot − 32; `(v << (31 − r)) << 1` is v << (32 − r),
    // and 0 when r = 0.
    const m = -(rot >>> 5);
    const r = rot & 31;
    const a = xh ^ ((xh ^ xl) & m);
    const b = xl ^ ((xh ^ xl) & m);
    this.hi = ((a >>> r) | ((b << (31 - r)) << 1)) >>> 0;
    this.lo = ((b >>> r) | ((a << (31 - r)) << 1)) >>> 0;
  }

  nextUint32(): number {
    if (this.hasUint32) {
      this.hasUint32 = false;
      return this.uinteger;
    }
    this.nextUint64();
    this.hasUint32 = true;
    this.uinteger = this.hi;
    return this.lo;
  }

  nextDouble(): number {
    this.nextUint64();
    // (out >> 11) · 2^-53: the top 53 bits as an integer, exact in a double.
    return (this.hi * 2097152 + (this.lo >>> 11)) * 1.1102230246251565e-16;
  }
}
