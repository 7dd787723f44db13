// The authorization matrix. Every page and every route handler of the app (found by
// reading app/ — a route missing from the table fails the test), probed as each kind of user,
// against a real server and the demo data: allowed or denied, exactly as the table says.
// Also: cross-site state changes are refused, and pages carry the security headers.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, request as pwRequest, test, type APIRequestContext } from "@playwright/test";
import { DEMO_PASSWORD } from "../../seed/demo-password";

test.describe.configure({ mode: "serial" });

const PERSONAS = ["anon", "admin", "rec", "hm", "hm2", "ivBefore", "ivAfter", "ivOther", "deactivated"] as const;
type Persona = (typeof PERSONAS)[number];
const EMAIL: Record<Exclude<Persona, "anon" | "deactivated">, string> = {
  admin: "admin@demo.test",
  rec: "recruiter@demo.test",
  hm: "hiring.manager@demo.test", // hiring manager of the Lead AI opening
  hm2: "hiring.manager2@demo.test", // hiring manager of the other opening
  ivBefore: "riley.novak@demo.test", // interviews Elena, has not submitted
  ivAfter: "jamie.chen@demo.test", // interviews Elena, has submitted
  ivOther: "avery.brooks@demo.test", // not on Elena's loop
};

// ── every route in app/, as "METHOD /path/[param]" ──────────────────────────────────────────
function discover(dir = path.resolve("app"), segs: string[] = []): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...discover(full, entry.startsWith("(") ? segs : [...segs, entry]));
    else if (entry === "page.tsx") out.push(`PAGE /${segs.join("/")}`);
    else if (entry === "route.ts") {
      const src = readFileSync(full, "utf8");
      const methods = new Set(
        [...src.matchAll(/export (?:async )?(?:function|const) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]),
      );
      for (const m of src.matchAll(/\bas (GET|POST|PUT|PATCH|DELETE)\b/g)) methods.add(m[1]);
      for (const m of methods) out.push(`${m} /${segs.join("/")}`);
    }
  }
  return out.sort();
}

// ── fixtures, found through the API as the demo data stands ─────────────────────────────────
type F = {
  opening: string;
  elena: string;
  elenaEmail: string;
  elenaStage: string;
  ivBeforeInterview: string;
  ivAfterInterview: string;
  spareInterview: string;
  slug: string;
  deactivatedUser: string;
  token: string;
  scimToken: string;
  webhook: string;
  materialUrl: string;
  feedUrl: string;
  drill: string;
};
const f = {} as F;
const ctx: Partial<Record<Persona, APIRequestContext>> = {};
const tokens: Partial<Record<Persona, string>> = {};

async function signedIn(baseURL: string, email: string, password = DEMO_PASSWORD) {
  const c = await pwRequest.newContext({ baseURL });
  const { csrfToken } = await (await c.get("/api/auth/csrf")).json();
  const res = await c.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true", callbackUrl: `${baseURL}/` },
  });
  expect(res.status(), email).toBeLessThan(400);
  const session = await (await c.get("/api/auth/session")).json();
  expect(session?.user?.email, `signed in as ${email}`).toBe(email);
  return c;
}

// fresh: the probe ends every session of whoever sends it (sign out everywhere): an allowed
// persona is checked to be signed out afterwards, then signed in again for the probes that follow
// denial: the one status every denied persona gets, where the usual shapes do not apply (the
// calendar feed: its address is the credential, so nothing else — a session or not — counts)
type Probe = { url: string; body?: unknown; allow: readonly Persona[] | "public"; fresh?: true; denial?: number };
const ALL: Persona[] = ["admin", "rec", "hm", "hm2", "ivBefore", "ivAfter", "ivOther"];
const SETUP: Persona[] = ["admin", "rec"];
const SEES_ELENA: Persona[] = ["admin", "rec", "hm"];
const ADMIN: Persona[] = ["admin"];
// calibration drills are the interviewers' (the hiring managers of the demo interview too)
const INTERVIEWERS: Persona[] = ["hm", "hm2", "ivBefore", "ivAfter", "ivOther"];
// writes are probed with bodies of the right shape that fail only after authorization (a stale
// version, an unknown id, a duplicate), so an allowed caller gets 409/422 and nothing changes
const EMPTY = { ratings: {}, redFlags: {}, keyTakeaways: "", recommendation: "" };

function table(): Record<string, Probe[]> {
  const o = f.opening,
    c = f.elena,
    s = f.slug;
  const own = (v1: boolean, suffix = "") => [
    { url: `${v1 ? "/api/v1" : "/api"}/interviews/${f.ivBeforeInterview}${suffix}`, allow: ["ivBefore"] as Persona[] },
    { url: `${v1 ? "/api/v1" : "/api"}/interviews/${f.ivAfterInterview}${suffix}`, allow: ["ivAfter"] as Persona[] },
  ];
  const withBody = (probes: Probe[], body: unknown) => probes.map((p) => ({ ...p, body }));
  return {
    // pages
    "PAGE /": [{ url: "/", allow: ALL }],
    "PAGE /sign-in": [{ url: "/sign-in", allow: "public" }],
    "PAGE /roles": [{ url: "/roles", allow: ALL }],
    "PAGE /roles/[slug]": [{ url: `/roles/${s}`, allow: ALL }],
    "PAGE /roles/[slug]/diff": [{ url: `/roles/${s}/diff`, allow: ALL }],
    "PAGE /roles/[slug]/edit": [{ url: `/roles/${s}/edit`, allow: ADMIN }],
    // quality of hire (docs/decisions/079): whoever may see calibration
    "PAGE /roles/[slug]/quality-of-hire": [
      { url: `/roles/${s}/quality-of-hire`, allow: ["admin", "rec", "hm", "hm2"] },
    ],
    "PAGE /roles/new": [{ url: "/roles/new", allow: ADMIN }],
    "PAGE /roles/import": [{ url: "/roles/import", allow: ADMIN }],
    "PAGE /openings": [{ url: "/openings", allow: ["admin", "rec", "hm", "hm2"] }],
    "PAGE /openings/new": [{ url: "/openings/new", allow: SETUP }],
    "PAGE /openings/[id]": [{ url: `/openings/${o}`, allow: SEES_ELENA }],
    "PAGE /openings/[id]/compare": [{ url: `/openings/${o}/compare`, allow: SEES_ELENA }],
    "PAGE /openings/[id]/edit": [{ url: `/openings/${o}/edit`, allow: SETUP }],
    "PAGE /openings/[id]/move": [{ url: `/openings/${o}/move`, allow: SETUP }],
    "PAGE /openings/[id]/import": [{ url: `/openings/${o}/import`, allow: SETUP }],
    "PAGE /candidates": [{ url: "/candidates?q=Elena", allow: SETUP }],
    "PAGE /candidates/[id]": [{ url: `/candidates/${c}`, allow: SEES_ELENA }],
    "PAGE /candidates/[id]/loop": [{ url: `/candidates/${c}/loop`, allow: SETUP }],
    // the hiring manager owes a scorecard on Elena: the page answers, saying why there is nothing to show
    "PAGE /candidates/[id]/debrief": [{ url: `/candidates/${c}/debrief`, allow: SEES_ELENA }],
    // a hire's check-in: the opening's hiring manager and admins (Elena is no hire: the page says so)
    "PAGE /candidates/[id]/check-in/[days]": [{ url: `/candidates/${c}/check-in/90`, allow: ["admin", "hm"] }],
    "PAGE /calibration": [{ url: "/calibration", allow: ["admin", "rec", "hm", "hm2"] }],
    "PAGE /interviews": [{ url: "/interviews", allow: ALL }],
    "PAGE /interviews/[id]": [
      { url: `/interviews/${f.ivBeforeInterview}`, allow: ["ivBefore"] },
      { url: `/interviews/${f.ivAfterInterview}`, allow: ["ivAfter"] },
    ],
    "PAGE /settings": [{ url: "/settings", allow: ALL }],
    "PAGE /admin/users": [{ url: "/admin/users", allow: ADMIN }],
    "PAGE /admin/users/[id]": [{ url: `/admin/users/${f.deactivatedUser}`, allow: ADMIN }],
    "PAGE /admin/audit": [{ url: "/admin/audit", allow: ADMIN }],
    "PAGE /admin/tokens": [{ url: "/admin/tokens", allow: ADMIN }],
    "PAGE /admin/webhooks": [{ url: "/admin/webhooks", allow: ADMIN }],
    // a live feed address answers whoever holds it; any other one, everyone 404 (docs/decisions/069).
    // Probed before the feed routes below, which replace and turn off each person's feed.
    "GET /calendar/[file]": [
      { url: f.feedUrl, allow: "public" },
      { url: `/calendar/${"A".repeat(43)}.ics`, allow: [], denial: 404 },
    ],
    "PAGE /admin/scim": [{ url: "/admin/scim", allow: ADMIN }],
    // calibration drills (docs/decisions/080): empty ratings are refused (422) only after who asks is checked;
    // publishing the published drill again answers the admin 409
    "PAGE /drills": [{ url: "/drills", allow: INTERVIEWERS }],
    "PAGE /drills/[id]": [{ url: `/drills/${f.drill}`, allow: INTERVIEWERS }],
    "PAGE /admin/drills": [{ url: "/admin/drills", allow: ADMIN }],
    "PAGE /admin/drills/[id]": [{ url: `/admin/drills/${f.drill}`, allow: ADMIN }],
    "POST /api/drills/[id]/attempt": [
      { url: `/api/drills/${f.drill}/attempt`, body: { ratings: {} }, allow: INTERVIEWERS },
    ],
    "POST /api/admin/drills": [{ url: "/api/admin/drills", body: {}, allow: ADMIN }],
    "PUT /api/admin/drills/[id]": [{ url: `/api/admin/drills/${f.drill}`, body: {}, allow: ADMIN }],
    "POST /api/admin/drills/[id]/status": [
      { url: `/api/admin/drills/${f.drill}/status`, body: { status: "published" }, allow: ADMIN },
    ],
    "GET /api/v1/drills": [{ url: "/api/v1/drills", allow: INTERVIEWERS }],
    "GET /api/v1/drills/[id]": [{ url: `/api/v1/drills/${f.drill}`, allow: INTERVIEWERS }],
    "POST /api/v1/drills/[id]/attempts": [
      { url: `/api/v1/drills/${f.drill}/attempts`, body: { ratings: {} }, allow: INTERVIEWERS },
    ],
    // session routes (bodies that are not valid: an allowed caller gets 4xx validation, never a change)
    "GET /api/ping": [{ url: "/api/ping", allow: "public" }],
    "GET /api/auth/[...nextauth]": [{ url: "/api/auth/providers", allow: "public" }],
    "POST /api/auth/[...nextauth]": [{ url: "/api/auth/_log", body: {}, allow: "public" }],
    "POST /api/openings": [{ url: "/api/openings", body: {}, allow: SETUP }],
    "PATCH /api/openings/[id]": [{ url: `/api/openings/${o}`, body: {}, allow: SETUP }],
    "POST /api/openings/[id]/move": [
      { url: `/api/openings/${o}/move`, body: { toVersionId: "not-the-previewed-version" }, allow: SETUP },
    ],
    "POST /api/openings/[id]/candidates": [{ url: `/api/openings/${o}/candidates`, body: {}, allow: SETUP }],
    // Elena again: refused as a duplicate (422) only after the set-up check
    "POST /api/openings/[id]/candidates-import": [
      {
        url: `/api/openings/${o}/candidates-import`,
        body: { csv: `Name,E-mail\r\nElena Petrova,${f.elenaEmail}\r\n`, dryRun: false },
        allow: SETUP,
      },
    ],
    "GET /api/calibration.csv": [{ url: "/api/calibration.csv", allow: ["admin", "rec", "hm", "hm2"] }],
    "GET /api/openings/[id]/candidates.csv": [{ url: `/api/openings/${o}/candidates.csv`, allow: SEES_ELENA }],
    "GET /api/candidates/[id]/summary": [{ url: `/api/candidates/${c}/summary`, allow: SEES_ELENA }],
    // the hiring manager interviews Elena too and has not submitted: independent ratings first (403 until they do)
    "GET /api/candidates/[id]/ratings.csv": [{ url: `/api/candidates/${c}/ratings.csv`, allow: SETUP }],
    "GET /api/candidates/[id]/decisions": [{ url: `/api/candidates/${c}/decisions`, allow: SETUP }],
    "GET /api/candidates/[id]/reminders": [{ url: `/api/candidates/${c}/reminders`, allow: SETUP }],
    "GET /api/candidates/[id]/interviews/clashes": [
      { url: `/api/candidates/${c}/interviews/clashes?interviewerId=x&scheduledAt=2027-01-01T10:00:00Z`, allow: SETUP },
    ],
    // nor may they decide on Elena until then (403); nobody else may at all
    "POST /api/candidates/[id]/decisions": [{ url: `/api/candidates/${c}/decisions`, body: {}, allow: [] }],
    // an order naming nobody on the panel (422) and no debrief to end (409): nothing is written
    "POST /api/candidates/[id]/debrief": [
      { url: `/api/candidates/${c}/debrief`, body: { revealMode: "one", revealOrder: ["nobody"] }, allow: SETUP },
    ],
    "POST /api/candidates/[id]/debrief/end": [{ url: `/api/candidates/${c}/debrief/end`, body: {}, allow: SETUP }],
    // an empty check-in: refused (422) only after who asks is checked
    "POST /api/candidates/[id]/check-ins": [
      { url: `/api/candidates/${c}/check-ins`, body: {}, allow: ["admin", "hm"] },
    ],
    "GET /api/roles/[slug]/quality-of-hire.csv": [
      { url: `/api/roles/${s}/quality-of-hire.csv`, allow: ["admin", "rec", "hm", "hm2"] },
    ],
    "POST /api/candidates/[id]/erase": [{ url: `/api/candidates/${c}/erase`, body: {}, allow: SETUP }],
    "POST /api/candidates/[id]/interviews": [{ url: `/api/candidates/${c}/interviews`, body: {}, allow: SETUP }],
    "POST /api/candidates/[id]/standard-loop": [{ url: `/api/candidates/${c}/standard-loop`, body: {}, allow: SETUP }],
    "PUT /api/candidates/[id]/stage": [{ url: `/api/candidates/${c}/stage`, body: {}, allow: SETUP }],
    "POST /api/reminders": [{ url: "/api/reminders", body: {}, allow: SETUP }],
    "PUT /api/openings/[id]/interviewers": [{ url: `/api/openings/${o}/interviewers`, body: {}, allow: SETUP }],
    "PATCH /api/me/settings": [
      { url: "/api/me/settings", body: { timeZone: "Nowhere/At_All", remindersPaused: false }, allow: ALL },
    ],
    "GET /api/me/calendar-feed": [{ url: "/api/me/calendar-feed", allow: ALL }],
    "POST /api/me/calendar-feed": [{ url: "/api/me/calendar-feed", allow: ALL }],
    "DELETE /api/me/calendar-feed": [{ url: "/api/me/calendar-feed", allow: ALL }],
    // chat notices (docs/decisions/073): a private address is refused (422) only after who asks is
    // checked; removing an address that is not set changes nothing
    "PUT /api/me/chat": [{ url: "/api/me/chat", body: { kind: "slack", url: "http://127.0.0.1/x" }, allow: ALL }],
    "DELETE /api/me/chat": [{ url: "/api/me/chat", allow: ALL }],
    "PUT /api/openings/[id]/chat": [
      { url: `/api/openings/${o}/chat`, body: { kind: "teams", url: "http://127.0.0.1/x" }, allow: SETUP },
    ],
    "DELETE /api/openings/[id]/chat": [{ url: `/api/openings/${o}/chat`, allow: SETUP }],
    "POST /api/me/sessions": [{ url: "/api/me/sessions", body: {}, allow: ALL, fresh: true }],
    "PUT /api/interviews/[id]": [{ url: `/api/interviews/${f.spareInterview}`, body: {}, allow: SETUP }],
    "DELETE /api/interviews/[id]": [{ url: `/api/interviews/${f.spareInterview}`, allow: SETUP }],
    "PUT /api/interviews/[id]/scorecard": withBody(own(false, "/scorecard"), { baseVersion: 999_999, values: EMPTY }),
    // an interview still to come answers its owner 409 (not started: docs/decisions/043), an earlier
    // one 409 (stale version): both only after the ownership check, so 409 still means "allowed"
    "POST /api/interviews/[id]/scorecard/submit": withBody(own(false, "/scorecard/submit"), {
      baseVersion: 999_999,
      values: EMPTY,
      submissionKey: "matrix-probe-key",
    }),
    "POST /api/interviews/[id]/scorecard/amend": withBody(own(false, "/scorecard/amend"), {
      baseVersion: 999_999,
      values: EMPTY,
      reason: "matrix probe",
    }),
    "POST /api/roles": [{ url: "/api/roles", body: { role: {} }, allow: ADMIN }],
    "PUT /api/roles/[slug]": [{ url: `/api/roles/${s}`, body: { role: {} }, allow: ADMIN }],
    "POST /api/roles/import": [{ url: "/api/roles/import", body: { file: {} }, allow: ADMIN }],
    "GET /api/roles/export": [{ url: "/api/roles/export", allow: ADMIN }],
    // an upload without a file name: refused (422) only after the admin check
    "POST /api/roles/[slug]/materials": [{ url: `/api/roles/${s}/materials`, body: {}, allow: ADMIN }],
    "GET /api/roles/[slug]/materials/[id]": [{ url: f.materialUrl, allow: ALL }],
    "POST /api/admin/users": [{ url: "/api/admin/users", body: {}, allow: ADMIN }],
    "PATCH /api/admin/users/[id]": [{ url: `/api/admin/users/${f.deactivatedUser}`, body: {}, allow: ADMIN }],
    "POST /api/admin/users/[id]/password": [
      { url: `/api/admin/users/${f.deactivatedUser}/password`, body: { password: "short" }, allow: ADMIN },
    ],
    "GET /api/admin/audit.csv": [{ url: "/api/admin/audit.csv", allow: ADMIN }],
    "POST /api/admin/tokens": [{ url: "/api/admin/tokens", body: {}, allow: ADMIN }],
    "DELETE /api/admin/tokens/[id]": [{ url: `/api/admin/tokens/${f.token}`, allow: ADMIN }],
    "POST /api/admin/scim-tokens": [{ url: "/api/admin/scim-tokens", body: {}, allow: ADMIN }],
    "DELETE /api/admin/scim-tokens/[id]": [{ url: `/api/admin/scim-tokens/${f.scimToken}`, allow: ADMIN }],
    "POST /api/admin/webhooks": [{ url: "/api/admin/webhooks", body: {}, allow: ADMIN }],
    "DELETE /api/admin/webhooks/[id]": [{ url: `/api/admin/webhooks/${f.webhook}`, allow: ADMIN }],
    // after the turn-off above: the test event answers 409 (nothing is sent), then the delete succeeds
    "POST /api/admin/webhooks/[id]/test": [{ url: `/api/admin/webhooks/${f.webhook}/test`, allow: ADMIN }],
    "POST /api/admin/webhooks/[id]/delete": [{ url: `/api/admin/webhooks/${f.webhook}/delete`, allow: ADMIN }],
    // the v1 API, with each persona's own token
    "GET /api/v1/openapi.json": [{ url: "/api/v1/openapi.json", allow: "public" }],
    "GET /api/v1/me": [{ url: "/api/v1/me", allow: ALL }],
    "GET /api/v1/me/outcomes": [{ url: "/api/v1/me/outcomes", allow: ALL }],
    "PUT /api/v1/me/chat": [{ url: "/api/v1/me/chat", body: { kind: "slack", url: "http://[::1]/x" }, allow: ALL }],
    "DELETE /api/v1/me/chat": [{ url: "/api/v1/me/chat", allow: ALL }],
    "PUT /api/v1/openings/[id]/chat": [
      { url: `/api/v1/openings/${o}/chat`, body: { kind: "slack", url: "http://169.254.169.254/x" }, allow: SETUP },
    ],
    "DELETE /api/v1/openings/[id]/chat": [{ url: `/api/v1/openings/${o}/chat`, allow: SETUP }],
    "GET /api/v1/people": [{ url: "/api/v1/people?role=interviewer", allow: SETUP }],
    "GET /api/v1/roles": [{ url: "/api/v1/roles", allow: ALL }],
    "GET /api/v1/roles/[slug]": [{ url: `/api/v1/roles/${s}`, allow: ALL }],
    "GET /api/v1/roles/export": [{ url: "/api/v1/roles/export", allow: ADMIN }],
    "GET /api/v1/roles/[slug]/quality-of-hire": [
      { url: `/api/v1/roles/${s}/quality-of-hire`, allow: ["admin", "rec", "hm", "hm2"] },
    ],
    "GET /api/v1/openings": [{ url: "/api/v1/openings", allow: ["admin", "rec", "hm", "hm2"] }],
    "POST /api/v1/openings": [
      {
        url: "/api/v1/openings",
        body: { title: "Matrix probe", roleSlug: "no-such-role", hiringManagerId: "nobody", recruiterId: "nobody" },
        allow: SETUP,
      },
    ],
    "GET /api/v1/openings/[id]": [{ url: `/api/v1/openings/${o}`, allow: SEES_ELENA }],
    "GET /api/v1/openings/[id]/comparison": [{ url: `/api/v1/openings/${o}/comparison`, allow: SEES_ELENA }],
    "GET /api/v1/openings/[id]/candidates": [{ url: `/api/v1/openings/${o}/candidates`, allow: SEES_ELENA }],
    "POST /api/v1/openings/[id]/candidates": [
      { url: `/api/v1/openings/${o}/candidates`, body: { name: "Elena Petrova", email: f.elenaEmail }, allow: SETUP },
    ],
    // the documented path, rewritten by next.config.js to the route folder (docs/decisions/071)
    "POST /api/v1/openings/[id]/candidates-import": [
      {
        url: `/api/v1/openings/${o}/candidates:import`,
        body: { csv: `Name,E-mail\r\nElena Petrova,${f.elenaEmail}\r\n` },
        allow: SETUP,
      },
    ],
    "GET /api/v1/candidates/[id]": [{ url: `/api/v1/candidates/${c}`, allow: SEES_ELENA }],
    "PATCH /api/v1/candidates/[id]": [{ url: `/api/v1/candidates/${c}`, body: { stage: f.elenaStage }, allow: SETUP }],
    "GET /api/v1/candidates/[id]/summary": [{ url: `/api/v1/candidates/${c}/summary`, allow: SEES_ELENA }],
    // the ATS-shaped scorecards: whoever sees the summary, less anyone who still owes a scorecard
    // on the candidate (the hiring manager interviews Elena later in the demo): the summary
    // answers them without the panel's feedback, the export with 403 (docs/decisions/068)
    "GET /api/v1/candidates/[id]/scorecards": [
      { url: `/api/v1/candidates/${c}/scorecards?format=greenhouse`, allow: SETUP },
    ],
    "GET /api/v1/candidates/[id]/interviews": [{ url: `/api/v1/candidates/${c}/interviews`, allow: SEES_ELENA }],
    "POST /api/v1/candidates/[id]/interviews": [
      {
        url: `/api/v1/candidates/${c}/interviews`,
        body: {
          interviewerId: "nobody",
          exerciseId: null,
          focusDimensionIds: ["x"],
          scheduledAt: "2030-01-01T10:00:00Z",
        },
        allow: SETUP,
      },
    ],
    "GET /api/v1/candidates/[id]/decisions": [{ url: `/api/v1/candidates/${c}/decisions`, allow: SETUP }],
    "POST /api/v1/candidates/[id]/debrief": [
      { url: `/api/v1/candidates/${c}/debrief`, body: { revealMode: "one", revealOrder: ["nobody"] }, allow: SETUP },
    ],
    "POST /api/v1/candidates/[id]/debrief/end": [{ url: `/api/v1/candidates/${c}/debrief/end`, allow: SETUP }],
    "GET /api/v1/calibration/debrief-movement": [
      { url: "/api/v1/calibration/debrief-movement", allow: ["admin", "rec", "hm", "hm2"] },
    ],
    // the hiring manager owes their own scorecard on Elena: refused (403) until they submit
    "POST /api/v1/candidates/[id]/decisions": [
      {
        url: `/api/v1/candidates/${c}/decisions`,
        body: {
          outcome: "hold",
          rationale: "Matrix probe, not a real decision.",
          overrideReason: "",
          previousDecisionId: "stale",
        },
        allow: [],
      },
    ],
    "GET /api/v1/interviews": [{ url: "/api/v1/interviews", allow: ALL }],
    // a check-in of the right shape that fails after authorization: Elena is no hire (409), or
    // rates no dimension (422)
    "POST /api/v1/candidates/[id]/check-ins": [
      {
        url: `/api/v1/candidates/${c}/check-ins`,
        body: { periodDays: 90, ratings: {}, overall: "3", wouldHireAgain: "yes" },
        allow: ["admin", "hm"],
      },
    ],
    "GET /api/v1/interviews/[id]/scorecard": own(true, "/scorecard"),
    "PUT /api/v1/interviews/[id]/scorecard": withBody(own(true, "/scorecard"), { baseVersion: 999_999, values: EMPTY }),
    "POST /api/v1/interviews/[id]/scorecard/submit": withBody(own(true, "/scorecard/submit"), {
      baseVersion: 999_999,
      values: EMPTY,
    }),
    "POST /api/v1/interviews/[id]/scorecard/amend": withBody(own(true, "/scorecard/amend"), {
      baseVersion: 999_999,
      values: EMPTY,
      reason: "matrix probe",
    }),
    "GET /api/v1/interviews/[id]/panel": own(true, "/panel"),
    // SCIM (docs/decisions/072): only a SCIM token opens it, no session and no API token; the
    // SCIM token itself is probed in its own test below. Bodies that fail after the token check.
    ...scimTable(),
  };
}

/** The SCIM routes, allowed to no persona: each answers 401 to a session or an API token. */
function scimTable(): Record<string, Probe[]> {
  const u = `/scim/v2/Users/${f.deactivatedUser}`;
  const g = "/scim/v2/Groups/interviewer";
  return {
    "GET /scim/v2/Users": [{ url: "/scim/v2/Users?filter=userName%20eq%20%22admin%40demo.test%22", allow: [] }],
    "POST /scim/v2/Users": [{ url: "/scim/v2/Users", body: {}, allow: [] }],
    "GET /scim/v2/Users/[id]": [{ url: u, allow: [] }],
    "PUT /scim/v2/Users/[id]": [{ url: u, body: {}, allow: [] }],
    "PATCH /scim/v2/Users/[id]": [{ url: u, body: {}, allow: [] }],
    "DELETE /scim/v2/Users/[id]": [{ url: u, allow: [] }],
    "GET /scim/v2/Groups": [{ url: "/scim/v2/Groups", allow: [] }],
    "POST /scim/v2/Groups": [{ url: "/scim/v2/Groups", body: {}, allow: [] }],
    "GET /scim/v2/Groups/[id]": [{ url: g, allow: [] }],
    "PUT /scim/v2/Groups/[id]": [{ url: g, body: {}, allow: [] }],
    "PATCH /scim/v2/Groups/[id]": [{ url: g, body: {}, allow: [] }],
    "DELETE /scim/v2/Groups/[id]": [{ url: g, allow: [] }],
    "GET /scim/v2/ServiceProviderConfig": [{ url: "/scim/v2/ServiceProviderConfig", allow: [] }],
    "GET /scim/v2/ResourceTypes": [{ url: "/scim/v2/ResourceTypes", allow: [] }],
    "GET /scim/v2/ResourceTypes/[id]": [{ url: "/scim/v2/ResourceTypes/User", allow: [] }],
    "GET /scim/v2/Schemas": [{ url: "/scim/v2/Schemas", allow: [] }],
    "GET /scim/v2/Schemas/[id]": [
      { url: `/scim/v2/Schemas/${encodeURIComponent("urn:ietf:params:scim:schemas:core:2.0:User")}`, allow: [] },
    ],
  };
}

/** allowed | denied, from what the server answered. */
function verdict(status: number, location: string | undefined): "allowed" | "denied" {
  if ([401, 403, 404].includes(status)) return "denied";
  if (status >= 300 && status < 400 && location?.includes("/sign-in")) return "denied";
  if (status >= 500) throw new Error(`server error ${status}`);
  return "allowed";
}

/**
 * How a denial must look (docs/decisions/008): someone without a session is sent to sign in from
 * a page and gets 401 from an API; a signed-in person is told a page does not exist (404: whether
 * it exists is not theirs to learn) and gets 403 or 404 from an API. Null when it looks so.
 */
function denialShape(persona: Persona, key: string, status: number, location: string | undefined) {
  const method = key.split(" ")[0];
  // SCIM knows no person: whoever is not its token is not signed in to it (docs/decisions/072)
  if (key.includes(" /scim/")) return status === 401 ? null : `SCIM answered ${status}, not 401`;
  const signedOut = persona === "anon" || persona === "deactivated";
  if (method === "PAGE") {
    if (signedOut)
      return status >= 300 && status < 400 && location?.includes("/sign-in")
        ? null
        : `a page answered ${status}, not a redirect to sign in`;
    return status === 404 ? null : `a page answered ${status}, not 404`;
  }
  if (signedOut) return status === 401 ? null : `an API answered ${status}, not 401`;
  return status === 403 || status === 404 ? null : `an API answered ${status}, not 403 or 404`;
}

test.beforeAll(async ({ baseURL }) => {
  const base = baseURL!;
  for (const p of Object.keys(EMAIL) as (keyof typeof EMAIL)[]) ctx[p] = await signedIn(base, EMAIL[p]);
  ctx.anon = await pwRequest.newContext({ baseURL: base });
  const admin = ctx.admin!;
  const json = async (r: Promise<import("@playwright/test").APIResponse>) => {
    const res = await r;
    expect(res.ok(), `${res.url()} ${res.status()} ${await res.text()}`).toBe(true);
    return res.json();
  };
  // a person who signs in, then is deactivated: their session must stop working
  const created = await json(
    admin.post("/api/admin/users", {
      data: {
        name: "Dee Activated",
        email: `dee.${Date.now()}@demo.test`,
        roles: ["interviewer", "recruiter", "admin"],
        password: "a-long-passphrase-77",
      },
    }),
  );
  f.deactivatedUser = created.user.id;
  ctx.deactivated = await signedIn(base, created.user.email, "a-long-passphrase-77");
  for (const p of [...ALL, "deactivated"] as Persona[]) {
    const userId = p === "deactivated" ? f.deactivatedUser : (await json(ctx[p]!.get("/api/auth/session"))).user.id;
    tokens[p] = (await json(admin.post("/api/admin/tokens", { data: { userId, name: `matrix ${p}` } }))).token;
  }
  await json(
    admin.patch(`/api/admin/users/${f.deactivatedUser}`, {
      data: { name: "Dee Activated", roles: ["interviewer", "recruiter", "admin"], active: false },
    }),
  );

  const rec = { Authorization: `Bearer ${tokens.rec}` };
  const openings = await json(ctx.rec!.get("/api/v1/openings", { headers: rec }));
  const lead = openings.data.find((x: { title: string }) => x.title.startsWith("Lead AI Platform Engineer"));
  f.opening = lead.id;
  f.slug = lead.role.slug;
  const cands = await json(ctx.rec!.get(`/api/v1/openings/${f.opening}/candidates`, { headers: rec }));
  const elena = cands.data.find((x: { name: string }) => x.name === "Elena Petrova");
  f.elena = elena.id;
  f.elenaEmail = elena.email;
  f.elenaStage = elena.stage;
  const loop = await json(ctx.rec!.get(`/api/v1/candidates/${f.elena}/interviews`, { headers: rec }));
  const byEmail = async (p: Persona) => (await json(ctx[p]!.get("/api/auth/session"))).user.id;
  const before = await byEmail("ivBefore");
  const after = await byEmail("ivAfter");
  f.ivBeforeInterview = loop.data.find(
    (i: { interviewer: { id: string }; scorecardStatus: string }) =>
      i.interviewer.id === before && i.scorecardStatus !== "submitted",
  ).id;
  f.ivAfterInterview = loop.data.find(
    (i: { interviewer: { id: string }; scorecardStatus: string }) =>
      i.interviewer.id === after && i.scorecardStatus === "submitted",
  ).id;
  const tom = cands.data.find((x: { name: string }) => x.name === "Tom Okafor");
  const role = await json(ctx.rec!.get(`/api/v1/roles/${f.slug}`, { headers: rec }));
  const spare = await json(
    ctx.rec!.post(`/api/v1/candidates/${tom.id}/interviews`, {
      headers: rec,
      data: {
        interviewerId: await byEmail("ivOther"),
        exerciseId: null,
        focusDimensionIds: [role.ids.dimensions[0].id],
        scheduledAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      },
    }),
  );
  f.spareInterview = spare.id;
  f.token = (
    await json(admin.post("/api/admin/tokens", { data: { userId: await byEmail("ivOther"), name: "matrix spare" } }))
  ).id;
  // a file material on another role's next version, to probe its download
  const mslug = "head-of-ai-engineering";
  const file = await json(
    admin.post(`/api/roles/${mslug}/materials`, {
      headers: { "Content-Type": "text/plain", "X-File-Name": "matrix.txt" },
      data: "matrix probe file\n",
    }),
  );
  const exported = (await json(admin.get("/api/roles/export"))).roles.find((r: { slug: string }) => r.slug === mslug);
  exported.exercises[0].materials.push({
    kind: "file",
    title: "Matrix probe file",
    fileName: file.fileName,
    sha256: file.sha256,
  });
  await json(admin.put(`/api/roles/${mslug}`, { data: { role: exported, baseVersion: exported.version } }));
  const page = await (await admin.get(`/roles/${mslug}`)).text();
  f.materialUrl = page.match(new RegExp(`/api/roles/${mslug}/materials/[a-z0-9]+`))![0];
  f.feedUrl = new URL((await json(ctx.ivOther!.post("/api/me/calendar-feed"))).url).pathname;
  // a published calibration drill on the first of the role's exercises that has dimensions (docs/decisions/080)
  for (const ex of role.ids.exercises as { id: string }[]) {
    const res = await admin.post("/api/admin/drills", {
      data: {
        exerciseId: ex.id,
        title: "Matrix drill",
        reference: "A described performance.",
        consensusMode: "raters",
      },
    });
    if (res.ok()) {
      f.drill = (await res.json()).id;
      break;
    }
  }
  await json(admin.post(`/api/admin/drills/${f.drill}/status`, { data: { status: "published" } }));
  f.scimToken = (await json(admin.post("/api/admin/scim-tokens", { data: { name: "matrix spare" } }))).id;
  f.webhook = (
    await json(
      admin.post("/api/admin/webhooks", {
        data: { url: "https://hooks.example.com/matrix", events: ["decision.recorded"] },
      }),
    )
  ).id;
});

test.afterAll(async () => {
  for (const c of Object.values(ctx)) await c?.dispose();
});

test("the table covers every page and route handler in app/", () => {
  expect(Object.keys(table()).sort()).toEqual(discover());
});

test("every route answers allow or deny as the table says, for every kind of user", async ({ baseURL }) => {
  // one request per route, probe and persona, in turn: several hundred, longer than one page test
  test.setTimeout(180_000);
  const rows = table();
  const wrong: string[] = [];
  let checks = 0;
  for (const [key, probes] of Object.entries(rows)) {
    const method = key.split(" ")[0];
    // SCIM routes get the persona's API token too: it must not open SCIM
    const isV1 = key.includes(" /api/v1/") || key.includes(" /scim/");
    for (const probe of probes) {
      for (const persona of PERSONAS) {
        // deleting works once: probe denials first, the allowed ones last
        const c = ctx[persona]!;
        const headers: Record<string, string> =
          isV1 && persona !== "anon"
            ? { Authorization: `Bearer ${tokens[persona]}`, "Idempotency-Key": "matrix-probe-key" }
            : {};
        const http = method === "PAGE" ? "GET" : method;
        const res = await c.fetch(probe.url, { method: http, headers, data: probe.body, maxRedirects: 0 });
        const got = verdict(res.status(), res.headers()["location"]);
        const expected = probe.allow === "public" || probe.allow.includes(persona) ? "allowed" : "denied";
        checks++;
        if (got !== expected)
          wrong.push(`${key} ${probe.url} as ${persona}: expected ${expected}, got ${res.status()}`);
        else if (got === "denied") {
          const shape = probe.denial
            ? res.status() === probe.denial
              ? null
              : `answered ${res.status()}, not ${probe.denial}`
            : denialShape(persona, key, res.status(), res.headers()["location"]);
          if (shape) wrong.push(`${key} ${probe.url} as ${persona}: ${shape}`);
        }
        if (probe.fresh && got === "allowed" && persona in EMAIL) {
          const after = await c.get("/settings", { maxRedirects: 0 });
          if (verdict(after.status(), after.headers()["location"]) !== "denied")
            wrong.push(`${key} as ${persona}: the session outlived it`);
          await c.dispose();
          ctx[persona] = await signedIn(baseURL!, EMAIL[persona as keyof typeof EMAIL]);
        }
      }
    }
  }
  console.log(`authorization matrix: ${Object.keys(rows).length} routes, ${checks} route × user checks`);
  expect(wrong).toEqual([]);
});

test("SCIM routes: the SCIM token opens every one, from any Origin (a bearer token, not a form post)", async () => {
  const { token } = await (await ctx.admin!.post("/api/admin/scim-tokens", { data: { name: "matrix SCIM" } })).json();
  const wrong: string[] = [];
  for (const [key, [probe]] of Object.entries(scimTable())) {
    const res = await ctx.anon!.fetch(probe.url, {
      method: key.split(" ")[0],
      data: probe.body,
      headers: {
        Authorization: `Bearer ${token}`,
        Origin: "https://idp.example",
        "Content-Type": "application/scim+json",
      },
      maxRedirects: 0,
    });
    if (verdict(res.status(), undefined) !== "allowed") wrong.push(`${key}: ${res.status()}`);
    else if (!res.headers()["content-type"]?.startsWith("application/scim+json") && res.status() !== 204)
      wrong.push(`${key}: answered ${res.headers()["content-type"]}`);
  }
  expect(wrong).toEqual([]);
  const none = await ctx.anon!.get("/scim/v2/Users", { maxRedirects: 0 });
  expect(none.status()).toBe(401);
  expect(none.headers()["www-authenticate"]).toMatch(/^Bearer/);
});

test("independent first: the panel stays locked before the interviewer submits, opens after", async () => {
  const locked = await (
    await ctx.ivBefore!.get(`/api/v1/interviews/${f.ivBeforeInterview}/panel`, {
      headers: { Authorization: `Bearer ${tokens.ivBefore}` },
    })
  ).json();
  expect(locked).toEqual({ unlocked: false, scorecards: [] });
  const open = await (
    await ctx.ivAfter!.get(`/api/v1/interviews/${f.ivAfterInterview}/panel`, {
      headers: { Authorization: `Bearer ${tokens.ivAfter}` },
    })
  ).json();
  expect(open.unlocked).toBe(true);
});

test("state changes from another site are refused, whatever the route", async () => {
  const admin = ctx.admin!;
  const writes = Object.entries(table()).filter(([k]) => /^(POST|PUT|PATCH|DELETE) \/api\/(?!v1\/|auth\/)/.test(k));
  expect(writes.length).toBeGreaterThanOrEqual(24);
  for (const [key, [probe]] of writes) {
    const res = await admin.fetch(probe.url, {
      method: key.split(" ")[0],
      data: probe.body ?? {},
      headers: { Origin: "https://evil.example" },
      maxRedirects: 0,
    });
    expect(res.status(), key).toBe(403);
    expect((await res.json()).error.message).toMatch(/Cross-site/);
  }
  // next-auth's own CSRF check: a sign-in post without its token starts no session
  const c = await pwRequest.newContext({ baseURL: test.info().project.use.baseURL });
  await c.post("/api/auth/callback/credentials", {
    form: { email: "admin@demo.test", password: DEMO_PASSWORD, json: "true" },
  });
  expect(await (await c.get("/api/auth/session")).json()).toEqual({});
  await c.dispose();
});

test("pages and responses carry the security headers; the session cookie is HttpOnly and SameSite", async ({
  baseURL,
}) => {
  const res = await ctx.admin!.get("/openings");
  const h = res.headers();
  expect(h["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["content-security-policy"]).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("same-origin");
  expect(h["x-powered-by"]).toBeUndefined();
  const api = (await ctx.admin!.get("/api/ping")).headers();
  expect(api["x-content-type-options"]).toBe("nosniff");
  const state = await ctx.admin!.storageState();
  const cookie = state.cookies.find((c) => c.name.includes("next-auth.session-token"))!;
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  void baseURL;
});

test("errors never show stack traces or internals", async () => {
  const res = await ctx.rec!.post(`/api/openings`, {
    data: "{ not json",
    headers: { "Content-Type": "application/json" },
  });
  const text = await res.text();
  expect(res.status()).toBe(400);
  expect(text).not.toMatch(/\n\s+at |node_modules|prisma|Error:/i);
});
