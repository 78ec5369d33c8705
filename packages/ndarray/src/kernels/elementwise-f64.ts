/**
 * Float64 unit-stride runs of the four arithmetic operators, unrolled by eight:
 *
 *   O[o + k] = A[i + k·sa] ∘ B[j + k·sb],   k = 0 … n−1,   sa, sb ∈ {0, 1},  ∘ ∈ {+, −, ×, ÷}
 *
 * (sa = 0 or sb = 0 is a broadcast scalar or row element held fixed along the run).
 *
 * Why a float64-only, unrolled copy of the loops in elementwise.ts: V8 compiles one version
 * of a function for every typed-array kind it has seen, and a loop that has met Float64Array,
 * Int32Array and friends re-checks the kind, length and data pointer of every array on every
 * element. Here each function only ever sees Float64Array (monomorphic), and each trip loads
 * eight elements of each operand into locals before storing eight results, so those checks
 * are paid once per eight elements. Measured on 10^6 elements: 2.4 ms for the plain strided
 * loop, 1.2 ms for this one, 1.2 ms for a hand-written `for` loop over the same arrays.
 *
 * Also here, in the same float64-only style:
 *   runArithBlockF64  a 2-D block of rows × n (strided-block.ts), with a plain loop per
 *                     operator for rows shorter than 16 (the (500, 500, 10) broadcast of a
 *                     pairwise difference: 3.0 ms against 7 ms for a call per row of 10);
 *   runUnaryF64       square, sqrt, negative, abs, copy and reciprocal (UnaryOp), so that
 *                     x.square() and x.power(2) run without a call of f per element
 *                     (10^6 elements: 5.4 ms → 2.8 ms, most of what is left is allocating
 *                     and first touching the 8 MB result).
 *
 * Reference twin: the plain loops of runBinary in elementwise.ts (and mapBinaryReference);
 * for the unary loops, unaryScalar (the definition) and mapUnaryReference.
 * elementwise-f64.test.ts checks every operator, pattern and remainder length against them.
 */
import { Op, UnaryOp } from "./elementwise-op.js";

type F64 = Float64Array;

/** Run one operator; returns false when `op` has no dedicated loop (the caller then loops itself). */
export function runArithF64(op: Op, O: F64, o: number, A: F64, i: number, sa: number, B: F64, j: number, sb: number, n: number): boolean {
  switch (op) {
    case Op.Add:
      add(O, o, A, i, sa, B, j, sb, n);
      return true;
    case Op.Subtract:
      subtract(O, o, A, i, sa, B, j, sb, n);
      return true;
    case Op.Multiply:
      multiply(O, o, A, i, sa, B, j, sb, n);
      return true;
    case Op.Divide:
      divide(O, o, A, i, sa, B, j, sb, n);
      return true;
    default:
      return false;
  }
}

/**
 * A 2-D block of one operator: rows × n elements, row r of each operand starting at its
 * offset plus r·(its row step), elements of a row at unit or zero stride as for runArithF64.
 * Returns false when the element strides are not one of those patterns (the caller loops).
 *
 *   O[o + r·ro + k] = A[i + r·ri + k·sa] ∘ B[j + r·rj + k·sb]
 *
 * The row loop lives here, in float64-only code, so a block of many short rows (the (500,
 * 500, 10) broadcast of a pairwise difference) pays no call per row in the driver.
 */
export function runArithBlockF64(
  op: Op,
  rows: number,
  n: number,
  O: F64,
  o: number,
  ro: number,
  so: number,
  A: F64,
  i: number,
  ri: number,
  sa: number,
  B: F64,
  j: number,
  rj: number,
  sb: number,
): boolean {
  if (so !== 1 || !((sa === 1 && (sb === 1 || sb === 0)) || (sa === 0 && sb === 1))) return false;
  if (op === Op.Generic) return false;
  if (n < 16 && sa === 1 && sb === 1) {
    // short rows: the unrolled loop would mostly run its remainder; a plain loop per row, in
    // one small function per operator (V8 optimises a small monomorphic loop better than one
    // case of a large switch: 3.1 ms against 7.3 ms for the (500, 500, 10) subtraction)
    switch (op) {
      case Op.Add:
        addRows(rows, n, O, o, ro, A, i, ri, B, j, rj);
        return true;
      case Op.Subtract:
        subtractRows(rows, n, O, o, ro, A, i, ri, B, j, rj);
        return true;
      case Op.Multiply:
        multiplyRows(rows, n, O, o, ro, A, i, ri, B, j, rj);
        return true;
      case Op.Divide:
        divideRows(rows, n, O, o, ro, A, i, ri, B, j, rj);
        return true;
    }
  }
  for (let r = 0; r < rows; r++, i += ri, j += rj, o += ro) runArithF64(op, O, o, A, i, sa, B, j, sb, n);
  return true;
}

// O[o + r·ro + k] = A[i + r·ri + k] ∘ B[j + r·rj + k], r < rows, k < n: short contiguous rows
function addRows(rows: number, n: number, O: F64, o: number, ro: number, A: F64, i: number, ri: number, B: F64, j: number, rj: number): void {
  for (let r = 0; r < rows; r++, i += ri, j += rj, o += ro) for (let k = 0; k < n; k++) O[o + k] = A[i + k] + B[j + k];
}
function subtractRows(rows: number, n: number, O: F64, o: number, ro: number, A: F64, i: number, ri: number, B: F64, j: number, rj: number): void {
  for (let r = 0; r < rows; r++, i += ri, j += rj, o += ro) for (let k = 0; k < n; k++) O[o + k] = A[i + k] - B[j + k];
}
function multiplyRows(rows: number, n: number, O: F64, o: number, ro: number, A: F64, i: number, ri: number, B: F64, j: number, rj: number): void {
  for (let r = 0; r < rows; r++, i += ri, j += rj, o += ro) for (let k = 0; k < n; k++) O[o + k] = A[i + k] * B[j + k];
}
function divideRows(rows: number, n: number, O: F64, o: number, ro: number, A: F64, i: number, ri: number, B: F64, j: number, rj: number): void {
  for (let r = 0; r < rows; r++, i += ri, j += rj, o += ro) for (let k = 0; k < n; k++) O[o + k] = A[i + k] / B[j + k];
}

/**
 * One run of a unary operator (UnaryOp) on float64: O[o + k·so] = g(A[i + k·sa]), k < n.
 * Unit strides take a plain loop over the typed arrays; other strides step both indices.
 */
export function runUnaryF64(op: UnaryOp, O: F64, o: number, so: number, A: F64, i: number, sa: number, n: number): void {
  if (sa === 1 && so === 1) {
    switch (op) {
      case UnaryOp.Square:
        for (let k = 0; k < n; k++) {
          const x = A[i + k];
          O[o + k] = x * x;
        }
        return;
      case UnaryOp.Sqrt:
        for (let k = 0; k < n; k++) O[o + k] = Math.sqrt(A[i + k]);
        return;
      case UnaryOp.Negative:
        for (let k = 0; k < n; k++) O[o + k] = -A[i + k];
        return;
      case UnaryOp.Abs:
        for (let k = 0; k < n; k++) O[o + k] = Math.abs(A[i + k]);
        return;
      case UnaryOp.Copy:
        for (let k = 0; k < n; k++) O[o + k] = A[i + k];
        return;
      case UnaryOp.Reciprocal:
        for (let k = 0; k < n; k++) O[o + k] = 1 / A[i + k];
        return;
    }
  }
  for (let k = 0; k < n; k++, i += sa, o += so) O[o] = unaryScalar(op, A[i]);
}

/** The scalar definition of each UnaryOp (the strided loop above, and the tests' oracle). */
export function unaryScalar(op: UnaryOp, x: number): number {
  switch (op) {
    case UnaryOp.Square:
      return x * x;
    case UnaryOp.Sqrt:
      return Math.sqrt(x);
    case UnaryOp.Negative:
      return -x;
    case UnaryOp.Abs:
      return Math.abs(x);
    case UnaryOp.Copy:
      return x;
    case UnaryOp.Reciprocal:
      return 1 / x;
    default:
      throw new Error(`internal: unaryScalar has no definition for UnaryOp ${op}`);
  }
}

function add(O: F64, o: number, A: F64, i: number, sa: number, B: F64, j: number, sb: number, n: number): void {
  let k = 0;
  if (sa === 1 && sb === 1) {
    for (; k + 8 <= n; k += 8) {
      const a0 = A[i + k],
        a1 = A[i + k + 1],
        a2 = A[i + k + 2],
        a3 = A[i + k + 3],
        a4 = A[i + k + 4],
        a5 = A[i + k + 5],
        a6 = A[i + k + 6],
        a7 = A[i + k + 7];
      const b0 = B[j + k],
        b1 = B[j + k + 1],
        b2 = B[j + k + 2],
        b3 = B[j + k + 3],
        b4 = B[j + k + 4],
        b5 = B[j + k + 5],
        b6 = B[j + k + 6],
        b7 = B[j + k + 7];
      O[o + k] = a0 + b0;
      O[o + k + 1] = a1 + b1;
      O[o + k + 2] = a2 + b2;
      O[o + k + 3] = a3 + b3;
      O[o + k + 4] = a4 + b4;
      O[o + k + 5] = a5 + b5;
      O[o + k + 6] = a6 + b6;
      O[o + k + 7] = a7 + b7;
    }
    for (; k < n; k++) O[o + k] = A[i + k] + B[j + k];
  } else if (sa === 1) {
    const y = B[j];
    for (; k + 8 <= n; k += 8) {
      const a0 = A[i + k],
        a1 = A[i + k + 1],
        a2 = A[i + k + 2],
        a3 = A[i + k + 3],
        a4 = A[i + k + 4],
        a5 = A[i + k + 5],
        a6 = A[i + k + 6],
        a7 = A[i + k + 7];
      O[o + k] = a0 + y;
      O[o + k + 1] = a1 + y;
      O[o + k + 2] = a2 + y;
      O[o + k + 3] = a3 + y;
      O[o + k + 4] = a4 + y;
      O[o + k + 5] = a5 + y;
      O[o + k + 6] = a6 + y;
      O[o + k + 7] = a7 + y;
    }
    for (; k < n; k++) O[o + k] = A[i + k] + y;
  } else {
    add(O, o, B, j, sb, A, i, sa, n); // x + B = B + x
  }
}

function multiply(O: F64, o: number, A: F64, i: number, sa: number, B: F64, j: number, sb: number, n: number): void {
  let k = 0;
  if (sa === 1 && sb === 1) {
    for (; k + 8 <= n; k += 8) {
      const a0 = A[i + k],
        a1 = A[i + k + 1],
        a2 = A[i + k + 2],
        a3 = A[i + k + 3],
        a4 = A[i + k + 4],
        a5 = A[i + k + 5],
        a6 = A[i + k + 6],
        a7 = A[i + k + 7];
      const b0 = B[j + k],
        b1 = B[j + k + 1],
        b2 = B[j + k + 2],
        b3 = B[j + k + 3],
        b4 = B[j + k + 4],
        b5 = B[j + k + 5],
        b6 = B[j + k + 6],
        b7 = B[j + k + 7];
      O[o + k] = a0 * b0;
      O[o + k + 1] = a1 * b1;
      O[o + k + 2] = a2 * b2;
      O[o + k + 3] = a3 * b3;
      O[o + k + 4] = a4 * b4;
      O[o + k + 5] = a5 * b5;
      O[o + k + 6] = a6 * b6;
      O[o + k + 7] = a7 * b7;
    }
    for (; k < n; k++) O[o + k] = A[i + k] * B[j + k];
  } else if (sa === 1) {
    const y = B[j];
    for (; k + 8 <= n; k += 8) {
      const a0 = A[i + k],
        a1 = A[i + k + 1],
        a2 = A[i + k + 2],
        a3 = A[i + k + 3],
        a4 = A[i + k + 4],
        a5 = A[i + k + 5],
        a6 = A[i + k + 6],
        a7 = A[i + k + 7];
      O[o + k] = a0 * y;
      O[o + k + 1] = a1 * y;
      O[o + k + 2] = a2 * y;
      O[o + k + 3] = a3 * y;
      O[o + k + 4] = a4 * y;
      O[o + k + 5] = a5 * y;
      O[o + k + 6] = a6 * y;
      O[o + k + 7] = a7 * y;
    }
    for (; k < n; k++) O[o + k] = A[i + k] * y;
  } else {
    multiply(O, o, B, j, sb, A, i, sa, n); // x · B = B · x
  }
}

function subtract(O: F64, o: number, A: F64, i: number, sa: number, B: F64, j: number, sb: number, n: number): void {
  let k = 0;
  if (sa === 1 && sb === 1) {
    for (; k + 8 <= n; k += 8) {
      const a0 = A[i + k],
        a1 = A[i + k + 1],
        a2 = A[i + k + 2],
        a3 = A[i + k + 3],
        a4 = A[i + k + 4],
        a5 = A[i + k + 5],
        a6 = A[i + k + 6],
        a7 = A[i + k + 7];
      const b0 = B[j + k],
        b1 = B[j + k + 1],
        b2 = B[j + k + 2],
        b3 = B[j + k + 3],
        b4 = B[j + k + 4],
        b5 = B[j + k + 5],
        b6 = B[j + k + 6],
        b7 = B[j + k + 7];
      O[o + k] = a0 - b0;
      O[o + k + 1] = a1 - b1;
      O[o + k + 2] = a2 - b2;
      O[o + k + 3] = a3 - b3;
      O[o + k + 4] = a4 - b4;
      O[o + k + 5] = a5 - b5;
      O[o + k + 6] = a6 - b6;
      O[o + k + 7] = a7 - b7;
    }
    for (; k < n; k++) O[o + k] = A[i + k] - B[j + k];
  } else if (sa === 1) {
    const y = B[j];
    for (; k + 8 <= n; k += 8) {
      const a0 = A[i + k],
        a1 = A[i + k + 1],
        a2 = A[i + k + 2],
        a3 = A[i + k + 3],
        a4 = A[i + k + 4],
        a5 = A[i + k + 5],
        a6 = A[i + k + 6],
        a7 = A[i + k + 7];
      O[o + k] = a0 - y;
      O[o + k + 1] = a1 - y;
      O[o + k + 2] = a2 - y;
      O[o + k + 3] = a3 - y;
      O[o + k + 4] = a4 - y;
      O[o + k + 5] = a5 - y;
      O[o + k + 6] = a6 - y;
      O[o + k + 7] = a7 - y;
    }
    for (; k < n; k++) O[o + k] = A[i + k] - y;
  } else {
    const x = A[i];
    for (; k + 8 <= n; k += 8) {
      const b0 = B[j + k],
        b1 = B[j + k + 1],
        b2 = B[j + k + 2],
        b3 = B[j + k + 3],
        b4 = B[j + k + 4],
        b5 = B[j + k + 5],
        b6 = B[j + k + 6],
        b7 = B[j + k + 7];
      O[o + k] = x - b0;
      O[o + k + 1] = x - b1;
      O[o + k + 2] = x - b2;
      O[o + k + 3] = x - b3;
      O[o + k + 4] = x - b4;
      O[o + k + 5] = x - b5;
      O[o + k + 6] = x - b6;
      O[o + k + 7] = x - b7;
    }
    for (; k < n; k++) O[o + k] = x - B[j + k];
  }
}

function divide(O: F64, o: number, A: F64, i: number, sa: number, B: F64, j: number, sb: number, n: number): void {
  let k = 0;
  if (sa === 1 && sb === 1) {
    for (; k + 8 <= n; k += 8) {
      const a0 = A[i + k],
        a1 = A[i + k + 1],
        a2 = A[i + k + 2],
        a3 = A[i + k + 3],
        a4 = A[i + k + 4],
        a5 = A[i + k + 5],
        a6 = A[i + k + 6],
        a7 = A[i + k + 7];
      const b0 = B[j + k],
        b1 = B[j + k + 1],
        b2 = B[j + k + 2],
        b3 = B[j + k + 3],
        b4 = B[j + k + 4],
        b5 = B[j + k + 5],
        b6 = B[j + k + 6],
        b7 = B[j + k + 7];
      O[o + k] = a0 / b0;
      O[o + k + 1] = a1 / b1;
      O[o + k + 2] = a2 / b2;
      O[o + k + 3] = a3 / b3;
      O[o + k + 4] = a4 / b4;
      O[o + k + 5] = a5 / b5;
      O[o + k + 6] = a6 / b6;
      O[o + k + 7] = a7 / b7;
    }
    for (; k < n; k++) O[o + k] = A[i + k] / B[j + k];
  } else if (sa === 1) {
    // x / y, not x · (1/y): the reciprocal would round twice
    const y = B[j];
    for (; k + 8 <= n; k += 8) {
      const a0 = A[i + k],
        a1 = A[i + k + 1],
        a2 = A[i + k + 2],
        a3 = A[i + k + 3],
        a4 = A[i + k + 4],
        a5 = A[i + k + 5],
        a6 = A[i + k + 6],
        a7 = A[i + k + 7];
      O[o + k] = a0 / y;
      O[o + k + 1] = a1 / y;
      O[o + k + 2] = a2 / y;
      O[o + k + 3] = a3 / y;
      O[o + k + 4] = a4 / y;
      O[o + k + 5] = a5 / y;
      O[o + k + 6] = a6 / y;
      O[o + k + 7] = a7 / y;
    }
    for (; k < n; k++) O[o + k] = A[i + k] / y;
  } else {
    const x = A[i];
    for (; k + 8 <= n; k += 8) {
      const b0 = B[j + k],
        b1 = B[j + k + 1],
        b2 = B[j + k + 2],
        b3 = B[j + k + 3],
        b4 = B[j + k + 4],
        b5 = B[j + k + 5],
        b6 = B[j + k + 6],
        b7 = B[j + k + 7];
      O[o + k] = x / b0;
      O[o + k + 1] = x / b1;
      O[o + k + 2] = x / b2;
      O[o + k + 3] = x / b3;
      O[o + k + 4] = x / b4;
      O[o + k + 5] = x / b5;
      O[o + k + 6] = x / b6;
      O[o + k + 7] = x / b7;
    }
    for (; k < n; k++) O[o + k] = x / B[j + k];
  }
}
