/**
 * MLPRegressor: a multilayer perceptron trained by backpropagation with the squared error
 * (scikit-learn's `sklearn.neural_network.MLPRegressor`).
 *
 *   ŷ = f(…f(X·W₁ + b₁)…)·W_L + b_L                  (identity output, k targets)
 *   minimise  (1/2n)·Σ_i ‖ŷ_i − y_i‖² + (α/2n)·Σ_l ‖W_l‖²   by Adam or SGD on mini-batches
 *
 * lossCurve reports scikit-learn's squared_loss, ((ŷ − y)²).mean() / 2 over all n·k entries,
 * plus the penalty: for k > 1 targets the data term is the objective above divided by k (see
 * losses.ts); the gradient is the objective's, as scikit-learn's.
 *
 * What it learns: `coefs[l]` (n_l, n_{l+1}) and `intercepts[l]` (n_{l+1},), and the training
 * record (`lossCurve`, `nIter`, `bestLoss`, or `validationScores` — R² of the held-out part —
 * with early stopping). predict returns (m,) for a 1-D y and (m, k) for a 2-D y, as scikit-learn.
 *
 * Reference: scikit-learn user guide §1.17.3 "Regression" and
 * `neural_network/_multilayer_perceptron.py`; Goodfellow, Bengio & Courville, "Deep Learning",
 * §6.2.2.1 (linear output units and the squared error).
 */
import type { NDArray } from "@sliderule/ndarray";
import { checkArray, checkEstimatorJSON, checkFitted, parseOptions, show, ValueError, type ArrayInput, type EstimatorJSON } from "../base.js";
import type { FloatArray } from "./activations.js";
import { BaseMLP, mlpOptionsSchema, type MLPOptions, type MLPStateJSON, type PreparedTargets } from "./mlp-base.js";

const NAME = "MLPRegressor";

/** R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)², averaged uniformly over the k targets (scikit-learn's r2_score). */
function r2(Y: FloatArray, P: FloatArray, n: number, k: number, rows: Int32Array | null): number {
  let total = 0;
  for (let j = 0; j < k; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += Y[(rows === null ? i : rows[i]) * k + j];
    mean /= n;
    let ssRes = 0;
    let ssTot = 0;
    for (let i = 0; i < n; i++) {
      const y = Y[(rows === null ? i : rows[i]) * k + j];
      ssRes += (y - P[i * k + j]) ** 2;
      ssTot += (y - mean) ** 2;
    }
    // a constant target: 1 if predicted exactly, else 0 (scikit-learn's force_finite)
    total += ssTot === 0 ? (ssRes === 0 ? 1 : 0) : 1 - ssRes / ssTot;
  }
  return total / k;
}

/**
 * Multilayer perceptron regressor (scikit-learn's MLPRegressor; file header: the model).
 *
 *   const reg = new MLPRegressor({ hiddenLayerSizes: [32], randomState: 0, maxIter: 500 }).fit(X, y);
 *   reg.predict(Xtest);   // (m,) for a 1-D y
 *
 * Options as {@link MLPClassifier}'s (scikit-learn's, camelCase; plus dtype and callback).
 * @throws ValueError for an unknown or invalid option, naming it, its value and what is allowed.
 */
export class MLPRegressor extends BaseMLP {
  protected readonly estimatorName = NAME;
  /** Whether y was 1-D (predict then returns (m,)). */
  private yWas1D = true;

  constructor(options: MLPOptions = {}) {
    super(parseOptions(NAME, mlpOptionsSchema, options));
  }

  /** X (n, d) and y (n,) or (n, k), checked; Y as (n, k) in the training dtype. */
  private checkXy(X: unknown, y: unknown): { Xc: NDArray; Y: NDArray; oneD: boolean } {
    const Xc = this.checkX(X);
    const yc = checkArray(y, NAME, "y", { dtype: this.options.dtype });
    if (yc.ndim !== 1 && yc.ndim !== 2) throw new ValueError(`${NAME}: y must be 1-D or 2-D, got shape (${yc.shape.join(", ")})`);
    if (yc.shape[0] !== Xc.shape[0]) throw new ValueError(`${NAME}: X and y have different numbers of samples: X has ${Xc.shape[0]}, y has ${yc.shape[0]}`);
    return { Xc, Y: yc.ndim === 1 ? yc.reshape(-1, 1) : yc, oneD: yc.ndim === 1 };
  }

  private prepared(Y: NDArray): PreparedTargets {
    return { Y, loss: "squaredError", outActivation: "identity", labels: null, stratify: false };
  }

  /**
   * Fit the network to (X, y) from a fresh initialisation; returns this.
   * @throws ValueError for NaN/±Inf in X or y, X and y of different lengths, X not 2-D.
   */
  fit(X: ArrayInput, y: ArrayInput): this {
    const { Xc, Y, oneD } = this.checkXy(X, y);
    this.yWas1D = oneD;
    this.rng = null; // a numeric seed restarts its stream at every fit, as scikit-learn's check_random_state
    this.initialize(Xc.shape[1], Y.shape[1], "identity");
    const Yd = Y.data as FloatArray;
    const k = Y.shape[1];
    this.train(Xc, this.prepared(Y), false, (Xv, rows) => r2(Yd, this.forward(Xv).data as FloatArray, rows.length, k, rows));
    return this;
  }

  /**
   * One epoch on (X, y) from the current weights and optimiser state (scikit-learn's partial_fit);
   * the first call initialises the network.
   * @throws ValueError as fit, or for a different number of features or targets than before.
   */
  partialFit(X: ArrayInput, y: ArrayInput): this {
    const { Xc, Y, oneD } = this.checkXy(X, y);
    if (typeof this.options.randomState === "number") this.rng = null; // scikit-learn re-seeds at every call
    if (this.layers === null) {
      this.yWas1D = oneD;
      this.initialize(Xc.shape[1], Y.shape[1], "identity");
    } else {
      this.checkPredictX(Xc);
      const k = checkFitted(this.nOutputs, NAME);
      if (Y.shape[1] !== k) throw new ValueError(`${NAME}.partialFit: y has ${Y.shape[1]} target(s), but ${NAME} was fitted with ${k}`);
    }
    this.train(Xc, this.prepared(Y), true, () => NaN);
    return this;
  }

  /**
   * Predictions ŷ: (m,) when fit saw a 1-D y, else (m, k).
   * @throws NotFittedError before fit; ValueError for a wrong number of features or NaN/±Inf.
   */
  predict(X: ArrayInput): NDArray {
    const P = this.forward(this.checkPredictX(X));
    return this.yWas1D ? P.reshape(-1) : P;
  }

  /**
   * The coefficient of determination R² of predict(X) against y (uniform average over targets),
   * as scikit-learn's RegressorMixin.score.
   * @throws as predict, and for X and y of different lengths.
   */
  score(X: ArrayInput, y: ArrayInput): number {
    checkFitted(this.nFeaturesIn, NAME);
    const { Xc, Y } = this.checkXy(X, y);
    const P = this.forward(this.checkPredictX(Xc));
    if (P.shape[1] !== Y.shape[1]) throw new ValueError(`${NAME}: y has ${Y.shape[1]} target(s), but ${NAME} was fitted with ${P.shape[1]}`);
    return r2(Y.data as FloatArray, P.data as FloatArray, Y.shape[0], Y.shape[1], null);
  }

  /** Plain JSON: { estimator: "MLPRegressor", options, state } (state null before fit). */
  toJSON(): EstimatorJSON {
    const state = this.stateJSON();
    if (state !== null) state.yWas1D = this.yWas1D;
    return { estimator: NAME, options: this.optionsJSON(), state };
  }

  /**
   * Rebuild a regressor from {@link toJSON}'s output: the same predictions bit for bit.
   * @throws ValueError for JSON that is not an MLPRegressor's.
   */
  static fromJSON(json: unknown): MLPRegressor {
    const j = checkEstimatorJSON(json, NAME);
    const reg = new MLPRegressor(j.options as MLPOptions);
    if (j.state === null) return reg;
    const state = j.state as MLPStateJSON;
    if (typeof state.yWas1D !== "boolean") throw new ValueError(`${NAME}.fromJSON: state.yWas1D is missing, got ${show(state.yWas1D)}`);
    reg.yWas1D = state.yWas1D;
    reg.restoreState(state);
    return reg;
  }
}
