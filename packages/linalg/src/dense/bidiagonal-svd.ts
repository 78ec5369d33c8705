/**
 * SVD of a real upper bidiagonal matrix by implicit-shift QR (LAPACK dbdsqr, with dlas2 and
 * dlasv2 from svd-2x2.ts), the second half of the SVD (svd.ts calls bidiagonalize.ts, then this).
 *
 *   B = U_B·Σ·V_Bᵀ,   B = diag(d) + superdiag(e)  (n×n),   Σ = diag(σ_0 ≥ σ_1 ≥ … ≥ 0)
 *
 * On exit from `bdsqr`: d holds the singular values, descending and non-negative; e is
 * destroyed (zero). The rotations are also applied to the columns of two caller matrices,
 * U := U·U_B and V := V·V_B, so that when A = Q·B·Pᵀ came in as U = Q and V = P, on exit
 * A = U·Σ·Vᵀ. (LAPACK updates the rows of VT; we keep V by columns, the same rotations.)
 * Either matrix may be absent (0 rows). A complex U or V (interleaved re, im, column-major)
 * is passed as a real matrix of twice the rows: the rotations are real.
 *
 * One step on the active block B[ll..m, ll..m] (everything below m has converged):
 *   1. split: a superdiagonal |e_i| ≤ thresh is set to 0 and the block shrinks;
 *   2. a 2×2 block is finished directly by dlasv2 (its exact SVD);
 *   3. otherwise one QR sweep chases a bulge through the block — from the top when
 *      |d_ll| ≥ |d_m| (idir = 1), else from the bottom (idir = 2) — each step a right
 *      rotation (columns, V) and a left rotation (rows, U):
 *        - shifted by the smaller singular value of the trailing 2×2 (dlas2), the
 *          implicit-shift QR of Golub & Kahan (converges cubically), or
 *        - with zero shift when the shift would destroy relative accuracy (the block's
 *          smallest singular value is tiny against its largest): the zero-shift QR of
 *          Demmel & Kahan, which computes tiny singular values to high relative accuracy.
 *   Convergence tests are Demmel–Kahan's: e_i is negligible when |e_i| ≤ tol·μ_i, where μ_i
 *   is the recursively computed estimate of the smallest singular value of the leading part.
 *   In the code (bdsqr → qrIterate): 1. findSplit; 2. finishTwoByTwo; 3. convergenceTests,
 *   chooseShift, then zeroShiftSweepDown/Up or shiftedSweepDown/Up; at the end
 *   makeNonNegative and sortDescending.
 *
 * Invariant: every step is an orthogonal transformation, so U·B·Vᵀ stays fixed up to
 * rounding; the singular values have high relative accuracy (|σ̂_i − σ_i| ≤ p(n)·tol·σ_i).
 * The iteration count is capped at 6·n² inner steps; beyond it `bdsqr` throws LinAlgError
 * kind "noConvergence" ("SVD did not converge"); `options.maxSweeps` caps the sweeps too.
 *
 * Speed: each sweep's rotations are collected in (c1, s1), (c2, s2) and applied to U and V in
 * one call of primitives/givens.ts `lasrFast` each (the sweep carried along eight rows at a
 * time: one load and one store per rotation and row); `lasr` is its reference twin.
 * `bdsqrFast` (the fast twin of `bdsqr` with vectors, same tests) first computes the
 * singular values alone (O(n²), no vectors) and then runs bdsqr with `options.shifts`: each
 * shift is snapped to the nearest known singular value, so that most singular values converge
 * in one sweep instead of about 1.6, and the O(n)-per-row vector updates shrink accordingly
 * (300×300: 478 sweeps → 345, bdsqr 78 ms → 64 including the values-only pass). Any shift keeps
 * every step orthogonal; only the speed depends on it (Parlett, "The Symmetric Eigenvalue
 * Problem", §8.9 on exact shifts).
 *
 * Reference: Demmel & Kahan, "Accurate singular values of bidiagonal matrices", SIAM J. Sci.
 * Stat. Comput. 11 (1990); Golub & Van Loan, "Matrix Computations", 4th ed., §8.6.2
 * (Algorithm 8.6.1); LAPACK dbdsqr, dlas2, dlasv2, dlasr.
 */
import { LinAlgError } from "../errors.js";
import { colMajor, leadingDim, type Block } from "@sliderule/ndarray/kernels";
import { lartg, lasrFast, rot, type SweepOptions } from "../primitives/givens.js";
import { las2, lasv2, sign } from "./svd-2x2.js";
// dbdsqr's EPS = dlamch('E') is UNIT_ROUNDOFF (2⁻⁵³); its UNFL = dlamch('S') is SAFMIN
import { SAFMIN, UNIT_ROUNDOFF } from "../machine.js";

const MAXITR = 6;

/** No target: a 0×0 view (U or V not wanted). */
const NONE: Block = colMajor(new Float64Array(0), 0, 0);

/**
 * Check a rotation target: U or V is a rows×n column-major float64 view (@sliderule/ndarray kernels/block.ts;
 * rows = 0: none), element (i, j) at data[off + i + j·cs], so the sweeps hand its fields to the
 * rotation kernels.
 * @throws Error `internal:` otherwise.
 */
function checkTarget(X: Block, n: number, name: string): void {
  if (X.rows === 0) return;
  leadingDim(X, `bdsqr (${name})`);
  if (X.cols !== n || !(X.data instanceof Float64Array)) {
    throw new Error(`internal: bdsqr: ${name} must be a float64 view with ${n} columns, got ${X.rows}×${X.cols}`);
  }
}

/** Options of {@link bdsqr}. */
export interface BdsqrOptions extends SweepOptions {
  /**
   * B's singular values, ascending, known beforehand: each QR shift (the smaller singular value
   * of the trailing 2×2) is replaced by the nearest of them (see {@link bdsqrFast}).
   */
  shifts?: Float64Array;
}

/**
 * {@link bdsqr} with perfect shifts (the fast twin; same arguments and outputs): the singular
 * values first, without vectors, on copies of d and e; then bdsqr on U and V with
 * `shifts` = those values. Should the shifted run stall (more than 4·n sweeps), bdsqr goes on
 * from where it stopped with its own shifts: every step so far was an orthogonal update of
 * U, B, V, so the state is consistent.
 */
export function bdsqrFast(n: number, d: Float64Array, e: Float64Array, U: Block = NONE, V: Block = NONE, fn = "svd", options: SweepOptions = {}): void {
  if (U.rows === 0 && V.rows === 0) return bdsqr(n, d, e, U, V, fn, options);
  const sigma = d.slice(0, n);
  bdsqr(n, sigma, e.slice(0, Math.max(n - 1, 0)), NONE, NONE, fn);
  sigma.reverse(); // ascending (bdsqr returns them descending and non-negative)
  try {
    bdsqr(n, d, e, U, V, fn, { ...options, shifts: sigma, maxSweeps: Math.min(options.maxSweeps ?? Infinity, 4 * n) });
  } catch (err) {
    if (!(err instanceof LinAlgError) || (options.maxSweeps ?? Infinity) <= 4 * n) throw err;
    bdsqr(n, d, e, U, V, fn, options);
  }
}

/**
 * What bdsqr's stages share: B = diag(d) + superdiag(e) (n×n), the targets U and V; one
 * sweep's rotations (c1, s1) for one side and (c2, s2) for the other, applied by applySweep;
 * tol, thresh: the relative and absolute thresholds of the convergence tests; smax: the
 * largest |d_i|, |e_i| of the current block (from findSplit).
 */
interface BdsqrState {
  n: number;
  d: Float64Array;
  e: Float64Array;
  U: Block;
  V: Block;
  applySweep: NonNullable<SweepOptions["rotations"]>;
  c1: Float64Array;
  s1: Float64Array;
  c2: Float64Array;
  s2: Float64Array;
  tol: number;
  thresh: number;
  smax: number;
}

/**
 * Singular values (and the vector updates) of the n×n upper bidiagonal B = diag(d) +
 * superdiag(e) (LAPACK dbdsqr; see the file header). d: n entries, e: n−1 entries (both
 * overwritten). U := U·U_B, V := V·V_B on the targets given.
 * `options.maxSweeps` caps the QR sweeps (default: none beyond LAPACK's 6·n² inner steps);
 * `options.rotations` applies a sweep's rotations to U and V (default lasrFast; lasr is its
 * reference twin).
 * Stages: qrIterate (findSplit, finishTwoByTwo, convergenceTests, chooseShift, then one of
 * zeroShiftSweepDown/Up, shiftedSweepDown/Up), then makeNonNegative and sortDescending.
 * @throws LinAlgError kind "noConvergence" after 6·n² inner steps or maxSweeps sweeps.
 */
export function bdsqr(n: number, d: Float64Array, e: Float64Array, U: Block = NONE, V: Block = NONE, fn = "svd", options: BdsqrOptions = {}): void {
  if (n === 0) return;
  checkTarget(U, n, "U");
  checkTarget(V, n, "V");
  if (n > 1) qrIterate(n, d, e, U, V, fn, options);
  makeNonNegative(n, d, V);
  sortDescending(n, d, U, V);
}

/** The QR iteration of bdsqr (n > 1): on exit e = 0 and d holds the singular values, unsorted, signed. */
function qrIterate(n: number, d: Float64Array, e: Float64Array, U: Block, V: Block, fn: string, options: BdsqrOptions): void {
  const applySweep = options.rotations ?? lasrFast;
  const maxSweeps = options.maxSweeps ?? Infinity;
  const known = options.shifts;
  let sweeps = 0;
  // tol: the relative accuracy asked of each singular value (LAPACK's tolmul·eps)
  const tol = Math.max(10, Math.min(100, UNIT_ROUNDOFF ** -0.125)) * UNIT_ROUNDOFF;
  const maxit = MAXITR * n * n;
  const S: BdsqrState = {
    n,
    d,
    e,
    U,
    V,
    applySweep,
    // work: the rotations of one sweep, (c1, s1) for one side and (c2, s2) for the other
    c1: new Float64Array(n),
    s1: new Float64Array(n),
    c2: new Float64Array(n),
    s2: new Float64Array(n),
    tol,
    thresh: negligibleThreshold(n, d, e, tol),
    smax: 0,
  };

  let m = n - 1; // the active block is d[ll..m]; below m everything has converged
  let iter = 0;
  let oldll = -1;
  let oldm = -1;
  let idir = 0;
  while (m > 0) {
    if (iter >= maxit || sweeps >= maxSweeps) throw new LinAlgError(`${fn}: SVD did not converge`, "noConvergence", m);

    // 1. find the top ll of the unreduced block ending at m: the last negligible e above m
    let ll = findSplit(S, m);
    if (ll >= 0) {
      e[ll] = 0;
      if (ll === m - 1) {
        // B[m, m] has split off: σ = d[m] has converged
        m -= 1;
        continue;
      }
    }
    ll += 1;

    // 2. a 2×2 block: its SVD directly
    if (ll === m - 1) {
      finishTwoByTwo(S, m);
      m -= 2;
      continue;
    }

    // 3. a new block: chase the bulge from the larger end of the diagonal
    if (ll > oldm || m < oldll) idir = Math.abs(d[ll]) >= Math.abs(d[m]) ? 1 : 2;
    const sminl = convergenceTests(S, ll, m, idir);
    if (sminl < 0) continue; // an e was negligible and is now zero: split again
    oldll = ll;
    oldm = m;

    const shift = chooseShift(S, ll, m, idir, sminl, known);
    iter += m - ll;
    sweeps++;
    if (shift === 0) {
      if (idir === 1) zeroShiftSweepDown(S, ll, m);
      else zeroShiftSweepUp(S, ll, m);
    } else if (idir === 1) shiftedSweepDown(S, ll, m, shift);
    else shiftedSweepUp(S, ll, m, shift);
  }
}

/**
 * thresh: the absolute threshold below which e_i is negligible, from a lower bound
 * σ_lower = min_i μ_i / sqrt(n) on the smallest singular value (relative accuracy).
 */
function negligibleThreshold(n: number, d: Float64Array, e: Float64Array, tol: number): number {
  let sminoa = Math.abs(d[0]);
  if (sminoa !== 0) {
    let mu = sminoa;
    for (let i = 1; i < n; i++) {
      mu = Math.abs(d[i]) * (mu / (mu + Math.abs(e[i - 1])));
      sminoa = Math.min(sminoa, mu);
      if (sminoa === 0) break;
    }
  }
  sminoa /= Math.sqrt(n);
  return Math.max(tol * sminoa, MAXITR * (n * (n * SAFMIN)));
}

/**
 * Stage 1: the largest l < m with |e_l| ≤ thresh (the block above it has split off), or −1;
 * S.smax := the largest |d_i|, |e_i| below it, up to d[m].
 */
function findSplit(S: BdsqrState, m: number): number {
  const { d, e, thresh } = S;
  let smax = Math.abs(d[m]);
  let ll = -1;
  for (let l = m - 1; l >= 0; l--) {
    const abss = Math.abs(d[l]);
    const abse = Math.abs(e[l]);
    if (abse <= thresh) {
      ll = l;
      break;
    }
    smax = Math.max(smax, abss, abse);
  }
  S.smax = smax;
  return ll;
}

/** Stage 2: the 2×2 block B[m−1..m, m−1..m] by its exact SVD (dlasv2), rotating U and V. */
function finishTwoByTwo(S: BdsqrState, m: number): void {
  const { d, e, U, V } = S;
  const r = lasv2(d[m - 1], e[m - 1], d[m]);
  d[m - 1] = r.ssmax;
  e[m - 1] = 0;
  d[m] = r.ssmin;
  if (V.rows > 0) rot(V.rows, V.data, V.off + (m - 1) * V.cs, 1, V.data, V.off + m * V.cs, 1, r.csr, r.snr);
  if (U.rows > 0) rot(U.rows, U.data, U.off + (m - 1) * U.cs, 1, U.data, U.off + m * U.cs, 1, r.csl, r.snl);
}

/**
 * Stage 3, convergence tests (Demmel–Kahan): μ_i estimates the smallest singular value of the
 * leading (idir = 1) or trailing (idir = 2) part; e_i ≤ tol·μ_i is negligible. Returns sminl =
 * min μ_i, or −1 when some e_i was negligible (it is set to 0 and the block must split again).
 */
function convergenceTests(S: BdsqrState, ll: number, m: number, idir: number): number {
  const { d, e, tol } = S;
  let sminl: number;
  if (idir === 1) {
    if (Math.abs(e[m - 1]) <= tol * Math.abs(d[m])) {
      e[m - 1] = 0;
      return -1;
    }
    let mu = Math.abs(d[ll]);
    sminl = mu;
    for (let l = ll; l < m; l++) {
      if (Math.abs(e[l]) <= tol * mu) {
        e[l] = 0;
        return -1;
      }
      mu = Math.abs(d[l + 1]) * (mu / (mu + Math.abs(e[l])));
      sminl = Math.min(sminl, mu);
    }
  } else {
    if (Math.abs(e[ll]) <= tol * Math.abs(d[ll])) {
      e[ll] = 0;
      return -1;
    }
    let mu = Math.abs(d[m]);
    sminl = mu;
    for (let l = m - 1; l >= ll; l--) {
      if (Math.abs(e[l]) <= tol * mu) {
        e[l] = 0;
        return -1;
      }
      mu = Math.abs(d[l]) * (mu / (mu + Math.abs(e[l])));
      sminl = Math.min(sminl, mu);
    }
  }
  return sminl;
}

/**
 * Stage 3, the shift: the smaller singular value of the 2×2 at the far end (snapped to the
 * nearest of `known` when given), or zero when shifting would cost relative accuracy (σ_min
 * of the block tiny against σ_max).
 */
function chooseShift(S: BdsqrState, ll: number, m: number, idir: number, sminl: number, known: Float64Array | undefined): number {
  const { n, d, e, tol, smax } = S;
  let shift = 0;
  if (!(n * tol * (sminl / smax) <= Math.max(UNIT_ROUNDOFF, 0.01 * tol))) {
    let sll: number;
    if (idir === 1) {
      sll = Math.abs(d[ll]);
      shift = las2(d[m - 1], e[m - 1], d[m])[0];
    } else {
      sll = Math.abs(d[m]);
      shift = las2(d[ll], e[ll], d[ll + 1])[0];
    }
    if (sll > 0 && (shift / sll) ** 2 < UNIT_ROUNDOFF) shift = 0;
    if (shift !== 0 && known) shift = nearest(known, shift);
  }
  return shift;
}

/** Stage 3, zero-shift QR sweep, top to bottom (Demmel–Kahan), on B[ll..m, ll..m]. */
function zeroShiftSweepDown(S: BdsqrState, ll: number, m: number): void {
  const { d, e, U, V, c1, s1, c2, s2, applySweep } = S;
  const k = m - ll; // rotations in one sweep
  let cs = 1;
  let oldcs = 1;
  let oldsn = 0;
  for (let i = ll; i < m; i++) {
    const g1 = lartg(d[i] * cs, e[i]);
    cs = g1.c;
    const sn = g1.s;
    if (i > ll) e[i - 1] = oldsn * g1.r;
    const g2 = lartg(oldcs * g1.r, d[i + 1] * sn);
    oldcs = g2.c;
    oldsn = g2.s;
    d[i] = g2.r;
    c1[i - ll] = cs;
    s1[i - ll] = sn;
    c2[i - ll] = oldcs;
    s2[i - ll] = oldsn;
  }
  const h = d[m] * cs;
  d[m] = h * oldcs;
  e[m - 1] = h * oldsn;
  if (V.rows > 0) applySweep(true, V.rows, k, c1, 0, s1, 0, V.data as Float64Array, V.off + ll * V.cs, V.cs);
  if (U.rows > 0) applySweep(true, U.rows, k, c2, 0, s2, 0, U.data as Float64Array, U.off + ll * U.cs, U.cs);
  if (Math.abs(e[m - 1]) <= S.thresh) e[m - 1] = 0;
}

/** Stage 3, zero-shift QR sweep, bottom to top, on B[ll..m, ll..m]. */
function zeroShiftSweepUp(S: BdsqrState, ll: number, m: number): void {
  const { d, e, U, V, c1, s1, c2, s2, applySweep } = S;
  const k = m - ll;
  let cs = 1;
  let oldcs = 1;
  let oldsn = 0;
  for (let i = m; i > ll; i--) {
    const g1 = lartg(d[i] * cs, e[i - 1]);
    cs = g1.c;
    const sn = g1.s;
    if (i < m) e[i] = oldsn * g1.r;
    const g2 = lartg(oldcs * g1.r, d[i - 1] * sn);
    oldcs = g2.c;
    oldsn = g2.s;
    d[i] = g2.r;
    c1[i - ll - 1] = cs;
    s1[i - ll - 1] = -sn;
    c2[i - ll - 1] = oldcs;
    s2[i - ll - 1] = -oldsn;
  }
  const h = d[ll] * cs;
  d[ll] = h * oldcs;
  e[ll] = h * oldsn;
  if (U.rows > 0) applySweep(false, U.rows, k, c1, 0, s1, 0, U.data as Float64Array, U.off + ll * U.cs, U.cs);
  if (V.rows > 0) applySweep(false, V.rows, k, c2, 0, s2, 0, V.data as Float64Array, V.off + ll * V.cs, V.cs);
  if (Math.abs(e[ll]) <= S.thresh) e[ll] = 0;
}

/**
 * Stage 3, shifted QR sweep, top to bottom, on B[ll..m, ll..m]: the first rotation is that of
 * (BᵀB − shift²·I)e_0, then the bulge is chased down.
 */
function shiftedSweepDown(S: BdsqrState, ll: number, m: number, shift: number): void {
  const { d, e, U, V, c1, s1, c2, s2, applySweep } = S;
  const k = m - ll;
  let f = (Math.abs(d[ll]) - shift) * (sign(1, d[ll]) + shift / d[ll]);
  let g = e[ll];
  for (let i = ll; i < m; i++) {
    // right rotation (columns i, i+1) zeroes the bulge g against f
    const gr = lartg(f, g);
    if (i > ll) e[i - 1] = gr.r;
    f = gr.c * d[i] + gr.s * e[i];
    e[i] = gr.c * e[i] - gr.s * d[i];
    g = gr.s * d[i + 1];
    d[i + 1] = gr.c * d[i + 1];
    // left rotation (rows i, i+1) zeroes the new bulge below the diagonal
    const gl = lartg(f, g);
    d[i] = gl.r;
    f = gl.c * e[i] + gl.s * d[i + 1];
    d[i + 1] = gl.c * d[i + 1] - gl.s * e[i];
    if (i < m - 1) {
      g = gl.s * e[i + 1];
      e[i + 1] = gl.c * e[i + 1];
    }
    c1[i - ll] = gr.c;
    s1[i - ll] = gr.s;
    c2[i - ll] = gl.c;
    s2[i - ll] = gl.s;
  }
  e[m - 1] = f;
  if (V.rows > 0) applySweep(true, V.rows, k, c1, 0, s1, 0, V.data as Float64Array, V.off + ll * V.cs, V.cs);
  if (U.rows > 0) applySweep(true, U.rows, k, c2, 0, s2, 0, U.data as Float64Array, U.off + ll * U.cs, U.cs);
  if (Math.abs(e[m - 1]) <= S.thresh) e[m - 1] = 0;
}

/** Stage 3, shifted QR sweep, bottom to top, on B[ll..m, ll..m]. */
function shiftedSweepUp(S: BdsqrState, ll: number, m: number, shift: number): void {
  const { d, e, U, V, c1, s1, c2, s2, applySweep } = S;
  const k = m - ll;
  let f = (Math.abs(d[m]) - shift) * (sign(1, d[m]) + shift / d[m]);
  let g = e[m - 1];
  for (let i = m; i > ll; i--) {
    const gr = lartg(f, g);
    if (i < m) e[i] = gr.r;
    f = gr.c * d[i] + gr.s * e[i - 1];
    e[i - 1] = gr.c * e[i - 1] - gr.s * d[i];
    g = gr.s * d[i - 1];
    d[i - 1] = gr.c * d[i - 1];
    const gl = lartg(f, g);
    d[i] = gl.r;
    f = gl.c * e[i - 1] + gl.s * d[i - 1];
    d[i - 1] = gl.c * d[i - 1] - gl.s * e[i - 1];
    if (i > ll + 1) {
      g = gl.s * e[i - 2];
      e[i - 2] = gl.c * e[i - 2];
    }
    c1[i - ll - 1] = gr.c;
    s1[i - ll - 1] = -gr.s;
    c2[i - ll - 1] = gl.c;
    s2[i - ll - 1] = -gl.s;
  }
  e[ll] = f;
  if (Math.abs(e[ll]) <= S.thresh) e[ll] = 0;
  if (U.rows > 0) applySweep(false, U.rows, k, c1, 0, s1, 0, U.data as Float64Array, U.off + ll * U.cs, U.cs);
  if (V.rows > 0) applySweep(false, V.rows, k, c2, 0, s2, 0, V.data as Float64Array, V.off + ll * V.cs, V.cs);
}

/** Make the singular values non-negative: σ_i < 0 (or −0) flips the sign of v_i. */
function makeNonNegative(n: number, d: Float64Array, V: Block): void {
  for (let i = 0; i < n; i++) {
    if (d[i] < 0 || Object.is(d[i], -0)) {
      d[i] = -d[i];
      if (V.rows > 0) for (let r = 0, p = V.off + i * V.cs; r < V.rows; r++, p++) V.data[p] = -V.data[p];
    }
  }
}

/** Sort d descending (selection sort: n swaps at most, each swapping vector columns too). */
function sortDescending(n: number, d: Float64Array, U: Block, V: Block): void {
  for (let i = 0; i < n - 1; i++) {
    let isub = 0;
    let smin = d[0];
    const last = n - 1 - i;
    for (let j = 1; j <= last; j++) {
      if (d[j] <= smin) {
        isub = j;
        smin = d[j];
      }
    }
    if (isub !== last) {
      d[isub] = d[last];
      d[last] = smin;
      swapColumns(V, isub, last);
      swapColumns(U, isub, last);
    }
  }
}

/** Swap columns a and b of a rotation target. */
function swapColumns(T: Block, a: number, b: number): void {
  if (T.rows === 0) return;
  const pa = T.off + a * T.cs;
  const pb = T.off + b * T.cs;
  for (let r = 0; r < T.rows; r++) {
    const t = T.data[pa + r];
    T.data[pa + r] = T.data[pb + r];
    T.data[pb + r] = t;
  }
}

/** The entry of the ascending array a nearest to x. */
function nearest(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (a[mid] <= x) lo = mid;
    else hi = mid;
  }
  return Math.abs(a[lo] - x) <= Math.abs(a[hi] - x) ? a[lo] : a[hi];
}
