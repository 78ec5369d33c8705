import { defaultClientConditions, defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // our packages resolve to their TypeScript source, not their dist/ build (scripts/build.ts)
  resolve: { conditions: ["sliderule-source", ...defaultClientConditions] },
  ssr: { resolve: { conditions: ["sliderule-source", ...defaultServerConditions], externalConditions: ["sliderule-source"] } },
  test: {
    include: [
      "packages/*/src/**/*.test.ts",
      "packages/*/test/**/*.test.ts",
      "examples/**/*.test.ts",
      "test/**/*.test.js",
      "test/**/*.test.ts",
      "app/**/*.test.ts",
    ],
    testTimeout: 60_000,
    // SLIDERULE_FC_SEED fixes fast-check's seed (CI sets it); see test/fast-check-seed.ts
    setupFiles: ["test/fast-check-seed.ts"],
  },
});
