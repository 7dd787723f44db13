// The audit log is append-only, enforced by the database itself (triggers in the migrations).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { audit } from "@/lib/data/audit";

// SQLite reports a trigger RAISE(ABORT) through Prisma as a constraint violation; PostgreSQL keeps the message.
const REFUSED = /append-only|constraint/i;

describe("audit log", () => {
  it("accepts new entries and refuses to change or delete them", async () => {
    await audit(db, { actorId: null, action: "test.created", entityType: "Test", entityId: "t1", after: { a: 1 } });
    const entry = await db.auditLog.findFirstOrThrow({ where: { entityId: "t1" }, select: { id: true, after: true } });
    expect(JSON.parse(entry.after!)).toEqual({ a: 1 });

    await expect(db.auditLog.update({ where: { id: entry.id }, data: { action: "test.rewritten" } })).rejects.toThrow(
      REFUSED,
    );
    await expect(db.auditLog.delete({ where: { id: entry.id } })).rejects.toThrow(REFUSED);
    await expect(db.auditLog.deleteMany({})).rejects.toThrow(REFUSED);
    await expect(db.$executeRawUnsafe(`UPDATE "AuditLog" SET "action" = 'x'`)).rejects.toThrow(REFUSED);

    const after = await db.auditLog.findUniqueOrThrow({ where: { id: entry.id }, select: { action: true } });
    expect(after.action).toBe("test.created");
  });
});
