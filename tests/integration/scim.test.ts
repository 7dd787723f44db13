// SCIM 2.0 provisioning (docs/decisions/072) through the real /scim/v2 route handlers on a real
// database: the RFC 7644 examples, the request sequences Okta and Entra ID send, deactivation
// ending sessions, tokens. Answers are checked against JSON Schemas written from RFC 7643 and
// lists against scim2-parse-filter's own evaluation of the filter.
import { filter as scimFilter, parse } from "scim2-parse-filter";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createApiToken } from "@/lib/data/api-tokens";
import { createScimToken, listScimTokens, revokeScimToken } from "@/lib/data/scim-tokens";
import { isSessionCurrent } from "@/lib/domain/sessions";
import { ForbiddenError } from "@/lib/errors";
import { createUser } from "@/seed/factories";
import { scimCall as call } from "../support/scim-client";
import { scimSchemaErrors } from "../support/scim-schema";

const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
const PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

let admin: { id: string; roles: ["admin"] };
let token: string;
beforeAll(async () => {
  const a = await createUser(db, { email: "root@test.local", name: "Root Admin", roles: ["admin"] });
  admin = { id: a.id, roles: ["admin"] };
  token = (await createScimToken(admin, { name: "Identity provider" })).token;
});

const scim = (method: string, url: string, body?: unknown, headers?: Record<string, string>) =>
  call(method, url, { token, body, headers });
const patch = (Operations: unknown[]) => ({ schemas: [PATCH], Operations });
const roles = async (id: string) =>
  (await db.userRole.findMany({ where: { userId: id }, select: { role: true } })).map((r) => r.role).sort();
const expectError = (res: { status: number; body: unknown }, status: number, scimType?: string) => {
  expect(res.status).toBe(status);
  expect(scimSchemaErrors("error", res.body)).toBe("");
  expect(res.body).toMatchObject({ status: String(status), ...(scimType ? { scimType } : {}) });
};

describe("the SCIM token", () => {
  it("is required: 401 in SCIM's error shape with WWW-Authenticate, for none, an API token and a revoked one", async () => {
    const none = await call("GET", "/scim/v2/Users", {});
    expectError(none, 401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(none.headers.get("content-type")).toMatch(/^application\/scim\+json/);
    const api = await createApiToken(admin, { userId: admin.id, name: "ATS sync" });
    expectError(await call("GET", "/scim/v2/Users", { token: api.token }), 401);
    const spare = await createScimToken(admin, { name: "Old provider" });
    expect((await call("GET", "/scim/v2/Users", { token: spare.token })).status).toBe(200);
    await revokeScimToken(admin, spare.id);
    expectError(await call("GET", "/scim/v2/Users", { token: spare.token }), 401);
  });

  it("is made and revoked by admins only, shown once, stored as a hash", async () => {
    const rec = await createUser(db, { email: "rec-tok@test.local", name: "Rec", roles: ["recruiter"] });
    await expect(createScimToken({ id: rec.id, roles: ["recruiter"] }, { name: "Nope nope" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(listScimTokens({ id: rec.id, roles: ["recruiter"] })).rejects.toBeInstanceOf(ForbiddenError);
    const t = await createScimToken(admin, { name: "Second IdP" });
    expect(t.token).toMatch(/^scim_[A-Za-z0-9_-]{43}$/);
    const stored = await db.scimToken.findUniqueOrThrow({ where: { id: t.id } });
    expect(JSON.stringify(stored)).not.toContain(t.token.slice(5));
    await expect(revokeScimToken({ id: rec.id, roles: ["recruiter"] }, t.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect(
      (await db.auditLog.findMany({ where: { entityId: t.id }, select: { action: true } })).map((e) => e.action),
    ).toEqual(["scim-token.created"]);
  });
});

describe("discovery", () => {
  it("ServiceProviderConfig, ResourceTypes and Schemas say what an identity provider may use", async () => {
    const spc = await scim("GET", "/scim/v2/ServiceProviderConfig");
    expect(spc.body).toMatchObject({
      patch: { supported: true },
      bulk: { supported: false },
      filter: { supported: true, maxResults: 200 },
      authenticationSchemes: [{ type: "oauthbearertoken" }],
    });
    const types = await scim("GET", "/scim/v2/ResourceTypes");
    expect(types.body.Resources.map((t: { endpoint: string }) => t.endpoint)).toEqual(["/Users", "/Groups"]);
    expect((await scim("GET", "/scim/v2/ResourceTypes/User")).body.schema).toBe(USER);
    const schemas = await scim("GET", "/scim/v2/Schemas");
    expect(schemas.body.Resources.map((s: { id: string }) => s.id)).toEqual([USER, GROUP]);
    const user = await scim("GET", `/scim/v2/Schemas/${encodeURIComponent(USER)}`);
    expect(user.body.attributes.find((a: { name: string }) => a.name === "userName")).toMatchObject({
      required: true,
      uniqueness: "server",
    });
    expectError(await scim("GET", "/scim/v2/Schemas/urn:nope"), 404);
  });
});

describe("RFC 7644 examples", () => {
  it("§3.3 creates a user (userName must be the e-mail), answers 201 with Location; GET reads it back", async () => {
    const rfc = {
      schemas: [USER],
      userName: "bjensen",
      externalId: "bjensen",
      name: { formatted: "Ms. Barbara J Jensen III", familyName: "Jensen", givenName: "Barbara" },
    };
    expectError(await scim("POST", "/scim/v2/Users", rfc), 400, "invalidValue");
    const res = await scim("POST", "/scim/v2/Users", { ...rfc, userName: "BJensen@Example.com" });
    expect(res.status).toBe(201);
    expect(scimSchemaErrors("user", res.body)).toBe("");
    expect(res.body).toMatchObject({
      userName: "bjensen@example.com",
      externalId: "bjensen",
      name: { formatted: "Ms. Barbara J Jensen III" },
      active: true,
      groups: [],
      meta: { resourceType: "User" },
    });
    expect(res.headers.get("location")).toBe(res.body.meta.location);
    expect(res.body.meta.location).toMatch(new RegExp(`/scim/v2/Users/${res.body.id}$`));
    const got = await scim("GET", `/scim/v2/Users/${res.body.id}`);
    expect(got.body).toEqual(res.body);
    const stored = await db.user.findUniqueOrThrow({ where: { id: res.body.id }, select: { passwordHash: true } });
    expect(stored.passwordHash).toBeNull();
    expectError(await scim("GET", "/scim/v2/Users/no-such-id"), 404);
    // the same userName in another case is taken (uniqueness is without case)
    expectError(await scim("POST", "/scim/v2/Users", { ...rfc, userName: "bjensen@EXAMPLE.com" }), 409, "uniqueness");
  });

  it("§3.4.2 lists with a filter and pages: the answer is what scim2-parse-filter picks from all users", async () => {
    for (const n of [1, 2, 3])
      await scim("POST", "/scim/v2/Users", {
        schemas: [USER],
        userName: `lister${n}@example.com`,
        externalId: `ext-${n}`,
        displayName: `Lister ${n}`,
      });
    const all = (await scim("GET", "/scim/v2/Users?count=200")).body.Resources as unknown[];
    for (const f of [
      'userName eq "lister2@example.com"',
      'userName eq "LISTER2@example.com" or externalId eq "ext-3"',
      'emails[type eq "work"].value eq "lister1@example.com"',
      'emails[type eq "work" and value eq "lister3@example.com"]',
      'externalId eq "ext-1" and active eq true',
      'displayName eq "Lister 2"',
      `${USER}:userName eq "lister1@example.com"`,
      'emails[type eq "home"].value eq "lister1@example.com"',
    ]) {
      const res = await scim("GET", `/scim/v2/Users?filter=${encodeURIComponent(f)}`);
      expect(res.status, f).toBe(200);
      expect(scimSchemaErrors("userList", res.body), f).toBe("");
      // userName compares without case (RFC 7643 §4.1, caseExact false) and the schema's URN may
      // lead an attribute (§3.10); the library compares exactly and reads no URN
      const oracle = f.replace("LISTER2", "lister2").replace(`${USER}:`, "");
      const want = all.filter(scimFilter(parse(oracle))).map((u) => (u as { id: string }).id);
      expect(
        res.body.Resources.map((u: { id: string }) => u.id),
        f,
      ).toEqual(want);
      expect(res.body.totalResults, f).toBe(want.length);
    }
    const page = await scim("GET", "/scim/v2/Users?startIndex=2&count=2");
    expect(page.body).toMatchObject({ startIndex: 2, itemsPerPage: 2, totalResults: all.length });
    expect(page.body.Resources).toEqual(all.slice(1, 3));
    expect((await scim("GET", "/scim/v2/Users?count=0")).body).toMatchObject({ itemsPerPage: 0, Resources: [] });
    for (const bad of [
      'userName co "lister"',
      "userName eq",
      'nickName eq "x"',
      'active eq "yes"',
      'not (userName eq "x")',
    ])
      expectError(await scim("GET", `/scim/v2/Users?filter=${encodeURIComponent(bad)}`), 400, "invalidFilter");
  });

  it("§3.5.2 PATCH: add members, remove one by path, replace them all; replace attributes without a path", async () => {
    const ids: string[] = [];
    for (const n of [1, 2, 3])
      ids.push((await scim("POST", "/scim/v2/Users", { schemas: [USER], userName: `member${n}@example.com` })).body.id);
    const add = await scim(
      "PATCH",
      "/scim/v2/Groups/interviewer",
      patch([
        {
          op: "add",
          path: "members",
          value: ids
            .slice(0, 2)
            .map((value) => ({ value, display: "x", $ref: `https://example.com/v2/Users/${value}` })),
        },
      ]),
    );
    expect(add.status).toBe(200);
    expect(scimSchemaErrors("group", add.body)).toBe("");
    expect(add.body.members.map((m: { value: string }) => m.value)).toEqual(expect.arrayContaining(ids.slice(0, 2)));
    expect(await roles(ids[0])).toEqual(["interviewer"]);
    await scim(
      "PATCH",
      "/scim/v2/Groups/interviewer",
      patch([{ op: "remove", path: `members[value eq "${ids[0]}"]` }]),
    );
    expect(await roles(ids[0])).toEqual([]);
    expect(await roles(ids[1])).toEqual(["interviewer"]);
    const replaced = await scim(
      "PATCH",
      "/scim/v2/Groups/recruiter",
      patch([{ op: "replace", path: "members", value: [{ value: ids[2] }] }]),
    );
    expect(replaced.body.members.map((m: { value: string }) => m.value)).toEqual([ids[2]]);
    const u = await scim(
      "PATCH",
      `/scim/v2/Users/${ids[2]}`,
      patch([{ op: "replace", value: { displayName: "Babs Jensen", externalId: "babs" } }]),
    );
    expect(u.body).toMatchObject({ displayName: "Babs Jensen", externalId: "babs", groups: [{ value: "recruiter" }] });
    // each role change is audited as an admin's is, with the SCIM token named
    const entry = await db.auditLog.findFirstOrThrow({
      where: { entityId: ids[0], action: "user.updated" },
      orderBy: { at: "desc" },
      select: { actorId: true, before: true, after: true },
    });
    expect(entry.actorId).toBeNull();
    expect(JSON.parse(entry.before!).roles).toEqual(["interviewer"]);
    expect(JSON.parse(entry.after!)).toMatchObject({ roles: [], via: { scimTokenId: expect.any(String) } });
    expectError(
      await scim(
        "PATCH",
        "/scim/v2/Groups/interviewer",
        patch([{ op: "add", path: "members", value: [{ value: "nobody" }] }]),
      ),
      400,
      "invalidValue",
    );
    expectError(await scim("PATCH", "/scim/v2/Groups/nope", patch([{ op: "remove", path: "members" }])), 404);
  });
});

describe("Okta's sequence", () => {
  it("looks up by userName, creates, deactivates with PATCH active=false, replaces with PUT", async () => {
    const look = await scim(
      "GET",
      `/scim/v2/Users?filter=${encodeURIComponent('userName eq "okta.user@example.com"')}&startIndex=1&count=100`,
    );
    expect(look.body).toMatchObject({ totalResults: 0, Resources: [] });
    const body = {
      schemas: [USER],
      userName: "okta.user@example.com",
      name: { givenName: "Okta", familyName: "User" },
      emails: [{ primary: true, value: "okta.user@example.com", type: "work" }],
      displayName: "Okta User",
      locale: "en-US",
      externalId: "00u1okta",
      groups: [],
      password: "ignored-1234",
      active: true,
    };
    const made = await scim("POST", "/scim/v2/Users", body);
    expect(made.status).toBe(201);
    expect(made.body.name.formatted).toBe("Okta User");
    const id = made.body.id;
    const off = await scim("PATCH", `/scim/v2/Users/${id}`, patch([{ op: "replace", value: { active: false } }]));
    expect(off.body.active).toBe(false);
    expect((await scim("GET", `/scim/v2/Users/${id}`)).body.active).toBe(false);
    const put = await scim("PUT", `/scim/v2/Users/${id}`, {
      ...body,
      id,
      name: { givenName: "Okta", familyName: "Person" },
      active: true,
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ active: true, name: { formatted: "Okta Person" }, externalId: "00u1okta" });
    const actions = await db.auditLog.findMany({
      where: { entityId: id },
      orderBy: { at: "asc" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual(["user.created", "user.deactivated", "user.reactivated"]);
  });
});

describe("Okta's group push", () => {
  it("creates the group by its configured name, sends it back by value, and moves members by filter", async () => {
    const a = (await scim("POST", "/scim/v2/Users", { schemas: [USER], userName: "push.a@example.com" })).body.id;
    const b = (await scim("POST", "/scim/v2/Users", { schemas: [USER], userName: "push.b@example.com" })).body.id;
    const found = await scim(
      "GET",
      `/scim/v2/Groups?filter=${encodeURIComponent('displayName eq "Scorecards Interviewers"')}`,
    );
    expect(found.body.totalResults).toBe(1);
    const pushed = await scim("POST", "/scim/v2/Groups", {
      schemas: [GROUP],
      displayName: "Scorecards Interviewers",
      members: [{ value: a, display: "push.a@example.com" }],
    });
    expect(pushed.status).toBe(201);
    expect(scimSchemaErrors("group", pushed.body)).toBe("");
    const same = await scim(
      "PATCH",
      "/scim/v2/Groups/interviewer",
      patch([{ op: "replace", value: { id: "interviewer", displayName: "Scorecards Interviewers" } }]),
    );
    expect(same.status).toBe(200);
    await scim(
      "PATCH",
      "/scim/v2/Groups/interviewer",
      patch([
        { op: "remove", path: `members[value eq "${a}"]` },
        { op: "add", path: "members", value: [{ value: b }] },
      ]),
    );
    expect([await roles(a), await roles(b)]).toEqual([[], ["interviewer"]]);
  });

  it("a userName taken by another account cannot be given by PUT or PATCH (409 uniqueness)", async () => {
    const a = (await scim("POST", "/scim/v2/Users", { schemas: [USER], userName: "first@example.com" })).body.id;
    await scim("POST", "/scim/v2/Users", { schemas: [USER], userName: "second@example.com" });
    expectError(
      await scim("PUT", `/scim/v2/Users/${a}`, { schemas: [USER], userName: "Second@example.com" }),
      409,
      "uniqueness",
    );
    expectError(
      await scim(
        "PATCH",
        `/scim/v2/Users/${a}`,
        patch([{ op: "replace", path: "userName", value: "second@example.com" }]),
      ),
      409,
      "uniqueness",
    );
    const moved = await scim(
      "PATCH",
      `/scim/v2/Users/${a}`,
      patch([{ op: "replace", path: "userName", value: "third@example.com" }]),
    );
    expect(moved.body.userName).toBe("third@example.com");
    const entry = await db.auditLog.findFirstOrThrow({
      where: { entityId: a, action: "user.updated" },
      select: { before: true, after: true },
    });
    expect([JSON.parse(entry.before!).email, JSON.parse(entry.after!).email]).toEqual([
      "first@example.com",
      "third@example.com",
    ]);
  });
});

describe("Entra ID's sequence", () => {
  it("filters by userName, creates, PATCHes with Replace ops and string booleans, adds and removes group members", async () => {
    const look = await scim(
      "GET",
      `/scim/v2/Users?filter=${encodeURIComponent('userName eq "entra.user@contoso.com"')}`,
    );
    expect(look.body.totalResults).toBe(0);
    const made = await scim("POST", "/scim/v2/Users", {
      schemas: [USER, ENTERPRISE],
      externalId: "a1b2c3",
      userName: "entra.user@contoso.com",
      active: true,
      emails: [{ primary: true, type: "work", value: "entra.user@contoso.com" }],
      name: { formatted: "Entra User", familyName: "User", givenName: "Entra" },
      [ENTERPRISE]: { department: "Engineering" },
    });
    expect(made.status).toBe(201);
    const id = made.body.id;
    const renamed = await scim(
      "PATCH",
      `/scim/v2/Users/${id}`,
      patch([
        { op: "Replace", path: "name.givenName", value: "Erin" },
        { op: "Replace", path: "name.familyName", value: "Tra" },
        { op: "Replace", path: 'emails[type eq "work"].value', value: "entra.user@contoso.com" },
        { op: "Add", path: `${ENTERPRISE}:department`, value: "Research" },
        { op: "Replace", path: "externalId", value: "a1b2c4" },
      ]),
    );
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: { formatted: "Erin Tra" }, externalId: "a1b2c4" });
    const group = await scim(
      "GET",
      `/scim/v2/Groups?filter=${encodeURIComponent('displayName eq "scorecards recruiters"')}&excludedAttributes=members`,
    );
    expect(scimSchemaErrors("groupList", group.body)).toBe("");
    expect(group.body.Resources).toHaveLength(1);
    expect(group.body.Resources[0]).not.toHaveProperty("members");
    const gid = group.body.Resources[0].id;
    await scim("PATCH", `/scim/v2/Groups/${gid}`, patch([{ op: "Add", path: "members", value: [{ value: id }] }]));
    expect(await roles(id)).toEqual(["recruiter"]);
    const member = await scim(
      "GET",
      `/scim/v2/Groups?filter=${encodeURIComponent(`id eq "${gid}" and members[value eq "${id}"]`)}&excludedAttributes=members`,
    );
    expect(member.body.totalResults).toBe(1);
    await scim("PATCH", `/scim/v2/Groups/${gid}`, patch([{ op: "Remove", path: "members", value: [{ value: id }] }]));
    expect(await roles(id)).toEqual([]);
    const gone = await scim(
      "GET",
      `/scim/v2/Groups?filter=${encodeURIComponent(`id eq "${gid}" and members[value eq "${id}"]`)}`,
    );
    expect(gone.body.totalResults).toBe(0);
    const off = await scim("PATCH", `/scim/v2/Users/${id}`, patch([{ op: "Replace", path: "active", value: "False" }]));
    expect(off.body.active).toBe(false);
    expectError(
      await scim("PATCH", `/scim/v2/Users/${id}`, patch([{ op: "Replace", path: "active", value: "maybe" }])),
      400,
      "invalidValue",
    );
  });
});

describe("groups are the app's roles", () => {
  it("a POST with a configured name maps to its role; other names, renames and DELETE are refused", async () => {
    const u = await createUser(db, { email: "hm-to-be@test.local", name: "Hiring Soon", roles: [] });
    const made = await scim("POST", "/scim/v2/Groups", {
      schemas: [GROUP],
      displayName: "Scorecards Hiring Managers",
      members: [{ value: u.id }],
    });
    expect(made.status).toBe(201);
    expect(made.body.id).toBe("hiring-manager");
    expect(await roles(u.id)).toEqual(["hiring-manager"]);
    expectError(
      await scim("POST", "/scim/v2/Groups", { schemas: [GROUP], displayName: "Marketing" }),
      400,
      "invalidValue",
    );
    expectError(
      await scim("PATCH", "/scim/v2/Groups/admin", patch([{ op: "replace", path: "displayName", value: "Root" }])),
      400,
      "mutability",
    );
    expectError(await scim("DELETE", "/scim/v2/Groups/interviewer"), 400, "mutability");
    const put = await scim("PUT", "/scim/v2/Groups/hiring-manager", {
      schemas: [GROUP],
      displayName: "Scorecards Hiring Managers",
      members: [],
    });
    expect(put.body.members).toEqual([]);
    expect(await roles(u.id)).toEqual([]);
  });

  it("never removes the last active admin, by group or by deactivation", async () => {
    expectError(
      await scim("PATCH", "/scim/v2/Groups/admin", patch([{ op: "remove", path: `members[value eq "${admin.id}"]` }])),
      409,
    );
    expectError(
      await scim("PATCH", `/scim/v2/Users/${admin.id}`, patch([{ op: "replace", path: "active", value: false }])),
      409,
    );
    expectError(await scim("DELETE", `/scim/v2/Users/${admin.id}`), 409);
    expect(await roles(admin.id)).toEqual(["admin"]);
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).active).toBe(true);
  });
});

describe("deactivation", () => {
  it("DELETE deactivates at once: the session held is refused, the account stays and reads active=false", async () => {
    const u = await createUser(db, { email: "leaver@test.local", name: "Lea Ver", roles: ["interviewer"] });
    const before = await db.user.findUniqueOrThrow({ where: { id: u.id }, select: { sessionGeneration: true } });
    const claims = {
      sessionId: "s-leaver",
      generation: before.sessionGeneration,
      signedInAt: Math.floor(Date.now() / 1000) - 60,
    };
    expect(isSessionCurrent(claims, before, false, new Date())).toBe(true);
    const res = await scim("DELETE", `/scim/v2/Users/${u.id}`);
    expect(res.status).toBe(204);
    const after = await db.user.findUniqueOrThrow({
      where: { id: u.id },
      select: { sessionGeneration: true, active: true, deactivatedAt: true },
    });
    expect(after).toMatchObject({ active: false, sessionGeneration: before.sessionGeneration + 1 });
    expect(after.deactivatedAt).toBeInstanceOf(Date);
    expect(isSessionCurrent(claims, after, false, new Date())).toBe(false);
    expect((await scim("GET", `/scim/v2/Users/${u.id}`)).body).toMatchObject({
      active: false,
      groups: [{ value: "interviewer" }],
    });
    const writes = await db.auditLog.findMany({
      where: { action: "scim.write", after: { contains: u.id } },
      select: { after: true, entityType: true },
    });
    expect(writes.map((w) => [w.entityType, JSON.parse(w.after!)])).toEqual([
      ["ScimToken", { method: "DELETE", path: `/scim/v2/Users/${u.id}`, status: 204 }],
    ]);
  });
});
