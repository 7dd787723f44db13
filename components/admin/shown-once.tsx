"use client";

/**
 * A secret just made (an API or SCIM token), shown this once with a Copy button: only its hash is
 * stored (docs/decisions/007). `lead` says what to do with it; `children` add a line below.
 */
export function ShownOnce({
  lead,
  value,
  testId,
  children,
}: {
  lead: React.ReactNode;
  value: string;
  testId: string;
  children?: React.ReactNode;
}) {
  return (
    <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
      <p>{lead}</p>
      <p className="mt-2 flex flex-wrap items-center gap-2">
        <code data-testid={testId} className="break-all rounded bg-white px-2 py-1 font-mono">
          {value}
        </code>
        <button
          type="button"
          className="rounded border border-slate-400 px-2 py-1 text-xs"
          onClick={() => navigator.clipboard?.writeText(value)}
        >
          Copy
        </button>
      </p>
      {children ? <p className="mt-2 text-xs text-slate-700">{children}</p> : null}
    </div>
  );
}
