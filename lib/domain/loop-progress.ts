// A candidate's loop at a glance (docs/decisions/004-scoring.md, "Drafts never show"): which
// scorecards are in, which are still owed (overdue ones marked) and which interviews are still to
// come. Pure; clock injected.
import { isOverdue } from "./my-interviews";

export type LoopInterview = {
  id: string;
  scheduledAt: Date;
  durationMinutes: number;
  /** scheduled | cancelled; cancelled interviews owe nothing and are left out */
  status: string;
  scorecard: { status: string; submittedAt: Date | null } | null;
};

export type LoopState = "submitted" | "owed" | "upcoming";

export function loopProgress<T extends LoopInterview>(interviews: readonly T[], now: Date) {
  const items = interviews
    .filter((i) => i.status !== "cancelled")
    .map((i) => {
      const state: LoopState =
        i.scorecard?.status === "submitted" ? "submitted" : i.scheduledAt <= now ? "owed" : "upcoming";
      return { ...i, state, overdue: state === "owed" && isOverdue(i, now), hasDraft: i.scorecard?.status === "draft" };
    })
    .sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime());
  const count = (s: LoopState) => items.filter((i) => i.state === s).length;
  return {
    items,
    planned: items.length,
    submitted: count("submitted"),
    /** interviews that have taken place without a submitted scorecard */
    missing: count("owed"),
    overdue: items.filter((i) => i.overdue).length,
    upcoming: count("upcoming"),
  };
}

export type LoopProgress = ReturnType<typeof loopProgress>;
