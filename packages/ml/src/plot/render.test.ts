/**
 * render.ts: compileSpec collects vega-lite's warnings, renderSvg draws the marks headless
 * (counted through the scene's aria roles), htmlPage is one script-free page with every title
 * and caption escaped.
 */
import { ValueError } from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { compileSpec, escapeHtml, htmlPage, renderSvg } from "./render.js";
import type { TopLevelSpec } from "vega-lite";

const count = (svg: string, role: string) => svg.split(`aria-roledescription="${role}"`).length - 1;
/** Specs are read field by field below; vega-lite's types are unions too deep to narrow in a test. */
type Any = any;

const bars: TopLevelSpec = {
  $schema: "https://vega.github.io/schema/vega-lite/v6.json",
  data: {
    values: [
      { a: "x", b: 1 },
      { a: "y", b: 3 },
      { a: "z", b: 2 },
    ],
  },
  mark: "bar",
  encoding: { x: { field: "a", type: "nominal" }, y: { field: "b", type: "quantitative" } },
};

describe("compileSpec", () => {
  it("returns the vega spec and no warnings for a clean spec", () => {
    const { spec, warnings } = compileSpec(bars);
    expect(warnings).toEqual([]);
    expect((spec as Any).marks.length).toBeGreaterThan(0);
  });

  it("collects vega-lite's warnings instead of printing them", () => {
    // a shape channel on a bar mark is dropped, with a warning
    const { warnings } = compileSpec({ ...bars, encoding: { ...(bars as Any).encoding, shape: { field: "a", type: "nominal" } } } as TopLevelSpec);
    expect(warnings.length).toBe(1);
    expect(warnings[0]).toMatch(/shape/);
  });

  it("throws ValueError for what is not a spec", () => {
    expect(() => compileSpec(null as Any)).toThrow(/^compileSpec: spec must be a vega-lite spec \(an object\), got null/);
    expect(() => compileSpec({ data: { values: [] } } as Any)).toThrow(ValueError);
    expect(() => compileSpec({ data: { values: [] } } as Any)).toThrow(/^compileSpec: vega-lite could not compile the spec/);
  });
});

describe("renderSvg", () => {
  it("renders an SVG with one bar per row", async () => {
    const svg = await renderSvg(bars);
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
    expect(count(svg, "bar")).toBe(3);
  });

  it("throws ValueError for a spec vega-lite rejects", async () => {
    await expect(renderSvg("bar" as Any)).rejects.toThrow(/^renderSvg: spec must be a vega-lite spec/);
    await expect(renderSvg({ data: { values: [] } } as Any)).rejects.toThrow(ValueError);
  });
});

describe("htmlPage", () => {
  it("is one page holding each SVG inline, with headings, captions and no script or network", async () => {
    const svg = await renderSvg(bars);
    const html = htmlPage("Two charts", [
      { title: "first", svg, caption: "three bars" },
      { title: "second", svg },
    ]);
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain("<title>Two charts</title>");
    expect(html.split("<svg").length - 1).toBe(2);
    expect(html).toContain('<section id="chart-1">');
    expect(html).toContain("<h2>second</h2>");
    expect(html).toContain("<figcaption>three bars</figcaption>");
    expect(html).toContain('<a href="#chart-2">second</a>');
    expect(html).not.toMatch(/<script|<link|src=|https?:\/\/(?!www\.w3\.org)/i);
    expect(html).toContain("Content-Security-Policy");
  });

  it("escapes <script> and quotes in titles and captions", () => {
    const html = htmlPage('<script>alert("x")</script>', [{ title: "a & b <i>", svg: "<svg></svg>", caption: "'c' > d" }]);
    expect(html).not.toContain("<script>");
    expect(html).toContain("<title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</title>");
    expect(html).toContain("<h2>a &amp; b &lt;i&gt;</h2>");
    expect(html).toContain("<figcaption>&#39;c&#39; &gt; d</figcaption>");
    expect(escapeHtml(`<>&"'`)).toBe("&lt;&gt;&amp;&quot;&#39;");
  });

  it("rejects bad charts with ValueError naming htmlPage", () => {
    const bad: [string, () => unknown, RegExp][] = [
      ["title", () => htmlPage(3 as Any, []), /^htmlPage: title must be a string, got 3/],
      ["charts", () => htmlPage("t", {} as Any), /^htmlPage: charts must be an array/],
      [
        "not svg",
        () => htmlPage("t", [{ title: "a", svg: "<div>x</div>" }]),
        /^htmlPage: charts\[0\]\.svg must be SVG markup starting with <svg, got "<div>x<\/div>"/,
      ],
      ["script in svg", () => htmlPage("t", [{ title: "a", svg: "<svg><script>alert(1)</script></svg>" }]), /^htmlPage: charts\[0\]\.svg holds a <script>/],
      ["chart title", () => htmlPage("t", [{ svg: "<svg></svg>" } as Any]), /^htmlPage: charts\[0\]\.title must be a string, got undefined/],
      ["unknown key", () => htmlPage("t", [{ title: "a", svg: "<svg></svg>", subtitle: "b" } as Any]), /^htmlPage: charts\[0\] has an unknown key 'subtitle'/],
      [
        "caption",
        () => htmlPage("t", [{ title: "a", svg: "<svg></svg>", caption: Symbol("c") } as Any]),
        /^htmlPage: charts\[0\]\.caption must be a string, got Symbol\(c\)/,
      ],
    ];
    for (const [what, f, message] of bad) {
      expect(f, what).toThrow(ValueError);
      expect(f, what).toThrow(message);
    }
  });
});

describe("the caller's spec", () => {
  it("is not modified by compileSpec or renderSvg (vega tags the data rows it reads)", async () => {
    const spec = JSON.parse(JSON.stringify(bars)) as TopLevelSpec;
    const row = (spec as Any).data.values[0];
    const { spec: vg } = compileSpec(spec);
    await renderSvg(spec);
    await renderSvg(spec);
    expect(Object.getOwnPropertySymbols(row)).toEqual([]);
    expect(spec).toStrictEqual(bars);
    expect((vg as Any).data[0].values[0]).not.toBe(row);
    expect(() => compileSpec({ ...bars, usermeta: { f: () => 1 } } as Any)).toThrow(/^compileSpec: spec must be plain data/);
  });
});
