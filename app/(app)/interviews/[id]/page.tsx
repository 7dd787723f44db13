import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AmendPanel } from "@/components/scorecard/amend-panel";
import { ExerciseBrief } from "@/components/scorecard/exercise-brief";
import { ScorecardEditor } from "@/components/scorecard/scorecard-editor";
import { ScorecardHistory, SubmittedLine } from "@/components/scorecard/scorecard-history";
import { ScorecardView } from "@/components/scorecard/scorecard-view";
import type { KitView } from "@/components/scorecard/types";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { TextList } from "@/components/ui/text-list";
import { requireUser } from "@/lib/auth";
import { getSubmissionHistory } from "@/lib/data/amendments";
import { listPanelScorecards } from "@/lib/data/interviews";
import { getInterviewKit, toValues } from "@/lib/data/interview-kit";
import { submitOpensAt } from "@/lib/domain/submit-window";
import { OVERALL_RECOMMENDATION_LABELS, type OverallRecommendation } from "@/lib/domain/vocabulary";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Interview kit and scorecard" };

export default async function InterviewPage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser(`/interviews/${id}`);
  const found = await getInterviewKit(user.id, id);
  if (!found) notFound();
  const { interview, version, kit, exercise, scorecard } = found;
  const kitView: KitView = {
    interviewId: interview.id,
    kit,
    submitOpensAt: submitOpensAt(interview.scheduledAt).toISOString(),
    // focus dimensions first (in template order), then the others
    dimensions: [...version.dimensions]
      .map((d) => ({ ...d, focus: kit.focusDimensionIds.includes(d.id) }))
      .sort((a, b) => Number(b.focus) - Number(a.focus)),
    redFlags: version.redFlags,
    thresholds: {
      minCoverage: version.minCoverage,
      strongHireMin: version.strongHireMin,
      hireMin: version.hireMin,
      leanNoHireMin: version.leanNoHireMin,
      splitSpreadMin: version.splitSpreadMin,
      redFlagMinInterviewers: version.redFlagMinInterviewers,
    },
  };
  const submitted = scorecard?.status === "submitted";
  const panel = submitted ? await listPanelScorecards(user.id, interview.candidate.id) : null;
  const history = submitted
    ? await getSubmissionHistory(user.id, version, {
        id: scorecard.id,
        values: scorecard.values,
        submittedAt: scorecard.submittedAt ?? scorecard.updatedAt,
      })
    : null;
  const strong = version.signals.filter((s) => s.kind === "strong").map((s) => s.text);
  const weak = version.signals.filter((s) => s.kind === "weak").map((s) => s.text);

  return (
    <article className="space-y-8">
      <header>
        <p className="text-sm">
          <Link href="/interviews" className="text-indigo-700 underline underline-offset-2">
            My interviews
          </Link>
        </p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{interview.candidate.name}</h1>
        <p className="text-slate-700">
          {interview.candidate.opening.title} · {version.title} ·{" "}
          <LocalTime iso={interview.scheduledAt.toISOString()} />
        </p>
        <p className="mt-1">
          {submitted ? (
            <Badge tone="good">{history && history.length > 1 ? "Submitted · amended" : "Submitted"}</Badge>
          ) : scorecard ? (
            <Badge tone="warn">Draft</Badge>
          ) : (
            <Badge>Not started</Badge>
          )}
        </p>
      </header>

      <section aria-labelledby="kit-heading" className="space-y-3">
        <h2 id="kit-heading" className="text-xl font-semibold tracking-tight">
          Interview kit
        </h2>
        <ExerciseBrief exercise={exercise} slug={version.template.slug} />
        <details className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
          <summary className="cursor-pointer font-medium">Strong and weak signals to listen for</summary>
          <div className="mt-2 grid gap-4 sm:grid-cols-2">
            <div>
              <p className="font-medium">Strong signals</p>
              <TextList items={strong} empty="None recorded." />
            </div>
            <div>
              <p className="font-medium">Weak signals</p>
              <TextList items={weak} empty="None recorded." />
            </div>
          </div>
        </details>
      </section>

      {!submitted ? (
        <ScorecardEditor
          kit={kitView}
          userId={user.id}
          mode="draft"
          initial={{
            values: scorecard?.values ?? toValues(kit, null),
            version: scorecard?.version ?? 0,
            status: "draft",
            savedAt: scorecard ? scorecard.updatedAt.toISOString() : null,
          }}
        />
      ) : (
        <section aria-labelledby="submitted-heading">
          <h2 id="submitted-heading" className="text-xl font-semibold tracking-tight">
            Your scorecard
          </h2>
          {history ? <SubmittedLine history={history} /> : null}
          <p className="text-sm text-slate-700">It is read-only; an amendment keeps this version readable.</p>
          <div className="mt-3">
            <AmendPanel kit={kitView} userId={user.id} values={scorecard.values} version={scorecard.version}>
              <ScorecardView kit={kitView} values={scorecard.values} />
            </AmendPanel>
          </div>
          {history ? <ScorecardHistory kit={kitView} history={history} /> : null}
        </section>
      )}

      <section aria-labelledby="panel-heading">
        <h2 id="panel-heading" className="text-xl font-semibold tracking-tight">
          The rest of the panel
        </h2>
        {!panel?.unlocked ? (
          <p className="mt-1 text-sm text-slate-700">
            Other interviewers&apos; feedback on this candidate stays hidden until you submit yours, so that every
            rating is independent.
          </p>
        ) : panel.scorecards.length === 0 ? (
          <p className="mt-1 text-sm text-slate-700">
            No other interviewer has submitted a scorecard for this candidate yet.
          </p>
        ) : (
          <div className="mt-2 space-y-4">
            {panel.scorecards.map((s) => (
              <div key={s.id} className="rounded-lg border border-slate-200 bg-slate-50 p-4">
                <p className="font-medium">
                  {s.author.name}
                  {s.interview.exercise ? ` · ${s.interview.exercise.title}` : ""}
                  {s.recommendation
                    ? ` · ${OVERALL_RECOMMENDATION_LABELS[s.recommendation as OverallRecommendation]}`
                    : ""}
                  {s._count.amendments > 0 ? " · amended" : ""}
                </p>
                <div className="mt-2">
                  <ScorecardView kit={kitView} values={toValues(kit, s)} />
                </div>
              </div>
            ))}
          </div>
        )}
      </section>
    </article>
  );
}
