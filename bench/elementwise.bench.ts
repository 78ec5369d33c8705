/**
 * Element-wise work and reductions on a 1000×1000 float64 matrix: the operations a PCA or
 * regression walkthrough spends its non-matmul time in. Memory-bound, so the plain loop over
 * a Float64Array (`naive`) is the ceiling; the target is sliderule within 1.5× of it on the
 * contiguous cases (add, the sums).
 *
 *   add            C = A + B                     both contiguous
 *   multiply-add   Y = X·w + c (row broadcast)   w, c of shape (1000,), as X.multiply(w).add(c)
 *   sum axis=0     column sums                   (1000,)
 *   sum axis=1     row sums                      (1000,)
 *   sum            the full sum                  scalar
 *
 * Every contender returns a fresh result (the naive loops allocate theirs too), except the
 * "(out)" variants of add, which write into a preallocated array: the difference between the
 * two is what allocating and zeroing 8 MB costs.
 */
import * as np from "@sliderule/ndarray";
import { filled, toRows, type Contender, type Timed, type Workload } from "./harness.js";
import { math, Matrix, nts, tf } from "./peers.js";

const n = 1000;
const N = n * n;
const size = "1000×1000 f64";

/** The inputs, built once: A and B (n×n), row vectors w and c (n). */
let memo: { a: Float64Array; b: Float64Array; w: Float64Array; c: Float64Array } | undefined;
function inputs() {
  memo ??= { a: filled(N, 1), b: filled(N, 2), w: filled(n, 3), c: filled(n, 4) };
  return memo;
}

// ------------------------------------------------------------------ how each library is fed

const sr = (x: Float64Array, shape: number[]) => np.fromTypedArray(x, shape);
const srValues = (r: np.NDArray): ArrayLike<number> => r.flatten().data as Float64Array;

const mlValues = (r: Matrix | number[] | number) => (r instanceof Matrix ? r.to1DArray() : r);

const mjMatrix = (x: Float64Array, rows: number, cols: number) => math.matrix(toRows(x, rows, cols));
const mjVector = (x: Float64Array) => math.matrix(Array.from(x));
const mjValues = (r: math.Matrix | number): ArrayLike<number> | number => (typeof r === "number" ? r : (r.toArray() as number[] | number[][]).flat());

/** tfjs: the result tensor, its values read with dataSync (so the work is surely done), then disposed. */
function tfTimed(run: () => tf.Tensor): Timed<tf.Tensor> {
  return {
    run: () => {
      const r = run();
      r.dataSync();
      return r;
    },
    values: (r) => r.dataSync(),
    dispose: (r) => r.dispose(),
  };
}
const TF_NOTE = "float32: tfjs has no float64";
/** tfjs takes float32 data (a Float64Array is refused): the inputs rounded to float32. */
const f32 = (x: Float64Array) => Float32Array.from(x);

type NtsResult = ReturnType<typeof nts.add> | ReturnType<typeof nts.sum>;
const ntsArray = (x: Float64Array, shape: number[]) => nts.frombuffer(x.slice(), "float64").reshape(...shape);
function ntsTimed(run: () => NtsResult): Timed<NtsResult> {
  return {
    run,
    values: (r) => (typeof r === "number" ? r : Array.from((r as nts.NDArray).flatten().data as Float64Array)),
    dispose: (r) => {
      if (r instanceof Object && "dispose" in r) (r as nts.NDArray).dispose();
    },
  };
}

// ------------------------------------------------------------------ workloads

const add: Workload = {
  name: "add",
  size,
  flops: N,
  note: "C = A + B; '(out)' variants write into a preallocated C",
  contenders: [
    {
      name: "sliderule",
      setup: () => {
        const { a, b } = inputs();
        const [A, B] = [sr(a, [n, n]), sr(b, [n, n])];
        return { run: () => A.add(B), values: srValues };
      },
    },
    {
      name: "naive",
      setup: () => {
        const { a, b } = inputs();
        return {
          run: () => {
            const C = new Float64Array(N);
            for (let i = 0; i < N; i++) C[i] = a[i] + b[i];
            return C;
          },
          values: (r) => r,
        };
      },
    },
    {
      name: "sliderule (out)",
      setup: () => {
        const { a, b } = inputs();
        const [A, B, C] = [sr(a, [n, n]), sr(b, [n, n]), np.zeros([n, n])];
        return { run: () => np.add(A, B, { out: C }), values: srValues };
      },
    },
    {
      name: "naive (out)",
      setup: () => {
        const { a, b } = inputs();
        const C = new Float64Array(N);
        return {
          run: () => {
            for (let i = 0; i < N; i++) C[i] = a[i] + b[i];
            return C;
          },
          values: (r) => r,
        };
      },
    },
    {
      name: "ml-matrix",
      setup: () => {
        const { a, b } = inputs();
        const [A, B] = [new Matrix(toRows(a, n, n)), new Matrix(toRows(b, n, n))];
        return { run: () => Matrix.add(A, B), values: mlValues };
      },
    },
    {
      name: "mathjs",
      setup: () => {
        const { a, b } = inputs();
        const [A, B] = [mjMatrix(a, n, n), mjMatrix(b, n, n)];
        return { run: () => math.add(A, B), values: mjValues };
      },
    },
    {
      name: "tfjs",
      note: TF_NOTE,
      precision: "float32",
      setup: () => {
        const { a, b } = inputs();
        const [A, B] = [tf.tensor2d(f32(a), [n, n]), tf.tensor2d(f32(b), [n, n])];
        return tfTimed(() => tf.add(A, B));
      },
    },
    {
      name: "numpy-ts",
      setup: () => {
        const { a, b } = inputs();
        const [A, B] = [ntsArray(a, [n, n]), ntsArray(b, [n, n])];
        return ntsTimed(() => nts.add(A, B));
      },
    },
  ],
  numpy: { setup: "a = filled((1000, 1000), 1); b = filled((1000, 1000), 2)", run: "a + b" },
};

const multiplyAdd: Workload = {
  name: "multiply-add",
  size: `${size}, row (1000,)`,
  flops: 2 * N,
  note: "Y = X·w + c with w, c broadcast along rows; the naive loop fuses both in one pass, the libraries make a temporary",
  contenders: [
    {
      name: "sliderule",
      setup: () => {
        const { a, w, c } = inputs();
        const [X, W, C] = [sr(a, [n, n]), sr(w, [n]), sr(c, [n])];
        return { run: () => X.multiply(W).add(C), values: srValues };
      },
    },
    {
      name: "naive",
      setup: () => {
        const { a, w, c } = inputs();
        return {
          run: () => {
            const Y = new Float64Array(N);
            for (let i = 0; i < n; i++) {
              const row = i * n;
              for (let j = 0; j < n; j++) Y[row + j] = a[row + j] * w[j] + c[j];
            }
            return Y;
          },
          values: (r) => r,
        };
      },
    },
    {
      name: "ml-matrix",
      setup: () => {
        const { a, w, c } = inputs();
        const X = new Matrix(toRows(a, n, n));
        const [W, C] = [Array.from(w), Array.from(c)];
        return { run: () => X.clone().mulRowVector(W).addRowVector(C), values: mlValues };
      },
    },
    {
      name: "mathjs",
      setup: () => {
        const { a, w, c } = inputs();
        const [X, W, C] = [mjMatrix(a, n, n), mjVector(w), mjVector(c)];
        return { run: () => math.add(math.dotMultiply(X, W), C) as math.Matrix, values: mjValues };
      },
    },
    {
      name: "tfjs",
      note: TF_NOTE,
      precision: "float32",
      setup: () => {
        const { a, w, c } = inputs();
        const [X, W, C] = [tf.tensor2d(f32(a), [n, n]), tf.tensor1d(f32(w)), tf.tensor1d(f32(c))];
        return tfTimed(() => tf.tidy(() => tf.add(tf.mul(X, W), C)));
      },
    },
    {
      name: "numpy-ts",
      setup: () => {
        const { a, w, c } = inputs();
        const [X, W, C] = [ntsArray(a, [n, n]), ntsArray(w, [n]), ntsArray(c, [n])];
        return ntsTimed(() => {
          const t = nts.multiply(X, W);
          const r = nts.add(t, C);
          t.dispose();
          return r;
        });
      },
    },
  ],
  numpy: { setup: "x = filled((1000, 1000), 1); w = filled((1000,), 3); c = filled((1000,), 4)", run: "x * w + c" },
};

/** A sum workload: `axis` 0 (column sums), 1 (row sums) or null (everything). */
function sumWorkload(axis: 0 | 1 | null): Workload {
  const naive: Contender = {
    name: "naive",
    setup: () => {
      const { a } = inputs();
      if (axis === 0) {
        return {
          run: () => {
            // stream the rows in memory order, accumulating into the column sums
            const s = new Float64Array(n);
            for (let i = 0; i < n; i++) {
              const row = i * n;
              for (let j = 0; j < n; j++) s[j] += a[row + j];
            }
            return s;
          },
          values: (r: Float64Array) => r,
        };
      }
      if (axis === 1) {
        return {
          run: () => {
            const s = new Float64Array(n);
            for (let i = 0; i < n; i++) {
              const row = i * n;
              let t = 0;
              for (let j = 0; j < n; j++) t += a[row + j];
              s[i] = t;
            }
            return s;
          },
          values: (r: Float64Array) => r,
        };
      }
      return {
        run: () => {
          let t = 0;
          for (let i = 0; i < N; i++) t += a[i];
          return t;
        },
        values: (r: number) => r,
      };
    },
  };
  const mlBy = axis === 0 ? "column" : "row";
  return {
    name: axis === null ? "sum" : `sum axis=${axis}`,
    size,
    flops: N,
    note: axis === 0 ? "column sums (1000,)" : axis === 1 ? "row sums (1000,)" : "one scalar",
    contenders: [
      {
        name: "sliderule",
        setup: () => {
          const A = sr(inputs().a, [n, n]);
          return { run: () => (axis === null ? A.sum() : A.sum({ axis })), values: srValues };
        },
      },
      naive,
      {
        name: "ml-matrix",
        setup: () => {
          const A = new Matrix(toRows(inputs().a, n, n));
          return { run: () => (axis === null ? A.sum() : A.sum(mlBy)), values: mlValues };
        },
      },
      {
        name: "mathjs",
        setup: () => {
          const A = mjMatrix(inputs().a, n, n);
          return { run: () => (axis === null ? (math.sum(A) as number) : (math.sum(A, axis) as unknown as math.Matrix)), values: mjValues };
        },
      },
      {
        name: "tfjs",
        note: TF_NOTE,
        precision: "float32",
        setup: () => {
          const A = tf.tensor2d(f32(inputs().a), [n, n]);
          return tfTimed(() => (axis === null ? tf.sum(A) : tf.sum(A, axis)));
        },
      },
      {
        name: "numpy-ts",
        setup: () => {
          const A = ntsArray(inputs().a, [n, n]);
          return ntsTimed(() => (axis === null ? nts.sum(A) : nts.sum(A, axis)));
        },
      },
    ],
    numpy: { setup: "a = filled((1000, 1000), 1)", run: axis === null ? "a.sum()" : `a.sum(axis=${axis})` },
  };
}

export const workloads: Workload[] = [add, multiplyAdd, sumWorkload(0), sumWorkload(1), sumWorkload(null)];
