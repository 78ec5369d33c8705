/**
 * NumPy returns a scalar, not a 0-d array, for one matrix: `det`, `slogdet`, `cond`,
 * `matrixRank`, `trace`, and `norm` without an axis. Here that scalar is a JS number (a
 * `Complex` {re, im} for complex128). The typing rule, for what TypeScript can and cannot see of
 * an argument's rank and dtype, is in @sliderule/ndarray's batched.ts and in README.md.
 */
import type { Complex, NDArray } from "@sliderule/ndarray";

/** The value of a 0-d array as NumPy's scalar: a number (rounded to the array's dtype), or a Complex. */
export function scalarOf(x: NDArray): number | Complex {
  return x.dtype === "complex128" ? x.getComplex() : x.item();
}
