import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { postgresSchema } from "../../scripts/pg-schema";

describe("the PostgreSQL schema copy", () => {
  it("is generated from the source schema and committed up to date", () => {
    const source = readFileSync("prisma/schema.prisma", "utf8");
    const copy = readFileSync("prisma/pg/schema.prisma", "utf8");
    expect(copy).toBe(postgresSchema(source));
    expect(copy).toContain('provider = "postgresql"');
    expect(copy).not.toMatch(/@db\./);
  });
});
