// npm run audit:web [-- --runs 3 --no-build]
// Lighthouse (mobile settings: an emulated phone, simulated slow 4G and a 4× slower CPU)
// with Debian's Chromium on the five pages people use most, signed in as the people who use
// them, on a production build serving the demo data; and each page's first-load JavaScript,
// gzipped, as the browser downloads it. Prints the scores, checks the targets (performance
// ≥ 0.95, accessibility 1.0, scorecard page JavaScript < 180 KB gzipped), writes
// bench/results/audit-web-<time>.json and exits 1 if a target is missed.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import {
  arg,
  buildUnlessAsked,
  freshDatabase,
  query,
  signIn,
  startInstance,
  stopInstance,
} from "../reliability/harness";

const root = path.resolve(import.meta.dirname, "../..");
const runs = Number(arg("runs", "3"));
const TARGETS = { performance: 0.95, accessibility: 1, scorecardJsKb: 180 };

const chromePath =
  process.env.CHROME_PATH ??
  ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find((p) => existsSync(p));
if (!chromePath) {
  console.error("no Chromium found: install Debian's chromium (apt-get install chromium) or set CHROME_PATH");
  process.exit(1);
}

buildUnlessAsked();
const target = await freshDatabase();
const seeded = spawnSync(
  process.execPath,
  [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "seed/seed.ts", "--demo"],
  { cwd: root, env: { ...process.env, DATABASE_URL: target.url }, stdio: ["ignore", "ignore", "inherit"] },
);
if (seeded.status !== 0) throw new Error("seeding the demo data failed");

const [interview] = await query<{ id: string }>(
  target.url,
  `SELECT i."id" FROM "Interview" i JOIN "User" u ON u."id" = i."interviewerId" LEFT JOIN "Scorecard" s ON s."interviewId" = i."id" WHERE u."email" = 'interviewer@demo.test' AND (s."id" IS NULL OR s."status" = 'draft') ORDER BY i."scheduledAt" LIMIT 1`,
);
const [candidate] = await query<{ id: string }>(
  target.url,
  `SELECT "candidateId" AS id FROM "Scorecard" WHERE "status" = 'submitted' GROUP BY "candidateId" ORDER BY COUNT(*) DESC LIMIT 1`,
);
const [opening] = await query<{ id: string }>(
  target.url,
  `SELECT o."id" FROM "Opening" o JOIN "User" u ON u."id" = o."hiringManagerId" WHERE u."email" = 'hiring.manager@demo.test' LIMIT 1`,
);

const app = await startInstance(target.url, 3400 + (process.pid % 300));
const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
type Row = {
  page: string;
  path: string;
  performance: number;
  accessibility: number;
  jsKb: number;
  metrics: Record<string, number>;
  failedAudits: string[];
};
const rows: Row[] = [];
try {
  const cookie = {
    interviewer: await signIn(app.base, "interviewer@demo.test"),
    recruiter: await signIn(app.base, "recruiter@demo.test"),
    manager: await signIn(app.base, "hiring.manager@demo.test"),
  };
  const pages: { page: string; path: string; cookie?: string }[] = [
    { page: "sign-in", path: "/sign-in" },
    { page: "My interviews", path: "/interviews", cookie: cookie.interviewer },
    { page: "scorecard", path: `/interviews/${interview.id}`, cookie: cookie.interviewer },
    { page: "candidate summary", path: `/candidates/${candidate.id}`, cookie: cookie.recruiter },
    { page: "comparison", path: `/openings/${opening.id}/compare`, cookie: cookie.manager },
  ];
  for (const p of pages) {
    const url = `${app.base}${p.path}`;
    // first-load JavaScript: every script the page's HTML asks for, gzipped as it travels
    const html = await (await fetch(url, { headers: p.cookie ? { cookie: p.cookie } : {} })).text();
    // (the polyfills are marked noModule: today's browsers do not download them)
    const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((t) => !/\bnomodule\b/i.test(t));
    const scripts = [...new Set(tags.flatMap((t) => /\ssrc="([^"]+)"/.exec(t)?.[1] ?? []))];
    let jsBytes = 0;
    for (const src of scripts)
      jsBytes += gzipSync(Buffer.from(await (await fetch(new URL(src, app.base))).arrayBuffer()), { level: 9 }).length;
    // Lighthouse: the median performance of `runs` runs (scores wobble on a shared machine)
    const results = [];
    for (let i = 0; i < runs; i++) {
      const r = await lighthouse(url, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility"],
        extraHeaders: p.cookie ? { Cookie: p.cookie } : undefined,
      });
      if (!r) throw new Error(`lighthouse gave no result for ${p.path}`);
      if (r.lhr.finalDisplayedUrl && new URL(r.lhr.finalDisplayedUrl).pathname !== new URL(url).pathname)
        throw new Error(`${p.path} redirected to ${r.lhr.finalDisplayedUrl}: not signed in?`);
      results.push(r.lhr);
    }
    results.sort((a, b) => (a.categories.performance.score ?? 0) - (b.categories.performance.score ?? 0));
    const lhr = results[Math.floor(results.length / 2)];
    const failedAudits = Object.values(lhr.audits)
      .filter(
        (a) =>
          a.scoreDisplayMode === "binary" &&
          a.score === 0 &&
          lhr.categories.accessibility.auditRefs.some((ref) => ref.id === a.id),
      )
      .map((a) => a.id);
    const ms = (id: string) => Math.round(lhr.audits[id]?.numericValue ?? 0);
    const metrics = {
      fcp: ms("first-contentful-paint"),
      lcp: ms("largest-contentful-paint"),
      tbt: ms("total-blocking-time"),
      cls: lhr.audits["cumulative-layout-shift"]?.numericValue ?? 0,
    };
    const row = {
      page: p.page,
      path: p.path.replace(/[0-9a-f-]{36}/g, ":id"),
      performance: lhr.categories.performance.score ?? 0,
      accessibility: lhr.categories.accessibility.score ?? 0,
      jsKb: Math.round(jsBytes / 102.4) / 10,
      metrics,
      failedAudits,
    };
    rows.push(row);
    console.log(
      `${row.page.padEnd(18)} performance ${row.performance.toFixed(2)}  accessibility ${row.accessibility.toFixed(2)}  first-load JS ${row.jsKb.toFixed(1).padStart(6)} KB gzipped  (FCP ${metrics.fcp} ms, LCP ${metrics.lcp} ms, TBT ${metrics.tbt} ms, CLS ${metrics.cls.toFixed(3)})${failedAudits.length ? `  failed: ${failedAudits.join(", ")}` : ""}`,
    );
  }
} finally {
  chrome.kill();
  await stopInstance(app);
  await target.drop();
}

const misses = [
  ...rows
    .filter((r) => r.performance < TARGETS.performance)
    .map((r) => `${r.page}: performance ${r.performance} < ${TARGETS.performance}`),
  ...rows
    .filter((r) => r.accessibility < TARGETS.accessibility)
    .map((r) => `${r.page}: accessibility ${r.accessibility} < 1`),
  ...rows
    .filter((r) => r.page === "scorecard" && r.jsKb >= TARGETS.scorecardJsKb)
    .map((r) => `scorecard page JavaScript ${r.jsKb} KB ≥ ${TARGETS.scorecardJsKb} KB`),
];
mkdirSync(path.join(root, "bench", "results"), { recursive: true });
const file = path.join(
  root,
  "bench",
  "results",
  `audit-web-${new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19)}.json`,
);
writeFileSync(file, JSON.stringify({ runs, targets: TARGETS, rows }, null, 2) + "\n");
console.log(misses.length ? `\ntargets missed:\n  ${misses.join("\n  ")}` : "\nevery target met");
console.log(`written ${path.relative(root, file)}`);
process.exit(misses.length ? 1 : 0);
