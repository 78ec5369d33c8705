/**
 * Results NumPy returns as (named) tuples come back here as objects with named fields, and
 * are iterable in NumPy's order as well, so both translations of `U, S, Vh = svd(A)` work:
 *
 *   const { U, S, Vh } = linalg.svd(A);
 *   const [U, S, Vh] = linalg.svd(A);
 *
 * and NumPy's indexing of a tuple works too: `linalg.eigh(A)[0]` is the eigenvalues, as
 * `np.linalg.eigh(A)[0]` is, and `length` is the tuple's length.
 *
 * The iterator, the indices and `length` are non-enumerable properties (the indices are
 * getters of the named fields): the object prints, spreads and serialises as its named
 * fields only. With the order as its second type parameter, TypeScript types each position:
 * `const [x, residuals, rank] = linalg.lstsq(A, b)` gives rank the type number.
 */
import { ValueError } from "./errors.js";
import { describe, isPlainObject, checkArity } from "./validate.js";

/**
 * A result object with named fields `T` that also destructures and indexes as a tuple in the
 * order `Order` (a tuple of T's keys). Without `Order`, the positions are not typed one by
 * one (each is any field's type).
 */
export type NamedTuple<T extends object, Order extends readonly (keyof T)[] = readonly (keyof T)[]> = T &
  Iterable<T[keyof T]> &
  Positions<T, Order> & { readonly length: Order["length"] };

/** result[i]: the i-th field's type for a tuple Order (any field's type past the end, or for a general Order). */
type Positions<T extends object, Order extends readonly (keyof T)[]> = { readonly [i: number]: T[keyof T] } & (number extends Order["length"]
  ? unknown
  : { readonly [I in Exclude<keyof Order, keyof unknown[]>]: T[Order[I] & keyof T] });

/**
 * Make `fields` iterable over `order` (NumPy's tuple order). Returns the same object.
 * @throws ValueError when `fields` is not an object literal, `order` is not a list of its
 *   own keys, or for an extra argument.
 */
export function namedTuple<T extends object, const Order extends readonly (keyof T)[]>(fields: T, order: Order): NamedTuple<T, Order> {
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
  // result[i] is the i-th field (a getter, so it follows the field), result.length the count
  order.forEach((k, i) => {
    Object.defineProperty(fields, i, { enumerable: false, configurable: true, get: () => fields[k] });
  });
  Object.defineProperty(fields, "length", { enumerable: false, configurable: true, value: order.length });
  return fields as NamedTuple<T, Order>;
}
