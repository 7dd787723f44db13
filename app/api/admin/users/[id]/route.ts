// PATCH /api/admin/users/{id}: name, app roles, active (admins). Deactivating keeps the person's
// scorecards and decisions; they can no longer sign in and their open sessions stop working.
import { userOrThrow } from "@/lib/auth";
import { updateUserAccount } from "@/lib/data/user-admin";
import { anyJson, handle, readJson } from "@/lib/http";

export async function PATCH(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(req, async () =>
    updateUserAccount(await userOrThrow(), (await params).id, await readJson(req, anyJson)),
  );
}
