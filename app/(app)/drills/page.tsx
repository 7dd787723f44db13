import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { requireRole } from "@/lib/auth";
import { listDrillsForRater } from "@/lib/data/drills";

export const metadata: Metadata = { title: "Calibration drills" };

// The open calibration drills (docs/decisions/080-calibration-drills.md): interviewers only.
export default async function DrillsPage() {
  const user = await requireRole(["interviewer"], "/drills");
  const drills = await listDrillsForRater(user);
  return (
    <>
      <PageHeader title="Calibration drills">
        <p className="mt-1 max-w-3xl text-sm text-slate-700">
          Rate a reference answer to one of a role&apos;s exercises as you would a candidate. After you submit — and
          only then — you see how far each of your ratings is from the consensus. Your drill ratings count towards your
          leniency on the calibration page, alongside the candidates you share with other interviewers.
        </p>
      </PageHeader>
      {drills.length ? (
        <ul className="mt-4 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {drills.map((d) => (
            <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 p-4">
              <div>
                <Link
                  href={`/drills/${d.id}`}
                  className="flex min-h-11 items-center font-semibold text-indigo-700 underline"
                >
                  {d.title}
                </Link>
                <p className="text-sm text-slate-700">
                  {d.role} — {d.exercise}
                </p>
              </div>
              {d.submittedAt ? (
                <Badge tone="good">
                  Submitted <LocalTime iso={d.submittedAt.toISOString()} />
                </Badge>
              ) : (
                <Badge tone="info">To rate</Badge>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState className="mt-4">No calibration drills are open. An admin publishes them.</EmptyState>
      )}
    </>
  );
}
