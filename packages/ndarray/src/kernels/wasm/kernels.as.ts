/**
 * The WebAssembly module's entry (scripts/build-wasm.ts compiles this file): everything it
 * exports, from the kernel sources.
 *   gemm.as.ts     gemm (dgemm, sdgemm, sgemm, dgemmC) and gemv/symv
 *   factor.as.ts   dtrsm, dgetrf, dpotrf, dgeqrf, dorgqr on resident matrices, with their scratch
 *   copy.as.ts     dcopy2d, dallFinite: layout changes and the NaN check on resident blocks
 *   spmv.as.ts     csrGather*, csrScatter*: sparse y := A·x, Aᵀ·x on resident CSR/CSC arrays
 */
export * from "./gemm.as";
export * from "./factor.as";
export * from "./copy.as";
export * from "./spmv.as";
