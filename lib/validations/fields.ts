// Field rules shared by several forms.
import { z } from "zod";

/** An e-mail address, trimmed and lower-cased before it is checked (people paste with spaces). */
export const emailField = (message = "Enter a valid e-mail address") => z.string().trim().toLowerCase().pipe(z.email(message).max(320, "At most 320 characters"));
