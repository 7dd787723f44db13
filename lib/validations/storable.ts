// The check behind every text field (docs/decisions/018), in zod/mini so the forms that ship
// zod/mini to the browser (scorecard, decision, erasure) need nothing more.
import { z } from "zod/mini";
import { isStorableText, UNSTORABLE_MESSAGE } from "../domain/request-boundary";

/** No NUL and no lone surrogate: text both databases can store. First in a string's checks. */
export const storable = () => z.refine<string>(isStorableText, UNSTORABLE_MESSAGE);
