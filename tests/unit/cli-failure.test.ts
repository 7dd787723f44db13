import { describe, expect, it } from "vitest";
import { CliFailure, describeFailure, NO_TABLES } from "@/scripts/cli-failure";

const pg = { kind: "postgres" as const, url: "postgresql://app:pw@db.internal:5433/scorecards" };

describe("what a failing script prints", () => {
  it("no tables or no file, from Prisma or better-sqlite3 on either database", () => {
    expect(
      describeFailure(
        Object.assign(
          new Error(
            "\nInvalid `db.x.findMany()` invocation\nThe table `main.RoleTemplate` does not exist in the current database.",
          ),
          { code: "P2021" },
        ),
      ),
    ).toBe(NO_TABLES);
    expect(describeFailure(new TypeError("Cannot open database because the directory does not exist"))).toBe(NO_TABLES);
    expect(describeFailure(Object.assign(new Error('relation "RoleTemplate" does not exist'), { code: "42P01" }))).toBe(
      NO_TABLES,
    );
  });
  it("an unreachable server, with its address from the error or from DATABASE_URL", () => {
    const prisma = Object.assign(new Error("Can't reach database server at 127.0.0.1:1"), {
      code: "P1001",
      meta: { driverAdapterError: { cause: { host: "127.0.0.1", port: 1 } } },
    });
    expect(describeFailure(prisma)).toBe("Cannot reach PostgreSQL at 127.0.0.1:1: start it or fix DATABASE_URL.");
    const refused = Object.assign(new Error("connect ECONNREFUSED ::1:5432"), {
      code: "ECONNREFUSED",
      address: "::1",
      port: 5432,
    });
    expect(describeFailure(new AggregateError([refused], ""), pg)).toBe(
      "Cannot reach PostgreSQL at ::1:5432: start it or fix DATABASE_URL.",
    );
    expect(
      describeFailure(Object.assign(new Error("getaddrinfo ENOTFOUND db.internal"), { code: "ENOTFOUND" }), pg),
    ).toBe("Cannot reach PostgreSQL at db.internal:5433: start it or fix DATABASE_URL.");
  });
  it("a missing database, bad credentials, a bad environment, the script's own words", () => {
    expect(
      describeFailure(Object.assign(new Error('database "scorecards" does not exist'), { code: "3D000" }), pg),
    ).toBe(
      'PostgreSQL at db.internal:5433 has no database "scorecards": create it (createdb scorecards) or fix DATABASE_URL.',
    );
    expect(describeFailure(Object.assign(new Error("password authentication failed"), { code: "28P01" }), pg)).toBe(
      "PostgreSQL at db.internal:5433 refused the user or password in DATABASE_URL: fix DATABASE_URL.",
    );
    expect(describeFailure(new Error("Invalid environment: NEXTAUTH_SECRET: too short"))).toBe(
      "Invalid environment: NEXTAUTH_SECRET: too short",
    );
    expect(describeFailure(new CliFailure("No such file."))).toBe("No such file.");
  });
  it("anything else: its message in one line (Prisma's reason, not its call site)", () => {
    expect(
      describeFailure(
        new Error(
          "\nInvalid `db.user.create()` invocation in\n/x.ts:3:4\n\n→ 3 db.user.create(\nUnique constraint failed on the fields: (`email`)",
        ),
      ),
    ).toBe("Unique constraint failed on the fields: (`email`)");
    expect(describeFailure(new RangeError("bad size\nmore"))).toBe("RangeError: bad size");
    expect(describeFailure("plain")).toBe("plain");
  });
});
