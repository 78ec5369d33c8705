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
 * s = 0, r = f; f = 0 gives c = 0, s = sign(g), r = |g|. `Math.hypot` keeps the computation
 * free of overflow and underflow.
 *
 * `rot` applies G to two strided vectors x and y (rows i and k, or columns):
 *   x' = c·x + s·y,   y' = c·y − s·x
 *
 * Invariant: c² + s² = 1 up to rounding, and [c s; −s c]·[f; g] = [r; 0] to within a few ulps.
 * Reference: Golub & Van Loan, "Matrix Computations", 4th ed., §5.1.8 (Algorithm 5.1.3);
 * Anderson, "Algorithm 978: Safe Scaling in the Level 1 BLAS" (2017); LAPACK dlartg, BLAS drot.
 */
import type { FloatArray } from "../util/batch.js";

/** A rotation and the length it produces: G·[f; g] = [r; 0]. */
export interface Givens {
  c: number;
  s: number;
  r: number;
}

/** The rotation that zeroes g against f (LAPACK dlartg). */
export function lartg(f: number, g: number): Givens {
  if (g === 0) return { c: 1, s: 0, r: f };
  if (f === 0) return { c: 0, s: Math.sign(g), r: Math.abs(g) };
  // r carries the sign of f, so c = |f| / |r| ≥ 0
  const d = Math.hypot(f, g);
  const r = f > 0 ? d : -d;
  return { c: Math.abs(f) / d, s: g / r, r };
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
 * C[cOff + j], S[sOff + j]. Rows are taken in strips of 64 so that a whole sweep of rotations
 * works on rows that stay in cache (the QR sweeps of the SVD and of eigh call this once per
 * sweep instead of `rot` once per rotation).
 */
export function lasr(forward: boolean, m: number, k: number, C: Float64Array, cOff: number, S: Float64Array, sOff: number, Z: FloatArray, zOff: number, ldz: number): void {
  const STRIP = 64;
  for (let i0 = 0; i0 < m; i0 += STRIP) {
    const i1 = Math.min(m, i0 + STRIP);
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
