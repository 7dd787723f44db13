import { redirect } from "next/navigation";
import { hasRole, requireUser } from "@/lib/auth";

// The landing page: interviewers start from what they owe; everyone else from the role templates.
export default async function Home() {
  const user = await requireUser();
  redirect(hasRole(user, "interviewer") ? "/interviews" : "/roles");
}
