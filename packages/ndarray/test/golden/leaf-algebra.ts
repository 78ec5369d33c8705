/**
 * The small batched dense algebra the golden `properties` checks compute with (part 4 of the
 * harness, its helpers): Leaves read as stacks of matrices of shape (..., m, n), C order, with
 * matmul, conjugate transpose, sub-matrices, column scaling, identity, |·|, masks, Frobenius
 * norm, difference, and `approx` (FORMAT.md rule 4 with the second operand as the reference).
 * They are deliberately independent of the library's matmul, which is among the things under
 * test. Also `hungarian`, the optimal one-to-one matching that pairs computed with expected
 * eigenvalues. A shape problem throws {@link PropertyError}, which checkProperties turns into a
 * failed property.
 * Reference: Kuhn, "The Hungarian method for the assignment problem" (1955) and Munkres (1957),
 * in the O(n³) form with row and column potentials.
 */
import * as np from "@sliderule/ndarray";
import { compareLeaf, type Leaf } from "./allclose.js";
import { fmtShape, unravel } from "./format.js";

/** Internal error of a property computation (bad shapes of outputs and so on). */
export class PropertyError extends Error {}

// ---------------------------------------------------------------- small batched dense helpers
// Leaves are read as stacks of matrices: shape (..., m, n), C order. They are deliberately
// independent of the library's matmul, which is among the things under test.

function sizeOfShape(shape: readonly number[]): number {
  return shape.reduce((p, d) => p * d, 1);
}

export function zerosLeaf(shape: number[], complex: boolean): Leaf {
  const n = sizeOfShape(shape);
  return { dtype: complex ? "complex128" : "float64", shape, re: new Float64Array(n), im: complex ? new Float64Array(n) : null };
}

function reshapeLeaf(a: Leaf, shape: number[]): Leaf {
  return { ...a, shape };
}

/** Broadcast two batch shapes (NumPy's rule); throws PropertyError if they do not fit. */
function broadcastBatch(a: readonly number[], b: readonly number[]): number[] {
  try {
    return np.broadcastShapes(a, b);
  } catch {
    throw new PropertyError(`batch shapes ${fmtShape(a)} and ${fmtShape(b)} do not broadcast`);
  }
}

/** Matrix offsets (in elements) of every batch entry of `shape`'s batch broadcast to `batch`. */
function batchOffsets(shape: readonly number[], batch: readonly number[], matrixSize: number): number[] {
  const own = shape.slice(0, -2);
  const lead = batch.length - own.length;
  const strides = new Array<number>(own.length);
  let s = matrixSize;
  for (let k = own.length - 1; k >= 0; k--) {
    strides[k] = own[k] === 1 ? 0 : s;
    s *= own[k];
  }
  const total = sizeOfShape(batch);
  const out = new Array<number>(total);
  for (let b = 0; b < total; b++) {
    const idx = unravel(b, batch);
    let off = 0;
    for (let k = 0; k < own.length; k++) off += idx[lead + k] * strides[k];
    out[b] = off;
  }
  return out;
}

export function last2(a: Leaf, what: string): [number, number] {
  if (a.shape.length < 2) throw new PropertyError(`${what} must be at least 2-D, got shape ${fmtShape(a.shape)}`);
  return [a.shape[a.shape.length - 2], a.shape[a.shape.length - 1]];
}

/** `a @ b` with NumPy's matmul rules (1-D operands promoted and the axis removed again), complex-aware. */
export function matmulLeaf(a: Leaf, b: Leaf): Leaf {
  const aVec = a.shape.length === 1;
  const bVec = b.shape.length === 1;
  const A = aVec ? reshapeLeaf(a, [1, a.shape[0]]) : a;
  const B = bVec ? reshapeLeaf(b, [b.shape[0], 1]) : b;
  const [m, k] = last2(A, "left matmul operand");
  const [k2, n] = last2(B, "right matmul operand");
  if (k !== k2) throw new PropertyError(`matmul: shapes ${fmtShape(a.shape)} and ${fmtShape(b.shape)} not aligned`);
  const batch = broadcastBatch(A.shape.slice(0, -2), B.shape.slice(0, -2));
  const complex = A.im !== null || B.im !== null;
  const out = zerosLeaf([...batch, m, n], complex);
  const offA = batchOffsets(A.shape, batch, m * k);
  const offB = batchOffsets(B.shape, batch, k * n);
  for (let t = 0; t < offA.length; t++) {
    const oa = offA[t];
    const ob = offB[t];
    const oc = t * m * n;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let sr = 0;
        let si = 0;
        for (let p = 0; p < k; p++) {
          const xr = A.re[oa + i * k + p];
          const xi = A.im ? A.im[oa + i * k + p] : 0;
          const yr = B.re[ob + p * n + j];
          const yi = B.im ? B.im[ob + p * n + j] : 0;
          sr += xr * yr - xi * yi;
          si += xr * yi + xi * yr;
        }
        out.re[oc + i * n + j] = sr;
        if (out.im) out.im[oc + i * n + j] = si;
      }
    }
  }
  if (aVec && bVec) return reshapeLeaf(out, batch);
  if (aVec) return reshapeLeaf(out, [...batch, n]);
  if (bVec) return reshapeLeaf(out, [...batch, m]);
  return out;
}

/** `X^H`: conjugate transpose of the last two axes. */
export function conjT(a: Leaf): Leaf {
  const [m, n] = last2(a, "conjugate transpose operand");
  const batch = a.shape.slice(0, -2);
  const out = zerosLeaf([...batch, n, m], a.im !== null);
  const count = sizeOfShape(batch);
  for (let t = 0; t < count; t++) {
    const o = t * m * n;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        out.re[o + j * m + i] = a.re[o + i * n + j];
        if (out.im && a.im) out.im[o + j * m + i] = -a.im[o + i * n + j];
      }
    }
  }
  return out;
}

/** `X[..., r0:r1, c0:c1]` of a stack of matrices (a copy). */
export function subMatrix(a: Leaf, rows: number, cols: number): Leaf {
  const [m, n] = last2(a, "sliced operand");
  if (rows > m || cols > n) throw new PropertyError(`cannot take ${rows}x${cols} from shape ${fmtShape(a.shape)}`);
  const batch = a.shape.slice(0, -2);
  const out = zerosLeaf([...batch, rows, cols], a.im !== null);
  const count = sizeOfShape(batch);
  for (let t = 0; t < count; t++) {
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        out.re[t * rows * cols + i * cols + j] = a.re[t * m * n + i * n + j];
        if (out.im && a.im) out.im[t * rows * cols + i * cols + j] = a.im[t * m * n + i * n + j];
      }
    }
  }
  return out;
}

/** `v * w[..., None, :]`: column j of every matrix of v scaled by w[..., j]. */
export function scaleColumns(v: Leaf, w: Leaf): Leaf {
  const [m, k] = last2(v, "eigenvector matrix");
  if (w.shape.length < 1 || w.shape[w.shape.length - 1] !== k) {
    throw new PropertyError(`cannot scale the ${k} columns of shape ${fmtShape(v.shape)} by w of shape ${fmtShape(w.shape)}`);
  }
  const batch = broadcastBatch(v.shape.slice(0, -2), w.shape.slice(0, -1));
  const out = zerosLeaf([...batch, m, k], v.im !== null || w.im !== null);
  const offV = batchOffsets(v.shape, batch, m * k);
  const offW = batchOffsets([...w.shape, 1], batch, k);
  for (let t = 0; t < offV.length; t++) {
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < k; j++) {
        const xr = v.re[offV[t] + i * k + j];
        const xi = v.im ? v.im[offV[t] + i * k + j] : 0;
        const yr = w.re[offW[t] + j];
        const yi = w.im ? w.im[offW[t] + j] : 0;
        out.re[t * m * k + i * k + j] = xr * yr - xi * yi;
        if (out.im) out.im[t * m * k + i * k + j] = xr * yi + xi * yr;
      }
    }
  }
  return out;
}

/** Identity matrices of size k with the given batch shape. */
export function identityLeaf(batch: number[], k: number): Leaf {
  const out = zerosLeaf([...batch, k, k], false);
  const count = sizeOfShape(batch);
  for (let t = 0; t < count; t++) for (let i = 0; i < k; i++) out.re[t * k * k + i * k + i] = 1;
  return out;
}

/** Element-wise modulus, as a real leaf. */
export function absLeaf(a: Leaf): Leaf {
  return { dtype: "float64", shape: a.shape.slice(), re: a.re.map((x, i) => Math.hypot(x, a.im ? a.im[i] : 0)), im: null };
}

/** The entries of a stack of matrices selected by `keep(i, j)`, all other entries set to zero. */
export function maskLeaf(a: Leaf, keep: (i: number, j: number) => boolean): Leaf {
  const [m, n] = last2(a, "triangular operand");
  const out: Leaf = { dtype: a.dtype, shape: a.shape.slice(), re: a.re.slice(), im: a.im ? a.im.slice() : null };
  for (let e = 0; e < out.re.length; e++) {
    const i = Math.floor(e / n) % m;
    const j = e % n;
    if (!keep(i, j)) {
      out.re[e] = 0;
      if (out.im) out.im[e] = 0;
    }
  }
  return out;
}

/** Frobenius norm of the whole leaf. */
export function frobenius(a: Leaf): number {
  let s = 0;
  for (let i = 0; i < a.re.length; i++) s += a.re[i] * a.re[i] + (a.im ? a.im[i] * a.im[i] : 0);
  return Math.sqrt(s);
}

export function subtractLeaf(a: Leaf, b: Leaf): Leaf {
  if (a.shape.length !== b.shape.length || a.shape.some((d, k) => d !== b.shape[k])) {
    throw new PropertyError(`shapes ${fmtShape(a.shape)} and ${fmtShape(b.shape)} differ`);
  }
  const complex = a.im !== null || b.im !== null;
  return {
    dtype: complex ? "complex128" : "float64",
    shape: a.shape.slice(),
    re: a.re.map((x, i) => x - b.re[i]),
    im: complex ? a.re.map((_, i) => (a.im ? a.im[i] : 0) - (b.im ? b.im[i] : 0)) : null,
  };
}

/** `X ≈ Y` (FORMAT.md rule 4 with Y as the reference, after the shape rule); dtypes are not compared. */
export function approx(X: Leaf, Y: Leaf, rtol: number, atol: number, what: string): string | null {
  // properties compare in floating point even when an operand came from an integer array
  const float = (a: Leaf): Leaf => ({ ...a, dtype: a.im ? "complex128" : "float64" });
  const m = compareLeaf(float(X), float(Y), rtol, atol, "", false);
  return m ? `${what}: ${m.message}` : null;
}

// ---------------------------------------------------------------- optimal matching

/**
 * The Hungarian algorithm (Kuhn-Munkres with potentials, O(n³)): the one-to-one assignment
 * `match[i] = j` of rows to columns of the square cost matrix with the least total cost.
 */
export function hungarian(cost: number[][]): number[] {
  const n = cost.length;
  const INF = Infinity;
  // 1-based potentials u (rows), v (columns); p[j] = row matched to column j; way = path
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(n + 1).fill(0);
  const p = new Array<number>(n + 1).fill(0);
  const way = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Array<number>(n + 1).fill(INF);
    const used = new Array<boolean>(n + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0];
      let delta = INF;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = cost[i0 - 1][j - 1] - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      if (j1 === 0) throw new PropertyError("hungarian: no finite assignment (non-finite costs)");
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  const match = new Array<number>(n);
  for (let j = 1; j <= n; j++) if (p[j] > 0) match[p[j] - 1] = j - 1;
  return match;
}
