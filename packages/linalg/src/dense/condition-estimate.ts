/**
 * The reciprocal condition number in the 1-norm from an LU factorisation, estimated in O(n²)
 * (LAPACK dgecon / zgecon, with Hager's and Higham's 1-norm estimator dlacn2 / zlacn2).
 *
 *   rcond = 1 / (‖A‖₁·‖A⁻¹‖₁),   ‖A⁻¹‖₁ estimated from A = P·L·U without forming A⁻¹
 *
 * The estimator (`normEst1`, Higham's Algorithm 15.4 "a LAPACK-style" variant of Hager's
 * method) needs only products x ↦ B·x and x ↦ Bᴴ·x with B = A⁻¹ = U⁻¹·L⁻¹·Pᵀ, i.e.
 * triangular solves with the factors (2n² flops each):
 *   1. x = (1/n, …, 1/n);  x := B·x;  est = ‖x‖₁
 *   2. ξ = sign(x);  z := Bᴴ·ξ;  j = argmax |z_j|        (a subgradient of ‖B·x‖₁ at x)
 *   3. up to 4 more times: x := B·e_j, est = ‖x‖₁; stop when est does not grow (or, for real
 *      B, sign(x) repeats); else ξ = sign(x), z := Bᴴ·ξ, j = argmax |z_j|, stop when j
 *      does not move the maximum
 *   4. an extra test vector x_i = (−1)^i·(1 + i/(n−1)): est := max(est, 2‖B·x‖₁/(3n)),
 *      which catches the matrices the gradient steps miss.
 * P does not enter: ‖U⁻¹·L⁻¹·Pᵀ‖₁ = ‖U⁻¹·L⁻¹‖₁ (permuting columns keeps every column sum),
 * so dgecon, and `gecon` here, solve with L and U alone.
 *
 * Outputs: `gecon` returns rcond ∈ [0, 1]: 0 for A = 0 or when a solve overflows (singular to
 * working precision), 1 for n = 0. `normEst1` returns est ≤ ‖B‖₁.
 * Invariant: est is a lower bound, est ≤ ‖B‖₁ (every value it takes is ‖B·x‖₁ for some x with
 * ‖x‖₁ ≤ 1), in practice within a factor 3 of it (Higham: rarely more than 10 off); so rcond
 * is an upper bound of the true 1 / κ₁(A), usually within a factor 3.
 * Unlike dgecon, the solves are plain (no dlatrs scaling against overflow): an overflow gives
 * rcond = 0, which is where dlatrs's scale would have ended as well.
 *
 * Reference: Higham, "Accuracy and Stability of Numerical Algorithms", 2nd ed., §15.3
 * (Algorithm 15.4); Hager, "Condition estimates", SIAM J. Sci. Stat. Comput. 5 (1984);
 * Higham, "FORTRAN codes for estimating the one-norm …", ACM TOMS 14 (1988); LAPACK dgecon,
 * zgecon, dlacn2, zlacn2.
 * Used by solve and inv to warn, as SciPy does, when rcond < eps.
 */
import { warnings } from "@sliderule/ndarray";
import type { FloatArray } from "../util/batch.js";
import { SAFMIN, UNIT_ROUNDOFF, UNIT_ROUNDOFF_FLOAT32 } from "../machine.js";

/** Iteration limit of dlacn2 (ITMAX). */
const ITMAX = 5;

/**
 * ‖A‖₁ = max_j Σ_i |a_ij| of the n×n column-major A (ld lda; interleaved when `complex`)
 * (LAPACK dlange('1') / zlange). NaN propagates.
 */
export function norm1(n: number, A: FloatArray, lda: number, complex = false): number {
  let anorm = 0;
  for (let j = 0; j < n; j++) {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const e = i + j * lda;
      sum += complex ? Math.hypot(A[2 * e], A[2 * e + 1]) : Math.abs(A[e]);
    }
    if (sum > anorm || sum !== sum) anorm = sum;
  }
  return anorm;
}

/** Σ |x_i| of an n-vector (interleaved when complex: Σ modulus, zlacn2's dzsum1). */
function sumAbs(n: number, x: Float64Array, complex: boolean): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += complex ? Math.hypot(x[2 * i], x[2 * i + 1]) : Math.abs(x[i]);
  return s;
}

/** The first index of the largest |x_i| (idamax / izmax1). */
function argmaxAbs(n: number, x: Float64Array, complex: boolean): number {
  let j = 0;
  let best = -1;
  for (let i = 0; i < n; i++) {
    const a = complex ? Math.hypot(x[2 * i], x[2 * i + 1]) : Math.abs(x[i]);
    if (a > best) {
      best = a;
      j = i;
    }
  }
  return j;
}

/**
 * Estimate ‖B‖₁ of an n×n operator B (real, or complex with interleaved vectors) from
 * `applyB(x)`: x := B·x and `applyBH(x)`: x := Bᴴ·x, both in place (LAPACK dlacn2 / zlacn2,
 * unrolled from their reverse communication; steps in the file header). At most 11 products.
 */
export function normEst1(n: number, complex: boolean, applyB: (x: Float64Array) => void, applyBH: (x: Float64Array) => void): number {
  if (n === 0) return 0;
  const w = complex ? 2 : 1;
  const x = new Float64Array(w * n);
  const isgn = new Float64Array(n); // the real sign vector ξ of the previous step
  /** x := sign(x) (x/|x| for complex; sign(0) = +1); for real x, true if it equals isgn (and store it). */
  const signOf = (): boolean => {
    let same = true;
    for (let i = 0; i < n; i++) {
      if (complex) {
        const a = Math.hypot(x[2 * i], x[2 * i + 1]);
        // zlacn2's safmin test: below SAFMIN a component's sign is taken as 1
        if (a > SAFMIN) {
          x[2 * i] /= a;
          x[2 * i + 1] /= a;
        } else {
          x[2 * i] = 1;
          x[2 * i + 1] = 0;
        }
      } else {
        const s = x[i] >= 0 ? 1 : -1;
        if (s !== isgn[i]) same = false;
        isgn[i] = s;
        x[i] = s;
      }
    }
    return same;
  };
  const unit = (j: number): void => {
    x.fill(0);
    x[w * j] = 1;
  };
  // 1. x = (1/n)·e, x := B·x
  for (let i = 0; i < n; i++) x[w * i] = 1 / n;
  applyB(x);
  if (n === 1) return complex ? Math.hypot(x[0], x[1]) : Math.abs(x[0]);
  let est = sumAbs(n, x, complex);
  // 2. ξ = sign(x), z = Bᴴ·ξ, j = argmax |z_j|
  isgn.fill(0);
  signOf();
  applyBH(x);
  let j = argmaxAbs(n, x, complex);
  // 3. x := B·e_j while the estimate grows and the maximum moves
  for (let iter = 2; ; iter++) {
    unit(j);
    applyB(x);
    const estOld = est;
    est = sumAbs(n, x, complex);
    if (est <= estOld) {
      est = Math.max(est, estOld);
      break;
    }
    if (signOf() && !complex) break; // repeated sign vector: converged (dlacn2 only)
    applyBH(x);
    const jlast = j;
    j = argmaxAbs(n, x, complex);
    // dlacn2 compares the signed x_jlast with |x_j|; zlacn2 both moduli
    const aLast = complex ? Math.hypot(x[2 * jlast], x[2 * jlast + 1]) : x[jlast];
    const aMax = complex ? Math.hypot(x[2 * j], x[2 * j + 1]) : Math.abs(x[j]);
    if (aLast === aMax || iter >= ITMAX) break;
  }
  // 4. the alternating test vector x_i = (−1)^i·(1 + i/(n − 1))
  x.fill(0);
  for (let i = 0; i < n; i++) x[w * i] = (i % 2 === 0 ? 1 : -1) * (1 + i / (n - 1));
  applyB(x);
  const temp = (2 * sumAbs(n, x, complex)) / (3 * n);
  return Math.max(est, temp);
}

/**
 * x := L⁻¹·x, U⁻¹·x (`transpose` false) or Uᴴ⁻¹·x, Lᴴ⁻¹·x (`transpose` true) with the LU
 * factors as getrf/zgetf2 leave them (n×n column-major, ld lda, L unit lower, U upper).
 */
function solveLU(n: number, LU: FloatArray, lda: number, complex: boolean, x: Float64Array, transpose: boolean): void {
  if (!complex) {
    if (!transpose) {
      // L·y = x (unit lower, by columns), then U·z = y (upper, by columns from the last)
      for (let j = 0; j < n; j++) {
        const xj = x[j];
        if (xj !== 0) for (let i = j + 1; i < n; i++) x[i] -= LU[i + j * lda] * xj;
      }
      for (let j = n - 1; j >= 0; j--) {
        x[j] /= LU[j + j * lda];
        const xj = x[j];
        if (xj !== 0) for (let i = 0; i < j; i++) x[i] -= LU[i + j * lda] * xj;
      }
    } else {
      // Uᵀ·y = x (lower: row j of Uᵀ is column j of U), then Lᵀ·z = y (unit upper)
      for (let j = 0; j < n; j++) {
        let s = x[j];
        for (let i = 0; i < j; i++) s -= LU[i + j * lda] * x[i];
        x[j] = s / LU[j + j * lda];
      }
      for (let j = n - 1; j >= 0; j--) {
        let s = x[j];
        for (let i = j + 1; i < n; i++) s -= LU[i + j * lda] * x[i];
        x[j] = s;
      }
    }
    return;
  }
  // complex: a = (LU[2e], LU[2e + 1]); Uᴴ and Lᴴ use conj(a)
  const re = (i: number, j: number) => LU[2 * (i + j * lda)];
  const im = (i: number, j: number) => LU[2 * (i + j * lda) + 1];
  if (!transpose) {
    for (let j = 0; j < n; j++) {
      const [xr, xi] = [x[2 * j], x[2 * j + 1]];
      for (let i = j + 1; i < n; i++) {
        x[2 * i] -= re(i, j) * xr - im(i, j) * xi;
        x[2 * i + 1] -= re(i, j) * xi + im(i, j) * xr;
      }
    }
    for (let j = n - 1; j >= 0; j--) {
      // x_j := x_j / u_jj
      const [ur, ui] = [re(j, j), im(j, j)];
      const d = ur * ur + ui * ui;
      const [xr0, xi0] = [x[2 * j], x[2 * j + 1]];
      const xr = (xr0 * ur + xi0 * ui) / d;
      const xi = (xi0 * ur - xr0 * ui) / d;
      x[2 * j] = xr;
      x[2 * j + 1] = xi;
      for (let i = 0; i < j; i++) {
        x[2 * i] -= re(i, j) * xr - im(i, j) * xi;
        x[2 * i + 1] -= re(i, j) * xi + im(i, j) * xr;
      }
    }
  } else {
    for (let j = 0; j < n; j++) {
      // Uᴴ·y = x: y_j = (x_j − Σ_{i<j} conj(u_ij)·y_i) / conj(u_jj)
      let sr = x[2 * j];
      let si = x[2 * j + 1];
      for (let i = 0; i < j; i++) {
        sr -= re(i, j) * x[2 * i] + im(i, j) * x[2 * i + 1];
        si -= re(i, j) * x[2 * i + 1] - im(i, j) * x[2 * i];
      }
      const [ur, ui] = [re(j, j), -im(j, j)];
      const d = ur * ur + ui * ui;
      x[2 * j] = (sr * ur + si * ui) / d;
      x[2 * j + 1] = (si * ur - sr * ui) / d;
    }
    for (let j = n - 1; j >= 0; j--) {
      // Lᴴ·z = y: z_j = y_j − Σ_{i>j} conj(l_ij)·z_i
      let sr = x[2 * j];
      let si = x[2 * j + 1];
      for (let i = j + 1; i < n; i++) {
        sr -= re(i, j) * x[2 * i] + im(i, j) * x[2 * i + 1];
        si -= re(i, j) * x[2 * i + 1] - im(i, j) * x[2 * i];
      }
      x[2 * j] = sr;
      x[2 * j + 1] = si;
    }
  }
}

/**
 * The reciprocal 1-norm condition number of A from its LU factors (LAPACK dgecon / zgecon
 * with norm "1"): rcond = 1 / (anorm·est(‖A⁻¹‖₁)).
 *
 * @param n the order.
 * @param LU the factors as getrf (real) or zgetf2 (complex, interleaved) leave them, ld lda.
 * @param anorm ‖A‖₁ of the matrix before factorisation ({@link norm1}).
 * @returns rcond in [0, 1]; 0 when anorm is 0 or a solve overflows; 1 for n = 0; NaN for
 *   NaN input.
 */
export function gecon(n: number, LU: FloatArray, lda: number, anorm: number, complex = false): number {
  if (n === 0) return 1;
  if (anorm !== anorm) return NaN;
  if (anorm === 0) return 0;
  const ainvnm = normEst1(
    n,
    complex,
    (x) => solveLU(n, LU, lda, complex, x, false),
    (x) => solveLU(n, LU, lda, complex, x, true),
  );
  if (!(ainvnm < Infinity)) return ainvnm !== ainvnm ? NaN : 0;
  if (ainvnm === 0) return 0;
  return 1 / ainvnm / anorm;
}

/** A number as Python's `'%.6g' % x` prints it (SciPy's warning text): 1.5e-18, 0.000123, 1e+20. */
export function formatG(x: number, digits = 6): string {
  if (x !== x) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0" : "0";
  const [mant, expStr] = x.toExponential(digits - 1).split("e");
  const exp = Number(expStr);
  const trim = (s: string) => (s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s);
  if (exp < -4 || exp >= digits) return `${trim(mant)}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  return trim(x.toFixed(digits - 1 - exp));
}

/** The smallest rcond seen over a stack, and how many matrices: `trackRcond` updates it. */
export interface RcondTracker {
  min: number;
  count: number;
}

/** Record one matrix's rcond (NaN counts as the smallest). */
export function trackRcond(t: RcondTracker, rcond: number): void {
  t.count++;
  if (!(rcond >= t.min)) t.min = rcond;
}

/**
 * SciPy's check after solve/inv: a LinAlgWarning "fn: Ill-conditioned matrix (rcond=…): result
 * may not be accurate." when the smallest rcond is below the unit roundoff u (LAPACK
 * dlamch('E'): 2⁻⁵³, or 2⁻²⁴ for float32), or NaN. One warning per call; for a stack it names
 * the smallest rcond and how many matrices were checked.
 */
export function warnIfIllConditioned(fn: string, t: RcondTracker, dtype: string): void {
  const u = dtype === "float32" ? UNIT_ROUNDOFF_FLOAT32 : UNIT_ROUNDOFF;
  if (t.count === 0 || t.min >= u) return;
  const which = t.count > 1 ? `, the smallest of ${t.count} matrices` : "";
  warnings.warn(`${fn}: Ill-conditioned matrix (rcond=${formatG(t.min)}${which}): result may not be accurate.`, warnings.LinAlgWarning);
}
