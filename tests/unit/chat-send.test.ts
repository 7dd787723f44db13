// Chat notices as Slack and Teams receive them (docs/decisions/073-chat-notices.md): sent by the
// app's own sender (Slack through the official @slack/webhook client) to a receiver on 127.0.0.1
// that validates each body against the format's schema; the Slack payload is also sent by a bare
// IncomingWebhook, as any user of the client would; the outbound rules of docs/decisions/017 hold.
import { IncomingWebhook } from "@slack/webhook";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sendChatNotice } from "@/lib/chat-send";
import { slackMessage, teamsMessage, type ChatFacts } from "@/lib/domain/chat-notices";
import { chatReceiver } from "../support/chat-receiver";
import { validateAdaptiveCardMessage, validateSlackMessage } from "../support/chat-schemas";

const receiver = chatReceiver();
beforeAll(() => receiver.start());
afterAll(() => receiver.stop());
beforeEach(() => receiver.reset());

const all: ChatFacts[] = [
  {
    event: "submitted",
    personName: "Ines",
    candidateName: "Elena <b>",
    openingTitle: "Backend",
    link: "https://app.example/candidates/c1",
  },
  { event: "debrief", candidateName: "Elena", openingTitle: "Backend", link: "https://app.example/candidates/c1" },
  {
    event: "decision",
    personName: "Hana",
    candidateName: "Elena",
    openingTitle: "Backend",
    link: "https://app.example/candidates/c1",
  },
  {
    event: "reminder",
    candidateName: "Elena",
    openingTitle: "Backend",
    link: "https://app.example/interviews/i1",
    overdue: true,
  },
];
const local = { allow: new Set(["127.0.0.1"]), timeoutMs: 5000 };

describe("Slack", () => {
  it.each(all.map((f) => [f.event, f] as const))(
    "%s: the bare IncomingWebhook client sends a valid Block Kit message",
    async (_e, f) => {
      const result = await new IncomingWebhook(receiver.url("slack")).send(slackMessage(f));
      expect(result.text).toBe("ok");
      expect(receiver.heard).toHaveLength(1);
      expect(receiver.heard[0].problems).toEqual([]);
    },
  );

  it.each(all.map((f) => [f.event, f] as const))(
    "%s: the app's sender delivers it through the client",
    async (_e, f) => {
      expect(await sendChatNotice("slack", receiver.url("slack"), f, local)).toEqual({ status: 200, error: null });
      expect(receiver.heard[0].problems).toEqual([]);
      expect(receiver.heard[0].json).toEqual({ ...slackMessage(f), timeout: 5000 });
      expect(receiver.heard[0].headers["user-agent"]).toMatch(/@slack:webhook/);
    },
  );

  it("connects to the address it checked: a name no DNS knows reaches the receiver the check resolved it to", async () => {
    const url = `http://hooks.chat.test:${receiver.port}/services/T0/B0/secretslack`;
    const attempt = await sendChatNotice("slack", url, all[0], {
      allow: new Set(["hooks.chat.test"]),
      resolve: async () => ["127.0.0.1"],
      timeoutMs: 5000,
    });
    expect(attempt).toEqual({ status: 200, error: null });
    expect(receiver.heard[0].headers.host).toBe(`hooks.chat.test:${receiver.port}`);
  });

  it("refuses a private address before anything is sent", async () => {
    const attempt = await sendChatNotice("slack", receiver.url("slack"), all[0], { allow: new Set(), timeoutMs: 5000 });
    expect(attempt).toEqual({ error: "refused: 127.0.0.1 resolves to a private address", refused: true });
    const named = await sendChatNotice("slack", `https://hooks.chat.test/services/x`, all[0], {
      allow: new Set(),
      resolve: async () => ["169.254.169.254"],
      timeoutMs: 5000,
    });
    expect(named.refused).toBe(true);
    expect(receiver.heard).toHaveLength(0);
  });

  it("reports the status of a failed answer, without the URL's secret path", async () => {
    receiver.state.status = 503;
    const attempt = await sendChatNotice("slack", receiver.url("slack"), all[0], local);
    expect(attempt.status).toBe(503);
    expect(attempt.error).toBe("HTTP 503");
    const gone = await sendChatNotice("slack", `http://127.0.0.1:1/services/T0/B0/secretslack`, all[0], local);
    expect(gone.status).toBeUndefined();
    expect(gone.error).not.toContain("secretslack");
  });
});

describe("Teams", () => {
  it.each(all.map((f) => [f.event, f] as const))("%s: a valid Adaptive Card 1.4 message", async (_e, f) => {
    expect(validateAdaptiveCardMessage(teamsMessage(f))).toEqual([]);
    expect(await sendChatNotice("teams", receiver.url("teams"), f, local)).toEqual({ status: 200, error: null });
    expect(receiver.heard[0].problems).toEqual([]);
    expect(receiver.heard[0].headers["content-type"]).toBe("application/json");
  });

  it("the schemas catch a malformed message (they are not a formality)", () => {
    const card = teamsMessage(all[0]);
    expect(
      validateAdaptiveCardMessage({ ...card, attachments: [{ ...card.attachments[0], contentType: "text/plain" }] }),
    ).not.toEqual([]);
    const bad = structuredClone(card);
    (bad.attachments[0].content.actions[0] as { type: string }).type = "Action.Submit";
    expect(validateAdaptiveCardMessage(bad)).not.toEqual([]);
    const s = slackMessage(all[0]);
    expect(validateSlackMessage({ ...s, blocks: [{ type: "section", text: { type: "mrkdwn" } }] })).not.toEqual([]);
    expect(
      validateSlackMessage({
        text: "x",
        blocks: [
          {
            ...s.blocks[1],
            elements: [{ type: "button", text: { type: "plain_text", text: "x".repeat(76) }, url: "https://a" }],
          },
        ],
      }),
    ).not.toEqual([]);
  });
});
