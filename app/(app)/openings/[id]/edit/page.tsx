import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OpeningForm } from "@/components/hiring/opening-form";
import { requireRole } from "@/lib/auth";
import { getOpeningForEdit, listPeople } from "@/lib/data/openings";
import { getInterviewerPool } from "@/lib/data/interviewer-pool";
import { InterviewerPoolForm } from "@/components/hiring/interviewer-pool-form";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Edit opening" };

export default async function EditOpeningPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireRole(["recruiter", "admin"], `/openings/${id}/edit`);
  const [opening, managers, recruiters, interviewers, pool] = await Promise.all([
    getOpeningForEdit(id),
    listPeople("hiring-manager"),
    listPeople("recruiter"),
    listPeople("interviewer"),
    getInterviewerPool(id),
  ]);
  if (!opening) notFound();
  return (
    <>
      <PageHeader
        trail={[
          { href: "/openings", label: "Openings" },
          { href: `/openings/${id}`, label: opening.title },
        ]}
        title="Edit opening"
      />
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
      <div className="mt-6">
        <InterviewerPoolForm
          openingId={id}
          interviewers={interviewers}
          pool={pool.filter((u) => interviewers.some((p) => p.id === u))}
        />
      </div>
    </>
  );
}
