// npm run bench:profile -- --data URL --path /openings/… [--as EMAIL] [--seconds 10] [--connections 10] [--top 25]
// A CPU profile of one page of a production build (docs/decisions/064-benchmark-curves-and-report.md):
// `next start` under `node --cpu-prof` over a database already filled by data:synthetic, the page
// requested by autocannon for the given seconds, then the server stopped so V8 writes the profile.
// Prints the server's CPU time per request, the functions with the most self time, and the share
// of samples by where the code lives (Prisma, React's server renderer, Next, the app, …). The
// .cpuprofile is kept (its path is printed) for Chrome's DevTools.
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { arg, signIn, startInstance, stopInstance } from "../reliability/harness";

const data = arg("data", "");
const page = arg("path", "");
if (!data || !page) {
  console.error("usage: npm run bench:profile -- --data DATABASE_URL --path /page [--as EMAIL] [--seconds 10]");
  process.exit(1);
}
const as = arg("as", "");
const seconds = Number(arg("seconds", "10"));
const connections = Number(arg("connections", "10"));
const top = Number(arg("top", "25"));
const dir = mkdtempSync(path.join(tmpdir(), "scorecards-profile-"));
// a port the system says is free, so a server left from another run is never the one measured
const port = await new Promise<number>((resolve) => {
  const probe = createServer().listen(0, "127.0.0.1", () => {
    const { port } = probe.address() as AddressInfo;
    probe.close(() => resolve(port));
  });
});

// flags, not NODE_OPTIONS (Node refuses --cpu-prof there); next start serves from this one process
const app = await startInstance(data, port, ["--cpu-prof", `--cpu-prof-dir=${dir}`]);
const { base, proc } = app;
// whatever fails below, the server does not outlive this script
process.on("exit", () => proc.exitCode === null && proc.kill("SIGKILL"));
// signIn tries again when the fresh server resets the connection
const headers = as ? { cookie: await signIn(base, as) } : undefined;
const first = await fetch(`${base}${page}`, { headers, redirect: "manual" });
console.log(`${page}: ${first.status}, ${(await first.arrayBuffer()).byteLength.toLocaleString("en")} bytes`);
const cpuBefore = await serverCpu(proc.pid!);
const result = await autocannon({ url: `${base}${page}`, connections, duration: seconds, headers });
const cpuMs = (await serverCpu(proc.pid!)) - cpuBefore;
// SIGINT lets V8 write the profile (a server still running after 5 s is killed)
await stopInstance(app, "SIGINT");
console.log(`${result.requests.total} requests, ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms; server CPU ${(cpuMs / Math.max(1, result.requests.total)).toFixed(1)} ms a request`);

const file = readdirSync(dir)
  .filter((f) => f.endsWith(".cpuprofile"))
  .sort((a, b) => statSync(path.join(dir, b)).size - statSync(path.join(dir, a)).size)[0];
if (!file) throw new Error("no profile was written");
type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
const prof = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as { nodes: Node[]; samples: number[] };
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const counts = new Map<number, number>();
for (const s of prof.samples) counts.set(s, (counts.get(s) ?? 0) + 1);
const total = prof.samples.length;
const where = (url: string) => {
  if (!url) return "(native / V8)";
  const m = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (m) return m[1] === "next" && /react-dom|react-server/.test(url) ? "react (bundled in next)" : m[1];
  if (url.includes(".next/server")) return "app (.next/server)";
  if (url.startsWith("node:")) return "node";
  return "other";
};
// shares of the busy samples: the profile also covers start-up and the wait before the load, idle
const isIdle = (id: number) => byId.get(id)!.callFrame.functionName === "(idle)";
const busy = [...counts].reduce((sum, [id, n]) => sum + (isIdle(id) ? 0 : n), 0);
const self = new Map<string, number>();
const area = new Map<string, number>();
for (const [id, n] of counts) {
  if (isIdle(id)) continue;
  const f = byId.get(id)!.callFrame;
  const key = `${f.functionName || "(anonymous)"}  ${f.url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*\.next\//, ".next/")}:${f.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + n);
  area.set(where(f.url), (area.get(where(f.url)) ?? 0) + n);
}
const pct = (n: number) => `${((100 * n) / Math.max(1, busy)).toFixed(1).padStart(5)}%`;
console.log(`\nbusy samples by where the code lives (${busy} of ${total} samples; the rest idle):`);
for (const [k, n] of [...area].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${pct(n)}  ${k}`);
console.log(`\nmost self time (of the busy samples; native SQLite work shows in the caller, e.g. performIO):`);
for (const [k, n] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(n)}  ${k}`);
console.log(`\nprofile: ${path.join(dir, file)}`);

/** CPU time so far (user + system, ms) of the server and the processes it started (Linux /proc). */
async function serverCpu(pid: number): Promise<number> {
  const ticks = (p: number): number => {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1].split(" ");
      const kids = readFileSync(`/proc/${p}/task/${p}/children`, "utf8").split(" ").filter(Boolean).map(Number);
      return Number(stat[11]) + Number(stat[12]) + kids.reduce((sum, k) => sum + ticks(k), 0);
    } catch {
      return 0; // gone between the listing and the read
    }
  };
  return ticks(pid) * 10; // clock ticks of 10 ms (USER_HZ 100)
}
