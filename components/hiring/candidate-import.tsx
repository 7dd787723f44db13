"use client";

// The import page's steps (docs/decisions/071-candidate-import.md): a file (or pasted text), the
// columns mapped (guessed by the server from the header, changeable), a preview with each row's
// problems, then "Import N candidates" only when no row has one. Every step is a dry run on the
// server but the last, so the page checks nothing the server would not.
import Link from "next/link";
import { useEffect, useState } from "react";
import { FormAlert, inputClass } from "@/components/forms/field";
import { buttonClass } from "@/components/ui/button";
import { writeJson } from "@/components/ui/json-write";
import type { ImportField } from "@/lib/domain/candidate-import-fields";
import { ImportPreview, type FieldInfo, type Result } from "./candidate-import-preview";

const touch = "min-h-11";

export function CandidateImport({ openingId, fields }: { openingId: string; fields: FieldInfo[] }) {
  const [csv, setCsv] = useState("");
  const [fileName, setFileName] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Partial<Record<ImportField, number>> | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [stage, setStage] = useState<null | "checking" | "importing">(null);
  const [started, setStarted] = useState(0);
  const [elapsed, setElapsed] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);

  useEffect(() => {
    if (!stage) return;
    const t = setInterval(() => setElapsed(Math.round((Date.now() - started) / 1000)), 500);
    return () => clearInterval(t);
  }, [stage, started]);

  async function send(dryRun: boolean, text = csv, map = mapping) {
    setStage(dryRun ? "checking" : "importing");
    setStarted(Date.now());
    setElapsed(0);
    setError(null);
    setProblems([]);
    const res = await writeJson<Result>(`/api/openings/${openingId}/candidates-import`, {
      body: { csv: text, dryRun, ...(map ? { mapping: map } : {}) },
    });
    setStage(null);
    if (res.ok) {
      setResult(res.data);
      if (!map) {
        const guessed: Partial<Record<ImportField, number>> = {};
        for (const [k, name] of Object.entries(res.data.mapping))
          guessed[k as ImportField] = res.data.header.indexOf(name as string);
        setMapping(guessed);
      }
      return;
    }
    setError(res.status === null ? "The connection failed; try again." : (res.message ?? `Failed (${res.status}).`));
    setProblems(
      Object.entries(res.fields).flatMap(([k, m]) => m.map((x) => (k.startsWith("rows.") ? `${k}: ${x}` : x))),
    );
    // an import refused for rows that changed meanwhile (someone added one of them): show them
    if (!dryRun && res.status === 422) void send(true, text, map);
  }

  async function readFile(file: File | undefined) {
    if (!file) return;
    const text = await file.text();
    setFileName(file.name);
    setCsv(text);
    setMapping(null);
    setResult(null);
    await send(true, text, null);
  }

  if (result?.imported)
    return (
      <section aria-labelledby="done" className="mt-6 space-y-3">
        <h2 id="done" className="text-lg font-semibold" tabIndex={-1}>
          Imported {result.imported.candidates} candidates and planned {result.imported.interviews} interviews
        </h2>
        <Link href={`/openings/${openingId}`} className={buttonClass("primary", `inline-flex items-center ${touch}`)}>
          Back to the opening&apos;s candidates
        </Link>
      </section>
    );

  const busy = stage !== null;
  const counts = result?.counts;
  return (
    <div className="mt-6 space-y-6">
      <section aria-labelledby="file" className="space-y-3">
        <h2 id="file" className="text-lg font-semibold">
          1. The file
        </h2>
        <div>
          <label htmlFor="import-file" className="block text-sm font-medium">
            Choose a CSV file
          </label>
          <input
            id="import-file"
            type="file"
            accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values"
            disabled={busy}
            onChange={(e) => void readFile(e.target.files?.[0])}
            className={`mt-1 block w-full text-sm ${touch} file:mr-3 file:min-h-11 file:rounded-md file:border file:border-slate-400 file:bg-white file:px-3`}
          />
        </div>
        <details>
          <summary className={`cursor-pointer text-sm font-medium underline ${touch} flex items-center`}>
            Or paste the rows
          </summary>
          <label htmlFor="import-text" className="mt-2 block text-sm font-medium">
            CSV text, header row first
          </label>
          <textarea
            id="import-text"
            rows={6}
            value={csv}
            onChange={(e) => {
              setCsv(e.target.value);
              setFileName(null);
            }}
            className={`${inputClass} font-mono text-sm`}
          />
          <button
            type="button"
            disabled={busy || !csv.trim()}
            onClick={() => {
              setMapping(null);
              void send(true, csv, null);
            }}
            className={buttonClass("secondaryLarge", `mt-2 ${touch}`)}
          >
            Check these rows
          </button>
        </details>
        {fileName ? <p className="text-sm text-slate-700">Read {fileName}.</p> : null}
      </section>

      {busy ? (
        <div role="status" aria-live="polite" className="space-y-1">
          <p className="text-sm font-medium">
            {stage === "checking" ? "Checking the rows…" : `Importing ${counts?.ready ?? ""} candidates…`} {elapsed}s
          </p>
          <progress className="h-2 w-full max-w-md" aria-label={stage === "checking" ? "Checking" : "Importing"} />
        </div>
      ) : null}
      <FormAlert message={error} />
      {problems.length ? (
        <ul className="list-disc pl-5 text-sm text-red-700">
          {problems.slice(0, 50).map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      ) : null}

      {result && mapping ? (
        <section aria-labelledby="columns" className="space-y-3">
          <h2 id="columns" className="text-lg font-semibold">
            2. Which column holds what
          </h2>
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
            {fields.map((f) => (
              <div key={f.key}>
                <label htmlFor={`map-${f.key}`} className="block text-sm font-medium">
                  {f.label}
                  {f.required ? " (needed)" : ""}
                </label>
                <select
                  id={`map-${f.key}`}
                  value={mapping[f.key] ?? ""}
                  disabled={busy}
                  onChange={(e) => {
                    const next = { ...mapping };
                    if (e.target.value === "") delete next[f.key];
                    else next[f.key] = Number(e.target.value);
                    setMapping(next);
                    void send(true, csv, next);
                  }}
                  className={`${inputClass} ${touch}`}
                >
                  <option value="">Not in the file</option>
                  {result.header.map((h, i) => (
                    <option key={i} value={i}>
                      {h || `Column ${i + 1}`}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
        </section>
      ) : null}

      {result ? (
        <ImportPreview
          result={result}
          fields={fields}
          busy={busy}
          importing={stage === "importing"}
          onImport={() => void send(false)}
        />
      ) : null}
    </div>
  );
}
