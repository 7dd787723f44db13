// The unit-weight check beside the weighted score (docs/decisions/074-unit-weight-check.md): one
// quiet line when equal weights give the same band; a marked note when the role's weights decide.
import type { UnitWeightCheck } from "@/lib/domain/unit-weight";

export function UnitWeightNote({ check }: { check: UnitWeightCheck }) {
  if (!check.bandFlips)
    return (
      <p className="mt-1 text-sm text-slate-700" data-testid="unit-weight">
        {check.text}
      </p>
    );
  return (
    <p
      className="mt-2 rounded border border-amber-400 bg-amber-50 p-2 text-sm text-amber-950"
      data-testid="unit-weight"
      role="note"
      aria-label="Unit-weight check"
    >
      <span className="font-semibold">Unit-weight check: </span>
      {check.text} The recommendation stays the role&apos;s; a sensitivity check, worth a word in the debrief.
    </p>
  );
}
