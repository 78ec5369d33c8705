/**
 * Classification metrics (scikit-learn's `sklearn.metrics`): accuracy, the confusion matrix,
 * precision / recall / F-β / support, F1, and log loss. For class c, over n samples:
 *
 *   tp_c = #{i: y_i = c, ŷ_i = c},  pred_c = #{i: ŷ_i = c},  true_c = #{i: y_i = c} (the support)
 *   precision_c = tp_c / pred_c,  recall_c = tp_c / true_c
 *   F_β,c = (1 + β²)·tp_c / ((1 + β²)·tp_c + β²·fn_c + fp_c)   (= the weighted harmonic mean
 *           (1 + β²)·P·R / (β²·P + R), written with counts so that P or R undefined is not a 0/0)
 *   accuracy = (1/n)·#{i: y_i = ŷ_i},   log loss = −(1/n)·Σ_i log p_i,y_i
 *
 * Averages over classes: "micro" (pool the counts, then the ratio), "macro" (the plain mean of
 * the per-class scores), "weighted" (mean weighted by support), "binary" (the class posLabel
 * only, for two-class problems), null (per class).
 * A ratio with a zero denominator takes `zeroDivision` (0, 1 or NaN; "warn", the default,
 * means 0 and a warning), as scikit-learn.
 * Class labels must be integers here (encode strings with LabelEncoder first); accuracyScore
 * also accepts strings since it only compares labels.
 * Reference: scikit-learn user guide §3.4.4 "Classification metrics"; van Rijsbergen,
 * "Information Retrieval", 2nd ed., 1979, ch. 7 (the F measure).
 */
import * as np from "@sliderule/ndarray";
import type { NDArray } from "@sliderule/ndarray";
import { checkArray, show, ValueError, warn } from "../base.js";
import { readIntegerLabels, readLabels } from "../preprocessing/labels.js";

function readOptions(fn: string, options: unknown, allowed: readonly string[]): Record<string, unknown> {
  if (options === undefined) return {};
  if (options === null || typeof options !== "object" || Array.isArray(options)) throw new ValueError(`${fn}: options must be an object, got ${show(options)}`);
  for (const k of Object.keys(options)) if (!allowed.includes(k)) throw new ValueError(`${fn}: unknown option '${k}'; its options are ${allowed.join(", ")}`);
  return options as Record<string, unknown>;
}

function checkSameLength(fn: string, a: number, b: number, names = ["yTrue", "yPred"]): void {
  if (a !== b) throw new ValueError(`${fn}: found input variables with inconsistent numbers of samples: ${names[0]} has ${a}, ${names[1]} has ${b}`);
}

function readWeights(fn: string, w: unknown, n: number): Float64Array | null {
  if (w === undefined || w === null) return null;
  const W = checkArray(w, fn, "sampleWeight", { ndim: 1, dtype: "float64" });
  if (W.shape[0] !== n) throw new ValueError(`${fn}: sampleWeight has ${W.shape[0]} entries, yTrue has ${n} samples`);
  return W.data as Float64Array;
}

/**
 * Fraction (or, with normalize false, count) of exact matches: (1/n)·Σ [y_i = ŷ_i]
 * (scikit-learn's `accuracy_score`).
 * @param yTrue, yPred (n,) labels: numbers or strings.
 * @throws ValueError for different lengths or NaN/Inf labels.
 */
export function accuracyScore(yTrue: unknown, yPred: unknown, options?: { normalize?: boolean; sampleWeight?: unknown }): number {
  const fn = "accuracyScore";
  const o = readOptions(fn, options, ["normalize", "sampleWeight"]);
  if (o.normalize !== undefined && typeof o.normalize !== "boolean")
    throw new ValueError(`${fn}: option normalize must be a boolean, got ${show(o.normalize)}`);
  const t = readLabels(yTrue, fn, "yTrue");
  const p = readLabels(yPred, fn, "yPred");
  checkSameLength(fn, t.values.length, p.values.length);
  const n = t.values.length;
  const w = readWeights(fn, o.sampleWeight, n);
  let hits = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const wi = w ? w[i] : 1;
    if (t.values[i] === p.values[i]) hits += wi;
    total += wi;
  }
  return o.normalize === false ? hits : hits / total;
}

/** The sorted union of the labels, or the `labels` option checked as integers. */
function classList(fn: string, yt: Int32Array, yp: Int32Array, labels: unknown): Int32Array {
  if (labels !== undefined && labels !== null) {
    const l = readIntegerLabels(labels, fn, "labels");
    if (l.length === 0) throw new ValueError(`${fn}: option labels is empty; 'labels' should contain at least one label`);
    if (new Set(l).size !== l.length) throw new ValueError(`${fn}: option labels has repeated values: ${show(Array.from(l))}`);
    return l;
  }
  const set = new Set<number>();
  for (const v of yt) set.add(v);
  for (const v of yp) set.add(v);
  return Int32Array.from(Array.from(set).sort((a, b) => a - b));
}

/**
 * C[i, j] = the number of samples of true class labels[i] predicted as labels[j] (scikit-learn's
 * `confusion_matrix`). Samples whose labels are not in `labels` are left out.
 * @param options.labels the classes, in the order of the rows (default: sorted union of both).
 * @returns int32 (k, k).
 * @throws ValueError for non-integer labels or different lengths.
 */
export function confusionMatrix(yTrue: unknown, yPred: unknown, options?: { labels?: unknown }): NDArray {
  const fn = "confusionMatrix";
  const o = readOptions(fn, options, ["labels"]);
  const yt = readIntegerLabels(yTrue, fn, "yTrue");
  const yp = readIntegerLabels(yPred, fn, "yPred");
  checkSameLength(fn, yt.length, yp.length);
  const classes = classList(fn, yt, yp, o.labels);
  const k = classes.length;
  const index = new Map<number, number>();
  classes.forEach((c, i) => index.set(c, i));
  const C = new Int32Array(k * k);
  for (let i = 0; i < yt.length; i++) {
    const a = index.get(yt[i]);
    const b = index.get(yp[i]);
    if (a !== undefined && b !== undefined) C[a * k + b]++;
  }
  return np.fromTypedArray(C, [k, k]);
}

export type Average = null | "binary" | "micro" | "macro" | "weighted";
export type ZeroDivision = "warn" | 0 | 1 | number;

export interface PrfsOptions {
  /** null (per class, the default of precisionRecallFscoreSupport), "binary", "micro", "macro", "weighted". */
  average?: Average;
  /** β > 0 of F-β: recall is β times as important as precision (default 1). */
  beta?: number;
  /** The value of a 0/0 ratio: 0, 1, NaN or "warn" (0 with a warning; default). */
  zeroDivision?: ZeroDivision;
  /** The classes to report, in order (default: sorted union of yTrue and yPred). */
  labels?: unknown;
  /** The positive class for average "binary" (default 1). */
  posLabel?: number;
}

/** precision, recall, F-β (each (k,) or a number when averaged) and support ((k,) int32, or null when averaged). */
export interface PrfsResult {
  precision: NDArray | number;
  recall: NDArray | number;
  fscore: NDArray | number;
  support: NDArray | null;
}

function prfs(fn: string, yTrue: unknown, yPred: unknown, options: unknown, defaultAverage: Average): PrfsResult {
  const o = readOptions(fn, options, ["average", "beta", "zeroDivision", "labels", "posLabel"]);
  const average = (o.average === undefined ? defaultAverage : o.average) as Average;
  if (![null, "binary", "micro", "macro", "weighted"].includes(average)) {
    throw new ValueError(`${fn}: option average must be null, "binary", "micro", "macro" or "weighted", got ${show(average)}`);
  }
  const beta = o.beta === undefined ? 1 : o.beta;
  if (typeof beta !== "number" || !(beta > 0) || !Number.isFinite(beta)) throw new ValueError(`${fn}: option beta should be > 0 and finite, got ${show(beta)}`);
  const zd = o.zeroDivision === undefined ? "warn" : o.zeroDivision;
  if (!(zd === "warn" || zd === 0 || zd === 1 || Number.isNaN(zd)))
    throw new ValueError(`${fn}: option zeroDivision must be "warn", 0, 1 or NaN, got ${show(zd)}`);
  const posLabel = o.posLabel === undefined ? 1 : o.posLabel;
  if (typeof posLabel !== "number" || !Number.isInteger(posLabel)) throw new ValueError(`${fn}: option posLabel must be an integer, got ${show(posLabel)}`);

  const yt = readIntegerLabels(yTrue, fn, "yTrue");
  const yp = readIntegerLabels(yPred, fn, "yPred");
  checkSameLength(fn, yt.length, yp.length);
  let classes = classList(fn, yt, yp, o.labels);
  if (average === "binary") {
    const present = classList(fn, yt, yp, undefined);
    if (present.length > 2) {
      throw new ValueError(
        `${fn}: target is multiclass (${present.length} classes) but average="binary"; choose another average: null, "micro", "macro" or "weighted"`,
      );
    }
    if (present.length > 0 && !present.includes(posLabel)) {
      throw new ValueError(`${fn}: posLabel=${posLabel} is not a valid label: it should be one of ${show(Array.from(present))}`);
    }
    classes = Int32Array.of(posLabel);
  }
  // the counts per class
  const k = classes.length;
  const index = new Map<number, number>();
  classes.forEach((c, i) => index.set(c, i));
  const tp = new Float64Array(k);
  const predSum = new Float64Array(k);
  const trueSum = new Float64Array(k);
  for (let i = 0; i < yt.length; i++) {
    const a = index.get(yt[i]);
    const b = index.get(yp[i]);
    if (a !== undefined) trueSum[a]++;
    if (b !== undefined) predSum[b]++;
    if (a !== undefined && a === b) tp[a]++;
  }
  const zeroValue = zd === "warn" ? 0 : (zd as number);
  let warned = false;
  const ratio = (num: number, den: number, what: string): number => {
    if (den !== 0) return num / den;
    if (zd === "warn" && !warned) {
      warned = true;
      warn(
        `${fn}: ${what} is ill-defined and being set to 0.0 for labels with no ${what === "precision" ? "predicted" : "true"} samples; use zeroDivision to control this`,
        "UndefinedMetricWarning",
      );
    }
    return zeroValue;
  };
  const b2 = beta * beta;
  const score = (t: number, p: number, s: number) => ({
    precision: ratio(t, p, "precision"),
    recall: ratio(t, s, "recall"),
    // (1 + β²)·tp / ((1 + β²)·tp + β²·fn + fp), with fn = s − t and fp = p − t
    fscore: ratio((1 + b2) * t, (1 + b2) * t + b2 * (s - t) + (p - t), "F-score"),
  });
  if (average === "micro") {
    const r = score(
      tp.reduce((a, b) => a + b, 0),
      predSum.reduce((a, b) => a + b, 0),
      trueSum.reduce((a, b) => a + b, 0),
    );
    return { ...r, support: null };
  }
  const P = new Float64Array(k);
  const R = new Float64Array(k);
  const F = new Float64Array(k);
  for (let c = 0; c < k; c++) ({ precision: P[c], recall: R[c], fscore: F[c] } = score(tp[c], predSum[c], trueSum[c]));
  if (average === null) {
    return {
      precision: np.fromTypedArray(P),
      recall: np.fromTypedArray(R),
      fscore: np.fromTypedArray(F),
      support: np.fromTypedArray(Int32Array.from(trueSum)),
    };
  }
  // macro: plain mean; weighted: mean weighted by support; binary: the single class
  const w = average === "weighted" ? trueSum : new Float64Array(k).fill(1);
  const sw = w.reduce((a, b) => a + b, 0);
  const mean = (v: Float64Array) => (sw === 0 ? zeroValue : v.reduce((s, x, c) => s + w[c] * x, 0) / sw);
  return { precision: mean(P), recall: mean(R), fscore: mean(F), support: null };
}

/**
 * Precision, recall, F-β and support per class or averaged (scikit-learn's
 * `precision_recall_fscore_support`; formulas in the file header).
 * @returns a named tuple: `const { precision, recall, fscore, support } = …` or
 *   `const [precision, recall, fscore, support] = …`.
 * @throws ValueError for non-integer labels, different lengths, a bad option, or
 *   average "binary" on more than two classes.
 */
export function precisionRecallFscoreSupport(
  yTrue: unknown,
  yPred: unknown,
  options?: PrfsOptions,
): np.NamedTuple<PrfsResult, ["precision", "recall", "fscore", "support"]> {
  const r = prfs("precisionRecallFscoreSupport", yTrue, yPred, options, null);
  return np.namedTuple(r, ["precision", "recall", "fscore", "support"]);
}

/** F1 = 2·P·R / (P + R) (F-β with β = 1; scikit-learn's `f1_score`, default average "binary"). */
export function f1Score(yTrue: unknown, yPred: unknown, options?: Omit<PrfsOptions, "beta">): NDArray | number {
  const o = readOptions("f1Score", options, ["average", "zeroDivision", "labels", "posLabel"]);
  return prfs("f1Score", yTrue, yPred, o, "binary").fscore;
}

/** Precision tp / (tp + fp) (scikit-learn's `precision_score`, default average "binary"). */
export function precisionScore(yTrue: unknown, yPred: unknown, options?: Omit<PrfsOptions, "beta">): NDArray | number {
  const o = readOptions("precisionScore", options, ["average", "zeroDivision", "labels", "posLabel"]);
  return prfs("precisionScore", yTrue, yPred, o, "binary").precision;
}

/** Recall tp / (tp + fn) (scikit-learn's `recall_score`, default average "binary"). */
export function recallScore(yTrue: unknown, yPred: unknown, options?: Omit<PrfsOptions, "beta">): NDArray | number {
  const o = readOptions("recallScore", options, ["average", "zeroDivision", "labels", "posLabel"]);
  return prfs("recallScore", yTrue, yPred, o, "binary").recall;
}

/**
 * Cross-entropy −(1/n)·Σ_i log p_i,y_i (scikit-learn's `log_loss`).
 * @param yTrue (n,) integer class labels.
 * @param yProb (n, k) probabilities, column j for the j-th label in sorted order; or (n,) the
 *   probability of the larger class of a two-class problem.
 * @param options.labels the k classes (default: those in yTrue); options.normalize (default
 *   true: the mean; false: the sum); options.eps (default machine epsilon): probabilities are
 *   clipped to [eps, 1 − eps] and each row renormalised to sum 1 (as scikit-learn 1.2).
 * @throws ValueError for non-integer labels, different lengths, a column count that does not
 *   match the classes, or probabilities outside [0, 1] / NaN.
 */
export function logLoss(yTrue: unknown, yProb: unknown, options?: { labels?: unknown; normalize?: boolean; eps?: number }): number {
  const fn = "logLoss";
  const o = readOptions(fn, options, ["labels", "normalize", "eps"]);
  const eps = o.eps === undefined ? Number.EPSILON : o.eps;
  if (typeof eps !== "number" || !(eps > 0 && eps < 0.5)) throw new ValueError(`${fn}: option eps must be a number in (0, 0.5), got ${show(eps)}`);
  if (o.normalize !== undefined && typeof o.normalize !== "boolean")
    throw new ValueError(`${fn}: option normalize must be a boolean, got ${show(o.normalize)}`);
  const yt = readIntegerLabels(yTrue, fn, "yTrue");
  const P0 = checkArray(yProb, fn, "yProb", { dtype: "float64" });
  if (P0.ndim !== 1 && P0.ndim !== 2) throw new ValueError(`${fn}: yProb must be 1-D or 2-D, got shape (${P0.shape.join(", ")})`);
  checkSameLength(fn, yt.length, P0.shape[0], ["yTrue", "yProb"]);
  const classes = o.labels !== undefined && o.labels !== null ? classList(fn, yt, yt, o.labels) : classList(fn, yt, new Int32Array(0), undefined);
  const n = yt.length;
  const p0 = P0.data as Float64Array;
  for (let i = 0; i < p0.length; i++)
    if (!(p0[i] >= 0 && p0[i] <= 1)) throw new ValueError(`${fn}: yProb contains ${p0[i]} (flat index ${i}); probabilities must lie in [0, 1]`);
  // a 1-D yProb is P(larger class): the two columns [1 − p, p]
  const k = P0.ndim === 1 ? 2 : P0.shape[1];
  const p = new Float64Array(n * k);
  if (P0.ndim === 1) for (let i = 0; i < n; i++) ((p[2 * i] = 1 - p0[i]), (p[2 * i + 1] = p0[i]));
  else p.set(p0);
  const nClasses = classes.length === 1 ? 2 : classes.length; // one class seen: scikit-learn assumes a binary problem
  if (k !== nClasses) {
    throw new ValueError(
      `${fn}: yTrue and yProb contain different numbers of classes ${nClasses}, ${k}; classes found in yTrue: ${show(Array.from(classes))}; pass labels to name them all`,
    );
  }
  const index = new Map<number, number>();
  classes.forEach((c, i) => index.set(c, i));
  let total = 0;
  for (let i = 0; i < n; i++) {
    const c = index.get(yt[i]);
    if (c === undefined) throw new ValueError(`${fn}: yTrue contains ${yt[i]} at index ${i}, which is not in labels ${show(Array.from(classes))}`);
    // clip to [eps, 1 − eps], then renormalise the row
    let rowSum = 0;
    for (let j = 0; j < k; j++) rowSum += Math.min(Math.max(p[i * k + j], eps), 1 - eps);
    const pic = Math.min(Math.max(p[i * k + c], eps), 1 - eps) / rowSum;
    total -= Math.log(pic);
  }
  return o.normalize === false ? total : total / n;
}
