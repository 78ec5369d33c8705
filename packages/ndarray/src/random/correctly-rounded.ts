/**
 * Correctly rounded natural logarithm and exponential, for reproducing C's libm.
 *
 * V8's Math.log / Math.exp (fdlibm ports) differ from glibc's in the last bit for roughly 7% /
 * 10% of arguments, which would derail NumPy's streams (`legacy_gauss` feeds log(r²) straight
 * into its output; the ziggurat tables are a 255-step recursion through exp and log). glibc's
 * log and exp round correctly for all but ~0.07% of arguments, so a correctly rounded version
 * is the closest reproducible stand-in.
 *
 * Algorithm (log, fast path used per sample)
 *   x = 2^k · m,  m ∈ (0.75, 1.5];  c = 1 + j/256 the nearest table point (|m − c| ≤ 2^-9);
 *   log x = k·ln2 + log c + log(m/c),   log(m/c) = 2·atanh(s),  s = (m − c)/(m + c),  |s| < 2^-9.5;
 *   2·atanh(s) = 2s + 2s³(1/3 + s²/5 + s⁴/7) + O(s⁹).
 *   s is formed as a double-double; k·ln2, log c and 2s are summed with TwoSum; the tail is
 *   below 2^-20 of the result, so its rounding errors stay below 2^-72 relative.
 * Algorithm (exp, slow path used once at module load)
 *   y = k·ln2 + r, |r| ≤ ln2/2 (r as a double-double); exp r by its Taylor series in dd
 *   arithmetic to 2^-110; exp y = 2^k · exp r.
 *
 * Outputs
 *   {@link logCR}(x) and {@link expCR}(x): the double nearest to log x / exp x. The final
 *   rounding is of a ~2^-70-accurate (log) / ~2^-100-accurate (exp) value, so the result is the
 *   correctly rounded one unless the true value lies within that distance of a midpoint.
 *
 * Invariant
 *   log c_j for the 193 table points and ln 2 are computed once, as double-doubles, from the
 *   same atanh series (no literal constants beyond 1/3, 1/5, 1/7).
 *
 * Reference
 *   J.-M. Muller et al., Handbook of Floating-Point Arithmetic, 2nd ed. (2018), §10 (table-based
 *   range reduction; correct rounding); glibc `sysdeps/ieee754/dbl-64/e_log.c` for the target.
 */
import { ddAdd, ddDiv, ddMul, ddToDouble, lastError, twoProduct, twoSum, type DD } from "./double-double.js";

/** log(c) for c ∈ [0.5, 2] as a double-double: 2·atanh((c−1)/(c+1)) summed until negligible. */
export function ddLogSlow(c: DD): DD {
  const s = ddDiv(ddAdd(c, [-1, 0]), ddAdd(c, [1, 0]));
  const s2 = ddMul(s, s);
  let power = s; // s^(2n+1)
  let sum: DD = s;
  for (let n = 1; n < 200; n++) {
    power = ddMul(power, s2);
    const term = ddDiv(power, [2 * n + 1, 0]);
    sum = ddAdd(sum, term);
    if (Math.abs(term[0]) < Math.abs(sum[0]) * 2 ** -115) break;
  }
  return ddMul(sum, [2, 0]);
}

/** ln 2 as a double-double (hi is the double nearest ln 2). */
export const LN2: DD = ddLogSlow([2, 0]);

// ln 2 = LN2_HI_42 + LN2_MID + LN2_LO with LN2_HI_42 holding 42 significant bits (Veltkamp
// split with 2^11 + 1), so that k · LN2_HI_42 is exact for every exponent |k| < 2^11.
const SPLITTER = 134217729;
const LN2_HI_42 = (() => {
  const t = 2049 * LN2[0];
  return t - (t - LN2[0]);
})();
const LN2_MID = twoSum(LN2[0] - LN2_HI_42, LN2[1]);
const LN2_LO = lastError();

// Table of log(c_j), c_j = 1 + j/256, j = −64 … 128 (c ∈ [0.75, 1.5]).
const TABLE_MIN_J = -64;
const TABLE_SIZE = 193;
const LOG_C_HI = new Float64Array(TABLE_SIZE);
const LOG_C_LO = new Float64Array(TABLE_SIZE);
for (let j = TABLE_MIN_J; j < TABLE_MIN_J + TABLE_SIZE; j++) {
  const l = j === 0 ? ([0, 0] as DD) : ddLogSlow([1 + j / 256, 0]);
  LOG_C_HI[j - TABLE_MIN_J] = l[0];
  LOG_C_LO[j - TABLE_MIN_J] = l[1];
}

// 2^-e for every normal exponent e ∈ [−1022, 1023], indexed by e + 1023.
const POW2_NEG = Float64Array.from({ length: 2047 }, (_, i) => 2 ** -(i - 1023));

// Word access to doubles for the exponent split.
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/**
 * The correctly rounded natural logarithm of x (see the file header for the error bound).
 * log(0) = −∞, log(x < 0) = NaN, log(∞) = ∞, as in C.
 */
export function logCR(x: number): number {
  if (!(x > 0) || x === Infinity) {
    if (x === 0) return -Infinity;
    return x === Infinity ? Infinity : NaN;
  }
  // x = 2^k · m with m ∈ [1, 2): k from the exponent bits, m = x · 2^-k (exact). Only reads
  // the word view: writing a 32-bit word and re-reading the double would stall store
  // forwarding. Subnormals are scaled by 2^54 first.
  let k = 0;
  let xs = x;
  F64[0] = x;
  if (U32[HI] < 0x00100000) {
    xs = x * 18014398509481984;
    F64[0] = xs;
    k = -54;
  }
  const e = (U32[HI] >>> 20) - 1023;
  k += e;
  let m = xs * POW2_NEG[e + 1023];
  // m ∈ (1.5, 2) → m/2, k + 1 (branch-free: the branch would mispredict ~40% of the time)
  const up = +(m > 1.5);
  m *= 1 - 0.5 * up;
  k += up;
  // Nearest table point c = 1 + j/256; d = m − c is exact (Sterbenz).
  const j = Math.round((m - 1) * 256);
  const c = 1 + j / 256;
  const d = m - c;
  // The error-free transformations of double-double.ts are written out inline below: this is
  // the per-sample hot path, and V8 does not inline the module-level error channel reliably.
  // A = m + c as a double-double (A_h, A_l)  [TwoSum].
  const Ah = m + c;
  let bv = Ah - m;
  const Al = m - (Ah - bv) + (c - bv);
  // s = d / A as a double-double: s_h ≈ d/A_h, s_l from the exact residual d − s_h·A
  // [TwoProduct(s_h, A_h) = p_h + p_l with Veltkamp splitting]. One division serves both
  // parts: s_h need not be the rounded quotient, since s_l absorbs its error exactly.
  const invA = 1 / Ah;
  const sh = d * invA;
  const ph = sh * Ah;
  let t = SPLITTER * sh;
  const s1 = t - (t - sh);
  const s2 = sh - s1;
  t = SPLITTER * Ah;
  const A1 = t - (t - Ah);
  const A2 = Ah - A1;
  const pl = s1 * A1 - ph + s1 * A2 + s2 * A1 + s2 * A2;
  const sl = (d - ph - pl - sh * Al) * invA;
  // 2·atanh(s) − 2s = 2s³(1/3 + s²/5 + s⁴/7), below 2^-20 of the result.
  const z = sh * sh;
  const tail = sh * z * (1 / 3 + z * (1 / 5 + z * (1 / 7)));
  // k·ln2 = k·ln2_42 (exact: 42-bit constant times |k| < 2^11) + k·ln2_mid + k·ln2_lo.
  const P = k * LN2_HI_42;
  const p = k * LN2_MID;
  // a = P + log c_h  [TwoSum], b = a + 2 s_h  [TwoSum].
  const Lh = LOG_C_HI[j - TABLE_MIN_J];
  const a = P + Lh;
  bv = a - P;
  const ae = P - (a - bv) + (Lh - bv);
  const twoSh = 2 * sh;
  const b = a + twoSh;
  bv = b - a;
  const be = a - (b - bv) + (twoSh - bv);
  const lo = ae + be + p + k * LN2_LO + LOG_C_LO[j - TABLE_MIN_J] + 2 * sl + 2 * tail;
  return b + lo;
}

/** exp(y) as a double-double, for |y| < 700 (slow: used once at module load). */
export function ddExpSlow(y: number): DD {
  const k = Math.round(y / LN2[0]);
  // r = y − k·ln2 as a double-double.
  const P = twoProduct(k, LN2[0]);
  const p = lastError();
  const r = ddAdd(ddAdd([y, 0], [-P, -p]), [-k * LN2[1], 0]);
  // exp r = Σ r^n / n!
  let term: DD = [1, 0];
  let sum: DD = [1, 0];
  for (let n = 1; n < 60; n++) {
    term = ddDiv(ddMul(term, r), [n, 0]);
    sum = ddAdd(sum, term);
    if (Math.abs(term[0]) < 2 ** -115) break;
  }
  const scale = 2 ** k;
  return [sum[0] * scale, sum[1] * scale];
}

/** The correctly rounded exp(y), for |y| < 700 (slow: used once at module load). */
export function expCR(y: number): number {
  return ddToDouble(ddExpSlow(y));
}
