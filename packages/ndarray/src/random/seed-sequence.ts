/**
 * SeedSequence: NumPy's entropy mixer that turns a user seed into well-spread generator state
 * (`numpy/random/bit_generator.pyx`, after M. E. O'Neill's `seed_seq_fe`).
 *
 * Algorithm
 *   Entropy: the seed as 32-bit words, least significant first (0 → [0]; an array
 *   concatenates the words of each element).
 *   hashmix(v):  v ⊕= h;  h ← h·MULT_A;  v ← v·h;  v ⊕= v ≫ 16      (h starts at INIT_A)
 *   mix(x, y):   r = MIX_MULT_L·x − MIX_MULT_R·y;  r ⊕= r ≫ 16      (all mod 2^32)
 *   Pool (4 words): pool_i = hashmix(entropy_i or 0); then every pair i ≠ j:
 *     pool_j = mix(pool_j, hashmix(pool_i)); remaining entropy words are mixed into every
 *     pool word the same way.
 *   generate_state(n): word_t = pool_{t mod 4} ⊕ h; h ← h·MULT_B; word_t ← word_t·h;
 *     word_t ⊕= word_t ≫ 16 (h starts at INIT_B). For uint64 output, consecutive word pairs
 *     are read little-endian: value_i = word_{2i} + 2^32·word_{2i+1}.
 *
 * Outputs
 *   `pool`: the 4 mixed words; `generateState(n, dtype)`: n uint32 words, or 2n words holding
 *   n uint64 values as (low, high) pairs.
 *
 * Invariant
 *   The constants are NumPy's: INIT_A = 0x43b0d7e5, MULT_A = 0x931e8875, INIT_B = 0x8b51f9dd,
 *   MULT_B = 0x58f38ded, MIX_MULT_L = 0xca01f9dd, MIX_MULT_R = 0x4973f715.
 *
 * Reference
 *   M. E. O'Neill, "Developing a seed_seq alternative" (pcg-random.org blog, 2015);
 *   NumPy `numpy/random/bit_generator.pyx` (`SeedSequence`, `_coerce_to_uint32_array`).
 */
import { ValueError } from "../errors.js";
import { describe } from "../validate.js";

const DEFAULT_POOL_SIZE = 4;
const INIT_A = 0x43b0d7e5;
const MULT_A = 0x931e8875 | 0;
const INIT_B = 0x8b51f9dd | 0;
const MULT_B = 0x58f38ded;
const MIX_MULT_L = 0xca01f9dd | 0;
const MIX_MULT_R = 0x4973f715;
const XSHIFT = 16;

/** A seed for SeedSequence: a non-negative safe integer, or a list of them. */
export type SeedLike = number | readonly number[];

/** A non-negative safe integer as 32-bit words, least significant first (0 → [0]). */
function intToWords(n: number, fn: string): number[] {
  if (typeof n !== "number" || !Number.isInteger(n) || n < 0 || n > Number.MAX_SAFE_INTEGER) {
    throw new ValueError(`${fn}: seed must be a non-negative integer up to 2**53 - 1, got ${describe(n)}`);
  }
  const words = [n % 4294967296];
  const high = Math.floor(n / 4294967296);
  if (high > 0) words.push(high);
  return words;
}

/** NumPy's `_coerce_to_uint32_array` for numbers and lists of numbers. */
export function seedToWords(seed: SeedLike, fn: string): Uint32Array {
  if (typeof seed === "number") return Uint32Array.from(intToWords(seed, fn));
  if (!Array.isArray(seed)) throw new ValueError(`${fn}: seed must be an integer or a list of integers, got ${describe(seed)}`);
  const words: number[] = [];
  for (const s of seed) words.push(...intToWords(s, fn));
  return Uint32Array.from(words);
}

export class SeedSequence {
  /** The entropy words the pool was mixed from. */
  readonly entropy: Uint32Array;
  /** The mixed entropy pool (4 words). */
  readonly pool: Uint32Array;

  /**
   * @param entropy non-negative integer or list of them; undefined draws 128 fresh bits from
   *   `crypto.getRandomValues` (or Math.random where crypto is unavailable).
   */
  constructor(entropy?: SeedLike | Uint32Array) {
    this.entropy = entropy === undefined ? freshEntropyWords(4) : entropy instanceof Uint32Array ? entropy.slice() : seedToWords(entropy, "SeedSequence");
    this.pool = new Uint32Array(DEFAULT_POOL_SIZE);
    mixEntropy(this.pool, this.entropy);
  }

  /**
   * `generate_state(nWords, dtype)`: nWords uint32 words, or for "uint64" 2·nWords words that
   * hold nWords 64-bit values as (low, high) pairs.
   */
  generateState(nWords: number, dtype: "uint32" | "uint64" = "uint32"): Uint32Array {
    const n = dtype === "uint64" ? 2 * nWords : nWords;
    const state = new Uint32Array(n);
    let h = INIT_B;
    for (let t = 0; t < n; t++) {
      let w = this.pool[t % this.pool.length];
      w ^= h;
      h = Math.imul(h, MULT_B);
      w = Math.imul(w, h);
      w ^= w >>> XSHIFT;
      state[t] = w;
    }
    return state;
  }
}

/** NumPy's `mix_entropy`: hash the entropy into the pool and mix every word into every other. */
function mixEntropy(pool: Uint32Array, entropy: Uint32Array): void {
  let h = INIT_A;
  const hashmix = (value: number): number => {
    let v = value ^ h;
    h = Math.imul(h, MULT_A);
    v = Math.imul(v, h);
    v ^= v >>> XSHIFT;
    return v;
  };
  const mix = (x: number, y: number): number => {
    let r = (Math.imul(MIX_MULT_L, x) - Math.imul(MIX_MULT_R, y)) | 0;
    r ^= r >>> XSHIFT;
    return r;
  };
  // Add in the entropy up to the pool size (running the hash on zeros past its end).
  for (let i = 0; i < pool.length; i++) pool[i] = hashmix(i < entropy.length ? entropy[i] : 0);
  // Mix all bits together so late bits can affect earlier bits.
  for (let src = 0; src < pool.length; src++) {
    for (let dst = 0; dst < pool.length; dst++) {
      if (src !== dst) pool[dst] = mix(pool[dst], hashmix(pool[src]));
    }
  }
  // Add any remaining entropy, mixing each new word with each pool word.
  for (let src = pool.length; src < entropy.length; src++) {
    for (let dst = 0; dst < pool.length; dst++) pool[dst] = mix(pool[dst], hashmix(entropy[src]));
  }
}

/**
 * Fresh entropy: `n` random 32-bit words from `globalThis.crypto.getRandomValues` when present
 * (Node ≥ 19, browsers), else from Math.random. Leading zero words are dropped as NumPy's
 * integer-to-words conversion of a random 128-bit integer would.
 */
export function freshEntropyWords(n: number): Uint32Array {
  const words = new Uint32Array(n);
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint32Array) => Uint32Array } }).crypto;
  if (c && typeof c.getRandomValues === "function") c.getRandomValues(words);
  else for (let i = 0; i < n; i++) words[i] = Math.floor(Math.random() * 4294967296);
  let len = n;
  while (len > 1 && words[len - 1] === 0) len--;
  return words.slice(0, len);
}
