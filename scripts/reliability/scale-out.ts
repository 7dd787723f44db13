// npm run scale-out -- [--pg postgresql://…]
// Two app instances serve one database at once. A person signed in through one is
// signed in on the other; a draft saved through one is read back through the other (page and API);
// failed sign-ins counted by one lock the account on the other (the throttle lives in the
// database). Exits non-zero on any difference. Needs a production build.
import { randomUUID } from "node:crypto";
import { arg, freshDatabase, seed, startInstance, stopInstance, trySignIn } from "./harness";

const pgServer = process.argv.includes("--pg") ? arg("pg", "") : undefined;
const target = await freshDatabase(pgServer);
process.env.DATABASE_URL = target.url;
const { people } = await seed(1);
const { db } = await import("../../lib/db");
const { hashPassword } = await import("../../lib/password");
const PASSWORD = "scale-out-password-1";
const person = await db.user.update({
  where: { id: people[0].userId },
  data: { passwordHash: await hashPassword(PASSWORD) },
  select: { email: true, name: true },
});
await db.$disconnect();

const [a, b] = [await startInstance(target.url, 3950), await startInstance(target.url, 3951)];
const problems: string[] = [];
const expect = (ok: boolean, what: string) => {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) problems.push(what);
};

const signIn = (base: string, password: string) => trySignIn(base, person.email, password);

try {
  const cookie = await signIn(a.base, PASSWORD);
  expect(!!cookie, "signed in through instance A");
  const session = (await (await fetch(`${b.base}/api/auth/session`, { headers: { Cookie: cookie ?? "" } })).json()) as {
    user?: { email?: string };
  };
  expect(session.user?.email === person.email, "instance B knows the session made on A");
  const page = await fetch(`${b.base}/interviews`, { headers: { Cookie: cookie ?? "" }, redirect: "manual" });
  expect(
    page.status === 200 && (await page.text()).includes("My interviews"),
    "instance B serves My interviews to that session",
  );

  const marker = `saved through A ${randomUUID()}`;
  const put = await fetch(`${a.base}/api/interviews/${people[0].interviewId}/scorecard`, {
    method: "PUT",
    headers: { Cookie: cookie ?? "", "Content-Type": "application/json" },
    body: JSON.stringify({
      baseVersion: 0,
      values: { ratings: {}, redFlags: {}, keyTakeaways: marker, recommendation: "" },
    }),
  });
  expect(put.status === 200, "a draft saved through A");
  const kit = await fetch(`${b.base}/interviews/${people[0].interviewId}`, { headers: { Cookie: cookie ?? "" } });
  expect((await kit.text()).includes(marker), "the scorecard page on B shows the draft saved through A");
  const api = (await (
    await fetch(`${b.base}/api/v1/interviews/${people[0].interviewId}/scorecard`, {
      headers: { Authorization: `Bearer ${people[0].token}` },
    })
  ).json()) as { values?: { keyTakeaways?: string }; version?: number };
  expect(api.values?.keyTakeaways === marker && api.version === 1, "the API on B returns it, version 1");
  const stale = await fetch(`${b.base}/api/interviews/${people[0].interviewId}/scorecard`, {
    method: "PUT",
    headers: { Cookie: cookie ?? "", "Content-Type": "application/json" },
    body: JSON.stringify({
      baseVersion: 0,
      values: { ratings: {}, redFlags: {}, keyTakeaways: "stale tab on B", recommendation: "" },
    }),
  });
  expect(stale.status === 409, "a stale save through B is refused (409), not overwriting A's");

  for (let i = 0; i < 6; i++) await signIn(a.base, "wrong password here");
  expect((await signIn(b.base, PASSWORD)) === null, "failed sign-ins counted on A lock the account on B");
} finally {
  await stopInstance(a);
  await stopInstance(b);
  await target.drop();
}
if (problems.length) {
  console.log(`scale-out (${target.kind}): FAILED`);
  process.exit(1);
}
console.log(`scale-out (${target.kind}): passed — two instances, one database`);
process.exit(0);
