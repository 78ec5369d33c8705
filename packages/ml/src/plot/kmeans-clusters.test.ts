/**
 * kmeansClusters: the samples coloured by cluster and the centres as crosses, each layer with
 * its own data; fed by our KMeans; a clean compile and a render with n + k points.
 */
import * as np from "@sliderule/ndarray";
import { ValueError } from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { KMeans } from "../cluster/kmeans.js";
import { kmeansClusters } from "./kmeans-clusters.js";
import { compileSpec, renderSvg } from "./render.js";

const count = (svg: string, role: string) => svg.split(`aria-roledescription="${role}"`).length - 1;
/** Specs are read field by field below; vega-lite's types are unions too deep to narrow in a test. */
type Any = any;

const X = [
  [0, 0],
  [0.2, 0.1],
  [5, 5],
  [5.1, 4.8],
  [0.1, -0.2],
];

describe("kmeansClusters", () => {
  it("colours the points by cluster and draws the centres as black crosses", () => {
    const spec = kmeansClusters(
      X,
      [0, 0, 1, 1, 0],
      [
        [0.1, -0.03],
        [5.05, 4.9],
      ],
      { title: "k = 2", featureNames: ["PC1", "PC2"] },
    ) as Any;
    expect(spec.title).toBe("k = 2");
    const [points, centres] = spec.layer;
    expect(points.data.values).toEqual([
      { x: 0, y: 0, cluster: 0 },
      { x: 0.2, y: 0.1, cluster: 0 },
      { x: 5, y: 5, cluster: 1 },
      { x: 5.1, y: 4.8, cluster: 1 },
      { x: 0.1, y: -0.2, cluster: 0 },
    ]);
    expect(points.mark.type).toBe("point");
    expect(points.encoding.color).toMatchObject({ field: "cluster", type: "nominal", scale: { domain: [0, 1] } });
    expect(points.encoding.x).toMatchObject({ field: "x", type: "quantitative", title: "PC1" });
    expect(points.encoding.y).toMatchObject({ field: "y", type: "quantitative", title: "PC2" });
    expect(centres.data.values).toEqual([
      { x: 0.1, y: -0.03, cluster: 0 },
      { x: 5.05, y: 4.9, cluster: 1 },
    ]);
    expect(centres.mark).toMatchObject({ type: "point", shape: "cross", color: "black" });
  });

  it("draws a fitted KMeans without modifying its arrays, compiles cleanly and renders n + k points", async () => {
    const km = new KMeans({ nClusters: 2, randomState: 0 }).fit(X);
    const labels = km.labels!.toArray();
    const spec = kmeansClusters(np.array(X), km.labels, km.clusterCenters);
    expect(km.labels!.toArray()).toEqual(labels);
    expect((spec as Any).layer[0].data.values.map((v: Any) => v.cluster)).toEqual(labels);
    expect(compileSpec(spec).warnings).toEqual([]);
    const svg = await renderSvg(spec);
    expect(count(svg, "point")).toBe(5 + 2);
    expect(count(svg, "legend")).toBe(1);
  });

  it("rejects bad input with ValueError naming kmeansClusters", () => {
    const C = [
      [0, 0],
      [5, 5],
    ];
    const bad: [string, () => unknown, RegExp][] = [
      ["3 columns", () => kmeansClusters([[1, 2, 3]], [0], C), /^kmeansClusters: X2d must have 2 columns, got shape \(1, 3\)/],
      ["1-D", () => kmeansClusters([1, 2], [0, 0], C), /^kmeansClusters: X2d must be 2-D, got shape \(2,\)/],
      ["NaN", () => kmeansClusters([[1, NaN]], [0], C), /^kmeansClusters: X2d contains NaN at row 0, column 1/],
      ["centres shape", () => kmeansClusters(X, [0, 0, 1, 1, 0], [0, 5]), /^kmeansClusters: centers must be 2-D/],
      ["labels length", () => kmeansClusters(X, [0, 1], C), /^kmeansClusters: labels has length 2, but there are 5 samples/],
      ["label out of range", () => kmeansClusters(X, [0, 0, 2, 1, 0], C), /^kmeansClusters: labels\[2\] is 2, not a cluster index in \[0, 1\]/],
      ["noise label", () => kmeansClusters(X, [0, 0, -1, 1, 0], C), /^kmeansClusters: labels\[2\] is -1/],
      ["unknown option", () => kmeansClusters(X, [0, 0, 1, 1, 0], C, { centroids: C } as Any), /^kmeansClusters: unknown option 'centroids'/],
      [
        "featureNames",
        () => kmeansClusters(X, [0, 0, 1, 1, 0], C, { featureNames: ["a"] as Any }),
        /^kmeansClusters: option featureNames has 1 entries, expected 2/,
      ],
    ];
    for (const [what, f, message] of bad) {
      expect(f, what).toThrow(ValueError);
      expect(f, what).toThrow(message);
    }
  });
});
