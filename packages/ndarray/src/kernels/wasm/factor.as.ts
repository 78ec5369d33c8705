/**
 * Factorization kernels in WebAssembly (AssemblyScript): the triangular solve, LU with partial
 * pivoting and Cholesky, on float64 matrices that already lie in this module's memory (the
 * resident workspaces of gemm.wasm.ts), so that a whole factorization runs here with no call
 * back into JavaScript: the panels, the row swaps, the substitutions and the gemm updates.
 *
 * These are the fast twins of the readable routines in @sliderule/linalg, which are their
 * spec and are tested against them there (docs/style.md §6); read those first:
 *   dtrsm   B := T⁻¹·B, recursive, gemm off the diagonal    linalg primitives/triangular-solve.ts
 *   dgetrf  P·L·U = A, blocked, recursive panels (getrf2)    linalg dense/lu.ts getf2/getrf2/getrf
 *   dpotrf  L·Lᵀ = A, blocked left-looking                   linalg dense/cholesky.ts potf2/potrf
 *   dgeqrf  A = Q·R by Householder, blocked (WY updates)     linalg dense/qr.ts geqr2/geqrf and
 *   dorgqr  Q₁ from dgeqrf's reflectors, blocked             org2r/orgqr, primitives/householder.ts
 * Each follows its twin loop for loop, so the same pivots are chosen; sums may round
 * differently (f64x2 lanes, fused multiply-add in the relaxed build).
 *
 * Layout: column-major blocks, element (i, j) of a block at a + (i + j·lda)·8 (byte addresses,
 * leading dimensions in elements); dtrsm takes any strides. Pivots are i32 at ipiv + j·4,
 * 0-based rows, as linalg's ipiv.
 *
 * The gemm calls go to dgemmC (gemm.as.ts) with the scratch set by `factorScratch` (the panel
 * buffers Ap, Bp, the tile, and the block sizes mc, kc, nc), which the caller must have
 * reserved above its workspaces before it calls dtrsm, dgetrf or dpotrf.
 *
 * Reference: LAPACK dgetrf, dgetrf2, dgetf2, dlaswp, dpotrf, dpotf2, dgeqrf, dgeqr2, dlarfg,
 * dlarft, dlarfb, dnrm2; BLAS dtrsm; F. Gustavson,
 * "Recursion leads to automatic variable blocking for dense linear-algebra algorithms",
 * IBM J. Res. Dev. 41(6), 1997.
 */
import { dgemmC } from "./gemm.as";

// ------------------------------------------------------------------ scratch for dgemmC

let scratchAp: usize = 0;
let scratchBp: usize = 0;
let scratchTile: usize = 0;
let blockMc: i32 = 96;
let blockKc: i32 = 256;
let blockNc: i32 = 1024;

/** Where the gemm calls of the kernels below pack their panels, and their block sizes. */
export function factorScratch(ap: usize, bp: usize, tile: usize, mc: i32, kc: i32, nc: i32): void {
  scratchAp = ap;
  scratchBp = bp;
  scratchTile = tile;
  blockMc = mc;
  blockKc = kc;
  blockNc = nc;
}

/** C := alpha·A·B + beta·C on the scratch above (any strides). */
// @ts-ignore: decorator
@inline function gemm(
  m: i32, n: i32, k: i32, a: usize, aRs: i32, aCs: i32, b: usize, bRs: i32, bCs: i32,
  c: usize, cRs: i32, cCs: i32, alpha: f64, beta: f64,
): void {
  if (m <= 0 || n <= 0 || k <= 0) return;
  dgemmC(m, n, k, a, aRs, aCs, b, bRs, bCs, c, cRs, cCs, alpha, beta, scratchAp, scratchBp, scratchTile, blockMc, blockKc, blockNc);
}

/** Byte address of element (i, j) of a block at `a` with strides (rs, cs). */
// @ts-ignore: decorator
@inline function at(a: usize, i: i32, j: i32, rs: i32, cs: i32): usize {
  return a + (<usize>(i * rs + j * cs) << 3);
}

/** y[0:n] −= s·x[0:n] on contiguous float64 vectors, two lanes at a time. */
function axpyMinus(n: i32, s: f64, x: usize, y: usize): void {
  const sv = f64x2.splat(s);
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    const o = <usize>i << 3;
    v128.store(y + o, f64x2.sub(v128.load(y + o), f64x2.mul(v128.load(x + o), sv)));
  }
  if (i < n) {
    const o = <usize>i << 3;
    store<f64>(y + o, load<f64>(y + o) - load<f64>(x + o) * s);
  }
}

// ------------------------------------------------------------------ triangular solve

/**
 * B := T⁻¹·B by substitution (linalg trsmReference): T n×n lower or upper, unit diagonal or
 * not, B n×nrhs; any strides. Column by column when B's columns are contiguous, else row k of
 * X against every unsolved row.
 */
function trsmLeaf(n: i32, nrhs: i32, lower: bool, unit: bool, t: usize, tRs: i32, tCs: i32, b: usize, bRs: i32, bCs: i32): void {
  if (abs(bRs) <= abs(bCs)) {
    for (let j = 0; j < nrhs; j++) {
      const bj = at(b, 0, j, bRs, bCs);
      for (let step = 0; step < n; step++) {
        const k = lower ? step : n - 1 - step;
        const iBegin = lower ? k + 1 : 0;
        const iEnd = lower ? n : k;
        const bk = at(bj, k, 0, bRs, 0);
        if (!unit) store<f64>(bk, load<f64>(bk) / load<f64>(at(t, k, k, tRs, tCs)));
        const xk = load<f64>(bk);
        if (xk == 0) continue;
        // b_i −= T[i, k]·x_k for the unsolved rows
        const tk = at(t, 0, k, tRs, tCs);
        if (tRs == 1 && bRs == 1) {
          axpyMinus(iEnd - iBegin, xk, tk + (<usize>iBegin << 3), bj + (<usize>iBegin << 3));
        } else {
          for (let i = iBegin; i < iEnd; i++) {
            const bi = at(bj, i, 0, bRs, 0);
            store<f64>(bi, load<f64>(bi) - load<f64>(at(tk, i, 0, tRs, 0)) * xk);
          }
        }
      }
    }
    return;
  }
  for (let step = 0; step < n; step++) {
    const k = lower ? step : n - 1 - step;
    const iBegin = lower ? k + 1 : 0;
    const iEnd = lower ? n : k;
    const bk = at(b, k, 0, bRs, bCs);
    if (!unit) {
      const r = 1 / load<f64>(at(t, k, k, tRs, tCs));
      for (let j = 0; j < nrhs; j++) {
        const e = at(bk, 0, j, 0, bCs);
        store<f64>(e, load<f64>(e) * r);
      }
    }
    const tk = at(t, 0, k, tRs, tCs);
    for (let i = iBegin; i < iEnd; i++) {
      const tik = load<f64>(at(tk, i, 0, tRs, 0));
      if (tik == 0) continue;
      const bi = at(b, i, 0, bRs, bCs);
      if (bCs == 1) axpyMinus(nrhs, tik, bk, bi);
      else for (let j = 0; j < nrhs; j++) store<f64>(at(bi, 0, j, 0, bCs), load<f64>(at(bi, 0, j, 0, bCs)) - tik * load<f64>(at(bk, 0, j, 0, bCs)));
    }
  }
}

/**
 * B := T⁻¹·B, recursive (linalg trsm): T halved, the first half solved, its contribution
 * subtracted from the second half's rows by gemm, the second half solved; substitution below
 * order `leaf`. Lower T solves top then bottom, upper T bottom then top.
 */
export function dtrsm(n: i32, nrhs: i32, lower: bool, unit: bool, t: usize, tRs: i32, tCs: i32, b: usize, bRs: i32, bCs: i32, leaf: i32): void {
  if (n <= max(leaf, 1) || nrhs == 0) {
    trsmLeaf(n, nrhs, lower, unit, t, tRs, tCs, b, bRs, bCs);
    return;
  }
  const n1 = n >> 1;
  const f0 = lower ? 0 : n1, fRows = lower ? n1 : n - n1;
  const s0 = lower ? n1 : 0, sRows = lower ? n - n1 : n1;
  dtrsm(fRows, nrhs, lower, unit, at(t, f0, f0, tRs, tCs), tRs, tCs, at(b, f0, 0, bRs, bCs), bRs, bCs, leaf);
  gemm(sRows, nrhs, fRows, at(t, s0, f0, tRs, tCs), tRs, tCs, at(b, f0, 0, bRs, bCs), bRs, bCs, at(b, s0, 0, bRs, bCs), bRs, bCs, -1, 1);
  dtrsm(sRows, nrhs, lower, unit, at(t, s0, s0, tRs, tCs), tRs, tCs, at(b, s0, 0, bRs, bCs), bRs, bCs, leaf);
}

// ------------------------------------------------------------------ LU with partial pivoting

/** Panels of at most this many columns are factored by getf2 (linalg tuning.ts PANEL_LEAF; keep equal). */
const PANEL_LEAF: i32 = 8;
/** Order of the substitution leaves of the triangular solves inside dgetrf (linalg tuning.ts triangular). */
const TRSM_LEAF: i32 = 8;

/**
 * Unblocked LU with partial pivoting of the m×n block at a (linalg getf2): pivots to ipiv,
 * relative to the block's first row. Returns the first j with an exactly zero pivot, or −1.
 */
function getf2(m: i32, n: i32, a: usize, lda: i32, ipiv: usize): i32 {
  let info = -1;
  const k = min(m, n);
  for (let j = 0; j < k; j++) {
    const colJ = at(a, 0, j, 1, lda);
    // 1. p = argmax_{i ≥ j} |A[i, j]|, the first on ties
    let p = j;
    let maxAbs = abs(load<f64>(colJ + (<usize>j << 3)));
    for (let i = j + 1; i < m; i++) {
      const v = abs(load<f64>(colJ + (<usize>i << 3)));
      if (v > maxAbs) {
        maxAbs = v;
        p = i;
      }
    }
    store<i32>(ipiv + (<usize>j << 2), p);
    if (load<f64>(colJ + (<usize>p << 3)) == 0) {
      if (info < 0) info = j;
      continue;
    }
    // 2. swap rows j and p across the block
    if (p != j) {
      for (let c = 0; c < n; c++) {
        const e = at(a, 0, c, 1, lda);
        const t = load<f64>(e + (<usize>j << 3));
        store<f64>(e + (<usize>j << 3), load<f64>(e + (<usize>p << 3)));
        store<f64>(e + (<usize>p << 3), t);
      }
    }
    // 3. multipliers l_ij = A[i, j] / A[j, j]
    const rjj = 1 / load<f64>(colJ + (<usize>j << 3));
    for (let i = j + 1; i < m; i++) {
      const e = colJ + (<usize>i << 3);
      store<f64>(e, load<f64>(e) * rjj);
    }
    // 4. A[j+1:, c] −= l_{:,j}·u_{j,c} for each later column
    for (let c = j + 1; c < n; c++) {
      const colC = at(a, 0, c, 1, lda);
      const ujc = load<f64>(colC + (<usize>j << 3));
      if (ujc == 0) continue;
      axpyMinus(m - j - 1, ujc, colJ + (<usize>(j + 1) << 3), colC + (<usize>(j + 1) << 3));
    }
  }
  return info;
}

/**
 * Row interchanges on ncols columns (linalg laswp, forward): for j = j0 … j1−1 swap rows j
 * and ipiv[j], both relative to the block at a. Column by column, so each column is touched
 * while it is in cache.
 */
function laswp(ncols: i32, a: usize, lda: i32, j0: i32, j1: i32, ipiv: usize): void {
  for (let c = 0; c < ncols; c++) {
    const col = at(a, 0, c, 1, lda);
    for (let j = j0; j < j1; j++) {
      const p = load<i32>(ipiv + (<usize>j << 2));
      if (p == j) continue;
      const t = load<f64>(col + (<usize>j << 3));
      store<f64>(col + (<usize>j << 3), load<f64>(col + (<usize>p << 3)));
      store<f64>(col + (<usize>p << 3), t);
    }
  }
}

/** Recursive LU of an m×n panel (linalg getrf2): halves of columns, getf2 below PANEL_LEAF. */
function getrf2(m: i32, n: i32, a: usize, lda: i32, ipiv: usize): i32 {
  const k = min(m, n);
  if (k <= PANEL_LEAF) return getf2(m, n, a, lda, ipiv);
  const n1 = k >> 1;
  const n2 = n - n1;
  // [A11; A21] = P1·[L11; L21]·U11
  let info = getrf2(m, n1, a, lda, ipiv);
  // P1⁻¹ on the right half, U12 = L11⁻¹·A12, A22 −= L21·U12
  const a12 = at(a, 0, n1, 1, lda);
  laswp(n2, a12, lda, 0, n1, ipiv);
  dtrsm(n1, n2, true, true, a, 1, lda, a12, 1, lda, TRSM_LEAF);
  gemm(m - n1, n2, n1, at(a, n1, 0, 1, lda), 1, lda, a12, 1, lda, at(a, n1, n1, 1, lda), 1, lda, -1, 1);
  // A22 = P2·L22·U22, pivots counted from row n1
  const ipiv2 = ipiv + (<usize>n1 << 2);
  const info2 = getrf2(m - n1, n2, at(a, n1, n1, 1, lda), lda, ipiv2);
  if (info < 0 && info2 >= 0) info = info2 + n1;
  for (let j = n1; j < k; j++) {
    const e = ipiv + (<usize>j << 2);
    store<i32>(e, load<i32>(e) + n1);
  }
  // P2⁻¹ on the left half
  laswp(n1, a, lda, n1, k, ipiv);
  return info;
}

/**
 * Blocked LU with partial pivoting of the m×n matrix at a (linalg getrf): panels of nb
 * columns by getrf2, their row swaps on both sides, U12 by dtrsm, A22 by gemm. ipiv gets
 * min(m, n) absolute 0-based rows. Returns the first exactly zero pivot's column, or −1.
 */
export function dgetrf(m: i32, n: i32, a: usize, lda: i32, ipiv: usize, nb: i32): i32 {
  const k = min(m, n);
  if (nb >= k) return getf2(m, n, a, lda, ipiv);
  let info = -1;
  for (let j0 = 0; j0 < k; j0 += nb) {
    const jb = min(nb, k - j0);
    const j1 = j0 + jb;
    const panelInfo = getrf2(m - j0, jb, at(a, j0, j0, 1, lda), lda, ipiv + (<usize>j0 << 2));
    if (info < 0 && panelInfo >= 0) info = panelInfo + j0;
    for (let j = j0; j < j1; j++) {
      const e = ipiv + (<usize>j << 2);
      store<i32>(e, load<i32>(e) + j0);
    }
    laswp(j0, a, lda, j0, j1, ipiv);
    if (j1 < n) {
      const a12 = at(a, 0, j1, 1, lda);
      laswp(n - j1, a12, lda, j0, j1, ipiv);
      dtrsm(jb, n - j1, true, true, at(a, j0, j0, 1, lda), 1, lda, at(a12, j0, 0, 1, lda), 1, lda, TRSM_LEAF);
      gemm(m - j1, n - j1, jb, at(a, j1, j0, 1, lda), 1, lda, at(a12, j0, 0, 1, lda), 1, lda, at(a12, j1, 0, 1, lda), 1, lda, -1, 1);
    }
  }
  return info;
}

// ------------------------------------------------------------------ Cholesky

/**
 * Unblocked Cholesky, lower, of the n×n block at a (linalg potf2). Returns −1, or the first
 * j whose leading minor is not positive definite.
 */
function potf2(n: i32, a: usize, lda: i32): i32 {
  for (let j = 0; j < n; j++) {
    const colJ = at(a, 0, j, 1, lda);
    let d = load<f64>(colJ + (<usize>j << 3));
    for (let k = 0; k < j; k++) {
      const ljk = load<f64>(at(a, j, k, 1, lda));
      d -= ljk * ljk;
    }
    if (!(d > 0)) return j;
    const ljj = sqrt<f64>(d);
    store<f64>(colJ + (<usize>j << 3), ljj);
    for (let k = 0; k < j; k++) {
      const ljk = load<f64>(at(a, j, k, 1, lda));
      if (ljk == 0) continue;
      axpyMinus(n - j - 1, ljk, at(a, j + 1, k, 1, lda), colJ + (<usize>(j + 1) << 3));
    }
    const r = 1 / ljj;
    for (let i = j + 1; i < n; i++) {
      const e = colJ + (<usize>i << 3);
      store<f64>(e, load<f64>(e) * r);
    }
  }
  return -1;
}

/**
 * Blocked Cholesky, lower, left-looking (linalg potrf): for each panel of nb columns,
 * [A11; A21] −= [L10; L20]·L10ᵀ by gemm, potf2 on A11, L21 = A21·L11⁻ᵀ by dtrsm on A21's
 * transposed strides. Returns −1 or the failing leading minor's index.
 */
export function dpotrf(n: i32, a: usize, lda: i32, nb: i32): i32 {
  if (nb >= n) return potf2(n, a, lda);
  for (let j0 = 0; j0 < n; j0 += nb) {
    const jb = min(nb, n - j0);
    const j1 = j0 + jb;
    if (j0 > 0) gemm(n - j0, jb, j0, at(a, j0, 0, 1, lda), 1, lda, at(a, j0, 0, 1, lda), lda, 1, at(a, j0, j0, 1, lda), 1, lda, -1, 1);
    const info = potf2(jb, at(a, j0, j0, 1, lda), lda);
    if (info >= 0) return j0 + info;
    if (j1 < n) dtrsm(jb, n - j1, true, false, at(a, j0, j0, 1, lda), 1, lda, at(a, j1, j0, 1, lda), lda, 1, TRSM_LEAF);
  }
  return -1;
}

// ------------------------------------------------------------------ Householder QR

/** Σ x[i]·y[i] over n contiguous float64 values, two f64x2 partial sums. */
function dot(n: i32, x: usize, y: usize): f64 {
  let s0 = f64x2.splat(0), s1 = f64x2.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = <usize>i << 3;
    s0 = f64x2.add(s0, f64x2.mul(v128.load(x + o), v128.load(y + o)));
    s1 = f64x2.add(s1, f64x2.mul(v128.load(x + o, 16), v128.load(y + o, 16)));
  }
  const s = f64x2.add(s0, s1);
  let t = f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1);
  for (; i < n; i++) t += load<f64>(x + (<usize>i << 3)) * load<f64>(y + (<usize>i << 3));
  return t;
}

/** ‖x‖₂ of n contiguous values without overflow or harmful underflow (linalg nrm2). */
function nrm2(n: i32, x: usize): f64 {
  const ss = dot(n, x, x);
  if (ss > 1e-290 && ss < 1e290) return sqrt<f64>(ss);
  let scale = 0.0;
  let ssq = 1.0;
  for (let i = 0; i < n; i++) {
    const a = abs(load<f64>(x + (<usize>i << 3)));
    if (a == 0) continue;
    if (scale < a) {
      ssq = 1 + ssq * (scale / a) * (scale / a);
      scale = a;
    } else {
      ssq += (a / scale) * (a / scale);
    }
  }
  return scale * sqrt<f64>(ssq);
}

/** sqrt(a² + b²) without overflow or harmful underflow (JavaScript's Math.hypot for two). */
function hypot(a: f64, b: f64): f64 {
  const x = abs(a), y = abs(b);
  const w = max(x, y), z = min(x, y);
  if (z == 0) return w;
  const r = z / w;
  return w * sqrt<f64>(1 + r * r);
}

/** larfg's rescaling threshold SAFMIN/ULP = 2⁻⁹⁷⁰: linalg machine.ts SMLNUM (AssemblyScript cannot import it; keep equal). */
const SAFMIN: f64 = 2.2250738585072014e-308 / 2.220446049250313e-16;

/**
 * Generate a reflector (linalg larfg, LAPACK dlarfg): [alpha; x] is the value at `alpha`
 * followed by n−1 contiguous values at x. On exit alpha holds beta, x holds v[1:], and the
 * return value is tau.
 */
function larfg(n: i32, alphaAt: usize, x: usize): f64 {
  if (n <= 1) return 0;
  let xnorm = nrm2(n - 1, x);
  if (xnorm == 0) return 0;
  let alpha = load<f64>(alphaAt);
  let beta = -(alpha < 0 ? -1.0 : 1.0) * hypot(alpha, xnorm);
  let knt = 0;
  if (abs(beta) < SAFMIN) {
    const rsafmn = 1 / SAFMIN;
    do {
      knt++;
      for (let i = 0; i < n - 1; i++) store<f64>(x + (<usize>i << 3), load<f64>(x + (<usize>i << 3)) * rsafmn);
      beta *= rsafmn;
      alpha *= rsafmn;
    } while (abs(beta) < SAFMIN && knt < 20);
    xnorm = nrm2(n - 1, x);
    beta = -(alpha < 0 ? -1.0 : 1.0) * hypot(alpha, xnorm);
  }
  const tau = (beta - alpha) / beta;
  const scal = 1 / (alpha - beta);
  for (let i = 0; i < n - 1; i++) store<f64>(x + (<usize>i << 3), load<f64>(x + (<usize>i << 3)) * scal);
  for (let j = 0; j < knt; j++) beta *= SAFMIN;
  store<f64>(alphaAt, beta);
  return tau;
}

/** C := C − tau·v·(vᵀ·C) for the m×n block C (ldc), v contiguous with v[0] as stored (linalg larfLeft). */
function larfLeft(m: i32, n: i32, v: usize, tau: f64, c: usize, ldc: i32): void {
  if (tau == 0) return;
  for (let j = 0; j < n; j++) {
    const cj = at(c, 0, j, 1, ldc);
    const w = dot(m, v, cj);
    if (w == 0) continue;
    axpyMinus(m, tau * w, v, cj);
  }
}

/** Unblocked Householder QR of the m×n block at a (linalg geqr2): tau[j] at tau + j·8. */
function geqr2(m: i32, n: i32, a: usize, lda: i32, tau: usize): void {
  const k = min(m, n);
  for (let j = 0; j < k; j++) {
    const ajj = at(a, j, j, 1, lda);
    const t = larfg(m - j, ajj, ajj + 8);
    store<f64>(tau + (<usize>j << 3), t);
    if (j + 1 < n) {
      const beta = load<f64>(ajj);
      store<f64>(ajj, 1);
      larfLeft(m - j, n - j - 1, ajj, t, ajj + (<usize>lda << 3), lda);
      store<f64>(ajj, beta);
    }
  }
}

/**
 * The k×k upper triangular T of H_0···H_{k−1} = I − V·T·Vᵀ (linalg larft): V the m×k block at
 * v (ldv), vectors below its diagonal with a unit diagonal implied; T at t (ldt), zeros below
 * its diagonal.
 */
function larft(m: i32, k: i32, v: usize, ldv: i32, tau: usize, t: usize, ldt: i32): void {
  for (let i = 0; i < k; i++) {
    const ti = load<f64>(tau + (<usize>i << 3));
    const colT = at(t, 0, i, 1, ldt);
    for (let j = i + 1; j < k; j++) store<f64>(colT + (<usize>j << 3), 0);
    if (ti == 0) {
      for (let j = 0; j <= i; j++) store<f64>(colT + (<usize>j << 3), 0);
      continue;
    }
    // T[0:i, i] = −tau_i·V[i:m, 0:i]ᵀ·v_i
    const vi = at(v, 0, i, 1, ldv);
    for (let j = 0; j < i; j++) {
      const vj = at(v, 0, j, 1, ldv);
      const s = load<f64>(vj + (<usize>i << 3)) + dot(m - i - 1, vj + (<usize>(i + 1) << 3), vi + (<usize>(i + 1) << 3));
      store<f64>(colT + (<usize>j << 3), -ti * s);
    }
    // T[0:i, i] := T[0:i, 0:i]·T[0:i, i], top-down in place
    for (let j = 0; j < i; j++) {
      let s = 0.0;
      for (let l = j; l < i; l++) s += load<f64>(at(t, j, l, 1, ldt)) * load<f64>(colT + (<usize>l << 3));
      store<f64>(colT + (<usize>j << 3), s);
    }
    store<f64>(colT + (<usize>i << 3), ti);
  }
}

/**
 * C := H·C, or Hᵀ·C with `transpose`, with H = I − V·T·Vᵀ (linalg larfb): V (m×k, ldv) as
 * larft reads it, T (k×k, ldt), C (m×n, ldc). work: m·k + 2·k·n float64 for the explicit V
 * and W, W2.
 *   W = Vᵀ·C,  W2 = op(T)·W,  C := C − V·W2
 */
function larfb(transpose: bool, m: i32, n: i32, k: i32, v: usize, ldv: i32, t: usize, ldt: i32, c: usize, ldc: i32, work: usize): void {
  if (m == 0 || n == 0 || k == 0) return;
  const vx = work;
  const w = vx + (<usize>(m * k) << 3);
  const w2 = w + (<usize>(k * n) << 3);
  for (let j = 0; j < k; j++) {
    const dst = at(vx, 0, j, 1, m);
    const src = at(v, 0, j, 1, ldv);
    for (let i = 0; i < j; i++) store<f64>(dst + (<usize>i << 3), 0);
    store<f64>(dst + (<usize>j << 3), 1);
    memory.copy(dst + (<usize>(j + 1) << 3), src + (<usize>(j + 1) << 3), <usize>(m - j - 1) << 3);
  }
  gemm(k, n, m, vx, m, 1, c, 1, ldc, w, 1, k, 1, 0);
  if (transpose) gemm(k, n, k, t, ldt, 1, w, 1, k, w2, 1, k, 1, 0);
  else gemm(k, n, k, t, 1, ldt, w, 1, k, w2, 1, k, 1, 0);
  gemm(m, n, k, vx, 1, m, w2, 1, k, c, 1, ldc, -1, 1);
}

/**
 * Blocked Householder QR of the m×n block at a (linalg geqrf): geqr2 on panels of nb columns,
 * larft and the block reflector's transpose on the trailing columns. tau: min(m, n) float64.
 * work: nb·nb + m·nb + 2·nb·n float64 (T and larfb's arrays).
 */
export function dgeqrf(m: i32, n: i32, a: usize, lda: i32, tau: usize, nb: i32, work: usize): void {
  const k = min(m, n);
  if (nb >= k) {
    geqr2(m, n, a, lda, tau);
    return;
  }
  const t = work;
  const rest = t + (<usize>(nb * nb) << 3);
  for (let j0 = 0; j0 < k; j0 += nb) {
    const jb = min(nb, k - j0);
    const j1 = j0 + jb;
    const a11 = at(a, j0, j0, 1, lda);
    geqr2(m - j0, jb, a11, lda, tau + (<usize>j0 << 3));
    if (j1 < n) {
      larft(m - j0, jb, a11, lda, tau + (<usize>j0 << 3), t, jb);
      larfb(true, m - j0, n - j1, jb, a11, lda, t, jb, at(a, j0, j1, 1, lda), lda, rest);
    }
  }
}

/**
 * The m×n Q₁ = first n columns of H_0···H_{k−1}, in place over geqr2's vectors (linalg org2r):
 * the reflectors applied last to first to the columns of the identity.
 */
function org2r(m: i32, n: i32, k: i32, a: usize, lda: i32, tau: usize): void {
  for (let j = k; j < n; j++) {
    const col = at(a, 0, j, 1, lda);
    memory.fill(col, 0, <usize>m << 3);
    store<f64>(col + (<usize>j << 3), 1);
  }
  for (let j = k - 1; j >= 0; j--) {
    const ajj = at(a, j, j, 1, lda);
    const t = load<f64>(tau + (<usize>j << 3));
    if (j + 1 < n) {
      store<f64>(ajj, 1);
      larfLeft(m - j, n - j - 1, ajj, t, ajj + (<usize>lda << 3), lda);
    }
    for (let i = j + 1; i < m; i++) {
      const e = ajj + (<usize>(i - j) << 3);
      store<f64>(e, load<f64>(e) * -t);
    }
    store<f64>(ajj, 1 - t);
    memory.fill(at(a, 0, j, 1, lda), 0, <usize>j << 3);
  }
}

/**
 * Blocked formation of Q₁ (linalg orgqr, LAPACK dorgqr), m ≥ n ≥ k: the trailing columns by
 * org2r, then the blocks backwards, each by larft and the block reflector on the columns to its
 * right and org2r on its own. work: as dgeqrf's.
 */
export function dorgqr(m: i32, n: i32, k: i32, a: usize, lda: i32, tau: usize, nb: i32, work: usize): void {
  if (nb >= k || k == 0) {
    org2r(m, n, k, a, lda, tau);
    return;
  }
  const last = ((k - 1) / nb) * nb;
  const kk = min(k, last + nb);
  if (kk < n) {
    org2r(m - kk, n - kk, k - kk, at(a, kk, kk, 1, lda), lda, tau + (<usize>kk << 3));
    for (let j = kk; j < n; j++) memory.fill(at(a, 0, j, 1, lda), 0, <usize>kk << 3);
  }
  const t = work;
  const rest = t + (<usize>(nb * nb) << 3);
  for (let j0 = last; j0 >= 0; j0 -= nb) {
    const jb = min(nb, k - j0);
    const j1 = j0 + jb;
    const a11 = at(a, j0, j0, 1, lda);
    if (j1 < n) {
      larft(m - j0, jb, a11, lda, tau + (<usize>j0 << 3), t, jb);
      larfb(false, m - j0, n - j1, jb, a11, lda, t, jb, at(a, j0, j1, 1, lda), lda, rest);
    }
    org2r(m - j0, jb, jb, a11, lda, tau + (<usize>j0 << 3));
    for (let j = j0; j < j1; j++) memory.fill(at(a, 0, j, 1, lda), 0, <usize>j0 << 3);
  }
}
