// Calls the real /api/v1 route handlers in-process (real database, no server, no mocks): the
// path is matched to app/api/v1/**/route.ts the way Next.js routes it, static segments first.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../../app/api/v1");

type Route = { pattern: RegExp; names: string[]; file: string; statics: number };
function routes(dir = root, segs: string[] = []): Route[] {
  const out: Route[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...routes(full, [...segs, entry]));
    else if (entry === "route.ts") {
      const names: string[] = [];
      const re = segs
        .map((s) => (s.startsWith("[") ? (names.push(s.slice(1, -1)), "([^/]+)") : s.replace(/\./g, "\\.")))
        .join("/");
      out.push({
        pattern: new RegExp(`^/api/v1${re ? `/${re}` : ""}$`),
        names,
        file: full,
        statics: segs.filter((s) => !s.startsWith("[")).length,
      });
    }
  }
  return out.sort((a, b) => b.statics - a.statics);
}
const table = routes();

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read response bodies freely; the OpenAPI check types them
export type ApiResponse = { status: number; body: any; headers: Headers };

export async function api(
  method: string,
  url: string,
  opts: { token?: string | null; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<ApiResponse> {
  const u = new URL(url, "http://127.0.0.1:3000");
  // next.config.js's rewrite of the import's documented path to its route folder
  u.pathname = u.pathname.replace(/^(\/api\/v1\/openings\/[^/]+\/candidates):import$/, "$1-import");
  const route = table.find((r) => r.pattern.test(u.pathname));
  if (!route) throw new Error(`no route for ${u.pathname}`);
  const m = u.pathname.match(route.pattern)!;
  const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(m[i + 1])]));
  const mod = (await import(route.file)) as Record<
    string,
    (req: Request, ctx: { params: Promise<unknown> }) => Promise<Response>
  >;
  const handler = mod[method];
  if (!handler) return { status: 405, body: null, headers: new Headers() };
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const hasBody = opts.raw !== undefined || opts.body !== undefined;
  if (hasBody && !Object.keys(headers).some((k) => k.toLowerCase() === "content-type"))
    headers["content-type"] = "application/json";
  const req = new Request(u, {
    method,
    headers,
    body: opts.raw ?? (opts.body !== undefined ? JSON.stringify(opts.body) : undefined),
  });
  const res = await handler(req, { params: Promise.resolve(params) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}
