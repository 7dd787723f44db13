"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import { useApiSubmit } from "./use-api-submit";

/** A form in a white card, named by its h2 (aria-labelledby `id`); the browser's own checks are off. */
export function FormCard({
  id,
  title,
  onSubmit,
  children,
}: {
  id: string;
  title: React.ReactNode;
  onSubmit: React.FormEventHandler<HTMLFormElement>;
  children: React.ReactNode;
}) {
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      aria-labelledby={id}
    >
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </form>
  );
}

/**
 * POST a create form to `url`; on success keep the server's answer as `created` (what to show
 * once, e.g. a generated secret), empty the form for the next one and refresh the page's list.
 */
export function useCreateForm<T extends FieldValues, R>(form: UseFormReturn<T>, url: string) {
  const router = useRouter();
  const [created, setCreated] = useState<R | null>(null);
  const { submit, formError } = useApiSubmit<T, R>(form, {
    url,
    onSuccess: (data) => {
      setCreated(data);
      form.reset();
      router.refresh();
    },
  });
  return { created, submit, formError };
}
