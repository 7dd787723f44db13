// Filters for the audit log view and its CSV export (docs/decisions/030-audit-view.md). Query
// strings, so all optional.
import { z } from "zod";
import { ACTION_FORMS_HINT, actionMatch } from "../domain/audit-filter";
import { textField } from "./fields";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-11-23")
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
  }, "Not a real date");
const opt = <T extends z.ZodType>(s: T) => z.preprocess((v) => (v === "" || v === null ? undefined : v), s.optional());

export const auditFilterSchema = z
  .object({
    action: opt(
      textField()
        .trim()
        .max(100)
        .refine((a) => actionMatch(a) !== null, ACTION_FORMS_HINT),
    ),
    actor: opt(textField().trim().max(100)),
    entityType: opt(textField().trim().max(100)),
    entityId: opt(textField().trim().max(100)),
    from: opt(day),
    to: opt(day),
    page: opt(z.coerce.number().int().min(1).max(10_000)),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "“From” must not be after “to”", path: ["to"] });
export type AuditFilter = z.output<typeof auditFilterSchema>;
