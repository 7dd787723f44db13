import "server-only";
import { db } from "../db";
import { currentZoneName } from "../domain/time-zones";
import { NotFoundError, parseInput } from "../errors";
import { settingsSchema, type Settings } from "../validations/settings";
import { audit } from "./audit";

// A person's own settings (README "Reminders and notices", "Your settings"): their time zone and
// whether reminders are paused. Always the signed-in user's: there is no user id to pass, and a
// body naming one is refused.

const select = { timeZone: true, remindersPaused: true } as const;

export async function getMySettings(viewer: { id: string }): Promise<Settings> {
  const s = await db.user.findUnique({ where: { id: viewer.id }, select });
  if (!s) throw new NotFoundError("User not found.");
  // a zone saved under a name since replaced is shown (and next saved) under its current one
  return { ...s, timeZone: currentZoneName(s.timeZone) };
}

/** Validates and stores both settings; a change is recorded in the audit log (a no-op save is not). */
export async function updateMySettings(viewer: { id: string }, input: unknown): Promise<Settings> {
  const parsed = parseInput(settingsSchema, input);
  const v = { ...parsed, timeZone: currentZoneName(parsed.timeZone) };
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: viewer.id }, select });
    if (!before) throw new NotFoundError("User not found.");
    const after = await tx.user.update({ where: { id: viewer.id }, data: v, select });
    if (before.timeZone !== after.timeZone || before.remindersPaused !== after.remindersPaused) {
      await audit(tx, {
        actorId: viewer.id,
        action: "user.settings_changed",
        entityType: "User",
        entityId: viewer.id,
        before,
        after,
      });
    }
    return after;
  });
}
