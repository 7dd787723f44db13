// POST /api/admin/webhooks/{id}/test: send the endpoint a signed ping now (admins); the answer says what it answered.
import { userOrThrow } from "@/lib/auth";
import { sendTestEvent } from "@/lib/data/webhook-endpoints";
import { handle } from "@/lib/http";

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(req, async () => sendTestEvent(await userOrThrow(), (await params).id));
}
