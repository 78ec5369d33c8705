/**
 * `@sliderule/ml/datasets` in a browser (package.json condition "default"): the five loaders
 * parse CSV text a bundler inlined into the build (esbuild: `loader: { ".csv": "text" }`;
 * Vite: the same files with `?raw`). Same exports as the Node entry node.ts (loaders.ts,
 * common.ts); csv-module.d.ts tells tsc what a .csv import is.
 *
 *   import { loadIris } from "@sliderule/ml/datasets";
 *   const { data: X, target: y } = loadIris();
 */
import breastCancerCsv from "../../../../datasets/breast_cancer.csv";
import diabetesCsv from "../../../../datasets/diabetes.csv";
import digitsCsv from "../../../../datasets/digits.csv";
import irisCsv from "../../../../datasets/iris.csv";
import wineCsv from "../../../../datasets/wine.csv";
import { makeLoaders } from "./loaders.js";

export * from "./common.js";

const TEXT: Record<string, string> = { "iris.csv": irisCsv, "wine.csv": wineCsv, "breast_cancer.csv": breastCancerCsv, "digits.csv": digitsCsv, "diabetes.csv": diabetesCsv };

export const { loadIris, loadWine, loadBreastCancer, loadDigits, loadDiabetes } = makeLoaders((file) => TEXT[file]);
