/**
 * Generator: NumPy's modern random API, `np.random.default_rng(seed)`, stream for stream
 * identical to `numpy.random.Generator` on PCG64 (`numpy/random/_generator.pyx`).
 *
 * Algorithm
 *   Bit generator: PCG64 seeded through SeedSequence(seed);
 *   uniform doubles: (next_uint64 ≫ 11)·2^-53; float32: (next_uint32 ≫ 8)·2^-24;
 *   normals: the 256-layer ziggurat (`ziggurat.ts`), float64 or float32 tables;
 *   integers: Lemire's method on 32-bit words for ranges < 2^32, 64-bit words beyond
 *   (`bounded.ts`, `use_masked=False`);
 *   shuffle / permutation: Fisher–Yates from the end with `random_interval`;
 *   choice without replacement and without p: Floyd's algorithm (then a Fisher–Yates shuffle
 *   with Lemire draws) or, for large populations, a partial tail shuffle, as NumPy.
 *
 * Outputs
 *   `size` undefined → a JS number; otherwise an NDArray of that shape (float64, or float32
 *   where `dtype: "float32"` is asked; int32 for integers, or float64 holding exact integers
 *   when a range does not fit int32).
 *
 * Invariant
 *   All randomness comes from `bitGenerator`; a Generator never caches values itself (PCG64
 *   caches the unused half of a 64-bit word for the next 32-bit draw, as NumPy's does).
 *
 * Reference
 *   NumPy `numpy/random/_generator.pyx`, `src/distributions/distributions.c`.
 *   Sibling: `random-state.ts` (legacy MT19937 API, `np.random.seed`).
 */
import { checkArity } from "../validate.js";
import { ValueError } from "../errors.js";
import { NDArray, type NestedArray } from "../ndarray.js";
import { sizeOf } from "../shape.js";
import { nextFloat, type BitGenerator } from "./bit-generator.js";
import { boundedFill, boundedLemire } from "./bounded.js";
import {
  checkNumber,
  checkIntDType,
  checkNonNegative,
  checkPopulation,
  checkProbabilities,
  choiceArgs,
  type ChoiceArgs,
  choicePopulation,
  choiceResult,
  choiceWeightedNoReplace,
  doublesFor,
  floatsFor,
  integerBuffer,
  integerRange,
  normalizedCdf,
  permute,
  searchRight,
  shuffleInPlace,
  sizeToShape,
  type Size,
} from "./common.js";
import { PCG64 } from "./pcg64.js";
import { SeedSequence, seedToWords, type SeedLike } from "./seed-sequence.js";
import { standardNormal, standardNormalF } from "./ziggurat.js";

/** Floating dtypes a Generator can produce directly. */
export type FloatDType = "float64" | "float32";

export interface IntegersOptions {
  /** Include `high` in the range (NumPy's `endpoint`, default false). */
  endpoint?: boolean;
  /** "int64" (NumPy's default) or "int32"; results are int32 arrays either way when they fit. */
  dtype?: "int32" | "int64";
}

export class Generator {
  /** The source of random bits (PCG64 for `defaultRng`). */
  readonly bitGenerator: BitGenerator;

  constructor(bitGenerator: BitGenerator) {
    this.bitGenerator = bitGenerator;
  }

  /**
   * Uniform floats in [0, 1): 53-bit doubles, or 24-bit floats for dtype "float32".
   * @example defaultRng(42).random() === 0.7739560485559633
   */
  random(size?: undefined, dtype?: FloatDType): number;
  random(size: Size, dtype?: FloatDType): NDArray;
  random(size?: Size, dtype?: FloatDType): number | NDArray;
  random(size?: Size, dtype: FloatDType = "float64"): number | NDArray {
    const fn = "random";
    const bg = this.bitGenerator;
    checkFloatDType(dtype, fn);
    if (dtype === "float32") {
      if (size === undefined) return nextFloat(bg);
      const { shape, out } = floatsFor(size, fn);
      for (let i = 0; i < out.length; i++) out[i] = nextFloat(bg);
      return new NDArray(out, shape, "float32");
    }
    if (size === undefined) return bg.nextDouble();
    const { shape, out } = doublesFor(size, fn);
    for (let i = 0; i < out.length; i++) out[i] = bg.nextDouble();
    return new NDArray(out, shape, "float64");
  }

  /**
   * Standard normals by the ziggurat method (float64, or float32 with its own tables).
   * @example defaultRng(0).standardNormal() === 0.1257302210933933
   */
  standardNormal(size?: undefined, dtype?: FloatDType): number;
  standardNormal(size: Size, dtype?: FloatDType): NDArray;
  standardNormal(size?: Size, dtype?: FloatDType): number | NDArray;
  standardNormal(size?: Size, dtype: FloatDType = "float64"): number | NDArray {
    const fn = "standard_normal";
    const bg = this.bitGenerator;
    checkFloatDType(dtype, fn);
    if (dtype === "float32") {
      if (size === undefined) return standardNormalF(bg);
      const { shape, out } = floatsFor(size, fn);
      for (let i = 0; i < out.length; i++) out[i] = standardNormalF(bg);
      return new NDArray(out, shape, "float32");
    }
    if (size === undefined) return standardNormal(bg);
    const { shape, out } = doublesFor(size, fn);
    for (let i = 0; i < out.length; i++) out[i] = standardNormal(bg);
    return new NDArray(out, shape, "float64");
  }

  /**
   * Normals loc + scale · N(0, 1) (ziggurat).
   * @throws ValueError "normal: scale < 0" for negative scale.
   */
  normal(loc?: number, scale?: number): number;
  normal(loc: number, scale: number, size: Size): NDArray;
  normal(loc?: number, scale?: number, size?: Size): number | NDArray;
  normal(loc = 0, scale = 1, size?: Size): number | NDArray {
    const fn = "normal";
    const bg = this.bitGenerator;
    checkNumber(loc, "loc", fn);
    checkNumber(scale, "scale", fn);
    checkNonNegative(scale, "scale", fn);
    if (size === undefined) return loc + scale * standardNormal(bg);
    const { shape, out } = doublesFor(size, fn);
    for (let i = 0; i < out.length; i++) out[i] = loc + scale * standardNormal(bg);
    return new NDArray(out, shape, "float64");
  }

  /**
   * Uniform floats in [low, high): low + (high − low) · U.
   * @throws ValueError when high < low or high − low overflows.
   */
  uniform(low?: number, high?: number): number;
  uniform(low: number, high: number, size: Size): NDArray;
  uniform(low?: number, high?: number, size?: Size): number | NDArray;
  uniform(low = 0, high = 1, size?: Size): number | NDArray {
    const fn = "uniform";
    const bg = this.bitGenerator;
    checkNumber(low, "low", fn);
    checkNumber(high, "high", fn);
    const range = high - low;
    if (!Number.isFinite(range)) throw new ValueError(`${fn}: high - low range exceeds valid bounds (${high} - ${low})`);
    checkNonNegative(range, "high - low", fn);
    if (size === undefined) return low + range * bg.nextDouble();
    const { shape, out } = doublesFor(size, fn);
    for (let i = 0; i < out.length; i++) out[i] = low + range * bg.nextDouble();
    return new NDArray(out, shape, "float64");
  }

  /**
   * Integers uniform in [low, high) — [low, high] with `endpoint` — or [0, low) when high is
   * omitted, by Lemire's method as NumPy's `Generator.integers`.
   * @returns a number when `size` is undefined; else an int32 NDArray, or — when the range
   *   does not fit int32, e.g. integers(0, 2**40, 3) — a float64 NDArray holding the exact
   *   integers (bounds and width must stay below 2^53).
   * @throws ValueError "integers: low >= high (5 >= 5)" for an empty range.
   * @example defaultRng(42).integers(0, 10, 3) // [0, 7, 6]
   */
  integers(low: number, high?: number, size?: undefined, options?: IntegersOptions): number;
  integers(low: number, high: number | undefined, size: Size, options?: IntegersOptions): NDArray;
  integers(low: number, high?: number, size?: Size, options?: IntegersOptions): number | NDArray;
  integers(low: number, high?: number, size?: Size, options: IntegersOptions = {}): number | NDArray {
    const fn = "integers";
    const { endpoint = false, dtype = "int64" } = options;
    checkIntDType(dtype, fn);
    let shape: number[] | undefined;
    if (size !== undefined) {
      shape = sizeToShape(size, fn);
      if (sizeOf(shape) === 0) return new NDArray(new Int32Array(0), shape, "int32");
    }
    const { off, rng, fitsInt32 } = integerRange(low, high, endpoint, dtype, fn);
    const out = integerBuffer(shape === undefined ? 1 : sizeOf(shape), fitsInt32);
    boundedFill(this.bitGenerator, off, rng, false, out);
    if (shape === undefined) return out[0];
    return new NDArray(out, shape, fitsInt32 ? "int32" : "float64");
  }

  /**
   * A random sample from `a` (an integer n means range(n); otherwise a 1-D array or list).
   * Without p: replace → integers(0, n, size); no replace → Floyd's algorithm (shuffled unless
   * `shuffle` is false) or a partial tail shuffle when n > 10000 and size > n/50 (n/20 without
   * shuffle), as NumPy. With p: cdf + uniform + right search.
   * @returns a number for `size` undefined, else an NDArray of shape `size` (int32 indices for
   *   an integer `a`, else `a`'s dtype).
   * @throws ValueError for bad p (negative, NaN, wrong length, not summing to 1 within √eps),
   *   size > population without replacement, an empty population.
   */
  choice(a: number | NDArray | NestedArray, ...rest: ChoiceArgs): number | NDArray {
    const fn = "choice";
    const { size, replace = true, p, shuffle = true } = choiceArgs(fn, rest, ["size", "replace", "p", "shuffle"]);
    const bg = this.bitGenerator;
    const pop = choicePopulation(a, fn);
    const isScalar = size === undefined;
    const shape = isScalar ? [] : sizeToShape(size, fn);
    const n = sizeOf(shape);
    checkPopulation(pop, n, fn);
    const probs = p === undefined ? null : checkProbabilities(p, pop.popSize, fn);
    const popSize = pop.popSize;
    let idx: Float64Array;
    if (replace) {
      idx = new Float64Array(n);
      if (probs) {
        const cdf = normalizedCdf(probs);
        for (let i = 0; i < n; i++) idx[i] = bg.nextDouble();
        for (let i = 0; i < n; i++) idx[i] = searchRight(cdf, idx[i]);
      } else if (n > 0) {
        boundedFill(bg, 0, popSize - 1, false, idx);
      }
    } else {
      if (n > popSize) {
        throw new ValueError(`${fn}: Cannot take a larger sample than population when replace is False (size ${n} > population ${popSize})`);
      }
      if (probs) {
        idx = choiceWeightedNoReplace(probs, n, (k) => this.random(k).data as Float64Array, fn);
      } else if (popSize > 10000 && n > Math.floor(popSize / (shuffle ? 50 : 20))) {
        // Partial Fisher–Yates on arange(popSize): only the last n positions are drawn.
        const all = new Float64Array(popSize);
        for (let i = 0; i < popSize; i++) all[i] = i;
        shuffleLemire(bg, all, Math.max(popSize - n, 1));
        idx = all.slice(popSize - n);
      } else {
        idx = floydSample(bg, popSize, n);
        if (shuffle) shuffleLemire(bg, idx, 1);
      }
    }
    return choiceResult(pop, idx, shape, isScalar);
  }

  /**
   * A shuffled arange(x) (int32) for an integer x, or a shuffled copy of an array along axis 0.
   * @throws IndexError for a non-integer number or a 0-d array.
   * @example defaultRng(1).permutation(10) // [8, 4, 7, 0, 1, 2, 5, 9, 6, 3]
   */
  permutation(x: number | NDArray | NestedArray): NDArray {
    return permute(this.bitGenerator, x, "permutation");
  }

  /**
   * Shuffle an NDArray along axis 0 in place (any strides) or a JS array in place.
   * @throws ValueError for a read-only or 0-d array.
   */
  shuffle<T>(x: NDArray | T[]): void {
    shuffleInPlace(this.bitGenerator, x, "shuffle");
  }
}

/**
 * Floyd's sampling without replacement: for j = N−n … N−1 draw t ∈ [0, j] (Lemire); take t
 * unless already taken, else take j. Yields n distinct values of [0, N) in draw order.
 * "Taken" is an open-addressing hash set with linear probing over ≥ 1.2·n slots, as NumPy's.
 * Reference: J. Bentley & R. Floyd, "Programming pearls: a sample of brilliance", CACM 30(9), 1987.
 */
function floydSample(bg: BitGenerator, N: number, n: number): Float64Array {
  const out = new Float64Array(n);
  const want = Math.floor(1.2 * n);
  const mask = want === 0 ? 0 : 0xffffffff >>> Math.clz32(want); // smallest 2^k − 1 ≥ 1.2·n
  const slots = mask + 1;
  const taken = new Float64Array(slots).fill(-1);
  for (let j = N - n; j < N; j++) {
    const t = boundedLemire(bg, j);
    let loc = t % slots;
    while (taken[loc] !== -1 && taken[loc] !== t) loc = (loc + 1) & mask;
    let v = t;
    if (taken[loc] === t) {
      // t was taken before: take j instead (j is new: every earlier value is < j)
      v = j;
      loc = j % slots;
      while (taken[loc] !== -1) loc = (loc + 1) & mask;
    }
    taken[loc] = v;
    out[j - N + n] = v;
  }
  return out;
}

/** NumPy's `_shuffle_int`: for i = len−1 down to `first`, swap a[i] with a[j], j = Lemire(0, i). */
function shuffleLemire(bg: BitGenerator, a: Float64Array, first: number): void {
  for (let i = a.length - 1; i >= first; i--) {
    const j = boundedLemire(bg, i);
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}

function checkFloatDType(dtype: unknown, fn: string): void {
  if (dtype !== "float64" && dtype !== "float32") {
    throw new ValueError(`${fn}: unsupported dtype ${String(dtype)}; expected "float64" or "float32"`);
  }
}

/**
 * `np.random.default_rng(seed)`: a Generator on PCG64(SeedSequence(seed)).
 * @param seed a non-negative integer (up to 2^53 − 1) or a list of them; undefined draws fresh
 *   entropy from `crypto.getRandomValues`; a Generator is returned as it is.
 * @throws ValueError for negative, non-integer or too large seeds, a seed of another type, or
 *   a second argument.
 * @example defaultRng(42).standardNormal() === 0.30471707975443135
 */
export function defaultRng(seed?: SeedLike | Generator): Generator {
  checkArity("defaultRng", arguments.length, ["seed"]);
  if (seed instanceof Generator) return seed;
  // the seed's words are checked here, so that errors name defaultRng (SeedSequence takes them as they are)
  const entropy = seed === undefined || seed instanceof Uint32Array ? seed : seedToWords(seed, "defaultRng");
  return new Generator(new PCG64(new SeedSequence(entropy)));
}
