/**
 * gemm on the WebAssembly SIMD kernels: C := alpha·A·B + beta·C, operands copied in and out.
 *
 *   gemmWasm(alpha, A, B, beta, C, flavour, options?)    A: m×k,  B: k×n,  C: m×n   (Blocks, block.ts)
 *
 * The same contract as gemm.ts: the operands are matrix views, the sizes come from them
 * (m = C.rows, n = C.cols, k = A.cols), a transpose is the view T(A), and `checkGemm` checks
 * them once per call. The kernel (gemm.as.ts, compiled into gemm.wasm.generated.ts) stays
 * positional: byte pointers and strides in elements, converted from the views in one place
 * per entry point (`gemmWasmUnchecked` for the copied product, `gemmResident` for the product
 * in place). It computes T := A·B in its own linear memory. This file is the bridge, and keeps
 * NDArrays plain (docs/design.md "WebAssembly backends": "data copied in and out"): per call it
 *   1. copies A and B into the module's memory. When the elements an operand addresses fill
 *      most of the buffer span they lie in (contiguous, transposed, reversed, broadcast, or
 *      lightly padded views), the span is copied as one block (TypedArray.set: a memcpy) and
 *      the kernel reads it through the operand's own strides; otherwise the operand is gathered
 *      into a dense row-major copy;
 *   2. runs the kernel, which packs panels from those copies (any strides) and writes a dense
 *      row-major T: (m, n);
 *   3. stores C[i, j] := alpha·T[i, j] + beta·C[i, j] through C's strides (beta = 0: C is not
 *      read, as in BLAS). float32 C is rounded once, here. A column-major C is computed as
 *      Cᵀ = Bᵀ·Aᵀ, so that this store runs along C's contiguous columns.
 * Memory layout of one call, each region 16-byte aligned:
 *
 *   0        RESERVED   workspaces   A copy   B copy   T (m×n)   Ap panel   Bp panel   tile
 *   ├─────────┼───────────┼────────────┼────────┼────────┼─────────┼──────────┼──────────┼────┤
 *
 * Resident workspaces (end of this file; `residentWork` in backend.ts) are float64 arrays that
 * live in this memory, a stack above RESERVED. When A, B and C all lie in them, the product
 * runs in place (the kernel's dgemmC: C := alpha·A·B + beta·C, tile by tile): no copies, no T.
 * linalg keeps the matrices it factors there, so a trailing update copies nothing. While a
 * workspace lives the memory never grows (that would detach its views): each reserves the
 * scratch of resident products when it is made, and other products that would need more
 * memory meanwhile run on the TypeScript kernel.
 *
 * One WebAssembly.Memory per module, grown on demand and never shrunk; past `budgetBytes` the
 * product is cut into column panels of B and C (A is copied once), and when even one panel
 * does not fit, `gemmWasmUnchecked` returns false and the caller uses the TypeScript kernel.
 * Nothing is allocated per call except when memory grows (typed-array views over the memory
 * are rebuilt only then).
 *
 * Loading: the module bytes are embedded as base64 (no fetch, no fs: Node and browsers alike)
 * and compiled synchronously with `new WebAssembly.Module` (4 KB, well under the 8 MB that
 * browsers allow on the main thread). A failure to compile or instantiate warns once and
 * reports the flavour unavailable; backend.ts then falls back to TypeScript.
 */
import { T, type Block } from "../block.js";
import { checkGemm } from "../gemm.reference.js";
import { GEMM_WASM_RELAXED_SIMD, GEMM_WASM_SIMD } from "./gemm.wasm.generated.js";

/** The two builds of kernels.as.ts (gemm.as.ts and the kernels beside it). */
export type WasmFlavour = "wasm-simd" | "wasm-relaxed-simd";

/** Tuning knobs of the WebAssembly gemm; counts of elements unless stated. */
export interface WasmGemmOptions {
  /** Rows of the packed A block (L2). */
  mc: number;
  /** Depth of each rank-kc update. */
  kc: number;
  /** Columns of the packed B panel (L3). */
  nc: number;
  /**
   * How float32 products are summed: "float64" (default; the precision of the TypeScript
   * kernel: float32 operands, float64 sums, one rounding of C) or "float32" (f32x4 lanes,
   * twice the throughput, error ≲ k·2⁻²⁴ as NumPy's float32 matmul).
   */
  float32Sums: "float64" | "float32";
  /** Most bytes of WebAssembly memory one call may use before it works in column panels. */
  budgetBytes: number;
}

/**
 * Defaults, tried on a 2-core AMD EPYC (Zen 4: L1d 32 KiB, L2 1 MiB) under Node 20 at n = 512
 * and 1024 float64: kc = 128, 256 and 512 and mc = 48 to 192 were all within the (large, the
 * machine was shared) noise, 11.4–12.2 GFLOP/s; mc = 24 with kc = 512 fell to 7–8. kc = 256
 * keeps a kc×4 float64 sliver of Bp at 8 KiB, a quarter of L1d; mc = 96 (twenty-four 4-row
 * slivers) keeps Ap at 192 KiB in L2; nc = 4096 as in gemm.ts.
 */
export const WASM_GEMM_DEFAULTS: Readonly<WasmGemmOptions> = Object.freeze({
  mc: 96,
  kc: 256,
  nc: 4096,
  float32Sums: "float64",
  budgetBytes: 256 * 2 ** 20,
});

/** The module's exports (gemm.as.ts, factor.as.ts, copy.as.ts); pointers are byte addresses, strides in elements. */
interface KernelExports {
  dgemm: KernelFn;
  dgemmC: (
    m: number,
    n: number,
    k: number,
    a: number,
    aRs: number,
    aCs: number,
    b: number,
    bRs: number,
    bCs: number,
    c: number,
    cRs: number,
    cCs: number,
    alpha: number,
    beta: number,
    ap: number,
    bp: number,
    tile: number,
    mc: number,
    kc: number,
    nc: number,
  ) => void;
  sdgemm: KernelFn;
  dgemvColumns: (m: number, n: number, a: number, lda: number, x: number, y: number) => void;
  dgemvRows: (m: number, n: number, a: number, lda: number, x: number, y: number) => void;
  dsymvLower: (k: number, a: number, lda: number, x: number, y: number) => void;
  sgemm: KernelFn;
  /** factor.as.ts: the scratch of the kernels below, then the kernels (see factor.wasm.ts). */
  factorScratch: (ap: number, bp: number, tile: number, mc: number, kc: number, nc: number) => void;
  dtrsm: (n: number, nrhs: number, lower: number, unit: number, t: number, tRs: number, tCs: number, b: number, bRs: number, bCs: number, leaf: number) => void;
  dgetrf: (m: number, n: number, a: number, lda: number, ipiv: number, nb: number) => number;
  dpotrf: (n: number, a: number, lda: number, nb: number) => number;
  dgeqrf: (m: number, n: number, a: number, lda: number, tau: number, nb: number, work: number) => void;
  dorgqr: (m: number, n: number, k: number, a: number, lda: number, tau: number, nb: number, work: number) => void;
  /** copy.as.ts (see copy.wasm.ts). */
  dcopy2d: (m: number, n: number, src: number, sRs: number, sCs: number, dst: number, dRs: number, dCs: number) => void;
  dallFinite: (x: number, count: number) => number;
  tileRows(): number;
  tileCols(bytes: number): number;
}
type KernelFn = (
  m: number,
  n: number,
  k: number,
  a: number,
  aRs: number,
  aCs: number,
  b: number,
  bRs: number,
  bCs: number,
  t: number,
  ap: number,
  bp: number,
  tile: number,
  mc: number,
  kc: number,
  nc: number,
) => void;

/** A loaded flavour: the instance, its memory, and views over the memory (rebuilt on growth). */
export interface Loaded {
  kernel: KernelExports;
  memory: WebAssembly.Memory;
  f64: Float64Array;
  f32: Float32Array;
  /** The register tile: MR rows; NR columns for 8- and 4-byte sums. */
  MR: number;
  NR64: number;
  NR32: number;
  /** Resident workspaces: bytes in use after RESERVED, and the tops to pop back to (a stack). */
  arenaTop: number;
  arenaStack: number[];
}

/** Bytes before the first region (the module has no data segments; kept free all the same). */
const RESERVED = 1024;
const PAGE = 65536;
/** Largest memory a flavour may grow to: 1 GiB, well inside wasm32's 4 GiB. */
const MAX_PAGES = 16384;

const loaded = new Map<WasmFlavour, Loaded | null>();
const warned = new Set<string>();

/** Warn once per distinct message (console.warn exists in Node and browsers). */
function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(message);
}

/** base64 → bytes with `atob` (Node ≥ 16 and every browser), no Buffer. */
function decodeBase64(b64: string): Uint8Array<ArrayBuffer> {
  const s = atob(b64);
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return bytes;
}

/** The module bytes of a flavour (also validated by backend.ts). */
export function wasmBytes(flavour: WasmFlavour): Uint8Array<ArrayBuffer> {
  return decodeBase64(flavour === "wasm-simd" ? GEMM_WASM_SIMD : GEMM_WASM_RELAXED_SIMD);
}

/** The compiled module of a flavour, compiled once and shared: gemm's instance and every resident sparse matrix's (spmv.wasm.ts). Throws if compiling fails. */
export function wasmModule(flavour: WasmFlavour): WebAssembly.Module {
  let m = compiledModules.get(flavour);
  if (m === undefined) {
    m = new WebAssembly.Module(wasmBytes(flavour));
    compiledModules.set(flavour, m);
  }
  return m;
}
const compiledModules = new Map<WasmFlavour, WebAssembly.Module>();

/**
 * Compile and instantiate `flavour` once; null (after one console warning) if that fails.
 * `quiet`: no warning (feature detection already said the engine lacks the feature).
 */
export function loadWasmGemm(flavour: WasmFlavour, quiet = false): Loaded | null {
  const known = loaded.get(flavour);
  if (known !== undefined) return known;
  let result: Loaded | null = null;
  try {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: MAX_PAGES });
    const instance = new WebAssembly.Instance(wasmModule(flavour), { env: { memory } });
    const kernel = instance.exports as unknown as KernelExports;
    result = {
      kernel,
      memory,
      f64: new Float64Array(memory.buffer),
      f32: new Float32Array(memory.buffer),
      MR: kernel.tileRows(),
      NR64: kernel.tileCols(8),
      NR32: kernel.tileCols(4),
      arenaTop: 0,
      arenaStack: [],
    };
  } catch (e) {
    if (!quiet) {
      warnOnce(`sliderule: the ${flavour} gemm kernel failed to load (${e instanceof Error ? e.message : String(e)}); using the TypeScript kernel`);
    }
  }
  loaded.set(flavour, result);
  return result;
}

/** Bytes of WebAssembly memory a flavour holds now (0 if not loaded), for showConfig. */
export function wasmMemoryBytes(flavour: WasmFlavour): number {
  return loaded.get(flavour)?.memory.buffer.byteLength ?? 0;
}

/** Grow `w`'s memory to at least `bytes`; false if the engine refuses. */
export function ensureMemory(w: Loaded, bytes: number): boolean {
  const have = w.memory.buffer.byteLength;
  if (bytes <= have) return true;
  // growing replaces the buffer and detaches every view of it: never while a workspace lives
  if (w.arenaStack.length > 0) return false;
  const pages = Math.ceil((bytes - have) / PAGE);
  if (have / PAGE + pages > MAX_PAGES) return false;
  try {
    w.memory.grow(pages);
  } catch {
    return false;
  }
  w.f64 = new Float64Array(w.memory.buffer);
  w.f32 = new Float32Array(w.memory.buffer);
  return true;
}

export const align16 = (bytes: number): number => Math.ceil(bytes / 16) * 16;

/**
 * The byte address of element (0, 0) of a float64 view that lies in WebAssembly memory: the
 * one conversion from a view to the AssemblyScript kernels' pointer arguments (the strides
 * stay in elements).
 */
export const address = (A: Block): number => A.data.byteOffset + A.off * 8;

/** Where a rows×cols operand will sit in wasm memory: a span copy or a dense gather. */
interface Placement {
  /** First buffer index copied (span copy) or -1 (gather into row-major). */
  lo: number;
  /** Elements the copy occupies. */
  count: number;
}

/**
 * Plan the copy of the operand at X[off + r·rs + c·cs]: copy the buffer span it lies in when
 * the operand fills at least half of it (or the span is small), else gather it densely.
 */
function place(rows: number, cols: number, off: number, rs: number, cs: number): Placement {
  const lo = off + Math.min(0, (rows - 1) * rs) + Math.min(0, (cols - 1) * cs);
  const hi = off + Math.max(0, (rows - 1) * rs) + Math.max(0, (cols - 1) * cs);
  const span = hi - lo + 1;
  if (span <= 2 * rows * cols + 64) return { lo, count: span };
  return { lo: -1, count: rows * cols };
}

/**
 * Copy an operand into `mem` at element index `at` following `p`; returns the element index of
 * X[0, 0] in `mem` and the strides the kernel must use there.
 */
function copyIn(
  mem: Float64Array | Float32Array,
  at: number,
  p: Placement,
  X: Float64Array | Float32Array,
  rows: number,
  cols: number,
  off: number,
  rs: number,
  cs: number,
): [origin: number, rs: number, cs: number] {
  if (p.lo >= 0) {
    // the whole span at once; TypedArray.set is a memcpy for equal element types
    mem.set(X.subarray(p.lo, p.lo + p.count), at);
    return [at + (off - p.lo), rs, cs];
  }
  // gather: X[r, c] → mem[at + r·cols + c]
  for (let r = 0, d = at; r < rows; r++) {
    for (let c = 0, s = off + r * rs; c < cols; c++, s += cs) mem[d++] = X[s];
  }
  return [at, cols, 1];
}

/**
 * C := alpha·A·B + beta·C on the `flavour` kernel, for views A: m×k, B: k×n, C: m×n (checks
 * them as every gemm does). beta = 0 never reads C; alpha = 0 or k = 0 reads neither A nor B.
 * @throws Error `gemmWasm:` if the flavour cannot be loaded in this engine, or the problem
 *   does not fit in WebAssembly memory; `internal: gemm:` for invalid views (checkGemm).
 */
export function gemmWasm(alpha: number, A: Block, B: Block, beta: number, C: Block, flavour: WasmFlavour, options?: Partial<WasmGemmOptions>): void {
  checkGemm(alpha, A, B, C);
  const { data: Cd, off: cOff, rs: cRs, cs: cCs, rows: m, cols: n } = C;
  const k = A.cols;
  if (m === 0 || n === 0) return;
  if (alpha === 0 || k === 0) {
    // A·B is not referenced (BLAS): C := beta·C
    for (let i = 0; i < m; i++) {
      for (let j = 0, c = cOff + i * cRs; j < n; j++, c += cCs) Cd[c] = beta === 0 ? 0 : beta * Cd[c];
    }
    return;
  }
  const o = options === undefined ? WASM_GEMM_DEFAULTS : resolveOptions(options);
  const w = loadWasmGemm(flavour);
  if (w === null) throw new Error(`gemmWasm: the ${flavour} kernel is not available in this engine`);
  if (!gemmWasmUnchecked(alpha, A, B, beta, C, w, o))
    throw new Error(`gemmWasm: (${m}, ${k})·(${k}, ${n}) does not fit in ${o.budgetBytes} bytes of WebAssembly memory`);
}

function resolveOptions(options: Partial<WasmGemmOptions>): WasmGemmOptions {
  const o = { ...WASM_GEMM_DEFAULTS, ...options };
  for (const key of ["mc", "kc", "nc"] as const) {
    if (!(Number.isInteger(o[key]) && o[key] >= 1)) throw new Error(`gemmWasm: option ${key} must be a positive integer, got ${o[key]}`);
  }
  if (o.float32Sums !== "float64" && o.float32Sums !== "float32") {
    throw new Error(`gemmWasm: option float32Sums must be "float64" or "float32", got ${String(o.float32Sums)}`);
  }
  if (!(o.budgetBytes > 0)) throw new Error(`gemmWasm: option budgetBytes must be positive, got ${o.budgetBytes}`);
  return o;
}

/**
 * The copy-in, kernel, copy-out of the file header. Views checked, m, n, k ≥ 1, alpha ≠ 0.
 * Returns false, having touched nothing, when the problem cannot fit in the memory budget.
 */
export function gemmWasmUnchecked(
  alpha: number,
  A: Block,
  B: Block,
  beta: number,
  C: Block,
  w: Loaded,
  o: Readonly<WasmGemmOptions> = WASM_GEMM_DEFAULTS,
): boolean {
  if (isResident(A, B, C, w)) return gemmResident(alpha, A, B, beta, C, w, o);
  // The kernel writes T row-major and storeC walks C along T's rows. A column-major C (as in
  // linalg, where C is a trailing block with a large leading dimension) would then be walked
  // across its columns, one cache line per element; compute Cᵀ = Bᵀ·Aᵀ instead, whose
  // row-major T has C's own layout (nothing but strides change: the views T(B), T(A), T(C)).
  if (Math.abs(C.cs) > Math.abs(C.rs)) [A, B, C] = [T(B), T(A), T(C)];
  // the views' fields, read once: from here on the kernel's positional arguments
  const { data: a, off: aOff0, rs: aRs0, cs: aCs0, rows: m, cols: k } = A;
  const { data: b, off: bOff0, rs: bRs0, cs: bCs0, cols: n } = B;
  const base = arenaEnd(w); // the copies and panels go above the resident workspaces
  const f32In = a instanceof Float32Array;
  const sumBytes = f32In && o.float32Sums === "float32" ? 4 : 8; // bytes of T, Ap, Bp elements
  const inBytes = f32In ? 4 : 8;
  const { MR } = w;
  const NR = sumBytes === 8 ? w.NR64 : w.NR32;
  const kernel = sumBytes === 4 ? w.kernel.sgemm : f32In ? w.kernel.sdgemm : w.kernel.dgemm;

  // blocks never exceed the problem, so neither do the panels
  const mc = Math.min(o.mc, m),
    kc = Math.min(o.kc, k),
    nc = Math.min(o.nc, n);
  const apBytes = align16(Math.ceil(mc / MR) * MR * kc * sumBytes);
  const tileBytes = align16(MR * NR * sumBytes);
  const pa = place(m, k, aOff0, aRs0, aCs0);
  const aBytes = align16(pa.count * inBytes);

  // column panels of width nw: B[:, j0:j0+nw] and T: (m, nw) per panel; one panel if all fits
  const bpBytes = (nw: number) => align16(Math.ceil(Math.min(nc, nw) / NR) * NR * kc * sumBytes);
  const bytesFor = (nw: number, pb: Placement) => base + aBytes + align16(pb.count * inBytes) + align16(m * nw * sumBytes) + apBytes + bpBytes(nw) + tileBytes;
  let nw = n;
  let pb = place(k, n, bOff0, bRs0, bCs0);
  if (bytesFor(n, pb) > o.budgetBytes) {
    // too big at once: panels gathered densely, k·nw elements of B and m·nw of T each
    const fixed = bytesFor(0, { lo: -1, count: 0 }) + bpBytes(n) + 64; // + alignment slack
    nw = Math.min(n, Math.floor((o.budgetBytes - fixed) / (k * inBytes + m * sumBytes)));
    if (nw < 1) return false;
    pb = { lo: -1, count: k * nw };
  }
  if (!ensureMemory(w, bytesFor(nw, pb) + 64)) return false;

  const mem = f32In ? w.f32 : w.f64;
  const [aOrigin, aRs, aCs] = copyIn(mem, base / inBytes, pa, a, m, k, aOff0, aRs0, aCs0);
  // the regions after A: B (panel), T, Ap, Bp, tile; sized for the widest panel
  const bAddr = base + aBytes;
  const tAddr = bAddr + align16(pb.count * inBytes);
  const apAddr = tAddr + align16(m * nw * sumBytes);
  const bpAddr = apAddr + apBytes;
  const tileAddr = bpAddr + bpBytes(nw);
  for (let j0 = 0; j0 < n; j0 += nw) {
    const nb = Math.min(nw, n - j0);
    const bOff = bOff0 + j0 * bCs0;
    const [bOrigin, bRs, bCs] = copyIn(mem, bAddr / inBytes, nw === n ? pb : { lo: -1, count: k * nb }, b, k, nb, bOff, bRs0, bCs0);
    // T := A·B[:, j0:j0+nb] in the kernel, then C[:, j0:j0+nb] := alpha·T + beta·C
    kernel(m, nb, k, aOrigin * inBytes, aRs, aCs, bOrigin * inBytes, bRs, bCs, tAddr, apAddr, bpAddr, tileAddr, o.mc, o.kc, o.nc);
    storeC(alpha, beta, C, j0, nb, sumBytes === 8 ? w.f64 : w.f32, tAddr / sumBytes);
  }
  return true;
}

/** C[i, j0 + j] := alpha·T[i, j] + beta·C[i, j0 + j] for T: (m, nb) dense at mem[t]; beta = 0 never reads C. */
function storeC(alpha: number, beta: number, Cv: Block, j0: number, nb: number, mem: Float64Array | Float32Array, t: number): void {
  const { data: C, off: cOff, rs: cRs, cs: cCs, rows: m } = Cv;
  const c0 = cOff + j0 * cCs;
  if (alpha === 1 && beta === 0 && cCs === 1) {
    // plain rows: one TypedArray.set per row (a memcpy, or a float64→float32 rounding copy)
    if (cRs === nb) C.set(mem.subarray(t, t + m * nb), c0);
    else for (let i = 0; i < m; i++) C.set(mem.subarray(t + i * nb, t + (i + 1) * nb), c0 + i * cRs);
    return;
  }
  for (let i = 0; i < m; i++) {
    let c = c0 + i * cRs;
    let s = t + i * nb;
    if (beta === 0) for (let j = 0; j < nb; j++, c += cCs) C[c] = alpha * mem[s++];
    else if (beta === 1) for (let j = 0; j < nb; j++, c += cCs) C[c] += alpha * mem[s++];
    else for (let j = 0; j < nb; j++, c += cCs) C[c] = alpha * mem[s++] + beta * C[c];
  }
}

// ------------------------------------------------------------------ resident workspaces

/**
 * Columns of B packed at once by a resident product (the kernel's nc): 1024 keeps the Bp panel
 * at 2 MiB, which every workspace reserves above itself (RESIDENT_SCRATCH).
 */
export const RESIDENT_NC = 1024;
/** Bytes reserved above the workspaces for a resident product's Ap, Bp and tile. */
const RESIDENT_SCRATCH = align16(96 * 256 * 8) + align16(RESIDENT_NC * 256 * 8) + 1024;

/** First byte above the live workspaces. */
export const arenaEnd = (w: Loaded): number => align16(RESERVED + w.arenaTop);

/**
 * Float64 work arrays inside `w`'s memory (a stack: release in reverse order of allocation).
 * A product whose operands all lie there runs in place (gemmResident): no copies, no T. While
 * any workspace lives the memory does not grow (growth would detach the views), so this
 * reserves RESIDENT_SCRATCH above the new arrays now, and room for the copies of about three
 * times their size; products that would need more memory meanwhile fall back to the
 * TypeScript kernel. Returns null when the memory cannot be had.
 */
export function residentAlloc(w: Loaded, sizes: readonly number[]): Float64Array[] | null {
  const from = arenaEnd(w);
  let at = from;
  const starts = sizes.map((size) => {
    const start = at;
    at = align16(at + size * 8);
    return start;
  });
  // room above for resident products' panels, and for products with a non-resident operand
  // (copied in, T out) about the size of the new arrays, which could not grow the memory later
  if (!ensureMemory(w, at + RESIDENT_SCRATCH + 3 * (at - from))) return null;
  w.arenaStack.push(w.arenaTop);
  w.arenaTop = at - RESERVED;
  return sizes.map((size, i) => new Float64Array(w.memory.buffer, starts[i], size));
}

/** Release the newest live workspace of `w` (the arrays residentAlloc returned last). */
export function residentRelease(w: Loaded): void {
  const top = w.arenaStack.pop();
  if (top === undefined) throw new Error("internal: residentRelease without a live workspace");
  w.arenaTop = top;
}

/** All three operands are float64 views of this module's memory. */
function isResident(A: Block, B: Block, C: Block, w: Loaded): boolean {
  const buffer = w.memory.buffer;
  const { data: a } = A;
  const { data: b } = B;
  const { data: c } = C;
  return (
    c instanceof Float64Array && a instanceof Float64Array && b instanceof Float64Array && c.buffer === buffer && a.buffer === buffer && b.buffer === buffer
  );
}

/** C := alpha·A·B + beta·C where the operands lie, by the kernel's dgemmC; false if the scratch is missing. */
function gemmResident(alpha: number, A: Block, B: Block, beta: number, C: Block, w: Loaded, o: Readonly<WasmGemmOptions>): boolean {
  // the views' fields, read once, as the kernel's positional arguments (byte pointers)
  const { rs: aRs, cs: aCs, cols: k } = A;
  const { rs: bRs, cs: bCs } = B;
  const { rs: cRs, cs: cCs, rows: m, cols: n } = C;
  // the kernel may swap the roles of m and n (a column-major C is computed as Cᵀ): size for either
  const side = Math.max(m, n);
  const mc = Math.min(o.mc, side),
    kc = Math.min(o.kc, k),
    nc = Math.min(o.nc, side, RESIDENT_NC);
  const ap = arenaEnd(w);
  const bp = ap + align16(Math.ceil(mc / w.MR) * w.MR * kc * 8);
  const tile = bp + align16(Math.ceil(nc / w.NR64) * w.NR64 * kc * 8);
  if (!ensureMemory(w, tile + w.MR * w.NR64 * 8)) return false;
  w.kernel.dgemmC(m, n, k, address(A), aRs, aCs, address(B), bRs, bCs, address(C), cRs, cCs, alpha, beta, ap, bp, tile, o.mc, o.kc, nc);
  return true;
}
