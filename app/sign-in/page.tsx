import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { appOrigin, getCurrentUser } from "@/lib/auth";
import { safeRedirectPath } from "@/lib/domain/safe-redirect";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[]; error?: string }>;
}) {
  const { callbackUrl, error } = await searchParams;
  // only a path on the app's own origin is followed after sign-in, resolved as a browser would
  // (no open redirect: lib/domain/safe-redirect.ts)
  const next = safeRedirectPath(callbackUrl, appOrigin());
  if (await getCurrentUser()) redirect(next);
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4 py-10">
      <p className="text-lg font-semibold tracking-tight text-indigo-700">Scorecards</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">Sign in</h1>
      <SignInForm
        callbackUrl={next}
        sso={env.oidc ? { name: env.oidc.name } : null}
        ssoFailed={error === "AccessDenied" || error === "OAuthSignin" || error === "Callback"}
      />
    </main>
  );
}
