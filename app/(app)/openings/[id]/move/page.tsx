import type { Metadata } from "next";
import { RecommendationBadge } from "@/components/candidates/recommendation-badge";
import { MoveOpeningButton } from "@/components/hiring/loop-actions";
import { EmptyState } from "@/components/ui/empty-state";
import { requireRole } from "@/lib/auth";
import { previewOpeningMigration } from "@/lib/data/opening-migration";
import { HIDDEN_UNTIL_SUBMITTED } from "@/lib/domain/permissions";
import { formatScore } from "@/lib/domain/score-format";
import { describeChange } from "@/lib/domain/template-diff";
import { orNotFound } from "@/lib/not-found";
import { ScrollTable } from "@/components/ui/scroll-table";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Move opening to a newer version" };

// Moving an opening to its role's newest version is deliberate: this page shows what changes and
// how each candidate's recommendation would change before anything is done
// (docs/decisions/026-moving-an-opening.md).
export default async function MoveOpeningPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireRole(["recruiter", "admin"], `/openings/${id}/move`);
  const preview = await orNotFound(previewOpeningMigration(user, id));
  return (
    <>
      <PageHeader
        trail={[
          { href: "/openings", label: "Openings" },
          { href: `/openings/${id}`, label: preview.opening.title },
        ]}
        title="Move to the role's newest version"
      />
      {preview.upToDate ? (
        <EmptyState className="mt-4">
          This opening already uses the role&apos;s newest version. Nothing to move.
        </EmptyState>
      ) : (
        <>
          <p className="mt-2 text-sm text-slate-700">
            From version {preview.from.version} to version {preview.to.version}. Interviews, focus dimensions, ratings
            and red flags are carried over by name; nothing happens until you confirm.
          </p>
          <section aria-labelledby="changes" className="mt-6">
            <h2 id="changes" className="text-lg font-semibold">
              What changes ({preview.changes.length})
            </h2>
            <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
              {preview.changes.map((c, i) => (
                <li key={i}>{describeChange(c)}</li>
              ))}
            </ul>
            {preview.lostRatings || preview.lostFlags ? (
              <p className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm">
                {preview.lostRatings} submitted rating(s) on removed dimensions and {preview.lostFlags} red-flag
                observation(s) on removed flags stay stored but will no longer count.
              </p>
            ) : null}
          </section>
          <section aria-labelledby="effects" className="mt-6">
            <h2 id="effects" className="text-lg font-semibold">
              Each candidate&apos;s recommendation
            </h2>
            <ScrollTable
              label="Recommendations before and after"
              className="mt-2"
              headClassName="bg-slate-50"
              columns={["Candidate", `Now (v${preview.from.version})`, `After (v${preview.to.version})`]}
            >
              <tbody className="divide-y divide-slate-100">
                {preview.candidates.map((c) => (
                  <tr key={c.id}>
                    <th scope="row" className="px-3 py-2 font-medium">
                      {c.name}
                    </th>
                    {c.withheld ? (
                      <td colSpan={2} className="px-3 py-2 text-slate-700">
                        {HIDDEN_UNTIL_SUBMITTED}
                      </td>
                    ) : (
                      <>
                        <td className="px-3 py-2">
                          <RecommendationBadge value={c.before.recommendation} /> {formatScore(c.before.score)}
                        </td>
                        <td className="px-3 py-2">
                          <RecommendationBadge value={c.after.recommendation} /> {formatScore(c.after.score)}
                          {c.after.recommendation !== c.before.recommendation ? (
                            <span className="ml-2 font-semibold text-amber-900">changes</span>
                          ) : null}
                        </td>
                      </>
                    )}
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          </section>
          <div className="mt-6">
            <MoveOpeningButton openingId={id} toVersionId={preview.to.id} toVersion={preview.to.version} />
          </div>
        </>
      )}
    </>
  );
}
