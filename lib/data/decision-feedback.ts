import "server-only";
import { db } from "../db";
import { agreementRate, agreementWith, type Agreement } from "../domain/decision-feedback";
import type { Viewer } from "../domain/permissions";

// How it ended (docs/decisions/077-how-it-ended.md): for an interviewer, the final decision on each
// candidate they submitted a scorecard for, beside their own overall recommendation. Nobody
// else's feedback: only the outcome, which the candidate's stage already tells the recruiters,
// and what the interviewer wrote themself. Only once their own scorecard is submitted.

export type MyOutcome = {
  interviewId: string;
  candidateName: string;
  openingTitle: string;
  outcome: string;
  decidedAt: string;
  yourRecommendation: string | null;
  agreement: Agreement;
};

/** The decided candidates the viewer interviewed (newest decision first) and their agreement figure. */
export async function myOutcomes(viewer: Viewer, limit = 20) {
  const interviews = await db.interview.findMany({
    where: {
      interviewerId: viewer.id,
      scorecard: { status: "submitted" },
      candidate: { erasedAt: null, decisions: { some: {} } },
    },
    select: {
      id: true,
      scorecard: { select: { recommendation: true } },
      candidate: {
        select: {
          name: true,
          opening: { select: { title: true } },
          // the decision as it stands: a revision is a newer row (docs/decisions/005)
          decisions: {
            orderBy: [{ createdAt: "desc" }, { id: "desc" }],
            take: 1,
            select: { outcome: true, createdAt: true },
          },
        },
      },
    },
  });
  const all: MyOutcome[] = interviews
    .map((i) => {
      const d = i.candidate.decisions[0];
      const mine = i.scorecard?.recommendation ?? null;
      return {
        interviewId: i.id,
        candidateName: i.candidate.name,
        openingTitle: i.candidate.opening.title,
        outcome: d.outcome,
        decidedAt: d.createdAt.toISOString(),
        yourRecommendation: mine,
        agreement: agreementWith(d.outcome, mine),
      };
    })
    .sort((a, b) => b.decidedAt.localeCompare(a.decidedAt) || a.interviewId.localeCompare(b.interviewId));
  return { total: all.length, outcomes: all.slice(0, limit), agreement: agreementRate(all.map((o) => o.agreement)) };
}
