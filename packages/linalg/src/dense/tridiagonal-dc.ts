/**
 * Eigenvalues and eigenvectors of a symmetric tridiagonal matrix by divide and conquer
 * (Cuppen's method with Gu and Eisenstat's eigenvectors; LAPACK dstedc, compz = I, and its
 * dlaed0–dlaed4). The fast twin of symmetric-qr.ts `steqr`, which is its reference: both
 * return T's eigenvalues ascending and orthonormal eigenvectors, under the same tests.
 *
 *   T = Z·Λ·Zᵀ,   T = tridiag(e, d, e) n×n,   Λ = diag(λ_0 ≤ … ≤ λ_{n−1}),   Z orthogonal
 *
 * Divide: with ρ = e_k coupling rows k and k+1 (k = the middle), σ = sign(ρ),
 *
 *   T = ⎡T1 − |ρ|·e_k·e_kᵀ        0         ⎤ + |ρ|·v·vᵀ,   v = e_k + σ·e_{k+1}
 *       ⎣      0        T2 − |ρ|·e_0·e_0ᵀ ⎦
 *
 * Conquer (recursively, steqr on blocks of at most `leafSize`): Tᵢ' = Qᵢ·Dᵢ·Qᵢᵀ. Then
 *
 *   T = Q·(D + ρ'·z·zᵀ)·Qᵀ,   Q = diag(Q1, Q2),   z = Qᵀ·v / ‖Qᵀv‖,   ρ' = |ρ|·‖Qᵀv‖²
 *
 * (z = [last row of Q1, σ·first row of Q2]). Merge, for D + ρ'·z·zᵀ (`merge`):
 *   1. deflation (dlaed2): a tiny ρ'·|z_j| leaves (d_j, e_j) an eigenpair; two close d_i, d_j
 *      are rotated so that one z component vanishes. Both only drop entries ≤ tol = 8·eps·‖·‖,
 *      so the result stays backward stable;
 *   2. the k remaining eigenvalues are the roots of the secular equation (dlaed4)
 *        f(λ) = 1 + ρ'·Σ_j z_j² / (d_j − λ) = 0,   one in each (d_j, d_{j+1}) and one above d_k,
 *      each found relative to its nearer pole (τ = λ − d_origin, so d_j − λ = (d_j − d_origin) − τ
 *      is accurate) by a safeguarded rational (two-pole) iteration inside a bisection bracket;
 *   3. Gu–Eisenstat: ẑ with ẑ_j² = Π_i (λ_i − d_j) / (ρ'·Π_{i≠j} (d_i − d_j)) is the z for which
 *      the computed λ are exact, so the vectors u_i = (D − λ_i)⁻¹·ẑ are orthogonal to working
 *      accuracy without extra precision (dlaed3);
 *   4. Z = Q·U by gemm: only the top rows of columns from Q1 and the bottom rows of columns
 *      from Q2 are nonzero, so it is two gemms of about half the size.
 * The flops are ~(4/3)·n³ in gemm at most, far fewer when deflation is frequent, against the
 * ~3·n³ of rotations that steqr spends on the vectors.
 *
 * On exit from `stedc`: d holds the eigenvalues ascending; Z (n×n, ld ldz) the eigenvectors of T
 * by columns (Z is overwritten, not multiplied: for A = Q·T·Qᵀ the caller forms Q·Z). e is
 * destroyed.
 * Invariant: ‖T·Z − Z·Λ‖ ≤ c·n·eps·‖T‖ and ‖ZᵀZ − I‖ ≤ c·n·eps, as for steqr.
 *
 * Reference: Cuppen, "A divide and conquer method for the symmetric tridiagonal eigenproblem",
 * Numer. Math. 36 (1981); Gu & Eisenstat, SIAM J. Matrix Anal. Appl. 16(1) (1995); Golub & Van
 * Loan, "Matrix Computations", 4th ed., §8.4.4; LAPACK dstedc, dlaed0, dlaed1, dlaed2, dlaed3,
 * dlaed4 (Ren-Cang Li's "middle way").
 */
import { withWork } from "../util/batch.js";
import { colMajor, gemm, sub } from "@sliderule/ndarray/kernels";
import { steqr } from "./symmetric-qr.js";
import { UNIT_ROUNDOFF } from "../machine.js";
import { DIVIDE_AND_CONQUER } from "../tuning.js";

/** The tuning knob of {@link stedc}. */
export interface DivideAndConquerOptions {
  /** Blocks of at most this order are solved by steqr (default DIVIDE_AND_CONQUER.leafSize in tuning.ts: 25, LAPACK's SMLSIZ). */
  leafSize?: number;
}

/**
 * Eigenvalues (ascending, in d) and eigenvectors (the columns of Z, n×n, ld ldz) of the
 * symmetric tridiagonal T = tridiag(e, d, e) (LAPACK dstedc, compz = I). d: n, e: n−1 entries,
 * both overwritten; Z's entry values are ignored. See the file header.
 * @throws LinAlgError kind "noConvergence" if steqr fails on a leaf.
 */
export function stedc(
  n: number,
  d: Float64Array,
  e: Float64Array,
  Z: Float64Array,
  zOff: number,
  ldz: number,
  fn = "eigh",
  options: DivideAndConquerOptions = {},
): void {
  const leaf = Math.max(2, options.leafSize ?? DIVIDE_AND_CONQUER.leafSize);
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) Z[zOff + i + j * ldz] = 0;
  if (n === 0) return;
  // scale T to norm 1, so that the products of step 3 neither overflow nor underflow
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(d[i]));
  for (let i = 0; i < n - 1; i++) scale = Math.max(scale, Math.abs(e[i]));
  if (scale === 0) {
    for (let i = 0; i < n; i++) Z[zOff + i + i * ldz] = 1;
    return;
  }
  for (let i = 0; i < n; i++) d[i] /= scale;
  for (let i = 0; i < n - 1; i++) e[i] /= scale;
  solve(0, n, d, e, Z, zOff, ldz, leaf, fn);
  for (let i = 0; i < n; i++) d[i] *= scale;
}

/** The eigenpairs of T[lo:hi, lo:hi] into d[lo:hi] (ascending) and the diagonal block Z[lo:hi, lo:hi]. */
function solve(lo: number, hi: number, d: Float64Array, e: Float64Array, Z: Float64Array, zOff: number, ldz: number, leaf: number, fn: string): void {
  const s = hi - lo;
  const blk = zOff + lo + lo * ldz; // Z[lo, lo]
  if (s <= leaf) {
    // a leaf: steqr (the reference) on the block, starting from the identity
    for (let i = 0; i < s; i++) Z[blk + i + i * ldz] = 1;
    steqr(s, d.subarray(lo, hi), e.subarray(lo, hi - 1), colMajor(Z, s, s, blk, ldz), fn);
    return;
  }
  // divide: T = diag(T1 − |ρ|·e_k·e_kᵀ, T2 − |ρ|·e_0·e_0ᵀ) + |ρ|·v·vᵀ
  const n1 = s >> 1;
  const k = lo + n1 - 1;
  const rho = e[k];
  const absRho = Math.abs(rho);
  d[k] -= absRho;
  d[k + 1] -= absRho;
  solve(lo, k + 1, d, e, Z, zOff, ldz, leaf, fn);
  solve(k + 1, hi, d, e, Z, zOff, ldz, leaf, fn);
  merge(s, n1, rho, d, lo, Z, blk, ldz);
}

/**
 * Merge two solved halves (LAPACK dlaed1–dlaed3): the block Z[0:s, 0:s] at zb holds diag(Q1, Q2)
 * (Q1 n1×n1), d[lo:lo+s] their eigenvalues; on exit they hold the eigenpairs of
 * diag(Q1·D1·Q1ᵀ, Q2·D2·Q2ᵀ) + |ρ|·v·vᵀ, v = e_{n1−1} + sign(ρ)·e_{n1}, eigenvalues ascending.
 */
function merge(s: number, n1: number, rho: number, d: Float64Array, lo: number, Z: Float64Array, zb: number, ldz: number): void {
  const sigma = rho >= 0 ? 1 : -1;
  // z = Qᵀ·v: the last row of Q1 and σ·(the first row of Q2), normalised
  const z = new Float64Array(s);
  for (let j = 0; j < n1; j++) z[j] = Z[zb + n1 - 1 + j * ldz];
  for (let j = n1; j < s; j++) z[j] = sigma * Z[zb + n1 + j * ldz];
  let zz = 0;
  for (let j = 0; j < s; j++) zz += z[j] * z[j];
  const zn = Math.sqrt(zz);
  for (let j = 0; j < s; j++) z[j] /= zn;
  const r = Math.abs(rho) * zz; // ρ'

  // Q, a copy of the block, and the arrays of steps 3–4 come from withWork: resident when the
  // backend has it, so that the gemm reads and writes them in place, and nothing large is
  // left for the collector
  withWork("float64", [s * s], ([Qw]) => mergeInto(s, n1, z, r, d, lo, Z, zb, ldz, Qw as Float64Array));
}

/** The rest of {@link merge}: deflation, roots, vectors and Z := Q·U, with Q (s×s) as work. */
function mergeInto(
  s: number,
  n1: number,
  z: Float64Array,
  r: number,
  d: Float64Array,
  lo: number,
  Z: Float64Array,
  zb: number,
  ldz: number,
  Q: Float64Array,
): void {
  // Q := the block, whose columns deflation rotates; each column's nonzero rows are the top n1
  // (from Q1), the bottom (from Q2), or both after a rotation mixed the two
  for (let j = 0; j < s; j++) Q.set(Z.subarray(zb + j * ldz, zb + s + j * ldz), j * s);
  const top = new Uint8Array(s);
  const bottom = new Uint8Array(s);
  for (let j = 0; j < s; j++) (j < n1 ? top : bottom)[j] = 1;
  const D = d.slice(lo, lo + s);

  // 1. deflation, in ascending order of D (dlaed2)
  const order = Array.from({ length: s }, (_, j) => j).sort((a, b) => D[a] - D[b]);
  let dmax = 0;
  let zmax = 0;
  for (let j = 0; j < s; j++) {
    dmax = Math.max(dmax, Math.abs(D[j]));
    zmax = Math.max(zmax, Math.abs(z[j]));
  }
  const tol = 8 * UNIT_ROUNDOFF * Math.max(dmax, zmax);
  const kept: number[] = []; // columns left to the secular equation, D ascending
  const deflated: number[] = []; // columns that are eigenvectors already
  let prev = -1; // the last kept column so far
  for (const j of order) {
    if (r * Math.abs(z[j]) <= tol) {
      // z_j negligible: (D_j, Q[:, j]) is an eigenpair
      deflated.push(j);
      continue;
    }
    if (prev >= 0) {
      // rotate columns prev and j so that z_prev vanishes: q_p' = c·q_p − s·q_j, q_j' = s·q_p + c·q_j
      const t = Math.hypot(z[prev], z[j]);
      const c = z[j] / t;
      const sn = z[prev] / t;
      if (Math.abs((D[j] - D[prev]) * c * sn) <= tol) {
        // D_prev ≈ D_j: the off-diagonal (D_j − D_prev)·c·s the rotation leaves is negligible
        for (let i = 0; i < s; i++) {
          const qp = Q[i + prev * s];
          const qj = Q[i + j * s];
          Q[i + prev * s] = c * qp - sn * qj;
          Q[i + j * s] = sn * qp + c * qj;
        }
        top[prev] = top[j] = top[prev] | top[j];
        bottom[prev] = bottom[j] = bottom[prev] | bottom[j];
        const dp = D[prev];
        D[prev] = c * c * dp + sn * sn * D[j];
        D[j] = sn * sn * dp + c * c * D[j];
        z[j] = t;
        z[prev] = 0;
        deflated.push(prev);
        prev = j;
        continue;
      }
      kept.push(prev);
    }
    prev = j;
  }
  if (prev >= 0) kept.push(prev);

  // 2. the secular equation for the k kept columns
  const k = kept.length;
  const dk = new Float64Array(k);
  const zk = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    dk[i] = D[kept[i]];
    zk[i] = z[kept[i]];
  }
  // λ_i = pole_i + τ_i, pole_i = dk[origin_i] the nearer pole
  const pole = new Float64Array(k);
  const tau = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const root = secularRoot(i, dk, zk, r);
    pole[i] = dk[root.origin];
    tau[i] = root.tau;
  }
  // 3. Gu–Eisenstat's ẑ, then the vectors u_i = (D − λ_i)⁻¹·ẑ, normalised
  const zh = new Float64Array(k);
  gueisenstat(k, dk, zk, r, pole, tau, zh);

  const half = Math.max(n1, s - n1);
  withWork("float64", [k * k, s * k, half * k, k * k], ([Uw, Yw, Qcw, Ucw]) => {
    const [U, Y, Qc, Uc] = [Uw, Yw, Qcw, Ucw] as Float64Array[];
    secularVectors(k, dk, pole, tau, zh, U);

    // 4. Z_kept = Q[:, kept]·U: top rows from the columns with a top part, bottom rows likewise
    for (const [rows, r0, has] of [
      [n1, 0, top],
      [s - n1, n1, bottom],
    ] as const) {
      const cols: number[] = [];
      for (let j = 0; j < k; j++) if (has[kept[j]]) cols.push(j);
      const m = cols.length;
      if (m === 0 || rows === 0) continue;
      cols.forEach((j, c) => {
        Qc.set(Q.subarray(r0 + kept[j] * s, r0 + rows + kept[j] * s), c * rows);
        for (let i = 0; i < k; i++) Uc[c + i * m] = U[j + i * k];
      });
      gemm(1, colMajor(Qc, rows, m), colMajor(Uc, m, k), 0, sub(colMajor(Y, s, k), r0, 0, rows, k));
    }

    // the eigenpairs, ascending, back into d and the block of Z
    const lambda: { value: number; src: Float64Array; off: number }[] = [];
    for (let i = 0; i < k; i++) lambda.push({ value: pole[i] + tau[i], src: Y, off: i * s });
    for (const j of deflated) lambda.push({ value: D[j], src: Q, off: j * s });
    lambda.sort((a, b) => a.value - b.value);
    lambda.forEach(({ value, src, off }, c) => {
      d[lo + c] = value;
      Z.set(src.subarray(off, off + s), zb + c * ldz);
    });
  });
}

/**
 * Step 3 of the merge (dlaed3): ẑ, the z for which the computed roots λ_i = pole_i + τ_i are
 * exact (Gu–Eisenstat), with the sign of z:
 *   ẑ_j² = (λ_{k−1} − d_j)/ρ' · Π_{i<j} (λ_i − d_j)/(d_i − d_j) · Π_{j≤i<k−1} (λ_i − d_j)/(d_{i+1} − d_j)
 * each factor formed as −(d_j − λ_i) with d_j − λ_i = (d_j − pole_i) − τ_i, accurately.
 */
function gueisenstat(k: number, dk: Float64Array, zk: Float64Array, r: number, pole: Float64Array, tau: Float64Array, zh: Float64Array): void {
  for (let j = 0; j < k; j++) {
    const dj = dk[j];
    let p = -(dj - pole[k - 1] - tau[k - 1]) / r;
    for (let i = 0; i < j; i++) p *= -(dj - pole[i] - tau[i]) / (dk[i] - dj);
    for (let i = j; i < k - 1; i++) p *= -(dj - pole[i] - tau[i]) / (dk[i + 1] - dj);
    zh[j] = Math.sqrt(Math.max(p, 0)) * (zk[j] >= 0 ? 1 : -1);
  }
}

/** The eigenvectors of D + ρ'·ẑ·ẑᵀ: u_i = (D − λ_i)⁻¹·ẑ / ‖·‖, into U[j + i·k] = u_i[j]. */
function secularVectors(k: number, dk: Float64Array, pole: Float64Array, tau: Float64Array, zh: Float64Array, U: Float64Array): void {
  for (let i = 0; i < k; i++) {
    const pi = pole[i];
    const ti = tau[i];
    const col = i * k;
    let nrm = 0;
    for (let j = 0; j < k; j++) {
      const u = zh[j] / (dk[j] - pi - ti);
      U[col + j] = u;
      nrm += u * u;
    }
    nrm = Math.sqrt(nrm);
    for (let j = 0; j < k; j++) U[col + j] /= nrm;
  }
}

/**
 * The i-th root of f(λ) = 1 + r·Σ_j z_j²/(d_j − λ) (d ascending and distinct, z_j ≠ 0, r > 0;
 * LAPACK dlaed4): λ = d[origin] + tau, with origin the pole nearer the root.
 *
 * Each step models the sum over the poles left of the root and the one right of it as
 * a + b/(δ_i − τ) and c + e/(δ_{i+1} − τ) (the value and slope of each part at the current τ:
 * exact for a single pole) and takes the model's root in the current bracket; a step that
 * leaves the bracket bisects instead, so the iteration always converges.
 */
export function secularRoot(i: number, d: Float64Array, z: Float64Array, r: number): { origin: number; tau: number } {
  const k = d.length;
  let origin: number;
  let lo: number;
  let hi: number; // the bracket for τ
  if (i === k - 1) {
    let zz = 0;
    for (let j = 0; j < k; j++) zz += z[j] * z[j];
    origin = i;
    lo = 0;
    hi = r * zz;
  } else {
    // which half of (d_i, d_{i+1}) holds the root: f at the midpoint
    const gap = d[i + 1] - d[i];
    const mid = gap / 2;
    let f = 1;
    for (let j = 0; j < k; j++) f += (r * z[j] * z[j]) / (d[j] - d[i] - mid);
    if (f >= 0) {
      origin = i;
      lo = 0;
      hi = mid;
    } else {
      origin = i + 1;
      lo = -mid;
      hi = 0;
    }
  }
  const d0 = d[origin];
  // δ_j = d_j − d_origin; the poles either side of the root are j = i and j = i + 1
  let tau = (lo + hi) / 2;
  for (let iter = 0; iter < 200; iter++) {
    // f and the left/right parts' values and slopes at τ
    let psi = 0;
    let dpsi = 0;
    let phi = 0;
    let dphi = 0;
    for (let j = 0; j <= i; j++) {
      const t = z[j] / (d[j] - d0 - tau);
      psi += z[j] * t;
      dpsi += t * t;
    }
    for (let j = i + 1; j < k; j++) {
      const t = z[j] / (d[j] - d0 - tau);
      phi += z[j] * t;
      dphi += t * t;
    }
    const f = 1 + r * (psi + phi);
    // converged: |f| within the rounding error of its terms
    if (Math.abs(f) <= 8 * k * UNIT_ROUNDOFF * (1 + r * (Math.abs(psi) + Math.abs(phi)))) break;
    if (f > 0) hi = tau;
    else lo = tau;
    if (hi - lo <= 2 * UNIT_ROUNDOFF * Math.max(Math.abs(lo), Math.abs(hi))) break;
    // the two-pole model  A + r·b/(δ_i − x) + r·e/(δ_{i+1} − x) = 0
    const di = d[i] - d0;
    const ai = di - tau;
    const b = dpsi * ai * ai;
    let next: number;
    if (i === k - 1) {
      // no pole on the right: A + r·b/(δ_i − x) = 0
      const A = 1 + r * (psi - dpsi * ai);
      next = di + (r * b) / A;
    } else {
      const dj = d[i + 1] - d0;
      const aj = dj - tau;
      const ee = dphi * aj * aj;
      const A = 1 + r * (psi - dpsi * ai + phi - dphi * aj);
      // A·x² − B·x + C = 0 in x − δ_i (so that the small root near the origin is accurate)
      const g = dj - di;
      const B = A * g + r * (b + ee);
      const C = r * b * g;
      const disc = Math.sqrt(Math.max(B * B - 4 * A * C, 0));
      const q = B >= 0 ? (B + disc) / 2 : (B - disc) / 2;
      const x1 = q / A;
      const x2 = C / q;
      const in1 = di + x1 > lo && di + x1 < hi;
      next = di + (in1 ? x1 : x2);
    }
    tau = next > lo && next < hi && Number.isFinite(next) ? next : (lo + hi) / 2;
  }
  return { origin, tau };
}
