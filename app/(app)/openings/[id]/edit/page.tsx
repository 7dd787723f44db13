import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OpeningForm } from "@/components/hiring/opening-form";
import { requireRole } from "@/lib/auth";
import { getOpeningForEdit, listPeople } from "@/lib/data/openings";

export const metadata: Metadata = { title: "Edit opening" };

export default async function EditOpeningPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireRole(["recruiter", "admin"], `/openings/${id}/edit`);
  const [opening, managers, recruiters] = await Promise.all([
    getOpeningForEdit(id),
    listPeople("hiring-manager"),
    listPeople("recruiter"),
  ]);
  if (!opening) notFound();
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm text-slate-700">
        <Link href="/openings" className="underline">
          Openings
        </Link>{" "}
        ›{" "}
        <Link href={`/openings/${id}`} className="underline">
          {opening.title}
        </Link>
      </nav>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">Edit opening</h1>
      <div className="mt-4">
        <OpeningForm
          mode="edit"
          openingId={id}
          initial={{
            title: opening.title,
            hiringManagerId: opening.hiringManagerId,
            recruiterId: opening.recruiterId,
            status: opening.status as "open",
          }}
          managers={managers}
          recruiters={recruiters}
        />
      </div>
    </>
  );
}
