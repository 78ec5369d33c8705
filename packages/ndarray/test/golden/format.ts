/**
 * How the golden harness writes values in its messages: a shape as NumPy prints it (`(3,)`,
 * `(2,3)`), one element (`-0`, `1+2j`), any value in a few words (`NDArray float64 (2,2)`,
 * `Python float 2`); and `unravel`, a flat C-order index to its multi-index, which the messages
 * and the batched helpers of leaf-algebra.ts share.
 */
import * as np from "@sliderule/ndarray";
import { PyFloat } from "./golden-json.js";

export function fmtShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(",")})`;
}

export function unravel(i: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length);
  for (let k = shape.length - 1; k >= 0; k--) {
    idx[k] = i % shape[k];
    i = Math.floor(i / shape[k]);
  }
  return idx;
}

function fmtNum(x: number): string {
  return Object.is(x, -0) ? "-0" : String(x);
}

export function fmtElem(re: number, im: number | null): string {
  if (im === null) return fmtNum(re);
  return `${fmtNum(re)}${im < 0 || Object.is(im, -0) ? "-" : "+"}${fmtNum(Math.abs(im))}j`;
}

/** A short description of any value, for messages. */
export function describe(x: unknown): string {
  if (x instanceof np.NDArray) return `NDArray ${x.dtype} ${fmtShape(x.shape)}`;
  if (x instanceof PyFloat) return `Python float ${x.pyFloat}`;
  if (Array.isArray(x)) return `list of ${x.length}`;
  if (x === null) return "null";
  if (x === undefined) return "undefined";
  if (typeof x === "object") return `object {${Object.keys(x).join(", ")}}`;
  return `${typeof x} ${String(x)}`;
}
