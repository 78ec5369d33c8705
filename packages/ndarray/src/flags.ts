/**
 * NumPy's `a.flags` (the layout facts of an array, printing as NumPy's block) and the error for
 * writes to NDArray's read-only attributes (plain JS would otherwise ignore them silently).
 *
 *   String(a.flags)  →    C_CONTIGUOUS : True
 *                         F_CONTIGUOUS : False
 *                         OWNDATA : True  …
 *
 * Reference: NumPy's `ndarray.flags` (numpy/core/src/multiarray/flagsobject.c).
 */
import { ValueError } from "./errors.js";

export interface Flags {
  cContiguous: boolean;
  fContiguous: boolean;
  ownData: boolean;
  writeable: boolean;
}

/** Throw our error for writes to a read-only attribute (plain JS would otherwise ignore them). */
export function readOnly(name: string, hint?: string): never {
  throw new ValueError(`NDArray: attribute '${name}' is read-only${hint ? `; use ${hint}` : ""}`);
}

/** The flags object, printing as NumPy's `a.flags` block. */
export function makeFlags(cContiguous: boolean, fContiguous: boolean, ownData: boolean, writeable: boolean): Flags {
  const flags = { cContiguous, fContiguous, ownData, writeable };
  const py = (b: boolean) => (b ? "True" : "False");
  Object.defineProperty(flags, "toString", {
    enumerable: false,
    value: () =>
      [
        `  C_CONTIGUOUS : ${py(cContiguous)}`,
        `  F_CONTIGUOUS : ${py(fContiguous)}`,
        `  OWNDATA : ${py(ownData)}`,
        `  WRITEABLE : ${py(writeable)}`,
        `  ALIGNED : True`,
        `  WRITEBACKIFCOPY : False`,
      ].join("\n"),
  });
  return flags;
}
