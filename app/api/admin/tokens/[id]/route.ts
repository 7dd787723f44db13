// DELETE /api/admin/tokens/{id}: revoke an API token (admins); it stops working at once.
import { userOrThrow } from "@/lib/auth";
import { revokeApiToken } from "@/lib/data/api-tokens";
import { handle } from "@/lib/http";

export async function DELETE(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(req, async () => revokeApiToken(await userOrThrow(), (await params).id));
}
