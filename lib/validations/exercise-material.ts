// A case exercise's materials in the role template exchange format
// (docs/decisions/045-exercise-materials.md): text and code travel whole; a file travels as its
// name and content hash, its bytes staying in the database it was uploaded to.
import { z } from "zod";
import { textField } from "./fields";

const title = textField().trim().min(1, "must not be empty").max(200, "must be at most 200 characters");
/** not trimmed: a code block's leading indentation is part of it */
const body = textField()
  .max(20_000, "must be at most 20000 characters")
  .refine((s) => s.trim().length > 0, "must not be empty");

export const materialSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("text"), title, body }),
    z.strictObject({
      kind: z.literal("code"),
      title,
      body,
      language: textField()
        .trim()
        .max(40)
        .regex(/^[A-Za-z0-9+#._-]*$/, "letters, digits and + # . _ - only")
        .transform((s) => s || null)
        .nullable()
        .default(null),
    }),
    z.strictObject({
      kind: z.literal("file"),
      title,
      fileName: textField().trim().min(1, "must not be empty").max(120),
      sha256: z.string().regex(/^[0-9a-f]{64}$/, "must be the file's SHA-256, 64 hex digits"),
    }),
  ],
  { error: "kind must be text, code or file" },
);

export const materialsSchema = z.array(materialSchema).max(10, "at most 10 materials per exercise").default([]);

export type Material = z.output<typeof materialSchema>;
