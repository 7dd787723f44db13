// POST /api/roles { role, changeNote }: create a role template (admins). Version 1.
import { z } from "zod";
import { userOrThrow } from "@/lib/auth";
import { saveRoleFromEditor } from "@/lib/data/role-editor";
import { handle, readJson } from "@/lib/http";

export async function POST(req: Request) {
  return handle(req, async () => {
    const user = await userOrThrow();
    const body = await readJson(req, z.object({ role: z.unknown(), changeNote: z.string().max(500).optional() }));
    return saveRoleFromEditor(user, body.role, { mode: "create", changeNote: body.changeNote });
  });
}
