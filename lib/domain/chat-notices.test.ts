import { describe, expect, it } from "vitest";
import {
  chatAnswer,
  chatKey,
  chatUrlProblem,
  chatWords,
  maskChatUrl,
  parseChatKey,
  slackMessage,
  teamsMessage,
  type ChatFacts,
} from "./chat-notices";

const facts: ChatFacts = {
  event: "submitted",
  personName: "Ines Interviewer",
  candidateName: "Elena <!channel> [x](https://evil.example)",
  openingTitle: "Backend *Engineer*",
  link: "https://scorecards.example/candidates/c1",
};

describe("chat keys", () => {
  it("round-trips, with a reminder's own key (colons and all) as the subject", () => {
    const key = chatKey("reminder", { type: "user", id: "u1" }, "scorecard:i1:2");
    expect(key).toBe("chat:reminder:user:u1:scorecard:i1:2");
    expect(parseChatKey(key)).toEqual({
      event: "reminder",
      dest: { type: "user", id: "u1" },
      subject: "scorecard:i1:2",
    });
    expect(parseChatKey("chat:ratings:user:u1:x")).toBeNull();
    expect(parseChatKey("scorecard:i1:0")).toBeNull();
  });
});

describe("words", () => {
  it("say who, which candidate, which opening — and a decision never says which", () => {
    expect(chatWords(facts).text).toBe(
      `Ines Interviewer submitted a scorecard for ${facts.candidateName} (Backend *Engineer*).`,
    );
    const d = chatWords({ ...facts, event: "decision" }).text;
    expect(d).toBe(`Ines Interviewer recorded a decision for ${facts.candidateName} (Backend *Engineer*).`);
    expect(d).not.toMatch(/hire|reject|advance|score|rating/i);
    expect(chatWords({ event: "debrief", candidateName: "E", openingTitle: "O", link: "x" }).text).toMatch(
      /ready for debrief/,
    );
    const r = { event: "reminder", candidateName: "E", openingTitle: "O", link: "x" } as const;
    expect(chatWords({ ...r, overdue: false }).text).toBe("Reminder: your scorecard for E (O) is due.");
    expect(chatWords({ ...r, overdue: true }).text).toBe("Your scorecard for E (O) is overdue.");
    expect(chatWords({ ...r, overdue: true, requestedByName: "Rita" }).text).toBe(
      "Rita asked for your scorecard for E (O).",
    );
  });

  it("cut a very long name, so the message keeps its link within Slack's limits", () => {
    const m = slackMessage({ ...facts, candidateName: "x".repeat(5000) });
    expect(m.blocks[0].text!.text.length).toBeLessThan(600);
  });
});

describe("markup in names stays text", () => {
  it("Slack: plain_text blocks, and the fallback text escapes < > & (no @channel from a name)", () => {
    const m = slackMessage(facts);
    expect(m.blocks[0]).toEqual({
      type: "section",
      text: { type: "plain_text", text: chatWords(facts).text, emoji: false },
    });
    expect(m.text).not.toContain("<!channel>");
    expect(m.text).toContain("&lt;!channel&gt;");
  });

  it("Teams: markdown characters are escaped in the TextBlock", () => {
    const card = teamsMessage(facts).attachments[0].content;
    expect(card.body[0].text).toContain("\\[x\\]\\(https://evil\\.example\\)");
    expect(card.body[0].text).toContain("\\*Engineer\\*");
    expect(card.actions[0]).toEqual({ type: "Action.OpenUrl", title: "Open the candidate", url: facts.link });
  });
});

describe("URLs", () => {
  const allow = new Set<string>();
  const own = ["https://scorecards.example"];
  it("accepts https URLs on public hosts, whatever the chat app's host", () => {
    expect(chatUrlProblem("https://hooks.slack.com/services/T0/B0/abc", own, allow)).toBeNull();
    expect(chatUrlProblem("https://contoso.webhook.office.com/webhookb2/x", own, allow)).toBeNull();
  });
  it.each([
    ["http://hooks.slack.com/services/x", /https/],
    ["ftp://hooks.slack.com/x", /Only http/],
    ["http://127.0.0.1/x", /local or private/],
    ["https://[::1]/x", /local or private/],
    ["http://169.254.169.254/latest/meta-data", /local or private/],
    ["https://localhost/x", /local or private/],
    ["https://user:pw@hooks.slack.com/x", /no credentials/],
    ["https://scorecards.example/api", /own address/],
    ["not a url", /Enter an http/],
    [`https://hooks.slack.com/${"a".repeat(2100)}`, /At most 2000/],
  ])("refuses %s", (url, message) => {
    expect(chatUrlProblem(url, own, allow)).toMatch(message);
  });
  it("opens a host the allow-list names, over http too (a local receiver)", () => {
    expect(chatUrlProblem("http://127.0.0.1:9999/hook", own, new Set(["127.0.0.1"]))).toBeNull();
  });
  it("shows back only the host and the last four characters", () => {
    expect(maskChatUrl("https://hooks.slack.com/services/T0/B0/abcdWXYZ")).toBe("hooks.slack.com …WXYZ");
  });
});

describe("answers", () => {
  it.each([
    [200, "sent"],
    [202, "sent"],
    [429, "retry"],
    [500, "retry"],
    [503, "retry"],
    [undefined, "retry"],
    [400, "final"],
    [404, "final"],
    [302, "final"],
  ])("%s → %s", (status, outcome) => expect(chatAnswer(status)).toBe(outcome));
});
