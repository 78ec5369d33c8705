/**
 * MT19937, the Mersenne Twister behind NumPy's legacy `RandomState`.
 *
 * Algorithm
 *   State: 624 words x_k. Each block of 624 outputs first regenerates the state by the
 *   twisted GFSR recurrence (N = 624, M = 397, a = 0x9908b0df):
 *     x_{k+N} = x_{k+M} ⊕ ((upper(x_k) | lower(x_{k+1})) ≫ 1) ⊕ (a if x_{k+1} odd),
 *   then each word is tempered: y ⊕= y≫11; y ⊕= (y≪7) & 0x9d2c5680; y ⊕= (y≪15) & 0xefc60000;
 *   y ⊕= y≫18.
 *   Seeding as NumPy's `RandomState(seed)` / `np.random.seed(seed)`:
 *   - an integer seed s ∈ [0, 2^32) uses `mt19937_seed` (Knuth's LCG initialisation, the
 *     reference `init_genrand`): x_0 = s, x_k = 1812433253·(x_{k−1} ⊕ x_{k−1}≫30) + k;
 *   - an array of such integers uses `init_by_array` (as NumPy does for array seeds).
 *   Derived outputs, as NumPy's mt19937.h:
 *     next_double = (a·2^26 + b) / 2^53 with a = y₁≫5, b = y₂≫6 (53 bits from two words);
 *     next_uint64 = y₁·2^32 + y₂ (the first word is the high half, as GCC evaluates NumPy's
 *     `(uint64_t)mt19937_next(state) << 32 | mt19937_next(state)`).
 *
 * Outputs
 *   `nextUint32()` in [0, 2^32); `nextUint64()` into `hi`, `lo`; `nextDouble()` in [0, 1).
 *
 * Invariant
 *   `key` holds the untempered state; `pos` ∈ [0, 624] is the next word to temper (624 = the
 *   block is used up and must be regenerated).
 *
 * Reference
 *   M. Matsumoto & T. Nishimura, "Mersenne Twister: a 623-dimensionally equidistributed uniform
 *   pseudo-random number generator", ACM TOMACS 8(1), 1998 (mt19937ar.c);
 *   NumPy `numpy/random/src/mt19937/mt19937.{h,c}` and `_mt19937.pyx` (`_legacy_seeding`).
 */
import type { BitGenerator } from "./bit-generator.js";

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df | 0;
const UPPER_MASK = 0x80000000 | 0;
const LOWER_MASK = 0x7fffffff;

export class MT19937 implements BitGenerator {
  /** The untempered state words x_0 … x_623 (as int32 bit patterns). */
  readonly key = new Int32Array(N);
  /** Index of the next state word to temper and return; N means "regenerate first". */
  pos = N;
  hi = 0;
  lo = 0;

  /** Seed as `mt19937_seed(s)` (init_genrand), s an integer in [0, 2^32). */
  seed(s: number): void {
    const mt = this.key;
    mt[0] = s | 0;
    for (let k = 1; k < N; k++) {
      const prev = mt[k - 1];
      mt[k] = (Math.imul(1812433253, prev ^ (prev >>> 30)) + k) | 0;
    }
    this.pos = N;
  }

  /** Seed as `mt19937_init_by_array(init_key)` (Matsumoto & Nishimura, 2002). */
  initByArray(initKey: ArrayLike<number>): void {
    const mt = this.key;
    this.seed(19650218);
    const len = initKey.length;
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, len); k > 0; k--) {
      // non-linear mixing of the key word j into x_i
      const prev = mt[i - 1];
      mt[i] = ((mt[i] ^ Math.imul(prev ^ (prev >>> 30), 1664525)) + (initKey[j] | 0) + j) | 0;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
      if (j >= len) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = mt[i - 1];
      mt[i] = ((mt[i] ^ Math.imul(prev ^ (prev >>> 30), 1566083941)) - i) | 0;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
    }
    mt[0] = UPPER_MASK; // MSB is 1, assuring a non-zero initial state
    this.pos = N;
  }

  /** Regenerate the 624 state words by the twisted recurrence (`mt19937_gen`). */
  private generate(): void {
    const mt = this.key;
    let k = 0;
    let y: number;
    for (; k < N - M; k++) {
      y = (mt[k] & UPPER_MASK) | (mt[k + 1] & LOWER_MASK);
      mt[k] = mt[k + M] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    for (; k < N - 1; k++) {
      y = (mt[k] & UPPER_MASK) | (mt[k + 1] & LOWER_MASK);
      mt[k] = mt[k + (M - N)] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
    mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    this.pos = 0;
  }

  nextUint32(): number {
    if (this.pos === N) this.generate();
    let y = this.key[this.pos++];
    // tempering
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  nextUint64(): void {
    this.hi = this.nextUint32();
    this.lo = this.nextUint32();
  }

  nextDouble(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }
}
