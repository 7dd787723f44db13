"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/forms/field";
import { TextField } from "@/components/ui/text-field";
import { FormCard, useCreateForm } from "@/components/forms/form-card";
import { Button } from "@/components/ui/button";
import { userCreateSchema, type UserCreateInput } from "@/lib/validations/users";
import { OneTimePassword, RoleCheckboxes } from "./role-checkboxes";

type Created = { user: { id: string; name: string; email: string }; generatedPassword: string | null };

/** Create an account; leave the password empty to have one generated and shown once. */
export function UserCreateForm() {
  const form = useForm<UserCreateInput>({
    resolver: zodResolver(userCreateSchema),
    defaultValues: { name: "", email: "", roles: ["interviewer"], password: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const { created, submit, formError } = useCreateForm<UserCreateInput, Created>(form, "/api/admin/users");
  return (
    <FormCard id="new-user" title="Add a person" onSubmit={form.handleSubmit(submit)}>
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
    </FormCard>
  );
}
