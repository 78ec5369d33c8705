/**
 * Golden cases of @sliderule/ndarray (test/golden/cases/*.json, computed by NumPy 1.24.2):
 * one `describe` per family, one test per case, named by the case id. A case whose op is not
 * mapped yet, or whose library function has not landed, is reported as skipped with the
 * reason in its name; a failure fails with the harness's account (index, actual, expected,
 * tolerance). linalg.* ops of the products family belong to @sliderule/linalg's registry and
 * are skipped here (`npm run golden` runs them with both registries).
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadFamilies, runCases } from "./harness.js";
import { ndarrayOps } from "./ops.js";

const families = loadFamilies(fileURLToPath(new URL("./cases/", import.meta.url)));

describe("golden cases", () => {
  it("finds the case files", () => {
    expect(families.map((f) => f.family).sort()).toEqual(
      ["broadcasting", "creation", "einsum", "everyday", "indexing", "products", "random", "reductions", "shape", "stacking"].sort(),
    );
  });
});

for (const family of families) {
  // The cases run here, at collection, so that skips are known before the tests are declared.
  const results = runCases(family.cases, ndarrayOps);
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
