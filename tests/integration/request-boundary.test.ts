// The request boundary (docs/decisions/018), through the real route handlers on a real database:
// text neither database can store and prototype keys are refused by name before any write; the
// Origin is compared whole with NEXTAUTH_URL's; JSON writes must say they are JSON; bodies are
// read only up to the limit, next-auth's too; search matches % and _ literally. Only the session
// cookie's decoding is stood in for (no browser here to sign in).
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApiToken } from "@/lib/data/api-tokens";
import { listAuditEntries } from "@/lib/data/audit-view";
import { addCandidate, findCandidates } from "@/lib/data/openings";
import { listUsers } from "@/lib/data/user-admin";
import { db } from "@/lib/db";
import { PROTOTYPE_KEY_MESSAGE, UNSTORABLE_MESSAGE } from "@/lib/domain/request-boundary";
import { AUTH_MAX_BODY_BYTES, MAX_BODY_BYTES, withBodyLimit } from "@/lib/http";
import { createCandidate, createUser } from "@/seed/factories";
import { countingBody } from "../support/hostile";
import { createPanel } from "../support/panel";

const SITE = "https://scorecards.test";
const previousSite = vi.hoisted(() => {
  const was = process.env.NEXTAUTH_URL;
  process.env.NEXTAUTH_URL = "https://scorecards.test";
  return was;
});
afterAll(() => {
  if (previousSite === undefined) delete process.env.NEXTAUTH_URL;
  else process.env.NEXTAUTH_URL = previousSite;
});
// the signed-in user, as lib/auth would find them from the session cookie
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock("@/lib/auth", async (importOriginal) => {
  const { findActiveUser } = await import("@/lib/data/sign-in");
  const { UnauthenticatedError } = await import("@/lib/errors");
  const current = async () => (session.current ? await findActiveUser(session.current.user.id) : null);
  return {
    ...(await importOriginal<object>()),
    getCurrentUser: current,
    userOrThrow: async () => (await current()) ?? Promise.reject(new UnauthenticatedError()),
  };
});

let p: Awaited<ReturnType<typeof createPanel>>;
let admin: { id: string; roles: ["admin"] };
let token = "";
const recruiter = () => ({ id: p.users.recruiter.id, roles: ["recruiter"] as const });

beforeAll(async () => {
  p = await createPanel(db);
  const a = await createUser(db, { email: "boundary-admin@test.local", name: "Boundary Admin", roles: ["admin"] });
  admin = { id: a.id, roles: ["admin"] };
  token = (await createApiToken(admin, { userId: p.users.b.id, name: "boundary b" })).token;
});

type Init = { headers?: Record<string, string>; body?: BodyInit; duplex?: "half" };
async function draftPut(init: Init & { url?: string }) {
  const { PUT } = await import("@/app/api/interviews/[id]/scorecard/route");
  session.current = { user: { id: p.users.b.id } };
  const req = new Request(init.url ?? `http://127.0.0.1:3000/api/interviews/${p.interviews.b.id}/scorecard`, {
    method: "PUT",
    ...init,
    headers: { "content-type": "application/json", ...init.headers },
  } as RequestInit);
  const res = await PUT(req, { params: Promise.resolve({ id: p.interviews.b.id }) });
  return { status: res.status, body: await res.json() };
}
const draftCount = () => db.scorecard.count({ where: { interviewId: p.interviews.b.id } });
const draftBody = (values: Record<string, unknown>) =>
  JSON.stringify({
    baseVersion: 0,
    values: { ratings: {}, redFlags: {}, keyTakeaways: "", recommendation: "", ...values },
  });

describe("JSON bodies", () => {
  it("refuses text neither database can store (a lone surrogate, a NUL) with 422 naming each field, before any write", async () => {
    const d = p.kitFor(1).focusDimensionIds[0];
    const res = await draftPut({
      body: draftBody({ keyTakeaways: "broken \ud800 emoji", ratings: { [d]: { score: "3", evidence: "a\u0000b" } } }),
    });
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toEqual({
      "values.keyTakeaways": [UNSTORABLE_MESSAGE],
      [`values.ratings.${d}.evidence`]: [UNSTORABLE_MESSAGE],
    });
    expect(await draftCount()).toBe(0);
  });

  it("refuses __proto__, constructor and prototype keys anywhere in the body with 422 naming the path", async () => {
    const raw = `{"baseVersion":0,"values":{"ratings":{"__proto__":{"score":"3","evidence":"x"}},"redFlags":{},"keyTakeaways":"","recommendation":""}}`;
    const res = await draftPut({ body: raw });
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toEqual({ "values.ratings.__proto__": [PROTOTYPE_KEY_MESSAGE] });
    const nested = await draftPut({
      body: draftBody({ redFlags: JSON.parse('{"constructor":{"prototype":{"observed":true,"note":""}}}') }),
    });
    expect(nested.body.error.fields).toEqual({ "values.redFlags.constructor": [PROTOTYPE_KEY_MESSAGE] });
    expect(await draftCount()).toBe(0);
    expect(({} as Record<string, unknown>).score).toBeUndefined();
  });

  it("answers 415 to a write whose body is not declared application/json (parameters allowed)", async () => {
    expect((await draftPut({ body: draftBody({}), headers: { "content-type": "text/plain" } })).status).toBe(415);
    expect(
      (await draftPut({ body: draftBody({}), headers: { "content-type": "application/x-www-form-urlencoded" } }))
        .status,
    ).toBe(415);
    expect(await draftCount()).toBe(0);
    const ok = await draftPut({
      body: draftBody({ keyTakeaways: "typed" }),
      headers: { "content-type": "application/json; charset=utf-8" },
    });
    expect(ok.status).toBe(200);
    await db.scorecard.deleteMany({ where: { interviewId: p.interviews.b.id } });
  });
});

describe("Origin", () => {
  it("403 for Origin null, garbage, another scheme or port, the request's own host and a foreign Origin sent with a matching X-Forwarded-Host", async () => {
    const foreign: Record<string, string>[] = [
      { origin: "null" },
      { origin: "garbage" },
      { origin: "http://scorecards.test" },
      { origin: "https://scorecards.test:8443" },
      { origin: "http://127.0.0.1:3000" },
      { origin: "https://evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" },
    ];
    const answers: Record<string, string>[] = [];
    for (const headers of foreign) {
      // Host as a server sees it: the request's own
      const res = await draftPut({
        body: draftBody({ keyTakeaways: "cross-site" }),
        headers: { host: "127.0.0.1:3000", ...headers },
      });
      answers.push({ origin: headers.origin, answer: `${res.status} ${res.body.error?.code}` });
    }
    expect(answers).toEqual(foreign.map((h) => ({ origin: h.origin, answer: "403 forbidden" })));
    expect(await draftCount()).toBe(0);
  });

  it("passes the site's own origin (NEXTAUTH_URL's), whatever X-Forwarded-Host says", async () => {
    const res = await draftPut({
      body: draftBody({ keyTakeaways: "from the site" }),
      headers: { origin: SITE, "x-forwarded-host": "elsewhere.example" },
    });
    expect(res.status).toBe(200);
    await db.scorecard.deleteMany({ where: { interviewId: p.interviews.b.id } });
  });
});

describe("bodies are read only up to the limit", () => {
  it("stops reading a huge streamed body at MAX_BODY_BYTES (413), having pulled at most one chunk more", async () => {
    const { stream, seen, chunk } = countingBody(64 * 1024 * 1024);
    const res = await draftPut({ body: stream, duplex: "half" });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("too_large");
    expect(seen.pulled).toBeLessThanOrEqual(MAX_BODY_BYTES + 2 * chunk);
    expect(seen.cancelled).toBe(true);
  });

  it("refuses a declared Content-Length over the limit before reading anything", async () => {
    const { stream, seen } = countingBody(64 * 1024 * 1024);
    const res = await draftPut({
      body: stream,
      duplex: "half",
      headers: { "content-length": String(64 * 1024 * 1024) },
    });
    expect(res.status).toBe(413);
    expect(seen.pulled).toBeLessThanOrEqual(64 * 1024);
  });

  it("next-auth's routes refuse a POST body over 16 KB before next-auth reads it, signed in or not", async () => {
    const { POST } = await import("@/app/api/auth/[...nextauth]/route");
    session.current = null;
    const { stream, seen, chunk } = countingBody(64 * 1024 * 1024);
    const req = new NextRequest("http://127.0.0.1:3000/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: stream,
      duplex: "half",
    } as ConstructorParameters<typeof NextRequest>[1]);
    const res = await POST(req, { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) });
    expect(res.status).toBe(413);
    expect(seen.pulled).toBeLessThanOrEqual(AUTH_MAX_BODY_BYTES + 2 * chunk);
  });

  it("hands a body under the limit on, rebuilt from the bytes read, with its method, URL and headers", async () => {
    let seen: { method: string; url: string; type: string | null; text: string; path: string } | null = null;
    const inner = withBodyLimit(AUTH_MAX_BODY_BYTES, async (req: NextRequest) => {
      seen = {
        method: req.method,
        url: req.url,
        type: req.headers.get("content-type"),
        text: await req.text(),
        path: req.nextUrl.pathname,
      };
      return new Response("ok");
    });
    const body = "csrfToken=abc&email=a%40b.c&password=secret&json=true";
    const original = new NextRequest("http://127.0.0.1:3000/api/auth/callback/credentials?x=1", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
    });
    const res = await inner(original, {});
    expect(res.status).toBe(200);
    expect(seen).toEqual({
      method: "POST",
      url: original.url,
      type: "application/x-www-form-urlencoded",
      text: body,
      path: "/api/auth/callback/credentials",
    });
  });
});

describe("bearer-token clients (/api/v1)", () => {
  async function v1Put(headers: Record<string, string>) {
    const { PUT } = await import("@/app/api/v1/interviews/[id]/scorecard/route");
    const req = new Request(`http://127.0.0.1:3000/api/v1/interviews/${p.interviews.c.id}/scorecard`, {
      method: "PUT",
      headers: { authorization: `Bearer ${token}`, ...headers },
      body: draftBody({ keyTakeaways: "from a script" }),
    });
    return PUT(req, { params: Promise.resolve({ id: p.interviews.c.id }) });
  }
  it("send no Origin and are served, but their bodies must still be declared JSON", async () => {
    const plain = await v1Put({ "content-type": "text/plain" });
    expect(plain.status).toBe(415);
    expect((await plain.json()).error.code).toBe("unsupported_media_type");
    // the token is interviewer B's and interview C is not theirs: past the body, the usual 404
    expect((await v1Put({ "content-type": "application/json" })).status).toBe(404);
  });
});

describe("query parameters that reach a query", () => {
  it("a NUL in the audit filters, the candidate or user search or a v1 query is refused with 422 naming it", async () => {
    const { GET } = await import("@/app/api/admin/audit.csv/route");
    session.current = { user: { id: admin.id } };
    const res = await GET(new Request("http://127.0.0.1:3000/api/admin/audit.csv?action=ab%00cd"));
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields).toEqual({ action: [UNSTORABLE_MESSAGE] });
    await expect(findCandidates(recruiter(), "ab\u0000cd")).rejects.toMatchObject({
      status: 422,
      fieldErrors: { q: [UNSTORABLE_MESSAGE] },
    });
    await expect(listUsers(admin, "ab\u0000cd")).rejects.toMatchObject({
      status: 422,
      fieldErrors: { q: [UNSTORABLE_MESSAGE] },
    });
    const { GET: list } = await import("@/app/api/v1/interviews/route");
    const v1 = await list(
      new Request("http://127.0.0.1:3000/api/v1/interviews?interviewerId=ab%00cd", {
        headers: { authorization: `Bearer ${token}` },
      }),
      { params: Promise.resolve({}) },
    );
    expect(v1.status).toBe(422);
    expect((await v1.json()).error.fields).toEqual({ interviewerId: [UNSTORABLE_MESSAGE] });
  });

  it("a form's text field with a NUL or a lone surrogate is refused with the message next to it and nothing is written", async () => {
    const openingId = (await db.candidate.findUniqueOrThrow({ where: { id: p.candidates.cand1.id } })).openingId;
    const before = await db.candidate.count();
    await expect(
      addCandidate(recruiter(), openingId, { name: "Ada\u0000Lovelace", email: "ada@example.com", notes: "\ud800" }),
    ).rejects.toMatchObject({
      status: 422,
      fieldErrors: { name: [UNSTORABLE_MESSAGE], notes: [UNSTORABLE_MESSAGE] },
    });
    expect(await db.candidate.count()).toBe(before);
  });
});

describe("search matches what was typed, % and _ included", () => {
  beforeAll(async () => {
    const openingId = (await db.candidate.findUniqueOrThrow({ where: { id: p.candidates.cand1.id } })).openingId;
    let n = 0;
    for (const name of ["50% off", "50 percent", "a_b", "axb"]) {
      n += 1;
      await createCandidate(db, { openingId, name, email: `lit${n}@example.com` });
      await createUser(db, { email: `lit${n}@test.local`, name, roles: ["interviewer"] });
    }
  });

  it("candidates: 50% finds only “50% off”, a_b only “a_b”; case is still ignored", async () => {
    const names = async (q: string) => (await findCandidates(recruiter(), q)).map((c) => c.name);
    expect(await names("50%")).toEqual(["50% off"]);
    expect(await names("a_b")).toEqual(["a_b"]);
    expect(await names("A_B")).toEqual(["a_b"]);
    expect(await names("50")).toEqual(["50 percent", "50% off"]);
    expect(await names("CANDIDATE one")).toEqual(["Candidate One"]);
  });

  it("users: the same", async () => {
    const names = async (q: string) => (await listUsers(admin, q)).map((u) => u.name);
    expect(await names("50%")).toEqual(["50% off"]);
    expect(await names("a_b")).toEqual(["a_b"]);
    expect(await names("interviewer A")).toEqual(["Interviewer A"]);
    expect(await names("LIT3@")).toEqual(["a_b"]);
  });

  it("audit log: an action filter with % or _ matches no action that does not begin with that very text", async () => {
    const total = async (action: string) => (await listAuditEntries(admin, { action })).total;
    expect(await total("api-token.")).toBe(1);
    expect(await total("%")).toBe(0);
    expect(await total("candidate_created")).toBe(0);
    expect(await total("api-token.created")).toBe(1);
  });
});
