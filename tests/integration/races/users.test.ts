// User creation under concurrency (docs/decisions/014): one e-mail created N times at once is one
// account; the others get the form's answer (the e-mail exists), not an error page.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createUserAccount } from "@/lib/data/user-admin";
import { ValidationError } from "@/lib/errors";
import { createUser } from "@/seed/factories";
import { fulfilled, race, rejected } from "../../support/race";

const N = 8;
let admin: { id: string; roles: ["admin"] };

beforeAll(async () => {
  admin = {
    id: (await createUser(db, { email: "users-admin@test.local", name: "Users Admin", roles: ["admin"] })).id,
    roles: ["admin"],
  };
});

describe("user creation at once", () => {
  it("one e-mail N times at once: one account, the others told the e-mail exists", async () => {
    const results = await race(N, (i) =>
      createUserAccount(admin, {
        name: `Sam Same ${i}`,
        email: "sam.same@test.local",
        roles: ["interviewer"],
        password: "a-long-enough-password-1",
      }),
    );
    expect(fulfilled(results)).toHaveLength(1);
    for (const e of rejected(results)) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).fieldErrors.email).toEqual(["A user with this e-mail exists already"]);
    }
    expect(await db.user.count({ where: { email: "sam.same@test.local" } })).toBe(1);
    expect(
      await db.auditLog.count({ where: { action: "user.created", after: { contains: "sam.same@test.local" } } }),
    ).toBe(1);
  });
});
