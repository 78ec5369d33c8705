/**
 * lossCurve: loss per epoch (1-based) as a line, the validation score in a second panel, the
 * log scale; a clean compile and a render with one point per epoch per panel.
 */
import * as np from "@sliderule/ndarray";
import { ValueError } from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { lossCurve } from "./loss-curve.js";
import { compileSpec, renderSvg } from "./render.js";

const count = (svg: string, role: string) => svg.split(`aria-roledescription="${role}"`).length - 1;
/** Specs are read field by field below; vega-lite's types are unions too deep to narrow in a test. */
type Any = any;

describe("lossCurve", () => {
  it("draws the loss against the epoch, numbered from 1", () => {
    const spec = lossCurve([0.9, 0.5, 0.4], { title: "MLP" }) as Any;
    expect(spec.title).toBe("MLP");
    expect(spec.data.values).toEqual([
      { epoch: 1, loss: 0.9 },
      { epoch: 2, loss: 0.5 },
      { epoch: 3, loss: 0.4 },
    ]);
    expect(spec.mark.type).toBe("line");
    expect(spec.encoding.x).toMatchObject({ field: "epoch", type: "quantitative" });
    expect(spec.encoding.y).toMatchObject({ field: "loss", type: "quantitative", scale: { zero: false } });
    expect(spec.hconcat).toBeUndefined();
  });

  it("puts the validation score in a second panel, and the loss on a log scale with logScale", () => {
    const L = np.array([0.9, 0.5, 0.4]);
    const spec = lossCurve(L, { validationScores: [0.6, 0.7, 0.75], logScale: true }) as Any;
    expect(L.toArray()).toEqual([0.9, 0.5, 0.4]);
    expect(spec.data.values[1]).toEqual({ epoch: 2, loss: 0.5, validationScore: 0.7 });
    expect(spec.hconcat).toHaveLength(2);
    expect(spec.hconcat[0].encoding.y).toMatchObject({ field: "loss", scale: { type: "log" } });
    expect(spec.hconcat[1].encoding.y).toMatchObject({ field: "validationScore", type: "quantitative" });
    // MLPClassifier without early stopping has validationScores null: one panel
    expect((lossCurve([1, 0.5], { validationScores: null }) as Any).hconcat).toBeUndefined();
  });

  it("compiles without warnings and renders one point per epoch in each panel", async () => {
    const spec = lossCurve([0.9, 0.5, 0.4, 0.35], { validationScores: [0.6, 0.7, 0.75, 0.74], logScale: true });
    expect(compileSpec(spec).warnings).toEqual([]);
    const svg = await renderSvg(spec);
    expect(count(svg, "line mark")).toBe(2);
    expect(count(svg, "point")).toBe(8);
    expect(compileSpec(lossCurve([1, 0.5])).warnings).toEqual([]);
  });

  it("rejects bad input with ValueError naming lossCurve", () => {
    const bad: [string, () => unknown, RegExp][] = [
      ["NaN", () => lossCurve([1, NaN]), /^lossCurve: loss contains NaN at index 1/],
      ["empty", () => lossCurve([]), /^lossCurve: loss has 0 sample/],
      ["2-D", () => lossCurve([[1, 2]]), /^lossCurve: loss must be 1-D/],
      ["length mismatch", () => lossCurve([1, 0.5], { validationScores: [0.5] }), /^lossCurve: option validationScores has length 1, but loss has 2 epochs/],
      ["log of 0", () => lossCurve([1, 0], { logScale: true }), /^lossCurve: loss must be > 0 on a log scale, got 0 at epoch 2/],
      ["unknown option", () => lossCurve([1], { log_scale: true } as Any), /^lossCurve: unknown option 'log_scale' \(did you mean 'logScale'\?\)/],
      ["logScale type", () => lossCurve([1], { logScale: 1 as Any }), /^lossCurve: option logScale must be true or false, got 1/],
    ];
    for (const [what, f, message] of bad) {
      expect(f, what).toThrow(ValueError);
      expect(f, what).toThrow(message);
    }
  });
});
