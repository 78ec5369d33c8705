/**
 * Universal functions: element-wise operations with broadcasting, NumPy's type promotion
 * and an optional `out` array, as `np.add(a, b, { out })` or `a.add(b)`.
 *
 *   out[i] = f(x[i], y[i])     i over the broadcast shape of x and y, in the promoted dtype
 *
 * Where each part lives:
 *   ufunc-core.ts      how one call runs: inputs, promotion, loop dtype, out; makeBinary/makeUnary
 *   ufunc-binary.ts    add … power, maximum/minimum, comparisons, logical operators
 *   ufunc-unary.ts     negative, abs, sqrt, exp/log, trigonometry, sign, rint, round, isnan, …
 *   where-clip.ts      clip and where
 *   complex-scalar.ts  the complex kernels
 *
 * Integer semantics: int32 arithmetic wraps as C does; floor division and remainder by 0
 * give 0 (NumPy warns and gives 0); `power` of integers to a negative integer power throws.
 * Bool: `add` is logical or, `multiply` logical and, `subtract` and `negative` throw as in
 * NumPy.
 *
 * Reference: NumPy's "Universal functions (ufunc)" reference and numpy/core/src/umath.
 */
export type { ArrayInput, UfuncOptions } from "./ufunc-core.js";
export * from "./ufunc-binary.js";
export * from "./ufunc-unary.js";
export * from "./where-clip.js";
