/**
 * Dense linear algebra I: solve, inv, det and cholesky at n = 500, qr at 500×300.
 *
 *   solve      x = A⁻¹·b                 LU with partial pivoting + two triangular solves
 *   inv        A⁻¹                       LU, then A·X = I
 *   det        det(0.25·A)               LU (A scaled by 1/4 so that det stays finite)
 *   cholesky   L with S = L·Lᵀ           S = A·Aᵀ + n·I, symmetric positive definite
 *   qr         Q (500×300), R (300×300)  Householder QR, reduced; checked through |R|
 *
 * Contenders: sliderule (blocked, on the default "auto" backend), "sliderule unblocked" (the
 * readable getf2 / potf2 / geqr2 alone: what blocking buys), sliderule forced onto each kernel
 * path this engine runs (setBackend: "typescript", "wasm-simd", and "wasm-relaxed-simd" when
 * validated), ml-matrix, mathjs (no Cholesky), numpy-ts, tfjs's WebAssembly backend for qr
 * (float32, one thread; tfjs has no solve, inv, det or Cholesky) and NumPy on one thread
 * (reference LAPACK calls through OpenBLAS). Issue targets: at least 3× faster than ml-matrix
 * on each (TypeScript kernels), faster than numpy-ts on each (WebAssembly kernels).
 *
 *   npm run bench -- linalg1            this file's workloads through bench/run.ts
 *   node --experimental-wasm-relaxed-simd --import tsx bench/run.ts linalg1 --inline
 *                                       ... with the relaxed-SIMD path too
 */
import * as np from "@sliderule/ndarray";
import * as linalg from "@sliderule/linalg";
import { engineFeatures, setBackend, type BackendRequest } from "@sliderule/ndarray/kernels";
import { CholeskyDecomposition, determinant, inverse, QrDecomposition, solve as mlSolve } from "ml-matrix";
import { filled, toRows, type Contender, type Timed, type Workload } from "./harness.js";
import { math, Matrix, nts, tf, useTfWasm } from "./peers.js";

const n = 500;
const [qm, qn] = [500, 300];

/**
 * A well-conditioned "random" matrix in [0, 1), bit-identical to NumPy's `mixed(...)` below:
 * harness `filled` values are linear in the index modulo 1 (a sawtooth of rank ≈ 2, numerically
 * singular as a matrix), so they are mixed through x ↦ (x·x·10⁴) mod 1, which is exact IEEE
 * arithmetic in both languages.
 */
function mixed(size: number, seed: number): Float64Array {
  return filled(size, seed).map((x) => (x * x * 1e4) % 1);
}
const MIXED_PY = "def mixed(shape, seed):\n    x = filled(shape, seed)\n    return (x * x * 1e4) % 1.0\n";

/** Inputs, built once: A (n×n) and b (n) in [0, 1), S = A·Aᵀ + n·I, Q (qm×qn). */
let memo: { a: Float64Array; b: Float64Array; s: Float64Array; q: Float64Array } | undefined;
function inputs() {
  if (!memo) {
    const a = mixed(n * n, 1);
    const s = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++) {
        let t = 0;
        for (let k = 0; k < n; k++) t += a[i * n + k] * a[j * n + k];
        s[i * n + j] = s[j * n + i] = t + (i === j ? n : 0);
      }
    }
    memo = { a, b: mixed(n, 2), s, q: mixed(qm * qn, 3) };
  }
  return memo;
}
const quarter = (x: Float64Array) => x.map((v) => v * 0.25);

// ------------------------------------------------------------------ how each library is fed

const sr = (x: Float64Array, shape: number[]) => np.fromTypedArray(x, shape);
const srValues = (r: np.NDArray): ArrayLike<number> => r.flatten().data as Float64Array;
const UNBLOCKED = { blockSize: 1 << 30 };

const mlValues = (r: Matrix | number) => (typeof r === "number" ? r : r.to1DArray());
const absValues = (x: ArrayLike<number>) => Array.from(x, Math.abs);

type MjMatrix = math.Matrix<number>;
const mjMatrix = (x: Float64Array, rows: number, cols: number): MjMatrix => math.matrix(toRows(x, rows, cols)) as MjMatrix;
const mjValues = (r: MjMatrix | number): ArrayLike<number> | number => (typeof r === "number" ? r : (r.toArray() as number[][]).flat());

type NtsArray = ReturnType<typeof nts.frombuffer>;
const ntsArray = (x: Float64Array, shape: number[]): NtsArray => nts.frombuffer(x.slice(), "float64").reshape(...shape);
function ntsTimed<R>(run: () => R, values: (r: R) => ArrayLike<number> | number): Timed<R> {
  return {
    run,
    values,
    dispose: (r) => {
      for (const x of Array.isArray(r) ? r : [r]) if (x instanceof Object && "dispose" in x) (x as { dispose(): void }).dispose();
    },
  };
}
const ntsValues = (r: unknown): ArrayLike<number> | number => (typeof r === "number" ? r : (((r as NtsArray).toArray() as number[][]).flat(2) as number[]));

/** The kernel paths this engine runs, for the per-path contenders. */
function paths(): BackendRequest[] {
  const f = engineFeatures();
  return ["typescript", ...(f.simd ? (["wasm-simd"] as const) : []), ...(f.relaxedSimd ? (["wasm-relaxed-simd"] as const) : [])];
}

/**
 * sliderule for one operation: blocked on the auto backend, unblocked, and blocked on each
 * kernel path. The backend is set in setup (contenders are timed one after the other), and
 * the auto one restored for the next.
 */
function ours(make: () => { run: (o: { blockSize?: number }) => np.NDArray; values?: (r: np.NDArray) => ArrayLike<number> }): Contender[] {
  const on = (backend: BackendRequest, options: { blockSize?: number }) => () => {
    setBackend(backend);
    const m = make();
    return { run: () => m.run(options), values: m.values ?? srValues };
  };
  return [
    { name: "sliderule", note: "auto backend", setup: on("auto", {}) },
    { name: "sliderule unblocked", setup: on("auto", UNBLOCKED) },
    ...paths().map((p): Contender => ({ name: `sliderule (${p})`, setup: on(p, {}) })),
  ];
}

// ------------------------------------------------------------------ workloads

const size = `${n}×${n} f64`;

const solve: Workload = {
  name: "solve",
  size,
  flops: (2 / 3) * n ** 3 + 2 * n ** 2,
  note: "x = A⁻¹·b, one right-hand side",
  contenders: [
    ...ours(() => {
      const { a, b } = inputs();
      const [A, B] = [sr(a, [n, n]), sr(b, [n])];
      return { run: (o) => linalg.solve(A, B, o) };
    }),
    {
      name: "ml-matrix",
      setup: () => {
        const { a, b } = inputs();
        const [A, B] = [new Matrix(toRows(a, n, n)), Matrix.columnVector(Array.from(b))];
        return { run: () => mlSolve(A, B), values: mlValues };
      },
    },
    {
      name: "mathjs",
      setup: () => {
        const { a, b } = inputs();
        const [A, B] = [mjMatrix(a, n, n), math.matrix(Array.from(b)) as MjMatrix];
        return { run: () => math.lusolve(A, B) as MjMatrix, values: mjValues };
      },
    },
    {
      name: "numpy-ts",
      setup: () => {
        const { a, b } = inputs();
        const [A, B] = [ntsArray(a, [n, n]), ntsArray(b, [n])];
        return ntsTimed(() => nts.linalg.solve(A, B), ntsValues);
      },
    },
  ],
  numpy: { setup: `${MIXED_PY}a = mixed((${n}, ${n}), 1); b = mixed((${n},), 2)`, run: "np.linalg.solve(a, b)" },
};

const inv: Workload = {
  name: "inv",
  size,
  flops: 2 * n ** 3,
  contenders: [
    ...ours(() => {
      const A = sr(inputs().a, [n, n]);
      return { run: (o) => linalg.inv(A, o) };
    }),
    {
      name: "ml-matrix",
      setup: () => {
        const A = new Matrix(toRows(inputs().a, n, n));
        return { run: () => inverse(A), values: mlValues };
      },
    },
    {
      name: "mathjs",
      setup: () => {
        const A = mjMatrix(inputs().a, n, n);
        return { run: () => math.inv(A), values: mjValues };
      },
    },
    {
      name: "numpy-ts",
      setup: () => {
        const A = ntsArray(inputs().a, [n, n]);
        return ntsTimed(() => nts.linalg.inv(A), ntsValues);
      },
    },
  ],
  numpy: { setup: `${MIXED_PY}a = mixed((${n}, ${n}), 1)`, run: "np.linalg.inv(a)" },
};

const det: Workload = {
  name: "det",
  size,
  flops: (2 / 3) * n ** 3,
  note: "det(0.25·A): the scale keeps |det| within float64's range (≈ 1e-5)",
  contenders: [
    ...ours(() => {
      const A = sr(quarter(inputs().a), [n, n]);
      // det is a JS number (NumPy's scalar); wrapped in a 0-d array for the harness's value check
      return { run: (o) => np.full([], linalg.det(A, o)) };
    }),
    {
      name: "ml-matrix",
      setup: () => {
        const A = new Matrix(toRows(quarter(inputs().a), n, n));
        return { run: () => determinant(A), values: mlValues };
      },
    },
    {
      name: "mathjs",
      setup: () => {
        const A = mjMatrix(quarter(inputs().a), n, n);
        return { run: () => math.det(A), values: mjValues };
      },
    },
    {
      name: "numpy-ts",
      setup: () => {
        const A = ntsArray(quarter(inputs().a), [n, n]);
        return ntsTimed(() => nts.linalg.det(A), ntsValues);
      },
    },
  ],
  numpy: { setup: `${MIXED_PY}a = mixed((${n}, ${n}), 1) * 0.25`, run: "np.linalg.det(a)" },
};

const cholesky: Workload = {
  name: "cholesky",
  size,
  flops: n ** 3 / 3,
  note: "S = A·Aᵀ + n·I; mathjs has no Cholesky",
  contenders: [
    ...ours(() => {
      const S = sr(inputs().s, [n, n]);
      return { run: (o) => linalg.cholesky(S, o) };
    }),
    {
      name: "ml-matrix",
      setup: () => {
        const S = new Matrix(toRows(inputs().s, n, n));
        return { run: () => new CholeskyDecomposition(S).lowerTriangularMatrix, values: mlValues };
      },
    },
    {
      name: "numpy-ts",
      setup: () => {
        const S = ntsArray(inputs().s, [n, n]);
        return ntsTimed(() => nts.linalg.cholesky(S), ntsValues);
      },
    },
  ],
  numpy: { setup: `${MIXED_PY}a = mixed((${n}, ${n}), 1); s = a @ a.T + ${n} * np.eye(${n})`, run: "np.linalg.cholesky(s)" },
};

/** |R| of a reduced QR (R is unique up to the signs of its rows for full-rank A). */
const qr: Workload = {
  name: "qr",
  size: `${qm}×${qn} f64`,
  flops: 2 * (2 * qm * qn ** 2 - (2 / 3) * qn ** 3),
  note: "reduced Q and R; results compared through |R| (row signs are a convention)",
  contenders: [
    ...ours(() => {
      const Q = sr(inputs().q, [qm, qn]);
      return { run: (o) => linalg.qr(Q, o).R, values: (R) => absValues(R.flatten().data as Float64Array) };
    }),
    {
      name: "ml-matrix",
      setup: () => {
        const Q = new Matrix(toRows(inputs().q, qm, qn));
        return {
          run: () => {
            const f = new QrDecomposition(Q);
            return [f.orthogonalMatrix, f.upperTriangularMatrix] as const;
          },
          values: (r) => absValues(r[1].subMatrix(0, qn - 1, 0, qn - 1).to1DArray()),
        };
      },
    },
    {
      name: "mathjs",
      setup: () => {
        const Q = mjMatrix(inputs().q, qm, qn);
        return {
          run: () => math.qr(Q),
          // mathjs returns the complete factors: R is qm×qn, its first qn rows are the reduced R
          values: (r) => absValues((r.R as unknown as MjMatrix).toArray().slice(0, qn).flat() as number[]),
        };
      },
    },
    {
      name: "tfjs-wasm",
      precision: "float32",
      note: "tf.linalg.qr on tfjs-backend-wasm, 1 thread, float32",
      setup: async () => {
        await useTfWasm();
        const Q = tf.tensor2d(Float32Array.from(inputs().q), [qm, qn]);
        return {
          run: () => {
            const [q, r] = tf.linalg.qr(Q);
            r.dataSync();
            return [q, r] as const;
          },
          values: (f: readonly [tf.Tensor, tf.Tensor]) => absValues(f[1].dataSync() as Float32Array),
          dispose: (f: readonly [tf.Tensor, tf.Tensor]) => f.forEach((t) => t.dispose()),
        };
      },
    },
    {
      name: "numpy-ts",
      setup: () => {
        const Q = ntsArray(inputs().q, [qm, qn]);
        return ntsTimed(
          () => nts.linalg.qr(Q) as unknown as { q: NtsArray; r: NtsArray },
          (f) => absValues((f.r.toArray() as number[][]).flat()),
        );
      },
    },
  ],
  numpy: { setup: `${MIXED_PY}q = mixed((${qm}, ${qn}), 3)`, run: "np.abs(np.linalg.qr(q)[1])" },
};

export const workloads: Workload[] = [solve, inv, det, cholesky, qr];
