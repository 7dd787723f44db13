"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/forms/field";
import { FormCard, useCreateForm } from "@/components/forms/form-card";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { ShownOnce } from "./shown-once";
import { scimTokenCreateSchema, type ScimTokenCreateInput } from "@/lib/validations/scim";

type Created = { id: string; name: string; token: string };

/** Make a SCIM token for an identity provider; it is shown once, with the base URL to give it. */
export function ScimTokenCreateForm() {
  const form = useForm<ScimTokenCreateInput>({
    resolver: zodResolver(scimTokenCreateSchema),
    defaultValues: { name: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const { created, submit, formError } = useCreateForm<ScimTokenCreateInput, Created>(form, "/api/admin/scim-tokens");
  const origin = typeof window === "undefined" ? "" : window.location.origin;
  return (
    <FormCard id="new-scim-token" title="Create a SCIM token" onSubmit={form.handleSubmit(submit)}>
      <TextField
        id="scim-token-name"
        label="Name"
        hint="The identity provider that uses it, e.g. “Okta” or “Entra ID”."
        error={errors.name?.message}
        {...form.register("name")}
      />
      <FormAlert message={formError} />
      {created ? (
        <ShownOnce
          testId="new-scim-token"
          value={created.token}
          lead={
            <>
              SCIM token “{created.name}”, shown once — paste it into the identity provider&apos;s provisioning settings
              now:
            </>
          }
        >
          SCIM base URL: <code className="break-all">{origin}/scim/v2</code>
        </ShownOnce>
      ) : null}
      <Button type="submit" pending={isSubmitting} pendingLabel="Creating…">
        Create SCIM token
      </Button>
    </FormCard>
  );
}
