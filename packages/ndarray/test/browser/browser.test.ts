/**
 * The library in a browser: page.ts is bundled by esbuild for the browser platform (a Node
 * built-in anywhere in its imports fails the build) and run in headless Chromium through
 * playwright-core. Every gemm backend the browser offers (TypeScript, WebAssembly SIMD, and
 * relaxed SIMD, which Chromium has and Node 20 lacks) must give matmul results within a few
 * k·eps of the reference kernel, and the seeded stream must be NumPy's.
 *
 * Needs a Chromium: $CHROMIUM, or /usr/bin/chromium (Debian's `chromium` package, which
 * .ci/run installs). Without one the suite is skipped, unless SLIDERULE_REQUIRE_BROWSER=1
 * (set by CI), where a missing browser is a failure.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PageReport } from "./page.js";

const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const haveBrowser = existsSync(executablePath);
const required = process.env.SLIDERULE_REQUIRE_BROWSER === "1";

it.runIf(required && !haveBrowser)("a browser is installed (SLIDERULE_REQUIRE_BROWSER=1)", () => {
  expect.fail(`no Chromium at ${executablePath}: install Debian's chromium or set CHROMIUM`);
});

describe.runIf(haveBrowser)("in headless Chromium", () => {
  let browser: Browser;
  let report: PageReport;

  beforeAll(async () => {
    const bundle = await build({
      entryPoints: [fileURLToPath(new URL("./page.ts", import.meta.url))],
      bundle: true,
      platform: "browser",
      format: "iife",
      globalName: "sliderulePage",
      target: "es2022",
      write: false,
      // our packages from their TypeScript source, not their dist/ build (scripts/build.ts)
      conditions: ["sliderule-source"],
      logLevel: "silent",
    });
    browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.setContent("<!doctype html><title>sliderule</title>");
    await page.addScriptTag({ content: bundle.outputFiles[0].text });
    report = await page.evaluate(() => (globalThis as unknown as { sliderulePage: { run(): PageReport } }).sliderulePage.run());
    expect(errors).toEqual([]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("detects WebAssembly SIMD and relaxed SIMD, and auto picks the best", () => {
    expect(report.features).toEqual({ webassembly: true, simd: true, relaxedSimd: true });
    expect(report.autoBackend).toBe("wasm-relaxed-simd");
    expect(report.config).toContain("backend:          wasm-relaxed-simd (requested auto, by default)");
  });

  it("runs matmul on every backend, each within a few k·eps of the reference", () => {
    expect(report.backends.map((b) => b.backend)).toEqual(["typescript", "wasm-simd", "wasm-relaxed-simd"]);
    for (const b of report.backends) {
      expect(b.active).toBe(b.backend);
      expect(b.scaledError.float64).toBeLessThan(2);
      expect(b.scaledError.float32).toBeLessThan(2);
      // the resident LU and Cholesky kernels run on the WebAssembly paths, and only there
      if (b.backend === "typescript") expect(b.factorError).toBeNull();
      else {
        expect(b.factorError!.lu).toBeLessThan(1);
        expect(b.factorError!.cholesky).toBeLessThan(1);
      }
    }
  });

  it("draws NumPy's seeded stream and prints as NumPy does", () => {
    // np.random.seed(42); np.random.randn(3)
    expect(report.randn).toEqual([0.4967141530112327, -0.13826430117118466, 0.6476885381006925]);
    expect(report.printed).toBe("array([[0, 1, 2],\n       [3, 4, 5]])");
  });
});
