// Field rules shared by several forms.
import { z } from "zod";
import { storable } from "./storable";

/**
 * Every text field of the classic-zod forms: a string the databases can store (no NUL, no lone
 * surrogate), refused with a message next to the field rather than failing the write
 * (docs/decisions/018). Chain .trim(), .min(), .max() as on z.string().
 */
export const textField = () => z.string().check(storable());

/** An e-mail address, trimmed and lower-cased before it is checked (people paste with spaces). */
export const emailField = (message = "Enter a valid e-mail address") =>
  textField().trim().toLowerCase().pipe(z.email(message).max(320, "At most 320 characters"));

/** A search box's text (?q=), cut to 200 characters as the pages always did. */
export const searchQueryField = textField().transform((q) => q.slice(0, 200));
export const searchQuerySchema = z.object({ q: searchQueryField });
