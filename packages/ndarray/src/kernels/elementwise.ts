/**
 * The strided map kernels: out[i] = f(a[i]) and out[i] = f(a[i], b[i]) over operands that
 * have been broadcast to out's shape (stride 0 on stretched axes, so a scalar is a
 * one-element buffer with every stride 0).
 *
 * Shape contract: `shape` is out's shape; every operand's `strides` has one entry per axis of
 * `shape`. Offsets and strides count elements. Complex operands are handled by the complex
 * kernels at the end of this file.
 *
 * Speed: the loop nest is coalesced and walked in 2-D blocks (strided-block.ts), so contiguous
 * operands arrive as one long run, and many short rows (a (500, 500, 10) broadcast) are
 * looped over inside the kernel rather than one call each.
 * The four arithmetic operators have hand-written inner loops (unit stride, broadcast
 * scalar/row, general stride) with no call per element — for float64, the unrolled
 * monomorphic loops of elementwise-f64.ts; every other operator goes through its scalar
 * function `f`, whose call cost is small beside Math.exp and friends.
 *
 * Reference twin: `mapBinaryReference` / `mapUnaryReference`, one call of `f` per element by
 * explicit index arithmetic; the tests run both on the same cases.
 */
import type { Shape } from "../shape.js";
import type { Strided } from "./copy.js";
import { runArithBlockF64, runArithF64, runUnaryF64 } from "./elementwise-f64.js";
import { Op, UnaryOp } from "./elementwise-op.js";
import { blocks } from "./strided-block.js";
import { forEachRun } from "./strided.js";

export { Op, UnaryOp } from "./elementwise-op.js";

export type Binary = (x: number, y: number) => number;
export type Unary = (x: number) => number;

type Buf = Float64Array | Float32Array | Int32Array | Uint8Array;

/** out = f(a, b) element-wise; `op` selects a dedicated loop when f is one of the four operators. */
export function mapBinary(shape: Shape, a: Strided, b: Strided, out: Strided, op: Op, f: Binary): void {
  const A = a.data;
  const B = b.data;
  const O = out.data;
  const f64 = op !== Op.Generic && O instanceof Float64Array && A instanceof Float64Array && B instanceof Float64Array;
  // 2-D blocks (strided-block.ts): a short innermost run, as in X[:, None, :] − X[None, :, :],
  // costs one row step here instead of one call of a run body
  const it = blocks(shape, [a.strides, b.strides, out.strides], [a.offset, b.offset, out.offset]);
  const { rows, n, pos } = it;
  const [ri, rj, ro] = it.rowStep;
  const [si, sj, so] = it.step;
  while (it.next()) {
    let i = pos[0];
    let j = pos[1];
    let o = pos[2];
    if (f64 && runArithBlockF64(op, rows, n, O as Float64Array, o, ro, so, A as Float64Array, i, ri, si, B as Float64Array, j, rj, sj)) continue;
    for (let r = 0; r < rows; r++, i += ri, j += rj, o += ro) runBinary(op, f, A, i, si, B, j, sj, O, o, so, n);
  }
}

/** One run of n elements: O[o + k·so] = f(A[i + k·sa], B[j + k·sb]). */
function runBinary(op: Op, f: Binary, A: Buf, i: number, sa: number, B: Buf, j: number, sb: number, O: Buf, o: number, so: number, n: number): void {
  // float64 with unit or zero strides: the unrolled, monomorphic loops of elementwise-f64.ts
  if (
    so === 1 &&
    ((sa === 1 && (sb === 1 || sb === 0)) || (sa === 0 && sb === 1)) &&
    O instanceof Float64Array &&
    A instanceof Float64Array &&
    B instanceof Float64Array &&
    runArithF64(op, O, o, A, i, sa, B, j, sb, n)
  ) {
    return;
  }
  if (op !== Op.Generic && so === 1 && sa === 1 && (sb === 1 || sb === 0)) {
    if (sb === 1) {
      // both contiguous: the plain loop
      switch (op) {
        case Op.Add:
          for (let k = 0; k < n; k++) O[o + k] = A[i + k] + B[j + k];
          return;
        case Op.Subtract:
          for (let k = 0; k < n; k++) O[o + k] = A[i + k] - B[j + k];
          return;
        case Op.Multiply:
          for (let k = 0; k < n; k++) O[o + k] = A[i + k] * B[j + k];
          return;
        case Op.Divide:
          for (let k = 0; k < n; k++) O[o + k] = A[i + k] / B[j + k];
          return;
      }
    } else {
      // b broadcast along the run (a scalar, or a column against rows)
      const y = B[j];
      switch (op) {
        case Op.Add:
          for (let k = 0; k < n; k++) O[o + k] = A[i + k] + y;
          return;
        case Op.Subtract:
          for (let k = 0; k < n; k++) O[o + k] = A[i + k] - y;
          return;
        case Op.Multiply:
          for (let k = 0; k < n; k++) O[o + k] = A[i + k] * y;
          return;
        case Op.Divide:
          for (let k = 0; k < n; k++) O[o + k] = A[i + k] / y;
          return;
      }
    }
  }
  if (op !== Op.Generic && so === 1 && sa === 0 && sb === 1) {
    const x = A[i];
    switch (op) {
      case Op.Add:
        for (let k = 0; k < n; k++) O[o + k] = x + B[j + k];
        return;
      case Op.Subtract:
        for (let k = 0; k < n; k++) O[o + k] = x - B[j + k];
        return;
      case Op.Multiply:
        for (let k = 0; k < n; k++) O[o + k] = x * B[j + k];
        return;
      case Op.Divide:
        for (let k = 0; k < n; k++) O[o + k] = x / B[j + k];
        return;
    }
  }
  switch (op) {
    case Op.Add:
      for (let k = 0; k < n; k++, i += sa, j += sb, o += so) O[o] = A[i] + B[j];
      return;
    case Op.Subtract:
      for (let k = 0; k < n; k++, i += sa, j += sb, o += so) O[o] = A[i] - B[j];
      return;
    case Op.Multiply:
      for (let k = 0; k < n; k++, i += sa, j += sb, o += so) O[o] = A[i] * B[j];
      return;
    case Op.Divide:
      for (let k = 0; k < n; k++, i += sa, j += sb, o += so) O[o] = A[i] / B[j];
      return;
    default:
      for (let k = 0; k < n; k++, i += sa, j += sb, o += so) O[o] = f(A[i], B[j]);
  }
}

/**
 * out = f(a) element-wise. `op` names f when it is one of the operators with a dedicated
 * float64 loop (elementwise-f64.ts: square, sqrt, …); f itself must still be given, and is
 * what the reference twin and every other buffer type use.
 */
export function mapUnary(shape: Shape, a: Strided, out: Strided, f: Unary, op: UnaryOp = UnaryOp.Generic): void {
  const A = a.data;
  const O = out.data;
  const f64 = op !== UnaryOp.Generic && O instanceof Float64Array && A instanceof Float64Array;
  const it = blocks(shape, [a.strides, out.strides], [a.offset, out.offset]);
  const { rows, n, pos } = it;
  const [ri, ro] = it.rowStep;
  const [sa, so] = it.step;
  while (it.next()) {
    for (let r = 0, i = pos[0], o = pos[1]; r < rows; r++, i += ri, o += ro) {
      if (f64) runUnaryF64(op, O as Float64Array, o, so, A as Float64Array, i, sa, n);
      else if (sa === 1 && so === 1) for (let k = 0; k < n; k++) O[o + k] = f(A[i + k]);
      else for (let k = 0, p = i, q = o; k < n; k++, p += sa, q += so) O[q] = f(A[p]);
    }
  }
}

/** The reference twin of mapBinary: one index tuple at a time, no coalescing, no fast paths. */
export function mapBinaryReference(shape: Shape, a: Strided, b: Strided, out: Strided, _op: Op, f: Binary): void {
  forEachIndex(shape, (idx) => {
    out.data[at(out, idx)] = f(a.data[at(a, idx)], b.data[at(b, idx)]);
  });
}

/** The reference twin of mapUnary (`op` is ignored: f is the definition). */
export function mapUnaryReference(shape: Shape, a: Strided, out: Strided, f: Unary, _op: UnaryOp = UnaryOp.Generic): void {
  forEachIndex(shape, (idx) => {
    out.data[at(out, idx)] = f(a.data[at(a, idx)]);
  });
}

function at(x: Strided, idx: readonly number[]): number {
  let off = x.offset;
  for (let k = 0; k < idx.length; k++) off += idx[k] * x.strides[k];
  return off;
}

/** Visit every index tuple of `shape` in C order (reference loops only: allocates per element). */
export function forEachIndex(shape: Shape, body: (idx: readonly number[]) => void): void {
  const n = shape.reduce((p, d) => p * d, 1);
  const idx = new Array<number>(shape.length).fill(0);
  for (let e = 0; e < n; e++) {
    body(idx.slice());
    for (let d = shape.length - 1; d >= 0; d--) {
      if (++idx[d] < shape[d]) break;
      idx[d] = 0;
    }
  }
}

// ------------------------------------------------------------------ complex

/** A complex binary operator: writes (re, im) of f(a, b) into out[o], out[o + 1]. */
export type ComplexBinary = (ar: number, ai: number, br: number, bi: number, out: Float64Array | Uint8Array, o: number) => void;
/** A complex unary operator: writes f(a) at out[o] (and out[o + 1] when out is complex). */
export type ComplexUnary = (ar: number, ai: number, out: Float64Array | Uint8Array, o: number) => void;

/**
 * Complex map: a and b are complex128 (slots 2e, 2e+1); out is complex128 (`outPairs`) or a
 * real/bool buffer with one slot per element (comparisons, abs).
 */
export function mapComplexBinary(shape: Shape, a: Strided, b: Strided, out: Strided, outPairs: boolean, f: ComplexBinary): void {
  const A = a.data;
  const B = b.data;
  const O = out.data as Float64Array | Uint8Array;
  const w = outPairs ? 2 : 1;
  forEachRun(shape, [a.strides, b.strides, out.strides], [a.offset, b.offset, out.offset], (pos, n, step) => {
    let i = pos[0];
    let j = pos[1];
    let o = pos[2];
    for (let k = 0; k < n; k++, i += step[0], j += step[1], o += step[2]) f(A[2 * i], A[2 * i + 1], B[2 * j], B[2 * j + 1], O, w * o);
  });
}

export function mapComplexUnary(shape: Shape, a: Strided, out: Strided, outPairs: boolean, f: ComplexUnary): void {
  const A = a.data;
  const O = out.data as Float64Array | Uint8Array;
  const w = outPairs ? 2 : 1;
  forEachRun(shape, [a.strides, out.strides], [a.offset, out.offset], (pos, n, step) => {
    let i = pos[0];
    let o = pos[1];
    for (let k = 0; k < n; k++, i += step[0], o += step[1]) f(A[2 * i], A[2 * i + 1], O, w * o);
  });
}
