import { describe, expect, it } from "vitest";
import { candidateScope } from "./permissions";

describe("candidateScope", () => {
  it("recruiters and admins see all, hiring managers their openings, interviewers none", () => {
    expect(candidateScope(["recruiter"])).toBe("all");
    expect(candidateScope(["admin"])).toBe("all");
    expect(candidateScope(["hiring-manager", "interviewer"])).toBe("managed");
    expect(candidateScope(["interviewer"])).toBe("none");
    expect(candidateScope([])).toBe("none");
    expect(candidateScope(["hiring-manager", "recruiter"])).toBe("all");
  });
});

describe("canSetUpHiring / isAdmin", () => {
  it("recruiters and admins set up hiring; only admins administer", async () => {
    const { canSetUpHiring, isAdmin } = await import("./permissions");
    expect(canSetUpHiring(["recruiter"])).toBe(true);
    expect(canSetUpHiring(["admin"])).toBe(true);
    expect(canSetUpHiring(["hiring-manager", "interviewer"])).toBe(false);
    expect(isAdmin(["recruiter"])).toBe(false);
    expect(isAdmin(["recruiter", "admin"])).toBe(true);
  });
});
