// Hostile input. Every write behind the app's forms and every /api/v1 endpoint gets
// random and malicious payloads (fast-check): wrong types, huge and odd strings, markup, SQL,
// formulas, unicode edge cases, prototype-pollution keys. Each must be refused with a clear 4xx
// and leave the database exactly as it was (compared row by row), and nothing may be polluted.
// The requests themselves too (docs/decisions/018): foreign and broken Origins, forwarded
// headers, bodies not declared JSON, unstorable text, prototype keys and oversized streamed
// bodies, through every write route of the app's own (signed in as an admin) and of /api/v1.
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { operations } from "@/lib/api/operations";
import type { Operation } from "@/lib/api/v1";
import { createApiToken } from "@/lib/data/api-tokens";
import { recordDecision } from "@/lib/data/decisions";
import { startDebrief } from "@/lib/data/debriefs";
import { submitCheckIn } from "@/lib/data/check-ins";
import { addInterview, updateInterview } from "@/lib/data/loops";
import { createStandardLoop } from "@/lib/data/standard-loop";
import { addCandidate, createOpening, setCandidateStage, updateOpening } from "@/lib/data/openings";
import { eraseCandidate } from "@/lib/data/privacy";
import { setMyChat, setOpeningChat } from "@/lib/data/chat-settings";
import { updateMySettings } from "@/lib/data/my-settings";
import { importRolesFile, saveRoleFromEditor } from "@/lib/data/role-editor";
import { amendScorecard, saveDraft, submitScorecard } from "@/lib/data/scorecards";
import { createUserAccount, resetUserPassword, updateUserAccount } from "@/lib/data/user-admin";
import { createWebhook } from "@/lib/data/webhooks";
import { createDrill, setDrillStatus, submitDrillAttempt, updateDrill } from "@/lib/data/drills";
import { db } from "@/lib/db";
import { AppError, ValidationError } from "@/lib/errors";
import { IMPORT_BODY_BYTES } from "@/lib/domain/candidate-import-fields";
import { AUTH_MAX_BODY_BYTES, MAX_BODY_BYTES } from "@/lib/http";
import { createUser } from "@/seed/factories";
import { api } from "../support/api-client";
import { dumpDatabase } from "../support/db-dump";
import {
  anyHostile,
  countingBody,
  foreignForwarded,
  hostileOrigin,
  hostileString,
  invalidPayload,
  NON_JSON_CONTENT_TYPES,
  oversizedBody,
} from "../support/hostile";
import { target } from "../setup/databases";
import { createPanel } from "../support/panel";

// the signed-in user of the app's own routes, as lib/auth would find them from the session cookie
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth", async (importOriginal) => {
  const { findActiveUser } = await import("@/lib/data/sign-in");
  const { UnauthenticatedError } = await import("@/lib/errors");
  const current = async () => (session.userId ? await findActiveUser(session.userId) : null);
  return {
    ...(await importOriginal<object>()),
    getCurrentUser: current,
    userOrThrow: async () => (await current()) ?? Promise.reject(new UnauthenticatedError()),
  };
});

// Cases per property: 30 on each database, from a different seed on each, so the two runs together
// try 60 distinct cases; what is refused does not depend on the database, and that nothing was
// stored is checked on both (docs/decisions/066)
const RUNS = 30;
const SEED = target().kind === "sqlite" ? 20261123 : 20261203;
let p: Awaited<ReturnType<typeof createPanel>>;
let admin: { id: string; roles: ["admin"] };
let openingId = "";
const tokens: Record<string, string> = {};
const ran: Record<string, number> = {};
// calibration drills (docs/decisions/080): a draft to edit and a published one to rate
const drill = { draft: "", published: "" };

beforeAll(async () => {
  p = await createPanel(db);
  const a = await createUser(db, { email: "fuzz-admin@test.local", name: "Fuzz Admin", roles: ["admin", "recruiter"] });
  admin = { id: a.id, roles: ["admin"] };
  openingId = (await db.candidate.findUniqueOrThrow({ where: { id: p.candidates.cand1.id } })).openingId;
  await submitScorecard(p.users.a.id, p.interviews.a.id, {
    baseVersion: 0,
    values: p.completeValues(0, "4"),
    submissionKey: randomUUID(),
  });
  for (const [k, id] of [
    ["admin", a.id],
    ["recruiter", p.users.recruiter.id],
    ["manager", p.users.manager.id],
    ["a", p.users.a.id],
    ["b", p.users.b.id],
  ] as const) {
    tokens[k] = (await createApiToken(admin, { userId: id, name: `fuzz ${k}` })).token;
  }
  const exerciseId = (
    await db.exercise.findFirstOrThrow({
      where: { versionId: p.version.id, dimensions: { some: {} } },
      select: { id: true },
    })
  ).id;
  const make = () =>
    createDrill(admin, { exerciseId, title: "Fuzz drill", reference: "Text.", consensusMode: "raters" });
  drill.draft = (await make()).id;
  drill.published = (await make()).id;
  await setDrillStatus(admin, drill.published, { status: "published" });
});

/** Runs the property: every attempt is refused with a 4xx, and nothing got polluted. */
async function refuses<T>(name: string, arb: fc.Arbitrary<T>, attempt: (input: T) => Promise<number>) {
  await fc.assert(
    fc.asyncProperty(arb, async (input) => {
      const status = await attempt(input);
      expect(status, `${name}: ${JSON.stringify(input).slice(0, 300)}`).toBeGreaterThanOrEqual(400);
      expect(status, name).toBeLessThan(500);
    }),
    { numRuns: RUNS, seed: SEED },
  );
  ran[name] = RUNS;
  expect(({} as Record<string, unknown>).polluted, "Object.prototype polluted").toBeUndefined();
}

/**
 * Runs `work` and checks that the database did not change at all. One comparison around each
 * test's properties, not one around each: dumping the database twice per property was most of
 * this file's time, and a failure still names the test (docs/decisions/070).
 */
async function storesNothing(name: string, work: () => Promise<void>, normalize = (d: Record<string, string[]>) => d) {
  const before = normalize(await dumpDatabase(process.env.DATABASE_URL!));
  await work();
  const after = normalize(await dumpDatabase(process.env.DATABASE_URL!));
  for (const table of Object.keys(before)) expect(after[table], `${name} changed ${table}`).toEqual(before[table]);
}

/** The status a data function's refusal maps to (what the route handler would answer). */
async function statusOf(work: () => Promise<unknown>): Promise<number> {
  try {
    await work();
    return 200;
  } catch (e) {
    if (e instanceof AppError) return e.status;
    throw e;
  }
}

describe("the writes behind the app's forms refuse hostile input and store nothing", () => {
  const recruiter = () => ({ id: p.users.recruiter.id, roles: ["recruiter"] as const });
  it("openings, candidates, stages, loops", async () => {
    await storesNothing("openings, candidates, stages, loops", async () => {
      await refuses("createOpening", invalidPayload(["title", "roleSlug", "hiringManagerId", "recruiterId"]), (v) =>
        statusOf(() => createOpening(recruiter(), v)),
      );
      await refuses("updateOpening", invalidPayload(["title", "hiringManagerId", "recruiterId", "status"]), (v) =>
        statusOf(() => updateOpening(recruiter(), openingId, v)),
      );
      await refuses("addCandidate", invalidPayload(["name", "email", "source", "notes"], ["name", "email"]), (v) =>
        statusOf(() => addCandidate(recruiter(), openingId, v)),
      );
      await refuses("setCandidateStage", invalidPayload(["stage"]), (v) =>
        statusOf(() => setCandidateStage(recruiter(), p.candidates.cand1.id, v)),
      );
      const interview = ["interviewerId", "exerciseId", "focusDimensionIds", "scheduledAt", "durationMinutes"];
      await refuses("addInterview", invalidPayload(interview, ["interviewerId", "scheduledAt"]), (v) =>
        statusOf(() => addInterview(recruiter(), p.candidates.cand1.id, v)),
      );
      await refuses("updateInterview", invalidPayload(interview, ["interviewerId", "scheduledAt"]), (v) =>
        statusOf(() => updateInterview(recruiter(), p.interviews.b.id, v)),
      );
      await refuses("createStandardLoop", invalidPayload(["startAt", "interviewerIds"], ["startAt"]), (v) =>
        statusOf(() => createStandardLoop(recruiter(), p.candidates.cand2.id, v)),
      );
    });
  });

  it("scorecards: drafts, submissions, amendments", async () => {
    await storesNothing("scorecards: drafts, submissions, amendments", async () => {
      const values = fc.oneof(anyHostile, invalidPayload(["ratings", "redFlags", "keyTakeaways", "recommendation"]));
      await refuses("saveDraft", values, (v) =>
        statusOf(() => saveDraft(p.users.b.id, p.interviews.b.id, { baseVersion: 0, values: v })),
      );
      await refuses("submitScorecard", values, (v) =>
        statusOf(() =>
          submitScorecard(p.users.b.id, p.interviews.b.id, { baseVersion: 0, values: v, submissionKey: randomUUID() }),
        ),
      );
      await refuses("amendScorecard", fc.record({ values, reason: anyHostile }), (v) =>
        statusOf(() =>
          amendScorecard(p.users.a.id, p.interviews.a.id, { baseVersion: 1, values: v.values, reason: v.reason }),
        ),
      );
      // hostile texts in an otherwise valid scorecard are refused only for being too long; short ones are kept as text (see e2e for rendering)
      const ratings = fc.dictionary(
        hostileString,
        fc.record({ score: fc.constantFrom("1", "9", "na"), evidence: hostileString }),
        { minKeys: 1, maxKeys: 3 },
      );
      await refuses("saveDraft (foreign dimension ids)", ratings, (r) =>
        statusOf(() =>
          saveDraft(p.users.b.id, p.interviews.b.id, {
            baseVersion: 0,
            values: { ratings: r, redFlags: {}, keyTakeaways: "", recommendation: "" },
          }),
        ),
      );
    });
  });

  it("decisions, erasure, role templates, accounts, tokens, webhooks", async () => {
    await storesNothing("decisions, erasure, role templates, accounts, tokens, webhooks", async () => {
      const manager = { id: p.users.manager.id, roles: ["hiring-manager"] as const };
      await refuses(
        "recordDecision",
        invalidPayload(["outcome", "rationale", "overrideReason", "previousDecisionId"], ["outcome", "rationale"]),
        (v) => statusOf(() => recordDecision(manager, p.candidates.cand1.id, v)),
      );
      // debriefs (docs/decisions/078-debrief-mode.md)
      await refuses(
        "startDebrief",
        invalidPayload(["revealMode", "revealOrder", "seniorIds"], ["revealMode", "revealOrder"]),
        (v) => statusOf(() => startDebrief(manager, p.candidates.cand1.id, v)),
      );
      // a quality-of-hire check-in (docs/decisions/079-quality-of-hire.md)
      await refuses(
        "submitCheckIn",
        fc.oneof(anyHostile, invalidPayload(["periodDays", "ratings", "overall", "wouldHireAgain"])),
        (v) => statusOf(() => submitCheckIn(manager, p.candidates.cand1.id, v)),
      );
      await refuses("eraseCandidate", invalidPayload(["reason", "confirm"]), (v) =>
        statusOf(() => eraseCandidate(recruiter(), p.candidates.cand2.id, v)),
      );
      await refuses(
        "saveRoleFromEditor",
        fc.oneof(anyHostile, invalidPayload(["slug", "title", "dimensions", "exercises", "redFlags", "thresholds"])),
        (v) => statusOf(() => saveRoleFromEditor(admin, v, { mode: "create" })),
      );
      await refuses("importRolesFile", fc.oneof(anyHostile, invalidPayload(["roles"])), (v) =>
        statusOf(async () => {
          // the route answers 422 when the file is refused (app/api/roles/import)
          if (!(await importRolesFile(admin, v, { apply: true })).ok) throw new ValidationError("refused");
        }),
      );
      await refuses(
        "createUserAccount",
        invalidPayload(["name", "email", "roles", "password"], ["name", "email", "roles"]),
        (v) => statusOf(() => createUserAccount(admin, v)),
      );
      await refuses("updateUserAccount", invalidPayload(["name", "roles", "active"]), (v) =>
        statusOf(() => updateUserAccount(admin, p.users.c.id, v)),
      );
      await refuses("resetUserPassword", invalidPayload(["password"]), (v) =>
        statusOf(() => resetUserPassword(admin, p.users.c.id, v)),
      );
      await refuses("createApiToken", invalidPayload(["userId", "name", "expiresInDays"], ["userId", "name"]), (v) =>
        statusOf(() => createApiToken(admin, v)),
      );
      await refuses("createWebhook", invalidPayload(["url", "events"]), (v) =>
        statusOf(() => createWebhook(admin, v, [])),
      );
      await refuses("updateMySettings", invalidPayload(["timeZone", "remindersPaused"]), (v) =>
        statusOf(() => updateMySettings({ id: p.users.c.id }, v)),
      );
      // chat notices (docs/decisions/073-chat-notices.md)
      const chatPayload = invalidPayload(["kind", "url"]);
      await refuses("setMyChat", chatPayload, (v) => statusOf(() => setMyChat({ id: p.users.c.id }, v)));
      await refuses("setOpeningChat", chatPayload, (v) => statusOf(() => setOpeningChat(recruiter(), openingId, v)));
      // calibration drills (docs/decisions/080-calibration-drills.md)
      const drillPayload = invalidPayload(
        ["exerciseId", "title", "reference", "consensusMode", "consensus"],
        ["exerciseId", "title", "reference", "consensusMode"],
      );
      await refuses("createDrill", drillPayload, (v) => statusOf(() => createDrill(admin, v)));
      await refuses("updateDrill", drillPayload, (v) => statusOf(() => updateDrill(admin, drill.draft, v)));
      await refuses("setDrillStatus", invalidPayload(["status"]), (v) =>
        statusOf(() => setDrillStatus(admin, drill.draft, v)),
      );
      const rater = { id: p.users.c.id, roles: ["interviewer"] as const };
      await refuses("submitDrillAttempt", fc.oneof(anyHostile, invalidPayload(["ratings"])), (v) =>
        statusOf(() => submitDrillAttempt(rater, drill.published, v)),
      );
    });
  });
});

// Requests made with a token are recorded (the api.write audit entry, the rate-limit counter, the
// token's last use); everything else must stay exactly as it was.
function withoutBookkeeping(d: Record<string, string[]>) {
  const out = { ...d };
  delete out.RateLimit;
  out.AuditLog = (d.AuditLog ?? []).filter((l) => !l.includes('"action":"api.write"'));
  out.ApiToken = (d.ApiToken ?? []).map((l) => JSON.stringify({ ...JSON.parse(l), lastUsedAt: null }));
  return out;
}

describe("every /api/v1 endpoint refuses hostile input with a documented 4xx and stores nothing", () => {
  const fill = (path: string) =>
    path
      .replace("/openings/{id}", `/openings/${openingId}`)
      .replace("/candidates/{id}", `/candidates/${p.candidates.cand1.id}`)
      .replace("/interviews/{id}", `/interviews/${p.interviews.b.id}`)
      .replace("{slug}", "lead-ai-platform-engineer")
      .replace("/drills/{id}", `/drills/${drill.published}`);
  const tokenFor = (name: string) =>
    /Scorecard|Draft|Panel|Drill/.test(name) ? tokens.b : name === "recordDecision" ? tokens.manager : tokens.admin;

  it("bodies: hostile JSON values, unknown and pollution keys, broken JSON text", async () => {
    await storesNothing(
      "bodies: hostile JSON values, unknown and pollution keys, broken JSON text",
      async () => {
        for (const [name, op] of Object.entries(operations) as [string, Operation][]) {
          if (!op.body) continue;
          const body = fc.oneof(
            {
              weight: 4,
              arbitrary: invalidPayload(
                [
                  "title",
                  "name",
                  "email",
                  "stage",
                  "baseVersion",
                  "values",
                  "reason",
                  "outcome",
                  "rationale",
                  "interviewerId",
                  "__proto__",
                ],
                ["__proto__"],
              ),
            },
            { weight: 2, arbitrary: anyHostile.map((v) => JSON.stringify(v)) },
            {
              weight: 2,
              arbitrary: fc.constantFrom(
                "{",
                "[1,2",
                '{"a":}',
                "\u0000",
                "",
                "null",
                "[".repeat(5000) + "]".repeat(5000),
                `{"values":${"[".repeat(3000)}${"]".repeat(3000)}}`,
              ),
            },
          );
          await refuses(
            `v1 ${name}`,
            body,
            async (b) =>
              (
                await api(op.method, `/api/v1${fill(op.path)}`, {
                  token: tokenFor(name),
                  headers: { "Idempotency-Key": randomUUID() },
                  ...(typeof b === "string" ? { raw: b } : { body: b }),
                })
              ).status,
          );
        }
      },
      withoutBookkeeping,
    );
  });

  it("query strings: limits, cursors, flags and versions", async () => {
    await storesNothing(
      "query strings: limits, cursors, flags and versions",
      async () => {
        for (const [name, op] of Object.entries(operations) as [string, Operation][]) {
          if (op.method !== "GET" || !op.query) continue;
          const q = fc.record({
            key: fc.constantFrom("limit", "cursor", "blind", "role", "version", "interviewerId", "format"),
            value: fc.oneof(
              fc.constantFrom("-1", "0", "1e9", "NaN", "abc", "!!!", "%00", "1;DROP"),
              fc.string({ maxLength: 30 }),
            ),
          });
          const arb = q.filter(({ key, value }) => {
            // keep only values that are invalid for that parameter
            const shape = (op.query as { shape?: Record<string, { safeParse: (v: unknown) => { success: boolean } }> })
              .shape;
            return !!shape?.[key] && !shape[key].safeParse(value).success;
          });
          await refuses(
            `v1 ${name} query`,
            arb,
            async ({ key, value }) =>
              (await api("GET", `/api/v1${fill(op.path)}?${key}=${encodeURIComponent(value)}`, { token: tokens.admin }))
                .status,
          );
        }
      },
      withoutBookkeeping,
    );
  });

  it("requests: hostile Origins are served like any other (a token is not sent by a browser on its own), other content types are 415", async () => {
    const withBody = (Object.entries(operations) as [string, Operation][]).filter(([, op]) => op.body);
    // a token of its own for each endpoint, made before the comparison: the earlier cases used up
    // the shared ones' rate limit
    const own: Record<string, string> = {};
    for (const [name] of withBody) {
      const userId = /Scorecard|Draft|Panel/.test(name)
        ? p.users.b.id
        : name === "recordDecision"
          ? p.users.manager.id
          : admin.id;
      own[name] = (await createApiToken(admin, { userId, name: `fuzz content type ${name}` })).token;
    }
    await storesNothing(
      "requests: hostile Origins, other content types",
      async () => {
        for (const [name, op] of withBody) {
          const url = `/api/v1${fill(op.path)}`;
          await refuses(
            `request v1 ${name}`,
            fc.record({ origin: hostileOrigin, type: fc.constantFrom(...NON_JSON_CONTENT_TYPES) }),
            async ({ origin, type }) => {
              const res = await api(op.method, url, {
                token: own[name],
                headers: { origin, "content-type": type, "Idempotency-Key": randomUUID() },
                raw: "{}",
              });
              expect(res.status, `${name} ${type}`).toBe(415);
              return res.status;
            },
          );
        }
      },
      withoutBookkeeping,
    );
  });

  it("ran every case it was meant to", () => {
    const total = Object.values(ran).reduce((a, b) => a + b, 0);
    console.log(`hostile input: ${Object.keys(ran).length} endpoints and writes × ${RUNS} cases = ${total} cases`);
    expect(Object.keys(ran).filter((k) => k.startsWith("v1 ") && !k.endsWith(" query")).length).toBe(
      Object.values(operations).filter((o) => (o as Operation).body).length,
    );
  });
});

// Every write route of the app's own API (app/api, not /api/v1 and not next-auth's), with the
// method's handler and whether it reads a JSON body.
type AppRoute = {
  url: string;
  method: string;
  json: boolean;
  /** the body limit the route reads up to: the import's file is larger (docs/decisions/071) */
  limit: number;
  handler: (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
};
async function appWriteRoutes(): Promise<AppRoute[]> {
  const root = path.resolve(import.meta.dirname, "../../app/api");
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir)) {
      const full = path.join(dir, e);
      if (statSync(full).isDirectory()) {
        if (!(dir === root && (e === "v1" || e === "auth"))) walk(full);
      } else if (e === "route.ts") files.push(full);
    }
  };
  walk(root);
  const out: AppRoute[] = [];
  for (const file of files.sort()) {
    const source = readFileSync(file, "utf8");
    const mod = (await import(file)) as Record<string, AppRoute["handler"]>;
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      if (!mod[method]) continue;
      const start = source.indexOf(`export async function ${method}`);
      const next = source.indexOf("export ", start + 1);
      const body = source.slice(start, next === -1 ? undefined : next);
      const url = `/api/${path
        .relative(root, path.dirname(file))
        .split(path.sep)
        .map((s) => (s.startsWith("[") ? "x" : s))
        .join("/")}`;
      out.push({
        url,
        method,
        json: body.includes("readJson"),
        limit: body.includes("IMPORT_BODY_BYTES") ? IMPORT_BODY_BYTES : MAX_BODY_BYTES,
        handler: mod[method],
      });
    }
  }
  return out;
}

describe("every write route of the app refuses hostile requests and stores nothing", () => {
  let routes: AppRoute[] = [];
  const SITE = "http://127.0.0.1:3000";
  beforeAll(async () => {
    routes = await appWriteRoutes();
    session.userId = admin.id;
  });
  const call = (r: AppRoute, headers: Record<string, string>, body?: BodyInit) =>
    r.handler(
      new Request(`${SITE}${r.url}`, {
        method: r.method,
        headers: { host: "127.0.0.1:3000", ...headers },
        body,
        duplex: "half",
      } as RequestInit),
      { params: Promise.resolve({ id: "x", slug: "x" }) },
    );

  it("foreign and broken Origins, also dressed up with X-Forwarded-* headers: 403, never a 500", async () => {
    expect(routes.length).toBeGreaterThan(20);
    await storesNothing("write routes, hostile Origins", async () => {
      for (const r of routes) {
        await refuses(
          `request ${r.method} ${r.url} origin`,
          fc.oneof(
            hostileOrigin.map((origin) => ({ origin })),
            foreignForwarded,
          ),
          async (headers) => {
            const res = await call(r, { "content-type": "application/json", ...headers }, "{}");
            expect(res.status, `${r.method} ${r.url} ${JSON.stringify(headers)}`).toBe(403);
            return res.status;
          },
        );
      }
    });
  });

  it("JSON writes whose body is declared as something else: 415", async () => {
    await storesNothing("write routes, other content types", async () => {
      for (const r of routes.filter((r) => r.json)) {
        await refuses(
          `request ${r.method} ${r.url} content type`,
          fc.constantFrom(...NON_JSON_CONTENT_TYPES),
          async (type) => {
            const res = await call(r, { origin: SITE, ...(type ? { "content-type": type } : {}) }, "{}");
            expect(res.status, `${r.method} ${r.url} ${type}`).toBe(415);
            return res.status;
          },
        );
      }
    });
  });

  it("bodies with a NUL, a lone surrogate or a prototype key anywhere: 422 naming the path", async () => {
    const bad = fc
      .record({
        at: fc.constantFrom("title", "values", "name", "reason", "file"),
        // JSON escapes, as a client would send them
        key: fc.constantFrom("ok", "__proto__", "constructor", "prototype", "a\\u0000b", "\\ud800"),
        value: fc.constantFrom("\\u0000", "\\ud800", "x\\udfff", "fine", "a\\u0000"),
      })
      .filter(({ key, value }) => key !== "ok" || value !== "fine");
    await storesNothing("write routes, unstorable text", async () => {
      for (const r of routes.filter((r) => r.json)) {
        await refuses(`request ${r.method} ${r.url} unstorable`, bad, async ({ at, key, value }) => {
          const res = await call(
            r,
            { origin: SITE, "content-type": "application/json" },
            `{"${at}":{"${key}":"${value}"}}`,
          );
          expect(res.status, `${r.method} ${r.url} ${at}.${key}=${value}`).toBe(422);
          expect(Object.keys((await res.json()).error.fields ?? {})[0]).toMatch(new RegExp(`^${at}\\.`));
          return res.status;
        });
      }
    });
  });

  it("oversized streamed bodies: 413, read no further than the limit (next-auth's too)", async () => {
    for (const r of routes.filter((r) => r.json)) {
      await fc.assert(
        fc.asyncProperty(oversizedBody(r.limit), async ({ total, chunk, declared }) => {
          const { stream, seen } = countingBody(total, chunk);
          const res = await call(
            r,
            {
              origin: SITE,
              "content-type": "application/json",
              ...(declared ? { "content-length": String(total) } : {}),
            },
            stream,
          );
          expect(res.status, `${r.method} ${r.url} ${total}`).toBe(413);
          expect(seen.pulled).toBeLessThanOrEqual(r.limit + 2 * chunk);
        }),
        { numRuns: 6, seed: 20261201 },
      );
    }
    const { POST } = await import("@/app/api/auth/[...nextauth]/route");
    for (const action of [["callback", "credentials"], ["signin", "credentials"], ["signout"], ["session"]]) {
      const { stream, seen, chunk } = countingBody(64 * 1024 * 1024);
      const req = new NextRequest(`${SITE}/api/auth/${action.join("/")}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: stream,
        duplex: "half",
      } as ConstructorParameters<typeof NextRequest>[1]);
      const res = await POST(req, { params: Promise.resolve({ nextauth: action }) });
      expect(res.status, action.join("/")).toBe(413);
      expect(seen.pulled).toBeLessThanOrEqual(AUTH_MAX_BODY_BYTES + 2 * chunk);
    }
  });
});
