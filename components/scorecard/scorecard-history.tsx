// A submitted scorecard's history by submission (docs/decisions/059-amendment-history-by-submission.md):
// the status line under "Your scorecard" and the versions, newest first, each amendment's reason
// on the version it produced.
import { LocalTime } from "@/components/ui/local-time";
import type { SubmissionVersion } from "@/lib/domain/amendments";
import { ScorecardView } from "./scorecard-view";
import type { KitView } from "./types";

/** "Submitted …, amended … by … — reason" (the latest amendment, and how many when several). */
export function SubmittedLine({ history }: { history: readonly SubmissionVersion[] }) {
  const first = history[0];
  const latest = history[history.length - 1];
  const amendments = history.length - 1;
  return (
    <p className="text-sm text-slate-800" data-testid="submitted-line">
      Submitted <LocalTime iso={first.at.toISOString()} />
      {latest.amendment ? (
        <>
          , amended {amendments > 1 ? `${amendments} times, last ` : ""}
          <LocalTime iso={latest.at.toISOString()} /> by {latest.amendment.by.name} — {latest.amendment.reason}
        </>
      ) : null}
    </p>
  );
}

export function ChangeList({ changes }: { changes: readonly { description: string }[] }) {
  if (!changes.length) return <p className="text-sm text-slate-700">No answer changed.</p>;
  return (
    <ul className="list-disc space-y-0.5 pl-5 text-sm text-slate-800">
      {changes.map((c) => (
        <li key={c.description}>{c.description}</li>
      ))}
    </ul>
  );
}

function VersionLine({ v }: { v: SubmissionVersion }) {
  return (
    <>
      <span className="font-medium">
        Version {v.version}
        {v.current ? " (current)" : ""}
      </span>{" "}
      —{" "}
      {v.amendment ? (
        <>
          amended <LocalTime iso={v.at.toISOString()} /> by {v.amendment.by.name}: {v.amendment.reason}
        </>
      ) : (
        <>
          submitted <LocalTime iso={v.at.toISOString()} />
        </>
      )}
    </>
  );
}

/** Every version, newest first; the current one's changes shown, the older ones' content on demand. */
export function ScorecardHistory({
  kit,
  history,
}: {
  kit: Pick<KitView, "dimensions" | "redFlags">;
  history: readonly SubmissionVersion[];
}) {
  if (history.length < 2) return null;
  const newestFirst = [...history].reverse();
  return (
    <section aria-labelledby="versions-heading" className="mt-6">
      <h3 id="versions-heading" className="text-lg font-semibold">
        Versions ({history.length})
      </h3>
      <ol className="mt-2 space-y-2">
        {newestFirst.map((v) => (
          <li key={v.version} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
            {v.current ? (
              <p>
                <VersionLine v={v} />
              </p>
            ) : (
              <details>
                <summary className="cursor-pointer">
                  <VersionLine v={v} />
                </summary>
                <div className="mt-2">
                  <ScorecardView kit={kit} values={v.values} />
                </div>
              </details>
            )}
            {v.amendment ? (
              <div className="mt-1">
                <p className="sr-only">What changed from version {v.version - 1}:</p>
                <ChangeList changes={v.amendment.changes} />
              </div>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
