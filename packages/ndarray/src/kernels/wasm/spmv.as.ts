/**
 * Sparse matrix–vector products in WebAssembly (AssemblyScript), on compressed (CSR/CSC)
 * arrays that live in this module's memory: the resident sparse storage of spmv.wasm.ts,
 * one WebAssembly.Memory per large matrix. The fast twins of @sliderule/linalg's
 * sparse/spmv.ts (csrMatvec, csrMatvecDot, csrMatvecT), which are their spec; read those first.
 *
 *   A (nMajor × nMinor) in CSR: slice i is p = indptr[i] .. indptr[i+1]−1, entry (i, indices[p], data[p])
 *
 *   csrGatherF64/F32    y_i = Σ_p data[p] · x[indices[p]]     (y := A·x; with `dot`, also Σ_i x_i·y_i)
 *   csrScatterF64/F32   y_j += data[p] · x_i for every (i, j)  (y := Aᵀ·x, after y := 0)
 *
 * F64: data is float64; F32: float32 data widened to float64 as it is read (the sums are
 * float64 either way, as in spmv.ts). Byte addresses; x and y are float64.
 *
 * Bit for bit the TypeScript kernels' results: each y_i is summed in storage order from 0, the
 * dot in row order, the scatter in storage order; scalar f64 code, a multiply then an add (no
 * fused multiply-add: AssemblyScript emits f64.mul, f64.add and binaryen does not fuse them, in
 * the relaxed-SIMD build too). spmv.ts does four rows at a time, which changes no row's order;
 * here one row at a time, with pointers bumped along the row, measured fastest (0.92 ms against
 * 1.15 for four rows at a time, copies included, on the 1e5×1e5 bench matrix).
 *
 * The arrays are public views a caller may write anything into, so the kernels check what
 * they address before using it: every indptr entry in [0, nnz], every index in [0, nMinor).
 * On a violation they stop and return 1, having written nothing outside y, and the caller
 * runs the TypeScript kernel instead (whose result on such arrays is the spec too); 0 means
 * done. The check costs a compare and a well-predicted branch per entry (about 10% on the
 * bench matrix) and keeps a stray index from reading or, in the scatter, writing the matrix's
 * own arrays in this memory.
 *
 * Reference: SciPy sparsetools/csr.h `csr_matvec`, `csc_matvec`; Saad, "Iterative Methods
 * for Sparse Linear Systems", 2nd ed., §3.4.
 */

/**
 * y := A·x (y: nMajor, x: nMinor); with `dot` ≠ 0 (A square) also xᵀ·y, stored as f64 at
 * `dotOut`. Returns 0, or 1 when an indptr entry or an index is out of range.
 * T: the storage type of data (f64, or f32 widened as read).
 */
function gather<T>(
  nMajor: i32, nMinor: i32, nnz: i32, indptr: usize, indices: usize, data: usize,
  x: usize, y: usize, dot: i32, dotOut: usize,
): i32 {
  const n = <u32>nMinor;
  let xy: f64 = 0;
  for (let i = 0; i < nMajor; i++) {
    const p = load<i32>(indptr + (<usize>i << 2));
    const end = load<i32>(indptr + (<usize>(i + 1) << 2));
    if (<u32>p > <u32>nnz || <u32>end > <u32>nnz) return 1;
    // y_i = Σ_p a_p · x_{j_p}, p = p .. end−1 in storage order (pointers into indices and data)
    let yi: f64 = 0;
    if (p < end) {
      let jp = indices + (<usize>p << 2);
      let ap = data + (<usize>p << alignof<T>());
      const jEnd = indices + (<usize>end << 2);
      do {
        const j = load<u32>(jp);
        if (j >= n) return 1;
        yi += <f64>load<T>(ap) * load<f64>(x + (<usize>j << 3));
        jp += 4;
        ap += sizeof<T>();
      } while (jp < jEnd);
    }
    store<f64>(y + (<usize>i << 3), yi);
    if (dot) xy += load<f64>(x + (<usize>i << 3)) * yi;
  }
  store<f64>(dotOut, xy);
  return 0;
}

/** y := Aᵀ·x (x: nMajor, y: nMinor, zeroed first). Returns 0, or 1 when an entry is out of range. */
function scatter<T>(nMajor: i32, nMinor: i32, nnz: i32, indptr: usize, indices: usize, data: usize, x: usize, y: usize): i32 {
  const n = <u32>nMinor;
  memory.fill(y, 0, <usize>nMinor << 3);
  for (let i = 0; i < nMajor; i++) {
    const p = load<i32>(indptr + (<usize>i << 2));
    const end = load<i32>(indptr + (<usize>(i + 1) << 2));
    if (<u32>p > <u32>nnz || <u32>end > <u32>nnz) return 1;
    const xi = load<f64>(x + (<usize>i << 3));
    // y_j += a_ij · x_i for every stored (i, j) of row i, in storage order
    if (p < end) {
      let jp = indices + (<usize>p << 2);
      let ap = data + (<usize>p << alignof<T>());
      const jEnd = indices + (<usize>end << 2);
      do {
        const j = load<u32>(jp);
        if (j >= n) return 1;
        const yj = y + (<usize>j << 3);
        store<f64>(yj, load<f64>(yj) + <f64>load<T>(ap) * xi);
        jp += 4;
        ap += sizeof<T>();
      } while (jp < jEnd);
    }
  }
  return 0;
}

/** y := A·x (and xᵀ·y at dotOut when dot ≠ 0) for float64 data. */
export function csrGatherF64(
  nMajor: i32, nMinor: i32, nnz: i32, indptr: usize, indices: usize, data: usize,
  x: usize, y: usize, dot: i32, dotOut: usize,
): i32 {
  return gather<f64>(nMajor, nMinor, nnz, indptr, indices, data, x, y, dot, dotOut);
}

/** y := A·x (and xᵀ·y at dotOut when dot ≠ 0) for float32 data. */
export function csrGatherF32(
  nMajor: i32, nMinor: i32, nnz: i32, indptr: usize, indices: usize, data: usize,
  x: usize, y: usize, dot: i32, dotOut: usize,
): i32 {
  return gather<f32>(nMajor, nMinor, nnz, indptr, indices, data, x, y, dot, dotOut);
}

/** y := Aᵀ·x for float64 data. */
export function csrScatterF64(nMajor: i32, nMinor: i32, nnz: i32, indptr: usize, indices: usize, data: usize, x: usize, y: usize): i32 {
  return scatter<f64>(nMajor, nMinor, nnz, indptr, indices, data, x, y);
}

/** y := Aᵀ·x for float32 data. */
export function csrScatterF32(nMajor: i32, nMinor: i32, nnz: i32, indptr: usize, indices: usize, data: usize, x: usize, y: usize): i32 {
  return scatter<f32>(nMajor, nMinor, nnz, indptr, indices, data, x, y);
}
