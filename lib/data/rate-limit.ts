import "server-only";
import { db } from "../db";
import { AppError } from "../errors";

// Fixed one-minute windows counted in the shared database, so the limit holds across every app
// instance. One upsert with an atomic increment per request; rows older than an hour are pruned
// now and then.

export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many requests; try again in ${retryAfterSeconds} s.`, 429, "rate_limited");
  }
}

export async function consumeRate(kind: string, id: string, limitPerMinute: number, now = new Date()) {
  const minute = Math.floor(now.getTime() / 60_000);
  const key = `${kind}:${id}:${minute}`;
  const windowStart = new Date(minute * 60_000);
  const bump = () =>
    db.rateLimit.upsert({
      where: { key },
      create: { key, windowStart, count: 1 },
      update: { count: { increment: 1 } },
      select: { count: true },
    });
  // two first requests in a window can race on the insert (the loser's retry is an update), and
  // on SQLite another process may hold the write lock for a moment: a few retries
  let row: { count: number } | null = null;
  for (let attempt = 0; !row; attempt++) {
    row = await bump().catch((e) => {
      if (attempt >= 5) throw e;
      return new Promise<null>((r) => setTimeout(() => r(null), 5 * 2 ** attempt));
    });
  }
  if (Math.random() < 0.01)
    await db.rateLimit
      .deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - 3_600_000) } } })
      .catch(() => undefined);
  if (row.count > limitPerMinute)
    throw new RateLimitedError(Math.max(1, 60 - Math.floor((now.getTime() % 60_000) / 1000)));
}
