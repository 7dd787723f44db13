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

describe("feedbackBlocked (independent ratings first)", () => {
  it("blocks while one of the viewer's scheduled interviews has no submitted scorecard", async () => {
    const { feedbackBlocked } = await import("./permissions");
    const mine = (id: string, status: string, scorecardStatus: string | null) => ({
      id,
      interviewerId: "me",
      status,
      scorecardStatus,
    });
    expect(feedbackBlocked("me", [])).toBeNull();
    expect(feedbackBlocked("me", [mine("i1", "scheduled", null)])).toEqual({ interviewId: "i1" });
    expect(feedbackBlocked("me", [mine("i1", "scheduled", "draft")])).toEqual({ interviewId: "i1" });
    expect(feedbackBlocked("me", [mine("i1", "scheduled", "submitted")])).toBeNull();
    expect(feedbackBlocked("me", [mine("i1", "cancelled", null)])).toBeNull();
    // a second interview still owed blocks again
    expect(feedbackBlocked("me", [mine("i1", "scheduled", "submitted"), mine("i2", "scheduled", null)])).toEqual({
      interviewId: "i2",
    });
    // someone else's owed interview does not block me
    expect(
      feedbackBlocked("me", [{ id: "i3", interviewerId: "you", status: "scheduled", scorecardStatus: null }]),
    ).toBeNull();
  });
});
