"use client";

// The import's preview (docs/decisions/071-candidate-import.md): the counts, every row with a
// problem first (each problem named next to its row), then ready rows up to SHOWN, and the import
// button only when no row has a problem.
import { buttonClass } from "@/components/ui/button";
import type { ImportField } from "@/lib/domain/candidate-import-fields";

export type FieldInfo = { key: ImportField; label: string; required: boolean };
type Row = {
  line: number;
  name: string;
  email: string;
  interview: { interviewerEmail: string; exercise: string; scheduledAt: string; durationMinutes: number | null } | null;
  problems: { field: ImportField | "row"; message: string }[];
};
export type Result = {
  header: string[];
  mapping: Partial<Record<ImportField, string>>;
  counts: { rows: number; ready: number; withProblems: number; interviews: number };
  rows: Row[];
  imported: { candidates: number; interviews: number } | null;
};

/** Rows shown: every row with a problem first, then ready ones, up to this many. */
const SHOWN = 200;

export function ImportPreview({
  result,
  fields,
  busy,
  importing,
  onImport,
}: {
  result: Result;
  fields: FieldInfo[];
  busy: boolean;
  importing: boolean;
  onImport: () => void;
}) {
  const counts = result.counts;
  const shown = [
    ...result.rows.filter((r) => r.problems.length),
    ...result.rows.filter((r) => !r.problems.length),
  ].slice(0, SHOWN);
  return (
    <section aria-labelledby="preview" className="space-y-3">
      <h2 id="preview" className="text-lg font-semibold">
        3. Preview
      </h2>
      <p className="text-sm" aria-live="polite">
        {counts.rows} rows: {counts.ready} ready
        {counts.withProblems ? `, ${counts.withProblems} with problems to fix in the file` : ""}
        {counts.interviews ? `; ${counts.interviews} interviews to plan` : ""}.
      </p>
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Rows of the file">
        <table className="min-w-full text-left text-sm">
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2 pr-3">
                Line
              </th>
              <th scope="col" className="py-2 pr-3">
                Name
              </th>
              <th scope="col" className="py-2 pr-3">
                E-mail
              </th>
              <th scope="col" className="py-2 pr-3">
                Interview
              </th>
              <th scope="col" className="py-2 pr-3">
                Problems
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.line} className="border-b border-slate-200 align-top">
                <td className="py-2 pr-3">{r.line}</td>
                <td className="py-2 pr-3">{r.name}</td>
                <td className="py-2 pr-3 break-all">{r.email}</td>
                <td className="py-2 pr-3">
                  {r.interview
                    ? [r.interview.interviewerEmail, r.interview.exercise, r.interview.scheduledAt]
                        .filter(Boolean)
                        .join(" · ")
                    : "—"}
                </td>
                <td className="py-2 pr-3">
                  {r.problems.length ? (
                    <ul className="text-red-700">
                      {r.problems.map((p, i) => (
                        <li key={i}>
                          {p.field === "row" ? "" : `${fields.find((f) => f.key === p.field)?.label}: `}
                          {p.message}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="text-green-800">Ready</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {result.rows.length > shown.length ? (
        <p className="text-sm text-slate-700">…and {result.rows.length - shown.length} more ready rows.</p>
      ) : null}
      {counts.rows && !counts.withProblems ? (
        <button type="button" disabled={busy} onClick={onImport} className={buttonClass("primary", "min-h-11")}>
          {importing ? "Importing…" : `Import ${counts.ready} candidates`}
        </button>
      ) : (
        <p className="text-sm text-slate-700">Fix the rows with problems in the file and choose it again.</p>
      )}
    </section>
  );
}
