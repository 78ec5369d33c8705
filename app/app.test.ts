/**
 * The page in a browser: build.ts bundles it, serve.ts serves it on 127.0.0.1, and headless
 * Chromium (through playwright-core) uses it as a person would: picks a data set or uploads a
 * file, picks a method, presses Run. The numbers it shows must be the ones Node computes with
 * the same library calls (same code, so equal to ~1e-12 relative; the browser may run the
 * WebAssembly kernels where Node runs others), a malformed CSV must put its line and field in
 * the alert box, and the page must log no console error.
 *
 * Needs a Chromium: $CHROMIUM, or /usr/bin/chromium (Debian's `chromium` package). Without
 * one the browser suite is skipped, unless SLIDERULE_REQUIRE_BROWSER=1 (set by CI), where a
 * missing browser is a failure (as packages/ndarray/test/browser/browser.test.ts).
 */
import { existsSync } from "node:fs";
import { KMeans, LinearRegression, PCA } from "@sliderule/ml";
import { loadDiabetes, loadIris } from "@sliderule/ml/datasets";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, escapeInlineScript } from "./build.js";
import type { KmeansNumbers, PageResult } from "./methods.js";
import { startServer, portFromEnv, type RunningServer } from "./serve.js";

const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const haveBrowser = existsSync(executablePath);
const required = process.env.SLIDERULE_REQUIRE_BROWSER === "1";

/** |a − b| ≤ rtol · scale for every entry, scale = the largest |b| (so entries near 0 are judged on the data's scale). */
function expectClose(actual: number[][], expected: number[][], rtol: number): void {
  expect(actual.length).toBe(expected.length);
  let scale = 0;
  for (const row of expected) for (const v of row) scale = Math.max(scale, Math.abs(v));
  let worst = 0;
  actual.forEach((row, i) => {
    expect(row.length).toBe(expected[i].length);
    row.forEach((v, j) => (worst = Math.max(worst, Math.abs(v - expected[i][j]))));
  });
  expect(worst / scale).toBeLessThanOrEqual(rtol);
}

function relErr(a: number, b: number): number {
  return Math.abs(a - b) / Math.abs(b);
}

it.runIf(required && !haveBrowser)("a browser is installed (SLIDERULE_REQUIRE_BROWSER=1)", () => {
  expect.fail(`no Chromium at ${executablePath}: install Debian's chromium or set CHROMIUM`);
});

describe("build and server (no browser)", () => {
  it("escapes </script inside the inlined bundle", () => {
    expect(escapeInlineScript('x = "</script>"; y = "</SCRIPT"')).toBe('x = "<\\/script>"; y = "<\\/SCRIPT"');
  });

  it("reads the port from PORT (default 5173) and rejects a bad one", () => {
    expect(portFromEnv({})).toBe(5173);
    expect(portFromEnv({ PORT: "8080" })).toBe(8080);
    expect(() => portFromEnv({ PORT: "80a" })).toThrow(/PORT must be a port number.*"80a"/);
    expect(() => portFromEnv({ PORT: "70000" })).toThrow(RangeError);
  });

  it("serves the page at / only, and takes the next port when the first is busy", async () => {
    const a = await startServer("<!DOCTYPE html><p>first</p>", 0);
    let b: RunningServer | null = null;
    try {
      b = await startServer("<!DOCTYPE html><p>second</p>", a.port);
      expect(b.port).toBeGreaterThan(a.port);
      expect(b.url).toBe(`http://127.0.0.1:${b.port}/`);
      expect(await (await fetch(a.url)).text()).toContain("first");
      expect(await (await fetch(b.url + "index.html")).text()).toContain("second");
      expect((await fetch(a.url + "data.csv")).status).toBe(404);
      expect((await fetch(a.url, { method: "POST", body: "x" })).status).toBe(405);
    } finally {
      await b?.close();
      await a.close();
    }
    await expect(startServer("x", 1.5)).rejects.toThrow(/startServer: port must be an integer/);
  });
});

describe.runIf(haveBrowser)("the page in headless Chromium", () => {
  let browser: Browser;
  let server: RunningServer;
  let page: Page;
  const consoleErrors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    const { html } = await buildApp();
    server = await startServer(html, 0);
    browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
    page = await browser.newPage();
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
    page.on("pageerror", (e) => consoleErrors.push(String(e)));
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(server.url);
    await page.waitForSelector('body[data-status="ready"]');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Choose a method (and its parameters), press Run, and wait for the result's charts. */
  async function run(method: PageResult["method"]): Promise<PageResult> {
    await page.check(`input[name="method"][value="${method}"]`);
    await page.click("#run");
    await page.waitForFunction((m) => window.sliderule.lastResult?.method === m, method);
    const result = await page.evaluate(() => window.sliderule.lastResult);
    if (result === null) throw new Error(`the page shows no result after running ${method}`);
    return result;
  }

  async function chooseDataset(name: string): Promise<void> {
    await page.selectOption("#dataset", name);
    await page.waitForSelector('body[data-status="ready"]');
  }

  /** The full-precision value of a number the page shows (its td[data-name]). */
  async function shown(name: string): Promise<{ value: number; text: string }> {
    const td = page.locator(`#numbers td[data-name="${name}"]`);
    return { value: Number(await td.getAttribute("data-value")), text: (await td.textContent()) ?? "" };
  }

  it("PCA on iris plots the points Node computes, coloured by species, with the scree plot", async () => {
    await chooseDataset("iris");
    const result = await run("pca");
    const iris = loadIris();
    const pca = new PCA({ nComponents: 2 });
    const Z = pca.fitTransform(iris.data).toArray() as number[][];
    expectClose(result.points, Z, 1e-12);
    // the numbers on the page: the explained variance ratio of PC1 and PC2
    const ratio = pca.explainedVarianceRatio!.toArray() as number[];
    const evr1 = await shown("evr1");
    expect(relErr(evr1.value, ratio[0])).toBeLessThan(1e-12);
    expect(evr1.text).toBe(ratio[0].toPrecision(6));
    expect(relErr((await shown("evr2")).value, ratio[1])).toBeLessThan(1e-12);
    // what vega drew: two charts; 150 points in the scatter, three species in its legend
    expect(await page.locator("#charts figure").count()).toBe(2);
    const scatter = page.locator("#charts figure").nth(0);
    expect(await scatter.locator("g.mark-symbol.role-mark path").count()).toBe(150);
    const legend = await scatter.locator("g.role-legend").textContent();
    for (const species of ["setosa", "versicolor", "virginica"]) expect(legend).toContain(species);
    // the scree plot: one bar per component of iris (4)
    expect(await page.locator("#charts figure").nth(1).locator("g.mark-rect.role-mark path").count()).toBe(4);
  });

  it("shows a malformed CSV's error, naming line 4 and the field, in the alert box", async () => {
    // line 1 header; line 4 holds "abc" in the numeric column sepal_width
    const csv = "sepal_length,sepal_width,species\n5.1,3.5,setosa\n4.9,3.0,setosa\n4.7,abc,setosa\n7.0,3.2,versicolor\n";
    await page.setInputFiles("#file", { name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    const alert = page.getByRole("alert");
    await alert.waitFor({ state: "visible" });
    const message = await alert.textContent();
    expect(message).toContain("bad.csv, line 4");
    expect(message).toContain('field "sepal_width"');
    expect(message).toContain('"abc"');
    // and Run keeps showing it rather than running on the previous data
    await page.check('input[name="method"][value="pca"]');
    await page.click("#run");
    await page.waitForSelector('body[data-status="error"]');
    expect(await alert.textContent()).toContain("line 4");
    expect(await page.locator("#result").isHidden()).toBe(true);
    expect(await page.evaluate(() => window.sliderule.lastResult)).toBeNull();
  });

  it("runs PCA on a CSV file dropped on the page, its text column as the label", async () => {
    const csv = "x,y,z,kind\n1,2,0.5,a\n2,1,1.5,b\n3,5,2.0,a\n4,3,0.0,b\n5,4,1.0,a\n";
    // what a drag and drop delivers: a drop event whose DataTransfer holds the File
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], "mine.csv", { type: "text/csv" }));
      document.getElementById("dropzone")?.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, csv);
    await page.waitForFunction(() => document.querySelector("#summary")?.textContent?.startsWith("mine.csv"));
    expect(await page.textContent("#summary")).toBe('mine.csv: 5 rows, 3 numeric columns; label "kind" (2 classes).');
    const result = await run("pca");
    const Z = new PCA({ nComponents: 2 })
      .fitTransform([
        [1, 2, 0.5],
        [2, 1, 1.5],
        [3, 5, 2.0],
        [4, 3, 0.0],
        [5, 4, 1.0],
      ])
      .toArray() as number[][];
    expectClose(result.points, Z, 1e-12);
  });

  it("linear regression on diabetes shows Node's R²", async () => {
    await chooseDataset("diabetes");
    expect(await page.inputValue("#target")).toBe("progression");
    const result = await run("regression");
    const { data: X, target: y } = loadDiabetes();
    const model = new LinearRegression().fit(X, y);
    const r2 = model.score(X, y);
    const r2Shown = await shown("r2");
    expect(relErr(r2Shown.value, r2)).toBeLessThan(1e-12);
    expect(r2Shown.text).toBe(r2.toPrecision(6));
    expect(relErr((await shown("intercept")).value, model.intercept as number)).toBeLessThan(1e-9);
    // predicted vs true: the points are [y_i, ŷ_i]
    const yHat = model.predict(X).toArray() as number[];
    expectClose(
      result.points,
      (y.toArray() as number[]).map((v, i) => [v, yHat[i]]),
      1e-12,
    );
  });

  it("k-means on iris with k = 3 shows Node's inertia for the same seed", async () => {
    await chooseDataset("iris");
    await page.check('input[name="method"][value="kmeans"]');
    await page.fill("#k", "3");
    await page.fill("#seed", "0");
    const result = await run("kmeans");
    const km = new KMeans({ nClusters: 3, randomState: 0 }).fit(loadIris().data);
    const inertia = await shown("inertia");
    expect(relErr(inertia.value, km.inertia as number)).toBeLessThan(1e-12);
    expect(inertia.text).toBe((km.inertia as number).toPrecision(6));
    const sizes = [0, 0, 0];
    for (const c of km.labels!.toArray() as number[]) sizes[c]++;
    expect((result.numbers as KmeansNumbers).clusterSizes).toEqual(sizes);
    expect(await page.locator("#charts figure g.mark-symbol.role-mark path").count()).toBe(150 + 3);
  });

  it("shows a bad parameter as an error, not a chart", async () => {
    await page.check('input[name="method"][value="kmeans"]');
    await page.fill("#k", "2.5");
    await page.click("#run");
    await page.waitForSelector('body[data-status="error"]');
    expect(await page.getByRole("alert").textContent()).toBe('Run: k must be a whole number ≥ 1, got "2.5"');
    await page.fill("#k", "3");
  });

  it("logged no console error and requested nothing but the page", () => {
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([server.url]);
  });
});
