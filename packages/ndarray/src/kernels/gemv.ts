/**
 * gemv: y := alpha·A·x + beta·y on matrix views (BLAS dgemv), and its symmetric sibling symv.
 *
 *   gemv(alpha, A, x, beta, y)     A: m×n Block,  x: n×1 Block,  y: m×1 Block   (block.ts)
 *   y_i := alpha·Σ_{j<n} A[i, j]·x_j + beta·y_i        (beta = 0: y is not read)
 *
 * A vector is a one-column view: `vector(data, n, off, stride)`, or part of a matrix's column
 * or row, `column(A, i, j, len)`, `row(A, i, j, len)`. The transposed product Aᵀ·x is
 * gemv(alpha, T(A), x, beta, y): no flag, the view's strides are exchanged. So LAPACK's
 * "A(i:m, i) −= A(i:m, 0:i)·Y(i, 0:i)ᵀ" is
 * `gemv(-1, sub(A, i, 0, m − i, i), row(Y, i, 0, i), 1, column(A, i, i, m − i))`.
 *
 * Two routines, one contract (docs/style.md §6):
 *   - `gemvReference`: the double loop above, the spec;
 *   - `gemv`: a float64 A that lies in WebAssembly memory (a resident workspace, backend.ts
 *     `residentWork`) with contiguous columns or rows goes to the SIMD kernels of gemm.as.ts
 *     (dgemvColumns, the axpy form, or dgemvRows, the dot form), x gathered and A·x formed in
 *     the module's scratch: O(m + n) copied against m·n multiply-adds (wasm/gemv.wasm.ts).
 *     Anything else runs the reference's loops in the order that walks A contiguously (four
 *     columns per pass over y, or four partial sums per row).
 * Matrix–vector products are half the flops of the Householder reductions (bidiagonal,
 * tridiagonal, Hessenberg), which blocking cannot turn into gemm.
 *
 * `symv(alpha, lower(A), x, beta, y)` (BLAS dsymv, uplo = L) is the symmetric sibling: A
 * symmetric n×n, only its lower triangle read (i ≥ j), from a column-major view (row stride
 * 1); any other view (an upper or unit triangle, a plain Block) is a caller's bug. Twin
 * `symvReference`, SIMD (dsymvLower) for a resident float64 A.
 *
 * Every entry checks its views once per call, O(1): shapes agree, all operands share one
 * element type, every corner lies inside its buffer. A violation is our own bug and throws
 * `internal: <kernel>: …`. Nothing is allocated per element.
 *
 * Reference: Dongarra, Du Croz, Hammarling, Hanson, "An extended set of FORTRAN basic linear
 * algebra subprograms", ACM TOMS 14 (1988) (xGEMV, xSYMV).
 */
import { activeWasm } from "./backend.js";
import { checkInside, leadingDim, type Block, type FloatArray, type TriangularBlock } from "./block.js";
import { gemvResident, symvResident } from "./wasm/gemv.wasm.js";

/** A view's shape, for the internal errors. */
const shape = (B: Block): string => `${B.rows}×${B.cols}`;

/** The O(1) checks of y := alpha·A·x + beta·y (see the file header); `fn` names the kernel. */
function checkViews(fn: string, A: Block, x: Block, y: Block): void {
  if (x.cols !== 1 || y.cols !== 1 || A.cols !== x.rows || A.rows !== y.rows) {
    throw new Error(`internal: ${fn}: shapes ${shape(A)} · ${shape(x)} → ${shape(y)} do not agree`);
  }
  const f64 = A.data instanceof Float64Array;
  if (x.data instanceof Float64Array !== f64 || y.data instanceof Float64Array !== f64) {
    throw new Error(`internal: ${fn}: element types differ: A ${A.data.constructor.name}, x ${x.data.constructor.name}, y ${y.data.constructor.name}`);
  }
  checkInside(fn, "A", A);
  checkInside(fn, "x", x);
  checkInside(fn, "y", y);
}

/** The checks of symv: those of gemv, plus A a column-major lower (non-unit) triangle. Returns A's leading dimension. */
function checkSymv(fn: string, A: TriangularBlock, x: Block, y: Block): number {
  if (A.uplo !== "lower" || A.unit !== false || A.rows !== A.cols) {
    throw new Error(
      `internal: ${fn}: expected lower(A), a square view of the stored lower triangle, got a ${shape(A)} ${String(A.uplo)}${A.unit ? " unit" : ""} view`,
    );
  }
  checkViews(fn, A, x, y);
  return leadingDim(A, fn);
}

/** y := alpha·A·x + beta·y by the double loop (the spec). */
export function gemvReference(alpha: number, A: Block, x: Block, beta: number, y: Block): void {
  checkViews("gemvReference", A, x, y);
  const { rows: m, cols: n, data: a, off: aOff, rs: aRs, cs: aCs } = A;
  const { data: xd, off: xOff, rs: xs } = x;
  const { data: yd, off: yOff, rs: ys } = y;
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += a[aOff + i * aRs + j * aCs] * xd[xOff + j * xs];
    const yi = yOff + i * ys;
    yd[yi] = beta === 0 ? alpha * s : alpha * s + beta * yd[yi];
  }
}

/** Smallest m·n sent to WebAssembly (below it the call costs more than SIMD saves). */
export const GEMV_WASM_MIN = 32 * 32;

/** y := alpha·A·x + beta·y (see the file header). */
export function gemv(alpha: number, A: Block, x: Block, beta: number, y: Block): void {
  checkViews("gemv", A, x, y);
  const { rows: m, cols: n } = A;
  if (m === 0) return;
  if (m * n >= GEMV_WASM_MIN) {
    const w = activeWasm();
    if (w !== null && gemvResident(alpha, A, x, beta, y, w)) return;
  }
  if (Math.abs(A.rs) <= Math.abs(A.cs)) gemvColumns(alpha, A, x, beta, y);
  else gemvRows(alpha, A, x, beta, y);
}

/**
 * The dot form in TypeScript: y_i := alpha·A[i, :]·x + beta·y_i, with four partial sums so
 * that the additions do not wait on each other (one running sum is bound by the adder's
 * latency; four run about 2× faster).
 */
function gemvRows(alpha: number, A: Block, x: Block, beta: number, y: Block): void {
  const { rows: m, cols: n, data: a, off: aOff, rs: aRs, cs: aCs } = A;
  const { data: xd, off: xOff, rs: xs } = x;
  const { data: yd, off: yOff, rs: ys } = y;
  for (let i = 0; i < m; i++) {
    const ai = aOff + i * aRs;
    let s0 = 0,
      s1 = 0,
      s2 = 0,
      s3 = 0;
    let j = 0;
    for (; j + 4 <= n; j += 4) {
      s0 += a[ai + j * aCs] * xd[xOff + j * xs];
      s1 += a[ai + (j + 1) * aCs] * xd[xOff + (j + 1) * xs];
      s2 += a[ai + (j + 2) * aCs] * xd[xOff + (j + 2) * xs];
      s3 += a[ai + (j + 3) * aCs] * xd[xOff + (j + 3) * xs];
    }
    for (; j < n; j++) s0 += a[ai + j * aCs] * xd[xOff + j * xs];
    const s = s0 + s1 + (s2 + s3);
    const yi = yOff + i * ys;
    yd[yi] = beta === 0 ? alpha * s : alpha * s + beta * yd[yi];
  }
}

/** The axpy form in TypeScript: y := beta·y, then y += alpha·A[:, j]·x_j, four columns at a time. */
function gemvColumns(alpha: number, A: Block, x: Block, beta: number, y: Block): void {
  const { rows: m, cols: n, data: a, off: aOff, rs: aRs, cs: aCs } = A;
  const { data: xd, off: xOff, rs: xs } = x;
  const { data: yd, off: yOff, rs: ys } = y;
  for (let i = 0, yi = yOff; i < m; i++, yi += ys) yd[yi] = beta === 0 ? 0 : beta * yd[yi];
  let j = 0;
  for (; j + 4 <= n; j += 4) {
    const x0 = alpha * xd[xOff + j * xs],
      x1 = alpha * xd[xOff + (j + 1) * xs];
    const x2 = alpha * xd[xOff + (j + 2) * xs],
      x3 = alpha * xd[xOff + (j + 3) * xs];
    const a0 = aOff + j * aCs,
      a1 = a0 + aCs,
      a2 = a1 + aCs,
      a3 = a2 + aCs;
    for (let i = 0, yi = yOff, r = 0; i < m; i++, yi += ys, r += aRs) {
      yd[yi] += a[a0 + r] * x0 + a[a1 + r] * x1 + a[a2 + r] * x2 + a[a3 + r] * x3;
    }
  }
  for (; j < n; j++) {
    const xj = alpha * xd[xOff + j * xs];
    const aj = aOff + j * aCs;
    for (let i = 0, yi = yOff, r = 0; i < m; i++, yi += ys, r += aRs) yd[yi] += a[aj + r] * xj;
  }
}

/** y := alpha·A·x + beta·y reading A's lower triangle only, by the double loop (the spec). */
export function symvReference(alpha: number, A: TriangularBlock, x: Block, beta: number, y: Block): void {
  const lda = checkSymv("symvReference", A, x, y);
  const { rows: n, data: a, off: aOff } = A;
  const { data: xd, off: xOff, rs: xs } = x;
  const { data: yd, off: yOff, rs: ys } = y;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += a[aOff + (i >= j ? i + j * lda : j + i * lda)] * xd[xOff + j * xs];
    const yi = yOff + i * ys;
    yd[yi] = beta === 0 ? alpha * s : alpha * s + beta * yd[yi];
  }
}

/** y := alpha·A·x + beta·y for the lower-stored symmetric A (see the file header). */
export function symv(alpha: number, A: TriangularBlock, x: Block, beta: number, y: Block): void {
  const lda = checkSymv("symv", A, x, y);
  const n = A.rows;
  if (n === 0) return;
  if (n * n >= GEMV_WASM_MIN) {
    const w = activeWasm();
    if (w !== null && symvResident(alpha, A, x, beta, y, w)) return;
  }
  symvColumns(alpha, A, lda, x, beta, y);
}

/**
 * symv in TypeScript, one pass per column: column j below the diagonal is an axpy into y and a
 * dot with x (row j of A), the dot as two partial sums so its additions do not wait on each other.
 */
function symvColumns(alpha: number, A: TriangularBlock, lda: number, x: Block, beta: number, y: Block): void {
  const { rows: n, data: a, off: aOff } = A;
  const { data: xd, off: xOff, rs: xs } = x;
  const { data: yd, off: yOff, rs: ys } = y;
  for (let i = 0, yi = yOff; i < n; i++, yi += ys) yd[yi] = beta === 0 ? 0 : beta * yd[yi];
  // the same loop, called with literal unit strides for contiguous vectors (the usual case) so
  // that V8, inlining it, folds the stride products away
  if (xs === 1 && ys === 1) symvColumnLoop(alpha, n, a, aOff, lda, xd, xOff, 1, yd, yOff, 1);
  else symvColumnLoop(alpha, n, a, aOff, lda, xd, xOff, xs, yd, yOff, ys);
}

function symvColumnLoop(
  alpha: number,
  n: number,
  a: FloatArray,
  aOff: number,
  lda: number,
  xd: FloatArray,
  xOff: number,
  xs: number,
  yd: FloatArray,
  yOff: number,
  ys: number,
): void {
  for (let j = 0; j < n; j++) {
    const col = aOff + j * lda;
    const t1 = alpha * xd[xOff + j * xs];
    let t2a = 0;
    let t2b = 0;
    let r = j + 1;
    for (; r + 2 <= n; r += 2) {
      const a0 = a[col + r];
      const a1 = a[col + r + 1];
      yd[yOff + r * ys] += t1 * a0;
      yd[yOff + (r + 1) * ys] += t1 * a1;
      t2a += a0 * xd[xOff + r * xs];
      t2b += a1 * xd[xOff + (r + 1) * xs];
    }
    if (r < n) {
      const a2 = a[col + r];
      yd[yOff + r * ys] += t1 * a2;
      t2a += a2 * xd[xOff + r * xs];
    }
    yd[yOff + j * ys] += t1 * a[col + j] + alpha * (t2a + t2b);
  }
}
