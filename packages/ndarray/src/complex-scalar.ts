/**
 * Complex scalar kernels of the ufuncs: each reads one or two complex numbers as (re, im) pairs
 * and writes its result into the output slots o[k] (re), o[k+1] (im), or o[k] alone for a
 * real result (the comparisons):
 *
 *   (a + ib)(c + id) = (ac − bd) + i(ad + bc)
 *   (a + ib)/(c + id)   Smith's algorithm (scale by the larger of |c|, |d|; no overflow of c² + d²)
 *   z^w = exp(w·log z);  exp(a + ib) = e^a (cos b + i sin b);  log z = log|z| + i arg z
 *   √z  principal root, Kahan's formula without cancellation
 *
 * Used by makeBinary/makeUnary loops through kernels/elementwise.ts's mapComplex*.
 *
 * Reference: NumPy's npy_math_complex.c; Smith, "Algorithm 116: Complex division" (CACM 1962);
 * Kahan, "Branch cuts for complex elementary functions" (1987).
 */
import type { ComplexBinary, ComplexUnary } from "./kernels/elementwise.js";

// complex helpers: (ar + i·ai) op (br + i·bi)
export const cAdd: ComplexBinary = (ar, ai, br, bi, o, k) => {
  o[k] = ar + br;
  o[k + 1] = ai + bi;
};
export const cSub: ComplexBinary = (ar, ai, br, bi, o, k) => {
  o[k] = ar - br;
  o[k + 1] = ai - bi;
};
export const cMul: ComplexBinary = (ar, ai, br, bi, o, k) => {
  o[k] = ar * br - ai * bi;
  o[k + 1] = ar * bi + ai * br;
};
/** Smith's algorithm: divides without overflow in |b|². */
export const cDiv: ComplexBinary = (ar, ai, br, bi, o, k) => {
  if (Math.abs(br) >= Math.abs(bi)) {
    if (br === 0 && bi === 0) {
      o[k] = ar / 0;
      o[k + 1] = ai / 0;
      return;
    }
    const r = bi / br;
    const d = br + bi * r;
    o[k] = (ar + ai * r) / d;
    o[k + 1] = (ai - ar * r) / d;
  } else {
    const r = br / bi;
    const d = bi + br * r;
    o[k] = (ar * r + ai) / d;
    o[k + 1] = (ai * r - ar) / d;
  }
};
export const cPow: ComplexBinary = (ar, ai, br, bi, o, k) => {
  if (ar === 0 && ai === 0) {
    o[k] = br === 0 && bi === 0 ? 1 : 0;
    o[k + 1] = 0;
    return;
  }
  // a^b = exp(b·log a)
  const logr = Math.log(Math.hypot(ar, ai));
  const theta = Math.atan2(ai, ar);
  const re = br * logr - bi * theta;
  const im = br * theta + bi * logr;
  const m = Math.exp(re);
  o[k] = m * Math.cos(im);
  o[k + 1] = m * Math.sin(im);
};

export const cEq: ComplexBinary = (ar, ai, br, bi, o, k) => {
  o[k] = ar === br && ai === bi ? 1 : 0;
};
export const cNe: ComplexBinary = (ar, ai, br, bi, o, k) => {
  o[k] = ar !== br || ai !== bi ? 1 : 0;
};

// unary
export const cExp: ComplexUnary = (ar, ai, o, k) => {
  const m = Math.exp(ar);
  o[k] = ai === 0 ? m : m * Math.cos(ai);
  o[k + 1] = ai === 0 ? ai : m * Math.sin(ai);
};
export const cLog: ComplexUnary = (ar, ai, o, k) => {
  o[k] = Math.log(Math.hypot(ar, ai));
  o[k + 1] = Math.atan2(ai, ar);
};
/** Principal square root, computed without cancellation (Kahan). */
export const cSqrt: ComplexUnary = (ar, ai, o, k) => {
  if (ar === 0 && ai === 0) {
    o[k] = 0;
    o[k + 1] = ai;
    return;
  }
  const t = Math.sqrt((Math.abs(ar) + Math.hypot(ar, ai)) / 2);
  if (ar >= 0) {
    o[k] = t;
    o[k + 1] = ai / (2 * t);
  } else {
    o[k] = Math.abs(ai) / (2 * t);
    o[k + 1] = ai < 0 || Object.is(ai, -0) ? -t : t;
  }
};
