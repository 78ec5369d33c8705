/**
 * Writing charts to disk (Node only; exported from `@sliderule/ml/node`, never from the
 * browser-safe `@sliderule/ml/plot`).
 *
 *   writeCharts(outDir, { scree: spec1, loss: spec2 }, { title })
 *     → outDir/scree.svg, outDir/scree.vl.json, outDir/loss.svg, outDir/loss.vl.json, outDir/index.html
 *
 * Each spec is rendered headless (render.ts) to `<name>.svg`, and saved as `<name>.vl.json`
 * (the spec itself, to open in the vega-lite online editor or embed with vega-embed);
 * `index.html` is htmlPage of all the SVGs in the order given, each headed by the spec's
 * title (else its name) and captioned by the spec's `description`. The folder is created if
 * missing; files of the same name are overwritten.
 * Returns the paths written, in that order (index.html last).
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { TopLevelSpec } from "vega-lite";
import { ValueError } from "@sliderule/ndarray";
import { show } from "../base.js";
import { htmlPage, renderSvg, type PageChart } from "./render.js";

export interface WriteChartsOptions {
  /** Title of index.html (default "Charts"). */
  title?: string;
}

/** A chart name is a file name: letters, digits, '.', '_' and '-', not starting with '.'. */
const NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/** The heading a spec gives itself: its title (a string or `{ text }`), else undefined. */
function specTitle(spec: TopLevelSpec): string | undefined {
  const t = (spec as { title?: unknown }).title;
  if (typeof t === "string") return t;
  if (t !== null && typeof t === "object" && typeof (t as { text?: unknown }).text === "string") return (t as { text: string }).text;
  return undefined;
}

/**
 * Render each spec to `<outDir>/<name>.svg`, save it as `<outDir>/<name>.vl.json`, and write
 * `<outDir>/index.html` with all of them (see the file header).
 * @param outDir the folder (created with its parents if missing).
 * @param charts name → vega-lite spec; names are file names (`[A-Za-z0-9_-][A-Za-z0-9._-]*`).
 * @returns the paths written: per chart its .svg then .vl.json, then index.html.
 * @throws ValueError for a non-string outDir, charts not an object, a name that is not a plain
 *   file name (no '/', no '..'), a spec vega-lite cannot compile, or an unknown option.
 * @example
 *   await writeCharts("out/pca", { scree: screePlot(pca.explainedVarianceRatio) }, { title: "PCA on iris" });
 */
export async function writeCharts(outDir: string, charts: Record<string, TopLevelSpec>, options?: WriteChartsOptions): Promise<string[]> {
  const fn = "writeCharts";
  if (typeof outDir !== "string" || outDir === "") throw new ValueError(`${fn}: outDir must be a non-empty path string, got ${show(outDir)}`);
  if (charts === null || typeof charts !== "object" || Array.isArray(charts))
    throw new ValueError(`${fn}: charts must be an object { name: spec }, got ${show(charts)}`);
  if (options !== undefined && (options === null || typeof options !== "object" || Array.isArray(options)))
    throw new ValueError(`${fn}: options must be an object, got ${show(options)}`);
  const extra = options === undefined ? undefined : Object.keys(options).find((k) => k !== "title");
  if (extra !== undefined) throw new ValueError(`${fn}: unknown option '${extra}'; its options are title`);
  const title = options?.title ?? "Charts";
  if (typeof title !== "string") throw new ValueError(`${fn}: option title must be a string, got ${show(title)}`);
  const names = Object.keys(charts);
  for (const name of names) {
    if (!NAME.test(name))
      throw new ValueError(`${fn}: chart name ${show(name)} must be a plain file name (letters, digits, '.', '_', '-', not starting with '.')`);
  }

  // render everything before touching the disk, so a bad spec writes nothing
  const page: PageChart[] = [];
  const svgs: string[] = [];
  for (const name of names) {
    const spec = charts[name];
    let svg: string;
    try {
      svg = await renderSvg(spec);
    } catch (e) {
      throw new ValueError(`${fn}: chart ${show(name)}: ${e instanceof Error ? e.message : String(e)}`);
    }
    svgs.push(svg);
    const description = (spec as { description?: unknown }).description;
    page.push({ title: specTitle(spec) ?? name, svg, ...(typeof description === "string" ? { caption: description } : {}) });
  }

  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (let i = 0; i < names.length; i++) {
    const svgPath = join(outDir, `${names[i]}.svg`);
    await writeFile(svgPath, svgs[i], "utf8");
    const jsonPath = join(outDir, `${names[i]}.vl.json`);
    await writeFile(jsonPath, `${JSON.stringify(charts[names[i]], null, 2)}\n`, "utf8");
    written.push(svgPath, jsonPath);
  }
  const indexPath = join(outDir, "index.html");
  await writeFile(indexPath, htmlPage(title, page), "utf8");
  written.push(indexPath);
  return written;
}
