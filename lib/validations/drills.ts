// Calibration drills (docs/decisions/080-calibration-drills.md): the admin's drill form and its
// publication, shared by the form and the app's routes (the ratings: ./drill-attempt.ts).
import { z } from "zod";
import { CONSENSUS_MODES, MAX_REFERENCE_CHARS } from "../domain/drills";
import { textField } from "./fields";

const RATINGS = ["", "1", "2", "3", "4", "5"] as const;
const id = textField().min(1).max(64);

export const drillSchema = z
  .strictObject({
    exerciseId: id.describe("the exercise of a role version the drill is about"),
    title: textField()
      .trim()
      .min(1, { error: "Give the drill a title", abort: true })
      .max(200, { error: "At most 200 characters", abort: true }),
    reference: textField()
      .trim()
      .min(1, { error: "Write the reference answer (a transcript excerpt or a described performance)", abort: true })
      .max(MAX_REFERENCE_CHARS, {
        error: `Keep the reference answer under ${MAX_REFERENCE_CHARS.toLocaleString("en")} characters`,
        abort: true,
      }),
    consensusMode: z
      .enum(CONSENSUS_MODES, { error: "Choose who sets the consensus" })
      .describe("admin: the ratings below are the consensus; raters: the mean of the other raters' ratings"),
    consensus: z
      .record(id, z.enum(RATINGS, { error: "Choose 1–5, or leave it empty" }))
      .refine((r) => Object.keys(r).length <= 60, "Too many dimensions")
      .default({})
      .describe('dimension id → the consensus rating 1–5 ("" = none); used when consensusMode is admin'),
  })
  .superRefine((v, ctx) => {
    if (v.consensusMode === "admin" && !Object.values(v.consensus).some((r) => r !== ""))
      ctx.addIssue({
        code: "custom",
        path: ["consensus"],
        message: "Set the consensus rating of at least one dimension",
      });
  });
export type DrillInput = z.input<typeof drillSchema>;

export const drillStatusSchema = z.strictObject({
  status: z.enum(["published", "archived"], { error: "Choose published or archived" }),
});
