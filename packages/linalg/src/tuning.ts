/**
 * The tuning knobs of the blocked algorithms, in one place (docs/style.md §5).
 *
 * A blocked factorisation works on panels of `nb` columns: it factors each panel with the
 * unblocked routine (the readable spec) and updates the rest of the matrix with gemm, so most
 * of the flops run in the fast kernel. Small `nb` leaves more work to the unblocked loops;
 * large `nb` makes the panels themselves slow. Matrices no larger than the block size are
 * factored by the unblocked routine alone.
 *
 * Every public routine that blocks accepts `{ blockSize }` to override its default here
 * (tests use tiny block sizes so that blocking is exercised on small matrices).
 *
 * Also here: the crossovers of divide and conquer and of the QR-first SVD, the multishift QR's
 * parameters, and (at the end) the leaf sizes, crossovers and tile sizes of single routines,
 * each with what it trades and the measurement that chose it (or a note that none was
 * recorded). Machine constants (eps, safmin) are not knobs: they live in machine.ts.
 */
import { ValueError } from "@sliderule/ndarray";

export interface BlockSizes {
  /** LU (dgetrf): panel width. */
  lu: number;
  /** Cholesky (dpotrf): panel width. */
  cholesky: number;
  /** Householder QR (dgeqrf, dorgqr): reflectors per WY block. */
  qr: number;
  /**
   * Triangular solve (dtrsm, recursive): largest diagonal block solved by substitution, the
   * rest by gemm. Also the solves inside LU and Cholesky (U12 = L11⁻¹·A12, L21 = A21·L11⁻ᵀ)
   * and the solves with their factors (getrs, potrs).
   */
  triangular: number;
  /** Bidiagonalisation for the SVD (dgebrd/dlabrd): panel width. */
  bidiagonal: number;
  /** Tridiagonalisation for eigh (dsytrd/dlatrd): panel width. */
  tridiagonal: number;
}

/**
 * The defaults. lu, cholesky, qr, triangular: measured on n = 500 (bench/linalg1.bench.ts).
 *
 * bidiagonal and tridiagonal: measured on gebrd and sytrd alone (best of 15–40 runs, nb
 * interleaved in one process, 2-core machine under load; 2026-11). Half of the reductions'
 * flops are matrix–vector products (dlabrd/dlatrd's gemv/symv) that blocking cannot move into
 * gemm, and each panel adds O(n²·nb) of bookkeeping, so small panels win:
 *   gebrd 300×300   nb 8: 34.2 ms  12: 34.2  16: 35.2  24: 38.3  32: 42.7  unblocked: 73.4
 *   gebrd 300×200   nb 8: 17.8 ms  12: 18.1  16: 18.9  24: 20.8  32: 23.4  unblocked: 37.6
 *   gebrd 200×200   nb 8: 10.8 ms  12: 11.2  16: 11.8  24: 13.4  32: 15.1  unblocked: 21.6
 *   sytrd 300       nb 8: 20.3 ms  12: 18.9  16: 18.7  24: 19.1  32: 20.4  unblocked: 21.9
 *   sytrd 400       nb 16: 48.6 ms  32: 54.6  unblocked: 67.4
 *   sytrd 600       nb 16: 194 ms   32: 202   unblocked: 204
 * 8–16 are within noise for gebrd; 16 also serves orgbr's WY blocks (which prefer wider ones).
 * At n ≤ 200 blocked (nb 16) and unblocked sytrd tie (7.0 ms both), so no separate crossover
 * is needed beyond the routines' own (n ≤ 2·nb runs the unblocked spec).
 *
 * triangular: best of 20–30 interleaved runs at n = 500 (CPU ms, 2026-12). Substitution in
 * JavaScript costs about 3 ns per multiply-add here, gemm on WebAssembly SIMD about 0.1–0.2, so
 * small leaves win:
 *   getrs, 500 right-hand sides (inv)   leaves of 4: 64.2  8: 57.9  12: 57.2  16: 61.2  32: 71.5
 *   getrf, panel 32: U12 solve          whole panel: 23.3–27.7   blocks of 8: 20.1–21.9  16: 21.1
 *   potrf, panel 32: L21 solve          whole panel: 11.5         blocks of 8: 9.9        16: 10.2
 */
export const BLOCK_SIZES: Readonly<BlockSizes> = Object.freeze({
  lu: 32,
  cholesky: 32,
  qr: 32,
  triangular: 8,
  bidiagonal: 16,
  tridiagonal: 16,
});

/** Options shared by every blocked routine. */
export interface BlockOptions {
  /** Panel width of the blocked algorithm (default: {@link BLOCK_SIZES}); >= n runs the unblocked routine. */
  blockSize?: number;
}

/** Validate a caller's block size (a positive integer), or take the default. */
export function blockSizeOf(options: BlockOptions | undefined, fallback: number, fn: string): number {
  const nb = options?.blockSize;
  if (nb === undefined) return fallback;
  if (!Number.isInteger(nb) || nb < 1) throw new ValueError(`${fn}: blockSize must be a positive integer, got ${nb}`);
  return nb;
}

/**
 * Divide and conquer for the symmetric tridiagonal eigenproblem (dense/tridiagonal-dc.ts,
 * LAPACK dstedc): blocks of at most `leafSize` are solved by steqr, and eigh with vectors
 * uses divide and conquer only above `minOrder` (below it steqr's rotations are cheaper).
 * Measured (best of 600 runs; stedc + ormtr against orgtr + steqr, random symmetric):
 *   n = 26: 0.104 ms vs 0.085;  32: 0.150 vs 0.131;  40: 0.239 vs 0.273;  50: 0.42 vs 0.52;
 *   300: 20.6 vs 55.7 (leafSize 16, 25, 40 within noise of each other at n = 300).
 * leafSize is LAPACK's SMLSIZ.
 */
export const DIVIDE_AND_CONQUER: Readonly<{ leafSize: number; minOrder: number }> = Object.freeze({
  leafSize: 25,
  minOrder: 36,
});

/**
 * The real SVD (dense/svd.ts svdTall) of an m×n A with m ≥ ratio·n first factors A = Q_R·R and
 * takes the SVD of the n×n R: the bidiagonal QR's rotations then reach n rows of U instead of
 * m, for the price of geqrf, orgqr and one gemm. Measured (best of 25, full U; 2026-11):
 *   m×n = 220×200: direct 56.3 ms, QR first 61.0;  240×200: 62.2 vs 65.9;
 *   260×200: 69.8 vs 66.0;  280×200: 67.1 vs 63.1;  300×200: 74.6 vs 66.6 (reduced U alike).
 * LAPACK's dgesvd uses 1.6. With divide and conquer (bdsdc) stage 2 costs a gemm on m rows
 * rather than rotations, so QR first pays off later: divideAndConquerRatio, measured (median of
 * 11, full U): 300×200: direct 95.7 ms, QR first 99.3;  340×200: 96.5 vs 92.5;  380×200: 109.4
 * vs 105.6;  420×200: 117.5 vs 108.4 (reduced U: 300×200 82.1 vs 85.2, 340×200 92.1 vs 87.7).
 */
export const SVD_QR_FIRST: Readonly<{ ratio: number; divideAndConquerRatio: number }> = Object.freeze({ ratio: 1.4, divideAndConquerRatio: 1.6 });

/**
 * The bidiagonal SVD by divide and conquer (dense/bidiagonal-dc.ts `bdsdc`, LAPACK dbdsdc):
 * svd with vectors (real input) uses it for bidiagonals of order ≥ minOrder, below it bdsqr's
 * rotations (bdsqrFast) are cheaper; blocks of at most leafSize rows are solved by bdsqr.
 * Measured (median of 21–40, svd of random n×n, dc vs bdsqr interleaved; 2-core machine under
 * load, 2026-11): n = 36: 1.53 ms vs 1.38;  40: 1.97 vs 1.75;  44: 1.98 vs 2.03;  48: 2.33 vs
 * 2.38;  56: 3.43 vs 3.52;  80: 7.3 vs 8.3;  300×200: 80–90 vs 117–141;  300×300: 144–152 vs
 * 230–242. bdsdc at n = 200 (gebrd's B): leafSize 12 to 48 within noise (18.4–19.0 ms); LAPACK's
 * SMLSIZ is 25.
 */
export const BIDIAGONAL_DC: Readonly<{ leafSize: number; minOrder: number }> = Object.freeze({
  leafSize: 25,
  minOrder: 44,
});

/**
 * The multishift QR algorithm with aggressive early deflation (dense/schur-aed.ts `laqr0`,
 * LAPACK dlaqr0/dlaqr3/dlaqr5; LAPACK's iparmq values unless noted):
 * - `minOrder`: hseqr uses laqr0 for blocks of order ≥ minOrder, lahqr (hessenberg-qr.ts, the
 *   double-shift spec) below; inside laqr0 an active block below minOrder is finished by
 *   lahqr on a copy (an AED window covering the whole block). LAPACK's NMIN is 75; here 150.
 * - `nibble`: skip the multishift sweep after an AED that deflated more than nibble percent of
 *   its window (look again first; LAPACK 14).
 * - `shifts`: the number of simultaneous shifts by the order nh of the block: the entry of the
 *   largest `minSize` ≤ nh; count 0 stands for nh / round(log₂ nh). The AED window has the
 *   same order as the shift count (3/2 of it above nh = 500), and laqr0 caps the shifts at
 *   (nh + 6)/9 and the window at (nh − 1)/3, as dlaqr0 does.
 * - `accumulateMinShifts`: with at least this many shifts the sweep accumulates each chase
 *   step's reflectors in a small U and updates the far parts of H and Z by gemm (level 3);
 *   below, reflector by reflector (LAPACK's KACMIN = 14).
 *
 * Measured with eig on n×n uniform(0, 1) matrices (a throwaway script; median of 11–17 runs
 * after warm-up, both paths interleaved in one process; 2-core machine shared with other jobs,
 * load 2–5, so ±10%; 2026-12):
 *   n = 100: multishift 28.6 ms vs lahqr 23.5;  150: 59.3 vs 58.6;  200: 130–140 vs 156;
 *   300: 329–376 vs 482–550.
 * The Schur step alone (hseqr with Z on the Hessenberg form, CPU time, median of 16):
 *   n = 200: 60–65 ms vs 111;  300: 191–203 vs 361.
 * Below about 150 the double-shift lahqr wins (its deferred level-2 sweeps are cheap and
 * laqr0's AED reordering and gemm calls do not pay off), hence minOrder 150. The block order at
 * which laqr0 hands over (75, 120, 150 tried at n = 200, 300) made no measurable difference.
 * Shift counts 6, 16 against the table's 10 (n = 100, 150) and 22 (n = 200, capped from 24),
 * windows 24, 30, 32, 36, 40, nibble 14 vs 25, and reflector-by-reflector sweeps
 * (accumulate: false, 88 ms vs 69 for hseqr alone at n = 200) were all no better than
 * LAPACK's values. Exploiting the zero structure of U (column panels against only the rows
 * they reach, ~60% of U is nonzero) lost to the extra gemm calls.
 */
export interface SchurMultishiftTuning {
  minOrder: number;
  nibble: number;
  shifts: readonly { minSize: number; count: number }[];
  accumulateMinShifts: number;
}

export const SCHUR_MULTISHIFT: Readonly<SchurMultishiftTuning> = Object.freeze({
  minOrder: 150,
  nibble: 14,
  shifts: Object.freeze([
    { minSize: 0, count: 2 },
    { minSize: 30, count: 4 },
    { minSize: 60, count: 10 },
    { minSize: 150, count: 0 },
    { minSize: 590, count: 64 },
    { minSize: 3000, count: 128 },
    { minSize: 6000, count: 256 },
  ]),
  accumulateMinShifts: 14,
});

// ------------------------------------------------------------------ crossovers and block sizes
// of single routines (moved here from the files that use them; the comments are theirs).

/**
 * LU's recursive panel factorisation (dense/lu.ts getrf2, LAPACK dgetrf2): panels of at most
 * this many columns are factored by getf2 directly. Trades getf2's level-2 loops against the
 * small trsm and gemm calls of deeper recursion (LAPACK recurses down to one column). No
 * measurement recorded; the WebAssembly copy (ndarray kernels/wasm/factor.as.ts) keeps the
 * same value.
 */
export const PANEL_LEAF = 8;

/**
 * LAPACK's crossover for the QR-first path (mnthr ≈ 1.6·n); lstsq's SVD path (dense/lstsq.ts)
 * takes A = Q·R first when m ≥ MN_RATIO·n. The real `svd` uses its own measured
 * {@link SVD_QR_FIRST}.ratio.
 */
export const MN_RATIO = 1.6;

/**
 * Largest m·n for which `gebrdFast` (dense/bidiagonalize-fast.ts) runs the fused unblocked
 * kernel (above it: the blocked gebrd). Measured (median of 400 each, interleaved in one
 * process; 2-core machine under load, ±10%): gebrd nb 16 / gebd2 / gebd2Fast
 *   50×50: 0.39 / 0.34 / 0.20 ms;  80×80: 1.45 / 1.68 / 0.95;  100×100: 2.60 / 3.37 / 1.82;
 *   128×128: 4.51 / 6.63 / 3.74;  160×160: 7.9 / 13.7 / 9.7;  200×200: 18.6 / 33.0 / 21.1.
 */
export const GEBD2_FAST_MAX_SIZE = 128 * 128;

/**
 * Hessenberg reduction (dense/hessenberg.ts gehrd, LAPACK dgehrd): panel width nb of the
 * blocked reduction, and nx: the trailing columns left to the unblocked routine. Measured at
 * n = 200 (bench/eig.bench.ts): 8 ≤ nb ≤ 16 all within noise of each other (16 ms against
 * 23 ms unblocked); LAPACK's own defaults (32, 128) tune for a faster gemm.
 */
export const HESSENBERG_BLOCK: Readonly<{ nb: number; nx: number }> = Object.freeze({ nb: 16, nx: 16 });

/**
 * Columns per gemm in trevc's back-transformation (dense/eig-vectors.ts, VR := Z·X): X is upper
 * triangular, so a block of columns j0..j1−1 needs Z[:, 0..j1−1] only; narrower blocks skip more
 * of X's zero lower triangle, wider ones make fewer, larger gemm calls. No measurement recorded.
 */
export const BACK_TRANSFORM_BLOCK = 32;

/**
 * The block columns of getri's step 1, X := L⁻¹ (dense/inv.ts). Measured: 128: 40.9 ms CPU at
 * n = 500 against 41.5–41.7 for 64 and 44.9 for 256, and 45.6–54.5 for getrs on the identity;
 * best of 20 interleaved, 2026-12.
 */
export const GETRI_BLOCK_COLUMNS = 128;

/**
 * lasr (primitives/givens.ts, LAPACK dlasr) takes rows in strips of this many so that a whole
 * sweep of rotations works on rows that stay in cache (the QR sweeps of the SVD and of eigh call
 * lasr once per sweep instead of `rot` once per rotation). No measurement recorded.
 */
export const LASR_STRIP = 64;

/**
 * util/batch.ts withWork: below this many float64 elements in all, work arrays stay ordinary
 * (their products run in TypeScript anyway); at or above it they are taken inside WebAssembly
 * memory when the backend has it, so that gemm copies nothing in or out. No crossover
 * measurement recorded (the resident workspaces as a whole: 500×500 solve 22–31 → 17–20 ms).
 */
export const RESIDENT_MIN = 64 * 64;

/**
 * Tile edge (elements) of the real copies in util/batch.ts loadMatrix/storeMatrix: both the
 * strided reads and the column-major writes stay within a few cache lines (a plain double loop
 * would stride through one side). No measurement recorded.
 */
export const COPY_TILE = 32;
