// npx tsx --conditions=react-server scripts/bench/smoke.ts [-- DATABASE_URL=postgresql://… in the environment]
// The benchmark end to end at its smallest (`npm run bench -- --smoke --no-build`, about a minute on an
// idle machine; it needs the production build): every route and every curve measured, every page
// answering 200, and the JSON and HTML written with every route, curve point and target. Run by
// `npm test` after its build; not by `npm run validate`, which builds nothing
// (docs/decisions/064-benchmark-curves-and-report.md). Exits 1 with what is missing.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse, type DefaultTreeAdapterMap } from "parse5";
import { CURVES, ROUTE_KEYS, type BenchResult } from "./report";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

const root = path.resolve(import.meta.dirname, "../..");
const out = mkdtempSync(path.join(tmpdir(), "bench-smoke-"));
const problems: string[] = [];
try {
  const run = spawnSync(
    process.execPath,
    [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/bench/run.ts", "--smoke", "--no-build", "--out", out],
    { cwd: root, stdio: ["ignore", "inherit", "inherit"], timeout: 300_000 },
  );
  if (run.status !== 0) throw new Error(`the benchmark exited with ${run.status ?? run.signal}`);
  const files = readdirSync(out);
  const json = files.find((f) => f.endsWith(".json"));
  const html = files.find((f) => f.endsWith(".html"));
  if (!json || !html || json.replace(/json$/, "html") !== html) throw new Error(`expected a .json and its .html, found ${files.join(", ")}`);
  const report = JSON.parse(readFileSync(path.join(out, json), "utf8")) as BenchResult;

  const smoke = report.results.smoke;
  const keys = smoke?.rows.map((r) => r.key) ?? [];
  if (keys.join() !== ROUTE_KEYS.join()) problems.push(`routes measured: ${keys.join(", ")}; expected ${ROUTE_KEYS.join(", ")}`);
  for (const r of smoke?.rows ?? []) if (r.status !== 200) problems.push(`${r.route} answered ${r.status}`);
  const curveKeys = Object.keys(CURVES);
  if (smoke?.curves.map((c) => c.key).join() !== curveKeys.join()) problems.push(`curves: ${smoke?.curves.map((c) => c.key).join(", ")}; expected ${curveKeys.join(", ")}`);
  for (const c of smoke?.curves ?? []) {
    if (c.points.length !== 3) problems.push(`${c.title}: ${c.points.length} points, expected 3`);
    for (const p of c.points) if (p.status !== 200) problems.push(`${c.title} at ${p.size} answered ${p.status}`);
  }
  // 7 targets per profile, and small → large (not measured here: one profile)
  if (report.targets.length !== 8) problems.push(`${report.targets.length} targets, expected 8`);
  for (const t of report.targets) if (!["met", "missed", "not measured"].includes(t.status)) problems.push(`target ${t.name}: ${t.status}`);

  const doc = parse(readFileSync(path.join(out, html), "utf8"));
  const all = (n: Node, test: (e: Element) => boolean, found: Element[] = []): Element[] => {
    if ("tagName" in n && test(n)) found.push(n);
    for (const child of "childNodes" in n ? n.childNodes : []) all(child, test, found);
    return found;
  };
  const attr = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value;
  const figures = all(doc, (e) => e.tagName === "figure" && attr(e, "class") === "curve");
  for (const c of smoke?.curves ?? []) {
    const f = figures.find((x) => attr(x, "data-curve") === c.key);
    const marks = f ? all(f, (e) => attr(e, "ecmeta_ssr_type") === "chart") : [];
    for (const series of ["0", "1"]) {
      const n = marks.filter((m) => attr(m, "ecmeta_series_index") === series).length;
      if (n !== c.points.length) problems.push(`the HTML's ${c.title} chart has ${n} points in series ${series}, expected ${c.points.length}`);
    }
  }
  const targetRows = all(doc, (e) => e.tagName === "table" && attr(e, "class") === "targets").flatMap((t) => all(t, (e) => e.tagName === "tr").slice(1));
  if (targetRows.length !== report.targets.length) problems.push(`the HTML lists ${targetRows.length} targets, the JSON ${report.targets.length}`);
} catch (e) {
  problems.push((e as Error).message);
} finally {
  rmSync(out, { recursive: true, force: true });
}
if (problems.length) {
  console.error(`bench smoke: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}`).join("\n")}`);
  process.exit(1);
}
console.log("bench smoke: every route, curve point and target in the JSON and the HTML");
