/**
 * The small solves of eigenvector back substitution (LAPACK dlaln2 with ltrans = false,
 * ca = 1, d1 = d2 = 1): for a 1×1 or 2×2 diagonal block A of the Schur form and a shift
 * w = wr + i·wi,
 *
 *   (A − w·I)·X = scale·B,   A: na×na (na = 1, 2),   X, B: na×nw (nw = 1 real w, 2 complex w)
 *
 * On exit `out.x` holds X (column-major x11, x21, x12, x22: the imaginary parts in the second
 * column when nw = 2), `out.scale` ≤ 1 the factor chosen so that X cannot overflow, and
 * `out.xnorm` = ‖X‖_∞. A singular (or nearly) block is perturbed to smin, so that repeated
 * eigenvalues still give a vector.
 *
 * In named stages:
 *   solve1x1Real, solve1x1Complex: a 1×1 block (perturbed to smin when |C| < smin);
 *   solve2x2Real: complete pivoting (IPIVOT), the pivoted LU of C, the substitutions;
 *   solve2x2Complex: the same in complex arithmetic, with factor2x2Complex for the LU;
 *   solveScaledIdentity: a 2×2 C smaller than smin everywhere is replaced by smin·I;
 *   guardProduct: the last rescaling, so that ‖C‖·‖X‖ cannot overflow.
 *
 * Invariant: |(A − w·I)·X − scale·B| is a small multiple of eps·|C|·|X| (complete pivoting).
 * Used by eig-vectors.ts (trevc, dtrevc); reference: LAPACK dlaln2, dladiv.
 */
import { SAFMIN } from "../machine.js";
import { cdiv } from "./hessenberg-qr-complex.js";

/** The solution of a 1×1 or 2×2 system from {@link laln2}: X (na×nw, column-major), scale, ‖X‖. */
export interface Laln2Result {
  /** x11, x21 (real parts), x12, x22 (imaginary parts when nw = 2). */
  x: Float64Array;
  scale: number;
  xnorm: number;
}

// complete pivoting tables of dlaln2: for the largest entry (icmax, column-major 0..3) of C,
// which entries are the other pivot-row/column elements, and whether rows or solutions swap
const IPIVOT = [
  [0, 1, 2, 3],
  [1, 0, 3, 2],
  [2, 3, 0, 1],
  [3, 2, 1, 0],
];
const RSWAP = [false, true, false, true];
const ZSWAP = [false, false, true, true];

/**
 * Solve (A − (wr + i·wi)·I)·X = scale·B for a 1×1 or 2×2 block A (LAPACK dlaln2 with
 * ltrans = false, ca = 1, d1 = d2 = 1): na = 1 or 2 rows; nw = 1 (real w, B real) or 2
 * (complex w; B's two columns are the real and imaginary parts). A is read from T at
 * (aOff, lda); B from b0..b3 (b11, b21, b12, b22). A singular (or nearly) block is perturbed to
 * smin. scale ≤ 1 is chosen so that X cannot overflow.
 */
export function laln2(
  na: number,
  nw: number,
  smin: number,
  T: Float64Array,
  aOff: number,
  lda: number,
  b11: number,
  b21: number,
  b12: number,
  b22: number,
  wr: number,
  wi: number,
  out: Laln2Result,
): void {
  const smlnum = 2 * SAFMIN;
  const bignum = 1 / smlnum;
  const smini = Math.max(smin, smlnum);
  if (na === 1) {
    // c = a − wr (− i·wi)
    if (nw === 1) solve1x1Real(T[aOff] - wr, b11, smini, bignum, out);
    else solve1x1Complex(T[aOff] - wr, -wi, b11, b12, smini, bignum, out);
    return;
  }
  // 2×2: the real part of C = A − w·I, column-major cr[0..3] = c11, c21, c12, c22
  const cr = [T[aOff] - wr, T[aOff + 1], T[aOff + lda], T[aOff + 1 + lda] - wr];
  if (nw === 1) solve2x2Real(cr, b11, b21, smini, bignum, out);
  else solve2x2Complex(cr, wi, b11, b21, b12, b22, smini, bignum, out);
}

/** laln2, real 1×1: x = scale·b / c, c = a − wr (perturbed to smini when |c| < smini). */
function solve1x1Real(csr: number, b11: number, smini: number, bignum: number, out: Laln2Result): void {
  const x = out.x;
  let scale = 1;
  let cnorm = Math.abs(csr);
  if (cnorm < smini) {
    csr = smini;
    cnorm = smini;
  }
  const bnorm = Math.abs(b11);
  if (cnorm < 1 && bnorm > 1 && bnorm > bignum * cnorm) scale = 1 / bnorm;
  x[0] = (b11 * scale) / csr;
  out.xnorm = Math.abs(x[0]);
  out.scale = scale;
}

/** laln2, complex 1×1: x = scale·b / c, c = csr + i·csi = a − wr − i·wi (smini when |c| < smini). */
function solve1x1Complex(csr: number, csi: number, b11: number, b12: number, smini: number, bignum: number, out: Laln2Result): void {
  const x = out.x;
  let scale = 1;
  let cnorm = Math.abs(csr) + Math.abs(csi);
  if (cnorm < smini) {
    csr = smini;
    csi = 0;
    cnorm = smini;
  }
  const bnorm = Math.abs(b11) + Math.abs(b12);
  if (cnorm < 1 && bnorm > 1 && bnorm > bignum * cnorm) scale = 1 / bnorm;
  const [xr, xi] = cdiv(scale * b11, scale * b12, csr, csi);
  x[0] = xr;
  x[2] = xi;
  out.xnorm = Math.abs(xr) + Math.abs(xi);
  out.scale = scale;
}

/**
 * laln2, 2×2 with every entry of C below smini in magnitude (cmax < smini): C ≈ 0, so
 * X = (scale / smini)·B, i.e. C is replaced by smini·I. nw = 1: B real (b11, b21); nw = 2: complex.
 */
function solveScaledIdentity(nw: number, b11: number, b21: number, b12: number, b22: number, smini: number, bignum: number, out: Laln2Result): void {
  const x = out.x;
  let scale = 1;
  const bnorm = nw === 1 ? Math.max(Math.abs(b11), Math.abs(b21)) : Math.max(Math.abs(b11) + Math.abs(b12), Math.abs(b21) + Math.abs(b22));
  if (smini < 1 && bnorm > 1 && bnorm > bignum * smini) scale = 1 / bnorm;
  const temp = scale / smini;
  x[0] = temp * b11;
  x[1] = temp * b21;
  if (nw === 2) {
    x[2] = temp * b12;
    x[3] = temp * b22;
  }
  out.xnorm = temp * bnorm;
  out.scale = scale;
}

/**
 * laln2's last step for a 2×2 C: further scaling if ‖C‖·‖X‖ could overflow (cmax = ‖C‖ in
 * dlaln2's max-entry norm); x[0..nx−1] hold X. Writes xnorm and scale to out.
 */
function guardProduct(nx: number, xnorm: number, scale: number, cmax: number, bignum: number, out: Laln2Result): void {
  const x = out.x;
  if (xnorm > 1 && cmax > 1 && xnorm > bignum / cmax) {
    const temp = cmax / bignum;
    for (let j = 0; j < nx; j++) x[j] *= temp;
    xnorm *= temp;
    scale *= temp;
  }
  out.xnorm = xnorm;
  out.scale = scale;
}

/** laln2, real 2×2 system: Gaussian elimination with complete pivoting on C = cr. */
function solve2x2Real(cr: number[], b11: number, b21: number, smini: number, bignum: number, out: Laln2Result): void {
  const x = out.x;
  let scale = 1;
  let cmax = 0;
  let icmax = -1;
  for (let j = 0; j < 4; j++) {
    if (Math.abs(cr[j]) > cmax) {
      cmax = Math.abs(cr[j]);
      icmax = j;
    }
  }
  if (cmax < smini) {
    // C ≈ 0: use smini·I
    solveScaledIdentity(1, b11, b21, 0, 0, smini, bignum, out);
    return;
  }
  // the pivoted LU: U = [ur11 ur12; 0 ur22], L = [1 0; lr21 1]
  const ur11 = cr[icmax];
  const cr21 = cr[IPIVOT[icmax][1]];
  const ur12 = cr[IPIVOT[icmax][2]];
  const cr22 = cr[IPIVOT[icmax][3]];
  const ur11r = 1 / ur11;
  const lr21 = ur11r * cr21;
  let ur22 = cr22 - ur12 * lr21;
  if (Math.abs(ur22) < smini) ur22 = smini;
  // forward substitution on the row-swapped right-hand side
  let br1: number, br2: number;
  if (RSWAP[icmax]) {
    br1 = b21;
    br2 = b11;
  } else {
    br1 = b11;
    br2 = b21;
  }
  br2 -= lr21 * br1;
  const bbnd = Math.max(Math.abs(br1 * (ur22 * ur11r)), Math.abs(br2));
  if (bbnd > 1 && Math.abs(ur22) < 1 && bbnd >= bignum * Math.abs(ur22)) scale = 1 / bbnd;
  // back substitution, then undo the column swap
  const xr2 = (br2 * scale) / ur22;
  const xr1 = scale * br1 * ur11r - xr2 * (ur11r * ur12);
  if (ZSWAP[icmax]) {
    x[0] = xr2;
    x[1] = xr1;
  } else {
    x[0] = xr1;
    x[1] = xr2;
  }
  const xnorm = Math.max(Math.abs(xr1), Math.abs(xr2));
  guardProduct(2, xnorm, scale, cmax, bignum, out);
}

/**
 * The pivoted complex LU of a 2×2 C from {@link factor2x2Complex} (dlaln2's names):
 * U = [u11 u12; 0 u22], L = [1 0; l21 1], with 1/u11 and u12/u11 (the "s" entries) kept.
 */
interface ComplexLU2 {
  ur11r: number;
  ui11r: number;
  lr21: number;
  li21: number;
  ur12s: number;
  ui12s: number;
  ur22: number;
  ui22: number;
}

/** laln2's scratch for the complex LU (laln2 neither recurses nor yields, so one suffices). */
const LU2: ComplexLU2 = { ur11r: 0, ui11r: 0, lr21: 0, li21: 0, ur12s: 0, ui12s: 0, ur22: 0, ui22: 0 };

/**
 * The LU of C = cr + i·ci pivoted on its entry icmax (dlaln2's complex elimination step),
 * into lu. ci = −wi·I is zero off the diagonal, which the two cases exploit. u22 is not yet
 * perturbed to smini.
 */
function factor2x2Complex(cr: number[], ci: number[], icmax: number, lu: ComplexLU2): void {
  const ur11 = cr[icmax];
  const ui11 = ci[icmax];
  const cr21 = cr[IPIVOT[icmax][1]];
  const ci21 = ci[IPIVOT[icmax][1]];
  const ur12 = cr[IPIVOT[icmax][2]];
  const ui12 = ci[IPIVOT[icmax][2]];
  const cr22 = cr[IPIVOT[icmax][3]];
  const ci22 = ci[IPIVOT[icmax][3]];
  let ur11r: number, ui11r: number, lr21: number, li21: number, ur12s: number, ui12s: number, ur22: number, ui22: number;
  if (icmax === 0 || icmax === 3) {
    // the off-diagonals of the pivoted C are real
    if (Math.abs(ur11) > Math.abs(ui11)) {
      const temp = ui11 / ur11;
      ur11r = 1 / (ur11 * (1 + temp * temp));
      ui11r = -temp * ur11r;
    } else {
      const temp = ur11 / ui11;
      ui11r = -1 / (ui11 * (1 + temp * temp));
      ur11r = -temp * ui11r;
    }
    lr21 = cr21 * ur11r;
    li21 = cr21 * ui11r;
    ur12s = ur12 * ur11r;
    ui12s = ur12 * ui11r;
    ur22 = cr22 - ur12 * lr21;
    ui22 = ci22 - ur12 * li21;
  } else {
    // the diagonals of the pivoted C are real
    ur11r = 1 / ur11;
    ui11r = 0;
    lr21 = cr21 * ur11r;
    li21 = ci21 * ur11r;
    ur12s = ur12 * ur11r;
    ui12s = ui12 * ur11r;
    ur22 = cr22 - ur12 * lr21 + ui12 * li21;
    ui22 = -ur12 * li21 - ui12 * lr21;
  }
  lu.ur11r = ur11r;
  lu.ui11r = ui11r;
  lu.lr21 = lr21;
  lu.li21 = li21;
  lu.ur12s = ur12s;
  lu.ui12s = ui12s;
  lu.ur22 = ur22;
  lu.ui22 = ui22;
}

/** laln2, complex 2×2 system: C = cr + i·ci with ci = −wi·I, complete pivoting in |re| + |im|. */
function solve2x2Complex(cr: number[], wi: number, b11: number, b21: number, b12: number, b22: number, smini: number, bignum: number, out: Laln2Result): void {
  const x = out.x;
  let scale = 1;
  const ci = [-wi, 0, 0, -wi];
  let cmax = 0;
  let icmax = -1;
  for (let j = 0; j < 4; j++) {
    if (Math.abs(cr[j]) + Math.abs(ci[j]) > cmax) {
      cmax = Math.abs(cr[j]) + Math.abs(ci[j]);
      icmax = j;
    }
  }
  if (cmax < smini) {
    solveScaledIdentity(2, b11, b21, b12, b22, smini, bignum, out);
    return;
  }
  const lu = LU2;
  factor2x2Complex(cr, ci, icmax, lu);
  const { ur11r, ui11r, lr21, li21, ur12s, ui12s } = lu;
  let ur22 = lu.ur22;
  let ui22 = lu.ui22;
  let u22abs = Math.abs(ur22) + Math.abs(ui22);
  if (u22abs < smini) {
    ur22 = smini;
    ui22 = 0;
    u22abs = smini;
  }
  // forward substitution on the row-swapped right-hand side
  let br1: number, br2: number, bi1: number, bi2: number;
  if (RSWAP[icmax]) {
    br2 = b11;
    br1 = b21;
    bi2 = b12;
    bi1 = b22;
  } else {
    br1 = b11;
    br2 = b21;
    bi1 = b12;
    bi2 = b22;
  }
  br2 = br2 - lr21 * br1 + li21 * bi1;
  bi2 = bi2 - li21 * br1 - lr21 * bi1;
  const bbnd = Math.max((Math.abs(br1) + Math.abs(bi1)) * (u22abs * (Math.abs(ur11r) + Math.abs(ui11r))), Math.abs(br2) + Math.abs(bi2));
  if (bbnd > 1 && u22abs < 1 && bbnd >= bignum * u22abs) {
    scale = 1 / bbnd;
    br1 *= scale;
    bi1 *= scale;
    br2 *= scale;
    bi2 *= scale;
  }
  // back substitution, then undo the column swap
  const [xr2, xi2] = cdiv(br2, bi2, ur22, ui22);
  const xr1 = ur11r * br1 - ui11r * bi1 - ur12s * xr2 + ui12s * xi2;
  const xi1 = ui11r * br1 + ur11r * bi1 - ui12s * xr2 - ur12s * xi2;
  if (ZSWAP[icmax]) {
    x[0] = xr2;
    x[1] = xr1;
    x[2] = xi2;
    x[3] = xi1;
  } else {
    x[0] = xr1;
    x[1] = xr2;
    x[2] = xi1;
    x[3] = xi2;
  }
  const xnorm = Math.max(Math.abs(xr1) + Math.abs(xi1), Math.abs(xr2) + Math.abs(xi2));
  guardProduct(4, xnorm, scale, cmax, bignum, out);
}
