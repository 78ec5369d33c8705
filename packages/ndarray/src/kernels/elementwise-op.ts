/** The element-wise operators that have dedicated (call-free) inner loops. */
export const enum Op {
  Generic = 0,
  Add = 1,
  Subtract = 2,
  Multiply = 3,
  Divide = 4,
}

/**
 * The unary operators that have dedicated float64 loops (elementwise-f64.ts). Each is exactly
 * its scalar definition, so the fast loop and the generic one agree bit for bit:
 *   Square      x·x                         (square; power(x, 2))
 *   Sqrt        √x                          (sqrt)
 *   Negative    −x                          (negative)
 *   Abs         |x|                         (abs)
 *   Copy        x                           (positive; power(x, 1))
 *   Reciprocal  1/x                         (power(x, −1); pow(x, −1) is 1/x correctly rounded)
 */
export const enum UnaryOp {
  Generic = 0,
  Square = 1,
  Sqrt = 2,
  Negative = 3,
  Abs = 4,
  Copy = 5,
  Reciprocal = 6,
}
