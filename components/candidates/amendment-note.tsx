// What a reader of the summary needs of a scorecard's amendments (docs/decisions/059): when, by
// whom, why, and what changed, e.g. "Overall: Strong yes → No". Newest first.
import { ChangeList } from "@/components/scorecard/scorecard-history";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import type { AmendmentLogEntry } from "@/lib/domain/amendments";

// an amendment made after the candidate's debrief started says so (docs/decisions/078-debrief-mode.md)
export function AmendmentNote({ log }: { log: readonly (AmendmentLogEntry & { postDebrief?: boolean })[] }) {
  if (!log.length) return null;
  return (
    <ul className="mt-2 space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm" aria-label="Amendments">
      {[...log].reverse().map((a) => (
        <li key={a.version}>
          <p>
            {a.postDebrief ? (
              <>
                <Badge tone="warn">Post-debrief</Badge>{" "}
              </>
            ) : null}
            <span className="font-medium">Amended</span> <LocalTime iso={a.amendedAt.toISOString()} /> by{" "}
            {a.amendedBy.name} — {a.reason}
          </p>
          <ChangeList changes={a.changes} />
        </li>
      ))}
    </ul>
  );
}
