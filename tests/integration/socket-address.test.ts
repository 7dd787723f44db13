// The server hands handlers the socket's peer address in a header of its own, which a client
// cannot set: whatever it sends under that name is replaced; X-Forwarded-For is left as sent (docs/decisions/015).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SOCKET_ADDRESS_HEADER } from "@/lib/domain/client-address";
import { recordSocketAddresses } from "@/lib/socket-address";

let server: http.Server;
let base = "";

beforeAll(async () => {
  recordSocketAddresses();
  recordSocketAddresses(); // installing twice wraps once
  server = http.createServer((req, res) =>
    res.end(
      JSON.stringify({ socket: req.headers[SOCKET_ADDRESS_HEADER], forwarded: req.headers["x-forwarded-for"] ?? null }),
    ),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the socket address header", () => {
  it("is the socket's peer, not what the client claims", async () => {
    const res = await fetch(`${base}/api/auth/callback/credentials`, {
      headers: { "x-forwarded-for": "10.8.8.9", [SOCKET_ADDRESS_HEADER]: "10.8.8.10" },
    });
    const seen = (await res.json()) as { socket: string; forwarded: string };
    expect(seen.socket).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    expect(seen.forwarded).toBe("10.8.8.9"); // left alone: with trusted proxies it is read from the right
  });

  it("is set on a request that sent none", async () => {
    const seen = (await (await fetch(`${base}/`)).json()) as { socket: string };
    expect(seen.socket).toMatch(/127\.0\.0\.1$/);
  });
});
