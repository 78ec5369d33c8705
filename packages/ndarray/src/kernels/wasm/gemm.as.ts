/**
 * gemm in WebAssembly SIMD (AssemblyScript): T := A·B, packed, cache-blocked, register-tiled.
 *
 * This is the kernel source of the "wasm-simd" and "wasm-relaxed-simd" backends. It is compiled
 * by `npm run build:wasm` (scripts/build-wasm.ts) twice, with `--enable simd` and with
 * `--enable simd,relaxed-simd`, into gemm.wasm.generated.ts; gemm.wasm.ts copies operands in and
 * results out, and applies alpha and beta. It follows gemm.ts (the TypeScript kernel) loop for
 * loop; read that file first, its header draws the blocking in full.
 *
 * Shapes and layout. Pointers are byte addresses in this module's (imported) memory; strides
 * are in elements and may be negative or zero:
 *   A: (m, k) at a + (i·aRs + p·aCs)·size
 *   B: (k, n) at b + (p·bRs + j·bCs)·size
 *   T: (m, n) dense row-major at t + (i·n + j)·size, overwritten (never read first)
 * On exit T[i, j] = Σ_{p<k} A[i, p]·B[p, j], up to the order of the sums.
 *
 * Four entry points; three by element type of (A and B → the sums and T):
 *   dgemm     float64 → float64 (f64x2 lanes)
 *   sdgemm    float32 → float64: float32 operands packed into float64 panels, the dgemm
 *             micro-kernel, float64 T. The precision of gemm.ts (sums in float64, one rounding
 *             of C to float32 when gemm.wasm.ts stores it); the default for float32.
 *   sgemm     float32 → float32 (f32x4 lanes): twice the lanes, sums rounded to float32 at every
 *             step as in a float32 BLAS (error ≲ k·2⁻²⁴, NumPy's own float32 matmul). Opt-in.
 * and one that updates C where it lies, for operands already in this memory:
 *   dgemmC    float64: C := alpha·A·B + beta·C, C strided (cRs, cCs); no T
 * and two matrix–vector products (gemv.ts), y += A·x on dense vectors:
 *   dgemvColumns   A with contiguous columns (axpy form)
 *   dgemvRows      A with contiguous rows (dot form)
 *   dsymvLower     symmetric A in its lower triangle (axpy and dot per column)
 *
 * Blocking (the five loops of BLIS around a micro-kernel; mc, kc, nc are arguments):
 *
 *   for jc in 0..n step nc                  Bp := pack B[pc:+kc, jc:+nc]  (kc×nc, L3)
 *     for pc in 0..k step kc                  ...inside jc: one rank-kc update
 *       for ic in 0..m step mc                Ap := pack A[ic:+mc, pc:+kc]  (mc×kc, L2)
 *         for jr in 0..nc step NR             a kc×NR sliver of Bp (L1)
 *           for ir in 0..mc step MR           an MR×kc sliver of Ap
 *             T[ic+ir:+MR, jc+jr:+NR] (=|+=) Ap sliver · Bp sliver    (= when pc = 0)
 *
 * Panels are stored sliver by sliver, p-major, padded with zeros past the edge of A or B:
 *   Ap[s·kb·MR + p·MR + i] = A[ic + s·MR + i, pc + p]
 *   Bp[s·kb·NR + p·NR + j] = B[pc + p, jc + s·NR + j]
 * so each step p of the micro-kernel reads MR consecutive values of Ap and NR of Bp.
 *
 * The micro-kernel register tile (float64: MR = 4, NR = 4; 8 v128 accumulators). Each row i
 * of the tile is two f64x2 registers; per step p one value of A is broadcast to both lanes
 * (v128.load64_splat) and multiplied into row p of the B sliver, held in b0, b1:
 *
 *                     b0 = B[p, 0:2]   b1 = B[p, 2:4]
 *                   ┌────────────────┬────────────────┐
 *   splat A[0, p] → │ c00            │ c01            │   c_i0 += a_i·b0
 *   splat A[1, p] → │ c10            │ c11            │   c_i1 += a_i·b1
 *   splat A[2, p] → │ c20            │ c21            │   per p: 2 + 4 loads, 8 mul + 8 add
 *   splat A[3, p] → │ c30            │ c31            │   (or 8 relaxed_madd) = 32 flops
 *                   └────────────────┴────────────────┘
 *
 * Why 4×4 and not the 6×4 (12 accumulators) that fills the 16 xmm registers V8 gives SIMD
 * code on x64: measured, V8's code for the smaller tile is faster. n = 1024, dgemm alone, best
 * of 8 interleaved, 2-core Zen 4 under load (2026-12), GFLOP/s: 4×4 12.5–14.5, 3×4 13.3,
 * 2×8 13.8, 6×4 9.6–11.6, 4×6 10.0, 3×8 9.6, 5×4 8.5, 2×4 11.0 (each tile compiled with asc
 * and timed in one process). float32 uses the same 4-row tile with NR = 8: each row is two f32x4 registers.
 * Edge tiles (mrEff < MR or nrEff < NR) are computed in full into a small scratch tile and only
 * their inside is copied to T.
 *
 * The micro-kernels are inlined (@inline) into the loop nests, each at one call site, so that
 * V8's optimizing tier sees the p loop inside the ir loop: it then unrolls it four or five times
 * (one stack-guard check per group instead of per step) and hoists the base-plus-offset
 * addresses of the splat loads out of it, which as a separate function it recomputed every
 * step (30 → 26 instructions per step of 16 arithmetic ones). Measured at n = 1024 float64,
 * best of 12 interleaved in one process: 13.6–14.5 → 14.9–16.5 GFLOP/s (+9–13%). Without
 * relaxed SIMD, micro64's loop then takes two steps per pass (+2–10% more; see there).
 *
 * Invariant: after the update for pc, T[i, j] = Σ_{p < pc+kb} A[i, p]·B[p, j] over the blocks
 * done; the first update (pc = 0) stores, later ones add.
 *
 * Relaxed SIMD: built with relaxed-simd enabled, `madd` is f64x2.relaxed_madd (a fused
 * multiply-add where the engine has one, vfmadd on x64 with FMA3), otherwise mul then add.
 * Either rounding is within the error bound of an inner product; results may differ in the
 * last bits between the two builds and between engines.
 *
 * References: K. Goto, R. van de Geijn, "Anatomy of high-performance matrix multiplication",
 * ACM TOMS 34(3), 2008; F. Van Zee, R. van de Geijn, "BLIS: a framework for rapidly
 * instantiating BLAS functionality", ACM TOMS 41(3), 2015; the WebAssembly SIMD and relaxed
 * SIMD proposals (github.com/WebAssembly/simd, github.com/WebAssembly/relaxed-simd).
 */

/** Rows of the register tile, for every element type. */
const MR: i32 = 4;
/** Columns of the float64 register tile: two f64x2 lanes pairs. */
const NR64: i32 = 4;
/** Columns of the float32 register tile: two f32x4. */
const NR32: i32 = 8;

// ------------------------------------------------------------------ fused or plain multiply-add

/** c + a·b in float64 lanes: one relaxed_madd where the build has relaxed SIMD. */
// @ts-ignore: decorator
@inline function madd64(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f64x2.relaxed_madd(a, b, c);
  return f64x2.add(f64x2.mul(a, b), c);
}

/** c + a·b in float32 lanes. */
// @ts-ignore: decorator
@inline function madd32(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(f32x4.mul(a, b), c);
}

// ------------------------------------------------------------------ packing

/**
 * Pack the mb×kb block of A at src (element type S, strides rs, cs) into slivers of MR rows,
 * p-major, element type D: Ap[s·kb·MR + p·MR + i] = A[s·MR + i, p], zero past row mb.
 */
function packA<S, D>(src: usize, rs: i32, cs: i32, mb: i32, kb: i32, dst: usize): void {
  const sizeS = <i32>sizeof<S>();
  let d = dst;
  for (let ir = 0; ir < mb; ir += MR) {
    const mrEff = min(MR, mb - ir);
    for (let p = 0; p < kb; p++) {
      // A[ir : ir+mrEff, p], down a column of the block
      let s = src + <usize>((ir * rs + p * cs) * sizeS);
      let i = 0;
      for (; i < mrEff; i++) {
        store<D>(d + <usize>(i * <i32>sizeof<D>()), <D>load<S>(s));
        s += <usize>(rs * sizeS);
      }
      for (; i < MR; i++) store<D>(d + <usize>(i * <i32>sizeof<D>()), <D>0);
      d += <usize>(MR * <i32>sizeof<D>());
    }
  }
}

/**
 * Pack the kb×nb block of B at src into slivers of NR columns, p-major:
 * Bp[s·kb·NR + p·NR + j] = B[p, s·NR + j], zero past column nb.
 */
function packB<S, D>(src: usize, rs: i32, cs: i32, kb: i32, nb: i32, NR: i32, dst: usize): void {
  const sizeS = <i32>sizeof<S>();
  let d = dst;
  for (let jr = 0; jr < nb; jr += NR) {
    const nrEff = min(NR, nb - jr);
    for (let p = 0; p < kb; p++) {
      // B[p, jr : jr+nrEff], along a row of the block
      let s = src + <usize>((p * rs + jr * cs) * sizeS);
      let j = 0;
      for (; j < nrEff; j++) {
        store<D>(d + <usize>(j * <i32>sizeof<D>()), <D>load<S>(s));
        s += <usize>(cs * sizeS);
      }
      for (; j < NR; j++) store<D>(d + <usize>(j * <i32>sizeof<D>()), <D>0);
      d += <usize>(NR * <i32>sizeof<D>());
    }
  }
}

// ------------------------------------------------------------------ micro-kernels

/**
 * float64 micro-kernel: the 4×4 tile at t (row stride ldt elements) := alpha·S + beta'·tile,
 * S = Σ_{p<kb} Ap[a + p·4 .. +4] ⊗ Bp[b + p·4 .. +4] (see the register diagram in the header),
 * beta' = beta on the first rank-kb update and 1 on later ones; with first and beta = 0 the
 * tile is not read (as BLAS). The T path calls it with alpha = 1, beta = 0: store, then add.
 */
// @ts-ignore: decorator
@inline function micro64(kb: i32, a: usize, b: usize, t: usize, ldt: i32, first: bool, alpha: f64, beta: f64): void {
  let c00 = f64x2.splat(0), c01 = f64x2.splat(0);
  let c10 = f64x2.splat(0), c11 = f64x2.splat(0);
  let c20 = f64x2.splat(0), c21 = f64x2.splat(0);
  let c30 = f64x2.splat(0), c31 = f64x2.splat(0);
  // p = 0 … kb−1, counted by the A pointer itself (one loop counter fewer: 2–3% measured)
  const aEnd = a + (<usize>kb << 5);
  const aLast = aEnd - 32; // the last step starts here
  while (a < aEnd) {
    // step p: row p of the B sliver, then each a_i = A[i, p] broadcast: c_i += a_i·b
    let b0 = v128.load(b), b1 = v128.load(b, 16);
    let ai = v128.load64_splat(a);
    c00 = madd64(ai, b0, c00); c01 = madd64(ai, b1, c01);
    ai = v128.load64_splat(a, 8);
    c10 = madd64(ai, b0, c10); c11 = madd64(ai, b1, c11);
    ai = v128.load64_splat(a, 16);
    c20 = madd64(ai, b0, c20); c21 = madd64(ai, b1, c21);
    ai = v128.load64_splat(a, 24);
    c30 = madd64(ai, b0, c30); c31 = madd64(ai, b1, c31);
    if (!ASC_FEATURE_RELAXED_SIMD) {
      // With mul + add the loop is bound by how many instructions it issues, so it takes two
      // steps per pass and advances the pointers once per pair; the exit test between the two
      // (taken after the last step when kb is odd) keeps V8 from loading the second step's
      // operands before the first step's arithmetic, which would spill. Measured +2–10%;
      // with relaxed_madd (bound by the FMA units) the same was 1–6% slower, so not there.
      if (a >= aLast) break;
      b0 = v128.load(b, 32); b1 = v128.load(b, 48);
      ai = v128.load64_splat(a, 32);
      c00 = madd64(ai, b0, c00); c01 = madd64(ai, b1, c01);
      ai = v128.load64_splat(a, 40);
      c10 = madd64(ai, b0, c10); c11 = madd64(ai, b1, c11);
      ai = v128.load64_splat(a, 48);
      c20 = madd64(ai, b0, c20); c21 = madd64(ai, b1, c21);
      ai = v128.load64_splat(a, 56);
      c30 = madd64(ai, b0, c30); c31 = madd64(ai, b1, c31);
      a += 32;
      b += 32;
    }
    a += 32;
    b += 32;
  }
  const row = <usize>(ldt << 3);
  const al = f64x2.splat(alpha);
  if (first && beta == 0) {
    v128.store(t, f64x2.mul(al, c00)); v128.store(t, f64x2.mul(al, c01), 16); t += row;
    v128.store(t, f64x2.mul(al, c10)); v128.store(t, f64x2.mul(al, c11), 16); t += row;
    v128.store(t, f64x2.mul(al, c20)); v128.store(t, f64x2.mul(al, c21), 16); t += row;
    v128.store(t, f64x2.mul(al, c30)); v128.store(t, f64x2.mul(al, c31), 16);
    return;
  }
  // tile := alpha·S + beta'·tile, row by row
  const bt = f64x2.splat(first ? beta : 1);
  v128.store(t, madd64(al, c00, f64x2.mul(bt, v128.load(t)))); v128.store(t, madd64(al, c01, f64x2.mul(bt, v128.load(t, 16))), 16); t += row;
  v128.store(t, madd64(al, c10, f64x2.mul(bt, v128.load(t)))); v128.store(t, madd64(al, c11, f64x2.mul(bt, v128.load(t, 16))), 16); t += row;
  v128.store(t, madd64(al, c20, f64x2.mul(bt, v128.load(t)))); v128.store(t, madd64(al, c21, f64x2.mul(bt, v128.load(t, 16))), 16); t += row;
  v128.store(t, madd64(al, c30, f64x2.mul(bt, v128.load(t)))); v128.store(t, madd64(al, c31, f64x2.mul(bt, v128.load(t, 16))), 16);
}

/** float32 micro-kernel: the 4×8 tile, each row two f32x4; otherwise as micro64. */
// @ts-ignore: decorator
@inline function micro32(kb: i32, a: usize, b: usize, t: usize, ldt: i32, first: bool): void {
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0), c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0), c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0), c31 = f32x4.splat(0);
  const aEnd = a + (<usize>kb << 4);
  while (a < aEnd) {
    const b0 = v128.load(b), b1 = v128.load(b, 16);
    let ai = v128.load32_splat(a);
    c00 = madd32(ai, b0, c00); c01 = madd32(ai, b1, c01);
    ai = v128.load32_splat(a, 4);
    c10 = madd32(ai, b0, c10); c11 = madd32(ai, b1, c11);
    ai = v128.load32_splat(a, 8);
    c20 = madd32(ai, b0, c20); c21 = madd32(ai, b1, c21);
    ai = v128.load32_splat(a, 12);
    c30 = madd32(ai, b0, c30); c31 = madd32(ai, b1, c31);
    a += 16;
    b += 32;
  }
  const row = <usize>(ldt << 2);
  if (!first) {
    c00 = f32x4.add(c00, v128.load(t)); c01 = f32x4.add(c01, v128.load(t, 16)); t += row;
    c10 = f32x4.add(c10, v128.load(t)); c11 = f32x4.add(c11, v128.load(t, 16)); t += row;
    c20 = f32x4.add(c20, v128.load(t)); c21 = f32x4.add(c21, v128.load(t, 16)); t += row;
    c30 = f32x4.add(c30, v128.load(t)); c31 = f32x4.add(c31, v128.load(t, 16));
    t -= 3 * row;
  }
  v128.store(t, c00); v128.store(t, c01, 16); t += row;
  v128.store(t, c10); v128.store(t, c11, 16); t += row;
  v128.store(t, c20); v128.store(t, c21, 16); t += row;
  v128.store(t, c30); v128.store(t, c31, 16);
}

// ------------------------------------------------------------------ the five loops

/**
 * T := A·B by the five loops of the header, with sums and panels in element type D (f64 or
 * f32) and operands of element type S. ap, bp: scratch for the panels, at least
 * ⌈mc/MR⌉·MR·kc and ⌈nc/NR⌉·NR·kc elements of D; tile: MR·NR elements of D.
 */
function blocked<S, D>(
  m: i32, n: i32, k: i32,
  a: usize, aRs: i32, aCs: i32,
  b: usize, bRs: i32, bCs: i32,
  t: usize,
  ap: usize, bp: usize, tile: usize,
  mc: i32, kc: i32, nc: i32,
): void {
  const NR = sizeof<D>() == 8 ? NR64 : NR32;
  const sizeS = <i32>sizeof<S>();
  const sizeD = <i32>sizeof<D>();
  for (let jc = 0; jc < n; jc += nc) {
    const nb = min(nc, n - jc); // columns in this panel
    for (let pc = 0; pc < k; pc += kc) {
      const kb = min(kc, k - pc); // depth of this rank-kb update
      const first = pc == 0; // the first update stores, later ones add
      packB<S, D>(b + <usize>((pc * bRs + jc * bCs) * sizeS), bRs, bCs, kb, nb, NR, bp);
      for (let ic = 0; ic < m; ic += mc) {
        const mb = min(mc, m - ic); // rows in this block
        packA<S, D>(a + <usize>((ic * aRs + pc * aCs) * sizeS), aRs, aCs, mb, kb, ap);
        for (let jr = 0; jr < nb; jr += NR) {
          const nrEff = min(NR, nb - jr);
          const bSliver = bp + <usize>(jr * kb * sizeD); // (jr/NR)·kb·NR elements in
          for (let ir = 0; ir < mb; ir += MR) {
            const mrEff = min(MR, mb - ir);
            const aSliver = ap + <usize>(ir * kb * sizeD);
            // the MR×NR tile of T at (ic + ir, jc + jr)
            const tij = t + <usize>(((ic + ir) * n + jc + jr) * sizeD);
            // a full tile is updated in T; an edge tile is computed whole into scratch
            const full = mrEff == MR && nrEff == NR;
            const out = full ? tij : tile;
            const ldOut = full ? n : NR;
            const overwrite = full ? first : true;
            if (sizeD == 8) micro64(kb, aSliver, bSliver, out, ldOut, overwrite, 1, 0);
            else micro32(kb, aSliver, bSliver, out, ldOut, overwrite);
            if (!full) {
              // then its mrEff×nrEff inside into T
              for (let i = 0; i < mrEff; i++) {
                for (let j = 0; j < nrEff; j++) {
                  const dst = tij + <usize>((i * n + j) * sizeD);
                  const v = load<D>(tile + <usize>((i * NR + j) * sizeD));
                  store<D>(dst, first ? v : load<D>(dst) + v);
                }
              }
            }
          }
        }
      }
    }
  }
}

/**
 * C := alpha·A·B + beta·C in place, float64, C strided (cRs, cCs): the loops of `blocked`, but
 * the tiles land in C itself, so a C that already lives in this memory (a resident workspace,
 * gemm.wasm.ts) needs no T and no copy out. When C's rows are contiguous (cCs = 1; dgemmC
 * turns a column-major C into that case by computing Cᵀ = Bᵀ·Aᵀ) a full tile is updated where
 * it lies by the micro-kernel; edge tiles, and every tile of a C strided both ways, go through
 * the scratch tile. The first rank-kb update scales C by beta (beta = 0: C is not read), later
 * ones add.
 */
function blockedC(
  m: i32, n: i32, k: i32,
  a: usize, aRs: i32, aCs: i32,
  b: usize, bRs: i32, bCs: i32,
  c: usize, cRs: i32, cCs: i32, alpha: f64, beta: f64,
  ap: usize, bp: usize, tile: usize,
  mc: i32, kc: i32, nc: i32,
): void {
  for (let jc = 0; jc < n; jc += nc) {
    const nb = min(nc, n - jc);
    for (let pc = 0; pc < k; pc += kc) {
      const kb = min(kc, k - pc);
      const first = pc == 0;
      packB<f64, f64>(b + <usize>((pc * bRs + jc * bCs) << 3), bRs, bCs, kb, nb, NR64, bp);
      for (let ic = 0; ic < m; ic += mc) {
        const mb = min(mc, m - ic);
        packA<f64, f64>(a + <usize>((ic * aRs + pc * aCs) << 3), aRs, aCs, mb, kb, ap);
        for (let jr = 0; jr < nb; jr += NR64) {
          const nrEff = min(NR64, nb - jr);
          const bSliver = bp + <usize>((jr * kb) << 3);
          for (let ir = 0; ir < mb; ir += MR) {
            const mrEff = min(MR, mb - ir);
            const aSliver = ap + <usize>((ir * kb) << 3);
            const cij = c + <usize>(((ic + ir) * cRs + (jc + jr) * cCs) << 3);
            // a full tile of a C with contiguous rows is updated where it lies; any other
            // tile is computed whole into scratch, then merged below
            const inPlace = cCs == 1 && mrEff == MR && nrEff == NR64;
            micro64(kb, aSliver, bSliver, inPlace ? cij : tile, inPlace ? cRs : NR64, inPlace ? first : true, inPlace ? alpha : 1, inPlace ? beta : 0);
            if (inPlace) continue;
            // C[ic+ir+i, jc+jr+j] := alpha·tile[i, j] + beta'·C[…]
            for (let j = 0; j < nrEff; j++) {
              let dst = cij + <usize>((j * cCs) << 3);
              for (let i = 0; i < mrEff; i++) {
                const v = alpha * load<f64>(tile + <usize>((i * NR64 + j) << 3));
                if (!first) store<f64>(dst, load<f64>(dst) + v);
                else if (beta == 0) store<f64>(dst, v);
                else store<f64>(dst, beta * load<f64>(dst) + v);
                dst += <usize>(cRs << 3);
              }
            }
          }
        }
      }
    }
  }
}

/** float64 operands, float64 sums and T (see the header). */
export function dgemm(
  m: i32, n: i32, k: i32, a: usize, aRs: i32, aCs: i32, b: usize, bRs: i32, bCs: i32, t: usize,
  ap: usize, bp: usize, tile: usize, mc: i32, kc: i32, nc: i32,
): void {
  blocked<f64, f64>(m, n, k, a, aRs, aCs, b, bRs, bCs, t, ap, bp, tile, mc, kc, nc);
}

/** float32 operands, float64 panels, sums and T. */
export function sdgemm(
  m: i32, n: i32, k: i32, a: usize, aRs: i32, aCs: i32, b: usize, bRs: i32, bCs: i32, t: usize,
  ap: usize, bp: usize, tile: usize, mc: i32, kc: i32, nc: i32,
): void {
  blocked<f32, f64>(m, n, k, a, aRs, aCs, b, bRs, bCs, t, ap, bp, tile, mc, kc, nc);
}

/** float32 operands, sums and T (f32x4 lanes). */
export function sgemm(
  m: i32, n: i32, k: i32, a: usize, aRs: i32, aCs: i32, b: usize, bRs: i32, bCs: i32, t: usize,
  ap: usize, bp: usize, tile: usize, mc: i32, kc: i32, nc: i32,
): void {
  blocked<f32, f32>(m, n, k, a, aRs, aCs, b, bRs, bCs, t, ap, bp, tile, mc, kc, nc);
}

/**
 * float64, C := alpha·A·B + beta·C in place (see blockedC). A column-major C (cRs = 1) is
 * computed as Cᵀ := alpha·Bᵀ·Aᵀ + beta·Cᵀ, whose rows are C's contiguous columns.
 */
export function dgemmC(
  m: i32, n: i32, k: i32, a: usize, aRs: i32, aCs: i32, b: usize, bRs: i32, bCs: i32,
  c: usize, cRs: i32, cCs: i32, alpha: f64, beta: f64,
  ap: usize, bp: usize, tile: usize, mc: i32, kc: i32, nc: i32,
): void {
  if (cRs == 1 && cCs != 1) blockedC(n, m, k, b, bCs, bRs, a, aCs, aRs, c, cCs, cRs, alpha, beta, ap, bp, tile, mc, kc, nc);
  else blockedC(m, n, k, a, aRs, aCs, b, bRs, bCs, c, cRs, cCs, alpha, beta, ap, bp, tile, mc, kc, nc);
}

// ------------------------------------------------------------------ matrix–vector products

/**
 * y[0:m] += Σ_{j<n} A[:, j]·x[j] for a float64 A with contiguous columns (A[i, j] at
 * a + (i + j·lda)·8), dense x (n) and y (m): the "axpy" form of gemv, four columns per pass
 * over y, two rows per f64x2.
 */
export function dgemvColumns(m: i32, n: i32, a: usize, lda: i32, x: usize, y: usize): void {
  const col = <usize>(lda << 3);
  let j = 0;
  for (; j + 4 <= n; j += 4) {
    const a0 = a + <usize>(j) * col, a1 = a0 + col, a2 = a1 + col, a3 = a2 + col;
    const x0s = load<f64>(x + (<usize>j << 3)), x1s = load<f64>(x + (<usize>j << 3), 8);
    const x2s = load<f64>(x + (<usize>j << 3), 16), x3s = load<f64>(x + (<usize>j << 3), 24);
    const x0 = f64x2.splat(x0s), x1 = f64x2.splat(x1s), x2 = f64x2.splat(x2s), x3 = f64x2.splat(x3s);
    let i = 0;
    for (; i + 2 <= m; i += 2) {
      const o = <usize>i << 3;
      let v = v128.load(y + o);
      v = madd64(v128.load(a0 + o), x0, v);
      v = madd64(v128.load(a1 + o), x1, v);
      v = madd64(v128.load(a2 + o), x2, v);
      v = madd64(v128.load(a3 + o), x3, v);
      v128.store(y + o, v);
    }
    for (; i < m; i++) {
      const o = <usize>i << 3;
      store<f64>(y + o, load<f64>(y + o) + load<f64>(a0 + o) * x0s + load<f64>(a1 + o) * x1s + load<f64>(a2 + o) * x2s + load<f64>(a3 + o) * x3s);
    }
  }
  for (; j < n; j++) {
    const aj = a + <usize>(j) * col;
    const xs = load<f64>(x + (<usize>j << 3));
    const xv = f64x2.splat(xs);
    let i = 0;
    for (; i + 2 <= m; i += 2) {
      const o = <usize>i << 3;
      v128.store(y + o, madd64(v128.load(aj + o), xv, v128.load(y + o)));
    }
    for (; i < m; i++) {
      const o = <usize>i << 3;
      store<f64>(y + o, load<f64>(y + o) + load<f64>(aj + o) * xs);
    }
  }
}

/**
 * y[i] += Σ_{j<n} A[i, j]·x[j] for a float64 A with contiguous rows (A[i, j] at
 * a + (i·lda + j)·8): the "dot" form of gemv, one row at a time with two f64x2 partial sums.
 */
export function dgemvRows(m: i32, n: i32, a: usize, lda: i32, x: usize, y: usize): void {
  const row = <usize>(lda << 3);
  for (let i = 0; i < m; i++) {
    const ai = a + <usize>(i) * row;
    let s0 = f64x2.splat(0), s1 = f64x2.splat(0);
    let j = 0;
    for (; j + 4 <= n; j += 4) {
      const o = <usize>j << 3;
      s0 = madd64(v128.load(ai + o), v128.load(x + o), s0);
      s1 = madd64(v128.load(ai + o, 16), v128.load(x + o, 16), s1);
    }
    const s = f64x2.add(s0, s1);
    let t = f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1);
    for (; j < n; j++) t += load<f64>(ai + (<usize>j << 3)) * load<f64>(x + (<usize>j << 3));
    const yi = y + (<usize>i << 3);
    store<f64>(yi, load<f64>(yi) + t);
  }
}

/**
 * y[0:k] += A·x for the symmetric float64 k×k A held in its lower triangle, columns contiguous
 * (A[i, j], i ≥ j, at a + (i + j·lda)·8): column j below the diagonal serves as column j
 * (an axpy into y) and as row j (a dot with x) in one pass, two rows per f64x2.
 */
export function dsymvLower(k: i32, a: usize, lda: i32, x: usize, y: usize): void {
  const col = <usize>(lda << 3);
  for (let j = 0; j < k; j++) {
    const aj = a + <usize>(j) * col;
    const xj = load<f64>(x + (<usize>j << 3));
    const t1 = f64x2.splat(xj);
    let t2 = f64x2.splat(0);
    let r = j + 1;
    for (; r + 2 <= k; r += 2) {
      const o = <usize>r << 3;
      const av = v128.load(aj + o);
      v128.store(y + o, madd64(av, t1, v128.load(y + o)));
      t2 = madd64(av, v128.load(x + o), t2);
    }
    let dot = f64x2.extract_lane(t2, 0) + f64x2.extract_lane(t2, 1);
    if (r < k) {
      const o = <usize>r << 3;
      const av = load<f64>(aj + o);
      store<f64>(y + o, load<f64>(y + o) + av * xj);
      dot += av * load<f64>(x + o);
    }
    const yj = y + (<usize>j << 3);
    store<f64>(yj, load<f64>(yj) + xj * load<f64>(aj + (<usize>j << 3)) + dot);
  }
}

/** The register tile, so the loader sizes scratch and panels from the module itself. */
export function tileRows(): i32 {
  return MR;
}

/** Columns of the register tile for elements of `bytes` bytes (8: float64, 4: float32). */
export function tileCols(bytes: i32): i32 {
  return bytes == 8 ? NR64 : NR32;
}
