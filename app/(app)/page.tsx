import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth";
import { candidateScope } from "@/lib/domain/permissions";

// The landing page: recruiters, hiring managers and admins start from their openings;
// interviewers from what they owe.
export default async function Home() {
  const user = await requireUser();
  redirect(
    candidateScope(user.roles) !== "none" ? "/openings" : user.roles.includes("interviewer") ? "/interviews" : "/roles",
  );
}
