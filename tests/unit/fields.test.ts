import { describe, expect, it } from "vitest";
import { candidateSchema } from "@/lib/validations/hiring";
import { userCreateSchema } from "@/lib/validations/users";

describe("e-mail fields", () => {
  it("accept pasted addresses with spaces and capitals, and store them lower-cased", () => {
    expect(
      userCreateSchema.parse({ name: "Dana Fox", email: "  Dana.Fox@Example.COM ", roles: ["interviewer"] }).email,
    ).toBe("dana.fox@example.com");
    expect(candidateSchema.parse({ name: "Dana Fox", email: " X@Y.io" }).email).toBe("x@y.io");
  });
  it("refuse what is not an address, with the message shown next to the field", () => {
    const r = userCreateSchema.safeParse({ name: "Dana Fox", email: "dana at example", roles: ["interviewer"] });
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["email", "Enter a valid e-mail address"],
    ]);
  });
  it("generate a password when none is given, and refuse short ones", () => {
    expect(userCreateSchema.parse({ name: "Dana Fox", email: "d@x.io", roles: ["admin"] }).password).toBe("");
    expect(
      userCreateSchema.safeParse({ name: "Dana Fox", email: "d@x.io", roles: ["admin"], password: "short" }).success,
    ).toBe(false);
    expect(userCreateSchema.safeParse({ name: "Dana Fox", email: "d@x.io", roles: [] }).error?.issues[0].message).toBe(
      "Give at least one app role",
    );
  });
});
