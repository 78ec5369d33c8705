/**
 * Thick-restart Lanczos with full reorthogonalisation: k wanted eigenpairs of a symmetric
 * operator OP known only through y = OP·x (the engine behind eigsh and svds).
 *
 * One cycle extends an orthonormal basis V = [v_0 … v_{m−1}] (m = ncv) and the projected
 * matrix T = Vᵀ·OP·V so that
 *
 *   OP·V_m = V_m·T_m + β_m·v_m·e_mᵀ,        T_m = ⎡ Θ_l   s        ⎤   (l kept Ritz values Θ_l,
 *                                                 ⎢ sᵀ   α_l  β    ⎥    s their couplings to v_l,
 *                                                 ⎣      β   ⋱  ⋱ ⎦    then tridiagonal)
 *
 * step j (l ≤ j < m):  w = OP·v_j;  w −= V_{0:j}·(V_{0:j}ᵀ·w) twice (classical Gram–Schmidt,
 *   "twice is enough"), which removes α_j·v_j, β_j·v_{j−1} (or Σ s_i·v_i at j = l) and any lost
 *   orthogonality at once; α_j = the v_j-coefficients summed; β_{j+1} = ‖w‖; v_{j+1} = w/β_{j+1}.
 * Then T_m = Y·diag(θ)·Yᵀ (linalg's eigh on the small m×m matrix) gives Ritz pairs
 * (θ_i, x_i = V_m·y_i) with residuals ‖OP·x_i − θ_i·x_i‖ = |β_m·Y[m−1, i]|. A Ritz pair is
 * converged (ARPACK's test) when |β_m·Y[m−1, i]| ≤ tol·max(eps^{2/3}, |θ_i|).
 * Restart (Wu & Simon): keep the l = k + ⌊(m − k)/2⌋ most wanted Ritz vectors, v_i ← V_m·y_i,
 * with v_l ← v_m and T ← the arrowhead [diag(θ_kept), s = β_m·Y[m−1, kept]]; continue at j = l.
 * An invariant subspace (β_{j+1} ≈ 0) continues from a random vector orthogonal to V (coupling 0).
 *
 * Outputs: the k most wanted Ritz values θ (in "wanted" order), their vectors X (column i at
 * X[i·n …]), how many are converged and the cycles used.
 * Invariant: VᵀV = I to O(eps) (full reorthogonalisation), so X is orthonormal to O(m·eps).
 * Work: (m + 1)·n floats for V, n·l for the restart, m² for T; per step one OP·v and 4·n·j flops
 * of reorthogonalisation.
 * Reference: K. Wu, H. Simon, "Thick-restart Lanczos method for large symmetric eigenvalue
 * problems", SIAM J. Matrix Anal. Appl. 22(2), 2000; Golub & Van Loan, 4th ed., §10.1–10.3;
 * Parlett, "The Symmetric Eigenvalue Problem", §13; ARPACK dsaupd's convergence test.
 */
import * as np from "@sliderule/ndarray";
import { eigh } from "../dense/eigh.js";

/** DGKS's threshold: reorthogonalise again when a pass leaves less than 1/√2 of w's norm. */
const REORTHOGONALISE = Math.SQRT1_2;

/** Which Ritz values are wanted (SciPy/ARPACK's `which`), applied to OP's eigenvalues. */
export type Which = "LM" | "SM" | "LA" | "SA" | "BE";

export interface LanczosProblem {
  n: number;
  /** y := OP·x, OP symmetric. */
  apply(x: Float64Array, y: Float64Array): void;
  k: number;
  /** Basis size m, k < m ≤ n. */
  ncv: number;
  which: Which;
  /** Relative accuracy of the Ritz values (0 → machine epsilon). */
  tol: number;
  /** Restart cycles allowed. */
  maxiter: number;
  /** Starting vector (n,), nonzero; copied. */
  v0: Float64Array;
  /** Seed for the random vectors that replace an invariant subspace. */
  seed: number;
}

export interface LanczosResult {
  /** The k most wanted Ritz values, most wanted first. */
  theta: Float64Array;
  /** Their Ritz vectors, column i at [i·n, (i + 1)·n). */
  X: Float64Array;
  /** Which of them passed the convergence test. */
  converged: boolean[];
  /** Restart cycles run. */
  cycles: number;
  /** OP·x products made. */
  matvecs: number;
}

/**
 * Indices of the Ritz values θ (ascending) from the most wanted to the least: LA from the
 * top, SA from the bottom, LM/SM by decreasing/increasing |θ|, BE alternately from the top
 * and the bottom, starting at the top (ARPACK: the odd one out comes from the high end).
 */
export function wantedOrder(theta: Float64Array, which: Which): number[] {
  const m = theta.length;
  const idx = Array.from({ length: m }, (_, i) => i);
  switch (which) {
    case "LA":
      return idx.reverse();
    case "SA":
      return idx;
    case "LM":
      return idx.sort((a, b) => Math.abs(theta[b]) - Math.abs(theta[a]) || b - a);
    case "SM":
      return idx.sort((a, b) => Math.abs(theta[a]) - Math.abs(theta[b]) || a - b);
    case "BE": {
      const out: number[] = [];
      for (let lo = 0, hi = m - 1, top = true; lo <= hi; top = !top) out.push(top ? hi-- : lo++);
      return out;
    }
    default:
      return which satisfies never;
  }
}

/** The small symmetric eigenproblem T = Y·diag(θ)·Yᵀ (m×m, row-major T). */
function ritz(m: number, T: Float64Array): { theta: Float64Array; Y: Float64Array } {
  const { eigenvalues, eigenvectors } = eigh(np.fromTypedArray(T.slice(0, m * m), [m, m]));
  return { theta: eigenvalues.toTypedArray() as Float64Array, Y: eigenvectors.toTypedArray() as Float64Array }; // Y row-major: Y[r·m + i]
}

/**
 * w −= V_{0:j+1}·(V_{0:j+1}ᵀ·w), returning the coefficient on v_j. Four basis vectors per
 * sweep over w (four independent sums: the loop is bound by memory and add latency).
 */
function orthogonalise(n: number, V: Float64Array, j: number, w: Float64Array, c: Float64Array): number {
  let i = 0;
  // c = V_{0:j+1}ᵀ·w
  for (; i + 3 <= j; i += 4) {
    const o0 = i * n, o1 = o0 + n, o2 = o1 + n, o3 = o2 + n;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let t = 0; t < n; t++) {
      const wt = w[t];
      s0 += V[o0 + t] * wt;
      s1 += V[o1 + t] * wt;
      s2 += V[o2 + t] * wt;
      s3 += V[o3 + t] * wt;
    }
    c[i] = s0; c[i + 1] = s1; c[i + 2] = s2; c[i + 3] = s3;
  }
  for (; i <= j; i++) {
    let s = 0;
    for (let t = 0, o = i * n; t < n; t++) s += V[o + t] * w[t];
    c[i] = s;
  }
  // w −= V_{0:j+1}·c
  i = 0;
  for (; i + 3 <= j; i += 4) {
    const o0 = i * n, o1 = o0 + n, o2 = o1 + n, o3 = o2 + n;
    const c0 = c[i], c1 = c[i + 1], c2 = c[i + 2], c3 = c[i + 3];
    for (let t = 0; t < n; t++) w[t] -= c0 * V[o0 + t] + c1 * V[o1 + t] + c2 * V[o2 + t] + c3 * V[o3 + t];
  }
  for (; i <= j; i++) {
    const ci = c[i];
    for (let t = 0, o = i * n; t < n; t++) w[t] -= ci * V[o + t];
  }
  return c[j];
}

/** Thick-restart Lanczos; see the file header. */
export function lanczos(p: LanczosProblem): LanczosResult {
  const { n, k, which, apply } = p;
  const m = p.ncv;
  const eps = Number.EPSILON;
  const tol = p.tol > 0 ? p.tol : eps;
  const eps23 = Math.pow(eps, 2 / 3);
  const V = new Float64Array((m + 1) * n);
  const T = new Float64Array(m * m);
  const c = new Float64Array(m + 1);
  const w = new Float64Array(n);
  const W = new Float64Array((m - 1) * n); // the kept Ritz vectors at a restart
  const rng = np.random.defaultRng(p.seed);
  let matvecs = 0;

  // v_0 = v0 / ‖v0‖
  let nrm = 0;
  for (let t = 0; t < n; t++) nrm += p.v0[t] * p.v0[t];
  nrm = Math.sqrt(nrm);
  for (let t = 0; t < n; t++) V[t] = p.v0[t] / nrm;

  let l = 0; // kept Ritz vectors at the start of the cycle
  let anorm = 0; // running estimate of ‖OP‖
  let betaM = 0;
  let theta: Float64Array = new Float64Array(0);
  let Y: Float64Array = new Float64Array(0);
  let order: number[] = [];
  let cycles = 0;
  const converged = (i: number) => Math.abs(betaM * Y[(m - 1) * m + i]) <= tol * Math.max(eps23, Math.abs(theta[i]));

  for (; cycles < p.maxiter; ) {
    cycles++;
    for (let j = l; j < m; j++) {
      const vj = V.subarray(j * n, (j + 1) * n);
      apply(vj, w);
      matvecs++;
      // α_j and the removal of every earlier direction, twice (CGS2)
      // (DGKS: a second pass only when the first removed most of w, ‖w'‖ < ‖w‖/√2)
      let wnorm = 0;
      for (let t = 0; t < n; t++) wnorm += w[t] * w[t];
      wnorm = Math.sqrt(wnorm);
      let alpha = orthogonalise(n, V, j, w, c);
      let beta = 0;
      for (let t = 0; t < n; t++) beta += w[t] * w[t];
      beta = Math.sqrt(beta);
      if (beta < REORTHOGONALISE * wnorm) {
        alpha += orthogonalise(n, V, j, w, c);
        beta = 0;
        for (let t = 0; t < n; t++) beta += w[t] * w[t];
        beta = Math.sqrt(beta);
      }
      T[j * m + j] = alpha;
      anorm = Math.max(anorm, Math.abs(alpha) + beta + (j > 0 ? Math.abs(T[j * m + j - 1]) : 0));
      if (beta <= 2 * eps * anorm * Math.sqrt(n) && j + 1 < n) {
        // invariant subspace: continue with a random direction orthogonal to V, coupling 0
        if (j + 1 < m) {
          const r = rng.uniform(-1, 1, n) as np.NDArray;
          w.set(r.toTypedArray() as Float64Array);
          orthogonalise(n, V, j, w, c);
          orthogonalise(n, V, j, w, c);
          let rn = 0;
          for (let t = 0; t < n; t++) rn += w[t] * w[t];
          rn = Math.sqrt(rn);
          for (let t = 0, o = (j + 1) * n; t < n; t++) V[o + t] = w[t] / rn;
        }
        beta = 0;
      } else if (beta === 0) {
        // j + 1 = n: the basis spans everything, T is exact
      } else {
        for (let t = 0, o = (j + 1) * n; t < n; t++) V[o + t] = w[t] / beta;
      }
      if (j + 1 < m) {
        T[(j + 1) * m + j] = beta;
        T[j * m + j + 1] = beta;
      } else betaM = beta;
    }
    ({ theta, Y } = ritz(m, T));
    order = wantedOrder(theta, which);
    let nconv = 0;
    for (let i = 0; i < k; i++) if (converged(order[i])) nconv++;
    if (nconv === k || cycles >= p.maxiter) break;

    // thick restart: keep the l most wanted Ritz vectors, v_l ← v_m, T ← arrowhead
    l = Math.min(m - 1, k + Math.floor((m - k) / 2));
    const kept = order.slice(0, l);
    W.fill(0, 0, l * n);
    for (let i = 0; i < l; i++) {
      const col = kept[i];
      const o = i * n;
      for (let r = 0; r < m; r++) {
        const y = Y[r * m + col];
        if (y === 0) continue;
        for (let t = 0, vo = r * n; t < n; t++) W[o + t] += y * V[vo + t];
      }
    }
    V.copyWithin(l * n, m * n, (m + 1) * n); // v_l ← v_m
    V.set(W.subarray(0, l * n), 0);
    T.fill(0);
    for (let i = 0; i < l; i++) {
      T[i * m + i] = theta[kept[i]];
      const s = betaM * Y[(m - 1) * m + kept[i]]; // coupling of x_i to v_l
      T[i * m + l] = s;
      T[l * m + i] = s;
    }
  }
  // the k most wanted Ritz pairs: x_i = V_m·y_i
  const thetaK = new Float64Array(k);
  const X = new Float64Array(k * n);
  const conv: boolean[] = [];
  for (let i = 0; i < k; i++) {
    const col = order[i];
    thetaK[i] = theta[col];
    conv.push(converged(col));
    for (let r = 0; r < m; r++) {
      const y = Y[r * m + col];
      for (let t = 0, o = i * n, vo = r * n; t < n; t++) X[o + t] += y * V[vo + t];
    }
  }
  return { theta: thetaK, X, converged: conv, cycles, matvecs };
}
