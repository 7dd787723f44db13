// What a signed-in request reads about its session (docs/decisions/063): the user as stored now,
// their roles and whether the session was signed out, in one statement. Real database.
import { afterAll, describe, expect, it } from "vitest";
import { createDb, db } from "@/lib/db";
import { endSession, findSessionUser } from "@/lib/data/sessions";
import { env } from "@/lib/env";
import { createUser } from "@/seed/factories";

const statements: string[] = [];
const counting = createDb(env.database, { onQuery: (sql) => statements.push(sql) });
afterAll(() => counting.$disconnect());

describe("findSessionUser", () => {
  it("reads the user, every role and the session's state in one statement", async () => {
    const u = await createUser(db, {
      email: "session-user@test.local",
      name: "Session User",
      roles: ["recruiter", "interviewer", "admin"],
    });
    statements.length = 0;
    const found = await findSessionUser(u.id, "not-ended", counting);
    expect(statements).toHaveLength(1);
    expect(found).toEqual({
      user: {
        id: u.id,
        email: u.email,
        name: "Session User",
        roles: ["admin", "interviewer", "recruiter"],
        sessionGeneration: 0,
      },
      ended: false,
    });
  });

  it("says when the session was signed out, for that session only", async () => {
    const u = await createUser(db, { email: "session-ended@test.local", name: "Ended", roles: ["interviewer"] });
    await endSession({ sessionId: "signed-out", userId: u.id, expiresAt: new Date(Date.now() + 3_600_000) });
    expect((await findSessionUser(u.id, "signed-out"))?.ended).toBe(true);
    expect((await findSessionUser(u.id, "still-on"))?.ended).toBe(false);
  });

  it("follows role changes and the session generation as stored now", async () => {
    const u = await createUser(db, { email: "session-roles@test.local", name: "Roles", roles: ["interviewer"] });
    await db.userRole.create({ data: { userId: u.id, role: "hiring-manager" } });
    await db.user.update({ where: { id: u.id }, data: { sessionGeneration: { increment: 2 } } });
    const found = await findSessionUser(u.id, "s");
    expect(found?.user.roles).toEqual(["hiring-manager", "interviewer"]);
    expect(found?.user.sessionGeneration).toBe(2);
  });

  it("a user with no roles is still found; a deactivated or unknown one is not", async () => {
    const none = await createUser(db, { email: "session-none@test.local", name: "None", roles: [] });
    expect((await findSessionUser(none.id, "s"))?.user.roles).toEqual([]);
    const gone = await createUser(db, {
      email: "session-gone@test.local",
      name: "Gone",
      roles: ["admin"],
      active: false,
    });
    expect(await findSessionUser(gone.id, "s")).toBeNull();
    expect(await findSessionUser("no-such-user", "s")).toBeNull();
  });
});
