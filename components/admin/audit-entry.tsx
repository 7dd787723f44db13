import Link from "next/link";
import type { listAuditEntries } from "@/lib/data/audit-view";
import { entityKindLabel, prettyJson } from "@/lib/domain/audit-diff";

type Entry = Awaited<ReturnType<typeof listAuditEntries>>["entries"][number];

const ENTITY_PAGES: Record<string, (id: string) => string> = {
  Candidate: (id) => `/candidates/${id}`,
  Opening: (id) => `/openings/${id}`,
  User: (id) => `/admin/users/${id}`,
};

/**
 * One audit entry as people read it: the record by name, each changed field before → after in
 * words; the stored snapshots as they are (ids, JSON) behind a toggle, as in the CSV.
 */
export function AuditEntry({ entry: e }: { entry: Entry }) {
  const href = ENTITY_PAGES[e.entityType]?.(e.entityId);
  const name = e.entityName ?? e.entityId;
  return (
    <li className="p-3 text-sm">
      <p className="flex flex-wrap gap-x-3">
        <time dateTime={e.at.toISOString()} className="font-mono text-xs text-slate-700">
          {e.at.toISOString().replace("T", " ").slice(0, 19)} UTC
        </time>
        <span className="font-medium">{e.action}</span>
        <span>by {e.actor ? e.actor.name : "the system"}</span>
        <span className="text-slate-700">
          {entityKindLabel(e.entityType)}:{" "}
          {href ? (
            <Link href={href} className="underline">
              {name}
            </Link>
          ) : (
            name
          )}
        </span>
      </p>
      {e.changes.length ? (
        <dl className="mt-1 grid grid-cols-1 gap-x-3 text-xs sm:grid-cols-[minmax(8rem,max-content)_1fr]">
          {e.changes.map((c, i) => (
            <div key={`${c.label}-${i}`} className="contents">
              <dt className="mt-1 font-medium text-slate-800 sm:mt-0">{c.label}</dt>
              <dd className="break-words text-slate-800">
                {c.before === undefined ? null : <del className="text-red-800">{c.before}</del>}
                {c.before !== undefined && c.after !== undefined ? " → " : null}
                {c.after === undefined ? null : <ins className="text-emerald-800 no-underline">{c.after}</ins>}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      <details className="mt-1 text-xs">
        <summary className="inline-flex min-h-11 cursor-pointer items-center text-slate-700 underline sm:min-h-0 sm:py-1">
          Raw record
        </summary>
        <p className="mt-1">
          {e.entityType} id <code className="font-mono">{e.entityId}</code>
        </p>
        <dl className="mt-1 space-y-1">
          <dt className="font-medium">Before</dt>
          <dd>
            <pre className="overflow-x-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 font-mono">
              {prettyJson(e.before)}
            </pre>
          </dd>
          <dt className="font-medium">After</dt>
          <dd>
            <pre className="overflow-x-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 font-mono">
              {prettyJson(e.after)}
            </pre>
          </dd>
        </dl>
      </details>
    </li>
  );
}
