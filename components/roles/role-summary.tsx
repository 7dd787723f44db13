import { SUMMARY_FIELDS } from "@/lib/domain/vocabulary";
import type { RoleTemplate } from "@/lib/validations/role-template";

/** Section 20 of the blueprint, field by field; empty fields are left out. */
export function RoleSummary({ summary }: { summary: RoleTemplate["summary"] }) {
  const rows = SUMMARY_FIELDS.filter((f) => summary[f.key]);
  if (rows.length === 0) return <p className="text-sm text-slate-600">No summary recorded for this role.</p>;
  return (
    <dl className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {rows.map((f) => (
        <div key={f.key} className="grid gap-1 p-3 sm:grid-cols-[12rem_1fr] sm:gap-4">
          <dt className="text-sm font-medium text-slate-900">{f.label}</dt>
          <dd className="text-sm text-slate-800">{summary[f.key]}</dd>
        </div>
      ))}
    </dl>
  );
}
