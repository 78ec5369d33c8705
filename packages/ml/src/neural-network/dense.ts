/**
 * Dense (fully connected) layer with an element-wise activation: forward and backward pass
 * over a batch of m rows, side by side.
 *
 *   forward    Z = X·W + 1·bᵀ        X: (m, fanIn), W: (fanIn, fanOut), b: (fanOut,)
 *              A = f(Z)              A: (m, fanOut)          (f from activations.ts)
 *
 *   backward   given dA = ∂L/∂A (m, fanOut), by the chain rule:
 *              dZ = dA ⊙ f'(Z)                  f' written with A (activations.ts), Z never stored
 *              dW = ∂L/∂W = Xᵀ·dZ               (fanIn, fanOut)
 *              db = ∂L/∂b = 1ᵀ·dZ = Σ_rows dZ    (fanOut,)
 *              dX = ∂L/∂X = dZ·Wᵀ               (m, fanIn): the dA of the layer below
 *
 * Derivation of dW, one entry: Z[i, k] = Σ_j X[i, j]·W[j, k] + b[k], so ∂Z[i, k]/∂W[j, k] =
 * X[i, j] and L depends on W[j, k] through the column Z[:, k] only:
 *   ∂L/∂W[j, k] = Σ_i ∂L/∂Z[i, k]·X[i, j] = (Xᵀ·dZ)[j, k].
 * Likewise ∂Z[i, k]/∂b[k] = 1 gives db[k] = Σ_i dZ[i, k], and ∂Z[i, k]/∂X[i, j] = W[j, k] gives
 * dX[i, j] = Σ_k dZ[i, k]·W[j, k] = (dZ·Wᵀ)[i, j].
 *
 * What it holds: W and b (the parameters), dW and db after `backward` (the gradients of the
 * loss whose ∂L/∂A was passed in, summed over the batch: a loss that averages over the batch
 * supplies dA already divided by m), and, between a forward and its backward, X and A.
 *
 * Speed: the three products are np.matmul (gemm, WebAssembly SIMD where available), written
 * into buffers the layer owns; the bias add and f run in one pass over A, as do f' and dZ.
 * With `reuseBuffers`, A, dZ and dX are allocated once per batch size and reused, so training
 * allocates nothing per batch; the arrays returned are then the layer's own, valid until the
 * next call. Without it (the default), every call returns fresh arrays.
 *
 * Invariant: backward's dW, db, dX match central finite differences of Σ dA ⊙ f(X·W + b)
 * (dense.test.ts checks it for every activation, relative error < 1e-6 in float64).
 * Reference: Goodfellow, Bengio & Courville, "Deep Learning", §6.5 (back-propagation);
 * scikit-learn's `BaseMultilayerPerceptron._forward_pass` and `_backprop`; micrograd's `nn.py`.
 */
import * as np from "@sliderule/ndarray";
import { NDArray, ShapeError, ValueError } from "@sliderule/ndarray";
import { show } from "../base.js";
import { columnSums } from "../column-sums.js";
import { ACTIVATIONS, activateRows, activationBackward, checkSlope, LEAKY_SLOPE, type ActivationName, type FloatArray } from "./activations.js";
import { INITIALIZERS, initialize, type InitializerName, type RandomSource } from "./initializers.js";

export interface DenseOptions {
  /** f, applied after the affine map (default "identity"). */
  activation?: ActivationName;
  /** How W and b start (default "glorotUniform", scikit-learn's). Ignored when W and b are given. */
  init?: InitializerName;
  /** The random stream for `init`: a Generator, a RandomState, or a seed for `np.random.defaultRng` (default 0). */
  rng?: RandomSource | number;
  /** Starting weights (fanIn, fanOut) and biases (fanOut,), copied. */
  W?: NDArray | number[][];
  b?: NDArray | number[];
  /** Slope of leakyRelu for z < 0 (default 0.01). */
  negativeSlope?: number;
  /** Precision of parameters and computation (default "float64"). */
  dtype?: "float64" | "float32";
  /** Reuse output buffers between calls (training); default false: fresh arrays per call. */
  reuseBuffers?: boolean;
}

const DENSE_OPTIONS = ["activation", "init", "rng", "W", "b", "negativeSlope", "dtype", "reuseBuffers"];

/** A named parameter and its gradient (the optimiser's view of a layer). */
export interface Parameter {
  name: string;
  value: NDArray;
  grad: NDArray;
}

/** An (m, n) NDArray over the first m·n elements of a buffer: no copy. */
export function rowsView(buffer: FloatArray, m: number, n: number): NDArray {
  return np.fromTypedArray(buffer.subarray(0, m * n), [m, n]);
}

/** A buffer of at least m·n elements that grows (never shrinks) with the batch size. */
class Workspace {
  private buffer: FloatArray;
  private view: NDArray | null = null;
  constructor(private readonly dtype: "float64" | "float32") {
    this.buffer = dtype === "float32" ? new Float32Array(0) : new Float64Array(0);
  }
  /** The (m, n) view, reusing the previous one when the shape is the same. */
  get(m: number, n: number): NDArray {
    if (this.view !== null && this.view.shape[0] === m && this.view.shape[1] === n) return this.view;
    if (this.buffer.length < m * n) this.buffer = this.dtype === "float32" ? new Float32Array(m * n) : new Float64Array(m * n);
    this.view = rowsView(this.buffer, m, n);
    return this.view;
  }
}

/**
 * A fully connected layer `A = f(X·W + b)` with its backward pass (file header: the formulas).
 *
 *   const layer = new Dense(64, 32, { activation: "relu", rng: np.random.defaultRng(0) });
 *   const A = layer.forward(X);          // X: (m, 64) -> A: (m, 32)
 *   const dX = layer.backward(dA);       // fills layer.dW (64, 32), layer.db (32,)
 *
 * @throws ValueError for fans that are not positive integers, an unknown option or activation,
 *   W or b of the wrong shape.
 */
export class Dense {
  readonly fanIn: number;
  readonly fanOut: number;
  readonly activation: ActivationName;
  readonly negativeSlope: number;
  readonly dtype: "float64" | "float32";
  readonly reuseBuffers: boolean;
  /** Weights, (fanIn, fanOut). */
  W: NDArray;
  /** Biases, (fanOut,). */
  b: NDArray;
  /** ∂L/∂W after `backward`, (fanIn, fanOut). */
  readonly dW: NDArray;
  /** ∂L/∂b after `backward`, (fanOut,). */
  readonly db: NDArray;

  /** The last forward's input X and output A, kept for backward. */
  private X: NDArray | null = null;
  private A: NDArray | null = null;
  private readonly outA: Workspace;
  private readonly outDZ: Workspace;
  private readonly outDX: Workspace;

  constructor(fanIn: number, fanOut: number, options: DenseOptions = {}) {
    for (const [name, v] of [
      ["fanIn", fanIn],
      ["fanOut", fanOut],
    ] as const) {
      if (typeof v !== "number" || !Number.isInteger(v) || v < 1) throw new ValueError(`Dense: ${name} must be an integer >= 1, got ${show(v)}`);
    }
    if (options === null || typeof options !== "object") throw new ValueError(`Dense: options must be an object, got ${show(options)}`);
    for (const key of Object.keys(options)) {
      if (!DENSE_OPTIONS.includes(key)) throw new ValueError(`Dense: unknown option '${key}'; its options are ${DENSE_OPTIONS.join(", ")}`);
    }
    const activation = options.activation ?? "identity";
    if (!ACTIVATIONS.includes(activation))
      throw new ValueError(`Dense: activation must be one of ${ACTIVATIONS.map(show).join(", ")}, got ${show(activation)}`);
    const init = options.init ?? "glorotUniform";
    if (!INITIALIZERS.includes(init)) throw new ValueError(`Dense: init must be one of ${INITIALIZERS.map(show).join(", ")}, got ${show(init)}`);
    const dtype = options.dtype ?? "float64";
    if (dtype !== "float64" && dtype !== "float32") throw new ValueError(`Dense: dtype must be "float64" or "float32", got ${show(dtype)}`);
    if (options.reuseBuffers !== undefined && typeof options.reuseBuffers !== "boolean")
      throw new ValueError(`Dense: reuseBuffers must be true or false, got ${show(options.reuseBuffers)}`);
    this.fanIn = fanIn;
    this.fanOut = fanOut;
    this.activation = activation;
    this.negativeSlope = options.negativeSlope === undefined ? LEAKY_SLOPE : checkSlope("Dense", options.negativeSlope);
    this.dtype = dtype;
    this.reuseBuffers = options.reuseBuffers ?? false;

    if ((options.W === undefined) !== (options.b === undefined)) throw new ValueError("Dense: give both W and b, or neither");
    if (options.W !== undefined && options.b !== undefined) {
      this.W = this.checkParam("W", options.W, [fanIn, fanOut]);
      this.b = this.checkParam("b", options.b, [fanOut]);
    } else {
      const rng = options.rng ?? 0;
      const source = typeof rng === "number" ? np.random.defaultRng(rng) : rng;
      ({ W: this.W, b: this.b } = initialize(init, fanIn, fanOut, source, activation, dtype));
    }
    this.dW = np.zeros([fanIn, fanOut], dtype);
    this.db = np.zeros([fanOut], dtype);
    this.outA = new Workspace(dtype);
    this.outDZ = new Workspace(dtype);
    this.outDX = new Workspace(dtype);
  }

  private checkParam(name: string, v: unknown, shape: number[]): NDArray {
    let a: NDArray;
    try {
      a = np.array(v as np.NestedArray, this.dtype);
    } catch (e) {
      throw new ValueError(`Dense: ${name} could not be read as a numeric array: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (a.ndim !== shape.length || a.shape.some((s, i) => s !== shape[i])) {
      throw new ShapeError(
        `Dense: ${name} must have shape (${shape.join(", ")}${shape.length === 1 ? "," : ""}), got (${a.shape.join(", ")}${a.ndim === 1 ? "," : ""})`,
      );
    }
    return a;
  }

  /** The parameters with their gradients, in the order W, b. */
  parameters(): Parameter[] {
    return [
      { name: "W", value: this.W, grad: this.dW },
      { name: "b", value: this.b, grad: this.db },
    ];
  }

  /** An (m, n) result array: the layer's reused buffer, or a fresh one. */
  private out(ws: Workspace, m: number, n: number): NDArray {
    return this.reuseBuffers ? ws.get(m, n) : np.zeros([m, n], this.dtype);
  }

  /**
   * A = f(X·W + b) for a batch X: (m, fanIn) -> (m, fanOut). X is kept (not copied) for backward.
   * @throws ShapeError if X is not 2-D with fanIn columns.
   */
  forward(X: NDArray): NDArray {
    if (!(X instanceof NDArray) || X.ndim !== 2 || X.shape[1] !== this.fanIn) {
      throw new ShapeError(`Dense.forward: X must be an array of shape (m, ${this.fanIn}), got ${show(X)}`);
    }
    // the layer computes in its own dtype on C-contiguous data (a copy only if X is not so)
    const Xc = X.dtype === this.dtype && X.flags.cContiguous && X.offset === 0 ? X : X.astype(this.dtype);
    const m = Xc.shape[0];
    const A = this.out(this.outA, m, this.fanOut);
    // Z = X·W (gemm), then A = f(Z + b) in one pass
    np.matmul(Xc, this.W, { out: A });
    activateRows(this.activation, A.data as FloatArray, m, this.fanOut, this.b.data as FloatArray, this.negativeSlope);
    this.X = Xc;
    this.A = A;
    return A;
  }

  /**
   * Given dA = ∂L/∂A (m, fanOut) for the last forward's batch: fills dW and db, and returns
   * dX = ∂L/∂X (m, fanIn), or null with `{ inputGrad: false }` (the first layer needs none).
   * @throws ValueError if forward was not called first; ShapeError if dA's shape is not A's.
   */
  backward(dA: NDArray, options: { inputGrad?: boolean } = {}): NDArray | null {
    const X = this.X;
    const A = this.A;
    if (X === null || A === null) throw new ValueError("Dense.backward: call forward(X) first");
    const m = A.shape[0];
    if (!(dA instanceof NDArray) || dA.ndim !== 2 || dA.shape[0] !== m || dA.shape[1] !== this.fanOut) {
      throw new ShapeError(`Dense.backward: dA must have the shape of the last output (${m}, ${this.fanOut}), got ${show(dA)}`);
    }
    const dAc = dA.dtype === this.dtype && dA.flags.cContiguous && dA.offset === 0 ? dA : dA.astype(this.dtype);
    // dZ = dA ⊙ f'(Z), f' read from A
    const dZ = this.out(this.outDZ, m, this.fanOut);
    activationBackward(this.activation, A.data as FloatArray, dAc.data as FloatArray, dZ.data as FloatArray, m * this.fanOut, this.negativeSlope);
    // dW = Xᵀ·dZ
    np.matmul(X.T, dZ, { out: this.dW });
    // db = Σ_i dZ[i, :]
    const dz = dZ.data as FloatArray;
    const db = this.db.data as FloatArray;
    const n = this.fanOut;
    db.fill(0);
    columnSums(dz, m, n, db);
    if (options.inputGrad === false) return null;
    // dX = dZ·Wᵀ
    const dX = this.out(this.outDX, m, this.fanIn);
    np.matmul(dZ, this.W.T, { out: dX });
    return dX;
  }
}
