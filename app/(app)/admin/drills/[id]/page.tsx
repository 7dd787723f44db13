import type { Metadata } from "next";
import { DrillForm, DrillStatusButton } from "@/components/admin/drill-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireRole } from "@/lib/auth";
import { drillExerciseChoices, getDrillForAdmin } from "@/lib/data/drills";
import { RATING_LABELS, type Rating } from "@/lib/domain/vocabulary";
import { orNotFound } from "@/lib/not-found";

export const metadata: Metadata = { title: "Calibration drill" };

// One drill, the admins' side: a draft is edited and published here, a published one archived.
export default async function AdminDrillPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const admin = await requireRole(["admin"], `/admin/drills/${id}`);
  const [drill, exercises] = await Promise.all([orNotFound(getDrillForAdmin(admin, id)), drillExerciseChoices(admin)]);
  const consensusOf = new Map(drill.consensus.map((c) => [c.dimensionId, c.rating]));
  // a draft's exercise stays choosable even when its role has a newer version since
  const choices = exercises.some((e) => e.id === drill.exerciseId)
    ? exercises
    : [
        {
          id: drill.exerciseId,
          label: `${drill.exercise.version.template.title} (version ${drill.exercise.version.version}) — ${drill.exercise.title}`,
          dimensions: drill.dimensions.map((d) => ({ id: d.id, name: d.name })),
        },
        ...exercises,
      ];
  return (
    <>
      <PageHeader trail={[{ href: "/admin/drills", label: "Calibration drills" }]} title={drill.title}>
        <p className="mt-1 text-sm text-slate-700">
          {drill.status === "draft"
            ? "Draft: interviewers do not see it until you publish it. Once published it is fixed."
            : drill.status === "published"
              ? "Published: interviewers can rate it. Archive it to stop new ratings (the given ones still count)."
              : "Archived: it takes no more ratings; the given ones still count."}
        </p>
      </PageHeader>
      <div className="mt-4 flex gap-3">
        {drill.status === "draft" ? <DrillStatusButton id={drill.id} to="published" /> : null}
        {drill.status === "published" ? <DrillStatusButton id={drill.id} to="archived" /> : null}
      </div>
      <div className="mt-4">
        {drill.status === "draft" ? (
          <DrillForm
            exercises={choices}
            drill={{
              id: drill.id,
              values: {
                exerciseId: drill.exerciseId,
                title: drill.title,
                reference: drill.reference,
                consensusMode: drill.consensusMode as "admin" | "raters",
                consensus: Object.fromEntries(
                  drill.dimensions.map((d) => [d.id, consensusOf.has(d.id) ? String(consensusOf.get(d.id)) : ""]),
                ) as Record<string, "" | "1" | "2" | "3" | "4" | "5">,
              },
            }}
          />
        ) : (
          <section className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
            <h2 className="text-lg font-semibold">Reference answer</h2>
            <blockquote className="mt-1 whitespace-pre-wrap border-l-4 border-slate-300 pl-3">
              {drill.reference}
            </blockquote>
            <h2 className="mt-4 text-lg font-semibold">Consensus</h2>
            {drill.consensusMode === "admin" ? (
              <ul className="mt-1 list-disc pl-5">
                {drill.dimensions.map((d) => {
                  const r = consensusOf.get(d.id) as Rating | undefined;
                  return (
                    <li key={d.id}>
                      {d.name}: {r ? `${r} ${RATING_LABELS[r]}` : "none"}
                    </li>
                  );
                })}
              </ul>
            ) : (
              <p className="mt-1">The mean of the other raters&apos; ratings, from 3 raters on.</p>
            )}
          </section>
        )}
      </div>
    </>
  );
}
