/**
 * The kernels other packages may call directly (`@sliderule/ndarray/kernels`): raw strided
 * buffers in, no NDArray overhead. Each fast kernel is exported with its reference twin, which
 * runs under the same tests and is the spec.
 *
 *   gemm / gemmReference    C := alpha·A·B + beta·C on strided Float64Array/Float32Array operands
 *   gemmWasm                the same on a WebAssembly SIMD build (gemm.as.ts), copied in and out
 *
 * Backend selection (backend.ts): showConfig(), setBackend(name), getBackend().
 */
export { gemm } from "./gemm.js";
export type { GemmOptions } from "./gemm.js";
export { gemmReference, checkGemmArgs } from "./gemm.reference.js";
export type { GemmArgs, FloatArray } from "./gemm.reference.js";
export { gemmWasm, WASM_GEMM_DEFAULTS } from "./wasm/gemm.wasm.js";
export type { WasmFlavour, WasmGemmOptions } from "./wasm/gemm.wasm.js";
export { engineFeatures, getBackend, setBackend, showConfig, WASM_CROSSOVER } from "./backend.js";
export type { BackendName, BackendRequest, EngineFeatures } from "./backend.js";
