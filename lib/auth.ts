import "server-only";
import type { NextAuthOptions } from "next-auth";
import { getServerSession } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { checkCredentials, findActiveUser, findActiveUserByEmail } from "./data/sign-in";
import type { AppRole } from "./domain/vocabulary";
import { env } from "./env";
import { UnauthenticatedError } from "./errors";
import { signInSchema } from "./validations/sign-in";

function clientAddress(headers: Record<string, unknown> | undefined): string | null {
  const forwarded = headers?.["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : null;
  const real = headers?.["x-real-ip"];
  return first || (typeof real === "string" ? real : null);
}

const providers: NextAuthOptions["providers"] = [
  CredentialsProvider({
    name: "Email and password",
    credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
    async authorize(credentials, req) {
      const parsed = signInSchema.safeParse(credentials);
      if (!parsed.success) return null;
      return checkCredentials(parsed.data.email, parsed.data.password, clientAddress(req?.headers));
    },
  }),
];

// Single sign-on with any OpenID Connect provider, when configured (README "Single sign-on").
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
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers,
  callbacks: {
    async signIn({ account, user }) {
      if (account?.provider !== "oidc") return true;
      return !!(user.email && (await findActiveUserByEmail(user.email)));
    },
    async jwt({ token, user, account }) {
      if (user && account) {
        const found = account.provider === "oidc" ? await findActiveUserByEmail(user.email ?? "") : await findActiveUser(user.id);
        if (found) {
          token.sub = found.id;
          token.name = found.name;
          token.email = found.email;
          token.roles = found.roles;
        }
      }
      return token;
    },
    session({ session, token }) {
      if (session.user) {
        session.user.id = token.sub ?? "";
        session.user.roles = (token.roles as string[] | undefined) ?? [];
      }
      return session;
    },
  },
};

export type CurrentUser = { id: string; email: string; name: string; roles: AppRole[] };

/**
 * The signed-in, still active user, with roles as stored now (not as when the session began).
 * Memoised per request: the layout and the page of one render share one session decode and one
 * read of the user (React's cache lasts one server request; outside a render it does not cache).
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  const user = await findActiveUser(id);
  return user ? { ...user, roles: user.roles as AppRole[] } : null;
});

/** For pages: the user, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireUser(returnTo?: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in");
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
