// GET /api/candidates/{id}/reminders: for each scorecard owed on the candidate, when its
// interviewer was last reminded, by whom, and from when Remind may be pressed again (recruiters,
// admins; docs/decisions/049-manual-reminders.md).
import { userOrThrow } from "@/lib/auth";
import { remindStatus } from "@/lib/data/manual-reminders";
import { handle } from "@/lib/http";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(req, async () => remindStatus(await userOrThrow(), (await params).id));
}
