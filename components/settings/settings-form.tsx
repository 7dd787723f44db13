"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Field, FormAlert } from "@/components/forms/field";
import { useApiSubmit } from "@/components/forms/use-api-submit";
import { Button } from "@/components/ui/button";
import { REMINDER_HOUR } from "@/lib/domain/reminders";
import { settingsSchema, type Settings, type SettingsInput } from "@/lib/validations/settings";
import { TimeZoneSelect } from "./time-zone-select";
import { currentZoneName } from "@/lib/domain/time-zone-renames";

const noSubscription = () => () => {};
/** The browser's own zone, read after hydration (the server has none to offer). */
function useBrowserZone(): string | null {
  return useSyncExternalStore(
    noSubscription,
    // under its current name, as the list shows it (docs/decisions/057-time-zone-names.md)
    () => currentZoneName(Intl.DateTimeFormat().resolvedOptions().timeZone || "") || null,
    () => null,
  );
}

/** The signed-in person's time zone and reminder pause (PATCH /api/me/settings). */
export function SettingsForm({ initial, zones }: { initial: Settings; zones: readonly string[] }) {
  const router = useRouter();
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm<SettingsInput>({ resolver: zodResolver(settingsSchema), defaultValues: initial });
  const { errors, isSubmitting } = form.formState;
  const browserZone = useBrowserZone();
  const chosen = useWatch({ control: form.control, name: "timeZone" });
  const choices = browserZone && !zones.includes(browserZone) ? [...zones, browserZone].sort() : zones;
  const { submit, formError } = useApiSubmit(form, {
    url: "/api/me/settings",
    method: "PATCH",
    onSuccess: (data: Settings) => {
      form.reset(data);
      setSaved(
        data.remindersPaused ? "Saved. Reminders are paused." : `Saved. Reminders follow ${data.timeZone} time.`,
      );
      // the layout's notice follows the pause at once
      router.refresh();
    },
  });
  const tzDescribedBy = [
    "timeZone-hint",
    browserZone ? "timeZone-browser" : null,
    errors.timeZone ? "timeZone-error" : null,
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <form
      onSubmit={form.handleSubmit((v) => (setSaved(null), submit(v)))}
      noValidate
      className="max-w-xl space-y-5 rounded-lg border border-slate-200 bg-white p-4 sm:p-6"
      aria-label="Your settings"
    >
      <div>
        <Field
          id="timeZone"
          label="Time zone"
          hint={`Follow-up reminders come at ${String(REMINDER_HOUR).padStart(2, "0")}:00 on your working days (Monday to Friday) in this time zone.`}
          error={errors.timeZone?.message}
        >
          <TimeZoneSelect
            id="timeZone"
            zones={choices}
            field={form.register("timeZone")}
            invalid={!!errors.timeZone}
            describedBy={tzDescribedBy}
          />
        </Field>
        {browserZone ? (
          <p id="timeZone-browser" className="mt-1 text-sm text-slate-700">
            {browserZone === chosen ? (
              "This is also your browser's time zone."
            ) : (
              <>
                Your browser is set to <strong>{browserZone}</strong>.{" "}
                <button
                  type="button"
                  className="font-medium text-indigo-800 underline hover:text-indigo-900"
                  onClick={() => form.setValue("timeZone", browserZone, { shouldDirty: true, shouldValidate: true })}
                >
                  Use {browserZone}
                </button>
              </>
            )}
          </p>
        ) : null}
      </div>
      <div>
        <label className="flex items-start gap-2 text-sm font-medium text-slate-900">
          <input
            type="checkbox"
            className="mt-0.5 h-4 w-4"
            aria-describedby="remindersPaused-hint"
            {...form.register("remindersPaused")}
          />
          Pause reminders
        </label>
        <p id="remindersPaused-hint" className="ml-6 text-sm text-slate-700">
          While paused you get no reminder e-mails about scorecards you owe, and no notice about them at the top of the
          page. The overdue marks in My interviews stay, so you can still see what is waiting.
        </p>
        {errors.remindersPaused?.message ? (
          <p role="alert" className="ml-6 mt-1 text-sm text-red-700">
            {errors.remindersPaused.message}
          </p>
        ) : null}
      </div>
      <FormAlert message={formError} />
      {saved ? (
        <p role="status" className="text-sm font-medium text-emerald-800">
          {saved}
        </p>
      ) : null}
      <Button type="submit" pending={isSubmitting} pendingLabel="Saving…">
        Save settings
      </Button>
    </form>
  );
}
