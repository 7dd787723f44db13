// Calls the real /scim/v2 route handlers in-process (real database, no server, no mocks), as an
// identity provider would: the bearer token, application/scim+json, the body parsed from the
// bytes answered.
import * as users from "@/app/scim/v2/Users/route";
import * as user from "@/app/scim/v2/Users/[id]/route";
import * as groups from "@/app/scim/v2/Groups/route";
import * as group from "@/app/scim/v2/Groups/[id]/route";
import * as spc from "@/app/scim/v2/ServiceProviderConfig/route";
import * as types from "@/app/scim/v2/ResourceTypes/route";
import * as type from "@/app/scim/v2/ResourceTypes/[id]/route";
import * as schemasAll from "@/app/scim/v2/Schemas/route";
import * as schema from "@/app/scim/v2/Schemas/[id]/route";

type Handler = (req: Request, ctx: { params: Promise<unknown> }) => Promise<Response>;
const TABLE: [RegExp, Record<string, unknown>][] = [
  [/^\/scim\/v2\/Users$/, users],
  [/^\/scim\/v2\/Users\/([^/]+)$/, user],
  [/^\/scim\/v2\/Groups$/, groups],
  [/^\/scim\/v2\/Groups\/([^/]+)$/, group],
  [/^\/scim\/v2\/ServiceProviderConfig$/, spc],
  [/^\/scim\/v2\/ResourceTypes$/, types],
  [/^\/scim\/v2\/ResourceTypes\/([^/]+)$/, type],
  [/^\/scim\/v2\/Schemas$/, schemasAll],
  [/^\/scim\/v2\/Schemas\/([^/]+)$/, schema],
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read SCIM bodies freely; the JSON schemas check them
export type ScimResponse = { status: number; body: any; headers: Headers };

export async function scimCall(
  method: string,
  url: string,
  opts: { token?: string | null; body?: unknown; raw?: BodyInit; headers?: Record<string, string> } = {},
): Promise<ScimResponse> {
  const u = new URL(url, "http://127.0.0.1:3000");
  const hit = TABLE.find(([re]) => re.test(u.pathname));
  if (!hit) throw new Error(`no SCIM route for ${u.pathname}`);
  const m = u.pathname.match(hit[0])!;
  const handler = hit[1][method] as Handler | undefined;
  if (!handler) return { status: 405, body: null, headers: new Headers() };
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const hasBody = opts.raw !== undefined || opts.body !== undefined;
  if (hasBody && !Object.keys(headers).some((k) => k.toLowerCase() === "content-type"))
    headers["content-type"] = "application/scim+json";
  const req = new Request(u, {
    method,
    headers,
    body: opts.raw ?? (opts.body !== undefined ? JSON.stringify(opts.body) : undefined),
  });
  const res = await handler(req, { params: Promise.resolve(m[1] ? { id: decodeURIComponent(m[1]) } : {}) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}
