// Starting a debrief (docs/decisions/078-debrief-mode.md), shared by the start form and the
// server, which also checks that the order is this panel's (lib/domain/debrief.ts).
import { z } from "zod/mini";
import { REVEAL_MODES } from "../domain/debrief";
import { storable } from "./storable";

const userId = z.string().check(storable(), z.minLength(1), z.maxLength(64));

export const debriefStartSchema = z.object({
  revealMode: z.enum(REVEAL_MODES, { error: "Choose one interviewer at a time or everyone at once" }),
  /** the interviewers' user ids, first revealed first */
  revealOrder: z.array(userId).check(z.minLength(1, "Put the panel in an order"), z.maxLength(100)),
  seniorIds: z._default(z.array(userId).check(z.maxLength(100)), []),
});
export type DebriefStartInput = z.input<typeof debriefStartSchema>;
