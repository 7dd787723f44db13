// Hands the socket's peer address to request handlers (docs/decisions/015). An App Router handler
// sees only headers, and next-auth's authorize() only those; Next.js copies the socket address into
// X-Forwarded-For only when the client sent none, so a client can choose what that header says.
// Installed once per server process (instrumentation.ts), before the request reaches Next.js: every
// request then carries SOCKET_ADDRESS_HEADER with its socket's peer, replacing any value it came with.
import http from "node:http";
import https from "node:https";
import { SOCKET_ADDRESS_HEADER } from "./domain/client-address";

const installed = Symbol.for("scorecards.socketAddressHeader");

export function recordSocketAddresses(): void {
  const g = globalThis as { [installed]?: boolean };
  if (g[installed]) return;
  g[installed] = true;
  for (const Server of [http.Server, https.Server]) {
    const emit = Server.prototype.emit as (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;
    Server.prototype.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === "request") {
        const req = args[0] as http.IncomingMessage;
        req.headers[SOCKET_ADDRESS_HEADER] = req.socket?.remoteAddress ?? "";
      }
      return emit.call(this, event, ...args);
    } as typeof Server.prototype.emit;
  }
}
