/**
 * Every chart helper's spec validates against vega-lite's own JSON schema (the one shipped in
 * the vega-lite package, draft-07), checked with ajv. Compiling without warnings (each helper's
 * test) is a weaker check: vega-lite's compiler ignores properties it does not know, the schema
 * rejects them, so a misspelt encoding channel or mark property fails here.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import * as np from "@sliderule/ndarray";
import { confusionMatrixHeatmap, imageGrid, kmeansClusters, lossCurve, pcaScatter, regressionPlot, screePlot, svdCompressionError } from "./index.js";

// the package does not export the schema file: find it beside vega-lite's entry (build/)
const entry = fileURLToPath(import.meta.resolve("vega-lite"));
const schema = JSON.parse(readFileSync(join(dirname(entry), "vega-lite-schema.json"), "utf8"));
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false }); // formats (uri, color-hex) are not what we check
const validate = ajv.compile(schema);

const rng = np.random.defaultRng(3);
const X2 = rng.standardNormal([30, 2]);
const labels = np.array(
  [...Array(30).keys()].map((i) => i % 3),
  "int32",
);
const specs: Record<string, unknown> = {
  pcaScatter: pcaScatter(X2, labels, { targetNames: ["a", "b", "c"], explainedVarianceRatio: [0.7, 0.2], title: "t" }),
  pcaScatterUnlabelled: pcaScatter(X2),
  screePlot: screePlot([0.6, 0.3, 0.1]),
  screePlotPlain: screePlot([0.6, 0.3, 0.1], { cumulative: false }),
  regressionPlot: regressionPlot([1, 2, 3, 4], [1.1, 1.9, 3.2, 3.8]),
  regressionPlotWithX: regressionPlot([1, 2, 3, 4], [1.1, 1.9, 3.2, 3.8], { x: [0, 1, 2, 3] }),
  lossCurve: lossCurve([1, 0.5, 0.3]),
  lossCurveValidation: lossCurve([1, 0.5, 0.3], { validationScores: [0.5, 0.7, 0.8], logScale: true }),
  svdCompressionError: svdCompressionError([1, 2, 3], [0.5, 0.2, 0.1], { relative: true }),
  confusionMatrixHeatmap: confusionMatrixHeatmap(
    [
      [5, 1],
      [2, 7],
    ],
    { labels: ["no", "yes"], normalize: "true" },
  ),
  kmeansClusters: kmeansClusters(X2, labels, [
    [0, 0],
    [1, 1],
    [-1, 0],
  ]),
  imageGrid: imageGrid(rng.random([3, 4, 4]), { columns: 2, titles: ["x", "y", "z"] }),
};

describe("every chart spec validates against vega-lite's JSON schema", () => {
  it.each(Object.keys(specs))("%s", (name) => {
    const ok = validate(JSON.parse(JSON.stringify(specs[name])));
    expect(ok ? [] : validate.errors?.slice(0, 5)).toEqual([]);
  });
  it("the validator rejects a misspelt channel (the check can fail)", () => {
    const bad = { ...(specs.screePlot as object), encoding: { colour: { field: "x", type: "nominal" } }, mark: "bar" };
    expect(validate(bad)).toBe(false);
  });
});
