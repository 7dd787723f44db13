import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeJson } from "./json-write";

// A real HTTP server on 127.0.0.1 answers as the route handlers do (docs/decisions/021): what
// the browser's one write helper sends, and how it reads each kind of answer.
type Seen = { method?: string; contentType?: string; body: string };
let server: Server;
let base: string;
let seen: Seen[] = [];

const read = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => resolve(body));
  });

beforeAll(async () => {
  server = createServer(async (req, res) => {
    seen.push({ method: req.method, contentType: req.headers["content-type"], body: await read(req) });
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { "Content-Type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.url === "/ok") return reply(201, { id: "c1" });
    if (req.url === "/invalid")
      return reply(422, {
        error: { code: "validation", message: "Some answers need attention.", fields: { name: ["Required"] } },
      });
    if (req.url === "/conflict") return reply(409, { error: { code: "conflict", message: "Changed elsewhere." } });
    res.writeHead(502);
    res.end("<html>bad gateway</html>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("writeJson", () => {
  it("sends the body as JSON with its content type, and reads a success", async () => {
    seen = [];
    const r = await writeJson<{ id: string }>(`${base}/ok`, { method: "PUT", body: { name: "Ada" } });
    expect(r).toEqual({ ok: true, status: 201, data: { id: "c1" } });
    expect(seen).toEqual([{ method: "PUT", contentType: "application/json", body: '{"name":"Ada"}' }]);
  });

  it("posts by default; json: false sends no content type and no body", async () => {
    seen = [];
    await writeJson(`${base}/ok`);
    await writeJson(`${base}/ok`, { method: "DELETE", json: false });
    expect(seen).toEqual([
      { method: "POST", contentType: "application/json", body: "" },
      { method: "DELETE", contentType: undefined, body: "" },
    ]);
  });

  it("a 422 gives the server's message and its messages per field", async () => {
    const r = await writeJson(`${base}/invalid`, { body: {} });
    expect(r).toMatchObject({
      ok: false,
      status: 422,
      message: "Some answers need attention.",
      fields: { name: ["Required"] },
    });
  });

  it("another refusal gives its message and no field messages", async () => {
    const r = await writeJson(`${base}/conflict`, { body: {} });
    expect(r).toMatchObject({ ok: false, status: 409, message: "Changed elsewhere.", fields: {} });
  });

  it("an answer that is not JSON is a failure with no message, not a throw", async () => {
    const r = await writeJson(`${base}/elsewhere`, { body: {} });
    expect(r).toEqual({ ok: false, status: 502, data: null, message: null, fields: {} });
  });

  it("no answer at all (nothing listening) is status null", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const r = await writeJson(`http://127.0.0.1:${port}/ok`, { body: {} });
    expect(r).toEqual({ ok: false, status: null, data: null, message: null, fields: {} });
  });
});
