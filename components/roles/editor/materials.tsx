"use client";

// An exercise's materials (docs/decisions/045-exercise-materials.md): text and code blocks typed
// here, files uploaded at once (bytes kept by the server, the form holding their hash) and saved
// with the version like everything else.
import { useState } from "react";
import { useFieldArray } from "react-hook-form";
import { inputClass } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { formatBytes, MATERIAL_ACCEPT, MAX_MATERIAL_FILE_BYTES } from "@/lib/domain/material-file";
import { errorAt, type EditorForm } from "./shared";

const KIND_LABEL = { text: "Text", code: "Code block", file: "File" } as const;
const touch = "min-h-11 sm:min-h-0";

async function upload(slug: string, file: File) {
  const res = await fetch(`/api/roles/${encodeURIComponent(slug)}/materials`, {
    method: "POST",
    headers: { "Content-Type": file.type || "application/octet-stream", "X-File-Name": encodeURIComponent(file.name) },
    body: file,
  }).catch(() => null);
  if (!res) return { error: "Not attached: the connection failed. Try again." };
  const data = await res.json().catch(() => null);
  if (!res.ok) return { error: data?.error?.message ?? `Not attached (${res.status}).` };
  return { file: data as { sha256: string; fileName: string; size: number } };
}

export function Materials({ form, index, slug }: { form: EditorForm; index: number; slug?: string }) {
  const { control, register } = form;
  const { errors } = form.formState;
  const name = `exercises.${index}.materials` as const;
  const materials = useFieldArray({ control, name });
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const blank = { title: "", body: "", language: "", fileName: "", sha256: "" };

  async function attach(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    setMessage(null);
    if (file.size > MAX_MATERIAL_FILE_BYTES) {
      input.value = "";
      return setMessage(`Not attached: ${file.name} is ${formatBytes(file.size)}; files may be at most 5 MB.`);
    }
    setPending(true);
    const result = await upload(slug!, file);
    setPending(false);
    input.value = "";
    if ("error" in result) return setMessage(result.error ?? "Not attached.");
    const f = result.file;
    materials.append({ ...blank, kind: "file", title: f.fileName, fileName: f.fileName, sha256: f.sha256 });
    setMessage(`Attached ${f.fileName} (${formatBytes(f.size)}); it is kept with the version you save.`);
  }

  return (
    <fieldset className="mt-2">
      <legend className="text-sm font-medium">Materials for the interviewer to hand over</legend>
      <ul className="mt-1 space-y-2">
        {materials.fields.map((m, k) => {
          const at = `${name}.${k}`;
          const id = `ex-${index}-mat-${k}`;
          return (
            <li key={m.id} className="rounded-md border border-slate-200 p-2">
              <p className="text-xs font-medium text-slate-700">
                {KIND_LABEL[m.kind]}
                {m.kind === "file" ? `: ${m.fileName}` : null}
              </p>
              <div className="mt-1 grid gap-2 sm:grid-cols-[1fr_10rem]">
                <TextField
                  id={`${id}-title`}
                  label={`Material ${k + 1} title`}
                  error={errorAt(errors, `${at}.title`)}
                  {...register(`${name}.${k}.title`)}
                />
                {m.kind === "code" ? (
                  <TextField id={`${id}-lang`} label="Language (optional)" {...register(`${name}.${k}.language`)} />
                ) : null}
              </div>
              {m.kind !== "file" ? (
                <TextField
                  as="textarea"
                  id={`${id}-body`}
                  label={m.kind === "code" ? "Code" : "Text"}
                  rows={m.kind === "code" ? 6 : 3}
                  className={m.kind === "code" ? `${inputClass} font-mono` : inputClass}
                  error={errorAt(errors, `${at}.body`)}
                  {...register(`${name}.${k}.body`)}
                />
              ) : (
                errorAt(errors, `${at}.sha256`) && (
                  <p className="text-sm text-red-700">{errorAt(errors, `${at}.sha256`)}</p>
                )
              )}
              <Button variant="tiny" className={`mt-2 ${touch}`} onClick={() => materials.remove(k)}>
                Remove material {k + 1}
              </Button>
            </li>
          );
        })}
      </ul>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <Button variant="tiny" className={touch} onClick={() => materials.append({ ...blank, kind: "text" })}>
          Add text
        </Button>
        <Button variant="tiny" className={touch} onClick={() => materials.append({ ...blank, kind: "code" })}>
          Add code block
        </Button>
        {slug ? (
          <label className="text-sm">
            <span className="mr-2 font-medium">{pending ? "Uploading…" : "Attach a file (at most 5 MB)"}</span>
            <input
              type="file"
              accept={MATERIAL_ACCEPT}
              disabled={pending}
              onChange={(e) => void attach(e.currentTarget)}
              className={`text-sm ${touch}`}
            />
          </label>
        ) : (
          <span className="text-sm text-slate-700">Files can be attached once the role is created.</span>
        )}
      </div>
      {message ? (
        <p role="status" className="mt-1 text-sm text-slate-800">
          {message}
        </p>
      ) : null}
    </fieldset>
  );
}
