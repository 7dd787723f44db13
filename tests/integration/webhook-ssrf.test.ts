// Webhooks cannot be aimed at the app's own network (docs/decisions/017): every delivery resolves
// the host, refuses loopback, private and other non-public addresses (nothing is sent, no status
// code is recorded, no retry), connects to the address it checked, follows no redirect; the
// allow-list opens exactly the hosts it names. A real listener on 127.0.0.1 must hear nothing.
import { lookup } from "node:dns/promises";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { hostname } from "node:os";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createWebhook, deliverDue, enqueueEvent } from "@/lib/data/webhooks";
import { db } from "@/lib/db";
import { isPublicAddress } from "@/lib/domain/outbound-address";
import { createUser } from "@/seed/factories";

type Heard = { url: string; headers: IncomingHttpHeaders };

async function listen(answer: (url: string) => { status: number; location?: string }) {
  const heard: Heard[] = [];
  const server = createServer((req, res) => {
    heard.push({ url: req.url ?? "", headers: req.headers });
    req.resume();
    const a = answer(req.url ?? "");
    res.writeHead(a.status, a.location ? { Location: a.location } : {});
    res.end("ok");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { server, heard, port: (server.address() as AddressInfo).port };
}

let target: Awaited<ReturnType<typeof listen>>;
let redirector: Awaited<ReturnType<typeof listen>>;
let adminId = "";
const admin = () => ({ id: adminId, roles: ["admin" as const] });

beforeAll(async () => {
  target = await listen(() => ({ status: 200 }));
  redirector = await listen(() => ({ status: 302, location: `http://127.0.0.1:${target.port}/internal` }));
  adminId = (await createUser(db, { email: "ssrf-admin@test.local", name: "SSRF Admin", roles: ["admin"] })).id;
});
afterAll(async () => {
  for (const s of [target.server, redirector.server]) await new Promise<void>((r) => s.close(() => r()));
});
beforeEach(async () => {
  await db.webhookDelivery.deleteMany();
  await db.webhookEndpoint.deleteMany();
  target.heard.length = 0;
  redirector.heard.length = 0;
});

/**
 * Endpoints as stored (registered before these checks, or names whose DNS changed since), then
 * one event, queued for each of them.
 */
async function queuedAll(...urls: string[]) {
  const ids: string[] = [];
  for (const url of urls)
    ids.push(
      (
        await db.webhookEndpoint.create({
          data: { url, events: "decision.recorded", secret: "whsec_test", createdById: adminId },
          select: { id: true },
        })
      ).id,
    );
  await db.$transaction((tx) => enqueueEvent(tx, "decision.recorded", { decisionId: "d1" }));
  return ids;
}
const queued = async (url: string) => (await queuedAll(url))[0];

const deliveryOf = (endpointId: string) =>
  db.webhookDelivery.findFirstOrThrow({
    where: { endpointId },
    select: { status: true, attempts: true, lastStatusCode: true, lastError: true },
  });

describe("delivery refuses local and private destinations", () => {
  const local = [
    ["IPv6 loopback", "[::1]", "::1"],
    ["v4-mapped IPv6 loopback", "[::ffff:127.0.0.1]", "127.0.0.1"],
    ["the unspecified address", "0.0.0.0", "0.0.0.0"],
    ["LOCALHOST with a trailing dot", "LOCALHOST.", "localhost"],
    ["localhost", "localhost", "localhost"],
    ["another loopback port", "127.0.0.1", "127.0.0.1"],
    ["a loopback address other than 127.0.0.1", "127.1.2.3", "127.1.2.3"],
    ["the cloud metadata address (link-local)", "169.254.169.254", "169.254.169.254"],
    ["a private network address", "10.0.0.7", "10.0.0.7"],
    ["a carrier-grade NAT address", "100.64.0.1", "100.64.0.1"],
    ["an IPv6 unique-local address", "[fd00::1]", "fd00::1"],
    ["the broadcast address", "255.255.255.255", "255.255.255.255"],
  ] as const;

  for (const [what, host, shown] of local) {
    it(`${what}: nothing is sent, the delivery is refused at once with no status code`, async () => {
      const id = await queued(`http://${host}:${target.port}/hook`);
      const results = await deliverDue({ allowHosts: [] });
      expect(results.map((r) => r.outcome)).toEqual(["refused"]);
      expect(target.heard).toEqual([]);
      expect(await deliveryOf(id)).toEqual({
        status: "failed",
        attempts: 1,
        lastStatusCode: null,
        lastError: `refused: ${shown} resolves to a private address`,
      });
      // not retried: later passes find nothing due
      expect(await deliverDue({ allowHosts: [], now: new Date(Date.now() + 86_400_000) })).toEqual([]);
    });
  }

  it("the machine's own host name, which resolves to a local address", async () => {
    const name = hostname().toLowerCase();
    const addresses = (await lookup(name, { all: true })).map((a) => a.address);
    expect(
      addresses.some((a) => !isPublicAddress(a)),
      `${name} resolves to ${addresses.join(", ")}`,
    ).toBe(true);
    const id = await queued(`http://${name}:${target.port}/hook`);
    expect((await deliverDue({ allowHosts: [] })).map((r) => r.outcome)).toEqual(["refused"]);
    expect(target.heard).toEqual([]);
    expect(await deliveryOf(id)).toMatchObject({
      status: "failed",
      lastStatusCode: null,
      lastError: `refused: ${name} resolves to a private address`,
    });
  });

  it("a name with one public and one private address is refused: every address is checked", async () => {
    const id = await queued(`http://mixed.example.test:${target.port}/hook`);
    const resolve = async () => ["93.184.215.14", "127.0.0.1"];
    expect((await deliverDue({ allowHosts: [], resolve })).map((r) => r.outcome)).toEqual(["refused"]);
    expect(target.heard).toEqual([]);
    expect((await deliveryOf(id)).lastError).toBe("refused: mixed.example.test resolves to a private address");
  });
});

describe("the request goes to the address that was checked", () => {
  it("one lookup: the connection is made to the resolved address, with the URL's host name in Host", async () => {
    // the system resolver knows no such name: a second lookup would fail the delivery
    let lookups = 0;
    const resolve = async () => {
      lookups++;
      return ["127.0.0.1"];
    };
    const id = await queued(`http://hooks.internal.test:${target.port}/in?x=1`);
    expect((await deliverDue({ allowHosts: ["hooks.internal.test"], resolve })).map((r) => r.outcome)).toEqual([
      "delivered",
    ]);
    expect(lookups).toBe(1);
    expect(target.heard.map((h) => [h.url, h.headers.host])).toEqual([
      ["/in?x=1", `hooks.internal.test:${target.port}`],
    ]);
    expect(await deliveryOf(id)).toMatchObject({ status: "delivered", lastStatusCode: 200 });
  });

  it("a receiver that never answers is cut off by the timeout: a failed attempt, retried", async () => {
    const silent = createServer(() => undefined); // accepts, never answers
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    try {
      const id = await queued(`http://127.0.0.1:${(silent.address() as AddressInfo).port}/hook`);
      const started = Date.now();
      expect((await deliverDue({ allowHosts: ["127.0.0.1"], timeoutMs: 300 })).map((r) => r.outcome)).toEqual([
        "retry",
      ]);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(await deliveryOf(id)).toMatchObject({
        status: "pending",
        lastStatusCode: null,
        lastError: expect.stringMatching(/^(TimeoutError|AbortError)/),
      });
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((r) => silent.close(() => r()));
    }
  });
});

describe("redirects", () => {
  it("a receiver answering 302 to a local address: not followed, a failed attempt", async () => {
    const id = await queued(`http://127.0.0.1:${redirector.port}/hook`);
    const results = await deliverDue({ allowHosts: ["127.0.0.1"] });
    expect(results.map((r) => [r.outcome, r.status])).toEqual([["retry", 302]]);
    expect(redirector.heard).toHaveLength(1);
    expect(target.heard).toEqual([]);
    expect(await deliveryOf(id)).toMatchObject({
      status: "pending",
      attempts: 1,
      lastStatusCode: 302,
      lastError: "HTTP 302: redirects are not followed",
    });
  });
});

describe("the allow-list opens exactly the hosts it names", () => {
  it("127.0.0.1 listed: that address is delivered to; localhost, ::1 and 0.0.0.0 still are not", async () => {
    const [open, ...others] = await queuedAll(
      ...["127.0.0.1", "localhost", "[::1]", "0.0.0.0"].map((h) => `http://${h}:${target.port}/hook`),
    );
    const results = await deliverDue({ allowHosts: "127.0.0.1" });
    expect(results.map((r) => r.outcome).sort()).toEqual(["delivered", "refused", "refused", "refused"]);
    expect(target.heard).toHaveLength(1);
    expect(await deliveryOf(open)).toMatchObject({ status: "delivered", lastStatusCode: 200 });
    for (const id of others)
      expect(await deliveryOf(id)).toMatchObject({
        status: "failed",
        lastStatusCode: null,
        lastError: expect.stringMatching(/^refused: /),
      });
  });

  it("localhost listed: that name is delivered to; 127.0.0.1 written out is not", async () => {
    const [open, other] = await queuedAll(
      `http://localhost:${target.port}/hook`,
      `http://127.0.0.1:${target.port}/hook`,
    );
    await deliverDue({ allowHosts: " LocalHost. , " });
    expect(target.heard).toHaveLength(1);
    expect(await deliveryOf(open)).toMatchObject({ status: "delivered" });
    expect(await deliveryOf(other)).toMatchObject({
      status: "failed",
      lastError: "refused: 127.0.0.1 resolves to a private address",
    });
  });
});

describe("registration refuses plainly local URLs (the first line of defence)", () => {
  it("loopback, private and localhost URLs get a field message; the allow-list opens its hosts", async () => {
    for (const host of [
      "[::1]",
      "[::ffff:127.0.0.1]",
      "0.0.0.0",
      "LOCALHOST.",
      "localhost",
      "api.localhost",
      "127.0.0.1",
      "10.1.2.3",
      "169.254.169.254",
      "[fe80::1]",
    ]) {
      const e = await createWebhook(
        admin(),
        { url: `http://${host}:${target.port}/hook`, events: ["decision.recorded"] },
        ["http://app.example.com"],
        [],
      ).catch((x) => x);
      expect(e.fieldErrors?.url, host).toEqual([
        "This is a local or private network address; webhooks go to systems on the internet",
      ]);
    }
    expect(await db.webhookEndpoint.count()).toBe(0);
    await createWebhook(
      admin(),
      { url: `http://127.0.0.1:${target.port}/hook`, events: ["decision.recorded"] },
      ["http://app.example.com"],
      "127.0.0.1",
    );
    await createWebhook(
      admin(),
      { url: "https://hooks.example.com/in", events: ["decision.recorded"] },
      ["http://app.example.com"],
      [],
    );
    expect(await db.webhookEndpoint.count()).toBe(2);
  });
});
