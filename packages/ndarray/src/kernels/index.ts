/**
 * The closed set of kernels (`@sliderule/ndarray/kernels`): every loop that touches array
 * elements in bulk runs in one of these, on raw strided buffers with no NDArray overhead.
 * Strides and offsets count elements. Each fast kernel has a reference twin that runs under
 * the same tests and is its spec; a faster backend slots in behind the same contract.
 *
 *   Block, sub, T,      block.ts        the matrix view every matrix kernel takes: a rows×cols
 *   quadrants, lower, …                 window (data, off, rs, cs) on a typed buffer, views
 *                                       without copies, and triangle markers
 *   forEachRun          strided.ts      visit the index space of several strided operands in
 *                                       step, one coalesced innermost run at a time
 *   blocks              strided-block.ts  the same, two coalesced dimensions (rows × run) per
 *                                       step, so kernels loop over short rows themselves
 *   copyStrided         copy.ts         dst[i] = cast(src[i]) (copy, astype, assignment)
 *   mapUnary/mapBinary  elementwise.ts  out[i] = f(a[i]) / f(a[i], b[i]) on broadcast operands
 *                                       (twins: mapUnaryReference/mapBinaryReference; float64
 *                                       arithmetic and square/sqrt/…: elementwise-f64.ts)
 *   reduceStrided       reduce.ts       acc[j] ⊕= a[i] along any axes
 *                                       (twin: reduceStridedReference; float64 sums:
 *                                       reduce-f64.ts)
 * The matrix kernels take Blocks (block.ts), shapes from the views, in BLAS order:
 *
 *   gemm                gemm.ts         gemm(alpha, A, B, beta, C): C := alpha·A·B + beta·C,
 *                                       float64 or float32, any strides (twin: gemmReference;
 *                                       WebAssembly SIMD: wasm/gemm.wasm.ts, by backend.ts)
 *   gemv, symv          gemv.ts         gemv(alpha, A, x, beta, y), symv(alpha, lower(A), x,
 *                                       beta, y): y := alpha·A·x + beta·y, x and y one-column
 *                                       views (twins: gemvReference, symvReference; SIMD
 *                                       for a float64 A in a resident workspace)
 *
 *   trsmResident(T, B), wasm/factor.wasm.ts  triangular solve, blocked LU with partial pivoting,
 *   getrfResident(A),                        blocked Cholesky, blocked Householder QR, whole in
 *   potrfResident,                           WebAssembly, for float64 matrices in a resident
 *   geqrfResident,                           workspace, and Q from its reflectors (twins and
 *   orgqrResident                            spec: @sliderule/linalg's trsm, getrf, potrf,
 *                                            geqrf, orgqr)
 *   loadResident,       wasm/copy.wasm.ts    float64 blocks into and out of resident
 *   storeResident,                           workspaces in any layout (a memcpy and a tiled
 *   allFiniteResident                        copy in WebAssembly), and their NaN/Inf check
 *   residentCsr,        wasm/spmv.wasm.ts    a sparse matrix's CSR/CSC arrays in a WebAssembly
 *   csrGatherResident,                       memory of their own, and y := A·x, Aᵀ·x on them
 *   csrScatterResident                       (twins and spec: @sliderule/linalg's sparse/spmv.ts)
 *
 * The readable linear-algebra routines (triangular solve, LU, Cholesky, Householder block
 * updates) live in @sliderule/linalg. Backend selection (backend.ts): showConfig(),
 * setBackend(name), getBackend(); residentWork(sizes) gives work arrays inside WebAssembly
 * memory, on which gemm runs in place (linalg's factorizations use it for their matrices).
 */
export {
  checkInside,
  colMajor,
  column,
  complexColMajor,
  formatView,
  leadingDim,
  lower,
  lowerUnit,
  quadrants,
  row,
  strided,
  sub,
  T,
  triangle,
  upper,
  upperUnit,
  vector,
} from "./block.js";
export type { Block, FloatArray, TriangularBlock } from "./block.js";
export { forEachRun, coalesce, isCContiguous, isFContiguous } from "./strided.js";
export { copyStrided } from "./copy.js";
export type { Strided } from "./copy.js";
export { mapUnary, mapBinary, mapUnaryReference, mapBinaryReference, Op, UnaryOp } from "./elementwise.js";
export { blocks, Blocks } from "./strided-block.js";
export { reduceStrided, reduceStridedReference, ReduceOp } from "./reduce.js";
export { gemm } from "./gemm.js";
export { gemv, gemvReference, GEMV_WASM_MIN, symv, symvReference } from "./gemv.js";
export type { GemmOptions } from "./gemm.js";
export { gemmReference, checkGemm } from "./gemm.reference.js";
export { gemmWasm, WASM_GEMM_DEFAULTS } from "./wasm/gemm.wasm.js";
export { checkTrsm, geqrfResident, getrfResident, orgqrResident, potrfResident, trsmResident } from "./wasm/factor.wasm.js";
export { allFiniteResident, loadResident, storeResident } from "./wasm/copy.wasm.js";
export { csrGatherResident, csrScatterResident, residentCsr, residentCsrBytes, residentCsrOf, ResidentCsr, RESIDENT_CSR_MAX_BYTES } from "./wasm/spmv.wasm.js";
export type { WasmFlavour, WasmGemmOptions } from "./wasm/gemm.wasm.js";
export { engineFeatures, getBackend, residentWork, setBackend, showConfig, WASM_CROSSOVER } from "./backend.js";
export type { BackendName, BackendRequest, EngineFeatures, ResidentWork } from "./backend.js";
