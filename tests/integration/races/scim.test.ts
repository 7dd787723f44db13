// SCIM under concurrency (docs/decisions/014, 072): the same userName POSTed at once is one
// account (one 201, the rest 409 uniqueness), also against the admin screen's own creation; the
// admin group emptied by several PATCHes at once keeps its last active admin; a revoked SCIM token
// is refused N times at once with one audit entry.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createScimToken, revokeScimToken } from "@/lib/data/scim-tokens";
import { createUserAccount } from "@/lib/data/user-admin";
import { createUser } from "@/seed/factories";
import { scimCall } from "../../support/scim-client";
import { fulfilled, race } from "../../support/race";

const N = 6;
const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
let admin: { id: string; roles: ["admin"] };
let token: string;

beforeAll(async () => {
  admin = {
    id: (await createUser(db, { email: "scim-race-admin@test.local", name: "Race Admin", roles: ["admin"] })).id,
    roles: ["admin"],
  };
  token = (await createScimToken(admin, { name: "Race IdP" })).token;
});

const post = (userName: string) => scimCall("POST", "/scim/v2/Users", { token, body: { schemas: [USER], userName } });

describe("SCIM at once", () => {
  it("two POSTs of one userName: one 201, one 409 uniqueness, one account", async () => {
    const [a, b] = fulfilled(await race(2, (i) => post(i ? "Twice@Example.com" : "twice@example.com")));
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect([a, b].find((r) => r.status === 409)!.body.scimType).toBe("uniqueness");
    expect(await db.user.count({ where: { email: "twice@example.com" } })).toBe(1);
  });

  it(`${N} POSTs of one userName beside the admin screen's creation: exactly one account`, async () => {
    const results = await race(N + 1, (i) =>
      i === N
        ? createUserAccount(admin, { name: "Screen Made", email: "many@example.com", roles: ["interviewer"] }).then(
            () => ({ status: 201 }),
            () => ({ status: 409 }),
          )
        : post("many@example.com"),
    );
    const statuses = fulfilled(results).map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(N);
    expect(await db.user.count({ where: { email: "many@example.com" } })).toBe(1);
  });

  it("removing every admin at once through the admin group keeps one active admin", async () => {
    const others = [];
    for (let i = 0; i < N - 1; i++)
      others.push(
        (await createUser(db, { email: `scim-admin-${i}@test.local`, name: `Admin ${i}`, roles: ["admin"] })).id,
      );
    const all = [admin.id, ...others];
    const results = fulfilled(
      await race(all.length, (i) =>
        scimCall("PATCH", "/scim/v2/Groups/admin", {
          token,
          body: { schemas: [PATCH], Operations: [{ op: "remove", path: `members[value eq "${all[i]}"]` }] },
        }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(all.length - 1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(1);
    expect(await db.user.count({ where: { active: true, roles: { some: { role: "admin" } } } })).toBe(1);
  });

  it("revoked N times at once: one revocation, one audit entry; the token is refused after", async () => {
    const t = await createScimToken(admin, { name: "Revoked at once" });
    expect(fulfilled(await race(N, () => revokeScimToken(admin, t.id)))).toHaveLength(N);
    expect(await db.auditLog.count({ where: { action: "scim-token.revoked", entityId: t.id } })).toBe(1);
    expect((await scimCall("GET", "/scim/v2/Users", { token: t.token })).status).toBe(401);
  });
});
