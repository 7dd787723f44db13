// PUT /api/roles/{slug} { role, changeNote, baseVersion? }: save the edited template as its next version (admins);
// baseVersion, the version the editor was opened on, refuses a save made after someone else's (409).
import { z } from "zod";
import { userOrThrow } from "@/lib/auth";
import { saveRoleFromEditor } from "@/lib/data/role-editor";
import { handle, readJson } from "@/lib/http";

export async function PUT(req: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handle(req, async () => {
    const user = await userOrThrow();
    const body = await readJson(
      req,
      z.object({
        role: z.unknown(),
        changeNote: z.string().max(500).optional(),
        baseVersion: z.number().int().min(1).optional(),
      }),
    );
    return saveRoleFromEditor(user, body.role, {
      mode: "edit",
      slug: (await params).slug,
      changeNote: body.changeNote,
      baseVersion: body.baseVersion,
    });
  });
}
