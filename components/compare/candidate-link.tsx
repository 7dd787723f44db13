import Link from "next/link";
import { summaryHref } from "@/lib/domain/summary-trail";

/** A candidate's name, linked to their summary; blind, only the label ("Candidate A"), unlinked. */
export function CandidateLink({ id, label, blind }: { id: string; label: string; blind: boolean }) {
  return blind ? (
    <span>{label}</span>
  ) : (
    <Link
      href={summaryHref(id, "compare")}
      className="text-indigo-700 underline decoration-indigo-300 hover:decoration-indigo-700"
    >
      {label}
    </Link>
  );
}
