/**
 * `@sliderule/ml/datasets` under Node (package.json condition "node"): the five loaders read
 * datasets/<file>.csv from disk, synchronously, relative to this file. Same exports as the
 * browser entry index.ts (loaders.ts, common.ts).
 *
 *   import { loadIris } from "@sliderule/ml/datasets";
 *   const { data: X, target: y, targetNames } = loadIris();   // X (150, 4) float64, y (150,) int32
 */
import { readFileSync } from "node:fs";
import { makeLoaders } from "./loaders.js";

export * from "./common.js";

/** datasets/<file> of the repository (packages/ml/src/datasets → ../../../../datasets). */
const read = (file: string): string => readFileSync(new URL(`../../../../datasets/${file}`, import.meta.url), "utf8");

export const { loadIris, loadWine, loadBreastCancer, loadDigits, loadDiabetes } = makeLoaders(read);
