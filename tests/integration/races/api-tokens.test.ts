// API tokens under concurrency (docs/decisions/014): revoked N times at once is one revocation
// with one audit entry; once revoke has returned, no use of the token is accepted, even by
// requests already under way when it was revoked.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authenticateToken, createApiToken, revokeApiToken } from "@/lib/data/api-tokens";
import { UnauthenticatedError } from "@/lib/errors";
import { createUser } from "@/seed/factories";
import { fulfilled, race } from "../../support/race";

const N = 10;
let admin: { id: string; roles: ["admin"] };
let owner: string;

beforeAll(async () => {
  admin = {
    id: (await createUser(db, { email: "token-admin@test.local", name: "Token Admin", roles: ["admin"] })).id,
    roles: ["admin"],
  };
  owner = (await createUser(db, { email: "token-owner@test.local", name: "Token Owner", roles: ["recruiter"] })).id;
});

describe("API tokens at once", () => {
  it("revoked N times at once: one revocation, one audit entry, every caller told the same time", async () => {
    const t = await createApiToken(admin, { userId: owner, name: "revoked twice" });
    const results = fulfilled(await race(N, () => revokeApiToken(admin, t.id)));
    expect(results).toHaveLength(N);
    const stored = await db.apiToken.findUniqueOrThrow({ where: { id: t.id } });
    for (const r of results) expect(r.revokedAt).toEqual(stored.revokedAt);
    expect(await db.auditLog.count({ where: { action: "api-token.revoked", entityId: t.id } })).toBe(1);
  });

  it("a use that finishes after revoke has returned is refused, even one that started before", async () => {
    for (let round = 0; round < 3; round++) {
      const t = await createApiToken(admin, { userId: owner, name: `in use ${round}` });
      let revokedAt = Infinity;
      const uses = await race(N + 1, async (i) => {
        if (i === N) {
          await new Promise((r) => setTimeout(r, 5));
          await revokeApiToken(admin, t.id);
          revokedAt = performance.now();
          return { accepted: false, finishedAt: revokedAt };
        }
        const accepted = [];
        // each caller keeps using the token, back to back, until it is refused
        // (at most 50 each: ten callers stay under the per-token rate limit of 600 a minute)
        for (let n = 0; n < 50; n++) {
          try {
            await authenticateToken(`Bearer ${t.token}`);
            accepted.push(performance.now());
          } catch (e) {
            if (!(e instanceof UnauthenticatedError)) throw e;
            break;
          }
        }
        return { accepted: true, finishedAt: Math.max(0, ...accepted) };
      });
      const lastAccepted = Math.max(
        ...fulfilled(uses)
          .filter((u) => u.accepted)
          .map((u) => u.finishedAt),
      );
      expect(
        uses.filter((u) => u.status === "rejected").map((u) => String((u as PromiseRejectedResult).reason)),
      ).toEqual([]);
      expect(lastAccepted, `round ${round}`).toBeLessThan(revokedAt);
    }
  });
});
