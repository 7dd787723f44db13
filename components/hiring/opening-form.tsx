"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { Field, FormAlert, inputClass } from "@/components/forms/field";
import { TextField } from "@/components/ui/text-field";
import { useApiSubmit } from "@/components/forms/use-api-submit";
import { Button } from "@/components/ui/button";
import { OPENING_STATUSES } from "@/lib/domain/vocabulary";
import {
  openingSchema,
  openingUpdateSchema,
  type OpeningInput,
  type OpeningUpdateInput,
} from "@/lib/validations/hiring";

type Person = { id: string; name: string; email: string };
type Props = { managers: Person[]; recruiters: Person[] } & (
  | { mode: "create"; roles: { slug: string; title: string; version: number }[] }
  | { mode: "edit"; openingId: string; initial: OpeningUpdateInput }
);

function PersonSelect({
  id,
  people,
  error,
  register,
}: {
  id: string;
  people: Person[];
  error?: string;
  register: object;
}) {
  return (
    <select
      id={id}
      className={inputClass}
      aria-invalid={!!error}
      aria-describedby={error ? `${id}-error` : undefined}
      {...register}
    >
      <option value="">Choose…</option>
      {people.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name} ({p.email})
        </option>
      ))}
    </select>
  );
}

/** Create an opening on a role (pinned to its current version), or edit / close one. */
export function OpeningForm(props: Props) {
  const router = useRouter();
  const create = props.mode === "create";
  const form = useForm<OpeningInput & Partial<OpeningUpdateInput>>({
    resolver: zodResolver(create ? openingSchema : openingUpdateSchema) as never,
    defaultValues: create ? { title: "", roleSlug: "", hiringManagerId: "", recruiterId: "" } : props.initial,
  });
  const { errors, isSubmitting } = form.formState;
  const { submit, formError } = useApiSubmit(form, {
    url: create ? "/api/openings" : `/api/openings/${props.openingId}`,
    method: create ? "POST" : "PATCH",
    onSuccess: (data: { id: string }) => {
      router.push(`/openings/${create ? data.id : props.openingId}`);
      router.refresh();
    },
  });
  return (
    <form
      onSubmit={form.handleSubmit(submit)}
      noValidate
      className="max-w-xl space-y-4 rounded-lg border border-slate-200 bg-white p-4"
    >
      <TextField
        id="title"
        label="Title"
        error={errors.title?.message}
        hint="As candidates and the team will know it, e.g. Lead AI Platform Engineer — ML Platform"
        errorReplacesHint
        {...form.register("title")}
      />
      {create ? (
        <TextField
          as="select"
          id="roleSlug"
          label="Role template"
          error={errors.roleSlug?.message}
          hint="The opening keeps this version of the role until someone moves it on."
          errorReplacesHint
          {...form.register("roleSlug")}
        >
          <option value="">Choose…</option>
          {props.roles.map((r) => (
            <option key={r.slug} value={r.slug}>
              {r.title} (v{r.version})
            </option>
          ))}
        </TextField>
      ) : null}
      <Field id="hiringManagerId" label="Hiring manager" error={errors.hiringManagerId?.message}>
        <PersonSelect
          id="hiringManagerId"
          people={props.managers}
          error={errors.hiringManagerId?.message}
          register={form.register("hiringManagerId")}
        />
      </Field>
      <Field id="recruiterId" label="Recruiter" error={errors.recruiterId?.message}>
        <PersonSelect
          id="recruiterId"
          people={props.recruiters}
          error={errors.recruiterId?.message}
          register={form.register("recruiterId")}
        />
      </Field>
      {!create ? (
        <Field
          id="status"
          label="Status"
          error={errors.status?.message}
          hint="A closed opening takes no new candidates or interviews; everything recorded stays readable."
        >
          <select id="status" className={inputClass} aria-describedby="status-hint" {...form.register("status")}>
            {OPENING_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <FormAlert message={formError} />
      <Button type="submit" pending={isSubmitting} pendingLabel="Saving…">
        {create ? "Create opening" : "Save opening"}
      </Button>
    </form>
  );
}
