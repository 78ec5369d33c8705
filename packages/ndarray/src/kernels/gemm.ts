/**
 * gemm: C := alpha·A·B + beta·C, packed, cache-blocked and register-tiled (GotoBLAS / BLIS).
 *
 *   gemm(alpha, A, B, beta, C, options?)      A: m×k,  B: k×n,  C: m×n   (Blocks, block.ts)
 *
 * The operands are matrix views: element (i, j) of X at X.data[X.off + i·X.rs + j·X.cs], strides
 * in elements (any sign; zero allowed for A and B). The sizes come from the views (m = C.rows,
 * n = C.cols, k = A.cols) and there are no transpose flags: Aᵀ is the view T(A), its strides
 * swapped, and packing reads any layout, so no caller copies. `checkGemm` (gemm.reference.ts)
 * checks the views once per call: shapes agree, one element type, every corner inside its
 * buffer. Each function that owns loops reads the views' fields into locals once, at its top.
 * The result is that of `gemmReference` (gemm.reference.ts, the spec), up to the order of the
 * floating-point sums; both run the same tests in gemm.test.ts.
 *
 * The blocking scheme. Five loops around a micro-kernel; the three outer ones cut the problem
 * into blocks that are copied ("packed") into contiguous scratch, so the two inner ones stream
 * through memory in order, whatever the strides of A and B:
 *
 *   for jc in 0..n step nc                      5th loop: B and C column panels of width nc
 *     for pc in 0..k step kc                    4th loop: rank-kc updates C += A[:, pc:pc+kc]·B[pc:pc+kc, :]
 *       Bp := pack B[pc:pc+kc, jc:jc+nc]        kc×nc, L3-resident, reused by every ic
 *       for ic in 0..m step mc                  3rd loop
 *         Ap := pack A[ic:ic+mc, pc:pc+kc]      mc×kc, L2-resident, reused by every jr
 *         for jr in 0..nc step NR               2nd loop: one kc×NR sliver of Bp, L1-resident
 *           for ir in 0..mc step MR             1st loop: one MR×kc sliver of Ap
 *             micro-kernel: C[ic+ir : +MR, jc+jr : +NR] += Ap sliver · Bp sliver
 *
 *                 jc            nc                 Bp (kc×nc): slivers of NR columns, each
 *              ┌──┬─────────────────┬──┐            stored p-major: Bp[s·kc·NR + p·NR + j]
 *          pc  │  │░░░░░░░░░B░░░░░░░│  │ kc
 *              └──┴─────────────────┴──┘
 *     pc kc       ┌──┬─────────────────┬──┐
 *   ┌──┬──┬──┐    │  │                 │  │        Ap (mc×kc): slivers of MR rows, each
 *   │  │░░│  │ ic │  │   C[ic:+mc,     │  │ mc     stored p-major: Ap[s·kc·MR + p·MR + i]
 *   │  │░A│  │    │  │     jc:+nc] ▣   │  │
 *   │  │░░│  │    │  │                 │  │        ▣ = one MR×NR tile of C, held in
 *   └──┴──┴──┘    └──┴─────────────────┴──┘            MR·NR local variables for all kc steps
 *
 * The micro-kernel keeps an MR×NR tile of C in local variables (registers, as far as V8 can)
 * and performs kc rank-1 updates: per step it loads MR values of Ap and NR of Bp and does
 * MR·NR multiply-adds, so loads per flop fall as the tile grows. Slivers at the right and
 * bottom edges are padded with zeros when packed, so the micro-kernel always computes a full
 * tile and only the store looks at the edge.
 *
 * Invariant: after the pc-th rank-kc update, C[i, j] = alpha·Σ_{p < pc+kc} A[i, p]·B[p, j]
 * + beta·C₀[i, j]. beta is applied on the first update only (pc = 0) and is 1 afterwards; with
 * beta = 0 the old C is never read, as in BLAS.
 *
 * Precision. Each kc-long partial sum is accumulated in float64. For float32 operands the
 * packed copies are exact (float32 ⊂ float64) and C is rounded to float32 when stored: once
 * per rank-kc update, i.e. once in all when k ≤ kc. That is more accurate than a float32 BLAS,
 * which rounds after every multiply-add, and well within NumPy's float32 tolerances.
 *
 * Backends. With default options, products above the crossover (backend.ts WASM_CROSSOVER)
 * go to the WebAssembly SIMD kernel when that backend is active (wasm/gemm.wasm.ts: operands
 * copied in, the same five loops in f64x2 lanes, C copied out); everything else, and every call
 * that passes options, runs the TypeScript kernel below. See backend.ts, `showConfig()`.
 *
 * Small problems (m·n·k ≤ smallWork, or m < MR or n < NR, as for a matrix·vector product)
 * skip packing and take `gemmSmall`: the same 4×4 register tiles, reading A and B through
 * their strides. Batched matmul of many 16×16 matrices pays a check and a loop, not a pack.
 * Each tile reads the views' fields once, at its top; no loop reads a view's field per element.
 *
 * References: K. Goto, R. van de Geijn, "Anatomy of high-performance matrix multiplication",
 * ACM TOMS 34(3), 2008; F. Van Zee, R. van de Geijn, "BLIS: a framework for rapidly
 * instantiating BLAS functionality", ACM TOMS 41(3), 2015 (the five-loop form used here).
 */
import { wasmFor } from "./backend.js";
import type { Block, FloatArray } from "./block.js";
import { checkGemm } from "./gemm.reference.js";
import { gemmWasmUnchecked } from "./wasm/gemm.wasm.js";

export { checkGemm, gemmReference, type Block, type FloatArray } from "./gemm.reference.js";

/** Tuning knobs of `gemm`. All are counts of elements; see GEMM_DEFAULTS for the defaults. */
export interface GemmOptions {
  /** Rows of the packed A block Ap (mc×kc, meant to stay in L2). */
  mc: number;
  /** Depth of each rank-kc update: rows of Bp, columns of Ap. */
  kc: number;
  /** Columns of the packed B panel Bp (kc×nc, meant to stay in L3). */
  nc: number;
  /** Rows of the micro-tile of C. 4×4 has an unrolled kernel; other sizes use a generic one. */
  mr: number;
  /** Columns of the micro-tile of C. */
  nr: number;
  /** Problems with m·n·k at or below this take the unpacked `gemmSmall` path. */
  smallWork: number;
}

/**
 * Default blocking, measured on a 2-core AMD EPYC (Zen 4: L1d 32 KiB, L2 1 MiB, L3 32 MiB)
 * under Node 20 with bench/gemm-kernel.bench.ts (`--tiles`, `--sweep`); run-to-run noise is
 * about ±3%.
 * - mr = nr = 4: 16 accumulators. Micro-kernels alone from 2×4 to 6×6 all ran at 4.5–5.0
 *   GFLOP/s and 8×8 at 4.0 (V8 emits scalar double code, so a larger tile only spills). 4×4
 *   is among the fastest with the least zero padding at the edges, and reads well unrolled.
 * - kc = 512: a kc×NR sliver of Bp is 16 KiB, half of L1d. kc = 512 beat 128 and 256 by a
 *   few per cent at n = 512 and 1024; a longer kc also means fewer float32 roundings of C.
 * - mc = 128: Ap is 128×512×8 B = 512 KiB, half of L2. mc from 64 to 256 was within noise.
 * - nc = 4096: Bp is 512×4096×8 B = 16 MiB, half of L3; most problems have a single jc.
 * - smallWork = 48³: packing pays off from about 32³ to 96³ on, depending on JIT state
 *   (at 16³ gemmSmall runs 2.7 GFLOP/s, the packed path 2.2; at 96³, 3.4–4.3 against 4.1).
 */
export const GEMM_DEFAULTS: Readonly<GemmOptions> = Object.freeze({
  mc: 128,
  kc: 512,
  nc: 4096,
  mr: 4,
  nr: 4,
  smallWork: 48 * 48 * 48,
});

// Scratch, allocated once and grown on demand: the packed blocks Ap and Bp, and the MR×NR
// tile T that a micro-kernel hands to the store. Plain module state is safe: JS runs one call
// at a time and gemm calls nothing that could re-enter it.
let Ap = new Float64Array(0);
let Bp = new Float64Array(0);
let T = new Float64Array(0);

/**
 * C := alpha·A·B + beta·C on views A: m×k, B: k×n, C: m×n (see the file header for layout,
 * blocking and precision). Dispatches to the WebAssembly backend when active and the product
 * is above its crossover (default options only), to `gemmSmall` for small problems and vector
 * shapes, else runs the blocked kernel. beta = 0 never reads C; alpha = 0 or k = 0 reads
 * neither A nor B.
 * @throws Error `internal: gemm:` if the shapes do not agree, A, B, C are not all Float64Array
 *   or all Float32Array, or a view reaches outside its buffer; Error `gemm:` for invalid options.
 */
export function gemm(alpha: number, A: Block, B: Block, beta: number, C: Block, options?: Partial<GemmOptions>): void {
  checkGemm(alpha, A, B, C);
  const m = C.rows;
  const n = C.cols;
  const k = A.cols;
  if (m === 0 || n === 0) return;
  if (alpha === 0 || k === 0) {
    // A·B is not referenced (BLAS): C := beta·C
    scaleC(beta, C);
    return;
  }
  if (options === undefined) {
    // a WebAssembly backend, if active and the product is large enough (backend.ts)
    const w = wasmFor(m, n, k);
    if (w !== null && gemmWasmUnchecked(alpha, A, B, beta, C, w)) return;
  }
  const o = options === undefined ? GEMM_DEFAULTS : resolveOptions(options);
  // small work, or a side thinner than one micro-tile (mostly zero padding if packed)
  if (m * n * k <= o.smallWork || m < o.mr || n < o.nr) gemmSmallUnchecked(alpha, A, B, beta, C);
  else gemmBlocked(alpha, A, B, beta, C, o);
}

/**
 * C := alpha·A·B + beta·C without packing: 4×4 register tiles that read A and B through their
 * strides. The lean path for small problems (batched matmul of small matrices) and thin
 * shapes; correct for any size, but without cache blocking it falls behind `gemm` once the
 * operands leave L1/L2. Same contract and checks as `gemm`.
 */
export function gemmSmall(alpha: number, A: Block, B: Block, beta: number, C: Block): void {
  checkGemm(alpha, A, B, C);
  gemmSmallChecked(alpha, A, B, beta, C);
}

/**
 * gemmSmall for views the caller has already checked (checkGemm's contract): batched matmul
 * checks a whole stack of tiny products once, where a check per product cost 20% of a stack of
 * 3×3 products.
 */
export function gemmSmallChecked(alpha: number, A: Block, B: Block, beta: number, C: Block): void {
  if (C.rows === 0 || C.cols === 0) return;
  if (alpha === 0 || A.cols === 0) scaleC(beta, C);
  else gemmSmallUnchecked(alpha, A, B, beta, C);
}

function resolveOptions(options: Partial<GemmOptions>): GemmOptions {
  const o = { ...GEMM_DEFAULTS, ...options };
  for (const key of ["mc", "kc", "nc", "mr", "nr"] as const) {
    if (!(Number.isInteger(o[key]) && o[key] >= 1)) throw new Error(`gemm: option ${key} must be a positive integer, got ${o[key]}`);
  }
  if (!(o.smallWork >= 0)) throw new Error(`gemm: option smallWork must be non-negative, got ${o.smallWork}`);
  return o;
}

/** C := beta·C; beta = 0 writes zeros without reading C. */
function scaleC(beta: number, Cv: Block): void {
  const { data: C, off: cOff, rs: cRs, cs: cCs, rows: m, cols: n } = Cv;
  for (let i = 0; i < m; i++) {
    for (let j = 0, c = cOff + i * cRs; j < n; j++, c += cCs) C[c] = beta === 0 ? 0 : beta * C[c];
  }
}

/**
 * The unpacked path, views already checked, m, n, k ≥ 1 and alpha ≠ 0. C is covered by
 * 4×4 tiles, then 4×1 tiles down the right edge, 1×4 tiles along the bottom edge and single
 * inner products in the corner; each tile keeps its sums in locals and reads A and B through
 * their strides. Independent sums matter: one inner product at a time is bound by the latency
 * of its chain of additions (≈1 GFLOP/s here), a 4×4 tile runs 16 chains side by side.
 * Each tile reads the views' fields into locals at its top (a few loads per tile, none per
 * element), with the views themselves as arguments: measured on V8 (Node 20), passing the
 * fields as fifteen scalar arguments instead kept the tiles from being inlined and made a
 * stack of 3×3 products twice as slow.
 */
function gemmSmallUnchecked(alpha: number, A: Block, B: Block, beta: number, C: Block): void {
  const { rows: m, cols: n } = C;
  const m4 = m - (m % 4); // rows covered by whole 4-row tiles
  const n4 = n - (n % 4); // columns covered by whole 4-column tiles
  if (T.length < 16) T = new Float64Array(16);
  for (let i = 0; i < m4; i += 4) {
    for (let j = 0; j < n4; j += 4) smallTile4x4(alpha, A, B, beta, C, i, j);
    for (let j = n4; j < n; j++) smallTile4x1(alpha, A, B, beta, C, i, j);
  }
  for (let i = m4; i < m; i++) {
    for (let j = 0; j < n4; j += 4) smallTile1x4(alpha, A, B, beta, C, i, j);
  }
  // the bottom-right corner, element by element (all of a product smaller than 4×4)
  smallCorner(alpha, A, B, beta, C, m4, n4);
}

/** C[i:i+4, j:j+4] := alpha·A[i:i+4, :]·B[:, j:j+4] + beta·C[…], unpacked. */
function smallTile4x4(alpha: number, Av: Block, Bv: Block, beta: number, Cv: Block, i: number, j: number): void {
  const { data: A, off: aOff, rs: aRs, cs: aCs, cols: k } = Av;
  const { data: B, off: bOff, rs: bRs, cs: bCs } = Bv;
  const { data: C, off: cOff, rs: cRs, cs: cCs } = Cv;
  let c00 = 0,
    c01 = 0,
    c02 = 0,
    c03 = 0;
  let c10 = 0,
    c11 = 0,
    c12 = 0,
    c13 = 0;
  let c20 = 0,
    c21 = 0,
    c22 = 0,
    c23 = 0;
  let c30 = 0,
    c31 = 0,
    c32 = 0,
    c33 = 0;
  for (let p = 0, a = aOff + i * aRs, b = bOff + j * bCs; p < k; p++, a += aCs, b += bRs) {
    // A[i:i+4, p] and B[p, j:j+4]
    const a0 = A[a],
      a1 = A[a + aRs],
      a2 = A[a + 2 * aRs],
      a3 = A[a + 3 * aRs];
    const b0 = B[b],
      b1 = B[b + bCs],
      b2 = B[b + 2 * bCs],
      b3 = B[b + 3 * bCs];
    c00 += a0 * b0;
    c01 += a0 * b1;
    c02 += a0 * b2;
    c03 += a0 * b3;
    c10 += a1 * b0;
    c11 += a1 * b1;
    c12 += a1 * b2;
    c13 += a1 * b3;
    c20 += a2 * b0;
    c21 += a2 * b1;
    c22 += a2 * b2;
    c23 += a2 * b3;
    c30 += a3 * b0;
    c31 += a3 * b1;
    c32 += a3 * b2;
    c33 += a3 * b3;
  }
  T[0] = c00;
  T[1] = c01;
  T[2] = c02;
  T[3] = c03;
  T[4] = c10;
  T[5] = c11;
  T[6] = c12;
  T[7] = c13;
  T[8] = c20;
  T[9] = c21;
  T[10] = c22;
  T[11] = c23;
  T[12] = c30;
  T[13] = c31;
  T[14] = c32;
  T[15] = c33;
  storeTile(T, 4, 4, 4, alpha, beta, C, cOff + i * cRs + j * cCs, cRs, cCs);
}

/** C[i:i+4, j] := alpha·A[i:i+4, :]·B[:, j] + beta·C[…] (also the matrix·vector kernel). */
function smallTile4x1(alpha: number, Av: Block, Bv: Block, beta: number, Cv: Block, i: number, j: number): void {
  const { data: A, off: aOff, rs: aRs, cs: aCs, cols: k } = Av;
  const { data: B, off: bOff, rs: bRs, cs: bCs } = Bv;
  const { data: C, off: cOff, rs: cRs, cs: cCs } = Cv;
  let c0 = 0,
    c1 = 0,
    c2 = 0,
    c3 = 0;
  for (let p = 0, a = aOff + i * aRs, b = bOff + j * bCs; p < k; p++, a += aCs, b += bRs) {
    const bp = B[b];
    c0 += A[a] * bp;
    c1 += A[a + aRs] * bp;
    c2 += A[a + 2 * aRs] * bp;
    c3 += A[a + 3 * aRs] * bp;
  }
  T[0] = c0;
  T[1] = c1;
  T[2] = c2;
  T[3] = c3;
  storeTile(T, 1, 4, 1, alpha, beta, C, cOff + i * cRs + j * cCs, cRs, cCs);
}

/** C[i, j:j+4] := alpha·A[i, :]·B[:, j:j+4] + beta·C[…] (also the vector·matrix kernel). */
function smallTile1x4(alpha: number, Av: Block, Bv: Block, beta: number, Cv: Block, i: number, j: number): void {
  const { data: A, off: aOff, rs: aRs, cs: aCs, cols: k } = Av;
  const { data: B, off: bOff, rs: bRs, cs: bCs } = Bv;
  const { data: C, off: cOff, rs: cRs, cs: cCs } = Cv;
  let c0 = 0,
    c1 = 0,
    c2 = 0,
    c3 = 0;
  for (let p = 0, a = aOff + i * aRs, b = bOff + j * bCs; p < k; p++, a += aCs, b += bRs) {
    const ap = A[a];
    c0 += ap * B[b];
    c1 += ap * B[b + bCs];
    c2 += ap * B[b + 2 * bCs];
    c3 += ap * B[b + 3 * bCs];
  }
  T[0] = c0;
  T[1] = c1;
  T[2] = c2;
  T[3] = c3;
  storeTile(T, 4, 1, 4, alpha, beta, C, cOff + i * cRs + j * cCs, cRs, cCs);
}

/** C[i, j] := alpha·A[i, :]·B[:, j] + beta·C[i, j] for i ≥ i0, j ≥ j0: one dot product each, the views read once. */
function smallCorner(alpha: number, Av: Block, Bv: Block, beta: number, Cv: Block, i0: number, j0: number): void {
  const { data: A, off: aOff, rs: aRs, cs: aCs, cols: k } = Av;
  const { data: B, off: bOff, rs: bRs, cs: bCs } = Bv;
  const { data: C, off: cOff, rs: cRs, cs: cCs, rows: m, cols: n } = Cv;
  for (let i = i0; i < m; i++) {
    for (let j = j0; j < n; j++) {
      let s = 0;
      for (let p = 0, a = aOff + i * aRs, b = bOff + j * bCs; p < k; p++, a += aCs, b += bRs) s += A[a] * B[b];
      const c = cOff + i * cRs + j * cCs;
      C[c] = beta === 0 ? alpha * s : alpha * s + beta * C[c];
    }
  }
}

/** The five-loop blocked kernel (file header), views checked, m, n, k ≥ 1, alpha ≠ 0. */
function gemmBlocked(alpha: number, Av: Block, Bv: Block, beta: number, Cv: Block, o: GemmOptions): void {
  const { data: A, off: aOff, rs: aRs, cs: aCs, cols: k } = Av;
  const { data: B, off: bOff, rs: bRs, cs: bCs } = Bv;
  const { data: C, off: cOff, rs: cRs, cs: cCs, rows: m, cols: n } = Cv;
  const { mr: MR, nr: NR } = o;
  // a block never exceeds the problem, so the scratch is no larger than the operands
  const mc = Math.min(o.mc, m);
  const kc = Math.min(o.kc, k);
  const nc = Math.min(o.nc, n);
  const apSize = Math.ceil(mc / MR) * MR * kc;
  const bpSize = Math.ceil(nc / NR) * NR * kc;
  if (Ap.length < apSize) Ap = new Float64Array(apSize);
  if (Bp.length < bpSize) Bp = new Float64Array(bpSize);
  if (T.length < MR * NR) T = new Float64Array(MR * NR);
  const micro = MR === 4 && NR === 4 ? microKernel4x4 : microKernelGeneric;

  for (let jc = 0; jc < n; jc += nc) {
    const nb = Math.min(nc, n - jc); // columns in this panel
    for (let pc = 0; pc < k; pc += kc) {
      const kb = Math.min(kc, k - pc); // depth of this rank-kb update
      const betaNow = pc === 0 ? beta : 1; // beta scales C once, on the first update
      packB(B, bOff + pc * bRs + jc * bCs, bRs, bCs, kb, nb, NR, Bp);
      for (let ic = 0; ic < m; ic += mc) {
        const mb = Math.min(mc, m - ic); // rows in this block
        packA(A, aOff + ic * aRs + pc * aCs, aRs, aCs, mb, kb, MR, Ap);
        for (let jr = 0; jr < nb; jr += NR) {
          const nrEff = Math.min(NR, nb - jr);
          const bp = (jr / NR) * kb * NR; // start of this kb×NR sliver of Bp
          for (let ir = 0; ir < mb; ir += MR) {
            const mrEff = Math.min(MR, mb - ir);
            // T := Ap sliver · Bp sliver (MR×kb · kb×NR)
            micro(kb, MR, NR, Ap, (ir / MR) * kb * MR, Bp, bp, T);
            // C tile := alpha·T + betaNow·C tile, only the mrEff×nrEff part inside C
            storeTile(T, NR, mrEff, nrEff, alpha, betaNow, C, cOff + (ic + ir) * cRs + (jc + jr) * cCs, cRs, cCs);
          }
        }
      }
    }
  }
}

/**
 * Pack the kb×nb block of B at B[b0 + p·bRs + j·bCs] into Bp as ⌈nb/NR⌉ slivers of NR
 * columns, each stored p-major: Bp[s·kb·NR + p·NR + j'] = B[p, s·NR + j'], zero past column nb.
 */
function packB(B: FloatArray, b0: number, bRs: number, bCs: number, kb: number, nb: number, NR: number, Bp: Float64Array): void {
  let d = 0;
  for (let jr = 0; jr < nb; jr += NR) {
    const nrEff = Math.min(NR, nb - jr);
    for (let p = 0; p < kb; p++) {
      const src = b0 + p * bRs + jr * bCs;
      let j = 0;
      for (; j < nrEff; j++) Bp[d + j] = B[src + j * bCs];
      for (; j < NR; j++) Bp[d + j] = 0;
      d += NR;
    }
  }
}

/**
 * Pack the mb×kb block of A at A[a0 + i·aRs + p·aCs] into Ap as ⌈mb/MR⌉ slivers of MR rows,
 * each stored p-major: Ap[s·kb·MR + p·MR + i'] = A[s·MR + i', p], zero past row mb.
 */
function packA(A: FloatArray, a0: number, aRs: number, aCs: number, mb: number, kb: number, MR: number, Ap: Float64Array): void {
  let d = 0;
  for (let ir = 0; ir < mb; ir += MR) {
    const mrEff = Math.min(MR, mb - ir);
    for (let p = 0; p < kb; p++) {
      const src = a0 + ir * aRs + p * aCs;
      let i = 0;
      for (; i < mrEff; i++) Ap[d + i] = A[src + i * aRs];
      for (; i < MR; i++) Ap[d + i] = 0;
      d += MR;
    }
  }
}

/** C[c0 + i·cRs + j·cCs] := alpha·T[i·NR + j] + beta·C[…] for i < mrEff, j < nrEff; beta = 0 never reads C. */
function storeTile(
  T: Float64Array,
  NR: number,
  mrEff: number,
  nrEff: number,
  alpha: number,
  beta: number,
  C: FloatArray,
  c0: number,
  cRs: number,
  cCs: number,
): void {
  for (let i = 0; i < mrEff; i++) {
    for (let j = 0, c = c0 + i * cRs, t = i * NR; j < nrEff; j++, c += cCs, t++) {
      C[c] = beta === 0 ? alpha * T[t] : beta === 1 ? C[c] + alpha * T[t] : alpha * T[t] + beta * C[c];
    }
  }
}

/**
 * Micro-kernel: T := Σ_{p<kc} a_p·b_pᵀ, an MR×NR block of rank-1 updates, where a_p is
 * Ap[aIdx + p·MR .. +MR] and b_p is Bp[bIdx + p·NR .. +NR]. T is row-major, T[i·NR + j].
 */
type MicroKernel = (kc: number, MR: number, NR: number, Ap: Float64Array, aIdx: number, Bp: Float64Array, bIdx: number, T: Float64Array) => void;

/** The 4×4 micro-kernel, unrolled: the 16 entries c_ij of the tile live in local variables. */
const microKernel4x4: MicroKernel = (kc, _MR, _NR, Ap, aIdx, Bp, bIdx, T) => {
  let c00 = 0,
    c01 = 0,
    c02 = 0,
    c03 = 0;
  let c10 = 0,
    c11 = 0,
    c12 = 0,
    c13 = 0;
  let c20 = 0,
    c21 = 0,
    c22 = 0,
    c23 = 0;
  let c30 = 0,
    c31 = 0,
    c32 = 0,
    c33 = 0;
  for (let p = 0, a = aIdx, b = bIdx; p < kc; p++, a += 4, b += 4) {
    // column p of the A sliver, row p of the B sliver
    const a0 = Ap[a],
      a1 = Ap[a + 1],
      a2 = Ap[a + 2],
      a3 = Ap[a + 3];
    const b0 = Bp[b],
      b1 = Bp[b + 1],
      b2 = Bp[b + 2],
      b3 = Bp[b + 3];
    // rank-1 update: c_ij += a_i·b_j
    c00 += a0 * b0;
    c01 += a0 * b1;
    c02 += a0 * b2;
    c03 += a0 * b3;
    c10 += a1 * b0;
    c11 += a1 * b1;
    c12 += a1 * b2;
    c13 += a1 * b3;
    c20 += a2 * b0;
    c21 += a2 * b1;
    c22 += a2 * b2;
    c23 += a2 * b3;
    c30 += a3 * b0;
    c31 += a3 * b1;
    c32 += a3 * b2;
    c33 += a3 * b3;
  }
  T[0] = c00;
  T[1] = c01;
  T[2] = c02;
  T[3] = c03;
  T[4] = c10;
  T[5] = c11;
  T[6] = c12;
  T[7] = c13;
  T[8] = c20;
  T[9] = c21;
  T[10] = c22;
  T[11] = c23;
  T[12] = c30;
  T[13] = c31;
  T[14] = c32;
  T[15] = c33;
};

/** Any MR×NR: the same rank-1 updates with the tile accumulated in T itself (readable, slower). */
const microKernelGeneric: MicroKernel = (kc, MR, NR, Ap, aIdx, Bp, bIdx, T) => {
  T.fill(0, 0, MR * NR);
  for (let p = 0, a = aIdx, b = bIdx; p < kc; p++, a += MR, b += NR) {
    for (let i = 0; i < MR; i++) {
      const ai = Ap[a + i];
      for (let j = 0; j < NR; j++) T[i * NR + j] += ai * Bp[b + j];
    }
  }
};
