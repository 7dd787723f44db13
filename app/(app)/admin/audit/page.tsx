import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { requireRole } from "@/lib/auth";
import { auditFilterChoices, listAuditEntries } from "@/lib/data/audit-view";
import { AuditEntry } from "@/components/admin/audit-entry";
import { entityKindLabel } from "@/lib/domain/audit-diff";
import { actionFamily } from "@/lib/domain/audit-filter";
import { auditFilterSchema, type AuditFilter } from "@/lib/validations/audit";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Audit log" };

function query(f: AuditFilter, page?: number) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...f, page }))
    if (v !== undefined && v !== "" && !(k === "page" && v === 1)) p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : "";
}

const selectClass = "block w-full rounded-md border border-slate-400 bg-white px-2 py-2 text-sm";

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const admin = await requireRole(["admin"], "/admin/audit");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = auditFilterSchema.safeParse(raw);
  const errors: Record<string, string> = {};
  if (!parsed.success) for (const i of parsed.error.issues) errors[String(i.path[0] ?? "form")] ??= i.message;
  const filter: AuditFilter = parsed.success ? parsed.data : {};
  const [choices, result] = await Promise.all([
    auditFilterChoices(admin),
    parsed.success ? listAuditEntries(admin, filter) : null,
  ]);
  const families = [...new Set(choices.actions.map(actionFamily))];
  // a filter typed into the URL (user*, user.) stays visible in the select rather than "Any action"
  const typed = raw.action?.trim() ?? "";
  const shownAction = typed.endsWith(".") ? `${typed}*` : typed;
  const extraAction = shownAction && ![...families, ...choices.actions].includes(shownAction) ? shownAction : null;
  const field = (name: keyof AuditFilter, label: string, control: React.ReactNode) => (
    <div>
      <label htmlFor={`f-${name}`} className="block text-sm font-medium">
        {label}
      </label>
      <div className="mt-1">{control}</div>
      {errors[name] ? (
        <p id={`f-${name}-error`} role="alert" className="mt-1 text-sm text-red-700">
          {errors[name]}
        </p>
      ) : null}
    </div>
  );
  const dateField = (name: "from" | "to", label: string) =>
    field(
      name,
      label,
      <input
        id={`f-${name}`}
        name={name}
        type="date"
        defaultValue={raw[name] ?? ""}
        aria-invalid={!!errors[name]}
        aria-describedby={errors[name] ? `f-${name}-error` : undefined}
        className={selectClass}
      />,
    );
  return (
    <>
      <PageHeader title="Audit log" />
      <p className="mt-1 text-sm text-slate-700">
        Every change to scorecards, decisions, openings, candidates, loops, role templates and accounts. Entries cannot
        be edited or deleted.
      </p>
      <form
        method="get"
        action="/admin/audit"
        className="mt-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3"
        aria-label="Filter the audit log"
      >
        {field(
          "action",
          "Action",
          <select
            id="f-action"
            name="action"
            defaultValue={shownAction}
            aria-invalid={!!errors.action}
            aria-describedby={errors.action ? "f-action-error" : undefined}
            className={selectClass}
          >
            <option value="">Any action</option>
            {extraAction ? <option value={extraAction}>{extraAction}</option> : null}
            {families.map((p) => (
              <option key={p} value={p}>
                {p} (all)
              </option>
            ))}
            {choices.actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>,
        )}
        {field(
          "actor",
          "Who",
          <select id="f-actor" name="actor" defaultValue={raw.actor ?? ""} className={selectClass}>
            <option value="">Anyone</option>
            {choices.actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>,
        )}
        {field(
          "entityType",
          "Kind of record",
          <select id="f-entityType" name="entityType" defaultValue={raw.entityType ?? ""} className={selectClass}>
            <option value="">Any</option>
            {choices.entityTypes.map((t) => (
              <option key={t} value={t}>
                {entityKindLabel(t)}
              </option>
            ))}
          </select>,
        )}
        {field(
          "entityId",
          "Record id",
          <input id="f-entityId" name="entityId" defaultValue={raw.entityId ?? ""} className={selectClass} />,
        )}
        {dateField("from", "From (UTC day)")}
        {dateField("to", "To (UTC day, included)")}
        <div className="flex flex-wrap items-end gap-2 sm:col-span-3">
          <button type="submit" className={buttonClass("primary")}>
            Filter
          </button>
          <Link href="/admin/audit" className="px-2 py-2 text-sm underline">
            Clear
          </Link>
          {result ? (
            <a
              href={`/api/admin/audit.csv${query(filter)}`}
              className="ml-auto rounded-md border border-slate-400 px-3 py-2 text-sm"
              download
            >
              Download CSV ({result.total} entr{result.total === 1 ? "y" : "ies"})
            </a>
          ) : null}
        </div>
      </form>
      {result && result.entries.length ? (
        <>
          <p className="mt-4 text-sm text-slate-700" aria-live="polite">
            {result.total} entr{result.total === 1 ? "y" : "ies"}, newest first · page {result.page} of {result.pages}
          </p>
          <ol
            className="mt-2 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white"
            aria-label="Audit entries"
          >
            {result.entries.map((e) => (
              <AuditEntry key={e.id} entry={e} />
            ))}
          </ol>
          <nav aria-label="Pages" className="mt-3 flex justify-between text-sm">
            {result.page > 1 ? (
              <Link href={`/admin/audit${query(filter, result.page - 1)}`} className="underline">
                ← Newer
              </Link>
            ) : (
              <span />
            )}
            {result.page < result.pages ? (
              <Link href={`/admin/audit${query(filter, result.page + 1)}`} className="underline">
                Older →
              </Link>
            ) : null}
          </nav>
        </>
      ) : result ? (
        <EmptyState className="mt-4">No entries match these filters. Widen the dates or clear a filter.</EmptyState>
      ) : (
        <p className="mt-4 text-sm text-red-700">Fix the filter above to see entries.</p>
      )}
    </>
  );
}
