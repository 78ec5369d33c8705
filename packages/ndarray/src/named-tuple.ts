/**
 * Results NumPy returns as (named) tuples come back here as objects with named fields, and
 * are iterable in NumPy's order as well, so both translations of `U, S, Vh = svd(A)` work:
 *
 *   const { U, S, Vh } = linalg.svd(A);
 *   const [U, S, Vh] = linalg.svd(A);
 *
 * The iterator is a non-enumerable property: the object prints, spreads and serialises as
 * its named fields only.
 */
import { ValueError } from "./errors.js";
import { describe, isPlainObject, checkArity } from "./validate.js";

/** A result object that also destructures as a tuple in the order of its fields `K`. */
export type NamedTuple<T extends object> = T & Iterable<T[keyof T]>;

/**
 * Make `fields` iterable over `order` (NumPy's tuple order). Returns the same object.
 * @throws ValueError when `fields` is not an object literal, `order` is not a list of its
 *   own keys, or for an extra argument.
 */
export function namedTuple<T extends object>(fields: T, order: readonly (keyof T)[]): NamedTuple<T> {
  checkArity("namedTuple", arguments.length, ["fields", "order"], 2);
  if (!isPlainObject(fields)) throw new ValueError(`namedTuple: fields must be an object literal, got ${describe(fields)}`);
  if (!Array.isArray(order)) throw new ValueError(`namedTuple: order must be a list of the field names, got ${describe(order)}`);
  for (const k of order) {
    if (!Object.prototype.hasOwnProperty.call(fields, k)) {
      throw new ValueError(`namedTuple: order names ${describe(k)}, which is not a field of the object (its fields are ${Object.keys(fields).join(", ")})`);
    }
  }
  Object.defineProperty(fields, Symbol.iterator, {
    enumerable: false,
    configurable: true,
    value: function* () {
      for (const k of order) yield fields[k];
    },
  });
  return fields as NamedTuple<T>;
}
