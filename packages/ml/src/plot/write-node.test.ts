/**
 * writeCharts: into a fresh temporary folder (created with its parents), one .svg and one
 * .vl.json per chart and index.html holding them all; the paths returned are the files written.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ValueError } from "@sliderule/ndarray";
import { afterAll, describe, expect, it } from "vitest";
import { lossCurve } from "./loss-curve.js";
import { screePlot } from "./scree-plot.js";
import { writeCharts } from "./write-node.js";
import * as node from "../node.js";

/** Specs are read field by field below; vega-lite's types are unions too deep to narrow in a test. */
type Any = any;

const root = mkdtempSync(join(tmpdir(), "sliderule-plot-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("writeCharts", () => {
  it("writes <name>.svg, <name>.vl.json and index.html into a new folder and returns their paths", async () => {
    const out = join(root, "a", "charts");
    const scree = screePlot([0.7, 0.2, 0.1], { title: "Scree <PCA>" });
    const loss = { ...lossCurve([1, 0.5, 0.25]), description: "loss per epoch" };
    const paths = await writeCharts(out, { scree, loss }, { title: "Walkthrough" });
    expect(paths).toEqual([join(out, "scree.svg"), join(out, "scree.vl.json"), join(out, "loss.svg"), join(out, "loss.vl.json"), join(out, "index.html")]);
    expect(readdirSync(out).sort()).toEqual(["index.html", "loss.svg", "loss.vl.json", "scree.svg", "scree.vl.json"]);
    expect(JSON.parse(readFileSync(join(out, "scree.vl.json"), "utf8"))).toEqual(scree);
    const svg = readFileSync(join(out, "scree.svg"), "utf8");
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.split('aria-roledescription="bar"').length - 1).toBe(3);
    const html = readFileSync(join(out, "index.html"), "utf8");
    expect(html).toContain("<title>Walkthrough</title>");
    expect(html).toContain("<h2>Scree &lt;PCA&gt;</h2>"); // the spec's title, escaped
    expect(html).toContain("<h2>loss</h2>"); // no title: the chart's name
    expect(html).toContain("<figcaption>loss per epoch</figcaption>");
    expect(html.split("<svg").length - 1).toBe(2);
  });

  it("is exported from @sliderule/ml/node", () => {
    expect(node.writeCharts).toBe(writeCharts);
  });

  it("rejects bad names, specs and options with ValueError, writing nothing", async () => {
    const spec = screePlot([1]);
    const out = join(root, "never");
    await expect(writeCharts(out, { "../evil": spec })).rejects.toThrow(/^writeCharts: chart name "..\/evil" must be a plain file name/);
    await expect(writeCharts(out, { ".hidden": spec })).rejects.toThrow(ValueError);
    await expect(writeCharts(out, { ok: spec, bad: { data: { values: [] } } as Any })).rejects.toThrow(
      /^writeCharts: chart "bad": renderSvg: vega-lite could not compile the spec/,
    );
    await expect(writeCharts(out, { ok: spec }, { titel: "x" } as Any)).rejects.toThrow(/^writeCharts: unknown option 'titel'; its options are title/);
    await expect(writeCharts(out, [spec] as Any)).rejects.toThrow(/^writeCharts: charts must be an object/);
    await expect(writeCharts(3 as Any, { ok: spec })).rejects.toThrow(/^writeCharts: outDir must be a non-empty path string, got 3/);
    expect(existsSync(out)).toBe(false);
  });
});
