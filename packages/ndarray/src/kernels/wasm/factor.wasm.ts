/**
 * The factorization kernels of factor.as.ts (dtrsm, dgetrf, dpotrf, dgeqrf, dorgqr), for
 * float64 matrices that lie in a resident workspace of the active WebAssembly backend
 * (gemm.wasm.ts, `residentWork` in backend.ts). The matrix is already in the module's memory,
 * so nothing is copied but the pivots or the reflectors' scalars; a whole factorization runs
 * in one call.
 *
 * Contract: the operands are Blocks (../block.ts), element (i, j) of A at
 * A.data[A.off + i·A.rs + j·A.cs]:
 *
 *   trsmResident(T, B, leaf)          B := T⁻¹·B; T a TriangularBlock whose tag says which
 *                                     triangle is read and whether its diagonal is unit (Tᵀ is
 *                                     the view T(lower(A)), an upper one); any strides
 *   getrfResident(A, ipiv, nb)        A = P·L·U in place; ipiv[0:min(m, n)] the pivot rows
 *   potrfResident(A, nb)              A = L·Lᵀ in place, A's lower triangle read and written
 *   geqrfResident(A, tau, nb)         A = Q·R in place; tau[0:min(m, n)] the reflectors' scalars
 *   orgqrResident(A, k, tau, nb)      Q₁ from geqrf's k reflectors, in place
 *
 * The factorizations take column-major views (rs = 1, cs = the leading dimension ≥ rows).
 * Each entry checks its views once (shapes, element types, every corner inside its buffer;
 * a violation is our own bug: Error `internal:`; the factorizations on every call,
 * trsmResident when it takes its operands), then, when every operand is a float64 view of the
 * active module's memory, converts them to byte pointers and strides in one place and calls
 * the AssemblyScript kernel, which keeps LAPACK's positional arguments. For any other operand
 * each returns `undefined` (or false), having touched nothing, and the caller runs its
 * TypeScript routine: @sliderule/linalg's trsm, getrf, potrf, geqrf and
 * orgqr, which are these kernels' spec and are tested against them there.
 *
 * Scratch (the gemm panels Ap, Bp and the tile; dgetrf's pivots) goes right above the live
 * workspaces, where residentAlloc reserved room for it.
 */
import { activeWasm } from "../backend.js";
import { type Block, checkInside, type FloatArray, formatView, leadingDim, type TriangularBlock } from "../block.js";
import { address, align16, arenaEnd, ensureMemory, RESIDENT_NC, WASM_GEMM_DEFAULTS, type Loaded } from "./gemm.wasm.js";

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

// ------------------------------------------------------------------ the checks

/**
 * The contract of B := T⁻¹·B on views, checked once per call: T square and tagged with its
 * triangle, B with T's order of rows, one element type, every corner inside its buffer.
 * `fn` names the kernel (trsmResident here; linalg's trsm and trsmReference call it too).
 * Small enough to inline; the messages are built apart (disagree, outside).
 * @throws Error `internal:` on any violation.
 */
export function checkTrsm(fn: string, T: TriangularBlock, B: Block): void {
  if (T.rows !== T.cols || B.rows !== T.rows || (T.uplo !== "lower" && T.uplo !== "upper") || T.data.constructor !== B.data.constructor) {
    disagree(fn, T, B);
  }
  checkInside(fn, "T", T);
  checkInside(fn, "B", B);
}

function disagree(fn: string, T: TriangularBlock, B: Block): never {
  if (T.data.constructor !== B.data.constructor) {
    throw new Error(`internal: ${fn}: element types ${T.data.constructor.name} and ${B.data.constructor.name} differ`);
  }
  throw new Error(
    `internal: ${fn}: shapes T ${T.rows}×${T.cols} (${String(T.uplo)}), B ${B.rows}×${B.cols} do not agree: T⁻¹·B needs a square T with B's rows`,
  );
}

/**
 * A column-major view (rs = 1, ld ≥ rows) lying inside its buffer, as the factorization
 * entries take: returns its leading dimension.
 * @throws Error `internal:` otherwise.
 */
function checkColumnMajor(fn: string, A: Block): number {
  const lda = leadingDim(A, fn);
  if (A.cols > 1 && lda < A.rows) throw new Error(`internal: ${fn}: leading dimension ${lda} < rows in ${formatView(A)}`);
  checkInside(fn, "A", A);
  return lda;
}

// ------------------------------------------------------------------ the entries

/**
 * B := T⁻¹·B (recursive, substitution below order `leaf`) when T and B are resident float64;
 * false otherwise, touching nothing. T's tag gives the triangle and the unit diagonal; a
 * transposed solve is a transposed view (T(lower(A)) is upper).
 *
 * The views are checked once the operands are taken, before anything reaches WebAssembly:
 * linalg's trsm calls this at every node of its recursion, and on operands it leaves
 * alone the TypeScript leaf (trsmReference) checks them instead (three checks per leaf cost
 * 6% on a stack of 3×3 solves).
 * @throws Error `internal:` when resident views break {@link checkTrsm}'s contract.
 */
export function trsmResident(T: TriangularBlock, B: Block, leaf: number): boolean {
  const w = residentOf(T.data, B.data);
  if (w === null) return false;
  checkTrsm("trsmResident", T, B);
  if (setScratch(w, 0) < 0) return false;
  // the one conversion to the kernel's positional arguments: byte pointers, strides in elements
  w.kernel.dtrsm(T.rows, B.cols, T.uplo === "lower" ? 1 : 0, T.unit ? 1 : 0, address(T), T.rs, T.cs, address(B), B.rs, B.cs, leaf);
  return true;
}

/**
 * Blocked LU with partial pivoting of the m×n column-major view A in place (linalg
 * getrf's contract: ipiv[0:min(m, n)] gets the absolute 0-based pivot rows; returns
 * the first exactly zero pivot's column or −1), or undefined when A is not resident.
 */
export function getrfResident(A: Block, ipiv: Int32Array, nb: number): number | undefined {
  const fn = "getrfResident";
  const lda = checkColumnMajor(fn, A);
  const { rows: m, cols: n } = A;
  const k = Math.min(m, n);
  if (ipiv.length < k) throw new Error(`internal: ${fn}: ${ipiv.length} pivots for a ${m}×${n} matrix`);
  const w = residentOf(A.data);
  if (w === null) return undefined;
  const piv = setScratch(w, k * 4);
  if (piv < 0) return undefined;
  const info = w.kernel.dgetrf(m, n, address(A), lda, piv, nb);
  ipiv.set(new Int32Array(w.memory.buffer, piv, k));
  return info;
}

/**
 * Blocked Cholesky, lower, of the n×n column-major view A in place, reading and writing its
 * lower triangle (linalg potrf's contract: −1, or the index of the first leading minor
 * that is not positive definite), or undefined when A is not resident.
 */
export function potrfResident(A: Block, nb: number): number | undefined {
  const fn = "potrfResident";
  const lda = checkColumnMajor(fn, A);
  if (A.rows !== A.cols) throw new Error(`internal: ${fn}: a non-square ${formatView(A)} matrix`);
  const w = residentOf(A.data);
  if (w === null || setScratch(w, 0) < 0) return undefined;
  return w.kernel.dpotrf(A.rows, address(A), lda, nb);
}

/**
 * Blocked Householder QR of the m×n column-major view A in place (linalg geqrf's
 * contract: R on and above the diagonal, the reflectors' vectors below it, tau[0:k] their
 * scalars, k = min(m, n)); false, touching nothing, when A is not resident or the scratch
 * (tau, T and the block update's arrays) does not fit.
 */
export function geqrfResident(A: Block, tau: Float64Array, nb: number): boolean {
  const fn = "geqrfResident";
  const lda = checkColumnMajor(fn, A);
  const { rows: m, cols: n } = A;
  const k = Math.min(m, n);
  if (tau.length < k) throw new Error(`internal: ${fn}: ${tau.length} scalars for a ${m}×${n} matrix`);
  const w = residentOf(A.data);
  if (w === null) return false;
  const tauBytes = align16(k * 8);
  const workBytes = (nb * nb + m * nb + 2 * nb * n) * 8;
  const data = setScratch(w, tauBytes + workBytes);
  if (data < 0) return false;
  w.kernel.dgeqrf(m, n, address(A), lda, data, nb, data + tauBytes);
  tau.set(new Float64Array(w.memory.buffer, data, k));
  return true;
}

/**
 * Form Q₁, the first n columns of H_0···H_{k−1}, in place over the m×n column-major view A
 * holding geqrf's reflectors (linalg orgqr's contract, m ≥ n ≥ k; tau[0:k] their
 * scalars); false, touching nothing, when A is not resident or the scratch does not fit.
 */
export function orgqrResident(A: Block, k: number, tau: Float64Array, nb: number): boolean {
  const fn = "orgqrResident";
  const lda = checkColumnMajor(fn, A);
  const { rows: m, cols: n } = A;
  if (!(Number.isInteger(k) && m >= n && n >= k && k >= 0 && tau.length >= k)) {
    throw new Error(`internal: orgqrResident: ${k} reflectors (${tau.length} scalars) for a ${m}×${n} matrix; need m ≥ n ≥ k ≥ 0`);
  }
  const w = residentOf(A.data);
  if (w === null) return false;
  const tauBytes = align16(k * 8);
  const workBytes = (nb * nb + m * nb + 2 * nb * n) * 8;
  const data = setScratch(w, tauBytes + workBytes);
  if (data < 0) return false;
  w.f64.set(tau.subarray(0, k), data / 8);
  w.kernel.dorgqr(m, n, k, address(A), lda, data, nb, data + tauBytes);
  return true;
}
