// A real HTTP receiver on 127.0.0.1 for the webhook tests: counts what arrives, can hold requests
// until the test releases them, and answers with the status the test chooses.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { sleep } from "./race";

export { sleep };

export function webhookReceiver() {
  const held: ServerResponse[] = [];
  const heard: { headers: IncomingHttpHeaders; body: string }[] = [];
  const state = { holding: false, status: 204 };
  const server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (body += c));
    req.on("end", () => {
      heard.push({ headers: req.headers, body });
      if (state.holding) held.push(res);
      else res.writeHead(state.status).end();
    });
  });
  let url = "";
  return {
    heard,
    state,
    get url() {
      return url;
    },
    async start() {
      await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    },
    release(status: number) {
      held.splice(0).forEach((r) => r.writeHead(status).end());
    },
    reset() {
      this.release(200);
      heard.length = 0;
      state.holding = false;
      state.status = 204;
    },
    async stop() {
      this.release(200);
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

export async function until(what: () => boolean, ms = 10_000) {
  const end = Date.now() + ms;
  while (!what()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await sleep(10);
  }
}
