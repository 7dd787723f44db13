// The request boundary on the real server (docs/decisions/018): every HTML page carries the
// Content Security Policy, prefetches included; foreign or broken Origins, bodies not declared
// JSON and oversized sign-in bodies are refused with their own status, never a 500; a query the
// database cannot take is a message on the page.
import { expect, request as pwRequest, test, type APIRequestContext } from "@playwright/test";
import { DEMO_PASSWORD } from "../../seed/demo-password";

let admin: APIRequestContext;

test.beforeAll(async ({ baseURL }) => {
  admin = await pwRequest.newContext({ baseURL });
  const { csrfToken } = await (await admin.get("/api/auth/csrf")).json();
  const res = await admin.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: "admin@demo.test", password: DEMO_PASSWORD, json: "true", callbackUrl: `${baseURL}/` },
  });
  expect(res.status()).toBeLessThan(400);
});
test.afterAll(async () => admin.dispose());

const CSP = /script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/;

test("a page requested as a prefetch (next-router-prefetch, with and without the RSC headers) carries the policy", async () => {
  const variants: Record<string, string>[] = [
    {},
    { "next-router-prefetch": "1" },
    { "next-router-prefetch": "1", rsc: "1" },
    { purpose: "prefetch" },
  ];
  for (const headers of variants) {
    for (const path of ["/openings", "/candidates", "/sign-in"]) {
      const res = await admin.get(path, { headers, maxRedirects: 0 });
      expect(res.status(), `${path} ${JSON.stringify(headers)}`).toBeLessThan(400);
      expect(res.headers()["content-security-policy"], `${path} ${JSON.stringify(headers)}`).toMatch(CSP);
    }
  }
});

test("a full HTML page fetched with next-router-prefetch is HTML with the policy, and its scripts carry the nonce", async () => {
  const res = await admin.get("/openings", { headers: { "next-router-prefetch": "1" } });
  const csp = res.headers()["content-security-policy"];
  expect(csp).toMatch(CSP);
  const html = await res.text();
  if (res.headers()["content-type"]?.includes("text/html")) {
    const nonce = csp.match(/'nonce-([^']+)'/)![1];
    expect(html).toContain(`nonce="${nonce}"`);
  }
});

test("writes with Origin null, garbage or foreign (also with a matching X-Forwarded-Host) are 403, not 500", async ({
  baseURL,
}) => {
  const foreign: Record<string, string>[] = [
    { origin: "null" },
    { origin: "garbage" },
    { origin: "https://evil.example", "x-forwarded-host": "evil.example" },
  ];
  for (const headers of foreign) {
    const res = await admin.patch("/api/me/settings", { headers, data: { timeZone: "UTC", remindersPaused: false } });
    expect(res.status(), JSON.stringify(headers)).toBe(403);
  }
  const own = await admin.patch("/api/me/settings", {
    headers: { origin: new URL(baseURL!).origin },
    data: { timeZone: "UTC", remindersPaused: false },
  });
  expect(own.status()).toBe(200);
});

test("a JSON write sent as text/plain is 415; a body with a NUL or a __proto__ key is 422 naming the field", async () => {
  const plain = await admin.patch("/api/me/settings", {
    headers: { "content-type": "text/plain" },
    data: JSON.stringify({ timeZone: "UTC", remindersPaused: false }),
  });
  expect(plain.status()).toBe(415);
  const nul = await admin.patch("/api/me/settings", {
    headers: { "content-type": "application/json" },
    data: '{"timeZone":"UTC\\u0000","remindersPaused":false}',
  });
  expect(nul.status()).toBe(422);
  expect((await nul.json()).error.fields).toHaveProperty("timeZone");
  const proto = await admin.patch("/api/me/settings", {
    headers: { "content-type": "application/json" },
    data: '{"__proto__":{"admin":true},"timeZone":"UTC","remindersPaused":false}',
  });
  expect(proto.status()).toBe(422);
  expect((await proto.json()).error.fields).toHaveProperty("__proto__");
});

test("the sign-in endpoint refuses a body over 16 KB with 413, signed in or not", async ({ baseURL }) => {
  const anon = await pwRequest.newContext({ baseURL });
  const res = await anon.post("/api/auth/callback/credentials", {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    data: `email=a%40b.c&password=${"x".repeat(64 * 1024)}`,
  });
  expect(res.status()).toBe(413);
  await anon.dispose();
});

test("a search with a NUL in it shows a message next to the box, not an error page", async () => {
  for (const path of ["/candidates?q=ab%00cd", "/admin/users?q=ab%00cd", "/admin/audit?action=ab%00cd"]) {
    const res = await admin.get(path);
    expect(res.status(), path).toBe(200);
    expect(await res.text(), path).toContain("cannot be stored");
  }
  for (const path of ["/candidates/ab%00cd", "/openings/ab%00cd", "/interviews/ab%00cd"])
    expect((await admin.get(path)).status(), path).toBe(404);
});
