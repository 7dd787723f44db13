"use client";

import type { FieldValues, Path, UseFormRegister } from "react-hook-form";
import { APP_ROLE_LABELS, APP_ROLES } from "@/lib/domain/vocabulary";

/** The four app roles as a fieldset of checkboxes, with the error for the group under it. */
export function RoleCheckboxes<T extends FieldValues>({
  register,
  error,
  idPrefix,
}: {
  register: UseFormRegister<T>;
  error?: string;
  idPrefix: string;
}) {
  return (
    <fieldset aria-describedby={error ? `${idPrefix}-roles-error` : undefined}>
      <legend className="text-sm font-medium text-slate-900">App roles</legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-2">
        {APP_ROLES.map((r) => (
          <label key={r} className="flex items-center gap-2 text-sm">
            <input type="checkbox" value={r} className="h-4 w-4" {...register("roles" as Path<T>)} />
            {APP_ROLE_LABELS[r]}
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${idPrefix}-roles-error`} role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Shows a password exactly once, with a button to copy it. */
export function OneTimePassword({ who, password }: { who: string; password: string }) {
  return (
    <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-slate-900">
      <p>
        Password for {who}, shown once — give it to them in person or over a channel you trust; they can keep it or ask
        you for a new one:
      </p>
      <p className="mt-2 flex flex-wrap items-center gap-2">
        <code data-testid="one-time-password" className="rounded bg-white px-2 py-1 font-mono text-base">
          {password}
        </code>
        <button
          type="button"
          className="rounded border border-slate-400 px-2 py-1 text-xs"
          onClick={() => navigator.clipboard?.writeText(password)}
        >
          Copy
        </button>
      </p>
    </div>
  );
}
