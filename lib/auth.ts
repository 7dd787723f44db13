import "server-only";
import { randomUUID } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import { getToken } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { endSession, findSessionUser } from "./data/sessions";
import { checkCredentials, findActiveUser, findActiveUserByEmail } from "./data/sign-in";
import { clientAddress, SOCKET_ADDRESS_HEADER } from "./domain/client-address";
import { originOf, safeRedirectPath } from "./domain/safe-redirect";
import { isSessionCurrent, SESSION_MAX_AGE_S, sessionClaims, sessionEndsAt } from "./domain/sessions";
import type { AppRole } from "./domain/vocabulary";
import { env } from "./env";
import { UnauthenticatedError } from "./errors";
import { signInSchema } from "./validations/sign-in";

/**
 * The client's address for the sign-in throttle: the socket's peer, or with TRUSTED_PROXY_HOPS
 * the entry that many hops from the right of X-Forwarded-For (docs/decisions/015).
 */
export function requestAddress(headers: Record<string, unknown> | undefined): string | null {
  const header = (name: string) => (typeof headers?.[name] === "string" ? (headers[name] as string) : null);
  return clientAddress({
    forwardedFor: header("x-forwarded-for"),
    socketAddress: header(SOCKET_ADDRESS_HEADER),
    trustedHops: env.TRUSTED_PROXY_HOPS,
  });
}

/** The app's own origin (NEXTAUTH_URL's): the only one sign-in may send anyone to. */
export const appOrigin = () => originOf(env.NEXTAUTH_URL);

const providers: NextAuthOptions["providers"] = [
  CredentialsProvider({
    name: "Email and password",
    credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
    async authorize(credentials, req) {
      const parsed = signInSchema.safeParse(credentials);
      if (!parsed.success) return null;
      return checkCredentials(parsed.data.email, parsed.data.password, requestAddress(req?.headers));
    },
  }),
];

// Single sign-on with any OpenID Connect provider, when configured (README "Single sign-on (OpenID Connect)").
// Only people who already have an active account (matched by email) may sign in through it.
if (env.oidc) {
  providers.push({
    id: "oidc",
    name: env.oidc.name,
    type: "oauth",
    wellKnown: `${env.oidc.issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId: env.oidc.clientId,
    clientSecret: env.oidc.clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile(profile: { sub: string; email?: string; name?: string }) {
      return { id: profile.sub, email: profile.email ?? null, name: profile.name ?? profile.email ?? null };
    },
  });
}

export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers,
  callbacks: {
    // next-auth follows callbackUrl after sign-in and sign-out, on every /api/auth/* route: only a
    // path on the app's own origin, resolved as a browser would (lib/domain/safe-redirect.ts)
    redirect({ url, baseUrl }) {
      const origin = appOrigin() ?? originOf(baseUrl) ?? baseUrl;
      return `${origin}${safeRedirectPath(url, origin)}`;
    },
    async signIn({ account, user }) {
      if (account?.provider !== "oidc") return true;
      return !!(user.email && (await findActiveUserByEmail(user.email)));
    },
    async jwt({ token, user, account }) {
      if (user && account) {
        const found =
          account.provider === "oidc" ? await findActiveUserByEmail(user.email ?? "") : await findActiveUser(user.id);
        if (found) {
          token.sub = found.id;
          token.name = found.name;
          token.email = found.email;
          token.roles = found.roles;
          // this session's own id (next-auth's jti changes each time it re-issues the cookie), the
          // user's generation and the sign-in time: getCurrentUser checks all three (docs/decisions/016)
          token.sessionId = randomUUID();
          // for a password sign-in, the generation read with the password hash it was checked
          // against: a reset landing in between then ends this session too
          const checked = (user as { sessionGeneration?: unknown }).sessionGeneration;
          token.generation = typeof checked === "number" ? checked : found.sessionGeneration;
          token.signedInAt = Math.floor(Date.now() / 1000);
        }
      }
      return token;
    },
    session({ session, token }) {
      if (session.user) {
        session.user.id = token.sub ?? "";
        session.user.roles = (token.roles as string[] | undefined) ?? [];
      }
      session.sessionId = token.sessionId;
      session.generation = token.generation;
      session.signedInAt = token.signedInAt;
      return session;
    },
  },
  events: {
    // signing out ends the session it came from, not only this browser's cookie: a copy of the
    // cookie kept elsewhere is refused from now on
    async signOut({ token }) {
      const claims = sessionClaims(token);
      if (claims && token?.sub)
        await endSession({ sessionId: claims.sessionId, userId: token.sub, expiresAt: sessionEndsAt(claims) });
    },
  },
};

export type CurrentUser = { id: string; email: string; name: string; roles: AppRole[] };

// next-auth's name for the session cookie: the __Secure- prefix when the app is served over https
const SESSION_COOKIE = `${env.NEXTAUTH_URL?.startsWith("https://") ? "__Secure-" : ""}next-auth.session-token`;

/**
 * The signed-in, still active user, with roles as stored now (not as when the session began), of
 * a session not ended since: not signed out, of the user's current session generation, and begun
 * less than 12 hours ago (docs/decisions/016). The cookie is decoded with next-auth's own JWT
 * decode (signature, encryption and expiry checked as getServerSession checks them), without
 * getServerSession's per-request setup and re-encoding of a cookie a render cannot set; the user,
 * roles and ended-session check are one statement (docs/decisions/063). Memoised per request:
 * the layout and the page of one render share it (React's cache lasts one server request;
 * outside a render it does not cache).
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const token = await getToken({
    // the cookies only: a bearer header is an API token (docs/decisions/007), never a session
    req: { cookies: await cookies(), headers: {} } as unknown as Parameters<typeof getToken>[0]["req"],
    secret: env.NEXTAUTH_SECRET,
    cookieName: SESSION_COOKIE,
  });
  const claims = sessionClaims(token);
  if (!token?.sub || !claims) return null;
  const found = await findSessionUser(token.sub, claims.sessionId);
  if (!found || !isSessionCurrent(claims, found.user, found.ended, new Date())) return null;
  const { user } = found;
  return { id: user.id, email: user.email, name: user.name, roles: user.roles as AppRole[] };
});

/** For pages: the user, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireUser(returnTo?: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(safeRedirectPath(returnTo))}` : "/sign-in");
  return user;
}

export function hasRole(user: CurrentUser, ...roles: AppRole[]): boolean {
  return roles.some((r) => user.roles.includes(r));
}

/** For pages: a user holding one of the roles; anyone else gets the not-found page. */
export async function requireRole(roles: AppRole[], returnTo?: string): Promise<CurrentUser> {
  const user = await requireUser(returnTo);
  if (!hasRole(user, ...roles)) notFound();
  return user;
}

/** For route handlers and actions: the signed-in user, or an UnauthenticatedError (401). */
export async function userOrThrow(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new UnauthenticatedError();
  return user;
}
