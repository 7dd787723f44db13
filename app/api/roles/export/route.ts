// GET /api/roles/export: every role template's current version as a JSON file (admins).
import { userOrThrow } from "@/lib/auth";
import { exportRoleTemplates } from "@/lib/data/role-templates";
import { isAdmin } from "@/lib/domain/permissions";
import { ForbiddenError } from "@/lib/errors";
import { handleRaw } from "@/lib/http";

export async function GET(req: Request) {
  return handleRaw(req, async () => {
    const user = await userOrThrow();
    if (!isAdmin(user.roles)) throw new ForbiddenError("Only admins export role templates.");
    return new Response(JSON.stringify(await exportRoleTemplates(), null, 2) + "\n", {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": 'attachment; filename="role-templates.json"',
        "Cache-Control": "no-store",
      },
    });
  });
}
