"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/forms/field";
import { TextField } from "@/components/ui/text-field";
import { useApiSubmit } from "@/components/forms/use-api-submit";
import { Button } from "@/components/ui/button";
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
        <TextField
          id="new-name"
          label="Name"
          error={errors.name?.message}
          autoComplete="off"
          {...form.register("name")}
        />
        <TextField
          id="new-email"
          label="E-mail (their sign-in)"
          error={errors.email?.message}
          type="email"
          autoComplete="off"
          {...form.register("email")}
        />
      </div>
      <RoleCheckboxes register={form.register} error={errors.roles?.message} idPrefix="new" />
      <TextField
        id="new-password"
        label="Password (optional)"
        hint="Leave empty to generate a strong one, shown once after saving. Otherwise at least 12 characters."
        error={errors.password?.message}
        type="password"
        autoComplete="new-password"
        {...form.register("password")}
      />
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
      <Button type="submit" pending={isSubmitting} pendingLabel="Adding…">
        Add person
      </Button>
    </form>
  );
}
