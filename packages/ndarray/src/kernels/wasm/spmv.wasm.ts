/**
 * Resident sparse storage: the arrays of one compressed (CSR/CSC) matrix inside a
 * WebAssembly.Memory of its own, and the products y := A·x, y := Aᵀ·x on them by the
 * kernels of spmv.as.ts. @sliderule/linalg's sparse matrices keep their arrays here when they
 * are large (sparse/spmv.ts decides, and keeps the TypeScript loops that are the spec).
 *
 * Why a memory per matrix: a kernel reads only its own memory, and a matrix's `data`,
 * `indices`, `indptr` are public arrays a caller may hold and write into (`A.data.fill(1)`, as
 * SciPy users do). Copying 12 MB per product would cost more than the kernel saves, and a copy
 * cached between products would go stale when the caller writes. So the arrays ARE views on
 * this memory from the start: what a caller writes is what the kernel reads. The memory is
 * sized once and never grown (its maximum is its size), so the views never detach.
 *
 * Layout, byte addresses, each region 16-byte aligned, in 64 KiB pages:
 *
 *   0     16          majorSlot     minorSlot     data          indices      indptr
 *   ├─────┼─────────────┼─────────────┼─────────────┼────────────┼────────────┤
 *   spare  dot out      nMajor f64    nMinor f64    nnz f64|f32   nnz i32      nMajor+1 i32
 *
 * The module (kernels.as.ts, the same bytes as gemm's, no data segments, no stack) needs no
 * low region of its own; the first 16 bytes hold the dot product the gather returns. Each
 * matrix gets an instance of the active flavour's module on its memory, made on its first
 * product (new WebAssembly.Instance, synchronous: about 15 µs). A new memory costs 4 µs (one
 * page) to 35 µs (13 MB) in Node 20, its pages zeroed lazily; filling it, about 5 ns an entry.
 *
 * A product copies x into its slot (skipped when x is that slot), runs, and copies y out
 * (skipped when y is the other slot): gather, y := A·x, reads x from minorSlot and writes
 * majorSlot; scatter, y := Aᵀ·x, the other way round. When the active backend is
 * "typescript", or the kernel finds an indptr entry or index out of range (a caller wrote one),
 * the functions return undefined / false, having written neither x nor y (unless y is a slot),
 * and the caller runs its TypeScript loop, which overwrites y.
 */
import { getBackend } from "../backend.js";
import { align16, wasmModule, type WasmFlavour } from "./gemm.wasm.js";

/** The module's sparse kernels (spmv.as.ts); byte addresses, 0 on success, 1 on an out-of-range entry. */
interface SpmvExports {
  csrGatherF64: GatherFn;
  csrGatherF32: GatherFn;
  csrScatterF64: ScatterFn;
  csrScatterF32: ScatterFn;
}
type GatherFn = (
  nMajor: number,
  nMinor: number,
  nnz: number,
  indptr: number,
  indices: number,
  data: number,
  x: number,
  y: number,
  dot: number,
  dotOut: number,
) => number;
type ScatterFn = (nMajor: number, nMinor: number, nnz: number, indptr: number, indices: number, data: number, x: number, y: number) => number;

const PAGE = 65536;
/** Bytes below the first slot: 8 spare, then the gather's dot output (float64 at DOT_OUT). */
const RESERVED = 16;
const DOT_OUT = 8;
/** Largest memory a matrix may own: 2 GiB (addresses stay below 2³¹; wasm32 allows 4). */
export const RESIDENT_CSR_MAX_BYTES = 2 ** 31;

/** The flavour's compiled module, the one gemm's instance uses (instances are per matrix); null if it fails to compile. */
function compiled(flavour: WasmFlavour): WebAssembly.Module | null {
  try {
    return wasmModule(flavour);
  } catch {
    return null; // backend.ts has validated this flavour; if it fails here, the TypeScript loops run
  }
}

/** The resident storage each data view belongs to (a matrix's transpose shares it). */
const byData = new WeakMap<Float64Array | Float32Array, ResidentCsr>();

/**
 * The arrays of one nMajor × nMinor compressed matrix with nnz stored entries, in a memory of
 * their own, with two float64 slots for the products' vectors. Views, not copies: write into
 * `data` (or `indices`, `indptr`) and the next product sees it.
 */
export class ResidentCsr {
  readonly nMajor: number;
  readonly nMinor: number;
  readonly nnz: number;
  /** nMajor + 1 entries. */
  readonly indptr: Int32Array;
  readonly indices: Int32Array;
  readonly data: Float64Array | Float32Array;
  /** nMajor float64: y of a gather (A·x in CSR), x of a scatter. */
  readonly majorSlot: Float64Array;
  /** nMinor float64: x of a gather, y of a scatter (A·x in CSC). */
  readonly minorSlot: Float64Array;
  /** The memory all of the above are views of: never grown. */
  readonly memory: WebAssembly.Memory;
  /** The gather's xᵀ·y, where the kernel stores it. */
  readonly #dotOut: Float64Array;
  #flavour: WasmFlavour | null = null;
  #kernel: SpmvExports | null = null;

  /** Internal: use residentCsr(), which returns null instead of throwing. */
  constructor(nMajor: number, nMinor: number, nnz: number, dtype: "float64" | "float32", memory: WebAssembly.Memory) {
    this.nMajor = nMajor;
    this.nMinor = nMinor;
    this.nnz = nnz;
    this.memory = memory;
    const [major, minor, data, indices, indptr] = residentLayout(nMajor, nMinor, nnz, dtype);
    const buffer = memory.buffer;
    this.majorSlot = new Float64Array(buffer, major, nMajor);
    this.minorSlot = new Float64Array(buffer, minor, nMinor);
    this.data = dtype === "float64" ? new Float64Array(buffer, data, nnz) : new Float32Array(buffer, data, nnz);
    this.indices = new Int32Array(buffer, indices, nnz);
    this.indptr = new Int32Array(buffer, indptr, nMajor + 1);
    this.#dotOut = new Float64Array(buffer, DOT_OUT, 1);
  }

  /** The xᵀ·y of the last gather with `dot`. */
  get dotOut(): number {
    return this.#dotOut[0];
  }

  /** The kernels of the active backend's flavour on this memory, or null (typescript backend, or no module). */
  kernel(): SpmvExports | null {
    const b = getBackend();
    if (b === "typescript") return null;
    if (b !== this.#flavour) {
      const m = compiled(b);
      let k: SpmvExports | null = null;
      if (m !== null) {
        try {
          k = new WebAssembly.Instance(m, { env: { memory: this.memory } }).exports as unknown as SpmvExports;
        } catch {
          k = null;
        }
      }
      this.#flavour = b;
      this.#kernel = k;
    }
    return this.#kernel;
  }
}

/** Byte addresses of majorSlot, minorSlot, data, indices, indptr, and the total, for these sizes. */
function residentLayout(nMajor: number, nMinor: number, nnz: number, dtype: "float64" | "float32"): number[] {
  const major = RESERVED;
  const minor = align16(major + 8 * nMajor);
  const data = align16(minor + 8 * nMinor);
  const indices = align16(data + (dtype === "float64" ? 8 : 4) * nnz);
  const indptr = align16(indices + 4 * nnz);
  return [major, minor, data, indices, indptr, indptr + 4 * (nMajor + 1)];
}

/** Bytes of memory (whole 64 KiB pages) a resident matrix of these sizes owns. */
export function residentCsrBytes(nMajor: number, nMinor: number, nnz: number, dtype: "float64" | "float32"): number {
  return Math.ceil(residentLayout(nMajor, nMinor, nnz, dtype)[5] / PAGE) * PAGE;
}

/**
 * Zeroed resident storage for an nMajor × nMinor compressed matrix of nnz float64 or float32
 * values, or null when the active backend is "typescript", the memory would exceed
 * RESIDENT_CSR_MAX_BYTES, or the engine refuses the memory (the caller keeps ordinary arrays).
 */
export function residentCsr(nMajor: number, nMinor: number, nnz: number, dtype: "float64" | "float32"): ResidentCsr | null {
  if (getBackend() === "typescript") return null;
  const bytes = residentCsrBytes(nMajor, nMinor, nnz, dtype);
  if (bytes > RESIDENT_CSR_MAX_BYTES) return null;
  let memory: WebAssembly.Memory;
  try {
    memory = new WebAssembly.Memory({ initial: bytes / PAGE, maximum: bytes / PAGE });
  } catch {
    return null; // out of address space for another memory: ordinary arrays and the TypeScript loop
  }
  const r = new ResidentCsr(nMajor, nMinor, nnz, dtype, memory);
  byData.set(r.data, r);
  return r;
}

/** The resident storage whose `data` view this is, or undefined. */
export function residentCsrOf(data: ArrayLike<number>): ResidentCsr | undefined {
  return data instanceof Float64Array || data instanceof Float32Array ? byData.get(data) : undefined;
}

/**
 * y := A·x (y: nMajor, x: nMinor), A the CSR arrays of `r`; with `dot` (A square) returns xᵀ·y,
 * summed in row order, else 0. undefined when it did not run (typescript backend, or an entry
 * out of range): the caller then runs the TypeScript loop. x and y may be any Float64Arrays of
 * the right lengths, including the slots.
 */
export function csrGatherResident(r: ResidentCsr, x: Float64Array, y: Float64Array, dot: boolean): number | undefined {
  const k = r.kernel();
  if (k === null) return undefined;
  if (x !== r.minorSlot) r.minorSlot.set(x);
  const f = r.data instanceof Float64Array ? k.csrGatherF64 : k.csrGatherF32;
  const status = f(
    r.nMajor,
    r.nMinor,
    r.nnz,
    r.indptr.byteOffset,
    r.indices.byteOffset,
    r.data.byteOffset,
    r.minorSlot.byteOffset,
    r.majorSlot.byteOffset,
    dot ? 1 : 0,
    DOT_OUT,
  );
  if (status !== 0) return undefined;
  if (y !== r.majorSlot) y.set(r.majorSlot);
  return dot ? r.dotOut : 0;
}

/**
 * y := Aᵀ·x (x: nMajor, y: nMinor), A the CSR arrays of `r` (so A·x for a CSC matrix on
 * them); false when it did not run (typescript backend, or an entry out of range).
 */
export function csrScatterResident(r: ResidentCsr, x: Float64Array, y: Float64Array): boolean {
  const k = r.kernel();
  if (k === null) return false;
  if (x !== r.majorSlot) r.majorSlot.set(x);
  const f = r.data instanceof Float64Array ? k.csrScatterF64 : k.csrScatterF32;
  const status = f(r.nMajor, r.nMinor, r.nnz, r.indptr.byteOffset, r.indices.byteOffset, r.data.byteOffset, r.majorSlot.byteOffset, r.minorSlot.byteOffset);
  if (status !== 0) return false;
  if (y !== r.minorSlot) y.set(r.minorSlot);
  return true;
}
