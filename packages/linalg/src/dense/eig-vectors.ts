/**
 * Right eigenvectors of a matrix in Schur form, by back substitution, then back-transformed
 * by the Schur vectors (LAPACK dtrevc side "R", howmny "B", with dlaln2; complex ztrevc).
 *
 *   T·x = λ·x,   T upper quasi-triangular (schur.ts)   ⇒   A·(Z·x) = λ·(Z·x) when A = Z·T·Zᵀ
 *
 * For the eigenvalue λ = T[k, k] of a 1×1 block, x[k] = 1, x[k+1..] = 0 and x[0..k−1] solves
 * the upper quasi-triangular system
 *
 *   (T[0..k−1, 0..k−1] − λ·I)·x[0..k−1] = −T[0..k−1, k]
 *
 * from the bottom up, one diagonal block (1×1, or 2×2 for a complex pair of T) at a time
 * (dlaln2 solves each small block with complete pivoting, perturbing a singular block to
 * smin = eps·|λ| so that repeated eigenvalues still give a vector). For a 2×2 block at (k−1, k)
 * with eigenvalues λ = a ± ib, the complex vector x = xr + i·xi starts from the 2×2 block's
 * own eigenvector and the same back substitution runs in complex arithmetic; one vector per
 * conjugate pair is computed (the other is its conjugate).
 *
 * Overflow: the right-hand side is rescaled (by `scale` ≤ 1) whenever a step could overflow,
 * with bounds from the column norms of T (dtrevc's `work`); the solution is then
 * proportional to the true one, which is all an eigenvector needs.
 *
 * The back-transformation V = Z·X is n³ flops: by default one gemm once every x is known
 * (as LAPACK 3.6's dtrevc3), or with "gemv" one matrix-vector product per eigenvector as
 * dtrevc does (the reference twin; both run the same tests).
 *
 * In named stages:
 *   laln2 (laln2.ts, LAPACK dlaln2): one small solve (A − w·I)·X = scale·B per diagonal block;
 *   trevc (dtrevc), for ki = n−1 down to 0:
 *     1. columnNorms: cnorm[j] = Σ_{i<j} |T[i, j]|, the overflow bounds (once);
 *     2. backSubstituteReal (λ = T[ki, ki] real) or backSubstituteComplex (the pair at
 *        (ki−1, ki), starting from the 2×2 block's eigenvector), calling laln2 per block and
 *        rescaling x (rescale) before each update x[0..j−1] −= x[j]·T[0..j−1, j] (axpyT);
 *     3. storeVector: x into column ki of X (gemm), or VR[:, ki] := Z·x at once (gemvZ) and
 *        normalise;
 *     4. backTransformAll (gemm only): VR := Z·X by blocks of columns, then normalise each.
 *
 * On exit (real): column k of VR holds Z·x for a real λ_k; columns (k−1, k) hold the real and
 * imaginary parts of Z·x for the pair with Im λ_{k−1} > 0. Each vector is scaled so that its
 * largest component has magnitude 1 (|re| + |im| for complex), as LAPACK leaves it; eig.ts
 * normalises to unit 2-norm afterwards.
 *
 * Invariant: ‖A·V − V·Λ‖ ≤ c·n·eps·‖A‖·‖V‖ (each eigenvector has a small residual; for
 * eigenvalues that are ill-conditioned the vectors may be inaccurate, but the residual is small).
 * Reference: Golub & Van Loan, "Matrix Computations", 4th ed., §7.6.4; LAPACK dtrevc, dlaln2,
 * dladiv, ztrevc (which uses zlatrs for the scaled solve; here a scaled back substitution).
 */
import { colMajor, gemm, sub } from "@sliderule/ndarray/kernels";
import { cdiv } from "./hessenberg-qr-complex.js";
import { laln2, type Laln2Result } from "./laln2.js";
import { SAFMIN, ULP } from "../machine.js";
import { BACK_TRANSFORM_BLOCK } from "../tuning.js";

/** How trevc applies Z to the eigenvectors of T: one gemm at the end (default), or a gemv per vector (dtrevc's way, the reference twin). */
export type BackTransform = "gemm" | "gemv";

// ------------------------------------------------------------------ real

/**
 * What trevc's stages share: T (n×n, ldt), VR (Z on entry, ldvr); Xall: the eigenvectors of T
 * as the columns of X (gemm back-transformation; null for gemv); cnorm: the column norms of
 * stage 1; x = xr + i·xi, the solution vector of the current eigenvalue; sol: laln2's output;
 * bignum: the overflow threshold of the updates.
 */
interface TrevcState {
  n: number;
  T: Float64Array;
  ldt: number;
  VR: Float64Array;
  ldvr: number;
  Xall: Float64Array | null;
  cnorm: Float64Array;
  xr: Float64Array;
  xi: Float64Array;
  sol: Laln2Result;
  bignum: number;
}

/**
 * Right eigenvectors of the n×n real Schur form T (column-major, ldt), back-transformed:
 * VR (n×n, ldvr) holds the Schur vectors Z on entry and Z·X on exit (LAPACK dtrevc, side "R",
 * howmny "B"); see the header for the layout of complex pairs and the stages.
 */
export function trevc(n: number, T: Float64Array, ldt: number, VR: Float64Array, ldvr: number, backTransform: BackTransform = "gemm"): void {
  if (n === 0) return;
  const blocked = backTransform === "gemm";
  const smlnum = SAFMIN * (n / ULP);
  const S: TrevcState = {
    n,
    T,
    ldt,
    VR,
    ldvr,
    // gemm: the eigenvectors of T are gathered as the columns of X (upper quasi-triangular),
    // then VR := Z·X in one product; gemv: each column is transformed as soon as it is known
    Xall: blocked ? new Float64Array(n * n) : null,
    // 1. cnorm[j] = Σ_{i<j} |T[i, j]|: bounds the growth of the right-hand side in the updates
    cnorm: columnNorms(n, T, ldt),
    xr: new Float64Array(n),
    xi: new Float64Array(n),
    sol: { x: new Float64Array(4), scale: 1, xnorm: 0 },
    bignum: (1 - ULP) / smlnum,
  };

  // eigenvectors from the last to the first, so that VR's columns 0..k−1 still hold Z
  for (let ki = n - 1; ki >= 0; ki--) {
    const pair = ki > 0 && T[ki + (ki - 1) * ldt] !== 0; // (ki−1, ki) is a 2×2 block
    const wr = T[ki + ki * ldt];
    const wi = pair ? Math.sqrt(Math.abs(T[ki + (ki - 1) * ldt])) * Math.sqrt(Math.abs(T[ki - 1 + ki * ldt])) : 0;
    const smin = Math.max(ULP * (Math.abs(wr) + Math.abs(wi)), smlnum);
    // 2. x by back substitution; 3. stored, or transformed at once
    if (!pair) {
      backSubstituteReal(S, ki, wr, smin);
    } else {
      backSubstituteComplex(S, ki, wr, wi, smin);
    }
    storeVector(S, ki, pair);
    if (pair) ki--; // the pair used both columns
  }
  // 4. VR := Z·X
  if (S.Xall) backTransformAll(S, S.Xall);
}

/** Stage 1: cnorm[j] = Σ_{i<j} |T[i, j]| (dtrevc's `work`), the bounds of the update growth. */
function columnNorms(n: number, T: Float64Array, ldt: number): Float64Array {
  const cnorm = new Float64Array(n);
  for (let j = 1; j < n; j++) {
    let s = 0;
    for (let i = 0; i < j; i++) s += Math.abs(T[i + j * ldt]);
    cnorm[j] = s;
  }
  return cnorm;
}

/** xr[0..len−1] (and xi) *= s */
function rescale(S: TrevcState, len: number, s: number, both: boolean): void {
  const { xr, xi } = S;
  for (let r = 0; r < len; r++) xr[r] *= s;
  if (both) for (let r = 0; r < len; r++) xi[r] *= s;
}

/** y[0..len−1] −= a·T[0..len−1, j] */
function axpyT(S: TrevcState, len: number, a: number, j: number, y: Float64Array): void {
  if (a === 0) return;
  const T = S.T;
  const c = j * S.ldt;
  for (let r = 0; r < len; r++) y[r] -= a * T[c + r];
}

/**
 * Stage 2, real eigenvalue wr = T[ki, ki]: x[ki] = 1, right-hand side −T[0..ki−1, ki], and
 * (T[0..ki−1, 0..ki−1] − wr·I)·x = scale·rhs solved block by block from the bottom into xr.
 */
function backSubstituteReal(S: TrevcState, ki: number, wr: number, smin: number): void {
  const { T, ldt, xr, cnorm, sol, bignum } = S;
  const X = sol.x;
  xr[ki] = 1;
  for (let k = 0; k < ki; k++) xr[k] = -T[k + ki * ldt];
  let j = ki - 1;
  while (j >= 0) {
    const twoByTwo = j > 0 && T[j + (j - 1) * ldt] !== 0;
    if (!twoByTwo) {
      // 1×1 block at j
      laln2(1, 1, smin, T, j + j * ldt, ldt, xr[j], 0, 0, 0, wr, 0, sol);
      // keep x[j]·‖T[0..j−1, j]‖ from overflowing in the update
      if (sol.xnorm > 1 && cnorm[j] > bignum / sol.xnorm) {
        X[0] /= sol.xnorm;
        sol.scale /= sol.xnorm;
      }
      if (sol.scale !== 1) rescale(S, ki + 1, sol.scale, false);
      xr[j] = X[0];
      axpyT(S, j, X[0], j, xr);
      j -= 1;
    } else {
      // 2×2 block at (j−1, j)
      laln2(2, 1, smin, T, j - 1 + (j - 1) * ldt, ldt, xr[j - 1], xr[j], 0, 0, wr, 0, sol);
      if (sol.xnorm > 1) {
        const beta = Math.max(cnorm[j - 1], cnorm[j]);
        if (beta > bignum / sol.xnorm) {
          X[0] /= sol.xnorm;
          X[1] /= sol.xnorm;
          sol.scale /= sol.xnorm;
        }
      }
      if (sol.scale !== 1) rescale(S, ki + 1, sol.scale, false);
      xr[j - 1] = X[0];
      xr[j] = X[1];
      axpyT(S, j - 1, X[0], j - 1, xr);
      axpyT(S, j - 1, X[1], j, xr);
      j -= 2;
    }
  }
}

/**
 * Stage 2, the complex eigenvector of the pair wr ± i·wi at (ki−1, ki), for wr + i·wi: start
 * from the 2×2 block's own eigenvector, x[ki−1] and x[ki], then solve
 * (T[0..ki−2, 0..ki−2] − (wr + i·wi)·I)·x = scale·rhs block by block into xr + i·xi.
 */
function backSubstituteComplex(S: TrevcState, ki: number, wr: number, wi: number, smin: number): void {
  const { T, ldt, xr, xi, cnorm, sol, bignum } = S;
  const X = sol.x;
  if (Math.abs(T[ki - 1 + ki * ldt]) >= Math.abs(T[ki + (ki - 1) * ldt])) {
    xr[ki - 1] = 1;
    xi[ki] = wi / T[ki - 1 + ki * ldt];
  } else {
    xr[ki - 1] = -wi / T[ki + (ki - 1) * ldt];
    xi[ki] = 1;
  }
  xr[ki] = 0;
  xi[ki - 1] = 0;
  // right-hand side −x[ki−1]·T[0..ki−2, ki−1] − x[ki]·T[0..ki−2, ki]
  for (let k = 0; k < ki - 1; k++) {
    xr[k] = -xr[ki - 1] * T[k + (ki - 1) * ldt];
    xi[k] = -xi[ki] * T[k + ki * ldt];
  }
  let j = ki - 2;
  while (j >= 0) {
    const twoByTwo = j > 0 && T[j + (j - 1) * ldt] !== 0;
    if (!twoByTwo) {
      laln2(1, 2, smin, T, j + j * ldt, ldt, xr[j], 0, xi[j], 0, wr, wi, sol);
      if (sol.xnorm > 1 && cnorm[j] > bignum / sol.xnorm) {
        X[0] /= sol.xnorm;
        X[2] /= sol.xnorm;
        sol.scale /= sol.xnorm;
      }
      if (sol.scale !== 1) rescale(S, ki + 1, sol.scale, true);
      xr[j] = X[0];
      xi[j] = X[2];
      axpyT(S, j, X[0], j, xr);
      axpyT(S, j, X[2], j, xi);
      j -= 1;
    } else {
      laln2(2, 2, smin, T, j - 1 + (j - 1) * ldt, ldt, xr[j - 1], xr[j], xi[j - 1], xi[j], wr, wi, sol);
      if (sol.xnorm > 1) {
        const beta = Math.max(cnorm[j - 1], cnorm[j]);
        if (beta > bignum / sol.xnorm) {
          const rec = 1 / sol.xnorm;
          for (let r = 0; r < 4; r++) X[r] *= rec;
          sol.scale *= rec;
        }
      }
      if (sol.scale !== 1) rescale(S, ki + 1, sol.scale, true);
      xr[j - 1] = X[0];
      xr[j] = X[1];
      xi[j - 1] = X[2];
      xi[j] = X[3];
      axpyT(S, j - 1, X[0], j - 1, xr);
      axpyT(S, j - 1, X[1], j, xr);
      axpyT(S, j - 1, X[2], j - 1, xi);
      axpyT(S, j - 1, X[3], j, xi);
      j -= 2;
    }
  }
}

/**
 * Stage 3: x (xr, or xr + i·xi for the pair at (ki−1, ki)) into X's column ki (columns ki−1,
 * ki), or with gemv straight into VR: VR[:, ki] = Z·x, scaled so its largest |component| is 1.
 */
function storeVector(S: TrevcState, ki: number, pair: boolean): void {
  const { n, xr, xi, Xall } = S;
  if (Xall) {
    if (!pair) {
      for (let r = 0; r <= ki; r++) Xall[r + ki * n] = xr[r];
    } else {
      for (let r = 0; r <= ki; r++) {
        Xall[r + (ki - 1) * n] = xr[r];
        Xall[r + ki * n] = xi[r];
      }
    }
  } else if (!pair) {
    if (ki > 0) gemvZ(S, ki, xr, xr[ki], ki);
    normalise(S, ki, false);
  } else {
    // VR[:, ki−1] + i·VR[:, ki] = Z·x  (x's real part ends at ki−1, its imaginary part at ki)
    gemvZ(S, ki - 1, xr, xr[ki - 1], ki - 1);
    gemvZ(S, ki - 1, xi, xi[ki], ki);
    normalise(S, ki, true);
  }
}

/** VR[:, col] := VR[:, 0..len−1]·y[0..len−1] + y0·VR[:, col]  (the back-transformation, dgemv) */
function gemvZ(S: TrevcState, len: number, y: Float64Array, y0: number, col: number): void {
  const { n, VR, ldvr } = S;
  const c = col * ldvr;
  if (y0 !== 1) for (let r = 0; r < n; r++) VR[c + r] *= y0;
  for (let j = 0; j < len; j++) {
    const yj = y[j];
    if (yj === 0) continue;
    const cj = j * ldvr;
    for (let r = 0; r < n; r++) VR[c + r] += yj * VR[cj + r];
  }
}

/** Scale column ki (or the pair ki−1, ki) of VR so that its largest |component| is 1. */
function normalise(S: TrevcState, ki: number, pair: boolean): void {
  const { n, VR, ldvr } = S;
  const c1 = ki * ldvr;
  const c0 = pair ? c1 - ldvr : c1;
  let emax = 0;
  if (pair) for (let r = 0; r < n; r++) emax = Math.max(emax, Math.abs(VR[c0 + r]) + Math.abs(VR[c1 + r]));
  else for (let r = 0; r < n; r++) emax = Math.max(emax, Math.abs(VR[c1 + r]));
  const remax = 1 / emax;
  for (let r = 0; r < n; r++) VR[c1 + r] *= remax;
  if (pair) for (let r = 0; r < n; r++) VR[c0 + r] *= remax;
}

/**
 * Stage 4 (gemm): VR := Z·X, then each eigenvector scaled as in stage 3. X is upper
 * triangular (column j is zero below row j, pairs included), so a block of columns j0..j1−1
 * needs Z[:, 0..j1−1] only.
 */
function backTransformAll(S: TrevcState, Xall: Float64Array): void {
  const { n, T, ldt, VR, ldvr } = S;
  const ZX = new Float64Array(n * n);
  const [Zb, X, ZXb] = [colMajor(VR, n, n, 0, ldvr), colMajor(Xall, n, n), colMajor(ZX, n, n)];
  for (let j0 = 0; j0 < n; j0 += BACK_TRANSFORM_BLOCK) {
    const j1 = Math.min(n, j0 + BACK_TRANSFORM_BLOCK);
    // (Z·X)[:, j0:j1] = Z[:, 0:j1]·X[0:j1, j0:j1]  (X upper triangular)
    gemm(1, sub(Zb, 0, 0, n, j1), sub(X, 0, j0, j1, j1 - j0), 0, sub(ZXb, 0, j0, n, j1 - j0));
  }
  for (let j = 0; j < n; j++) for (let r = 0; r < n; r++) VR[r + j * ldvr] = ZX[r + j * n];
  for (let ki = n - 1; ki >= 0; ki--) {
    const pair = ki > 0 && T[ki + (ki - 1) * ldt] !== 0;
    normalise(S, ki, pair);
    if (pair) ki--;
  }
}

// ------------------------------------------------------------------ complex

/**
 * Right eigenvectors of the n×n complex upper triangular T (interleaved, column-major),
 * back-transformed: VR holds Z on entry and Z·X on exit (LAPACK ztrevc, side "R", howmny "B").
 * For each k: x[k] = 1 and (T[0..k−1, 0..k−1] − T[k, k]·I)·x[0..k−1] = −T[0..k−1, k], with
 * diagonal entries closer than smin to T[k, k] perturbed to smin, and the partial solution
 * rescaled whenever it grows past 1/smlnum (the role of zlatrs in LAPACK).
 */
export function ztrevc(n: number, T: Float64Array, ldt: number, VR: Float64Array, ldvr: number): void {
  if (n === 0) return;
  const smlnum = SAFMIN * (n / ULP);
  const big = 1 / smlnum;
  const xr = new Float64Array(n);
  const xi = new Float64Array(n);
  const at = (i: number, j: number): number => 2 * (i + j * ldt);
  for (let ki = n - 1; ki >= 0; ki--) {
    const lr = T[at(ki, ki)];
    const li = T[at(ki, ki) + 1];
    const smin = Math.max(ULP * (Math.abs(lr) + Math.abs(li)), smlnum);
    xr[ki] = 1;
    xi[ki] = 0;
    for (let k = 0; k < ki; k++) {
      xr[k] = -T[at(k, ki)];
      xi[k] = -T[at(k, ki) + 1];
    }
    // back substitution on (T − λ·I), bottom up
    for (let j = ki - 1; j >= 0; j--) {
      let dr = T[at(j, j)] - lr;
      let di = T[at(j, j) + 1] - li;
      if (Math.abs(dr) + Math.abs(di) < smin) {
        dr = smin;
        di = 0;
      }
      let [qr, qi] = cdiv(xr[j], xi[j], dr, di);
      const qa = Math.abs(qr) + Math.abs(qi);
      if (qa > big) {
        // rescale everything computed so far (x[j..ki]) and the remaining right-hand side
        const f = 1 / qa;
        for (let r = 0; r <= ki; r++) {
          xr[r] *= f;
          xi[r] *= f;
        }
        qr *= f;
        qi *= f;
      }
      xr[j] = qr;
      xi[j] = qi;
      // rhs[0..j−1] −= x[j]·T[0..j−1, j]
      for (let r = 0; r < j; r++) {
        const tr = T[at(r, j)];
        const ti = T[at(r, j) + 1];
        xr[r] -= qr * tr - qi * ti;
        xi[r] -= qr * ti + qi * tr;
      }
    }
    // VR[:, ki] := VR[:, 0..ki−1]·x[0..ki−1] + x[ki]·VR[:, ki]
    const c = 2 * ki * ldvr;
    const x0r = xr[ki];
    const x0i = xi[ki];
    for (let r = 0; r < n; r++) {
      const vr = VR[c + 2 * r];
      const vi = VR[c + 2 * r + 1];
      VR[c + 2 * r] = vr * x0r - vi * x0i;
      VR[c + 2 * r + 1] = vr * x0i + vi * x0r;
    }
    for (let j = 0; j < ki; j++) {
      const yr = xr[j];
      const yi = xi[j];
      if (yr === 0 && yi === 0) continue;
      const cj = 2 * j * ldvr;
      for (let r = 0; r < n; r++) {
        const vr = VR[cj + 2 * r];
        const vi = VR[cj + 2 * r + 1];
        VR[c + 2 * r] += vr * yr - vi * yi;
        VR[c + 2 * r + 1] += vr * yi + vi * yr;
      }
    }
    // largest |re| + |im| becomes 1
    let emax = 0;
    for (let r = 0; r < n; r++) emax = Math.max(emax, Math.abs(VR[c + 2 * r]) + Math.abs(VR[c + 2 * r + 1]));
    const remax = 1 / emax;
    for (let r = 0; r < 2 * n; r++) VR[c + r] *= remax;
  }
}
