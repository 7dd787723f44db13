import { describe, expect, it } from "vitest";
import { GROUP_FILTER, translateFilter, USER_FILTER } from "./filter";
import { ScimError } from "./errors";

const users = (f: string) => translateFilter(f, USER_FILTER);
const refused = (f: string) => {
  try {
    users(f);
  } catch (e) {
    return e instanceof ScimError ? `${e.status} ${e.scimType}` : "other";
  }
  return "accepted";
};

describe("SCIM list filters as conditions", () => {
  it("translates the filters identity providers send", () => {
    expect(users('userName eq "a@b.c"')).toEqual([[{ field: "email", value: "a@b.c" }]]);
    expect(users('USERNAME Eq "a@b.c"')).toEqual([[{ field: "email", value: "a@b.c" }]]);
    expect(users('urn:ietf:params:scim:schemas:core:2.0:User:userName eq "x"')).toEqual([
      [{ field: "email", value: "x" }],
    ]);
    expect(users('externalId eq "00u1" and active eq true')).toEqual([
      [
        { field: "externalId", value: "00u1" },
        { field: "active", value: true },
      ],
    ]);
    expect(users('userName eq "a" or displayName eq "B"')).toEqual([
      [{ field: "email", value: "a" }],
      [{ field: "name", value: "B" }],
    ]);
  });

  it("reads the work e-mail filters: the one e-mail is the work one, so a home one matches nothing", () => {
    expect(users('emails[type eq "work"].value eq "a@b.c"')).toEqual([[{ field: "email", value: "a@b.c" }]]);
    expect(users('emails[type eq "Work" and value eq "a@b.c"]')).toEqual([[{ field: "email", value: "a@b.c" }]]);
    expect(users('emails[type eq "home"].value eq "a@b.c"')).toEqual([]);
  });

  it("distributes and over or", () => {
    expect(users('(userName eq "a" or userName eq "b") and active eq false')).toEqual([
      [
        { field: "email", value: "a" },
        { field: "active", value: false },
      ],
      [
        { field: "email", value: "b" },
        { field: "active", value: false },
      ],
    ]);
  });

  it("refuses with 400 invalidFilter what it cannot answer exactly", () => {
    for (const f of [
      'userName co "a"',
      'userName sw "a"',
      "userName pr",
      'not (userName eq "a")',
      'nickName eq "a"',
      'active eq "true"',
      "userName eq 3",
      "userName eq",
      "((",
      'userName eq "' + "x".repeat(2001) + '"',
      Array.from({ length: 8 }, (_, i) => `(userName eq "${i}" or externalId eq "${i}")`).join(" and "),
    ])
      expect(refused(f), f).toBe("400 invalidFilter");
  });

  it("finds groups by name, id and member", () => {
    expect(translateFilter('displayName eq "Scorecards Admins"', GROUP_FILTER)).toEqual([
      [{ field: "displayName", value: "Scorecards Admins" }],
    ]);
    expect(translateFilter('id eq "admin" and members[value eq "u1"]', GROUP_FILTER)).toEqual([
      [
        { field: "id", value: "admin" },
        { field: "member", value: "u1" },
      ],
    ]);
  });
});
