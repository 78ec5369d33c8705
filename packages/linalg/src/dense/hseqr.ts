/**
 * The drivers of the Hessenberg QR algorithm (LAPACK dhseqr, zhseqr): eigenvalues, and
 * optionally the Schur form, of a Hessenberg matrix, choosing the routine by its order; and
 * the scaling into a safe range that dgees / dgeev apply first (their dlascl step).
 *
 *   H = Z·T·Zᵀ  (real: T quasi-upper triangular, hessenberg-qr.ts lahqr or schur-aed.ts laqr0)
 *   H = Z·T·Zᴴ  (complex: T upper triangular, hessenberg-qr-complex.ts zlahqr)
 *
 * gebal may have isolated eigenvalues outside rows and columns ilo..ihi: H is already
 * triangular there, and those eigenvalues are read off its diagonal. The active block
 * H[ilo..ihi, ilo..ihi] of order ≥ SCHUR_MULTISHIFT.minOrder (tuning.ts; LAPACK's NMIN = 75)
 * goes to the multishift QR algorithm with aggressive early deflation (laqr0), a smaller one
 * to the double-shift lahqr, the spec, whose deferred-update fast twin (chaseBulgeFast)
 * is its default. With wantt, the entries below the subdiagonal are zeroed on exit.
 *
 * On exit: wr, wi (real) or w (complex, interleaved): all n eigenvalues; with wantt, H holds
 * T; with wantz, Z := Z·(the transformations) on rows ilo..ihi. Returns 0, or i + 1 when
 * eigenvalue i failed to converge (the caller throws LinAlgError "noConvergence").
 * Invariant: as the routines it calls, ‖H − Z·T·Zᵀ‖ ≤ c·n²·eps·‖H‖ (backward stable).
 * Reference: LAPACK dhseqr, zhseqr, dgees, dgeev (the dlascl scaling); Golub & Van Loan,
 * "Matrix Computations", 4th ed., §7.5.
 * Siblings: schur.ts (the public Schur decomposition) and eig.ts call these drivers.
 */
import { SCHUR_MULTISHIFT } from "../tuning.js";
import { lahqr } from "./hessenberg-qr.js";
import { zlahqr } from "./hessenberg-qr-complex.js";
import { laqr0, type MultishiftOptions } from "./schur-aed.js";
import { BIGNUM_DRIVER, SMLNUM_DRIVER } from "../machine.js";

/**
 * Eigenvalues, and optionally the Schur form, of a Hessenberg matrix that gebal has left
 * triangular outside ilo..ihi (LAPACK dhseqr): the isolated eigenvalues are read off the
 * diagonal; a block of order ≥ SCHUR_MULTISHIFT.minOrder goes to the multishift QR algorithm
 * with aggressive early deflation (schur-aed.ts laqr0, dlaqr0), a smaller one to lahqr; with
 * `wantt` the entries below the subdiagonal are zeroed. With `wantz`, Z (n×n, Q from orghr on
 * entry: the identity outside ilo..ihi) is updated on rows ilo..ihi. `multishift` overrides
 * the tuning (`{ minOrder: Infinity }`: lahqr always). Returns laqr0's / lahqr's info.
 */
export function hseqr(
  wantt: boolean,
  wantz: boolean,
  n: number,
  ilo: number,
  ihi: number,
  H: Float64Array,
  ldh: number,
  wr: Float64Array,
  wi: Float64Array,
  Z: Float64Array,
  ldz: number,
  multishift: MultishiftOptions = {},
): number {
  for (let i = 0; i < ilo; i++) {
    wr[i] = H[i + i * ldh];
    wi[i] = 0;
  }
  for (let i = ihi + 1; i < n; i++) {
    wr[i] = H[i + i * ldh];
    wi[i] = 0;
  }
  if (n === 0) return 0;
  // Z = Q is the identity outside rows and columns ilo..ihi, and the sweeps only mix columns
  // ilo..ihi: rows ilo..ihi of Z are all that change (dhseqr passes iloz = ilo, ihiz = ihi)
  const minOrder = multishift.minOrder ?? SCHUR_MULTISHIFT.minOrder;
  const info =
    ihi - ilo + 1 >= minOrder
      ? laqr0(wantt, wantz, n, ilo, ihi, H, ldh, wr, wi, ilo, ihi, Z, ldz, multishift)
      : lahqr(wantt, wantz, n, ilo, ihi, H, ldh, wr, wi, ilo, ihi, Z, ldz);
  if (wantt) for (let j = 0; j < n; j++) for (let i = j + 2; i < n; i++) H[i + j * ldh] = 0;
  return info;
}

/** The complex twin of {@link hseqr} (LAPACK zhseqr with zlahqr); w interleaved. */
export function zhseqr(
  wantt: boolean,
  wantz: boolean,
  n: number,
  ilo: number,
  ihi: number,
  H: Float64Array,
  ldh: number,
  w: Float64Array,
  Z: Float64Array,
  ldz: number,
): number {
  for (let i = 0; i < n; i++) {
    if (i >= ilo && i <= ihi) continue;
    w[2 * i] = H[2 * (i + i * ldh)];
    w[2 * i + 1] = H[2 * (i + i * ldh) + 1];
  }
  if (n === 0) return 0;
  const info = zlahqr(wantt, wantz, n, ilo, ihi, H, ldh, w, ilo, ihi, Z, ldz);
  if (wantt) for (let j = 0; j < n; j++) for (let i = j + 2; i < n; i++) H[2 * (i + j * ldh)] = H[2 * (i + j * ldh) + 1] = 0;
  return info;
}

// ------------------------------------------------------------------ scaling into range

// dgeev's / dgees's thresholds (machine.ts): the largest |entry| of A is brought into
// [SMLNUM_DRIVER, BIGNUM_DRIVER] = [√SAFMIN/ULP, ULP/√SAFMIN].

/**
 * Scale the n×n matrix A (interleaved when `complex`) by a scalar when its largest |entry| is
 * below sqrt(safmin)/eps or above its inverse (LAPACK dgeev/dgees's dlascl step), so that the
 * deflation tests (which compare with safmin·n/eps) and the eigenvector scaling stay in
 * range. Returns the factor that maps the eigenvalues (and T) of the scaled matrix back: 1
 * when nothing was done.
 */
export function scaleToSafeRange(n: number, A: Float64Array, complex: boolean): number {
  let anrm = 0;
  if (complex) for (let e = 0; e < n * n; e++) anrm = Math.max(anrm, Math.hypot(A[2 * e], A[2 * e + 1]));
  else for (let e = 0; e < n * n; e++) anrm = Math.max(anrm, Math.abs(A[e]));
  let cscale = 1;
  if (anrm > 0 && anrm < SMLNUM_DRIVER) cscale = SMLNUM_DRIVER;
  else if (anrm > BIGNUM_DRIVER) cscale = BIGNUM_DRIVER;
  if (cscale === 1) return 1;
  const f = cscale / anrm;
  for (let e = 0; e < (complex ? 2 : 1) * n * n; e++) A[e] *= f;
  return anrm / cscale;
}
