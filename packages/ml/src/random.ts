/**
 * The random stream behind an estimator's `randomState` option: scikit-learn's
 * `check_random_state`, with our Generator also accepted.
 *
 *   randomState                  stream drawn from
 *   undefined | null             new RandomState()        (fresh entropy)
 *   an integer seed s            new RandomState(s)       (MT19937, NumPy's legacy stream)
 *   a RandomState or Generator   that object itself       (its state advances with each draw)
 *
 * An integer seed means what it means in scikit-learn: `check_random_state(s)` is
 * `np.random.RandomState(s)`, so an estimator that makes scikit-learn's calls in scikit-learn's
 * order (choice, uniform, normal, permutation, shuffle; see each estimator's header) gives
 * scikit-learn's result for that seed. A Generator (`np.random.defaultRng(seed)`, PCG64) is
 * accepted too and drawn from through the same calls; scikit-learn itself rejects one
 * (scikit-learn issue #16988), so it reproduces NumPy's Generator draws, not a scikit-learn run.
 *
 * In JSON an integer seed is kept; a stream object is not JSON and is written as null
 * (`randomStateToJSON`).
 *
 * Reference: scikit-learn, sklearn/utils/validation.py `check_random_state`; glossary
 * "random_state"; NumPy `numpy/random/mtrand.pyx` (RandomState).
 */
import * as np from "@sliderule/ndarray";
import { z } from "zod";
import { ValueError, show } from "./base.js";

/** A random stream the estimators draw from: our RandomState (legacy MT19937) or Generator (PCG64). */
export type RandomStream = np.random.RandomState | np.random.Generator;

/** What a `randomState` option may hold: a seed in [0, 2³² − 1], null/undefined, or a stream. */
export type RandomStateLike = number | RandomStream | null | undefined;

const MAX_SEED = 4294967295;

/** True for our RandomState or Generator. */
export function isRandomStream(v: unknown): v is RandomStream {
  return v instanceof np.random.RandomState || v instanceof np.random.Generator;
}

/**
 * The zod schema of a `randomState` option: an integer seed in [0, 2³² − 1] (RandomState's
 * range), null, or a RandomState / Generator. Add `.optional()` or `.default(null)` at the use.
 */
export const randomStateSchema = z.union([
  z.int().min(0).max(MAX_SEED),
  z.null(),
  z.custom<RandomStream>(isRandomStream, "expected an integer seed in [0, 2**32 - 1], null, a RandomState or a Generator"),
]);

/**
 * scikit-learn's `check_random_state`: the stream to draw from (see the file header).
 * @throws ValueError `${fn}: randomState must be …, got …` for anything else.
 */
export function checkRandomState(fn: string, randomState: unknown): RandomStream {
  if (randomState === undefined || randomState === null) return new np.random.RandomState();
  if (isRandomStream(randomState)) return randomState;
  if (typeof randomState !== "number" || !Number.isInteger(randomState) || randomState < 0 || randomState > MAX_SEED) {
    throw new ValueError(
      `${fn}: randomState must be an integer seed in [0, 2**32 - 1], null, a RandomState or a Generator (np.random.defaultRng(seed)), got ${show(randomState)}`,
    );
  }
  return new np.random.RandomState(randomState);
}

/** The JSON form of a `randomState` option: the seed itself, or null (a stream has no JSON form). */
export function randomStateToJSON(randomState: RandomStateLike): number | null {
  return typeof randomState === "number" ? randomState : null;
}
