// The benchmark's targets and HTML report (scripts/bench/report.ts, docs/decisions/064-benchmark-curves-and-report.md),
// the HTML read back with a real parser.
import { parse, type DefaultTreeAdapterMap } from "parse5";
import { describe, expect, it } from "vitest";
import {
  CURVES,
  evaluateTargets,
  renderHtml,
  slowdowns,
  type BenchResult,
  type Curve,
  type CurveKey,
  type ProfileResult,
  type Row,
} from "@/scripts/bench/report";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

const row = (key: string, rps: number, p99 = 50, size?: number): Row => ({
  key,
  route: `route ${key}`,
  ...(size ? { size } : {}),
  rps,
  p50: 10,
  p99,
  ratio: null,
  pageRatio: null,
  errors: 0,
  non2xx: 0,
  status: 200,
});
const curve = (key: CurveKey, points: [number, number, number][]): Curve => ({
  key,
  ...CURVES[key],
  points: points.map(([size, rps, p99]) => ({ size, rps, p50: 5, p99, errors: 0, non2xx: 0, status: 200 })),
});
const profile = (scale = 1): ProfileResult => ({
  rows: [
    row("ping", 1000 * scale),
    row("signin", 400 * scale),
    row("page", 330 * scale), // 82.5% of the sign-in page: met
    row("list", 200 * scale, 60, 1000), // 61% of the page floor: missed
    row("compare", 170 * scale, 80, 200), // 52%: met
    row("compare-1", 40 * scale, 149, 200), // met
    row("typing", 60, 100), // 100 ms is not under 100: missed
  ],
  curves: [
    curve("list", [
      [100, 240, 40],
      [1000, 220, 45],
      [10000, 200, 60], // 1.2× slower: met
    ]),
    curve("comparison", [
      [100, 180, 50],
      [1000, 120, 70],
      [10000, 60, 150],
    ]),
    curve("summary", [
      [4, 300, 30],
      [40, 200, 40],
      [400, 100, 90], // 3× slower: missed
    ]),
    curve("interviews", [
      [10, 250, 30],
      [100, 240, 35],
      [1000, 230, 40],
    ]),
  ],
});

describe("benchmark targets", () => {
  const targets = evaluateTargets({ small: profile(1.2), large: profile() });
  const status = (p: string, name: string) => targets.find((t) => t.profile === p && t.name.startsWith(name))?.status;

  it("judges each target of each profile from its own rows and curves", () => {
    expect(status("large", "signed-in page floor ÷ sign-in page")).toBe("met");
    expect(status("large", "candidate list of 1,000")).toBe("missed");
    expect(status("large", "comparison of 200")).toBe("met");
    expect(status("large", "one user's comparison of 200: p99")).toBe("met");
    expect(status("large", "autosave, 50 writers typing: p99")).toBe("missed");
    expect(status("large", "candidate list: 10,000 candidates vs 100")).toBe("met");
    expect(status("large", "candidate summary: 400 scorecards vs 4")).toBe("missed");
    expect(targets.find((t) => t.name.startsWith("candidate summary: 400"))?.measured).toBe("3.00×");
  });

  it("compares small and large route by route", () => {
    const across = targets.filter((t) => t.profile === "small → large");
    expect(across.map((t) => t.name)).toEqual(profile().rows.map((r) => `${r.route} (times slower)`));
    expect(across.find((t) => t.name.startsWith("route ping"))).toMatchObject({ measured: "1.20×", status: "met" });
    expect(across.find((t) => t.name.startsWith("route typing"))).toMatchObject({ measured: "1.00×", status: "met" });
  });

  it("says not measured, never met, when a route or a curve was not run", () => {
    const t = evaluateTargets({ smoke: { rows: [row("ping", 100)], curves: [] } });
    expect(t.length).toBe(8);
    expect(t.every((x) => x.status === "not measured" && x.measured === "—")).toBe(true);
    // a route of which no request finished in the time given has no latency to judge
    const idle = evaluateTargets({
      smoke: { rows: [row("page", 0), row("signin", 50), row("typing", 0, 0)], curves: [] },
    });
    expect(idle.filter((x) => x.status !== "not measured")).toEqual([]);
  });

  it("measures slowdowns against the smallest point", () => {
    expect(slowdowns(profile().curves[2])).toEqual([1, 1.5, 3]);
  });
});

describe("benchmark HTML report", () => {
  const result: BenchResult = {
    database: "sqlite",
    startedAt: "2026-12-02T20:00:00.000Z",
    seconds: 10,
    results: { small: { rows: profile(1.2).rows, curves: [] }, large: profile() },
    targets: evaluateTargets({ small: profile(1.2), large: profile() }),
  };
  const html = renderHtml(result);
  const doc = parse(html);
  const all = (n: Node, test: (e: Element) => boolean, out: Element[] = []): Element[] => {
    if ("tagName" in n && test(n)) out.push(n);
    for (const c of "childNodes" in n ? n.childNodes : []) all(c, test, out);
    if ("content" in n) all(n.content as Node, test, out);
    return out;
  };
  const attr = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value;
  const text = (n: Node): string =>
    "value" in n && n.nodeName === "#text" ? n.value : "childNodes" in n ? n.childNodes.map(text).join("") : "";

  it("draws one chart per curve with every point of both series", () => {
    const figures = all(doc, (e) => e.tagName === "figure" && attr(e, "class") === "curve");
    expect(figures.map((f) => attr(f, "data-curve"))).toEqual(["list", "comparison", "summary", "interviews"]);
    for (const [i, f] of figures.entries()) {
      const c = result.results.large.curves[i];
      const svg = all(f, (e) => e.tagName === "svg");
      expect(svg).toHaveLength(1);
      const marks = all(svg[0], (e) => attr(e, "ecmeta_ssr_type") === "chart");
      for (const series of ["0", "1"])
        expect(
          marks.filter((m) => attr(m, "ecmeta_series_index") === series).map((m) => attr(m, "ecmeta_data_index")),
        ).toEqual(["0", "1", "2"]);
      const points = all(f, (e) => e.tagName === "tr" && all(e, (x) => x.tagName === "td").length > 0);
      expect(points.map((p) => text(p.childNodes[0]))).toEqual(c.points.map((p) => p.size.toLocaleString("en")));
      // the x axis is the data size, log scaled: its labels are the powers of ten in the range
      expect(text(svg[0])).toContain(c.unit);
    }
  });

  it("lists every route of every profile and every target with its status", () => {
    const tables = all(doc, (e) => e.tagName === "table");
    const bodyRows = (t: Element) => all(t, (e) => e.tagName === "tr").slice(1);
    const routes = tables.filter((t) => attr(t, "class") === "routes");
    expect(routes.map((t) => bodyRows(t).length)).toEqual([7, 7]);
    const [targets] = tables.filter((t) => attr(t, "class") === "targets");
    const statuses = bodyRows(targets).map((r) => text(r.childNodes.at(-1)!));
    expect(statuses).toEqual(result.targets.map((t) => t.status));
    expect(statuses).toContain("met");
    expect(statuses).toContain("missed");
  });

  it("is self-contained: no script, stylesheet link, image or frame to fetch", () => {
    expect(all(doc, (e) => ["script", "link", "img", "iframe", "object", "image", "use"].includes(e.tagName))).toEqual(
      [],
    );
    expect(all(doc, (e) => e.attrs.some((a) => ["src", "href", "xlink:href"].includes(a.name)))).toEqual([]);
    expect(html).not.toMatch(/url\(\s*['"]?https?:/);
  });
});
