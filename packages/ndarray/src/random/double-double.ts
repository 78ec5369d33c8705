/**
 * Error-free transformations and double-double ("dd") arithmetic: the building blocks that let
 * the random module reproduce C's libm results bit for bit without hardware FMA or BigInt.
 *
 * Algorithm
 *   TwoSum (Knuth):      a + b = s + e exactly, s = fl(a + b).
 *   TwoProduct (Dekker): a · b = p + e exactly, p = fl(a · b); the factors are split with
 *                        Veltkamp's constant 2^27 + 1 into 26-bit halves whose products are exact.
 *   FMA emulation (Boldo & Melquiond): fl(a·b + c) with one rounding, as
 *        (u_h, u_l) = TwoProduct(a, b);  (t_h, t_l) = TwoSum(c, u_h);
 *        v = RO(t_l + u_l)  (rounded to odd);  result = fl(t_h + v).
 *   A double-double is an unevaluated sum hi + lo with |lo| ≤ ulp(hi)/2 (≈ 106 bits).
 *
 * Outputs
 *   Functions that produce two doubles return the high part and leave the low part (the exact
 *   error) in the module variable read by {@link lastError}; this keeps the hot loops free of
 *   allocation. The slower dd helpers used only at module load (ziggurat tables, log tables)
 *   return `[hi, lo]` pairs for readability.
 *
 * Invariant
 *   Exactness holds for finite inputs without overflow; TwoProduct and the FMA emulation also
 *   need the product's low part not to underflow (|a·b| ≳ 2^-969), which every caller here meets.
 *
 * Reference
 *   D. E. Knuth, TAOCP vol. 2, §4.2.2 (TwoSum); T. J. Dekker, "A floating-point technique for
 *   extending the available precision", Numer. Math. 18 (1971) (TwoProduct);
 *   S. Boldo & G. Melquiond, "Emulation of FMA and correctly rounded sums: proved algorithms
 *   using rounding to odd", IEEE Trans. Computers 57(4), 2008 (Algorithm 5.4).
 */

/** A double-double number hi + lo. */
export type DD = readonly [hi: number, lo: number];

/** Veltkamp's splitting constant 2^27 + 1. */
const SPLITTER = 134217729;

let err = 0;

/** The exact error term left by the most recent {@link twoSum} / {@link twoProduct} call. */
export function lastError(): number {
  return err;
}

/** s = fl(a + b); the exact error a + b − s is left in {@link lastError}. */
export function twoSum(a: number, b: number): number {
  const s = a + b;
  const bv = s - a;
  err = a - (s - bv) + (b - bv);
  return s;
}

/** p = fl(a · b); the exact error a · b − p is left in {@link lastError}. */
export function twoProduct(a: number, b: number): number {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  err = ah * bh - p + ah * bl + al * bh + al * bl;
  return p;
}

// A view of one double as two 32-bit words, for stepping to a neighbouring double.
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HI = LITTLE_ENDIAN ? 1 : 0;
const LO = LITTLE_ENDIAN ? 0 : 1;

/** The double next to finite non-zero x, one ulp further from zero (up = true) or nearer. */
export function stepUlp(x: number, awayFromZero: boolean): number {
  F64[0] = x;
  if (awayFromZero) {
    U32[LO] = (U32[LO] + 1) >>> 0;
    if (U32[LO] === 0) U32[HI] = (U32[HI] + 1) >>> 0;
  } else {
    if (U32[LO] === 0) U32[HI] = (U32[HI] - 1) >>> 0;
    U32[LO] = (U32[LO] - 1) >>> 0;
  }
  return F64[0];
}

/** The next double above x (x finite). */
export function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  return stepUlp(x, x > 0);
}

/** fl(a + b) rounded to odd: if inexact, the neighbour of the two with an odd last bit. */
function addRoundToOdd(a: number, b: number): number {
  const s = twoSum(a, b);
  const e = err;
  if (e === 0) return s;
  F64[0] = s;
  if ((U32[LO] & 1) === 1) return s;
  // s is even and the exact sum lies strictly between s and its neighbour towards e.
  return stepUlp(s, e > 0 === s > 0);
}

/**
 * fma(a, b, c) = a·b + c with a single rounding, as C's `fma` (and as GCC's contracted
 * `a * b + c` under -mfma). Used to reproduce glibc's FMA code paths.
 */
export function fma(a: number, b: number, c: number): number {
  const uh = twoProduct(a, b);
  const ul = err;
  if (uh === 0 || !Number.isFinite(uh) || !Number.isFinite(c)) return a * b + c;
  const th = twoSum(c, uh);
  const tl = err;
  const v = addRoundToOdd(tl, ul);
  return th + v;
}

// ------------------------------------------------------------------ dd helpers (load time)

/** (a_h + a_l) + (b_h + b_l), renormalised. */
export function ddAdd(a: DD, b: DD): DD {
  const s = twoSum(a[0], b[0]);
  const e = err + a[1] + b[1];
  const hi = s + e;
  return [hi, e - (hi - s)];
}

/** (a_h + a_l) · (b_h + b_l), renormalised. */
export function ddMul(a: DD, b: DD): DD {
  const p = twoProduct(a[0], b[0]);
  const e = err + (a[0] * b[1] + a[1] * b[0]);
  const hi = p + e;
  return [hi, e - (hi - p)];
}

/** (a_h + a_l) / (b_h + b_l), renormalised (one Newton correction of the double quotient). */
export function ddDiv(a: DD, b: DD): DD {
  const q1 = a[0] / b[0];
  // r = a − q1·b, computed exactly enough: q1·b_h as a dd, then the small terms.
  const r = ddAdd(a, ddMul([-q1, 0], b));
  const q2 = r[0] / b[0];
  const r2 = ddAdd(r, ddMul([-q2, 0], b));
  const q3 = r2[0] / b[0];
  return ddAdd(ddAdd([q1, 0], [q2, 0]), [q3, 0]);
}

/** The double nearest to the dd value (exact sum rounded once). */
export function ddToDouble(a: DD): number {
  return a[0] + a[1];
}
