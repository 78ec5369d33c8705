/**
 * einsum, the reference twin: the definition as a single loop nest over every letter.
 *
 *   out[o] = Σ_s Π_t op_t[ letters of t ]
 *
 * where o runs over the output letters and s over all the others. This file is the spec that
 * einsum.ts (views, sums, pairwise gemm contractions) and the products built on contractions
 * (dot, inner, vdot, tensordot) are tested against (docs/style.md §6). It is written for reading,
 * not speed: the work is Π (size of every letter), so keep the sizes small.
 *
 * Input is already parsed: one letter per axis of each operand ("..." written out as letters);
 * a letter repeated in one operand reads its diagonal; an axis of length 1 broadcasts (it is
 * read at index 0 whatever the letter's size elsewhere).
 *
 * Arithmetic is complex float64 throughout; the result is stored in `dtype` as NumPy casts:
 * bool -> (value ≠ 0), int32 -> wrapped modulo 2³² (exact while the sums stay below 2⁵³),
 * float32 -> rounded once.
 *
 * Reference: A. Einstein, "Die Grundlage der allgemeinen Relativitätstheorie" (1916), §5, the
 * summation convention; NumPy's `einsum` documentation.
 */
import { allocate, type DType } from "../dtype.js";
import { NDArray } from "../ndarray.js";

/** out = einsum(inputs -> output) of `operands`, by one loop over every letter (file header). */
export function einsumReference(inputs: readonly string[], output: string, operands: readonly NDArray[], dtype: DType): NDArray {
  const letters = [...new Set(inputs.join("") + output)];
  // each letter's size: the length of its axes that are not 1 (1 if all are)
  const size = new Map<string, number>(letters.map((ch) => [ch, 1]));
  inputs.forEach((term, t) =>
    [...term].forEach((ch, axis) => {
      if (operands[t].shape[axis] !== 1) size.set(ch, operands[t].shape[axis]);
    }),
  );
  const outShape = [...output].map((ch) => size.get(ch)!);
  const outSize = outShape.reduce((p, d) => p * d, 1);
  const re = new Float64Array(outSize);
  const im = new Float64Array(outSize);

  // odometer over every letter: value[ch] is the current index of letter ch
  const value = new Map<string, number>(letters.map((ch) => [ch, 0]));
  const total = letters.reduce((p, ch) => p * size.get(ch)!, 1);
  for (let step = 0; step < total; step++) {
    // Π_t op_t[...], complex
    let pr = 1;
    let pi = 0;
    inputs.forEach((term, t) => {
      const x = operands[t];
      const idx = [...term].map((ch, axis) => (x.shape[axis] === 1 ? 0 : value.get(ch)!));
      const v = x.getComplex(...idx);
      [pr, pi] = [pr * v.re - pi * v.im, pr * v.im + pi * v.re];
    });
    // += into out[o]
    let o = 0;
    for (const ch of output) o = o * size.get(ch)! + value.get(ch)!;
    re[o] += pr;
    im[o] += pi;
    // advance the odometer, last letter fastest
    for (let k = letters.length - 1; k >= 0; k--) {
      const ch = letters[k];
      const next = value.get(ch)! + 1;
      if (next < size.get(ch)!) {
        value.set(ch, next);
        break;
      }
      value.set(ch, 0);
    }
  }

  const data = allocate(dtype, outSize);
  for (let e = 0; e < outSize; e++) {
    if (dtype === "complex128") {
      data[2 * e] = re[e];
      data[2 * e + 1] = im[e];
    } else if (dtype === "bool") {
      data[e] = re[e] !== 0 || im[e] !== 0 ? 1 : 0;
    } else {
      data[e] = re[e]; // the typed array's store wraps int32 and rounds float32
    }
  }
  return new NDArray(data, outShape, dtype);
}
