/**
 * imageGrid: one rect per pixel, faceted per image with `columns` per row, row 0 at the top,
 * titles as facet headers; a (h, w) image as a grid of one; a clean compile and a render with
 * m·h·w rects.
 */
import * as np from "@sliderule/ndarray";
import { ValueError } from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { imageGrid } from "./image-grid.js";
import { compileSpec, renderSvg } from "./render.js";

const count = (svg: string, role: string) => svg.split(`aria-roledescription="${role}"`).length - 1;
/** Specs are read field by field below; vega-lite's types are unions too deep to narrow in a test. */
type Any = any;

describe("imageGrid", () => {
  it("has one row per pixel, value = images[m, r, c], faceted by title in the order given", () => {
    const images = np.arange(2 * 2 * 3).reshape(2, 2, 3); // image m, row r, column c: 6m + 3r + c
    const spec = imageGrid(images, { columns: 1, titles: ["rank 5", "rank 1"], title: "digits" }) as Any;
    expect(spec.title).toBe("digits");
    expect(spec.columns).toBe(1);
    expect(spec.data.values).toHaveLength(12);
    for (const v of spec.data.values) expect(v.value).toBe(6 * v.image + 3 * v.row + v.col);
    expect(spec.data.values[7]).toEqual({ image: 1, title: "rank 1", row: 0, col: 1, value: 7 });
    expect(spec.facet).toMatchObject({ field: "title", sort: ["rank 5", "rank 1"] });
    expect(spec.spec.mark.type).toBe("rect");
    expect(spec.spec.encoding.x).toMatchObject({ field: "col", type: "ordinal", axis: null });
    expect(spec.spec.encoding.y).toMatchObject({ field: "row", type: "ordinal", axis: null });
    expect(spec.spec.encoding.color).toMatchObject({ field: "value", type: "quantitative", scale: { scheme: "greys" }, legend: null });
    // pixels stay square: 3 wide, 2 high
    expect([spec.spec.width, spec.spec.height]).toEqual([80, (80 * 2) / 3]);
  });

  it("takes one (h, w) image, nested arrays, and matplotlib's gray colour map", () => {
    const img = [
      [0, 1],
      [2, 3],
    ];
    const spec = imageGrid(img, { cmap: "gray", width: 40 }) as Any;
    expect(img).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(spec.data.values).toEqual([
      { image: 0, row: 0, col: 0, value: 0 },
      { image: 0, row: 0, col: 1, value: 1 },
      { image: 0, row: 1, col: 0, value: 2 },
      { image: 0, row: 1, col: 1, value: 3 },
    ]);
    expect(spec.facet).toMatchObject({ field: "image", header: { labels: false } });
    expect(spec.spec.encoding.color.scale).toEqual({ scheme: "greys", reverse: true });
    expect([spec.spec.width, spec.spec.height]).toEqual([40, 40]);
  });

  it("compiles without warnings and renders m·h·w rects", async () => {
    const spec = imageGrid(np.arange(3 * 4 * 4).reshape(3, 4, 4), { columns: 2, titles: ["a", "b", "c"] });
    expect(compileSpec(spec).warnings).toEqual([]);
    const svg = await renderSvg(spec);
    expect(count(svg, "rect mark")).toBe(48);
    expect(svg).toContain(">b</text>");
    expect(compileSpec(imageGrid([[1, 2]])).warnings).toEqual([]);
  });

  it("rejects bad input with ValueError naming imageGrid", () => {
    const bad: [string, () => unknown, RegExp][] = [
      ["1-D", () => imageGrid([1, 2, 3]), /^imageGrid: images must be 3-D \(m, h, w\) or 2-D \(h, w\), got shape \(3,\)/],
      ["4-D", () => imageGrid(np.zeros([1, 1, 2, 2])), /^imageGrid: images must be 3-D .* got shape \(1, 1, 2, 2\)/],
      ["NaN", () => imageGrid([[1, NaN]]), /^imageGrid: images contains NaN/],
      ["empty", () => imageGrid(np.zeros([2, 0, 3])), /^imageGrid: images must not be empty, got shape \(2, 0, 3\)/],
      ["titles length", () => imageGrid(np.zeros([2, 2, 2]), { titles: ["a"] }), /^imageGrid: option titles has 1 entries, expected 2/],
      ["titles repeat", () => imageGrid(np.zeros([2, 2, 2]), { titles: ["a", "a"] }), /^imageGrid: option titles repeats "a"/],
      ["columns", () => imageGrid([[1]], { columns: 0 }), /^imageGrid: option columns must be an integer >= 1, got 0/],
      ["cmap", () => imageGrid([[1]], { cmap: "jet" as Any }), /^imageGrid: option cmap must be "gray_r", "gray" or "viridis", got "jet"/],
      ["unknown option", () => imageGrid([[1]], { ncols: 2 } as Any), /^imageGrid: unknown option 'ncols'/],
    ];
    for (const [what, f, message] of bad) {
      expect(f, what).toThrow(ValueError);
      expect(f, what).toThrow(message);
    }
  });
});
