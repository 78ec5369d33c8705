/**
 * Batched matrix product for linalg's own use (Q formation checks, matrixPower, multiDot):
 *
 *   C[..., i, j] = Σ_p A[..., i, p]·B[..., p, j]      a: (..., m, k), b: (..., k, n)
 *
 * batch axes broadcast. Float operands go straight to the gemm kernel as strided views (no
 * copy when the dtype already matches); int32 products are exact int32 arithmetic (wrapping as C
 * does); complex128 uses a plain triple loop. np.matmul will replace this once it lands in
 * @sliderule/ndarray; the contract is NumPy's matmul for ≥ 2-D operands.
 */
import * as np from "@sliderule/ndarray";
import { ShapeError, type DType, type NDArray } from "@sliderule/ndarray";
import { gemm, strided } from "@sliderule/ndarray/kernels";
import { batchOffsets, batchShapeOf, broadcastBatch, type FloatArray } from "./batch.js";

/** The dtype of a product: NumPy's promotion, bool·bool computed as int32 here. */
export function productDType(a: DType, b: DType): DType {
  const t = np.promoteTypes(a, b);
  return t === "bool" ? "int32" : t;
}

/** `a @ b` for arrays of at least 2 dimensions (see the file header). */
export function matmul(a: NDArray, b: NDArray, fn = "matmul"): NDArray {
  const m = a.shape[a.ndim - 2];
  const k = a.shape[a.ndim - 1];
  const kb = b.shape[b.ndim - 2];
  const n = b.shape[b.ndim - 1];
  if (k !== kb) {
    throw new ShapeError(`${fn}: shapes (${a.shape.join(",")}) and (${b.shape.join(",")}) not aligned: ${k} (dim ${a.ndim - 1}) != ${kb} (dim ${b.ndim - 2})`);
  }
  const dtype = productDType(a.dtype, b.dtype);
  const A = a.dtype === dtype ? a : a.astype(dtype);
  const B = b.dtype === dtype ? b : b.astype(dtype);
  const batch = broadcastBatch(fn, batchShapeOf(A, 2), batchShapeOf(B, 2));
  const out = np.zeros([...batch, m, n], dtype);
  const aOffs = batchOffsets(A, batch, 2);
  const bOffs = batchOffsets(B, batch, 2);
  const [aRs, aCs] = A.strides.slice(-2);
  const [bRs, bCs] = B.strides.slice(-2);
  for (let p = 0; p < aOffs.length; p++) {
    const cOff = p * m * n;
    if (dtype === "float64" || dtype === "float32") {
      // C[p] := A[p]·B[p] on views of the operands' buffers; C[p] is C-contiguous in out
      const Ap = strided(A.data as FloatArray, m, k, aOffs[p], aRs, aCs);
      const Bp = strided(B.data as FloatArray, k, n, bOffs[p], bRs, bCs);
      gemm(1, Ap, Bp, 0, strided(out.data as FloatArray, m, n, cOff, n, 1));
    } else if (dtype === "int32") {
      const Ad = A.data;
      const Bd = B.data;
      const C = out.data;
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
          // int32 arithmetic: products and sums wrap modulo 2³²
          let s = 0;
          for (let q = 0; q < k; q++) s = (s + Math.imul(Ad[aOffs[p] + i * aRs + q * aCs], Bd[bOffs[p] + q * bRs + j * bCs])) | 0;
          C[cOff + i * n + j] = s;
        }
      }
    } else {
      // complex128: interleaved (re, im)
      const Ad = A.data;
      const Bd = B.data;
      const C = out.data;
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
          let sr = 0;
          let si = 0;
          for (let q = 0; q < k; q++) {
            const x = 2 * (aOffs[p] + i * aRs + q * aCs);
            const y = 2 * (bOffs[p] + q * bRs + j * bCs);
            sr += Ad[x] * Bd[y] - Ad[x + 1] * Bd[y + 1];
            si += Ad[x] * Bd[y + 1] + Ad[x + 1] * Bd[y];
          }
          C[2 * (cOff + i * n + j)] = sr;
          C[2 * (cOff + i * n + j) + 1] = si;
        }
      }
    }
  }
  return out;
}
