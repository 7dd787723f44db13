"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/forms/field";
import { TextField } from "@/components/ui/text-field";
import { FormCard, useCreateForm } from "@/components/forms/form-card";
import { Button } from "@/components/ui/button";
import { WEBHOOK_EVENTS, webhookCreateSchema, type WebhookCreateInput } from "@/lib/validations/api";

/** Register a URL for events; the signing secret is shown once. */
export function WebhookCreateForm() {
  const form = useForm<WebhookCreateInput>({
    resolver: zodResolver(webhookCreateSchema),
    defaultValues: { url: "", events: [...WEBHOOK_EVENTS] },
  });
  const { errors, isSubmitting } = form.formState;
  const { created, submit, formError } = useCreateForm<WebhookCreateInput, { url: string; secret: string }>(
    form,
    "/api/admin/webhooks",
  );
  return (
    <FormCard id="new-webhook" title="Add a webhook" onSubmit={form.handleSubmit(submit)}>
      <TextField
        id="hook-url"
        label="URL"
        hint="http:// or https://; not this app's own address."
        error={errors.url?.message}
        type="url"
        {...form.register("url")}
      />
      <fieldset>
        <legend className="text-sm font-medium">Events</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {WEBHOOK_EVENTS.map((e) => (
            <label key={e} className="flex items-center gap-2 text-sm">
              <input type="checkbox" value={e} className="h-4 w-4" {...form.register("events")} />
              <code>{e}</code>
            </label>
          ))}
        </div>
        {errors.events?.message ? (
          <p role="alert" className="mt-1 text-sm text-red-700">
            {errors.events.message}
          </p>
        ) : null}
      </fieldset>
      <FormAlert message={formError} />
      {created ? (
        <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          <p>
            Signing secret for {created.url}, shown once — the receiver checks each request&apos;s
            X-Scorecards-Signature with it:
          </p>
          <code data-testid="webhook-secret" className="mt-2 block break-all rounded bg-white px-2 py-1 font-mono">
            {created.secret}
          </code>
        </div>
      ) : null}
      <Button type="submit" pending={isSubmitting} pendingLabel="Adding…">
        Add webhook
      </Button>
    </FormCard>
  );
}
