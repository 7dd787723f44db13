// POST /api/admin/users: create a user account (admins). Answers once with a generated password
// when none was given; it is never stored in clear or shown again.
import { userOrThrow } from "@/lib/auth";
import { createUserAccount } from "@/lib/data/user-admin";
import { anyJson, handle, readJson } from "@/lib/http";

export async function POST(req: Request) {
  return handle(req, async () => createUserAccount(await userOrThrow(), await readJson(req, anyJson)));
}
