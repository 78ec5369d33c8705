/**
 * Random train/test split of arrays by rows (scikit-learn's `train_test_split`, through its
 * `ShuffleSplit` and `StratifiedShuffleSplit`).
 *
 *   n_test  = ⌈testSize·n⌉ for a fraction, or testSize itself for a count (default 0.25)
 *   n_train = ⌊trainSize·n⌋, or the count, or n − n_test when trainSize is not given
 *   p = RandomState(randomState).permutation(n);  test = rows p[0 : n_test],
 *   train = rows p[n_test : n_test + n_train]
 *
 * The permutation is NumPy's legacy Mersenne-Twister stream (np.random.RandomState), so a
 * given randomState gives exactly scikit-learn's split; randomState null draws a fresh seed.
 * shuffle false: train = the first n_train rows, test = the next n_test.
 * stratify (class labels, (n,)): each class is split in proportion to its size, by
 * scikit-learn's StratifiedShuffleSplit algorithm (`_approximate_mode` for the per-class counts,
 * a permutation within each class, then a permutation of each set) drawing the same legacy
 * stream in the same order, so a seed gives scikit-learn's stratified split too.
 * Reference: scikit-learn user guide §3.1 "Cross-validation: evaluating estimator
 * performance" and `model_selection/_split.py`.
 */
import * as np from "@sliderule/ndarray";
import { NDArray } from "@sliderule/ndarray";
import { show, ValueError } from "../base.js";
import { readLabels, uniqueSorted } from "../preprocessing/labels.js";

export interface TrainTestSplitOptions {
  /** A fraction in (0, 1) or a count ≥ 1 of test rows (default 0.25 when trainSize is not given either). */
  testSize?: number | null;
  /** A fraction in (0, 1) or a count ≥ 1 of training rows (default: the rest). */
  trainSize?: number | null;
  /** A seed of the legacy stream, an integer in [0, 2³² − 1], so the split is scikit-learn's; null: fresh entropy; or a RandomState to draw from. */
  randomState?: number | null | np.random.RandomState;
  /** Shuffle before splitting (default true). */
  shuffle?: boolean;
  /** Class labels (n,) to keep the class proportions in both sets (needs shuffle). */
  stratify?: unknown;
}

const FN = "trainTestSplit";
const OPTION_NAMES = ["testSize", "trainSize", "randomState", "shuffle", "stratify"];

function isOptions(x: unknown): x is TrainTestSplitOptions {
  return x !== null && typeof x === "object" && !Array.isArray(x) && !(x instanceof NDArray) && !ArrayBuffer.isView(x);
}

function lengthOf(a: unknown, i: number): number {
  if (a instanceof NDArray) {
    if (a.ndim === 0) throw new ValueError(`${FN}: array ${i} is 0-d; it has no rows to split`);
    return a.shape[0];
  }
  if (Array.isArray(a)) return a.length;
  throw new ValueError(`${FN}: array ${i} must be an NDArray or a JS array, got ${show(a)}`);
}

/** Rows `idx` of an NDArray (a C-contiguous copy) or of a JS array. */
export function takeRows<T>(a: NDArray | T[], idx: Int32Array): NDArray | T[] {
  if (Array.isArray(a)) return Array.from(idx, (i) => a[i]);
  const src = a.flags.cContiguous && a.offset === 0 ? a : a.copy();
  const rowSize = src.shape.slice(1).reduce((p, q) => p * q, 1) * (src.dtype === "complex128" ? 2 : 1);
  const data = src.data;
  const out = new (data.constructor as new (n: number) => typeof data)(idx.length * rowSize);
  for (let r = 0; r < idx.length; r++) out.set(data.subarray(idx[r] * rowSize, (idx[r] + 1) * rowSize), r * rowSize);
  return np.fromTypedArray(out, [idx.length, ...src.shape.slice(1)], src.dtype);
}

/** n_train and n_test from the options (scikit-learn's `_validate_shuffle_split`). */
export function splitSizes(n: number, testSize: number | null | undefined, trainSize: number | null | undefined, fn = FN): { nTrain: number; nTest: number } {
  const check = (v: number | null | undefined, name: string): "fraction" | "count" | null => {
    if (v === undefined || v === null) return null;
    if (typeof v !== "number" || !Number.isFinite(v))
      throw new ValueError(`${fn}: option ${name} must be a fraction in (0, 1) or an integer count, got ${show(v)}`);
    if (v > 0 && v < 1) return "fraction";
    if (Number.isInteger(v) && v >= 1 && v <= n) return "count";
    throw new ValueError(`${fn}: option ${name}=${v} should be either positive and smaller than the number of samples ${n} or a float in the (0, 1) range`);
  };
  if ((testSize === undefined || testSize === null) && (trainSize === undefined || trainSize === null)) testSize = 0.25;
  const tk = check(testSize, "testSize");
  const rk = check(trainSize, "trainSize");
  if (tk === "fraction" && rk === "fraction" && testSize! + trainSize! > 1) {
    throw new ValueError(
      `${fn}: the sum of testSize and trainSize = ${testSize! + trainSize!}, should be in the (0, 1) range; reduce testSize and/or trainSize`,
    );
  }
  let nTest = tk === "fraction" ? Math.ceil(testSize! * n) : tk === "count" ? testSize! : NaN;
  let nTrain = rk === "fraction" ? Math.floor(trainSize! * n) : rk === "count" ? trainSize! : NaN;
  if (rk === null) nTrain = n - nTest;
  else if (tk === null) nTest = n - nTrain;
  if (nTrain + nTest > n)
    throw new ValueError(
      `${fn}: the sum of train and test sizes = ${nTrain + nTest} should be smaller than the number of samples ${n}; reduce testSize and/or trainSize`,
    );
  if (nTrain === 0)
    throw new ValueError(
      `${fn}: with n_samples=${n}, testSize=${show(testSize)} and trainSize=${show(trainSize)}, the resulting train set will be empty; adjust the sizes`,
    );
  return { nTrain, nTest };
}

/**
 * The stream of the shuffle: a seed drives NumPy's legacy RandomState, as scikit-learn's
 * check_random_state; a RandomState is drawn from as given (its state moves on, as in
 * scikit-learn). A Generator is refused: the stratified split draws `choice` without
 * replacement as a prefix of `permutation`, which only the legacy stream does.
 */
function legacyStream(randomState: unknown): np.random.RandomState {
  if (randomState instanceof np.random.RandomState) return randomState;
  if (randomState === undefined || randomState === null) return new np.random.RandomState();
  if (typeof randomState !== "number" || !Number.isInteger(randomState) || randomState < 0 || randomState > 4294967295) {
    const what = randomState instanceof np.random.Generator ? "a Generator" : show(randomState);
    throw new ValueError(
      `${FN}: option randomState must be an integer in [0, 2**32 - 1], null or a RandomState (as scikit-learn's train_test_split), got ${what}`,
    );
  }
  return new np.random.RandomState(randomState);
}

/**
 * Split arrays (the same rows of each) into random train and test subsets (scikit-learn's
 * `train_test_split`; algorithm in the file header).
 *
 *   const [XTrain, XTest, yTrain, yTest] = trainTestSplit(X, y, { testSize: 0.2, randomState: 0 });
 *
 * @param args arrays with the same number of rows (NDArrays or JS arrays), then optionally
 *   the options object.
 * @returns [train₀, test₀, train₁, test₁, …], each of the kind it was given.
 * @throws ValueError for no arrays, different lengths, bad sizes, an unknown option, stratify
 *   without shuffle, or a class with fewer than 2 members when stratifying.
 */
export function trainTestSplit(...args: unknown[]): (NDArray | unknown[])[] {
  let options: TrainTestSplitOptions = {};
  if (args.length > 0 && isOptions(args[args.length - 1])) options = args.pop() as TrainTestSplitOptions;
  for (const k of Object.keys(options))
    if (!OPTION_NAMES.includes(k)) throw new ValueError(`${FN}: unknown option '${k}'; its options are ${OPTION_NAMES.join(", ")}`);
  if (args.length === 0) throw new ValueError(`${FN}: at least one array required as input`);
  const n = lengthOf(args[0], 0);
  args.forEach((a, i) => {
    const m = lengthOf(a, i);
    if (m !== n) throw new ValueError(`${FN}: found input variables with inconsistent numbers of samples: array 0 has ${n}, array ${i} has ${m}`);
  });
  if (n === 0) throw new ValueError(`${FN}: the arrays have 0 samples; at least 1 required`);
  const shuffle = options.shuffle ?? true;
  if (typeof shuffle !== "boolean") throw new ValueError(`${FN}: option shuffle must be a boolean, got ${show(shuffle)}`);
  const { nTrain, nTest } = splitSizes(n, options.testSize, options.trainSize);
  let train: Int32Array;
  let test: Int32Array;
  if (!shuffle) {
    if (options.stratify !== undefined && options.stratify !== null)
      throw new ValueError(`${FN}: stratified train/test split is not implemented for shuffle=false`);
    train = Int32Array.from({ length: nTrain }, (_, i) => i);
    test = Int32Array.from({ length: nTest }, (_, i) => nTrain + i);
  } else if (options.stratify !== undefined && options.stratify !== null) {
    ({ train, test } = stratifiedSplit(options.stratify, n, nTrain, nTest, legacyStream(options.randomState)));
  } else {
    // ShuffleSplit: one permutation, test first
    const p = legacyStream(options.randomState).permutation(n).data as Int32Array;
    test = p.slice(0, nTest);
    train = p.slice(nTest, nTest + nTrain);
  }
  return args.flatMap((a) => [takeRows(a as NDArray, train), takeRows(a as NDArray, test)]);
}

/**
 * scikit-learn's `_approximate_mode`: draw counts per class summing to nDraws, closest to the
 * proportional ones; ties among the largest remainders are broken at random (legacy stream).
 */
function approximateMode(classCounts: Float64Array, nDraws: number, rng: np.random.RandomState): Float64Array {
  const total = classCounts.reduce((a, b) => a + b, 0);
  const continuous = classCounts.map((c) => (c / total) * nDraws);
  const floored = continuous.map(Math.floor);
  let needToAdd = Math.trunc(nDraws - floored.reduce((a, b) => a + b, 0));
  if (needToAdd > 0) {
    const remainder = continuous.map((c, i) => c - floored[i]);
    const values = Array.from(new Set(remainder)).sort((a, b) => b - a);
    for (const value of values) {
      const inds: number[] = [];
      remainder.forEach((r, i) => {
        if (r === value) inds.push(i);
      });
      const addNow = Math.min(inds.length, needToAdd);
      // rng.choice(inds, addNow, replace=False) is permutation(len)[:addNow] in the legacy stream
      const pick = (rng.permutation(inds.length).data as Int32Array).subarray(0, addNow);
      for (const j of pick) floored[inds[j]] += 1;
      needToAdd -= addNow;
      if (needToAdd === 0) break;
    }
  }
  return floored;
}

/** StratifiedShuffleSplit's first split, drawing the legacy stream in scikit-learn's order. */
function stratifiedSplit(stratify: unknown, n: number, nTrain: number, nTest: number, rng: np.random.RandomState): { train: Int32Array; test: Int32Array } {
  const y = readLabels(stratify, FN, "stratify");
  if (y.values.length !== n) throw new ValueError(`${FN}: stratify has ${y.values.length} labels but the arrays have ${n} samples`);
  const classes = uniqueSorted(y) as (number | string)[];
  const code = new Map(classes.map((c, i) => [c, i]));
  const k = classes.length;
  // the members of each class, ascending (a stable argsort of the class codes)
  const members: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < n; i++) members[code.get(y.values[i])!].push(i);
  const counts = Float64Array.from(members, (m) => m.length);
  const least = counts.reduce((a, b) => Math.min(a, b), Infinity);
  if (least < 2)
    throw new ValueError(
      `${FN}: the least populated class in stratify has only 1 member, which is too few; the minimum number of groups for any class cannot be less than 2`,
    );
  if (nTrain < k) throw new ValueError(`${FN}: the train size = ${nTrain} should be greater or equal to the number of classes = ${k}`);
  if (nTest < k) throw new ValueError(`${FN}: the test size = ${nTest} should be greater or equal to the number of classes = ${k}`);
  const nI = approximateMode(counts, nTrain, rng);
  const tI = approximateMode(
    counts.map((c, i) => c - nI[i]),
    nTest,
    rng,
  );
  const train: number[] = [];
  const test: number[] = [];
  for (let c = 0; c < k; c++) {
    const perm = rng.permutation(counts[c]).data as Int32Array;
    const idx = Array.from(perm, (j) => members[c][j]);
    train.push(...idx.slice(0, nI[c]));
    test.push(...idx.slice(nI[c], nI[c] + tI[c]));
  }
  return {
    train: Int32Array.from(rng.permutation(np.array(Int32Array.from(train), "int32")).data as Int32Array),
    test: Int32Array.from(rng.permutation(np.array(Int32Array.from(test), "int32")).data as Int32Array),
  };
}
