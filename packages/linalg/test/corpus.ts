/**
 * A tagged corpus of test matrices (after NumPy's `LinalgCase` tags in test_linalg.py).
 *
 * Base matrices carry tags (square, tall, wide, spd, singular, ill-conditioned, empty, 1x1,
 * float32, int32, complex); `corpus()` adds derived variants of every base matrix:
 *   - batched: a (3, M, N) stack [A, 2A, 3A] (keeps every property: spd, rank, …);
 *   - strided: A as a transposed view (F order) and as a step-2/step-3 slice of a larger array,
 *     so every routine is also run on non-contiguous input.
 * All randomness is from a seeded PRNG (mulberry32), so the corpus is the same on every run.
 */
import * as np from "@sliderule/ndarray";
import type { DType, NDArray } from "@sliderule/ndarray";

export type Tag =
  "square" | "tall" | "wide" | "spd" | "singular" | "ill-conditioned" | "empty" | "1x1" | "float32" | "int32" | "complex" | "batched" | "strided";

export interface CorpusMatrix {
  name: string;
  tags: readonly Tag[];
  a: NDArray;
}

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal samples (Box–Muller) from a uniform source. */
export function normals(rand: () => number, count: number): Float64Array {
  const out = new Float64Array(count);
  for (let i = 0; i < count; i += 2) {
    const u = Math.max(rand(), 1e-300);
    const v = rand();
    const r = Math.sqrt(-2 * Math.log(u));
    out[i] = r * Math.cos(2 * Math.PI * v);
    if (i + 1 < count) out[i + 1] = r * Math.sin(2 * Math.PI * v);
  }
  return out;
}

/** An m×n (or batch×m×n) matrix of standard normal entries. */
export function randomMatrix(shape: readonly number[], seed: number, dtype: DType = "float64"): NDArray {
  const size = shape.reduce((p, d) => p * d, 1);
  const a = np.fromTypedArray(normals(rng(seed), size), shape.slice());
  return dtype === "float64" ? a : a.astype(dtype);
}

/** A complex matrix with standard normal real and imaginary parts. */
export function randomComplex(shape: readonly number[], seed: number): NDArray {
  const size = shape.reduce((p, d) => p * d, 1);
  return np.fromTypedArray(normals(rng(seed), 2 * size), shape.slice(), "complex128");
}

/** A random integer matrix with entries in [−k, k]. */
export function randomInt(shape: readonly number[], seed: number, k = 5): NDArray {
  const rand = rng(seed);
  const size = shape.reduce((p, d) => p * d, 1);
  const data = new Int32Array(size);
  for (let i = 0; i < size; i++) data[i] = Math.floor(rand() * (2 * k + 1)) - k;
  return np.fromTypedArray(data, shape.slice());
}

/** X·Xᵀ + n·I: symmetric positive definite, well conditioned. */
export function spdMatrix(n: number, seed: number): NDArray {
  const X = normals(rng(seed), n * n);
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += X[i * n + k] * X[j * n + k];
      A[i * n + j] = s + (i === j ? n : 0);
    }
  }
  return np.fromTypedArray(A, [n, n]);
}

/** Z·Zᴴ + n·I with complex Z: Hermitian positive definite. */
export function hpdMatrix(n: number, seed: number): NDArray {
  const Z = normals(rng(seed), 2 * n * n);
  const A = new Float64Array(2 * n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let sr = 0;
      let si = 0;
      for (let k = 0; k < n; k++) {
        // z_ik·conj(z_jk)
        const ar = Z[2 * (i * n + k)];
        const ai = Z[2 * (i * n + k) + 1];
        const br = Z[2 * (j * n + k)];
        const bi = -Z[2 * (j * n + k) + 1];
        sr += ar * br - ai * bi;
        si += ar * bi + ai * br;
      }
      A[2 * (i * n + j)] = sr + (i === j ? n : 0);
      A[2 * (i * n + j) + 1] = i === j ? 0 : si;
    }
  }
  return np.fromTypedArray(A, [n, n], "complex128");
}

/** The Hilbert matrix H[i, j] = 1/(i + j + 1): SPD and badly conditioned (cond(H_8) ≈ 1.5e10). */
export function hilbert(n: number): NDArray {
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) A[i * n + j] = 1 / (i + j + 1);
  return np.fromTypedArray(A, [n, n]);
}

/** An n×n matrix of rank r (< n): a product of n×r and r×n random factors, made exact with integers. */
export function singularMatrix(n: number, r: number, seed: number): NDArray {
  const X = randomInt([n, r], seed, 3);
  const Y = randomInt([r, n], seed + 1, 3);
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let k = 0; k < r; k++) A[i * n + j] += X.get(i, k) * Y.get(k, j);
  return np.fromTypedArray(A, [n, n]);
}

/** The base matrices. */
export function baseCorpus(): CorpusMatrix[] {
  const out: CorpusMatrix[] = [];
  const add = (name: string, tags: Tag[], a: NDArray) => out.push({ name, tags, a });
  for (const n of [2, 3, 5, 8, 17, 40]) add(`random ${n}x${n}`, ["square"], randomMatrix([n, n], 100 + n));
  add("random 1x1", ["square", "1x1"], randomMatrix([1, 1], 7));
  add("empty 0x0", ["square", "empty", "spd"], np.zeros([0, 0]));
  for (const n of [1, 4, 9, 33]) add(`spd ${n}`, ["square", "spd"], spdMatrix(n, 200 + n));
  add("hilbert 8", ["square", "spd", "ill-conditioned"], hilbert(8));
  add("singular 4 rank 2", ["square", "singular"], singularMatrix(4, 2, 300));
  add("singular 6 rank 5", ["square", "singular"], singularMatrix(6, 5, 310));
  add("zero 3x3", ["square", "singular"], np.zeros([3, 3]));
  add("tall 7x3", ["tall"], randomMatrix([7, 3], 400));
  add("tall 50x20", ["tall"], randomMatrix([50, 20], 401));
  add("wide 3x7", ["wide"], randomMatrix([3, 7], 402));
  add("wide 20x45", ["wide"], randomMatrix([20, 45], 403));
  add("float32 6x6", ["square", "float32"], randomMatrix([6, 6], 500, "float32"));
  add("float32 spd 5", ["square", "spd", "float32"], spdMatrix(5, 501).astype("float32"));
  add("float32 tall 9x4", ["tall", "float32"], randomMatrix([9, 4], 502, "float32"));
  add("int32 4x4", ["square", "int32"], randomInt([4, 4], 600).add(np.eye(4, { dtype: "int32" }).multiply(9)));
  add("complex 4x4", ["square", "complex"], randomComplex([4, 4], 700));
  add("complex tall 6x3", ["tall", "complex"], randomComplex([6, 3], 701));
  add("complex hpd 5", ["square", "spd", "complex"], hpdMatrix(5, 702));
  return out;
}

/** A as a stack [A, 2A, 3A] of shape (3, M, N). */
export function batched(a: NDArray): NDArray {
  return np.stack([a, a.multiply(2), a.multiply(3)]).astype(a.dtype);
}

/** A as the transpose view of its own transpose (same values, Fortran strides). */
export function transposedView(a: NDArray): NDArray {
  return a.swapaxes(-1, -2).copy().swapaxes(-1, -2);
}

/** A as a step-2 (rows), step-3 (columns) slice of a larger zero-padded array. */
export function slicedView(a: NDArray): NDArray {
  const [m, n] = a.shape.slice(-2);
  const big = np.zeros([...a.shape.slice(0, -2), 2 * m + 1, 3 * n + 2], a.dtype);
  const view = big.slice("...", `1:${1 + 2 * m}:2`, `2:${2 + 3 * n}:3`);
  view.set(a);
  return view;
}

/** Every base matrix plus its batched and strided variants. */
export function corpus(): CorpusMatrix[] {
  const out: CorpusMatrix[] = [];
  for (const c of baseCorpus()) {
    out.push(c);
    out.push({ name: `${c.name}, batched`, tags: [...c.tags, "batched"], a: batched(c.a) });
    if (c.a.size > 0) {
      out.push({ name: `${c.name}, transposed view`, tags: [...c.tags, "strided"], a: transposedView(c.a) });
      out.push({ name: `${c.name}, sliced view`, tags: [...c.tags, "strided"], a: slicedView(c.a) });
    }
  }
  return out;
}

/** The corpus entries whose tags satisfy `keep`. */
export function select(keep: (tags: readonly Tag[]) => boolean): CorpusMatrix[] {
  return corpus().filter((c) => keep(c.tags));
}
