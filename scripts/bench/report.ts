// What `npm run bench` makes of its measurements, with no I/O: the targets met or missed, the
// printed curves and the HTML report written beside the JSON (docs/decisions/064-benchmark-curves-and-report.md).
import { curveChartSvg } from "./chart";

/** One route measured at a fixed size. `key` matches a route across profiles; `size` is its fixture's. */
export type Row = {
  key: string;
  route: string;
  size?: number;
  rps: number;
  p50: number;
  p99: number;
  /** throughput ÷ the framework floor (GET /api/ping), when it was measured */
  ratio: number | null;
  /** throughput ÷ the signed-in page floor, when it was measured */
  pageRatio: number | null;
  errors: number;
  non2xx: number;
  status: number;
};
export type Point = {
  size: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** the HTTP status of the first answer, asked before measuring (200: the page works) */
  status: number;
};
export type CurveKey = "list" | "comparison" | "summary" | "interviews";
/** unit: what the x axis counts; noun: the same in one word, for the targets' names */
export type Curve = { key: CurveKey; title: string; unit: string; noun: string; points: Point[] };
export type ProfileResult = { rows: Row[]; curves: Curve[] };
export type Status = "met" | "missed" | "not measured";
export type Target = { profile: string; name: string; goal: string; measured: string; status: Status };
export type BenchResult = {
  database: string;
  startedAt: string;
  seconds: number;
  results: Record<string, ProfileResult>;
  targets: Target[];
};

/** The routes `npm run bench` measures, in order (`--routes` picks among them). */
export const ROUTE_KEYS = ["ping", "signin", "page", "interviews", "summary", "list", "compare", "compare-1", "scorecard", "typing", "autosave"] as const;

export const CURVES: Record<CurveKey, { title: string; unit: string; noun: string }> = {
  list: { title: "Candidate list", unit: "candidates in the opening", noun: "candidates" },
  comparison: { title: "Comparison", unit: "candidates in the opening", noun: "candidates" },
  summary: { title: "Candidate summary", unit: "submitted scorecards", noun: "scorecards" },
  interviews: { title: "My interviews", unit: "interviews of the interviewer", noun: "interviews" },
};
const times = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : "—");

const round = (x: number, places = 3) => Math.round(x * 10 ** places) / 10 ** places;
const count = (n: number) => n.toLocaleString("en");

/** How many times slower each point is than the curve's smallest (1 = no slower). */
export function slowdowns(curve: Curve): number[] {
  const [first] = [...curve.points].sort((a, b) => a.size - b.size);
  return curve.points.map((p) => (first && first.rps > 0 && p.rps > 0 ? round(first.rps / p.rps, 2) : NaN));
}

/** Every target of the benchmark, for every profile measured; a target whose routes were not run is "not measured". */
export function evaluateTargets(results: Record<string, ProfileResult>): Target[] {
  const targets: Target[] = [];
  const add = (profile: string, name: string, goal: string, value: number | undefined, ok: (v: number) => boolean, shown = (v: number) => v.toFixed(2)) =>
    targets.push({
      profile,
      name,
      goal,
      measured: value === undefined || !Number.isFinite(value) ? "—" : shown(value),
      status: value === undefined || !Number.isFinite(value) ? "not measured" : ok(value) ? "met" : "missed",
    });
  const share = (v: number) => `${(v * 100).toFixed(0)}%`;
  for (const [profile, { rows, curves }] of Object.entries(results)) {
    const row = (key: string) => rows.find((r) => r.key === key);
    // a route of which no request finished (a run too short for a busy machine) is not measured
    // and neither is one that answered an error: its figures would be the error page's
    const ok = (r?: Row): r is Row => !!r && r.rps > 0 && r.status === 200;
    const of = (a?: Row, b?: Row) => (ok(a) && ok(b) ? a.rps / b.rps : undefined);
    const p99 = (r?: Row) => (ok(r) ? r.p99 : undefined);
    const page = row("page");
    const list = row("list");
    const compare = row("compare");
    add(profile, "signed-in page floor ÷ sign-in page (throughput)", "≥ 80%", of(page, row("signin")), (v) => v >= 0.8, share);
    add(profile, `candidate list of ${count(list?.size ?? 1000)} ÷ signed-in page floor`, "≥ 70%", of(list, page), (v) => v >= 0.7, share);
    add(profile, `comparison of ${count(compare?.size ?? 200)} ÷ signed-in page floor`, "≥ 50%", of(compare, page), (v) => v >= 0.5, share);
    const one = row("compare-1");
    add(profile, `one user's comparison of ${count(one?.size ?? 200)}: p99`, "< 150 ms", p99(one), (v) => v < 150, (v) => `${v} ms`);
    const typing = row("typing");
    add(profile, "autosave, 50 writers typing: p99", "< 100 ms", p99(typing), (v) => v < 100, (v) => `${v} ms`);
    for (const [key, limit] of [
      ["list", 1.25],
      ["summary", 2],
    ] as const) {
      const c = curves.find((x) => x.key === key);
      const sizes = c ? c.points.map((p) => p.size).sort((a, b) => a - b) : [];
      // every point must have answered 200 and finished requests, or the curve is not measured
      const s = c && c.points.length > 1 && c.points.every((p) => p.status === 200) ? Math.max(...slowdowns(c)) : undefined;
      const name = c && sizes.length > 1 ? `${c.title.toLowerCase()}: ${count(sizes.at(-1)!)} ${c.noun} vs ${count(sizes[0])}` : `${CURVES[key].title.toLowerCase()}: largest point vs smallest`;
      add(profile, `${name} (times slower)`, `≤ ${limit}×`, s, (v) => v <= limit, (v) => `${v.toFixed(2)}×`);
    }
  }
  const { small, large } = results;
  if (small && large)
    for (const r of large.rows) {
      const s = small.rows.find((x) => x.key === r.key);
      add("small → large", `${r.route} (times slower)`, "≤ 1.3×", s && s.rps > 0 && r.rps > 0 ? s.rps / r.rps : undefined, (v) => v <= 1.3, (v) => `${v.toFixed(2)}×`);
    }
  else add("small → large", "every route (times slower)", "≤ 1.3×", undefined, () => false);
  return targets;
}

// ── printed ────────────────────────────────────────────────────────────────────────────────
export function rowLine(r: Row): string {
  const extra = [
    r.ratio === null ? "" : `${(r.ratio * 100).toFixed(1).padStart(6)}% of floor`,
    r.pageRatio === null ? "" : `${(r.pageRatio * 100).toFixed(0).padStart(4)}% of page floor`,
    r.non2xx || r.errors ? `(${r.non2xx} non-2xx, ${r.errors} errors)` : "",
  ].filter(Boolean);
  return `${r.route.padEnd(40)} ${String(r.rps).padStart(7)} req/s  p50 ${String(r.p50).padStart(5)} ms  p99 ${String(r.p99).padStart(5)} ms  ${extra.join("  ")}`.trimEnd();
}

export function curveLines(c: Curve): string[] {
  const s = slowdowns(c);
  return [
    `${c.title} by ${c.unit}:`,
    ...c.points.map(
      (p, i) =>
        `  ${count(p.size).padStart(7)}  ${String(p.rps).padStart(7)} req/s  p50 ${String(p.p50).padStart(5)} ms  p99 ${String(p.p99).padStart(5)} ms  ${times(s[i])} slower than ${count(c.points[0].size)}${p.non2xx || p.errors ? `  (${p.non2xx} non-2xx, ${p.errors} errors)` : ""}`,
    ),
  ];
}

export function targetLines(targets: Target[]): string[] {
  return targets.map((t) => `${t.status.padEnd(12)} ${t.profile.padEnd(13)} ${t.name} ${t.goal}: ${t.measured}`);
}

// ── HTML ───────────────────────────────────────────────────────────────────────────────────
const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1f24}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{padding:.25rem .6rem;border-bottom:1px solid #d0d7de;text-align:left}
.routes td:not(:first-child),.points td{text-align:right;font-variant-numeric:tabular-nums}td.met{color:#116329;font-weight:600}td.missed{color:#a40e26;font-weight:600}
td.not-measured{color:#57606a}.curves{display:flex;flex-wrap:wrap;gap:1.5rem}figure{margin:0}figcaption{font-weight:600}`;

/** The whole report, one self-contained page: inline styles and SVG, nothing fetched. */
export function renderHtml(r: BenchResult): string {
  const table = (head: string[], rows: (string | number)[][], cls?: string) =>
    `<table${cls ? ` class="${cls}"` : ""}><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join("")}</tr></thead><tbody>${rows
      .map((cells) => `<tr>${cells.map((c) => (String(c).startsWith("<td") ? String(c) : `<td>${esc(String(c))}</td>`)).join("")}</tr>`)
      .join("")}</tbody></table>`;
  const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);
  const parts = [
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`,
    `<title>Benchmark: ${esc(r.database)}, ${esc(r.startedAt)}</title><style>${STYLE}</style></head><body>`,
    `<h1>Benchmark: ${esc(r.database)}</h1>`,
    `<p>Started ${esc(r.startedAt)}; ${r.seconds} s per measurement; profiles ${esc(Object.keys(r.results).join(", "))}. Figures from one run on one machine: compare the ratios, not the absolute numbers.</p>`,
    `<section id="targets"><h2>Targets</h2>`,
    table(
      ["profile", "target", "goal", "measured", "status"],
      r.targets.map((t) => [t.profile, t.name, t.goal, t.measured, `<td class="${t.status.replace(" ", "-")}">${esc(t.status)}</td>`]),
      "targets",
    ),
    `</section>`,
  ];
  for (const [profile, { rows, curves }] of Object.entries(r.results)) {
    parts.push(`<section class="profile" data-profile="${esc(profile)}"><h2>Profile ${esc(profile)}</h2><h3>Routes</h3>`);
    parts.push(
      table(
        ["route", "req/s", "p50 ms", "p99 ms", "of floor", "of page floor", "non-2xx", "errors"],
        rows.map((x) => [x.route, x.rps, x.p50, x.p99, pct(x.ratio), pct(x.pageRatio), x.non2xx, x.errors]),
        "routes",
      ),
    );
    if (curves.length) parts.push(`<h3>Curves</h3><div class="curves">`);
    for (const c of curves) {
      const s = slowdowns(c);
      parts.push(
        `<figure class="curve" data-curve="${c.key}" data-profile="${esc(profile)}"><figcaption>${esc(c.title)}: throughput and p99 by ${esc(c.unit)}</figcaption>`,
        curveChartSvg(c),
        table(
          [c.unit, "req/s", "p50 ms", "p99 ms", "times slower"],
          c.points.map((p, i) => [count(p.size), p.rps, p.p50, p.p99, times(s[i])]),
          "points",
        ),
        `</figure>`,
      );
    }
    if (curves.length) parts.push(`</div>`);
    parts.push(`</section>`);
  }
  parts.push(`</body></html>\n`);
  return parts.join("\n");
}
