import { SUMMARY_FIELDS } from "@/lib/domain/vocabulary";
import type { RoleTemplate } from "@/lib/validations/role-template";

/** "1) a 2) b" as its numbered parts, for reading; anything else as it is. Display only. */
export function numberedParts(text: string): string[] | null {
  const parts = text
    .split(/(?:^|\s)(?=\d{1,2}\)\s)/)
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length > 2 && parts.every((p, i) => p.startsWith(`${i + 1})`))
    ? parts.map((p) => p.replace(/^\d{1,2}\)\s*/, ""))
    : null;
}

/** Section 20 of the blueprint, field by field; empty fields are left out. */
export function RoleSummary({ summary }: { summary: RoleTemplate["summary"] }) {
  const rows = SUMMARY_FIELDS.filter((f) => summary[f.key]);
  if (rows.length === 0) return <p className="text-sm text-slate-600">No summary recorded for this role.</p>;
  return (
    <dl className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {rows.map((f) => {
        const parts = numberedParts(summary[f.key]);
        return (
          <div key={f.key} className="grid gap-1 p-3 sm:grid-cols-[12rem_1fr] sm:gap-4">
            <dt className="text-sm font-medium text-slate-900">{f.label}</dt>
            <dd className="text-sm text-slate-800">
              {parts ? (
                <ol className="list-decimal space-y-0.5 pl-5">
                  {parts.map((p, i) => (
                    <li key={i}>{p}</li>
                  ))}
                </ol>
              ) : (
                summary[f.key]
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
