// Saved time zones under names since replaced (docs/decisions/057-time-zone-names.md): still
// accepted, shown under the current name, and stored under it when the person saves.
import { describe, expect, it } from "vitest";
import { getMySettings, updateMySettings } from "@/lib/data/my-settings";
import { db } from "@/lib/db";
import { currentZoneChoices } from "@/lib/domain/time-zones";
import { createUser } from "@/seed/factories";

describe("old time zone names", () => {
  it("a saved Asia/Calcutta reads as Asia/Kolkata, is offered so, and an old name sent is stored under the new one", async () => {
    const u = await createUser(db, { email: "tz-old@test.local", name: "Tz Old", roles: ["interviewer"] });
    await db.user.update({ where: { id: u.id }, data: { timeZone: "Asia/Calcutta" } });
    const s = await getMySettings(u);
    expect(s.timeZone).toBe("Asia/Kolkata");
    expect(currentZoneChoices([s.timeZone])).toContain("Asia/Kolkata");
    const saved = await updateMySettings(u, { timeZone: "Europe/Kiev", remindersPaused: false });
    expect(saved.timeZone).toBe("Europe/Kyiv");
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id }, select: { timeZone: true } })).timeZone).toBe(
      "Europe/Kyiv",
    );
  });
});
