// POST /api/admin/users/{id}/password: set or generate a new password (admins); clears the
// account's sign-in throttle so a locked-out person can sign in at once.
import { userOrThrow } from "@/lib/auth";
import { resetUserPassword } from "@/lib/data/user-admin";
import { anyJson, handle, readJson } from "@/lib/http";

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(req, async () =>
    resetUserPassword(await userOrThrow(), (await params).id, await readJson(req, anyJson)),
  );
}
