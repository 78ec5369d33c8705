/**
 * Training a multilayer perceptron by mini-batch backpropagation: scikit-learn's
 * `BaseMultilayerPerceptron._fit_stochastic` and `_backprop`, step for step.
 *
 *   for epoch = 1 … maxIter:
 *     shuffle the sample order (if `shuffle`)
 *     for each batch B of `batchSize` rows (the last one may be smaller), m = |B|:
 *       forward:   A₀ = X_B;  A_l = f_l(A_{l−1}·W_l + b_l)       (dense.ts; f_L = identity: Z_L)
 *       loss:      P = g(Z_L),  L_B = loss(P, Y_B) + (α/2m)·Σ_l ‖W_l‖²   (losses.ts)
 *       backward:  dZ_L = (P − Y_B)/m;  for l = L … 1:  dW_l, db_l, dA_{l−1} = Dense.backward
 *                  dW_l += (α/m)·W_l                              (the L2 penalty's gradient)
 *       step:      θ ← optimizer(θ, ∂L_B/∂θ)                      (optimizers.ts)
 *       epoch loss += L_B·m
 *     loss = epoch loss / n  → lossCurve
 *     stopping test (scikit-learn's `_update_no_improvement_count`):
 *       without early stopping: an epoch "does not improve" when loss > bestLoss − tol;
 *       with early stopping: score the held-out validation set (accuracy, or R² for
 *       regression) → validationScores; "does not improve" when score < best + tol, and the
 *       weights of the best score are kept;
 *       after more than nIterNoChange such epochs in a row, stop (SGD with the "adaptive"
 *       schedule divides η by 5 instead, until η ≤ 1e-6).
 *
 * Buffers: the batch's X and Y rows, P and dZ are allocated once per fit (at the batch size)
 * and reused; the layers reuse theirs (`reuseBuffers`), so an epoch allocates only small view
 * objects. Shuffling permutes an index vector, and each batch gathers its rows into the batch
 * buffer (as scikit-learn's `X[sample_idx[batch_slice]]`).
 *
 * Determinism: given the same random stream, the same data and the same gemm kernel, every
 * operation happens in the same order, so the weights are identical bit for bit from run to
 * run. (Different gemm kernels may round differently in the last bits: see the test.)
 *
 * Reference: scikit-learn's `neural_network/_multilayer_perceptron.py`; Goodfellow, Bengio &
 * Courville, "Deep Learning", §8.1.3 (mini-batch SGD) and §7.8 (early stopping).
 */
import * as np from "@sliderule/ndarray";
import type { NDArray } from "@sliderule/ndarray";
import type { FloatArray } from "./activations.js";
import { Dense, rowsView } from "./dense.js";
import { addL2Gradient, lossAndGradient, sumOfSquares, type LossName } from "./losses.js";
import type { Optimizer } from "./optimizers.js";
import { ProgressBar } from "./progress.js";

/** What the per-epoch callback receives. */
export interface EpochInfo {
  /** The epoch just finished, counted over the estimator's life (its nIter). */
  epoch: number;
  /** The mean training loss of this epoch (the last entry of lossCurve). */
  loss: number;
  /** The validation score of this epoch, with early stopping. */
  validationScore?: number;
  /** The optimiser's current learning rate. */
  learningRate: number;
  /** Stop training after this epoch. */
  stop(): void;
}

export type EpochCallback = (info: EpochInfo) => void;

/** The settings of one call of {@link trainEpochs}. */
export interface TrainingConfig {
  loss: LossName;
  alpha: number;
  batchSize: number | "auto";
  shuffle: boolean;
  tol: number;
  nIterNoChange: number;
  /** Epochs to run at most in this call. */
  maxEpochs: number;
  verbose: boolean;
  callback?: EpochCallback;
  /** The estimator's name, for the progress bar. */
  label: string;
}

/** What training remembers between epochs and between partialFit calls (scikit-learn's fields). */
export interface TrainingState {
  lossCurve: number[];
  /** With early stopping; else null. */
  validationScores: number[] | null;
  /** The lowest training loss so far; null with early stopping (as scikit-learn). */
  bestLoss: number | null;
  bestValidationScore: number | null;
  noImprovementCount: number;
  /** Samples seen (scikit-learn's t_). */
  t: number;
  nIter: number;
}

/** A random stream that shuffles (our RandomState or Generator). */
export interface Shuffler {
  shuffle(x: NDArray): void;
}

/** The held-out set of early stopping: scores the current weights (higher is better). */
export type ValidationScorer = () => number;

/** Why the loop ended. */
export type StopReason = "maxIter" | "noImprovement" | "callback";

/**
 * Run up to `config.maxEpochs` epochs of mini-batch training on (X, Y) (file header).
 * X: (n, d) and Y: (n, k) C-contiguous in the layers' dtype; Y holds the targets the loss
 * compares with (one-hot rows, 0/1 columns, or values). Updates the layers' W and b in place
 * and `state`; with `validate`, keeps the best-scoring weights (copied into `best`).
 */
export function trainEpochs(
  layers: readonly Dense[],
  optimizer: Optimizer,
  X: NDArray,
  Y: NDArray,
  config: TrainingConfig,
  state: TrainingState,
  rng: Shuffler,
  validate: ValidationScorer | null,
  best: { coefs: NDArray[]; intercepts: NDArray[] } | null,
): StopReason {
  const [n, d] = X.shape;
  const k = Y.shape[1];
  const dtype = layers[0].dtype;
  const batchSize = config.batchSize === "auto" ? Math.min(200, n) : Math.min(Math.max(config.batchSize, 1), n);
  const Xd = X.data as FloatArray;
  const Yd = Y.data as FloatArray;

  // buffers for one fit, at the batch size: the batch's rows, P and dZ
  const alloc = (len: number): FloatArray => (dtype === "float32" ? new Float32Array(len) : new Float64Array(len));
  const Xb = alloc(batchSize * d);
  const Yb = alloc(batchSize * k);
  const Pb = alloc(batchSize * k);
  const dZb = alloc(batchSize * k);
  const sampleIdx = np.arange(n, undefined, 1, "int32");
  const idx = sampleIdx.data as Int32Array;
  const params = { values: layers.flatMap((layer) => [layer.W, layer.b]), grads: layers.flatMap((layer) => [layer.dW, layer.db]) };
  const last = layers.length - 1;
  const progress = config.verbose ? new ProgressBar(config.label, state.nIter + config.maxEpochs) : null;
  let stopRequested = false;
  let reason: StopReason = "maxIter";

  for (let epoch = 0; epoch < config.maxEpochs; epoch++) {
    if (config.shuffle) rng.shuffle(sampleIdx);
    let accumulated = 0;
    for (let start = 0; start < n; start += batchSize) {
      const m = Math.min(batchSize, n - start);
      // gather the batch rows X[idx[start + r]], Y[idx[start + r]]
      for (let r = 0; r < m; r++) {
        const i = idx[start + r];
        for (let j = 0; j < d; j++) Xb[r * d + j] = Xd[i * d + j];
        for (let j = 0; j < k; j++) Yb[r * k + j] = Yd[i * k + j];
      }
      // forward: A_l = f_l(A_{l−1}·W_l + b_l); the last layer gives Z_L
      let A = rowsView(Xb, m, d);
      for (const layer of layers) A = layer.forward(A);
      // loss and dZ_L = (P − Y)/m, plus the L2 penalty (α/2m)·Σ‖W‖²
      let batchLoss = lossAndGradient(config.loss, A.data as FloatArray, Yb, Pb, dZb, m, k);
      if (config.alpha !== 0) batchLoss += (0.5 * config.alpha * sumOfSquares(layers.map((layer) => layer.W.data as FloatArray))) / m;
      // backward, from the output layer down; the first layer needs no dX
      let dA = rowsView(dZb, m, k);
      for (let l = last; l >= 0; l--) {
        const dX = layers[l].backward(dA, { inputGrad: l > 0 });
        addL2Gradient(layers[l].W.data as FloatArray, layers[l].dW.data as FloatArray, config.alpha / m);
        if (dX !== null) dA = dX;
      }
      optimizer.update(params);
      accumulated += batchLoss * m;
    }
    state.nIter += 1;
    const loss = accumulated / n;
    state.t += n;
    state.lossCurve.push(loss);

    // the stopping test: training loss, or the validation score with early stopping
    let validationScore: number | undefined;
    if (validate !== null && best !== null && state.validationScores !== null) {
      validationScore = validate();
      state.validationScores.push(validationScore);
      const bestScore = state.bestValidationScore ?? -Infinity;
      state.noImprovementCount = validationScore < bestScore + config.tol ? state.noImprovementCount + 1 : 0;
      if (validationScore > bestScore) {
        state.bestValidationScore = validationScore;
        layers.forEach((layer, l) => {
          (best.coefs[l].data as FloatArray).set(layer.W.data as FloatArray);
          (best.intercepts[l].data as FloatArray).set(layer.b.data as FloatArray);
        });
      }
    } else {
      const bestLoss = state.bestLoss ?? Infinity;
      state.noImprovementCount = loss > bestLoss - config.tol ? state.noImprovementCount + 1 : 0;
      if (loss < bestLoss) state.bestLoss = loss;
    }
    progress?.update(state.nIter, loss, validationScore);
    optimizer.epochEnd(state.t);
    if (config.callback !== undefined) {
      config.callback({ epoch: state.nIter, loss, validationScore, learningRate: optimizer.learningRate, stop: () => (stopRequested = true) });
    }

    if (state.noImprovementCount > config.nIterNoChange) {
      const what = validate !== null ? "Validation score" : "Training loss";
      const msg = `${what} did not improve more than tol=${config.tol} for ${config.nIterNoChange} consecutive epochs.`;
      if (optimizer.stalled()) {
        progress?.finish(`${msg} Stopping.`);
        reason = "noImprovement";
        break;
      }
      progress?.finish(`${msg} Setting learning rate to ${optimizer.learningRate}`);
      state.noImprovementCount = 0;
    }
    if (stopRequested) {
      progress?.finish("Stopped by the callback.");
      reason = "callback";
      break;
    }
  }
  if (reason === "maxIter") progress?.finish();
  return reason;
}
