/**
 * matmul: C = A·B for square float64 and float32 matrices at n = 64 … 1024, and a batch of
 * 1000 small products (1000 × (16×16 @ 16×16)), in GFLOP/s = 2·m·n·k / t.
 *
 *   matmul f64 n       A, B: n×n float64, C = A @ B            (n = 64, 128, 256, 512, 1024)
 *   matmul f32 n       the same in float32 (computed in float32 by those that can)
 *   batched 16×16      A, B: (1000, 16, 16) float64, C[β] = A[β] @ B[β]
 *
 * Contenders: sliderule (np.matmul: the packed, cache-blocked gemm kernel; the batch calls its
 * unpacked small path once per matrix), naive (the textbook triple loop over nested JS arrays,
 * rows of numbers: what a tutorial's pure-Python loop becomes in JS), ml-matrix (mmul), mathjs
 * (multiply), tfjs (matMul, pure-JS cpu backend, float32 only), numpy-ts (matmul, WebAssembly
 * kernels) and NumPy (OpenBLAS, one thread). Past n = 512 the naive loop and mathjs take
 * seconds per call and are left out.
 *
 *   npm run bench -- matmul               these workloads through bench/run.ts
 *   npm run bench -- "matmul f64 1024"    one of them
 */
import * as np from "@sliderule/ndarray";
import { matmul } from "../packages/ndarray/src/products/index.js";
import { filled, toRows, type Contender, type Timed, type Workload } from "./harness.js";
import { math, Matrix, nts, tf } from "./peers.js";

const SIZES = [64, 128, 256, 512, 1024];
/** Contenders that take seconds per call past this size are skipped there. */
const SLOW_LIMIT = 512;
const BATCH = { count: 1000, n: 16 };

/** A and B of one workload, built once per process: shapes and values. */
const inputs = (shape: number[]) => {
  const size = shape.reduce((p, d) => p * d, 1);
  return { a: filled(size, 1), b: filled(size, 2) };
};

// ------------------------------------------------------------------ how each library is fed

const srValues = (r: np.NDArray): ArrayLike<number> => r.flatten().data as Float64Array;
const f32 = (x: Float64Array) => Float32Array.from(x);

/** tfjs: the result tensor, read with dataSync (so the work is surely done), then disposed. */
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

type NtsArray = ReturnType<typeof nts.frombuffer>;
function ntsTimed(run: () => NtsArray): Timed<NtsArray> {
  return {
    run,
    values: (r) => Array.from(r.flatten().data as Float64Array | Float32Array),
    dispose: (r) => r.dispose(),
  };
}

/** The textbook triple loop over nested arrays: C[i][j] = Σ_k A[i][k]·B[k][j]. */
function naiveMatmul(A: number[][], B: number[][]): number[][] {
  const m = A.length;
  const k = B.length;
  const n = B[0].length;
  const C: number[][] = [];
  for (let i = 0; i < m; i++) {
    const row = new Array<number>(n).fill(0);
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += A[i][p] * B[p][j];
      row[j] = s;
    }
    C.push(row);
  }
  return C;
}

type MjMatrix = math.Matrix<number>;
const mjValues = (r: MjMatrix): number[] => (r.toArray() as number[][]).flat();

// ------------------------------------------------------------------ square products

function square(n: number, precision: "float64" | "float32"): Workload {
  const slow = n <= SLOW_LIMIT;
  const f64 = precision === "float64";
  const contenders: Contender[] = [
    {
      name: "sliderule",
      precision,
      setup: () => {
        const { a, b } = inputs([n, n]);
        const [A, B] = f64
          ? [np.fromTypedArray(a, [n, n]), np.fromTypedArray(b, [n, n])]
          : [np.fromTypedArray(f32(a), [n, n]), np.fromTypedArray(f32(b), [n, n])];
        return { run: () => matmul(A, B), values: srValues };
      },
    },
  ];
  if (f64 && slow) {
    contenders.push({
      name: "naive",
      note: "triple loop over nested arrays",
      setup: () => {
        const { a, b } = inputs([n, n]);
        const [A, B] = [toRows(a, n, n), toRows(b, n, n)];
        return { run: () => naiveMatmul(A, B), values: (r: number[][]) => r.flat() };
      },
    });
  }
  if (f64) {
    contenders.push({
      name: "ml-matrix",
      setup: () => {
        const { a, b } = inputs([n, n]);
        const [A, B] = [new Matrix(toRows(a, n, n)), new Matrix(toRows(b, n, n))];
        return { run: () => A.mmul(B), values: (r: Matrix) => r.to1DArray() };
      },
    });
  }
  if (f64 && slow) {
    contenders.push({
      name: "mathjs",
      setup: () => {
        const { a, b } = inputs([n, n]);
        const [A, B] = [math.matrix(toRows(a, n, n)) as MjMatrix, math.matrix(toRows(b, n, n)) as MjMatrix];
        return { run: () => math.multiply(A, B) as MjMatrix, values: mjValues };
      },
    });
  }
  contenders.push(
    {
      name: "tfjs",
      precision: "float32",
      note: f64 ? "float32: tfjs has no float64" : undefined,
      setup: () => {
        const { a, b } = inputs([n, n]);
        const [A, B] = [tf.tensor2d(f32(a), [n, n]), tf.tensor2d(f32(b), [n, n])];
        return tfTimed(() => tf.matMul(A, B));
      },
    },
    {
      name: "numpy-ts",
      precision,
      setup: () => {
        const { a, b } = inputs([n, n]);
        const [A, B] = f64
          ? [nts.frombuffer(a.slice(), "float64").reshape(n, n), nts.frombuffer(b.slice(), "float64").reshape(n, n)]
          : [nts.frombuffer(f32(a), "float32").reshape(n, n), nts.frombuffer(f32(b), "float32").reshape(n, n)];
        return ntsTimed(() => nts.matmul(A, B) as NtsArray);
      },
    },
  );
  const cast = f64 ? "" : ".astype(np.float32)";
  return {
    name: `matmul ${f64 ? "f64" : "f32"} ${n}`,
    size: `${n}×${n} ${f64 ? "f64" : "f32"}`,
    flops: 2 * n ** 3,
    note: slow || !f64 ? undefined : `naive and mathjs skipped past n = ${SLOW_LIMIT} (seconds per call)`,
    contenders,
    numpy: { setup: `a = filled((${n}, ${n}), 1)${cast}; b = filled((${n}, ${n}), 2)${cast}`, run: "a @ b" },
  };
}

// ------------------------------------------------------------------ many small products

function batched(): Workload {
  const { count, n } = BATCH;
  const shape = [count, n, n];
  /** The stack as `count` nested n×n matrices. */
  const matrices = (x: Float64Array) => Array.from({ length: count }, (_, b) => toRows(x.subarray(b * n * n, (b + 1) * n * n), n, n));
  return {
    name: "batched 16×16",
    size: `${count}×(${n}×${n} @ ${n}×${n}) f64`,
    flops: 2 * count * n ** 3,
    note: "C[β] = A[β] @ B[β]; ml-matrix and mathjs loop over the matrices",
    contenders: [
      {
        name: "sliderule",
        setup: () => {
          const { a, b } = inputs(shape);
          const [A, B] = [np.fromTypedArray(a, shape), np.fromTypedArray(b, shape)];
          return { run: () => matmul(A, B), values: srValues };
        },
      },
      {
        name: "naive",
        note: "triple loop over nested arrays, per matrix",
        setup: () => {
          const { a, b } = inputs(shape);
          const [A, B] = [matrices(a), matrices(b)];
          return { run: () => A.map((x, k) => naiveMatmul(x, B[k])), values: (r: number[][][]) => r.flat(2) };
        },
      },
      {
        name: "ml-matrix",
        setup: () => {
          const { a, b } = inputs(shape);
          const [A, B] = [matrices(a).map((x) => new Matrix(x)), matrices(b).map((x) => new Matrix(x))];
          return { run: () => A.map((x, k) => x.mmul(B[k])), values: (r: Matrix[]) => r.flatMap((x) => x.to1DArray()) };
        },
      },
      {
        name: "mathjs",
        setup: () => {
          const { a, b } = inputs(shape);
          const [A, B] = [matrices(a).map((x) => math.matrix(x) as MjMatrix), matrices(b).map((x) => math.matrix(x) as MjMatrix)];
          return { run: () => A.map((x, k) => math.multiply(x, B[k]) as MjMatrix), values: (r: MjMatrix[]) => r.flatMap(mjValues) };
        },
      },
      {
        name: "tfjs",
        precision: "float32",
        note: "float32: tfjs has no float64",
        setup: () => {
          const { a, b } = inputs(shape);
          const [A, B] = [tf.tensor3d(f32(a), [count, n, n]), tf.tensor3d(f32(b), [count, n, n])];
          return tfTimed(() => tf.matMul(A, B));
        },
      },
      {
        name: "numpy-ts",
        setup: () => {
          const { a, b } = inputs(shape);
          const [A, B] = [nts.frombuffer(a.slice(), "float64").reshape(...shape), nts.frombuffer(b.slice(), "float64").reshape(...shape)];
          return ntsTimed(() => nts.matmul(A, B) as NtsArray);
        },
      },
    ],
    numpy: { setup: `a = filled((${count}, ${n}, ${n}), 1); b = filled((${count}, ${n}, ${n}), 2)`, run: "a @ b" },
  };
}

export const workloads: Workload[] = [...SIZES.map((n) => square(n, "float64")), ...SIZES.map((n) => square(n, "float32")), batched()];
