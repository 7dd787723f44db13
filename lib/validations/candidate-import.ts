// What a candidate import is asked with (docs/decisions/071-candidate-import.md), shared by the
// page's server action, the API route and the CLI. The CSV itself is checked cell by cell by
// lib/domain/candidate-import.ts, so a bad cell is a row problem, not a refused request.
import { z } from "zod";
import { IMPORT_FIELD_KEYS, MAX_IMPORT_BYTES, type ImportField } from "../domain/candidate-import-fields";

const column = z.union([z.string().max(200), z.number().int().min(0).max(1000)]);

export const importMappingSchema = z.strictObject(
  Object.fromEntries(IMPORT_FIELD_KEYS.map((k) => [k, column.optional()])) as Record<
    ImportField,
    z.ZodOptional<typeof column>
  >,
);

export const candidateImportSchema = z.object({
  csv: z.string().max(MAX_IMPORT_BYTES, "The file is larger than 5 MB"),
  mapping: importMappingSchema.optional(),
  dryRun: z.boolean().default(false),
});
export type CandidateImportInput = z.input<typeof candidateImportSchema>;
