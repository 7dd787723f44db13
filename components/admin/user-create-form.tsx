"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Field, FormAlert, inputClass } from "@/components/forms/field";
import { useApiSubmit } from "@/components/forms/use-api-submit";
import { userCreateSchema, type UserCreateInput } from "@/lib/validations/users";
import { OneTimePassword, RoleCheckboxes } from "./role-checkboxes";

type Created = { user: { id: string; name: string; email: string }; generatedPassword: string | null };

/** Create an account; leave the password empty to have one generated and shown once. */
export function UserCreateForm() {
  const router = useRouter();
  const [created, setCreated] = useState<Created | null>(null);
  const form = useForm<UserCreateInput>({
    resolver: zodResolver(userCreateSchema),
    defaultValues: { name: "", email: "", roles: ["interviewer"], password: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const { submit, formError } = useApiSubmit(form, {
    url: "/api/admin/users",
    onSuccess: (data: Created) => {
      setCreated(data);
      form.reset();
      router.refresh();
    },
  });
  return (
    <form
      onSubmit={form.handleSubmit(submit)}
      noValidate
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      aria-labelledby="new-user"
    >
      <h2 id="new-user" className="text-lg font-semibold">
        Add a person
      </h2>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="new-name" label="Name" error={errors.name?.message}>
          <input
            id="new-name"
            className={inputClass}
            autoComplete="off"
            aria-invalid={!!errors.name}
            aria-describedby={errors.name ? "new-name-error" : undefined}
            {...form.register("name")}
          />
        </Field>
        <Field id="new-email" label="E-mail (their sign-in)" error={errors.email?.message}>
          <input
            id="new-email"
            type="email"
            className={inputClass}
            autoComplete="off"
            aria-invalid={!!errors.email}
            aria-describedby={errors.email ? "new-email-error" : undefined}
            {...form.register("email")}
          />
        </Field>
      </div>
      <RoleCheckboxes register={form.register} error={errors.roles?.message} idPrefix="new" />
      <Field
        id="new-password"
        label="Password (optional)"
        hint="Leave empty to generate a strong one, shown once after saving. Otherwise at least 12 characters."
        error={errors.password?.message}
      >
        <input
          id="new-password"
          type="password"
          autoComplete="new-password"
          className={inputClass}
          aria-invalid={!!errors.password}
          aria-describedby={errors.password ? "new-password-hint new-password-error" : "new-password-hint"}
          {...form.register("password")}
        />
      </Field>
      <FormAlert message={formError} />
      {created ? (
        <div className="space-y-2">
          <p role="status" className="text-sm text-emerald-800">
            Added{" "}
            <a className="underline" href={`/admin/users/${created.user.id}`}>
              {created.user.name}
            </a>{" "}
            ({created.user.email}).
          </p>
          {created.generatedPassword ? (
            <OneTimePassword who={created.user.name} password={created.generatedPassword} />
          ) : null}
        </div>
      ) : null}
      <button
        type="submit"
        disabled={isSubmitting}
        className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800 disabled:opacity-60"
      >
        {isSubmitting ? "Adding…" : "Add person"}
      </button>
    </form>
  );
}
