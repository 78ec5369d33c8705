/**
 * Neural networks (@sliderule/ml's neural-network/): one training epoch and one forward pass.
 *
 *   ml MLP epoch digits     MLPClassifier 64-128-64-10 (relu, softmax), Adam, batch 200, on the
 *                           1797 digits (pixels / 16): one epoch = partialFit(X, y), i.e. input
 *                           checks, a shuffle and 9 mini-batches of forward, backward and Adam
 *   ml MLP forward 256      784-128-64-10 (relu, softmax) on a batch of 256 rows: predict's
 *                           forward pass, mlpForward(X, Ws, bs)
 *
 * Contenders:
 *   sliderule   MLPClassifier.partialFit / mlpForward (np.matmul: WebAssembly SIMD gemm, fused
 *               bias + activation loops), float64
 *   naive       (forward) the textbook triple loop over Float64Arrays
 *   tfjs        @tensorflow/tfjs-core on its pure-JS cpu backend, float32: the same network
 *               with tf.train.adam and tf.losses.softmaxCrossEntropy (epoch), tf.matMul,
 *               relu, softmax (forward); tfjs-wasm (XNNPACK, one thread) for the forward pass
 *   numpy       epoch: scikit-learn's MLPClassifier(...).partial_fit(X, y, classes) — the same
 *               network, the same initial weights and shuffle (the same RandomState seed), so
 *               the first epochs' losses agree and the result check says "ok"; forward: NumPy,
 *               np.maximum(x @ W + b, 0) …, softmax with the max subtracted
 *
 * The "numpy" row is timed by bench/numpy.ts in the first Python that imports NumPy. Without
 * scikit-learn there (the default python3 here has NumPy 2.4 but no scikit-learn), the epoch's
 * row shows an error saying so and everything else runs. Debian's python3-sklearn lives in
 * /usr/bin/python3 (NumPy 1.24, OpenBLAS), so the scikit-learn figure comes from
 *
 *   BENCH_PYTHON=/usr/bin/python3 npm run bench -- "ml MLP"
 *
 * and the NumPy forward figure from `npm run bench -- "ml MLP forward"` (NumPy 2.4, OpenBLAS).
 * Targets (issue #12): the epoch faster than scikit-learn's; the forward pass within 2× of NumPy.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as np from "@sliderule/ndarray";
import { MLPClassifier, mlpForward } from "@sliderule/ml";
import { filled, type Timed, type Workload } from "./harness.js";
import { tf, useTfWasm } from "./peers.js";

const DIGITS = fileURLToPath(new URL("../datasets/digits.csv", import.meta.url));

/** Python: import what a twin needs, or fail with a note saying what is missing. */
const need = (module: string, what: string) =>
  `try:\n    ${module}\nexcept ImportError:\n    raise RuntimeError("${what} is not installed for this Python: contender skipped (Debian's is in /usr/bin/python3: BENCH_PYTHON=/usr/bin/python3)") from None\n`;

// ------------------------------------------------------------------ one epoch on digits

const HIDDEN = [128, 64];
const BATCH = 200;
const SEED = 0;

/** digits: X (1797, 64) scaled to [0, 1], y (1797,) int32. */
let digitsMemo: { X: np.NDArray; y: np.NDArray } | undefined;
function digits(): { X: np.NDArray; y: np.NDArray } {
  if (!digitsMemo) {
    const rows = readFileSync(DIGITS, "utf8").trim().split("\n").slice(1);
    const X = new Float64Array(rows.length * 64);
    const y = new Int32Array(rows.length);
    rows.forEach((line, i) => {
      const v = line.split(",").map(Number);
      for (let j = 0; j < 64; j++) X[i * 64 + j] = v[j] / 16;
      y[i] = v[64];
    });
    digitsMemo = { X: np.fromTypedArray(X, [rows.length, 64]), y: np.fromTypedArray(y) };
  }
  return digitsMemo;
}

/** 2·n·Σ fanIn·fanOut forward, the same for dW, and again for dX of every layer but the first. */
function epochFlops(n: number, sizes: number[]): number {
  let forward = 0;
  let dX = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    forward += 2 * n * sizes[l] * sizes[l + 1];
    if (l > 0) dX += 2 * n * sizes[l] * sizes[l + 1];
  }
  return 2 * forward + dX;
}

const CLASSES = Array.from({ length: 10 }, (_, i) => i);

/**
 * tfjs: the same network, loss and Adam, one epoch of mini-batches in a fixed shuffled order.
 * tfjs-core on Node registers no gradient functions (the `tfjs` union package does, and it is not
 * installed), so optimizer.minimize cannot run: backpropagation is written out with tf ops, as
 * dense.ts does (dZ = (P − Y)/m; dW = Aᵀ·dZ + (α/m)·W; db = Σ dZ; dA = dZ·Wᵀ; relu' = [A > 0]),
 * and Adam as optimizers.ts, each batch in one tf.tidy.
 */
function tfEpoch(): Timed<number> {
  const { X, y } = digits();
  const n = X.shape[0];
  const sizes = [64, ...HIDDEN, 10];
  const L = sizes.length - 1;
  const rng = new np.random.RandomState(SEED);
  const W: tf.Variable[] = [];
  const b: tf.Variable[] = [];
  for (let l = 0; l < L; l++) {
    const r = Math.sqrt(6 / (sizes[l] + sizes[l + 1]));
    W.push(
      tf.variable(tf.tensor2d(Float32Array.from((rng.uniform(-r, r, [sizes[l], sizes[l + 1]]) as np.NDArray).data as Float64Array), [sizes[l], sizes[l + 1]])),
    );
    b.push(tf.variable(tf.tensor1d(Float32Array.from((rng.uniform(-r, r, [sizes[l + 1]]) as np.NDArray).data as Float64Array))));
  }
  const params = [...W, ...b];
  const ms = params.map((p) => tf.variable(tf.zerosLike(p)));
  const vs = params.map((p) => tf.variable(tf.zerosLike(p)));
  const Xt = tf.tensor2d(Float32Array.from(X.data as Float64Array), [n, 64]);
  const Yt = tf.cast(tf.oneHot(tf.tensor1d(y.data as Int32Array, "int32"), 10), "float32");
  const order = rng.permutation(n).data as Int32Array;
  const batches: tf.Tensor1D[] = [];
  for (let s = 0; s < n; s += BATCH) batches.push(tf.tensor1d(order.slice(s, Math.min(s + BATCH, n)), "int32"));
  const [alpha, eta0, beta1, beta2, eps] = [1e-4, 1e-3, 0.9, 0.999, 1e-8];
  let t = 0;
  return {
    run: () => {
      let total = 0;
      for (const idx of batches) {
        const m = idx.shape[0];
        t += 1;
        const loss = tf.tidy(() => {
          // forward, keeping every layer's output
          const A: tf.Tensor2D[] = [tf.gather(Xt, idx) as tf.Tensor2D];
          for (let l = 0; l < L; l++) {
            const z = tf.add(tf.matMul(A[l], W[l] as tf.Tensor2D), b[l]) as tf.Tensor2D;
            A.push(l + 1 < L ? tf.relu(z) : z);
          }
          const Yb = tf.gather(Yt, idx);
          const P = tf.softmax(A[L]);
          const value = tf.div(tf.neg(tf.sum(tf.mul(Yb, tf.log(tf.clipByValue(P, 2 ** -23, 1 - 2 ** -23))))), m);
          // backward
          let dZ = tf.div(tf.sub(P, Yb), m) as tf.Tensor2D;
          const grads: tf.Tensor[] = new Array(2 * L);
          for (let l = L - 1; l >= 0; l--) {
            grads[l] = tf.add(tf.matMul(A[l], dZ, true, false), tf.mul(W[l], alpha / m));
            grads[L + l] = tf.sum(dZ, 0);
            if (l > 0) dZ = tf.mul(tf.matMul(dZ, W[l] as tf.Tensor2D, false, true), tf.step(A[l])) as tf.Tensor2D;
          }
          // Adam
          const eta = (eta0 * Math.sqrt(1 - beta2 ** t)) / (1 - beta1 ** t);
          params.forEach((p, k) => {
            ms[k].assign(tf.add(tf.mul(ms[k], beta1), tf.mul(grads[k], 1 - beta1)));
            vs[k].assign(tf.add(tf.mul(vs[k], beta2), tf.mul(tf.square(grads[k]), 1 - beta2)));
            p.assign(tf.sub(p, tf.div(tf.mul(ms[k], eta), tf.add(tf.sqrt(vs[k]), eps))));
          });
          return value;
        });
        total += loss.dataSync()[0] * m;
        loss.dispose();
      }
      return total / n;
    },
  };
}

const epoch: Workload = {
  name: "ml MLP epoch digits",
  size: "1797×64, 64-128-64-10, batch 200, adam",
  flops: epochFlops(1797, [64, ...HIDDEN, 10]),
  note: "one partialFit epoch; numpy = scikit-learn's MLPClassifier(hidden_layer_sizes=(128, 64), random_state=0).partial_fit(X, y, classes); the result is the epoch's loss",
  contenders: [
    {
      name: "sliderule",
      setup: () => {
        const { X, y } = digits();
        const clf = new MLPClassifier({ hiddenLayerSizes: HIDDEN, batchSize: BATCH, randomState: SEED });
        return { run: () => clf.partialFit(X, y, { classes: CLASSES }).loss as number, values: (loss: number) => loss };
      },
    },
    {
      name: "sliderule f32",
      note: "dtype float32 (matmul sums float32 products in float64: no faster than float64)",
      precision: "float32",
      setup: () => {
        const { X, y } = digits();
        const clf = new MLPClassifier({ hiddenLayerSizes: HIDDEN, batchSize: BATCH, randomState: SEED, dtype: "float32" });
        return { run: () => clf.partialFit(X, y, { classes: CLASSES }).loss as number, values: (loss: number) => loss };
      },
    },
    {
      name: "tfjs",
      note: "float32, cpu backend; backprop and Adam in tf ops (unchecked: its own shuffle)",
      precision: "float32",
      setup: () => tfEpoch(),
    },
  ],
  numpy: {
    setup:
      `${need("from sklearn.neural_network import MLPClassifier", "scikit-learn")}import warnings\nwarnings.simplefilter("ignore")\n` +
      `d = np.loadtxt(${JSON.stringify(DIGITS)}, delimiter=",", skiprows=1)\nx = d[:, :64] / 16.0\ny = d[:, 64].astype(int)\n` +
      `clf = MLPClassifier(hidden_layer_sizes=(${HIDDEN.join(", ")}), batch_size=${BATCH}, random_state=${SEED})\nclasses = np.arange(10)`,
    run: "clf.partial_fit(x, y, classes=classes).loss_",
  },
};

// ------------------------------------------------------------------ forward pass, batch 256

const FWD = { m: 256, sizes: [784, 128, 64, 10] };

/** X (256, 784) and small weights, from `filled` (the Python twin builds the same numbers). */
function forwardInputs(): { X: Float64Array; Ws: Float64Array[]; bs: Float64Array[] } {
  const { m, sizes } = FWD;
  const Ws: Float64Array[] = [];
  const bs: Float64Array[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    Ws.push(filled(sizes[l] * sizes[l + 1], 10 + l).map((v) => (v - 0.5) * 0.1));
    bs.push(filled(sizes[l + 1], 20 + l).map((v) => (v - 0.5) * 0.1));
  }
  return { X: filled(m * sizes[0], 1), Ws, bs };
}
const PY_FORWARD_SETUP =
  `x = filled((${FWD.m}, 784), 1)\n` +
  `Ws = [(filled((a, b), 10 + l) - 0.5) * 0.1 for l, (a, b) in enumerate([(784, 128), (128, 64), (64, 10)])]\n` +
  `bs = [(filled((b,), 20 + l) - 0.5) * 0.1 for l, b in enumerate([128, 64, 10])]\n` +
  `def forward(a):\n    for l in range(3):\n        a = a @ Ws[l] + bs[l]\n        if l < 2:\n            a = np.maximum(a, 0)\n    e = np.exp(a - a.max(axis=1, keepdims=True))\n    return e / e.sum(axis=1, keepdims=True)\n`;

/** The textbook loops: a = relu(a·W + b) row by row, softmax at the end. */
function naiveForward(X: Float64Array, Ws: Float64Array[], bs: Float64Array[]): Float64Array {
  const { m, sizes } = FWD;
  let a = X;
  for (let l = 0; l < Ws.length; l++) {
    const k = sizes[l];
    const n = sizes[l + 1];
    const z = new Float64Array(m * n);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let s = bs[l][j];
        for (let p = 0; p < k; p++) s += a[i * k + p] * Ws[l][p * n + j];
        z[i * n + j] = l + 1 < Ws.length ? Math.max(s, 0) : s;
      }
    }
    a = z;
  }
  const n = sizes[sizes.length - 1];
  for (let i = 0; i < m; i++) {
    let max = -Infinity;
    for (let j = 0; j < n; j++) max = Math.max(max, a[i * n + j]);
    let sum = 0;
    for (let j = 0; j < n; j++) sum += a[i * n + j] = Math.exp(a[i * n + j] - max);
    for (let j = 0; j < n; j++) a[i * n + j] /= sum;
  }
  return a;
}

function tfForward(): Timed<tf.Tensor> {
  const { X, Ws, bs } = forwardInputs();
  const { m, sizes } = FWD;
  const Xt = tf.tensor2d(Float32Array.from(X), [m, sizes[0]]);
  const Wt = Ws.map((W, l) => tf.tensor2d(Float32Array.from(W), [sizes[l], sizes[l + 1]]));
  const bt = bs.map((b) => tf.tensor1d(Float32Array.from(b)));
  return {
    run: () => {
      const r = tf.tidy(() => {
        let a: tf.Tensor2D = Xt;
        for (let l = 0; l < Wt.length; l++) {
          const z = tf.add(tf.matMul(a, Wt[l]), bt[l]) as tf.Tensor2D;
          a = l + 1 < Wt.length ? tf.relu(z) : z;
        }
        return tf.softmax(a);
      });
      r.dataSync();
      return r;
    },
    values: (r) => r.dataSync(),
    dispose: (r) => r.dispose(),
  };
}

const forward: Workload = {
  name: "ml MLP forward",
  size: "256×784, 784-128-64-10",
  flops: 2 * FWD.m * (784 * 128 + 128 * 64 + 64 * 10),
  note: "relu hidden layers, softmax output; numpy = x @ W + b, np.maximum, softmax with the max subtracted",
  contenders: [
    {
      name: "sliderule",
      setup: () => {
        const { X, Ws, bs } = forwardInputs();
        const { m, sizes } = FWD;
        const Xa = np.fromTypedArray(X, [m, sizes[0]]);
        const Wa = Ws.map((W, l) => np.fromTypedArray(W, [sizes[l], sizes[l + 1]]));
        const ba = bs.map((b) => np.fromTypedArray(b));
        return { run: () => mlpForward(Xa, Wa, ba, { activation: "relu", outActivation: "softmax" }), values: (r: np.NDArray) => r.data as Float64Array };
      },
    },
    {
      name: "naive",
      setup: () => {
        const { X, Ws, bs } = forwardInputs();
        return { run: () => naiveForward(X, Ws, bs), values: (r: Float64Array) => r };
      },
    },
    { name: "tfjs", note: "float32, cpu backend", precision: "float32", setup: () => tfForward() },
    {
      name: "tfjs-wasm",
      note: "float32, XNNPACK, one thread",
      precision: "float32",
      setup: async () => {
        await useTfWasm();
        return tfForward();
      },
    },
  ],
  numpy: { setup: PY_FORWARD_SETUP, run: "forward(x)" },
};

export const workloads: Workload[] = [epoch, forward];
