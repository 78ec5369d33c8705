/**
 * The singular values of the merge matrix of the bidiagonal divide and conquer (LAPACK dlasd4,
 * with dlasd5's two-pole case): the roots σ of the secular equation
 *
 *   f(σ) = 1 + Σ_j z_j² / ((d_j − σ)·(d_j + σ)) = 0,   0 = d_0 < d_1 < … < d_{k−1},  z_j ≠ 0,
 *
 * which are the singular values of M = [z; 0 diag(d_1 … d_{k−1})] (k×k, z in the first row):
 * MᵀM = D² + zᵀz, so its eigenvalues σ² solve 1 + Σ z_j²/(d_j² − σ²) = 0. There is one root in
 * each (d_i, d_{i+1}) and one in (d_{k−1}, √(d_{k−1}² + ‖z‖²)).
 *
 * Why an offset: the singular vectors (bidiagonal-dc.ts) need d_j² − σ² to high relative
 * accuracy, also for the pole next to the root where it is tiny. σ is therefore kept as
 * σ² = d_o² + t, with o (the origin) the pole nearer the root in σ² space, and the equation is
 * solved for t with the poles shifted to p_j = d_j² − d_o² = (d_j − d_o)·(d_j + d_o) (a product
 * of two accurate factors, never a difference of rounded squares). Then p_j − t is accurate,
 * and with τ = σ − d_o = t / (d_o + √(d_o² + t)):
 *
 *   d_j − σ = (d_j − d_o) − τ,   d_j + σ = (d_j + d_o) + τ     (returned in `delta`, `sum`)
 *
 * The iteration (the same safeguarded scheme as tridiagonal-dc.ts `secularRoot`): each step
 * models the terms left of the root (j ≤ i) and those right of it as a + b/(p_i − t) and
 * c + e/(p_{i+1} − t) (matching value and slope at the current t; exact for a single pole) and
 * takes the model's root inside the bisection bracket, bisecting when the step leaves it. With
 * only two poles (k = 2, dlasd5) the model is f itself and one step is exact.
 *
 * Invariant: on exit the root lies in its interval, d_i < σ_i < d_{i+1}, and |f| is within the
 * rounding error of its terms (or the bracket is a few ulps wide).
 *
 * Reference: Gu & Eisenstat, "A divide-and-conquer algorithm for the bidiagonal SVD", SIAM J.
 * Matrix Anal. Appl. 16 (1995); Li, "Solving secular equations stably and efficiently", LAPACK
 * Working Note 89 (1993); LAPACK dlasd4, dlasd5.
 */
import { UNIT_ROUNDOFF } from "../machine.js";

/**
 * The i-th smallest root σ_i of f(σ) = 1 + Σ_j z_j²/((d_j − σ)(d_j + σ)) (first k entries of
 * d, z; d ascending with d_0 = 0 allowed, distinct; z_j ≠ 0). Fills delta[j] = d_j − σ_i and
 * sum[j] = d_j + σ_i (j < k), both to high relative accuracy, and returns σ_i.
 */
export function secularSigma(k: number, i: number, d: Float64Array, z: Float64Array, delta: Float64Array, sum: Float64Array): number {
  // the origin o and the bracket (lo, hi) for t = σ² − d_o²
  let o: number;
  let wMid = NaN; // the initial model's constant (NaN: no model, start at the bracket's middle)
  let lo: number;
  let hi: number;
  if (i === k - 1) {
    // the largest root: d_{k−1}² < σ² ≤ d_{k−1}² + ‖z‖²
    let zz = 0;
    for (let j = 0; j < k; j++) zz += z[j] * z[j];
    o = i;
    lo = 0;
    hi = zz;
  } else {
    // which half of (d_i², d_{i+1}²) holds σ²: the sign of f at the midpoint (f increases in σ²);
    // w: the other poles' part of f there, the constant of the initial two-pole model
    const mid = ((d[i + 1] - d[i]) * (d[i + 1] + d[i])) / 2;
    let w = 1;
    for (let j = 0; j < k; j++) if (j !== i && j !== i + 1) w += (z[j] * z[j]) / ((d[j] - d[i]) * (d[j] + d[i]) - mid);
    const f = w - (z[i] * z[i]) / mid + (z[i + 1] * z[i + 1]) / mid;
    if (f >= 0) {
      o = i;
      lo = 0;
      hi = mid;
    } else {
      o = i + 1;
      lo = -mid;
      hi = 0;
    }
    wMid = w;
  }
  const dO = d[o];
  // p_j = d_j² − d_o², accurately; kept in `delta` during the iteration
  const p = delta;
  for (let j = 0; j < k; j++) p[j] = (d[j] - dO) * (d[j] + dO);

  // the first guess (dlasd4): the root of  w + z_i²/(p_i − t) + z_{i+1}²/(p_{i+1} − t) = 0,
  // the two nearest poles exact and the others frozen at the midpoint
  let t = (lo + hi) / 2;
  if (!Number.isNaN(wMid)) {
    const guess = twoPoleRoot(wMid, p[i], z[i] * z[i], p[i + 1], z[i + 1] * z[i + 1], lo, hi);
    if (guess > lo && guess < hi) t = guess;
  }
  for (let iter = 0; iter < 200; iter++) {
    // ψ (poles left of the root, j ≤ i), φ (right of it), and their slopes ψ', φ' at t
    let psi = 0;
    let dpsi = 0;
    let phi = 0;
    let dphi = 0;
    for (let j = 0; j <= i; j++) {
      const w = z[j] / (p[j] - t);
      psi += z[j] * w;
      dpsi += w * w;
    }
    for (let j = i + 1; j < k; j++) {
      const w = z[j] / (p[j] - t);
      phi += z[j] * w;
      dphi += w * w;
    }
    const f = 1 + psi + phi;
    // converged: |f| within the rounding error of its terms
    if (Math.abs(f) <= 8 * k * UNIT_ROUNDOFF * (1 + Math.abs(psi) + Math.abs(phi))) break;
    if (f > 0) hi = t;
    else lo = t;
    if (hi - lo <= 2 * UNIT_ROUNDOFF * Math.max(Math.abs(lo), Math.abs(hi))) break;
    // the two-pole model  A + b/(p_i − x) + e/(p_{i+1} − x) = 0, b = ψ'·(p_i − t)², e = φ'·(p_{i+1} − t)²
    const pi = p[i];
    const ai = pi - t;
    const b = dpsi * ai * ai;
    let next: number;
    if (i === k - 1) {
      // no pole on the right: A + b/(p_i − x) = 0
      const A = 1 + psi - dpsi * ai;
      next = pi + b / A;
    } else {
      const pj = p[i + 1];
      const aj = pj - t;
      const e = dphi * aj * aj;
      const A = 1 + psi - dpsi * ai + phi - dphi * aj;
      next = twoPoleRoot(A, pi, b, pj, e, lo, hi);
    }
    t = next > lo && next < hi && Number.isFinite(next) ? next : (lo + hi) / 2;
  }

  // σ = d_o + τ with τ = t / (d_o + σ), and the accurate differences and sums
  const sigma = Math.sqrt(dO * dO + t);
  const tau = t / (dO + sigma);
  for (let j = 0; j < k; j++) {
    delta[j] = d[j] - dO - tau;
    sum[j] = d[j] + dO + tau;
  }
  return dO + tau;
}

/**
 * The root in (lo, hi) of the model A + b/(p_i − x) + e/(p_j − x) = 0, where one of p_i, p_j is
 * the origin's 0: times (p_i − x)(p_j − x) it is A·x² − B·x + C = 0, and the root near the
 * origin is the small one, computed as C/q without cancellation.
 */
function twoPoleRoot(A: number, pi: number, b: number, pj: number, e: number, lo: number, hi: number): number {
  const B = A * (pi + pj) + b + e;
  const C = b * pj + e * pi;
  const disc = Math.sqrt(Math.max(B * B - 4 * A * C, 0));
  const q = B >= 0 ? (B + disc) / 2 : (B - disc) / 2;
  const x1 = q / A;
  return x1 > lo && x1 < hi ? x1 : C / q;
}
