/** The element-wise operators that have dedicated (call-free) inner loops. */
export const enum Op {
  Generic = 0,
  Add = 1,
  Subtract = 2,
  Multiply = 3,
  Divide = 4,
}

