// Debrief mode (docs/decisions/078-debrief-mode.md): the order in which the panel is revealed, what
// the room changed against the frozen pre-debrief snapshot, and how far each interviewer moves in
// debriefs and toward whom. Pure: lib/data/debriefs.ts reads the rows.
import { RECOMMENDATION_LABELS, type CandidateScore } from "./scoring";
import { agreementRate, formatAgreementRate, type AgreementRate } from "./decision-feedback";

export const REVEAL_MODES = ["one", "all"] as const;
export type RevealMode = (typeof REVEAL_MODES)[number];

export type PanelMember = { interviewerId: string; submittedAt: Date | null };

/**
 * The suggested reveal order: everyone else first (in the order they submitted), then those the
 * facilitator marked senior, then the hiring manager — seniority speaks last, so it cannot anchor
 * the others (Dewberry & Jordan 2006; docs/decisions/078-debrief-mode.md).
 */
export function suggestedRevealOrder(
  panel: readonly PanelMember[],
  opts: { hiringManagerId: string | null; seniorIds: readonly string[] },
): string[] {
  const senior = new Set(opts.seniorIds);
  const rank = (id: string) => (id === opts.hiringManagerId ? 2 : senior.has(id) ? 1 : 0);
  const time = (m: PanelMember) => m.submittedAt?.getTime() ?? Number.MAX_SAFE_INTEGER;
  const ids = [...new Set(panel.map((m) => m.interviewerId))];
  const first = new Map(ids.map((id) => [id, Math.min(...panel.filter((m) => m.interviewerId === id).map(time))]));
  return ids.sort((a, b) => rank(a) - rank(b) || first.get(a)! - first.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
}

/** Why an order the facilitator sent is not the panel in some order, or null when it is. */
export function revealOrderProblem(order: readonly string[], panelIds: readonly string[]): string | null {
  const panel = new Set(panelIds);
  if (new Set(order).size !== order.length) return "Each interviewer can appear only once in the order.";
  if (order.some((id) => !panel.has(id))) return "The order names someone who is not on this panel.";
  if (order.length !== panel.size) return "The order must place every interviewer on the panel.";
  return null;
}

/**
 * What the room sees: all of it, or the first `shown` interviewers in the reveal order (at least
 * one) and who comes next. The scores stay hidden until everyone is revealed, so no number
 * anchors the discussion before each voice has been heard.
 */
export function revealStep<T>(ordered: readonly T[], mode: RevealMode, shown: number | null) {
  const count = mode === "all" ? ordered.length : Math.min(ordered.length, Math.max(1, shown ?? 1));
  return {
    visible: ordered.slice(0, count),
    next: count < ordered.length ? ordered[count] : null,
    shown: count,
    complete: count >= ordered.length,
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The headline before and after the debrief, and whether the recommendation changed only after
 * it: through amendments made after it started, or scorecards submitted after it started.
 */
export function debriefShift(
  pre: Pick<CandidateScore, "recommendation" | "scoreText">,
  post: Pick<CandidateScore, "recommendation" | "scoreText">,
  after: { amendments: number; lateSubmissions: number },
) {
  const changes = after.amendments + after.lateSubmissions;
  const changedOnlyAfter = changes > 0 && pre.recommendation !== post.recommendation;
  const before = `${RECOMMENDATION_LABELS[pre.recommendation]} (${pre.scoreText})`;
  const now = `${RECOMMENDATION_LABELS[post.recommendation]} (${post.scoreText})`;
  const through = [
    after.amendments ? plural(after.amendments, "post-debrief amendment") : "",
    after.lateSubmissions ? `${plural(after.lateSubmissions, "scorecard")} submitted after it started` : "",
  ]
    .filter(Boolean)
    .join(" and ");
  return {
    changedOnlyAfter,
    text: changedOnlyAfter
      ? `Before the debrief the recommendation was ${before}; it became ${now} only after the debrief, through ${through}.`
      : changes > 0
        ? `Since the debrief started: ${through}, but the recommendation is unchanged: ${before} before, ${now} now.`
        : `Nothing was amended after the debrief started: ${now}, as before.`,
  };
}

/** One interviewer's 1–5 ratings in one debrief: before (the snapshot) and now, by dimension id. */
export type DebriefCard = {
  interviewerId: string;
  pre: Readonly<Record<string, number | null>>;
  post: Readonly<Record<string, number | null>>;
};
export type DebriefRecord = {
  hiringManagerId: string | null;
  seniorIds: readonly string[];
  cards: readonly DebriefCard[];
};

export type Movement = {
  interviewerId: string;
  /** ratings rated 1–5 both before and after a debrief (unchanged ones included) */
  n: number;
  /** how many of them changed */
  moved: number;
  /** mean |after − before| in points, with a normal-approximation 95% interval (null below 2) */
  meanShift: number | null;
  low: number | null;
  high: number | null;
  /** of the changes where the most senior others' mean differed from the rating before: how many moved toward it */
  towardSenior: AgreementRate;
  /** of the changes where the hiring manager's own rating differed from the rating before: how many moved toward it */
  towardManager: AgreementRate;
};

/** Below this many rating pairs the movement is shown as a count only (docs/decisions/078). */
export const MOVEMENT_MIN_N = 5;
const Z95 = 1.959963984540054;

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/**
 * How far each interviewer moves in debriefs and toward whom. A change goes "toward" a target
 * when it ends nearer the target's pre-debrief rating than it started. The senior target is the
 * mean of the pre-debrief ratings of the others the facilitator marked senior (the hiring manager
 * counts as senior when they interviewed); the manager target is the hiring manager's own.
 */
export function debriefMovement(debriefs: readonly DebriefRecord[]): Movement[] {
  type Acc = { shifts: number[]; senior: ("agreed" | "differed")[]; manager: ("agreed" | "differed")[] };
  const acc = new Map<string, Acc>();
  for (const d of debriefs) {
    const senior = new Set(d.seniorIds);
    if (d.hiringManagerId) senior.add(d.hiringManagerId);
    for (const card of d.cards) {
      const a = acc.get(card.interviewerId) ?? { shifts: [], senior: [], manager: [] };
      acc.set(card.interviewerId, a);
      for (const [dimensionId, before] of Object.entries(card.pre)) {
        const after = card.post[dimensionId];
        if (before == null || after == null) continue;
        a.shifts.push(Math.abs(after - before));
        if (after === before) continue;
        const toward = (target: number | null) =>
          target === null || target === before
            ? null
            : Math.abs(after - target) < Math.abs(before - target)
              ? "agreed"
              : "differed";
        const seniorTarget = mean(
          d.cards
            .filter((c) => c.interviewerId !== card.interviewerId && senior.has(c.interviewerId))
            .map((c) => c.pre[dimensionId])
            .filter((r): r is number => r != null),
        );
        const s = toward(seniorTarget);
        if (s) a.senior.push(s);
        const manager =
          d.hiringManagerId && d.hiringManagerId !== card.interviewerId
            ? (d.cards.find((c) => c.interviewerId === d.hiringManagerId)?.pre[dimensionId] ?? null)
            : null;
        const m = toward(manager);
        if (m) a.manager.push(m);
      }
    }
  }
  return [...acc].map(([interviewerId, a]) => {
    const n = a.shifts.length;
    const m = mean(a.shifts);
    let low: number | null = null;
    let high: number | null = null;
    if (m !== null && n >= 2) {
      const sd = Math.sqrt(a.shifts.reduce((s, x) => s + (x - m) ** 2, 0) / (n - 1));
      const half = (Z95 * sd) / Math.sqrt(n);
      low = Math.max(0, m - half);
      high = m + half;
    }
    return {
      interviewerId,
      n,
      moved: a.shifts.filter((x) => x > 0).length,
      meanShift: m,
      low,
      high,
      towardSenior: agreementRate(a.senior),
      towardManager: agreementRate(a.manager),
    };
  });
}

const points = (x: number) => x.toFixed(2);

/** "0.40 points per rating (0.10–0.70), 4 of 10 changed", or why there is too little to say. */
export function formatMovement(m: Movement): string {
  if (m.n < MOVEMENT_MIN_N || m.meanShift === null)
    return `${m.n} rating${m.n === 1 ? "" : "s"} through a debrief: too few to say (${MOVEMENT_MIN_N} needed)`;
  return `${points(m.meanShift)} points per rating (${points(m.low ?? m.meanShift)}–${points(m.high ?? m.meanShift)}), ${m.moved} of ${m.n} changed`;
}

/** "3 of 4 (75%; 30–95%)" toward the target, or "no changes with a senior to move toward". */
export function formatToward(r: AgreementRate, whom: string): string {
  return r.n ? formatAgreementRate(r) : `no changes where ${whom} rated differently`;
}
