// Request bodies of the scorecard routes; `values` is checked by the data layer against the
// interview's own template (lib/validations/scorecard.ts).
import { z } from "zod";
import { textField } from "./fields";

const base = { baseVersion: z.number().int().min(0), values: z.unknown() };
export const draftRequestSchema = z.strictObject(base);
export const submitRequestSchema = z.strictObject({ ...base, submissionKey: textField().min(8).max(100) });
export const amendRequestSchema = z.strictObject({ ...base, reason: z.unknown() });
