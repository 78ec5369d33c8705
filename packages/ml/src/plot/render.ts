/**
 * Rendering: a vega-lite spec to an SVG string, and SVGs to one self-contained HTML page.
 *
 *   vega-lite spec --compile--> vega spec --parse--> dataflow --View(renderer "none").toSVG()--> SVG
 *
 * Headless: the "none" renderer builds the scenegraph without a canvas or a DOM, and `toSVG`
 * writes it out as markup, so this runs in Node (no native modules) and in a browser alike.
 * Text is measured by vega's estimate (no canvas), so label widths are approximate.
 *
 * The caller's spec is never modified (it is copied first: vega tags the data rows it reads).
 *
 * `htmlPage` puts SVGs in one HTML file: inline SVG, inline CSS, no script, no network (a
 * Content-Security-Policy forbids both), every title and caption HTML-escaped.
 * The SVG strings are put in as they are (they are markup, from renderSvg); one holding a
 * `<script` or `<foreignObject` is refused.
 * Reference: vega View API (https://vega.github.io/vega/docs/api/view/#view_toSVG),
 * vega-lite `compile` (https://vega.github.io/vega-lite/usage/compile.html).
 */
import { parse, View, type Spec as VegaSpec } from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { ValueError } from "@sliderule/ndarray";
import { show } from "../base.js";

/** Collects vega-lite's warnings instead of printing them (vega-util's LoggerInterface). */
class CollectingLogger {
  readonly warnings: string[] = [];
  readonly errors: string[] = [];
  private lvl = 2;
  level(): number;
  level(l: number): this;
  level(l?: number): number | this {
    if (l === undefined) return this.lvl;
    this.lvl = l;
    return this;
  }
  error(...args: readonly unknown[]): this {
    this.errors.push(args.map(String).join(" "));
    return this;
  }
  warn(...args: readonly unknown[]): this {
    this.warnings.push(args.map(String).join(" "));
    return this;
  }
  info(): this {
    return this;
  }
  debug(): this {
    return this;
  }
}

/**
 * The spec, checked to be an object and deep-copied: vega's dataflow tags each inlined data
 * row with an id (a Symbol property), so rendering the caller's own objects would modify them.
 */
function checkSpec(fn: string, spec: unknown): TopLevelSpec {
  if (spec === null || typeof spec !== "object" || Array.isArray(spec))
    throw new ValueError(`${fn}: spec must be a vega-lite spec (an object), got ${show(spec)}`);
  try {
    return structuredClone(spec) as TopLevelSpec;
  } catch (e) {
    throw new ValueError(`${fn}: spec must be plain data (JSON-like), but it could not be copied: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * Compile a vega-lite spec to a vega spec, collecting vega-lite's warnings (an encoding it
 * dropped, a field type it guessed) rather than printing them.
 * @returns `{ spec, warnings }`: the vega spec and the warning messages (empty for a clean spec).
 * @throws ValueError when vega-lite cannot compile the spec (message from vega-lite).
 * @example
 *   compileSpec(screePlot([0.7, 0.2, 0.1])).warnings;   // []
 */
export function compileSpec(spec: TopLevelSpec): { spec: VegaSpec; warnings: string[] } {
  const s = checkSpec("compileSpec", spec);
  const logger = new CollectingLogger();
  let vg: VegaSpec;
  try {
    vg = compile(s, { logger }).spec;
  } catch (e) {
    throw new ValueError(`compileSpec: vega-lite could not compile the spec: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { spec: vg, warnings: [...logger.errors, ...logger.warnings] };
}

/**
 * Render a vega-lite spec to an SVG string, headless (see the file header).
 * @throws ValueError when vega-lite cannot compile the spec.
 * @example
 *   const svg = await renderSvg(lossCurve(mlp.lossCurve));   // "<svg xmlns=… </svg>"
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const s = checkSpec("renderSvg", spec);
  let vg: VegaSpec;
  try {
    vg = compile(s, { logger: new CollectingLogger() }).spec;
  } catch (e) {
    throw new ValueError(`renderSvg: vega-lite could not compile the spec: ${e instanceof Error ? e.message : String(e)}`);
  }
  const view = new View(parse(vg), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** One chart of a page: its heading, the SVG markup, and an optional caption below it. */
export interface PageChart {
  title: string;
  svg: string;
  caption?: string;
}

/** Text as HTML: & < > " ' escaped (safe in element content and in quoted attributes). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

const CSS = `
  body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 1100px; padding: 0 1rem; color: #222; background: #fff; }
  h1 { font-size: 1.6rem; margin-bottom: 0.5rem; }
  nav ol { columns: 2; padding-left: 1.2rem; }
  section { margin: 2.5rem 0; }
  h2 { font-size: 1.15rem; border-bottom: 1px solid #ddd; padding-bottom: 0.25rem; }
  figure { margin: 0; overflow-x: auto; }
  figure svg { max-width: 100%; height: auto; }
  figcaption { color: #555; font-size: 0.9rem; margin-top: 0.4rem; }
`;

/**
 * One self-contained HTML page holding the charts in order: a heading, a list of links to
 * each chart, then per chart its heading, the inline SVG and the caption. No script, no
 * network (the page's Content-Security-Policy says so), titles and captions escaped.
 * @param title the page's title and top heading.
 * @param charts `{ title, svg, caption? }` per chart; svg as from renderSvg.
 * @throws ValueError for a non-string title, a chart without a string title or svg, an svg
 *   that is not `<svg …>` markup or holds a script, or an unknown key in a chart.
 * @example
 *   const html = htmlPage("PCA on iris", [{ title: "scree", svg: await renderSvg(screePlot(r)) }]);
 */
export function htmlPage(title: string, charts: PageChart[]): string {
  const fn = "htmlPage";
  if (typeof title !== "string") throw new ValueError(`${fn}: title must be a string, got ${show(title)}`);
  if (!Array.isArray(charts)) throw new ValueError(`${fn}: charts must be an array of { title, svg, caption? }, got ${show(charts)}`);
  charts.forEach((c, i) => {
    if (c === null || typeof c !== "object" || Array.isArray(c))
      throw new ValueError(`${fn}: charts[${i}] must be an object { title, svg, caption? }, got ${show(c)}`);
    const extra = Object.keys(c).find((k) => k !== "title" && k !== "svg" && k !== "caption");
    if (extra !== undefined) throw new ValueError(`${fn}: charts[${i}] has an unknown key '${extra}'; its keys are title, svg, caption`);
    if (typeof c.title !== "string") throw new ValueError(`${fn}: charts[${i}].title must be a string, got ${show(c.title)}`);
    if (c.caption !== undefined && typeof c.caption !== "string") throw new ValueError(`${fn}: charts[${i}].caption must be a string, got ${show(c.caption)}`);
    if (typeof c.svg !== "string" || !/^\s*<svg[\s>]/.test(c.svg))
      throw new ValueError(
        `${fn}: charts[${i}].svg must be SVG markup starting with <svg, got ${show(typeof c.svg === "string" ? c.svg.slice(0, 30) : c.svg)}`,
      );
    if (/<script|<foreignObject/i.test(c.svg)) throw new ValueError(`${fn}: charts[${i}].svg holds a <script> or <foreignObject>; the page is script-free`);
  });

  const t = escapeHtml(title);
  const nav = charts.map((c, i) => `      <li><a href="#chart-${i + 1}">${escapeHtml(c.title)}</a></li>`).join("\n");
  const sections = charts
    .map(
      (c, i) => `  <section id="chart-${i + 1}">
    <h2>${escapeHtml(c.title)}</h2>
    <figure>
${c.svg.trim()}
${c.caption !== undefined ? `      <figcaption>${escapeHtml(c.caption)}</figcaption>\n` : ""}    </figure>
  </section>`,
    )
    .join("\n");
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
  <title>${t}</title>
  <style>${CSS}</style>
</head>
<body>
  <h1>${t}</h1>
${charts.length > 1 ? `  <nav>\n    <ol>\n${nav}\n    </ol>\n  </nav>\n` : ""}${sections}
</body>
</html>
`;
}
