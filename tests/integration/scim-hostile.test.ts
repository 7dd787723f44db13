// Hostile input to /scim/v2 (docs/decisions/018, 072): NUL, lone surrogates, prototype keys and
// paths, wrong content types, broken JSON and huge bodies get a clear 4xx in SCIM's error shape,
// never a 500, and nothing is stored.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createScimToken } from "@/lib/data/scim-tokens";
import { createUser } from "@/seed/factories";
import { scimCall } from "../support/scim-client";
import { scimSchemaErrors } from "../support/scim-schema";

const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
let token: string;
let target: string;

beforeAll(async () => {
  const a = await createUser(db, { email: "hostile-admin@test.local", name: "Hostile Admin", roles: ["admin"] });
  token = (await createScimToken({ id: a.id, roles: ["admin"] }, { name: "Hostile IdP" })).token;
  target = (await createUser(db, { email: "target@test.local", name: "Tar Get", roles: ["interviewer"] })).id;
});

const snapshot = async () => ({
  users: await db.user.findMany({
    orderBy: { id: "asc" },
    select: { id: true, email: true, name: true, active: true, externalId: true },
  }),
  roles: await db.userRole.count(),
});

describe("hostile SCIM requests", () => {
  it("are refused with a 4xx in SCIM's error shape and change nothing", async () => {
    const before = await snapshot();
    const cases: [string, string, { body?: unknown; raw?: BodyInit; headers?: Record<string, string> }, number][] = [
      ["POST", "/scim/v2/Users", { body: { schemas: [USER], userName: "nul\u0000@example.com" } }, 400],
      [
        "POST",
        "/scim/v2/Users",
        { body: { schemas: [USER], userName: "lone@example.com", displayName: "Half \ud83d" } },
        400,
      ],
      [
        "POST",
        "/scim/v2/Users",
        { raw: `{"schemas":["${USER}"],"userName":"proto@example.com","__proto__":{"admin":true}}` },
        400,
      ],
      [
        "POST",
        "/scim/v2/Users",
        { body: { schemas: [USER], userName: "p@example.com", name: { constructor: "x" } } },
        400,
      ],
      [
        "POST",
        "/scim/v2/Users",
        { body: { schemas: [USER], userName: "type@example.com" }, headers: { "content-type": "text/plain" } },
        415,
      ],
      [
        "POST",
        "/scim/v2/Users",
        { raw: "userName=form@example.com", headers: { "content-type": "application/x-www-form-urlencoded" } },
        415,
      ],
      ["POST", "/scim/v2/Users", { raw: "{not json" }, 400],
      ["POST", "/scim/v2/Users", { raw: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) }, 400],
      [
        "POST",
        "/scim/v2/Users",
        { raw: JSON.stringify({ schemas: [USER], userName: "big@example.com", displayName: "x".repeat(1_100_000) }) },
        413,
      ],
      ["POST", "/scim/v2/Users", { body: [1, 2] }, 400],
      [
        "POST",
        "/scim/v2/Users",
        { body: { schemas: [USER], userName: "long@example.com", externalId: "e".repeat(201) } },
        400,
      ],
      [
        "PATCH",
        `/scim/v2/Users/${target}`,
        { body: { schemas: [PATCH], Operations: [{ op: "replace", path: "__proto__.active", value: false }] } },
        400,
      ],
      [
        "PATCH",
        `/scim/v2/Users/${target}`,
        { body: { schemas: [PATCH], Operations: [{ op: "replace", path: "constructor", value: 1 }] } },
        400,
      ],
      [
        "PATCH",
        `/scim/v2/Users/${target}`,
        { body: { schemas: [PATCH], Operations: [{ op: "replace", value: { "name.__proto__": "x" } }] } },
        400,
      ],
      [
        "PATCH",
        `/scim/v2/Users/${target}`,
        { body: { schemas: [PATCH], Operations: [{ op: "jump", path: "active" }] } },
        400,
      ],
      [
        "PATCH",
        `/scim/v2/Users/${target}`,
        { body: { Operations: [{ op: "replace", path: "active", value: false }] } },
        400,
      ],
      ["PATCH", `/scim/v2/Users/${target}`, { body: { schemas: [PATCH], Operations: [{ op: "remove" }] } }, 400],
      [
        "PATCH",
        `/scim/v2/Users/${target}`,
        { body: { schemas: [PATCH], Operations: [{ op: "replace", path: "emails[type eq", value: 1 }] } },
        400,
      ],
      [
        "PATCH",
        "/scim/v2/Groups/interviewer",
        { body: { schemas: [PATCH], Operations: [{ op: "add", path: "members", value: [{ value: "nobody" }] }] } },
        400,
      ],
      ["PUT", `/scim/v2/Users/${target}`, { body: { schemas: [USER], userName: "put\u0000@example.com" } }, 400],
      ["GET", "/scim/v2/Users?filter=userName%20eq%20%22a%00b%22", {}, 400],
      ["GET", `/scim/v2/Users?filter=${encodeURIComponent("userName eq " + '"x" or '.repeat(600) + '"y"')}`, {}, 400],
      ["GET", "/scim/v2/Users/a%00b", {}, 404],
    ];
    for (const [method, url, opts, status] of cases) {
      const res = await scimCall(method, url, { token, ...opts });
      expect(res.status, `${method} ${url.slice(0, 60)} ${JSON.stringify(opts.body ?? "").slice(0, 80)}`).toBe(status);
      expect(scimSchemaErrors("error", res.body)).toBe("");
    }
    expect(await snapshot()).toEqual(before);
    expect(Object.prototype).not.toHaveProperty("admin");
  });
});
