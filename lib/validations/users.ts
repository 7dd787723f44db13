// Admin forms for user accounts (docs/decisions/029-accounts.md), shared by the forms and the route
// handlers.
import { z } from "zod";
import { emailField, textField } from "./fields";
import { timeZoneField } from "./settings";
import { APP_ROLES } from "../domain/vocabulary";

const roles = z.array(z.enum(APP_ROLES)).min(1, "Give at least one app role").max(APP_ROLES.length);
/** empty = generate a one-time password and show it once */
const password = textField()
  .max(200)
  .refine((p) => p === "" || p.length >= 12, "At least 12 characters, or leave empty to generate one")
  .default("");

export const userCreateSchema = z.object({
  name: textField().trim().min(2, "Enter the person's name").max(200),
  email: emailField(),
  roles,
  password,
});
export type UserCreateInput = z.input<typeof userCreateSchema>;

export const userUpdateSchema = z.object({
  name: textField().trim().min(2, "Enter the person's name").max(200),
  roles,
  active: z.boolean(),
  /** the person's IANA time zone, for their reminders; absent = unchanged */
  timeZone: timeZoneField().optional(),
});
export type UserUpdateInput = z.input<typeof userUpdateSchema>;

export const passwordResetSchema = z.object({ password });
export type PasswordResetInput = z.input<typeof passwordResetSchema>;
