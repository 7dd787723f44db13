"use client";

// Sends a validated form to a route handler and puts the server's answer back on the form: field
// errors next to their fields (same names as the zod schema), anything else as one form message.
// The form's text is never cleared on failure.
import { useState } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { writeJson } from "@/components/ui/json-write";

export function useApiSubmit<T extends FieldValues, R = unknown>(
  form: UseFormReturn<T>,
  opts: {
    url: string;
    method?: "POST" | "PUT" | "PATCH" | "DELETE";
    body?: (values: T) => unknown;
    onSuccess?: (data: R, values: T) => void;
  },
) {
  const [formError, setFormError] = useState<string | null>(null);
  async function submit(values: T) {
    setFormError(null);
    const res = await writeJson<R>(opts.url, {
      method: opts.method ?? "POST",
      body: opts.body ? opts.body(values) : values,
    });
    if (res.ok) return opts.onSuccess?.(res.data, values);
    if (res.status === null)
      return setFormError("Not saved: the connection failed. Nothing you typed is lost; try again.");
    const fields = res.fields;
    const known = new Set(Object.keys(form.getValues()));
    let placed = false;
    for (const [name, messages] of Object.entries(fields)) {
      if (known.has(name.split(".")[0])) {
        form.setError(name as Path<T>, { message: messages[0] });
        placed = true;
      }
    }
    const unplaced = Object.entries(fields).filter(([name]) => !known.has(name.split(".")[0]));
    setFormError(
      unplaced.length
        ? unplaced.map(([n, m]) => `${n}: ${m[0]}`).join("; ")
        : placed
          ? "Some answers need attention (see the fields marked)."
          : (res.message ?? `Not saved (${res.status}).`),
    );
  }
  return { submit, formError, setFormError };
}
