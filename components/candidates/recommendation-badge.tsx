import { Badge } from "@/components/ui/badge";
import { RECOMMENDATION_LABELS, type Recommendation } from "@/lib/domain/scoring";

export const recommendationTone: Record<Recommendation, "good" | "info" | "warn" | "danger" | "neutral"> = {
  "strong-hire": "good",
  hire: "good",
  "lean-no-hire": "warn",
  "no-hire": "danger",
  "no-hire-red-flag": "danger",
  "insufficient-evidence": "neutral",
};

export function RecommendationBadge({ value }: { value: Recommendation }) {
  return <Badge tone={recommendationTone[value]}>{RECOMMENDATION_LABELS[value]}</Badge>;
}
