import type { Thresholds } from "@/lib/domain/scoring";
import type { ScorecardKit } from "@/lib/validations/scorecard";

/** What the scorecard form shows of the interview's template (plain data, sent to the browser). */
export type KitView = {
  interviewId: string;
  kit: ScorecardKit;
  dimensions: {
    id: string;
    name: string;
    weight: number;
    weightOrigin: string;
    focus: boolean;
    anchors: { label: string; level: number | null; text: string }[];
    evidenceToSeek: string | null;
  }[];
  redFlags: { id: string; text: string }[];
  /** when submitting opens (ISO; lib/domain/submit-window.ts): drafting is open before it */
  submitOpensAt?: string;
  /** the role's recommendation thresholds, for the evidence nudges (defaults when absent) */
  thresholds?: Thresholds;
};
