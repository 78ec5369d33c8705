/**
 * Errors name the function the user called.
 *
 * Inside the library, a public function calls other routines (norm calls svd, which calls the
 * bidiagonal SVD; cond calls inv, norm, svd; …), and each of them names itself in its messages,
 * as it must when it is called directly. A user who called `norm(A, 2)` on a NaN matrix should
 * read `norm: SVD did not converge (in svd)`, not `svd: SVD did not converge`.
 *
 * The mechanism is one wrapper, applied once per public function where the package exports it
 * (src/index.ts):
 *
 *   export const norm = publicFunction("norm", normImpl);
 *
 * Calls inside the library import the unwrapped functions from their own files, so the wrapper
 * runs exactly once per user call, at the outermost boundary: no double prefixes, and nothing
 * added to inner calls or hot loops (one try/catch per public call, which costs nothing when
 * nothing is thrown). The wrapper rethrows the same error object with its message rewritten:
 *
 *   "svd: SVD did not converge"      ->  "norm: SVD did not converge (in svd)"
 *   "norm: Invalid norm order …"     ->  unchanged (already the public name)
 *   "Last 2 dimensions …"            ->  "det: Last 2 dimensions …" (no name at all)
 *   "svd: … (in bdsqr)"              ->  "cond: … (in bdsqr)" (the innermost routine is kept)
 *
 * so the class (ValueError, ShapeError, DTypeError, IndexError, AxisError, LinAlgError), its
 * `kind` and `index`, and the stack trace are all kept. Errors that are not ours (a native
 * TypeError from a bug) pass through untouched, so that bugs stay visible.
 */
import { DTypeError, IndexError, ValueError } from "@sliderule/ndarray";
import { LinAlgError } from "../errors.js";

/** `name: message`, with the name of the routine that threw kept as `(in inner)`. */
export function publicMessage(message: string, name: string): string {
  if (message.startsWith(`${name}: `)) return message;
  const m = /^([A-Za-z_$][\w$.]*): ([\s\S]*)$/.exec(message);
  // no function name, or an internal invariant ("internal: …"): just name the public function
  if (m === null || m[1] === "internal") return `${name}: ${message}`;
  const [, inner, rest] = m;
  // an inner routine already named by a deeper rewrite stays the one named
  return /\(in [\w$.]+\)$/.test(rest) ? `${name}: ${rest}` : `${name}: ${rest} (in ${inner})`;
}

/** Whether e is one of our error classes (whose messages follow the `name: …` rule). */
function isOurs(e: unknown): e is Error {
  return e instanceof ValueError || e instanceof DTypeError || e instanceof IndexError || e instanceof LinAlgError;
}

/** Rewrite an error's message (and the first line of its stack) for the public function `name`; returns it. */
export function renameError(e: unknown, name: string): unknown {
  if (!isOurs(e)) return e;
  const before = e.message;
  const after = publicMessage(before, name);
  if (after === before) return e;
  e.message = after;
  if (typeof e.stack === "string") {
    const head = `${e.name}: ${before}`;
    if (e.stack.startsWith(head)) e.stack = `${e.name}: ${after}${e.stack.slice(head.length)}`;
  }
  return e;
}

/**
 * The public face of `impl`: the same function (same overloads, same `this`), whose errors name
 * `name`. See the file header.
 */
export function publicFunction<F extends (...args: never[]) => unknown>(name: string, impl: F): F {
  const call = impl as unknown as (...args: unknown[]) => unknown;
  const wrapped = function (this: unknown, ...args: unknown[]): unknown {
    try {
      return call.apply(this, args);
    } catch (e) {
      throw renameError(e, name);
    }
  };
  Object.defineProperty(wrapped, "name", { value: name });
  Object.defineProperty(wrapped, "length", { value: impl.length });
  return wrapped as unknown as F;
}
