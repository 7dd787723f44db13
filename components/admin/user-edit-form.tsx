"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Field, FormAlert } from "@/components/forms/field";
import { TextField } from "@/components/ui/text-field";
import { useApiSubmit } from "@/components/forms/use-api-submit";
import { FormCard } from "@/components/forms/form-card";
import { TimeZoneSelect } from "@/components/settings/time-zone-select";
import { Button } from "@/components/ui/button";
import type { AppRole } from "@/lib/domain/vocabulary";
import {
  passwordResetSchema,
  userUpdateSchema,
  type PasswordResetInput,
  type UserUpdateInput,
} from "@/lib/validations/users";
import { OneTimePassword, RoleCheckboxes } from "./role-checkboxes";

/** Name, app roles, time zone and whether the account may sign in. */
export function UserEditForm({
  user,
  zones,
}: {
  user: { id: string; name: string; roles: AppRole[]; active: boolean; timeZone: string };
  zones: readonly string[];
}) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const form = useForm<UserUpdateInput>({
    resolver: zodResolver(userUpdateSchema),
    defaultValues: { name: user.name, roles: user.roles, active: user.active, timeZone: user.timeZone },
  });
  const { errors, isSubmitting } = form.formState;
  const { submit, formError } = useApiSubmit(form, {
    url: `/api/admin/users/${user.id}`,
    method: "PATCH",
    onSuccess: () => {
      setSaved(true);
      router.refresh();
    },
  });
  return (
    <FormCard id="edit-user" title="Account" onSubmit={form.handleSubmit((v) => (setSaved(false), submit(v)))}>
      <TextField id="name" label="Name" error={errors.name?.message} {...form.register("name")} />
      <RoleCheckboxes register={form.register} error={errors.roles?.message} idPrefix="edit" />
      <Field
        id="edit-timeZone"
        label="Time zone"
        hint="Their reminder e-mails follow working days and hours in this zone. They can also change it in their own settings."
        error={errors.timeZone?.message}
      >
        <TimeZoneSelect
          id="edit-timeZone"
          zones={zones}
          field={form.register("timeZone")}
          invalid={!!errors.timeZone}
          describedBy={errors.timeZone ? "edit-timeZone-hint edit-timeZone-error" : "edit-timeZone-hint"}
        />
      </Field>
      <div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" className="h-4 w-4" aria-describedby="active-hint" {...form.register("active")} />
          Active — may sign in
        </label>
        <p id="active-hint" className="text-xs text-slate-600">
          Deactivating ends their sessions at once. Their scorecards, decisions and audit entries stay.
        </p>
        {errors.active?.message ? (
          <p role="alert" className="mt-1 text-sm text-red-700">
            {errors.active.message}
          </p>
        ) : null}
      </div>
      <FormAlert message={formError} />
      {saved ? (
        <p role="status" className="text-sm text-emerald-800">
          Saved.
        </p>
      ) : null}
      <Button type="submit" pending={isSubmitting} pendingLabel="Saving…">
        Save account
      </Button>
    </FormCard>
  );
}

/** Set a new password, or generate one and show it once. */
export function PasswordResetForm({ user }: { user: { id: string; name: string } }) {
  const [generated, setGenerated] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const form = useForm<PasswordResetInput>({
    resolver: zodResolver(passwordResetSchema),
    defaultValues: { password: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const { submit, formError } = useApiSubmit(form, {
    url: `/api/admin/users/${user.id}/password`,
    onSuccess: (data: { generatedPassword: string | null }) => {
      setGenerated(data.generatedPassword);
      setDone(true);
      form.reset();
    },
  });
  return (
    <FormCard
      id="reset-password"
      title="Reset password"
      onSubmit={form.handleSubmit((v) => (setDone(false), submit(v)))}
    >
      <TextField
        id="password"
        label="New password (optional)"
        hint="Leave empty to generate one. Resetting also lifts a sign-in lockout."
        error={errors.password?.message}
        type="password"
        autoComplete="new-password"
        {...form.register("password")}
      />
      <FormAlert message={formError} />
      {done && !generated ? (
        <p role="status" className="text-sm text-emerald-800">
          Password changed.
        </p>
      ) : null}
      {generated ? <OneTimePassword who={user.name} password={generated} /> : null}
      <Button type="submit" variant="secondaryLarge" pending={isSubmitting} pendingLabel="Resetting…">
        Reset password
      </Button>
    </FormCard>
  );
}
