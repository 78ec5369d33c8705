/**
 * Every walkthrough in examples/ runs here, and the demo (demo.ts, `npm run demo`). Each
 * asserts its own results (it throws when a number is wrong), so importing it is the test;
 * its printing (console.log, and the training progress written to stderr) is silenced.
 */
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, it, vi } from "vitest";

const dir = fileURLToPath(new URL(".", import.meta.url));
const examples = [...readdirSync(dir).filter((f) => /^\d\d-.*\.ts$/.test(f) && !f.endsWith(".test.ts")), "demo.ts"];

describe("examples", () => {
  it.each(examples)("%s runs and its assertions hold", async (file) => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      await import(/* @vite-ignore */ new URL(`./${file}`, import.meta.url).href);
    } finally {
      log.mockRestore();
      stderr.mockRestore();
    }
  });
});
