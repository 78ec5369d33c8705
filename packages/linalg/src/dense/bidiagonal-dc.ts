/**
 * SVD of a real upper bidiagonal matrix by divide and conquer (Gu & Eisenstat; LAPACK dbdsdc,
 * compq = I, with dlasd0–dlasd3). The fast twin of bidiagonal-svd.ts `bdsqr`, which is its
 * reference: same arguments, same outputs, same tests.
 *
 *   B = U_B·Σ·V_Bᵀ,   B = diag(d) + superdiag(e)  (n×n),   Σ = diag(σ_0 ≥ σ_1 ≥ … ≥ 0)
 *
 * Divide (dlasd0): a bidiagonal block of n rows and m = n + sqre columns (sqre ∈ {0, 1}: a
 * square block, or one with an extra column holding its last e) is cut at its middle row k:
 *
 *       ⎡ B1    0  ⎤   B1: k×(k+1)        (rows above k, sqre = 1: their last e is B's e_{k−1})
 *   B = ⎢ α·e_kᵀ β·e_0ᵀ⎥   α = d_k, β = e_k  (row k couples column k to column k+1)
 *       ⎣ 0     B2 ⎦   B2: the rows below k, with the block's own sqre
 *
 * Conquer (recursively; blocks of at most `leafSize` rows by bdsqr): B1 = U1·[D1 0]·V1ᵀ,
 * B2 = U2·[D2 0]·V2ᵀ. In the bases diag(U1, 1, U2) and diag(V1, V2), B becomes
 *
 *   M = ⎡z_0  z_1 … z_{n−1}⎤   z = (α·last row of V1, β·first row of V2),   d_0 = 0,
 *       ⎣ 0   diag(d_1 … )  ⎦   d_1 … = the children's singular values D1, D2,
 *
 * with row 0 the middle row; the two null columns of V1 and V2 (σ = 0) are rotated into one
 * carrying z_0 = √(z_null1² + z_null2²) and one with z = 0, the merged block's null column.
 * Merge (`merge`, dlasd1):
 *   1. deflation (dlasd2): a tiny z_j leaves (d_j, u_j, v_j) a singular triplet already; two
 *      close d_i, d_j are rotated on both sides so that one z component vanishes. Both drop
 *      entries ≤ tol = 8·eps·max(|α|, |β|, max d) only, so the merge stays backward stable;
 *   2. the K remaining singular values are the roots of the secular equation (dlasd4,
 *      secular-sigma.ts): f(σ) = 1 + Σ_j z_j²/((d_j − σ)(d_j + σ)) = 0, one in each
 *      (d_j, d_{j+1}) and one above d_{K−1}; secularSigma returns d_j ∓ σ_i accurately;
 *   3. Gu–Eisenstat (dlasd3): the vector ẑ with
 *        ẑ_j² = (σ_{K−1}² − d_j²)·Π_{i<j} (σ_i² − d_j²)/(d_i² − d_j²)·Π_{j≤i<K−1} (σ_i² − d_j²)/(d_{i+1}² − d_j²)
 *      is the z for which the computed σ are exact, so the singular vectors of M,
 *        v_i ∝ (ẑ_j / (d_j² − σ_i²))_j,   u_i ∝ (−1, d_j·ẑ_j / (d_j² − σ_i²))_{j≥1},
 *      are orthogonal to working accuracy without extra precision;
 *   4. U = diag(U1, 1, U2)·U_M and V = diag(V1, V2)·V_M by gemm: a column from U1 is zero in
 *      the bottom rows and one from U2 in the top rows, so each is two gemms of half the rows.
 * In the code (merge): gatherItems and nullItem build M's items; 1. deflate; 2.–3. solveSecular
 * (secularVectors); 4. formVectors (productByHalves).
 * The flops are ~(8/3)·n³ in the merges' gemms at most (fewer when deflation is frequent) and
 * 2·n²·rows for U := U·U_B and V := V·V_B, against the ~6·n²·rows of rotations (about 1.6 sweeps
 * per singular value) that bdsqr applies to each of U and V, outside gemm.
 *
 * On exit from `bdsdc`: d holds the singular values, descending and non-negative; e is
 * destroyed. U_B and V_B are formed (n×n) and the two caller matrices multiplied by them with
 * gemm, U := U·U_B and V := V·V_B (rows×n, column-major), so A = Q·B·Pᵀ with U = Q, V = P on
 * entry gives A = U·Σ·Vᵀ on exit.
 * Invariant: ‖B − U_B·Σ·V_Bᵀ‖ ≤ c·n·eps·‖B‖, ‖U_BᵀU_B − I‖, ‖V_BᵀV_B − I‖ ≤ c·n·eps and
 * |σ̂_i − σ_i| ≤ c·n·eps·σ_0 (absolute accuracy; bdsqr also has high relative accuracy).
 *
 * Reference: Gu & Eisenstat, "A divide-and-conquer algorithm for the bidiagonal SVD", SIAM J.
 * Matrix Anal. Appl. 16 (1995); LAPACK dbdsdc, dlasd0, dlasd1, dlasd2, dlasd3, dlasd4, dlasdq.
 */
import { lartg, rot } from "../primitives/givens.js";
import { type Block, colMajor, gemm, leadingDim } from "@sliderule/ndarray/kernels";
import { bdsqr } from "./bidiagonal-svd.js";
import { secularSigma } from "./secular-sigma.js";
import { UNIT_ROUNDOFF } from "../machine.js";
import { BIDIAGONAL_DC } from "../tuning.js";

const NONE: Block = colMajor(new Float64Array(0), 0, 0);

/** The tuning knob of {@link bdsdc}. */
export interface BidiagonalDcOptions {
  /** Blocks of at most this many rows are solved by bdsqr (default BIDIAGONAL_DC.leafSize in tuning.ts: 25, LAPACK's SMLSIZ; ≥ 2). */
  leafSize?: number;
}

/**
 * Singular values (descending, in d) of the n×n upper bidiagonal B = diag(d) + superdiag(e),
 * and U := U·U_B, V := V·V_B on the targets given (see the file header). d: n entries, e: n−1
 * (both overwritten).
 * @throws LinAlgError kind "noConvergence" if bdsqr fails on a leaf.
 */
export function bdsdc(n: number, d: Float64Array, e: Float64Array, U: Block = NONE, V: Block = NONE, fn = "svd", options: BidiagonalDcOptions = {}): void {
  const leaf = Math.max(2, options.leafSize ?? BIDIAGONAL_DC.leafSize);
  // no vectors, or a block small enough for one leaf: bdsqr on the caller's matrices (dbdsdc too)
  if (n <= leaf || (U.rows === 0 && V.rows === 0)) return bdsqr(n, d, e, U, V, fn);

  // scale B to max |entry| = 1, so that the squares of the secular equation stay in range
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(d[i]));
  for (let i = 0; i < n - 1; i++) scale = Math.max(scale, Math.abs(e[i]));
  if (scale === 0) {
    d.fill(0, 0, n);
    return; // B = 0: U_B = V_B = I
  }
  for (let i = 0; i < n; i++) d[i] /= scale;
  for (let i = 0; i < n - 1; i++) e[i] /= scale;

  // U_B, V_B (n×n, ld n): a block of rows lo..hi−1 (and sqre extra columns) keeps its factors in
  // the diagonal blocks UB[lo:hi, lo:hi] and VB[lo:hi+sqre, lo:hi+sqre]
  const work: Work = {
    UB: new Float64Array(n * n),
    VB: new Float64Array(n * n),
    n,
    d,
    e,
    leaf,
    fn,
    // the merge's scratch, set by each merge
    N: 0,
    M: 0,
    off: 0,
    nl: 0,
    tol: 0,
    Uw: NO_F64,
    Vw: NO_F64,
    dd: NO_F64,
    z: NO_F64,
    uTop: NO_U8,
    uBot: NO_U8,
    vTop: NO_U8,
    vBot: NO_U8,
    nullV: NO_F64,
    kept: NO_ITEMS,
    deflated: NO_ITEMS,
    sigma: NO_F64,
    Um: NO_F64,
    Vm: NO_F64,
  };
  // split where |e_i| ≤ eps·‖B‖ (dbdsdc): the blocks are independent problems
  let start = 0;
  for (let i = 0; i < n; i++) {
    if (i < n - 1 && Math.abs(e[i]) > UNIT_ROUNDOFF) continue;
    if (i < n - 1) e[i] = 0;
    solve(work, start, i + 1, 0);
    start = i + 1;
  }
  for (let i = 0; i < n; i++) d[i] *= scale;

  // σ descending: permute the columns of U_B and V_B, then U := U·U_B, V := V·V_B by gemm
  const order = Array.from({ length: n }, (_, j) => j).sort((a, b) => d[b] - d[a]);
  const sigma = order.map((j) => d[j]);
  for (let i = 0; i < n; i++) d[i] = sigma[i];
  multiplyPermuted(U, work.UB, n, order);
  multiplyPermuted(V, work.VB, n, order);
}

/**
 * The state shared by the recursion: U_B, V_B (n×n), B's d and e (scaled), the leaf size; and
 * the scratch of the current merge (overwritten by each merge, which calls no other): its
 * N×M block at UB[off], VB[off] with middle row nl, deflation tolerance tol; the items' columns
 * Uw, Vw, poles dd, z, half flags uTop, uBot, vTop, vBot, null column nullV; the kept and
 * deflated items; the secular solution sigma, Um, Vm (see merge).
 */
interface Work {
  UB: Float64Array;
  VB: Float64Array;
  n: number;
  d: Float64Array;
  e: Float64Array;
  leaf: number;
  fn: string;
  N: number;
  M: number;
  off: number;
  nl: number;
  tol: number;
  Uw: Float64Array;
  Vw: Float64Array;
  dd: Float64Array;
  z: Float64Array;
  uTop: Uint8Array;
  uBot: Uint8Array;
  vTop: Uint8Array;
  vBot: Uint8Array;
  nullV: Float64Array;
  kept: number[];
  deflated: number[];
  sigma: Float64Array;
  Um: Float64Array;
  Vm: Float64Array;
}

/** Placeholders for Work's merge scratch before the first merge (never written). */
const NO_F64 = new Float64Array(0);
const NO_U8 = new Uint8Array(0);
const NO_ITEMS: number[] = [];

/** T := T·X[:, order] for the rows×n target T and the n×n X (ld n), by gemm. */
function multiplyPermuted(T: Block, X: Float64Array, n: number, order: number[]): void {
  if (T.rows === 0) return;
  const Xp = new Float64Array(n * n);
  order.forEach((j, c) => Xp.set(X.subarray(j * n, (j + 1) * n), c * n));
  const out = new Float64Array(T.rows * n);
  gemm(1, T, colMajor(Xp, n, n), 0, colMajor(out, T.rows, n));
  const ldt = leadingDim(T, "multiplyPermuted");
  for (let j = 0; j < n; j++) T.data.set(out.subarray(j * T.rows, (j + 1) * T.rows), T.off + j * ldt);
}

/**
 * The SVD of the block of rows lo..hi−1 and columns lo..hi−1+sqre (dlasd0): singular values
 * into d[lo:hi] (non-negative, in any order), U and V into the diagonal blocks of UB and VB;
 * with sqre = 1, V's last column is the block's null vector (B·v = 0).
 */
function solve(w: Work, lo: number, hi: number, sqre: number): void {
  const s = hi - lo;
  if (s <= w.leaf) return solveLeaf(w, lo, hi, sqre);
  // divide at the middle row k: rows lo..k−1 (sqre 1), row k, rows k+1..hi−1 (this block's sqre)
  const nl = s >> 1;
  const k = lo + nl;
  const alpha = w.d[k];
  const beta = w.e[k];
  solve(w, lo, k, 1);
  solve(w, k + 1, hi, sqre);
  merge(w, lo, nl, s - nl - 1, sqre, alpha, beta);
}

/**
 * A leaf (dlasdq): an extra column (sqre = 1) is first rotated away from the right, chasing
 * its entry up the column (B·G = [B' 0], B' upper bidiagonal, V = G), then bdsqr on B'.
 */
function solveLeaf(w: Work, lo: number, hi: number, sqre: number): void {
  const { UB, VB, n, d, e } = w;
  const r = hi - lo;
  const off = lo + lo * n; // UB[lo, lo], VB[lo, lo]
  for (let i = 0; i < r; i++) UB[off + i + i * n] = 1;
  for (let i = 0; i < r + sqre; i++) VB[off + i + i * n] = 1;
  if (sqre === 1) {
    // f: the entry (i, r) of the extra column; the rotation of columns (i, r) zeroes it against
    // d_i and leaves −s·e_{i−1} at (i−1, r)
    let f = e[hi - 1];
    e[hi - 1] = 0;
    for (let i = r - 1; i >= 0; i--) {
      const g = lartg(d[lo + i], f);
      d[lo + i] = g.r;
      rot(r + 1, VB, off + i * n, 1, VB, off + r * n, 1, g.c, g.s);
      if (i > 0) {
        f = -g.s * e[lo + i - 1];
        e[lo + i - 1] *= g.c;
      }
    }
  }
  // the targets: UB[lo:hi, lo:hi] and VB's r + sqre rows of its first r columns
  bdsqr(r, d.subarray(lo, hi), e.subarray(lo, hi - 1), colMajor(UB, r, r, off, n), colMajor(VB, r + sqre, r, off, n), w.fn);
}

/**
 * Merge two solved blocks and the middle row between them (dlasd1–dlasd3; see the file header).
 * On entry the blocks of UB and VB at (lo, lo) hold diag(U1, ·, U2) (the middle row nl empty)
 * and diag(V1, V2), d[lo:lo+nl] and d[lo+nl+1:] the children's singular values; on exit they
 * hold the merged block's U (N×N), V (M×M, M = N + sqre) and singular values.
 * Stages (the scratch in w's merge fields): gatherItems, nullItem, 1. deflate, 2.–3. solveSecular,
 * 4. formVectors.
 */
function merge(w: Work, lo: number, nl: number, nr: number, sqre: number, alpha: number, beta: number): void {
  w.N = nl + nr + 1;
  w.M = w.N + sqre;
  w.off = lo + lo * w.n;
  w.nl = nl;
  gatherItems(w, lo, alpha, beta);
  nullItem(w, sqre, alpha, beta);
  const K = deflate(w);
  solveSecular(w, K);
  formVectors(w, lo, K, sqre);
}

/**
 * The items of M: item 0 is the pole d = 0 (U: e_nl; V: the rotated null columns, see
 * nullItem), item j ≥ 1 a child's singular triplet. Their U and V columns are copied into
 * Uw (N×N), Vw (M×N), with flags saying which halves are nonzero (top: rows of the left
 * child, bottom: the right's); dd, z: their d and z; w.tol: the deflation tolerance.
 */
function gatherItems(w: Work, lo: number, alpha: number, beta: number): void {
  const { UB, VB, n, d, N, M, off, nl } = w;
  const Uw = (w.Uw = new Float64Array(N * N));
  const Vw = (w.Vw = new Float64Array(M * N));
  const dd = (w.dd = new Float64Array(N));
  const z = (w.z = new Float64Array(N));
  const uTop = (w.uTop = new Uint8Array(N));
  const uBot = (w.uBot = new Uint8Array(N));
  const vTop = (w.vTop = new Uint8Array(N));
  const vBot = (w.vBot = new Uint8Array(N));
  for (let j = 1; j < N; j++) {
    const c = j - 1 < nl ? j - 1 : j; // the block column of item j ≥ 1, skipping nl
    Uw.set(UB.subarray(off + c * n, off + c * n + N), j * N);
    Vw.set(VB.subarray(off + c * n, off + c * n + M), j * M);
    dd[j] = d[lo + c];
    if (c < nl) {
      z[j] = alpha * VB[off + nl + c * n]; // α·(last row of V1)
      uTop[j] = vTop[j] = 1;
    } else {
      z[j] = beta * VB[off + nl + 1 + c * n]; // β·(first row of V2)
      uBot[j] = vBot[j] = 1;
    }
  }
  let dmax = 0;
  for (let j = 1; j < N; j++) dmax = Math.max(dmax, dd[j]);
  w.tol = 8 * UNIT_ROUNDOFF * Math.max(Math.abs(alpha), Math.abs(beta), dmax);
}

/**
 * Item 0: z_0 = α·v1_null[nl] (and β·v2_null[0]: the two null columns rotated into one; the
 * other, with z = 0, is the merged block's null column w.nullV when sqre = 1).
 */
function nullItem(w: Work, sqre: number, alpha: number, beta: number): void {
  const { VB, n, N, M, off, nl, tol, Uw, Vw, z } = w;
  Uw[nl] = 1;
  const z1 = alpha * VB[off + nl + nl * n];
  const nullV = (w.nullV = new Float64Array(M)); // the merged block's null column (sqre = 1)
  w.vTop[0] = 1;
  if (sqre === 1) {
    const zm = beta * VB[off + nl + 1 + N * n];
    const z0 = Math.hypot(z1, zm);
    const [c, s] = z0 <= tol ? [1, 0] : [z1 / z0, zm / z0];
    z[0] = Math.max(z0, tol);
    for (let i = 0; i < M; i++) {
      const v1 = VB[off + i + nl * n];
      const v2 = VB[off + i + N * n];
      Vw[i] = c * v1 + s * v2;
      nullV[i] = c * v2 - s * v1;
    }
    w.vBot[0] = 1;
  } else {
    z[0] = Math.abs(z1) <= tol ? tol : z1;
    Vw.set(VB.subarray(off + nl * n, off + nl * n + M), 0);
  }
}

/**
 * Stage 1, deflation (dlasd2), items 1.. in ascending order of d: w.kept := the items left to
 * the secular equation (0, then d ascending), w.deflated := the others. Returns K = kept.length.
 */
function deflate(w: Work): number {
  const { N, M, tol, Uw, Vw, dd, z, uTop, uBot, vTop, vBot } = w;
  const order = Array.from({ length: N - 1 }, (_, j) => j + 1).sort((a, b) => dd[a] - dd[b]);
  const kept = (w.kept = [0]); // items left to the secular equation: 0, then d ascending
  const deflated: number[] = (w.deflated = []);
  let prev = -1;
  for (const j of order) {
    if (Math.abs(z[j]) <= tol) {
      // z_j negligible: (d_j, u_j, v_j) is a singular triplet of the merged block
      deflated.push(j);
      continue;
    }
    if (prev >= 0 && Math.abs(dd[j] - dd[prev]) <= tol) {
      // d_prev ≈ d_j: rotate both sides (x' = c·x + s·y, y' = c·y − s·x) so that z_prev vanishes
      const t = Math.hypot(z[j], z[prev]);
      const c = z[j] / t;
      const s = -z[prev] / t;
      z[j] = t;
      z[prev] = 0;
      rot(N, Uw, prev * N, 1, Uw, j * N, 1, c, s);
      rot(M, Vw, prev * M, 1, Vw, j * M, 1, c, s);
      uTop[prev] = uTop[j] = uTop[prev] | uTop[j];
      uBot[prev] = uBot[j] = uBot[prev] | uBot[j];
      vTop[prev] = vTop[j] = vTop[prev] | vTop[j];
      vBot[prev] = vBot[j] = vBot[prev] | vBot[j];
      deflated.push(prev);
      prev = j;
      continue;
    }
    if (prev >= 0) kept.push(prev);
    prev = j;
  }
  if (prev >= 0) kept.push(prev);
  return kept.length;
}

/** Stages 2.–3.: w.sigma, w.Um, w.Vm := the singular values and vectors of M restricted to the K kept items. */
function solveSecular(w: Work, K: number): void {
  const { tol, dd, z, kept } = w;
  const dk = new Float64Array(K);
  const zk = new Float64Array(K);
  for (let i = 0; i < K; i++) {
    dk[i] = dd[kept[i]];
    zk[i] = z[kept[i]];
  }
  if (K > 1 && dk[1] <= tol / 2) dk[1] = tol / 2; // keep the first pole apart from d_0 = 0
  const sigma = (w.sigma = new Float64Array(K));
  const Um = (w.Um = new Float64Array(K * K)); // Um[j + i·K] = u_i[j]: item j's weight in the new u_i
  const Vm = (w.Vm = new Float64Array(K * K));
  if (K === 1) {
    // M = [z_0]: σ = |z_0|
    sigma[0] = Math.abs(zk[0]);
    Um[0] = zk[0] >= 0 ? 1 : -1;
    Vm[0] = 1;
  } else {
    secularVectors(K, dk, zk, sigma, Um, Vm);
  }
}

/**
 * Stage 4: U = Uw[:, kept]·Um and V = Vw[:, kept]·Vm into the blocks of UB and VB, then the new
 * singular values into d[lo:]: the K roots, then the deflated d_j with their vectors as they are.
 */
function formVectors(w: Work, lo: number, K: number, sqre: number): void {
  const { UB, VB, n, d, N, M, off, nl, Uw, Vw, dd, uTop, uBot, vTop, vBot, nullV, kept, deflated, sigma, Um, Vm } = w;
  // by halves: rows 0..nl−1 | nl | nl+1..N−1 of U, rows 0..nl | nl+1..M−1 of V
  productByHalves(Uw, N, kept, Um, K, uTop, 0, nl, UB, off, n);
  for (let i = 0; i < K; i++) UB[off + nl + i * n] = Um[i * K]; // the middle row: item 0's weight
  productByHalves(Uw, N, kept, Um, K, uBot, nl + 1, N - nl - 1, UB, off, n);
  productByHalves(Vw, M, kept, Vm, K, vTop, 0, nl + 1, VB, off, n);
  productByHalves(Vw, M, kept, Vm, K, vBot, nl + 1, M - nl - 1, VB, off, n);

  for (let i = 0; i < K; i++) d[lo + i] = sigma[i];
  deflated.forEach((j, t) => {
    const c = K + t;
    d[lo + c] = dd[j];
    UB.set(Uw.subarray(j * N, (j + 1) * N), off + c * n);
    VB.set(Vw.subarray(j * M, (j + 1) * M), off + c * n);
  });
  if (sqre === 1) VB.set(nullV, off + N * n);
}

/**
 * The SVD of M = [z; 0 diag(d_1 … d_{K−1})] (d_0 = 0, d ascending and distinct, z_j ≠ 0;
 * dlasd3): σ_i the roots of the secular equation, u_i and v_i (columns of Um, Vm, K×K) from
 * Gu–Eisenstat's ẑ (see the file header).
 */
function secularVectors(K: number, d: Float64Array, z: Float64Array, sigma: Float64Array, Um: Float64Array, Vm: Float64Array): void {
  // delta[j + i·K] = d_j − σ_i, sum[j + i·K] = d_j + σ_i, accurately (secularSigma)
  const delta = new Float64Array(K * K);
  const sum = new Float64Array(K * K);
  for (let i = 0; i < K; i++) sigma[i] = secularSigma(K, i, d, z, delta.subarray(i * K, (i + 1) * K), sum.subarray(i * K, (i + 1) * K));
  // ẑ_j² = |d_j² − σ_{K−1}²|·Π_{i<j} (d_j² − σ_i²)/(d_j² − d_i²)·Π_{j≤i<K−1} (d_j² − σ_i²)/(d_j² − d_{i+1}²)
  const zh = new Float64Array(K);
  for (let j = 0; j < K; j++) {
    let p = delta[j + (K - 1) * K] * sum[j + (K - 1) * K];
    for (let i = 0; i < j; i++) p *= (delta[j + i * K] * sum[j + i * K]) / ((d[j] - d[i]) * (d[j] + d[i]));
    for (let i = j; i < K - 1; i++) p *= (delta[j + i * K] * sum[j + i * K]) / ((d[j] - d[i + 1]) * (d[j] + d[i + 1]));
    zh[j] = z[j] >= 0 ? Math.sqrt(Math.abs(p)) : -Math.sqrt(Math.abs(p));
  }
  // v_i ∝ ẑ_j / (d_j² − σ_i²),   u_i ∝ (−1, d_j·ẑ_j / (d_j² − σ_i²)),   normalised
  for (let i = 0; i < K; i++) {
    const c = i * K;
    Um[c] = -1;
    Vm[c] = zh[0] / (delta[c] * sum[c]);
    let uu = 1;
    let vv = Vm[c] * Vm[c];
    for (let j = 1; j < K; j++) {
      const v = zh[j] / (delta[c + j] * sum[c + j]);
      const u = d[j] * v;
      Vm[c + j] = v;
      Um[c + j] = u;
      vv += v * v;
      uu += u * u;
    }
    const un = 1 / Math.sqrt(uu);
    const vn = 1 / Math.sqrt(vv);
    for (let j = 0; j < K; j++) {
      Um[c + j] *= un;
      Vm[c + j] *= vn;
    }
  }
}

/**
 * Rows r0..r0+rows−1 of X[:, kept]·Y into the first K columns of the block C[cOff + i + j·ldc]
 * (X: ldx rows by item, Y: K×K), using only the items whose flag `has` says these rows are
 * nonzero (the others contribute zero): one gemm on the gathered columns.
 */
function productByHalves(
  X: Float64Array,
  ldx: number,
  kept: number[],
  Y: Float64Array,
  K: number,
  has: Uint8Array,
  r0: number,
  rows: number,
  C: Float64Array,
  cOff: number,
  ldc: number,
): void {
  if (rows === 0) return;
  const items: number[] = [];
  for (let j = 0; j < K; j++) if (has[kept[j]]) items.push(j);
  const m = items.length;
  if (m === 0) {
    for (let i = 0; i < K; i++) C.fill(0, cOff + r0 + i * ldc, cOff + r0 + rows + i * ldc);
    return;
  }
  const Xc = new Float64Array(rows * m); // X's columns of those items, rows r0..r0+rows−1
  const Yc = new Float64Array(m * K); // Y's rows of those items
  items.forEach((j, c) => {
    const x = kept[j] * ldx + r0;
    Xc.set(X.subarray(x, x + rows), c * rows);
    for (let i = 0; i < K; i++) Yc[c + i * m] = Y[j + i * K];
  });
  // C[r0:r0+rows, 0:K] = X[r0:r0+rows, items]·Y[items, :]
  gemm(1, colMajor(Xc, rows, m), colMajor(Yc, m, K), 0, colMajor(C, rows, K, cOff + r0, ldc));
}
