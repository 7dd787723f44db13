// The erasure form (docs/decisions/034-erasure-keeps-numbers.md; README "Privacy"), shared by the
// confirmation form and the route handler.
// zod/mini: the same schemas with a much smaller browser bundle (the forms ship them;
// docs/decisions/010-page-weight-and-render-cost.md, "Validation loads when needed").
import { z } from "zod/mini";
import { storable } from "./storable";

import { ERASE_CONFIRMATION } from "../domain/vocabulary";

export { ERASE_CONFIRMATION };

export const eraseSchema = z.object({
  reason: z
    .string()
    .check(
      storable(),
      z.trim(),
      z.minLength(10, "Say why (at least 10 characters), e.g. “candidate asked to be forgotten”"),
      z.maxLength(500, "Keep the reason under 500 characters"),
    ),
  confirm: z.literal(ERASE_CONFIRMATION, { error: `Type ${ERASE_CONFIRMATION} to confirm` }),
});
export type EraseInput = z.input<typeof eraseSchema>;
