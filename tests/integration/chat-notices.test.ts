// Chat notices (docs/decisions/073-chat-notices.md) on a real database, delivered by the reminder
// worker to a receiver on 127.0.0.1 that validates every body as Slack or Teams would
// (tests/support/chat-receiver.ts): queued in the transaction of the submission or decision,
// once per event and destination even when submissions race; retried after a 500; refused when
// the address is private and not allow-listed (production); never a rating, evidence, a
// recommendation or an outcome in any payload; the settings refuse hostile URLs and store nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  getMyChat,
  getOpeningChat,
  myChatDeliveries,
  openingChatDeliveries,
  setMyChat,
  setOpeningChat,
} from "@/lib/data/chat-settings";
import { recordDecision } from "@/lib/data/decisions";
import { runReminders } from "@/lib/data/reminders";
import { submitScorecard } from "@/lib/data/scorecards";
import { db } from "@/lib/db";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { createInterview } from "@/seed/factories";
import { chatReceiver } from "../support/chat-receiver";
import { createPanel } from "../support/panel";
import { race } from "../support/race";

const receiver = chatReceiver();
let p: Awaited<ReturnType<typeof createPanel>>;
let openingId = "";
const recruiter = () => ({ id: p.users.recruiter.id, roles: ["recruiter" as const] });
const local = { allowHosts: ["127.0.0.1"] };
/** the worker's pass as a test runs it: no SMTP, the receiver on 127.0.0.1 allow-listed */
const pass = (now = new Date()) => runReminders({ now, mailer: null, chat: { allow: new Set(["127.0.0.1"]) } });
const chatRows = () => db.reminder.findMany({ where: { kind: "chat" }, orderBy: { key: "asc" } });

beforeAll(async () => {
  await receiver.start();
  p = await createPanel(db);
  openingId = (await db.candidate.findUniqueOrThrow({ where: { id: p.candidates.cand1.id } })).openingId;
});
afterAll(() => receiver.stop());
beforeEach(async () => {
  receiver.reset();
  await db.reminder.deleteMany({ where: { kind: "chat" } });
});

const submit = (who: "a" | "b" | "c", i: number, key = `key-${who}-${Date.now()}`) =>
  submitScorecard(p.users[who].id, p.interviews[who].id, {
    baseVersion: 0,
    values: p.completeValues(i, "4"),
    submissionKey: key,
  });

/** Every text a receiver got, with the links taken out: what a person in the channel reads. */
function readable() {
  return receiver.heard.map((h) => h.body.replace(/https?:\/\/[^\s"\\]+/g, "LINK"));
}

describe("an opening's channel", () => {
  it("is set by a recruiter, shown back masked, and refused to an interviewer or the hiring manager", async () => {
    const view = await setOpeningChat(recruiter(), openingId, { kind: "slack", url: receiver.url("slack") }, local);
    expect(view).toEqual({ kind: "slack", destination: `127.0.0.1:${receiver.port} …lack` });
    expect(JSON.stringify(await getOpeningChat(recruiter(), openingId))).not.toContain("secretslack");
    for (const v of [
      { id: p.users.a.id, roles: ["interviewer" as const] },
      { id: p.users.manager.id, roles: ["hiring-manager" as const] },
    ])
      await expect(setOpeningChat(v, openingId, null)).rejects.toBeInstanceOf(ForbiddenError);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "opening.chat_changed", entityId: openingId },
    });
    expect(JSON.stringify(audit)).not.toContain("secretslack");
  });

  it("hears each submission, then 'ready for debrief' once the loop is complete, then 'a decision was recorded' — no ratings, evidence or outcome", async () => {
    await submit("a", 0);
    expect((await chatRows()).map((r) => r.key.split(":")[1])).toEqual(["submitted"]);
    await submit("b", 1);
    expect((await chatRows()).map((r) => r.key.split(":")[1]).sort()).toEqual(["debrief", "submitted", "submitted"]);
    await recordDecision({ id: p.users.manager.id, roles: ["hiring-manager"] }, p.candidates.cand1.id, {
      outcome: "no-hire",
      rationale: "Rationale that must never reach a shared channel.",
      overrideReason: "Override reason that must never reach a shared channel.",
    });
    const counts = await pass();
    expect(counts.sent).toBe(4);
    expect(receiver.heard.map((h) => h.problems)).toEqual([[], [], [], []]);
    const texts = readable();
    expect(texts.some((t) => t.includes("Interviewer A submitted a scorecard for Candidate One (Test opening)."))).toBe(
      true,
    );
    expect(texts.some((t) => t.includes("Everyone on the loop has submitted for Candidate One (Test opening)"))).toBe(
      true,
    );
    expect(texts.some((t) => t.includes("Manager recorded a decision for Candidate One (Test opening)."))).toBe(true);
    for (const t of texts) {
      expect(t).not.toMatch(/Evidence for|Clear thinker|Rationale|Override reason|no-hire|hire|yes|strong/i);
      // the seeded ratings are numbers: none may appear once the links are out
      expect(t.replace(/"timeout":\d+/, "")).not.toMatch(/\d/);
    }
    const rows = await chatRows();
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1 && r.lastStatusCode === 200 && r.sentAt)).toBe(
      true,
    );
    // recorded, and listed under the channel form for those who set openings up only
    const listed = await openingChatDeliveries(recruiter(), openingId);
    expect(listed.map((d) => [d.event, d.status]).sort()).toEqual([
      ["debrief", "sent"],
      ["decision", "sent"],
      ["submitted", "sent"],
      ["submitted", "sent"],
    ]);
    await expect(openingChatDeliveries({ id: p.users.a.id, roles: ["interviewer"] }, openingId)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    // delivered once: a second pass sends nothing again
    expect((await pass()).sent).toBe(0);
    expect(receiver.heard).toHaveLength(4);
  });
});

describe("once, retried, refused", () => {
  it("two simultaneous last submissions of one candidate's loop queue one 'ready for debrief'", async () => {
    const cand = await db.candidate.create({
      data: { openingId, name: "Race Candidate", email: "race@example.com", stage: "interviewing" },
    });
    const ex = p.version.exercises;
    const plan = (who: "a" | "b", i: number) =>
      createInterview(db, {
        candidateId: cand.id,
        interviewerId: p.users[who].id,
        exerciseId: ex[i].id,
        scheduledAt: new Date(Date.now() - 3 * 3600_000),
        focusDimensionIds: ex[i].dimensions.map((d) => d.dimensionId),
      });
    const ia = await plan("a", 0);
    const ib = await plan("b", 1);
    const results = await race(6, (n) => {
      const [who, iv, i] = n % 2 ? (["b", ib, 1] as const) : (["a", ia, 0] as const);
      return submitScorecard(p.users[who].id, iv.id, {
        baseVersion: 0,
        values: p.completeValues(i),
        submissionKey: `race-${who}`,
      });
    });
    expect(results.filter((r) => r.status === "fulfilled").length).toBe(6);
    const rows = (await chatRows()).map((r) => r.key);
    expect(rows.filter((k) => k.startsWith("chat:debrief:"))).toEqual([`chat:debrief:opening:${openingId}:${cand.id}`]);
    expect(rows.filter((k) => k.startsWith("chat:submitted:"))).toHaveLength(2);
    await pass();
    expect(receiver.heard.filter((h) => h.body.includes("ready for debrief"))).toHaveLength(1);
  });

  it("a 500 from the receiver is tried again later, and then sent once", async () => {
    await db.opening.update({ where: { id: openingId }, data: { chatKind: "teams", chatUrl: receiver.url("teams") } });
    const sc = await db.scorecard.findFirstOrThrow({ where: { interviewId: p.interviews.a.id } });
    await db.$transaction((tx) =>
      import("@/lib/data/chat-outbox").then((m) =>
        m.enqueueSubmissionNotices(
          tx,
          { scorecardId: sc.id, candidateId: p.candidates.cand1.id, interviewerId: p.users.a.id },
          new Date(),
        ),
      ),
    );
    receiver.state.status = 500;
    const now = new Date();
    // the loop is complete: "submitted" and "ready for debrief", both answered 500
    expect((await pass(now)).retrying).toBe(2);
    const rows = await chatRows();
    for (const r of rows)
      expect(r).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 500, lastError: "HTTP 500" });
    receiver.state.status = 200;
    expect((await pass(now)).sent).toBe(0); // not before its time
    expect((await pass(new Date(now.getTime() + 2 * 60_000))).sent).toBe(2);
    for (const r of await chatRows())
      expect(r).toMatchObject({ status: "sent", attempts: 2, lastStatusCode: 200, lastError: null });
    expect(receiver.heard.map((h) => h.problems)).toEqual([[], [], [], []]);
    await pass(new Date(now.getTime() + 30 * 60_000));
    expect(receiver.heard).toHaveLength(4);
  });

  it("in production (no allow-list) a private address is refused: nothing sent, failed at once, no status code", async () => {
    const sc = await db.scorecard.findFirstOrThrow({ where: { interviewId: p.interviews.b.id } });
    const { enqueueSubmissionNotices } = await import("@/lib/data/chat-outbox");
    await db.$transaction((tx) =>
      enqueueSubmissionNotices(
        tx,
        { scorecardId: sc.id, candidateId: p.candidates.cand1.id, interviewerId: p.users.b.id },
        new Date(),
      ),
    );
    const counts = await runReminders({ mailer: null });
    expect(counts.failed).toBeGreaterThanOrEqual(1);
    expect(receiver.heard).toHaveLength(0);
    const rows = await chatRows();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows)
      expect(r).toMatchObject({
        status: "failed",
        attempts: 1,
        lastStatusCode: null,
        lastError: "refused: 127.0.0.1 resolves to a private address",
      });
  });
});

describe("a person's own chat", () => {
  const me = () => ({ id: p.users.c.id });

  it("refuses hostile URLs with a message next to the field, and stores nothing", async () => {
    for (const url of [
      "https://hooks.slack.com/a\u0000b",
      "https://hooks.slack.com/\ud800",
      "http://127.0.0.1/hook",
      "http://[::1]/hook",
      "http://169.254.169.254/latest/meta-data",
      "ftp://hooks.slack.com/x",
      `https://hooks.slack.com/${"x".repeat(5000)}`,
      "",
    ]) {
      const r = setMyChat(me(), { kind: "slack", url });
      await expect(r).rejects.toBeInstanceOf(ValidationError);
      await expect(r).rejects.toMatchObject({ fieldErrors: { url: [expect.any(String)] } });
    }
    await expect(setMyChat(me(), { kind: "discord", url: "https://hooks.slack.com/x" })).rejects.toMatchObject({
      fieldErrors: { kind: [expect.any(String)] },
    });
    await expect(
      setMyChat(me(), { kind: "slack", url: "https://hooks.slack.com/x", userId: p.users.a.id }),
    ).rejects.toBeInstanceOf(ValidationError);
    const stored = await db.user.findUniqueOrThrow({
      where: { id: p.users.c.id },
      select: { chatUrl: true, chatKind: true },
    });
    expect(stored).toEqual({ chatUrl: null, chatKind: null });
  });

  it("gets the reminder of a scorecard owed in the chat as well (Teams), worded at send time", async () => {
    expect(await setMyChat(me(), { kind: "teams", url: receiver.url("teams") }, local)).toEqual({
      kind: "teams",
      destination: `127.0.0.1:${receiver.port} …eams`,
    });
    expect(await getMyChat(me())).toMatchObject({ kind: "teams" });
    const counts = await pass();
    expect(counts.chatQueued).toBe(1);
    const mine = receiver.heard.filter((h) => h.body.includes("your scorecard"));
    expect(mine).toHaveLength(1);
    expect(mine[0].problems).toEqual([]);
    const card = (mine[0].json as { attachments: { content: { body: { text: string }[] } }[] }).attachments[0].content;
    // markdown characters are escaped for Teams; unescaped, the words are these
    expect(card.body[0].text.replace(/\\(.)/g, "$1")).toBe(
      "Reminder: your scorecard for Candidate Two (Test opening) is due.",
    );
    expect(mine[0].body).toContain(`/interviews/${p.interviews.c.id}`);
    // the same reminder is not sent twice; a submitted scorecard's later reminder is skipped
    expect((await pass()).chatQueued).toBe(0);
    await submit("c", 2);
    await pass(new Date(Date.now() + 3 * 86_400_000));
    expect(receiver.heard.filter((h) => h.body.includes("your scorecard"))).toHaveLength(1);
    const twins = await db.reminder.findMany({ where: { key: { startsWith: `chat:reminder:user:${p.users.c.id}:` } } });
    expect(twins.map((t) => t.status)).toEqual(["sent"]);
    expect((await myChatDeliveries(me())).map((d) => [d.event, d.status, d.lastStatusCode])).toEqual([
      ["reminder", "sent", 200],
    ]);
  });
});
