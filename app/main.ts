/**
 * The page's script (index.html; bundled by build.ts): pick a shipped data set or drop a CSV
 * file, pick PCA, linear regression or k-means, press Run, see the charts and the numbers.
 *
 * The flow, one function per step:
 *   readInput()    the chosen data set or file as a Table (table.ts); a malformed CSV throws
 *                  CsvError naming the line and the field
 *   readRequest()  the method and its parameters from the form (MethodRequest, methods.ts)
 *   runMethod()    the estimator on the table (methods.ts: no DOM, the same code Node runs)
 *   showResult()   the numbers as a table, each chart drawn by vega-embed
 *   showError()    any error's message in the alert box (role="alert"), never swallowed
 * Nothing is fetched: the data sets are bundled into the page and a user's file is read with
 * `File.text()`; the page's Content-Security-Policy forbids network access.
 * For tests, `window.sliderule.lastResult` holds the last run's { method, points, numbers }
 * (set once its charts are drawn) and `document.body.dataset.status` the page's state.
 */
import type { DatasetName } from "@sliderule/ml/datasets";
import { ValueError } from "@sliderule/ndarray";
import embed, { type Result as EmbedResult } from "vega-embed";
import { runMethod, type MethodRequest, type PageResult, type Result } from "./methods.js";
import { DATASET_NAMES, tableFromCsv, tableFromDataset, type Table } from "./table.js";

/** Where the data come from: a shipped data set, or a user's file (its text, read once). */
type Source = { kind: "dataset"; name: DatasetName } | { kind: "csv"; name: string; text: string };

/** What the test harness reads. */
interface PageApi {
  lastResult: PageResult | null;
}

declare global {
  interface Window {
    sliderule: PageApi;
  }
}

/** An element of index.html by id, of the expected type. */
function byId<T extends HTMLElement>(id: string, type: { new (): T }): T {
  const el = document.getElementById(id);
  if (!(el instanceof type)) throw new Error(`internal: index.html has no <${type.name}> #${id}`);
  return el;
}

const ui = {
  form: byId("controls", HTMLFormElement),
  dataset: byId("dataset", HTMLSelectElement),
  file: byId("file", HTMLInputElement),
  dropzone: byId("dropzone", HTMLDivElement),
  labelColumn: byId("label-column", HTMLSelectElement),
  summary: byId("summary", HTMLParagraphElement),
  target: byId("target", HTMLSelectElement),
  k: byId("k", HTMLInputElement),
  seed: byId("seed", HTMLInputElement),
  error: byId("error", HTMLDivElement),
  result: byId("result", HTMLElement),
  resultTitle: byId("result-title", HTMLHeadingElement),
  numbers: byId("numbers", HTMLTableElement),
  charts: byId("charts", HTMLDivElement),
};

const state: { source: Source; table: Table | null; views: EmbedResult[]; loads: number } = {
  source: { kind: "dataset", name: "iris" },
  table: null,
  views: [],
  loads: 0,
};

window.sliderule = { lastResult: null };

function setStatus(status: "loading" | "ready" | "running" | "done" | "error"): void {
  document.body.dataset.status = status;
}

// ---------------------------------------------------------------- input

/** The label column the user marked: undefined for automatic, null for none. */
function labelChoice(): string | null | undefined {
  const v = ui.labelColumn.value;
  if (v === "auto") return undefined;
  if (v === "none") return null;
  return v.slice("col:".length);
}

/** The current source as a Table. @throws CsvError for a malformed file, ValueError for an unusable one. */
async function readInput(): Promise<Table> {
  const s = state.source;
  return s.kind === "dataset" ? tableFromDataset(s.name) : tableFromCsv(s.text, s.name, { label: labelChoice() });
}

/** An <option>. */
function option(value: string, text: string): HTMLOptionElement {
  const o = document.createElement("option");
  o.value = value;
  o.textContent = text;
  return o;
}

/** The label and target selects and the summary line, for a freshly read table. */
function showTable(table: Table): void {
  // label: a user's file may mark any column; a data set's label is fixed
  const keep = ui.labelColumn.value;
  if (state.source.kind === "csv") {
    ui.labelColumn.replaceChildren(
      option("auto", "(automatic: the last text column)"),
      option("none", "(none)"),
      ...table.header.map((c) => option(`col:${c}`, c)),
    );
    ui.labelColumn.value = Array.from(ui.labelColumn.options).some((o) => o.value === keep) ? keep : "auto";
    ui.labelColumn.disabled = false;
  } else {
    ui.labelColumn.replaceChildren(option("auto", table.label ? table.label.column : "(none)"));
    ui.labelColumn.disabled = true;
  }
  // regression target: any numeric column; default the data set's target, else the last column
  const previous = ui.target.value;
  ui.target.replaceChildren(...table.columns.map((c) => option(c, c)));
  ui.target.value =
    table.columns.includes(previous) && state.source.kind === "csv" ? previous : (table.targetColumn ?? table.columns[table.columns.length - 1]);

  const parts = [`${table.source}: ${table.n} rows, ${table.columns.length} numeric column${table.columns.length === 1 ? "" : "s"}`];
  parts.push(table.label ? `label "${table.label.column}" (${table.label.classes.length} classes)` : "no label");
  if (table.targetColumn !== null) parts.push(`regression target "${table.targetColumn}"`);
  if (table.ignored.length > 0) parts.push(`not used (text): ${table.ignored.map((c) => `"${c}"`).join(", ")}`);
  ui.summary.textContent = parts.join("; ") + ".";
}

/** Read the current source again (after a new data set, file or label choice) and show it. */
async function loadSource(): Promise<Table | null> {
  const load = ++state.loads;
  setStatus("loading");
  state.table = null;
  clearError();
  try {
    const table = await readInput();
    if (load !== state.loads) return null; // a newer choice superseded this one
    state.table = table;
    showTable(table);
    setStatus("ready");
    return table;
  } catch (e) {
    if (load !== state.loads) return null;
    ui.summary.textContent = "";
    ui.target.replaceChildren(); // no stale columns of the previous data
    showError(e);
    return null;
  }
}

/** A file the user chose or dropped: read its text once, here in the page. */
async function loadFile(file: File): Promise<void> {
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    showError(new ValueError(`Reading ${JSON.stringify(file.name)} failed: ${e instanceof Error ? e.message : String(e)}`));
    return;
  }
  state.source = { kind: "csv", name: file.name, text };
  const fileOption = ui.dataset.querySelector<HTMLOptionElement>('option[value="file"]');
  if (fileOption) {
    fileOption.disabled = false;
    fileOption.textContent = `your CSV file: ${file.name}`;
  }
  ui.dataset.value = "file";
  // a new file: the label is automatic until its columns are known
  ui.labelColumn.replaceChildren(option("auto", "(automatic: the last text column)"));
  ui.labelColumn.disabled = true;
  await loadSource();
}

// ---------------------------------------------------------------- method

/** A whole number from an <input>, or a ValueError-style message naming the field and the text. */
function integerInput(input: HTMLInputElement, name: string, min: number): number {
  const text = input.value.trim();
  const v = Number(text);
  if (text === "" || !Number.isInteger(v) || v < min) throw new ValueError(`Run: ${name} must be a whole number ≥ ${min}, got ${JSON.stringify(input.value)}`);
  return v;
}

/** The method and its parameters from the form. */
function readRequest(): MethodRequest {
  const method = new FormData(ui.form).get("method");
  switch (method) {
    case "pca":
      return { method: "pca" };
    case "regression":
      return { method: "regression", target: ui.target.value };
    case "kmeans":
      return { method: "kmeans", k: integerInput(ui.k, "k", 1), seed: integerInput(ui.seed, "seed", 0) };
    default:
      throw new ValueError(`Run: choose a method (PCA, linear regression or k-means), got ${JSON.stringify(String(method))}`);
  }
}

/** Show only the parameters of the chosen method. */
function showParams(): void {
  const method = new FormData(ui.form).get("method");
  for (const el of Array.from(document.querySelectorAll<HTMLElement>(".params"))) el.classList.toggle("active", el.dataset.for === method);
}

// ---------------------------------------------------------------- output

/** A number as the page shows it: six significant digits. */
function formatNumber(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toPrecision(6);
}

/** The rows of the numbers table: [heading, key for tests, value]. */
function numberRows(result: Result): [string, string, number | string][] {
  switch (result.method) {
    case "pca": {
      const [r1, r2] = result.numbers.explainedVarianceRatio;
      return [
        ["samples × features", "shape", `${result.n} × ${result.numbers.features.length}`],
        ["explained variance ratio, PC1", "evr1", r1],
        ["explained variance ratio, PC2", "evr2", r2],
        ["PC1 + PC2", "evr-total", r1 + r2],
      ];
    }
    case "regression": {
      const m = result.numbers;
      return [
        ["target", "target", m.target],
        ["R² (on the data fitted)", "r2", m.r2],
        ["intercept", "intercept", m.intercept],
        ...m.features.map((f, j): [string, string, number] => [`coefficient of ${f}`, `coef-${j}`, m.coef[j]]),
      ];
    }
    case "kmeans": {
      const m = result.numbers;
      return [
        ["k, seed", "k", `${m.k}, ${m.seed}`],
        ["inertia", "inertia", m.inertia],
        ["cluster sizes", "sizes", m.clusterSizes.join(", ")],
        ["Lloyd iterations", "n-iter", m.nIter],
      ];
    }
  }
}

const TITLES: Record<Result["method"], string> = { pca: "PCA", regression: "Linear regression", kmeans: "k-means" };

/** The numbers as a table and every chart through vega-embed; then lastResult for tests. */
async function showResult(result: Result): Promise<void> {
  for (const v of state.views) v.finalize();
  state.views = [];
  ui.resultTitle.textContent = `${TITLES[result.method]} on ${result.source}`;
  ui.numbers.replaceChildren(
    ...numberRows(result).map(([heading, key, value]) => {
      const tr = document.createElement("tr");
      const th = document.createElement("th");
      th.textContent = heading;
      const td = document.createElement("td");
      td.dataset.name = key;
      if (typeof value === "number") {
        td.dataset.value = String(value); // full precision, for copying and for tests
        td.textContent = formatNumber(value);
      } else td.textContent = value;
      tr.append(th, td);
      return tr;
    }),
  );
  ui.charts.replaceChildren();
  ui.result.hidden = false;
  for (const chart of result.charts) {
    const figure = document.createElement("figure");
    const caption = document.createElement("figcaption");
    caption.textContent = chart.title;
    const target = document.createElement("div");
    figure.append(caption, target);
    ui.charts.append(figure);
    // vega-embed renders the spec; no "open in editor" action, which would post the data away
    state.views.push(await embed(target, chart.spec, { renderer: "svg", actions: { export: true, source: false, compiled: false, editor: false } }));
  }
  window.sliderule.lastResult = { method: result.method, points: result.points, numbers: result.numbers };
}

function clearError(): void {
  ui.error.hidden = true;
  ui.error.textContent = "";
}

/** An error's message in the alert box; the stale result is hidden. */
function showError(e: unknown): void {
  ui.error.textContent = e instanceof Error ? e.message : String(e);
  ui.error.hidden = false;
  ui.result.hidden = true;
  setStatus("error");
}

// ---------------------------------------------------------------- wiring

/** Run: read the input (the cached table if the source has not changed), run, show. */
async function run(): Promise<void> {
  window.sliderule.lastResult = null;
  const table = state.table ?? (await loadSource());
  if (table === null) return; // loadSource showed the error
  setStatus("running");
  clearError();
  try {
    const result = runMethod(table, readRequest());
    await showResult(result);
    setStatus("done");
  } catch (e) {
    showError(e);
  }
}

function init(): void {
  ui.dataset.addEventListener("change", () => {
    const name = ui.dataset.value;
    if (!DATASET_NAMES.includes(name as DatasetName)) return; // "your CSV file": nothing to load
    state.source = { kind: "dataset", name: name as DatasetName };
    ui.file.value = "";
    void loadSource();
  });
  ui.file.addEventListener("change", () => {
    const file = ui.file.files?.[0];
    if (file) void loadFile(file);
  });
  ui.labelColumn.addEventListener("change", () => void loadSource());
  ui.form.addEventListener("change", (e) => {
    if (e.target instanceof HTMLInputElement && e.target.name === "method") showParams();
  });
  ui.form.addEventListener("submit", (e) => {
    e.preventDefault();
    void run();
  });
  // drag and drop onto the drop zone; a file dropped elsewhere must not replace the page
  for (const type of ["dragover", "drop"]) window.addEventListener(type, (e) => e.preventDefault());
  ui.dropzone.addEventListener("dragover", () => ui.dropzone.classList.add("dragover"));
  ui.dropzone.addEventListener("dragleave", () => ui.dropzone.classList.remove("dragover"));
  ui.dropzone.addEventListener("drop", (e) => {
    ui.dropzone.classList.remove("dragover");
    const file = e.dataTransfer?.files[0];
    if (file) void loadFile(file);
  });
  showParams();
  void loadSource();
}

init();
