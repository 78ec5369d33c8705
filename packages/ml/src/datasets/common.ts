/**
 * What both entries of `@sliderule/ml/datasets` export besides the loaders: CSV parsing
 * (browser-safe), the data set descriptions and `datasetFromCsv`. node.ts and index.ts each
 * add the five loaders over their own text source (loaders.ts); datasets.test.ts checks the
 * two export lists are equal.
 */
export { CsvError, csvNumber, parseCsv, parseCsvSync } from "./csv.js";
export type { CsvOptions } from "./csv.js";
export { toArrays } from "./to-arrays.js";
export type { ToArraysOptions } from "./to-arrays.js";
export { DATASETS, datasetFromCsv } from "./load.js";
export type { Dataset, DatasetDescription, DatasetName, DigitsDataset } from "./load.js";
export { makeLoaders } from "./loaders.js";
export type { DatasetText, DiabetesOptions, Loaders } from "./loaders.js";
