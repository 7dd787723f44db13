"use client";

// The hiring manager's comparison (docs/decisions/005): ranking, how sure it is, what-if weights,
// the dimensions × candidates heat table and a chart. Everything is computed here, in the browser,
// by the same engine the server uses (lib/domain/comparison.ts, scoring.ts, sensitivity.ts), so
// moving a weight re-ranks at once. What-if weights are never saved; the link carries them
// (docs/decisions/054-what-if-weights-in-the-link.md). On a phone the weights come right after the
// ranking, with its top kept in view above the sliders; from lg up they sit beside everything.
import { useMemo, useState } from "react";
import { Badge } from "@/components/ui/badge";
import type { OpeningComparison } from "@/lib/data/comparison";
import { unpackTallies, type WireTallies } from "@/lib/domain/comparison-wire";
import { compareCandidates } from "@/lib/domain/comparison";
import { formatCoverage } from "@/lib/domain/score-format";
import { sensitivity, withWeights } from "@/lib/domain/sensitivity";
import { unitWeightRanking } from "@/lib/domain/unit-weight";
import { CalibrationSwitch } from "./calibration-switch";
import { HeatTable } from "./heat-table";
import { MiniRanking } from "./mini-ranking";
import { ProfilesSection } from "./profiles-section";
import { RankedList } from "./ranked-list";
import { SensitivitySection } from "./sensitivity-section";
import { UnitWeightSection } from "./unit-weight-section";
import { UnrankedLists } from "./unranked-lists";
import { useSharedWeights } from "./use-shared-weights";
import { WeightsPanel } from "./weights-panel";

/**
 * The comparison as it travels to the browser: each candidate's sums per dimension, packed
 * (lib/domain/comparison-wire, docs/decisions/061), never the ratings themselves.
 */
export type ComparisonData = Omit<OpeningComparison, "candidates"> & {
  candidates: ComparisonCandidate[];
  tallies: WireTallies;
};
export type ComparisonCandidate = Omit<OpeningComparison["candidates"][number], "raw" | "calibrated">;

// A long opening shows its leaders first; everyone is one click away. Ranking, sensitivity, the
// heat table and the chart's choices all follow the same cut, so the page stays light to load.
const SHOWN_FIRST = 20;

/** What the page's link asked for: weights read and checked on the server, or that they were refused. */
export type SharedWeights = { weights: Record<string, number> | null; ignored?: boolean };

export function ComparisonView({ data, shared }: { data: ComparisonData; shared: SharedWeights }) {
  const { weights, setWeights, edited, reset } = useSharedWeights(data.template, shared.weights);
  const template = useMemo(() => withWeights(data.template, weights), [data.template, weights]);

  // independent ratings first: candidates whose feedback is withheld from the viewer came without
  // tallies; they are listed apart, not ranked (not even as insufficient evidence)
  const hidden = useMemo(() => data.candidates.filter((c) => c.withheld), [data.candidates]);
  const rawInputs = useMemo(() => {
    const tallies = unpackTallies(
      data.template,
      data.tallies,
      data.candidates.map((c) => c.id),
    );
    return data.candidates
      .map((c, i) => ({ id: c.id, label: c.label, withheld: !!c.withheld, ...tallies[i] }))
      .filter((c) => !c.withheld);
  }, [data.template, data.tallies, data.candidates]);
  // the calibrated view (docs/decisions/039-calibrated-view-offsets.md): each interviewer's
  // leniency removed; the raw score stays beside it
  const recommendOn = data.calibration.recommendOn;
  const [calibrated, setCalibrated] = useState(recommendOn === "calibrated");
  const offsets = useMemo(() => new Map(Object.entries(data.calibration.offsets)), [data.calibration.offsets]);
  const adjusted = [...offsets.values()].filter((o) => o.offset !== null).length;
  const [showAll, setShowAll] = useState(false);
  // the other score (raw beside calibrated, or calibrated beside raw) only for the candidates shown
  const options = useMemo(
    () => ({ calibrated, recommendOn, offsets, shown: showAll ? undefined : SHOWN_FIRST }),
    [calibrated, recommendOn, offsets, showAll],
  );
  const baselineComparison = useMemo(
    () => compareCandidates(data.template, rawInputs, options),
    [data.template, rawInputs, options],
  );
  const baseline = useMemo(() => baselineComparison.ranked.map((r) => r.id), [baselineComparison]);
  const current = useMemo(
    () => (edited ? compareCandidates(template, rawInputs, options) : baselineComparison),
    [edited, template, rawInputs, options, baselineComparison],
  );
  const { ranked, apart } = current;
  const sens = useMemo(
    () => sensitivity(template, current.inputs, undefined, { ranked: current.ranked, top: options.shown }),
    [template, current, options.shown],
  );
  // the unit-weight check is of the role's weights, not the what-if ones (docs/decisions/074-unit-weight-check.md)
  const unitWeight = useMemo(() => unitWeightRanking(baselineComparison.ranked), [baselineComparison]);
  const byId = new Map(data.candidates.map((c) => [c.id, c]));
  const everyone = [...ranked, ...apart];
  const cut = showAll ? everyone.length : SHOWN_FIRST;
  const shownRanked = ranked.slice(0, cut);
  const shownApart = apart.slice(0, Math.max(0, cut - ranked.length));

  const [selected, setSelected] = useState<string[]>(() => ranked.slice(0, 3).map((r) => r.id));
  const toggle = (id: string) =>
    setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : s.length >= 4 ? s : [...s, id]));

  return (
    <div className="mt-6 grid gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <section aria-labelledby="ranking-heading" className="min-w-0 lg:col-start-1">
        <h2 id="ranking-heading" className="text-xl font-semibold tracking-tight">
          Ranking {edited ? <Badge tone="warn">what-if weights</Badge> : null}{" "}
          {calibrated ? <Badge tone="info">calibrated scores</Badge> : null}
        </h2>
        <CalibrationSwitch
          calibrated={calibrated}
          onChange={setCalibrated}
          adjusted={adjusted}
          interviewers={offsets.size}
          recommendOn={recommendOn}
        />
        <p className="mt-2 text-sm text-slate-700">
          Equal scores are ordered by coverage (higher first), then by when the candidate was added (earlier first).
        </p>
        {ranked.length === 0 ? (
          <p className="mt-2 rounded-md border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-700">
            No candidate has enough evidence to rank yet. Collect scorecards covering at least{" "}
            {formatCoverage(data.template.thresholds.minCoverage)} of the weight.
          </p>
        ) : (
          <RankedList
            shownRanked={shownRanked}
            comparison={current}
            baseline={baseline}
            edited={edited}
            calibrated={calibrated}
            byId={byId}
            blind={data.blind}
          />
        )}
        <UnrankedLists apart={apart} shownApart={shownApart} hidden={hidden} byId={byId} blind={data.blind} />
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

      <WeightsPanel
        template={data.template}
        weights={weights}
        setWeights={setWeights}
        onReset={reset}
        edited={edited}
        linkIgnored={!!shared.ignored}
        ranking={<MiniRanking ranked={ranked} baseline={baseline} edited={edited} />}
        className="lg:col-start-2 lg:row-span-2 lg:row-start-1 lg:self-start"
      />

      <div className="min-w-0 space-y-8 lg:col-start-1">
        <SensitivitySection sens={sens} />

        <UnitWeightSection check={unitWeight} limit={showAll ? undefined : SHOWN_FIRST} />

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

        <ProfilesSection
          template={template}
          shown={[...shownRanked, ...shownApart]}
          everyone={everyone}
          selected={selected}
          toggle={toggle}
        />
      </div>
    </div>
  );
}
