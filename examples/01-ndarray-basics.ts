/**
 * 01 — NumPy basics in TypeScript: the tutorial's first sections ("How do you create vectors
 * and matrices?", "Understanding data types", "Essential matrix operations", "Transpose and
 * reshaping", "Memory efficiency"), line by line.
 *
 * Run: npx tsx examples/01-ndarray-basics.ts
 * Every result is checked; a wrong number throws.
 */
import assert from "node:assert/strict";
import * as np from "@sliderule/ndarray";

const show = (label: string, a: np.NDArray | number | string | boolean) => console.log(`${label}:\n${String(a)}\n`);

// ---------------------------------------------------------------- creating arrays
const vector = np.array([1, 2, 3, 4, 5]);
show(`Vector, shape ${JSON.stringify(vector.shape)}`, vector);
assert.deepEqual(vector.shape, [5]);

const matrix = np.array([
  [1, 2, 3],
  [4, 5, 6],
  [7, 8, 9],
]);
assert.deepEqual(matrix.shape, [3, 3]);

const zeros = np.zeros([3, 4]); // 3x4 matrix of zeros
const ones = np.ones([2, 3]); // 2x3 matrix of ones
const identity = np.eye(4); // 4x4 identity
const diagonal = np.diag([1, 2, 3, 4]); // diagonal matrix
assert.equal(zeros.sum(), 0);
assert.equal(ones.sum(), 6);
assert.equal(identity.diagonal().sum(), 4); // the trace
assert.deepEqual(diagonal.diagonal().toArray(), [1, 2, 3, 4]);

const arange = np.arange(0, 10, 2); // [0, 2, 4, 6, 8]
const linspace = np.linspace(0, 1, 5); // [0, 0.25, 0.5, 0.75, 1]
show("arange(0, 10, 2)", arange);
show("linspace(0, 1, 5)", linspace);
assert.deepEqual(arange.toArray(), [0, 2, 4, 6, 8]);
assert.deepEqual(linspace.toArray(), [0, 0.25, 0.5, 0.75, 1]);

// Reproducible random numbers: the same stream as NumPy's np.random.seed(42)
np.random.seed(42);
const reproducible = np.random.randn(3, 3);
show("np.random.seed(42); randn(3, 3)", reproducible);
assert.equal(reproducible.get(0, 0), 0.4967141530112327); // NumPy prints 0.49671415

// The recommended Generator: np.random.default_rng(seed=42)
const rng = np.random.defaultRng(42);
const controlled = rng.standardNormal([3, 3]);
show("default_rng(42).standard_normal((3, 3))", controlled);
assert.equal(controlled.get(0, 0), 0.30471707975443135);

// ---------------------------------------------------------------- data types
const floatArray = np.array([1.0, 2.5, 3.0]);
assert.equal(floatArray.dtype, "float64");
const float32 = np.array([1, 2, 3], "float32");
const int32 = np.array([1, 2, 3], "int32");
assert.equal(float32.itemsize, 4);
assert.equal(int32.nbytes, 12);
const big = np.random.randn(100, 100);
console.log(`100x100: float64 = ${big.nbytes / 1e6} MB, float32 = ${big.astype("float32").nbytes / 1e6} MB\n`);
assert.equal(big.astype("float32").nbytes * 2, big.nbytes);

// ---------------------------------------------------------------- arithmetic
const A = np.array([
  [1, 2],
  [3, 4],
]);
const B = np.array([
  [5, 6],
  [7, 8],
]);
const product = A.multiply(B); // element-wise!
show("A * B (element-wise)", product);
assert.deepEqual(product.toArray(), [
  [5, 12],
  [21, 32],
]);
assert.deepEqual(A.divide(B).dtype, "float64"); // true division of ints gives floats
assert.deepEqual(A.multiply(3).toArray(), [
  [3, 6],
  [9, 12],
]);
assert.deepEqual(np.square(A).toArray(), [
  [1, 4],
  [9, 16],
]);
assert.ok(np.allclose(np.exp(np.log(A.astype("float64"))), A));

// ---------------------------------------------------------------- matrix multiplication
const M = np.array([
  [1, 2, 3],
  [4, 5, 6],
]); // 2x3
const N = np.array([
  [7, 8],
  [9, 10],
  [11, 12],
]); // 3x2
const C = M.matmul(N); // M @ N
show("M @ N", C);
assert.deepEqual(C.toArray(), [
  [58, 64],
  [139, 154],
]);
assert.ok(np.arrayEqual(np.dot(M, N), C));

const batchC = np.random.randn(10, 3, 4).matmul(np.random.randn(10, 4, 5)); // 10 matrices of 3x5
assert.deepEqual(batchC.shape, [10, 3, 5]);

const v1 = np.array([1, 2, 3]);
const v2 = np.array([4, 5, 6]);
assert.equal(np.dot(v1, v2), 32); // 1-D·1-D: a JS number, as NumPy's scalar
assert.deepEqual(np.cross(v1, v2).toArray(), [-3, 6, -3]);
assert.deepEqual(np.outer(v1, v2).shape, [3, 3]);

// ---------------------------------------------------------------- transpose, reshape, stack, split
const T = M.T; // a view: no data is copied
assert.deepEqual(T.shape, [3, 2]);
assert.equal(T.base, M);
assert.deepEqual(M.reshape(3, 2).toArray(), [
  [1, 2],
  [3, 4],
  [5, 6],
]);
assert.deepEqual(M.reshape(-1, 1).shape, [6, 1]);
const flattened = M.flatten(); // a copy
const raveled = M.ravel(); // a view, since M is contiguous
assert.equal(flattened.base, null);
assert.equal(raveled.base, M);

assert.deepEqual(np.hstack([v1, v2]).toArray(), [1, 2, 3, 4, 5, 6]);
assert.deepEqual(np.vstack([v1, v2]).shape, [2, 3]);
assert.ok(np.arrayEqual(np.stack([v1, v2], 0), np.vstack([v1, v2])));
assert.deepEqual(np.concatenate([M, M], 1).shape, [2, 6]);
const [left, right] = np.split(np.concatenate([M, M], 1), 2, 1);
assert.ok(np.arrayEqual(left, M) && np.arrayEqual(right, M));

// ---------------------------------------------------------------- views, copies and contiguity
const big2 = np.random.randn(1000, 1000);
const view = big2.slice(":500", ":500");
const copy = view.copy();
console.log(`View shares base: ${view.base === big2}, copy shares base: ${copy.base === big2}`);
assert.equal(view.base, big2);
assert.equal(copy.base, null);
const strided = big2.slice("::2", "::2");
console.log(`Original contiguous: ${big2.flags.cContiguous}, slice contiguous: ${strided.flags.cContiguous}\n`);
assert.equal(strided.flags.cContiguous, false);
assert.equal(np.ascontiguousarray(strided).flags.cContiguous, true);

// Pre-allocate, then fill rows through views: results[i] = randn(100)
const results = np.empty([1000, 100]);
for (let i = 0; i < 1000; i++) results.set(i, np.random.randn(100));
assert.notEqual(results.slice(999).std(), 0);

// In place: A += 5; A *= 2; np.multiply(A, 3, out=A)
const X = np.random.randn(1000, 1000);
const before = X.get(3, 7);
np.add(X, 5, { out: X });
np.multiply(X, 2, { out: X });
np.multiply(X, 3, { out: X });
assert.ok(Math.abs(X.get(3, 7) - (before + 5) * 6) <= 1e-12 * Math.abs((before + 5) * 6));

console.log("01-ndarray-basics: all checks passed");
