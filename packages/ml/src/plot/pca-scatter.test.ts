/**
 * pcaScatter: the spec's data equal the inputs, axis titles carry the variance percentages,
 * vega-lite compiles it without a warning, and it renders one point per sample.
 * The iris ratios are scikit-learn's:
 *   PCA(4).fit(load_iris().data).explained_variance_ratio_
 *   → [0.9246187232017271, 0.05306648311706783, 0.017102609807929773, 0.005212183873275374]
 *   f"{100 * r:.1f}%" → "92.5%", "5.3%", "1.7%"
 */
import * as np from "@sliderule/ndarray";
import { ValueError } from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { pcaScatter } from "./pca-scatter.js";
import { compileSpec, renderSvg } from "./render.js";

const IRIS_RATIO = [0.9246187232017271, 0.05306648311706783, 0.017102609807929773, 0.005212183873275374];
const P = [
  [-2.684, 0.319, -0.028],
  [2.531, -0.01, 0.76],
  [1.4, 0.59, -0.2],
  [-2.71, -0.177, 0.1],
];
const count = (svg: string, role: string) => svg.split(`aria-roledescription="${role}"`).length - 1;
/** Specs are read field by field below; vega-lite's types are unions too deep to narrow in a test. */
type Any = any;

describe("pcaScatter", () => {
  it("puts PC1 and PC2 on x and y, the class as a nominal colour, with the variance in the axis titles", () => {
    const spec = pcaScatter(P, [0, 2, 1, 0], { targetNames: ["setosa", "versicolor", "virginica"], explainedVarianceRatio: IRIS_RATIO, title: "iris" }) as Any;
    expect(spec.$schema).toBe("https://vega.github.io/schema/vega-lite/v6.json");
    expect(spec.title).toBe("iris");
    expect(spec.mark).toEqual({ type: "point", filled: true });
    expect(spec.encoding.x).toMatchObject({ field: "PC1", type: "quantitative", title: "PC1 (92.5%)" });
    expect(spec.encoding.y).toMatchObject({ field: "PC2", type: "quantitative", title: "PC2 (5.3%)" });
    expect(spec.encoding.color).toMatchObject({ field: "class", type: "nominal", scale: { domain: ["setosa", "versicolor", "virginica"] } });
    expect(spec.data.values).toEqual([
      { PC1: -2.684, PC2: 0.319, class: "setosa" },
      { PC1: 2.531, PC2: -0.01, class: "virginica" },
      { PC1: 1.4, PC2: 0.59, class: "versicolor" },
      { PC1: -2.71, PC2: -0.177, class: "setosa" },
    ]);
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });

  it("plots the components asked for, from an NDArray, without modifying it", () => {
    const A = np.array(P);
    const before = A.toArray();
    const spec = pcaScatter(A, ["a", "b", "a", "b"], { components: [2, 1], explainedVarianceRatio: np.array(IRIS_RATIO) }) as Any;
    expect(A.toArray()).toEqual(before);
    expect(spec.encoding.x).toMatchObject({ field: "PC3", title: "PC3 (1.7%)" });
    expect(spec.encoding.y).toMatchObject({ field: "PC2", title: "PC2 (5.3%)" });
    expect(spec.data.values[1]).toEqual({ PC3: 0.76, PC2: -0.01, class: "b" });
    expect(spec.encoding.color.scale).toBeUndefined();
    // a regression Bunch has targetNames null: the labels are shown as they are
    expect((pcaScatter(P, [0, 1, 1, 0], { targetNames: null }) as Any).data.values[1].class).toBe(1);
  });

  it("has no colour without labels, and default sizes that options override", () => {
    const spec = pcaScatter(P, undefined, { width: 500, height: 123 }) as Any;
    expect(spec.encoding.color).toBeUndefined();
    expect(spec.data.values[0]).toEqual({ PC1: -2.684, PC2: 0.319 });
    expect([spec.width, spec.height]).toEqual([500, 123]);
    expect(spec.encoding.x.title).toBe("PC1");
  });

  it("compiles without warnings and renders one point per sample, with a legend", async () => {
    const spec = pcaScatter(P, [0, 1, 1, 0], { explainedVarianceRatio: IRIS_RATIO });
    expect(compileSpec(spec).warnings).toEqual([]);
    const svg = await renderSvg(spec);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(count(svg, "point")).toBe(4);
    expect(count(svg, "legend")).toBe(1);
    expect(svg).toContain("PC1 (92.5%)");
  });

  it("rejects bad input with ValueError naming pcaScatter", () => {
    const bad: [string, () => unknown, RegExp][] = [
      ["1-D", () => pcaScatter([1, 2, 3]), /^pcaScatter: projected must be 2-D, got shape \(3,\)/],
      ["one column", () => pcaScatter([[1], [2]]), /^pcaScatter: projected must have at least 2 columns, got shape \(2, 1\)/],
      [
        "NaN",
        () =>
          pcaScatter([
            [1, 2],
            [NaN, 3],
          ]),
        /^pcaScatter: projected contains NaN at row 1, column 0/,
      ],
      ["label length", () => pcaScatter(P, [0, 1]), /^pcaScatter: labels has length 2, but there are 4 samples/],
      ["NaN label", () => pcaScatter(P, [0, 1, NaN, 0]), /^pcaScatter: labels contains NaN at index 2/],
      ["mixed labels", () => pcaScatter(P, [0, "a", 1, 0]), /^pcaScatter: labels must be all numbers or all strings/],
      [
        "unknown option",
        () => pcaScatter(P, undefined, { target_names: ["a"] } as Any),
        /^pcaScatter: unknown option 'target_names' \(did you mean 'targetNames'\?\)/,
      ],
      [
        "component range",
        () => pcaScatter(P, undefined, { components: [0, 3] }),
        /^pcaScatter: option components must be two different column indices in \[0, 2\].*got \[0, 3\]/,
      ],
      ["same component", () => pcaScatter(P, undefined, { components: [1, 1] }), /^pcaScatter: option components/],
      ["names without labels", () => pcaScatter(P, undefined, { targetNames: ["a"] }), /^pcaScatter: option targetNames needs labels/],
      ["label out of names", () => pcaScatter(P, [0, 1, 3, 0], { targetNames: ["a", "b"] }), /^pcaScatter: labels\[2\] is 3, not a class index in \[0, 1\]/],
      [
        "ratio > 1",
        () => pcaScatter(P, undefined, { explainedVarianceRatio: [4.2, 0.2] }),
        /^pcaScatter: option explainedVarianceRatio must hold ratios in \[0, 1\], got 4.2/,
      ],
      [
        "ratio short",
        () => pcaScatter(P, undefined, { components: [0, 2], explainedVarianceRatio: [0.9, 0.1] }),
        /^pcaScatter: option explainedVarianceRatio has 2 entries/,
      ],
      ["symbol title", () => pcaScatter(P, undefined, { title: Symbol("t") as Any }), /^pcaScatter: option title must be a string, got Symbol\(t\)/],
      ["width", () => pcaScatter(P, undefined, { width: -3 }), /^pcaScatter: option width must be a positive number of pixels, got -3/],
      ["options type", () => pcaScatter(P, undefined, "big" as Any), /^pcaScatter: options must be an object, got "big"/],
    ];
    for (const [what, f, message] of bad) {
      expect(f, what).toThrow(ValueError);
      expect(f, what).toThrow(message);
    }
  });
});
