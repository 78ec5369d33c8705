/**
 * Neural networks: the multilayer perceptron, built from parts a student can read one at a time.
 *
 *   activations.ts    f and f′: relu, leakyRelu, logistic (expit), tanh, identity; softmax, logSoftmax
 *   initializers.ts   glorotUniform (scikit-learn's), heNormal, heUniform
 *   dense.ts          Dense: A = f(X·W + b), forward and backward side by side
 *   losses.ts         softmax cross-entropy, sigmoid cross-entropy, squared error, L2 penalty
 *   optimizers.ts     SGD (momentum, Nesterov, schedules), Adam
 *   forward.ts        mlpForward: prediction through given weights
 *   training.ts       the mini-batch epoch loop, early stopping, callback
 *   progress.ts       the verbose progress bar
 *   mlp-base.ts       shared estimator machinery: options, initialisation, JSON
 *   mlp-classifier.ts MLPClassifier
 *   mlp-regressor.ts  MLPRegressor
 */
export { expit, sigmoid, softmax, logSoftmax, relu, leakyRelu, identity, ACTIVATIONS } from "./activations.js";
export type { ActivationName } from "./activations.js";
export { glorotUniform, heNormal, heUniform } from "./initializers.js";
export type { InitialParameters, InitializerName, RandomSource } from "./initializers.js";
export { Dense } from "./dense.js";
export type { DenseOptions, Parameter } from "./dense.js";
export { lossAndGradient, LOSSES } from "./losses.js";
export type { LossName } from "./losses.js";
export { SGD, Adam } from "./optimizers.js";
export type { Optimizer, SGDOptions, AdamOptions, ParameterSet } from "./optimizers.js";
export { mlpForward } from "./forward.js";
export type { ForwardOptions, OutActivationName } from "./forward.js";
export type { EpochCallback, EpochInfo, StopReason } from "./training.js";
export { MLPClassifier } from "./mlp-classifier.js";
export type { Label, LabelInput, Predicted } from "./mlp-classifier.js";
export { MLPRegressor } from "./mlp-regressor.js";
export type { MLPOptions } from "./mlp-base.js";
