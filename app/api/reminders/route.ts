// POST /api/reminders { interviewId } | { candidateId } | { openingId }: a recruiter's Remind —
// one interviewer, or everyone owing on a candidate or an opening (recruiters, admins;
// docs/decisions/049-manual-reminders.md). 409 when it is too soon or nothing is owed.
import { userOrThrow } from "@/lib/auth";
import { remind } from "@/lib/data/manual-reminders";
import { anyJson, handle, readJson } from "@/lib/http";

export async function POST(req: Request) {
  return handle(req, async () => remind(await userOrThrow(), await readJson(req, anyJson)));
}
