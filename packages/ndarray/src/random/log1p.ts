/**
 * log1p(x) = log(1 + x) in double and in single precision, evaluated operation for operation
 * as glibc does, because NumPy's ziggurat tail returns `r − log1p(−U)/r` directly.
 *
 * Algorithm (fdlibm's log1p, by K. C. Ng)
 *   1 + x = 2^k · (1 + f),  √2/2 < 1 + f < √2,  with a correction c = (1 + x − u)/u for the
 *   rounding of u = fl(1 + x) (k = 0 and no reduction when −0.2929 < x < 0.41422);
 *   s = f / (2 + f),  z = s²,  log(1 + f) = f − s·(f − R),  R = z·P(z) a degree-7 minimax fit:
 *     log1p(x) = k·ln2_hi − ((hfsq − (s·(hfsq + R) + (k·ln2_lo + c))) − f),   hfsq = f²/2.
 *   The polynomial coefficients are the Remez ones of fdlibm (Lp1 … Lp7 below).
 * Double precision: glibc ≥ 2.28 on x86-64 selects an FMA build of this routine on CPUs with
 *   FMA (every x86-64 CPU since 2013); GCC contracts it as
 *     R = fma(z⁶, R4, fma(z⁴, R3, fma(z, Lp1, z²·R2))),  R2 = fma(z, Lp3, Lp2), R3 = fma(z, Lp5, Lp4),
 *     R4 = fma(z, Lp7, Lp6),  and  k·ln2_hi − (…), k·ln2_lo + c  as FMAs.
 *   We reproduce that contraction exactly with the emulated {@link fma}. (V8's Math.log1p is
 *   the plain fdlibm evaluation; it disagrees with glibc on ~0.07% of arguments.)
 * Single precision: glibc's log1pf is fdlibm's float port, Horner evaluation, no FMA; every
 *   operation is rounded to float with Math.fround.
 *
 * Outputs
 *   {@link log1pGlibc}(x): the double glibc's `log1p` returns (FMA variant);
 *   {@link log1pfGlibc}(x): the float glibc's `log1pf` returns (x must be a float32 value).
 *
 * Invariant
 *   Only the branches reached by x ∈ (−1, 0] (NumPy passes −U, U uniform in [0, 1)) matter
 *   for the streams; the other branches follow fdlibm and are tested against values, not bits.
 *
 * Reference
 *   fdlibm 5.3 `s_log1p.c` / `s_log1pf.c` (Sun Microsystems, 1993); glibc 2.36
 *   `sysdeps/ieee754/dbl-64/s_log1p.c` built by `sysdeps/x86_64/fpu/multiarch` with -mfma.
 */
import { fma } from "./double-double.js";

// ln2 split so that k·ln2_hi is exact (ln2_hi has 32 significant bits).
const LN2_HI = 6.9314718036912381649e-1; // 0x3fe62e42 fee00000
const LN2_LO = 1.9082149292705877e-10; // 0x3dea39ef 35793c76
// Remez coefficients of R(z) ≈ log((1+s)/(1−s)) / s − 2 − … (fdlibm's Lp1 … Lp7).
const LP1 = 6.66666666666673513e-1;
const LP2 = 3.999999999940941908e-1;
const LP3 = 2.857142874366239149e-1;
const LP4 = 2.222219843214978396e-1;
const LP5 = 1.818357216161805012e-1;
const LP6 = 1.531383769920937332e-1;
const LP7 = 1.479819860511658591e-1;

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** log(1 + x) exactly as glibc's x86-64 FMA build of fdlibm's log1p computes it. */
export function log1pGlibc(x: number): number {
  F64[0] = x;
  const hx = U32[HI] | 0; // signed high word
  const ax = hx & 0x7fffffff;
  let k = 1;
  let f = 0;
  let hu = 0;
  let c = 0;
  if (hx < 0x3fda827a) {
    // x < 0.41422
    if (ax >= 0x3ff00000) return x === -1 ? -Infinity : NaN; // x ≤ −1
    if (ax < 0x3e200000) {
      // |x| < 2^-29: log1p(x) ≈ x − x²/2
      if (ax < 0x3c900000) return x;
      return x - x * x * 0.5;
    }
    if (hx > 0 || hx < (0xbfd2bec4 | 0)) {
      // −0.2929 < x < 0.41422: no argument reduction
      k = 0;
      f = x;
      hu = 1;
    }
  } else if (hx >= 0x7ff00000) {
    return x + x;
  }
  if (k !== 0) {
    let u: number;
    if (hx < 0x43400000) {
      u = 1 + x;
      F64[0] = u;
      hu = U32[HI];
      k = (hu >> 20) - 1023;
      // c = (1 + x) − u, the rounding error of u, relative to u
      c = k > 0 ? 1 - (u - x) : x - (u - 1);
      c /= u;
    } else {
      u = x;
      F64[0] = u;
      hu = U32[HI];
      k = (hu >> 20) - 1023;
      c = 0;
    }
    hu &= 0x000fffff;
    // Normalise u to [√2/2, √2): 1 + f = u / 2^k.
    if (hu < 0x6a09e) {
      U32[HI] = hu | 0x3ff00000;
    } else {
      k += 1;
      U32[HI] = hu | 0x3fe00000;
      hu = (0x00100000 - hu) >> 2;
    }
    f = F64[0] - 1;
  }
  const hfsq = 0.5 * f * f;
  if (hu === 0) {
    // |f| < 2^-20
    if (f === 0) {
      if (k === 0) return 0;
      return fma(k, LN2_HI, fma(k, LN2_LO, c));
    }
    const R = hfsq * fma(-f, 0.66666666666666666, 1);
    if (k === 0) return f - R;
    return fma(k, LN2_HI, -(R - fma(k, LN2_LO, c) - f));
  }
  const s = f / (2 + f);
  const z = s * s;
  // R(z) by the contracted Estrin scheme of glibc's FMA build.
  const R2 = fma(z, LP3, LP2);
  const R3 = fma(z, LP5, LP4);
  const R4 = fma(z, LP7, LP6);
  const z2 = z * z;
  const z4 = z2 * z2;
  const z6 = z2 * z4;
  const R = fma(z6, R4, fma(z4, R3, fma(z, LP1, z2 * R2)));
  if (k === 0) return f - (hfsq - s * (hfsq + R));
  return fma(k, LN2_HI, -(hfsq - (fma(k, LN2_LO, c) + s * (hfsq + R)) - f));
}

// Single-precision constants (the float roundings of fdlibm's double ones).
const fr = Math.fround;
const LN2_HI_F = fr(6.9313812256e-1); // 0x3f317180
const LN2_LO_F = fr(9.0580006145e-6); // 0x3717f7d1
const LP1_F = fr(LP1);
const LP2_F = fr(LP2);
const LP3_F = fr(LP3);
const LP4_F = fr(LP4);
const LP5_F = fr(LP5);
const LP6_F = fr(LP6);
const LP7_F = fr(LP7);

const F32 = new Float32Array(1);
const I32 = new Int32Array(F32.buffer);

/** log(1 + x) for a float32 x, exactly as glibc's `log1pf` (fdlibm's float port) computes it. */
export function log1pfGlibc(x: number): number {
  F32[0] = x;
  const hx = I32[0];
  const ax = hx & 0x7fffffff;
  let k = 1;
  let f = 0;
  let hu = 0;
  let c = 0;
  if (hx < 0x3ed413d7) {
    // x < 0.41422
    if (ax >= 0x3f800000) return x === -1 ? -Infinity : NaN;
    if (ax < 0x31000000) {
      // |x| < 2^-29
      if (ax < 0x24800000) return x;
      return fr(x - fr(fr(x * x) * 0.5));
    }
    if (hx > 0 || hx < (0xbe95f620 | 0)) {
      // −0.2929 < x < 0.41422
      k = 0;
      f = x;
      hu = 1;
    }
  } else if (hx >= 0x7f800000) {
    return fr(x + x);
  }
  if (k !== 0) {
    let u: number;
    if (hx < 0x5a000000) {
      u = fr(1 + x);
      F32[0] = u;
      hu = I32[0];
      k = (hu >> 23) - 127;
      c = k > 0 ? fr(1 - fr(u - x)) : fr(x - fr(u - 1));
      c = fr(c / u);
    } else {
      u = x;
      F32[0] = u;
      hu = I32[0];
      k = (hu >> 23) - 127;
      c = 0;
    }
    hu &= 0x007fffff;
    if (hu < 0x3504f7) {
      I32[0] = hu | 0x3f800000;
    } else {
      k += 1;
      I32[0] = hu | 0x3f000000;
      hu = (0x00800000 - hu) >> 2;
    }
    f = fr(F32[0] - 1);
  }
  const hfsq = fr(fr(0.5 * f) * f);
  if (hu === 0) {
    if (f === 0) {
      if (k === 0) return 0;
      return fr(fr(fr(k * LN2_LO_F) + c) + fr(k * LN2_HI_F));
    }
    const R = fr(hfsq * fr(1 - fr(LP1_F * f)));
    if (k === 0) return fr(f - R);
    return fr(fr(k * LN2_HI_F) - fr(fr(R - fr(fr(k * LN2_LO_F) + c)) - f));
  }
  const s = fr(f / fr(2 + f));
  const z = fr(s * s);
  let R = fr(LP7_F * z);
  R = fr(fr(R + LP6_F) * z);
  R = fr(fr(R + LP5_F) * z);
  R = fr(fr(R + LP4_F) * z);
  R = fr(fr(R + LP3_F) * z);
  R = fr(fr(R + LP2_F) * z);
  R = fr(fr(R + LP1_F) * z);
  const sR = fr(s * fr(hfsq + R));
  if (k === 0) return fr(f - fr(hfsq - sR));
  return fr(fr(k * LN2_HI_F) - fr(fr(hfsq - fr(fr(fr(k * LN2_LO_F) + c) + sR)) - f));
}
