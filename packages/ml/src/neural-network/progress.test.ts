import { afterEach, describe, expect, it, vi } from "vitest";
import { ProgressBar } from "./progress.js";

describe("ProgressBar", () => {
  const stderr = process.stderr as NodeJS.WriteStream & { isTTY?: boolean };
  const wasTTY = stderr.isTTY;
  afterEach(() => {
    stderr.isTTY = wasTTY;
    vi.restoreAllMocks();
  });
  it("redraws one line on a terminal", () => {
    stderr.isTTY = true;
    const write = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const bar = new ProgressBar("MLPClassifier", 4, 8);
    bar.update(2, 0.5, 0.9);
    bar.finish("done");
    const text = write.mock.calls.map((c) => String(c[0])).join("");
    expect(text).toContain("\rMLPClassifier [████░░░░] 2/4  loss 0.500000  val 0.9000");
    expect(text.endsWith("\ndone\n")).toBe(true);
  });
  it("writes scikit-learn's lines to a file or pipe", () => {
    stderr.isTTY = false;
    const write = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    new ProgressBar("MLPRegressor", 10).update(3, 0.125, 0.75);
    expect(write.mock.calls.map((c) => String(c[0])).join("")).toBe("Iteration 3, loss = 0.12500000\nValidation score: 0.750000\n");
  });
});
