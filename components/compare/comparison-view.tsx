"use client";

// The hiring manager's comparison (issue 5): ranking, how sure it is, what-if weights, the
// dimensions × candidates heat table and a chart. Everything is computed here, in the browser,
// by the same engine the server uses (lib/domain/scoring.ts, sensitivity.ts), so moving a weight
// re-ranks at once. What-if weights are never saved.
import Link from "next/link";
import { useMemo, useState } from "react";
import { RecommendationBadge } from "@/components/candidates/recommendation-badge";
import { Badge } from "@/components/ui/badge";
import type { OpeningComparison } from "@/lib/data/comparison";
import { calibrateScorecards } from "@/lib/domain/calibration";
import { unpackScorecards, type WireScorecards } from "@/lib/domain/comparison-wire";
import { DECISION_LABELS } from "@/lib/domain/decisions";
import { HIDDEN_UNTIL_SUBMITTED } from "@/lib/domain/permissions";
import { formatCoverage, RECOMMENDATION_LABELS, scoreCandidate, type CandidateScore } from "@/lib/domain/scoring";
import {
  bandDirection,
  describeMove,
  describePair,
  rankCandidates,
  sensitivity,
  setWeight,
  weightsOf,
  withWeights,
} from "@/lib/domain/sensitivity";
import type { DecisionOutcome } from "@/lib/domain/vocabulary";
import { DimensionChart } from "./dimension-chart";
import { HeatTable } from "./heat-table";

const round1 = (w: number) => Math.round(w * 10) / 10;

/** The comparison as it travels to the browser: scorecards packed (lib/domain/comparison-wire). */
export type ComparisonData = Omit<OpeningComparison, "candidates"> & {
  candidates: Omit<OpeningComparison["candidates"][number], "scorecards">[];
  scorecards: WireScorecards;
};

// A long opening shows its leaders first; everyone is one click away. Ranking, sensitivity, the
// heat table and the chart's choices all follow the same cut, so the page stays light to load.
const SHOWN_FIRST = 20;

export function ComparisonView({ data }: { data: ComparisonData }) {
  const roleWeights = useMemo(() => weightsOf(data.template), [data.template]);
  const [weights, setWeights] = useState(roleWeights);
  const template = useMemo(() => withWeights(data.template, weights), [data.template, weights]);
  const edited = data.template.dimensions.some((d) => Math.abs(weights[d.id] - d.weight) > 1e-9);

  // independent ratings first: candidates whose feedback is withheld from the viewer came without
  // scorecards; they are listed apart, not ranked (not even as insufficient evidence)
  const hidden = useMemo(() => data.candidates.filter((c) => c.withheld), [data.candidates]);
  const rawInputs = useMemo(() => {
    const scorecards = unpackScorecards(
      data.template,
      data.scorecards,
      data.candidates.map((c) => c.id),
    );
    return data.candidates
      .map((c, i) => ({ id: c.id, label: c.label, withheld: !!c.withheld, scorecards: scorecards[i] }))
      .filter((c) => !c.withheld);
  }, [data.template, data.scorecards, data.candidates]);
  // the calibrated view (issue 10): each interviewer's leniency removed; the raw score stays beside it
  const recommendOn = data.calibration.recommendOn;
  const [calibrated, setCalibrated] = useState(recommendOn === "calibrated");
  const offsets = useMemo(() => new Map(Object.entries(data.calibration.offsets)), [data.calibration.offsets]);
  // every candidate is calibrated only when the ranking is on calibrated scores
  const inputs = useMemo(
    () =>
      calibrated ? rawInputs.map((c) => ({ ...c, scorecards: calibrateScorecards(c.scorecards, offsets) })) : rawInputs,
    [calibrated, rawInputs, offsets],
  );
  const rawById = useMemo(() => new Map(rawInputs.map((c) => [c.id, c.scorecards])), [rawInputs]);
  const adjusted = [...offsets.values()].filter((o) => o.offset !== null).length;
  const baselineRanking = useMemo(() => rankCandidates(data.template, inputs), [data.template, inputs]);
  const baseline = useMemo(() => baselineRanking.ranked.map((r) => r.id), [baselineRanking]);
  const current = useMemo(
    () => (edited ? rankCandidates(template, inputs) : baselineRanking),
    [edited, template, inputs, baselineRanking],
  );
  const { ranked, apart } = current;
  const [showAll, setShowAll] = useState(false);
  const sens = useMemo(
    () => sensitivity(template, inputs, undefined, { ranked: current.ranked, top: showAll ? undefined : SHOWN_FIRST }),
    [template, inputs, current, showAll],
  );
  const byId = new Map(data.candidates.map((c) => [c.id, c]));
  const everyone = [...ranked, ...apart];
  const cut = showAll ? everyone.length : SHOWN_FIRST;
  const shownRanked = ranked.slice(0, cut);
  const shownApart = apart.slice(0, Math.max(0, cut - ranked.length));
  // the other score (raw beside calibrated, or calibrated beside raw), for the candidates shown
  const shownIds = [...shownRanked, ...shownApart].map((r) => r.id).join(",");
  const otherScores = useMemo(
    () =>
      new Map(
        shownIds
          .split(",")
          .filter(Boolean)
          .map((id) => {
            const cards = rawById.get(id)!;
            return [id, scoreCandidate(template, calibrated ? cards : calibrateScorecards(cards, offsets))];
          }),
      ),
    [shownIds, rawById, template, calibrated, offsets],
  );
  /** the recommendation always comes from the scores the role recommends on */
  const recommendationOf = (id: string, shown: CandidateScore) =>
    ((recommendOn === "calibrated") === calibrated ? shown : otherScores.get(id)!).recommendation;

  const [selected, setSelected] = useState<string[]>(() => ranked.slice(0, 3).map((r) => r.id));
  const toggle = (id: string) =>
    setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : s.length >= 4 ? s : [...s, id]));

  const link = (id: string, label: string) =>
    data.blind ? (
      <span>{label}</span>
    ) : (
      <Link
        href={`/candidates/${id}`}
        className="text-indigo-700 underline decoration-indigo-300 hover:decoration-indigo-700"
      >
        {label}
      </Link>
    );

  return (
    <div className="mt-6 grid gap-8 lg:grid-cols-[1fr_18rem]">
      <div className="min-w-0 space-y-8">
        <section aria-labelledby="ranking-heading">
          <h2 id="ranking-heading" className="text-xl font-semibold tracking-tight">
            Ranking {edited ? <Badge tone="warn">what-if weights</Badge> : null}{" "}
            {calibrated ? <Badge tone="info">calibrated scores</Badge> : null}
          </h2>
          <div className="mt-2 rounded-md border border-slate-200 bg-white p-3 text-sm">
            <label className="flex items-center gap-2 font-medium">
              <input
                type="checkbox"
                role="switch"
                className="h-4 w-4 accent-indigo-700"
                checked={calibrated}
                onChange={(e) => setCalibrated(e.target.checked)}
                aria-describedby="calibrated-help"
              />
              Calibrated view: remove each interviewer&apos;s leniency
            </label>
            <p id="calibrated-help" className="mt-1 text-slate-700">
              {calibrated
                ? `Ranked on calibrated scores: each rating minus its interviewer's leniency, kept within 1–5 (${adjusted} of ${offsets.size} interviewers have enough shared ratings to adjust; the others count as given). The raw score is beside each.`
                : "Ranked on the ratings as given; the calibrated score is beside each."}{" "}
              The recommendation uses {recommendOn === "calibrated" ? "calibrated" : "raw"} scores, as this role is set
              up.{" "}
              <Link href="/calibration" className="text-indigo-700 underline">
                How leniency is measured
              </Link>
            </p>
          </div>
          <p className="mt-2 text-sm text-slate-700">
            Equal scores are ordered by coverage (higher first), then by when the candidate was added (earlier first).
          </p>
          {ranked.length === 0 ? (
            <p className="mt-2 rounded-md border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-700">
              No candidate has enough evidence to rank yet. Collect scorecards covering at least{" "}
              {formatCoverage(data.template.thresholds.minCoverage)} of the weight.
            </p>
          ) : (
            <ol
              className="mt-2 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white"
              aria-label="Candidates ranked by weighted score"
            >
              {shownRanked.map((r, i) => {
                const c = byId.get(r.id)!;
                const was = baseline.indexOf(r.id);
                const moved = edited && was !== -1 && was !== i ? was - i : 0;
                return (
                  <li
                    key={r.id}
                    className="flex flex-wrap items-center gap-x-4 gap-y-1 p-3"
                    data-testid="ranked-candidate"
                  >
                    <span className="w-8 text-lg font-semibold tabular-nums">#{i + 1}</span>
                    <span className="min-w-[9rem] flex-1 font-medium">
                      {link(r.id, r.label)}
                      {moved ? (
                        <span
                          className={`ml-2 text-xs font-semibold ${moved > 0 ? "text-emerald-800" : "text-red-800"}`}
                        >
                          {moved > 0 ? `▲ ${moved}` : `▼ ${-moved}`}
                          <span className="sr-only"> places from the role&apos;s weights</span>
                        </span>
                      ) : null}
                    </span>
                    <span className="w-14 text-right text-lg font-semibold tabular-nums" data-testid="ranked-score">
                      {r.score.scoreText}
                    </span>
                    <span className="text-xs text-slate-700 tabular-nums" data-testid="ranked-other-score">
                      {calibrated ? "raw" : "calibrated"} {otherScores.get(r.id)!.scoreText}
                    </span>
                    <RecommendationBadge value={recommendationOf(r.id, r.score)} />
                    <span className="text-xs text-slate-700">
                      {formatCoverage(r.score.coverage)} covered · {c.loop.submitted}/{c.loop.planned} scorecards
                    </span>
                    {r.score.redFlags.length ? <Badge tone="danger">Red flag</Badge> : null}
                    {r.score.split.isSplit ? <Badge tone="warn">Split panel</Badge> : null}
                    {c.decision ? (
                      <Badge tone={c.decision.isOverride ? "warn" : "info"}>
                        Decided: {DECISION_LABELS[c.decision.outcome as DecisionOutcome]}
                        {c.decision.isOverride ? " (override)" : ""}
                      </Badge>
                    ) : null}
                  </li>
                );
              })}
            </ol>
          )}
          {apart.length ? (
            <div className="mt-4">
              <h3 className="font-semibold">Not ranked: insufficient evidence ({apart.length})</h3>
              <ul className="mt-1 space-y-1 text-sm">
                {shownApart.map((a) => {
                  const c = byId.get(a.id)!;
                  return (
                    <li key={a.id}>
                      {link(a.id, a.label)} — {formatCoverage(a.score.coverage)} of the weight rated, {c.loop.submitted}
                      /{c.loop.planned} scorecards
                      {a.score.missing.length ? (
                        <span className="text-slate-700">
                          ; missing {a.score.missing.map((m) => m.name).join(", ")}
                        </span>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            </div>
          ) : null}
          {hidden.length ? (
            <div className="mt-4" data-testid="hidden-candidates">
              <h3 className="font-semibold">Not ranked: your scorecard first ({hidden.length})</h3>
              <p className="text-sm text-slate-700">
                Others&apos; feedback on these candidates stays hidden until you submit your own scorecard (independent
                ratings first).
              </p>
              <ul className="mt-1 space-y-1 text-sm">
                {hidden.map((c) => (
                  <li key={c.id}>
                    <span className="font-medium">{c.label}</span> — {HIDDEN_UNTIL_SUBMITTED}
                    {data.blind ? null : (
                      <>
                        {" "}
                        <Link href={`/interviews/${c.withheld!.interviewId}`} className="text-indigo-700 underline">
                          your scorecard<span className="sr-only"> for {c.label}</span>
                        </Link>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {everyone.length > SHOWN_FIRST ? (
            <p className="mt-3 text-sm">
              {showAll
                ? `Showing all ${everyone.length} candidates.`
                : `Showing the first ${SHOWN_FIRST} of ${everyone.length} candidates here and below.`}{" "}
              <button
                type="button"
                onClick={() => setShowAll((v) => !v)}
                className="font-medium text-indigo-700 underline"
              >
                {showAll ? `Show the first ${SHOWN_FIRST} only` : `Show all ${everyone.length}`}
              </button>
            </p>
          ) : null}
        </section>

        <section aria-labelledby="sure-heading">
          <h2 id="sure-heading" className="text-xl font-semibold tracking-tight">
            How sure is the ranking?
          </h2>
          <p className="mt-1 text-sm text-slate-700">
            Each dimension&apos;s weight moved by 10 points either way, the others rescaled to keep 100.
          </p>
          {sens.pairs.length === 0 && sens.bands.length === 0 ? (
            <p className="mt-2 text-sm text-slate-700">Nothing to compare yet.</p>
          ) : (
            <ul className="mt-2 space-y-2 text-sm" data-testid="sensitivity">
              {sens.pairs.map((p, i) => (
                <li
                  key={`${p.upper.id}-${p.lower.id}`}
                  className={`rounded-md border p-2 ${p.holds ? "border-emerald-200 bg-emerald-50" : "border-amber-300 bg-amber-50"}`}
                >
                  <span className="font-semibold">{p.holds ? "Holds: " : "Fragile: "}</span>
                  {describePair(p, i + 1)}
                </li>
              ))}
              {sens.bands.map((b) => (
                <li key={b.candidate.id} className="rounded-md border border-slate-200 bg-white p-2">
                  <span className="font-semibold">{b.candidate.label}</span>:{" "}
                  {RECOMMENDATION_LABELS[b.candidate.score.recommendation]}{" "}
                  {b.holds ? (
                    "under every move."
                  ) : (
                    <>
                      would become{" "}
                      {b.changes.map((c, k) => (
                        <span key={k}>
                          {k ? "; " : ""}
                          <span
                            className={
                              bandDirection(b.candidate.score.recommendation, c.toRecommendation) === "up"
                                ? "text-emerald-800"
                                : "text-red-800"
                            }
                          >
                            {RECOMMENDATION_LABELS[c.toRecommendation]}
                          </span>{" "}
                          if {describeMove(c)}
                        </span>
                      ))}
                      .
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="heat-heading">
          <h2 id="heat-heading" className="text-xl font-semibold tracking-tight">
            Dimension means
          </h2>
          <p className="mt-1 text-sm text-slate-700">
            Mean rating per dimension; darker green is stronger, red weaker. Not assessed and not rated are shown apart,
            never as a low score.
          </p>
          <div className="mt-2">
            <HeatTable template={template} candidates={[...shownRanked, ...shownApart]} />
          </div>
        </section>

        <section aria-labelledby="chart-heading">
          <h2 id="chart-heading" className="text-xl font-semibold tracking-tight">
            Profiles
          </h2>
          <fieldset className="mt-2">
            <legend className="text-sm text-slate-700">Overlay 2 to 4 candidates ({selected.length} selected)</legend>
            <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
              {[...shownRanked, ...shownApart].map((r) => (
                <label key={r.id} className="flex items-center gap-1.5 text-sm">
                  <input
                    type="checkbox"
                    className="h-4 w-4"
                    checked={selected.includes(r.id)}
                    disabled={!selected.includes(r.id) && selected.length >= 4}
                    onChange={() => toggle(r.id)}
                  />
                  {r.label}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="mt-3">
            <DimensionChart template={template} candidates={everyone.filter((r) => selected.includes(r.id))} />
          </div>
        </section>
      </div>

      <aside
        aria-labelledby="weights-heading"
        className="h-fit rounded-lg border border-slate-200 bg-white p-4 lg:sticky lg:top-4"
      >
        <h2 id="weights-heading" className="text-lg font-semibold">
          What-if weights
        </h2>
        <p className="mt-1 text-xs text-slate-700">
          Always 100 in total: moving one rescales the others. Never saved; an admin changes a role&apos;s weights by
          saving a new template version.
        </p>
        <div className="mt-3 space-y-3">
          {data.template.dimensions.map((d) => (
            <div key={d.id}>
              <label htmlFor={`w-${d.id}`} className="block text-sm font-medium">
                {d.name}
              </label>
              <div className="flex items-center gap-2">
                <input
                  id={`w-${d.id}`}
                  type="range"
                  min={0}
                  max={100}
                  step={1}
                  value={round1(weights[d.id])}
                  onChange={(e) => setWeights((w) => setWeight(w, d.id, Number(e.target.value)))}
                  className="min-w-0 flex-1 accent-indigo-700"
                  aria-describedby={`w-${d.id}-role`}
                />
                <input
                  type="number"
                  min={0}
                  max={100}
                  step={0.5}
                  aria-label={`${d.name} weight (%)`}
                  value={round1(weights[d.id])}
                  onChange={(e) => {
                    const v = Number(e.target.value);
                    if (e.target.value !== "" && Number.isFinite(v)) setWeights((w) => setWeight(w, d.id, v));
                  }}
                  className="w-16 rounded border border-slate-400 px-1 py-0.5 text-right text-sm tabular-nums"
                />
              </div>
              <p id={`w-${d.id}-role`} className="text-xs text-slate-600">
                role: {round1(d.weight)}%
              </p>
            </div>
          ))}
        </div>
        <p className="mt-3 text-sm tabular-nums" aria-live="polite">
          Total: {round1(Object.values(weights).reduce((a, b) => a + b, 0))}%
        </p>
        <button
          type="button"
          onClick={() => setWeights(roleWeights)}
          disabled={!edited}
          className="mt-2 w-full rounded-md border border-slate-400 px-3 py-1.5 text-sm font-medium disabled:opacity-60"
        >
          Reset to the role&apos;s weights
        </button>
      </aside>
    </div>
  );
}
