// Drives next-auth's own request handling (next-auth/core, what /api/auth/* runs) in-process with
// the app's authOptions: real CSRF, real credentials check, real JWT cookies and callbacks. A
// cookie jar per "browser".
import { createRequire } from "node:module";
import path from "node:path";
import type { NextAuthOptions } from "next-auth";

// next-auth/core is not in the package's exports map; it is the handler NextAuth() wraps
const { AuthHandler } = createRequire(import.meta.url)(
  path.resolve(import.meta.dirname, "../../node_modules/next-auth/core/index.js"),
) as {
  AuthHandler: (params: { req: unknown; options: NextAuthOptions }) => Promise<unknown>;
};

export const SESSION_COOKIE = "next-auth.session-token";
export type Jar = Record<string, string>;

type Result = {
  status?: number;
  redirect?: string;
  body?: unknown;
  cookies?: { name: string; value: string; options?: { maxAge?: number; expires?: Date } }[];
};

async function call(
  options: NextAuthOptions,
  jar: Jar,
  req: {
    action: string;
    method: "GET" | "POST";
    providerId?: string;
    body?: Record<string, string>;
    headers?: Record<string, string>;
    query?: Record<string, string>;
  },
): Promise<Result> {
  const res = (await AuthHandler({
    req: {
      ...req,
      cookies: { ...jar },
      headers: { host: "127.0.0.1:3000", ...(req.headers ?? {}) },
      query: req.query ?? {},
      body: req.body ?? {},
    } as never,
    options,
  })) as Result;
  for (const c of res.cookies ?? []) {
    if (c.value === "" || c.options?.maxAge === 0) delete jar[c.name];
    else jar[c.name] = c.value;
  }
  return res;
}

async function csrf(options: NextAuthOptions, jar: Jar): Promise<string> {
  const res = await call(options, jar, { action: "csrf", method: "GET" });
  return (res.body as { csrfToken: string }).csrfToken;
}

/** Signs in with email and password as the browser's form does; the redirect next-auth answers with. */
export async function signInWith(
  options: NextAuthOptions,
  jar: Jar,
  email: string,
  password: string,
  opts: { callbackUrl?: string; headers?: Record<string, string> } = {},
) {
  const csrfToken = await csrf(options, jar);
  const res = await call(options, jar, {
    action: "callback",
    providerId: "credentials",
    method: "POST",
    body: { csrfToken, email, password, json: "true", ...(opts.callbackUrl ? { callbackUrl: opts.callbackUrl } : {}) },
    headers: opts.headers,
  });
  return { redirect: res.redirect ?? "", signedIn: !!jar[SESSION_COOKIE] };
}

/** Signs out as the browser's button does (next-auth's POST /api/auth/signout). */
export async function signOutWith(options: NextAuthOptions, jar: Jar, callbackUrl = "/sign-in") {
  const csrfToken = await csrf(options, jar);
  const res = await call(options, jar, {
    action: "signout",
    method: "POST",
    body: { csrfToken, callbackUrl, json: "true" },
  });
  return { redirect: res.redirect ?? "" };
}
