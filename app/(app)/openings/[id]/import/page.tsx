import type { Metadata } from "next";
import { CandidateImport } from "@/components/hiring/candidate-import";
import { PageHeader } from "@/components/ui/page-header";
import { requireRole } from "@/lib/auth";
import { getOpeningForEdit } from "@/lib/data/openings";
import { IMPORT_FIELDS } from "@/lib/domain/candidate-import-fields";
import { notFound } from "next/navigation";

export const metadata: Metadata = { title: "Import candidates" };

// Importing an opening's candidates from a CSV file, for those who set up loops
// (docs/decisions/071-candidate-import.md): the file, its columns mapped, a preview with every
// row's problems, then all rows or none.
export default async function ImportCandidatesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireRole(["recruiter", "admin"], `/openings/${id}/import`);
  const opening = await getOpeningForEdit(id);
  if (!opening) notFound();
  return (
    <>
      <PageHeader
        trail={[
          { href: "/openings", label: "Openings" },
          { href: `/openings/${id}`, label: opening.title },
        ]}
        title="Import candidates"
      />
      <p className="mt-2 max-w-prose text-sm text-slate-700">
        A CSV file with a header row and a row per candidate, as a spreadsheet exports it (commas, semicolons or tabs
        between fields). Name and e-mail are needed; source and notes are optional. To plan an interview for a
        candidate, add the interviewer&apos;s e-mail, the date and time (in your time zone, e.g. 2027-01-15 14:30), and
        optionally the exercise by its title and the length in minutes. Nothing is imported until every row is right.
      </p>
      {opening.status === "closed" ? (
        <p className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          This opening is closed; reopen it to import candidates.
        </p>
      ) : (
        <CandidateImport openingId={id} fields={IMPORT_FIELDS.map((f) => ({ ...f }))} />
      )}
    </>
  );
}
