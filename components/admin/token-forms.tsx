"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/forms/field";
import { TextField } from "@/components/ui/text-field";
import { FormCard, useCreateForm } from "@/components/forms/form-card";
import { writeJson } from "@/components/ui/json-write";
import { Button } from "@/components/ui/button";
import { ShownOnce } from "./shown-once";
import { API_TOKEN_MAX_DAYS, apiTokenCreateSchema, type ApiTokenCreateInput } from "@/lib/validations/api";

type Created = { id: string; name: string; token: string };

/** Create a token for a person; the token is shown once, with a curl line to try it. */
export function TokenCreateForm({ people }: { people: { id: string; name: string; email: string }[] }) {
  const form = useForm<ApiTokenCreateInput>({
    resolver: zodResolver(apiTokenCreateSchema),
    defaultValues: { userId: "", name: "", expiresInDays: "90" },
  });
  const { errors, isSubmitting } = form.formState;
  const { created, submit, formError } = useCreateForm<ApiTokenCreateInput, Created>(form, "/api/admin/tokens");
  const origin = typeof window === "undefined" ? "" : window.location.origin;
  return (
    <FormCard id="new-token" title="Create a token" onSubmit={form.handleSubmit(submit)}>
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField
          as="select"
          id="token-user"
          label="Acts as"
          hint="The token can do exactly what this person can."
          error={errors.userId?.message}
          {...form.register("userId")}
        >
          <option value="">Choose a person…</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.email})
            </option>
          ))}
        </TextField>
        <TextField
          id="token-name"
          label="Name"
          hint="What uses it, e.g. “ATS sync”."
          error={errors.name?.message}
          {...form.register("name")}
        />
        <TextField
          id="token-days"
          label="Expires after (days)"
          hint={`1–${API_TOKEN_MAX_DAYS}; empty for never.`}
          error={errors.expiresInDays?.message}
          inputMode="numeric"
          {...form.register("expiresInDays")}
        />
      </div>
      <FormAlert message={formError} />
      {created ? (
        <ShownOnce
          testId="new-token"
          value={created.token}
          lead={<>Token “{created.name}”, shown once — store it in the integration&apos;s secret settings now:</>}
        >
          Try it:{" "}
          <code className="break-all">
            curl -H &quot;Authorization: Bearer {created.token}&quot; {origin}/api/v1/me
          </code>
        </ShownOnce>
      ) : null}
      <Button type="submit" pending={isSubmitting} pendingLabel="Creating…">
        Create token
      </Button>
    </FormCard>
  );
}

/** A DELETE behind a confirmation step (used to revoke tokens and turn webhooks off). */
export function ConfirmDelete({
  url,
  name,
  verb,
  doing,
  method = "DELETE",
}: {
  url: string;
  name: string;
  verb: string;
  doing: string;
  method?: "DELETE" | "POST";
}) {
  const router = useRouter();
  const [state, setState] = useState<"idle" | "confirm" | "busy" | "error">("idle");
  async function go() {
    setState("busy");
    const res = await writeJson(url, { method, json: false });
    if (!res.ok) return setState("error");
    setState("idle");
    router.refresh();
  }
  if (state === "confirm" || state === "busy")
    return (
      <span className="flex flex-wrap gap-2">
        <button
          type="button"
          onClick={go}
          disabled={state === "busy"}
          className="min-h-11 rounded bg-red-700 px-2 py-1 text-xs font-medium text-white sm:min-h-0"
        >
          {state === "busy" ? doing : `Yes, ${verb.toLowerCase()} ${name}`}
        </button>
        <button
          type="button"
          onClick={() => setState("idle")}
          className="min-h-11 rounded border border-slate-400 px-2 py-1 text-xs sm:min-h-0"
        >
          Cancel
        </button>
      </span>
    );
  return (
    <span>
      <button
        type="button"
        onClick={() => setState("confirm")}
        className="min-h-11 rounded border border-red-700 px-2 py-1 text-xs text-red-800 sm:min-h-0"
      >
        {verb}
        <span className="sr-only"> {name}</span>
      </button>
      {state === "error" ? (
        <span role="alert" className="ml-2 text-xs text-red-700">
          Not done; try again.
        </span>
      ) : null}
    </span>
  );
}
