/**
 * Strided copy with casting: dst[i] = cast(src[i]) for every index i of `shape`.
 *
 * Used by copy, astype, ascontiguousarray, reshape-that-must-copy and assignment through a
 * view (`a.set(...)`), where `src` has been broadcast to `dst`'s shape (stride 0 on stretched
 * dimensions). Casting follows NumPy's `casting="unsafe"`: float -> int truncates toward zero,
 * anything -> bool is `x != 0`, complex -> real keeps the real part, real -> complex has im = 0.
 */
import type { DType, TypedArray } from "../dtype.js";
import type { Shape } from "../shape.js";
import { forEachRun } from "./strided.js";

/** The parts of an array a kernel needs: its buffer, dtype and layout. */
export interface Strided {
  readonly data: TypedArray;
  readonly dtype: DType;
  readonly strides: readonly number[];
  readonly offset: number;
}

export function copyStrided(shape: Shape, src: Strided, dst: Strided): void {
  const s = src.data;
  const d = dst.data;
  const sc = src.dtype === "complex128";
  const dc = dst.dtype === "complex128";
  const toBool = dst.dtype === "bool";
  forEachRun(shape, [src.strides, dst.strides], [src.offset, dst.offset], (pos, n, step) => {
    let i = pos[0];
    let j = pos[1];
    const si = step[0];
    const sj = step[1];
    if (dc) {
      // complex destination: two slots per element
      for (let k = 0; k < n; k++, i += si, j += sj) {
        d[2 * j] = sc ? s[2 * i] : s[i];
        d[2 * j + 1] = sc ? s[2 * i + 1] : 0;
      }
    } else if (sc) {
      for (let k = 0; k < n; k++, i += si, j += sj) d[j] = toBool ? (s[2 * i] !== 0 || s[2 * i + 1] !== 0 ? 1 : 0) : s[2 * i];
    } else if (toBool) {
      for (let k = 0; k < n; k++, i += si, j += sj) d[j] = s[i] !== 0 ? 1 : 0;
    } else if (si === 1 && sj === 1) {
      // the contiguous case: one typed-array copy (the buffer's own assignment casts)
      if (s.constructor === d.constructor) (d as Float64Array).set((s as Float64Array).subarray(i, i + n), j);
      else for (let k = 0; k < n; k++) d[j + k] = s[i + k];
    } else {
      for (let k = 0; k < n; k++, i += si, j += sj) d[j] = s[i];
    }
  });
}
