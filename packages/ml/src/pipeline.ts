/**
 * A chain of transformers ending in an estimator (scikit-learn's `Pipeline`, `make_pipeline`).
 *
 *   fit(X, y):   X₀ = X;  X_{i+1} = step_i.fitTransform(X_i, y) for every step but the last;
 *                then last.fit(X_{m−1}, y)
 *   predict(X):  last.predict(step_{m−2}.transform(… step_0.transform(X)))
 *
 * so every transformer learns from the training data only, and predictions pass new data
 * through the same learned transforms (the point of a pipeline: no test data leaks into the
 * scaler's mean or the PCA's axes).
 * JSON: { estimator: "Pipeline", options: { steps: [[name, <the step's JSON>], …] }, state: null };
 * fromJSON rebuilds each step through ESTIMATORS, the registry below (class name → class).
 * Reference: scikit-learn user guide §6.1.1 "Pipeline: chaining estimators".
 */
import type { NDArray } from "@sliderule/ndarray";
import { checkEstimatorJSON, show, ValueError, type EstimatorJSON } from "./base.js";
import { IncrementalPCA } from "./decomposition/incremental-pca.js";
import { PCA } from "./decomposition/pca.js";
import { LinearRegression } from "./linear-model/linear-regression.js";
import { Ridge } from "./linear-model/ridge.js";
import { MLPClassifier } from "./neural-network/mlp-classifier.js";
import { MLPRegressor } from "./neural-network/mlp-regressor.js";
import { LabelEncoder } from "./preprocessing/label-encoder.js";
import { MinMaxScaler } from "./preprocessing/min-max-scaler.js";
import { OneHotEncoder } from "./preprocessing/one-hot-encoder.js";
import { StandardScaler } from "./preprocessing/standard-scaler.js";
import { KMeans } from "./cluster/kmeans.js";
import { KNeighborsClassifier } from "./neighbors/k-neighbors-classifier.js";
import { KNeighborsRegressor } from "./neighbors/k-neighbors-regressor.js";

/** What a pipeline step can be: anything with fit, and (for all but the last) transform. */
export interface Estimator {
  fit(X: unknown, y?: unknown): unknown;
  transform?(X: unknown): unknown;
  fitTransform?(X: unknown, y?: unknown): unknown;
  predict?(X: unknown): unknown;
  score?(X: unknown, y: unknown): number;
  inverseTransform?(X: unknown): unknown;
  toJSON?(): EstimatorJSON;
}

/** A class that rebuilds an estimator from its JSON. */
export interface EstimatorClass {
  fromJSON(json: unknown): Estimator;
}

/**
 * Estimator name (the `estimator` field of its JSON) → class, for Pipeline.fromJSON.
 * Add a class here to make it loadable inside a pipeline.
 */
export const ESTIMATORS: Record<string, EstimatorClass> = {
  StandardScaler,
  MinMaxScaler,
  OneHotEncoder,
  LabelEncoder,
  PCA,
  IncrementalPCA,
  LinearRegression,
  Ridge,
  MLPClassifier,
  MLPRegressor,
  KMeans,
  KNeighborsClassifier,
  KNeighborsRegressor,
};

const NAME = "Pipeline";

function nameOf(e: Estimator): string {
  const j = typeof e.toJSON === "function" ? e.toJSON() : null;
  return j && typeof j.estimator === "string" ? j.estimator : (e as object).constructor.name;
}

/**
 * Transformers then a final estimator, fitted and applied in order (see the file header).
 * @example
 *   const model = new Pipeline([["scale", new StandardScaler()], ["reg", new LinearRegression()]]);
 *   model.fit(X, y).predict(XNew);
 */
export class Pipeline {
  /** The [name, estimator] pairs, in order. */
  readonly steps: [string, Estimator][];

  /** @throws ValueError for no steps, a repeated or malformed name, or a middle step without fit/transform. */
  constructor(steps: [string, Estimator][]) {
    if (!Array.isArray(steps) || steps.length === 0)
      throw new ValueError(`${NAME}: steps must be a non-empty array of [name, estimator] pairs, got ${show(steps)}`);
    const seen = new Set<string>();
    steps.forEach((s, i) => {
      if (!Array.isArray(s) || s.length !== 2 || typeof s[0] !== "string")
        throw new ValueError(`${NAME}: step ${i} must be a [name, estimator] pair, got ${show(s)}`);
      const [name, est] = s;
      if (name === "" || name.includes("__")) throw new ValueError(`${NAME}: step name ${show(name)} must be non-empty and must not contain "__"`);
      if (seen.has(name)) throw new ValueError(`${NAME}: step names must be unique; ${show(name)} appears twice`);
      seen.add(name);
      if (est === null || typeof est !== "object" || typeof est.fit !== "function")
        throw new ValueError(`${NAME}: step ${show(name)} must be an estimator with a fit method, got ${show(est)}`);
      if (i < steps.length - 1 && typeof est.transform !== "function") {
        throw new ValueError(`${NAME}: all intermediate steps must be transformers (fit and transform); step ${show(name)} (${nameOf(est)}) has no transform`);
      }
    });
    this.steps = steps.map(([n, e]) => [n, e]);
  }

  /** The steps by name: `pipe.namedSteps.pca.components`. */
  get namedSteps(): Record<string, Estimator> {
    return Object.fromEntries(this.steps);
  }

  private get last(): Estimator {
    return this.steps[this.steps.length - 1][1];
  }

  /** Fit every transformer on the output of the previous one, then the last step. Returns this. */
  fit(X: unknown, y?: unknown): this {
    const Xt = this.fitTransformers(X, y);
    this.last.fit(Xt, y);
    return this;
  }

  private fitTransformers(X: unknown, y: unknown): unknown {
    let Xt = X;
    for (const [, e] of this.steps.slice(0, -1)) Xt = typeof e.fitTransform === "function" ? e.fitTransform(Xt, y) : (e.fit(Xt, y), e.transform!(Xt));
    return Xt;
  }

  private transformers(X: unknown): unknown {
    let Xt = X;
    for (const [, e] of this.steps.slice(0, -1)) Xt = e.transform!(Xt);
    return Xt;
  }

  /** The last step's predict on the transformed X. @throws ValueError if it has none. */
  predict(X: unknown): NDArray {
    const last = this.last;
    if (typeof last.predict !== "function") throw new ValueError(`${NAME}: the last step (${nameOf(last)}) has no predict`);
    return last.predict(this.transformers(X)) as NDArray;
  }

  /** X through every step's transform (the last included). @throws ValueError if the last step has none. */
  transform(X: unknown): NDArray {
    const last = this.last;
    if (typeof last.transform !== "function") throw new ValueError(`${NAME}: the last step (${nameOf(last)}) has no transform`);
    return last.transform(this.transformers(X)) as NDArray;
  }

  /** fit then transform, every step fitted on the previous step's output. */
  fitTransform(X: unknown, y?: unknown): NDArray {
    const Xt = this.fitTransformers(X, y);
    const last = this.last;
    if (typeof last.fitTransform === "function") return last.fitTransform(Xt, y) as NDArray;
    if (typeof last.transform !== "function") throw new ValueError(`${NAME}: the last step (${nameOf(last)}) has no transform`);
    last.fit(Xt, y);
    return last.transform(Xt) as NDArray;
  }

  /** The steps' inverseTransform in reverse order. */
  inverseTransform(X: unknown): NDArray {
    let Xt = X;
    for (const [name, e] of this.steps.slice().reverse()) {
      if (typeof e.inverseTransform !== "function") throw new ValueError(`${NAME}: step ${show(name)} (${nameOf(e)}) has no inverseTransform`);
      Xt = e.inverseTransform(Xt);
    }
    return Xt as NDArray;
  }

  /** The last step's score on the transformed X (R² for regressors). */
  score(X: unknown, y: unknown): number {
    const last = this.last;
    if (typeof last.score !== "function") throw new ValueError(`${NAME}: the last step (${nameOf(last)}) has no score`);
    return last.score(this.transformers(X), y);
  }

  /** Plain-JSON form: { estimator: "Pipeline", options: { steps: [[name, json], …] }, state: null }. */
  toJSON(): EstimatorJSON {
    const steps = this.steps.map(([name, e]) => {
      if (typeof e.toJSON !== "function") throw new ValueError(`${NAME}.toJSON: step ${show(name)} (${nameOf(e)}) has no toJSON`);
      return [name, e.toJSON()];
    });
    return { estimator: NAME, options: { steps }, state: null };
  }

  /** Rebuild a Pipeline (and each step, through ESTIMATORS) from toJSON()'s output. */
  static fromJSON(json: unknown): Pipeline {
    const j = checkEstimatorJSON(json, NAME);
    const steps = j.options.steps;
    if (!Array.isArray(steps)) throw new ValueError(`${NAME}.fromJSON: options.steps must be a list of [name, estimatorJSON], got ${show(steps)}`);
    return new Pipeline(
      steps.map((s: unknown, i: number) => {
        if (!Array.isArray(s) || s.length !== 2) throw new ValueError(`${NAME}.fromJSON: step ${i} must be [name, estimatorJSON], got ${show(s)}`);
        const est = (s[1] as EstimatorJSON | null)?.estimator;
        const cls = typeof est === "string" && Object.prototype.hasOwnProperty.call(ESTIMATORS, est) ? ESTIMATORS[est] : undefined;
        if (!cls) throw new ValueError(`${NAME}.fromJSON: step ${show(s[0])}: unknown estimator ${show(est)}; known: ${Object.keys(ESTIMATORS).join(", ")}`);
        return [s[0] as string, cls.fromJSON(s[1])] as [string, Estimator];
      }),
    );
  }
}

ESTIMATORS.Pipeline = Pipeline;

/**
 * A Pipeline whose step names are the lower-cased class names, with "-1", "-2", … appended when
 * a class appears more than once (scikit-learn's `make_pipeline`).
 * @example
 *   const model = makePipeline(new StandardScaler(), new PCA({ nComponents: 2 }), new LinearRegression());
 *   model.namedSteps.pca;
 */
export function makePipeline(...steps: Estimator[]): Pipeline {
  const names = steps.map((e) => {
    if (e === null || typeof e !== "object") throw new ValueError(`makePipeline: every step must be an estimator, got ${show(e)}`);
    return nameOf(e).toLowerCase();
  });
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  const used = new Map<string, number>();
  const named = steps.map((e, i): [string, Estimator] => {
    const n = names[i];
    if (counts.get(n)! === 1) return [n, e];
    const k = (used.get(n) ?? 0) + 1;
    used.set(n, k);
    return [`${n}-${k}`, e];
  });
  return new Pipeline(named);
}
