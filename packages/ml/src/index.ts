/**
 * @sliderule/ml: the machine learning a course teaches, in scikit-learn's shape, on
 * @sliderule/ndarray and @sliderule/linalg only.
 *
 *   import { PCA, LinearRegression, makePipeline } from "@sliderule/ml";
 *   const Z = new PCA({ nComponents: 2 }).fitTransform(X);
 */
export { NotFittedError, ValueError } from "./base.js";
export type { ArrayInput, ArrayJSON, EstimatorJSON } from "./base.js";
export {
  MLPClassifier,
  MLPRegressor,
  Dense,
  SGD,
  Adam,
  mlpForward,
  expit,
  sigmoid,
  softmax,
  logSoftmax,
  relu,
  leakyRelu,
  glorotUniform,
  heNormal,
  heUniform,
} from "./neural-network/index.js";
export type {
  ActivationName,
  DenseOptions,
  EpochCallback,
  EpochInfo,
  Label,
  LabelInput,
  MLPOptions,
  OutActivationName,
  Predicted,
} from "./neural-network/index.js";
export { cdist } from "./distance/cdist.js";
export { pdist } from "./distance/pdist.js";
export { squareform } from "./distance/squareform.js";
export { pairwiseDistances } from "./distance/pairwise-distances.js";
export { euclideanDistances, pairwiseDistancesLoops, pairwiseDistancesBroadcast } from "./distance/euclidean.js";
export type { Metric, MetricName, MetricFunction, MetricOptions, DistanceOptions } from "./distance/metrics.js";
export type { SquareformOptions } from "./distance/squareform.js";
export type { PairwiseDistancesOptions } from "./distance/pairwise-distances.js";
export type { EuclideanOptions, BroadcastOptions } from "./distance/euclidean.js";
export { KNeighborsClassifier } from "./neighbors/k-neighbors-classifier.js";
export { KNeighborsRegressor } from "./neighbors/k-neighbors-regressor.js";
export type { NeighborsOptions, NeighborsMetric, KNeighborsResult } from "./neighbors/kneighbors.js";
export { KMeans } from "./cluster/kmeans.js";
export type { KMeansOptions } from "./cluster/kmeans.js";
export { kmeansPlusPlus } from "./cluster/kmeans-plusplus.js";
export type { KMeansPlusPlusOptions, KMeansPlusPlusResult } from "./cluster/kmeans-plusplus.js";
export { ConvergenceWarning, UndefinedMetricWarning } from "./base.js";
export { StandardScaler } from "./preprocessing/standard-scaler.js";
export { MinMaxScaler } from "./preprocessing/min-max-scaler.js";
export { OneHotEncoder } from "./preprocessing/one-hot-encoder.js";
export { LabelEncoder } from "./preprocessing/label-encoder.js";
export type { StandardScalerOptions } from "./preprocessing/standard-scaler.js";
export type { MinMaxScalerOptions } from "./preprocessing/min-max-scaler.js";
export type { OneHotEncoderOptions } from "./preprocessing/one-hot-encoder.js";
export { LinearRegression } from "./linear-model/linear-regression.js";
export { Ridge } from "./linear-model/ridge.js";
export type { LinearRegressionOptions } from "./linear-model/linear-regression.js";
export type { RidgeOptions } from "./linear-model/ridge.js";
export { PCA } from "./decomposition/pca.js";
export { IncrementalPCA } from "./decomposition/incremental-pca.js";
export type { PCAOptions } from "./decomposition/pca.js";
export type { IncrementalPCAOptions } from "./decomposition/incremental-pca.js";
export { accuracyScore, confusionMatrix, precisionRecallFscoreSupport, f1Score, precisionScore, recallScore, logLoss } from "./metrics/classification.js";
export type { Average, PrfsOptions, PrfsResult, ZeroDivision } from "./metrics/classification.js";
export { r2Score, meanSquaredError, meanAbsoluteError } from "./metrics/regression.js";
export type { MultiOutput, RegressionMetricOptions } from "./metrics/regression.js";
export { trainTestSplit } from "./model-selection/train-test-split.js";
export type { TrainTestSplitOptions } from "./model-selection/train-test-split.js";
export { KFold } from "./model-selection/k-fold.js";
export type { KFoldOptions } from "./model-selection/k-fold.js";
export { Pipeline, makePipeline, ESTIMATORS } from "./pipeline.js";
export type { Estimator, EstimatorClass } from "./pipeline.js";
