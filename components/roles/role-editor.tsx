"use client";

// The role template editor: everything a template holds, in one form (each part in ./editor).
// Saving makes the role's next version (or version 1 of a new role); openings keep their version
// until moved.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Field, inputClass } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { useJsonWrite } from "@/components/ui/json-write";
import { editorRoleSchema, type EditorValues } from "@/lib/validations/role-editor";
import { DimensionsSection } from "./editor/dimensions";
import { ExercisesSection } from "./editor/exercises";
import { box, errorAt } from "./editor/shared";
import { TextsSections } from "./editor/texts";
import { ThresholdsSection } from "./editor/thresholds";
import { useLeaveGuard } from "./use-leave-guard";

type ServerErrors = Record<string, string[]>;
type Saved = { status?: string; version: number; slug: string };

export function RoleEditor({
  mode,
  initial,
  slug,
  baseVersion,
  initialChangeNote,
}: {
  mode: "create" | "edit";
  initial: EditorValues;
  slug?: string;
  baseVersion?: number;
  /** a note the admin may keep or rewrite (the quality-of-hire suggestion: docs/decisions/079) */
  initialChangeNote?: string;
}) {
  const router = useRouter();
  const [changeNote, setChangeNote] = useState(initialChangeNote ?? "");
  const [serverErrors, setServerErrors] = useState<ServerErrors | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm<EditorValues>({
    resolver: zodResolver(editorRoleSchema) as never,
    defaultValues: initial,
    mode: "onSubmit",
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  const { write } = useJsonWrite();
  // unsaved edits are not lost to a stray click or reload (the guard asks first)
  const { release } = useLeaveGuard(isDirty || changeNote.trim() !== "");

  async function onSubmit(role: unknown) {
    setFormError(null);
    setServerErrors(null);
    setSaved(null);
    const res = await write<Saved>(mode === "create" ? "/api/roles" : `/api/roles/${slug}`, {
      method: mode === "create" ? "POST" : "PUT",
      // the version this editor was opened on: a save after someone else's is refused, not silently replacing it
      body: { role, changeNote, ...(baseVersion ? { baseVersion } : {}) },
    });
    if (res.ok) {
      const data = res.data;
      if (data.status === "unchanged") return setSaved(`Nothing changed: version ${data.version} stays current.`);
      setSaved(`Saved as version ${data.version}.`);
      release();
      router.push(`/roles/${data.slug}`);
      router.refresh();
      return;
    }
    if (res.status === null)
      return setFormError("Not saved: the connection failed. Nothing you typed is lost; try again.");
    setServerErrors(res.data?.error?.fields ?? null);
    setFormError(res.message ?? `Not saved (${res.status}).`);
  }

  const allErrors = Object.entries(serverErrors ?? {});
  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="space-y-6">
      <div className={box}>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id="title" label="Role title" error={errorAt(errors, "title")}>
            <input id="title" className={inputClass} aria-invalid={!!errors.title} {...form.register("title")} />
          </Field>
          {mode === "edit" ? (
            // shown as text, not a greyed box that looks editable; sent with the form unchanged
            <div>
              <p className="text-sm font-medium text-slate-900">Slug (in the role&apos;s address)</p>
              <p className="mt-1 py-2 font-mono text-sm">{slug}</p>
              <p className="text-xs text-slate-600">Fixed once the role is created: links and openings use it.</p>
              <input type="hidden" {...form.register("slug")} />
            </div>
          ) : (
            <Field
              id="slug"
              label="Slug (in the role's address)"
              error={errorAt(errors, "slug") ?? serverErrors?.slug?.[0]}
              hint="Lower-case words joined by hyphens."
            >
              <input id="slug" className={inputClass} aria-describedby="slug-hint" {...form.register("slug")} />
            </Field>
          )}
        </div>
      </div>

      <DimensionsSection form={form} />
      <ExercisesSection form={form} slug={mode === "edit" ? slug : undefined} />
      <TextsSections form={form} />
      <ThresholdsSection form={form} />

      <div className={box}>
        <Field id="changeNote" label="What changed, and why (kept with the version)">
          <input
            id="changeNote"
            className={inputClass}
            value={changeNote}
            onChange={(e) => setChangeNote(e.target.value)}
            maxLength={500}
          />
        </Field>
        {Object.keys(errors).length ? (
          <p role="alert" className="mt-3 text-sm text-red-700">
            Some answers need attention (see the fields marked in red).
          </p>
        ) : null}
        {formError ? (
          <div role="alert" className="mt-3 text-sm text-red-700">
            <p>{formError}</p>
            {allErrors.length ? (
              <ul className="list-disc pl-5">
                {allErrors.map(([path, messages]) => (
                  <li key={path}>
                    {path}: {messages.join("; ")}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {saved ? (
          <p role="status" className="mt-3 text-sm text-emerald-800">
            {saved}
          </p>
        ) : null}
        <Button type="submit" className="mt-3" pending={isSubmitting} pendingLabel="Saving…">
          {mode === "create" ? "Create role" : "Save as a new version"}
        </Button>
      </div>
    </form>
  );
}
