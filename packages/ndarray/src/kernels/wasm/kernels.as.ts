/**
 * The WebAssembly module's entry (scripts/build-wasm.ts compiles this file): everything it
 * exports, from the two kernel sources.
 *   gemm.as.ts     gemm (dgemm, sdgemm, sgemm, dgemmC) and gemv/symv
 *   factor.as.ts   dtrsm, dgetrf, dpotrf on resident matrices, with the scratch they use
 */
export * from "./gemm.as";
export * from "./factor.as";
