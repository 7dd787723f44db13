// The erasure form (issue 8), shared by the confirmation form and the route handler.
import { z } from "zod";

export const ERASE_CONFIRMATION = "ERASE";

export const eraseSchema = z.object({
  reason: z.string().trim().min(10, "Say why (at least 10 characters), e.g. “candidate asked to be forgotten”").max(500, "Keep the reason under 500 characters"),
  confirm: z.literal(ERASE_CONFIRMATION, { error: `Type ${ERASE_CONFIRMATION} to confirm` }),
});
export type EraseInput = z.input<typeof eraseSchema>;
