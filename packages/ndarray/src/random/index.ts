/**
 * `np.random` for Sliderule: NumPy-identical random streams.
 *
 * - `defaultRng(seed)` → {@link Generator} (PCG64 + SeedSequence, ziggurat normals, Lemire
 *   integers): the same numbers as `np.random.default_rng(seed)`.
 * - {@link RandomState} and the module-level functions below (one global RandomState, as
 *   `np.random.seed`, `np.random.rand`, …): the same numbers as NumPy's legacy API.
 *
 *   import { random } from "@sliderule/ndarray";
 *   random.seed(42);
 *   random.rand(2, 4);          // 0.3745401188473625, 0.9507143064099162, …
 *   const rng = random.defaultRng(42);
 *   rng.standardNormal([3, 3]);
 *
 * Files: mt19937.ts, pcg64.ts, seed-sequence.ts (bit generators and seeding); bounded.ts
 * (integers in a range); legacy-gauss.ts, ziggurat.ts (normals); log1p.ts,
 * correctly-rounded.ts, double-double.ts (libm-exact arithmetic); common.ts (sizes, choice,
 * shuffle); random-state.ts, generator.ts (the two APIs).
 */
import { checkArity } from "../validate.js";
import { ValueError } from "../errors.js";
import type { NDArray, NestedArray } from "../ndarray.js";
import type { Size } from "./common.js";
import { RandomState, type LegacySeed } from "./random-state.js";
import type { ChoiceArgs } from "./common.js";

export { RandomState, type LegacySeed } from "./random-state.js";
export { Generator, defaultRng, type FloatDType, type IntegersOptions } from "./generator.js";
export { SeedSequence, type SeedLike } from "./seed-sequence.js";
export { MT19937 } from "./mt19937.js";
export { PCG64 } from "./pcg64.js";
export type { BitGenerator } from "./bit-generator.js";
export type { Size } from "./common.js";

/** The global RandomState behind the module-level functions (seeded from fresh entropy). */
const globalState = new RandomState();

/** The global RandomState (NumPy's `np.random.mtrand._rand`). */
export function getGlobalState(): RandomState {
  return globalState;
}

/** `np.random.seed(seed)`: reseed the global RandomState. */
export function seed(s?: LegacySeed): void {
  globalState.seed(s);
}

/** `np.random.rand(d0, d1, …)`: uniform [0, 1) floats; no arguments → a number. */
export function rand(): number;
export function rand(d0: number, ...dims: number[]): NDArray;
export function rand(...shape: number[]): number | NDArray {
  return globalState.rand(...shape);
}

/** `np.random.randn(d0, d1, …)`: standard normals (polar method); no arguments → a number. */
export function randn(): number;
export function randn(d0: number, ...dims: number[]): NDArray;
export function randn(...shape: number[]): number | NDArray {
  return globalState.randn(...shape);
}

/** `np.random.random(size)`: uniform [0, 1) floats. */
export function random(): number;
export function random(size: Size): NDArray;
export function random(size?: Size): number | NDArray {
  return globalState.random(size);
}

/** `np.random.random_sample(size)`: uniform [0, 1) floats. */
export function randomSample(): number;
export function randomSample(size: Size): NDArray;
export function randomSample(size?: Size): number | NDArray {
  return globalState.randomSample(size);
}

/** `np.random.randint(low, high, size, dtype)`: integers in [low, high) (see RandomState.randint). */
export function randint(low: number, high?: number): number;
export function randint(low: number, high: number | undefined, size: Size, dtype?: "int32" | "int64"): NDArray;
export function randint(low: number, high?: number, size?: Size, dtype?: "int32" | "int64"): number | NDArray {
  return globalState.randint(low, high, size, dtype);
}

/** `np.random.uniform(low, high, size)`. */
export function uniform(low?: number, high?: number): number;
export function uniform(low: number, high: number, size: Size): NDArray;
export function uniform(low?: number, high?: number, size?: Size): number | NDArray {
  return globalState.uniform(low, high, size);
}

/** `np.random.normal(loc, scale, size)`. */
export function normal(loc?: number, scale?: number): number;
export function normal(loc: number, scale: number, size: Size): NDArray;
export function normal(loc?: number, scale?: number, size?: Size): number | NDArray {
  return globalState.normal(loc, scale, size);
}

/** `np.random.standard_normal(size)`. */
export function standardNormal(): number;
export function standardNormal(size: Size): NDArray;
export function standardNormal(size?: Size): number | NDArray {
  return globalState.standardNormal(size);
}

/** `np.random.choice(a, size, replace, p)` (see RandomState.choice). */
export function choice(a: number | NDArray | NestedArray, ...rest: ChoiceArgs): number | NDArray {
  return globalState.choice(a, ...rest);
}

/** `np.random.permutation(x)`. */
export function permutation(x: number | NDArray | NestedArray): NDArray {
  checkArity("permutation", arguments.length, ["x"]);
  return globalState.permutation(x);
}

/** `np.random.shuffle(x)`: in place along axis 0. */
export function shuffle<T>(x: NDArray | T[]): void {
  checkArity("shuffle", arguments.length, ["x"]);
  globalState.shuffle(x);
}
