/**
 * The error classes of Sliderule.
 *
 * Two kinds of error (docs/style.md §9):
 * - a caller's mistake is thrown at once, its message starting with the function's name and
 *   showing the values: `ValueError`, `ShapeError`, `DTypeError`, `IndexError`, `AxisError`;
 * - a numerical outcome is a `LinAlgError` with a `kind` (defined in @sliderule/linalg).
 *
 * Each class is named after NumPy's exception so that a student sees the familiar name, and
 * the class chain mirrors NumPy's: `AxisError` is an `IndexError`, `ShapeError` is a `ValueError`.
 */

/** An argument with the right type but a bad value (NumPy's ValueError). */
export class ValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Shapes that do not broadcast, align, reshape or stack. */
export class ShapeError extends ValueError {}

/** Division by zero where NumPy raises (e.g. `arange` with step 0). */
export class ZeroDivisionError extends ValueError {}

/** An unknown dtype, or an operation a dtype does not support. */
export class DTypeError extends TypeError {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** An array too large to allocate (NumPy's MemoryError: "Unable to allocate 74.5 GiB …"). */
export class MemoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** An index out of bounds, or too many indices. */
export class IndexError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** An axis out of range for the array's dimension (NumPy's AxisError, an IndexError and ValueError). */
export class AxisError extends IndexError {}

/** Names of the classes on an error's prototype chain, most derived first. */
export function errorClassNames(e: unknown): string[] {
  const names: string[] = [];
  let p = e !== null && typeof e === "object" ? Object.getPrototypeOf(e) : null;
  while (p && p !== Object.prototype) {
    names.push(p.constructor.name);
    p = Object.getPrototypeOf(p);
  }
  return names;
}
