/**
 * matmul per gemm backend: C = A·B for square float64 and float32 matrices at n = 256, 512,
 * 1024, in GFLOP/s = 2·n³ / t, on each path of packages/ndarray/src/kernels/backend.ts.
 *
 *   backends f64 n      A, B: n×n float64, C = A @ B            (n = 256, 512, 1024)
 *   backends f32 n      the same in float32
 *
 * Contenders: sliderule (np.matmul on the "auto" backend: the best this engine validates),
 * then np.matmul forced to each path with setBackend: "typescript" (gemm.ts), "wasm-simd"
 * (gemm.as.ts, f64x2 mul + add), "wasm-relaxed-simd" (relaxed_madd; Node 20 has it only with
 * --experimental-wasm-relaxed-simd, so it is listed when the engine validates it); for float32
 * also the kernel with f32x4 sums (gemmWasm { float32Sums: "float32" }, NumPy's float32
 * precision, not what np.matmul does by default); numpy-ts (matmul, its WebAssembly kernels)
 * tfjs-wasm (tfjs's WebAssembly backend, XNNPACK, one thread; float32 only, so it runs the
 * float32 workloads) and NumPy (OpenBLAS, one thread). bench/matmul.bench.ts has tfjs's cpu
 * backend.
 *
 *   npm run bench -- backends                  these workloads
 *   node --experimental-wasm-relaxed-simd --import tsx bench/run.ts backends --inline
 *                                              ... with the relaxed-SIMD path
 *   npx tsx bench/matmul-backends.bench.ts --crossover
 *                                              TypeScript against wasm-simd at n = 8 … 128,
 *                                              for backend.ts WASM_CROSSOVER
 *   npx tsx bench/matmul-backends.bench.ts --vs-numpy [n] [rounds]
 *                                              float64 n×n (1024) on the auto backend against
 *                                              NumPy, alternating (paired: see vsNumpy)
 */
import * as np from "@sliderule/ndarray";
import { pathToFileURL } from "node:url";
import { engineFeatures, gemm, gemmWasm, getBackend, setBackend, strided, type BackendRequest } from "../packages/ndarray/src/kernels/index.js";
import { matmul } from "../packages/ndarray/src/products/index.js";
import { filled, measure, median, TIMING, type Contender, type Timed, type Workload } from "./harness.js";
import { findPython, runNumpy } from "./numpy.js";
import { nts, tf, useTfWasm } from "./peers.js";

const SIZES = [256, 512, 1024];

const srValues = (r: np.NDArray): ArrayLike<number> => r.flatten().data as Float64Array;

type NtsArray = ReturnType<typeof nts.frombuffer>;

/** The backends this engine can run, in the order of the table. */
function paths(): BackendRequest[] {
  const f = engineFeatures();
  return ["typescript", ...(f.simd ? (["wasm-simd"] as const) : []), ...(f.relaxedSimd ? (["wasm-relaxed-simd"] as const) : [])];
}

function square(n: number, precision: "float64" | "float32"): Workload {
  const f64 = precision === "float64";
  const operands = () => {
    const a = filled(n * n, 1),
      b = filled(n * n, 2);
    return f64 ? { a, b } : { a: Float32Array.from(a), b: Float32Array.from(b) };
  };
  /** np.matmul with the backend set before every call (another contender may have changed it). */
  const onBackend = (backend: BackendRequest): Timed<np.NDArray> => {
    const { a, b } = operands();
    const [A, B] = [np.fromTypedArray(a, [n, n]), np.fromTypedArray(b, [n, n])];
    return {
      run: () => {
        setBackend(backend);
        return matmul(A, B);
      },
      values: srValues,
    };
  };
  const contenders: Contender[] = [
    { name: "sliderule", precision, note: "auto backend", setup: () => onBackend("auto") },
    ...paths().map((p): Contender => ({ name: `sliderule (${p})`, precision, setup: () => onBackend(p) })),
  ];
  if (!f64 && engineFeatures().simd) {
    contenders.push({
      name: "sliderule (wasm-simd, f32 sums)",
      precision: "float32",
      note: "gemmWasm kernel, f32x4 sums, opt-in",
      setup: () => {
        const { a, b } = operands() as { a: Float32Array; b: Float32Array };
        const C = new Float32Array(n * n);
        // n×n row-major views
        const [Av, Bv, Cv] = [strided(a, n, n, 0, n, 1), strided(b, n, n, 0, n, 1), strided(C, n, n, 0, n, 1)];
        return {
          run: () => {
            gemmWasm(1, Av, Bv, 0, Cv, "wasm-simd", { float32Sums: "float32" });
            return C;
          },
          values: (r: Float32Array) => r,
        };
      },
    });
  }
  contenders.push({
    name: "numpy-ts",
    precision,
    setup: () => {
      const { a, b } = operands();
      const [A, B] = [nts.frombuffer(a.slice(), precision).reshape(n, n), nts.frombuffer(b.slice(), precision).reshape(n, n)];
      return {
        run: () => nts.matmul(A, B) as NtsArray,
        values: (r: NtsArray) => Array.from(r.flatten().data as Float64Array | Float32Array),
        dispose: (r: NtsArray) => r.dispose(),
      };
    },
  });
  if (!f64) {
    contenders.push({
      name: "tfjs-wasm",
      precision: "float32",
      note: "tfjs-backend-wasm, 1 thread; the result read with dataSync",
      setup: async () => {
        await useTfWasm();
        const { a, b } = operands() as { a: Float32Array; b: Float32Array };
        const [A, B] = [tf.tensor2d(a, [n, n]), tf.tensor2d(b, [n, n])];
        return {
          run: () => {
            const c = tf.matMul(A, B);
            c.dataSync();
            return c;
          },
          values: (r: tf.Tensor) => r.dataSync() as Float32Array,
          dispose: (r: tf.Tensor) => r.dispose(),
        };
      },
    });
  }
  const cast = f64 ? "" : ".astype(np.float32)";
  return {
    name: `backends ${f64 ? "f64" : "f32"} ${n}`,
    size: `${n}×${n} ${f64 ? "f64" : "f32"}`,
    flops: 2 * n ** 3,
    note: engineFeatures().relaxedSimd ? undefined : "wasm-relaxed-simd: not validated by this engine (Node 20: --experimental-wasm-relaxed-simd)",
    contenders,
    numpy: { setup: `a = filled((${n}, ${n}), 1)${cast}; b = filled((${n}, ${n}), 2)${cast}`, run: "a @ b" },
  };
}

export const workloads: Workload[] = [...SIZES.map((n) => square(n, "float64")), ...SIZES.map((n) => square(n, "float32"))];

// ------------------------------------------------------------------ --crossover (standalone)

/** Median ms per call of f over 9 samples of enough calls for ~20 Mflop each. */
function time(f: () => void, n: number): number {
  const reps = Math.max(1, Math.round(2e7 / n ** 3));
  for (let i = 0; i < 3 * reps; i++) f();
  const ts: number[] = [];
  for (let r = 0; r < 9; r++) {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) f();
    ts.push((performance.now() - t0) / reps);
  }
  return ts.sort((x, y) => x - y)[4];
}

/** gemm on the TypeScript path against gemm on wasm-simd (copies included), square float64. */
function crossover(): void {
  console.log("n     typescript GFLOP/s   wasm-simd GFLOP/s   time ts ÷ time wasm");
  for (const n of [8, 12, 16, 20, 24, 32, 48, 64, 96, 128]) {
    const x = filled(n * n, 1),
      y = filled(n * n, 2);
    // n×n row-major views
    const [A, B, C] = [strided(x, n, n, 0, n, 1), strided(y, n, n, 0, n, 1), strided(new Float64Array(n * n), n, n, 0, n, 1)];
    setBackend("typescript");
    const tTs = time(() => gemm(1, A, B, 0, C), n);
    const tWasm = time(() => gemmWasm(1, A, B, 0, C, "wasm-simd"), n);
    const g = (t: number) => ((2 * n ** 3) / t / 1e6).toFixed(2);
    console.log(`${String(n).padEnd(6)}${g(tTs).padStart(18)}${g(tWasm).padStart(20)}${(tTs / tWasm).toFixed(2).padStart(22)}`);
  }
}

// ------------------------------------------------------------------ --vs-numpy (standalone)

/**
 * np.matmul float64 n×n on the auto backend against NumPy's `a @ b` (one thread), paired: each
 * round times a block of our calls, then a block of NumPy's in a fresh Python process, so both
 * sides of a ratio see the same state of a shared machine (the table of `npm run bench` times
 * them minutes apart, and its ratios swing by a third when a neighbour's load comes and goes).
 * Prints each round's GFLOP/s and ours ÷ NumPy's speed, then the median of those ratios.
 */
function vsNumpy(n: number, rounds: number): void {
  const python = findPython();
  if (python === undefined) {
    console.log("vs-numpy: no Python with numpy (see bench/numpy.ts)");
    return;
  }
  const A = np.fromTypedArray(filled(n * n, 1), [n, n]);
  const B = np.fromTypedArray(filled(n * n, 2), [n, n]);
  const timing = { ...TIMING, targetSeconds: 1.5, minSamples: 5 };
  const twin = { setup: `a = filled((${n}, ${n}), 1); b = filled((${n}, ${n}), 2)`, run: "a @ b" };
  const gflops = (ms: number) => (2 * n ** 3) / ms / 1e6;
  const ratios: number[] = [];
  setBackend("auto");
  console.log(`float64 ${n}×${n}, backend ${getBackend()}; median of each block, GFLOP/s`);
  console.log("round   sliderule   numpy   sliderule ÷ numpy");
  for (let r = 0; r < rounds; r++) {
    const ours = measure({ run: () => matmul(A, B) }, timing).measurement.medianMs;
    const res = runNumpy(python, [{ id: "a @ b", twin }], timing, true).results[0];
    if (res?.medianMs === undefined) throw new Error(`vs-numpy: numpy failed: ${res?.error ?? "no result"}`);
    ratios.push(res.medianMs / ours);
    console.log(
      `${String(r + 1).padEnd(8)}${gflops(ours).toFixed(2).padStart(9)}${gflops(res.medianMs).toFixed(2).padStart(8)}${ratios[r].toFixed(3).padStart(20)}`,
    );
  }
  console.log(`median ratio ${median(ratios).toFixed(3)} (range ${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)}, ${rounds} rounds)`);
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain && process.argv.includes("--crossover")) crossover();
if (isMain && process.argv.includes("--vs-numpy")) {
  const [n, rounds] = process.argv.slice(process.argv.indexOf("--vs-numpy") + 1).map(Number);
  vsNumpy(Number.isInteger(n) && n > 0 ? n : 1024, Number.isInteger(rounds) && rounds > 0 ? rounds : 8);
}
