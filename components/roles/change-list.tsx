import { describeChange, type TemplateChange, type TextChange } from "@/lib/domain/template-diff";

function BeforeAfter({ d }: { d: TextChange }) {
  return (
    <div className="mt-1">
      <p className="font-medium">{d.what}</p>
      <dl className="mt-1 grid gap-2 sm:grid-cols-2">
        {(
          [
            ["Before", d.from, "border-red-200 bg-red-50"],
            ["After", d.to, "border-emerald-200 bg-emerald-50"],
          ] as const
        ).map(([label, text, tone]) => (
          <div key={label} className={`rounded-md border p-2 ${tone}`}>
            <dt className="text-xs font-semibold tracking-wide text-slate-800 uppercase">{label}</dt>
            <dd className="whitespace-pre-wrap text-slate-900">
              {text ?? <span className="text-slate-700 italic">(none)</span>}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** The changes between two versions in words; changed anchors and evidence with their before and after text. */
export function ChangeList({ changes }: { changes: TemplateChange[] }) {
  return (
    <ul className="mt-4 list-disc space-y-2 pl-5 text-sm" aria-label="Changes">
      {changes.map((c, i) => (
        <li key={i}>
          {describeChange(c)}
          {c.kind === "dimension-text" && c.details.length ? (
            <div className="space-y-2">
              {c.details.map((d, k) => (
                <BeforeAfter key={k} d={d} />
              ))}
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
