/**
 * Golden cases of @sliderule/linalg (test/golden/cases/*.json, computed by NumPy 1.24.2 and
 * SciPy 1.10.1), run by the shared harness (packages/ndarray/test/golden/harness.ts) with this
 * package's registry (./ops.ts): one `describe` per family, one test per case, named by the
 * case id. Cases of ops not implemented yet (svd, eig, pinv, lstsq, norm, …) are reported as
 * skipped with the reason in their name; a failure fails with the harness's account.
 *
 * The products family lives with @sliderule/ndarray's cases; its linalg.* cases (multi_dot,
 * matrix_power) are run here too, the rest belong to the ndarray registry.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadFamilies, loadFamilyFile, runCases, type GoldenFamily } from "../../../ndarray/test/golden/harness.js";
import { linalgOps } from "./ops.js";

const families: GoldenFamily[] = loadFamilies(fileURLToPath(new URL("./cases/", import.meta.url)));
const products = loadFamilyFile(fileURLToPath(new URL("../../../ndarray/test/golden/cases/products.json", import.meta.url)));
families.push({ ...products, cases: products.cases.filter((c) => c.op.startsWith("linalg.")) });

/** The families this package's dense routines must pass in full (their other ops are skipped). */
const REQUIRED = [
  "linalg_det",
  "linalg_inv",
  "linalg_solve",
  "linalg_qr",
  "linalg_cholesky",
  "scipy_linalg",
  "seed",
  "products",
  "linalg_svd",
  "linalg_norm",
  "linalg_cond",
  "linalg_rank_trace",
  "linalg_eig",
];

describe("golden cases", () => {
  it("finds the case files", () => {
    const names = families.map((f) => f.family);
    for (const family of REQUIRED) expect(names).toContain(family);
  });
});

for (const family of families) {
  // The cases run here, at collection, so that skips are known before the tests are declared.
  const results = runCases(family.cases, linalgOps);
  describe(`golden: ${family.family}`, () => {
    for (const r of results) {
      if (r.status === "skipped") {
        it.skip(`${r.id} (skipped: ${r.detail})`, () => {});
      } else {
        it(r.id, () => {
          if (r.status === "failed") expect.fail(r.detail);
        });
      }
    }
  });
}
