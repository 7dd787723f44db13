import { describe, expect, it } from "vitest";
import { memberChanges, patchedMembers, readGroup, roleOfGroup, withMembers } from "./groups";
import { ScimError } from "./errors";
import {
  PATCH_SCHEMA,
  readPage,
  readUser,
  renderGroup,
  renderUser,
  roleForGroupName,
  scimBoolean,
  type GroupNames,
} from "./resources";

const names: GroupNames = {
  admin: "Scorecards Admins",
  recruiter: "Recruiters",
  "hiring-manager": "Hiring Managers",
  interviewer: "Interviewers",
};
const at = new Date("2026-12-01T10:00:00Z");

describe("rendering", () => {
  it("a user: userName is the e-mail, one work e-mail, groups are the roles, meta with location", () => {
    const u = renderUser(
      {
        id: "u1",
        email: "a@b.c",
        name: "A B",
        active: false,
        externalId: null,
        createdAt: at,
        updatedAt: at,
        roles: ["admin"],
      },
      "https://app.example",
      names,
    );
    expect(u).toEqual({
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      id: "u1",
      userName: "a@b.c",
      name: { formatted: "A B" },
      displayName: "A B",
      active: false,
      emails: [{ value: "a@b.c", type: "work", primary: true }],
      groups: [{ value: "admin", display: "Scorecards Admins", $ref: "https://app.example/scim/v2/Groups/admin" }],
      meta: {
        resourceType: "User",
        created: "2026-12-01T10:00:00.000Z",
        lastModified: "2026-12-01T10:00:00.000Z",
        location: "https://app.example/scim/v2/Users/u1",
      },
    });
  });
  it("a group with or without members", () => {
    expect(renderGroup("recruiter", [{ id: "u1", name: "A" }], "", names).members).toEqual([
      { value: "u1", display: "A", $ref: "/scim/v2/Users/u1" },
    ]);
    expect(renderGroup("recruiter", null, "", names)).not.toHaveProperty("members");
    expect(withMembers(new URLSearchParams("excludedAttributes=members"))).toBe(false);
    expect(
      withMembers(new URLSearchParams("excludedAttributes=urn:ietf:params:scim:schemas:core:2.0:Group:members")),
    ).toBe(false);
    expect(withMembers(new URLSearchParams(""))).toBe(true);
  });
});

describe("reading a User", () => {
  it("takes the name from formatted, else the parts, else displayName, else the e-mail", () => {
    const base = { userName: " A.B@Example.COM " };
    expect(readUser({ ...base, name: { formatted: "F", givenName: "G" } }).name).toBe("F");
    expect(readUser({ ...base, name: { givenName: "G", familyName: "H" } }).name).toBe("G H");
    expect(readUser({ ...base, displayName: "D" }).name).toBe("D");
    expect(readUser(base)).toEqual({ email: "a.b@example.com", name: "a.b", active: true, externalId: null });
    expect(readUser({ USERNAME: "x@y.zz", Active: "False", EXTERNALID: "e" })).toEqual({
      email: "x@y.zz",
      name: "x",
      active: false,
      externalId: "e",
    });
  });
  it("refuses a userName that is no e-mail, non-strings and long texts (400 invalidValue)", () => {
    for (const body of [
      {},
      { userName: "bjensen" },
      { userName: 5 },
      { userName: "a@b.c", externalId: 5 },
      { userName: "a@b.c", displayName: "x".repeat(201) },
      [],
      null,
    ])
      expect(() => readUser(body)).toThrow(ScimError);
  });
  it("reads booleans as Entra ID sends them", () => {
    expect(scimBoolean("True", "active")).toBe(true);
    expect(scimBoolean(" false ", "active")).toBe(false);
    expect(() => scimBoolean("yes", "active")).toThrow(ScimError);
  });
  it("pages from 1 with at most 200", () => {
    expect(readPage(new URLSearchParams("startIndex=0&count=-5"))).toEqual({ startIndex: 1, count: 0 });
    expect(readPage(new URLSearchParams("count=5000"))).toEqual({ startIndex: 1, count: 200 });
    expect(readPage(new URLSearchParams("startIndex=x"))).toEqual({ startIndex: 1, count: 200 });
  });
});

describe("groups are roles", () => {
  it("maps configured names without case, refuses others", () => {
    expect(roleForGroupName(names, " scorecards admins ")).toBe("admin");
    expect(roleForGroupName(names, "Marketing")).toBeNull();
    expect(roleOfGroup(names, "Interviewers")).toBe("interviewer");
    expect(() => roleOfGroup(names, "Marketing")).toThrow(ScimError);
    expect(readGroup({ displayName: "X", members: [{ value: "a" }, { value: "a" }] })).toEqual({
      displayName: "X",
      memberIds: ["a"],
    });
    expect(() => readGroup({ displayName: "X", members: [{ display: "no value" }] })).toThrow(ScimError);
  });
  it("a PATCH's members, and who gains and loses the role", () => {
    const ops = [{ op: "add" as const, path: "members", value: [{ value: "c" }] }];
    expect(patchedMembers("interviewer", ["a"], ops, names)).toEqual(["a", "c"]);
    const rename = [{ op: "replace" as const, path: "displayName", value: "Other" }];
    expect(() => patchedMembers("interviewer", ["a"], rename, names)).toThrow(/cannot be changed/);
    expect(memberChanges(["a", "b"], ["b", "c"])).toEqual({ grant: ["c"], revoke: ["a"] });
    void PATCH_SCHEMA;
  });
});
