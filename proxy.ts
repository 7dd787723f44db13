// Runs before every page: a fresh nonce per request for a strict Content Security Policy (scripts
// only with the nonce, plus what they load: 'strict-dynamic'), and HSTS when served over https.
// Next.js reads the policy from the request headers and puts the nonce on its own scripts.
import { NextResponse, type NextRequest } from "next/server";
import { isStorableText } from "./lib/domain/request-boundary";

/** A page path with a NUL in it names nothing that exists, and the database cannot take it as an id. */
function unstorablePath(pathname: string) {
  try {
    return !isStorableText(decodeURIComponent(pathname));
  } catch {
    return false; // not percent-decodable: Next.js answers it itself
  }
}

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const dev = process.env.NODE_ENV !== "production";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React sets style attributes (chart bars, widths); styles cannot run code
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  if (unstorablePath(request.nextUrl.pathname)) {
    return new NextResponse("Not found", {
      status: 404,
      headers: { "Content-Security-Policy": csp, "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  if (https) response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  return response;
}

export const config = {
  // pages only: API responses (and SCIM's, which answer a bad path in SCIM's own shape) are JSON or files, and static assets need no policy. Prefetches
  // too: a request with next-router-prefetch but without the RSC headers is answered with the
  // full HTML page, which must carry the policy like any other (docs/decisions/018)
  matcher: ["/((?!api/|scim/|_next/static|_next/image|favicon.ico).*)"],
};
