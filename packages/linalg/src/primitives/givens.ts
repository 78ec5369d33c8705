/**
 * Givens rotations (LAPACK dlartg, BLAS drot). Shared by the QR iterations of the SVD and the
 * symmetric eigensolver, and by updating/downdating factorisations.
 *
 * A rotation in the (i, k) plane is G = [c  s; −s  c] with c² + s² = 1. `lartg` chooses it so
 * that it zeroes the second component of a 2-vector:
 *
 *   ⎡ c  s⎤ ⎡f⎤   ⎡r⎤          r = ±sqrt(f² + g²),  c = f / r,  s = g / r
 *   ⎣−s  c⎦ ⎣g⎦ = ⎣0⎦
 *
 * with LAPACK 3.10's sign convention: r has the sign of f (so c ≥ 0), and g = 0 gives c = 1,
 * s = 0, r = f; f = 0 gives c = 0, s = sign(g), r = |g|. As LAPACK 3.10's dlartg, r is
 * sqrt(f² + g²) directly when |f| and |g| lie strictly between sqrt(safmin) and sqrt(safmax/2)
 * (nothing can under- or overflow there), and `Math.hypot` (which scales) otherwise: V8's
 * Math.hypot costs about as much as the rest of a bidiagonal QR step, so this halved the
 * singular values of a 50×50 bidiagonal (bdsqr without vectors 0.30 → 0.14 ms).
 *
 * `rot` applies G to two strided vectors x and y (rows i and k, or columns):
 *   x' = c·x + s·y,   y' = c·y − s·x
 *
 * Invariant: c² + s² = 1 up to rounding, and [c s; −s c]·[f; g] = [r; 0] to within a few ulps.
 * Reference: Golub & Van Loan, "Matrix Computations", 4th ed., §5.1.8 (Algorithm 5.1.3);
 * Anderson, "Algorithm 978: Safe Scaling in the Level 1 BLAS" (2017); LAPACK dlartg, BLAS drot.
 */
import type { FloatArray } from "../util/batch.js";
import { SAFMIN } from "../machine.js";
import { LASR_STRIP } from "../tuning.js";

/** A rotation and the length it produces: G·[f; g] = [r; 0]. */
export interface Givens {
  c: number;
  s: number;
  r: number;
}

/** sqrt(safmin) and sqrt(safmax/2): f² + g² neither under- nor overflows for |f|, |g| strictly between them (la_xlartg's rtmin, rtmax). */
const RTMIN = Math.sqrt(SAFMIN);
const RTMAX = Math.sqrt(2 ** 1023 / 2);

/** The rotation that zeroes g against f (LAPACK dlartg). */
export function lartg(f: number, g: number): Givens {
  if (g === 0) return { c: 1, s: 0, r: f };
  if (f === 0) return { c: 0, s: Math.sign(g), r: Math.abs(g) };
  const f1 = Math.abs(f);
  const g1 = Math.abs(g);
  // d = ‖(f, g)‖: directly when f² + g² is safe (LAPACK 3.10's path), else by Math.hypot,
  // which scales (la_xlartg scales by max(|f|, |g|) there)
  const d = f1 > RTMIN && f1 < RTMAX && g1 > RTMIN && g1 < RTMAX ? Math.sqrt(f * f + g * g) : Math.hypot(f, g);
  // r carries the sign of f, so c = |f| / |r| ≥ 0
  const r = f > 0 ? d : -d;
  return { c: f1 / d, s: g / r, r };
}

/** Apply G = [c s; −s c] to the n-element vectors X[xOff + i·incx], Y[yOff + i·incy] (BLAS drot). */
export function rot(n: number, X: FloatArray, xOff: number, incx: number, Y: FloatArray, yOff: number, incy: number, c: number, s: number): void {
  for (let i = 0, ex = xOff, ey = yOff; i < n; i++, ex += incx, ey += incy) {
    const x = X[ex];
    const y = Y[ey];
    X[ex] = c * x + s * y;
    Y[ey] = c * y - s * x;
  }
}

/**
 * Apply a sequence of plane rotations to adjacent columns of the m×(k+1) column-major block
 * Z[zOff + i + j·ldz] (LAPACK dlasr, side = R, pivot = V). Rotation j = 0..k−1 acts on
 * columns (j, j+1) as {@link rot} does:
 *
 *   z_j' = c_j·z_j + s_j·z_{j+1},   z_{j+1}' = c_j·z_{j+1} − s_j·z_j
 *
 * applied in the order j = 0, 1, …, k−1 (`forward`) or k−1, …, 0. The cosines and sines are
 * C[cOff + j], S[sOff + j]. Rows are taken in strips of LASR_STRIP (tuning.ts, 64) so that a
 * whole sweep of rotations works on rows that stay in cache (the QR sweeps of the SVD and of
 * eigh call this once per sweep instead of `rot` once per rotation).
 */
export function lasr(
  forward: boolean,
  m: number,
  k: number,
  C: Float64Array,
  cOff: number,
  S: Float64Array,
  sOff: number,
  Z: FloatArray,
  zOff: number,
  ldz: number,
): void {
  for (let i0 = 0; i0 < m; i0 += LASR_STRIP) {
    const i1 = Math.min(m, i0 + LASR_STRIP);
    for (let t = 0; t < k; t++) {
      const j = forward ? t : k - 1 - t;
      const c = C[cOff + j];
      const s = S[sOff + j];
      if (c === 1 && s === 0) continue;
      const x = zOff + j * ldz;
      const y = x + ldz;
      for (let i = i0; i < i1; i++) {
        const zx = Z[x + i];
        const zy = Z[y + i];
        Z[x + i] = c * zx + s * zy;
        Z[y + i] = c * zy - s * zx;
      }
    }
  }
}

/**
 * The fast twin of {@link lasr} (same arguments, same result bit for bit): the sweep is
 * carried along each row instead of applied column pair by column pair.
 *
 * Along one row, rotation j reads the entry of column j that rotation j−1 has just written,
 * so that entry never needs to go back to memory between the two (a forward sweep):
 *
 *   x = z_0;   for j = 0..k−1:  y = z_{j+1};  z_j := c_j·x + s_j·y;  x := c_j·y − s_j·x;   z_k := x
 *
 * One load and one store per rotation and row, half of what lasr needs. Eight rows go
 * through the sweep side by side (eight independent carries x0..x7, one cache line of each
 * column), so that the multiply-add chains overlap; the leftover rows use lasr. A backward
 * sweep (j = k−1..0) carries z_{j+1} downward instead:
 *
 *   x = z_k;   for j = k−1..0:  y = z_j;  z_{j+1} := c_j·x − s_j·y;  x := c_j·y + s_j·x;   z_0 := x
 *
 * Measured on 300×300 with 299 rotations: 5.4 GFLOP/s against lasr's 3.3 (bench numbers in
 * bench/linalg2.bench.ts, where it is the QR sweeps of eigh and svd).
 */
export function lasrFast(
  forward: boolean,
  m: number,
  k: number,
  C: Float64Array,
  cOff: number,
  S: Float64Array,
  sOff: number,
  Z: Float64Array,
  zOff: number,
  ldz: number,
): void {
  if (k <= 0) return;
  let i = 0;
  for (; i + 8 <= m; i += 8) {
    // p: the column the carries x0..x7 belong to, rows i..i+7
    let p = zOff + i + (forward ? 0 : k * ldz);
    const step = forward ? ldz : -ldz;
    let x0 = Z[p],
      x1 = Z[p + 1],
      x2 = Z[p + 2],
      x3 = Z[p + 3];
    let x4 = Z[p + 4],
      x5 = Z[p + 5],
      x6 = Z[p + 6],
      x7 = Z[p + 7];
    // forward: z_j' = c·x + s·y (stored), x' = c·y − s·x (carried);
    // backward: the same with s → −s, x the higher column and y the lower
    for (let t = 0; t < k; t++) {
      const j = forward ? t : k - 1 - t;
      const c = C[cOff + j];
      const s = forward ? S[sOff + j] : -S[sOff + j];
      const q = p + step;
      const y0 = Z[q],
        y1 = Z[q + 1],
        y2 = Z[q + 2],
        y3 = Z[q + 3];
      const y4 = Z[q + 4],
        y5 = Z[q + 5],
        y6 = Z[q + 6],
        y7 = Z[q + 7];
      Z[p] = c * x0 + s * y0;
      Z[p + 1] = c * x1 + s * y1;
      Z[p + 2] = c * x2 + s * y2;
      Z[p + 3] = c * x3 + s * y3;
      Z[p + 4] = c * x4 + s * y4;
      Z[p + 5] = c * x5 + s * y5;
      Z[p + 6] = c * x6 + s * y6;
      Z[p + 7] = c * x7 + s * y7;
      x0 = c * y0 - s * x0;
      x1 = c * y1 - s * x1;
      x2 = c * y2 - s * x2;
      x3 = c * y3 - s * x3;
      x4 = c * y4 - s * x4;
      x5 = c * y5 - s * x5;
      x6 = c * y6 - s * x6;
      x7 = c * y7 - s * x7;
      p = q;
    }
    Z[p] = x0;
    Z[p + 1] = x1;
    Z[p + 2] = x2;
    Z[p + 3] = x3;
    Z[p + 4] = x4;
    Z[p + 5] = x5;
    Z[p + 6] = x6;
    Z[p + 7] = x7;
  }
  if (i < m) lasr(forward, m - i, k, C, cOff, S, sOff, Z, zOff + i, ldz);
}

/** A kernel that applies a sweep of rotations, as {@link lasr} (the reference) and {@link lasrFast} (the fast twin) do. */
export type RotationKernel = (
  forward: boolean,
  m: number,
  k: number,
  C: Float64Array,
  cOff: number,
  S: Float64Array,
  sOff: number,
  Z: Float64Array,
  zOff: number,
  ldz: number,
) => void;

/** Options of the rotation-based QR iterations (symmetric-qr.ts steqr, bidiagonal-svd.ts bdsqr). */
export interface SweepOptions {
  /** Give up (LinAlgError kind "noConvergence") after this many QR sweeps (default: the routine's own cap). */
  maxSweeps?: number;
  /** How a sweep's rotations reach the vectors (default {@link lasrFast}; {@link lasr} is the reference twin). */
  rotations?: RotationKernel;
}
