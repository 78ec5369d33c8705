/**
 * What MLPClassifier and MLPRegressor share: scikit-learn's options, the network's
 * construction and initialisation, the fitting loop's plumbing (optimiser, early-stopping
 * split, best weights), partialFit, and the JSON form. The method itself is in the files it
 * calls: dense.ts (a layer's forward and backward), losses.ts, optimizers.ts, training.ts
 * (the epoch loop), forward.ts (prediction).
 *
 * The network: layer sizes [d, h₁, …, h_{L−1}, k] (d features, `hiddenLayerSizes`, k outputs);
 * L Dense layers, `activation` on the hidden ones, the output layer's activation g set by the
 * subclass (identity, logistic or softmax) and fused with its loss.
 *
 * Initialisation: each layer's W then b drawn from U(−r, r), r = sqrt(6 / (fanIn + fanOut))
 * (factor 2 instead of 6 when activation is "logistic", for every layer including the output,
 * as scikit-learn's `_init_coef`), from the random stream of `randomState`.
 *
 * Randomness: a numeric `randomState` seeds our RandomState, NumPy's legacy Mersenne-Twister
 * stream, which is what scikit-learn's `random_state` means; so the same seed gives the same
 * initial weights, the same early-stopping split and the same shuffles as scikit-learn. A
 * Generator (`np.random.defaultRng(seed)`) or RandomState may also be passed; undefined or null
 * draws fresh entropy. Reference: scikit-learn's `BaseMultilayerPerceptron`, user guide §1.17
 * "Neural network models (supervised)".
 */
import * as np from "@sliderule/ndarray";
import { NDArray } from "@sliderule/ndarray";
import { z } from "zod";
import { arrayFromJSON, arrayToJSON, checkArray, checkFitted, checkNFeatures, ValueError, warn, type ArrayJSON } from "../base.js";
import type { FloatArray } from "./activations.js";
import { Dense } from "./dense.js";
import { forwardPass, type OutActivationName } from "./forward.js";
import { glorotUniform } from "./initializers.js";
import type { LossName } from "./losses.js";
import { Adam, SGD, type Optimizer, type OptimizerJSON } from "./optimizers.js";
import { trainEpochs, type EpochCallback, type StopReason, type TrainingState } from "./training.js";

const isRandomStream = (v: unknown): boolean => v instanceof np.random.RandomState || v instanceof np.random.Generator;

/** The options of both MLP estimators, with scikit-learn's defaults (snake_case there). */
export const mlpOptionsSchema = z.object({
  /** Units of each hidden layer, e.g. [100] or [64, 32] (scikit-learn's hidden_layer_sizes; a number is one layer; [] none). */
  hiddenLayerSizes: z.union([z.number().int().min(1), z.array(z.number().int().min(1))]).default([100]),
  /** Hidden-layer activation. */
  activation: z.enum(["relu", "tanh", "logistic", "identity"]).default("relu"),
  /** "adam" or "sgd" (scikit-learn's "lbfgs" is not implemented). */
  solver: z.enum(["adam", "sgd"]).default("adam"),
  /** L2 penalty strength α: the loss gains (α / 2m)·Σ‖W‖². */
  alpha: z.number().min(0).default(1e-4),
  /** Rows per mini-batch; "auto" is min(200, n). */
  batchSize: z.union([z.literal("auto"), z.number().int().min(1)]).default("auto"),
  /** SGD's schedule: "constant", "invscaling" (η₀ / (t + 1)^powerT) or "adaptive" (η / 5 on stalls). */
  learningRate: z.enum(["constant", "invscaling", "adaptive"]).default("constant"),
  /** η₀. */
  learningRateInit: z.number().gt(0).default(1e-3),
  /** The exponent of "invscaling". */
  powerT: z.number().min(0).default(0.5),
  /** Epochs at most. */
  maxIter: z.number().int().min(1).default(200),
  /** Shuffle the samples before each epoch. */
  shuffle: z.boolean().default(true),
  /** A seed (scikit-learn's random_state: NumPy's legacy stream), a Generator or RandomState, or null for fresh entropy. */
  randomState: z
    .union([
      z
        .number()
        .int()
        .min(0)
        .max(2 ** 32 - 1),
      z.null(),
      z.custom<np.random.RandomState | np.random.Generator>(isRandomStream, "expected a seed, a Generator or a RandomState"),
    ])
    .default(null),
  /** The improvement (of the loss, or the validation score) that counts as progress. */
  tol: z.number().min(0).default(1e-4),
  /** Report progress on stderr (a bar on a terminal). */
  verbose: z.boolean().default(false),
  /** SGD's momentum μ in [0, 1]. */
  momentum: z.number().min(0).max(1).default(0.9),
  /** Nesterov's momentum for SGD. */
  nesterovsMomentum: z.boolean().default(true),
  /** Hold out validationFraction of the training data and stop when its score stalls. */
  earlyStopping: z.boolean().default(false),
  validationFraction: z.number().gt(0).lt(1).default(0.1),
  /** Adam's β₁, β₂ in [0, 1) and ε > 0. */
  beta1: z.number().min(0).lt(1).default(0.9),
  beta2: z.number().min(0).lt(1).default(0.999),
  epsilon: z.number().gt(0).default(1e-8),
  /** Epochs without improvement > tol before stopping. */
  nIterNoChange: z.number().int().min(1).default(10),
  /** Training precision (ours): parameters, activations and gemm in float32 or float64. */
  dtype: z.enum(["float64", "float32"]).default("float64"),
  /** Called after every epoch with { epoch, loss, validationScore, learningRate, stop() } (ours; not saved in JSON). */
  callback: z.custom<EpochCallback>((v) => typeof v === "function", "expected a function").optional(),
});

export type MLPOptions = z.input<typeof mlpOptionsSchema>;
export type MLPParsedOptions = z.output<typeof mlpOptionsSchema>;

/** Targets prepared by a subclass: the matrix the loss compares with, and what early stopping needs. */
export interface PreparedTargets {
  /** (n, k) in the training dtype. */
  Y: NDArray;
  /** The loss fused with the output activation. */
  loss: LossName;
  outActivation: OutActivationName;
  /** Class index per sample (classification), else null. */
  labels: Int32Array | null;
  /**
   * Stratify the early-stopping split by `labels`: scikit-learn does so only when the network
   * has one output (two classes); with K > 2 outputs it splits by a plain permutation.
   */
  stratify: boolean;
}

/** The JSON state of a fitted MLP (both estimators). */
export interface MLPStateJSON {
  coefs: ArrayJSON[];
  intercepts: ArrayJSON[];
  nFeaturesIn: number;
  nOutputs: number;
  nIter: number;
  t: number;
  loss: number;
  lossCurve: number[];
  bestLoss: number | null;
  validationScores: number[] | null;
  bestValidationScore: number | null;
  noImprovementCount: number;
  outActivation: OutActivationName;
  optimizer: OptimizerJSON | null;
  [extra: string]: unknown;
}

type RandomStream = np.random.RandomState | np.random.Generator;

/**
 * The shared machinery of {@link MLPClassifier} and {@link MLPRegressor} (not used directly).
 */
export abstract class BaseMLP {
  /** The estimator's name, for messages and JSON. */
  protected abstract readonly estimatorName: string;
  readonly options: MLPParsedOptions;

  /** Weights per layer: coefs[l] is (n_l, n_{l+1}), n_0 = nFeaturesIn. */
  coefs?: NDArray[];
  /** Biases per layer: intercepts[l] is (n_{l+1},). */
  intercepts?: NDArray[];
  /** Features seen in fit. */
  nFeaturesIn?: number;
  /** Outputs of the network (classes for > 2 classes, 1 for two, targets for regression). */
  nOutputs?: number;
  /** Layers including input and output: hiddenLayerSizes.length + 2. */
  nLayers?: number;
  /** Epochs run (over all fit/partialFit calls since the last fit). */
  nIter?: number;
  /** The last epoch's training loss. */
  loss?: number;
  /** The training loss of every epoch: (nIter,). */
  lossCurve?: number[];
  /** The lowest training loss; null with early stopping (as scikit-learn). */
  bestLoss?: number | null;
  /** The validation score of every epoch with early stopping, else null. */
  validationScores?: number[] | null;
  bestValidationScore?: number | null;
  /** Samples seen by the optimiser (scikit-learn's t_). */
  t?: number;
  /** The output activation: "identity", "logistic" or "softmax". */
  outActivation?: OutActivationName;
  /** Why the last fit stopped. */
  stopReason?: StopReason;

  protected layers: Dense[] | null = null;
  protected optimizer: Optimizer | null = null;
  protected rng: RandomStream | null = null;
  protected noImprovementCount = 0;

  constructor(options: MLPParsedOptions) {
    this.options = options;
  }

  /** hiddenLayerSizes as a list. */
  protected hiddenSizes(): number[] {
    const h = this.options.hiddenLayerSizes;
    return typeof h === "number" ? [h] : h.slice();
  }

  /** The random stream of this estimator, created once (so partialFit continues it). */
  protected stream(): RandomStream {
    if (this.rng === null) {
      const rs = this.options.randomState;
      this.rng = rs === null ? new np.random.RandomState() : typeof rs === "number" ? new np.random.RandomState(rs) : rs;
    }
    return this.rng;
  }

  /** X checked and converted to the training dtype (a copy unless already so). */
  protected checkX(X: unknown): NDArray {
    return checkArray(X, this.estimatorName, "X", { ndim: 2, dtype: this.options.dtype });
  }

  /** Build fresh layers [d, …hidden, k] with scikit-learn's initialisation, and a fresh optimiser. */
  protected initialize(d: number, k: number, outActivation: OutActivationName): void {
    const sizes = [d, ...this.hiddenSizes(), k];
    const { activation, dtype } = this.options;
    const rng = this.stream();
    this.layers = [];
    for (let l = 0; l + 1 < sizes.length; l++) {
      // W then b from U(−r, r), r from the hidden activation (scikit-learn's _init_coef)
      const { W, b } = glorotUniform(sizes[l], sizes[l + 1], rng, { activation, dtype });
      const last = l + 2 === sizes.length;
      this.layers.push(new Dense(sizes[l], sizes[l + 1], { W, b, activation: last ? "identity" : activation, dtype, reuseBuffers: true }));
    }
    this.nFeaturesIn = d;
    this.nOutputs = k;
    this.nLayers = sizes.length;
    this.outActivation = outActivation;
    this.nIter = 0;
    this.t = 0;
    this.lossCurve = [];
    this.noImprovementCount = 0;
    const early = this.options.earlyStopping;
    this.validationScores = early ? [] : null;
    this.bestValidationScore = early ? -Infinity : null;
    this.bestLoss = early ? null : Infinity;
    this.optimizer = this.makeOptimizer();
    this.syncFields();
  }

  protected makeOptimizer(): Optimizer {
    const o = this.options;
    const values = (this.layers ?? []).flatMap((layer) => [layer.W, layer.b]);
    return o.solver === "sgd"
      ? new SGD(values, {
          learningRateInit: o.learningRateInit,
          learningRate: o.learningRate,
          momentum: o.momentum,
          nesterov: o.nesterovsMomentum,
          powerT: o.powerT,
        })
      : new Adam(values, { learningRateInit: o.learningRateInit, beta1: o.beta1, beta2: o.beta2, epsilon: o.epsilon });
  }

  /** coefs/intercepts are the layers' own W and b (no copy). */
  protected syncFields(): void {
    this.coefs = (this.layers ?? []).map((layer) => layer.W);
    this.intercepts = (this.layers ?? []).map((layer) => layer.b);
  }

  /**
   * Train on prepared (X, Y): `incremental` is partialFit (one epoch, no early stopping).
   * `score(Xv, labels or Y rows)` scores held-out data for early stopping.
   */
  protected train(X: NDArray, targets: PreparedTargets, incremental: boolean, scoreHeldOut: (Xv: NDArray, rows: Int32Array) => number): void {
    const layers = checkFitted(this.layers, this.estimatorName);
    const optimizer = checkFitted(this.optimizer, this.estimatorName);
    const o = this.options;
    const early = o.earlyStopping && !incremental;
    let Xtrain = X;
    let Ytrain = targets.Y;
    let validate: (() => number) | null = null;
    let best: { coefs: NDArray[]; intercepts: NDArray[] } | null = null;
    if (early) {
      const { train, test } = this.earlyStoppingSplit(X.shape[0], targets.stratify ? targets.labels : null);
      Xtrain = takeRows(X, train);
      Ytrain = takeRows(targets.Y, train);
      const Xval = takeRows(X, test);
      validate = () => scoreHeldOut(Xval, test);
      best = { coefs: layers.map((layer) => layer.W.copy()), intercepts: layers.map((layer) => layer.b.copy()) };
    }
    const state: TrainingState = {
      lossCurve: this.lossCurve ?? [],
      validationScores: early ? (this.validationScores ?? []) : (this.validationScores ?? null),
      bestLoss: this.bestLoss ?? null,
      bestValidationScore: this.bestValidationScore ?? null,
      noImprovementCount: this.noImprovementCount,
      t: this.t ?? 0,
      nIter: this.nIter ?? 0,
    };
    this.stopReason = trainEpochs(
      layers,
      optimizer,
      Xtrain,
      Ytrain,
      {
        loss: targets.loss,
        alpha: o.alpha,
        batchSize: o.batchSize,
        shuffle: o.shuffle,
        tol: o.tol,
        nIterNoChange: o.nIterNoChange,
        maxEpochs: incremental ? 1 : o.maxIter,
        verbose: o.verbose,
        callback: o.callback,
        label: this.estimatorName,
      },
      state,
      { shuffle: (x) => this.stream().shuffle(x) },
      validate,
      best,
    );
    if (this.stopReason === "maxIter" && !incremental) {
      warn(
        `${this.estimatorName}: Stochastic Optimizer: Maximum iterations (${o.maxIter}) reached and the optimization hasn't converged yet.`,
        "ConvergenceWarning",
      );
    }
    if (early && best !== null) {
      // restore the weights of the best validation score (scikit-learn's _best_coefs)
      layers.forEach((layer, l) => {
        (layer.W.data as FloatArray).set(best.coefs[l].data as FloatArray);
        (layer.b.data as FloatArray).set(best.intercepts[l].data as FloatArray);
      });
    }
    this.lossCurve = state.lossCurve;
    this.validationScores = state.validationScores;
    this.bestLoss = state.bestLoss;
    this.bestValidationScore = state.bestValidationScore;
    this.noImprovementCount = state.noImprovementCount;
    this.t = state.t;
    this.nIter = state.nIter;
    this.loss = state.lossCurve[state.lossCurve.length - 1];
    this.syncFields();
  }

  /**
   * scikit-learn's `train_test_split(..., test_size=validationFraction, random_state=rng,
   * stratify=...)` on the sample indices: n_test = ⌈fraction·n⌉. Two-class classification
   * stratifies by class (StratifiedShuffleSplit); otherwise a permutation (ShuffleSplit).
   */
  private earlyStoppingSplit(n: number, labels: Int32Array | null): { train: Int32Array; test: Int32Array } {
    const name = this.estimatorName;
    const nTest = Math.ceil(this.options.validationFraction * n);
    const nTrain = n - nTest;
    if (nTrain <= 0)
      throw new ValueError(`${name}: with n_samples=${n} and validationFraction=${this.options.validationFraction}, the training set would be empty`);
    const rng = this.stream();
    if (labels === null) {
      // ShuffleSplit: test = p[:nTest], train = p[nTest:]
      const p = rng.permutation(n).data as Int32Array;
      return { train: p.slice(nTest), test: p.slice(0, nTest) };
    }
    return stratifiedSplit(labels, nTrain, nTest, rng, name);
  }

  /** The forward pass on checked X with the current weights: (m, nOutputs), g applied. */
  protected forward(X: NDArray): NDArray {
    const coefs = checkFitted(this.coefs, this.estimatorName);
    const intercepts = checkFitted(this.intercepts, this.estimatorName);
    return forwardPass(X, coefs, intercepts, this.options.activation, checkFitted(this.outActivation, this.estimatorName));
  }

  /** X checked for predict: fitted, 2-D, finite, the fitted number of features, in the training dtype. */
  protected checkPredictX(X: unknown): NDArray {
    const n = checkFitted(this.nFeaturesIn, this.estimatorName);
    const Xc = this.checkX(X);
    checkNFeatures(Xc, n, this.estimatorName);
    return Xc;
  }

  /** The options as JSON (randomState: the seed, or null for a stream object; callback dropped). */
  protected optionsJSON(): Record<string, unknown> {
    const { callback: _callback, randomState, ...rest } = this.options;
    return { ...rest, hiddenLayerSizes: this.hiddenSizes(), randomState: typeof randomState === "number" ? randomState : null };
  }

  protected stateJSON(): MLPStateJSON | null {
    if (this.coefs === undefined || this.intercepts === undefined) return null;
    return {
      coefs: this.coefs.map(arrayToJSON),
      intercepts: this.intercepts.map(arrayToJSON),
      nFeaturesIn: this.nFeaturesIn ?? 0,
      nOutputs: this.nOutputs ?? 0,
      nIter: this.nIter ?? 0,
      t: this.t ?? 0,
      loss: this.loss ?? NaN,
      lossCurve: (this.lossCurve ?? []).slice(),
      bestLoss: this.bestLoss === Infinity ? null : (this.bestLoss ?? null),
      validationScores: this.validationScores === null || this.validationScores === undefined ? null : this.validationScores.slice(),
      bestValidationScore: this.bestValidationScore === -Infinity ? null : (this.bestValidationScore ?? null),
      noImprovementCount: this.noImprovementCount,
      outActivation: this.outActivation ?? "identity",
      optimizer: this.optimizer?.toJSON() ?? null,
    };
  }

  /** Rebuild layers, fields and optimiser from JSON state. */
  protected restoreState(state: MLPStateJSON): void {
    const name = this.estimatorName;
    if (
      state === null ||
      typeof state !== "object" ||
      !Array.isArray(state.coefs) ||
      !Array.isArray(state.intercepts) ||
      state.coefs.length !== state.intercepts.length ||
      state.coefs.length === 0
    ) {
      throw new ValueError(`${name}.fromJSON: state must hold coefs and intercepts lists of the same nonzero length`);
    }
    const { activation, dtype } = this.options;
    const coefs = state.coefs.map((c, l) => arrayFromJSON(c, name, `coefs[${l}]`).astype(dtype));
    const intercepts = state.intercepts.map((b, l) => arrayFromJSON(b, name, `intercepts[${l}]`).astype(dtype));
    this.layers = coefs.map((W, l) => {
      if (W.ndim !== 2 || intercepts[l].ndim !== 1 || intercepts[l].shape[0] !== W.shape[1] || (l > 0 && coefs[l - 1].shape[1] !== W.shape[0])) {
        throw new ValueError(`${name}.fromJSON: coefs[${l}] (${W.shape.join(", ")}) and intercepts[${l}] (${intercepts[l].shape.join(", ")}) do not chain`);
      }
      return new Dense(W.shape[0], W.shape[1], {
        W,
        b: intercepts[l],
        activation: l === coefs.length - 1 ? "identity" : activation,
        dtype,
        reuseBuffers: true,
      });
    });
    // Dense copies its W and b: coefs/intercepts point at the layers' arrays
    this.syncFields();
    this.nFeaturesIn = state.nFeaturesIn;
    this.nOutputs = state.nOutputs;
    this.nLayers = coefs.length + 1;
    this.nIter = state.nIter;
    this.t = state.t;
    this.loss = state.loss ?? undefined;
    this.lossCurve = state.lossCurve.slice();
    this.bestLoss = state.bestLoss ?? (this.options.earlyStopping ? null : Infinity);
    this.validationScores = state.validationScores === null ? null : state.validationScores.slice();
    this.bestValidationScore = state.bestValidationScore ?? (this.options.earlyStopping ? -Infinity : null);
    this.noImprovementCount = state.noImprovementCount ?? 0;
    this.outActivation = state.outActivation;
    this.optimizer = this.makeOptimizer();
    if (state.optimizer !== null && state.optimizer !== undefined) this.optimizer.restore(state.optimizer, name);
  }
}

/** Rows `rows` of a C-contiguous 2-D array, as a new array. */
export function takeRows(A: NDArray, rows: Int32Array): NDArray {
  const [, d] = A.shape;
  const src = A.data as FloatArray;
  const out = np.zeros([rows.length, d], A.dtype);
  const dst = out.data as FloatArray;
  for (let r = 0; r < rows.length; r++) dst.set(src.subarray(rows[r] * d, rows[r] * d + d), r * d);
  return out;
}

/**
 * scikit-learn's StratifiedShuffleSplit (one split) on class indices `labels` (0 … K−1), on
 * the same random stream calls, so a RandomState seed gives scikit-learn's split:
 *   n_i = approximateMode(counts, nTrain), t_i = approximateMode(counts − n_i, nTest);
 *   per class (in label order): permute its samples, the first n_i go to train, the next t_i to test;
 *   then train and test are permuted.
 */
export function stratifiedSplit(
  labels: Int32Array,
  nTrain: number,
  nTest: number,
  rng: RandomStream,
  estimator: string,
): { train: Int32Array; test: Int32Array } {
  const K = labels.reduce((mx, c) => Math.max(mx, c), -1) + 1;
  const counts = new Array<number>(K).fill(0);
  for (const c of labels) counts[c]++;
  if (Math.min(...counts) < 2) {
    throw new ValueError(
      `${estimator}: early stopping needs at least 2 samples of each class for a stratified validation split; the least populated class has ${Math.min(...counts)}`,
    );
  }
  if (nTrain < K)
    throw new ValueError(`${estimator}: the train split (${nTrain} samples) must be at least the number of classes (${K}); lower validationFraction`);
  if (nTest < K)
    throw new ValueError(`${estimator}: the validation split (${nTest} samples) must be at least the number of classes (${K}); raise validationFraction`);
  // the samples of each class, in sample order (argsort, mergesort: stable)
  const members: number[][] = Array.from({ length: K }, () => []);
  labels.forEach((c, i) => members[c].push(i));
  const nI = approximateMode(counts, nTrain, rng);
  const tI = approximateMode(
    counts.map((c, u) => c - nI[u]),
    nTest,
    rng,
  );
  const train: number[] = [];
  const test: number[] = [];
  for (let u = 0; u < K; u++) {
    const perm = rng.permutation(counts[u]).data as Int32Array;
    const permuted = Array.from(perm, (p) => members[u][p]);
    train.push(...permuted.slice(0, nI[u]));
    test.push(...permuted.slice(nI[u], nI[u] + tI[u]));
  }
  const trainP = rng.permutation(np.array(Int32Array.from(train))).data as Int32Array;
  const testP = rng.permutation(np.array(Int32Array.from(test))).data as Int32Array;
  return { train: Int32Array.from(trainP), test: Int32Array.from(testP) };
}

/**
 * scikit-learn's `_approximate_mode`: split nDraws over classes in proportion to their counts,
 * floored, then add the remaining draws to the classes with the largest remainders (ties
 * broken at random with rng.choice without replacement, as scikit-learn).
 */
function approximateMode(counts: number[], nDraws: number, rng: RandomStream): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  const continuous = counts.map((c) => (c / total) * nDraws);
  const floored = continuous.map(Math.floor);
  let needToAdd = Math.round(nDraws - floored.reduce((a, b) => a + b, 0));
  if (needToAdd > 0) {
    const remainder = continuous.map((c, u) => c - floored[u]);
    const values = [...new Set(remainder)].sort((a, b) => b - a);
    for (const value of values) {
      const inds = remainder.flatMap((r, u) => (r === value ? [u] : []));
      const addNow = Math.min(inds.length, needToAdd);
      const chosen = (rng.choice(np.array(Int32Array.from(inds)), [addNow], false) as NDArray).data as Int32Array;
      for (const u of chosen) floored[u] += 1;
      needToAdd -= addNow;
      if (needToAdd === 0) break;
    }
  }
  return floored;
}
