// GET /api/admin/audit.csv: the audit log with the filters of the view (admins only).
import { userOrThrow } from "@/lib/auth";
import { csvFileName, csvResponse } from "@/lib/csv";
import { auditEntriesForExport } from "@/lib/data/audit-view";
import { ValidationError } from "@/lib/errors";
import { auditCsv } from "@/lib/exports";
import { handleRaw } from "@/lib/http";
import { auditFilterSchema } from "@/lib/validations/audit";

export async function GET(req: Request) {
  return handleRaw(req, async () => {
    const user = await userOrThrow();
    const parsed = auditFilterSchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
    if (!parsed.success)
      throw new ValidationError(
        "The filter is not valid.",
        Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), [i.message]])),
      );
    const rows = await auditEntriesForExport(user, parsed.data);
    return csvResponse(auditCsv(rows), csvFileName("audit-log", new Date().toISOString().slice(0, 10)));
  });
}
