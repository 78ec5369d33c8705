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
 * step j (l ≤ j < m):  w = OP·v_j;
 *   w −= β_j·v_{j−1} (j > l);  α_j = v_jᵀ·w;  w −= α_j·v_j          (the three-term recurrence)
 *   w −= V_{0:j}·(V_{0:j}ᵀ·w), α_j += the v_j-coefficient            (full reorthogonalisation:
 *     one classical Gram–Schmidt pass, repeated when it removed most of w, ‖w'‖ < ‖w‖/√2: DGKS,
 *     as ARPACK's dsaitr; it removes the lost orthogonality and, at j = l, the couplings Σ s_i·v_i)
 *   β_{j+1} = ‖w‖;  v_{j+1} = w/β_{j+1}.
 *   The recurrence first leaves the pass only rounding-sized components to remove, so a second
 *   pass is rare (none in 1,859 steps on the 1e4 2-D Laplacian, k = 5), where Gram–Schmidt alone
 *   on OP·v_j needs two at nearly every step ("twice is enough").
 * Then T_m = Y·diag(θ)·Yᵀ (linalg's eigh on the small m×m matrix) gives Ritz pairs
 * (θ_i, x_i = V_m·y_i) with residuals ‖OP·x_i − θ_i·x_i‖ = |β_m·Y[m−1, i]|. A Ritz pair is
 * converged (ARPACK's test) when |β_m·Y[m−1, i]| ≤ tol·max(eps^{2/3}, |θ_i|).
 * Restart (Wu & Simon): keep the l most wanted Ritz vectors, v_i ← V_m·y_i, with v_l ← v_m and
 * T ← the arrowhead [diag(θ_kept), s = β_m·Y[m−1, kept]]; continue at j = l. l follows ARPACK's
 * dsaup2 (its nev + min(nconv, np/2), np = m − nev): l = k + min(nconv, ⌊(m − k)/2⌋), nconv the
 * wanted pairs converged so far (l = ⌊m/2⌋ when that gives 1 and m ≥ 6, 2 when 2 < m < 6): few
 * vectors kept while nothing has converged, so each cycle adds up to m − k new directions.
 * (Wu & Simon's l = k + ⌊(m − k)/2⌋ from the start took 2,500 products on the 1e4 2-D Laplacian
 * at k = 5, m = 20, against ARPACK's and this rule's 1,800–1,950; bench/sparse.bench.ts.)
 * An invariant subspace (β_{j+1} ≈ 0) continues from a random vector orthogonal to V (coupling 0).
 *
 * Outputs: the k most wanted Ritz values θ (in "wanted" order), their vectors X (column i at
 * X[i·n …]), how many are converged and the cycles used.
 * Invariant: VᵀV = I to O(eps) (full reorthogonalisation), so X is orthonormal to O(m·eps).
 * Work: (m + 1)·n floats for V, n·(m − 1) for the restart, m² for T; per step one OP·v, 8·n flops
 * of recurrence and norms, 4·n·(j + 1) per Gram–Schmidt pass (two gemv calls: SIMD when V lies in
 * WebAssembly memory, as it does when the backend is WebAssembly: `residentWork`); 2·n·m·l per
 * restart (one gemm). Measured on the 2-D Laplacian, n = 1e4, k = 5 (bench/sparse.bench.ts, SciPy
 * 0.5 s): per-vector dot loops in TypeScript and Wu & Simon's restart, 3.4 s and 2,524 products;
 * gemv, gemm and ARPACK's restart, 1.3 s and 1,934; the recurrence before one pass, 0.75 s
 * and 1,859.
 * Reference: K. Wu, H. Simon, "Thick-restart Lanczos method for large symmetric eigenvalue
 * problems", SIAM J. Matrix Anal. Appl. 22(2), 2000; Golub & Van Loan, 4th ed., §10.1–10.3;
 * Parlett, "The Symmetric Eigenvalue Problem", §13; ARPACK dsaupd's convergence test.
 */
import * as np from "@sliderule/ndarray";
import { colMajor, gemm, gemv, residentWork, T as transpose, vector } from "@sliderule/ndarray/kernels";
import { eigh } from "../dense/eigh.js";

/** Columns below which gemm takes its TypeScript path (backend.ts WASM_MIN_SIDE). */
const GEMM_MIN_COLUMNS = 6;

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
 * One classical Gram–Schmidt pass against the basis so far, as two matrix–vector products on
 * the column-major V (n × (j+1), column i = v_i at V[i·n …]):
 *   c = V_{0:j+1}ᵀ·w,   w −= V_{0:j+1}·c
 * returning the coefficient on v_j (ARPACK's dsaitr makes the same two dgemv calls).
 */
function orthogonalise(n: number, V: Float64Array, j: number, w: Float64Array, c: Float64Array): number {
  const Vj = colMajor(V, n, j + 1); // V_{0:j+1}: n × (j+1), column i is v_i
  const [wv, cv] = [vector(w, n), vector(c, j + 1)];
  // c = V_{0:j+1}ᵀ·w  (row i of Vᵀ is the contiguous v_i)
  gemv(1, transpose(Vj), wv, 0, cv);
  // w := w − V_{0:j+1}·c
  gemv(-1, Vj, cv, 1, wv);
  return c[j];
}

/**
 * Ritz vectors: out (n × cols, column-major, ld n) := V_m·Y[:, idx], the columns of Y (m × m,
 * row-major) listed in idx; Yk is an m × cols scratch. One gemm (n × m × cols).
 */
function ritzVectors(n: number, m: number, V: Float64Array, Y: Float64Array, idx: readonly number[], Yk: Float64Array, out: Float64Array): void {
  const cols = idx.length;
  for (let i = 0; i < cols; i++) for (let r = 0; r < m; r++) Yk[i * m + r] = Y[r * m + idx[i]]; // Yk = Y[:, idx], column-major
  // out = V·Yk: the basis V (n×m) times the chosen eigenvectors of the projection (m×cols)
  gemm(1, colMajor(V, n, m), colMajor(Yk, m, cols), 0, colMajor(out, n, cols));
}

// The vector loops of a step are small functions of their own: V8 compiles a small hot function
// well, while loops inside the long-running lanczos body run in on-stack-replaced code.

/** ‖x‖₂ of x[0 .. n−1] (a plain sum of squares, in order). */
function norm2(n: number, x: Float64Array): number {
  let s = 0;
  for (let t = 0; t < n; t++) s += x[t] * x[t];
  return Math.sqrt(s);
}

/** w += a·u, then returns vᵀ·w (one pass), u = V[oU ..], v = V[oV ..] (n each); a = 0 leaves w. */
function axpyDot(n: number, a: number, V: Float64Array, oU: number, oV: number, w: Float64Array): number {
  let s = 0;
  if (a === 0) for (let t = 0; t < n; t++) s += V[oV + t] * w[t];
  else {
    for (let t = 0; t < n; t++) {
      const wt = w[t] + a * V[oU + t];
      w[t] = wt;
      s += V[oV + t] * wt;
    }
  }
  return s;
}

/** w += a·v, then returns ‖w‖₂ (one pass), v = V[o .. o+n−1]. */
function axpyNorm(n: number, a: number, V: Float64Array, o: number, w: Float64Array): number {
  let s = 0;
  for (let t = 0; t < n; t++) {
    const wt = w[t] + a * V[o + t];
    w[t] = wt;
    s += wt * wt;
  }
  return Math.sqrt(s);
}

/** out[o .. o+n−1] := x / s. */
function divideInto(n: number, x: Float64Array, s: number, out: Float64Array, o: number): void {
  for (let t = 0; t < n; t++) out[o + t] = x[t] / s;
}

/**
 * Ritz vectors kept at a restart, ARPACK dsaup2's rule (its nev after "adjust the number of Ritz
 * values"): the k wanted plus min(nconv, ⌊(m − k)/2⌋), never fewer than 2 (m/2 from m ≥ 6), at most m − 1.
 */
export function keptCount(k: number, m: number, nconv: number): number {
  let l = k + Math.min(nconv, Math.floor((m - k) / 2));
  if (l === 1 && m >= 6) l = Math.floor(m / 2);
  else if (l === 1 && m > 2) l = 2;
  return Math.min(m - 1, l);
}

/** Thick-restart Lanczos; see the file header. */
export function lanczos(p: LanczosProblem): LanczosResult {
  // V, W and Yk in WebAssembly memory when the backend is WebAssembly (the gemv and gemm calls
  // then run in place, SIMD), else ordinary arrays; given back however the iteration ends.
  const sizes = [(p.ncv + 1) * p.n, (p.ncv - 1) * p.n, p.ncv * p.ncv];
  const resident = residentWork(sizes);
  try {
    const [V, W, Yk] = resident?.arrays ?? sizes.map((size) => new Float64Array(size));
    return thickRestartLanczos(p, V, W, Yk);
  } finally {
    resident?.release();
  }
}

/**
 * The iteration on the basis V ((m + 1)·n), the restart's scratch W ((m − 1)·n, the kept Ritz
 * vectors) and Yk (m·m, the kept columns of Y). Their contents on entry are never read (resident
 * arrays hold whatever the workspace held): every column is written before it is used.
 */
function thickRestartLanczos(p: LanczosProblem, V: Float64Array, W: Float64Array, Yk: Float64Array): LanczosResult {
  const { n, k, which, apply } = p;
  const m = p.ncv;
  const eps = Number.EPSILON;
  const tol = p.tol > 0 ? p.tol : eps;
  const eps23 = Math.pow(eps, 2 / 3);
  const T = new Float64Array(m * m);
  const c = new Float64Array(m + 1);
  const w = new Float64Array(n);
  const rng = np.random.defaultRng(p.seed);
  let matvecs = 0;

  // v_0 = v0 / ‖v0‖
  divideInto(n, p.v0, norm2(n, p.v0), V, 0);

  let l = 0; // kept Ritz vectors at the start of the cycle
  let anorm = 0; // running estimate of ‖OP‖
  let betaM = 0;
  let theta: Float64Array = new Float64Array(0);
  let Y: Float64Array = new Float64Array(0);
  let order: number[] = [];
  let cycles = 0;
  const converged = (i: number) => Math.abs(betaM * Y[(m - 1) * m + i]) <= tol * Math.max(eps23, Math.abs(theta[i]));

  for (; cycles < p.maxiter;) {
    cycles++;
    for (let j = l; j < m; j++) {
      const vj = V.subarray(j * n, (j + 1) * n);
      apply(vj, w);
      matvecs++;
      // the three-term recurrence: w −= β_j·v_{j−1} (j > l; at j = l the couplings s to the
      // kept Ritz vectors are left to the Gram–Schmidt pass), α_j = v_jᵀ·w, w −= α_j·v_j
      let alpha = axpyDot(n, j > l ? -T[j * m + j - 1] : 0, V, (j - 1) * n, j * n, w);
      const wnorm = axpyNorm(n, -alpha, V, j * n, w); // ‖w‖ after w −= α_j·v_j
      // full reorthogonalisation: remove every earlier direction (classical Gram–Schmidt), and
      // again when that removed most of w (DGKS: ‖w'‖ < ‖w‖/√2, as at j = l)
      alpha += orthogonalise(n, V, j, w, c);
      let beta = norm2(n, w);
      if (beta < REORTHOGONALISE * wnorm) {
        alpha += orthogonalise(n, V, j, w, c);
        beta = norm2(n, w);
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
          divideInto(n, w, norm2(n, w), V, (j + 1) * n);
        }
        beta = 0;
      } else if (beta === 0) {
        // j + 1 = n: the basis spans everything, T is exact
      } else {
        divideInto(n, w, beta, V, (j + 1) * n); // v_{j+1} = w / β_{j+1}
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

    // thick restart: keep the l most wanted Ritz vectors (ARPACK's count), v_l ← v_m, T ← arrowhead
    l = keptCount(k, m, nconv);
    const kept = order.slice(0, l);
    // W = V_m·Y[:, kept], and a few more columns up to GEMM_MIN_COLUMNS (discarded): gemm runs a
    // product thinner than that in TypeScript, several times slower than the SIMD kernel
    ritzVectors(n, m, V, Y, order.slice(0, Math.min(m - 1, Math.max(l, GEMM_MIN_COLUMNS))), Yk, W);
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
    thetaK[i] = theta[order[i]];
    conv.push(converged(order[i]));
  }
  ritzVectors(n, m, V, Y, order.slice(0, k), Yk, X);
  return { theta: thetaK, X, converged: conv, cycles, matvecs };
}
