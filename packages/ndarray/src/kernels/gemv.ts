/**
 * gemv: y := alpha·A·x + beta·y on strided buffers (BLAS dgemv). The transposed product Aᵀ·x
 * is the same call with A's two strides exchanged.
 *
 *   A: (m, n) at A[aOff + i·aRs + j·aCs],  x: n values at x[xOff + j·xs],  y: m at y[yOff + i·ys]
 *   y_i := alpha·Σ_{j<n} A[i, j]·x_j + beta·y_i        (beta = 0: y is not read)
 *
 * Two routines, one contract (docs/style.md §6):
 *   - `gemvReference`: the double loop above, the spec;
 *   - `gemv`: a float64 A that lies in WebAssembly memory (a resident workspace, backend.ts
 *     `residentWork`) with contiguous columns or rows goes to the SIMD kernels of gemm.as.ts
 *     (dgemvColumns, the axpy form, or dgemvRows, the dot form), x gathered and A·x formed in
 *     the module's scratch: O(m + n) copied against m·n multiply-adds. Anything else runs the
 *     reference's loops in the order that walks A contiguously (four columns per pass over
 *     y, or four partial sums per row).
 * Matrix–vector products are half the flops of the Householder reductions (bidiagonal,
 * tridiagonal, Hessenberg), which blocking cannot turn into gemm.
 *
 * `symv` (BLAS dsymv, uplo = L) is the symmetric sibling: y := alpha·A·x + beta·y with A
 * symmetric and only its lower triangle read (column-major, A[i, j] at A[aOff + i + j·lda],
 * i ≥ j); twin `symvReference`, SIMD (dsymvLower) for a resident float64 A.
 *
 * Reference: Dongarra, Du Croz, Hammarling, Hanson, "An extended set of FORTRAN basic linear
 * algebra subprograms", ACM TOMS 14 (1988) (xGEMV).
 */
import { activeWasm } from "./backend.js";
import type { GemvArgs, SymvArgs } from "./gemv-args.js";
import { gemvResident, symvResident } from "./wasm/gemv.wasm.js";

export type { GemvArgs, SymvArgs } from "./gemv-args.js";

/** y := alpha·A·x + beta·y by the double loop (the spec). */
export function gemvReference(args: GemvArgs): void {
  const { m, n, alpha, A, aOff, aRs, aCs, x, xOff, xs, beta, y, yOff, ys } = args;
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += A[aOff + i * aRs + j * aCs] * x[xOff + j * xs];
    const yi = yOff + i * ys;
    y[yi] = beta === 0 ? alpha * s : alpha * s + beta * y[yi];
  }
}

/** Smallest m·n sent to WebAssembly (below it the call costs more than SIMD saves). */
export const GEMV_WASM_MIN = 32 * 32;

/** y := alpha·A·x + beta·y (see the file header). */
export function gemv(args: GemvArgs): void {
  const { m, n } = args;
  if (m === 0) return;
  if (m * n >= GEMV_WASM_MIN) {
    const w = activeWasm();
    if (w !== null && gemvResident(args, w)) return;
  }
  if (Math.abs(args.aRs) <= Math.abs(args.aCs)) gemvColumns(args);
  else gemvRows(args);
}

/**
 * The dot form in TypeScript: y_i := alpha·A[i, :]·x + beta·y_i, with four partial sums so
 * that the additions do not wait on each other (one running sum is bound by the adder's
 * latency; four run about 2× faster).
 */
function gemvRows(args: GemvArgs): void {
  const { m, n, alpha, A, aOff, aRs, aCs, x, xOff, xs, beta, y, yOff, ys } = args;
  for (let i = 0; i < m; i++) {
    const ai = aOff + i * aRs;
    let s0 = 0,
      s1 = 0,
      s2 = 0,
      s3 = 0;
    let j = 0;
    for (; j + 4 <= n; j += 4) {
      s0 += A[ai + j * aCs] * x[xOff + j * xs];
      s1 += A[ai + (j + 1) * aCs] * x[xOff + (j + 1) * xs];
      s2 += A[ai + (j + 2) * aCs] * x[xOff + (j + 2) * xs];
      s3 += A[ai + (j + 3) * aCs] * x[xOff + (j + 3) * xs];
    }
    for (; j < n; j++) s0 += A[ai + j * aCs] * x[xOff + j * xs];
    const s = s0 + s1 + (s2 + s3);
    const yi = yOff + i * ys;
    y[yi] = beta === 0 ? alpha * s : alpha * s + beta * y[yi];
  }
}

/** The axpy form in TypeScript: y := beta·y, then y += alpha·A[:, j]·x_j, four columns at a time. */
function gemvColumns(args: GemvArgs): void {
  const { m, n, alpha, A, aOff, aRs, aCs, x, xOff, xs, beta, y, yOff, ys } = args;
  for (let i = 0, yi = yOff; i < m; i++, yi += ys) y[yi] = beta === 0 ? 0 : beta * y[yi];
  let j = 0;
  for (; j + 4 <= n; j += 4) {
    const x0 = alpha * x[xOff + j * xs],
      x1 = alpha * x[xOff + (j + 1) * xs];
    const x2 = alpha * x[xOff + (j + 2) * xs],
      x3 = alpha * x[xOff + (j + 3) * xs];
    const a0 = aOff + j * aCs,
      a1 = a0 + aCs,
      a2 = a1 + aCs,
      a3 = a2 + aCs;
    for (let i = 0, yi = yOff, r = 0; i < m; i++, yi += ys, r += aRs) {
      y[yi] += A[a0 + r] * x0 + A[a1 + r] * x1 + A[a2 + r] * x2 + A[a3 + r] * x3;
    }
  }
  for (; j < n; j++) {
    const xj = alpha * x[xOff + j * xs];
    const aj = aOff + j * aCs;
    for (let i = 0, yi = yOff, r = 0; i < m; i++, yi += ys, r += aRs) y[yi] += A[aj + r] * xj;
  }
}

/** y := alpha·A·x + beta·y reading A's lower triangle only, by the double loop (the spec). */
export function symvReference(args: SymvArgs): void {
  const { n, alpha, A, aOff, lda, x, xOff, xs, beta, y, yOff, ys } = args;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += A[aOff + (i >= j ? i + j * lda : j + i * lda)] * x[xOff + j * xs];
    const yi = yOff + i * ys;
    y[yi] = beta === 0 ? alpha * s : alpha * s + beta * y[yi];
  }
}

/** y := alpha·A·x + beta·y for the lower-stored symmetric A (see the file header). */
export function symv(args: SymvArgs): void {
  const { n } = args;
  if (n === 0) return;
  if (n * n >= GEMV_WASM_MIN) {
    const w = activeWasm();
    if (w !== null && symvResident(args, w)) return;
  }
  symvColumns(args);
}

/**
 * symv in TypeScript, one pass per column: column j below the diagonal is an axpy into y and a
 * dot with x (row j of A), the dot as two partial sums so its additions do not wait on each other.
 */
function symvColumns(args: SymvArgs): void {
  const { n, alpha, A, aOff, lda, x, xOff, xs, beta, y, yOff, ys } = args;
  for (let i = 0, yi = yOff; i < n; i++, yi += ys) y[yi] = beta === 0 ? 0 : beta * y[yi];
  for (let j = 0; j < n; j++) {
    const col = aOff + j * lda;
    const t1 = alpha * x[xOff + j * xs];
    let t2a = 0;
    let t2b = 0;
    let r = j + 1;
    for (; r + 2 <= n; r += 2) {
      const a0 = A[col + r];
      const a1 = A[col + r + 1];
      y[yOff + r * ys] += t1 * a0;
      y[yOff + (r + 1) * ys] += t1 * a1;
      t2a += a0 * x[xOff + r * xs];
      t2b += a1 * x[xOff + (r + 1) * xs];
    }
    if (r < n) {
      const a = A[col + r];
      y[yOff + r * ys] += t1 * a;
      t2a += a * x[xOff + r * xs];
    }
    y[yOff + j * ys] += t1 * A[col + j] + alpha * (t2a + t2b);
  }
}
