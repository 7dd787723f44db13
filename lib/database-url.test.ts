import { describe, expect, it } from "vitest";
import { resolveDatabase } from "./database-url";

describe("resolveDatabase", () => {
  it("defaults to the SQLite file data/scorecards.db under the project", () => {
    expect(resolveDatabase(undefined, "/srv/app")).toEqual({
      kind: "sqlite",
      url: "file:/srv/app/data/scorecards.db",
      file: "/srv/app/data/scorecards.db",
    });
    expect(resolveDatabase("  ", "/srv/app").kind).toBe("sqlite");
  });
  it("resolves relative and absolute SQLite files", () => {
    expect(resolveDatabase("file:./x/y.db", "/srv/app")).toMatchObject({ file: "/srv/app/x/y.db" });
    expect(resolveDatabase("file:/var/lib/s.db", "/srv/app")).toMatchObject({ file: "/var/lib/s.db" });
  });
  it("recognises PostgreSQL URLs in both spellings", () => {
    expect(resolveDatabase("postgresql://u:p@db:5432/app", "/").kind).toBe("postgres");
    expect(resolveDatabase("postgres://u@db/app", "/").kind).toBe("postgres");
  });
  it("refuses anything else with a message naming the variable", () => {
    expect(() => resolveDatabase("mysql://x", "/")).toThrow(/DATABASE_URL/);
  });
});
