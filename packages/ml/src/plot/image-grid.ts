/**
 * Image grid: small grey-scale pictures side by side, one heat map per image.
 *
 * What a course draws instead: `fig, axes = plt.subplots(rows, cols)` then
 * `ax.imshow(img, cmap=plt.cm.gray_r); ax.set_title(...); ax.axis("off")` per image
 * (scikit-learn's "Recognizing hand-written digits"), or the SVD compression walkthrough's row
 * of the same digit rebuilt at ranks 1, 2, 4, 8 (`U[:, :k] @ np.diag(S[:k]) @ Vh[:k]`).
 *
 * Encoding: a facet with `columns` per row over the images; data rows
 * { image: m, row: r, col: c, value: images[m, r, c] } (plus title: titles[m] with titles);
 *   rect  x = col (ordinal, no axis), y = row (ordinal, no axis, row 0 at the top, as imshow),
 *         colour = value on one shared scale (matplotlib's cmap: "gray_r" dark = high, "gray"
 *         light = high, or "viridis"), no legend
 *   facet header: titles[m], or nothing without titles
 * A (h, w) image is a grid of one. Each cell is width × height pixels (default 80 wide, the
 * height keeping the pixels square). The data hold m·h·w rows: right for digits (8 × 8) and
 * small pictures; downsample a photo first.
 * Returns a vega-lite spec with the data inlined. Reference: vega-lite "facet" and "rect" mark.
 */
import type { TopLevelSpec } from "vega-lite";
import { ValueError } from "@sliderule/ndarray";
import { checkArray, show } from "../base.js";
import { checkChartOptions, header, namesArg, type ChartOptions } from "./validate.js";

export interface ImageGridOptions extends ChartOptions {
  /** Images per row (default min(m, 8)). */
  columns?: number;
  /** (m,) a distinct title over each image (e.g. "rank 4"). */
  titles?: readonly string[];
  /** matplotlib's colour map: "gray_r" (default, dark = high: digits), "gray" (light = high: photos) or "viridis". */
  cmap?: "gray_r" | "gray" | "viridis";
}

const FN = "imageGrid";
const CMAPS = { gray_r: { scheme: "greys" }, gray: { scheme: "greys", reverse: true }, viridis: { scheme: "viridis" } } as const;

/**
 * One heat map per image, `columns` per row (see the file header).
 * @param images (m, h, w) a stack of images, or (h, w) one image; finite values.
 * @throws ValueError for another rank, an empty or non-finite image, titles of another length
 *   or with repeats, columns not a positive integer, an unknown cmap, or an unknown option.
 * @example
 *   const spec = imageGrid(digits.slice(":10").reshape(10, 8, 8), { columns: 5, titles: names });
 */
export function imageGrid(images: unknown, options?: ImageGridOptions): TopLevelSpec {
  const o = checkChartOptions<ImageGridOptions>(FN, options, ["columns", "titles", "cmap"]);
  const A = checkArray(images, FN, "images", { dtype: "float64" });
  if (A.ndim !== 2 && A.ndim !== 3) {
    throw new ValueError(`${FN}: images must be 3-D (m, h, w) or 2-D (h, w), got shape (${A.shape.join(", ")}${A.ndim === 1 ? "," : ""})`);
  }
  const [m, h, w] = A.ndim === 3 ? A.shape : [1, A.shape[0], A.shape[1]];
  if (m === 0 || h === 0 || w === 0) throw new ValueError(`${FN}: images must not be empty, got shape (${A.shape.join(", ")})`);
  const columns = o.columns ?? Math.min(m, 8);
  if (typeof columns !== "number" || !Number.isInteger(columns) || columns < 1) {
    throw new ValueError(`${FN}: option columns must be an integer >= 1, got ${show(columns)}`);
  }
  const titles = o.titles === undefined ? undefined : namesArg(FN, "titles", o.titles, m);
  const cmap = o.cmap ?? "gray_r";
  if (!Object.hasOwn(CMAPS, cmap)) throw new ValueError(`${FN}: option cmap must be "gray_r", "gray" or "viridis", got ${show(cmap)}`);

  // one row per pixel: image m, row r, column c
  const x = A.data as Float64Array;
  const values: Record<string, number | string>[] = [];
  for (let i = 0; i < m; i++) {
    for (let r = 0; r < h; r++) {
      for (let c = 0; c < w; c++) {
        const value = x[(i * h + r) * w + c];
        values.push(titles ? { image: i, title: titles[i], row: r, col: c, value } : { image: i, row: r, col: c, value });
      }
    }
  }
  const width = o.width ?? 80;
  const height = o.height ?? (width * h) / w;
  return {
    ...header(o),
    data: { values },
    columns,
    facet: titles
      ? { field: "title", type: "nominal", sort: titles, header: { title: null, labelFontSize: 11 } }
      : { field: "image", type: "ordinal", header: { title: null, labels: false } },
    spec: {
      width,
      height,
      mark: { type: "rect" },
      encoding: {
        x: { field: "col", type: "ordinal", axis: null },
        y: { field: "row", type: "ordinal", axis: null },
        color: { field: "value", type: "quantitative", scale: { ...CMAPS[cmap] }, legend: null },
      },
    },
  };
}
