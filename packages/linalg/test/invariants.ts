/**
 * Invariant checks for decompositions, LAPACK's way (TESTING/LIN dget01, dqrt01, dpot01):
 * every tolerance is a ratio scaled by size, norm and machine epsilon, never a bare 1e-6.
 *
 *   reconstruction   ‖A − F‖_F / (max(m, n)·‖A‖_F·eps)        < c
 *   orthonormality   ‖QᴴQ − I‖_F / (max(m, k)·eps)            < c
 *   backward error   ‖A·x − b‖_F / (n·(‖A‖_F·‖x‖_F + ‖b‖_F)·eps) < c
 *
 * with c = 30 by default (LAPACK's test threshold). The products here are plain triple loops in
 * float64, independent of the gemm kernel under test. Complex matrices are supported: a
 * matrix is read as { m, n, re, im } (im all zero for real input), batched stacks as a list.
 */
import type { NDArray } from "@sliderule/ndarray";
import { expect } from "vitest";

/** Unit roundoff of each floating dtype (ints are checked as float64). */
export function epsOf(dtype: string): number {
  return dtype === "float32" ? 2 ** -23 : 2 ** -52;
}

/** A dense matrix in float64 with separate real and imaginary parts. */
export interface Mat {
  m: number;
  n: number;
  re: Float64Array;
  im: Float64Array;
}

export function zerosMat(m: number, n: number): Mat {
  return { m, n, re: new Float64Array(m * n), im: new Float64Array(m * n) };
}

export function eyeMat(n: number): Mat {
  const I = zerosMat(n, n);
  for (let i = 0; i < n; i++) I.re[i * n + i] = 1;
  return I;
}

/** The matrices of a stack (…, M, N), in C order of the batch index. Reads any strides. */
export function matrices(x: NDArray): Mat[] {
  if (x.ndim < 2) throw new Error(`matrices: need at least 2 dimensions, got shape (${x.shape.join(", ")})`);
  const m = x.shape[x.ndim - 2];
  const n = x.shape[x.ndim - 1];
  const batch = x.shape.slice(0, -2);
  const count = batch.reduce((p, d) => p * d, 1);
  const out: Mat[] = [];
  const complex = x.dtype === "complex128";
  for (let b = 0; b < count; b++) {
    // the batch index of matrix b
    let rem = b;
    let off = x.offset;
    for (let d = batch.length - 1; d >= 0; d--) {
      off += (rem % batch[d]) * x.strides[d];
      rem = Math.floor(rem / batch[d]);
    }
    const M = zerosMat(m, n);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        const e = off + i * x.strides[x.ndim - 2] + j * x.strides[x.ndim - 1];
        M.re[i * n + j] = complex ? x.data[2 * e] : x.data[e];
        M.im[i * n + j] = complex ? x.data[2 * e + 1] : 0;
      }
    }
    out.push(M);
  }
  return out;
}

/** A single matrix (a 2-D array). */
export function mat(x: NDArray): Mat {
  const ms = matrices(x);
  if (ms.length !== 1) throw new Error(`mat: expected one matrix, got a stack of ${ms.length}`);
  return ms[0];
}

/** A·B by the triple loop, complex arithmetic. */
export function mul(A: Mat, B: Mat): Mat {
  if (A.n !== B.m) throw new Error(`mul: ${A.m}x${A.n} times ${B.m}x${B.n}`);
  const C = zerosMat(A.m, B.n);
  for (let i = 0; i < A.m; i++) {
    for (let p = 0; p < A.n; p++) {
      const ar = A.re[i * A.n + p];
      const ai = A.im[i * A.n + p];
      if (ar === 0 && ai === 0) continue;
      for (let j = 0; j < B.n; j++) {
        const br = B.re[p * B.n + j];
        const bi = B.im[p * B.n + j];
        C.re[i * B.n + j] += ar * br - ai * bi;
        C.im[i * B.n + j] += ar * bi + ai * br;
      }
    }
  }
  return C;
}

/** The conjugate transpose Aᴴ (the transpose for real A). */
export function ctrans(A: Mat): Mat {
  const T = zerosMat(A.n, A.m);
  for (let i = 0; i < A.m; i++) {
    for (let j = 0; j < A.n; j++) {
      T.re[j * A.m + i] = A.re[i * A.n + j];
      T.im[j * A.m + i] = -A.im[i * A.n + j];
    }
  }
  return T;
}

export function sub(A: Mat, B: Mat): Mat {
  if (A.m !== B.m || A.n !== B.n) throw new Error(`sub: ${A.m}x${A.n} minus ${B.m}x${B.n}`);
  const C = zerosMat(A.m, A.n);
  for (let i = 0; i < A.re.length; i++) {
    C.re[i] = A.re[i] - B.re[i];
    C.im[i] = A.im[i] - B.im[i];
  }
  return C;
}

/** The Frobenius norm. */
export function normF(A: Mat): number {
  let s = 0;
  for (let i = 0; i < A.re.length; i++) s = Math.hypot(s, A.re[i], A.im[i]);
  return s;
}

/** The largest |entry|. */
export function maxAbs(A: Mat): number {
  let s = 0;
  for (let i = 0; i < A.re.length; i++) s = Math.max(s, Math.hypot(A.re[i], A.im[i]));
  return s;
}

/** A vector (…, M) read as M×1 matrices. */
export function columns(x: NDArray): Mat[] {
  return matrices(x.reshape([...x.shape, 1]));
}

/** The reconstruction ratio ‖A − F‖_F / (max(m, n)·‖A‖_F·eps); 0 for A = F = 0. */
export function reconstructionRatio(A: Mat, F: Mat, eps: number): number {
  const r = normF(sub(A, F));
  if (r === 0) return 0;
  return r / (Math.max(A.m, A.n, 1) * Math.max(normF(A), Number.MIN_VALUE) * eps);
}

/** Every matrix of the stack `A` equals the product of the corresponding factors. */
export function expectReconstructs(A: NDArray, factors: NDArray[], options: { eps?: number; c?: number; what?: string } = {}): void {
  const eps = options.eps ?? epsOf(factors[0].dtype);
  const c = options.c ?? 30;
  const as = matrices(A);
  const fs = factors.map(matrices);
  as.forEach((a, b) => {
    const product = fs.map((f) => f[b]).reduce((x, y) => mul(x, y));
    const ratio = reconstructionRatio(a, product, eps);
    expect(ratio, `${options.what ?? "reconstruction"} ratio of matrix ${b}`).toBeLessThan(c);
  });
}

/** QᴴQ = I for every matrix of the stack: ‖QᴴQ − I‖_F / (max(m, k)·eps) < c. */
export function expectOrthonormal(Q: NDArray, options: { eps?: number; c?: number } = {}): void {
  const eps = options.eps ?? epsOf(Q.dtype);
  const c = options.c ?? 30;
  matrices(Q).forEach((q, b) => {
    const r = normF(sub(mul(ctrans(q), q), eyeMat(q.n)));
    expect(r / (Math.max(q.m, q.n, 1) * eps), `orthonormality ratio of matrix ${b}`).toBeLessThan(c);
  });
}

/** Exactly zero below the diagonal (`strict` false) or also on it. */
export function expectUpperTriangular(R: NDArray): void {
  matrices(R).forEach((r, b) => {
    for (let i = 0; i < r.m; i++) {
      for (let j = 0; j < Math.min(i, r.n); j++) {
        expect(r.re[i * r.n + j] === 0 && r.im[i * r.n + j] === 0, `R[${i}, ${j}] of matrix ${b} is not zero`).toBe(true);
      }
    }
  });
}

/** Exactly zero above the diagonal; with `unitDiagonal`, ones on it. */
export function expectLowerTriangular(L: NDArray, options: { unitDiagonal?: boolean } = {}): void {
  matrices(L).forEach((l, b) => {
    for (let i = 0; i < l.m; i++) {
      for (let j = i + 1; j < l.n; j++) {
        expect(l.re[i * l.n + j] === 0 && l.im[i * l.n + j] === 0, `L[${i}, ${j}] of matrix ${b} is not zero`).toBe(true);
      }
      if (options.unitDiagonal && i < l.n) expect(l.re[i * l.n + i], `L[${i}, ${i}] of matrix ${b}`).toBe(1);
    }
  });
}

/** Entries exactly 0 or 1, one 1 in every row and column. */
export function expectPermutation(P: NDArray): void {
  matrices(P).forEach((p) => {
    expect(p.m).toBe(p.n);
    for (let i = 0; i < p.m; i++) {
      let row = 0;
      let col = 0;
      for (let j = 0; j < p.n; j++) {
        const x = p.re[i * p.n + j];
        const y = p.re[j * p.n + i];
        expect(x === 0 || x === 1).toBe(true);
        row += x;
        col += y;
      }
      expect(row).toBe(1);
      expect(col).toBe(1);
    }
  });
}

/**
 * Backward error of a solve: ‖A·x − b‖_F / (n·(‖A‖_F·‖x‖_F + ‖b‖_F)·eps) < c, per matrix;
 * x and b are stacks of matrices (callers turn vectors into columns).
 */
export function expectSolves(A: NDArray, x: Mat[], b: Mat[], options: { eps?: number; c?: number; trans?: boolean } = {}): void {
  const eps = options.eps ?? epsOf(A.dtype === "float32" ? "float32" : "float64");
  const c = options.c ?? 30;
  const as = matrices(A);
  x.forEach((xi, p) => {
    const a = as[as.length === 1 ? 0 : p];
    const op = options.trans ? ctrans(a) : a;
    const r = normF(sub(mul(op, xi), b[p]));
    const scale = Math.max(a.n, 1) * (normF(a) * normF(xi) + normF(b[p])) * eps;
    expect(r === 0 ? 0 : r / scale, `backward error ratio of system ${p}`).toBeLessThan(c);
  });
}

/** Element-wise closeness, |x − y| ≤ atol + rtol·|y|, of two stacks. */
export function expectClose(x: NDArray, y: NDArray | Mat[], rtol: number, atol = 0): void {
  const xs = matrices(x.ndim < 2 ? x.reshape([1, ...(x.ndim === 0 ? [1] : x.shape)]) : x);
  const ys = Array.isArray(y) ? y : matrices(y.ndim < 2 ? y.reshape([1, ...(y.ndim === 0 ? [1] : y.shape)]) : y);
  expect(xs.length).toBe(ys.length);
  xs.forEach((a, b) => {
    const e = ys[b];
    expect([a.m, a.n]).toEqual([e.m, e.n]);
    for (let i = 0; i < a.re.length; i++) {
      const d = Math.hypot(a.re[i] - e.re[i], a.im[i] - e.im[i]);
      const bound = atol + rtol * Math.hypot(e.re[i], e.im[i]);
      if (!(d <= bound))
        expect.fail(
          `element ${i} of matrix ${b}: ${a.re[i]}${a.im[i] ? `+${a.im[i]}i` : ""} vs ${e.re[i]}${e.im[i] ? `+${e.im[i]}i` : ""} (|diff| ${d} > ${bound})`,
        );
    }
  });
}
