/**
 * Sliderule from plain JavaScript under plain `node`, with no TypeScript loader: what a student
 * gets who writes `script.mjs` and runs `node script.mjs`. The packages' "default" exports are
 * the dist/ build (scripts/build.ts, run by `npm ci` and at the start of `npm test`); this runs a
 * child `node` that imports every public entry and checks a result from each.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const built = ["ndarray", "linalg", "ml"].every((p) => existsSync(`${ROOT}packages/${p}/dist/index.js`));

const SCRIPT = `
import * as np from "@sliderule/ndarray";
import { toNpy } from "@sliderule/ndarray";
import { load, save } from "@sliderule/ndarray/node";
import * as linalg from "@sliderule/linalg";
import { PCA, LinearRegression } from "@sliderule/ml";
import { loadIris } from "@sliderule/ml/datasets";
import { readCsv } from "@sliderule/ml/node";
import { screePlot } from "@sliderule/ml/plot";
const out = {};
const A = np.array([[4, 1], [1, 3]]);
out.solve = linalg.solve(A, [1, 2]).toArray();
out.det = linalg.det(A);
out.sparse = linalg.sparse.cg(linalg.sparse.csrMatrix(A), [1, 2], { rtol: 1e-12 }).x.toArray();
const iris = loadIris();
out.iris = iris.data.shape;
out.pca = new PCA({ nComponents: 2 }).fit(iris.data).explainedVarianceRatio.toArray();
out.r2 = new LinearRegression().fit([[0], [1], [2]], [1, 3, 5]).score([[0], [1], [2]], [1, 3, 5]);
out.npy = toNpy(np.arange(3)).length;
out.functions = [typeof load, typeof save, typeof readCsv];
out.chart = screePlot([0.7, 0.3]).layer.length;
console.log(JSON.stringify(out));
`;

describe("plain node (no TypeScript loader) imports the dist/ build", () => {
  it.runIf(!built)("dist/ is built (run npm run build)", () => {
    expect.fail("packages/*/dist/index.js missing: run `npm run build` (npm ci and npm test run it)");
  });
  it.runIf(built)(
    "every entry imports and computes",
    () => {
      const text = execFileSync(process.execPath, ["--input-type=module", "-e", SCRIPT], {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, NODE_OPTIONS: "" },
      });
      const out = JSON.parse(text.trim().split("\n").pop()!);
      // [[4, 1], [1, 3]]·x = [1, 2] → x = [1/11, 7/11]; det = 11
      expect(out.solve[0]).toBeCloseTo(1 / 11, 14);
      expect(out.solve[1]).toBeCloseTo(7 / 11, 14);
      expect(out.det).toBeCloseTo(11, 12);
      expect(out.sparse[1]).toBeCloseTo(7 / 11, 10);
      expect(out.iris).toEqual([150, 4]);
      // scikit-learn: PCA(2).fit(load_iris().data).explained_variance_ratio_
      expect(out.pca[0]).toBeCloseTo(0.9246187232017271, 12);
      expect(out.pca[1]).toBeCloseTo(0.05306648311706782, 12);
      expect(out.r2).toBeCloseTo(1, 14);
      expect(out.npy).toBe(128 + 3 * 4); // a 128-byte header, then arange(3) as int32
      expect(out.functions).toEqual(["function", "function", "function"]);
      expect(out.chart).toBe(2);
    },
    60_000,
  );
});
