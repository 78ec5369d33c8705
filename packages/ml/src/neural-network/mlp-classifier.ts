/**
 * MLPClassifier: a multilayer perceptron trained by backpropagation with softmax
 * cross-entropy (scikit-learn's `sklearn.neural_network.MLPClassifier`).
 *
 *   P = softmax(f(…f(X·W₁ + b₁)…)·W_L + b_L)         (K > 2 classes: one output per class)
 *   p = σ(f(…f(X·W₁ + b₁)…)·W_L + b_L)               (K = 2: one logistic output, p = P(classes[1]))
 *   minimise  −(1/n)·Σ_i log P[i, y_i] + (α/2n)·Σ_l ‖W_l‖²   by Adam or SGD on mini-batches
 *
 * What it learns: `coefs[l]` (n_l, n_{l+1}) and `intercepts[l]` (n_{l+1},), with `classes` the
 * sorted distinct labels; `lossCurve`, `nIter`, `bestLoss` (or `validationScores` with early
 * stopping) record the training.
 *
 * Labels. y may hold integers (an NDArray of any real dtype with integer values, or JS
 * numbers), booleans or strings. `classes` are the distinct labels sorted (numbers ascending,
 * strings by code unit), as scikit-learn's LabelBinarizer, and predict returns labels of the
 * same kind (an NDArray of y's dtype, float64 for JS numbers; a string[] for strings).
 * Two classes use one logistic output, as scikit-learn (so the weights match it); the targets
 * are then the column [y == classes[1]], and predict picks classes[1] where p > 0.5.
 * predictProba returns both columns [1 − p, p]. Multi-label (2-D y) is not supported.
 *
 * Reference: scikit-learn user guide §1.17 "Neural network models (supervised)" and
 * `neural_network/_multilayer_perceptron.py`; Goodfellow, Bengio & Courville, "Deep
 * Learning", ch. 6; Bishop, "Pattern Recognition and Machine Learning", §5.2–5.3.
 */
import * as np from "@sliderule/ndarray";
import { NDArray } from "@sliderule/ndarray";
import { checkEstimatorJSON, checkFitted, parseOptions, show, ValueError, type ArrayInput, type EstimatorJSON } from "../base.js";
import type { FloatArray } from "./activations.js";
import { BaseMLP, mlpOptionsSchema, type MLPOptions, type MLPStateJSON, type PreparedTargets } from "./mlp-base.js";

const NAME = "MLPClassifier";

/** A label: a number (integers, booleans as 0/1 arrays) or a string. */
export type Label = number | string;

/** What predict returns for labels of type L: an NDArray for numbers, string[] for strings. */
export type Predicted<L extends Label> = [L] extends [string] ? string[] : NDArray;

/** Labels as given to fit: an NDArray, or a JS array of numbers, booleans or strings. */
export type LabelInput = NDArray | readonly number[] | readonly string[] | readonly boolean[];

/** The distinct labels, sorted, and how to give labels back. */
interface Classes {
  /** Sorted distinct labels. */
  values: number[] | string[];
  /** The dtype of predicted numeric labels, or "string". */
  kind: "float64" | "float32" | "int32" | "bool" | "string";
}

/** Read y as a flat list of numbers or strings, checking it (1-D, finite, integer-valued, one kind). */
function readLabels(y: unknown, name: string): { values: number[] | string[]; kind: Classes["kind"] } {
  if (y instanceof NDArray) {
    let a = y;
    if (a.ndim === 2 && a.shape[1] === 1) a = a.reshape(-1);
    if (a.ndim !== 1)
      throw new ValueError(`${name}: y must be 1-D (one label per sample), got shape (${y.shape.join(", ")}); multi-label targets are not supported`);
    if (a.dtype === "complex128") throw new ValueError(`${name}: y is complex; labels must be integers, booleans or strings`);
    const values = Array.from(a.astype("float64").data as Float64Array);
    checkNumericLabels(values, name);
    return { values, kind: a.dtype };
  }
  if (!Array.isArray(y)) throw new ValueError(`${name}: y must be an NDArray or an array of labels (numbers, booleans or strings), got ${show(y)}`);
  if (y.length === 0) return { values: [], kind: "float64" };
  if (y.every((v) => typeof v === "string")) return { values: y.slice() as string[], kind: "string" };
  if (y.every((v) => typeof v === "boolean")) return { values: (y as boolean[]).map(Number), kind: "bool" };
  if (y.every((v) => typeof v === "number")) {
    checkNumericLabels(y as number[], name);
    return { values: (y as number[]).slice(), kind: "float64" };
  }
  const bad = y.findIndex((v) => typeof v !== typeof y[0]);
  throw new ValueError(`${name}: y mixes label types: ${show(y[0])} at index 0 and ${show(y[bad])} at index ${bad}; use all numbers or all strings`);
}

function checkNumericLabels(values: readonly number[], name: string): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v))
      throw new ValueError(`${name}: y contains ${Number.isNaN(v) ? "NaN" : v > 0 ? "infinity" : "-infinity"} at index ${i}; remove it first`);
    if (!Number.isInteger(v))
      throw new ValueError(
        `${name}: y holds the non-integer value ${v} at index ${i}; class labels must be integers, booleans or strings (MLPRegressor fits continuous targets)`,
      );
  }
}

/** Sorted distinct labels (numbers ascending; strings by code unit). */
function sortedUnique(values: number[] | string[]): number[] | string[] {
  if (values.length > 0 && typeof values[0] === "string") return [...new Set(values as string[])].sort();
  return [...new Set(values as number[])].sort((a, b) => a - b);
}

/**
 * Multilayer perceptron classifier (scikit-learn's MLPClassifier; file header: the model).
 *
 *   const clf = new MLPClassifier({ hiddenLayerSizes: [64], randomState: 0 }).fit(X, y);
 *   clf.predict(Xtest);       // labels, (m,)
 *   clf.predictProba(Xtest);  // (m, K), rows sum to 1
 *
 * Options (scikit-learn's, camelCase): hiddenLayerSizes [100], activation "relu", solver "adam",
 * alpha 1e-4, batchSize "auto", learningRate "constant", learningRateInit 1e-3, powerT 0.5,
 * maxIter 200, shuffle true, randomState null, tol 1e-4, verbose false, momentum 0.9,
 * nesterovsMomentum true, earlyStopping false, validationFraction 0.1, beta1 0.9, beta2 0.999,
 * epsilon 1e-8, nIterNoChange 10; ours: dtype "float64" | "float32", callback(info).
 * @throws ValueError for an unknown or invalid option, naming it, its value and what is allowed.
 */
export class MLPClassifier<L extends Label = number> extends BaseMLP {
  protected readonly estimatorName = NAME;
  /** The distinct labels, sorted: (K,) NDArray of y's dtype, or string[]. */
  classes?: Predicted<L>;
  private classInfo: Classes | null = null;

  constructor(options: MLPOptions = {}) {
    super(parseOptions(NAME, mlpOptionsSchema, options));
  }

  /** Class indices of labels (−1 for a label not in classes). */
  private indicesOf(values: number[] | string[], classes: Classes): Int32Array {
    const index = new Map<Label, number>();
    (classes.values as Label[]).forEach((c, j) => index.set(c, j));
    return Int32Array.from(values as Label[], (v) => index.get(v) ?? -1);
  }

  /** Set the classes (and the `classes` field). */
  private setClasses(values: number[] | string[], kind: Classes["kind"]): Classes {
    const sorted = sortedUnique(values);
    if (sorted.length < 2) throw new ValueError(`${NAME}: y has a single class (${show(sorted[0])}); at least 2 classes are needed`);
    this.classInfo = { values: sorted, kind };
    this.classes = this.labelsOut(Int32Array.from({ length: sorted.length }, (_, j) => j));
    return this.classInfo;
  }

  /** Labels for class indices, in the kind y had. */
  private labelsOut(indices: Int32Array): Predicted<L> {
    const c = checkFitted(this.classInfo, NAME);
    if (c.kind === "string") return Array.from(indices, (j) => (c.values as string[])[j]) as Predicted<L>;
    const nums = Float64Array.from(indices, (j) => (c.values as number[])[j]);
    return np.fromTypedArray(nums).astype(c.kind) as Predicted<L>;
  }

  /** One-hot targets (K > 2) or the column [y == classes[1]] (K = 2), in the training dtype. */
  private targets(labels: Int32Array): PreparedTargets {
    const K = checkFitted(this.classInfo, NAME).values.length;
    const k = K === 2 ? 1 : K;
    const Y = np.zeros([labels.length, k], this.options.dtype);
    const y = Y.data as FloatArray;
    for (let i = 0; i < labels.length; i++) {
      if (K === 2) y[i] = labels[i];
      else y[i * K + labels[i]] = 1;
    }
    return K === 2
      ? { Y, loss: "sigmoidCrossEntropy", outActivation: "logistic", labels, stratify: true }
      : { Y, loss: "softmaxCrossEntropy", outActivation: "softmax", labels, stratify: false };
  }

  /** X and y checked together: same length, labels read. */
  private checkXy(X: unknown, y: unknown): { Xc: NDArray; labels: { values: number[] | string[]; kind: Classes["kind"] } } {
    const Xc = this.checkX(X);
    const labels = readLabels(y, NAME);
    if (labels.values.length !== Xc.shape[0]) {
      throw new ValueError(`${NAME}: X and y have different numbers of samples: X has ${Xc.shape[0]}, y has ${labels.values.length}`);
    }
    return { Xc, labels };
  }

  /** The mean accuracy of the current weights on held-out rows (early stopping's score). */
  private heldOutAccuracy(Xv: NDArray, rows: Int32Array, labels: Int32Array): number {
    const predicted = this.predictIndices(Xv);
    let hits = 0;
    for (let r = 0; r < rows.length; r++) if (predicted[r] === labels[rows[r]]) hits++;
    return hits / rows.length;
  }

  /**
   * Fit the network to (X, y) from a fresh initialisation; returns this.
   * X: (n, d); y: (n,) labels. Runs up to maxIter epochs (fewer when the loss, or with
   * earlyStopping the validation accuracy, stops improving by tol for nIterNoChange epochs).
   * @throws ValueError for NaN/±Inf in X or y, X and y of different lengths, X not 2-D, fewer
   *   than 2 classes, non-integer numeric labels.
   */
  fit(X: ArrayInput, y: LabelInput): this {
    const { Xc, labels } = this.checkXy(X, y);
    const classes = this.setClasses(labels.values, labels.kind);
    const targets = this.targets(this.indicesOf(labels.values, classes));
    this.rng = null; // a numeric seed restarts its stream at every fit, as scikit-learn's check_random_state
    this.initialize(Xc.shape[1], targets.Y.shape[1], targets.outActivation);
    this.train(Xc, targets, false, (Xv, rows) => this.heldOutAccuracy(Xv, rows, targets.labels as Int32Array));
    return this;
  }

  /**
   * One epoch on (X, y), continuing from the current weights and optimiser state (scikit-learn's
   * partial_fit). The first call must name every class: `partialFit(X, y, { classes })`.
   * @throws ValueError as fit, for a first call without classes, or labels not in classes.
   */
  partialFit(X: ArrayInput, y: LabelInput, options: { classes?: LabelInput } = {}): this {
    const { Xc, labels } = this.checkXy(X, y);
    if (options === null || typeof options !== "object") throw new ValueError(`${NAME}.partialFit: options must be an object, got ${show(options)}`);
    for (const key of Object.keys(options)) if (key !== "classes") throw new ValueError(`${NAME}.partialFit: unknown option '${key}'; its options are classes`);
    const first = this.layers === null;
    if (first) {
      if (options.classes === undefined) throw new ValueError(`${NAME}.partialFit: classes must be passed on the first call (all labels y may hold)`);
      const given = readLabels(options.classes, NAME);
      this.setClasses(given.values, labels.kind);
    } else if (options.classes !== undefined) {
      const given = sortedUnique(readLabels(options.classes, NAME).values);
      const known = checkFitted(this.classInfo, NAME).values as Label[];
      if (given.length !== known.length || (given as Label[]).some((c, j) => c !== known[j])) {
        throw new ValueError(`${NAME}.partialFit: classes ${show(given)} differ from the classes of the first call ${show(known)}`);
      }
    }
    const classes = checkFitted(this.classInfo, NAME);
    const indices = this.indicesOf(labels.values, classes);
    const unknown = indices.indexOf(-1);
    if (unknown >= 0)
      throw new ValueError(
        `${NAME}.partialFit: y holds the label ${show((labels.values as Label[])[unknown])} (index ${unknown}), which is not among the classes ${show(classes.values)}`,
      );
    const targets = this.targets(indices);
    if (typeof this.options.randomState === "number") this.rng = null; // scikit-learn re-seeds at every call
    if (first) this.initialize(Xc.shape[1], targets.Y.shape[1], targets.outActivation);
    else this.checkPredictX(Xc);
    this.train(Xc, targets, true, () => NaN);
    return this;
  }

  /** Class indices predicted for checked X: argmax of P, or p > 0.5 for two classes. */
  private predictIndices(Xc: NDArray): Int32Array {
    const P = this.forward(Xc);
    const [m, k] = P.shape;
    const p = P.data as FloatArray;
    const out = new Int32Array(m);
    for (let i = 0; i < m; i++) {
      if (k === 1) {
        out[i] = p[i] > 0.5 ? 1 : 0;
        continue;
      }
      let best = 0;
      for (let j = 1; j < k; j++) if (p[i * k + j] > p[i * k + best]) best = j; // first maximum, as argmax
      out[i] = best;
    }
    return out;
  }

  /**
   * The predicted label of each row of X: (m,) labels of y's kind.
   * @throws NotFittedError before fit; ValueError for a wrong number of features or NaN/±Inf.
   */
  predict(X: ArrayInput): Predicted<L> {
    return this.labelsOut(this.predictIndices(this.checkPredictX(X)));
  }

  /**
   * Class probabilities: (m, K), column j for classes[j], rows summing to 1 (for two classes
   * [1 − p, p], p the logistic output).
   * @throws as predict.
   */
  predictProba(X: ArrayInput): NDArray {
    const P = this.forward(this.checkPredictX(X));
    if (P.shape[1] !== 1) return P;
    const [m] = P.shape;
    const out = np.zeros([m, 2], P.dtype);
    const o = out.data as FloatArray;
    const p = P.data as FloatArray;
    for (let i = 0; i < m; i++) {
      o[2 * i] = 1 - p[i];
      o[2 * i + 1] = p[i];
    }
    return out;
  }

  /** log(predictProba(X)), element-wise. */
  predictLogProba(X: ArrayInput): NDArray {
    return np.log(this.predictProba(X));
  }

  /**
   * Mean accuracy on (X, y): the fraction of rows whose predicted label equals y's.
   * @throws as predict, and for X and y of different lengths.
   */
  score(X: ArrayInput, y: LabelInput): number {
    const { Xc, labels } = this.checkXy(X, y);
    checkFitted(this.nFeaturesIn, NAME);
    const predicted = this.predictIndices(this.checkPredictX(Xc));
    const truth = this.indicesOf(labels.values, checkFitted(this.classInfo, NAME));
    let hits = 0;
    for (let i = 0; i < truth.length; i++) if (predicted[i] === truth[i]) hits++;
    return hits / truth.length;
  }

  /** Plain JSON: { estimator: "MLPClassifier", options, state } (state null before fit). */
  toJSON(): EstimatorJSON {
    const state = this.stateJSON();
    if (state !== null && this.classInfo !== null) {
      state.classes = this.classInfo.values.slice();
      state.classesKind = this.classInfo.kind;
    }
    return { estimator: NAME, options: this.optionsJSON(), state };
  }

  /**
   * Rebuild a classifier from {@link toJSON}'s output (after JSON.stringify/parse): the same
   * predictions bit for bit, and partialFit continues with the saved optimiser state.
   * @throws ValueError for JSON that is not an MLPClassifier's.
   */
  static fromJSON<L extends Label = number>(json: unknown): MLPClassifier<L> {
    const j = checkEstimatorJSON(json, NAME);
    const clf = new MLPClassifier<L>(j.options as MLPOptions);
    if (j.state === null) return clf;
    const state = j.state as MLPStateJSON;
    const kinds = ["float64", "float32", "int32", "bool", "string"];
    if (!Array.isArray(state.classes) || !kinds.includes(state.classesKind as string))
      throw new ValueError(`${NAME}.fromJSON: state.classes and state.classesKind are missing or invalid`);
    clf.classInfo = { values: state.classes as number[] | string[], kind: state.classesKind as Classes["kind"] };
    clf.classes = clf.labelsOut(Int32Array.from({ length: state.classes.length }, (_, j) => j));
    clf.restoreState(state);
    return clf;
  }
}
