import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OpeningForm } from "@/components/hiring/opening-form";
import { ChatDeliveries } from "@/components/chat/chat-deliveries";
import { ChatForm } from "@/components/chat/chat-form";
import { requireRole } from "@/lib/auth";
import { getOpeningChat, openingChatDeliveries } from "@/lib/data/chat-settings";
import { getOpeningForEdit, listPeople } from "@/lib/data/openings";
import { getInterviewerPool } from "@/lib/data/interviewer-pool";
import { InterviewerPoolForm } from "@/components/hiring/interviewer-pool-form";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Edit opening" };

export default async function EditOpeningPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireRole(["recruiter", "admin"], `/openings/${id}/edit`);
  const [opening, managers, recruiters, interviewers, pool] = await Promise.all([
    getOpeningForEdit(id),
    listPeople("hiring-manager"),
    listPeople("recruiter"),
    listPeople("interviewer"),
    getInterviewerPool(id),
  ]);
  if (!opening) notFound();
  const [chat, sent] = await Promise.all([getOpeningChat(user, id), openingChatDeliveries(user, id)]);
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
      <div className="mt-6">
        <ChatForm
          apiUrl={`/api/openings/${id}/chat`}
          initial={chat}
          title="Channel notices"
          hint="Post to a Slack or Microsoft Teams channel when a scorecard is submitted, when everyone on a candidate's loop has submitted (ready for debrief) and when a decision is recorded. Posts say who and which candidate, with a link: never ratings, evidence or the decision itself."
        >
          <ChatDeliveries rows={sent} />
        </ChatForm>
      </div>
    </>
  );
}
