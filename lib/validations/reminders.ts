// A recruiter's Remind (docs/decisions/049-manual-reminders.md): about one interview, everyone
// owing on a candidate, or everyone owing on an opening; exactly one of the three.
import { z } from "zod";
import { textField } from "./fields";

const id = textField().trim().min(1).max(64);

export const remindSchema = z
  .object({ interviewId: id.optional(), candidateId: id.optional(), openingId: id.optional() })
  .strict()
  .refine((v) => [v.interviewId, v.candidateId, v.openingId].filter(Boolean).length === 1, {
    error: "Name one interview, candidate or opening to remind about",
  });
export type RemindInput = z.input<typeof remindSchema>;
