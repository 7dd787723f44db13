// GET /api/roles/{slug}/materials/{id}: a file material, for anyone signed in (who may read the
// role's page). Always a download, never rendered by the browser: attachment, nosniff and a
// sandboxing policy (docs/decisions/045-exercise-materials.md).
import { userOrThrow } from "@/lib/auth";
import { readMaterialFile } from "@/lib/data/role-materials";
import { attachmentDisposition } from "@/lib/domain/material-file";
import { handleRaw } from "@/lib/http";

export async function GET(req: Request, { params }: { params: Promise<{ slug: string; id: string }> }) {
  return handleRaw(req, async () => {
    await userOrThrow();
    const { slug, id } = await params;
    const file = await readMaterialFile(slug, id);
    return new Response(file.bytes, {
      headers: {
        "Content-Type": file.contentType,
        "Content-Length": String(file.size),
        "Content-Disposition": attachmentDisposition(file.fileName),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "Cache-Control": "private, no-store",
      },
    });
  });
}
