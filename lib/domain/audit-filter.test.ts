import { describe, expect, it } from "vitest";
import { actionFamily, actionMatch } from "./audit-filter";

describe("actionMatch", () => {
  it("reads a family written with a star, as the README shows it, as a prefix", () => {
    expect(actionMatch("user.*")).toEqual({ kind: "prefix", prefix: "user." });
    expect(actionMatch("user*")).toEqual({ kind: "prefix", prefix: "user" });
    expect(actionMatch(" role-template.* ")).toEqual({ kind: "prefix", prefix: "role-template." });
  });
  it("keeps a text ending in a dot as a family, and anything else as one action", () => {
    expect(actionMatch("user.")).toEqual({ kind: "prefix", prefix: "user." });
    expect(actionMatch("user.deactivated")).toEqual({ kind: "equals", action: "user.deactivated" });
  });
  it("treats a lone star or nothing as every action, and refuses a star in the middle", () => {
    expect(actionMatch("*")).toEqual({ kind: "any" });
    expect(actionMatch("")).toEqual({ kind: "any" });
    expect(actionMatch("user.*.x")).toBeNull();
    expect(actionMatch("*.created")).toBeNull();
  });
  it("names an action's family in the star form", () => {
    expect(actionFamily("user.deactivated")).toBe("user.*");
    expect(actionFamily("api.write")).toBe("api.*");
  });
});
