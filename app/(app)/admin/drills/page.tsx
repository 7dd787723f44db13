import type { Metadata } from "next";
import Link from "next/link";
import { DrillForm } from "@/components/admin/drill-form";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ScrollTable } from "@/components/ui/scroll-table";
import { requireRole } from "@/lib/auth";
import { drillExerciseChoices, listDrillsForAdmin } from "@/lib/data/drills";

export const metadata: Metadata = { title: "Calibration drills" };

const STATUS = { draft: "Draft", published: "Published", archived: "Archived" } as const;

// Calibration drills, the admins' side (docs/decisions/080-calibration-drills.md).
export default async function AdminDrillsPage() {
  const admin = await requireRole(["admin"], "/admin/drills");
  const [drills, exercises] = await Promise.all([listDrillsForAdmin(admin), drillExerciseChoices(admin)]);
  return (
    <>
      <PageHeader title="Calibration drills" />
      <p className="mt-1 max-w-3xl text-sm text-slate-700">
        A drill is a reference answer to one of a role&apos;s exercises — a transcript excerpt or a described
        performance — that interviewers rate like a scorecard. They see their deviation from the consensus only after
        submitting. Drill ratings count in the leniency model as a candidate every drill rater shared. A published drill
        is fixed; archiving it stops new ratings and keeps the ones given.
      </p>
      <div className="mt-4">
        {exercises.length ? (
          <DrillForm exercises={exercises} />
        ) : (
          <EmptyState>No role has an exercise with dimensions to rate yet.</EmptyState>
        )}
      </div>
      {drills.length ? (
        <ScrollTable
          label="Calibration drills"
          className="mt-6"
          columns={["Drill", "Role and exercise", "Consensus", "Status", "Attempts"]}
        >
          <tbody>
            {drills.map((d) => (
              <tr key={d.id} className="border-t border-slate-200 [&>td]:px-3">
                <td className="py-2 pr-4">
                  <Link href={`/admin/drills/${d.id}`} className="text-indigo-700 underline">
                    {d.title}
                  </Link>
                </td>
                <td className="py-2 pr-4">
                  {d.exercise.version.template.title} (version {d.exercise.version.version}) — {d.exercise.title}
                </td>
                <td className="py-2 pr-4">{d.consensusMode === "admin" ? "Set by an admin" : "From the raters"}</td>
                <td className="py-2 pr-4">
                  <Badge tone={d.status === "published" ? "good" : "neutral"}>
                    {STATUS[d.status as keyof typeof STATUS] ?? d.status}
                  </Badge>
                </td>
                <td className="py-2 pr-4 tabular-nums">{d.attempts}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      ) : null}
    </>
  );
}
