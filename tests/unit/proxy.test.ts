// The Content Security Policy is on every page response, prefetches included (docs/decisions/018):
// the proxy's matcher no longer skips requests carrying next-router-prefetch.
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { config, proxy } from "@/proxy";

const PREFETCH = { "next-router-prefetch": "1" };
const RSC_PREFETCH = { rsc: "1", "next-router-prefetch": "1", "next-router-state-tree": "%5B%22%22%5D" };

describe("proxy", () => {
  it("runs for pages, prefetched or not, and not for the API or static files", () => {
    for (const headers of [{}, PREFETCH, RSC_PREFETCH, { purpose: "prefetch" }]) {
      for (const url of ["/", "/candidates", "/openings/abc?sort=name", "/sign-in"])
        expect(unstable_doesMiddlewareMatch({ config, url, headers }), `${url} ${JSON.stringify(headers)}`).toBe(true);
    }
    for (const url of ["/api/ping", "/api/v1/me", "/_next/static/chunks/app.js", "/_next/image?url=x", "/favicon.ico"])
      expect(unstable_doesMiddlewareMatch({ config, url }), url).toBe(false);
  });

  it("puts the policy with a fresh nonce on the response and on the request Next.js renders from", () => {
    const res = proxy(new NextRequest("http://127.0.0.1:3000/candidates", { headers: PREFETCH }));
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    // NextResponse.next({ request: { headers } }) hands the request headers on as x-middleware-request-*
    expect(res.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    const again = proxy(new NextRequest("http://127.0.0.1:3000/candidates", { headers: PREFETCH })).headers.get(
      "content-security-policy",
    );
    expect(again).not.toBe(csp);
  });

  it("answers 404 to a page path with a NUL in it (an id no query can take), with the policy", async () => {
    const res = proxy(new NextRequest("http://127.0.0.1:3000/candidates/ab%00cd"));
    expect(res.status).toBe(404);
    expect(res.headers.get("content-security-policy")).toMatch(/nonce-/);
    expect(proxy(new NextRequest("http://127.0.0.1:3000/candidates/abc")).status).toBe(200);
  });
});
