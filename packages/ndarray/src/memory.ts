/**
 * Do two arrays share memory? NumPy's `np.shares_memory` (exact) and `np.may_share_memory`
 * (bounds only).
 *
 *   element (i_0, …, i_{d-1}) of a lives at slot  offset + Σ_k i_k·strides[k]  of a.data
 *   (complex128: slots 2e and 2e+1), so a and b overlap when one slot is in both sets.
 *
 * mayShareMemory compares the two sets' extents [min, max] only: true can be a false alarm
 * (two interleaved column views), false is certain. sharesMemory marks a's slots in a bitmap
 * over the common extent and looks for one of b's: exact, in O(size) time and O(extent) bits.
 * Reference: NumPy's `mem_overlap.c` (which solves the same question as a bounded Diophantine
 * problem; the bitmap is the readable version for in-memory sizes).
 */
import { NDArray } from "./ndarray.js";
import { ValueError } from "./errors.js";
import { describe } from "./validate.js";

/** The extent [lo, hi] of the buffer slots an array's elements occupy (null for an empty array). */
function extent(a: NDArray): [number, number] | null {
  if (a.size === 0) return null;
  let lo = a.offset;
  let hi = a.offset;
  for (let k = 0; k < a.ndim; k++) {
    const span = (a.shape[k] - 1) * a.strides[k];
    if (span < 0) lo += span;
    else hi += span;
  }
  return a.dtype === "complex128" ? [2 * lo, 2 * hi + 1] : [lo, hi];
}

function checkArrays(fn: string, a: unknown, b: unknown): asserts a is NDArray {
  if (!(a instanceof NDArray) || !(b instanceof NDArray)) {
    throw new ValueError(`${fn}: both arguments must be NDArrays, got ${describe(a)} and ${describe(b)}`);
  }
}

/** Every slot an array's elements occupy, visited in C order. */
function forEachSlot(a: NDArray, visit: (slot: number) => boolean): boolean {
  const idx = new Array<number>(a.ndim).fill(0);
  const width = a.dtype === "complex128" ? 2 : 1;
  for (let n = 0; n < a.size; n++) {
    let e = a.offset;
    for (let k = 0; k < a.ndim; k++) e += idx[k] * a.strides[k];
    for (let w = 0; w < width; w++) if (visit(width * e + w)) return true;
    for (let k = a.ndim - 1; k >= 0; k--) {
      if (++idx[k] < a.shape[k]) break;
      idx[k] = 0;
    }
  }
  return false;
}

/** `np.may_share_memory(a, b)`: the same buffer and overlapping extents (may be a false alarm). */
export function mayShareMemory(a: NDArray, b: NDArray): boolean {
  checkArrays("mayShareMemory", a, b);
  if (a.data.buffer !== (b as NDArray).data.buffer) return false;
  const ea = extent(a);
  const eb = extent(b as NDArray);
  if (ea === null || eb === null) return false;
  // slots are counted in each array's own element size; compare in bytes
  const ba = [a.data.byteOffset + ea[0] * a.data.BYTES_PER_ELEMENT, a.data.byteOffset + (ea[1] + 1) * a.data.BYTES_PER_ELEMENT - 1];
  const bd = (b as NDArray).data;
  const bb = [bd.byteOffset + eb[0] * bd.BYTES_PER_ELEMENT, bd.byteOffset + (eb[1] + 1) * bd.BYTES_PER_ELEMENT - 1];
  return ba[0] <= bb[1] && bb[0] <= ba[1];
}

/** `np.shares_memory(a, b)`: is there an element of a and one of b at the same place? Exact. */
export function sharesMemory(a: NDArray, b: NDArray): boolean {
  checkArrays("sharesMemory", a, b);
  if (!mayShareMemory(a, b)) return false;
  if (a.data !== (b as NDArray).data) return true; // different views of one ArrayBuffer: extents overlap; treat as shared
  const ea = extent(a)!;
  const eb = extent(b as NDArray)!;
  const lo = Math.max(ea[0], eb[0]);
  const hi = Math.min(ea[1], eb[1]);
  const marked = new Uint8Array(hi - lo + 1);
  forEachSlot(a, (s) => {
    if (s >= lo && s <= hi) marked[s - lo] = 1;
    return false;
  });
  return forEachSlot(b as NDArray, (s) => s >= lo && s <= hi && marked[s - lo] === 1);
}
