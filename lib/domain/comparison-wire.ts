// The comparison's tallies travel to the browser (the engine re-ranks there as weights move):
// per candidate the sums per dimension, who raised each red flag and the overall recommendations
// (docs/decisions/061-comparison-from-dimension-sums.md), never the ratings themselves. This packs
// them into short tuples against the template's dimension and red-flag order and one list of
// interviewers, and unpacks them for the engine. Red-flag notes stay on the server: the
// comparison shows only that a flag was raised and whether it caps.
import type { CandidateTally, DimensionTally, RedFlagResult, ScoringTemplate } from "./scoring";
import { emptyOverall } from "./scoring";
import { OVERALL_RECOMMENDATIONS } from "./vocabulary";

/** [count, sum, min, max, Not assessed, 0 when some rating is fractional (calibrated)], or 0: no row. */
type WireDimension = 0 | [number, number, number, number, number, 0?];
/** [scorecards, dimensions in template order, [flag index, interviewer index][], [overall index, interviewer index][]] */
export type WireTally = [number, WireDimension[], [number, number][], [number, number][]];
export type WireTallies = {
  interviewers: { id: string; name: string }[];
  raw: WireTally[];
  /** null: the calibrated tally is the raw one (no interviewer of theirs is adjusted) */
  calibrated: (WireTally | null)[];
};

export function packTallies(
  template: ScoringTemplate,
  perCandidate: readonly { raw: CandidateTally; calibrated: CandidateTally }[],
): WireTallies {
  const interviewers: { id: string; name: string }[] = [];
  const who = new Map<string, number>();
  const byName = new Map<string, number>();
  const index = (id: string, name: string) => {
    if (!who.has(id)) {
      who.set(id, interviewers.push({ id, name }) - 1);
      byName.set(name, who.get(id)!);
    }
    return who.get(id)!;
  };
  const named = (name: string) => byName.get(name) ?? index(`name:${name}`, name);
  const pack = (t: CandidateTally): WireTally => [
    t.scorecardCount,
    template.dimensions.map((d): WireDimension => {
      const x = t.dimensions[d.id];
      if (!x) return 0;
      const tuple: WireDimension = [x.count, x.sum, x.count ? x.min : 0, x.count ? x.max : 0, x.notAssessed];
      if (!x.whole) tuple.push(0);
      return tuple;
    }),
    template.redFlags.flatMap((f, i) =>
      (t.redFlags[f.id] ?? []).map((by): [number, number] => [i, index(by.interviewerId, by.interviewerName)]),
    ),
    OVERALL_RECOMMENDATIONS.flatMap((r, i) => t.overall[r].map((name): [number, number] => [i, named(name)])),
  ];
  const raw = perCandidate.map((c) => pack(c.raw));
  const calibrated = perCandidate.map((c, i) => {
    const packed = pack(c.calibrated);
    return JSON.stringify(packed) === JSON.stringify(raw[i]) ? null : packed;
  });
  return { interviewers, raw, calibrated };
}

/** The engine's tallies again; red flags' scorecard ids are positional and their notes empty. */
export function unpackTallies(
  template: ScoringTemplate,
  wire: WireTallies,
  candidateIds: readonly string[],
): { raw: CandidateTally; calibrated: CandidateTally }[] {
  const unpack = ([scorecardCount, dims, flags, overall]: WireTally, candidateId: string): CandidateTally => {
    const dimensions: Record<string, DimensionTally> = {};
    template.dimensions.forEach((d, i) => {
      const x = dims[i];
      if (!x) return;
      const [count, sum, min, max, notAssessed, whole] = x;
      dimensions[d.id] = {
        count,
        sum,
        min: count ? min : Infinity,
        max: count ? max : -Infinity,
        notAssessed,
        whole: whole !== 0,
      };
    });
    const redFlags: Record<string, RedFlagResult["raisedBy"]> = {};
    flags.forEach(([f, w], n) => {
      const { id, name } = wire.interviewers[w];
      (redFlags[template.redFlags[f].id] ??= []).push({
        scorecardId: `${candidateId}:${n}`,
        interviewerId: id,
        interviewerName: name,
        note: "",
      });
    });
    const o = emptyOverall();
    for (const [r, w] of overall) o[OVERALL_RECOMMENDATIONS[r]].push(wire.interviewers[w].name);
    return { scorecardCount, dimensions, redFlags, overall: o };
  };
  return wire.raw.map((raw, i) => {
    const r = unpack(raw, candidateIds[i]);
    const c = wire.calibrated[i];
    return { raw: r, calibrated: c ? unpack(c, candidateIds[i]) : r };
  });
}
