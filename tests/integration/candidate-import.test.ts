// The candidate import on a real database (docs/decisions/071-candidate-import.md): the data
// layer's dry run and commit, the API route handler with JSON and text/csv bodies, hostile input,
// all or nothing, two imports of the same e-mails at once, and 10,000 rows (timing printed). Test
// files are written with csv-stringify, a different library from the app's parser.
import { stringify } from "csv-stringify/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/data/api-tokens";
import { importCandidates } from "@/lib/data/candidate-import";
import { addInterview } from "@/lib/data/loops";
import { addCandidate } from "@/lib/data/openings";
import { db } from "@/lib/db";
import { UNSTORABLE_MESSAGE } from "@/lib/domain/request-boundary";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { createUser } from "@/seed/factories";
import { api } from "../support/api-client";
import { createPanel } from "../support/panel";
import { runScript } from "../support/cli";
import { fulfilled, race, rejected } from "../support/race";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

let p: Awaited<ReturnType<typeof createPanel>>;
let openingId = "";
let exerciseTitle = "";
let exerciseDims: string[] = [];
let token = "";
let managerToken = "";
const recruiter = () => ({ id: p.users.recruiter.id, roles: ["recruiter" as const] });
const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const HEADER = ["Name", "E-mail", "Source", "Notes", "Interviewer", "Exercise", "Date", "Length"];
const csvOf = (rows: (string | number)[][], opts: { delimiter?: string; bom?: boolean; crlf?: boolean } = {}) =>
  stringify([HEADER, ...rows], {
    delimiter: opts.delimiter ?? ",",
    bom: opts.bom ?? false,
    record_delimiter: opts.crlf ? "windows" : "unix",
  });
const person = (i: number, extra: (string | number)[] = []) => [
  `Person ${i}`,
  `person${i}@example.com`,
  "Referral",
  "",
  ...extra,
];
const candidatesOf = (emails: string[]) => db.candidate.count({ where: { openingId, email: { in: emails } } });

beforeAll(async () => {
  p = await createPanel(db);
  openingId = (await db.candidate.findUniqueOrThrow({ where: { id: p.candidates.cand1.id } })).openingId;
  const ex = await db.exercise.findFirstOrThrow({
    where: { versionId: p.version.id },
    orderBy: { position: "asc" },
    select: { title: true, dimensions: { select: { dimensionId: true } } },
  });
  exerciseTitle = ex.title;
  exerciseDims = ex.dimensions.map((d) => d.dimensionId).sort();
  const admin = await createUser(db, { email: "import-admin@test.local", name: "Import Admin", roles: ["admin"] });
  const viewer = { id: admin.id, roles: ["admin"] as const };
  token = (await createApiToken(viewer, { userId: p.users.recruiter.id, name: "Import" })).token;
  managerToken = (await createApiToken(viewer, { userId: p.users.manager.id, name: "Manager" })).token;
});

describe("candidate import: data layer", () => {
  it("a dry run names every row's problems and writes nothing", async () => {
    await createUser(db, { email: "gone@test.local", name: "Gone", roles: ["interviewer"], active: false });
    const csv = csvOf([
      person(1, ["interviewer-a@test.local", exerciseTitle, future(3), 60]),
      ["Bad Mail", "not-an-email", "", ""],
      ["Existing", "ONE@example.com", "", ""], // candidate one of the panel, in another letter case
      person(1),
      person(2, ["nobody@test.local", "", future(3), ""]),
      person(3, ["gone@test.local", "", future(3), ""]),
      person(4, ["interviewer-b@test.local", "No such exercise", future(3), ""]),
      person(5, ["interviewer-b@test.local", "", "2020-01-01 10:00", ""]),
      person(6, ["interviewer-b@test.local", "", future(3), 5]),
      person(7, ["interviewer-b@test.local", "", "next tuesday", ""]),
    ]);
    const before = await db.candidate.count();
    const r = await importCandidates(recruiter(), openingId, { csv, dryRun: true });
    expect(await db.candidate.count()).toBe(before);
    expect(r.mapping).toMatchObject({
      name: "Name",
      email: "E-mail",
      interviewerEmail: "Interviewer",
      scheduledAt: "Date",
    });
    const by = Object.fromEntries(r.rows.map((row) => [row.line, row.problems.map((x) => `${x.field}: ${x.message}`)]));
    expect(by[2]).toEqual([]);
    expect(by[3]).toEqual(["email: Enter a valid e-mail address"]);
    expect(by[4]).toEqual(["email: Already a candidate in this opening"]);
    expect(by[5]).toEqual(["email: The same e-mail as line 2 of this file"]);
    expect(by[6]).toEqual(["interviewerEmail: No active interviewer has the e-mail nobody@test.local"]);
    expect(by[7]).toEqual(["interviewerEmail: No active interviewer has the e-mail gone@test.local"]);
    expect(by[8]).toEqual(["exercise: This role has no exercise called “No such exercise”"]);
    expect(by[9]).toEqual(["scheduledAt: This date is in the past"]);
    expect(by[10]).toEqual(["durationMinutes: At least 15 minutes"]);
    expect(by[11][0]).toMatch(/^scheduledAt: Write the date and time as/);
    expect(r.counts).toEqual({ rows: 10, ready: 1, withProblems: 9, interviews: 1 });
  });

  it("a commit with any problem writes nothing and names each problem by line and field", async () => {
    const csv = csvOf([person(20), ["Bad", "bad", "", ""]]);
    const before = await db.auditLog.count();
    const error = await importCandidates(recruiter(), openingId, { csv, dryRun: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({ "rows.3.email": ["Enter a valid e-mail address"] });
    expect(await candidatesOf(["person20@example.com"])).toBe(0);
    expect(await db.auditLog.count()).toBe(before);
  });

  it("a clean commit writes candidates and their interviews as the loop builder plans them, audited", async () => {
    const when = future(5);
    const csv = csvOf(
      [person(30, ["interviewer-a@test.local", exerciseTitle, when, 45]), person(31, ["", "", "", ""])],
      { delimiter: ";", bom: true, crlf: true },
    );
    const r = await importCandidates(recruiter(), openingId, { csv, dryRun: false });
    expect(r.delimiter).toBe(";");
    expect(r.imported).toMatchObject({ candidates: 2, interviews: 1 });
    const c30 = await db.candidate.findFirstOrThrow({
      where: { openingId, email: "person30@example.com" },
      select: {
        id: true,
        name: true,
        source: true,
        stage: true,
        interviews: {
          select: { id: true, interviewerId: true, scheduledAt: true, durationMinutes: true, focus: true },
        },
      },
    });
    expect(c30).toMatchObject({ name: "Person 30", source: "Referral", stage: "interviewing" });
    expect(c30.interviews).toHaveLength(1);
    const i = c30.interviews[0];
    expect(i).toMatchObject({ interviewerId: p.users.a.id, durationMinutes: 45 });
    expect(i.scheduledAt.toISOString()).toBe(when);
    expect(i.focus.map((f) => f.dimensionId).sort()).toEqual(exerciseDims);
    const c31 = await db.candidate.findFirstOrThrow({ where: { openingId, email: "person31@example.com" } });
    expect(c31.stage).toBe("applied");
    const actions = (entityId: string) =>
      db.auditLog.findMany({ where: { entityId }, select: { action: true, actorId: true } });
    expect(await actions(c30.id)).toEqual(
      expect.arrayContaining([
        { action: "candidate.created", actorId: p.users.recruiter.id },
        { action: "candidate.stage-changed", actorId: p.users.recruiter.id },
      ]),
    );
    expect(await actions(i.id)).toEqual([{ action: "interview.planned", actorId: p.users.recruiter.id }]);
    // its interviewer's calendar invite is queued with it, as the loop builder's is (docs/decisions/069)
    expect(await db.reminder.findMany({ where: { interviewId: i.id }, select: { kind: true, key: true } })).toEqual([
      { kind: "invite", key: `invite:${i.id}:0:${p.users.a.id}` },
    ]);
    expect(await db.auditLog.count({ where: { action: "candidates.imported", entityId: openingId } })).toBeGreaterThan(
      0,
    );
  });

  it("the loop builder still plans one interview through the shared path", async () => {
    const c = await db.candidate.create({ data: { openingId, name: "Loop Person", email: "loop@example.com" } });
    const dims = exerciseDims.slice(0, 1);
    const { id } = await addInterview(recruiter(), c.id, {
      interviewerId: p.users.b.id,
      focusDimensionIds: dims,
      scheduledAt: future(2),
    });
    const i = await db.interview.findUniqueOrThrow({ where: { id }, select: { focus: true, candidate: true } });
    expect(i.focus.map((f) => f.dimensionId)).toEqual(dims);
    expect(i.candidate.stage).toBe("interviewing");
    expect(await db.auditLog.count({ where: { entityId: id, action: "interview.planned" } })).toBe(1);
  });

  it("only those who set up loops may import; hiring managers and interviewers are refused", async () => {
    const csv = csvOf([person(40)]);
    for (const viewer of [
      { id: p.users.manager.id, roles: ["hiring-manager" as const] },
      { id: p.users.a.id, roles: ["interviewer" as const] },
    ])
      await expect(importCandidates(viewer, openingId, { csv, dryRun: true })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("text the databases cannot store: a NUL is a row problem, never a failed lookup; a lone surrogate refuses the text", async () => {
    const csv = csvOf([
      ["Nul Person", "nul\u0000@example.com", "", ""],
      ["Nul Source", "src@example.com", "a\u0000b", ""],
      person(50, ["inter\u0000viewer@test.local", "", future(2), ""]),
    ]);
    const r = await importCandidates(recruiter(), openingId, { csv, dryRun: true });
    expect(r.rows.map((row) => row.problems)).toEqual([
      [{ field: "email", message: UNSTORABLE_MESSAGE }],
      [{ field: "source", message: UNSTORABLE_MESSAGE }],
      [{ field: "interviewerEmail", message: UNSTORABLE_MESSAGE }],
    ]);
    await expect(importCandidates(recruiter(), openingId, { csv, dryRun: false })).rejects.toBeInstanceOf(
      ValidationError,
    );
    const broken = importCandidates(recruiter(), openingId, {
      csv: csvOf([["A \uD800", "s@example.com"]]),
      dryRun: true,
    });
    await expect(broken).rejects.toMatchObject({ fieldErrors: { csv: [expect.stringMatching(/broken character/)] } });
    expect(await candidatesOf(["src@example.com", "s@example.com", "person50@example.com"])).toBe(0);
  });

  it("two imports of the same e-mails at once: one writes them, the other is refused as duplicates", async () => {
    const rows = Array.from({ length: 30 }, (_, k) => person(100 + k));
    const csv = csvOf(rows);
    const results = await race(2, () => importCandidates(recruiter(), openingId, { csv, dryRun: false }));
    expect(fulfilled(results)).toHaveLength(1);
    const [error] = rejected(results);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.values((error as ValidationError).fieldErrors).flat()).toContain(
      "Already a candidate in this opening",
    );
    for (let k = 0; k < 30; k++)
      expect(await db.candidate.count({ where: { openingId, email: `person${100 + k}@example.com` } })).toBe(1);
  });
});

describe("candidate import beside single adds", () => {
  it("an import and adds of its e-mails at once: each e-mail is one candidate, whoever wins", async () => {
    const emails = Array.from({ length: 5 }, (_, k) => `race${k}@example.com`);
    const csv = csvOf(emails.map((e, k) => [`Race ${k}`, e, "", ""]));
    const results = await race<unknown>(6, (i) =>
      i === 0
        ? importCandidates(recruiter(), openingId, { csv, dryRun: false })
        : addCandidate(recruiter(), openingId, { name: `Added ${i}`, email: emails[i - 1] }),
    );
    for (const e of rejected(results)) expect(e).toBeInstanceOf(ValidationError);
    for (const e of emails) expect(await db.candidate.count({ where: { openingId, email: e } })).toBe(1);
  });
});

describe("candidate import: the CLI", () => {
  it("a dry run by default, problems printed and exit 1; --commit imports", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "candidates-import-"));
    const bad = path.join(dir, "bad.csv");
    writeFileSync(bad, csvOf([person(90), ["Bad", "bad", "", ""]], { delimiter: "\t" }));
    const base = ["--opening", openingId, "--as", "recruiter@test.local"];
    const dry = runScript("scripts/candidates-import.ts", [...base, "--file", bad, "--commit"]);
    expect(dry.status, dry.stderr).toBe(1);
    expect(dry.stdout).toContain("rows.3.email: Enter a valid e-mail address");
    expect(await candidatesOf(["person90@example.com"])).toBe(0);
    const good = path.join(dir, "good.csv");
    writeFileSync(good, csvOf([person(90)], { crlf: true, bom: true }));
    const preview = runScript("scripts/candidates-import.ts", [...base, "--file", good]);
    expect(preview.status, preview.stderr).toBe(0);
    expect(preview.stdout).toContain("1 rows: 1 ready, 0 with problems");
    expect(await candidatesOf(["person90@example.com"])).toBe(0);
    const done = runScript("scripts/candidates-import.ts", [...base, "--file", good, "--commit"]);
    expect(done.status, done.stderr).toBe(0);
    expect(done.stdout).toContain("imported 1 candidates and 0 interviews");
    expect(await candidatesOf(["person90@example.com"])).toBe(1);
    const who = runScript("scripts/candidates-import.ts", [
      "--opening",
      openingId,
      "--as",
      "interviewer-a@test.local",
      "--file",
      good,
    ]);
    expect(who.status).toBe(1);
    expect(who.stderr).toMatch(/Only recruiters and admins/);
  }, 120_000);
});

describe("candidate import: the API", () => {
  const url = `/api/v1/openings/OPENING/candidates:import`;
  const at = () => url.replace("OPENING", openingId);

  it("dry run (200), commit (201), problems (422) with a JSON body and a mapping by header name", async () => {
    const csv = csvOf([["Api One", "api1@example.com", "Board", "notes"]]).replace("E-mail", "Mail address");
    const mapping = { name: "Name", email: "Mail address", notes: 3 };
    const dry = await api("POST", at(), { token, body: { csv, mapping, dryRun: true } });
    expect(dry.status).toBe(200);
    expect(dry.body.counts).toMatchObject({ rows: 1, ready: 1 });
    expect(await candidatesOf(["api1@example.com"])).toBe(0);
    const done = await api("POST", at(), { token, body: { csv, mapping } });
    expect(done.status).toBe(201);
    expect(done.body.imported).toMatchObject({ candidates: 1, interviews: 0 });
    const c = await db.candidate.findFirstOrThrow({ where: { openingId, email: "api1@example.com" } });
    expect(c).toMatchObject({ name: "Api One", notes: "notes", source: "" });
    const again = await api("POST", at(), { token, body: { csv, mapping } });
    expect(again.status).toBe(422);
    expect(again.body.error.fields).toEqual({ "rows.2.email": ["Already a candidate in this opening"] });
  });

  it("a text/csv body, with ?dryRun=true and without", async () => {
    const raw = csvOf([person(60)], { crlf: true, bom: true });
    const headers = { "content-type": "text/csv; charset=utf-8" };
    const dry = await api("POST", `${at()}?dryRun=true`, { token, raw, headers });
    expect(dry.status).toBe(200);
    expect(await candidatesOf(["person60@example.com"])).toBe(0);
    const done = await api("POST", at(), { token, raw, headers });
    expect(done.status).toBe(201);
    expect(await candidatesOf(["person60@example.com"])).toBe(1);
  });

  it("denials: no token 401, a hiring manager 403, an unknown opening 404", async () => {
    const body = { csv: csvOf([person(70)]) };
    expect((await api("POST", at(), { body })).status).toBe(401);
    expect((await api("POST", at(), { token: managerToken, body })).status).toBe(403);
    expect((await api("POST", url.replace("OPENING", "nope"), { token, body })).status).toBe(404);
    expect(await candidatesOf(["person70@example.com"])).toBe(0);
  });

  it("hostile bodies get a clear 4xx and store nothing", async () => {
    const good = csvOf([person(80)]);
    const cases: [string, Parameters<typeof api>[2], number][] = [
      ["wrong content type", { token, raw: good, headers: { "content-type": "text/plain" } }, 415],
      ["not JSON", { token, raw: "{", headers: { "content-type": "application/json" } }, 400],
      ["NUL in JSON", { token, body: { csv: good.replace("Person", "Per\u0000son") } }, 422],
      ["prototype key", { token, raw: `{"csv":${JSON.stringify(good)},"__proto__":{"x":1}}` }, 422],
      ["unknown mapping field", { token, body: { csv: good, mapping: { salary: "Name" } } }, 422],
      ["a column the file lacks", { token, body: { csv: good, mapping: { name: "Nope", email: "E-mail" } } }, 422],
      ["broken quotes", { token, body: { csv: `Name,E-mail\n"Unclosed,a@b.co\n` } }, 422],
      ["empty file", { token, body: { csv: "" } }, 422],
      ["no e-mail column", { token, body: { csv: "Name,Phone\nA Person,123\n" } }, 422],
      ["over 5 MB", { token, raw: "x".repeat(6 * 1024 * 1024), headers: { "content-type": "text/csv" } }, 413],
      [
        "NUL in text/csv",
        { token, raw: good.replace("person80@", "person80\u0000@"), headers: { "content-type": "text/csv" } },
        422,
      ],
      ["lone surrogate in JSON", { token, body: { csv: good.replace("Person", "\uD800") } }, 422],
    ];
    for (const [what, opts, status] of cases) {
      const res = await api("POST", at(), opts);
      expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBe(status);
      expect(res.body.error.message, what).toBeTruthy();
    }
    expect(await candidatesOf(["person80@example.com"])).toBe(0);
  });

  it("10,000 rows with interviews import in one go (time printed, not asserted)", async () => {
    const rows = Array.from({ length: 10_000 }, (_, k) => [
      `Bulk ${k}`,
      `bulk${k}@example.com`,
      "Job board",
      "",
      k % 2 ? "interviewer-c@test.local" : "",
      k % 2 ? exerciseTitle : "",
      k % 2 ? future(10 + (k % 20)) : "",
      "",
    ]);
    const csv = csvOf(rows);
    const t0 = Date.now();
    const dry = await importCandidates(recruiter(), openingId, { csv, dryRun: true });
    const t1 = Date.now();
    expect(dry.counts).toEqual({ rows: 10_000, ready: 10_000, withProblems: 0, interviews: 5_000 });
    const done = await importCandidates(recruiter(), openingId, { csv, dryRun: false });
    const t2 = Date.now();
    console.log(`10,000-row import: dry run ${t1 - t0} ms, commit ${t2 - t1} ms`);
    expect(done.imported).toMatchObject({ candidates: 10_000, interviews: 5_000 });
    expect(await db.candidate.count({ where: { openingId, email: { startsWith: "bulk" } } })).toBe(10_000);
    expect(await db.interview.count({ where: { candidate: { openingId, email: { startsWith: "bulk" } } } })).toBe(
      5_000,
    );
    expect(
      await db.reminder.count({
        where: { kind: "invite", interview: { candidate: { openingId, email: { startsWith: "bulk" } } } },
      }),
    ).toBe(5_000);
  }, 180_000);
});
