/**
 * Strided iteration: the one loop nest every element-wise kernel runs on.
 *
 * An n-d strided operand is a buffer, an offset and one stride per dimension (in elements);
 * element (i0, …, i_{d-1}) sits at `offset + Σ i_k·strides[k]`. To visit every element of
 * several operands of one shape in step, we
 *   1. coalesce: drop size-1 dimensions and merge dimension k into k+1 wherever every
 *      operand has strides[k] = strides[k+1]·shape[k+1] (contiguous C data becomes one run);
 *   2. walk the outer dimensions with an odometer, and hand each innermost run
 *      (length n, one step per operand) to the caller's body.
 *
 * The body is called once per run, not per element, so a typed-array loop inside it runs at
 * full speed; contiguous operands produce a single run of the whole size.
 *
 * Invariant: the runs visit every index tuple of `shape` exactly once, in C order of the
 * coalesced dimensions.
 */
import type { Shape } from "../shape.js";

/** Run body: `pos[j]` is operand j's element offset at the start of the run, `step[j]` its stride. */
export type RunBody = (pos: readonly number[], n: number, step: readonly number[]) => void;

/** Merge dimensions that every operand walks contiguously; drop size-1 dimensions. */
export function coalesce(shape: Shape, strides: readonly (readonly number[])[]): { shape: number[]; strides: number[][] } {
  const outShape: number[] = [];
  const outStrides: number[][] = strides.map(() => []);
  for (let d = 0; d < shape.length; d++) {
    if (shape[d] === 1) continue;
    const last = outShape.length - 1;
    let mergeable = last >= 0;
    if (mergeable) {
      for (let j = 0; j < strides.length; j++) {
        // dimension `last` (outer) can absorb dimension d (inner) if stride_outer = stride_inner·n_inner
        if (outStrides[j][last] !== strides[j][d] * shape[d]) {
          mergeable = false;
          break;
        }
      }
    }
    if (mergeable) {
      outShape[last] *= shape[d];
      for (let j = 0; j < strides.length; j++) outStrides[j][last] = strides[j][d];
    } else {
      outShape.push(shape[d]);
      for (let j = 0; j < strides.length; j++) outStrides[j].push(strides[j][d]);
    }
  }
  return { shape: outShape, strides: outStrides };
}

/**
 * Visit every element of `shape` for several operands in step, one innermost run at a time.
 * `strides[j]` and `offsets[j]` describe operand j. Nothing is visited when the shape has a 0.
 */
export function forEachRun(shape: Shape, strides: readonly (readonly number[])[], offsets: readonly number[], body: RunBody): void {
  for (const d of shape) if (d === 0) return;
  const c = coalesce(shape, strides);
  const nops = offsets.length;
  const ndim = c.shape.length;
  if (ndim === 0) {
    body(offsets, 1, new Array<number>(nops).fill(0));
    return;
  }
  const n = c.shape[ndim - 1];
  const step = c.strides.map((s) => s[ndim - 1]);
  const pos = offsets.slice();
  if (ndim === 1) {
    body(pos, n, step);
    return;
  }
  // Odometer over the outer dimensions 0..ndim-2.
  const outer = ndim - 1;
  const counter = new Array<number>(outer).fill(0);
  for (;;) {
    body(pos, n, step);
    let d = outer - 1;
    for (; d >= 0; d--) {
      counter[d]++;
      for (let j = 0; j < nops; j++) pos[j] += c.strides[j][d];
      if (counter[d] < c.shape[d]) break;
      for (let j = 0; j < nops; j++) pos[j] -= c.strides[j][d] * c.shape[d];
      counter[d] = 0;
    }
    if (d < 0) return;
  }
}

/** True when an operand of this shape/strides covers its elements in C order with unit stride. */
export function isCContiguous(shape: Shape, strides: readonly number[]): boolean {
  if (shape.includes(0)) return true; // no elements: contiguous in any layout, as NumPy
  let expected = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    if (shape[d] !== 1 && strides[d] !== expected) return false;
    expected *= shape[d];
  }
  return true;
}

/** True when an operand is Fortran-contiguous (column-major, unit stride on the first axis). */
export function isFContiguous(shape: Shape, strides: readonly number[]): boolean {
  if (shape.includes(0)) return true;
  let expected = 1;
  for (let d = 0; d < shape.length; d++) {
    if (shape[d] !== 1 && strides[d] !== expected) return false;
    expected *= shape[d];
  }
  return true;
}
