import type { FieldErrors } from "react-hook-form";
import type { ScorecardValues } from "@/lib/validations/scorecard";
import type { KitView } from "./types";

type Problem = { target: string; message: string };

/** Field errors in form order, each with the element to jump to. */
export function problemsOf(kit: KitView, errors: FieldErrors<ScorecardValues>): Problem[] {
  const out: Problem[] = [];
  // "rate at least one dimension" sits on the ratings record itself
  const ratingsError = errors.ratings as { message?: string; root?: { message?: string } } | undefined;
  const whole = ratingsError?.root?.message ?? ratingsError?.message;
  if (whole) out.push({ target: "dimensions-heading", message: whole });
  for (const d of kit.dimensions) {
    const m = errors.ratings?.[d.id]?.score?.message;
    if (m) out.push({ target: `dim-${d.id}`, message: `${d.name}: ${m}` });
  }
  for (const f of kit.redFlags) {
    const m = errors.redFlags?.[f.id]?.note?.message;
    if (m) out.push({ target: `flag-${f.id}-note`, message: `${m}: “${f.text}”` });
  }
  if (errors.keyTakeaways?.message) out.push({ target: "keyTakeaways", message: errors.keyTakeaways.message });
  if (errors.recommendation?.message) out.push({ target: "recommendation", message: errors.recommendation.message });
  return out;
}

/**
 * What is left to finish before submitting, each a link to its field. It takes the focus after a
 * refused submit (the ref), so a keyboard or screen-reader user lands on the list.
 */
export function ProblemSummary({ problems, ref }: { problems: Problem[]; ref: React.Ref<HTMLDivElement> }) {
  if (problems.length === 0) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="problems-heading"
      className="rounded-lg border-2 border-red-600 bg-red-50 p-4"
    >
      <h3 id="problems-heading" className="font-semibold text-red-900">
        {problems.length === 1
          ? "One thing to finish before submitting"
          : `${problems.length} things to finish before submitting`}
      </h3>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
        {problems.map((p) => (
          <li key={p.target + p.message}>
            <a href={`#${p.target}`} className="text-red-900 underline">
              {p.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
