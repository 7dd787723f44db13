// "Where the panel agrees and disagrees" on the candidate summary (docs/decisions/076-agreement-with-citations.md):
// per dimension, each interviewer's rating and the first sentence of their evidence, linked to the
// full note in the panel's ratings. Every text is rendered by React, so as text, never as markup;
// dir="auto" lets a right-to-left note read in its own direction without turning the line around.
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { OpenLinkedNote } from "@/components/candidates/open-linked-note";
import type { DimensionAgreement, PanelAgreement as Agreement } from "@/lib/domain/panel-agreement";
import { RATING_LABELS, type Rating } from "@/lib/domain/vocabulary";

const KIND: Record<DimensionAgreement["kind"], { label: string; tone: "good" | "warn" | "neutral" }> = {
  agreement: { label: "Agreement", tone: "good" },
  disagreement: { label: "Disagreement", tone: "warn" },
  "single-rating": { label: "Single rating", tone: "neutral" },
};

function kindText(d: DimensionAgreement) {
  if (d.kind === "single-rating") return "only one rating: neither agreement nor disagreement";
  return d.kind === "agreement" ? `every rating within 1 point (spread ${d.spread})` : `spread ${d.spread}`;
}

function DimensionItem({ d }: { d: DimensionAgreement }) {
  const k = KIND[d.kind];
  return (
    <li className="break-inside-avoid p-3 text-sm" data-testid="agreement-dimension" data-kind={d.kind}>
      <p className="flex flex-wrap items-baseline gap-2">
        <span className="font-semibold">{d.name}</span>
        <span className="text-slate-700">({d.weight}% of the weight)</span>
        <Badge tone={k.tone}>{k.label}</Badge>
        <span className="text-slate-700">{kindText(d)}</span>
      </p>
      <ul className="mt-1 space-y-1">
        {d.ratings.map((r) => (
          <li key={r.scorecardId}>
            <span className="font-medium">{r.interviewerName}</span>:{" "}
            <span className="tabular-nums">
              {r.rating} · {RATING_LABELS[r.rating as Rating]}
            </span>
            {r.quote ? (
              <>
                {" — "}
                <a href={`#${r.anchor}`} className="text-slate-900 underline decoration-slate-400 print:no-underline">
                  <q dir="auto" className="break-words">
                    {r.quote}
                  </q>
                  {r.shortened ? <span className="text-indigo-700 print:hidden"> full note</span> : null}
                </a>
              </>
            ) : (
              <span className="italic text-slate-600"> — no evidence written</span>
            )}
          </li>
        ))}
      </ul>
      {d.notAssessedBy.length ? (
        <p className="mt-1 text-slate-700">Not assessed by {d.notAssessedBy.join(", ")} (not a rating).</p>
      ) : null}
    </li>
  );
}

export function PanelAgreement({ agreement }: { agreement: Agreement }) {
  return (
    <div className="space-y-3" data-testid="panel-agreement">
      <OpenLinkedNote />
      {agreement.dimensions.length ? (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {agreement.dimensions.map((d) => (
            <DimensionItem key={d.dimensionId} d={d} />
          ))}
        </ul>
      ) : (
        <EmptyState>No ratings yet: nothing to agree or disagree on.</EmptyState>
      )}
      {agreement.unassessed.length ? (
        <div className="break-inside-avoid text-sm" data-testid="agreement-unassessed">
          <p className="font-semibold">No one assessed</p>
          <ul className="mt-1 list-disc pl-5">
            {agreement.unassessed.map((u) => (
              <li key={u.dimensionId}>
                {u.name} <span className="text-slate-700">({u.weight}% of the weight)</span>
                {u.notAssessedBy.length ? (
                  <span className="text-slate-700"> · marked Not assessed by {u.notAssessedBy.join(", ")}</span>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
