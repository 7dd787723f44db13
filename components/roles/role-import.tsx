"use client";

// Upload a roles file (the exchange format of `npm run roles:export`), see what it would change
// and every bad field, then save: each changed role becomes its next version, all or nothing.
import Link from "next/link";
import { useState } from "react";
import { writeJson } from "@/components/ui/json-write";
import { describeChange, type TemplateChange } from "@/lib/domain/template-diff";
import { buttonClass } from "@/components/ui/button";

type Preview = { slug: string; title: string; status: "new" | "changed" | "unchanged"; changes: TemplateChange[] };
type Result =
  | { ok: true; preview: Preview[]; saved: { slug: string; version: number; status: string }[] | null }
  | { ok: false; errors: { path: string; message: string }[] };

export function RoleImport() {
  const [file, setFile] = useState<unknown>(null);
  const [name, setName] = useState("");
  const [result, setResult] = useState<Result | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function send(json: unknown, apply: boolean) {
    setPending(true);
    setProblem(null);
    const res = await writeJson<Result>("/api/roles/import", { body: { file: json, apply } });
    setPending(false);
    if (res.ok) return setResult(res.data);
    if (res.status === null) return setProblem("The connection failed; try again.");
    if (res.status === 422 && res.data?.error?.fields) {
      // the file is refused: show every bad field with its path
      return setResult({
        ok: false,
        errors: Object.entries(res.fields).flatMap(([path, messages]) =>
          messages.map((message) => ({ path, message })),
        ),
      });
    }
    setProblem(res.message ?? `Failed (${res.status}).`);
  }

  async function onFile(e: React.ChangeEvent<HTMLInputElement>) {
    setResult(null);
    setProblem(null);
    const f = e.target.files?.[0];
    if (!f) return;
    setName(f.name);
    if (f.size > 200 * 1024) return setProblem("The file is larger than 200 KB.");
    try {
      const json = JSON.parse(await f.text());
      setFile(json);
      await send(json, false);
    } catch {
      setFile(null);
      setProblem(`${f.name} is not valid JSON.`);
    }
  }

  const changed = result?.ok ? result.preview.filter((p) => p.status !== "unchanged").length : 0;
  return (
    <div className="space-y-6">
      <section aria-labelledby="export" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="export" className="text-lg font-semibold">
          Export
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          Every role template&apos;s current version, in the format import reads.
        </p>
        <a
          href="/api/roles/export"
          download
          className="mt-2 inline-block rounded-md border border-slate-400 px-3 py-1.5 text-sm font-medium"
        >
          Download role-templates.json
        </a>
      </section>
      <section aria-labelledby="import" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="import" className="text-lg font-semibold">
          Import
        </h2>
        <label className="mt-2 block text-sm">
          <span className="block font-medium">Roles file (.json)</span>
          <input type="file" accept="application/json,.json" onChange={onFile} className="mt-1 text-sm" />
        </label>
        {pending ? (
          <p role="status" className="mt-2 text-sm">
            Checking…
          </p>
        ) : null}
        {problem ? (
          <p role="alert" className="mt-2 text-sm text-red-700">
            {problem}
          </p>
        ) : null}
        {result && !result.ok ? (
          <div role="alert" className="mt-3 rounded-md border border-red-200 bg-red-50 p-3 text-sm">
            <p className="font-semibold text-red-800">
              {name} cannot be imported; nothing was changed. Fix these fields:
            </p>
            <ul className="mt-1 list-disc pl-5">
              {result.errors.map((e, i) => (
                <li key={i}>
                  <code className="font-mono">{e.path || "(file)"}</code>: {e.message}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {result?.ok ? (
          <div className="mt-3 space-y-3">
            <h3 className="font-semibold">{result.saved ? "Imported" : `Preview of ${name}`}</h3>
            <ul className="space-y-2 text-sm">
              {result.preview.map((p) => {
                const saved = result.saved?.find((s) => s.slug === p.slug);
                return (
                  <li key={p.slug} className="rounded-md border border-slate-200 p-2">
                    <p className="font-medium">
                      <Link href={`/roles/${p.slug}`} className="underline">
                        {p.title}
                      </Link>{" "}
                      —{" "}
                      {saved
                        ? saved.status === "created"
                          ? `saved as version ${saved.version}`
                          : "unchanged"
                        : p.status === "new"
                          ? "new role"
                          : p.status === "changed"
                            ? `${p.changes.length} change(s)`
                            : "no changes"}
                    </p>
                    {p.changes.length ? (
                      <ul className="mt-1 list-disc pl-5">
                        {p.changes.map((c, i) => (
                          <li key={i}>{describeChange(c)}</li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                );
              })}
            </ul>
            {!result.saved ? (
              <button
                type="button"
                disabled={pending || changed === 0}
                onClick={() => send(file, true)}
                className={buttonClass("primary")}
              >
                {changed === 0 ? "Nothing to import" : `Import ${changed} role(s) as new versions`}
              </button>
            ) : null}
          </div>
        ) : null}
      </section>
    </div>
  );
}
