// DELETE /api/admin/webhooks/{id}: turn a webhook off (admins); its history stays readable.
import { userOrThrow } from "@/lib/auth";
import { deactivateWebhook } from "@/lib/data/webhooks";
import { handle } from "@/lib/http";

export async function DELETE(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(req, async () => deactivateWebhook(await userOrThrow(), (await params).id));
}
