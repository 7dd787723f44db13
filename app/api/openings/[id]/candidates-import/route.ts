// POST /api/openings/{id}/candidates-import { csv, mapping?, dryRun }: the import page's preview
// and commit, with the session cookie (docs/decisions/071-candidate-import.md). The file is
// larger than other forms' bodies, so this route reads up to IMPORT_BODY_BYTES.
import { userOrThrow } from "@/lib/auth";
import { importCandidates } from "@/lib/data/candidate-import";
import { assertCanSetUp } from "@/lib/data/openings";
import { IMPORT_BODY_BYTES } from "@/lib/domain/candidate-import-fields";
import { fieldErrorsOf, ValidationError } from "@/lib/errors";
import { handle, readJsonValue } from "@/lib/http";
import { candidateImportSchema } from "@/lib/validations/candidate-import";

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(req, async () => {
    const user = await userOrThrow();
    // who may import is known before the body is read: others are refused (403), not told about it
    assertCanSetUp(user);
    const parsed = candidateImportSchema.safeParse(await readJsonValue(req, IMPORT_BODY_BYTES));
    if (!parsed.success)
      throw new ValidationError(
        "The request has fields that need attention.",
        fieldErrorsOf(parsed.error.issues, "body"),
      );
    return importCandidates(user, (await params).id, parsed.data);
  });
}
