/**
 * 04 — Performance: the tutorial's sections "NumPy vs Pure Python Performance" (here: plain
 * JavaScript loops over nested arrays against `matmul`), "Vectorization Patterns" (pairwise
 * distances three ways), the parts of "Memory Efficiency" and "Understanding Data Types" that
 * 01-ndarray-basics.ts does not already show, "Using BLAS Backend" (np.show_config() is
 * np.showConfig()), and the FAQ "How can I make operations faster?", line by line.
 *
 * Run: npx tsx examples/04-performance.ts
 * Every result is checked; a wrong number throws. Timings are printed, never asserted (a
 * loaded machine can reorder them; speed ratios belong in bench/, see bench/README.md).
 *
 * Sizes: the matmul benchmark keeps the tutorial's 200×200; the pairwise distances use 150
 * points instead of 500 and the float64/float32 table stops at 1000×1000 instead of
 * 10000×10000 (800 MB), so the whole walkthrough runs in a second or two.
 */
import assert from "node:assert/strict";
import * as np from "@sliderule/ndarray";
import * as linalg from "@sliderule/linalg";

const show = (label: string, a: np.NDArray | number | string | boolean) => console.log(`${label}:\n${String(a)}\n`);
/** Seconds taken by f, the best of `runs` calls (the first call also warms up the JIT). */
function timeIt<T>(f: () => T, runs = 3): { seconds: number; result: T } {
  let best = Infinity;
  let result!: T;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    result = f();
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  return { seconds: best, result };
}

// ================================================================ NumPy vs Pure Python Performance
// "Pure Python" matrix multiplication: the same triple loop over nested JavaScript arrays
function jsMatmul(A: number[][], B: number[][]): number[][] {
  const n = A.length;
  const m = B[0].length;
  const k = B.length;
  const result = Array.from({ length: n }, () => new Array<number>(m).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      for (let p = 0; p < k; p++) {
        result[i][j] += A[i][p] * B[p][j];
      }
    }
  }
  return result;
}

// Benchmark
const size = 200;
const Alist = Array.from({ length: size }, () => new Array<number>(size).fill(1.0));
const Blist = Array.from({ length: size }, () => new Array<number>(size).fill(1.0));
const Anp = np.ones([size, size]);
const Bnp = np.ones([size, size]);

// JavaScript version. JavaScript's JIT compiles this loop to machine code, so it is far
// closer to C than CPython's interpreter is: expect tens of times, not thousands.
const js = timeIt(() => jsMatmul(Alist, Blist));
// Sliderule version: a blocked gemm kernel (WebAssembly SIMD where the engine has it)
const sr = timeIt(() => Anp.matmul(Bnp));
console.log(`Plain JavaScript: ${js.seconds.toFixed(3)} seconds`);
console.log(`Sliderule: ${sr.seconds.toFixed(6)} seconds`);
console.log(`Speedup: ${(js.seconds / sr.seconds).toFixed(0)}x`);
console.log(`(The tutorial prints a speed-up in the thousands: CPython interprets its triple loop one
bytecode at a time. JavaScript's JIT compiles the plain loop above to machine code, so it is
already within tens of times of an optimised kernel; what is left is blocking for the caches
and SIMD, which the library's gemm has and the naive loop does not.)\n`);
// Both give the all-200 matrix, and exactly (sums of 200 ones are exact in float64)
assert.ok(js.result.every((row) => row.every((x) => x === size)));
assert.ok(np.arrayEqual(sr.result, np.array(js.result)));
assert.ok(np.arrayEqual(sr.result, np.full([size, size], size)));

// ================================================================ Vectorization Patterns
// Example: compute pairwise distances D[i, j] = ‖X[i] − X[j]‖

/** Slow: nested loops, one small array operation per pair. */
function slowPairwiseDistance(X: np.NDArray): np.NDArray {
  const n = X.shape[0];
  const D = np.zeros([n, n]);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      D.set(i, j, np.sqrt(np.sum(X.slice(i).subtract(X.slice(j)).power(2))));
    }
  }
  return D;
}

/** Fast: vectorized using broadcasting. */
function fastPairwiseDistance(X: np.NDArray): np.NDArray {
  // X shape: (n, d)
  // X[:, np.newaxis, :] shape: (n, 1, d)
  // X[np.newaxis, :, :] shape: (1, n, d)
  const diff = X.slice(":", np.newaxis, ":").subtract(X.slice(np.newaxis, ":", ":")); // (n, n, d)
  return np.sqrt(np.sum(diff.power(2), { axis: 2 })); // (n, n)
}

/** Fastest: einsum and one matrix product, ‖a − b‖² = ‖a‖² + ‖b‖² − 2·a·b. */
function fastestPairwiseDistance(X: np.NDArray): np.NDArray {
  const sqNorms = np.einsum("ij,ij->i", X, X);
  const Dsquared = sqNorms.slice(":", np.newaxis).add(sqNorms.slice(np.newaxis, ":")).subtract(X.matmul(X.T).multiply(2));
  return np.sqrt(np.maximum(Dsquared, 0)); // avoid negatives due to rounding
}

// Benchmark (150 points here, 500 in the tutorial: the slow loop is 22 500 tiny array operations)
np.random.seed(42);
const X = np.random.randn(150, 10);

const slow = timeIt(() => slowPairwiseDistance(X), 1);
console.log(`Slow: ${slow.seconds.toFixed(3)}s`);
const fast = timeIt(() => fastPairwiseDistance(X));
console.log(`Fast: ${fast.seconds.toFixed(3)}s`);
const fastest = timeIt(() => fastestPairwiseDistance(X));
console.log(`Fastest: ${fastest.seconds.toFixed(3)}s`);
const [D1, D2, D3] = [slow.result, fast.result, fastest.result];
const maxDifference = np.max(np.abs(D1.subtract(D3)));
console.log(`Max difference: ${maxDifference.toExponential(2)}\n`);

// The loop and broadcasting do the same arithmetic in the same order: identical results
assert.ok(np.arrayEqual(D1, D2));
// The expansion ‖a‖² + ‖b‖² − 2·a·b cancels: its error is about eps·‖a‖² / ‖a − b‖, so compare
// the squares (‖a‖² ≈ 10 here) and allow the sqrt near 0 on the diagonal its own slack
assert.ok(np.allclose(D3.square(), D1.square(), { rtol: 0, atol: 1e-12 }));
assert.ok(maxDifference < 1e-6);
assert.deepEqual(D1.shape, [150, 150]);
assert.equal(np.abs(D1.diagonal()).max(), 0); // ‖x − x‖ = 0
assert.ok(np.arrayEqual(D1, D1.T)); // symmetric
// Spot check one entry against a hand-written loop
let d01 = 0;
for (let k = 0; k < 10; k++) d01 += (X.get(0, k) - X.get(1, k)) ** 2;
assert.ok(Math.abs(D1.get(0, 1) - Math.sqrt(d01)) <= 4 * 2 ** -52 * Math.sqrt(d01)); // summed in another order

// ================================================================ Memory Efficiency (what 01 does not show)
// Views share memory: writing through A[:500, :500] changes A
const A = np.random.randn(1000, 1000);
const Aview = A.slice(":500", ":500");
const Acopy = A.slice(":500", ":500").copy();
Aview.set(0, 0, [42]);
console.log(`After A_view[0, 0] = 42: A[0, 0] = ${A.get(0, 0)}, A_copy[0, 0] = ${Acopy.get(0, 0).toFixed(4)}`);
assert.equal(A.get(0, 0), 42);
assert.notEqual(Acopy.get(0, 0), 42);

// Pre-allocate arrays instead of growing. The tutorial's "BAD" way: grow a list of rows, then
// copy them into one array at the end. (That is still linear; the true trap is growing the
// array itself, np.append / np.concatenate in the loop, which copies everything every time.
// At this size the two below take about the same time, and random number generation dominates.)
np.random.seed(1);
const growing = timeIt(() => {
  const resultsBad: np.NDArray[] = [];
  for (let i = 0; i < 1000; i++) resultsBad.push(np.random.randn(100));
  return np.stack(resultsBad); // np.array(results_bad)
}, 1);
// The tutorial's "GOOD" way: pre-allocated, each row filled in place, one allocation in all
np.random.seed(1);
const preallocated = timeIt(() => {
  const resultsGood = np.empty([1000, 100]);
  for (let i = 0; i < 1000; i++) resultsGood.set(i, np.random.randn(100));
  return resultsGood;
}, 1);
console.log(`Growing a list: ${growing.seconds.toFixed(4)}s, pre-allocated: ${preallocated.seconds.toFixed(4)}s`);
assert.deepEqual(growing.result.shape, [1000, 100]);
assert.ok(np.arrayEqual(growing.result, preallocated.result)); // same seed, same numbers

// In-place operations return the out array itself: no new memory
const B = np.random.randn(1000, 1000);
assert.equal(np.add(B, 5, { out: B }), B);
assert.equal(np.multiply(B, 3, { out: B }), B);

// Understanding data types: memory of float64 against float32 (10000x10000 left out: 800 MB)
for (const n of [100, 1000]) {
  const float64Arr = np.random.randn(n, n);
  const float32Arr = float64Arr.astype("float32");
  const f64MB = float64Arr.nbytes / 1e6;
  const f32MB = float32Arr.nbytes / 1e6;
  console.log(`Size ${n}x${n}: float64=${f64MB.toFixed(1)}MB, float32=${f32MB.toFixed(1)}MB`);
  assert.equal(f64MB, (8 * n * n) / 1e6);
  assert.equal(f32MB, f64MB / 2);
}
console.log();

// FAQ "How can I make operations faster?": float32 when precision is not critical. A float32
// product is computed in float32 and agrees with float64 to float32's precision.
const weights = np.random.randn(300, 300).astype("float32");
const inputs = np.random.randn(64, 300).astype("float32");
const out32 = inputs.matmul(weights);
const out64 = inputs.astype("float64").matmul(weights.astype("float64"));
assert.equal(out32.dtype, "float32");
const relErr = linalg.norm(out32.astype("float64").subtract(out64)) / linalg.norm(out64);
console.log(`float32 matmul, relative difference from float64: ${relErr.toExponential(2)}\n`);
assert.ok(relErr < 300 * 2 ** -24); // k·eps32 bound for a length-300 dot product

// ================================================================ Using BLAS Backend
// Check the backend configuration: np.show_config() prints, np.showConfig() returns the text
const config = np.showConfig();
console.log(config);
console.log();
assert.match(config, /backend:\s+(typescript|wasm-simd|wasm-relaxed-simd)/);
assert.ok(config.includes(np.getBackend()));

// Thread-count variables (OMP_NUM_THREADS, MKL_NUM_THREADS, OPENBLAS_NUM_THREADS) and
// threadpoolctl have no counterpart: Sliderule's kernels run on the calling thread. What can be
// chosen is the kernel: setBackend (or SLIDERULE_BACKEND=typescript in Node), as
// threadpool_limits(limits=1) picks a slower, simpler path for a block of code.
const M = np.random.randn(200, 200);
const before = np.getBackend();
const invDefault = linalg.inv(M);
np.setBackend("typescript"); // the plain TypeScript kernels for this block
assert.equal(np.getBackend(), "typescript");
const invTypescript = linalg.inv(M);
np.setBackend(before); // back to what was in use
assert.equal(np.getBackend(), before);
// Same algorithm, different kernels: equal up to rounding, both true inverses
const cond = linalg.cond(M);
assert.ok(np.allclose(invTypescript, invDefault, { rtol: 0, atol: 1e-12 * cond * linalg.norm(invDefault, Infinity) }));
assert.ok(np.allclose(M.matmul(invDefault), np.eye(200), { rtol: 0, atol: 1e-12 * cond }));

console.log("04-performance: all checks passed");
