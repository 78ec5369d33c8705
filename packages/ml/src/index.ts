/**
 * @sliderule/ml: the machine learning a course teaches, in scikit-learn's shape, on
 * @sliderule/ndarray and @sliderule/linalg only.
 *
 *   import { PCA, LinearRegression, makePipeline } from "@sliderule/ml";
 *   const Z = new PCA({ nComponents: 2 }).fitTransform(X);
 */
export { NotFittedError, ValueError } from "./base.js";
export type { ArrayInput, ArrayJSON, EstimatorJSON } from "./base.js";
