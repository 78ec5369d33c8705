/**
 * Builds the page: esbuild bundles main.ts for the browser (the data sets' CSV files inlined as
 * text, `loader: { ".csv": "text" }`, so `@sliderule/ml/datasets` needs no fetch), and the
 * bundle and style.css are inlined into index.html, giving one self-contained HTML document
 * that any static file server, or the file opened directly, can show.
 *
 *   const { html } = await buildApp();              // the page as a string
 *   const path = await writeApp();                  // …written to app/dist/index.html
 *   npx tsx app/build.ts                            // the same from the command line
 *
 * Node-only (esbuild, node:fs); the page itself imports nothing from Node: a Node built-in
 * anywhere in main.ts's imports fails the build (platform "browser").
 * Reference: esbuild's build API (https://esbuild.github.io/api/#build).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/** Options of buildApp. */
export interface BuildOptions {
  /** Minify the bundle (default true: about half the size). */
  minify?: boolean;
}

/** What a page needs: the HTML, and the bundle's size in bytes. */
export interface BuiltApp {
  html: string;
  scriptBytes: number;
}

/**
 * Script text safe inside <script>…</script>: an HTML parser ends the element at the first
 * "</script", so it becomes "<\/script", which JavaScript strings, templates and regular
 * expressions read unchanged. (esbuild already writes strings this way; this is the guard.)
 */
export function escapeInlineScript(js: string): string {
  return js.replace(/<\/(script)/gi, "<\\/$1");
}

/**
 * Bundle main.ts and inline it and style.css into index.html.
 * @returns `{ html, scriptBytes }`
 * @throws Error when esbuild fails (the message lists its errors), or when index.html lacks
 *   the <link rel="stylesheet" href="style.css"> or <script src="main.js"> it replaces.
 */
export async function buildApp(options: BuildOptions = {}): Promise<BuiltApp> {
  if (options === null || typeof options !== "object") throw new TypeError(`buildApp: options must be an object, got ${typeof options}`);
  const unknown = Object.keys(options).find((k) => k !== "minify");
  if (unknown !== undefined) throw new TypeError(`buildApp: unknown option ${JSON.stringify(unknown)}; its option is minify`);
  if (options.minify !== undefined && typeof options.minify !== "boolean")
    throw new TypeError(`buildApp: option minify must be true or false, got ${typeof options.minify}`);

  const bundle = await build({
    entryPoints: [here("./main.ts")],
    bundle: true,
    platform: "browser",
    format: "iife",
    target: "es2022",
    loader: { ".csv": "text" },
    minify: options.minify ?? true,
    legalComments: "none",
    write: false,
    // our packages from their TypeScript source, not their dist/ build (scripts/build.ts)
    conditions: ["sliderule-source"],
    logLevel: "silent",
  });
  const js = bundle.outputFiles[0].text;
  const css = readFileSync(here("./style.css"), "utf8");
  const template = readFileSync(here("./index.html"), "utf8");

  const link = '<link rel="stylesheet" href="style.css">';
  const script = '<script src="main.js"></script>';
  if (!template.includes(link) || !template.includes(script))
    throw new Error(`buildApp: app/index.html must contain ${link} and ${script}, which the build replaces`);
  // replace with functions: a "$&" or "$1" in the bundle must stay as it is
  const html = template.replace(link, () => `<style>\n${css}</style>`).replace(script, () => `<script>${escapeInlineScript(js)}</script>`);
  return { html, scriptBytes: Buffer.byteLength(js) };
}

/** Build and write the page to `dir` (default app/dist). Returns the file's path. */
export async function writeApp(dir = here("./dist")): Promise<string> {
  const { html } = await buildApp();
  mkdirSync(dir, { recursive: true });
  const path = `${dir}/index.html`;
  writeFileSync(path, html);
  return path;
}

// `npx tsx app/build.ts`: write app/dist/index.html
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeApp().then(
    (path) => console.log(`wrote ${path}`),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exitCode = 1;
    },
  );
}
