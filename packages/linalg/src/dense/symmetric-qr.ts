/**
 * Eigenvalues and eigenvectors of a symmetric tridiagonal matrix by implicit QL/QR with
 * Wilkinson's shift (LAPACK dsteqr, with dlaev2 and dlae2), the second half of eigh (eigh.ts
 * calls tridiagonalize.ts, then this).
 *
 *   T = Z_T·Λ·Z_Tᵀ,   T = tridiag(e, d, e)  (n×n),   Λ = diag(λ_0 ≤ λ_1 ≤ … ≤ λ_{n−1})
 *
 * On exit from `steqr`: d holds the eigenvalues in ascending order; e is destroyed. The
 * rotations are applied to the columns of a caller matrix, Z := Z·Z_T, so that Z = Q on entry
 * (A = Q·T·Qᵀ from tridiagonalisation) gives A = Z·Λ·Zᵀ on exit; Z may be absent (0 rows).
 * A complex Z (interleaved) is passed as a real matrix of twice the rows (the rotations are real).
 *
 * One step on an unreduced block T[l..m] (|e_i| > eps·sqrt(|d_i|·|d_{i+1}|) inside it):
 *   1. the block is scaled into a safe range when its entries are huge or tiny;
 *   2. QL when |d_end| ≥ |d_start| (deflating from the top), QR otherwise (from the bottom), so
 *      that the iteration converges toward the larger end, as LAPACK does;
 *   3. a 2×2 block is finished directly (dlaev2: its exact eigendecomposition);
 *   4. otherwise one implicit sweep with Wilkinson's shift σ (the eigenvalue of the leading
 *      2×2 closer to d_l): g = d_m − σ, then Givens rotations chase the bulge through the
 *      block (Golub & Van Loan Algorithm 8.3.2, in QL form).
 * Convergence is quadratic at worst and usually cubic; each eigenvalue takes about 1.5 sweeps.
 * In the code (steqr): findBlockEnd, then solveBlock per block (1. scaleIntoRange; 2. qlIterate
 * or qrIterate, each finding splits with findSmallSubdiagonalDown/Up; 3. finishTwoByTwo;
 * 4. qlSweep/qrSweep; then the scaling undone and checkConvergence), then sortAscending.
 *
 * Invariant: every step is an orthogonal similarity, so Z·T·Zᵀ is fixed up to rounding:
 * ‖A·Z − Z·Λ‖ ≤ c·n·eps·‖A‖ and ‖ZᵀZ − I‖ ≤ c·n·eps. At most 30·n sweeps in all; beyond that
 * `steqr` throws LinAlgError kind "noConvergence" (the cap is `options.maxSweeps`).
 *
 * Speed: a sweep's rotations are collected in (wc, ws) and applied to Z in one call of
 * primitives/givens.ts `lasrFast`, which carries the sweep along eight rows of Z at a time
 * (one load and one store per rotation and row); `lasr` is its reference twin (same result).
 *
 * Reference: Golub & Van Loan, "Matrix Computations", 4th ed., §8.3.3–8.3.5 (Algorithm 8.3.3);
 * Parlett, "The Symmetric Eigenvalue Problem" (1998), ch. 8; LAPACK dsteqr, dlaev2, dlae2, dlasr.
 */
import { LinAlgError } from "../errors.js";
import { colMajor, leadingDim, type Block } from "@sliderule/ndarray/kernels";
import { lartg, lasrFast, rot, type SweepOptions } from "../primitives/givens.js";
import { SAFMIN, UNIT_ROUNDOFF } from "../machine.js";

const MAXIT = 30;

/** The eigendecomposition of the 2×2 symmetric [a b; b c] (LAPACK dlaev2). */
export interface Eig2 {
  /** The eigenvalue of larger magnitude, and the other. */
  rt1: number;
  rt2: number;
  /** (cs1, sn1): the unit eigenvector of rt1; (−sn1, cs1) is that of rt2. */
  cs1: number;
  sn1: number;
}

/** Eigenvalues and eigenvector of [a b; b c] (LAPACK dlaev2), accurate in every component. */
export function laev2(a: number, b: number, c: number): Eig2 {
  const sm = a + c;
  const df = a - c;
  const adf = Math.abs(df);
  const tb = b + b;
  const ab = Math.abs(tb);
  const [acmx, acmn] = Math.abs(a) > Math.abs(c) ? [a, c] : [c, a];
  let rt: number;
  if (adf > ab) rt = adf * Math.sqrt(1 + (ab / adf) ** 2);
  else if (adf < ab) rt = ab * Math.sqrt(1 + (adf / ab) ** 2);
  else rt = ab * Math.SQRT2;
  let rt1: number;
  let rt2: number;
  let sgn1: number;
  if (sm < 0) {
    rt1 = 0.5 * (sm - rt);
    sgn1 = -1;
    // rt2 from the determinant, to avoid cancellation
    rt2 = (acmx / rt1) * acmn - (b / rt1) * b;
  } else if (sm > 0) {
    rt1 = 0.5 * (sm + rt);
    sgn1 = 1;
    rt2 = (acmx / rt1) * acmn - (b / rt1) * b;
  } else {
    rt1 = 0.5 * rt;
    rt2 = -0.5 * rt;
    sgn1 = 1;
  }
  // the eigenvector
  let cs: number;
  let sgn2: number;
  if (df >= 0) {
    cs = df + rt;
    sgn2 = 1;
  } else {
    cs = df - rt;
    sgn2 = -1;
  }
  let cs1: number;
  let sn1: number;
  if (Math.abs(cs) > ab) {
    const ct = -tb / cs;
    sn1 = 1 / Math.sqrt(1 + ct * ct);
    cs1 = ct * sn1;
  } else if (ab === 0) {
    cs1 = 1;
    sn1 = 0;
  } else {
    const tn = -cs / tb;
    cs1 = 1 / Math.sqrt(1 + tn * tn);
    sn1 = tn * cs1;
  }
  if (sgn1 === sgn2) {
    const tn = cs1;
    cs1 = -sn1;
    sn1 = tn;
  }
  return { rt1, rt2, cs1, sn1 };
}

/** Fortran SIGN(a, b). */
function sign(a: number, b: number): number {
  return b >= 0 ? Math.abs(a) : -Math.abs(a);
}

/** No target: a 0×0 view (eigenvectors not wanted). */
const NONE: Block = colMajor(new Float64Array(0), 0, 0);

/**
 * Check the eigenvector target: Z is a rows×n column-major float64 view (@sliderule/ndarray kernels/block.ts;
 * rows = 0: none), element (i, j) at data[off + i + j·cs], so the sweeps hand its fields to the
 * rotation kernels.
 * @throws Error `internal:` otherwise.
 */
function checkTarget(Z: Block, n: number): void {
  if (Z.rows === 0) return;
  leadingDim(Z, "steqr (Z)");
  if (Z.cols !== n || !(Z.data instanceof Float64Array)) {
    throw new Error(`internal: steqr: Z must be a float64 view with ${n} columns, got ${Z.rows}×${Z.cols}`);
  }
}

/**
 * Eigenvalues (ascending, in d) of the symmetric tridiagonal T = tridiag(e, d, e), with
 * Z := Z·Z_T on the target (LAPACK dsteqr, compz = V; see the file header). d: n entries,
 * e: n−1 entries, both overwritten.
 * `options.maxSweeps` caps the sweeps (default 30·n); `options.rotations` is the kernel that
 * applies a sweep's rotations to Z (default lasrFast; lasr is its reference twin).
 * Stages: findBlockEnd, then solveBlock on each unreduced block (scaleIntoRange, then qlIterate
 * or qrIterate: findSmallSubdiagonalDown/Up, finishTwoByTwo, qlSweep/qrSweep; then the scaling
 * undone and checkConvergence), then sortAscending.
 * @throws LinAlgError kind "noConvergence" after maxSweeps sweeps.
 */
export function steqr(n: number, d: Float64Array, e: Float64Array, Z: Block = NONE, fn = "eigh", options: SweepOptions = {}): void {
  if (n <= 1) return;
  checkTarget(Z, n);
  const S: SteqrState = {
    n,
    d,
    e,
    Z,
    vectors: Z.rows > 0,
    applySweep: options.rotations ?? lasrFast,
    // the rotations of one sweep
    wc: new Float64Array(n),
    ws: new Float64Array(n),
    jtot: 0,
    nmaxit: options.maxSweeps ?? n * MAXIT,
  };
  let l1 = 0; // the next block starts here
  while (l1 < n) {
    if (l1 > 0) e[l1 - 1] = 0;
    const m = findBlockEnd(S, l1);
    const l = l1;
    l1 = m + 1;
    if (m === l) continue; // a 1×1 block: d_l is an eigenvalue
    solveBlock(S, l, m, fn);
  }
  sortAscending(n, d, Z);
}

// dsteqr's scaling thresholds: eps2 = eps², ssfmax = sqrt(safmax)/3, ssfmin = sqrt(safmin)/eps2
const EPS2 = UNIT_ROUNDOFF * UNIT_ROUNDOFF;
const SSFMAX = Math.sqrt(1 / SAFMIN) / 3;
const SSFMIN = Math.sqrt(SAFMIN) / EPS2;

/**
 * What steqr's stages share: T = tridiag(e, d, e) (n×n), the target Z (vectors: Z.rows > 0);
 * one sweep's rotations (wc, ws), applied by applySweep; jtot: the sweeps so far, nmaxit: their cap.
 */
interface SteqrState {
  n: number;
  d: Float64Array;
  e: Float64Array;
  Z: Block;
  vectors: boolean;
  applySweep: NonNullable<SweepOptions["rotations"]>;
  wc: Float64Array;
  ws: Float64Array;
  jtot: number;
  nmaxit: number;
}

/** The end m of the unreduced block starting at l1: the first negligible e_m (set to 0), or n − 1. */
function findBlockEnd(S: SteqrState, l1: number): number {
  const { n, d, e } = S;
  let m = l1;
  for (; m < n - 1; m++) {
    const tst = Math.abs(e[m]);
    if (tst === 0) break;
    if (tst <= Math.sqrt(Math.abs(d[m])) * Math.sqrt(Math.abs(d[m + 1])) * UNIT_ROUNDOFF) {
      e[m] = 0;
      break;
    }
  }
  return m;
}

/**
 * The unreduced block T[lsv..lendsv] (lsv < lendsv) to convergence: 1. scaled into a safe
 * range; 2. QL or QR toward the end with the larger diagonal entry; the scaling undone.
 * @throws LinAlgError kind "noConvergence" once the sweeps run out with some e_i ≠ 0.
 */
function solveBlock(S: SteqrState, lsv: number, lendsv: number, fn: string): void {
  const { d, e } = S;
  // 1. scale the block T[l..lend] into a safe range
  let anorm = 0;
  for (let i = lsv; i <= lendsv; i++) anorm = Math.max(anorm, Math.abs(d[i]));
  for (let i = lsv; i < lendsv; i++) anorm = Math.max(anorm, Math.abs(e[i]));
  if (anorm === 0) return;
  const iscale = scaleIntoRange(d, e, lsv, lendsv, anorm);

  // 2. QL or QR: iterate toward the end with the larger diagonal entry
  if (Math.abs(d[lendsv]) < Math.abs(d[lsv])) qrIterate(S, lendsv, lsv);
  else qlIterate(S, lsv, lendsv);

  // undo the scaling of the block
  if (iscale === 1) scaleBlock(d, e, lsv, lendsv, anorm / SSFMAX);
  else if (iscale === 2) scaleBlock(d, e, lsv, lendsv, anorm / SSFMIN);
  if (S.jtot >= S.nmaxit) checkConvergence(S, lsv, fn);
}

/** Stage 1: scales T[l..lend] (max entry anorm) down when huge (returns 1) or up when tiny (2); else 0. */
function scaleIntoRange(d: Float64Array, e: Float64Array, l: number, lend: number, anorm: number): number {
  if (anorm > SSFMAX) {
    scaleBlock(d, e, l, lend, SSFMAX / anorm);
    return 1;
  }
  if (anorm < SSFMIN) {
    scaleBlock(d, e, l, lend, SSFMIN / anorm);
    return 2;
  }
  return 0;
}

/** After the last sweep: throws when some off-diagonal e_i is still non-zero. */
function checkConvergence(S: SteqrState, lsv: number, fn: string): void {
  const { n, e } = S;
  let unconverged = 0;
  for (let i = 0; i < n - 1; i++) if (e[i] !== 0) unconverged++;
  if (unconverged > 0)
    throw new LinAlgError(`${fn}: Eigenvalues did not converge (${unconverged} off-diagonal elements did not converge to zero)`, "noConvergence", lsv);
}

/** Stage 2, QL iteration on T[l..lend] (l < lend): eigenvalues converge at the top, l moves down. */
function qlIterate(S: SteqrState, l: number, lend: number): void {
  for (;;) {
    const mm = findSmallSubdiagonalDown(S, l, lend);
    if (mm === l) {
      // d_l has converged
      l += 1;
      if (l <= lend) continue;
      break;
    }
    if (mm === l + 1) {
      // 3. a 2×2 block: its eigenpairs directly
      finishTwoByTwo(S, l);
      l += 2;
      if (l <= lend) continue;
      break;
    }
    if (S.jtot >= S.nmaxit) break;
    S.jtot++;
    qlSweep(S, l, mm);
  }
}

/** Stage 2, QR iteration on T[lend..l] (lend < l): eigenvalues converge at the bottom, l moves up. */
function qrIterate(S: SteqrState, l: number, lend: number): void {
  for (;;) {
    const mm = findSmallSubdiagonalUp(S, l, lend);
    if (mm === l) {
      l -= 1;
      if (l >= lend) continue;
      break;
    }
    if (mm === l - 1) {
      finishTwoByTwo(S, l - 1);
      l -= 2;
      if (l >= lend) continue;
      break;
    }
    if (S.jtot >= S.nmaxit) break;
    S.jtot++;
    qrSweep(S, l, mm);
  }
}

/** QL: the first mm in [l, lend) with a negligible e_mm (set to 0), or lend: look for a small subdiagonal element. */
function findSmallSubdiagonalDown(S: SteqrState, l: number, lend: number): number {
  const { d, e } = S;
  let mm = l;
  if (l !== lend) {
    for (; mm < lend; mm++) {
      const tst = Math.abs(e[mm]) ** 2;
      if (tst <= EPS2 * Math.abs(d[mm]) * Math.abs(d[mm + 1]) + SAFMIN) break;
    }
  }
  if (mm < lend) e[mm] = 0;
  return mm;
}

/** QR: the last mm in (lend, l] with a negligible e_{mm−1} (set to 0), or lend. */
function findSmallSubdiagonalUp(S: SteqrState, l: number, lend: number): number {
  const { d, e } = S;
  let mm = l;
  if (l !== lend) {
    for (; mm > lend; mm--) {
      const tst = Math.abs(e[mm - 1]) ** 2;
      if (tst <= EPS2 * Math.abs(d[mm]) * Math.abs(d[mm - 1]) + SAFMIN) break;
    }
  }
  if (mm > lend) e[mm - 1] = 0;
  return mm;
}

/** Stage 3: the 2×2 block T[k..k+1] by its exact eigendecomposition (dlaev2), rotating Z's columns k, k+1. */
function finishTwoByTwo(S: SteqrState, k: number): void {
  const { d, e, Z } = S;
  const r = laev2(d[k], e[k], d[k + 1]);
  if (S.vectors) rot(Z.rows, Z.data, Z.off + k * Z.cs, 1, Z.data, Z.off + (k + 1) * Z.cs, 1, r.cs1, r.sn1);
  d[k] = r.rt1;
  d[k + 1] = r.rt2;
  e[k] = 0;
}

/** Stage 4, one implicit QL sweep on T[l..mm] with Wilkinson's shift, and Z := Z·(its rotations). */
function qlSweep(S: SteqrState, l: number, mm: number): void {
  const { d, e, Z, wc, ws } = S;
  let p = d[l];
  // 4. Wilkinson's shift from the leading 2×2: σ = d_l − e_l / (g ± sqrt(g² + 1))
  let g = (d[l + 1] - p) / (2 * e[l]);
  let r = Math.hypot(g, 1);
  g = d[mm] - p + e[l] / (g + sign(r, g));
  let s = 1;
  let c = 1;
  p = 0;
  // chase the bulge from the bottom of the block up to l
  for (let i = mm - 1; i >= l; i--) {
    const f = s * e[i];
    const b = c * e[i];
    const gv = lartg(g, f);
    c = gv.c;
    s = gv.s;
    r = gv.r;
    if (i !== mm - 1) e[i + 1] = r;
    g = d[i + 1] - p;
    r = (d[i] - g) * s + 2 * c * b;
    p = s * r;
    d[i + 1] = g + p;
    g = c * r - b;
    wc[i] = c;
    ws[i] = -s;
  }
  // Z := Z·(the sweep's rotations), applied from the bottom pair up
  if (S.vectors) S.applySweep(false, Z.rows, mm - l, wc, l, ws, l, Z.data as Float64Array, Z.off + l * Z.cs, Z.cs);
  d[l] -= p;
  e[l] = g;
}

/** Stage 4, one implicit QR sweep on T[mm..l] with Wilkinson's shift, and Z := Z·(its rotations). */
function qrSweep(S: SteqrState, l: number, mm: number): void {
  const { d, e, Z, wc, ws } = S;
  let p = d[l];
  // Wilkinson's shift from the trailing 2×2
  let g = (d[l - 1] - p) / (2 * e[l - 1]);
  let r = Math.hypot(g, 1);
  g = d[mm] - p + e[l - 1] / (g + sign(r, g));
  let s = 1;
  let c = 1;
  p = 0;
  // chase the bulge from the top of the block down to l
  for (let i = mm; i < l; i++) {
    const f = s * e[i];
    const b = c * e[i];
    const gv = lartg(g, f);
    c = gv.c;
    s = gv.s;
    r = gv.r;
    if (i !== mm) e[i - 1] = r;
    g = d[i] - p;
    r = (d[i + 1] - g) * s + 2 * c * b;
    p = s * r;
    d[i] = g + p;
    g = c * r - b;
    wc[i] = c;
    ws[i] = s;
  }
  if (S.vectors) S.applySweep(true, Z.rows, l - mm, wc, mm, ws, mm, Z.data as Float64Array, Z.off + mm * Z.cs, Z.cs);
  d[l] -= p;
  e[l - 1] = g;
}

/** Sorts d ascending (selection sort, as dsteqr), swapping Z's columns alike. */
function sortAscending(n: number, d: Float64Array, Z: Block): void {
  const vectors = Z.rows > 0;
  for (let ii = 0; ii < n - 1; ii++) {
    let k = ii;
    let p = d[ii];
    for (let j = ii + 1; j < n; j++) {
      if (d[j] < p) {
        k = j;
        p = d[j];
      }
    }
    if (k !== ii) {
      d[k] = d[ii];
      d[ii] = p;
      if (vectors) {
        const a = Z.off + ii * Z.cs;
        const b = Z.off + k * Z.cs;
        for (let r = 0; r < Z.rows; r++) {
          const t = Z.data[a + r];
          Z.data[a + r] = Z.data[b + r];
          Z.data[b + r] = t;
        }
      }
    }
  }
}

/** d[l..lend] and e[l..lend−1] times s. */
function scaleBlock(d: Float64Array, e: Float64Array, l: number, lend: number, s: number): void {
  for (let i = l; i <= lend; i++) d[i] *= s;
  for (let i = l; i < lend; i++) e[i] *= s;
}
