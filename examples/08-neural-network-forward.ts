/**
 * 08 — Neural network forward pass: the tutorial's section "Real-World ML Applications →
 * Neural Network Forward Pass". Its `SimpleNeuralNetwork` is written by hand (He
 * initialisation, ReLU hidden layers, softmax output with the row maximum subtracted) and run
 * on its simulated batch of 32 MNIST-sized inputs (784 → 128 → 64 → 10); then the same forward
 * pass through @sliderule/ml's building blocks (`Dense` layers, `softmax`, `mlpForward`, the
 * `heNormal` initialiser on NumPy's legacy stream) with the same weights, and the tutorial's
 * remark "float32 is usually sufficient" measured on this network.
 *
 * The tutorial's FAQs are run elsewhere: "np.dot vs @ vs np.matmul" and "How do I handle
 * singular matrices?" in 02-matrix-properties-and-solving.ts, "How can I make operations
 * faster?" in 04-performance.ts.
 *
 * Run: npx tsx examples/08-neural-network-forward.ts
 * Every result is checked; a wrong number throws. Lines marked `py:` are the tutorial's Python;
 * the line below translates them. Expected values were computed by NumPy 2.4 (the Python call
 * is beside each) and pasted as literals.
 *
 * NumPy → Sliderule here:
 *   np.maximum(0, x), np.exp(x), np.clip(x, -500, 500)  → np.maximum(0, x), np.exp(x), np.clip(x, -500, 500)
 *   x.max(axis=-1, keepdims=True), e.sum(axis=-1, keepdims=True) → x.max({ axis: -1, keepdims: true }), …
 *   a @ W + b                                     → a.matmul(W).add(b)
 *   np.random.randn(m, n) * np.sqrt(2 / m)        → np.random.randn(m, n).multiply(Math.sqrt(2 / m))
 *   np.allclose(a, 1), output[0].argmax()         → np.allclose(a, 1), output.slice(0).argmax() (a number)
 *   x.astype(np.float32)                          → x.astype("float32")
 *   scipy.special.softmax(z, axis=1)              → softmax(z, 1) from @sliderule/ml
 */
import assert from "node:assert/strict";
import * as np from "@sliderule/ndarray";
import { Dense, expit, heNormal, mlpForward, softmax as softmaxRows } from "@sliderule/ml";

const shapeOf = (a: np.NDArray) => `(${a.shape.join(", ")})`; // Python's tuple spelling
const pyBool = (b: boolean) => (b ? "True" : "False");
const eps = 2 ** -52;
const eps32 = 2 ** -23;

// ================================================================ the tutorial's functions
// py: def sigmoid(x): return 1 / (1 + np.exp(-np.clip(x, -500, 500)))
const sigmoid = (x: np.NDArray) => np.divide(1, np.add(1, np.exp(np.negative(np.clip(x, -500, 500)))));
// py: def relu(x): return np.maximum(0, x)
const relu = (x: np.NDArray) => np.maximum(0, x);
// py: def softmax(x): exp_x = np.exp(x - x.max(axis=-1, keepdims=True)); return exp_x / exp_x.sum(axis=-1, keepdims=True)
function softmax(x: np.NDArray): np.NDArray {
  // subtracting the row maximum leaves softmax unchanged (e^(z−m) / Σ e^(z−m) = e^z / Σ e^z)
  // and keeps every exponent ≤ 0, so nothing overflows
  const expX = np.exp(x.subtract(x.max({ axis: -1, keepdims: true })));
  return expX.divide(expX.sum({ axis: -1, keepdims: true }));
}

/** Simple feedforward neural network (the tutorial's SimpleNeuralNetwork). */
class SimpleNeuralNetwork {
  weights: np.NDArray[] = [];
  biases: np.NDArray[] = [];

  /** layerSizes: e.g. [784, 128, 64, 10]. */
  constructor(layerSizes: number[]) {
    for (let i = 0; i < layerSizes.length - 1; i++) {
      // He initialization: Var(w) = 2 / fan_in, for ReLU layers
      // py: w = np.random.randn(layer_sizes[i], layer_sizes[i+1]) * np.sqrt(2 / layer_sizes[i])
      const w = np.random.randn(layerSizes[i], layerSizes[i + 1]).multiply(Math.sqrt(2 / layerSizes[i]));
      // py: b = np.zeros(layer_sizes[i+1])
      const b = np.zeros([layerSizes[i + 1]]);
      this.weights.push(w);
      this.biases.push(b);
    }
  }

  /** X: (batch_size, input_size) → output probabilities (batch_size, num_classes). */
  forward(X: np.NDArray): np.NDArray {
    const activations = [X];
    // Hidden layers with ReLU
    for (let i = 0; i < this.weights.length - 1; i++) {
      // py: z = activations[-1] @ self.weights[i] + self.biases[i]
      const z = activations[activations.length - 1].matmul(this.weights[i]).add(this.biases[i]);
      activations.push(relu(z));
    }
    // Output layer with softmax
    // py: z_out = activations[-1] @ self.weights[-1] + self.biases[-1]
    const L = this.weights.length - 1;
    const zOut = activations[activations.length - 1].matmul(this.weights[L]).add(this.biases[L]);
    return softmax(zOut);
  }
}

// ================================================================ the tutorial's example
// py: np.random.seed(42); nn = SimpleNeuralNetwork([784, 128, 64, 10])
np.random.seed(42);
const nn = new SimpleNeuralNetwork([784, 128, 64, 10]);
// Simulated batch of 32 MNIST images (28x28 = 784)
// py: X = np.random.randn(32, 784)
const X = np.random.randn(32, 784);
// py: output = nn.forward(X)
const output = nn.forward(X);
const sumsToOne = np.allclose(output.sum({ axis: 1 }), 1);
const samplePrediction = output.slice(0).argmax();
console.log(`Input shape: ${shapeOf(X)}`);
console.log(`Output shape: ${shapeOf(output)}`);
console.log(`Output sums to 1: ${pyBool(sumsToOne)}`);
console.log(`Sample prediction: ${samplePrediction}\n`);
// NumPy prints: Input shape: (32, 784) / Output shape: (32, 10) / Output sums to 1: True / Sample prediction: 7
assert.equal(shapeOf(X), "(32, 784)");
assert.equal(shapeOf(output), "(32, 10)");
assert.equal(sumsToOne, true);
assert.equal(samplePrediction, 7);

// The same random numbers as NumPy (python3: the tutorial's lines; nn.weights[0][0, :2].tolist(), X[0, 0])
assert.deepEqual(nn.weights[0].slice(0, ":2").toArray(), [0.02508785327896964, -0.006983401782440269]);
assert.equal(X.get(0, 0), 0.8742540216045998);
// and the same probabilities. The longest dot product has 784 terms, so each logit carries
// a rounding error of about 784·eps·(Σ|a_i·w_i|), and a probability (≤ 1) about as much.
// python3: output[0].tolist(); output.argmax(axis=1).tolist()
const numpyOutput0 = [
  0.03412799594821495, 0.09118871043450325, 0.0027600264909071097, 0.1503629024588853, 0.06589673518860878, 0.19741442681030313, 0.05221934845222517,
  0.24728624114330489, 0.14541872010307405, 0.013324892969973369,
];
const numpyPredictions = [7, 2, 8, 5, 5, 5, 4, 2, 1, 4, 5, 5, 3, 6, 5, 1, 4, 2, 3, 3, 4, 4, 3, 5, 4, 5, 5, 2, 4, 3, 4, 3];
const forwardTol = 10 * 784 * eps;
assert.ok(np.allclose(output.slice(0), numpyOutput0, { rtol: 0, atol: forwardTol }));
assert.deepEqual(np.argmax(output, { axis: 1 }).toArray(), numpyPredictions); // top-2 gaps ≥ 0.017: far above rounding
// Rows sum to 1 to within a few eps (10 terms), every probability in (0, 1)
assert.ok(np.max(np.abs(output.sum({ axis: 1 }).subtract(1))) <= 10 * eps);
assert.ok(output.min() > 0 && output.max() < 1);

// The tutorial also defines sigmoid (unused by its network). The clip keeps np.exp(-x) from
// overflowing (a RuntimeWarning in NumPy) at the price of σ(−1000) reading as σ(−500) ≈ 7e-218
// instead of 0 (the true 5e-435 underflows): it agrees with @sliderule/ml's expit, which needs
// no clip, to 2 eps relative or 1e-200 absolute.
const zs = np.array([-1000, -5, 0, 5, 1000]);
const sig = sigmoid(zs);
console.log(`sigmoid(${np.arrayToString(zs)}) = ${np.arrayToString(sig)}`);
console.log(`expit  (${np.arrayToString(zs)}) = ${np.arrayToString(expit(zs))}\n`);
assert.ok(np.allclose(sig, expit(zs), { rtol: 2 * eps, atol: 1e-200 }));
assert.equal(sig.get(2), 0.5);
assert.equal(sig.get(4), 1);
assert.ok(sig.get(0) > 0 && sig.get(0) < 1e-200);
assert.equal(expit(zs).get(0), 0);

// ================================================================ the same pass through @sliderule/ml
// Dense(fanIn, fanOut, { activation, W, b }) is one layer A = f(X·W + b). The output layer is
// linear ("identity"), and softmax is applied over each row, as scikit-learn's MLPClassifier
// does with out_activation_ = "softmax".
const layers = [
  new Dense(784, 128, { activation: "relu", W: nn.weights[0], b: nn.biases[0] }),
  new Dense(128, 64, { activation: "relu", W: nn.weights[1], b: nn.biases[1] }),
  new Dense(64, 10, { activation: "identity", W: nn.weights[2], b: nn.biases[2] }),
];
let A = X;
for (const layer of layers) A = layer.forward(A);
const outputLayers = softmaxRows(A, 1); // over axis 1: each row
// The same arithmetic in the same order (gemm, + b, max(0, ·)); the softmax multiplies by 1/Σ
// where the tutorial divides by Σ, so entries may differ in the last bit or two.
const layersGap = np.max(np.abs(outputLayers.subtract(output)));
console.log(`Dense layers + softmax: max |difference| from the hand-written network = ${layersGap.toExponential(1)}`);
assert.ok(np.allclose(outputLayers, output, { rtol: 4 * eps, atol: 0 }));

// mlpForward: the whole pass in one call (what MLPClassifier.predictProba runs), given the weights
const outputMlp = mlpForward(X, nn.weights, nn.biases, { activation: "relu", outActivation: "softmax" });
const mlpGap = np.max(np.abs(outputMlp.subtract(output)));
console.log(`mlpForward(X, W, b, { activation: "relu", outActivation: "softmax" }): max |difference| = ${mlpGap.toExponential(1)}`);
assert.ok(np.allclose(outputMlp, output, { rtol: 4 * eps, atol: 0 }));
assert.deepEqual(np.argmax(outputMlp, { axis: 1 }).toArray(), numpyPredictions);

// He initialisation is heNormal: W ~ N(0, 2/fanIn), b = 0. Drawn from a RandomState seeded 42
// (NumPy's legacy stream, the one np.random.seed drives), layer after layer, it gives the
// tutorial's weights exactly: normal(0, s) is s·(the next standard normal), as randn(...)·s.
const rs = new np.random.RandomState(42);
const sizes = [784, 128, 64, 10];
for (let i = 0; i < 3; i++) {
  const { W, b } = heNormal(sizes[i], sizes[i + 1], rs);
  assert.ok(np.arrayEqual(W, nn.weights[i]), `heNormal layer ${i}`);
  assert.ok(np.arrayEqual(b, nn.biases[i]));
}
assert.ok(np.arrayEqual(rs.randn(32, 784), X)); // and the stream is where the tutorial's X came from
console.log("heNormal on RandomState(42), layer by layer, reproduces the tutorial's weights exactly\n");

// ================================================================ float32 is usually sufficient
// The tutorial: "dtype for ML (float32 is usually sufficient and faster)". The same network in
// float32 (half the memory; matmul and the activations computed in float32):
const weights32 = nn.weights.map((w) => w.astype("float32"));
const biases32 = nn.biases.map((b) => b.astype("float32"));
const X32 = X.astype("float32");
const output32 = mlpForward(X32, weights32, biases32, { activation: "relu", outActivation: "softmax" });
assert.equal(output32.dtype, "float32");
const gap32 = np.max(np.abs(output32.astype("float64").subtract(output)));
const bytes64 = nn.weights.reduce((s, w) => s + w.nbytes, 0);
const bytes32 = weights32.reduce((s, w) => s + w.nbytes, 0);
console.log(`float32 weights: ${(bytes32 / 1e6).toFixed(3)} MB instead of ${(bytes64 / 1e6).toFixed(3)} MB`);
console.log(`float32 probabilities: max |difference| from float64 = ${gap32.toExponential(2)} (NumPy with OpenBLAS: 3.02e-07)`);
const sameClasses = np.arrayEqual(np.argmax(output32, { axis: 1 }), np.argmax(output, { axis: 1 }));
console.log(`float32 predicts the same class for every row: ${pyBool(sameClasses)}\n`);
assert.equal(bytes32 * 2, bytes64);
// Rounding the inputs and weights to float32 (relative 2⁻²⁴ each) and summing 784 terms in
// float32: the logits move by up to ~784·eps32 relative to Σ|a_i·w_i|; far less in practice
// (errors of random sign partly cancel). NumPy's float32 run differs by 3.0e-7; ours by less,
// its float32 gemm rounding differently from OpenBLAS's sgemm. Both are far below the class margins.
assert.ok(gap32 <= 784 * eps32, `float32 gap ${gap32}`);
assert.ok(gap32 > 0); // it is a different computation, not a copy
assert.equal(sameClasses, true); // the top-2 gaps (≥ 0.017) dwarf the float32 error

console.log("08-neural-network-forward: all checks passed");
