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

/** A result object that also destructures as a tuple in the order of its fields `K`. */
export type NamedTuple<T extends object> = T & Iterable<T[keyof T]>;

/** Make `fields` iterable over `order` (NumPy's tuple order). Returns the same object. */
export function namedTuple<T extends object>(fields: T, order: readonly (keyof T)[]): NamedTuple<T> {
  Object.defineProperty(fields, Symbol.iterator, {
    enumerable: false,
    configurable: true,
    value: function* () {
      for (const k of order) yield fields[k];
    },
  });
  return fields as NamedTuple<T>;
}
