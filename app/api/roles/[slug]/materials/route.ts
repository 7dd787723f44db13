// POST /api/roles/{slug}/materials: one file for an exercise's materials (admins), sent as the raw
// body with its own Content-Type and the name in X-File-Name (percent-encoded). Read as a stream
// and given up past 5 MB (413), never parsed as a multipart form, which is read whole
// (docs/decisions/045-exercise-materials.md). Answers { sha256, fileName, contentType, size },
// which the editor puts in the role it saves.
import { userOrThrow } from "@/lib/auth";
import { storeMaterialFile } from "@/lib/data/role-materials";
import { MAX_MATERIAL_FILE_BYTES } from "@/lib/domain/material-file";
import { ValidationError } from "@/lib/errors";
import { handle, readBodyBytes } from "@/lib/http";

function fileNameOf(req: Request): string {
  try {
    return decodeURIComponent(req.headers.get("x-file-name") ?? "");
  } catch {
    throw new ValidationError("The file needs a usable name.", { fileName: ["The name is not readable."] });
  }
}

export async function POST(req: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handle(req, async () => {
    const user = await userOrThrow();
    const { slug } = await params;
    const fileName = fileNameOf(req);
    const bytes = await readBodyBytes(req, MAX_MATERIAL_FILE_BYTES);
    return storeMaterialFile(user, slug, { bytes, declaredType: req.headers.get("content-type"), fileName });
  });
}
