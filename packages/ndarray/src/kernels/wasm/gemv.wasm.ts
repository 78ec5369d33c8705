/**
 * gemv and symv on the WebAssembly SIMD kernels, for a float64 matrix that lies in a resident
 * workspace (gemm.wasm.ts, `residentWork` in backend.ts): y := alpha·A·x + beta·y.
 *
 * A is read where it lies; x is gathered above the workspaces, the kernel (gemm.as.ts
 * dgemvColumns, dgemvRows, dsymvLower) adds A·x into a zeroed t beside it, and y is updated
 * from t through its stride. The TypeScript routines of gemv.ts are the spec; they call these
 * for large enough float64 products and run themselves whenever these return false.
 */
import type { GemvArgs, SymvArgs } from "../gemv-args.js";
import { align16, arenaEnd, ensureMemory, type Loaded } from "./gemm.wasm.js";

/**
 * y := alpha·A·x + beta·y (gemv.ts) for a float64 A inside `w`'s memory with contiguous
 * columns (aRs = 1) or rows (aCs = 1): x is gathered above the workspaces, the kernel forms
 * A·x there, and y is updated from it. False (nothing touched) for any other operand.
 */
export function gemvResident(args: GemvArgs, w: Loaded): boolean {
  const { m, n, A, aRs, aCs } = args;
  if (!(A instanceof Float64Array) || A.buffer !== w.memory.buffer || (aRs !== 1 && aCs !== 1)) return false;
  const a = A.byteOffset + args.aOff * 8;
  return vectorProduct(w, m, n, args, (x, t) => {
    if (aRs === 1) w.kernel.dgemvColumns(m, n, a, aCs, x, t);
    else w.kernel.dgemvRows(m, n, a, aRs, x, t);
  });
}

/** y := alpha·A·x + beta·y (gemv.ts `symv`) for a float64 lower-stored A inside `w`'s memory; false otherwise. */
export function symvResident(args: SymvArgs, w: Loaded): boolean {
  const { n, A } = args;
  if (!(A instanceof Float64Array) || A.buffer !== w.memory.buffer) return false;
  const a = A.byteOffset + args.aOff * 8;
  return vectorProduct(w, n, n, args, (x, t) => w.kernel.dsymvLower(n, a, args.lda, x, t));
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
  v: { x: Float64Array | Float32Array; xOff: number; xs: number; alpha: number; beta: number; y: Float64Array | Float32Array; yOff: number; ys: number },
  kernel: (xAddr: number, tAddr: number) => void,
): boolean {
  const xAddr = arenaEnd(w);
  const tAddr = align16(xAddr + n * 8);
  if (!ensureMemory(w, tAddr + m * 8)) return false;
  const f = w.f64;
  const x0 = xAddr / 8;
  const t0 = tAddr / 8;
  for (let j = 0, s = v.xOff; j < n; j++, s += v.xs) f[x0 + j] = v.x[s];
  f.fill(0, t0, t0 + m);
  kernel(xAddr, tAddr);
  const { alpha, beta, y, ys } = v;
  for (let i = 0, d = v.yOff; i < m; i++, d += ys) y[d] = beta === 0 ? alpha * f[t0 + i] : alpha * f[t0 + i] + beta * y[d];
  return true;
}
