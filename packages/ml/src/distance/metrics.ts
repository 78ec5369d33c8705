/**
 * The distance metrics of `scipy.spatial.distance`, one loop each: the definitions that
 * cdist, pdist and pairwiseDistances evaluate pair by pair.
 *
 *   euclidean    d(u, v) = ‖u − v‖₂ = sqrt(Σ_k w_k·(u_k − v_k)²)
 *   sqeuclidean  d(u, v) = ‖u − v‖₂²   = Σ_k w_k·(u_k − v_k)²
 *   cityblock    d(u, v) = ‖u − v‖₁    = Σ_k w_k·|u_k − v_k|           (Manhattan, L1)
 *   chebyshev    d(u, v) = ‖u − v‖_∞   = max_{k: w_k > 0} |u_k − v_k|
 *   minkowski    d(u, v) = ‖u − v‖_p   = (Σ_k w_k·|u_k − v_k|^p)^(1/p),  p > 0
 *   cosine       d(u, v) = 1 − u·v / (‖u‖₂·‖v‖₂), the similarity clipped to [−1, 1]
 *                (weighted: every sum over k carries w_k)
 *
 * without weights, w_k = 1. Minkowski with p = 1, 2, ∞ is cityblock, euclidean, chebyshev,
 * and runs their loops. A cosine distance with a zero vector is 0/0 = NaN, as SciPy's.
 *
 * What `fillRow` writes: out[o + j − j0] = d(X[x], Y[j]) for j in [j0, j1), rows of d
 * features in C order. One call fills one row of a cdist result, or the part of a pdist
 * row right of the diagonal. Every value is computed directly from the differences, so a
 * point's distance to itself is exactly 0 (cosine: 1 − u·u/‖u‖² within a few eps); the fast
 * Gram-matrix form of the euclidean distance is in ./euclidean.ts.
 *
 * Reference: SciPy, scipy.spatial.distance (the metric docstrings; the C loops in
 * scipy/spatial/src/distance_impl.h); Deza & Deza, "Encyclopedia of Distances", §5.
 */
import { NDArray } from "@sliderule/ndarray";
import { z } from "zod";
import { ValueError, checkArray, parseOptions, show } from "../base.js";

/** The metrics by name (SciPy's names). */
export const METRICS = ["euclidean", "sqeuclidean", "cityblock", "chebyshev", "minkowski", "cosine"] as const;
export type MetricName = (typeof METRICS)[number];

/**
 * A metric of one's own: called once per pair with the two rows (views of length d, never
 * to be kept or written to); it must return a number.
 */
export type MetricFunction = (u: Float64Array, v: Float64Array) => number;

export type Metric = MetricName | MetricFunction;

/** Options of a metric: Minkowski's p, and weights w (d of them, ≥ 0) for any named metric. */
export interface MetricOptions {
  /** Minkowski's order p > 0 (default 2; Infinity is chebyshev). Only with metric "minkowski". */
  p?: number;
  /** Per-feature weights w_k ≥ 0, shape (d,). */
  w?: NDArray | readonly number[];
}

/** A metric ready to run: its loop, and its parameters checked. */
export interface MetricSpec {
  /** The loop that runs (minkowski with p = 1, 2, ∞ becomes cityblock, euclidean, chebyshev). */
  kind: MetricName | "callable";
  /** The name the caller gave (for messages). */
  name: string;
  /** The public function that resolved it (messages start with it). */
  caller: string;
  fn: MetricFunction | null;
  p: number;
  /** Weights of length d, or null. */
  w: Float64Array | null;
}

/** SciPy's aliases and scikit-learn's names, mapped to ours (`pairwiseDistances` also takes these). */
export const METRIC_ALIASES: Readonly<Record<string, MetricName>> = {
  l1: "cityblock",
  manhattan: "cityblock",
  l2: "euclidean",
  cosine: "cosine",
  euclidean: "euclidean",
  sqeuclidean: "sqeuclidean",
  cityblock: "cityblock",
  chebyshev: "chebyshev",
  minkowski: "minkowski",
};

/**
 * Check a metric and its options for `fn` (a public function's name) and d features.
 * @throws ValueError for an unknown metric, p outside (0, ∞] or given to another metric,
 *   weights of the wrong length, negative or not finite.
 */
export function resolveMetric(fn: string, metric: unknown, p: unknown, w: unknown, d: number, aliases = false): MetricSpec {
  const callable = typeof metric === "function" ? (metric as MetricFunction) : null;
  let name: MetricName | null = null;
  if (typeof metric === "string") {
    if (aliases && Object.hasOwn(METRIC_ALIASES, metric)) name = METRIC_ALIASES[metric];
    else if (!aliases && (METRICS as readonly string[]).includes(metric)) name = metric as MetricName;
  }
  if (callable === null && name === null) {
    const known = aliases ? Object.keys(METRIC_ALIASES) : METRICS;
    throw new ValueError(`${fn}: unknown metric ${show(metric)}; the metrics are ${known.join(", ")}, or a function (u, v) => number`);
  }
  let order = 2;
  if (p !== undefined) {
    if (name !== "minkowski") {
      throw new ValueError(`${fn}: option p applies to metric "minkowski" only, got p = ${show(p)} with metric ${callable ? "a function" : show(metric)}`);
    }
    if (typeof p !== "number" || !(p > 0)) throw new ValueError(`${fn}: option p must be a number > 0 (Infinity for chebyshev), got ${show(p)}`);
    order = p;
  }
  let weights: Float64Array | null = null;
  if (w !== undefined) {
    if (callable !== null) throw new ValueError(`${fn}: option w applies to the named metrics only; a metric function can apply its own weights`);
    const wa = checkArray(w, fn, "w", { ndim: 1, dtype: "float64", minSamples: 0 });
    if (wa.size !== d) throw new ValueError(`${fn}: option w must have one weight per feature: got ${wa.size} weights for ${d} features`);
    weights = Float64Array.from(wa.data.subarray(0, wa.size) as Float64Array);
    for (let k = 0; k < d; k++) {
      if (!(weights[k] >= 0)) throw new ValueError(`${fn}: option w must be non-negative, got w[${k}] = ${weights[k]}`);
    }
  }
  let kind: MetricSpec["kind"] = callable !== null ? "callable" : (name as MetricName);
  if (kind === "minkowski") {
    // p = 1, 2, ∞ run the dedicated loops (as SciPy does)
    if (order === 1) kind = "cityblock";
    else if (order === 2) kind = "euclidean";
    else if (order === Infinity) kind = "chebyshev";
  }
  return { kind, name: callable ? "a function" : String(metric), caller: fn, fn: callable, p: order, w: weights };
}

/** Row norms ‖X[i]‖₂ (weighted: sqrt(Σ w_k·X[i,k]²)), which the cosine loop divides by; else null. */
export function rowNorms(spec: MetricSpec, X: Float64Array, m: number, d: number): Float64Array | null {
  if (spec.kind !== "cosine") return null;
  const norms = new Float64Array(m);
  const w = spec.w;
  for (let i = 0; i < m; i++) {
    let s = 0;
    const xo = i * d;
    if (w === null) for (let k = 0; k < d; k++) s += X[xo + k] * X[xo + k];
    else for (let k = 0; k < d; k++) s += w[k] * X[xo + k] * X[xo + k];
    norms[i] = Math.sqrt(s);
  }
  return norms;
}

/**
 * out[o + j − j0] = d(X[x], Y[j]) for j in [j0, j1).
 * X: (·, d), Y: (·, d), C order; normsX / normsY from rowNorms (cosine only).
 */
export function fillRow(
  spec: MetricSpec,
  X: Float64Array,
  x: number,
  Y: Float64Array,
  j0: number,
  j1: number,
  d: number,
  out: Float64Array,
  o: number,
  normsX: Float64Array | null,
  normsY: Float64Array | null,
): void {
  const xo = x * d;
  const w = spec.w;
  switch (spec.kind) {
    case "euclidean":
    case "sqeuclidean": {
      // Σ_k (u_k − v_k)², square-rooted for euclidean
      const root = spec.kind === "euclidean";
      for (let j = j0; j < j1; j++) {
        const yo = j * d;
        let s = 0;
        if (w === null) {
          for (let k = 0; k < d; k++) {
            const t = X[xo + k] - Y[yo + k];
            s += t * t;
          }
        } else {
          for (let k = 0; k < d; k++) {
            const t = X[xo + k] - Y[yo + k];
            s += w[k] * t * t;
          }
        }
        out[o++] = root ? Math.sqrt(s) : s;
      }
      return;
    }
    case "cityblock": {
      // Σ_k |u_k − v_k|
      for (let j = j0; j < j1; j++) {
        const yo = j * d;
        let s = 0;
        if (w === null) for (let k = 0; k < d; k++) s += Math.abs(X[xo + k] - Y[yo + k]);
        else for (let k = 0; k < d; k++) s += w[k] * Math.abs(X[xo + k] - Y[yo + k]);
        out[o++] = s;
      }
      return;
    }
    case "chebyshev": {
      // max_k |u_k − v_k|, over the features of positive weight only
      for (let j = j0; j < j1; j++) {
        const yo = j * d;
        let s = 0;
        for (let k = 0; k < d; k++) {
          if (w !== null && !(w[k] > 0)) continue;
          const t = Math.abs(X[xo + k] - Y[yo + k]);
          if (t > s || t !== t) s = t; // NaN propagates
        }
        out[o++] = s;
      }
      return;
    }
    case "minkowski": {
      // (Σ_k |u_k − v_k|^p)^(1/p)
      const p = spec.p;
      const invP = 1 / p;
      for (let j = j0; j < j1; j++) {
        const yo = j * d;
        let s = 0;
        if (w === null) for (let k = 0; k < d; k++) s += Math.abs(X[xo + k] - Y[yo + k]) ** p;
        else for (let k = 0; k < d; k++) s += w[k] * Math.abs(X[xo + k] - Y[yo + k]) ** p;
        out[o++] = s ** invP;
      }
      return;
    }
    case "cosine": {
      // 1 − u·v / (‖u‖·‖v‖), with the similarity clipped to [−1, 1] as SciPy does
      const nx = (normsX as Float64Array)[x];
      const NY = normsY as Float64Array;
      for (let j = j0; j < j1; j++) {
        const yo = j * d;
        let uv = 0;
        if (w === null) for (let k = 0; k < d; k++) uv += X[xo + k] * Y[yo + k];
        else for (let k = 0; k < d; k++) uv += w[k] * X[xo + k] * Y[yo + k];
        let cos = uv / (nx * NY[j]);
        if (Math.abs(cos) > 1) cos = cos > 0 ? 1 : -1;
        out[o++] = 1 - cos;
      }
      return;
    }
    case "callable": {
      const f = spec.fn as MetricFunction;
      const u = X.subarray(xo, xo + d);
      for (let j = j0; j < j1; j++) {
        const v = Y.subarray(j * d, j * d + d);
        const r: unknown = f(u, v);
        if (typeof r !== "number")
          throw new ValueError(`${spec.caller}: the metric function returned ${show(r)} for rows ${x} and ${j}; it must return a number`);
        out[o++] = r;
      }
      return;
    }
    default:
      return spec.kind satisfies never;
  }
}

/** The options a distance function takes: the metric (also positional), p and w. */
export interface DistanceOptions extends MetricOptions {
  metric?: Metric;
}

const distanceOptionsSchema = z.object({ metric: z.unknown().optional(), p: z.unknown().optional(), w: z.unknown().optional() });

/**
 * Read `f(…, metric?, options?)` and `f(…, { metric, p, w })`: the metric positionally or in
 * the options, never both. Values are checked later, by resolveMetric.
 * @throws ValueError for an unknown option, or a metric given twice.
 */
export function readDistanceArgs(fn: string, metricOrOptions: unknown, options: unknown, defaultMetric: string): { metric: unknown; p: unknown; w: unknown } {
  let metric: unknown = defaultMetric;
  let opts: unknown = options;
  if (
    metricOrOptions !== undefined &&
    metricOrOptions !== null &&
    typeof metricOrOptions === "object" &&
    !Array.isArray(metricOrOptions) &&
    !(metricOrOptions instanceof NDArray)
  ) {
    if (options !== undefined) throw new ValueError(`${fn}: the options were given twice (as the third and the fourth argument)`);
    opts = metricOrOptions;
  } else if (metricOrOptions !== undefined) metric = metricOrOptions;
  const o = parseOptions(fn, distanceOptionsSchema, opts);
  if (o.metric !== undefined) {
    if (metricOrOptions !== undefined && opts !== metricOrOptions)
      throw new ValueError(`${fn}: the metric was given twice: ${show(metricOrOptions)} and option metric = ${show(o.metric)}`);
    metric = o.metric;
  }
  return { metric, p: o.p, w: o.w };
}
