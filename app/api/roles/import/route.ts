// POST /api/roles/import { file, apply }: preview (apply=false) or save (apply=true) an uploaded
// roles file in the exchange format (admins). Bad files come back with every bad field's path.
import { z } from "zod";
import { userOrThrow } from "@/lib/auth";
import { importRolesFile } from "@/lib/data/role-editor";
import { handle, readJson } from "@/lib/http";

export async function POST(req: Request) {
  return handle(req, async () => {
    const user = await userOrThrow();
    const body = await readJson(req, z.object({ file: z.unknown(), apply: z.boolean().default(false) }));
    return importRolesFile(user, body.file, { apply: body.apply });
  });
}
