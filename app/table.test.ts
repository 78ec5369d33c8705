/**
 * The page's logic without a browser: a user's CSV as a table (column kinds, the label, every
 * malformed row an error with its line), the shipped data sets as tables, and runMethod's
 * checks and results against the estimators called directly.
 */
import { ValueError } from "@sliderule/ndarray";
import { KMeans, LinearRegression, PCA } from "@sliderule/ml";
import { CsvError, loadWine } from "@sliderule/ml/datasets";
import { describe, expect, it } from "vitest";
import { runMethod, type MethodRequest } from "./methods.js";
import { featureColumns, selectColumns, tableFromCsv, tableFromDataset } from "./table.js";

const CSV = "id,x,y,site,kind\n1,0.5,2,north,a\n2,1.5,1,south,b\n3,2.5,4,north,a\n";

describe("tableFromCsv", () => {
  it("takes the numeric columns as features and the last text column as the label", async () => {
    const t = await tableFromCsv(CSV, "m.csv");
    expect(t.header).toEqual(["id", "x", "y", "site", "kind"]);
    expect(t.columns).toEqual(["id", "x", "y"]);
    expect(Array.from(t.data)).toEqual([1, 0.5, 2, 2, 1.5, 1, 3, 2.5, 4]);
    expect(t.label?.column).toBe("kind");
    expect(t.label?.classes).toEqual(["a", "b"]);
    expect(Array.from(t.label?.codes ?? [])).toEqual([0, 1, 0]);
    expect(t.ignored).toEqual(["site"]);
    expect(t.targetColumn).toBeNull();
  });

  it("uses the column the user marks as the label, even a numeric one, or none", async () => {
    const byId = await tableFromCsv(CSV, "m.csv", { label: "id" });
    expect(byId.columns).toEqual(["x", "y"]);
    expect(byId.label?.classes).toEqual(["1", "2", "3"]);
    expect(byId.ignored).toEqual(["site", "kind"]);
    const none = await tableFromCsv(CSV, "m.csv", { label: null });
    expect(none.label).toBeNull();
    expect(none.ignored).toEqual(["site", "kind"]);
  });

  it("keeps the file's column order, even for names that look like numbers", async () => {
    const t = await tableFromCsv("name,2020,2019\nx,1,2\ny,3,4\n", "years.csv");
    expect(t.columns).toEqual(["2020", "2019"]);
    expect(Array.from(t.data)).toEqual([1, 2, 3, 4]);
  });

  it("reads CRLF files and quoted fields", async () => {
    const t = await tableFromCsv('a,b,name\r\n1,2,"x, y"\r\n3,4,z\r\n', "w.csv");
    expect(Array.from(t.data)).toEqual([1, 2, 3, 4]);
    expect(t.label?.classes).toEqual(["x, y", "z"]);
  });

  it("throws CsvError naming the line and the field for text in a numeric column", async () => {
    const bad = "a,b,label\n1,2,x\n3,4,y\n5,abc,x\n7,8,y\n";
    const e = await tableFromCsv(bad, "bad.csv").catch((err: unknown) => err);
    expect(e).toBeInstanceOf(CsvError);
    expect((e as CsvError).line).toBe(4);
    expect((e as CsvError).field).toBe("b");
    expect((e as CsvError).message).toBe('parseCsv: bad.csv, line 4, field "b": expected a number, got "abc"');
  });

  it("never reads an empty numeric field as 0", async () => {
    await expect(tableFromCsv("a,b\n1,2\n3,\n5,6\n", "e.csv")).rejects.toThrow('parseCsv: e.csv, line 3, field "b": expected a number, got ""');
  });

  it("rejects ragged rows, empty files, files without rows or numbers, and an unknown label", async () => {
    await expect(tableFromCsv("a,b\n1,2\n3\n", "r.csv")).rejects.toThrow('parseCsv: r.csv, line 3, field "b": missing: the row has 1 field, the header 2');
    await expect(tableFromCsv("a,b\n1,2,3\n", "r.csv")).rejects.toThrow("parseCsv: r.csv, line 2: the row has 3 fields, the header 2");
    await expect(tableFromCsv("", "empty.csv")).rejects.toThrow("parseCsv: empty.csv, line 1: the file is empty");
    await expect(tableFromCsv("a,a\n1,2\n", "d.csv")).rejects.toThrow('parseCsv: d.csv, line 1, field "a": duplicate column name');
    await expect(tableFromCsv("a,b\n", "h.csv")).rejects.toThrow("tableFromCsv: h.csv has a header row but no data rows");
    await expect(tableFromCsv("a,b\nx,y\n", "t.csv")).rejects.toThrow("tableFromCsv: t.csv has no numeric column (columns: a, b)");
    await expect(tableFromCsv(CSV, "m.csv", { label: "nope" })).rejects.toThrow('tableFromCsv: option label is "nope", not a column of m.csv');
    await expect(tableFromCsv(CSV, "m.csv", { lable: "kind" } as never)).rejects.toThrow(ValueError);
    await expect(tableFromCsv(Symbol("s") as never, "m.csv")).rejects.toThrow("tableFromCsv: text must be a string, got symbol");
  });
});

describe("tableFromDataset", () => {
  it("gives iris its species label and diabetes its target column", () => {
    const iris = tableFromDataset("iris");
    expect([iris.n, iris.columns.length, iris.label?.column, iris.targetColumn]).toEqual([150, 4, "species", null]);
    const diabetes = tableFromDataset("diabetes");
    expect(diabetes.columns).toHaveLength(11);
    expect(diabetes.targetColumn).toBe("progression");
    expect(featureColumns(diabetes)).toHaveLength(10);
    expect(featureColumns(diabetes, "bmi")).not.toContain("bmi");
    expect(() => tableFromDataset("titanic" as never)).toThrow(
      'tableFromDataset: name must be one of iris, wine, breast_cancer, digits, diabetes, got "titanic"',
    );
  });

  it("selectColumns copies the named columns, in the order asked", () => {
    const t = tableFromDataset("iris");
    const A = selectColumns(t, ["petal_width", "sepal_length"]);
    expect(A.shape).toEqual([150, 2]);
    expect((A.toArray() as number[][])[0]).toEqual([0.2, 5.1]);
    expect(() => selectColumns(t, ["species"])).toThrow(/"species" is not a numeric column of iris/);
  });
});

describe("runMethod", () => {
  const wine = tableFromDataset("wine");
  const { data: X, target } = loadWine();

  it("PCA: the projection and ratios of PCA({ nComponents: 2 }), a scatter and a scree plot", () => {
    const r = runMethod(wine, { method: "pca" });
    const pca = new PCA({ nComponents: 2 });
    expect(r.points).toEqual(pca.fitTransform(X).toArray());
    expect(r.method === "pca" && r.numbers.explainedVarianceRatio).toEqual(pca.explainedVarianceRatio!.toArray());
    expect(r.charts.map((c) => c.title)).toEqual(["PCA scatter", "Scree plot"]);
    // the scree plot shows all 13 components of wine
    expect((r.charts[1].spec as { data: { values: unknown[] } }).data.values).toHaveLength(13);
  });

  it("regression: LinearRegression's R², intercept and coefficients", () => {
    const r = runMethod(wine, { method: "regression", target: "alcohol" });
    const cols = wine.columns.filter((c) => c !== "alcohol");
    const Xa = selectColumns(wine, cols);
    const y = selectColumns(wine, ["alcohol"]).reshape(wine.n);
    const m = new LinearRegression().fit(Xa, y);
    if (r.method !== "regression") throw new Error("expected a regression result");
    expect(r.numbers.features).toEqual(cols);
    expect(r.numbers.r2).toBe(m.score(Xa, y));
    expect(r.numbers.coef).toEqual(m.coef!.toArray());
    expect(r.numbers.intercept).toBe(m.intercept);
  });

  it("k-means: KMeans's inertia and cluster sizes for the seed", () => {
    const r = runMethod(wine, { method: "kmeans", k: 3, seed: 7 });
    const km = new KMeans({ nClusters: 3, randomState: 7 }).fit(X);
    if (r.method !== "kmeans") throw new Error("expected a k-means result");
    expect(r.numbers.inertia).toBe(km.inertia);
    expect(r.numbers.clusterSizes.reduce((a, b) => a + b, 0)).toBe(178);
    expect(r.points).toHaveLength(178);
    void target;
  });

  it("rejects a bad request with a message naming the value", () => {
    expect(() => runMethod(wine, { method: "regression", target: "cultivar" })).toThrow(
      /runRegression: target must be a numeric column of wine .*got "cultivar"/,
    );
    expect(() => runMethod(wine, { method: "kmeans", k: 0, seed: 0 })).toThrow("runKmeans: k must be an integer from 1 to the number of rows (178), got 0");
    expect(() => runMethod(wine, { method: "kmeans", k: 3, seed: -1 })).toThrow("runKmeans: seed must be an integer from 0 to 2^32 − 1, got -1");
    expect(() => runMethod(wine, { method: "svm" } as unknown as MethodRequest)).toThrow(
      'runMethod: method must be "pca", "regression" or "kmeans", got "svm"',
    );
    expect(() => runMethod(wine, null as unknown as MethodRequest)).toThrow(ValueError);
  });
});
