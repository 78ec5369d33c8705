/**
 * Build the JavaScript that plain `node` runs: every packages/<pkg>/src/**.ts (tests, fixtures
 * and the AssemblyScript sources excepted) transpiled one to one into packages/<pkg>/dist/**.js
 * by esbuild, types stripped, nothing bundled. The source already imports "./x.js", so the
 * files find each other in dist/ exactly as they do in src/.
 *
 *   npm run build        (also run by `npm ci` / `npm install` through the "prepare" script)
 *
 * Who reads what (each package.json's "exports"):
 *   node script.mjs, bundlers            "default" → dist/*.js
 *   tsc, editors                         "types" → src/*.ts
 *   vitest, tsx through the npm scripts  "sliderule-source" → src/*.ts (vitest.config.ts sets
 *                                        the condition; tsx gets --conditions=sliderule-source)
 * so the tests always run the source, and test/plain-node.test.ts runs dist/ under plain node.
 */
import { readdirSync, rmSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const PACKAGES = ["ndarray", "linalg", "ml"];

/** The .ts files of a source tree that belong in the build. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "fixtures" ? [] : sources(path);
    const skip = !name.endsWith(".ts") || name.endsWith(".test.ts") || name.endsWith(".as.ts") || name.endsWith(".d.ts");
    return skip ? [] : [path];
  });
}

const started = performance.now();
let files = 0;
for (const pkg of PACKAGES) {
  const src = join(ROOT, "packages", pkg, "src");
  const dist = join(ROOT, "packages", pkg, "dist");
  rmSync(dist, { recursive: true, force: true });
  const entryPoints = sources(src);
  await build({ entryPoints, outdir: dist, outbase: src, format: "esm", platform: "neutral", target: "es2022", bundle: false, logLevel: "warning" });
  files += entryPoints.length;
}
console.log(
  `build: ${files} files into packages/{${PACKAGES.join(",")}}/dist in ${((performance.now() - started) / 1000).toFixed(1)} s (${relative(process.cwd(), ROOT) || "."})`,
);
