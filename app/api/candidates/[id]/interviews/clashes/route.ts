// GET /api/candidates/{id}/interviews/clashes?interviewerId=…&scheduledAt=…&durationMinutes=…[&interviewId=…]:
// what a planned interview would clash with — the candidate's other interviews and the
// interviewer's bookings elsewhere at that time (recruiters, admins; docs/decisions/050-loop-time-clashes.md).
import { userOrThrow } from "@/lib/auth";
import { clashesFor } from "@/lib/data/loop-clashes";
import { handle } from "@/lib/http";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(req, async () =>
    clashesFor(await userOrThrow(), (await params).id, Object.fromEntries(new URL(req.url).searchParams)),
  );
}
