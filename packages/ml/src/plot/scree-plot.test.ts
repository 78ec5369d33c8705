/**
 * screePlot: one bar per component, the cumulative line over it, data equal to the input and
 * its running sum (np.cumsum([0.5, 0.3, 0.2]) → [0.5, 0.8, 1.0]), a clean compile and a render
 * with one bar (and one line point) per component.
 */
import * as np from "@sliderule/ndarray";
import { ValueError } from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { compileSpec, renderSvg } from "./render.js";
import { screePlot } from "./scree-plot.js";

const count = (svg: string, role: string) => svg.split(`aria-roledescription="${role}"`).length - 1;
/** Specs are read field by field below; vega-lite's types are unions too deep to narrow in a test. */
type Any = any;

describe("screePlot", () => {
  it("draws bars of the ratios and a line of their running sum on one percent axis", () => {
    const spec = screePlot([0.5, 0.3, 0.2], { title: "scree" }) as Any;
    expect(spec.title).toBe("scree");
    expect(spec.data.values).toEqual([
      { component: 1, ratio: 0.5, cumulative: 0.5 },
      { component: 2, ratio: 0.3, cumulative: 0.8 },
      { component: 3, ratio: 0.2, cumulative: 1 },
    ]);
    const [bars, line] = spec.layer;
    expect(bars.mark.type).toBe("bar");
    expect(bars.encoding.x).toMatchObject({ field: "component", type: "ordinal" });
    expect(bars.encoding.y).toMatchObject({ field: "ratio", type: "quantitative", axis: { format: "%" } });
    expect(line.mark).toEqual({ type: "line", point: true });
    expect(line.encoding.y).toMatchObject({ field: "cumulative", type: "quantitative" });
    // each layer names its series, coloured through one legend
    expect([bars.transform, line.transform]).toEqual([[{ calculate: "'individual'", as: "series" }], [{ calculate: "'cumulative'", as: "series" }]]);
    expect(bars.encoding.color).toMatchObject({ field: "series", type: "nominal" });
    expect(line.encoding.color).toEqual(bars.encoding.color);
  });

  it("leaves out the line with cumulative: false, and takes an NDArray without modifying it", () => {
    const r = np.array([0.6, 0.4]);
    const spec = screePlot(r, { cumulative: false }) as Any;
    expect(r.toArray()).toEqual([0.6, 0.4]);
    expect(spec.layer).toHaveLength(1);
    expect(spec.layer[0].mark.type).toBe("bar");
  });

  it("compiles without warnings and renders one bar and one line point per component", async () => {
    const spec = screePlot([0.72, 0.23, 0.04, 0.01]);
    expect(compileSpec(spec).warnings).toEqual([]);
    const svg = await renderSvg(spec);
    expect(count(svg, "bar")).toBe(4);
    expect(count(svg, "point")).toBe(4);
    expect(count(svg, "line mark")).toBe(1);
  });

  it("rejects bad input with ValueError naming screePlot", () => {
    const bad: [string, () => unknown, RegExp][] = [
      ["2-D", () => screePlot([[0.5, 0.5]]), /^screePlot: explainedVarianceRatio must be 1-D, got shape \(1, 2\)/],
      ["empty", () => screePlot([]), /^screePlot: explainedVarianceRatio has 0 sample/],
      ["NaN", () => screePlot([0.5, NaN]), /^screePlot: explainedVarianceRatio contains NaN at index 1/],
      ["variance, not ratio", () => screePlot([4.2, 0.2]), /^screePlot: explainedVarianceRatio must hold ratios in \[0, 1\], got 4.2 at index 0/],
      ["negative", () => screePlot([0.5, -0.1]), /^screePlot: .*got -0.1 at index 1/],
      [
        "unknown option",
        () => screePlot([1], { cumulativ: true } as Any),
        /^screePlot: unknown option 'cumulativ'; its options are title, width, height, cumulative/,
      ],
      ["cumulative type", () => screePlot([1], { cumulative: "yes" as Any }), /^screePlot: option cumulative must be true or false, got "yes"/],
      ["not an array", () => screePlot("0.5" as Any), /^screePlot: explainedVarianceRatio must be an NDArray or nested arrays of numbers, got "0.5"/],
    ];
    for (const [what, f, message] of bad) {
      expect(f, what).toThrow(ValueError);
      expect(f, what).toThrow(message);
    }
  });
});
