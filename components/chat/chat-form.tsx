"use client";

// Where chat notices go (docs/decisions/073-chat-notices.md): Slack or Teams and the incoming-webhook
// URL, for a person (Settings) or an opening's channel (Edit opening). The URL is never shown back:
// only its host and last four characters.
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Field, FormAlert, inputClass } from "@/components/forms/field";
import { useApiSubmit } from "@/components/forms/use-api-submit";
import { Button } from "@/components/ui/button";
import { writeJson } from "@/components/ui/json-write";
import { chatSettingSchema, type ChatSettingInput, type ChatSettingView } from "@/lib/validations/chat";

export function ChatForm({
  apiUrl,
  initial,
  title,
  hint,
  children,
}: {
  apiUrl: string;
  initial: ChatSettingView;
  title: string;
  hint: string;
  /** the latest notices to this destination (server-rendered) */
  children?: React.ReactNode;
}) {
  const [current, setCurrent] = useState(initial);
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm<ChatSettingInput>({
    resolver: zodResolver(chatSettingSchema),
    defaultValues: { kind: initial.kind ?? "slack", url: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const { submit, formError, setFormError } = useApiSubmit(form, {
    url: apiUrl,
    method: "PUT",
    onSuccess: (data: ChatSettingView) => {
      setCurrent(data);
      form.reset({ kind: data.kind ?? "slack", url: "" });
      setSaved("Saved. Notices go to the new address from now on.");
    },
  });
  async function remove() {
    setSaved(null);
    setFormError(null);
    const res = await writeJson<ChatSettingView>(apiUrl, { method: "DELETE", json: false });
    if (!res.ok) return setFormError(res.message ?? "Not removed; try again.");
    setCurrent(res.data);
    setSaved("Removed. No chat notices are sent.");
  }
  return (
    <form
      onSubmit={form.handleSubmit((v) => (setSaved(null), submit(v)))}
      noValidate
      className="max-w-xl space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6"
      aria-label={title}
    >
      <h2 className="text-lg font-semibold">{title}</h2>
      <p className="text-sm text-slate-700">{hint}</p>
      <p className="text-sm text-slate-900" data-testid="chat-current">
        {current.destination
          ? `Now: ${current.kind === "teams" ? "Microsoft Teams" : "Slack"} · ${current.destination}`
          : "Now: no chat notices."}
      </p>
      <Field id="chat-kind" label="Chat app" error={errors.kind?.message}>
        <select id="chat-kind" className={inputClass} aria-invalid={!!errors.kind} {...form.register("kind")}>
          <option value="slack">Slack</option>
          <option value="teams">Microsoft Teams</option>
        </select>
      </Field>
      <Field
        id="chat-url"
        label="Incoming-webhook URL"
        hint="From Slack's Incoming Webhooks app, or a Teams Workflows “post to a channel when a webhook request is received” flow. It is kept secret: only its host and last four characters are shown."
        error={errors.url?.message}
      >
        <input
          id="chat-url"
          type="url"
          autoComplete="off"
          spellCheck={false}
          className={inputClass}
          aria-invalid={!!errors.url}
          aria-describedby={errors.url ? "chat-url-hint chat-url-error" : "chat-url-hint"}
          {...form.register("url")}
        />
      </Field>
      <FormAlert message={formError} />
      {saved ? (
        <p role="status" className="text-sm font-medium text-emerald-800">
          {saved}
        </p>
      ) : null}
      <div className="flex gap-3">
        <Button type="submit" pending={isSubmitting} pendingLabel="Saving…">
          Save chat address
        </Button>
        {current.destination ? (
          <Button type="button" variant="secondary" onClick={remove}>
            Remove
          </Button>
        ) : null}
      </div>
      {children ? <div className="border-t border-slate-200 pt-3">{children}</div> : null}
    </form>
  );
}
