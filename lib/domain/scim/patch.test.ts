import { describe, expect, it } from "vitest";
import { ScimError } from "./errors";
import { applyPatch, patchedUser, readPatch, type PatchOp } from "./patch";
import { GROUP_SCHEMA, PATCH_SCHEMA, USER_SCHEMA } from "./resources";

const ops = (...o: unknown[]) => readPatch({ schemas: [PATCH_SCHEMA], Operations: o });
const user = {
  schemas: [USER_SCHEMA],
  id: "u1",
  userName: "bjensen@example.com",
  name: { formatted: "Barbara Jensen" },
  displayName: "Barbara Jensen",
  active: true,
  emails: [{ value: "bjensen@example.com", type: "work", primary: true }],
};
const group = {
  schemas: [GROUP_SCHEMA],
  id: "interviewer",
  displayName: "G",
  members: [{ value: "a" }, { value: "b" }],
};
const members = (g: Record<string, unknown>) => (g.members as { value: string }[]).map((m) => m.value);
const scimType = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as ScimError).scimType;
  }
  return "none";
};

describe("reading a PatchOp message", () => {
  it("takes op names in any case and needs the PatchOp schema and operations", () => {
    expect(ops({ op: "Replace", path: "active", value: "False" })).toEqual([
      { op: "replace", path: "active", value: "False" },
    ] satisfies PatchOp[]);
    expect(scimType(() => readPatch({ Operations: [{ op: "add", value: {} }] }))).toBe("invalidSyntax");
    expect(scimType(() => ops())).toBe("invalidSyntax");
    expect(scimType(() => ops({ op: "move", path: "a" }))).toBe("invalidSyntax");
    expect(scimType(() => ops({ op: "add", path: 7 }))).toBe("invalidPath");
  });
});

describe("RFC 7644 §3.5.2 on a Group", () => {
  it("adds members (no duplicates), removes one by filter, removes all, replaces all", () => {
    const added = applyPatch(
      group,
      ops({ op: "add", path: "members", value: [{ value: "b" }, { value: "c" }] }),
      GROUP_SCHEMA,
    );
    expect(members(added)).toEqual(["a", "b", "c"]);
    expect(members(applyPatch(group, ops({ op: "remove", path: 'members[value eq "a"]' }), GROUP_SCHEMA))).toEqual([
      "b",
    ]);
    expect(applyPatch(group, ops({ op: "remove", path: "members" }), GROUP_SCHEMA)).not.toHaveProperty("members");
    expect(
      members(applyPatch(group, ops({ op: "replace", path: "members", value: [{ value: "z" }] }), GROUP_SCHEMA)),
    ).toEqual(["z"]);
    // Entra ID removes members by naming them in the value
    expect(
      members(applyPatch(group, ops({ op: "Remove", path: "members", value: [{ value: "b" }] }), GROUP_SCHEMA)),
    ).toEqual(["a"]);
    // removing one who is not a member is no error
    expect(members(applyPatch(group, ops({ op: "remove", path: 'members[value eq "q"]' }), GROUP_SCHEMA))).toEqual([
      "a",
      "b",
    ]);
    expect(group.members).toHaveLength(2); // the input is not changed
  });
});

describe("PATCH of a User", () => {
  it("Okta: replace without a path", () => {
    expect(patchedUser(user, ops({ op: "replace", value: { active: false } }))).toMatchObject({
      active: false,
      name: "Barbara Jensen",
    });
  });
  it("Entra ID: Replace ops with paths, string booleans, name parts, extension attributes ignored", () => {
    const next = patchedUser(
      user,
      ops(
        { op: "Replace", path: "active", value: "False" },
        { op: "Replace", path: "name.givenName", value: "Babs" },
        { op: "Replace", path: "name.familyName", value: "Jensen" },
        { op: "Add", path: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", value: "R&D" },
        { op: "Replace", path: 'emails[type eq "work"].value', value: "bjensen@example.com" },
      ),
    );
    expect(next).toEqual({ email: "bjensen@example.com", name: "Babs Jensen", active: false, externalId: null });
  });
  it("name parts in a value object, displayName alone, userName and externalId", () => {
    expect(
      patchedUser(user, ops({ op: "replace", value: { "name.givenName": "B", "name.familyName": "J" } })).name,
    ).toBe("B J");
    expect(patchedUser(user, ops({ op: "replace", path: "displayName", value: "Babs" })).name).toBe("Babs");
    expect(patchedUser(user, ops({ op: "replace", path: "name", value: { formatted: "Ms B" } })).name).toBe("Ms B");
    expect(
      patchedUser(
        user,
        ops({ op: "replace", value: { userName: "Babs@Example.com" } }, { op: "add", path: "externalId", value: "e1" }),
      ),
    ).toMatchObject({ email: "babs@example.com", externalId: "e1" });
    expect(patchedUser({ ...user, externalId: "e1" }, ops({ op: "remove", path: "externalId" })).externalId).toBeNull();
  });
  it("refuses prototype paths, bad paths, a remove without path and a filter matching nothing", () => {
    expect(scimType(() => patchedUser(user, ops({ op: "replace", path: "__proto__", value: {} })))).toBe("invalidPath");
    expect(scimType(() => patchedUser(user, ops({ op: "replace", path: "name.constructor", value: 1 })))).toBe(
      "invalidPath",
    );
    expect(scimType(() => patchedUser(user, ops({ op: "replace", value: { "constructor.x": 1 } })))).toBe(
      "invalidPath",
    );
    expect(scimType(() => patchedUser(user, ops({ op: "replace", path: "a b", value: 1 })))).toBe("invalidPath");
    expect(scimType(() => patchedUser(user, ops({ op: "replace", path: "emails[type eq", value: 1 })))).toBe(
      "invalidPath",
    );
    expect(scimType(() => patchedUser(user, ops({ op: "remove" })))).toBe("noTarget");
    expect(
      scimType(() => patchedUser(user, ops({ op: "replace", path: 'emails[type eq "home"].value', value: "x" }))),
    ).toBe("noTarget");
    expect(scimType(() => patchedUser(user, ops({ op: "replace", path: "active", value: "yes" })))).toBe(
      "invalidValue",
    );
    expect(scimType(() => patchedUser(user, ops({ op: "remove", path: "userName" })))).toBe("invalidValue");
    expect(Object.prototype).not.toHaveProperty("x");
  });
});
