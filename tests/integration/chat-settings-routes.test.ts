// The chat settings' routes (docs/decisions/073-chat-notices.md), called in-process as the browser's
// form calls them: hostile URLs get a 422 with the message under `url` (the field the form shows it
// next to) and store nothing; a saved URL is answered masked; an opening's channel is refused to an
// interviewer (403) and to a visitor with no session (401).
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createPanel } from "../support/panel";
import { session } from "../support/auth-stand-in";

vi.mock("@/lib/auth", () => import("../support/auth-stand-in"));

let p: Awaited<ReturnType<typeof createPanel>>;
let openingId = "";
const SITE = "http://127.0.0.1:3000";

beforeAll(async () => {
  p = await createPanel(db);
  openingId = (await db.candidate.findUniqueOrThrow({ where: { id: p.candidates.cand1.id } })).openingId;
});
beforeEach(() => {
  session.user = { id: p.users.c.id, email: "interviewer-c@test.local", name: "Interviewer C", roles: ["interviewer"] };
});

async function put(path: string, raw: string) {
  const mod =
    path === "/api/me/chat"
      ? await import("@/app/api/me/chat/route")
      : await import("@/app/api/openings/[id]/chat/route");
  const res = await mod.PUT(
    new Request(`${SITE}${path}`, {
      method: "PUT",
      headers: { "content-type": "application/json", origin: SITE },
      body: raw,
    }),
    { params: Promise.resolve({ id: openingId }) },
  );
  return { status: res.status, body: await res.json() };
}
const stored = () =>
  db.user.findUniqueOrThrow({ where: { id: p.users.c.id }, select: { chatKind: true, chatUrl: true } });

describe("PUT /api/me/chat", () => {
  it.each([
    ["a NUL", '"https://hooks.slack.com/services/a\\u0000b"'],
    ["a lone surrogate", '"https://hooks.slack.com/services/\\ud800"'],
    ["loopback", '"http://127.0.0.1/hook"'],
    ["IPv6 loopback", '"http://[::1]/hook"'],
    ["the cloud metadata address", '"http://169.254.169.254/latest/meta-data"'],
    ["ftp", '"ftp://hooks.slack.com/x"'],
    ["a very long URL", JSON.stringify(`https://hooks.slack.com/${"x".repeat(10_000)}`)],
    ["not a string", "42"],
  ])("%s: 422 with a message under url, nothing stored", async (_what, url) => {
    const res = await put("/api/me/chat", `{"kind":"slack","url":${url}}`);
    expect(res.status).toBe(422);
    expect(res.body.error.fields.url?.[0]).toEqual(expect.any(String));
    expect(await stored()).toEqual({ chatKind: null, chatUrl: null });
  });

  it("a prototype key or an unknown field: 422, nothing stored", async () => {
    for (const raw of [
      '{"kind":"slack","url":"https://hooks.slack.com/services/x","__proto__":{"admin":true}}',
      `{"kind":"slack","url":"https://hooks.slack.com/services/x","userId":"${p.users.a.id}"}`,
    ]) {
      expect((await put("/api/me/chat", raw)).status).toBe(422);
    }
    expect(await stored()).toEqual({ chatKind: null, chatUrl: null });
  });

  it("a real URL is stored and answered masked", async () => {
    const url = "https://hooks.slack.com/services/T0/B0/routeSecret9876";
    const res = await put("/api/me/chat", JSON.stringify({ kind: "slack", url }));
    expect(res).toEqual({ status: 200, body: { kind: "slack", destination: "hooks.slack.com …9876" } });
    expect(await stored()).toEqual({ chatKind: "slack", chatUrl: url });
    const { DELETE } = await import("@/app/api/me/chat/route");
    const gone = await DELETE(new Request(`${SITE}/api/me/chat`, { method: "DELETE", headers: { origin: SITE } }));
    expect(await gone.json()).toEqual({ kind: null, destination: null });
    expect(await stored()).toEqual({ chatKind: null, chatUrl: null });
  });
});

describe("PUT /api/openings/{id}/chat", () => {
  const body = JSON.stringify({ kind: "teams", url: "https://contoso.webhook.office.com/webhookb2/x" });
  it("an interviewer: 403; signed out: 401; nothing stored", async () => {
    expect((await put(`/api/openings/${openingId}/chat`, body)).status).toBe(403);
    session.user = null;
    expect((await put(`/api/openings/${openingId}/chat`, body)).status).toBe(401);
    expect(await db.opening.findUniqueOrThrow({ where: { id: openingId }, select: { chatUrl: true } })).toEqual({
      chatUrl: null,
    });
  });
  it("a recruiter: stored, answered masked", async () => {
    session.user = { id: p.users.recruiter.id, email: "recruiter@test.local", name: "Recruiter", roles: ["recruiter"] };
    expect(await put(`/api/openings/${openingId}/chat`, body)).toEqual({
      status: 200,
      body: { kind: "teams", destination: "contoso.webhook.office.com …b2/x" },
    });
  });
});
