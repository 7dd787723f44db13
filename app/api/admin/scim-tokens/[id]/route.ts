// DELETE /api/admin/scim-tokens/{id}: revoke a SCIM token (admins); it stops working at once.
import { userOrThrow } from "@/lib/auth";
import { revokeScimToken } from "@/lib/data/scim-tokens";
import { handle } from "@/lib/http";

export async function DELETE(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(req, async () => revokeScimToken(await userOrThrow(), (await params).id));
}
