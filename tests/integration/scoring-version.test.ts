// What the engine reads of a template version, kept in memory by id (docs/decisions/067): one
// read from the database, then memory; `fresh` reads the database again and keeps what it read.
import { describe, expect, it } from "vitest";
import { scoringVersion } from "@/lib/data/scoring-version";
import { db } from "@/lib/db";
import { createPanel } from "../support/panel";

describe("scoringVersion", () => {
  it("reads a version once, keeps it, and reads it again only when asked for fresh", async () => {
    const { id } = (await createPanel(db)).version;
    const first = await scoringVersion(db, id);
    expect(first.id).toBe(id);
    expect(first.dimensions.length).toBeGreaterThan(0);
    // a fixture edit in place, which no write path makes: the kept version is what is served
    await db.roleTemplateVersion.update({ where: { id }, data: { hireMin: 3.33 } });
    expect((await scoringVersion(db, id)).hireMin).toBe(first.hireMin);
    // the score check and the recompute read fresh, and what they read is kept
    expect((await scoringVersion(db, id, true)).hireMin).toBe(3.33);
    expect((await scoringVersion(db, id)).hireMin).toBe(3.33);
  });

  it("an unknown id is an error, not an empty version", async () => {
    await expect(scoringVersion(db, "no-such-version")).rejects.toThrow();
  });
});
