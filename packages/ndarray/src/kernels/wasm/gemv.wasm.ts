/**
 * gemv and symv on the WebAssembly SIMD kernels, for a float64 matrix view that lies in a
 * resident workspace (gemm.wasm.ts, `residentWork` in backend.ts): y := alpha·A·x + beta·y.
 *
 *   gemvResident(alpha, A, x, beta, y, w)          A: m×n Block, x: n×1, y: m×1 (block.ts)
 *   symvResident(alpha, lower(A), x, beta, y, w)   A: n×n, its lower triangle read
 *
 * A is read where it lies; x is gathered above the workspaces, the kernel (gemm.as.ts
 * dgemvColumns, dgemvRows, dsymvLower) adds A·x into a zeroed t beside it, and y is updated
 * from t through its stride. The WebAssembly boundary stays positional: each entry turns its
 * views into a byte pointer and a leading dimension in one place. The TypeScript routines of
 * gemv.ts are the spec; they check the views (shapes, element types, bounds) and then call
 * these for large enough float64 products, running themselves whenever these return false.
 */
import type { Block, TriangularBlock } from "../block.js";
import { address, align16, arenaEnd, ensureMemory, type Loaded } from "./gemm.wasm.js";

/**
 * y := alpha·A·x + beta·y (gemv.ts) for a float64 A inside `w`'s memory with contiguous
 * columns (rs = 1) or rows (cs = 1): x is gathered above the workspaces, the kernel forms
 * A·x there, and y is updated from it. False (nothing touched) for any other operand.
 */
export function gemvResident(alpha: number, A: Block, x: Block, beta: number, y: Block, w: Loaded): boolean {
  const { rows: m, cols: n, data, rs, cs } = A;
  if (!(data instanceof Float64Array) || data.buffer !== w.memory.buffer || (rs !== 1 && cs !== 1)) return false;
  const a = address(A);
  return vectorProduct(w, m, n, alpha, x, beta, y, (xAddr, tAddr) => {
    if (rs === 1) w.kernel.dgemvColumns(m, n, a, cs, xAddr, tAddr);
    else w.kernel.dgemvRows(m, n, a, rs, xAddr, tAddr);
  });
}

/**
 * y := alpha·A·x + beta·y (gemv.ts `symv`) for a float64 A inside `w`'s memory, its lower
 * triangle stored column-major (rs = 1, as symv has checked); false otherwise.
 */
export function symvResident(alpha: number, A: TriangularBlock, x: Block, beta: number, y: Block, w: Loaded): boolean {
  const { rows: n, data, rs, cs: lda } = A;
  if (!(data instanceof Float64Array) || data.buffer !== w.memory.buffer || rs !== 1) return false;
  const a = address(A);
  return vectorProduct(w, n, n, alpha, x, beta, y, (xAddr, tAddr) => w.kernel.dsymvLower(n, a, lda, xAddr, tAddr));
}

/**
 * The vector half of a resident matrix–vector product: gather x (n) above the workspaces, zero
 * t (m) beside it, let `kernel(xAddr, tAddr)` add A·x into t, then y := alpha·t + beta·y
 * (beta = 0: y is not read). False, touching nothing, if the memory would have to grow.
 */
function vectorProduct(
  w: Loaded,
  m: number,
  n: number,
  alpha: number,
  x: Block,
  beta: number,
  y: Block,
  kernel: (xAddr: number, tAddr: number) => void,
): boolean {
  const xAddr = arenaEnd(w);
  const tAddr = align16(xAddr + n * 8);
  if (!ensureMemory(w, tAddr + m * 8)) return false;
  const f = w.f64;
  const x0 = xAddr / 8;
  const t0 = tAddr / 8;
  const { data: xd, rs: xs } = x;
  for (let j = 0, s = x.off; j < n; j++, s += xs) f[x0 + j] = xd[s];
  f.fill(0, t0, t0 + m);
  kernel(xAddr, tAddr);
  const { data: yd, rs: ys } = y;
  for (let i = 0, d = y.off; i < m; i++, d += ys) yd[d] = beta === 0 ? alpha * f[t0 + i] : alpha * f[t0 + i] + beta * yd[d];
  return true;
}
