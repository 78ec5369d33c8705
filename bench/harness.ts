/**
 * The benchmark harness: what a workload is, how one contender is timed, and how results are
 * cross-checked. `bench/run.ts` discovers the workloads and prints the table; this file has
 * no side effects, so a workload file imports its types and helpers from here.
 *
 * A workload is one operation at one size ("add, 1000×1000 float64") run by several
 * contenders: `sliderule` (ours, always first: it is the reference for ratios and checks),
 * `naive` (a plain loop over a Float64Array), the JS peers that implement the operation, and
 * `numpy` (Python source run by bench/numpy.ts). See bench/README.md for the format.
 *
 * Timing (the knobs are TIMING below): each contender is set up (inputs built, untimed),
 * warmed up, then timed sample by sample until `targetSeconds` have passed (at least
 * `minSamples`, at most `maxSamples` samples; a contender slower than `maxSeconds` a call
 * stops at one sample). A sample is `batch` back-to-back calls, with `batch` chosen so one
 * sample lasts at least `minSampleSeconds`; the figure reported is the median over samples
 * of (sample time / batch). NumPy is timed the same way in Python.
 */

/** The timed call of one contender, built by its `setup`. */
export interface Timed<R = unknown> {
  /** One call of the operation under test; its return value is the result. */
  run(): R;
  /** The result's values in C order (untimed; used once, to cross-check contenders). */
  values?(result: R): ArrayLike<number> | number;
  /** Free what `run` returned (tfjs tensors, numpy-ts WASM memory). Untimed, after each sample. */
  dispose?(result: R): void;
}

export interface Contender {
  /** "sliderule", "naive", "ml-matrix", "mathjs", "tfjs", "numpy-ts", or a variant ("naive (out)"). */
  name: string;
  /** Shown beside the figure, e.g. "float32: tfjs has no float64". */
  note?: string;
  /** The precision it computes in; float32 contenders are checked with a looser tolerance. */
  precision?: "float64" | "float32";
  /** Build inputs (untimed) and return the timed call. */
  setup(): Timed<any> | Promise<Timed<any>>;
}

/** NumPy's twin of a workload: Python source run by bench/numpy.ts (names `np` and `filled` are in scope). */
export interface NumpyTwin {
  /** Statements that build the inputs, e.g. `a = filled((1000, 1000), 1)`. */
  setup: string;
  /** One expression, the timed call, e.g. `a + b`. */
  run: string;
}

export interface Workload {
  /** Short stable name; the command-line filter matches it by substring. */
  name: string;
  /** Size label, e.g. "1000×1000 f64". */
  size: string;
  /** Floating-point operations per call, when meaningful (gives the GFLOP/s column). */
  flops?: number;
  /** One line printed under the workload's table. */
  note?: string;
  /**
   * Largest relative checksum difference accepted against sliderule's result (default
   * CHECK_TOLERANCE by precision); raise it for ill-conditioned problems.
   */
  checkTolerance?: number;
  /**
   * Not in the default set (`npm run bench` with no filter), which should stay within 2–3
   * minutes: runs when a filter selects it, or with --all. For large sizes and slow peers.
   */
  extended?: boolean;
  /** First contender is `sliderule`: ratios and result checks are taken against it. */
  contenders: Contender[];
  numpy?: NumpyTwin;
}

/** Tuning knobs of the timing loop, with their defaults (run.ts's --time overrides targetSeconds). */
export const TIMING = {
  /** Warm-up: call until this long has passed (JIT tiers up, caches and pools fill) ... */
  warmupSeconds: 0.2,
  /**
   * ... and at least this many calls. 10, not 3: eig calls dozens of functions, each of which
   * V8 optimises only after enough calls of its own, and eig 200 timed after 3 warm-up calls
   * gave a median of 131 ms (6 samples, still tiering up) against 76–90 ms once warm.
   */
  warmupMinCalls: 10,
  /** Keep sampling until this long has passed ... */
  targetSeconds: 0.75,
  /** ... but take at least this many samples ... */
  minSamples: 5,
  /** ... and at most this many. */
  maxSamples: 200,
  /** The minimum counts (warm-up calls, samples) give way past this many seconds: one of each at least. */
  maxSeconds: 3,
  /** Calls are batched so that one sample lasts at least this long (timer resolution). */
  minSampleSeconds: 0.001,
};
export type TimingOptions = typeof TIMING;

/** What timing one contender gives. Times in milliseconds per call. */
export interface Measurement {
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** 10th and 90th percentiles over samples: the spread. */
  p10Ms: number;
  p90Ms: number;
  /** Samples taken and calls per sample. */
  samples: number;
  batch: number;
}

/** A sink the results are written to, so no call can be optimised away. */
let sink: unknown;
export function keep(x: unknown): void {
  sink = x;
}
export function lastKept(): unknown {
  return sink;
}

/** The q-quantile (0 ≤ q ≤ 1) of xs, interpolated linearly between order statistics (NumPy's default). */
export function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((p, r) => p - r);
  const at = q * (s.length - 1);
  const lo = Math.floor(at);
  const hi = Math.min(lo + 1, s.length - 1);
  return s[lo] + (s[hi] - s[lo]) * (at - lo);
}

export const median = (xs: readonly number[]): number => quantile(xs, 0.5);

const now = (): number => performance.now() / 1e3;

/** Warm `timed` up; returns the checksum of its first result and the calls per sample to use. */
function warmUp(timed: Timed, options: TimingOptions): { check: Checksum | undefined; batch: number } {
  let check: Checksum | undefined;
  let calls = 0;
  const w0 = now();
  const warming = (): boolean => {
    const t = now() - w0;
    return calls === 0 || t < options.warmupSeconds || (calls < options.warmupMinCalls && t < options.maxSeconds);
  };
  while (warming()) {
    const r = timed.run();
    if (calls === 0 && timed.values) check = checksum(timed.values(r));
    keep(r);
    timed.dispose?.(r);
    calls++;
  }
  const perCall = (now() - w0) / calls;
  return { check, batch: Math.max(1, Math.ceil(options.minSampleSeconds / Math.max(perCall, 1e-9))) };
}

/** One sample: `batch` calls back to back; milliseconds per call. Results are disposed afterwards. */
function sample(timed: Timed, batch: number, results: unknown[]): number {
  const s0 = now();
  for (let c = 0; c < batch; c++) results[c] = timed.run();
  const ms = ((now() - s0) / batch) * 1e3;
  keep(results[batch - 1]);
  if (timed.dispose) for (let c = 0; c < batch; c++) timed.dispose(results[c]);
  results.fill(undefined);
  return ms;
}

/** Keep sampling? (k samples taken, t seconds spent.) */
function sampling(options: TimingOptions, k: number, t: number): boolean {
  return k === 0 || (k < options.maxSamples && (t < options.targetSeconds || (k < options.minSamples && t < options.maxSeconds)));
}

function summarise(times: number[], batch: number): Measurement {
  return {
    medianMs: median(times),
    minMs: Math.min(...times),
    maxMs: Math.max(...times),
    p10Ms: quantile(times, 0.1),
    p90Ms: quantile(times, 0.9),
    samples: times.length,
    batch,
  };
}

/**
 * Make the harness's own call sites (`timed.run()` in warmUp and sample) megamorphic before
 * anything is measured. Otherwise the first contender timed in a process runs with a
 * monomorphic call site that V8 may inline its `run` into, and the others do not: the order
 * of contenders would change their figures (seen: 1.18 ms first, 1.51 ms later, same code).
 */
export function primeHarness(): void {
  const tiny: TimingOptions = { ...TIMING, warmupSeconds: 0, warmupMinCalls: 50, targetSeconds: 0, minSamples: 50, maxSamples: 50 };
  const fns = [() => 1, () => "2", () => [3], () => ({ four: 4 }), () => null, () => 6n];
  for (let round = 0; round < 20; round++) for (const run of fns) measure({ run }, tiny);
}

/**
 * Time `timed.run` by the policy in TIMING. Returns the measurement and the checksum of the
 * first result (taken during warm-up, before that result is disposed).
 */
export function measure(timed: Timed, options: TimingOptions = TIMING): { measurement: Measurement; check: Checksum | undefined } {
  const { check, batch } = warmUp(timed, options);
  const times: number[] = [];
  const results: unknown[] = new Array(batch);
  const t0 = now();
  while (sampling(options, times.length, now() - t0)) times.push(sample(timed, batch, results));
  return { measurement: summarise(times, batch), check };
}

/** A paired measurement of two contenders: the ratio of their times, from interleaved samples. */
export interface Paired {
  a: string;
  b: string;
  /** Median over rounds of (a's sample time ÷ b's sample time). */
  ratio: number;
  /** 10th and 90th percentiles of the per-round ratio. */
  ratioP10: number;
  ratioP90: number;
  aMs: number;
  bMs: number;
  rounds: number;
}

/**
 * Time a against b in alternating rounds (a b, then b a, ...), so that whatever drifts during
 * the run (another process on the machine, the allocator's state, the heap's size) weighs on
 * both alike; the ratio is the median of the per-round ratios. This is how the figure a target
 * is judged by (sliderule ÷ naive) is taken: sequential medians of allocating contenders move
 * by up to 2× between runs on this machine, the paired ratio by a few per cent.
 */
export function measurePaired(a: { name: string; timed: Timed }, b: { name: string; timed: Timed }, options: TimingOptions = TIMING): Paired {
  const wa = warmUp(a.timed, options);
  const wb = warmUp(b.timed, options);
  const ra: unknown[] = new Array(wa.batch);
  const rb: unknown[] = new Array(wb.batch);
  const ta: number[] = [];
  const tb: number[] = [];
  const ratios: number[] = [];
  const t0 = now();
  // both samples of a round count against the budget: sample for twice the single target
  const paired = { ...options, targetSeconds: 2 * options.targetSeconds, maxSeconds: 2 * options.maxSeconds };
  while (sampling(paired, ta.length, now() - t0)) {
    let x: number;
    let y: number;
    if (ta.length % 2 === 0) {
      x = sample(a.timed, wa.batch, ra);
      y = sample(b.timed, wb.batch, rb);
    } else {
      y = sample(b.timed, wb.batch, rb);
      x = sample(a.timed, wa.batch, ra);
    }
    ta.push(x);
    tb.push(y);
    ratios.push(x / y);
  }
  return {
    a: a.name,
    b: b.name,
    ratio: median(ratios),
    ratioP10: quantile(ratios, 0.1),
    ratioP90: quantile(ratios, 0.9),
    aMs: median(ta),
    bMs: median(tb),
    rounds: ratios.length,
  };
}

// ------------------------------------------------------------------ result cross-check

/**
 * A fingerprint of a result: s = Σ v_k·w_k with weights w_k = (k mod 7) + 1 (so a transposed
 * or shuffled result differs), and scale = Σ |v_k|·w_k, against which differences are judged.
 */
export interface Checksum {
  count: number;
  s: number;
  scale: number;
}

export function checksum(v: ArrayLike<number> | number): Checksum {
  const values: ArrayLike<number> = typeof v === "number" ? [v] : v;
  let s = 0;
  let scale = 0;
  for (let k = 0; k < values.length; k++) {
    const w = (k % 7) + 1;
    s += values[k] * w;
    scale += Math.abs(values[k]) * w;
  }
  return { count: values.length, s, scale };
}

/** Relative difference of two fingerprints (Infinity when the element counts differ). */
export function checksumError(a: Checksum, ref: Checksum): number {
  if (a.count !== ref.count) return Infinity;
  return Math.abs(a.s - ref.s) / Math.max(ref.scale, Number.MIN_VALUE);
}

/** Largest relative checksum error accepted, by precision. */
export const CHECK_TOLERANCE = { float64: 1e-9, float32: 1e-4 } as const;

// ------------------------------------------------------------------ inputs

/**
 * Deterministic test data in [0, 1): x[i] = ((i·2654435761 + seed·40503) mod 2³²) / 2³².
 * Every step is exact in float64 (i·2654435761 < 2⁵³ for i < 3·10⁶), so Python's twin in
 * bench/numpy.ts builds bit-identical inputs and every contender computes on the same numbers.
 */
export function filled(size: number, seed: number): Float64Array {
  if (size >= 3e6) throw new RangeError(`filled: size ${size} too large for exact hashing (max 3e6)`);
  const x = new Float64Array(size);
  const two32 = 4294967296;
  for (let i = 0; i < size; i++) x[i] = ((i * 2654435761 + seed * 40503) % two32) / two32;
  return x;
}

/** A Float64Array of rows×cols as nested JS arrays (for peers that take arrays of rows). */
export function toRows(x: Float64Array, rows: number, cols: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < rows; i++) out.push(Array.from(x.subarray(i * cols, (i + 1) * cols)));
  return out;
}
