/**
 * The kernels other packages may call directly (`@sliderule/ndarray/kernels`): raw strided
 * buffers in, no NDArray overhead. Each fast kernel is exported with its reference twin, which
 * runs under the same tests and is the spec.
 *
 *   gemm / gemmReference    C := alpha·A·B + beta·C on strided Float64Array/Float32Array operands
 */
export { gemm } from "./gemm.js";
export type { GemmOptions } from "./gemm.js";
export { gemmReference, checkGemmArgs } from "./gemm.reference.js";
export type { GemmArgs, FloatArray } from "./gemm.reference.js";
