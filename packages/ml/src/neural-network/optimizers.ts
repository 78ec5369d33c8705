/**
 * Stochastic optimisers: how a parameter θ moves given the gradient g = ∂L/∂θ of a mini-batch.
 * Exactly scikit-learn's `neural_network/_stochastic_optimizers.py`.
 *
 *   SGD with momentum μ (velocity v, learning rate η):
 *       v ← μ·v − η·g
 *       θ ← θ + v                       (classical momentum, Polyak 1964)
 *       θ ← θ + μ·v − η·g               (Nesterov's momentum: the step taken from the look-ahead,
 *                                        in the form of Sutskever et al. 2013, eq. 3–4, as
 *                                        scikit-learn writes it: update = μ·v_new − η·g)
 *     η per schedule: "constant" η₀; "invscaling" η₀ / (t + 1)^powerT after each epoch, t the
 *     samples seen; "adaptive" η₀, divided by 5 whenever the training stalls (see `stalled`).
 *
 *   Adam (first and second moment estimates m, v; step t counts updates):
 *       m ← β₁·m + (1 − β₁)·g
 *       v ← β₂·v + (1 − β₂)·g²
 *       η_t = η₀·sqrt(1 − β₂ᵗ) / (1 − β₁ᵗ)       (bias correction folded into the step size)
 *       θ ← θ − η_t·m / (sqrt(v) + ε)
 *     This is Kingma & Ba's Algorithm 1 with the efficiency reordering of their §2 (ε is
 *     added to sqrt(v) rather than sqrt(v̂), a difference of a factor sqrt(1 − β₂ᵗ) in ε).
 *
 * State (one array per parameter, the parameter's shape and dtype): SGD's velocities; Adam's m
 * and v. Each update is one fused pass over the parameter: no temporary arrays.
 *
 * Reference: D. Kingma & J. Ba, "Adam: a method for stochastic optimization", ICLR 2015;
 * I. Sutskever, J. Martens, G. Dahl & G. Hinton, "On the importance of initialization and
 * momentum in deep learning", ICML 2013; scikit-learn's SGDOptimizer and AdamOptimizer.
 */
import * as np from "@sliderule/ndarray";
import { NDArray } from "@sliderule/ndarray";
import { arrayFromJSON, arrayToJSON, show, ValueError, type ArrayJSON } from "../base.js";
import type { FloatArray } from "./activations.js";

/** The parameters an optimiser updates: values and their gradients, pairwise. */
export interface ParameterSet {
  values: NDArray[];
  grads: NDArray[];
}

export type LearningRateSchedule = "constant" | "invscaling" | "adaptive";

export interface SGDOptions {
  learningRateInit: number;
  learningRate: LearningRateSchedule;
  momentum: number;
  nesterov: boolean;
  powerT: number;
}

export interface AdamOptions {
  learningRateInit: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

/** Plain-JSON form of an optimiser's state (for partialFit after fromJSON). */
export type OptimizerJSON =
  { kind: "sgd"; learningRate: number; velocities: ArrayJSON[] } | { kind: "adam"; learningRate: number; t: number; ms: ArrayJSON[]; vs: ArrayJSON[] };

/** Check an optimiser's parameters and options (a caller's mistake throws ValueError naming it). */
function checkOptimizer(
  name: string,
  values: unknown,
  options: unknown,
  ranges: Record<string, [number, number, boolean]>,
  extra: Record<string, readonly unknown[]> = {},
): void {
  if (!Array.isArray(values) || !values.every((v) => v instanceof NDArray && (v.dtype === "float64" || v.dtype === "float32"))) {
    throw new ValueError(`${name}: values must be a list of float64 or float32 NDArrays (the parameters), got ${show(values)}`);
  }
  if (options === null || typeof options !== "object") throw new ValueError(`${name}: options must be an object, got ${show(options)}`);
  const o = options as Record<string, unknown>;
  const allowed = [...Object.keys(ranges), ...Object.keys(extra)];
  for (const key of Object.keys(o)) if (!allowed.includes(key)) throw new ValueError(`${name}: unknown option '${key}'; its options are ${allowed.join(", ")}`);
  for (const [key, [lo, hi, openHi]] of Object.entries(ranges)) {
    const v = o[key];
    if (
      typeof v !== "number" ||
      !Number.isFinite(v) ||
      v < lo ||
      (openHi ? v >= hi : v > hi) ||
      (key === "learningRateInit" || key === "epsilon" ? v <= 0 : false)
    ) {
      throw new ValueError(
        `${name}: ${key} must be a number in [${lo}, ${hi}${openHi ? ")" : "]"}${key === "learningRateInit" || key === "epsilon" ? " and > 0" : ""}, got ${show(v)}`,
      );
    }
  }
  for (const [key, allowedValues] of Object.entries(extra)) {
    if (!allowedValues.includes(o[key])) throw new ValueError(`${name}: ${key} must be one of ${allowedValues.map(show).join(", ")}, got ${show(o[key])}`);
  }
}

/** The gradients must pair with the values, shape for shape. */
function checkParameterSet(name: string, set: ParameterSet, n: number): void {
  const { values, grads } = set ?? ({} as ParameterSet);
  if (
    !Array.isArray(values) ||
    !Array.isArray(grads) ||
    values.length !== n ||
    grads.length !== n ||
    grads.some((g, i) => !(g instanceof NDArray) || g.size !== values[i].size || g.dtype !== values[i].dtype)
  ) {
    throw new ValueError(`${name}.update: expected { values, grads }: ${n} parameters and ${n} gradients of the same sizes and dtypes as at construction`);
  }
}

/** SGD with momentum (classical or Nesterov) and scikit-learn's learning-rate schedules. */
export class SGD {
  /** The current η. */
  learningRate: number;
  readonly velocities: NDArray[];

  /** @throws ValueError for parameters that are not float NDArrays, or an option out of range. */
  constructor(
    values: readonly NDArray[],
    readonly options: SGDOptions,
  ) {
    checkOptimizer(
      "SGD",
      values,
      options,
      { learningRateInit: [0, Infinity, false], momentum: [0, 1, false], powerT: [0, Infinity, false] },
      { nesterov: [true, false], learningRate: ["constant", "invscaling", "adaptive"] },
    );
    this.learningRate = options.learningRateInit;
    this.velocities = values.map((p) => np.zeros(p.shape, p.dtype));
  }

  /** One step on every parameter (file header: the formulas). */
  update(set: ParameterSet): void {
    checkParameterSet("SGD", set, this.velocities.length);
    const { values, grads } = set;
    const { momentum: mu, nesterov } = this.options;
    const eta = this.learningRate;
    for (let p = 0; p < values.length; p++) {
      const theta = values[p].data as FloatArray;
      const g = grads[p].data as FloatArray;
      const v = this.velocities[p].data as FloatArray;
      for (let e = 0; e < theta.length; e++) {
        // v ← μ·v − η·g
        v[e] = mu * v[e] - eta * g[e];
        // θ ← θ + v, or θ + μ·v − η·g (Nesterov)
        theta[e] += nesterov ? mu * v[e] - eta * g[e] : v[e];
      }
    }
  }

  /** After each epoch; `samplesSeen` is t, the samples seen so far (for "invscaling"). */
  epochEnd(samplesSeen: number): void {
    if (this.options.learningRate === "invscaling") this.learningRate = this.options.learningRateInit / (samplesSeen + 1) ** this.options.powerT;
  }

  /**
   * The loss stalled for nIterNoChange epochs: stop (true), or with "adaptive" divide η by 5 and
   * go on, stopping only once η ≤ 1e-6 (scikit-learn's `trigger_stopping`).
   */
  stalled(): boolean {
    if (this.options.learningRate !== "adaptive") return true;
    if (this.learningRate <= 1e-6) return true;
    this.learningRate /= 5;
    return false;
  }

  toJSON(): OptimizerJSON {
    return { kind: "sgd", learningRate: this.learningRate, velocities: this.velocities.map(arrayToJSON) };
  }

  /** Restore the state saved by toJSON into an optimiser built for the same parameters. */
  restore(json: OptimizerJSON, estimator: string): void {
    if (json.kind !== "sgd" || json.velocities.length !== this.velocities.length)
      throw new ValueError(`${estimator}.fromJSON: optimizer state does not fit the sgd solver`);
    this.learningRate = json.learningRate;
    json.velocities.forEach((j, i) => (this.velocities[i].data as FloatArray).set(arrayFromJSON(j, estimator, "optimizer.velocities").data as FloatArray));
  }
}

/** Adam, as scikit-learn's AdamOptimizer. */
export class Adam {
  /** η_t of the last step (η₀ before the first). */
  learningRate: number;
  /** Steps taken. */
  t = 0;
  readonly ms: NDArray[];
  readonly vs: NDArray[];

  /** @throws ValueError for parameters that are not float NDArrays, or an option out of range. */
  constructor(
    values: readonly NDArray[],
    readonly options: AdamOptions,
  ) {
    checkOptimizer("Adam", values, options, {
      learningRateInit: [0, Infinity, false],
      beta1: [0, 1, true],
      beta2: [0, 1, true],
      epsilon: [0, Infinity, false],
    });
    this.learningRate = options.learningRateInit;
    this.ms = values.map((p) => np.zeros(p.shape, p.dtype));
    this.vs = values.map((p) => np.zeros(p.shape, p.dtype));
  }

  /** One step on every parameter (file header: the formulas). */
  update(set: ParameterSet): void {
    checkParameterSet("Adam", set, this.ms.length);
    const { values, grads } = set;
    const { beta1, beta2, epsilon, learningRateInit } = this.options;
    this.t += 1;
    // η_t = η₀·sqrt(1 − β₂ᵗ) / (1 − β₁ᵗ)
    const eta = (learningRateInit * Math.sqrt(1 - beta2 ** this.t)) / (1 - beta1 ** this.t);
    this.learningRate = eta;
    for (let p = 0; p < values.length; p++) {
      const theta = values[p].data as FloatArray;
      const g = grads[p].data as FloatArray;
      const m = this.ms[p].data as FloatArray;
      const v = this.vs[p].data as FloatArray;
      for (let e = 0; e < theta.length; e++) {
        const ge = g[e];
        m[e] = beta1 * m[e] + (1 - beta1) * ge; // first moment
        v[e] = beta2 * v[e] + (1 - beta2) * ge * ge; // second moment
        theta[e] -= (eta * m[e]) / (Math.sqrt(v[e]) + epsilon);
      }
    }
  }

  /** Adam has no schedule. */
  epochEnd(_samplesSeen: number): void {}

  /** A stalled loss always stops Adam. */
  stalled(): boolean {
    return true;
  }

  toJSON(): OptimizerJSON {
    return { kind: "adam", learningRate: this.learningRate, t: this.t, ms: this.ms.map(arrayToJSON), vs: this.vs.map(arrayToJSON) };
  }

  restore(json: OptimizerJSON, estimator: string): void {
    if (json.kind !== "adam" || json.ms.length !== this.ms.length || json.vs.length !== this.vs.length)
      throw new ValueError(`${estimator}.fromJSON: optimizer state does not fit the adam solver`);
    this.learningRate = json.learningRate;
    this.t = json.t;
    json.ms.forEach((j, i) => (this.ms[i].data as FloatArray).set(arrayFromJSON(j, estimator, "optimizer.ms").data as FloatArray));
    json.vs.forEach((j, i) => (this.vs[i].data as FloatArray).set(arrayFromJSON(j, estimator, "optimizer.vs").data as FloatArray));
  }
}

export type Optimizer = SGD | Adam;
