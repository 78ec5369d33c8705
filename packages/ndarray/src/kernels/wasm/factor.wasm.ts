/**
 * The factorization kernels of factor.as.ts (dtrsm, dgetrf, dpotrf, dgeqrf, dorgqr), for
 * float64 matrices that lie in a resident workspace of the active WebAssembly backend
 * (gemm.wasm.ts, `residentWork` in backend.ts). The matrix is already in the module's memory,
 * so nothing is copied but the pivots or the reflectors' scalars; a whole factorization runs
 * in one call. For any other operand each
 * function returns `undefined` (or false), having touched nothing, and the caller runs its
 * TypeScript routine: @sliderule/linalg's trsm, getrf, potrf, geqrf and orgqr, which are these
 * kernels' spec and are tested against them there.
 *
 * Scratch (the gemm panels Ap, Bp and the tile; dgetrf's pivots) goes right above the live
 * workspaces, where residentAlloc reserved room for it.
 */
import { activeWasm } from "../backend.js";
import type { FloatArray } from "../gemm.reference.js";
import { align16, arenaEnd, ensureMemory, RESIDENT_NC, WASM_GEMM_DEFAULTS, type Loaded } from "./gemm.wasm.js";

/** The active loaded flavour, when its memory holds every one of `arrays` (float64 views); else null. */
export function residentOf(...arrays: FloatArray[]): Loaded | null {
  const w = activeWasm();
  if (w === null) return null;
  const buffer = w.memory.buffer;
  for (const x of arrays) if (!(x instanceof Float64Array) || x.buffer !== buffer) return null;
  return w;
}

/**
 * Point the kernels' gemm scratch at the memory above the workspaces, past `reserveBytes`
 * for the caller's own data there; returns the address of that data, or −1 (nothing set)
 * when the memory would have to grow.
 */
function setScratch(w: Loaded, reserveBytes: number): number {
  const { mc, kc } = WASM_GEMM_DEFAULTS;
  const data = arenaEnd(w);
  const ap = data + align16(reserveBytes);
  const bp = ap + align16(Math.ceil(mc / w.MR) * w.MR * kc * 8);
  const tile = bp + align16(Math.ceil(RESIDENT_NC / w.NR64) * w.NR64 * kc * 8);
  if (!ensureMemory(w, tile + w.MR * w.NR64 * 8)) return -1;
  w.kernel.factorScratch(ap, bp, tile, mc, kc, RESIDENT_NC);
  return data;
}

/**
 * A triangular system T·X = B on strided buffers: T at T[tOff + i·tRs + j·tCs] (a transposed
 * T is the same buffer with the strides swapped), B at B[bOff + i·bRs + j·bCs], overwritten by
 * X. linalg's triangular solves (primitives/triangular-solve.ts) take the same arguments.
 */
export interface TrsmArgs {
  /** Order of T, rows of B. */
  n: number;
  /** Columns of B (right-hand sides). */
  nrhs: number;
  /** T is lower triangular (else upper), as seen through tRs, tCs. */
  lower: boolean;
  /** T's diagonal is taken as ones and not read. */
  unitDiagonal: boolean;
  T: FloatArray;
  tOff: number;
  tRs: number;
  tCs: number;
  B: FloatArray;
  bOff: number;
  bRs: number;
  bCs: number;
}

/**
 * B := T⁻¹·B (recursive, substitution below order `leaf`) when T and B are resident float64;
 * false otherwise, touching nothing.
 */
export function trsmResident(args: TrsmArgs, leaf: number): boolean {
  const { T, B } = args;
  const w = residentOf(T, B);
  if (w === null || setScratch(w, 0) < 0) return false;
  w.kernel.dtrsm(
    args.n,
    args.nrhs,
    args.lower ? 1 : 0,
    args.unitDiagonal ? 1 : 0,
    T.byteOffset + args.tOff * 8,
    args.tRs,
    args.tCs,
    B.byteOffset + args.bOff * 8,
    args.bRs,
    args.bCs,
    leaf,
  );
  return true;
}

/**
 * Blocked LU with partial pivoting of the m×n column-major block A[aOff + i + j·lda] in place
 * (linalg getrf's contract: ipiv[0:min(m, n)] gets the absolute 0-based pivot rows; returns
 * the first exactly zero pivot's column or −1), or undefined when A is not resident.
 */
export function getrfResident(m: number, n: number, A: FloatArray, aOff: number, lda: number, ipiv: Int32Array, nb: number): number | undefined {
  const w = residentOf(A);
  const k = Math.min(m, n);
  if (w === null) return undefined;
  const piv = setScratch(w, k * 4);
  if (piv < 0) return undefined;
  const info = w.kernel.dgetrf(m, n, A.byteOffset + aOff * 8, lda, piv, nb);
  ipiv.set(new Int32Array(w.memory.buffer, piv, k));
  return info;
}

/**
 * Blocked Cholesky, lower, of the n×n column-major block A[aOff + i + j·lda] in place
 * (linalg potrf's contract: −1, or the index of the first leading minor that is not positive
 * definite), or undefined when A is not resident.
 */
export function potrfResident(n: number, A: FloatArray, aOff: number, lda: number, nb: number): number | undefined {
  const w = residentOf(A);
  if (w === null || setScratch(w, 0) < 0) return undefined;
  return w.kernel.dpotrf(n, A.byteOffset + aOff * 8, lda, nb);
}

/**
 * Blocked Householder QR of the m×n column-major block A[aOff + i + j·lda] in place (linalg
 * geqrf's contract: R on and above the diagonal, the reflectors' vectors below it, tau[0:k]
 * their scalars, k = min(m, n)); false, touching nothing, when A is not resident or the
 * scratch (tau, T and the block update's arrays) does not fit.
 */
export function geqrfResident(m: number, n: number, A: FloatArray, aOff: number, lda: number, tau: Float64Array, nb: number): boolean {
  const w = residentOf(A);
  if (w === null) return false;
  const k = Math.min(m, n);
  const tauBytes = align16(k * 8);
  const workBytes = (nb * nb + m * nb + 2 * nb * n) * 8;
  const data = setScratch(w, tauBytes + workBytes);
  if (data < 0) return false;
  w.kernel.dgeqrf(m, n, A.byteOffset + aOff * 8, lda, data, nb, data + tauBytes);
  tau.set(new Float64Array(w.memory.buffer, data, k));
  return true;
}

/**
 * Form Q₁, the first n columns of H_0···H_{k−1}, in place over the m×n column-major block
 * A[aOff + i + j·lda] holding geqrf's reflectors (linalg orgqr's contract, m ≥ n ≥ k; tau[0:k]
 * their scalars); false, touching nothing, when A is not resident or the scratch does not fit.
 */
export function orgqrResident(m: number, n: number, k: number, A: FloatArray, aOff: number, lda: number, tau: Float64Array, nb: number): boolean {
  const w = residentOf(A);
  if (w === null) return false;
  const tauBytes = align16(k * 8);
  const workBytes = (nb * nb + m * nb + 2 * nb * n) * 8;
  const data = setScratch(w, tauBytes + workBytes);
  if (data < 0) return false;
  w.f64.set(tau.subarray(0, k), data / 8);
  w.kernel.dorgqr(m, n, k, A.byteOffset + aOff * 8, lda, data, nb, data + tauBytes);
  return true;
}
