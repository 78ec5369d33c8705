/**
 * Balancing a general matrix before computing its eigenvalues (LAPACK dgebal / zgebal, job
 * "B"), and undoing it on the eigenvectors (dgebak / zgebak, side "R").
 *
 *   A' = D⁻¹·Pᵀ·A·P·D        P a permutation, D = diag(d) a diagonal of powers of 2
 *
 * A' has the eigenvalues of A, and if A'·x' = λ·x' then x = P·D·x' is an eigenvector of A.
 *
 * 1. Permutation: a row with zeros off the diagonal (within the active block) isolates its
 *    diagonal entry as an eigenvalue; it is swapped to the bottom (rows/columns ihi, ihi−1, …).
 *    A column with zeros off the diagonal is swapped to the top (ilo, ilo+1, …). On exit
 *
 *            ⎡ T1  X   Y  ⎤   rows 0..ilo−1     T1, T3 upper triangular: their diagonals are
 *     Pᵀ·A·P = ⎢ 0   B   Z  ⎥   rows ilo..ihi     eigenvalues already; only B (ilo..ihi) needs
 *            ⎣ 0   0   T3 ⎦   rows ihi+1..n−1   the QR algorithm
 *
 * 2. Scaling: row and column i of B are scaled by 1/d_i and d_i (powers of 2, so exactly) until
 *    their 2-norms are within a factor 2 of each other. This makes ‖A'‖ much smaller for badly
 *    scaled matrices, and the QR algorithm's errors are relative to ‖A'‖ (Parlett & Reinsch).
 *
 * In the code (gebal): 1a. isolateRows and 1b. isolateColumns (swapping by exchange), then
 * 2. scaleToBalance, which for each i of B runs measure (the norms), scalingFactor (d_i's
 * change f) and applyScaling.
 *
 * On exit of `gebal`: A holds A'; `scale[j]` holds, for j < ilo or j > ihi, the index of the row
 * and column swapped with j, and for ilo ≤ j ≤ ihi, d_j. Works on real (Float64Array, one slot
 * per element) or complex (interleaved re, im: two slots) column-major matrices.
 *
 * Invariant: A' = D⁻¹·Pᵀ·A·P·D exactly (permutations and power-of-2 scalings do not round).
 * Reference: Parlett & Reinsch, "Balancing a matrix for calculation of eigenvalues and
 * eigenvectors", Numer. Math. 13 (1969); Golub & Van Loan, 4th ed., §7.5.7; LAPACK dgebal,
 * dgebak (3.5+: 2-norms, as here).
 */
// dgebal's SFMIN1 = dlamch("S")/dlamch("P") and SFMAX1 = 1/SFMIN1 (machine.ts): the smallest
// and largest scaling factors balancing will use
import { BIGNUM, SMLNUM } from "../machine.js";

/** Scaling steps are powers of this radix, so that they are exact. */
const SCLFAC = 2;
/** A scaling is kept only if it reduces ‖row‖ + ‖column‖ by at least 5%. */
const FACTOR = 0.95;

/**
 * ‖x‖₂ of `len` elements X[off + p·inc] (complex: |re|² + |im|² from the slot pair), by the
 * plain sum of squares when that cannot overflow or underflow, else by scaling (dnrm2).
 */
function norm2(X: Float64Array, off: number, inc: number, len: number, complex: boolean): number {
  let ss = 0;
  for (let p = 0, e = off; p < len; p++, e += inc) {
    ss += X[e] * X[e];
    if (complex) ss += X[e + 1] * X[e + 1];
  }
  if (ss > 1e-290 && ss < 1e290) return Math.sqrt(ss);
  let scale = 0;
  let ssq = 1;
  for (let p = 0, e = off; p < len; p++, e += inc) {
    for (let s = 0; s < (complex ? 2 : 1); s++) {
      const a = Math.abs(X[e + s]);
      if (a === 0) continue;
      if (scale < a) {
        ssq = 1 + ssq * (scale / a) * (scale / a);
        scale = a;
      } else ssq += (a / scale) * (a / scale);
    }
  }
  return scale * Math.sqrt(ssq);
}

/** The active block B = A'[ilo..ihi, ilo..ihi] (0-based, inclusive) of a balanced matrix. */
export interface BalanceResult {
  ilo: number;
  ihi: number;
}

/**
 * Balance the n×n column-major matrix A[i + j·lda] in place (LAPACK dgebal/zgebal, job "B").
 * `complex`: A is interleaved (re, im). Returns ilo, ihi; `scale` (length n) as in the header.
 * Stages: 1a. isolateRows, 1b. isolateColumns (both by exchange), 2. scaleToBalance (per
 * index: measure, scalingFactor, applyScaling).
 */
export function gebal(n: number, A: Float64Array, lda: number, scale: Float64Array, complex: boolean): BalanceResult {
  if (n === 0) return { ilo: 0, ihi: -1 };
  const S: GebalState = { n, A, lda, scale, complex, slots: complex ? 2 : 1, k: 0, l: n - 1, c: 0, r: 0, ca: 0, ra: 0 };
  if (!isolateRows(S)) return { ilo: 0, ihi: 0 };
  isolateColumns(S);
  for (let i = S.k; i <= S.l; i++) scale[i] = 1;
  scaleToBalance(S);
  return { ilo: S.k, ihi: S.l };
}

/** The smallest and largest scaling factors balancing will use (dgebal's SFMIN2, SFMAX2). */
const SFMIN2 = SMLNUM * SCLFAC;
const SFMAX2 = 1 / SFMIN2;

/**
 * What gebal's stages share: the n×n matrix A (slots 2 when complex), `scale`; the active
 * block is rows and columns k..l; c, r, ca, ra: the norms of the current column and row (see
 * measure), updated by scalingFactor.
 */
interface GebalState {
  n: number;
  A: Float64Array;
  lda: number;
  scale: Float64Array;
  complex: boolean;
  slots: number;
  k: number;
  l: number;
  c: number;
  r: number;
  ca: number;
  ra: number;
}

/** |A(i, j)| ≠ 0, for either slot. */
function nonzero(S: GebalState, i: number, j: number): boolean {
  const { A, slots } = S;
  const e = slots * (i + j * S.lda);
  return A[e] !== 0 || (S.complex && A[e + 1] !== 0);
}

/** Swap columns j and m on rows 0..l, and rows j and m on columns k..n−1. */
function exchange(S: GebalState, j: number, m: number, k: number, l: number): void {
  if (j === m) return;
  const { n, A, lda, slots } = S;
  for (let i = 0; i <= l; i++) {
    for (let s = 0; s < slots; s++) {
      const a = slots * (i + j * lda) + s;
      const b = slots * (i + m * lda) + s;
      const t = A[a];
      A[a] = A[b];
      A[b] = t;
    }
  }
  for (let c = k; c < n; c++) {
    for (let s = 0; s < slots; s++) {
      const a = slots * (j + c * lda) + s;
      const b = slots * (m + c * lda) + s;
      const t = A[a];
      A[a] = A[b];
      A[b] = t;
    }
  }
}

/**
 * Stage 1a: rows isolating an eigenvalue (zero off the diagonal in columns 0..l) go to the
 * bottom; S.l moves up. Returns false when the whole matrix is triangular (l reached 0).
 */
function isolateRows(S: GebalState): boolean {
  let found = true;
  while (found && S.l >= 0) {
    const l = S.l;
    found = false;
    for (let j = l; j >= 0; j--) {
      let isolated = true;
      for (let i = 0; i <= l; i++) {
        if (i !== j && nonzero(S, j, i)) {
          isolated = false;
          break;
        }
      }
      if (!isolated) continue;
      S.scale[l] = j;
      exchange(S, j, l, S.k, l);
      if (l === 0) return false;
      S.l--;
      found = true;
      break;
    }
  }
  return true;
}

/** Stage 1b: columns isolating an eigenvalue (zero off the diagonal in rows k..l) go to the top; S.k moves down. */
function isolateColumns(S: GebalState): void {
  const l = S.l;
  let found = true;
  while (found) {
    const k = S.k;
    found = false;
    for (let j = k; j <= l; j++) {
      let isolated = true;
      for (let i = k; i <= l; i++) {
        if (i !== j && nonzero(S, i, j)) {
          isolated = false;
          break;
        }
      }
      if (!isolated) continue;
      S.scale[k] = j;
      exchange(S, j, k, k, l);
      S.k++;
      found = true;
      break;
    }
  }
}

/** Stage 2: scale rows and columns of B = A[k..l, k..l] until their norms balance. */
function scaleToBalance(S: GebalState): void {
  const { scale } = S;
  let noconv = true;
  while (noconv) {
    noconv = false;
    for (let i = S.k; i <= S.l; i++) {
      measure(S, i);
      // NaN anywhere would keep the loop from ever converging (callers reject NaN; stop here)
      if (Number.isNaN(S.c + S.ca + S.r + S.ra)) return;
      if (S.c === 0 || S.r === 0) continue;
      const s = S.c + S.r;
      const f = scalingFactor(S);
      // keep it only if ‖row‖ + ‖column‖ drops by 5%, and d_i stays representable
      if (S.c + S.r >= FACTOR * s) continue;
      if (f < 1 && scale[i] < 1 && f * scale[i] <= SMLNUM) continue;
      if (f > 1 && scale[i] > 1 && scale[i] >= BIGNUM / f) continue;
      scale[i] *= f;
      noconv = true;
      applyScaling(S, i, f);
    }
  }
}

/**
 * S.c = ‖B[:, i]‖₂, S.r = ‖B[i, :]‖₂; S.ca, S.ra: the largest |entry| of column i (rows 0..l)
 * and of row i (columns k..n−1), which bound how far scaling may go without overflow.
 */
function measure(S: GebalState, i: number): void {
  const { n, A, lda, slots, complex, k, l } = S;
  S.c = norm2(A, slots * (k + i * lda), slots, l - k + 1, complex);
  S.r = norm2(A, slots * (i + k * lda), slots * lda, l - k + 1, complex);
  let ca = 0;
  for (let p = 0; p <= l; p++) {
    const e = slots * (p + i * lda);
    ca = Math.max(ca, complex ? Math.abs(A[e]) + Math.abs(A[e + 1]) : Math.abs(A[e]));
  }
  let ra = 0;
  for (let p = k; p < n; p++) {
    const e = slots * (i + p * lda);
    ra = Math.max(ra, complex ? Math.abs(A[e]) + Math.abs(A[e + 1]) : Math.abs(A[e]));
  }
  S.ca = ca;
  S.ra = ra;
}

/**
 * f: the power of 2 that brings c and r within a factor 2 of each other (within the
 * overflow bounds); S.c and S.r become the norms after scaling by f.
 */
function scalingFactor(S: GebalState): number {
  let { c, r, ca, ra } = S;
  let g = r / SCLFAC;
  let f = 1;
  while (c < g && Math.max(f, c, ca) < SFMAX2 && Math.min(r, g, ra) > SFMIN2) {
    f *= SCLFAC;
    c *= SCLFAC;
    ca *= SCLFAC;
    r /= SCLFAC;
    g /= SCLFAC;
    ra /= SCLFAC;
  }
  g = c / SCLFAC;
  while (g >= r && Math.max(r, ra) < SFMAX2 && Math.min(f, c, g, ca) > SFMIN2) {
    f /= SCLFAC;
    c /= SCLFAC;
    g /= SCLFAC;
    ca /= SCLFAC;
    r *= SCLFAC;
    ra *= SCLFAC;
  }
  S.c = c;
  S.r = r;
  return f;
}

/** Row i /= f (columns k..n−1), column i *= f (rows 0..l). */
function applyScaling(S: GebalState, i: number, f: number): void {
  const { n, A, lda, slots, complex, k, l } = S;
  const g1 = 1 / f;
  for (let p = k; p < n; p++) {
    const e = slots * (i + p * lda);
    A[e] *= g1;
    if (complex) A[e + 1] *= g1;
  }
  for (let p = 0; p <= l; p++) {
    const e = slots * (p + i * lda);
    A[e] *= f;
    if (complex) A[e + 1] *= f;
  }
}

/**
 * Undo the balancing on m right eigenvectors (LAPACK dgebak/zgebak, job "B", side "R"): the
 * n×m column-major V[i + j·ldv] (complex: interleaved) of A' becomes P·D·V, eigenvectors of A.
 */
export function gebak(n: number, ilo: number, ihi: number, scale: Float64Array, m: number, V: Float64Array, ldv: number, complex: boolean): void {
  const slots = complex ? 2 : 1;
  // V := D·V: row i scaled by d_i (when ilo = ihi, gebal may have stopped before setting d)
  for (let i = ilo; i <= ihi && ilo !== ihi; i++) {
    const d = scale[i];
    if (d === 1) continue;
    for (let j = 0; j < m; j++) {
      const e = slots * (i + j * ldv);
      V[e] *= d;
      if (complex) V[e + 1] *= d;
    }
  }
  // V := P·V: the swaps in reverse order of gebal (rows ilo−1 down to 0, then ihi+1 up to n−1)
  for (let ii = 0; ii < n; ii++) {
    if (ii >= ilo && ii <= ihi) continue;
    const i = ii < ilo ? ilo - 1 - ii : ii;
    const k = scale[i];
    if (k === i) continue;
    for (let j = 0; j < m; j++) {
      for (let s = 0; s < slots; s++) {
        const a = slots * (i + j * ldv) + s;
        const b = slots * (k + j * ldv) + s;
        const t = V[a];
        V[a] = V[b];
        V[b] = t;
      }
    }
  }
}
