// A person's own settings (README "Reminders and notices", "Your settings"), shared by the
// settings form and PATCH /api/me/settings; the time zone rule is also the admin user form's.
import { z } from "zod";
import { isValidTimeZone } from "../domain/reminders";

/**
 * An IANA time zone Intl knows (the reminders compute in it). Written the way Intl spells it when
 * only the case differs ("europe/berlin" is stored as "Europe/Berlin"); otherwise as chosen, so an
 * alias the browser offers (Europe/Kyiv) is kept rather than swapped for the server's older name.
 */
export const timeZoneField = () =>
  z
    .string({ error: "Choose a time zone" })
    .trim()
    .min(1, { error: "Choose a time zone", abort: true })
    .max(64, { error: "Choose a time zone from the list", abort: true })
    .refine(
      (tz) => isValidTimeZone(tz),
      "Not a time zone we know: choose one from the list (for example Europe/Berlin)",
    )
    .transform((tz) => {
      const spelled = new Intl.DateTimeFormat("en-US", { timeZone: tz }).resolvedOptions().timeZone;
      return spelled.toLowerCase() === tz.toLowerCase() ? spelled : tz;
    });

/** Only these two fields: a body naming anyone (userId, email…) is refused, never applied. */
export const settingsSchema = z.strictObject(
  {
    timeZone: timeZoneField(),
    remindersPaused: z.boolean({ error: "Say whether reminders are paused" }),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `Only timeZone and remindersPaused can be set here, and only your own (not: ${issue.keys.join(", ")})`
        : undefined,
  },
);
export type SettingsInput = z.input<typeof settingsSchema>;
export type Settings = z.output<typeof settingsSchema>;
