/**
 * The browser side of browser.test.ts: bundled by esbuild for the browser (no Node API may
 * appear in what it imports) and run in headless Chromium. For every gemm backend the engine
 * offers, it multiplies float64 and float32 matrices through np.matmul (products above the
 * WebAssembly crossover, plus a transposed view) and compares them with the triple-loop
 * reference kernel; on the WebAssembly paths it also factors a matrix with the resident LU
 * and Cholesky kernels (factor.as.ts) and measures their residuals; it draws seeded random
 * numbers and prints an array, the parts of the library a course page would use first.
 */
import * as np from "@sliderule/ndarray";
import {
  colMajor,
  engineFeatures,
  gemmReference,
  getBackend,
  getrfResident,
  potrfResident,
  residentWork,
  setBackend,
  showConfig,
  strided,
  T,
  type BackendName,
} from "@sliderule/ndarray/kernels";

export interface BackendReport {
  backend: BackendName;
  active: BackendName;
  /** max |matmul − reference| / (k·max|A|·max|B|·eps) over the products, per dtype */
  scaledError: { float64: number; float32: number };
  /** Resident LU and Cholesky (WebAssembly paths only): largest residual entry in units of n·eps·scale. */
  factorError: { lu: number; cholesky: number } | null;
}

/**
 * Factor a random n×n A (LU, entries in [-1, 1]) and S = A·Aᵀ + n·I (Cholesky) in a resident
 * workspace; the largest entry of |P⁻¹·A − L·U| in units of n·eps and of |S − L·Lᵀ| in units
 * of n·eps·(2n); null when the backend has no resident workspaces (TypeScript).
 */
function factorError(n: number): { lu: number; cholesky: number } | null {
  const work = residentWork([n * n, n * n]);
  if (work === null) return null;
  try {
    const [W, S] = work.arrays;
    const A = new Float64Array(n * n).map((_, i) => Math.sin(i * 0.37 + 1)); // column-major
    W.set(A);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let s = i === j ? n : 0;
        for (let k = 0; k < n; k++) s += A[i + k * n] * A[j + k * n];
        S[i + j * n] = s;
      }
    }
    const S0 = Float64Array.from(S);
    const ipiv = new Int32Array(n);
    if (getrfResident(colMajor(W, n, n), ipiv, 32) !== -1 || potrfResident(colMajor(S, n, n), 32) !== -1) return { lu: Infinity, cholesky: Infinity };
    // P⁻¹·A: the swaps of ipiv applied to A's rows in order, then compared with L·U
    const PA = Float64Array.from(A);
    for (let j = 0; j < n; j++) {
      const p = ipiv[j];
      for (let c = 0; c < n; c++) [PA[j + c * n], PA[p + c * n]] = [PA[p + c * n], PA[j + c * n]];
    }
    let lu = 0;
    let chol = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let k = 0; k <= Math.min(i, j); k++) s += (k === i ? 1 : W[i + k * n]) * W[k + j * n];
        lu = Math.max(lu, Math.abs(PA[i + j * n] - s));
        if (j <= i) {
          let t = 0;
          for (let k = 0; k <= j; k++) t += S[i + k * n] * S[j + k * n];
          chol = Math.max(chol, Math.abs(S0[i + j * n] - t) / (2 * n));
        }
      }
    }
    return { lu: lu / (n * 2 ** -52), cholesky: chol / (n * 2 ** -52) };
  } finally {
    work.release();
  }
}

export interface PageReport {
  features: ReturnType<typeof engineFeatures>;
  autoBackend: BackendName;
  config: string;
  backends: BackendReport[];
  randn: number[];
  printed: string;
}

/** max |C − reference| in units of k·eps (operands in [-1, 1)). */
function matmulError(dtype: "float64" | "float32", m: number, k: number, n: number, transposeA: boolean): number {
  const rs = new np.random.RandomState(m * 1000 + n);
  const A0 = rs.uniform(-1, 1, transposeA ? [k, m] : [m, k]).astype(dtype);
  const A = transposeA ? A0.T : A0;
  const B = rs.uniform(-1, 1, [k, n]).astype(dtype);
  const C = np.matmul(A, B);
  const ref = new Float64Array(m * n);
  const Ad = A0.astype("float64").data as Float64Array;
  const Bd = B.astype("float64").data as Float64Array;
  // A as the view T(A0) when transposed: A0 (k, m) C-contiguous read with strides swapped
  const A0v = strided(Ad, A0.shape[0], A0.shape[1], 0, A0.shape[1], 1);
  gemmReference(1, transposeA ? T(A0v) : A0v, strided(Bd, k, n, 0, n, 1), 0, strided(ref, m, n, 0, n, 1));
  const c = C.astype("float64").data as Float64Array;
  const eps = dtype === "float64" ? 2 ** -52 : 2 ** -23;
  let worst = 0;
  for (let i = 0; i < ref.length; i++) worst = Math.max(worst, Math.abs(c[i] - ref[i]));
  return worst / (k * eps);
}

export function run(): PageReport {
  const features = engineFeatures();
  const autoBackend = getBackend();
  const config = showConfig();
  const offered: BackendName[] = ["typescript"];
  if (features.simd) offered.push("wasm-simd");
  if (features.relaxedSimd) offered.push("wasm-relaxed-simd");
  const backends = offered.map((backend): BackendReport => {
    setBackend(backend);
    const err = (dtype: "float64" | "float32") =>
      Math.max(matmulError(dtype, 70, 50, 40, false), matmulError(dtype, 64, 64, 64, true), matmulError(dtype, 129, 7, 33, false));
    return { backend, active: getBackend(), scaledError: { float64: err("float64"), float32: err("float32") }, factorError: factorError(150) };
  });
  setBackend("auto");
  np.random.seed(42);
  const randn = Array.from(np.random.randn(3).data as Float64Array);
  const printed = np.arange(6).reshape([2, 3]).toString();
  return { features, autoBackend, config, backends, randn, printed };
}
