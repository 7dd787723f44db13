"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { TextField } from "@/components/ui/text-field";
import { useLazyZodResolver } from "@/components/forms/lazy-resolver";
import { signInWithPassword, signInWithProvider } from "@/lib/auth-client";
import type { SignInInput } from "@/lib/validations/sign-in";
import { buttonClass } from "@/components/ui/button";

const loadSchema = () => import("@/lib/validations/sign-in").then((m) => m.signInSchema);

// One message for every failure (unknown email, wrong password, deactivated, throttled): the
// page must not reveal which accounts exist (docs/decisions/003-sign-in.md).
const FAILED =
  "That email and password did not work. After several failed attempts, sign-in pauses briefly; wait a moment and try again.";

export function SignInForm({
  callbackUrl,
  sso,
  ssoFailed,
}: {
  callbackUrl: string;
  sso: { name: string } | null;
  ssoFailed: boolean;
}) {
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(
    ssoFailed
      ? "Single sign-on did not work for this account. Ask an admin to check that you have an active account."
      : null,
  );
  const form = useForm<SignInInput>({
    resolver: useLazyZodResolver<SignInInput>(loadSchema),
    defaultValues: { email: "", password: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    const next = await signInWithPassword(values.email, values.password, callbackUrl);
    if (!next) {
      setFailure(FAILED);
      form.setValue("password", "");
      form.setFocus("password");
      return;
    }
    // the path the server confirmed, checked again here: only this site (lib/domain/safe-redirect.ts)
    router.replace(next);
    router.refresh();
  });

  return (
    <>
      {/* POST: a click before the script has loaded submits the form natively, and a GET would
          put the password in the address, the history and the server's logs */}
      <form
        method="post"
        onSubmit={onSubmit}
        noValidate
        className="mt-6 space-y-4"
        aria-describedby={failure ? "sign-in-failure" : undefined}
      >
        {failure ? (
          <p
            id="sign-in-failure"
            role="alert"
            className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800"
          >
            {failure}
          </p>
        ) : null}
        <TextField
          id="email"
          label="Email"
          error={errors.email?.message}
          type="email"
          autoComplete="username"
          autoFocus
          {...form.register("email")}
        />
        <TextField
          id="password"
          label="Password"
          error={errors.password?.message}
          type="password"
          autoComplete="current-password"
          {...form.register("password")}
        />
        <button type="submit" disabled={isSubmitting} className={buttonClass("primaryBody", "w-full")}>
          {isSubmitting ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {sso ? (
        <button
          type="button"
          onClick={() => void signInWithProvider("oidc", callbackUrl)}
          className={buttonClass("secondaryBody", "mt-3 w-full")}
        >
          Sign in with {sso.name}
        </button>
      ) : null}
    </>
  );
}
