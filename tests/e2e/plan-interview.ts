// Plans an interview of its own for the demo interviewer, as an admin through the JSON API (a new
// opening on the Lead AI Platform role, one candidate), so that no demo scorecard another spec
// relies on changes. By default it started two hours ago: it can be submitted (not before its
// start: lib/domain/submit-window.ts), and is owed but not yet overdue.
import { expect, type Page } from "@playwright/test";
import { signIn } from "./sign-in";

export const ROLE = "lead-ai-platform-engineer";

type Json = Record<string, unknown> & { id: string };
type Role = { template: { dimensions: { name: string; weight: number }[] } };

/** Returns the interview's page, its candidate and the role as the API describes it. Leaves the admin signed in. */
export async function planInterview(
  page: Page,
  opts: { focus: string[]; startsInMs?: number; what?: string },
): Promise<{ url: string; role: Role; candidateId: string }> {
  await signIn(page, "admin@demo.test");
  const me = await (await page.request.get("/api/auth/session")).json();
  const created = await page.request.post("/api/admin/tokens", {
    data: { userId: me.user.id, name: `${opts.what ?? "e2e"} plan`, expiresInDays: 1 },
  });
  expect(created.status()).toBe(200);
  const { id: tokenId, token } = await created.json();
  const headers = { Authorization: `Bearer ${token}` };
  const call = async (method: "get" | "post", url: string, data?: unknown) => {
    const res = await page.request[method](`/api/v1${url}`, { headers, data });
    expect(res.ok(), `${method} ${url}: ${await res.text()}`).toBe(true);
    return res.json();
  };
  const person = async (role: string, email: string) =>
    ((await call("get", `/people?role=${role}`)).data as (Json & { email: string })[]).find((p) => p.email === email)!
      .id;

  const role = await call("get", `/roles/${ROLE}`);
  const dimensionId = (name: string) =>
    (role.ids.dimensions as (Json & { name: string })[]).find((d) => d.name === name)!.id;
  const stamp = Date.now();
  const opening = await call("post", "/openings", {
    title: `${opts.what ?? "E2E"} check ${stamp}`,
    roleSlug: ROLE,
    hiringManagerId: await person("hiring-manager", "hiring.manager2@demo.test"),
    recruiterId: await person("recruiter", "recruiter@demo.test"),
  });
  const candidate = await call("post", `/openings/${opening.id}/candidates`, {
    name: `${opts.what ?? "E2E"} Check Candidate`,
    email: `check.${stamp}@example.com`,
  });
  const interview = await call("post", `/candidates/${candidate.id}/interviews`, {
    interviewerId: await person("interviewer", "interviewer@demo.test"),
    exerciseId: null,
    focusDimensionIds: opts.focus.map(dimensionId),
    scheduledAt: new Date(Date.now() + (opts.startsInMs ?? -2 * 3600_000)).toISOString(),
    durationMinutes: 60,
  });
  expect((await page.request.delete(`/api/admin/tokens/${tokenId}`)).ok()).toBe(true);
  return { url: `/interviews/${interview.id}`, role, candidateId: candidate.id };
}
