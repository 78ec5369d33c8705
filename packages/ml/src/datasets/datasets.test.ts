/**
 * The two entries of @sliderule/ml/datasets: node.ts (Node) and index.ts (browsers). index.ts
 * imports .csv files, which only a bundler understands, so it is bundled here with esbuild
 * for the browser (loader ".csv": "text"), as an app would, and the bundle is imported.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as nodeEntry from "./node.js";

const dir = mkdtempSync(join(tmpdir(), "sliderule-datasets-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let bundle = "";
let browserEntry: Record<string, unknown> = {};

beforeAll(async () => {
  const out = await build({
    entryPoints: [new URL("./index.ts", import.meta.url).pathname],
    bundle: true,
    platform: "browser",
    format: "esm",
    write: false,
    loader: { ".csv": "text" },
    // our packages from their TypeScript source, not their dist/ build (scripts/build.ts)
    conditions: ["sliderule-source"],
    logLevel: "silent",
  });
  bundle = out.outputFiles[0].text;
  const file = join(dir, "datasets-browser.mjs");
  writeFileSync(file, bundle);
  browserEntry = await import(pathToFileURL(file).href);
}, 60_000);

describe("@sliderule/ml/datasets: the Node and the browser entry", () => {
  it("export the same names", () => {
    expect(Object.keys(browserEntry).sort()).toEqual(Object.keys(nodeEntry).sort());
    expect(Object.keys(nodeEntry)).toEqual(expect.arrayContaining(["loadIris", "loadWine", "loadBreastCancer", "loadDigits", "loadDiabetes", "parseCsv", "parseCsvSync", "CsvError", "csvNumber", "toArrays", "datasetFromCsv", "DATASETS"]));
  });

  it("the browser bundle needs no Node module and loads the same data", () => {
    expect(bundle).not.toMatch(/from\s*["']node:|require\(["'](node:)?(fs|path|url|stream)["']\)/);
    for (const name of ["loadIris", "loadWine", "loadBreastCancer", "loadDigits", "loadDiabetes"] as const) {
      const a = (browserEntry[name] as () => nodeEntry.Dataset)();
      const b = nodeEntry[name]();
      expect(a.data.shape).toEqual(b.data.shape);
      expect(a.data.toArray()).toEqual(b.data.toArray());
      expect(a.target.toArray()).toEqual(b.target.toArray());
      expect(a.featureNames).toEqual(b.featureNames);
    }
  });
});
