/**
 * RandomState: NumPy's legacy random API (`np.random.seed`, `np.random.rand`, …), stream for
 * stream identical to `numpy.random.RandomState` (`numpy/random/mtrand.pyx`).
 *
 * Algorithm
 *   Bit generator: MT19937 seeded by `mt19937_seed` (integer) or `init_by_array` (list).
 *   uniform doubles: MT19937's 53-bit `next_double`;
 *   normals: the polar method with a cached second value (`legacy-gauss.ts`);
 *   integers: masked rejection sampling (`bounded.ts`, `use_masked=True`);
 *   shuffle / permutation: Fisher–Yates from the end with `random_interval` (masked);
 *   choice: randint / permutation without p; cdf + uniform + right search with p.
 *
 * Outputs
 *   With `size` undefined a method returns a JS number (NumPy returns a Python scalar);
 *   otherwise an NDArray of that shape: float64 for the continuous draws, int32 for integers
 *   (NumPy's int64; a float64 array of exact integers when a range does not fit int32).
 *
 * Invariant
 *   `mt` and `gauss` are the whole state: reseeding resets both, as NumPy's `seed` does.
 *
 * Reference
 *   NumPy `numpy/random/mtrand.pyx`, `_mt19937.pyx`, `src/legacy/legacy-distributions.c`.
 *   Sibling: `generator.ts` (NumPy's `Generator`, PCG64 + ziggurat + Lemire) for new code.
 */
import { ValueError } from "../errors.js";
import { NDArray, type NestedArray } from "../ndarray.js";
import { sizeOf } from "../shape.js";
import { boundedFill } from "./bounded.js";
import {
  checkNumber,
  checkIntDType,
  checkNonNegative,
  checkPopulation,
  checkProbabilities,
  choicePopulation,
  choiceArgs,
  type ChoiceArgs,
  choiceResult,
  choiceWeightedNoReplace,
  doublesFor,
  integerBuffer,
  integerRange,
  normalizedCdf,
  permute,
  searchRight,
  shuffleInPlace,
  sizeToShape,
  type Size,
} from "./common.js";
import { LegacyGauss } from "./legacy-gauss.js";
import { MT19937 } from "./mt19937.js";
import { SeedSequence } from "./seed-sequence.js";

/** A legacy seed: an integer in [0, 2^32 − 1], or a non-empty list of them. */
export type LegacySeed = number | readonly number[];

const MAX_SEED = 4294967295;

export class RandomState {
  /** The Mersenne Twister state. */
  readonly mt = new MT19937();
  /** The polar method's cached second normal. */
  private readonly gauss = new LegacyGauss();

  /**
   * @param seed integer in [0, 2^32 − 1] or list of them; undefined seeds from fresh entropy.
   * @throws ValueError for negative, non-integer or too large seeds.
   */
  constructor(seed?: LegacySeed) {
    this.seed(seed);
  }

  /**
   * Reseed, as `np.random.seed(seed)`: integers use `mt19937_seed`, lists `init_by_array`;
   * undefined draws 624 fresh words through a SeedSequence. Clears the cached normal.
   * @throws ValueError "seed: Seed must be between 0 and 2**32 - 1" for bad values.
   */
  seed(seed?: LegacySeed): void {
    const fn = "seed";
    if (seed === undefined) {
      const words = new SeedSequence().generateState(624);
      this.mt.key.set(words);
      this.mt.key[0] = 0x80000000 | 0;
      this.mt.pos = 624;
    } else if (typeof seed === "number") {
      if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
        throw new ValueError(`${fn}: Seed must be between 0 and 2**32 - 1 (got ${seed})`);
      }
      this.mt.seed(seed);
    } else if (Array.isArray(seed)) {
      if (seed.length === 0) throw new ValueError(`${fn}: Seed must be non-empty`);
      for (const s of seed) {
        if (typeof s !== "number" || !Number.isInteger(s) || s < 0 || s > MAX_SEED) {
          throw new ValueError(`${fn}: Seed must be between 0 and 2**32 - 1 (got ${String(s)} in the seed list)`);
        }
      }
      this.mt.initByArray(seed);
    } else {
      throw new ValueError(`${fn}: seed must be an integer, a list of integers or undefined, got ${String(seed)}`);
    }
    this.gauss.reset();
  }

  /**
   * Uniform floats in [0, 1), as `random_sample(size)`: 53-bit doubles from two MT19937 words.
   * @returns a number when `size` is undefined, else a float64 NDArray of shape `size`.
   * @example new RandomState(42).randomSample() === 0.3745401188473625
   */
  randomSample(): number;
  randomSample(size: Size): NDArray;
  randomSample(size?: Size): number | NDArray;
  randomSample(size?: Size): number | NDArray {
    if (size === undefined) return this.mt.nextDouble();
    return uniformDoubles(this.mt, doublesFor(size, "random_sample"));
  }

  /** Alias of {@link randomSample} (NumPy's `random`). */
  random(): number;
  random(size: Size): NDArray;
  random(size?: Size): number | NDArray;
  random(size?: Size): number | NDArray {
    if (size === undefined) return this.mt.nextDouble();
    return uniformDoubles(this.mt, doublesFor(size, "random"));
  }

  /**
   * Uniform floats in [0, 1) of shape (d0, d1, …), as `rand(d0, d1, …)`; no arguments → a number.
   * @throws ValueError for negative dimensions.
   */
  rand(): number;
  rand(d0: number, ...dims: number[]): NDArray;
  rand(...shape: number[]): number | NDArray;
  rand(...shape: number[]): number | NDArray {
    if (shape.length === 0) return this.mt.nextDouble();
    return uniformDoubles(this.mt, doublesFor(shape, "rand"));
  }

  /**
   * Standard normals of shape (d0, d1, …), as `randn(d0, d1, …)`; no arguments → a number.
   * Notes: polar Box–Muller with NumPy's cached second value (an odd count leaves one cached).
   */
  randn(): number;
  randn(d0: number, ...dims: number[]): NDArray;
  randn(...shape: number[]): number | NDArray;
  randn(...shape: number[]): number | NDArray {
    if (shape.length === 0) return this.gauss.next(this.mt);
    return gaussDoubles(this.gauss, this.mt, doublesFor(shape, "randn"));
  }

  /** Standard normals, as `standard_normal(size)` (same stream as {@link randn}). */
  standardNormal(): number;
  standardNormal(size: Size): NDArray;
  standardNormal(size?: Size): number | NDArray;
  standardNormal(size?: Size): number | NDArray {
    if (size === undefined) return this.gauss.next(this.mt);
    return gaussDoubles(this.gauss, this.mt, doublesFor(size, "standard_normal"));
  }

  /**
   * Normals with mean `loc` and standard deviation `scale`: loc + scale · N(0, 1).
   * @throws ValueError "normal: scale < 0" for negative scale.
   */
  normal(loc?: number, scale?: number): number;
  normal(loc: number, scale: number, size: Size): NDArray;
  normal(loc?: number, scale?: number, size?: Size): number | NDArray;
  normal(loc = 0, scale = 1, size?: Size): number | NDArray {
    const fn = "normal";
    checkNumber(loc, "loc", fn);
    checkNumber(scale, "scale", fn);
    checkNonNegative(scale, "scale", fn);
    if (size === undefined) return loc + scale * this.gauss.next(this.mt);
    const { shape, out } = doublesFor(size, fn);
    for (let i = 0; i < out.length; i++) out[i] = loc + scale * this.gauss.next(this.mt);
    return new NDArray(out, shape, "float64");
  }

  /**
   * Uniform floats in [low, high): low + (high − low) · U (high < low is allowed, as in NumPy's
   * legacy API).
   * @throws ValueError if high − low overflows.
   */
  uniform(low?: number, high?: number): number;
  uniform(low: number, high: number, size: Size): NDArray;
  uniform(low?: number, high?: number, size?: Size): number | NDArray;
  uniform(low = 0, high = 1, size?: Size): number | NDArray {
    const fn = "uniform";
    checkNumber(low, "low", fn);
    checkNumber(high, "high", fn);
    const range = high - low;
    if (!Number.isFinite(range)) throw new ValueError(`${fn}: Range exceeds valid bounds (high - low = ${range})`);
    if (size === undefined) return low + range * this.mt.nextDouble();
    const { shape, out } = doublesFor(size, fn);
    for (let i = 0; i < out.length; i++) out[i] = low + range * this.mt.nextDouble();
    return new NDArray(out, shape, "float64");
  }

  /**
   * Integers uniform in [low, high) (or [0, low) when high is omitted), as `randint`.
   * Notes: masked rejection sampling on MT19937 words, as NumPy's legacy path.
   * @returns a number when `size` is undefined; else an int32 NDArray, or a float64 NDArray of
   *   exact integers when the range does not fit int32 (NumPy's int64; only for dtype "int64").
   * @throws ValueError "randint: low >= high (5 >= 5)" for an empty range; out-of-bounds for int32.
   * @example new RandomState(42).randint(0, 10, 3) // [6, 3, 7]
   */
  randint(low: number, high?: number): number;
  randint(low: number, high: number | undefined, size: Size, dtype?: "int32" | "int64"): NDArray;
  randint(low: number, high?: number, size?: Size, dtype?: "int32" | "int64"): number | NDArray;
  randint(low: number, high?: number, size?: Size, dtype: "int32" | "int64" = "int64"): number | NDArray {
    const fn = "randint";
    checkIntDType(dtype, fn);
    let shape: number[] | undefined;
    if (size !== undefined) {
      shape = sizeToShape(size, fn);
      if (sizeOf(shape) === 0) return new NDArray(new Int32Array(0), shape, "int32");
    }
    const { off, rng, fitsInt32 } = integerRange(low, high, false, dtype, fn);
    const out = integerBuffer(shape === undefined ? 1 : sizeOf(shape), fitsInt32);
    boundedFill(this.mt, off, rng, true, out);
    if (shape === undefined) return out[0];
    return new NDArray(out, shape, fitsInt32 ? "int32" : "float64");
  }

  /**
   * A random sample from `a` (an integer n means range(n); otherwise a 1-D array or list).
   * Without p: replace → randint(0, n, size); no replace → permutation(n)[:size].
   * With p: cdf = cumsum(p) normalised; index = searchsorted(cdf, U, "right").
   * @returns a number for `size` undefined, else an NDArray of shape `size` (int32 indices for
   *   an integer `a`, else `a`'s dtype).
   * @throws ValueError for p that is negative, NaN, the wrong length or does not sum to 1
   *   (tolerance √eps), for size > population without replacement, for an empty population.
   */
  choice(a: number | NDArray | NestedArray, ...rest: ChoiceArgs): number | NDArray {
    const fn = "choice";
    const { size, replace = true, p } = choiceArgs(fn, rest, ["size", "replace", "p"]);
    const pop = choicePopulation(a, fn);
    const isScalar = size === undefined;
    const shape = isScalar ? [] : sizeToShape(size, fn);
    const n = sizeOf(shape);
    checkPopulation(pop, n, fn);
    const probs = p === undefined ? null : checkProbabilities(p, pop.popSize, fn);
    let idx: Float64Array;
    if (replace) {
      idx = new Float64Array(n);
      if (probs) {
        const cdf = normalizedCdf(probs);
        for (let i = 0; i < n; i++) idx[i] = this.mt.nextDouble();
        for (let i = 0; i < n; i++) idx[i] = searchRight(cdf, idx[i]);
      } else if (n > 0) {
        boundedFill(this.mt, 0, pop.popSize - 1, true, idx);
      }
    } else {
      if (n > pop.popSize) {
        throw new ValueError(`${fn}: Cannot take a larger sample than population when replace=False (size ${n} > population ${pop.popSize})`);
      }
      if (probs) {
        idx = choiceWeightedNoReplace(probs, n, (k) => this.randomSample(k).data as Float64Array, fn);
      } else {
        const perm = this.permutation(pop.popSize).data as Int32Array;
        idx = Float64Array.from(perm.subarray(0, n));
      }
    }
    return choiceResult(pop, idx, shape, isScalar);
  }

  /**
   * A shuffled arange(x) (int32) for an integer x, or a shuffled copy of an array along axis 0.
   * Notes: Fisher–Yates from the end with masked `random_interval`, as NumPy's legacy shuffle.
   * @throws IndexError for a non-integer number or a 0-d array.
   */
  permutation(x: number | NDArray | NestedArray): NDArray {
    return permute(this.mt, x, "permutation");
  }

  /**
   * Shuffle an NDArray along axis 0 in place (any strides; rows of an n-d array move as a
   * whole) or a JS array in place.
   * @throws ValueError for a read-only or 0-d array.
   */
  shuffle<T>(x: NDArray | T[]): void {
    shuffleInPlace(this.mt, x, "shuffle");
  }
}

/** Fill with MT19937 doubles (random_sample). */
function uniformDoubles(mt: MT19937, { shape, out }: { shape: number[]; out: Float64Array }): NDArray {
  for (let i = 0; i < out.length; i++) out[i] = mt.nextDouble();
  return new NDArray(out, shape, "float64");
}

/** Fill with polar-method normals (randn, standard_normal). */
function gaussDoubles(g: LegacyGauss, mt: MT19937, { shape, out }: { shape: number[]; out: Float64Array }): NDArray {
  for (let i = 0; i < out.length; i++) out[i] = g.next(mt);
  return new NDArray(out, shape, "float64");
}
