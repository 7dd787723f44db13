import { describe, expect, it } from "vitest";
import { isSessionCurrent, SESSION_MAX_AGE_S, sessionClaims, sessionEndsAt } from "./sessions";

const signedInAt = Date.UTC(2026, 11, 1, 8) / 1000;
const claims = { sessionId: "s1", generation: 2, signedInAt };
const at = (s: number) => new Date((signedInAt + s) * 1000);

describe("sessions", () => {
  it("a session of the user's current generation counts until 12 hours after sign-in", () => {
    expect(isSessionCurrent(claims, { sessionGeneration: 2 }, false, at(60))).toBe(true);
    expect(isSessionCurrent(claims, { sessionGeneration: 2 }, false, at(SESSION_MAX_AGE_S - 1))).toBe(true);
    expect(isSessionCurrent(claims, { sessionGeneration: 2 }, false, at(SESSION_MAX_AGE_S))).toBe(false);
    expect(sessionEndsAt(claims)).toEqual(at(SESSION_MAX_AGE_S));
  });
  it("is refused once the generation moved on, the session was ended, or the user is gone", () => {
    expect(isSessionCurrent(claims, { sessionGeneration: 3 }, false, at(60))).toBe(false);
    expect(isSessionCurrent(claims, { sessionGeneration: 2 }, true, at(60))).toBe(false);
    expect(isSessionCurrent(claims, null, false, at(60))).toBe(false);
  });
  it("a token without the app's claims (issued before them, or forged short) is refused", () => {
    expect(sessionClaims({ sessionId: "s1", generation: 0, signedInAt })).toEqual({
      sessionId: "s1",
      generation: 0,
      signedInAt,
    });
    for (const raw of [
      null,
      undefined,
      {},
      { sessionId: "s1", generation: 0 },
      { sessionId: "", generation: 0, signedInAt },
      { sessionId: "s1", generation: "0", signedInAt },
      { sessionId: 1, generation: 0, signedInAt },
      { sessionId: "s1", generation: 0.5, signedInAt },
    ]) {
      expect(sessionClaims(raw)).toBeNull();
    }
    expect(isSessionCurrent(null, { sessionGeneration: 0 }, false, at(1))).toBe(false);
  });
});
