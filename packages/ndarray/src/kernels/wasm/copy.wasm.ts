/**
 * Moving float64 matrices into and out of resident workspaces (gemm.wasm.ts) with the
 * kernels of copy.as.ts. A transposing copy in JavaScript (row-major NDArray ↔ column-major
 * workspace) costs about 3 ns an element here; in WebAssembly, after one memcpy of the
 * source's span into the module's memory (or before one memcpy out), about a fifth of that.
 * Each function returns false, having touched nothing, when an operand is not where it
 * should be or the scratch would need the memory to grow; the caller then copies in
 * JavaScript (linalg util/batch.ts loadMatrix/storeMatrix, the spec).
 *
 * Scratch goes right above the live workspaces, where residentAlloc reserved room for copies
 * about three times the workspaces' size.
 */
import type { FloatArray } from "../gemm.reference.js";
import { residentOf } from "./factor.wasm.js";
import { arenaEnd, ensureMemory } from "./gemm.wasm.js";

/**
 * W[wOff + i·wRs + j·wCs] = X[off + i·rs + j·cs] for the m×n block, W resident, X an
 * ordinary float64 buffer: the span of X the block lies in is copied in (a memcpy), then
 * dcopy2d rearranges it into W. False when the span is much larger than the block (a sparse
 * view: gathering in JavaScript is cheaper) or does not fit.
 */
export function loadResident(
  X: FloatArray,
  off: number,
  rs: number,
  cs: number,
  m: number,
  n: number,
  W: FloatArray,
  wOff: number,
  wRs: number,
  wCs: number,
): boolean {
  const w = residentOf(W);
  if (w === null || !(X instanceof Float64Array) || X.buffer === w.memory.buffer || m === 0 || n === 0) return false;
  const lo = off + Math.min(0, (m - 1) * rs) + Math.min(0, (n - 1) * cs);
  const hi = off + Math.max(0, (m - 1) * rs) + Math.max(0, (n - 1) * cs);
  const span = hi - lo + 1;
  if (span > 2 * m * n + 64) return false;
  const at = arenaEnd(w);
  if (!ensureMemory(w, at + span * 8)) return false;
  w.f64.set(X.subarray(lo, hi + 1), at / 8);
  w.kernel.dcopy2d(m, n, at + (off - lo) * 8, rs, cs, W.byteOffset + wOff * 8, wRs, wCs);
  return true;
}

/**
 * dst[dOff + i·n + j] = W[wOff + i·wRs + j·wCs] for the m×n block into a C-contiguous block
 * of an ordinary float64 buffer: dcopy2d lays it out row-major above the workspaces, then one
 * memcpy moves it out. False when W is not resident or the scratch does not fit.
 */
export function storeResident(W: FloatArray, wOff: number, wRs: number, wCs: number, m: number, n: number, dst: FloatArray, dOff: number): boolean {
  const w = residentOf(W);
  if (w === null || !(dst instanceof Float64Array) || dst.buffer === w.memory.buffer || m === 0 || n === 0) return false;
  const at = arenaEnd(w);
  if (!ensureMemory(w, at + m * n * 8)) return false;
  w.kernel.dcopy2d(m, n, W.byteOffset + wOff * 8, wRs, wCs, at, n, 1);
  dst.set(w.f64.subarray(at / 8, at / 8 + m * n), dOff);
  return true;
}

/** Whether W[off : off + count] is all finite, for a resident W; undefined for any other W. */
export function allFiniteResident(W: FloatArray, off: number, count: number): boolean | undefined {
  const w = residentOf(W);
  if (w === null) return undefined;
  return w.kernel.dallFinite(W.byteOffset + off * 8, count) === 1;
}
