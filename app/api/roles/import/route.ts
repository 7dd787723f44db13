// POST /api/roles/import { file, apply }: preview (apply=false) or save (apply=true) an uploaded
// roles file in the exchange format (admins). Bad files come back with every bad field's path.
import { z } from "zod";
import { userOrThrow } from "@/lib/auth";
import { importRolesFile } from "@/lib/data/role-editor";
import { fieldErrorsOf, ValidationError } from "@/lib/errors";
import { handle, readJson } from "@/lib/http";

export async function POST(req: Request) {
  return handle(req, async () => {
    const user = await userOrThrow();
    const body = await readJson(req, z.object({ file: z.unknown(), apply: z.boolean().default(false) }));
    const result = await importRolesFile(user, body.file, { apply: body.apply });
    // a bad file is refused (422) with every bad field and its path; the page lists them
    if (!result.ok) {
      const fields = fieldErrorsOf(
        result.errors.map((e) => ({ path: [e.path], message: e.message })),
        "file",
      );
      throw new ValidationError("The file has fields that need attention; nothing was saved.", fields);
    }
    return result;
  });
}
