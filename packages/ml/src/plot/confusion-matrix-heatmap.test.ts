/**
 * confusionMatrixHeatmap: scikit-learn's orientation (row i = true label i, column j = predicted
 * label j, the cell holding cm[i][j]), the normalisations of scikit-learn's confusion_matrix:
 *
 *   y_true = [0,0,0,1,1,1,1,2,2,0]; y_pred = [0,0,1,1,1,2,1,2,0,0]
 *   confusion_matrix(y_true, y_pred, labels=[0, 1, 2, 3], normalize=None | "true" | "pred" | "all")
 *
 * (label 3 has no samples: its 0/0 cells are 0, as scikit-learn's nan_to_num makes them),
 * a clean compile and a render with k² rects and k² texts.
 */
import * as np from "@sliderule/ndarray";
import { ValueError } from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { confusionMatrixHeatmap } from "./confusion-matrix-heatmap.js";
import { compileSpec, renderSvg } from "./render.js";

const count = (svg: string, role: string) => svg.split(`aria-roledescription="${role}"`).length - 1;
/** Specs are read field by field below; vega-lite's types are unions too deep to narrow in a test. */
type Any = any;

const CM = [
  [3, 1, 0, 0],
  [0, 3, 1, 0],
  [1, 0, 1, 0],
  [0, 0, 0, 0],
];
const SKLEARN: Record<string, number[][]> = {
  true: [
    [0.75, 0.25, 0.0, 0.0],
    [0.0, 0.75, 0.25, 0.0],
    [0.5, 0.0, 0.5, 0.0],
    [0.0, 0.0, 0.0, 0.0],
  ],
  pred: [
    [0.75, 0.25, 0.0, 0.0],
    [0.0, 0.75, 0.5, 0.0],
    [0.25, 0.0, 0.5, 0.0],
    [0.0, 0.0, 0.0, 0.0],
  ],
  all: [
    [0.3, 0.1, 0.0, 0.0],
    [0.0, 0.3, 0.1, 0.0],
    [0.1, 0.0, 0.1, 0.0],
    [0.0, 0.0, 0.0, 0.0],
  ],
};

/** The cell (true = a, predicted = b) of a spec's data. */
function cell(spec: Any, a: string, b: string): Any {
  const found = spec.data.values.filter((v: Any) => v.true === a && v.predicted === b);
  expect(found).toHaveLength(1);
  return found[0];
}

describe("confusionMatrixHeatmap", () => {
  it("puts cm[i][j] at true = label i, predicted = label j (rows true on y, columns predicted on x)", () => {
    const names = ["ant", "bee", "cat", "dog"];
    const spec = confusionMatrixHeatmap(CM, { labels: names, title: "cm" }) as Any;
    expect(spec.title).toBe("cm");
    expect(spec.data.values).toHaveLength(16);
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 4; j++) expect(cell(spec, names[i], names[j])).toEqual({ true: names[i], predicted: names[j], count: CM[i][j], value: CM[i][j] });
    }
    expect(spec.encoding.x).toMatchObject({ field: "predicted", type: "nominal", sort: names, title: "Predicted label" });
    expect(spec.encoding.y).toMatchObject({ field: "true", type: "nominal", sort: names, title: "True label" });
    const [rect, text] = spec.layer;
    expect(rect.mark.type).toBe("rect");
    expect(rect.encoding.color).toMatchObject({ field: "value", type: "quantitative" });
    expect(text.mark.type).toBe("text");
    expect(text.encoding.text).toMatchObject({ field: "value", format: "d" });
  });

  it("normalizes as scikit-learn's confusion_matrix(normalize=...), 0/0 giving 0", () => {
    for (const how of ["true", "pred", "all"] as const) {
      const spec = confusionMatrixHeatmap(np.array(CM, "int32"), { normalize: how }) as Any;
      for (let i = 0; i < 4; i++) {
        for (let j = 0; j < 4; j++) {
          const c = cell(spec, String(i), String(j));
          expect(c.count).toBe(CM[i][j]);
          expect(c.value, `${how} [${i}][${j}]`).toBeCloseTo(SKLEARN[how][i][j], 15);
        }
      }
      expect(spec.layer[1].encoding.text.format).toBe(".2g");
    }
  });

  it("does not modify the matrix, and orients an asymmetric one correctly after rendering", async () => {
    const M = np.array([
      [7, 0],
      [2, 5],
    ]);
    const spec = confusionMatrixHeatmap(M, { labels: ["no", "yes"] });
    expect(M.toArray()).toEqual([
      [7, 0],
      [2, 5],
    ]);
    expect(compileSpec(spec).warnings).toEqual([]);
    const svg = await renderSvg(spec);
    expect(count(svg, "rect mark")).toBe(4);
    expect(count(svg, "text mark")).toBe(4);
    // vega labels each item with its fields: the 2 sits at true "yes", predicted "no"
    expect(svg).toMatch(/aria-label="Predicted label: no; True label: yes; count: 2"/);
    expect(svg).toMatch(/aria-label="Predicted label: yes; True label: no; count: 0"/);
  });

  it("rejects bad input with ValueError naming confusionMatrixHeatmap", () => {
    const bad: [string, () => unknown, RegExp][] = [
      [
        "not square",
        () =>
          confusionMatrixHeatmap([
            [1, 2, 3],
            [4, 5, 6],
          ]),
        /^confusionMatrixHeatmap: cm must be square \(k, k\), got shape \(2, 3\)/,
      ],
      ["1-D", () => confusionMatrixHeatmap([1, 2]), /^confusionMatrixHeatmap: cm must be 2-D, got shape \(2,\)/],
      [
        "NaN",
        () =>
          confusionMatrixHeatmap([
            [1, NaN],
            [0, 1],
          ]),
        /^confusionMatrixHeatmap: cm contains NaN at row 0, column 1/,
      ],
      [
        "negative",
        () =>
          confusionMatrixHeatmap([
            [1, -1],
            [0, 1],
          ]),
        /^confusionMatrixHeatmap: cm must be non-negative counts, got -1 at row 0, column 1/,
      ],
      [
        "labels length",
        () =>
          confusionMatrixHeatmap(
            [
              [1, 0],
              [0, 1],
            ],
            { labels: ["a"] },
          ),
        /^confusionMatrixHeatmap: option labels has length 1, but there are 2 classes \(rows of cm\)/,
      ],
      [
        "labels repeat",
        () =>
          confusionMatrixHeatmap(
            [
              [1, 0],
              [0, 1],
            ],
            { labels: ["a", "a"] },
          ),
        /^confusionMatrixHeatmap: option labels must be distinct/,
      ],
      [
        "normalize",
        () => confusionMatrixHeatmap([[1]], { normalize: "rows" as Any }),
        /^confusionMatrixHeatmap: option normalize must be "true", "pred", "all" or null, got "rows"/,
      ],
      ["normalize true", () => confusionMatrixHeatmap([[1]], { normalize: true as Any }), /^confusionMatrixHeatmap: option normalize .* got true/],
      ["unknown option", () => confusionMatrixHeatmap([[1]], { display_labels: ["a"] } as Any), /^confusionMatrixHeatmap: unknown option 'display_labels'/],
    ];
    for (const [what, f, message] of bad) {
      expect(f, what).toThrow(ValueError);
      expect(f, what).toThrow(message);
    }
  });
});
