// POST /api/candidates/{id}/check-ins: the opening's hiring manager (or an admin) submits a hire's
// quality-of-hire check-in, once it is due (docs/decisions/079-quality-of-hire.md).
import { userOrThrow } from "@/lib/auth";
import { submitCheckIn } from "@/lib/data/check-ins";
import { handle, readJson } from "@/lib/http";
import { z } from "zod";

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(req, async () => {
    const user = await userOrThrow();
    // the body is checked against the shared check-in schema inside submitCheckIn
    const body = await readJson(req, z.record(z.string(), z.unknown()));
    return submitCheckIn(user, (await params).id, body);
  });
}
