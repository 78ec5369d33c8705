/**
 * K-fold cross-validation indices (scikit-learn's `KFold`).
 *
 *   indices 0..n−1 (shuffled with RandomState(randomState) when shuffle), cut into k
 *   consecutive folds of sizes ⌊n/k⌋ + 1 (the first n mod k folds) and ⌊n/k⌋ (the others);
 *   split i: test = fold i, train = every other index, both ascending.
 *
 * Invariant: the test folds partition 0..n−1; each train set is the complement of its test fold.
 * Randomness (random.ts): an integer randomState shuffles with a new RandomState(seed) at every
 * call of split (scikit-learn's `check_random_state(random_state).shuffle(indices)`), so every
 * call gives the same folds, scikit-learn's; a RandomState or Generator passed in is shuffled
 * from and advances, so each call gives new folds (a RandomState: scikit-learn's, call for call).
 * Reference: scikit-learn user guide §3.1.2.1.1 "K-fold".
 */
import * as np from "@sliderule/ndarray";
import { NDArray } from "@sliderule/ndarray";
import { z } from "zod";
import { parseOptions, show, ValueError } from "../base.js";
import { checkRandomState, randomStateSchema } from "../random.js";

const NAME = "KFold";
const OPTIONS = z.object({
  /** Number of folds k ≥ 2 (default 5). */
  nSplits: z.number().int().min(2).default(5),
  /** Shuffle the indices before cutting them into folds (default false). */
  shuffle: z.boolean().default(false),
  /** shuffle's stream: a seed of RandomState (scikit-learn's), a RandomState or Generator, or null (fresh entropy on every split call). */
  randomState: randomStateSchema.default(null),
});
export type KFoldOptions = z.input<typeof OPTIONS>;

/**
 * K-fold cross-validator (see the file header).
 * @example
 *   for (const [train, test] of new KFold({ nSplits: 3 }).split(X)) { … }
 */
export class KFold {
  readonly options: z.output<typeof OPTIONS>;

  constructor(options: KFoldOptions = {}) {
    this.options = parseOptions(NAME, OPTIONS, options);
    if (!this.options.shuffle && this.options.randomState !== null) {
      throw new ValueError(
        `${NAME}: setting randomState (${show(this.options.randomState)}) has no effect since shuffle is false; set shuffle: true or leave randomState out`,
      );
    }
  }

  /** The number of splits, k. */
  getNSplits(): number {
    return this.options.nSplits;
  }

  /**
   * Yield [trainIdx, testIdx] (int32 NDArrays) for each of the k folds.
   * @param X the samples (NDArray or JS array; only its number of rows is used).
   * @throws ValueError when k exceeds the number of samples.
   */
  *split(X: unknown, _y?: unknown): Generator<[NDArray, NDArray]> {
    let n: number;
    if (X instanceof NDArray && X.ndim > 0) n = X.shape[0];
    else if (Array.isArray(X)) n = X.length;
    else throw new ValueError(`${NAME}.split: X must be an NDArray or a JS array, got ${show(X)}`);
    const k = this.options.nSplits;
    if (k > n) throw new ValueError(`${NAME}: cannot have number of splits nSplits=${k} greater than the number of samples: n_samples=${n}`);
    const indices = new Int32Array(n);
    for (let i = 0; i < n; i++) indices[i] = i;
    if (this.options.shuffle) {
      checkRandomState(NAME, this.options.randomState).shuffle(np.fromTypedArray(indices));
    }
    let start = 0;
    for (let f = 0; f < k; f++) {
      const size = Math.floor(n / k) + (f < n % k ? 1 : 0);
      // mark fold f, then read both sets off the mask in ascending order (as scikit-learn)
      const inTest = new Uint8Array(n);
      for (const i of indices.subarray(start, start + size)) inTest[i] = 1;
      const train = new Int32Array(n - size);
      const test = new Int32Array(size);
      for (let i = 0, r = 0, t = 0; i < n; i++) {
        if (inTest[i]) test[t++] = i;
        else train[r++] = i;
      }
      start += size;
      yield [np.fromTypedArray(train), np.fromTypedArray(test)];
    }
  }
}
