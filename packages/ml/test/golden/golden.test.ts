/**
 * Golden cases of @sliderule/ml (test/golden/cases/ml.json, computed by scikit-learn 1.2.1,
 * SciPy 1.10.1 and NumPy 1.24.2), run by the shared harness with this package's registry
 * (./ops.ts): one test per case, named by the case id. The family must pass in full: a case
 * whose op is not mapped fails here rather than being skipped.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadFamilies, runCases } from "../../../ndarray/test/golden/harness.js";
import { mlOps } from "./ops.js";

const families = loadFamilies(fileURLToPath(new URL("./cases/", import.meta.url)));

describe("golden cases", () => {
  it("finds the case files", () => {
    expect(families.map((f) => f.family)).toEqual(["ml"]);
  });
});

for (const family of families) {
  const results = runCases(family.cases, mlOps);
  describe(`golden: ${family.family}`, () => {
    for (const r of results) {
      it(r.id, () => {
        if (r.status !== "passed") expect.fail(`${r.status}: ${r.detail}`);
      });
    }
  });
}
