/**
 * regressionPlot: two panels (predicted vs true with the y = x rule, residuals vs predicted with
 * the zero rule), a third with the option x; residuals y − ŷ as scikit-learn's
 * PredictionErrorDisplay; a clean compile and a render with one point per sample per panel.
 */
import * as np from "@sliderule/ndarray";
import { ValueError } from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { regressionPlot } from "./regression-plot.js";
import { compileSpec, renderSvg } from "./render.js";

const count = (svg: string, role: string) => svg.split(`aria-roledescription="${role}"`).length - 1;
/** Specs are read field by field below; vega-lite's types are unions too deep to narrow in a test. */
type Any = any;

describe("regressionPlot", () => {
  const y = [1, 2, 4];
  const yHat = [1.5, 2, 3];

  it("has predicted vs true with the y = x rule over [min, max], and residuals vs predicted with a zero rule", () => {
    const spec = regressionPlot(y, yHat, { title: "fit" }) as Any;
    expect(spec.title).toBe("fit");
    expect(spec.data.values).toEqual([
      { true: 1, predicted: 1.5, residual: -0.5 },
      { true: 2, predicted: 2, residual: 0 },
      { true: 4, predicted: 3, residual: 1 },
    ]);
    expect(spec.hconcat).toHaveLength(2);
    const [pvt, res] = spec.hconcat;
    expect(pvt.layer[0].mark.type).toBe("point");
    expect(pvt.layer[0].encoding.x).toMatchObject({ field: "true", type: "quantitative", scale: { domain: [1, 4] } });
    expect(pvt.layer[0].encoding.y).toMatchObject({ field: "predicted", type: "quantitative", scale: { domain: [1, 4] } });
    // the diagonal: from (1, 1) to (4, 4)
    expect(pvt.layer[1].mark.type).toBe("rule");
    expect(pvt.layer[1].data.values).toEqual([{ from: 1, to: 4 }]);
    expect(pvt.layer[1].encoding).toMatchObject({ x: { field: "from" }, y: { field: "from" }, x2: { field: "to" }, y2: { field: "to" } });
    expect(res.layer[0].encoding.x.field).toBe("predicted");
    expect(res.layer[0].encoding.y.field).toBe("residual");
    expect(res.layer[1].data.values).toEqual([{ zero: 0 }]);
    expect(res.layer[1].encoding.y.field).toBe("zero");
  });

  it("adds the data-and-fit panel with x, and takes NDArrays without modifying them", () => {
    const Y = np.array(y);
    const spec = regressionPlot(Y, np.array(yHat, "float32"), { x: [0, 1, 2], xTitle: "BMI" }) as Any;
    expect(Y.toArray()).toEqual(y);
    expect(spec.hconcat).toHaveLength(3);
    expect(spec.data.values[2]).toEqual({ true: 4, predicted: 3, residual: 1, x: 2 });
    const fit = spec.hconcat[2];
    expect(fit.layer[0].encoding.x).toMatchObject({ field: "x", title: "BMI" });
    expect(fit.layer[1].mark.type).toBe("line");
    expect(fit.layer[1].encoding.order.field).toBe("x");
  });

  it("widens a zero-width range so the diagonal is drawn", () => {
    const spec = regressionPlot([2, 2], [2, 2]) as Any;
    expect(spec.hconcat[0].layer[1].data.values).toEqual([{ from: 1, to: 3 }]);
  });

  it("compiles without warnings and renders one point per sample in each panel and the two rules", async () => {
    for (const options of [{}, { x: [0, 1, 2] }]) {
      const spec = regressionPlot(y, yHat, options);
      expect(compileSpec(spec).warnings).toEqual([]);
      const svg = await renderSvg(spec);
      expect(count(svg, "point")).toBe("x" in options ? 9 : 6);
      expect(count(svg, "rule mark")).toBe(2);
    }
  });

  it("rejects bad input with ValueError naming regressionPlot", () => {
    const bad: [string, () => unknown, RegExp][] = [
      ["length mismatch", () => regressionPlot([1, 2, 3], [1, 2]), /^regressionPlot: yTrue and yPred have different lengths: 3 and 2/],
      ["NaN", () => regressionPlot([1, NaN], [1, 2]), /^regressionPlot: yTrue contains NaN at index 1/],
      ["Inf", () => regressionPlot([1, 2], [1, Infinity]), /^regressionPlot: yPred contains infinity at index 1/],
      ["2-D", () => regressionPlot([[1], [2]], [1, 2]), /^regressionPlot: yTrue must be 1-D, got shape \(2, 1\)/],
      ["x length", () => regressionPlot([1, 2], [1, 2], { x: [1] }), /^regressionPlot: option x has length 1, but yTrue has 2/],
      ["unknown option", () => regressionPlot([1], [1], { X: [1] } as Any), /^regressionPlot: unknown option 'X' \(did you mean 'x'\?\)/],
      ["xTitle", () => regressionPlot([1], [1], { xTitle: 3 as Any }), /^regressionPlot: option xTitle must be a string, got 3/],
    ];
    for (const [what, f, message] of bad) {
      expect(f, what).toThrow(ValueError);
      expect(f, what).toThrow(message);
    }
  });
});
