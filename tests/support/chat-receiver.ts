// A real HTTP receiver on 127.0.0.1 for the chat notice tests (docs/decisions/073-chat-notices.md)
// that plays Slack or Teams: every body is parsed as JSON and validated against the format's schema
// (tests/support/chat-schemas.ts) before it is answered; an invalid one gets 400, as Slack answers
// "invalid_blocks". Answers with the status the test chooses.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { validateAdaptiveCardMessage, validateSlackMessage } from "./chat-schemas";

export type Heard = { path: string; headers: IncomingHttpHeaders; body: string; json: unknown; problems: string[] };

export function chatReceiver() {
  const heard: Heard[] = [];
  const state = { status: 200 };
  const server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (body += c));
    req.on("end", () => {
      let json: unknown = null;
      let problems: string[];
      try {
        json = JSON.parse(body);
        problems = (req.url ?? "").startsWith("/teams")
          ? validateAdaptiveCardMessage(json)
          : validateSlackMessage(json);
      } catch {
        problems = ["not JSON"];
      }
      heard.push({ path: req.url ?? "", headers: req.headers, body, json, problems });
      const status = problems.length ? 400 : state.status;
      res.writeHead(status, { "Content-Type": "text/plain" }).end(status === 200 ? "ok" : "no");
    });
  });
  let origin = "";
  return {
    heard,
    state,
    /** a Slack-like URL (/services/…) or a Teams-like one (/teams/…) on this receiver */
    url: (kind: "slack" | "teams") =>
      `${origin}/${kind === "slack" ? "services/T0/B0/secretslack" : "teams/workflows/secretteams"}`,
    get port() {
      return Number(new URL(origin).port);
    },
    async start() {
      await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    reset() {
      heard.length = 0;
      state.status = 200;
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
